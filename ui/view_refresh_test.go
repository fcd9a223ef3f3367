package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/model"
)

func TestStaleRepliesAreDropped(t *testing.T) {
	srv, ctx := startViewDemo(t)
	v := NewServicesView(ctx, "prod")
	v.SetSize(120, 30)
	first := v.Init()
	// The view is covered and comes back before the first reply arrives:
	// it starts again, and the first request is out of date.
	second := v.Update(ResumeMsg{})

	old := first()
	if cmd := v.Update(old); cmd != nil || v.table.Total() != 0 {
		t.Fatalf("a superseded reply was applied: %d rows", v.table.Total())
	}
	d := newViewDriver(t, v)
	d.run(second)
	d.refreshed()
	rows := v.table.Total()
	if rows == 0 {
		t.Fatal("the current reply was not applied")
	}

	// A reply from a request made later but for an older generation (its
	// data is newer, yet it must not count) changes nothing either.
	srv.Sim().Advance(demoStart.Add(10 * time.Minute))
	late := first()
	before := v.table.View()
	if cmd := v.Update(late); cmd != nil || v.table.View() != before {
		t.Errorf("a stale reply changed the table")
	}
	// Replies and ticks meant for another view are not this view's business.
	other := loadedMsg[model.Service]{view: v.id + 1000, gen: v.gen, err: &aws.Error{Kind: aws.KindNotFound}}
	if cmd := v.Update(other); cmd != nil {
		t.Errorf("another view's reply produced a command")
	}
	if cmd := v.Update(refreshTickMsg{view: v.id + 1000, gen: v.gen}); cmd != nil {
		t.Errorf("another view's tick started a refresh")
	}
}

func TestOneRefreshAtATime(t *testing.T) {
	_, ctx := startViewDemo(t)
	v := NewClustersView(ctx)
	v.SetSize(120, 30)
	fetch := v.Init()
	if fetch == nil {
		t.Fatal("Init did not start a refresh")
	}
	ctrlRWhileBusy(t, v, func() int { return v.gen })
	if cmd := v.Update(refreshTickMsg{view: v.id, gen: v.gen}); cmd != nil {
		t.Error("a tick started a second refresh while one was in flight")
	}
	tick := v.gen
	d := newViewDriver(t, v)
	d.run(fetch)
	d.refreshed()
	// ctrl-r now starts one at once; the tick armed by the last reply is
	// then stale, so the refresh loop stays single.
	if cmd := v.Update(RefreshNowMsg{}); cmd == nil {
		t.Fatal("ctrl-r did not refresh an idle view")
	}
	if cmd := v.Update(refreshTickMsg{view: v.id, gen: tick}); cmd != nil {
		t.Error("a tick armed before ctrl-r started another refresh")
	}
}

// ctrlRWhileBusy presses ctrl-r on a view whose refresh is running: the
// flash line says so, and no new request starts (gen stays).
func ctrlRWhileBusy(t *testing.T, v View, gen func() int) {
	t.Helper()
	before := gen()
	cmd := v.Update(RefreshNowMsg{})
	if cmd == nil {
		t.Fatal("ctrl-r while a refresh was running: nothing said")
	}
	if msg := cmd(); msg != (FlashMsg{Level: FlashInfo, Text: "refresh already running"}) || gen() != before {
		t.Errorf("ctrl-r while a refresh was running: %#v, generation %d → %d", msg, before, gen())
	}
}

