package demo

import (
	"testing"

	"github.com/ecsdeck/ecsdeck/demo/sim"
)

// loadBackend is the backend of an endpoint whose account holds the
// 20,000-task load cluster (1,000 services of 20 tasks), clock stopped.
func loadBackend(b *testing.B) *backend {
	srv, err := Start(Options{Manual: true, Start: start, Sim: sim.Config{LoadServices: 1000, LoadTasksPerService: 20}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { srv.Close() })
	return srv.backend
}

// BenchmarkListTasksLargeCluster pages through the load cluster's 20,000
// tasks, 100 at a time, as a client listing the cluster does.
func BenchmarkListTasksLargeCluster(b *testing.B) {
	be := loadBackend(b)
	b.ReportAllocs()
	for b.Loop() {
		n, pages := 0, 0
		for in := (listTasksInput{Cluster: "load"}); ; {
			out, err := listTasks(be, in)
			if err != nil {
				b.Fatal(err)
			}
			n, pages = n+len(out.TaskArns), pages+1
			if out.NextToken == "" {
				break
			}
			in.NextToken = out.NextToken
		}
		if n != 20000 || pages != 200 {
			b.Fatalf("%d tasks in %d pages, want 20000 in 200", n, pages)
		}
	}
}

// BenchmarkDescribeClustersStatistics is the clusters view's refresh of
// the load cluster: DescribeClusters with STATISTICS.
func BenchmarkDescribeClustersStatistics(b *testing.B) {
	be := loadBackend(b)
	b.ReportAllocs()
	for b.Loop() {
		out, err := describeClusters(be, describeClustersInput{Clusters: []string{"load"}, Include: []string{"STATISTICS", "SETTINGS"}})
		if err != nil || len(out.Clusters) != 1 || len(out.Clusters[0].Statistics) == 0 {
			b.Fatalf("DescribeClusters = %+v, %v", out, err)
		}
	}
}
