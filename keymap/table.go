package keymap

import "charm.land/bubbles/v2/key"

// Table moves the cursor in a table and scrolls the describe view.
// ctrl-d is not used for paging: k9s users expect it to stop a task.
type Table struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
}

// NewTable returns the navigation bindings (the same in every mode).
func NewTable() Table {
	return Table{
		Up:       bind("↑/k", "up", "up", "k"),
		Down:     bind("↓/j", "down", "down", "j"),
		PageUp:   bind("pgup", "page up", "pgup"),
		PageDown: bind("pgdn", "page down", "pgdown"),
		Top:      bind("home/g", "top", "home", "g"),
		Bottom:   bind("end/G", "bottom", "end", "G"),
	}
}

// Bindings lists the group in help order.
func (t Table) Bindings() []key.Binding {
	return []key.Binding{t.Up, t.Down, t.PageUp, t.PageDown, t.Top, t.Bottom}
}