func TestThrottlingBacksOff(t *testing.T) {
	_, ctx := startViewDemo(t)
	ctx.Refresh = 2 * time.Second
	v := NewClustersView(ctx)
	v.SetSize(120, 30)
	d := newViewDriver(t, v)
	throttled := &aws.Error{Kind: aws.KindThrottled, Op: "ecs:ListClusters", Code: "ThrottlingException", Message: "Rate exceeded"}

	var intervals []time.Duration
	for range 6 {
		v.refresh(false)
		d.run(v.Update(loadedMsg[model.Cluster]{view: v.id, gen: v.gen, err: throttled}))
		intervals = append(intervals, v.interval)
	}
	want := []time.Duration{4, 8, 16, 30, 30, 30}
	for i := range want {
		if intervals[i] != want[i]*time.Second {
			t.Fatalf("intervals while throttled %v, want %v s", intervals, want)
		}
	}
	flash := d.await("a flash", func(m tea.Msg) bool { _, ok := m.(FlashMsg); return ok }).(FlashMsg)
	if flash.Level != FlashWarn || flash.Text != throttled.UserMessage() {
		t.Errorf("flash %+v, want the throttling advice as a warning", flash)
	}
	if st := d.refreshed(); st.Err != throttled {
		t.Errorf("refresh state %+v, want the error (the header says stale)", st)
	}
	// A success resets the interval.
	v.refresh(false)
	d.run(v.Update(loadedMsg[model.Cluster]{view: v.id, gen: v.gen}))
	if v.interval != 2*time.Second {
		t.Errorf("interval after success %v, want 2s", v.interval)
	}
}

func TestUnknownClusterKeepsTheView(t *testing.T) {
	_, ctx := startViewDemo(t)
	v := NewServicesView(ctx, "nope")
	d := newViewDriver(t, v)
	st := d.start()
	if aws.KindOf(st.Err) != aws.KindNotFound {
		t.Fatalf("refresh state error %v, want not found", st.Err)
	}
	// AWS says "Cluster not found."; the view names the cluster it asked for.
	want := `cluster "nope" not found in us-east-1 — check the name, region and account (:clusters lists them)`
	flash := d.await("a flash", func(m tea.Msg) bool { _, ok := m.(FlashMsg); return ok }).(FlashMsg)
	if flash.Level != FlashError || flash.Text != want {
		t.Errorf("flash %+v, want %q", flash, want)
	}
	if !strings.Contains(v.View(), `could not load services: cluster "nope" not found in us-east-1`) {
		t.Errorf("the view does not say what went wrong:\n%s", v.View())
	}
	// The view stays and keeps trying.
	if st := d.refresh(); st.Err == nil {
		t.Error("a refresh of an unknown cluster succeeded")
	}
}

func TestUnknownServiceIsNamed(t *testing.T) {
	_, ctx := startViewDemo(t)
	v := NewTasksView(ctx, "prod", "gone")
	d := newViewDriver(t, v)
	if st := d.start(); aws.KindOf(st.Err) != aws.KindNotFound {
		t.Fatalf("refresh state error %v, want not found", st.Err)
	}
	want := `service "gone" not found in cluster "prod" in us-east-1 — it may have been deleted (:svc prod lists the services)`
	if flash := d.await("a flash", func(m tea.Msg) bool { _, ok := m.(FlashMsg); return ok }).(FlashMsg); flash.Text != want {
		t.Errorf("flash %q, want %q", flash.Text, want)
	}
}

func TestNotFoundNamesOnlyWhatTheViewAskedFor(t *testing.T) {
	cluster := &aws.Error{Kind: aws.KindNotFound, Op: "ecs:ListServices", Code: "ClusterNotFoundException", Message: "Cluster not found."}
	service := &aws.Error{Kind: aws.KindNotFound, Op: "ecs:ListTasks", Code: "ServiceNotFoundException", Message: "Service not found."}
	denied := &aws.Error{Kind: aws.KindAccessDenied, Op: "ecs:ListServices", Code: "AccessDeniedException"}
	for _, tc := range []struct {
		name string
		s    scope
		err  error
		want string
	}{
		{"cluster, region unknown", scope{cluster: "nope"}, cluster,
			`cluster "nope" not found — check the name, region and account (:clusters lists them)`},
		// a view with no cluster (clusters) keeps AWS's words
		{"no cluster to name", scope{region: "eu-west-1"}, cluster, cluster.UserMessage()},
		{"service of the whole cluster", scope{region: "eu-west-1", cluster: "prod"}, service, service.UserMessage()},
		{"not a not-found", scope{region: "eu-west-1", cluster: "prod"}, denied, denied.UserMessage()},
		{"not an aws error", scope{cluster: "prod"}, errors.New("boom"), "boom"},
	} {
		if got := tc.s.errorText(tc.err); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
