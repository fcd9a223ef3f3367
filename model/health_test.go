package model

import "testing"

func TestServiceState(t *testing.T) {
	primary := func(rollout string) Deployment { return Deployment{Status: "PRIMARY", RolloutState: rollout} }
	for _, tc := range []struct {
		name string
		s    Service
		want State
	}{
		{"steady", Service{Status: "ACTIVE", Desired: 3, Running: 3, Deployments: []Deployment{primary("COMPLETED")}}, StateOK},
		{"below desired", Service{Status: "ACTIVE", Desired: 3, Running: 2, Deployments: []Deployment{primary("COMPLETED")}}, StateWarn},
		{"none running", Service{Status: "ACTIVE", Desired: 2, Running: 0}, StateError},
		{"rollout failed", Service{Status: "ACTIVE", Desired: 1, Running: 1, Deployments: []Deployment{primary("FAILED")}}, StateError},
		{"rolling out", Service{Status: "ACTIVE", Desired: 2, Running: 2, Deployments: []Deployment{primary("IN_PROGRESS"), {Status: "ACTIVE"}}}, StatePending},
		{"scaled to zero", Service{Status: "ACTIVE"}, StateOK},
		{"draining", Service{Status: "DRAINING", Desired: 1, Running: 1}, StateWarn},
		{"inactive", Service{Status: "INACTIVE"}, StateStopped},
	} {
		if got := ServiceState(tc.s); got != tc.want {
			t.Errorf("%s: ServiceState = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestTaskState(t *testing.T) {
	exit := func(n int) *int { return &n }
	for _, tc := range []struct {
		name string
		t    Task
		want State
	}{
		{"running", Task{LastStatus: "RUNNING", DesiredStatus: "RUNNING"}, StateOK},
		{"unhealthy", Task{LastStatus: "RUNNING", DesiredStatus: "RUNNING", HealthStatus: "UNHEALTHY"}, StateError},
		{"pulling", Task{LastStatus: "PENDING", DesiredStatus: "RUNNING"}, StatePending},
		{"being stopped", Task{LastStatus: "RUNNING", DesiredStatus: "STOPPED"}, StatePending},
		{"scaled in", Task{LastStatus: "STOPPED", StopCode: "ServiceSchedulerInitiated",
			StoppedReason: "Scaling activity initiated by (deployment ecs-svc/1)"}, StateStopped},
		{"oom", Task{LastStatus: "STOPPED", StopCode: "EssentialContainerExited",
			Containers: []Container{{Name: "app", ExitCode: exit(137), Reason: "OutOfMemoryError: Container killed due to memory usage"}}}, StateError},
		{"job done", Task{LastStatus: "STOPPED", StopCode: "EssentialContainerExited",
			Containers: []Container{{Name: "job", ExitCode: exit(0)}}}, StateStopped},
	} {
		if got := TaskState(tc.t); got != tc.want {
			t.Errorf("%s: TaskState = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestContainerAndInstanceState(t *testing.T) {
	one, zero := 1, 0
	for _, tc := range []struct {
		name string
		got  State
		want State
	}{
		{"container running", ContainerState(Container{LastStatus: "RUNNING"}), StateOK},
		{"container exit 1", ContainerState(Container{LastStatus: "STOPPED", ExitCode: &one}), StateError},
		{"init container done", ContainerState(Container{LastStatus: "STOPPED", ExitCode: &zero}), StateStopped},
		{"image never pulled", ContainerState(Container{LastStatus: "STOPPED", Reason: "CannotPullContainerError: x"}), StateError},
		{"container unhealthy", ContainerState(Container{LastStatus: "RUNNING", HealthStatus: "UNHEALTHY"}), StateError},
		{"instance ok", InstanceState(ContainerInstance{Status: "ACTIVE", AgentConnected: true}), StateOK},
		{"agent disconnected", InstanceState(ContainerInstance{Status: "ACTIVE"}), StateError},
		{"instance draining", InstanceState(ContainerInstance{Status: "DRAINING", AgentConnected: true}), StateWarn},
		{"cluster active", ClusterState(Cluster{Status: "ACTIVE"}), StateOK},
		{"cluster failed", ClusterState(Cluster{Status: "FAILED"}), StateError},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: state = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}
