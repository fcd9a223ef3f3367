package demo

import (
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecsdeck/ecsdeck/demo/sim"
	"github.com/ecsdeck/ecsdeck/model"
)

// listAllTasks pages ListTasks to the end.
func listAllTasks(t *testing.T, c *clients, in *ecs.ListTasksInput) []string {
	t.Helper()
	var arns []string
	for p := ecs.NewListTasksPaginator(c.ecs, in); p.HasMorePages(); {
		page, err := p.NextPage(ctx(t))
		if err != nil {
			t.Fatal(err)
		}
		arns = append(arns, page.TaskArns...)
	}
	return arns
}

func TestListTasksFilters(t *testing.T) {
	c := startDemo(t, Options{})
	// The worker service keeps failing: after a while there are stopped tasks.
	c.srv.Sim().Advance(start.Add(10 * time.Minute))
	s := c.srv.Sim()
	web := describeService(t, c, "prod", "web")
	td, err := s.TaskDefinition(*web.TaskDefinition)
	if err != nil {
		t.Fatal(err)
	}
	webTasks, _, err := s.Tasks("prod", must(s.TaskARNs("prod", sim.TaskFilter{ServiceName: "web"})))
	if err != nil || len(webTasks) == 0 {
		t.Fatalf("web tasks: %v, %v", webTasks, err)
	}
	instances := must(s.ContainerInstanceARNs("batch", ""))
	if len(instances) == 0 {
		t.Fatal("batch has no container instances")
	}

	for _, tc := range []struct {
		name    string
		cluster string
		in      ecs.ListTasksInput
		filter  sim.TaskFilter
	}{
		{"all running", "prod", ecs.ListTasksInput{}, sim.TaskFilter{}},
		{"by service", "prod", ecs.ListTasksInput{ServiceName: aws.String("web")}, sim.TaskFilter{ServiceName: "web"}},
		{"by family", "prod", ecs.ListTasksInput{Family: aws.String(td.Family)}, sim.TaskFilter{Family: td.Family}},
		{"stopped", "prod", ecs.ListTasksInput{DesiredStatus: types.DesiredStatusStopped}, sim.TaskFilter{DesiredStatus: "STOPPED"}},
		{"started by", "prod", ecs.ListTasksInput{StartedBy: aws.String(webTasks[0].StartedBy)}, sim.TaskFilter{StartedBy: webTasks[0].StartedBy}},
		{"launch type", "prod", ecs.ListTasksInput{LaunchType: types.LaunchTypeFargate}, sim.TaskFilter{LaunchType: "FARGATE"}},
		{"container instance", "batch", ecs.ListTasksInput{ContainerInstance: aws.String(instances[0])}, sim.TaskFilter{ContainerInstance: instances[0]}},
	} {
		in := tc.in
		in.Cluster = aws.String(tc.cluster)
		got := listAllTasks(t, c, &in)
		want := must(s.TaskARNs(tc.cluster, tc.filter))
		if !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("%s: ListTasks = %d tasks, the simulation has %d", tc.name, len(got), len(want))
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestDescribeTasks(t *testing.T) {
	c := startDemo(t, Options{})
	c.srv.Sim().Advance(start.Add(10 * time.Minute))
	s := c.srv.Sim()
	for _, cluster := range []string{"prod", "batch"} {
		arns := append(must(s.TaskARNs(cluster, sim.TaskFilter{})), must(s.TaskARNs(cluster, sim.TaskFilter{DesiredStatus: "STOPPED"}))...)
		for batch := range slices.Chunk(arns, 100) {
			out, err := c.ecs.DescribeTasks(ctx(t), &ecs.DescribeTasksInput{Cluster: aws.String(cluster), Tasks: batch, Include: []types.TaskField{types.TaskFieldTags}})
			if err != nil {
				t.Fatal(err)
			}
			want, _, err := s.Tasks(cluster, batch)
			if err != nil {
				t.Fatal(err)
			}
			if len(out.Tasks) != len(want) || len(out.Failures) != 0 {
				t.Fatalf("%s: described %d tasks and %d failures, want %d tasks", cluster, len(out.Tasks), len(out.Failures), len(want))
			}
			for i, w := range out.Tasks {
				checkTask(t, s, w, want[i])
			}
		}
	}

	// A stopped worker task says why it stopped.
	stopped := must(s.TaskARNs("prod", sim.TaskFilter{ServiceName: "worker", DesiredStatus: "STOPPED"}))
	if len(stopped) == 0 {
		t.Fatal("worker has no stopped tasks after 10 minutes")
	}
	out, err := c.ecs.DescribeTasks(ctx(t), &ecs.DescribeTasksInput{Cluster: aws.String("prod"), Tasks: stopped[:1]})
	if err != nil {
		t.Fatal(err)
	}
	w := out.Tasks[0]
	exited := slices.ContainsFunc(w.Containers, func(c types.Container) bool { return c.ExitCode != nil })
	if w.StopCode == "" || w.StoppedReason == nil || w.StoppedAt == nil || (w.StopCode == types.TaskStopCodeEssentialContainerExited && !exited) {
		t.Errorf("stopped worker task: stopCode %q, reason %v, stoppedAt %v, a container exited %v", w.StopCode, w.StoppedReason, w.StoppedAt, exited)
	}
}

// checkTask compares a task on the wire with the simulation's.
func checkTask(t *testing.T, s *sim.Sim, w types.Task, m model.Task) {
	t.Helper()
	sameFields(t, "task "+m.ID, fields{
		"taskArn":              {*w.TaskArn, m.ARN},
		"lastStatus":           {*w.LastStatus, m.LastStatus},
		"desiredStatus":        {*w.DesiredStatus, m.DesiredStatus},
		"launchType":           {string(w.LaunchType), m.LaunchType},
		"cpu":                  {aws.ToString(w.Cpu), m.CPU},
		"memory":               {aws.ToString(w.Memory), m.Memory},
		"taskDefinitionArn":    {*w.TaskDefinitionArn, m.TaskDefinitionARN},
		"group":                {aws.ToString(w.Group), m.Group},
		"startedBy":            {aws.ToString(w.StartedBy), m.StartedBy},
		"availabilityZone":     {aws.ToString(w.AvailabilityZone), m.AvailabilityZone},
		"capacityProviderName": {aws.ToString(w.CapacityProviderName), m.CapacityProvider},
		"version":              {w.Version, m.Version},
		"enableExecuteCommand": {w.EnableExecuteCommand, m.EnableExecuteCommand},
		"stopCode":             {string(w.StopCode), m.StopCode},
		"stoppedReason":        {aws.ToString(w.StoppedReason), m.StoppedReason},
		"containerInstanceArn": {aws.ToString(w.ContainerInstanceArn), m.ContainerInstanceARN},
		"healthStatus":         {string(w.HealthStatus), m.HealthStatus},
		"createdAt":            {utc(w.CreatedAt), wireTime(m.CreatedAt)},
		"pullStartedAt":        {utc(w.PullStartedAt), wireTime(m.PullStartedAt)},
		"pullStoppedAt":        {utc(w.PullStoppedAt), wireTime(m.PullStoppedAt)},
		"startedAt":            {utc(w.StartedAt), wireTime(m.StartedAt)},
		"stoppingAt":           {utc(w.StoppingAt), wireTime(m.StoppingAt)},
		"stoppedAt":            {utc(w.StoppedAt), wireTime(m.StoppedAt)},
		"tags":                 {len(w.Tags), len(m.Tags)},
	})
	awsvpc := must(s.TaskDefinition(m.TaskDefinitionARN)).NetworkMode == "awsvpc"
	var eniIP string
	if awsvpc {
		if len(w.Attachments) != 1 || *w.Attachments[0].Type != "ElasticNetworkInterface" {
			t.Fatalf("awsvpc task %s attachments = %+v", m.ID, w.Attachments)
		}
		for _, d := range w.Attachments[0].Details {
			if *d.Name == "privateIPv4Address" {
				eniIP = *d.Value
			}
		}
		if eniIP != m.PrivateIP {
			t.Errorf("task %s ENI address %q, want %q", m.ID, eniIP, m.PrivateIP)
		}
	}
	if len(w.Containers) != len(m.Containers) {
		t.Fatalf("task %s has %d containers, want %d", m.ID, len(w.Containers), len(m.Containers))
	}
	for i, wc := range w.Containers {
		mc := m.Containers[i]
		exitCode := func(p *int32) *int {
			if p == nil {
				return nil
			}
			n := int(*p)
			return &n
		}
		sameFields(t, "task "+m.ID+" container "+mc.Name, fields{
			"name":              {*wc.Name, mc.Name},
			"containerArn":      {*wc.ContainerArn, mc.ARN},
			"taskArn":           {*wc.TaskArn, m.ARN},
			"image":             {*wc.Image, mc.Image},
			"imageDigest":       {aws.ToString(wc.ImageDigest), mc.ImageDigest},
			"lastStatus":        {*wc.LastStatus, mc.LastStatus},
			"healthStatus":      {string(wc.HealthStatus), mc.HealthStatus},
			"runtimeId":         {aws.ToString(wc.RuntimeId), mc.RuntimeID},
			"reason":            {aws.ToString(wc.Reason), mc.Reason},
			"exitCode":          {exitCode(wc.ExitCode), mc.ExitCode},
			"cpu":               {aws.ToString(wc.Cpu), mc.CPU},
			"memory":            {aws.ToString(wc.Memory), mc.Memory},
			"memoryReservation": {aws.ToString(wc.MemoryReservation), mc.MemoryReservation},
			"networkBindings":   {len(wc.NetworkBindings), len(mc.NetworkBindings)},
			"managedAgents":     {len(wc.ManagedAgents), len(mc.ManagedAgents)},
		})
		if awsvpc && (len(wc.NetworkInterfaces) != 1 || aws.ToString(wc.NetworkInterfaces[0].PrivateIpv4Address) != m.PrivateIP) {
			t.Errorf("task %s container %s network interfaces = %+v", m.ID, mc.Name, wc.NetworkInterfaces)
		}
	}
}

func TestStopTask(t *testing.T) {
	c := startDemo(t, Options{})
	arns := listAllTasks(t, c, &ecs.ListTasksInput{Cluster: aws.String("prod"), ServiceName: aws.String("web")})
	out, err := c.ecs.StopTask(ctx(t), &ecs.StopTaskInput{Cluster: aws.String("prod"), Task: aws.String(nameOf(arns[0])), Reason: aws.String("stopped by a test")})
	if err != nil {
		t.Fatal(err)
	}
	if *out.Task.TaskArn != arns[0] || *out.Task.DesiredStatus != "STOPPED" {
		t.Errorf("StopTask answered %s desired %s", *out.Task.TaskArn, *out.Task.DesiredStatus)
	}
	c.srv.Sim().Advance(start.Add(2 * time.Minute))
	desc, err := c.ecs.DescribeTasks(ctx(t), &ecs.DescribeTasksInput{Cluster: aws.String("prod"), Tasks: arns[:1]})
	if err != nil {
		t.Fatal(err)
	}
	if w := desc.Tasks[0]; *w.LastStatus != "STOPPED" || w.StopCode != types.TaskStopCodeUserInitiated || aws.ToString(w.StoppedReason) != "stopped by a test" {
		t.Errorf("stopped task: %s, %s, %q", *w.LastStatus, w.StopCode, aws.ToString(w.StoppedReason))
	}
}
