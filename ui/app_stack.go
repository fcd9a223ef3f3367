package ui

import tea "charm.land/bubbletea/v2"

// push puts v on top of the stack and starts it.
func (a *App) push(v View) tea.Cmd {
	if v == nil {
		return nil
	}
	a.leaveFilterMode()
	e := &entry{view: v}
	a.stack = append(a.stack, e)
	if a.w > 0 {
		v.SetSize(a.w, a.bodyHeight())
	}
	return a.start(e)
}

// pop removes the top view (never the root) and wakes the one below.
func (a *App) pop() tea.Cmd {
	if len(a.stack) == 1 {
		return nil
	}
	a.leaveFilterMode()
	a.stack[len(a.stack)-1] = nil
	a.stack = a.stack[:len(a.stack)-1]
	return a.start(a.top())
}

// popToRoot drops every view above the root without waking the ones in
// between; the caller starts whatever ends up on top.
func (a *App) popToRoot() {
	a.leaveFilterMode()
	clear(a.stack[1:])
	a.stack = a.stack[:1]
}

// start runs Init the first time a view reaches the top and sends it
// ResumeMsg on later returns.
func (a *App) start(e *entry) tea.Cmd {
	if !e.started {
		e.started = true
		return e.view.Init()
	}
	return e.view.Update(ResumeMsg{})
}

// currentCluster is the cluster of the top-most view that has one.
func (a *App) currentCluster() string {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if c, ok := a.stack[i].view.(ClusterScoped); ok && c.Cluster() != "" {
			return c.Cluster()
		}
	}
	return ""
}
