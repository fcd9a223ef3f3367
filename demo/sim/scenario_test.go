package sim

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// The account at start: what the scenario promises, in AWS's formats.
func TestScenarioAtStart(t *testing.T) {
	s := newSim(t)
	var names []string
	for _, c := range s.Clusters() {
		names = append(names, c.Name)
		if c.Status != "ACTIVE" || c.ARN != arnPrefix+"cluster/"+c.Name {
			t.Errorf("cluster %+v", c)
		}
	}
	if !slices.Equal(names, []string{"batch", "prod", "staging"}) {
		t.Errorf("clusters %v", names)
	}
	if prod, _ := s.Cluster("prod"); prod.ContainerInsights != "enabled" || !slices.Equal(prod.CapacityProviders, []string{"FARGATE", "FARGATE_SPOT"}) || prod.ActiveServices != 5 {
		t.Errorf("prod %+v", prod)
	}
	// Healthy services are at steady state with one completed deployment.
	for _, cs := range [][2]string{{"prod", "web"}, {"prod", "api"}, {"staging", "web"}, {"staging", "worker"}, {"batch", "report-runner"}} {
		svc := getService(t, s, cs[0], cs[1])
		if svc.Running != svc.Desired || svc.Pending != 0 || len(svc.Deployments) != 1 || svc.Deployments[0].RolloutState != "COMPLETED" {
			t.Errorf("%s/%s: %d/%d running, deployments %+v", cs[0], cs[1], svc.Running, svc.Desired, svc.Deployments)
		}
		if svc.ARN != arnPrefix+"service/"+cs[0]+"/"+cs[1] || svc.Events[0].Message != "(service "+cs[1]+") has reached a steady state." {
			t.Errorf("%s: newest event %q", svc.ARN, svc.Events[0].Message)
		}
	}
	if web := getService(t, s, "prod", "web"); web.Desired != 3 || !web.ExecEnabled || !web.CircuitBreaker || web.TaskDefinition != arnPrefix+"task-definition/web:4" {
		t.Errorf("prod/web %+v", web)
	}

	formats := map[string]*regexp.Regexp{
		"task":       regexp.MustCompile(`^arn:aws:ecs:us-east-1:123456789012:task/(prod|staging|batch)/[0-9a-f]{32}$`),
		"container":  regexp.MustCompile(`^arn:aws:ecs:us-east-1:123456789012:container/(prod|staging|batch)/[0-9a-f]{32}/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`),
		"deployment": regexp.MustCompile(`^ecs-svc/[1-9]\d{18}$`),
		"taskdef":    regexp.MustCompile(`^arn:aws:ecs:us-east-1:123456789012:task-definition/[a-z-]+:\d+$`),
		"instance":   regexp.MustCompile(`^arn:aws:ecs:us-east-1:123456789012:container-instance/batch/[0-9a-f]{32}$`),
		"ec2":        regexp.MustCompile(`^i-0[0-9a-f]{16}$`),
		"runtime":    regexp.MustCompile(`^([0-9a-f]{32}-\d{10}|[0-9a-f]{64})$`),
	}
	match := func(kind, v string) {
		if !formats[kind].MatchString(v) {
			t.Errorf("%s %q not in AWS's format", kind, v)
		}
	}
	for _, c := range []string{"prod", "staging", "batch"} {
		for _, tk := range allTasks(t, s, c) {
			match("task", tk.ARN)
			match("taskdef", tk.TaskDefinitionARN)
			for _, ct := range tk.Containers {
				match("container", ct.ARN)
				if ct.RuntimeID != "" {
					match("runtime", ct.RuntimeID)
				}
			}
			if tk.Group[:8] == "service:" {
				match("deployment", tk.StartedBy)
			}
		}
	}
	arns, _ := s.ContainerInstanceARNs("batch", "")
	insts, _, _ := s.ContainerInstances("batch", arns)
	for _, in := range insts {
		match("instance", in.ARN)
		match("ec2", in.EC2InstanceID)
	}
}

// Every Fargate task definition has a CPU/memory pair Fargate allows.
func TestFargateSizes(t *testing.T) {
	s := New(t0, Config{Seed: 7, LoadServices: 2, LoadTasksPerService: 1})
	valid := func(cpu, mem int) bool {
		switch cpu {
		case 256:
			return mem == 512 || mem == 1024 || mem == 2048
		case 512:
			return mem >= 1024 && mem <= 4096 && mem%1024 == 0
		case 1024:
			return mem >= 2048 && mem <= 8192 && mem%1024 == 0
		case 2048:
			return mem >= 4096 && mem <= 16384 && mem%1024 == 0
		case 4096:
			return mem >= 8192 && mem <= 30720 && mem%1024 == 0
		}
		return false
	}
	for _, arn := range append(s.TaskDefinitionARNs("", ""), s.TaskDefinitionARNs("", "INACTIVE")...) {
		td, _ := s.TaskDefinition(arn)
		if td.RequiresCompatibilities[0] != "FARGATE" {
			continue
		}
		cpu, _ := strconv.Atoi(td.CPU)
		mem, _ := strconv.Atoi(td.Memory)
		if !valid(cpu, mem) || td.NetworkMode != "awsvpc" {
			t.Errorf("%s: %s CPU / %s MiB, %s", td.ARN, td.CPU, td.Memory, td.NetworkMode)
		}
	}
}

