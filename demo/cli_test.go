package demo

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ecsdeck/ecsdeck/demo/sim"
)

// The `aws` CLI (botocore: a second, independent implementation of the
// wire protocols) lists and describes everything in the demo account.
func TestAWSCLI(t *testing.T) {
	cli, err := exec.LookPath("aws")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("the aws CLI is not on PATH (.ci/run installs it)")
		}
		t.Skip("the aws CLI is not on PATH")
	}
	c := startDemo(t, Options{})
	c.srv.Sim().Advance(start.Add(time.Minute))
	s := c.srv.Sim()
	env := cliEnv(t, c.srv)
	run := func(t *testing.T, out any, args ...string) {
		t.Helper()
		cmd := exec.CommandContext(ctx(t), cli, append(args, "--output", "json")...)
		cmd.Env = env
		b, err := cmd.Output()
		if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
			t.Fatalf("aws %s: %v\n%s", strings.Join(args, " "), err, exit.Stderr)
		} else if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("aws %s printed %s: %v", strings.Join(args, " "), b, err)
		}
	}

	var clusters struct{ ClusterArns []string }
	run(t, &clusters, "ecs", "list-clusters")
	var wantClusters []string
	for _, cl := range s.Clusters() {
		wantClusters = append(wantClusters, cl.ARN)
	}
	if !slices.Equal(clusters.ClusterArns, wantClusters) {
		t.Fatalf("aws ecs list-clusters = %v, want %v", clusters.ClusterArns, wantClusters)
	}
	var described struct {
		Clusters []struct{ ClusterName string }
	}
	run(t, &described, append([]string{"ecs", "describe-clusters", "--include", "STATISTICS", "SETTINGS", "--clusters"}, clusters.ClusterArns...)...)
	if len(described.Clusters) != len(wantClusters) {
		t.Errorf("aws ecs describe-clusters described %d clusters, want %d", len(described.Clusters), len(wantClusters))
	}

	for _, arn := range clusters.ClusterArns {
		cluster := nameOf(arn)
		t.Run(cluster, func(t *testing.T) {
			t.Parallel()
			var services struct{ ServiceArns []string }
			run(t, &services, "ecs", "list-services", "--cluster", cluster)
			if want := must(s.ServiceARNs(cluster, "")); !slices.Equal(services.ServiceArns, want) {
				t.Errorf("list-services = %v, want %v", services.ServiceArns, want)
			}
			for batch := range slices.Chunk(services.ServiceArns, 10) {
				var out struct {
					Services []struct{ ServiceName, Status string }
				}
				run(t, &out, append([]string{"ecs", "describe-services", "--cluster", cluster, "--services"}, batch...)...)
				if len(out.Services) != len(batch) {
					t.Errorf("describe-services described %d of %d", len(out.Services), len(batch))
				}
			}
			var tasks struct{ TaskArns []string }
			run(t, &tasks, "ecs", "list-tasks", "--cluster", cluster)
			if want := must(s.TaskARNs(cluster, sim.TaskFilter{})); !slices.Equal(tasks.TaskArns, want) {
				t.Errorf("list-tasks = %d tasks, want %d", len(tasks.TaskArns), len(want))
			}
			for batch := range slices.Chunk(tasks.TaskArns, 100) {
				var out struct {
					Tasks []struct{ TaskArn, LastStatus string }
				}
				run(t, &out, append([]string{"ecs", "describe-tasks", "--cluster", cluster, "--tasks"}, batch...)...)
				if len(out.Tasks) != len(batch) {
					t.Errorf("describe-tasks described %d of %d", len(out.Tasks), len(batch))
				}
			}
			var instances struct{ ContainerInstanceArns []string }
			run(t, &instances, "ecs", "list-container-instances", "--cluster", cluster)
			if want := must(s.ContainerInstanceARNs(cluster, "")); !slices.Equal(instances.ContainerInstanceArns, want) {
				t.Errorf("list-container-instances = %v, want %v", instances.ContainerInstanceArns, want)
			}
			if len(instances.ContainerInstanceArns) > 0 {
				var out struct {
					ContainerInstances []struct{ Ec2InstanceId string }
				}
				run(t, &out, append([]string{"ecs", "describe-container-instances", "--cluster", cluster, "--container-instances"}, instances.ContainerInstanceArns...)...)
				if len(out.ContainerInstances) != len(instances.ContainerInstanceArns) {
					t.Errorf("describe-container-instances described %d of %d", len(out.ContainerInstances), len(instances.ContainerInstanceArns))
				}
			}
		})
	}

	t.Run("task definitions", func(t *testing.T) {
		t.Parallel()
		var list struct{ TaskDefinitionArns []string }
		run(t, &list, "ecs", "list-task-definitions")
		if want := s.TaskDefinitionARNs("", ""); !slices.Equal(list.TaskDefinitionArns, want) {
			t.Errorf("list-task-definitions = %v, want %v", list.TaskDefinitionArns, want)
		}
		var td struct {
			TaskDefinition struct {
				ContainerDefinitions []struct{ Name string }
			}
		}
		run(t, &td, "ecs", "describe-task-definition", "--task-definition", "web")
		if len(td.TaskDefinition.ContainerDefinitions) == 0 {
			t.Error("describe-task-definition web has no containers")
		}
	})

	t.Run("logs and identity", func(t *testing.T) {
		t.Parallel()
		var groups struct {
			LogGroups []struct{ LogGroupName string }
		}
		run(t, &groups, "logs", "describe-log-groups")
		if len(groups.LogGroups) != len(s.LogGroups("")) {
			t.Errorf("describe-log-groups listed %d groups, want %d", len(groups.LogGroups), len(s.LogGroups("")))
		}
		var streams struct {
			LogStreams []struct{ LogStreamName string }
		}
		run(t, &streams, "logs", "describe-log-streams", "--log-group-name", webGroup)
		if len(streams.LogStreams) != len(must(s.LogStreams(webGroup, ""))) {
			t.Errorf("describe-log-streams listed %d streams", len(streams.LogStreams))
		}
		stream := busyStream(t, c, 5)
		var events struct {
			Events           []struct{ Message string }
			NextForwardToken string
		}
		run(t, &events, "logs", "get-log-events", "--log-group-name", webGroup, "--log-stream-name", stream, "--limit", "5")
		if len(events.Events) != 5 || !strings.HasPrefix(events.NextForwardToken, "f/") {
			t.Errorf("get-log-events: %d events, forward token %q", len(events.Events), events.NextForwardToken)
		}
		var filtered struct {
			Events []struct{ LogStreamName, Message string }
		}
		run(t, &filtered, "logs", "filter-log-events", "--log-group-name", webGroup, "--filter-pattern", "GET", "--page-size", "500")
		if want := must(s.FilterLogEvents(webGroup, nil, "", "GET", time.Time{}, time.Time{})); len(filtered.Events) != len(want) {
			t.Errorf("filter-log-events found %d events, want %d", len(filtered.Events), len(want))
		}
		var identity struct{ Account, Arn string }
		run(t, &identity, "sts", "get-caller-identity")
		if identity.Account != Account {
			t.Errorf("get-caller-identity = %+v", identity)
		}
	})
}

// cliEnv is the environment for the `aws` CLI: the endpoint's, and no
// configuration of the user's.
func cliEnv(t *testing.T, srv *Server) []string {
	home := t.TempDir()
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") && !strings.HasPrefix(kv, "HOME=") {
			env = append(env, kv)
		}
	}
	return append(append(env, srv.Env()...),
		"HOME="+home,
		"AWS_CONFIG_FILE="+filepath.Join(home, "config"),
		"AWS_SHARED_CREDENTIALS_FILE="+filepath.Join(home, "credentials"),
		"AWS_EC2_METADATA_DISABLED=true",
		"AWS_PAGER=",
	)
}
