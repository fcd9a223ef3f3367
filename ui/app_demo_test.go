package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/aws/awstest"
	"github.com/ecsdeck/ecsdeck/demo"
)

// appDriver runs an App as Bubble Tea would, but on the test goroutine
// (see cmdRunner).
type appDriver struct {
	*cmdRunner
	app *App
}

func newAppDriver(t *testing.T, app *App) *appDriver {
	return &appDriver{cmdRunner: newCmdRunner(t, app.update), app: app}
}

// send delivers a message now, as a key press or resize would be.
func (d *appDriver) send(msg tea.Msg) { d.deliver(msg) }

// waitFor handles messages until the screen satisfies cond.
func (d *appDriver) waitFor(what string, cond func(screen string) bool) {
	d.t.Helper()
	show := func() string { return screen(d.app) }
	d.waitUntil(what, show, func(tea.Msg) bool { return cond(show()) })
}

func TestAppAgainstDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the demo endpoint")
	}
	_, client := awstest.StartDemo(t, demo.Options{})
	d := newAppDriver(t, New(Options{Client: client, Demo: true, Refresh: time.Hour, Version: "test"}))
	d.send(tea.WindowSizeMsg{Width: 160, Height: 40})
	d.run(d.app.Init())
	d.waitFor("the account from STS and the clusters", func(s string) bool {
		return strings.Contains(s, "Account: "+demo.Account) && strings.Contains(s, "prod") && strings.Contains(s, "staging")
	})
	if s := screen(d.app); !strings.Contains(s, "Region:  "+demo.Region) || !strings.Contains(s, "<clusters>") {
		t.Errorf("header or crumbs:\n%s", s)
	}
	d.waitFor("the refresh age and the cluster names", func(s string) bool {
		return strings.Contains(s, " ago") && len(d.app.clusters) == 3 // batch, prod, staging
	})

	// the clusters view told the App the names: :svc completes them
	d.send(press(":"))
	typeText(d.app, "svc st")
	d.send(press("tab"))
	if got := d.app.input.Value(); got != "svc staging" {
		t.Fatalf("completion against the demo's clusters: %q", got)
	}
	d.send(press("enter"))
	d.waitFor("the staging services", func(s string) bool {
		return strings.Contains(s, "<services(staging)>") && strings.Contains(s, "Cluster: staging") && strings.Contains(s, "worker")
	})
	d.send(press("esc"))
	d.waitFor("back on the clusters", func(s string) bool { return strings.TrimSpace(crumbsOf(d.app)) == "<clusters> [3]" })
}

func TestAppUnknownClusterAgainstDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the demo endpoint")
	}
	_, client := awstest.StartDemo(t, demo.Options{})
	d := newAppDriver(t, New(Options{Client: client, Cluster: "nope", Refresh: time.Hour}))
	d.send(tea.WindowSizeMsg{Width: 160, Height: 40})
	d.run(d.app.Init())
	flashSays := func(want string) func(string) bool {
		return func(s string) bool {
			lines := strings.Split(s, "\n")
			return strings.Contains(lines[len(lines)-1], want)
		}
	}
	d.waitFor("the not-found error naming the cluster in the flash line",
		flashSays(`cluster "nope" not found in us-east-1 — check the name, region and account`))
	d.send(press("esc"))
	d.waitFor("the clusters", func(s string) bool { return strings.Contains(s, "prod") && strings.Contains(s, "staging") })
	// the same through command mode
	d.send(press(":"))
	typeText(d.app, "svc prdo")
	d.send(press("enter"))
	d.waitFor("the not-found error naming the mistyped cluster", flashSays(`cluster "prdo" not found in us-east-1`))
}
