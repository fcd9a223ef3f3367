package aws_test

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/aws/awstest"
	"github.com/ecsdeck/ecsdeck/model"
)

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// TestMoto runs the client against moto, an emulator we did not write, with
// the data SeedMoto created.
func TestMoto(t *testing.T) {
	url := awstest.StartMoto(t)
	seed := awstest.SeedMoto(t, url, 3)
	c := awstest.MotoClient(t, url)
	ctx := context.Background()

	t.Run("Clusters", func(t *testing.T) {
		clusters, err := c.Clusters(ctx)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(clusters, func(cl model.Cluster) bool { return cl.ARN == seed.ClusterARN })
		if i < 0 {
			t.Fatalf("cluster %s not in %+v", seed.ClusterARN, clusters)
		}
		cl := clusters[i]
		if cl.Name != seed.Cluster || cl.Status != "ACTIVE" || cl.ContainerInstances != 1 {
			t.Errorf("cluster = %+v", cl)
		}
	})
	t.Run("Cluster", func(t *testing.T) {
		cl, err := c.Cluster(ctx, seed.Cluster)
		if err != nil || cl.ARN != seed.ClusterARN {
			t.Fatalf("Cluster = %+v, %v", cl, err)
		}
		_, err = c.Cluster(ctx, "no-such-cluster")
		if aws.KindOf(err) != aws.KindNotFound {
			t.Errorf("unknown cluster: %v (kind %v), want not found", err, aws.KindOf(err))
		}
	})
	t.Run("Services", func(t *testing.T) {
		services, err := c.Services(ctx, seed.Cluster)
		if err != nil {
			t.Fatal(err)
		}
		if len(services) != 1 {
			t.Fatalf("services = %+v", services)
		}
		s := services[0]
		if s.ARN != seed.ServiceARN || s.Name != seed.Service || s.Desired != 3 || s.TaskDefinition != seed.TaskDefinitionARN ||
			s.LaunchType != "EC2" || len(s.Deployments) == 0 || s.Deployments[0].Status != "PRIMARY" {
			t.Errorf("service = %+v", s)
		}
	})
	t.Run("Tasks", func(t *testing.T) {
		tasks, err := c.Tasks(ctx, seed.Cluster, aws.TaskQuery{Service: seed.Service})
		if err != nil {
			t.Fatal(err)
		}
		if got := taskARNs(tasks); !sameSet(got, seed.TaskARNs) {
			t.Fatalf("task ARNs = %v, want %v", got, seed.TaskARNs)
		}
		for _, task := range tasks {
			if !uuidRE.MatchString(task.ID) || !strings.HasSuffix(task.ARN, "/"+task.ID) {
				t.Errorf("task ID %q of %s is not the UUID at the end of the ARN", task.ID, task.ARN)
			}
			if task.Group != "service:"+seed.Service || task.ContainerInstanceARN != seed.ContainerInstanceARN ||
				task.TaskDefinitionARN != seed.TaskDefinitionARN || task.DesiredStatus != "RUNNING" || task.LaunchType != "EC2" {
				t.Errorf("task = %+v", task)
			}
			// moto starts only the first container of a task definition.
			if len(task.Containers) == 0 || task.Containers[0].Name != "app" || task.Containers[0].CPU != "128" {
				t.Errorf("containers = %+v", task.Containers)
			}
		}
	})
	t.Run("DescribeTasksKeepsOrder", func(t *testing.T) {
		refs := slices.Clone(seed.TaskARNs)
		slices.Reverse(refs)
		refs[0] = refs[0][strings.LastIndexByte(refs[0], '/')+1:] // a bare task ID works too
		tasks, err := c.DescribeTasks(ctx, seed.Cluster, refs)
		if err != nil {
			t.Fatal(err)
		}
		want := slices.Clone(seed.TaskARNs)
		slices.Reverse(want)
		if got := taskARNs(tasks); !slices.Equal(got, want) {
			t.Errorf("order = %v, want %v", got, want)
		}
	})
	t.Run("TaskDefinition", func(t *testing.T) {
		td, err := c.TaskDefinition(ctx, seed.TaskDefinitionARN)
		if err != nil {
			t.Fatal(err)
		}
		checkSeedTaskDefinition(t, td)
		arns, err := c.TaskDefinitionARNs(ctx, "web")
		if err != nil || !slices.Contains(arns, seed.TaskDefinitionARN) {
			t.Errorf("TaskDefinitionARNs = %v, %v", arns, err)
		}
	})
	t.Run("ContainerInstances", func(t *testing.T) {
		cis, err := c.ContainerInstances(ctx, seed.Cluster)
		if err != nil {
			t.Fatal(err)
		}
		if len(cis) != 1 {
			t.Fatalf("container instances = %+v", cis)
		}
		ci := cis[0]
		if ci.ARN != seed.ContainerInstanceARN || ci.EC2InstanceID != seed.EC2InstanceID || ci.Status != "ACTIVE" ||
			ci.RegisteredCPU != 4096 || ci.RegisteredMemory == 0 || ci.InstanceType != "t3.medium" || ci.AgentVersion == "" {
			t.Errorf("container instance = %+v", ci)
		}
	})
	t.Run("Describe", func(t *testing.T) {
		for _, tc := range []struct {
			kind      aws.Kind
			ref, want string
		}{
			{aws.KindCluster, seed.Cluster, seed.ClusterARN},
			{aws.KindService, seed.Service, seed.ServiceARN},
			{aws.KindTask, seed.TaskARNs[0], seed.TaskARNs[0]},
			{aws.KindContainerInstance, seed.ContainerInstanceARN, seed.ContainerInstanceARN},
			{aws.KindTaskDefinition, seed.TaskDefinitionARN, seed.TaskDefinitionARN},
			{aws.KindContainer, seed.TaskARNs[0] + "/app", "app"},
		} {
			checkDescribe(t, c, tc.kind, seed.Cluster, tc.ref, tc.want)
		}
	})
	t.Run("StopTask", func(t *testing.T) {
		stopped, err := c.StopTask(ctx, seed.Cluster, seed.TaskARNs[0], "ecsdeck test")
		if err != nil {
			t.Fatal(err)
		}
		if stopped.ARN != seed.TaskARNs[0] || stopped.DesiredStatus != "STOPPED" {
			t.Errorf("stopped task = %+v", stopped)
		}
		all, err := c.Tasks(ctx, seed.Cluster, aws.TaskQuery{DesiredStatus: "ALL"})
		if err != nil {
			t.Fatal(err)
		}
		if got := taskARNs(all); !sameSet(got, seed.TaskARNs) {
			t.Errorf("ALL tasks = %v, want %v", got, seed.TaskARNs)
		}
	})
}

