package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/ecsdeck/ecsdeck/model"
)

// crumbs draws the view stack, the top last, with each view's filter.
// When they do not fit, the oldest go first ("… <tasks(prod/web)> …"):
// the top view's crumb and row count are what the line is for.
func (a *App) crumbs() string {
	st := a.ctx.Styles
	parts := make([]string, len(a.stack))
	for i, e := range a.stack {
		text := "<" + model.Sanitize(e.view.Title()) + ">"
		if e.filter != "" {
			text += " /" + model.Sanitize(e.filter)
		}
		style := st.Crumb
		if i == len(a.stack)-1 {
			style = st.CrumbLast
		}
		parts[i] = style.Render(text)
		if i == len(a.stack)-1 {
			parts[i] += st.Crumb.Render(count(e.view))
		}
	}
	line := strings.Join(parts, " ")
	for drop := 1; drop < len(parts) && ansi.StringWidth(line) > a.w; drop++ {
		line = st.Crumb.Render("…") + " " + strings.Join(parts[drop:], " ")
	}
	return clipStyled(line, a.w)
}

// count is " [rows]" for a view that counts its rows, " [shown/rows]"
// under a filter; "" before it has loaded.
func count(v View) string {
	c, ok := v.(Counter)
	if !ok {
		return ""
	}
	shown, total, loaded := c.Count()
	switch {
	case !loaded:
		return ""
	case shown != total:
		return fmt.Sprintf(" [%d/%d]", shown, total)
	}
	return fmt.Sprintf(" [%d]", total)
}
