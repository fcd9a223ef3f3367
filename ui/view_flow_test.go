package ui

import (
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/ecsdeck/ecsdeck/aws/awstest"
	"github.com/ecsdeck/ecsdeck/demo"
)

// screenRecorder runs the App inside a real Bubble Tea program and keeps
// the last screen it drew, as plain text, for the test to read.
type screenRecorder struct {
	app   *App
	mu    sync.Mutex
	last  string
	drawn chan struct{}
}

func (r *screenRecorder) Init() tea.Cmd { return r.app.Init() }

func (r *screenRecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := r.app.Update(msg)
	return r, cmd
}

func (r *screenRecorder) View() tea.View {
	v := r.app.View()
	r.mu.Lock()
	r.last = ansi.Strip(v.Content)
	r.mu.Unlock()
	select {
	case r.drawn <- struct{}{}:
	default:
	}
	return v
}

// waitScreen waits for a drawn screen that satisfies cond and returns it.
func (r *screenRecorder) waitScreen(t *testing.T, what string, cond func(string) bool) string {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		r.mu.Lock()
		s := r.last
		r.mu.Unlock()
		if cond(s) {
			return s
		}
		select {
		case <-r.drawn:
		case <-deadline:
			t.Fatalf("timed out waiting for %s; screen:\n%s", what, s)
		}
	}
}

func containsAll(subs ...string) func(string) bool {
	return func(s string) bool {
		for _, sub := range subs {
			if !strings.Contains(s, sub) {
				return false
			}
		}
		return true
	}
}

// trailingSpace is stripped from golden screens: it is invisible, and
// editors like to remove it.
var trailingSpace = regexp.MustCompile(` +\n`)

func goldenScreen(t *testing.T, name, screen string) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		golden.RequireEqual(t, trailingSpace.ReplaceAllString(screen+"\n", "\n"))
	})
}

// TestBrowseFlowScreens drives the whole program against the demo, with
// its clock stopped, at 120×30 without colour: clusters → services of prod
// → tasks of web → containers of a task, and back. Regenerate the screens
// with `go test ./ui -run TestBrowseFlowScreens -update`.
func TestBrowseFlowScreens(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the demo endpoint")
	}
	srv, client := awstest.StartDemo(t, demo.Options{Manual: true, Start: demoStart})
	app := New(Options{Client: client, Refresh: time.Hour, Demo: true, Version: "test", NoColor: true})
	app.ctx.Now = srv.Sim().Now // ages and the refresh age read the stopped clock
	rec := &screenRecorder{app: app, drawn: make(chan struct{}, 1)}
	tm := teatest.NewTestModel(t, rec, teatest.WithInitialTermSize(120, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))

	s := rec.waitScreen(t, "the clusters", containsAll("123456789012", "batch", "prod", "staging", "0s ago"))
	goldenScreen(t, "clusters", s)

	tm.Send(press("down"))
	tm.Send(press("enter"))
	s = rec.waitScreen(t, "prod's services", containsAll("services(prod)", "worker", "0s ago"))
	goldenScreen(t, "services", s)

	for range 3 { // api, checkout, notifications, web
		tm.Send(press("down"))
	}
	tm.Send(press("enter"))
	s = rec.waitScreen(t, "web's tasks", func(s string) bool {
		return containsAll("tasks(prod/web)", "0s ago")(s) && strings.Count(s, "RUNNING  HEALTHY") == 3
	})
	goldenScreen(t, "tasks", s)

	tm.Send(press("enter"))
	s = rec.waitScreen(t, "the containers", containsAll("containers(", "migrate", "envoy", "web:1.42.0", "0s ago"))
	goldenScreen(t, "containers", s)

	tm.Send(press("esc"))
	rec.waitScreen(t, "back on the tasks", func(s string) bool { return !strings.Contains(s, "containers(") })
	tm.Send(press("ctrl+c"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(30*time.Second))
}
