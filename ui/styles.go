package ui

import (
	"image/color"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"github.com/ecsdeck/ecsdeck/model"
)

// This file is the only place with colour literals.

// Theme is what the styles depend on: the terminal's background (Bubble Tea
// reports it as tea.BackgroundColorMsg) and whether colour is wanted at all
// (NO_COLOR).
type Theme struct {
	Dark    bool
	NoColor bool
}

// Status is the state a table row is coloured by: model's roll-up of a
// resource's statuses and counts (model/health.go).
type Status = model.State

const (
	StatusNormal  = model.StateNormal
	StatusOK      = model.StateOK      // running, healthy, active
	StatusPending = model.StatePending // provisioning, pending, in progress
	StatusStopped = model.StateStopped // stopped, inactive
	StatusWarn    = model.StateWarn    // degraded: running below desired, draining
	StatusError   = model.StateError   // unhealthy, failed
	statusCount   = StatusError + 1
)

// Styles is every style ecsdeck draws with, built from one Theme.
type Styles struct {
	Theme Theme

	// Header.
	Logo      lipgloss.Style
	Label     lipgloss.Style
	Value     lipgloss.Style
	HintKey   lipgloss.Style
	HintDesc  lipgloss.Style
	Stale     lipgloss.Style
	ReadOnly  lipgloss.Style
	Crumb     lipgloss.Style
	CrumbLast lipgloss.Style

	// Flash line and prompt.
	FlashInfo  lipgloss.Style
	FlashWarn  lipgloss.Style
	FlashError lipgloss.Style
	Prompt     lipgloss.Style
	Candidates lipgloss.Style
	input      textinput.Styles

	// Tables.
	TableHeader lipgloss.Style
	Empty       lipgloss.Style
	status      [statusCount]lipgloss.Style
	selected    [statusCount]lipgloss.Style

	// Help overlay.
	HelpTitle lipgloss.Style
	HelpKey   lipgloss.Style
	HelpDesc  lipgloss.Style

	// Describe: syntax colours and search matches.
	Title        lipgloss.Style
	Dim          lipgloss.Style
	SyntaxKey    lipgloss.Style
	SyntaxString lipgloss.Style
	SyntaxNumber lipgloss.Style
	SyntaxLit    lipgloss.Style // true, false, null
	Match        lipgloss.Style
	CurrentMatch lipgloss.Style
}

// palette is the theme's colours; nil means "the terminal's default".
type palette struct {
	accent, hint, ok, pending, stopped, warn, err, dim, selBg, matchBg color.Color
}

func newPalette(dark bool) palette {
	ld := lipgloss.LightDark(dark)
	c := lipgloss.Color
	return palette{
		accent:  ld(c("#0969da"), c("#61afef")),
		hint:    ld(c("#8250df"), c("#c678dd")),
		ok:      ld(c("#1a7f37"), c("#73d66b")),
		pending: ld(c("#9a6700"), c("#e5c07b")),
		stopped: ld(c("#6e7781"), c("#7f848e")),
		warn:    ld(c("#bc4c00"), c("#ffa657")),
		err:     ld(c("#cf222e"), c("#ff6b6b")),
		dim:     ld(c("#6e7781"), c("#7f848e")),
		selBg:   ld(c("#cce5ff"), c("#264f78")),
		matchBg: ld(c("#fff8c5"), c("#614d00")),
	}
}

// NewStyles builds the styles for a theme. With NoColor nothing is
// coloured; the selected row and search matches stay visible through
// reverse video and bold, rows in trouble through bold.
func NewStyles(t Theme) *Styles {
	var p palette
	if !t.NoColor {
		p = newPalette(t.Dark)
	}
	fg := func(c color.Color) lipgloss.Style {
		s := lipgloss.NewStyle()
		if c != nil {
			s = s.Foreground(c)
		}
		return s
	}
	s := &Styles{Theme: t}
	s.Dim = fg(p.dim) // before the prompt styles, which use it
	s.Logo = fg(p.accent).Bold(true)
	s.Label = fg(p.dim)
	s.Value = lipgloss.NewStyle().Bold(true)
	s.HintKey = fg(p.hint).Bold(true)
	s.HintDesc = fg(p.dim)
	s.Stale = fg(p.err).Bold(true)
	s.ReadOnly = fg(p.warn).Bold(true)
	s.Crumb = fg(p.dim)
	s.CrumbLast = fg(p.accent).Bold(true).Underline(true)

	s.FlashInfo = fg(p.ok)
	s.FlashWarn = fg(p.warn).Bold(true)
	s.FlashError = fg(p.err).Bold(true)
	s.Prompt = fg(p.accent).Bold(true)
	s.Candidates = fg(p.dim)
	state := textinput.StyleState{Prompt: s.Prompt, Text: lipgloss.NewStyle(), Placeholder: s.Dim, Suggestion: s.Dim}
	// a static cursor: a blinking one needs its blink messages routed to it
	s.input = textinput.Styles{Focused: state, Blurred: state, Cursor: textinput.CursorStyle{Color: p.accent}}

	s.TableHeader = fg(p.dim).Bold(true)
	s.Empty = fg(p.dim).Italic(true)
	colours := [statusCount]color.Color{nil, p.ok, p.pending, p.stopped, p.warn, p.err}
	for i, c := range colours {
		s.status[i] = fg(c)
		sel := fg(c).Bold(true)
		if t.NoColor {
			sel = sel.Reverse(true)
		} else {
			sel = sel.Background(p.selBg)
		}
		s.selected[i] = sel
	}
	if t.NoColor {
		// NO_COLOR allows emphasis: a failing service must stand out
		// without red, and what has stopped recedes.
		s.status[StatusWarn] = s.status[StatusWarn].Bold(true)
		s.status[StatusError] = s.status[StatusError].Bold(true)
		s.status[StatusStopped] = s.status[StatusStopped].Faint(true)
	}

	s.HelpTitle = fg(p.accent).Bold(true)
	s.HelpKey = fg(p.hint).Bold(true)
	s.HelpDesc = lipgloss.NewStyle()

	s.Title = fg(p.accent).Bold(true)
	s.SyntaxKey = fg(p.accent)
	s.SyntaxString = fg(p.ok)
	s.SyntaxNumber = fg(p.warn)
	s.SyntaxLit = fg(p.hint)
	if t.NoColor {
		s.Match = lipgloss.NewStyle().Underline(true)
		s.CurrentMatch = lipgloss.NewStyle().Reverse(true)
	} else {
		s.Match = lipgloss.NewStyle().Background(p.matchBg)
		s.CurrentMatch = lipgloss.NewStyle().Reverse(true).Bold(true)
	}
	return s
}

// Input returns the styles of the command and filter prompts.
func (s *Styles) Input() textinput.Styles { return s.input }

// Status returns the style of a row in that state.
func (s *Styles) Status(st Status) lipgloss.Style { return s.status[clampStatus(st)] }

// Selected returns the style of the selected row in that state.
func (s *Styles) Selected(st Status) lipgloss.Style { return s.selected[clampStatus(st)] }

// Flash returns the flash-line style of a level.
func (s *Styles) Flash(l FlashLevel) lipgloss.Style {
	switch l {
	case FlashWarn:
		return s.FlashWarn
	case FlashError:
		return s.FlashError
	}
	return s.FlashInfo
}

func clampStatus(st Status) Status {
	if st < 0 || st >= statusCount {
		return StatusNormal
	}
	return st
}
