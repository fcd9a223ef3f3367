package demo

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"

	"github.com/ecsdeck/ecsdeck/demo/sim"
)

// A larger account pages the way AWS does: ListServices 10 at a time by
// default, ListTasks 100, every page continuing where the last stopped.
func TestPagingThroughALargeCluster(t *testing.T) {
	const services, perService = 250, 2
	c := startDemo(t, Options{Sim: sim.Config{LoadServices: services, LoadTasksPerService: perService}})
	c.srv.ResetStats()

	var serviceARNs []string
	for p := ecs.NewListServicesPaginator(c.ecs, &ecs.ListServicesInput{Cluster: aws.String("load")}); p.HasMorePages(); {
		page, err := p.NextPage(ctx(t))
		if err != nil {
			t.Fatal(err)
		}
		if len(page.ServiceArns) > 10 {
			t.Fatalf("a default ListServices page holds %d services, AWS returns at most 10", len(page.ServiceArns))
		}
		serviceARNs = append(serviceARNs, page.ServiceArns...)
	}
	want, err := c.srv.Sim().ServiceARNs("load", "")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(serviceARNs, want) || len(want) != services {
		t.Fatalf("paged %d services, want the simulation's %d (%d)", len(serviceARNs), len(want), services)
	}
	if n := c.srv.Stats()["ListServices"]; n != services/10 {
		t.Errorf("ListServices requests = %d, want %d pages", n, services/10)
	}

	var running int
	for batch := range slices.Chunk(serviceARNs, 10) {
		out, err := c.ecs.DescribeServices(ctx(t), &ecs.DescribeServicesInput{Cluster: aws.String("load"), Services: batch})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range out.Services {
			running += int(s.RunningCount)
		}
	}
	if running != services*perService {
		t.Errorf("services run %d tasks, want %d", running, services*perService)
	}

	var taskARNs []string
	pages := 0
	for p := ecs.NewListTasksPaginator(c.ecs, &ecs.ListTasksInput{Cluster: aws.String("load")}); p.HasMorePages(); {
		page, err := p.NextPage(ctx(t))
		if err != nil {
			t.Fatal(err)
		}
		pages++
		taskARNs = append(taskARNs, page.TaskArns...)
	}
	if len(taskARNs) != services*perService || pages != services*perService/100 {
		t.Errorf("paged %d tasks in %d pages, want %d in %d", len(taskARNs), pages, services*perService, services*perService/100)
	}
	if len(slices.Compact(slices.Sorted(slices.Values(taskARNs)))) != len(taskARNs) {
		t.Error("ListTasks pages repeat tasks")
	}

	// maxResults within 1–100, as AWS enforces it.
	big, err := c.ecs.ListServices(ctx(t), &ecs.ListServicesInput{Cluster: aws.String("load"), MaxResults: aws.Int32(100)})
	if err != nil || len(big.ServiceArns) != 100 {
		t.Errorf("ListServices maxResults=100: %d services, %v", len(big.ServiceArns), err)
	}
	_, err = c.ecs.ListServices(ctx(t), &ecs.ListServicesInput{Cluster: aws.String("load"), MaxResults: aws.Int32(101)})
	wantAPIError(t, err, "InvalidParameterException", "")
	_, err = c.ecs.ListTasks(ctx(t), &ecs.ListTasksInput{Cluster: aws.String("load"), MaxResults: aws.Int32(0)})
	wantAPIError(t, err, "InvalidParameterException", "")

	// Tokens are opaque and belong to their operation.
	_, err = c.ecs.ListServices(ctx(t), &ecs.ListServicesInput{Cluster: aws.String("load"), NextToken: aws.String("not-a-token")})
	wantAPIError(t, err, "InvalidParameterException", "")
	tasks, err := c.ecs.ListTasks(ctx(t), &ecs.ListTasksInput{Cluster: aws.String("load"), MaxResults: aws.Int32(1)})
	if err != nil || tasks.NextToken == nil {
		t.Fatalf("ListTasks maxResults=1: %v, token %v", err, tasks.NextToken)
	}
	_, err = c.ecs.ListServices(ctx(t), &ecs.ListServicesInput{Cluster: aws.String("load"), NextToken: tasks.NextToken})
	wantAPIError(t, err, "InvalidParameterException", "")
}

// A page continues after the last item it returned, even when the list
// changed in between.
func TestPageOfContinuesAfterTheLastKey(t *testing.T) {
	id := func(s string) string { return s }
	page, next, err := pageOf("op", []string{"a", "c", "e"}, id, false, "", 2)
	if err != nil || !slices.Equal(page, []string{"a", "c"}) || next == "" {
		t.Fatalf("first page = %v, %q, %v", page, next, err)
	}
	page, last, err := pageOf("op", []string{"a", "b", "d", "e"}, id, false, next, 2)
	if err != nil || !slices.Equal(page, []string{"d", "e"}) || last != "" {
		t.Fatalf("second page after a change = %v, %q, %v", page, last, err)
	}
	page, _, err = pageOf("op", []string{"a", "b", "d", "e"}, id, true, "", 3)
	if err != nil || !slices.Equal(page, []string{"e", "d", "b"}) {
		t.Fatalf("descending page = %v, %v", page, err)
	}
	if _, _, err := pageOf("other", []string{"a"}, id, false, next, 2); err == nil {
		t.Error("a token of another operation was accepted")
	}
}

// A ListTasks token keeps the last ARN it returned: the next page starts
// after it, even when that task stopped in between.
func TestListTasksContinuesAfterAStoppedTask(t *testing.T) {
	c := startDemo(t, Options{})
	all := must(c.srv.Sim().TaskARNs("prod", sim.TaskFilter{}))
	first, err := c.ecs.ListTasks(ctx(t), &ecs.ListTasksInput{Cluster: aws.String("prod"), MaxResults: aws.Int32(2)})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(first.TaskArns, all[:2]) || first.NextToken == nil {
		t.Fatalf("first page = %v, token %v; want %v and a token", first.TaskArns, first.NextToken, all[:2])
	}
	if _, err := c.ecs.StopTask(ctx(t), &ecs.StopTaskInput{Cluster: aws.String("prod"), Task: aws.String(all[1])}); err != nil {
		t.Fatal(err)
	}
	now := must(c.srv.Sim().TaskARNs("prod", sim.TaskFilter{}))
	i, _ := slices.BinarySearch(now, all[1])
	rest, err := c.ecs.ListTasks(ctx(t), &ecs.ListTasksInput{Cluster: aws.String("prod"), NextToken: first.NextToken})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rest.TaskArns, now[i:]) || rest.NextToken != nil || slices.Contains(now, all[1]) {
		t.Errorf("after the stopped %s: %v, token %v; want %v", all[1], rest.TaskArns, rest.NextToken, now[i:])
	}
}
