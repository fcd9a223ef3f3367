package ui

import (
	"context"
	"errors"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/aws/awstest"
	"github.com/ecsdeck/ecsdeck/demo"
	"github.com/ecsdeck/ecsdeck/model"
)

// blockingView is a resource view whose every refresh runs until it is
// cancelled, and says when it started and how it ended.
type blockingView struct {
	*resource[string]
	started chan struct{}
	ended   chan error
}

func newBlockingView(ctx *Context) *blockingView {
	v := &blockingView{started: make(chan struct{}, 8), ended: make(chan error, 8)}
	v.resource = newResource(ctx, resourceSpec[string]{
		noun:    "things",
		columns: []model.Column{{Title: "NAME"}},
		id:      func(s string) string { return s },
		load: func() loader[string] {
			return loader[string]{
				fetch: func(ctx context.Context, _ *aws.Client) ([]string, error) {
					v.started <- struct{}{}
					<-ctx.Done()
					v.ended <- ctx.Err()
					return nil, ctx.Err()
				},
				row: func(s string, _ time.Time) model.Row { return model.Row{ID: s, Cells: []string{s}} },
			}
		},
	})
	return v
}

func (v *blockingView) Title() string { return "things" }

func receive[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case x := <-ch:
		return x
	case <-time.After(30 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		panic("unreachable")
	}
}

// A view that leaves the top of the stack — covered, popped, or dropped by
// a `:` command — stops its refresh rather than paging through AWS for
// nobody; back on top it starts again.
func TestLeavingAViewCancelsItsRefresh(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	d := newAppDriver(t, a)
	v := newBlockingView(a.ctx)
	ended := func(how string) {
		t.Helper()
		if err := receive(t, v.ended, "the refresh to end ("+how+")"); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: the refresh ended with %v, want cancelled", how, err)
		}
	}

	d.send(NavigateMsg{View: v})
	receive(t, v.started, "the first refresh")
	d.send(NavigateMsg{View: &fakeView{title: "above"}})
	ended("covered")

	d.send(BackMsg{})
	receive(t, v.started, "the refresh on return")
	d.send(BackMsg{})
	ended("popped")

	d.send(NavigateMsg{View: v})
	receive(t, v.started, "the refresh on return")
	d.send(press(":"))
	typeText(a, "clusters")
	d.send(press("enter"))
	ended(":clusters")
	if len(a.stack) != 1 {
		t.Fatalf("stack of %d after :clusters", len(a.stack))
	}
}

// A cancelled refresh's reply is stale: it neither fills the table nor
// flashes "request canceled".
func TestCancelledRefreshReplyIsDropped(t *testing.T) {
	_, client := awstest.StartDemo(t, demo.Options{Latency: time.Hour}) // every request waits for its cancellation
	ctx := &Context{Client: client, Styles: NewStyles(Theme{NoColor: true}), Refresh: time.Hour}
	for _, tc := range []struct {
		name string
		v    interface {
			View
			Canceler
		}
	}{
		{"services", NewServicesView(ctx, "prod")},
		{"describe", NewDescribeView(ctx, aws.KindCluster, "prod", "prod", "cluster prod")},
	} {
		cmd := tc.v.Init()
		reply := make(chan tea.Msg, 1)
		go func() { reply <- cmd() }()
		tc.v.Cancel()
		msg := receive(t, reply, tc.name+"'s reply")
		var err error
		switch m := msg.(type) {
		case loadedMsg[model.Service]:
			err = m.err
		case describedMsg:
			err = m.err
		}
		// cancelled, not timed out after the client's CallTimeout
		if !errors.Is(err, context.Canceled) || aws.KindOf(err) == aws.KindTimeout {
			t.Errorf("%s: reply error %v, want the cancellation", tc.name, err)
		}
		if cmd := tc.v.Update(msg); cmd != nil {
			t.Errorf("%s: the cancelled reply was handled", tc.name)
		}
		if cmd := tc.v.Update(ResumeMsg{}); cmd == nil {
			t.Errorf("%s: back on top it does not load again", tc.name)
		}
		tc.v.Cancel()
	}
}
