package model

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

var now = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// cell returns the cell under the column titled title.
func cell(t *testing.T, cols []Column, r Row, title string) string {
	t.Helper()
	i := slices.IndexFunc(cols, func(c Column) bool { return c.Title == title })
	if i < 0 {
		t.Fatalf("no column %q", title)
	}
	return r.Cells[i]
}

// sortKey returns the value the column titled title sorts by.
func sortKey(t *testing.T, cols []Column, r Row, title string) string {
	t.Helper()
	i := slices.IndexFunc(cols, func(c Column) bool { return c.Title == title })
	if i < len(r.SortKeys) && r.SortKeys[i] != "" {
		return r.SortKeys[i]
	}
	return r.Cells[i]
}

func TestRowsMatchColumns(t *testing.T) {
	for _, tc := range []struct {
		name string
		cols []Column
		row  Row
	}{
		{"cluster", ClusterColumns(), ClusterRow(Cluster{})},
		{"service", ServiceColumns(), ServiceRow(Service{}, now)},
		{"task", TaskColumns(false), TaskRow(Task{}, now, false)},
		{"stopped task", TaskColumns(true), TaskRow(Task{}, now, true)},
		{"container", ContainerColumns(), ContainerRow(Container{}, nil)},
		{"instance", InstanceColumns(), InstanceRow(ContainerInstance{}, now)},
	} {
		if len(tc.row.Cells) != len(tc.cols) {
			t.Errorf("%s: %d cells for %d columns", tc.name, len(tc.row.Cells), len(tc.cols))
		}
		if len(tc.row.SortKeys) > len(tc.cols) {
			t.Errorf("%s: %d sort keys for %d columns", tc.name, len(tc.row.SortKeys), len(tc.cols))
		}
		for _, want := range []SortKey{SortName, SortStatus} {
			if !slices.ContainsFunc(tc.cols, func(c Column) bool { return c.Sort == want }) {
				t.Errorf("%s: no column sorts by %v", tc.name, want)
			}
		}
	}
}

func TestClusterRow(t *testing.T) {
	cols := ClusterColumns()
	r := ClusterRow(Cluster{ARN: "arn:aws:ecs:us-east-1:1:cluster/prod", Name: "prod", Status: "ACTIVE",
		ActiveServices: 3, RunningTasks: 7, PendingTasks: 1, ContainerInstances: 0,
		CapacityProviders: []string{"FARGATE", "FARGATE_SPOT"}, ContainerInsights: "enabled"})
	want := map[string]string{"NAME": "prod", "STATUS": "ACTIVE", "SERVICES": "3", "RUNNING": "7", "PENDING": "1",
		"INSTANCES": "0", "CAPACITY PROVIDERS": "FARGATE,FARGATE_SPOT", "INSIGHTS": "on"}
	for title, v := range want {
		if got := cell(t, cols, r, title); got != v {
			t.Errorf("%s = %q, want %q", title, got, v)
		}
	}
	if r.ID != "arn:aws:ecs:us-east-1:1:cluster/prod" || r.State != StateOK {
		t.Errorf("ID %q state %v", r.ID, r.State)
	}
	for setting, want := range map[string]string{"": "off", "disabled": "off", "enhanced": "on (enhanced)"} {
		if got := Insights(setting); got != want {
			t.Errorf("Insights(%q) = %q, want %q", setting, got, want)
		}
	}
}

func TestServiceRow(t *testing.T) {
	cols := ServiceColumns()
	created := now.Add(-90 * time.Minute)
	for _, tc := range []struct {
		name string
		s    Service
		want map[string]string
	}{
		{"rolling out on fargate", Service{Name: "web", Status: "ACTIVE", Desired: 3, Running: 3, Pending: 1,
			LaunchType: "FARGATE", TaskDefinition: "arn:aws:ecs:us-east-1:1:task-definition/web:12", ExecEnabled: true,
			CreatedAt: created, Deployments: []Deployment{{Status: "PRIMARY", RolloutState: "IN_PROGRESS"}, {Status: "ACTIVE"}}},
			map[string]string{"NAME": "web", "DESIRED": "3", "RUNNING": "3", "PENDING": "1", "LAUNCH": "FARGATE",
				"TASK DEF": "web:12", "DEPLOYMENT": "IN_PROGRESS (2)", "EXEC": "yes", "AGE": "1h30m"}},
		{"steady on capacity providers", Service{Name: "api", CapacityProviders: []string{"FARGATE_SPOT", "FARGATE"},
			Deployments: []Deployment{{Status: "PRIMARY", RolloutState: "COMPLETED"}}},
			map[string]string{"LAUNCH": "FARGATE_SPOT,FARGATE", "DEPLOYMENT": "COMPLETED", "EXEC": "no", "AGE": "-", "TASK DEF": "-"}},
		{"no rollout state", Service{Deployments: []Deployment{{Status: "PRIMARY"}, {Status: "ACTIVE"}}},
			map[string]string{"DEPLOYMENT": "2 deployments"}},
	} {
		r := ServiceRow(tc.s, now)
		for title, v := range tc.want {
			if got := cell(t, cols, r, title); got != v {
				t.Errorf("%s: %s = %q, want %q", tc.name, title, got, v)
			}
		}
	}
	// Problems sort first on the status key.
	bad := ServiceRow(Service{Status: "ACTIVE", Desired: 2, Running: 1}, now)
	good := ServiceRow(Service{Status: "ACTIVE", Desired: 2, Running: 2}, now)
	if bad.State != StateWarn || sortKey(t, cols, bad, "STATUS") >= sortKey(t, cols, good, "STATUS") {
		t.Errorf("below-desired service: state %v, key %q vs healthy %q", bad.State,
			sortKey(t, cols, bad, "STATUS"), sortKey(t, cols, good, "STATUS"))
	}
}