// The EC2 cluster: instances with what their tasks reserve taken off,
// bridge-mode host ports, standalone batch tasks.
func TestBatchCluster(t *testing.T) {
	s := newSim(t)
	arns, _ := s.ContainerInstanceARNs("batch", "")
	insts, _, _ := s.ContainerInstances("batch", arns)
	if len(insts) != 3 {
		t.Fatalf("%d instances", len(insts))
	}
	draining := 0
	for _, in := range insts {
		if in.InstanceType != "m6i.large" || in.RegisteredCPU != 2048 || in.RegisteredMemory != 7680 || !in.AgentConnected || in.AgentVersion == "" {
			t.Errorf("instance %+v", in)
		}
		if in.Status == "DRAINING" {
			draining++
			if in.RunningTasks != 0 || in.RemainingCPU != in.RegisteredCPU {
				t.Errorf("draining instance runs %d tasks", in.RunningTasks)
			}
		} else if in.RemainingCPU >= in.RegisteredCPU {
			t.Errorf("active instance %s runs nothing", in.EC2InstanceID)
		}
	}
	if d, _ := s.ContainerInstanceARNs("batch", "DRAINING"); draining != 1 || len(d) != 1 {
		t.Errorf("%d draining instances, listed %d", draining, len(d))
	}
	for _, tk := range listTasks(t, s, "batch", TaskFilter{}) {
		if tk.LaunchType != "EC2" || tk.ContainerInstanceARN == "" || tk.CapacityProvider != "batch-asg" || tk.PlatformVersion != "" {
			t.Errorf("task %s: %s on %q via %q", tk.ID, tk.LaunchType, tk.ContainerInstanceARN, tk.CapacityProvider)
		}
		if tk.Group == "service:report-runner" {
			b := tk.Containers[0].NetworkBindings
			if len(b) != 1 || b[0].ContainerPort != 8080 || b[0].HostPort < 32768 || b[0].Protocol != "tcp" {
				t.Errorf("report-runner bindings %+v", b)
			}
		} else if tk.Group != "family:nightly-report" || tk.StartedBy != "events-rule/nightly" {
			t.Errorf("standalone task group %q started by %q", tk.Group, tk.StartedBy)
		}
	}
	// Over the evening the nightly shard finishes and frees its instance.
	s.Advance(t0.Add(time.Hour))
	checkCounts(t, s)
	if n := len(listTasks(t, s, "batch", TaskFilter{Family: "nightly-report"})); n != 0 {
		t.Errorf("%d nightly tasks still running after an hour", n)
	}
	for _, tk := range listTasks(t, s, "batch", TaskFilter{Family: "nightly-report", DesiredStatus: "STOPPED"}) {
		if c := tk.Containers[0]; tk.StopCode != "EssentialContainerExited" || c.ExitCode == nil || *c.ExitCode != 0 {
			t.Errorf("nightly task %s: %s exit %v", tk.ID, tk.StopCode, c.ExitCode)
		}
	}
}

// Same seed, same world; another seed, another one.
func TestDeterminism(t *testing.T) {
	world := func(seed int64) []string {
		s := New(t0, Config{Seed: seed})
		s.Advance(t0.Add(7 * time.Minute))
		if _, err := s.StopTask("prod", listTasks(t, s, "prod", TaskFilter{ServiceName: "web"})[1].ID, ""); err != nil {
			t.Fatal(err)
		}
		s.Advance(t0.Add(12 * time.Minute))
		var out []string
		for _, c := range s.Clusters() {
			for _, tk := range allTasks(t, s, c.Name) {
				out = append(out, fmt.Sprint(tk.ARN, tk.LastStatus, tk.Version, tk.StoppedAt.UnixMilli()))
			}
			arns, _ := s.ServiceARNs(c.Name, "")
			svcs, _, _ := s.Services(c.Name, arns)
			for _, svc := range svcs {
				for _, e := range svc.Events {
					out = append(out, e.ID+e.Message)
				}
			}
		}
		ev, _ := s.FilterLogEvents("/ecs/prod/web", nil, "", "", time.Time{}, time.Time{})
		for _, e := range ev {
			out = append(out, e.EventID+e.Message)
		}
		return out
	}
	a, b, c := world(42), world(42), world(43)
	if !slices.Equal(a, b) {
		t.Error("two worlds from one seed differ")
	}
	if slices.Equal(a[:10], c[:10]) {
		t.Error("another seed made the same task IDs")
	}
}

