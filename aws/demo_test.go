package aws_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/aws/awstest"
	"github.com/ecsdeck/ecsdeck/demo"
	"github.com/ecsdeck/ecsdeck/demo/sim"
	"github.com/ecsdeck/ecsdeck/model"
)

// demoStart is a fixed simulated time, so every run sees the same world.
var demoStart = time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)

func startManualDemo(t testing.TB, opts demo.Options) (*demo.Server, *aws.Client) {
	opts.Manual, opts.Start = true, demoStart
	return awstest.StartDemo(t, opts)
}

func TestDemoClustersServicesTasks(t *testing.T) {
	srv, c := startManualDemo(t, demo.Options{})
	ctx := context.Background()
	s := srv.Sim()
	s.Advance(demoStart.Add(10 * time.Minute)) // let the failing service leave stopped tasks

	id, err := c.Identity(ctx)
	if err != nil || id.Account != demo.Account || id.ARN == "" {
		t.Fatalf("Identity = %+v, %v", id, err)
	}
	if c.Region() != demo.Region {
		t.Errorf("Region = %q", c.Region())
	}

	clusters, err := c.Clusters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := s.Clusters()
	if len(clusters) != len(want) {
		t.Fatalf("%d clusters, sim has %d", len(clusters), len(want))
	}
	for i, cl := range clusters {
		w := want[i] // ListClusters answers in the sim's (ARN) order, and the order is kept
		if cl.ARN != w.ARN || cl.Name != w.Name || cl.RunningTasks != w.RunningTasks || cl.ActiveServices != w.ActiveServices ||
			cl.ContainerInstances != w.ContainerInstances || cl.ContainerInsights != w.ContainerInsights {
			t.Errorf("cluster %d = %+v, sim %+v", i, cl, w)
		}
	}
	prod, err := c.Cluster(ctx, "prod")
	if err != nil || prod.Name != "prod" || prod.Status != "ACTIVE" {
		t.Fatalf("Cluster(prod) = %+v, %v", prod, err)
	}

	services, err := c.Services(ctx, "prod")
	if err != nil {
		t.Fatal(err)
	}
	simARNs, _ := s.ServiceARNs("prod", "")
	if got := serviceARNs(services); !slices.Equal(got, simARNs) {
		t.Fatalf("service ARNs = %v, sim %v", got, simARNs)
	}
	web := services[slices.IndexFunc(services, func(s model.Service) bool { return s.Name == "web" })]
	if web.Desired < 2 || web.Running != web.Desired || !web.ExecEnabled || len(web.Deployments) == 0 ||
		web.Deployments[0].Status != "PRIMARY" || web.TaskDefinition == "" || len(web.Events) == 0 {
		t.Errorf("web = %+v", web)
	}

	tasks, err := c.Tasks(ctx, "prod", aws.TaskQuery{Service: "web"})
	if err != nil {
		t.Fatal(err)
	}
	simTasks, _ := s.TaskARNs("prod", sim.TaskFilter{ServiceName: "web"})
	if !sameSet(taskARNs(tasks), simTasks) {
		t.Fatalf("web tasks = %v, sim %v", taskARNs(tasks), simTasks)
	}
	for _, task := range tasks {
		if len(task.ID) != 32 || task.Group != "service:web" || task.LastStatus != "RUNNING" || task.PrivateIP == "" ||
			task.StartedAt.IsZero() || len(task.Containers) < 2 {
			t.Errorf("task = %+v", task)
		}
	}

	all, err := c.Tasks(ctx, "prod", aws.TaskQuery{DesiredStatus: "ALL"})
	if err != nil {
		t.Fatal(err)
	}
	running, _ := s.TaskARNs("prod", sim.TaskFilter{})
	stopped, _ := s.TaskARNs("prod", sim.TaskFilter{DesiredStatus: "STOPPED"})
	if len(stopped) == 0 {
		t.Error("the scenario has no stopped tasks after 10 minutes; the ALL query is not tested")
	}
	if got := taskARNs(all); !sameSet(got, append(slices.Clone(running), stopped...)) {
		t.Errorf("ALL = %d tasks, sim %d running + %d stopped", len(got), len(running), len(stopped))
	}
	if got := taskARNs(all[:len(running)]); !sameSet(got, running) {
		t.Error("ALL does not list RUNNING tasks first")
	}

	// By ID, in the order asked.
	ids := []string{tasks[1].ID, tasks[0].ID}
	described, err := c.DescribeTasks(ctx, "prod", ids)
	if err != nil || len(described) != 2 || described[0].ID != ids[0] || described[1].ID != ids[1] {
		t.Errorf("DescribeTasks(%v) = %v, %v", ids, taskARNs(described), err)
	}
}

