package ui

import (
	"encoding/json"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/ecsdeck/ecsdeck/demo/sim"
	"github.com/ecsdeck/ecsdeck/keymap"
	"github.com/ecsdeck/ecsdeck/model"
)

// The tasks view of a large cluster must hold 20,000 tasks in well under
// 100 MB: the tasks themselves (kept for enter and describe), their rows
// and the table's copy of them.
const (
	bigTasks    = 20000
	memoryLimit = 100 << 20
)

// manyTasks makes n distinct tasks shaped like web's in the demo (three
// containers, health checks, ENI address). Each is decoded from JSON, as the
// SDK would, so no string is shared between two tasks.
func manyTasks(tb testing.TB, n int) []model.Task {
	tb.Helper()
	s := sim.New(demoStart, sim.Config{})
	arns, err := s.TaskARNs("prod", sim.TaskFilter{ServiceName: "web"})
	if err != nil || len(arns) == 0 {
		tb.Fatalf("web tasks: %v %v", arns, err)
	}
	found, _, err := s.Tasks("prod", arns[:1])
	if err != nil || len(found) != 1 {
		tb.Fatalf("describe web task: %v", err)
	}
	template, err := json.Marshal(found[0])
	if err != nil {
		tb.Fatal(err)
	}
	tasks := make([]model.Task, n)
	for i := range tasks {
		t := &tasks[i]
		if err := json.Unmarshal(template, t); err != nil {
			tb.Fatal(err)
		}
		t.ID = fmt.Sprintf("%032x", i+1)
		t.ARN = "arn:aws:ecs:us-east-1:123456789012:task/load/" + t.ID
		t.PrivateIP = fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255)
		t.CreatedAt = demoStart.Add(-time.Duration(i) * time.Second)
	}
	return tasks
}

// loadTasks hands the view a reply with these tasks, built as a refresh
// builds it.
func loadTasks(v *TasksView, tasks []model.Task, now time.Time) {
	v.refresh(false)
	req := v.loader()
	rows := make([]Row, len(tasks))
	for i, t := range tasks {
		rows[i] = req.row(t, now)
	}
	v.Update(loadedMsg[model.Task]{view: v.id, gen: v.gen, items: tasks, rows: rows, at: now})
}

// tasksViewHeap is how many heap bytes a tasks view holding n tasks keeps
// alive, after a filter has been typed (which indexes every row) and cleared.
func tasksViewHeap(tb testing.TB, n int) uint64 {
	tb.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	ctx := &Context{Styles: NewStyles(Theme{}), Keys: keymap.New(false), Refresh: time.Hour}
	v := NewTasksView(ctx, "load", "")
	v.SetSize(160, 50)
	loadTasks(v, manyTasks(tb, n), demoStart)
	v.Update(FilterMsg{Query: "10.0.1"})
	v.Update(FilterMsg{Query: ""})
	if v.table.Total() != n {
		tb.Fatalf("the view holds %d rows, want %d", v.table.Total(), n)
	}

	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return after.HeapAlloc - before.HeapAlloc
}

func TestTasksViewMemory20k(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 20,000 tasks")
	}
	held := tasksViewHeap(t, bigTasks)
	t.Logf("tasks view with %d tasks holds %.1f MB", bigTasks, float64(held)/(1<<20))
	if held > memoryLimit {
		t.Errorf("tasks view with %d tasks holds %.1f MB, over %d MB", bigTasks, float64(held)/(1<<20), memoryLimit>>20)
	}
}

// BenchmarkTasksViewMemory20k reports the heap a tasks view of 20,000 tasks
// keeps (MB-held); run with -benchtime=1x.
func BenchmarkTasksViewMemory20k(b *testing.B) {
	var held uint64
	for b.Loop() {
		held = tasksViewHeap(b, bigTasks)
	}
	b.ReportMetric(float64(held)/(1<<20), "MB-held")
}

// BenchmarkTasksRows20k measures turning 20,000 tasks into table rows, the
// work a refresh does off the UI goroutine.
func BenchmarkTasksRows20k(b *testing.B) {
	tasks := manyTasks(b, bigTasks)
	ctx := &Context{Styles: NewStyles(Theme{}), Keys: keymap.New(false)}
	req := NewTasksView(ctx, "load", "").loader()
	rows := make([]Row, len(tasks))
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range tasks {
			rows[i] = req.row(t, demoStart)
		}
	}
}

// BenchmarkTasksViewApply20k measures what Update does with a refresh of
// 20,000 tasks: the table takes the rows, keeping sort and selection.
func BenchmarkTasksViewApply20k(b *testing.B) {
	tasks := manyTasks(b, bigTasks)
	ctx := &Context{Styles: NewStyles(Theme{}), Keys: keymap.New(false), Refresh: time.Hour}
	v := NewTasksView(ctx, "load", "")
	v.SetSize(160, 50)
	loadTasks(v, tasks, demoStart)
	v.Update(press("A"))
	req := v.loader()
	rows := make([]Row, len(tasks))
	for i, t := range tasks {
		rows[i] = req.row(t, demoStart.Add(time.Minute))
	}
	b.ReportAllocs()
	for b.Loop() {
		v.refresh(false)
		v.Update(loadedMsg[model.Task]{view: v.id, gen: v.gen, items: tasks, rows: rows, at: demoStart})
	}
}
