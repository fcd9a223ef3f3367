package keymap

import "charm.land/bubbles/v2/key"

// Mutate bindings change the account. They are declared now so no other
// binding takes their keys; New(readOnly=true) disables them.
type Mutate struct {
	Scale   key.Binding
	Restart key.Binding
	Stop    key.Binding // asks for confirmation
	Kill    key.Binding // stops without confirmation
}

func newMutate() Mutate {
	return Mutate{
		Scale:   bind("s", "scale", "s"),
		Restart: bind("r", "restart", "r"),
		Stop:    bind("ctrl-d", "stop task", "ctrl+d"),
		Kill:    bind("ctrl-k", "stop now", "ctrl+k"),
	}
}

// all returns pointers so New can disable the group in place.
func (m *Mutate) all() []*key.Binding {
	return []*key.Binding{&m.Scale, &m.Restart, &m.Stop, &m.Kill}
}

// Bindings lists the group in help order.
func (m Mutate) Bindings() []key.Binding {
	return []key.Binding{m.Scale, m.Restart, m.Stop, m.Kill}
}
