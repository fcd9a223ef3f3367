package sim

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const arnPrefix = "arn:aws:ecs:us-east-1:123456789012:"

// Names and ARNs are accepted wherever ECS accepts either.
func TestNameOrARNLookups(t *testing.T) {
	s := newSim(t)
	byName, err := s.Cluster("prod")
	if err != nil {
		t.Fatal(err)
	}
	byARN, err := s.Cluster(arnPrefix + "cluster/prod")
	if err != nil || byARN.ARN != byName.ARN || byName.ARN != arnPrefix+"cluster/prod" {
		t.Errorf("Cluster by ARN = %s, %v; by name %s", byARN.ARN, err, byName.ARN)
	}
	for _, ref := range []string{"arn:aws:ecs:us-west-2:123456789012:cluster/prod", "arn:aws:ecs:us-east-1:999999999999:cluster/prod", arnPrefix + "service/prod"} {
		if _, err := s.Cluster(ref); !errors.Is(err, ErrClusterNotFound) {
			t.Errorf("Cluster(%s) = %v, want not found", ref, err)
		}
	}

	webARN := arnPrefix + "service/prod/web"
	found, missing, err := s.Services(arnPrefix+"cluster/prod", []string{"web", webARN, arnPrefix + "service/web", "nope", arnPrefix + "service/staging/web"})
	if err != nil || len(found) != 3 || !slices.Equal(missing, []string{"nope", arnPrefix + "service/staging/web"}) {
		t.Fatalf("Services = %d found, missing %v, %v", len(found), missing, err)
	}
	for _, svc := range found {
		if svc.ARN != webARN || svc.ClusterARN != byName.ARN {
			t.Errorf("found %s in %s", svc.ARN, svc.ClusterARN)
		}
	}

	tk := listTasks(t, s, "prod", TaskFilter{ServiceName: webARN})[0]
	if !strings.HasPrefix(tk.ARN, arnPrefix+"task/prod/") || tk.ID != tk.ARN[len(tk.ARN)-32:] {
		t.Fatalf("task ARN %s, ID %s", tk.ARN, tk.ID)
	}
	refs := []string{tk.ARN, tk.ID, arnPrefix + "task/" + tk.ID, arnPrefix + "task/staging/" + tk.ID, "0123456789abcdef0123456789abcdef"}
	tasks, missing, err := s.Tasks("prod", refs)
	if err != nil || len(tasks) != 3 || !slices.Equal(missing, refs[3:]) {
		t.Errorf("Tasks = %d found, missing %v, %v", len(tasks), missing, err)
	}
	if other, _, _ := s.Tasks("staging", []string{tk.ID}); len(other) != 0 {
		t.Errorf("a prod task found in staging")
	}

	arns, _ := s.ContainerInstanceARNs("batch", "")
	id := arns[0][strings.LastIndexByte(arns[0], '/')+1:]
	insts, missing, err := s.ContainerInstances("batch", []string{arns[0], id, "nope"})
	if err != nil || len(insts) != 2 || insts[0].ARN != arns[0] || insts[1].ARN != arns[0] || !slices.Equal(missing, []string{"nope"}) {
		t.Errorf("ContainerInstances = %v, missing %v, %v", insts, missing, err)
	}
}

// Not found errors wrap the sentinels with ECS's and CloudWatch's words.
func TestNotFoundErrors(t *testing.T) {
	s := newSim(t)
	_, _, errServices := s.Services("nope", []string{"web"})
	_, errUpdate := s.UpdateService("prod", "nope", ServiceUpdate{ForceNewDeployment: true})
	_, errList := s.TaskARNs("prod", TaskFilter{ServiceName: "nope"})
	_, errStop := s.StopTask("prod", "0123456789abcdef0123456789abcdef", "")
	_, errStopCluster := s.StopTask("nope", "0123456789abcdef0123456789abcdef", "")
	_, errTD := s.TaskDefinition("web:99")
	_, errGroup := s.LogStreams("/ecs/nope", "")
	_, errStream := s.LogEvents("/ecs/prod/web", "web/app/nope", t0, t0)
	minusOne := -1
	_, errCount := s.UpdateService("prod", "web", ServiceUpdate{DesiredCount: &minusOne})
	for _, tt := range []struct {
		err      error
		sentinel error
		text     string
	}{
		{errServices, ErrClusterNotFound, "ClusterNotFoundException: Cluster not found."},
		{errUpdate, ErrServiceNotFound, "ServiceNotFoundException: Service not found."},
		{errList, ErrServiceNotFound, "ServiceNotFoundException: Service not found."},
		{errStop, ErrTaskNotFound, "InvalidParameterException: The referenced task was not found."},
		{errStopCluster, ErrClusterNotFound, "ClusterNotFoundException: Cluster not found."},
		{errTD, ErrTaskDefinitionNotFound, "ClientException: Unable to describe task definition."},
		{errGroup, ErrLogGroupNotFound, "ResourceNotFoundException: The specified log group does not exist."},
		{errStream, ErrLogStreamNotFound, "ResourceNotFoundException: The specified log stream does not exist."},
		{errCount, ErrInvalidParameter, ""},
	} {
		if !errors.Is(tt.err, tt.sentinel) || tt.text != "" && tt.err.Error() != tt.text {
			t.Errorf("error %v, want %q (%v)", tt.err, tt.text, tt.sentinel)
		}
	}
	if svc := getService(t, s, "prod", "web"); svc.Desired != 3 || len(svc.Deployments) != 1 {
		t.Errorf("a refused update changed the service: desired %d, %d deployments", svc.Desired, len(svc.Deployments))
	}
}

