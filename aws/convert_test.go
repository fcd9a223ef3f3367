package aws

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

func TestTaskIDFromBothARNFormats(t *testing.T) {
	for arn, id := range map[string]string{
		"arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef": "0123456789abcdef0123456789abcdef",
		"arn:aws:ecs:us-east-1:123456789012:task/6b3f9c3e-2d51-4e8a-9a52-7f0d1d3c4b5a":  "6b3f9c3e-2d51-4e8a-9a52-7f0d1d3c4b5a",
	} {
		if got := toTask(types.Task{TaskArn: aws.String(arn)}).ID; got != id {
			t.Errorf("ID of %s = %q, want %q", arn, got, id)
		}
	}
}

func TestTaskConversion(t *testing.T) {
	started := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	task := toTask(types.Task{
		TaskArn:              aws.String("arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef"),
		CapacityProviderName: aws.String("FARGATE_SPOT"),
		StartedAt:            &started,
		StopCode:             types.TaskStopCodeEssentialContainerExited,
		Attachments: []types.Attachment{{Type: aws.String("ElasticNetworkInterface"), Details: []types.KeyValuePair{
			{Name: aws.String("subnetId"), Value: aws.String("subnet-1")},
			{Name: aws.String("privateIPv4Address"), Value: aws.String("10.0.1.17")},
		}}},
		Containers: []types.Container{{
			Name:     aws.String("app"),
			ExitCode: aws.Int32(137),
			Reason:   aws.String("OutOfMemoryError: Container killed due to memory usage"),
			NetworkBindings: []types.NetworkBinding{{ContainerPort: aws.Int32(80), HostPort: aws.Int32(32768),
				Protocol: types.TransportProtocolTcp, BindIP: aws.String("0.0.0.0")}},
			ManagedAgents: []types.ManagedAgent{{Name: types.ManagedAgentNameExecuteCommandAgent, LastStatus: aws.String("RUNNING")}},
		}, {Name: aws.String("sidecar")}},
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("payments")}},
	})
	if task.PrivateIP != "10.0.1.17" || task.CapacityProvider != "FARGATE_SPOT" || !task.StartedAt.Equal(started) ||
		task.StopCode != "EssentialContainerExited" || task.Tags["team"] != "payments" {
		t.Errorf("task = %+v", task)
	}
	app := task.Containers[0]
	if app.ExitCode == nil || *app.ExitCode != 137 || app.Reason == "" {
		t.Errorf("app exit = %v %q", app.ExitCode, app.Reason)
	}
	if task.Containers[1].ExitCode != nil {
		t.Error("a container that has not exited has an exit code")
	}
	if len(app.NetworkBindings) != 1 || app.NetworkBindings[0].HostPort != 32768 || app.NetworkBindings[0].Protocol != "tcp" {
		t.Errorf("bindings = %+v", app.NetworkBindings)
	}
	if len(app.ManagedAgents) != 1 || app.ManagedAgents[0].Name != "ExecuteCommandAgent" || app.ManagedAgents[0].LastStatus != "RUNNING" {
		t.Errorf("agents = %+v", app.ManagedAgents)
	}
}

func TestPrivateIPFromContainerInterfaces(t *testing.T) {
	task := toTask(types.Task{Containers: []types.Container{{
		NetworkInterfaces: []types.NetworkInterface{{PrivateIpv4Address: aws.String("172.17.0.4")}}}}})
	if task.PrivateIP != "172.17.0.4" {
		t.Errorf("PrivateIP = %q", task.PrivateIP)
	}
}

func TestServiceConversion(t *testing.T) {
	s := toService(types.Service{
		ServiceName: aws.String("web"),
		DeploymentConfiguration: &types.DeploymentConfiguration{MinimumHealthyPercent: aws.Int32(100), MaximumPercent: aws.Int32(200),
			DeploymentCircuitBreaker: &types.DeploymentCircuitBreaker{Enable: true, Rollback: true}},
		CapacityProviderStrategy: []types.CapacityProviderStrategyItem{{CapacityProvider: aws.String("FARGATE")}, {CapacityProvider: aws.String("FARGATE_SPOT")}},
		Deployments: []types.Deployment{
			{Id: aws.String("ecs-svc/1"), Status: aws.String("ACTIVE"), TaskDefinition: aws.String("td:1")},
			{Id: aws.String("ecs-svc/2"), Status: aws.String("PRIMARY"), TaskDefinition: aws.String("td:2"),
				RolloutState: types.DeploymentRolloutStateInProgress, FailedTasks: 2},
		},
		Events: []types.ServiceEvent{{Id: aws.String("e1"), Message: aws.String("(service web) has reached a steady state.")}},
	})
	if s.MinHealthyPercent != 100 || s.MaxPercent != 200 || !s.CircuitBreaker || !s.Rollback || len(s.CapacityProviders) != 2 {
		t.Errorf("service = %+v", s)
	}
	if len(s.Deployments) != 2 || s.Deployments[0].ID != "ecs-svc/2" || s.Deployments[0].Failed != 2 ||
		s.Deployments[0].RolloutState != "IN_PROGRESS" || s.TaskDefinition != "td:2" {
		t.Errorf("deployments = %+v, task definition %q", s.Deployments, s.TaskDefinition)
	}
	if len(s.Events) != 1 || s.Events[0].ID != "e1" {
		t.Errorf("events = %+v", s.Events)
	}
}

func TestClusterAndInstanceConversion(t *testing.T) {
	cl := toCluster(types.Cluster{ClusterName: aws.String("prod"), RunningTasksCount: 5, RegisteredContainerInstancesCount: 2,
		Settings: []types.ClusterSetting{{Name: types.ClusterSettingNameContainerInsights, Value: aws.String("enhanced")}}})
	if cl.ContainerInsights != "enhanced" || cl.RunningTasks != 5 || cl.ContainerInstances != 2 {
		t.Errorf("cluster = %+v", cl)
	}
	ci := toContainerInstance(types.ContainerInstance{
		Ec2InstanceId: aws.String("i-0abc"),
		VersionInfo:   &types.VersionInfo{AgentVersion: aws.String("1.87.0")},
		RegisteredResources: []types.Resource{{Name: aws.String("CPU"), IntegerValue: 2048}, {Name: aws.String("MEMORY"), IntegerValue: 3904},
			{Name: aws.String("PORTS"), StringSetValue: []string{"22"}}},
		RemainingResources: []types.Resource{{Name: aws.String("CPU"), IntegerValue: 1024}, {Name: aws.String("MEMORY"), IntegerValue: 1000}},
		Attributes: []types.Attribute{{Name: aws.String("ecs.instance-type"), Value: aws.String("m6i.large")},
			{Name: aws.String("ecs.availability-zone"), Value: aws.String("us-east-1b")}},
	})
	if ci.RegisteredCPU != 2048 || ci.RegisteredMemory != 3904 || ci.RemainingCPU != 1024 || ci.RemainingMemory != 1000 ||
		ci.InstanceType != "m6i.large" || ci.AvailabilityZone != "us-east-1b" || ci.AgentVersion != "1.87.0" {
		t.Errorf("container instance = %+v", ci)
	}
}
