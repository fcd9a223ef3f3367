package aws_test

import (
	"context"
	"testing"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/demo"
	"github.com/ecsdeck/ecsdeck/demo/sim"
	"github.com/ecsdeck/ecsdeck/model"
)

// BenchmarkDescribeLargeCluster describes every service and every task of
// a 1,000-service, 20,000-task cluster, as the services view of a large
// account does. Tasks are listed once for the whole cluster and grouped by
// service, which reaches AWS's minimum number of calls:
// ceil(N/100) ListServices + ceil(N/10) DescribeServices + ceil(T/100)
// ListTasks + ceil(T/100) DescribeTasks.
func BenchmarkDescribeLargeCluster(b *testing.B) {
	const services, perService = 1000, 20
	srv, c := startManualDemo(b, demo.Options{Sim: sim.Config{LoadServices: services, LoadTasksPerService: perService}})
	ctx := context.Background()
	srv.ResetStats()
	b.ReportAllocs()
	for b.Loop() {
		svcs, byService, err := describeCluster(ctx, c, "load")
		if err != nil {
			b.Fatal(err)
		}
		if len(svcs) != services || len(byService) != services || len(byService["service:"+svcs[0].Name]) != perService {
			b.Fatalf("%d services, %d task groups", len(svcs), len(byService))
		}
	}
	stats := srv.Stats()
	n := float64(b.N)
	for _, op := range []string{"ListServices", "DescribeServices", "ListTasks", "DescribeTasks"} {
		b.ReportMetric(float64(stats[op])/n, op+"/op")
	}
	total := stats["ListServices"] + stats["DescribeServices"] + stats["ListTasks"] + stats["DescribeTasks"]
	b.ReportMetric(float64(total)/n, "calls/op")
	if minimum := ceil(services, 100) + ceil(services, 10) + 2*ceil(services*perService, 100); total != minimum*int64(b.N) {
		b.Errorf("%d calls per describe, the minimum is %d", total/int64(b.N), minimum)
	}
}

func describeCluster(ctx context.Context, c *aws.Client, cluster string) ([]model.Service, map[string][]model.Task, error) {
	svcs, err := c.Services(ctx, cluster)
	if err != nil {
		return nil, nil, err
	}
	tasks, err := c.Tasks(ctx, cluster, aws.TaskQuery{})
	if err != nil {
		return nil, nil, err
	}
	byService := map[string][]model.Task{}
	for _, t := range tasks {
		byService[t.Group] = append(byService[t.Group], t)
	}
	return svcs, byService, nil
}
