package ui

import (
	"slices"
	"testing"
	"time"

	"github.com/ecsdeck/ecsdeck/aws/awstest"
	"github.com/ecsdeck/ecsdeck/keymap"
	"github.com/ecsdeck/ecsdeck/model"
)

// TestBrowseAgainstMoto walks clusters → services → tasks → containers on
// moto_server, an emulator ecsdeck did not write: its answers differ from
// the demo's in the ways real accounts may (UUID task IDs, EC2 bridge
// networking, sparse fields).
func TestBrowseAgainstMoto(t *testing.T) {
	if testing.Short() {
		t.Skip("starts moto_server")
	}
	url := awstest.StartMoto(t)
	seed := awstest.SeedMoto(t, url, 2)
	ctx := &Context{Client: awstest.MotoClient(t, url), Styles: NewStyles(Theme{NoColor: true}),
		Keys: keymap.New(false), Refresh: time.Hour, Now: time.Now}

	clusters := newViewDriver(t, NewClustersView(ctx))
	if st := clusters.start(); st.Err != nil {
		t.Fatalf("clusters: %v", st.Err)
	}
	services := newViewDriver(t, open(t, clusters, seed.Cluster))
	if st := services.start(); st.Err != nil {
		t.Fatalf("services: %v", st.Err)
	}
	tasks := newViewDriver(t, open(t, services, seed.Service))
	if st := tasks.start(); st.Err != nil {
		t.Fatalf("tasks: %v", st.Err)
	}
	tb := tableOf(t, tasks.v)
	ids := cellsOf(tb, 0)
	for _, arn := range seed.TaskARNs {
		if !slices.Contains(ids, model.ResourceID(arn)) {
			t.Errorf("tasks %v: seeded task %s missing", ids, arn)
		}
	}

	containers := newViewDriver(t, open(t, tasks, ids[0]))
	if st := containers.start(); st.Err != nil {
		t.Fatalf("containers: %v", st.Err)
	}
	ct := tableOf(t, containers.v)
	app := rowWhere(t, ct, "NAME", "app")
	if got := app.Cells[column(t, ct, "IMAGE")]; got != "nginx:1.27" {
		t.Errorf("app image %q, want nginx:1.27", got)
	}
	if got := app.Cells[column(t, ct, "ESSENTIAL")]; got != "yes" {
		t.Errorf("app essential %q, want yes", got)
	}

	instances := newViewDriver(t, NewContainerInstancesView(ctx, seed.Cluster))
	if st := instances.start(); st.Err != nil {
		t.Fatalf("container instances: %v", st.Err)
	}
	rowWhere(t, tableOf(t, instances.v), "INSTANCE", seed.EC2InstanceID)
}
