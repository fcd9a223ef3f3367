package keymap

import "charm.land/bubbles/v2/key"

// Describe bindings are the describe view's own; it scrolls with the Table
// group. Search is `/`: the App turns it into the live query (FilterMsg),
// the binding is here so help lists it as "search" for this view.
type Describe struct {
	Search key.Binding
	Next   key.Binding
	Prev   key.Binding
	Format key.Binding
}

func newDescribe() Describe {
	return Describe{
		Search: bind("/", "search", "/"),
		Next:   bind("n", "next match", "n"),
		Prev:   bind("N", "prev match", "N"),
		Format: bind("y", "yaml/json", "y"),
	}
}

// Bindings lists the group in help order.
func (d Describe) Bindings() []key.Binding {
	return []key.Binding{d.Search, d.Next, d.Prev, d.Format}
}
