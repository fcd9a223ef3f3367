package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestTasksViewStoppedToggle(t *testing.T) {
	_, ctx := startViewDemo(t)
	v := NewTasksView(ctx, "prod", "worker")
	d := newViewDriver(t, v)
	d.start()
	tb := tableOf(t, v)
	for _, st := range cellsOf(tb, column(t, tb, "DESIRED")) {
		if st != "RUNNING" {
			t.Errorf("without the toggle a task wants %s", st)
		}
	}
	running := tb.Total()
	d.send(press("A")) // sorted by age: the sort follows the column into the new set

	d.send(press("a"))
	d.refreshed()
	if v.Title() != "tasks(prod/worker, all)" {
		t.Errorf("title %q", v.Title())
	}
	tb = tableOf(t, v)
	if col, desc := tb.SortColumn(); col != column(t, tb, "AGE") || desc {
		t.Errorf("after the toggle the table sorts by column %d (desc %v), want AGE", col, desc)
	}
	if tb.Total() <= running {
		t.Fatalf("with stopped tasks %d rows, without %d: worker's stopped tasks missing", tb.Total(), running)
	}
	reasons := cellsOf(tb, column(t, tb, "STOP REASON"))
	oom := 0
	for i, r := range reasons {
		if strings.HasPrefix(r, "out of memory (exit 137)") {
			oom++
			if code := cellsOf(tb, column(t, tb, "STOP CODE"))[i]; code != "EssentialContainerExited" {
				t.Errorf("OOM-killed task has stop code %q", code)
			}
		}
	}
	if oom == 0 {
		t.Errorf("no stopped worker task explains an OOM kill; reasons: %q", reasons)
	}
	d.send(FilterMsg{Query: "out of memory"})
	if !strings.Contains(v.View(), "out of memory (exit 137)") {
		t.Errorf("the explanation is not on screen:\n%s", v.View())
	}

	d.send(press("a"))
	d.refreshed()
	if slices.ContainsFunc(tableOf(t, v).cols, func(c Column) bool { return c.Title == "STOP REASON" }) {
		t.Error("the stop columns stayed after toggling back")
	}
}

func TestServicesViewMarksFailingServices(t *testing.T) {
	srv, ctx := startViewDemo(t)
	v := NewServicesView(ctx, "prod")
	d := newViewDriver(t, v)
	d.start()
	tb := tableOf(t, v)
	// worker keeps getting OOM-killed: wait (in simulated time) for a
	// moment when it runs fewer tasks than it wants.
	for i := 1; ; i++ {
		worker := rowWhere(t, tb, "NAME", "worker")
		desired, _ := strconv.Atoi(worker.Cells[column(t, tb, "DESIRED")])
		running, _ := strconv.Atoi(worker.Cells[column(t, tb, "RUNNING")])
		if running < desired {
			if worker.Status != StatusWarn && worker.Status != StatusError {
				t.Errorf("worker runs %d of %d but its status is %v", running, desired, worker.Status)
			}
			break
		}
		if i > 60 {
			t.Fatal("worker never ran below its desired count in 10 simulated minutes")
		}
		srv.Sim().Advance(demoStart.Add(time.Duration(i) * 10 * time.Second))
		d.refresh()
	}
	if web := rowWhere(t, tb, "NAME", "web"); web.Status != StatusOK {
		t.Errorf("web status %v, want OK", web.Status)
	}
}
