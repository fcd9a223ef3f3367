package keymap

import (
	"testing"

	"charm.land/bubbles/v2/key"
)

func TestReadOnlyDisablesMutatingKeys(t *testing.T) {
	rw, ro := New(false), New(true)
	for _, b := range rw.Mutate.Bindings() {
		if !b.Enabled() {
			t.Errorf("%v disabled in read-write mode", b.Keys())
		}
	}
	for _, b := range ro.Mutate.Bindings() {
		if b.Enabled() {
			t.Errorf("%v enabled in read-only mode", b.Keys())
		}
	}
	if got := Enabled(ro.Mutate.Bindings()...); len(got) != 0 {
		t.Errorf("read-only help would list %d mutating keys", len(got))
	}
	if got := Enabled(rw.Mutate.Bindings()...); len(got) != 4 {
		t.Errorf("read-write help lists %d mutating keys, want 4", len(got))
	}
}

func TestEveryBindingHasHelp(t *testing.T) {
	m := New(false)
	for _, b := range all(m) {
		if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
			t.Errorf("binding %v lacks keys or help: %+v", b.Keys(), b.Help())
		}
	}
}

// TestNoCollisions checks that the groups active together in one view
// never share a key.
func TestNoCollisions(t *testing.T) {
	m := New(false)
	resourceView := [][]key.Binding{m.Global.Bindings(), m.Table.Bindings(), m.Resource.Bindings(), m.Mutate.Bindings()}
	// `/` in the describe view is the global filter key used as search.
	describeView := [][]key.Binding{m.Global.Bindings(), m.Table.Bindings(),
		{m.Describe.Next, m.Describe.Prev, m.Describe.Format}}
	for name, groups := range map[string][][]key.Binding{"resource": resourceView, "describe": describeView} {
		seen := map[string]string{}
		for _, g := range groups {
			for _, b := range g {
				for _, k := range b.Keys() {
					if prev, dup := seen[k]; dup {
						t.Errorf("%s view: key %q bound to %q and %q", name, k, prev, b.Help().Desc)
					}
					seen[k] = b.Help().Desc
				}
			}
		}
	}
}

func all(m *Map) []key.Binding {
	var out []key.Binding
	out = append(out, m.Global.Bindings()...)
	out = append(out, m.Table.Bindings()...)
	out = append(out, m.Resource.Bindings()...)
	out = append(out, m.Describe.Bindings()...)
	return append(out, m.Mutate.Bindings()...)
}