// checkSeedTaskDefinition checks every mapped field of SeedMoto's task definition.
func checkSeedTaskDefinition(t *testing.T, td model.TaskDefinition) {
	t.Helper()
	if td.Family != "web" || td.Revision != 1 || td.Status != "ACTIVE" || td.NetworkMode != "bridge" || len(td.Containers) != 2 {
		t.Fatalf("task definition = %+v", td)
	}
	app, router := td.Containers[0], td.Containers[1]
	if app.Name != "app" || !app.Essential || app.CPU != 128 || app.Memory != 256 || app.Environment["MODE"] != "moto" {
		t.Errorf("app = %+v", app)
	}
	if len(app.PortMappings) != 1 || app.PortMappings[0].ContainerPort != 80 || app.PortMappings[0].Protocol != "tcp" {
		t.Errorf("app ports = %+v", app.PortMappings)
	}
	if len(app.DependsOn) != 1 || app.DependsOn[0] != (model.ContainerDependency{ContainerName: "log-router", Condition: "START"}) {
		t.Errorf("app dependsOn = %+v", app.DependsOn)
	}
	if len(app.Secrets) != 1 || app.Secrets[0].Name != "DB_PASSWORD" || !strings.HasPrefix(app.Secrets[0].ValueFrom, "arn:aws:secretsmanager:") {
		t.Errorf("app secrets = %+v", app.Secrets)
	}
	if lc := app.LogConfiguration; lc == nil || lc.Driver != "awsfirelens" || lc.Options["log_group_name"] != "/ecs/web" {
		t.Errorf("app log configuration = %+v", lc)
	}
	if hc := app.HealthCheck; hc == nil || hc.Retries != 3 || hc.Interval.Seconds() != 30 || hc.StartPeriod.Seconds() != 10 || len(hc.Command) != 2 {
		t.Errorf("app health check = %+v", hc)
	}
	if router.Name != "log-router" || router.FirelensType != "fluentbit" || router.MemoryReservation != 64 || router.Memory != 0 {
		t.Errorf("log router = %+v", router)
	}
}

// checkDescribe checks that Describe returns JSON in AWS's member names
// holding want (the resource's ARN or name) as a value.
func checkDescribe(t *testing.T, c *aws.Client, kind aws.Kind, cluster, ref, want string) {
	t.Helper()
	out, err := c.Describe(context.Background(), kind, cluster, ref)
	if err != nil {
		t.Errorf("Describe(%s, %s): %v", kind, ref, err)
		return
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Errorf("Describe(%s) is not JSON: %v\n%s", kind, err, out)
		return
	}
	if !strings.Contains(out, `": "`+want+`"`) || strings.Contains(out, "ResultMetadata") || strings.Contains(out, `": null`) {
		t.Errorf("Describe(%s, %s) =\n%s", kind, ref, out)
	}
	for k := range doc {
		if k[0] < 'a' || k[0] > 'z' {
			t.Errorf("Describe(%s): member %q is not camelCase", kind, k)
		}
	}
}

func taskARNs(tasks []model.Task) []string {
	out := make([]string, len(tasks))
	for i, t := range tasks {
		out[i] = t.ARN
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
