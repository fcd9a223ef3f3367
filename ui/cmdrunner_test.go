package ui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// cmdRunner runs commands as Bubble Tea would, but on the test's terms:
// each command runs in a goroutine of its own, its message comes back
// through a channel, and the test goroutine hands messages to the model
// (handle) one at a time. The app and view drivers are built on it.
type cmdRunner struct {
	t      *testing.T
	handle func(tea.Msg) tea.Cmd // what the model does with a message
	msgs   chan tea.Msg
	ctx    context.Context
}

func newCmdRunner(t *testing.T, handle func(tea.Msg) tea.Cmd) *cmdRunner {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return &cmdRunner{t: t, handle: handle, msgs: make(chan tea.Msg, 64), ctx: ctx}
}

// run starts cmd; its message is delivered by a later wait.
func (r *cmdRunner) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		select {
		case r.msgs <- msg:
		case <-r.ctx.Done(): // the test is over
		}
	}()
}

// deliver hands msg to the model and runs what it returns; a batch is
// opened into its commands.
func (r *cmdRunner) deliver(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			r.run(c)
		}
	default:
		r.run(r.handle(msg))
	}
}

// waitUntil delivers messages as they arrive until done, asked before the
// first and after each one (with the message just delivered, nil at
// first), and returns the last message. After 30 s it fails the test with
// what it waited for and the screen.
func (r *cmdRunner) waitUntil(what string, screen func() string, done func(last tea.Msg) bool) tea.Msg {
	r.t.Helper()
	deadline := time.After(30 * time.Second)
	var last tea.Msg
	for !done(last) {
		select {
		case last = <-r.msgs:
			r.deliver(last)
		case <-deadline:
			r.t.Fatalf("timed out waiting for %s; screen:\n%s", what, screen())
		}
	}
	return last
}