// The load cluster: LoadServices services of LoadTasksPerService steady
// RUNNING tasks.
func TestLoadCluster(t *testing.T) {
	s := New(t0, Config{Seed: 7, LoadServices: 100, LoadTasksPerService: 20})
	c, err := s.Cluster("load")
	if err != nil || c.RunningTasks != 2000 || c.PendingTasks != 0 || c.ActiveServices != 100 {
		t.Fatalf("load cluster %+v, %v", c, err)
	}
	arns, _ := s.ServiceARNs("load", "FARGATE")
	if len(arns) != 100 || arns[0] != arnPrefix+"service/load/svc-0001" || arns[99] != arnPrefix+"service/load/svc-0100" {
		t.Errorf("services %d: %s … %s", len(arns), arns[0], arns[len(arns)-1])
	}
	before, _ := s.TaskARNs("load", TaskFilter{})
	s.Advance(t0.Add(10 * time.Minute))
	after, _ := s.TaskARNs("load", TaskFilter{})
	if len(before) != 2000 || !slices.Equal(before, after) {
		t.Errorf("load tasks changed: %d then %d", len(before), len(after))
	}
	if groups := s.LogGroups("/ecs/load"); len(groups) != 0 {
		t.Errorf("load cluster logs: %v", groups)
	}
	svc := getService(t, s, "load", "svc-0042")
	if svc.Running != 20 || svc.Desired != 20 || len(svc.Deployments) != 1 {
		t.Errorf("svc-0042 %+v", svc)
	}
	checkCounts(t, s)
}

// Returned values share nothing with the simulation.
func TestDeepCopies(t *testing.T) {
	s := newSim(t)
	tk := listTasks(t, s, "prod", TaskFilter{ServiceName: "web"})[0]
	*tk.Containers[0].ExitCode = 99
	tk.Containers[1].ManagedAgents[0].LastStatus = "changed"
	tk.Containers[1].Name = "changed"
	svc := getService(t, s, "prod", "web")
	svc.Events[0].Message = "changed"
	svc.Deployments[0].Running = 99
	svc.Tags["env"] = "changed"
	c, _ := s.Cluster("prod")
	c.CapacityProviders[0] = "changed"
	again, svc2, c2 := getTask(t, s, "prod", tk.ID), getService(t, s, "prod", "web"), s.Clusters()[1]
	if *again.Containers[0].ExitCode != 0 || again.Containers[1].ManagedAgents[0].LastStatus != "RUNNING" || again.Containers[1].Name != "app" ||
		svc2.Events[0].Message == "changed" || svc2.Deployments[0].Running != 3 || svc2.Tags["env"] != "prod" || c2.CapacityProviders[0] != "FARGATE" {
		t.Error("the simulation changed through a returned value")
	}
}

// Hours of churn: events stay capped at ECS's 100, counters consistent.
func TestLongRun(t *testing.T) {
	s := newSim(t)
	for range 8 {
		s.Advance(s.Now().Add(time.Hour))
		checkCounts(t, s)
	}
	svc := getService(t, s, "prod", "worker")
	if len(svc.Events) != maxEvents {
		t.Errorf("worker has %d events, want the last %d", len(svc.Events), maxEvents)
	}
	if n := len(listTasks(t, s, "prod", TaskFilter{ServiceName: "worker", DesiredStatus: "STOPPED"})); n > 80 {
		t.Errorf("%d stopped worker tasks kept", n)
	}
}

// Reads and mutations from several goroutines while the clock moves (run
// with -race).
func TestConcurrentUse(t *testing.T) {
	s := newSim(t)
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range 120 {
			s.Advance(t0.Add(time.Duration(i) * time.Second))
		}
	})
	wg.Go(func() {
		for range 50 {
			arns, _ := s.TaskARNs("prod", TaskFilter{})
			s.Tasks("prod", arns)
			s.FilterLogEvents("/ecs/prod/web", nil, "", "GET", time.Time{}, time.Time{})
		}
	})
	wg.Go(func() {
		for i := range 20 {
			n := 2 + i%3
			s.UpdateService("staging", "web", ServiceUpdate{DesiredCount: &n})
			s.Clusters()
		}
	})
	wg.Wait()
	checkCounts(t, s)
}
