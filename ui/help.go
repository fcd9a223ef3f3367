package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/ecsdeck/ecsdeck/keymap"
	"github.com/ecsdeck/ecsdeck/model"
)

// helpGroup is one titled column of the `?` overlay.
type helpGroup struct {
	title    string
	bindings []key.Binding
}

// helpView is the `?` overlay: the global keys, the navigation keys and
// the top view's own, all from the key map, so help lists exactly what
// fires (disabled bindings, e.g. mutating ones in read-only mode, are left
// out).
func (a *App) helpView() string {
	keys := a.ctx.Keys
	top := a.top().view
	groups := []helpGroup{
		{"GLOBAL", keys.Global.Bindings()},
		{"NAVIGATION", keys.Table.Bindings()},
		{strings.ToUpper(model.Sanitize(top.Title())), top.Keys()},
	}
	return renderHelp(a.ctx.Styles, groups, a.w, a.bodyHeight())
}

// renderHelp lays the groups out as columns, wrapping to a new row of
// columns when the width runs out.
func renderHelp(st *Styles, groups []helpGroup, w, h int) string {
	var rows []string
	var row []string
	rowW := 0
	for _, g := range groups {
		block := helpBlock(st, g)
		if block == "" {
			continue
		}
		bw := lipgloss.Width(block)
		if rowW > 0 && rowW+bw > w {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowW = nil, 0
		}
		row = append(row, block)
		rowW += bw
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	rows = append(rows, st.Dim.Render("press ? or esc to close"))
	lines := strings.Split(strings.Join(rows, "\n\n"), "\n")
	for i := range lines {
		lines[i] = clipStyled(lines[i], w)
	}
	return strings.Join(fitLines(strings.Join(lines, "\n"), h), "\n")
}

// helpBlock is one group: its title, then "key  description" lines.
func helpBlock(st *Styles, g helpGroup) string {
	bs := keymap.Enabled(g.bindings...)
	if len(bs) == 0 {
		return ""
	}
	keyW := 0
	for _, b := range bs {
		keyW = max(keyW, textWidth(b.Help().Key)+2)
	}
	lines := []string{st.HelpTitle.Render(g.title)}
	for _, b := range bs {
		lines = append(lines, st.HelpKey.Render(fmt.Sprintf("%-*s", keyW, "<"+b.Help().Key+">"))+" "+st.HelpDesc.Render(b.Help().Desc))
	}
	return lipgloss.NewStyle().PaddingRight(4).PaddingLeft(1).Render(strings.Join(lines, "\n"))
}
