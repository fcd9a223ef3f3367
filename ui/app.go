package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/keymap"
)

// Options configure the App.
type Options struct {
	Client   *aws.Client
	Refresh  time.Duration
	Cluster  string // start on this cluster's services
	ReadOnly bool
	Demo     bool
	Version  string
	Warnings []string // shown in the flash line at start (e.g. a broken config file)
	// NoColor draws without colours (main sets it from NO_COLOR; the UI
	// reads no environment of its own).
	NoColor bool
}

// App is the root model: header, view stack, crumbs, flash line and the
// input modes (normal, `:` command, `/` filter, `?` help).
//
// Messages the App does not handle itself go to the top view only; see
// messages.go for how that stops covered views from refreshing.
//
// Quitting: ctrl-c quits from anywhere; `q` quits on the root view and
// goes back elsewhere (k9s users press q to leave a drill-down); `:q`
// quits too. Bubble Tea restores the terminal on every exit and on a
// panic (the App never asks it not to catch panics).
type App struct {
	opts  Options
	ctx   *Context
	views viewFactory
	stack []*entry
	w, h  int

	mode       inputMode
	help       bool
	input      textinput.Model
	candidates []string // command completions on show

	flash    flash
	identity identity
	clusters []string // known cluster names as AWS gave them, for completion
}

// entry is one view on the stack with what the App keeps about it.
type entry struct {
	view    View
	started bool // Init called; later returns to the top get ResumeMsg
	filter  string
	// refreshed and refreshErr are the view's last RefreshStateMsg.
	refreshed  time.Time
	refreshErr error
}

type inputMode int

const (
	modeNormal inputMode = iota
	modeCommand
	modeFilter
)

// newApp builds the App with the clusters view at the root and, when
// opts.Cluster is set, that cluster's services on top of it.
func newApp(opts Options, views viewFactory) *App {
	theme := Theme{Dark: true, NoColor: opts.NoColor}
	readOnly := opts.ReadOnly || (opts.Client != nil && opts.Client.ReadOnly())
	ctx := &Context{
		Client:  opts.Client,
		Styles:  NewStyles(theme),
		Keys:    keymap.New(readOnly),
		Refresh: opts.Refresh,
		Now:     time.Now,
	}
	a := &App{opts: opts, ctx: ctx, views: views, input: textinput.New()}
	a.input.SetStyles(ctx.Styles.Input())
	a.stack = []*entry{{view: views.clusters(ctx)}}
	if opts.Cluster != "" {
		a.stack = append(a.stack, &entry{view: views.services(ctx, opts.Cluster)})
	}
	return a
}

// Init starts the top view, asks the terminal for its background colour,
// and fetches the caller identity for the header.
func (a *App) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, a.fetchIdentity(), clockTick(), a.start(a.top())}
	if len(a.opts.Warnings) > 0 {
		cmds = append(cmds, a.setFlash(FlashWarn, strings.Join(a.opts.Warnings, "; ")))
	}
	return tea.Batch(cmds...)
}

// Update handles the App's own messages and routes the rest to the top
// view.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	return a, a.update(msg)
}

func (a *App) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		a.setTheme(msg.IsDark())
	case tea.KeyPressMsg:
		return a.key(msg)
	case tea.PasteMsg:
		return a.paste(msg)
	case NavigateMsg:
		return a.push(msg.View)
	case BackMsg:
		return a.pop()
	case FlashMsg:
		return a.setFlash(msg.Level, msg.Text)
	case flashClearMsg:
		a.clearFlash(msg.id)
	case viewRefreshMsg:
		a.setRefreshState(msg.e, msg.msg)
	case RefreshStateMsg: // untagged (e.g. from a tea.Sequence): the top's
		a.setRefreshState(a.top(), msg)
	case ClustersKnownMsg:
		a.clusters = msg.Names
	case identityMsg:
		a.identity = identity{known: true, account: msg.id.Account, err: msg.err}
	case clockMsg:
		return clockTick() // redraws the header's refresh age
	default:
		return a.send(a.top(), msg)
	}
	return nil
}

// View draws the screen: header, body (the top view or help), crumbs and
// the flash or prompt line.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.WindowTitle = "ecsdeck"
	return v
}

func (a *App) render() string {
	if a.w <= 0 || a.h <= 0 {
		return ""
	}
	var body string
	if a.help {
		body = a.helpView()
	} else {
		body = a.top().view.View()
	}
	lines := make([]string, 0, a.h)
	lines = append(lines, a.header()...)
	lines = append(lines, fitLines(body, a.bodyHeight())...)
	lines = append(lines, a.crumbs(), a.bottomLine())
	if len(lines) > a.h {
		lines = lines[len(lines)-a.h:]
	}
	return strings.Join(lines, "\n")
}

// fitLines returns exactly h lines of s, cut or padded with blank ones.
func fitLines(s string, h int) []string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines
}

// chrome is the height of everything but the body: header, crumbs,
// flash/prompt line.
const chrome = headerHeight + 2

func (a *App) bodyHeight() int { return max(1, a.h-chrome) }

func (a *App) resize(w, h int) {
	a.w, a.h = w, h
	// covered views too, so they are the right size when they come back
	for _, e := range a.stack {
		e.view.SetSize(w, a.bodyHeight())
	}
}

func (a *App) setTheme(dark bool) {
	t := a.ctx.Styles.Theme
	t.Dark = dark
	*a.ctx.Styles = *NewStyles(t) // views hold the pointer: they redraw in the new theme
	a.input.SetStyles(a.ctx.Styles.Input())
}

func (a *App) top() *entry { return a.stack[len(a.stack)-1] }
