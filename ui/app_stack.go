package ui

import tea "charm.land/bubbletea/v2"

// push puts v on top of the stack and starts it.
func (a *App) push(v View) tea.Cmd {
	if v == nil {
		return nil
	}
	a.leaveFilterMode()
	cancel(a.top())
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
	cancel(a.top())
	a.stack[len(a.stack)-1] = nil
	a.stack = a.stack[:len(a.stack)-1]
	return a.start(a.top())
}

// popToRoot drops every view above the root without waking the ones in
// between; the caller starts whatever ends up on top.
func (a *App) popToRoot() {
	a.leaveFilterMode()
	for _, e := range a.stack[1:] {
		cancel(e)
	}
	clear(a.stack[1:])
	a.stack = a.stack[:1]
}

// cancel abandons the requests in flight of a view leaving the top.
func cancel(e *entry) {
	if c, ok := e.view.(Canceler); ok {
		c.Cancel()
	}
}

// start runs Init the first time a view reaches the top and sends it
// ResumeMsg on later returns.
func (a *App) start(e *entry) tea.Cmd {
	if !e.started {
		e.started = true
		return tagRefresh(e, e.view.Init())
	}
	return a.send(e, ResumeMsg{})
}

// send delivers msg to a view; see tagRefresh for what happens to the
// commands it returns.
func (a *App) send(e *entry, msg tea.Msg) tea.Cmd {
	return tagRefresh(e, e.view.Update(msg))
}

// viewRefreshMsg is a RefreshStateMsg with the stack entry whose commands
// produced it.
type viewRefreshMsg struct {
	e   *entry
	msg RefreshStateMsg
}

// tagRefresh wraps a view's command so the RefreshStateMsg it produces
// names the view: a report that arrives after the user moved to another
// view then updates the view it is about, not the one on top.
func tagRefresh(e *entry, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		switch msg := cmd().(type) {
		case RefreshStateMsg:
			return viewRefreshMsg{e: e, msg: msg}
		case tea.BatchMsg:
			out := make(tea.BatchMsg, len(msg))
			for i, c := range msg {
				out[i] = tagRefresh(e, c)
			}
			return out
		default:
			return msg
		}
	}
}

// setRefreshState records a view's last refresh; a view no longer on the
// stack is forgotten.
func (a *App) setRefreshState(e *entry, m RefreshStateMsg) {
	for _, s := range a.stack {
		if s == e {
			e.refreshed, e.refreshErr = m.At, m.Err
		}
	}
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
