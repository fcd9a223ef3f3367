package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ecsdeck/ecsdeck/demo"
	"github.com/ecsdeck/ecsdeck/model"
)

// openTasks starts the demo and a tasks view on it, loaded.
func openTasks(t *testing.T, cluster, service string) (*demo.Server, *TasksView, *viewDriver) {
	t.Helper()
	srv, ctx := startViewDemo(t)
	v := NewTasksView(ctx, cluster, service)
	d := newViewDriver(t, v)
	d.start()
	return srv, v, d
}

func TestTasksViewStoppedToggle(t *testing.T) {
	_, v, d := openTasks(t, "prod", "worker")
	tb := tableOf(t, v)
	for _, st := range cellsOf(tb, column(t, tb, "STATUS")) {
		if st != "RUNNING" {
			t.Errorf("without the toggle a task is %s", st)
		}
	}
	if col, _ := tb.SortColumn(); col >= 0 {
		t.Errorf("the live tasks are sorted by column %d: want ECS's order", col)
	}
	running := tb.Total()
	if hint := v.Keys()[len(v.Keys())-1].Help(); hint.Key != "a" || hint.Desc != "stopped tasks" {
		t.Errorf("toggle hint %+v", hint)
	}

	d.send(press("a"))
	d.refreshed()
	if v.Title() != "tasks(prod/worker, all)" {
		t.Errorf("title %q", v.Title())
	}
	tb = tableOf(t, v)
	if tb.Total() <= running {
		t.Fatalf("with stopped tasks %d rows, without %d: worker's stopped tasks missing", tb.Total(), running)
	}
	// Most recently stopped first, by default.
	stopped := column(t, tb, "STOPPED")
	if col, desc := tb.SortColumn(); col != stopped || desc {
		t.Errorf("stopped tasks sorted by column %d (desc %v), want STOPPED ascending", col, desc)
	}
	stopTimes := map[string]time.Time{}
	for _, it := range v.items {
		stopTimes[it.ARN] = model.StopTime(it)
	}
	ids := shownIDs(tb)
	for i := 1; i < len(ids); i++ {
		// ages have a resolution of a second: ties go by ID
		a, b := stopTimes[ids[i-1]], stopTimes[ids[i]]
		if !b.IsZero() && (a.IsZero() || b.Unix() > a.Unix()) {
			t.Fatalf("row %d stopped %v, row %d stopped %v: not most recent first, running last", i-1, a, i, b)
		}
	}
	// The whole IDs and the whole explanations fit at 120 columns.
	screen := v.View()
	if strings.Contains(screen, "…") {
		t.Errorf("something is cut at 120 columns:\n%s", screen)
	}
	reasons := cellsOf(tb, column(t, tb, "STOP REASON"))
	oom := 0
	for i, r := range reasons {
		if !strings.HasPrefix(r, "out of memory (exit 137) in app") {
			continue
		}
		oom++
		if id := cellsOf(tb, 0)[i]; i < 20 && !strings.Contains(screen, id+"  STOPPED") {
			t.Errorf("task ID %s not whole on screen:\n%s", id, screen)
		}
	}
	if oom == 0 {
		t.Errorf("no stopped worker task explains an OOM kill; reasons: %q", reasons)
	}
	d.send(FilterMsg{Query: "out of memory"})
	if tb.Len() != oom {
		t.Errorf("filter on the explanation: %d rows, want %d", tb.Len(), oom)
	}
	d.send(FilterMsg{Query: ""})

	if hint := v.Keys()[len(v.Keys())-1].Help(); hint.Desc != "hide stopped" {
		t.Errorf("toggle hint with the stopped tasks shown %+v", hint)
	}

	// Back to the live tasks: the stopped view's default sort stays there.
	d.send(press("a"))
	d.refreshed()
	tb = tableOf(t, v)
	if slices.ContainsFunc(tb.cols, func(c Column) bool { return c.Title == "STOP REASON" }) {
		t.Error("the stop columns stayed after toggling back")
	}
	if col, _ := tb.SortColumn(); col >= 0 {
		t.Errorf("after toggling back the tasks are sorted by column %d", col)
	}
}

func TestTasksViewSortFollowsTheToggle(t *testing.T) {
	_, v, d := openTasks(t, "prod", "")
	if n := tableOf(t, v).Len(); n < 2 {
		t.Fatalf("prod runs %d tasks", n)
	}
	// From the last running task, the toggle starts at the top: on the
	// last task to stop, in view, not on that running task (now last).
	d.send(press("G"))
	d.send(press("a"))
	d.refreshed()
	tb := tableOf(t, v)
	if ids := shownIDs(tb); len(ids) < 2 || selectedRowID(tb) != ids[0] || tb.offset != 0 {
		t.Errorf("after the toggle the cursor is on %q (window from row %d), want the first row", selectedRowID(tb), tb.offset)
	}
	d.send(press("a"))
	d.refreshed()

	// Sorted by age, oldest first: shift-A sorts the stopped view's STOPPED
	// column the same way, longest ago first.
	d.send(press("A"))
	d.send(press("A"))
	d.send(press("a"))
	d.refreshed()
	tb = tableOf(t, v)
	if col, desc := tb.SortColumn(); col != column(t, tb, "STOPPED") || !desc {
		t.Errorf("after the toggle the table sorts by column %d (desc %v), want STOPPED descending", col, desc)
	}
	d.send(press("a"))
	d.refreshed()
	tb = tableOf(t, v)
	if col, desc := tb.SortColumn(); col != column(t, tb, "AGE") || !desc {
		t.Errorf("after toggling back the table sorts by column %d (desc %v), want AGE descending", col, desc)
	}
	// A sort by a column both views have stays on it.
	d.send(press("N"))
	d.send(press("a"))
	d.refreshed()
	tb = tableOf(t, v)
	if col, desc := tb.SortColumn(); col != column(t, tb, "TASK ID") || desc {
		t.Errorf("sorted by name, after the toggle the table sorts by column %d (desc %v)", col, desc)
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
			if worker.State != StatusWarn && worker.State != StatusError {
				t.Errorf("worker runs %d of %d but its status is %v", running, desired, worker.State)
			}
			break
		}
		if i > 60 {
			t.Fatal("worker never ran below its desired count in 10 simulated minutes")
		}
		srv.Sim().Advance(demoStart.Add(time.Duration(i) * 10 * time.Second))
		d.refresh()
	}
	if web := rowWhere(t, tb, "NAME", "web"); web.State != StatusOK {
		t.Errorf("web status %v, want OK", web.State)
	}
}

// An empty list says what it means and where to look next.
func TestTasksViewEmptyText(t *testing.T) {
	_, v, d := openTasks(t, "prod", "worker")
	tb := tableOf(t, v)
	tb.SetRows(nil) // as when every task of a crashing service is down
	if !strings.Contains(v.View(), "no running tasks — a lists the stopped ones and why they stopped") {
		t.Errorf("live view, no task:\n%s", v.View())
	}
	d.send(press("a"))
	d.refreshed()
	tableOf(t, v).SetRows(nil)
	if !strings.Contains(v.View(), "no tasks, running or stopped") {
		t.Errorf("stopped view, no task:\n%s", v.View())
	}
}
