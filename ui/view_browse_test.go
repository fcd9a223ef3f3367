package ui

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// tableOf is the table a resource view draws.
func tableOf(t *testing.T, v View) *Table {
	t.Helper()
	switch v := v.(type) {
	case *ClustersView:
		return v.table
	case *ServicesView:
		return v.table
	case *TasksView:
		return v.table
	case *ContainersView:
		return v.table
	case *ContainerInstancesView:
		return v.table
	}
	t.Fatalf("%T is not a resource view", v)
	return nil
}

// cellsOf is one column of the rows shown, in order.
func cellsOf(tb *Table, col int) []string {
	var out []string
	for _, i := range tb.shown {
		out = append(out, tb.rows[i].Cells[col])
	}
	return out
}

// column is the index of the column titled title.
func column(t *testing.T, tb *Table, title string) int {
	t.Helper()
	i := slices.IndexFunc(tb.cols, func(c Column) bool { return c.Title == title })
	if i < 0 {
		t.Fatalf("no column %q", title)
	}
	return i
}

// rowWhere is the shown row whose cell under title is value.
func rowWhere(t *testing.T, tb *Table, title, value string) Row {
	t.Helper()
	col := column(t, tb, title)
	for _, i := range tb.shown {
		if tb.rows[i].Cells[col] == value {
			return tb.rows[i].Row
		}
	}
	t.Fatalf("no row with %s %q in %v", title, value, cellsOf(tb, col))
	return Row{}
}

// open selects the row whose first cell is name and presses enter.
func open(t *testing.T, d *viewDriver, name string) View {
	t.Helper()
	tb := tableOf(t, d.v)
	if !tb.Select(rowWhere(t, tb, tb.cols[0].Title, name).ID) {
		t.Fatalf("cannot select %s", name)
	}
	d.send(press("enter"))
	return d.navigated()
}

func TestBrowseDrillDown(t *testing.T) {
	_, ctx := startViewDemo(t)
	clusters := newViewDriver(t, NewClustersView(ctx))
	clusters.start()

	svcView := open(t, clusters, "prod")
	if sv, ok := svcView.(*ServicesView); !ok || sv.Cluster() != "prod" || sv.Title() != "services(prod)" {
		t.Fatalf("enter on prod pushed %T %q", svcView, svcView.Title())
	}
	services := newViewDriver(t, svcView)
	services.start()
	names := cellsOf(tableOf(t, svcView), 0)
	for _, want := range []string{"web", "worker", "api"} {
		if !slices.Contains(names, want) {
			t.Errorf("services of prod %v: %s missing", names, want)
		}
	}

	taskView := open(t, services, "web")
	if taskView.Title() != "tasks(prod/web)" {
		t.Fatalf("enter on web pushed %q", taskView.Title())
	}
	tasks := newViewDriver(t, taskView)
	tasks.start()
	tb := tableOf(t, taskView)
	if n := tb.Len(); n != 3 {
		t.Errorf("web runs %d tasks, want 3:\n%s", n, taskView.View())
	}
	for _, st := range cellsOf(tb, column(t, tb, "STATUS")) {
		if st != "RUNNING" {
			t.Errorf("web task STATUS %q, want RUNNING", st)
		}
	}
	for _, def := range cellsOf(tb, column(t, tb, "TASK DEF")) {
		if !strings.HasPrefix(def, "web:") {
			t.Errorf("web task runs %q", def)
		}
	}

	first := cellsOf(tb, 0)[0]
	// the whole ID, as people paste it into the CLI, at 120 columns
	if len(first) != 32 || !strings.Contains(taskView.View(), first) {
		t.Errorf("task ID %q is not whole on screen:\n%s", first, taskView.View())
	}
	ctView := open(t, tasks, first)
	if ctView.Title() != "containers("+first+")" {
		t.Fatalf("enter on task pushed %q", ctView.Title())
	}
	containers := newViewDriver(t, ctView)
	containers.start()
	ct := tableOf(t, ctView)
	app := rowWhere(t, ct, "NAME", "app")
	if img := app.Cells[column(t, ct, "IMAGE")]; !strings.HasPrefix(img, "web:1.") {
		t.Errorf("app image %q: want the repository and tag, web:1.x", img)
	}
	if got := app.Cells[column(t, ct, "ESSENTIAL")]; got != "yes" {
		t.Errorf("app ESSENTIAL %q, want yes (from the task definition)", got)
	}
	if got := rowWhere(t, ct, "NAME", "migrate").Cells[column(t, ct, "EXIT")]; got != "0" {
		t.Errorf("migrate init container EXIT %q, want 0", got)
	}
	if !strings.Contains(ctView.View(), "web:1.") {
		t.Errorf("the image tag is not on screen:\n%s", ctView.View())
	}
}

