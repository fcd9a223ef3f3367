package ui

import tea "charm.land/bubbletea/v2"

// viewFactory builds the views the App opens by itself: the start screen
// and `:` commands. New uses the real views (app_views.go); tests use
// fakes.
type viewFactory struct {
	clusters  func(ctx *Context) View
	services  func(ctx *Context, cluster string) View
	tasks     func(ctx *Context, cluster, service string) View
	instances func(ctx *Context, cluster string) View
}

// run turns a `:` command into navigation. A command view replaces
// everything above the root (clusters), so esc from it goes back to the
// clusters, as after starting with --cluster.
func (a *App) run(c Command) tea.Cmd {
	switch c.Kind {
	case CmdQuit:
		return tea.Quit
	case CmdClusters:
		a.popToRoot()
		return a.start(a.top())
	}
	cluster := c.Cluster
	if cluster == "" {
		cluster = a.currentCluster()
	}
	if cluster == "" {
		return a.setFlash(FlashError, "no cluster selected: give one, e.g. :svc <cluster>, or pick one in :clusters")
	}
	var v View
	switch c.Kind {
	case CmdServices:
		v = a.views.services(a.ctx, cluster)
	case CmdTasks:
		v = a.views.tasks(a.ctx, cluster, "")
	case CmdInstances:
		v = a.views.instances(a.ctx, cluster)
	default:
		return nil
	}
	a.popToRoot()
	return a.push(v)
}