func TestDemoTaskDefinitionsAndInstances(t *testing.T) {
	srv, c := startManualDemo(t, demo.Options{})
	ctx := context.Background()
	s := srv.Sim()

	arns, err := c.TaskDefinitionARNs(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := s.TaskDefinitionARNs("", ""); !slices.Equal(arns, want) || len(arns) == 0 {
		t.Errorf("TaskDefinitionARNs = %v, sim %v", arns, want)
	}
	for _, arn := range arns {
		td, err := c.TaskDefinition(ctx, arn)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := s.TaskDefinition(arn)
		if td.ARN != arn || td.Family != want.Family || td.Revision != want.Revision || len(td.Containers) != len(want.Containers) {
			t.Errorf("TaskDefinition(%s) = %+v, sim %+v", arn, td, want)
			continue
		}
		for i, cd := range td.Containers {
			w := want.Containers[i]
			if cd.Name != w.Name || cd.Image != w.Image || cd.Essential != w.Essential || len(cd.DependsOn) != len(w.DependsOn) ||
				len(cd.Secrets) != len(w.Secrets) || cd.FirelensType != w.FirelensType || (cd.LogConfiguration == nil) != (w.LogConfiguration == nil) ||
				(cd.HealthCheck == nil) != (w.HealthCheck == nil) || len(cd.PortMappings) != len(w.PortMappings) {
				t.Errorf("%s container %s = %+v, sim %+v", arn, cd.Name, cd, w)
			}
		}
	}

	cis, err := c.ContainerInstances(ctx, "batch")
	if err != nil {
		t.Fatal(err)
	}
	simCIs, _ := s.ContainerInstanceARNs("batch", "")
	if len(cis) == 0 || len(cis) != len(simCIs) {
		t.Fatalf("%d container instances, sim %d", len(cis), len(simCIs))
	}
	for _, ci := range cis {
		if ci.EC2InstanceID == "" || ci.RegisteredCPU == 0 || ci.RegisteredMemory == 0 || ci.RemainingCPU > ci.RegisteredCPU {
			t.Errorf("container instance = %+v", ci)
		}
	}
}

func TestDemoTaskDefinitionFetchedOncePerRevision(t *testing.T) {
	srv, c := startManualDemo(t, demo.Options{})
	ctx := context.Background()
	tasks, err := c.Tasks(ctx, "prod", aws.TaskQuery{})
	if err != nil {
		t.Fatal(err)
	}
	revisions := map[string]bool{}
	srv.ResetStats()
	var wg sync.WaitGroup
	for _, task := range tasks {
		revisions[task.TaskDefinitionARN] = true
		for range 5 { // several views asking at once
			wg.Go(func() {
				if _, err := c.TaskDefinition(ctx, task.TaskDefinitionARN); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()
	if got := srv.Stats()["DescribeTaskDefinition"]; got != int64(len(revisions)) {
		t.Errorf("%d DescribeTaskDefinition calls for %d tasks of %d revisions", got, len(tasks), len(revisions))
	}
}

func TestDemoMutations(t *testing.T) {
	srv, c := startManualDemo(t, demo.Options{})
	ctx := context.Background()
	n := 4
	svc, err := c.UpdateService(ctx, "prod", "web", aws.ServiceUpdate{DesiredCount: &n})
	if err != nil || svc.Desired != 4 || svc.Name != "web" {
		t.Fatalf("UpdateService = %+v, %v", svc, err)
	}
	svc, err = c.UpdateService(ctx, "prod", "web", aws.ServiceUpdate{ForceNewDeployment: true})
	if err != nil || len(svc.Deployments) < 2 || svc.Deployments[0].RolloutState != "IN_PROGRESS" {
		t.Fatalf("force new deployment = %+v, %v", svc.Deployments, err)
	}
	tasks, err := c.Tasks(ctx, "prod", aws.TaskQuery{Service: "web"})
	if err != nil || len(tasks) == 0 {
		t.Fatal(tasks, err)
	}
	stopped, err := c.StopTask(ctx, "prod", tasks[0].ID, "stopped by the ecsdeck tests")
	if err != nil || stopped.ARN != tasks[0].ARN || stopped.DesiredStatus != "STOPPED" {
		t.Fatalf("StopTask = %+v, %v", stopped, err)
	}
	if got := srv.Stats(); got["UpdateService"] != 2 || got["StopTask"] != 1 {
		t.Errorf("stats = %v", got)
	}
}

func TestDemoReadOnlySendsNothing(t *testing.T) {
	srv, _ := startManualDemo(t, demo.Options{})
	cfg := awstest.DemoConfig(srv)
	cfg.ReadOnly = true
	c, err := aws.New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	_, err1 := c.UpdateService(context.Background(), "prod", "web", aws.ServiceUpdate{DesiredCount: &n})
	_, err2 := c.StopTask(context.Background(), "prod", "anything", "")
	if aws.KindOf(err1) != aws.KindReadOnly || aws.KindOf(err2) != aws.KindReadOnly {
		t.Errorf("errors = %v, %v; want read-only", err1, err2)
	}
	if stats := srv.Stats(); len(stats) != 0 {
		t.Errorf("read-only client made requests: %v", stats)
	}
}

func TestDemoLogs(t *testing.T) {
	srv, c := startManualDemo(t, demo.Options{})
	ctx := context.Background()
	s := srv.Sim()
	s.Advance(demoStart.Add(2 * time.Minute))

	groups, err := c.LogGroups(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := s.LogGroups(""); len(groups) == 0 || len(groups) != len(want) || groups[0].Name != want[0].Name {
		t.Fatalf("LogGroups = %+v, sim %+v", groups, want)
	}
	const group = "/ecs/prod/web" // the web app writes access-log lines every second
	streams, err := c.LogStreams(ctx, group, "")
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := s.LogStreams(group, ""); len(streams) == 0 || len(streams) != len(want) {
		t.Fatalf("LogStreams(%s) = %d, sim %d", group, len(streams), len(want))
	}
	// The busiest stream, so that reading it takes several pages.
	stream, most := "", 0
	for _, st := range streams {
		if events, _ := s.LogEvents(group, st.Name, time.Time{}, time.Time{}); len(events) > most {
			stream, most = st.Name, len(events)
		}
	}
	if prefixed, err := c.LogStreams(ctx, group, stream); err != nil || len(prefixed) == 0 || prefixed[0].Name != stream {
		t.Errorf("LogStreams with prefix = %+v, %v", prefixed, err)
	}

	want, _ := s.LogEvents(group, stream, time.Time{}, time.Time{})
	var got []model.LogEvent
	q := aws.LogQuery{Group: group, Stream: stream, FromHead: true, Limit: 50}
	for range 1000 {
		page, err := c.LogEvents(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page.Events...)
		if page.NextForward == q.Token || page.NextForward == "" { // AWS repeats the token at the end
			break
		}
		q.Token = page.NextForward
	}
	if len(want) <= 50 || len(got) != len(want) || got[0].Message != want[0].Message || !got[len(got)-1].Timestamp.Equal(want[len(want)-1].Timestamp) {
		t.Errorf("paged %d events, sim has %d", len(got), len(want))
	}

	filtered, err := c.FilterLogEvents(ctx, aws.FilterQuery{Group: group, Pattern: "GET", Limit: 10})
	if err != nil || len(filtered.Events) == 0 || filtered.NextForward == "" {
		t.Fatalf("FilterLogEvents = %+v, %v", filtered, err)
	}
	for _, e := range filtered.Events {
		if e.Stream == "" || !strings.Contains(e.Message, "GET") {
			t.Errorf("filtered event = %+v", e)
		}
	}
	if _, err := c.LogStreams(ctx, "/no/such/group", ""); aws.KindOf(err) != aws.KindNotFound {
		t.Errorf("unknown log group: %v, want not found", err)
	}
}

func TestDemoDescribe(t *testing.T) {
	srv, c := startManualDemo(t, demo.Options{})
	ctx := context.Background()
	tasks, err := c.Tasks(ctx, "prod", aws.TaskQuery{Service: "web"})
	if err != nil || len(tasks) == 0 {
		t.Fatal(tasks, err)
	}
	task := tasks[0]
	cis, _ := srv.Sim().ContainerInstanceARNs("batch", "")
	for _, tc := range []struct {
		kind               aws.Kind
		cluster, ref, want string
	}{
		{aws.KindCluster, "", "prod", "prod"},
		{aws.KindService, "prod", "web", "web"},
		{aws.KindTask, "prod", task.ARN, task.ARN},
		{aws.KindContainer, "prod", task.ARN + "/" + task.Containers[0].Name, task.Containers[0].Name},
		{aws.KindContainerInstance, "batch", cis[0], cis[0]},
		{aws.KindTaskDefinition, "", task.TaskDefinitionARN, task.TaskDefinitionARN},
	} {
		checkDescribe(t, c, tc.kind, tc.cluster, tc.ref, tc.want)
	}
	if _, err := c.Describe(ctx, aws.KindService, "prod", "no-such-service"); aws.KindOf(err) != aws.KindNotFound {
		t.Errorf("describe unknown service: %v, want not found", err)
	}
	if _, err := c.Describe(ctx, aws.KindContainer, "prod", task.ARN+"/no-such-container"); aws.KindOf(err) != aws.KindNotFound {
		t.Errorf("describe unknown container: %v, want not found", err)
	}
}

// TestDemoPagingAndBatches lists past several pages and checks that every
// describe batch is as large as AWS allows.
func TestDemoPagingAndBatches(t *testing.T) {
	const services, perService = 250, 3
	srv, c := startManualDemo(t, demo.Options{Sim: sim.Config{LoadServices: services, LoadTasksPerService: perService}})
	ctx := context.Background()
	srv.ResetStats()

	got, err := c.Services(ctx, "load")
	if err != nil {
		t.Fatal(err)
	}
	simServices, _ := srv.Sim().ServiceARNs("load", "")
	if len(got) != services || !slices.Equal(serviceARNs(got), simServices) {
		t.Fatalf("%d services, sim %d (or another order)", len(got), len(simServices))
	}
	tasks, err := c.Tasks(ctx, "load", aws.TaskQuery{})
	if err != nil {
		t.Fatal(err)
	}
	simTasks, _ := srv.Sim().TaskARNs("load", sim.TaskFilter{})
	if len(tasks) != services*perService || !slices.Equal(taskARNs(tasks), simTasks) {
		t.Fatalf("%d tasks, sim %d (or another order)", len(tasks), len(simTasks))
	}
	want := map[string]int64{
		"ListServices":     ceil(services, 100),
		"DescribeServices": ceil(services, 10),
		"ListTasks":        ceil(services*perService, 100),
		"DescribeTasks":    ceil(services*perService, 100),
	}
	if stats := srv.Stats(); !mapsEqual(stats, want) {
		t.Errorf("calls = %v, want %v", stats, want)
	}
}

func TestDemoNotFound(t *testing.T) {
	_, c := startManualDemo(t, demo.Options{})
	ctx := context.Background()
	_, err := c.Services(ctx, "no-such-cluster")
	var e *aws.Error
	if !errors.As(err, &e) || e.Kind != aws.KindNotFound || e.Code != "ClusterNotFoundException" {
		t.Fatalf("Services(unknown cluster) = %v", err)
	}
	if _, err := c.Cluster(ctx, "no-such-cluster"); aws.KindOf(err) != aws.KindNotFound {
		t.Errorf("Cluster(unknown) = %v", err)
	}
	if _, err := c.Tasks(ctx, "prod", aws.TaskQuery{Service: "no-such-service"}); aws.KindOf(err) != aws.KindNotFound {
		t.Errorf("Tasks(unknown service) = %v", err)
	}
	if _, err := c.TaskDefinition(ctx, "no-such-family:1"); aws.KindOf(err) != aws.KindNotFound {
		t.Errorf("TaskDefinition(unknown) = %v", err)
	}
	if tasks, err := c.DescribeTasks(ctx, "prod", []string{"0123456789abcdef0123456789abcdef"}); err != nil || len(tasks) != 0 {
		t.Errorf("a vanished task is not dropped: %v, %v", tasks, err)
	}
}

func TestDemoThrottledAfterRetries(t *testing.T) {
	srv, err := demo.Start(demo.Options{Manual: true, Start: demoStart, ThrottleRate: 1.0})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	c, err := aws.NewWithFastRetries(context.Background(), awstest.DemoConfig(srv))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Cluster(context.Background(), "prod")
	var e *aws.Error
	if !errors.As(err, &e) || e.Kind != aws.KindThrottled || e.Op != "ecs:DescribeClusters" {
		t.Fatalf("err = %v (kind %v), want throttled", err, aws.KindOf(err))
	}
	if n := srv.Stats()["DescribeClusters"]; n != 5 {
		t.Errorf("%d attempts, want 5", n)
	}
	if !strings.Contains(e.UserMessage(), "throttling") {
		t.Errorf("UserMessage = %q", e.UserMessage())
	}
}

func TestDemoThrottlingRetriedToSuccess(t *testing.T) {
	srv, c := startManualDemo(t, demo.Options{ThrottleRate: 0.3, Sim: sim.Config{Seed: 7}})
	ctx := context.Background()
	if _, err := c.Clusters(ctx); err != nil {
		t.Fatal(err)
	}
	services, err := c.Services(ctx, "prod")
	if err != nil || len(services) == 0 {
		t.Fatal(services, err)
	}
	calls := srv.Stats()
	if calls["ListClusters"]+calls["DescribeClusters"]+calls["ListServices"]+calls["DescribeServices"] <= 4 {
		t.Errorf("no request was throttled and retried (calls %v): the test proves nothing", calls)
	}
}

func TestDemoTimeout(t *testing.T) {
	srv, _ := startManualDemo(t, demo.Options{Latency: 2 * time.Second})
	cfg := awstest.DemoConfig(srv)
	cfg.CallTimeout = 50 * time.Millisecond
	c, err := aws.New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Clusters(context.Background())
	if aws.KindOf(err) != aws.KindTimeout {
		t.Fatalf("err = %v (kind %v), want timeout", err, aws.KindOf(err))
	}
}

func TestDemoGoneIsNetworkError(t *testing.T) {
	srv, _ := startManualDemo(t, demo.Options{})
	c, err := aws.NewWithFastRetries(context.Background(), awstest.DemoConfig(srv))
	if err != nil {
		t.Fatal(err)
	}
	srv.Close()
	_, err = c.Clusters(context.Background())
	if aws.KindOf(err) != aws.KindNetwork {
		t.Fatalf("err = %v (kind %v), want network", err, aws.KindOf(err))
	}
}

func serviceARNs(services []model.Service) []string {
	out := make([]string, len(services))
	for i, s := range services {
		out[i] = s.ARN
	}
	return out
}

func ceil(n, d int) int64 { return int64((n + d - 1) / d) }

func mapsEqual(got, want map[string]int64) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}