func TestTaskRow(t *testing.T) {
	exit := 137
	task := Task{ARN: "arn:aws:ecs:us-east-1:1:task/prod/0123456789abcdef0123456789abcdef", ID: "0123456789abcdef0123456789abcdef",
		LastStatus: "STOPPED", DesiredStatus: "STOPPED", HealthStatus: "UNKNOWN",
		TaskDefinitionARN: "arn:aws:ecs:us-east-1:1:task-definition/worker:4", LaunchType: "FARGATE",
		CapacityProvider: "FARGATE_SPOT", AvailabilityZone: "us-east-1b", PrivateIP: "10.0.1.7", CPU: "512", Memory: "2048",
		CreatedAt: now.Add(-3 * time.Minute), StoppingAt: now.Add(-150 * time.Second), StoppedAt: now.Add(-2 * time.Minute),
		StopCode:   "EssentialContainerExited",
		Containers: []Container{{Name: "worker", ExitCode: &exit, Reason: "OutOfMemoryError: Container killed due to memory usage"}}}

	// The stopped view: the ID, status, revision, when it stopped and why.
	cols := TaskColumns(true)
	var titles []string
	for _, c := range cols {
		titles = append(titles, c.Title)
	}
	if got := strings.Join(titles, ","); got != "TASK ID,STATUS,TASK DEF,STOPPED,STOP REASON" {
		t.Errorf("stopped view columns %s", got)
	}
	r := TaskRow(task, now, true)
	want := map[string]string{"TASK ID": task.ID, "STATUS": "STOPPED", "TASK DEF": "worker:4", "STOPPED": "2m",
		"STOP REASON": "out of memory (exit 137) in worker"}
	for title, v := range want {
		if got := cell(t, cols, r, title); got != v {
			t.Errorf("%s = %q, want %q", title, got, v)
		}
	}
	if r.ID != task.ARN || r.State != StateError {
		t.Errorf("ID %q state %v", r.ID, r.State)
	}

	liveCols, live := TaskColumns(false), TaskRow(task, now, false)
	for title, v := range map[string]string{"STATUS": "STOPPED", "HEALTH": "UNKNOWN", "LAUNCH": "FARGATE_SPOT",
		"AZ": "us-east-1b", "IP": "10.0.1.7", "CPU": ".5 vCPU", "MEMORY": "2 GiB", "AGE": "3m"} {
		if got := cell(t, liveCols, live, title); got != v {
			t.Errorf("live view: %s = %q, want %q", title, got, v)
		}
	}
	// A task asked to stop says where it is going, in both views, and
	// its stop time is when it was asked.
	stopping := Task{LastStatus: "RUNNING", DesiredStatus: "STOPPED", StoppingAt: now.Add(-30 * time.Second)}
	if got := cell(t, liveCols, TaskRow(stopping, now, false), "STATUS"); got != "RUNNING→STOPPED" {
		t.Errorf("stopping task status %q", got)
	}
	if got := cell(t, cols, TaskRow(stopping, now, true), "STOPPED"); got != "30s" {
		t.Errorf("stopping task stopped %q, want 30s", got)
	}
	running := Task{LastStatus: "RUNNING", DesiredStatus: "RUNNING", CreatedAt: now.Add(-time.Hour)}
	if got := cell(t, cols, TaskRow(running, now, true), "STOPPED"); got != "-" {
		t.Errorf("running task stopped %q, want -", got)
	}

	// The stopped view starts sorted by STOPPED, which shift-A sorts, most
	// recent stop first and tasks still running last.
	def := slices.IndexFunc(cols, func(c Column) bool { return c.SortDefault })
	if def < 0 || cols[def].Title != "STOPPED" || cols[def].Sort != SortAge {
		t.Fatalf("default sort column %d of %v", def, titles)
	}
	earlier := task
	earlier.StoppedAt = now.Add(-40 * time.Minute)
	keys := []string{sortKey(t, cols, r, "STOPPED"), sortKey(t, cols, TaskRow(earlier, now, true), "STOPPED"),
		sortKey(t, cols, TaskRow(running, now, true), "STOPPED")}
	if !numLess(keys[0], keys[1]) || !numLess(keys[1], keys[2]) {
		t.Errorf("stop keys (2m ago, 40m ago, running) %q: want ascending", keys)
	}
	if slices.ContainsFunc(TaskColumns(false), func(c Column) bool { return c.SortDefault }) {
		t.Error("the live view has a default sort: it lists tasks in the order ECS does")
	}

	// IDs and IPs are never cut; only secondary detail may be left out.
	for _, set := range [][]Column{cols, liveCols} {
		for _, c := range set {
			if (c.Title == "TASK ID" || c.Title == "IP") != c.NoTruncate {
				t.Errorf("%s: NoTruncate %v", c.Title, c.NoTruncate)
			}
			if c.Shed > 0 && !slices.Contains([]string{"CPU", "MEMORY", "LAUNCH", "AZ"}, c.Title) {
				t.Errorf("%s may be left out", c.Title)
			}
		}
	}

	// Numbers and ages sort as numbers: an older task has a larger age key.
	older := TaskRow(Task{CreatedAt: now.Add(-time.Hour)}, now, false)
	if !numLess(sortKey(t, liveCols, live, "AGE"), sortKey(t, liveCols, older, "AGE")) {
		t.Errorf("age keys: 3m %q should sort before 1h %q", sortKey(t, liveCols, live, "AGE"), sortKey(t, liveCols, older, "AGE"))
	}
	olderLive := TaskRow(Task{CreatedAt: now.Add(-time.Hour), CPU: "4096"}, now, false)
	if !numLess(sortKey(t, liveCols, live, "CPU"), sortKey(t, liveCols, olderLive, "CPU")) {
		t.Errorf("cpu keys: %q vs %q", sortKey(t, liveCols, live, "CPU"), sortKey(t, liveCols, olderLive, "CPU"))
	}
}

