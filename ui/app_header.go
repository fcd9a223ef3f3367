package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/keymap"
	"github.com/ecsdeck/ecsdeck/model"
)

// headerHeight is the number of header lines: one per context field.
const headerHeight = 5

// identityTimeout bounds the STS call behind the header's account.
const identityTimeout = 30 * time.Second

// identity is the header's account: unknown until STS answers.
type identity struct {
	known   bool
	account string
	err     error
}

type identityMsg struct {
	id  model.Identity
	err error
}

// fetchIdentity asks STS who we are, once, at start.
func (a *App) fetchIdentity() tea.Cmd {
	client := a.opts.Client
	if client == nil {
		return nil
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), identityTimeout)
		defer cancel()
		id, err := client.Identity(ctx)
		return identityMsg{id: id, err: err}
	}
}

// clockMsg redraws the header every second so the refresh age moves.
type clockMsg struct{}

func clockTick() tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return clockMsg{} })
}

// header draws the context fields on the left, the top view's key hints
// in columns beside them, and the logo on the right.
func (a *App) header() []string {
	st := a.ctx.Styles
	fields := [headerHeight][2]string{
		{"Profile", a.profile()},
		{"Region", a.region()},
		{"Account", a.account()},
		{"Cluster", orDash(model.Sanitize(a.currentCluster()))},
		{"Refresh", a.refreshState()},
	}
	left := make([]string, headerHeight)
	for i, f := range fields {
		value := st.Value.Render(f[1])
		if i == headerHeight-1 && a.top().refreshErr != nil {
			value = st.Stale.Render(f[1])
		}
		left[i] = st.Label.Render(fmt.Sprintf("%-8s", f[0]+":")) + " " + value
	}
	block := lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().PaddingRight(3).Render(strings.Join(left, "\n")), a.hints())
	lines := strings.Split(block, "\n")
	logo := st.Logo.Render(a.logo())
	for i := range lines {
		lines[i] = clipStyled(lines[i], a.w)
	}
	if gap := a.w - ansi.StringWidth(lines[0]) - ansi.StringWidth(logo); gap > 0 {
		lines[0] += strings.Repeat(" ", gap) + logo
	}
	return fitLines(strings.Join(lines, "\n"), headerHeight)
}

func (a *App) logo() string {
	s := "ecsdeck"
	if a.opts.Version != "" {
		s += " " + a.opts.Version
	}
	return s
}

func (a *App) profile() string {
	var p string
	switch {
	case a.opts.Demo:
		p = "demo"
	case a.opts.Client != nil && a.opts.Client.Profile() != "":
		p = a.opts.Client.Profile()
	default:
		p = "default"
	}
	if a.ctx.Keys.ReadOnly {
		p += " " + a.ctx.Styles.ReadOnly.Render("[read-only]")
	}
	return p
}

func (a *App) region() string {
	if a.opts.Client == nil {
		return "-"
	}
	return orDash(a.opts.Client.Region())
}

func (a *App) account() string {
	switch {
	case !a.identity.known:
		return "…"
	case a.identity.err != nil:
		return "✗ " + errorClass(a.identity.err)
	}
	return model.Sanitize(a.identity.account)
}

// refreshState is the age of the top view's last refresh, or "stale" and
// why when the last one failed, with the age of the rows still on show:
// during an incident, how old the data is matters as much as why.
func (a *App) refreshState() string {
	e := a.top()
	if e.refreshErr != nil {
		s := "stale: " + errorClass(e.refreshErr)
		if !e.refreshed.IsZero() {
			s += " · " + a.age(e.refreshed)
		}
		return s
	}
	if e.refreshed.IsZero() {
		return "…"
	}
	return a.age(e.refreshed)
}

func (a *App) age(t time.Time) string { return model.Age(a.ctx.Now().Sub(t)) + " ago" }

// hints are the top view's enabled bindings, in columns of headerHeight.
func (a *App) hints() string {
	st := a.ctx.Styles
	bs := keymap.Enabled(a.top().view.Keys()...)
	var cols []string
	for start := 0; start < len(bs); start += headerHeight {
		col := bs[start:min(start+headerHeight, len(bs))]
		keyW := 0
		for _, b := range col {
			keyW = max(keyW, textWidth(b.Help().Key)+2)
		}
		lines := make([]string, len(col))
		for i, b := range col {
			lines[i] = st.HintKey.Render(fmt.Sprintf("%-*s", keyW, "<"+b.Help().Key+">")) + " " + st.HintDesc.Render(b.Help().Desc)
		}
		cols = append(cols, lipgloss.NewStyle().PaddingRight(3).Render(strings.Join(lines, "\n")))
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, cols...)
}

// errorClass is a short name for what went wrong, for the header; the
// flash line has the whole message.
func errorClass(err error) string {
	var e *aws.Error
	if !errors.As(err, &e) {
		return widthCond.Truncate(model.Sanitize(err.Error()), 40, "…")
	}
	switch e.Kind {
	case aws.KindNotFound:
		return "not found"
	case aws.KindAccessDenied:
		return "access denied"
	case aws.KindThrottled:
		return "throttled"
	case aws.KindCredentials:
		return "credentials"
	case aws.KindNetwork:
		return "network"
	case aws.KindTimeout:
		return "timeout"
	case aws.KindInvalid:
		return "invalid request"
	case aws.KindReadOnly:
		return "read-only"
	}
	// AWS's error code ("ServerException") says more in a few cells than
	// the start of "ecs:ListClusters: ServerException: Service Unavail…".
	if e.Code != "" {
		return widthCond.Truncate(model.Sanitize(e.Code), 40, "…")
	}
	return widthCond.Truncate(model.Sanitize(e.Op+" failed"), 40, "…")
}

// clipStyled cuts a styled line to w cells without breaking its styles.
func clipStyled(s string, w int) string { return ansi.Truncate(s, w, "") }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
