package keymap

import "charm.land/bubbles/v2/key"

// Resource bindings act on the selected row of a resource table.
//
// ToggleStopped is `a` ("all"): k9s has no such key, and `a` collides with
// nothing ecsdeck uses (sorts are the shifted letters N, S, A).
type Resource struct {
	Enter         key.Binding
	Describe      key.Binding
	SortName      key.Binding
	SortStatus    key.Binding
	SortAge       key.Binding
	ToggleStopped key.Binding
}

// NewResource returns the resource-table bindings.
func NewResource() Resource {
	return Resource{
		Enter:         bind("enter", "open", "enter"),
		Describe:      bind("d", "describe", "d"),
		SortName:      bind("N", "sort name", "N"),
		SortStatus:    bind("S", "sort status", "S"),
		SortAge:       bind("A", "sort age", "A"),
		ToggleStopped: bind("a", "stopped tasks", "a"),
	}
}

// Sorts lists the sort bindings.
func (r Resource) Sorts() []key.Binding {
	return []key.Binding{r.SortName, r.SortStatus, r.SortAge}
}

// Bindings lists the group in help order.
func (r Resource) Bindings() []key.Binding {
	return append([]key.Binding{r.Enter, r.Describe, r.ToggleStopped}, r.Sorts()...)
}
