package keymap

import "charm.land/bubbles/v2/key"

// Global bindings work in every view; the root App handles them.
type Global struct {
	Help      key.Binding
	Command   key.Binding
	Filter    key.Binding
	Back      key.Binding
	Quit      key.Binding // quits on the root view, goes back elsewhere (k9s-like)
	ForceQuit key.Binding // quits from anywhere, any input mode
	Refresh   key.Binding
}

func newGlobal() Global {
	return Global{
		Help:      bind("?", "help", "?"),
		Command:   bind(":", "command", ":"),
		Filter:    bind("/", "filter", "/"),
		Back:      bind("esc", "back/clear", "esc"),
		Quit:      bind("q", "quit/back", "q"),
		ForceQuit: bind("ctrl-c", "quit", "ctrl+c"),
		Refresh:   bind("ctrl-r", "refresh", "ctrl+r"),
	}
}

// Bindings lists the group in help order.
func (g Global) Bindings() []key.Binding {
	return []key.Binding{g.Help, g.Command, g.Filter, g.Back, g.Quit, g.ForceQuit, g.Refresh}
}