func numLess(a, b string) bool {
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && err2 == nil && x < y
}

func TestContainerRow(t *testing.T) {
	cols := ContainerColumns()
	exit := 1
	def := &ContainerDefinition{Name: "app", Essential: true, PortMappings: []PortMapping{{ContainerPort: 8080, Protocol: "tcp"}}}
	for _, tc := range []struct {
		name string
		c    Container
		def  *ContainerDefinition
		want map[string]string
	}{
		{"ecr image, awsvpc ports from the definition", Container{Name: "app", LastStatus: "RUNNING", HealthStatus: "HEALTHY",
			Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1.4.2", CPU: "256", Memory: "512"}, def,
			map[string]string{"NAME": "app", "IMAGE": "web:1.4.2", "STATUS": "RUNNING", "HEALTH": "HEALTHY", "EXIT": "-",
				"ESSENTIAL": "yes", "PORTS": "8080/tcp", "CPU": ".25 vCPU", "MEMORY": "512 MiB"}},
		{"exited, bridge bindings, no definition", Container{Name: "envoy", LastStatus: "STOPPED", ExitCode: &exit,
			Reason: "boom", Image: "envoyproxy/envoy@sha256:0123456789abcdef0123", CPU: "0", MemoryReservation: "128",
			NetworkBindings: []PortBinding{{ContainerPort: 9901, HostPort: 32768, Protocol: "tcp"}}}, nil,
			map[string]string{"IMAGE": "envoy@sha256:0123456789ab", "EXIT": "1", "REASON": "boom", "ESSENTIAL": "-",
				"PORTS": "9901→32768/tcp", "CPU": "-", "MEMORY": "128 MiB (soft)"}},
	} {
		r := ContainerRow(tc.c, tc.def)
		for title, v := range tc.want {
			if got := cell(t, cols, r, title); got != v {
				t.Errorf("%s: %s = %q, want %q", tc.name, title, got, v)
			}
		}
	}
	for image, want := range map[string]string{"nginx": "nginx", "nginx:1.27": "nginx:1.27",
		"localhost:5000/app:dev": "app:dev", "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable": "aws-for-fluent-bit:stable"} {
		if got := ShortImage(image); got != want {
			t.Errorf("ShortImage(%q) = %q, want %q", image, got, want)
		}
	}
}

func TestInstanceRow(t *testing.T) {
	cols := InstanceColumns()
	r := InstanceRow(ContainerInstance{ARN: "arn:ci", EC2InstanceID: "i-0abc", Status: "ACTIVE", AgentConnected: false,
		RunningTasks: 4, RegisteredCPU: 2048, RemainingCPU: 512, RegisteredMemory: 3840, RemainingMemory: 1024,
		InstanceType: "m5.large", AvailabilityZone: "us-east-1a", RegisteredAt: now.Add(-49 * time.Hour)}, now)
	want := map[string]string{"INSTANCE": "i-0abc", "STATUS": "ACTIVE", "AGENT": "disconnected", "TASKS": "4",
		"CPU FREE": ".5 vCPU / 2 vCPU", "MEMORY FREE": "1 GiB / 3.8 GiB", "TYPE": "m5.large", "AZ": "us-east-1a", "AGE": "2d1h"}
	for title, v := range want {
		if got := cell(t, cols, r, title); got != v {
			t.Errorf("%s = %q, want %q", title, got, v)
		}
	}
	if r.State != StateError {
		t.Errorf("disconnected agent: state %v, want error", r.State)
	}
	if got := sortKey(t, cols, r, "CPU FREE"); got != "512" {
		t.Errorf("cpu free sorts by %q, want 512", got)
	}
}
