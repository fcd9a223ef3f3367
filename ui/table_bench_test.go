package ui

import (
	"fmt"
	"testing"

	"github.com/ecsdeck/ecsdeck/model"
)

// benchColumns look like the tasks view: ten columns, two flexible.
func benchColumns() []Column {
	return []Column{
		{Title: "TASK", MinWidth: 12, Sort: model.SortName}, {Title: "LAST", Sort: model.SortStatus}, {Title: "DESIRED"},
		{Title: "HEALTH"}, {Title: "TASKDEF", Flex: true, MinWidth: 10}, {Title: "LAUNCH"}, {Title: "AZ"},
		{Title: "IP"}, {Title: "CPU/MEM", Right: true}, {Title: "AGE", Right: true, Sort: model.SortAge},
	}
}

// benchRows builds n task-like rows; gen changes some cells as a refresh would.
func benchRows(n, gen int) []Row {
	rows := make([]Row, n)
	statuses := []string{"RUNNING", "PENDING", "STOPPED", "PROVISIONING"}
	for i := range rows {
		id := fmt.Sprintf("%032x", i*7919)
		age := fmt.Sprintf("%dm", (i+gen)%600)
		rows[i] = Row{
			ID: id,
			Cells: []string{id, statuses[(i+gen)%4], "RUNNING", "HEALTHY", fmt.Sprintf("svc-%d:%d", i%200, 1+gen%9),
				"FARGATE", "us-east-1a", fmt.Sprintf("10.0.%d.%d", i/256%256, i%256), ".25 vCPU/512 MiB", age},
			SortKeys: []string{"", "", "", "", "", "", "", "", "", fmt.Sprintf("%08d", (i+gen)%600)},
			State:    Status((i + gen) % 6),
		}
	}
	return rows
}

func benchTable(b *testing.B) *Table {
	tb := NewTable(benchColumns(), NewStyles(Theme{Dark: true}))
	tb.SetSize(200, 50)
	tb.SortBy(0, false)
	tb.SetRows(benchRows(20000, 0))
	tb.Select(fmt.Sprintf("%032x", 10000*7919))
	return tb
}

// BenchmarkTableView20k renders the visible window of a 20,000-row table.
func BenchmarkTableView20k(b *testing.B) {
	tb := benchTable(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = tb.View()
	}
}

// BenchmarkTableFilterKeystroke20k applies one more filter keystroke.
func BenchmarkTableFilterKeystroke20k(b *testing.B) {
	tb := benchTable(b)
	tb.SetFilter("svc-1")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		// alternate so every iteration changes the filter
		if i%2 == 0 {
			tb.SetFilter("svc-12")
		} else {
			tb.SetFilter("svc-1")
		}
		i++
	}
}

// BenchmarkTableMerge20k replaces 20,000 rows with updated ones, keeping
// the selection by ID (a background refresh).
func BenchmarkTableMerge20k(b *testing.B) { benchMerge(b, "") }

// BenchmarkTableMergeFiltered20k is the same refresh while a filter is
// active, so every new row is matched again.
func BenchmarkTableMergeFiltered20k(b *testing.B) { benchMerge(b, "svc-1") }

// benchMerge refreshes a 20,000-row table under filter, alternating two
// generations of rows so that every refresh changes them.
func benchMerge(b *testing.B, filter string) {
	tb := benchTable(b)
	tb.SetFilter(filter)
	gens := [][]Row{benchRows(20000, 1), benchRows(20000, 2)}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		tb.SetRows(gens[i%2])
		i++
	}
}
