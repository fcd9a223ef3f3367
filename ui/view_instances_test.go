package ui

import (
	"strings"
	"testing"

	"github.com/ecsdeck/ecsdeck/aws"
)

func TestContainerInstancesView(t *testing.T) {
	_, ctx := startViewDemo(t)
	v := NewContainerInstancesView(ctx, "batch")
	d := newViewDriver(t, v)
	d.start()
	tb := tableOf(t, v)
	if tb.Total() != 3 || v.Title() != "instances(batch)" || v.Cluster() != "batch" {
		t.Fatalf("%s: %d instances, want 3:\n%s", v.Title(), tb.Total(), v.View())
	}
	for _, id := range cellsOf(tb, column(t, tb, "INSTANCE")) {
		if !strings.HasPrefix(id, "i-") {
			t.Errorf("instance ID %q", id)
		}
	}
	draining := rowWhere(t, tb, "STATUS", "DRAINING")
	if draining.State != StatusWarn {
		t.Errorf("a draining instance has status %v, want warn", draining.State)
	}
	if free := draining.Cells[column(t, tb, "CPU FREE")]; !strings.Contains(free, " / ") {
		t.Errorf("CPU FREE %q, want remaining / registered", free)
	}

	tb.Select(draining.ID)
	d.send(press("d"))
	desc, ok := d.navigated().(*DescribeView)
	if !ok || desc.kind != aws.KindContainerInstance || desc.ref != draining.ID {
		t.Fatalf("d opened %+v", desc)
	}
	dd := newViewDriver(t, desc)
	if st := dd.start(); st.Err != nil {
		t.Fatalf("describe container instance: %v", st.Err)
	}
	if !strings.Contains(strings.Join(desc.lines, "\n"), `"status": "DRAINING"`) {
		t.Error("the describe JSON does not show the instance")
	}
}

func TestFargateClusterHasNoInstances(t *testing.T) {
	_, ctx := startViewDemo(t)
	v := NewContainerInstancesView(ctx, "prod")
	d := newViewDriver(t, v)
	if st := d.start(); st.Err != nil {
		t.Fatal(st.Err)
	}
	if !strings.Contains(v.View(), "no container instances registered to prod (Fargate tasks need none)") {
		t.Errorf("an empty list should say so:\n%s", v.View())
	}
}
