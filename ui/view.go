package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// View is one screen on the view stack: clusters, services, tasks,
// containers, describe... The root App owns the stack and routes messages
// to the view on top; views never call each other.
//
// Update has a pointer receiver and returns only a command, so the root
// never needs a type assertion on a returned model.
type View interface {
	Init() tea.Cmd
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
	// Title is the crumb for this view, e.g. "services(prod)".
	Title() string
	// Keys are the view's own bindings, for the header hints and `?` help.
	Keys() []key.Binding
}

// Canceler is a View with requests in flight that are no use once it is
// off the top of the stack. The App calls Cancel when the view is covered
// or popped; a covered view starts again on ResumeMsg.
type Canceler interface {
	Cancel()
}

// Counter is a View listing rows; the crumbs show how many ([12], or
// [3/12] under a filter) once it has loaded (ok).
type Counter interface {
	Count() (shown, total int, ok bool)
}
