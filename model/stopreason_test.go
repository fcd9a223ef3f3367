package model

import "testing"

func TestStopExplanation(t *testing.T) {
	exit := func(n int) *int { return &n }
	for _, tc := range []struct {
		name string
		t    Task
		want string
	}{
		{"running", Task{LastStatus: "RUNNING"}, ""},
		{"oom", Task{StopCode: "EssentialContainerExited", StoppedReason: "Essential container in task exited",
			Containers: []Container{
				{Name: "envoy", ExitCode: exit(0)},
				{Name: "app", ExitCode: exit(137), Reason: "OutOfMemoryError: Container killed due to memory usage"},
			}}, "out of memory (exit 137) in app"},
		{"pull failed", Task{StopCode: "TaskFailedToStart",
			StoppedReason: "CannotPullContainerError: pull image manifest has been retried 5 time(s): not found",
			Containers: []Container{{Name: "app", Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:9.9.9",
				Reason: "CannotPullContainerError: pull image manifest has been retried 5 time(s)"}}},
			"image pull failed for app (web:9.9.9)"},
		{"pull failed, no container reason", Task{StopCode: "TaskFailedToStart",
			StoppedReason: "CannotPullContainerError: ref not found"}, "image pull failed"},
		{"crash", Task{StopCode: "EssentialContainerExited", StoppedReason: "Essential container in task exited",
			Containers: []Container{{Name: "sidecar", ExitCode: exit(0)}, {Name: "app", ExitCode: exit(1)}}},
			"essential container app exited (code 1)"},
		{"killed", Task{StopCode: "EssentialContainerExited", Containers: []Container{{Name: "app", ExitCode: exit(137)}}},
			"essential container app was killed (exit 137, SIGKILL)"},
		{"job finished", Task{StopCode: "EssentialContainerExited", Containers: []Container{{Name: "job", ExitCode: exit(0)}}},
			"essential container job finished (exit 0)"},
		{"failed to start", Task{StopCode: "TaskFailedToStart",
			StoppedReason: "ResourceInitializationError: unable to pull secrets or registry auth"},
			"failed to start: unable to pull secrets or registry auth"},
		{"user", Task{StopCode: "UserInitiated", StoppedReason: "stopped from ecsdeck"}, "stopped by a user: stopped from ecsdeck"},
		{"scale-in", Task{StopCode: "ServiceSchedulerInitiated",
			StoppedReason: "Scaling activity initiated by (deployment ecs-svc/1234567890123456789)"},
			"stopped by the service (scale-in or deployment)"},
		{"health check", Task{StopCode: "ServiceSchedulerInitiated", StoppedReason: "Task failed container health checks"},
			"failed container health checks"},
		{"elb", Task{StopCode: "ServiceSchedulerInitiated",
			StoppedReason: "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:...)"},
			"failed load balancer health checks"},
		{"spot", Task{StopCode: "SpotInterruption", StoppedReason: "Your Spot Task was interrupted."},
			"Fargate Spot capacity reclaimed by AWS"},
		{"unknown code", Task{StopCode: "SomethingNew", StoppedReason: "the reason"}, "the reason"},
	} {
		if got := StopExplanation(tc.t); got != tc.want {
			t.Errorf("%s: StopExplanation = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestStoppedByFailure(t *testing.T) {
	exit := func(n int) *int { return &n }
	for _, tc := range []struct {
		name string
		t    Task
		want bool
	}{
		{"crash", Task{StopCode: "EssentialContainerExited", Containers: []Container{{ExitCode: exit(2)}}}, true},
		{"finished", Task{StopCode: "EssentialContainerExited", Containers: []Container{{ExitCode: exit(0)}}}, false},
		{"failed start", Task{StopCode: "TaskFailedToStart"}, true},
		{"health check", Task{StopCode: "ServiceSchedulerInitiated", StoppedReason: "Task failed ELB health checks"}, true},
		{"scale-in", Task{StopCode: "ServiceSchedulerInitiated", StoppedReason: "Scaling activity initiated by"}, false},
		{"user", Task{StopCode: "UserInitiated"}, false},
	} {
		if got := StoppedByFailure(tc.t); got != tc.want {
			t.Errorf("%s: StoppedByFailure = %v, want %v", tc.name, got, tc.want)
		}
	}
}
