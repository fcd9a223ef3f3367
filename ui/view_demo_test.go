package ui

import (
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/aws/awstest"
	"github.com/ecsdeck/ecsdeck/demo"
	"github.com/ecsdeck/ecsdeck/keymap"
)

// demoStart is the simulated time the view tests start at, so ages and
// screens are the same on every run.
var demoStart = time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)

// startViewDemo starts the demo endpoint with a clock that moves only when
// the test advances it, and a Context on it whose refresh ticks never come
// during a test: refreshes happen when the test asks for them.
func startViewDemo(t *testing.T) (*demo.Server, *Context) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts the demo endpoint")
	}
	srv, client := awstest.StartDemo(t, demo.Options{Manual: true, Start: demoStart})
	ctx := &Context{
		Client:  client,
		Styles:  NewStyles(Theme{NoColor: true}),
		Keys:    keymap.New(false),
		Refresh: time.Hour,
		Now:     srv.Sim().Now,
	}
	return srv, ctx
}

// viewDriver runs one view as the App and Bubble Tea would (see
// cmdRunner). Messages meant for the App (navigation, flash, refresh
// state, cluster names) are kept in out instead.
type viewDriver struct {
	*cmdRunner
	v   View
	out []tea.Msg
}

func newViewDriver(t *testing.T, v View) *viewDriver {
	t.Helper()
	v.SetSize(120, 30)
	d := &viewDriver{v: v}
	d.cmdRunner = newCmdRunner(t, d.handle)
	return d
}

// start runs Init and waits for the first load.
func (d *viewDriver) start() RefreshStateMsg {
	d.t.Helper()
	d.run(d.v.Init())
	return d.refreshed()
}

func (d *viewDriver) handle(msg tea.Msg) tea.Cmd {
	if forApp(msg) {
		d.out = append(d.out, msg)
		return nil
	}
	return d.v.Update(msg)
}

// forApp reports whether the App, not the view, handles msg.
func forApp(msg tea.Msg) bool {
	switch msg.(type) {
	case NavigateMsg, FlashMsg, RefreshStateMsg, ClustersKnownMsg, BackMsg:
		return true
	}
	return false
}

// send delivers a message (a key, a filter) to the view now.
func (d *viewDriver) send(msg tea.Msg) { d.run(d.v.Update(msg)) }

// await returns the first message satisfying cond: one the view already
// sent for the App and no await has taken yet, or the next to arrive
// (handling the others meanwhile).
func (d *viewDriver) await(what string, cond func(tea.Msg) bool) tea.Msg {
	d.t.Helper()
	for i, m := range d.out {
		if cond(m) {
			d.out = slices.Delete(d.out, i, i+1)
			return m
		}
	}
	msg := d.waitUntil(what, d.v.View, func(m tea.Msg) bool { return m != nil && cond(m) })
	if forApp(msg) { // handle kept it last in out: it is taken now
		d.out = d.out[:len(d.out)-1]
	}
	return msg
}

// refreshed waits for the view's next refresh report.
func (d *viewDriver) refreshed() RefreshStateMsg {
	d.t.Helper()
	return d.await("a refresh", func(m tea.Msg) bool { _, ok := m.(RefreshStateMsg); return ok }).(RefreshStateMsg)
}

// refresh asks for a refresh now (ctrl-r) and waits for it.
func (d *viewDriver) refresh() RefreshStateMsg {
	d.t.Helper()
	d.send(RefreshNowMsg{})
	return d.refreshed()
}

// navigated waits for the view to push another view, and returns it.
func (d *viewDriver) navigated() View {
	d.t.Helper()
	return d.await("navigation", func(m tea.Msg) bool { _, ok := m.(NavigateMsg); return ok }).(NavigateMsg).View
}