// Task definitions by ARN, family:revision or family; listed by family,
// then revision.
func TestTaskDefinitions(t *testing.T) {
	s := newSim(t)
	latest, err := s.TaskDefinition("web")
	if err != nil || latest.ARN != arnPrefix+"task-definition/web:4" || latest.Revision != 4 || latest.Status != "ACTIVE" {
		t.Fatalf("TaskDefinition(web) = %s rev %d %s, %v", latest.ARN, latest.Revision, latest.Status, err)
	}
	for _, ref := range []string{latest.ARN, "web:4"} {
		if td, err := s.TaskDefinition(ref); err != nil || td.ARN != latest.ARN {
			t.Errorf("TaskDefinition(%s) = %s, %v", ref, td.ARN, err)
		}
	}
	if old, err := s.TaskDefinition("web:1"); err != nil || old.Status != "INACTIVE" {
		t.Errorf("web:1 = %s, %v; want INACTIVE and still described", old.Status, err)
	}
	for _, ref := range []string{"web:0", "web:x", "nope", arnPrefix + "task-definition/nope:1", "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:4"} {
		if _, err := s.TaskDefinition(ref); !errors.Is(err, ErrTaskDefinitionNotFound) {
			t.Errorf("TaskDefinition(%s) = %v", ref, err)
		}
	}
	want := []string{arnPrefix + "task-definition/web:2", arnPrefix + "task-definition/web:3", arnPrefix + "task-definition/web:4"}
	if got := s.TaskDefinitionARNs("web", ""); !slices.Equal(got, want) {
		t.Errorf("TaskDefinitionARNs(web) = %v", got)
	}
	if got := s.TaskDefinitionARNs("web", "INACTIVE"); !slices.Equal(got, []string{arnPrefix + "task-definition/web:1"}) {
		t.Errorf("INACTIVE = %v", got)
	}
	if got := s.TaskDefinitionARNs("we", ""); len(got) != 0 {
		t.Errorf("familyPrefix is a whole family name, as in ECS; got %v", got)
	}
	all := s.TaskDefinitionARNs("", "")
	familyRev := func(arn string) (string, int) {
		f, r, _ := strings.Cut(arn[strings.LastIndexByte(arn, '/')+1:], ":")
		n, _ := strconv.Atoi(r)
		return f, n
	}
	if !slices.IsSortedFunc(all, func(a, b string) int {
		fa, ra := familyRev(a)
		fb, rb := familyRev(b)
		return cmp.Or(strings.Compare(fa, fb), cmp.Compare(ra, rb))
	}) || len(all) < 10 {
		t.Errorf("all task definitions: %v", all)
	}
	// Deep copies: changing what was returned changes nothing inside.
	latest.Containers[1].Environment["NODE_ENV"] = "changed"
	latest.Containers[1].LogConfiguration.Options["awslogs-group"] = "changed"
	if again, _ := s.TaskDefinition("web"); again.Containers[1].Environment["NODE_ENV"] != "production" || again.Containers[1].LogConfiguration.Options["awslogs-group"] != "/ecs/prod/web" {
		t.Errorf("task definition changed through a returned copy")
	}
}

// ListTasks' filters.
func TestTaskFilters(t *testing.T) {
	s := newSim(t)
	web := getService(t, s, "prod", "web")
	for _, tt := range []struct {
		name    string
		cluster string
		f       TaskFilter
		want    int
	}{
		{"family", "prod", TaskFilter{Family: "web"}, 3},
		{"started by a deployment", "prod", TaskFilter{StartedBy: web.Deployments[0].ID}, 3},
		{"service and launch type", "prod", TaskFilter{ServiceName: "web", LaunchType: "FARGATE"}, 3},
		{"no EC2 tasks on Fargate", "prod", TaskFilter{LaunchType: "EC2"}, 0},
		{"nightly tasks running", "batch", TaskFilter{Family: "nightly-report"}, 1},
		{"nightly tasks done", "batch", TaskFilter{Family: "nightly-report", DesiredStatus: "STOPPED"}, 1},
		{"started by the events rule", "batch", TaskFilter{StartedBy: "events-rule/nightly", DesiredStatus: "STOPPED"}, 1},
		{"EC2 launch type", "batch", TaskFilter{LaunchType: "EC2"}, 3},
		{"unknown instance", "batch", TaskFilter{ContainerInstance: "nope"}, 0},
		{"desired PENDING is never set", "prod", TaskFilter{DesiredStatus: "PENDING"}, 0},
	} {
		arns, err := s.TaskARNs(tt.cluster, tt.f)
		if err != nil || len(arns) != tt.want || !slices.IsSorted(arns) {
			t.Errorf("%s: %d tasks %v, %v; want %d sorted", tt.name, len(arns), arns, err, tt.want)
		}
	}
	arns, _ := s.ContainerInstanceARNs("batch", "ACTIVE")
	total := 0
	for _, arn := range arns {
		on := listTasks(t, s, "batch", TaskFilter{ContainerInstance: arn})
		for _, tk := range on {
			if tk.ContainerInstanceARN != arn {
				t.Errorf("task %s is on %s, listed on %s", tk.ID, tk.ContainerInstanceARN, arn)
			}
		}
		total += len(on)
	}
	if total != 3 {
		t.Errorf("%d tasks on ACTIVE instances, want 3", total)
	}
}
