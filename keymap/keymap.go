// Package keymap declares every key binding of ecsdeck once, as key.Binding
// values with help text, grouped by where they apply. Help, the header's key
// hints and the handlers all read these same values, so what `?` shows is
// what fires. Mutating actions are disabled in read-only mode: a disabled
// binding neither shows in help nor matches a key.
package keymap

import "charm.land/bubbles/v2/key"

// Map is the whole key map.
type Map struct {
	ReadOnly bool
	Global   Global
	Table    Table
	Resource Resource
	Describe Describe
	Mutate   Mutate
}

// New builds the key map. readOnly disables the Mutate group.
func New(readOnly bool) *Map {
	m := &Map{
		ReadOnly: readOnly,
		Global:   newGlobal(),
		Table:    NewTable(),
		Resource: NewResource(),
		Describe: newDescribe(),
		Mutate:   newMutate(),
	}
	if readOnly {
		for _, b := range m.Mutate.all() {
			b.SetEnabled(false)
		}
	}
	return m
}

// Enabled returns the bindings that are enabled, in order: what help and
// key hints show.
func Enabled(bs ...key.Binding) []key.Binding {
	out := make([]key.Binding, 0, len(bs))
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}