func TestBackResumesTheViewBelow(t *testing.T) {
	srv, ctx := startViewDemo(t)
	v := NewServicesView(ctx, "prod")
	d := newViewDriver(t, v)
	d.start()
	tb := tableOf(t, v)
	web := rowWhere(t, tb, "NAME", "web").ID
	tb.Select(web)
	d.send(press("enter"))
	d.navigated()

	// While the tasks view is on top, the services view gets nothing; when
	// it is popped the App sends ResumeMsg and the view refreshes at once.
	srv.Sim().Advance(demoStart.Add(time.Minute))
	d.send(ResumeMsg{})
	if st := d.refreshed(); st.Err != nil || !st.At.Equal(demoStart.Add(time.Minute)) {
		t.Fatalf("resume refresh: at %v err %v", st.At, st.Err)
	}
	if got := selectedRowID(tb); got != web {
		t.Errorf("selection after back: %q, want web %q", got, web)
	}
}

func selectedRowID(tb *Table) string {
	r, _ := tb.Selected()
	return r.ID
}

func TestFilterAndSort(t *testing.T) {
	_, ctx := startViewDemo(t)
	v := NewServicesView(ctx, "prod")
	d := newViewDriver(t, v)
	d.start()
	tb := tableOf(t, v)
	all := tb.Len()

	d.send(FilterMsg{Query: "WORK"})
	if got := cellsOf(tb, 0); !slices.Equal(got, []string{"worker"}) {
		t.Errorf("filter WORK shows %v, want [worker]", got)
	}
	d.send(FilterMsg{Query: "!worker"})
	if got := cellsOf(tb, 0); len(got) != all-1 || slices.Contains(got, "worker") {
		t.Errorf("filter !worker shows %v", got)
	}
	d.send(FilterMsg{Query: ""})
	if tb.Len() != all {
		t.Errorf("cleared filter shows %d of %d", tb.Len(), all)
	}

	d.send(press("N"))
	names := cellsOf(tb, 0)
	if !slices.IsSorted(names) {
		t.Errorf("N: names not ascending: %v", names)
	}
	d.send(press("N"))
	desc := cellsOf(tb, 0)
	if !slices.IsSortedFunc(desc, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Errorf("N again: names not descending: %v", desc)
	}

	// Age sorts by time, youngest first, whatever the text says ("9d" vs "400d").
	d.send(press("A"))
	var created []time.Time
	for _, name := range cellsOf(tb, 0) {
		created = append(created, serviceCreated(t, v, name))
	}
	if !slices.IsSortedFunc(created, func(a, b time.Time) int { return b.Compare(a) }) {
		t.Errorf("A: not youngest first: %v %v", cellsOf(tb, 0), created)
	}

	// Status sorts problems first: worker, failing, comes before the healthy web.
	d.send(press("S"))
	order := cellsOf(tb, 0)
	if slices.Index(order, "worker") > slices.Index(order, "web") {
		t.Errorf("S: worker should sort before web: %v", order)
	}
}

func serviceCreated(t *testing.T, v *ServicesView, name string) time.Time {
	t.Helper()
	for _, s := range v.items {
		if s.Name == name {
			return s.CreatedAt
		}
	}
	t.Fatalf("no service %s", name)
	return time.Time{}
}

func TestSelectionKeptAcrossRefresh(t *testing.T) {
	srv, v, d := openTasks(t, "prod", "")
	tb := tableOf(t, v)
	d.send(press("A")) // youngest first: tasks started later appear above the cursor
	// A task of web, which runs steadily, while worker's tasks come and go.
	defCol := column(t, tb, "TASK DEF")
	for i, idx := range tb.shown {
		if strings.HasPrefix(tb.rows[idx].Cells[defCol], "web:") {
			tb.setCursor(i)
			break
		}
	}
	want := selectedRowID(tb)
	before := idSet(tb)

	changed := false
	for i := 1; i <= 5 && !changed; i++ {
		srv.Sim().Advance(demoStart.Add(time.Duration(i) * time.Minute))
		d.refresh()
		if got := selectedRowID(tb); got != want {
			t.Fatalf("after refresh %d the cursor moved from %s to %s", i, want, got)
		}
		changed = !maps.Equal(before, idSet(tb))
	}
	if !changed {
		t.Fatal("no task came or went in 5 simulated minutes; the test proves nothing")
	}
}

func idSet(tb *Table) map[string]bool {
	m := map[string]bool{}
	for _, r := range tb.rows {
		m[r.ID] = true
	}
	return m
}
