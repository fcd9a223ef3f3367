package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// key handles a key press: ctrl-c first whatever the mode, then the help
// overlay, the prompt of the current input mode, the global keys, and
// finally the top view.
func (a *App) key(k tea.KeyPressMsg) tea.Cmd {
	g := a.ctx.Keys.Global
	if key.Matches(k, g.ForceQuit) {
		return tea.Quit
	}
	if a.help {
		if key.Matches(k, g.Help, g.Back, g.Quit) {
			a.help = false
		}
		return nil
	}
	switch a.mode {
	case modeCommand:
		return a.commandKey(k)
	case modeFilter:
		return a.filterKey(k)
	}
	top := a.top()
	switch {
	case key.Matches(k, g.Help):
		a.help = true
	case key.Matches(k, g.Command):
		return a.openPrompt(modeCommand, "")
	case key.Matches(k, g.Filter):
		return a.openPrompt(modeFilter, top.filter)
	case key.Matches(k, g.Refresh):
		return a.send(top, RefreshNowMsg{})
	case key.Matches(k, g.Back):
		// k9s: esc first clears the filter, then goes back
		if top.filter != "" {
			return a.setFilter("")
		}
		return a.pop()
	case key.Matches(k, g.Quit):
		if len(a.stack) == 1 {
			return tea.Quit
		}
		return a.pop()
	default:
		return a.send(top, k)
	}
	return nil
}

// paste goes to the prompt when one is open; views get no pastes.
func (a *App) paste(p tea.PasteMsg) tea.Cmd {
	if a.mode == modeNormal || a.help {
		return nil
	}
	return a.editPrompt(p)
}
