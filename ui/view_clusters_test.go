package ui

import (
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestClustersViewListsTheAccount(t *testing.T) {
	_, ctx := startViewDemo(t)
	v := NewClustersView(ctx)
	d := newViewDriver(t, v)
	if st := d.start(); st.Err != nil {
		t.Fatalf("refresh failed: %v", st.Err)
	}
	names := cellsOf(v.table, 0)
	for _, want := range []string{"prod", "staging", "batch"} {
		if !slices.Contains(names, want) {
			t.Errorf("clusters %v: %s missing", names, want)
		}
	}
	known := d.await("cluster names", func(m tea.Msg) bool { _, ok := m.(ClustersKnownMsg); return ok }).(ClustersKnownMsg)
	if !slices.Contains(known.Names, "prod") {
		t.Errorf("ClustersKnownMsg %v: prod missing", known.Names)
	}
	t.Logf("\n%s", v.View())
}
