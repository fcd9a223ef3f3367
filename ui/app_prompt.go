package ui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/model"
)

// The prompt line is the `:` command line or the `/` filter, both a
// textinput in the bottom line.

// Placeholders: what a prompt accepts, shown until something is typed.
const (
	commandHint = "clusters · svc [cluster] · tasks [cluster] · ci [cluster] · q   (tab completes)"
	filterHint  = "filter rows (! inverts) · enter keeps · esc clears"
)

// filterHinter is a view whose `/` does something other than filter rows
// (describe searches), and says so in the prompt.
type filterHinter interface{ FilterHint() string }

func (a *App) openPrompt(m inputMode, value string) tea.Cmd {
	a.mode = m
	a.candidates = nil
	a.input.Prompt, a.input.Placeholder = ":", commandHint
	if m == modeFilter {
		a.input.Prompt, a.input.Placeholder = "/", filterHint
		if h, ok := a.top().view.(filterHinter); ok {
			a.input.Placeholder = h.FilterHint()
		}
	}
	a.input.SetValue(value)
	a.input.CursorEnd()
	return a.input.Focus()
}

func (a *App) closePrompt() {
	a.mode = modeNormal
	a.candidates = nil
	a.input.Blur()
	a.input.SetValue("")
}

// leaveFilterMode ends `/` editing when the view it filters goes away.
func (a *App) leaveFilterMode() {
	if a.mode == modeFilter {
		a.closePrompt()
	}
}

// editPrompt passes a key or paste to the text input and reports whether
// the text changed.
func (a *App) editPrompt(msg tea.Msg) tea.Cmd {
	before := a.input.Value()
	var cmd tea.Cmd
	a.input, cmd = a.input.Update(msg)
	if a.input.Value() == before {
		return cmd
	}
	if a.mode == modeFilter {
		return tea.Batch(cmd, a.setFilter(a.input.Value()))
	}
	a.candidates = nil
	return cmd
}

// filterKey: every edit filters the top view live; enter keeps the
// filter, esc clears it.
func (a *App) filterKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "enter":
		a.closePrompt()
		return nil
	case "esc":
		a.closePrompt()
		return a.setFilter("")
	}
	return a.editPrompt(k)
}

// setFilter records the top view's filter and sends it live.
func (a *App) setFilter(q string) tea.Cmd {
	top := a.top()
	top.filter = q
	return a.send(top, FilterMsg{Query: q})
}

// commandKey: enter runs the line, esc cancels, tab completes.
func (a *App) commandKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "enter":
		line := a.input.Value()
		a.closePrompt()
		cmd, err := ParseCommand(line)
		if errors.Is(err, ErrEmptyCommand) {
			return nil
		}
		if err != nil {
			return a.setFlash(FlashError, err.Error())
		}
		return a.run(cmd)
	case "esc":
		a.closePrompt()
		return nil
	case "tab":
		a.complete()
		return nil
	}
	return a.editPrompt(k)
}

// complete extends the line to what all completions share and lists them
// when there is more than one.
func (a *App) complete() {
	names := a.clusters
	if c := a.currentCluster(); c != "" {
		names = append([]string{c}, names...)
	}
	cands := Complete(a.input.Value(), names)
	a.candidates = nil
	if len(cands) == 0 {
		return
	}
	if p := commonPrefix(cands); len(p) > len(strings.TrimSpace(a.input.Value())) || len(cands) == 1 {
		a.input.SetValue(p)
		a.input.CursorEnd()
	}
	if len(cands) > 1 {
		a.candidates = cands
	}
}

// bottomLine is the prompt when one is open, else the flash message.
func (a *App) bottomLine() string {
	if a.mode == modeNormal {
		return a.flashLine()
	}
	in := a.input // a copy: sized here, drawn once
	in.SetWidth(max(1, a.w-1-textWidth(in.Prompt)))
	if len(a.candidates) == 0 {
		return clipStyled(in.View(), a.w)
	}
	// completions right after the text; cluster names come from AWS
	in.SetWidth(textWidth(in.Value()) + 1)
	return clipStyled(in.View()+"  "+a.ctx.Styles.Candidates.Render(model.Sanitize(strings.Join(a.candidates, "  "))), a.w)
}
