package sim

import (
	"strings"
	"testing"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// prod/worker keeps dying: OOM kills (137) and exits 1 after a stack
// trace, each written up as ECS does; the service keeps replacing them.
func TestWorkerKeepsFailing(t *testing.T) {
	s := newSim(t)
	for range 30 {
		s.Advance(s.Now().Add(time.Minute))
		checkCounts(t, s)
	}
	var oom, exit1 []model.Task
	for _, tk := range listTasks(t, s, "prod", TaskFilter{ServiceName: "worker", DesiredStatus: "STOPPED"}) {
		if tk.StopCode != "EssentialContainerExited" || tk.StoppedReason != "Essential container in task exited" {
			t.Errorf("stopped worker task %s: %s %q", tk.ID, tk.StopCode, tk.StoppedReason)
		}
		if tk.LastStatus == "STOPPED" && (tk.StoppedAt.Before(tk.StoppingAt) || tk.StoppingAt.Before(tk.StartedAt)) {
			t.Errorf("task %s: started %v stopping %v stopped %v", tk.ID, tk.StartedAt, tk.StoppingAt, tk.StoppedAt)
		}
		app := tk.Containers[0]
		switch {
		case app.ExitCode == nil:
			t.Errorf("task %s: no exit code", tk.ID)
		case *app.ExitCode == 137 && app.Reason == "OutOfMemoryError: Container killed due to memory usage":
			oom = append(oom, tk)
		case *app.ExitCode == 1 && app.Reason == "":
			exit1 = append(exit1, tk)
		default:
			t.Errorf("task %s: exit %d %q", tk.ID, *app.ExitCode, app.Reason)
		}
	}
	if len(oom) < 5 || len(exit1) < 1 {
		t.Fatalf("in 30 minutes %d OOM kills and %d exits with 1", len(oom), len(exit1))
	}
	// The last words of each kind are in the task's log stream.
	lastLines := func(tk model.Task) string {
		ev, err := s.LogEvents("/ecs/prod/worker", "worker/app/"+tk.ID, time.Time{}, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, e := range ev[max(0, len(ev)-12):] {
			b.WriteString(e.Message + "\n")
		}
		return b.String()
	}
	if got := lastLines(oom[len(oom)-1]); !strings.Contains(got, "WARNING [worker.memory] rss=") {
		t.Errorf("OOM-killed task's last lines:\n%s", got)
	}
	if got := lastLines(exit1[len(exit1)-1]); !strings.Contains(got, "Traceback (most recent call last):") || !strings.Contains(got, "JSONDecodeError") {
		t.Errorf("crashed task's last lines:\n%s", got)
	}
	svc := getService(t, s, "prod", "worker")
	if svc.Desired != 2 || svc.Deployments[0].RolloutState != "FAILED" || svc.Deployments[0].Failed < len(oom)+len(exit1) {
		t.Errorf("worker: desired %d, deployment %+v", svc.Desired, svc.Deployments[0])
	}
	replaced := 0
	for _, e := range svc.Events {
		if e.CreatedAt.After(t0) && strings.HasPrefix(e.Message, "(service worker) has started ") {
			replaced++
		}
	}
	if replaced < 3 {
		t.Errorf("%d replacement events in 30 minutes", replaced)
	}
}

// prod/notifications points at a tag that was never pushed: its tasks fail
// to start while the previous deployment's task keeps serving.
func TestImagePullFailure(t *testing.T) {
	s := newSim(t)
	s.Advance(t0.Add(10 * time.Minute))
	svc := getService(t, s, "prod", "notifications")
	if len(svc.Deployments) != 2 || svc.Deployments[1].Running != 1 || svc.Deployments[0].Running != 0 || svc.Deployments[0].Failed == 0 {
		t.Errorf("deployments %+v", svc.Deployments)
	}
	failed := 0
	for _, tk := range listTasks(t, s, "prod", TaskFilter{ServiceName: "notifications", DesiredStatus: "STOPPED"}) {
		failed++
		if tk.StopCode != "TaskFailedToStart" || !strings.HasPrefix(tk.StoppedReason, "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ") ||
			!strings.HasSuffix(tk.StoppedReason, "notifications:2.0.0-rc1: not found") {
			t.Errorf("task %s: %s %q", tk.ID, tk.StopCode, tk.StoppedReason)
		}
		if c := tk.Containers[0]; c.ExitCode != nil || c.Reason != tk.StoppedReason || !tk.StartedAt.IsZero() || tk.PullStartedAt.IsZero() {
			t.Errorf("task %s: container exit %v reason %q, started %v", tk.ID, c.ExitCode, c.Reason, tk.StartedAt)
		}
	}
	if failed == 0 {
		t.Error("no failed pulls listed")
	}
}

// prod/checkout follows its capacity provider strategy: FARGATE base 1,
// the rest on FARGATE_SPOT.
func TestCapacityProviderStrategy(t *testing.T) {
	s := newSim(t)
	svc := getService(t, s, "prod", "checkout")
	if svc.LaunchType != "" || len(svc.CapacityProviders) != 2 {
		t.Errorf("checkout launch type %q, providers %v", svc.LaunchType, svc.CapacityProviders)
	}
	n := map[string]int{}
	for _, tk := range listTasks(t, s, "prod", TaskFilter{ServiceName: "checkout"}) {
		n[tk.CapacityProvider]++
		if tk.LaunchType != "FARGATE" {
			t.Errorf("task %s launch type %s", tk.ID, tk.LaunchType)
		}
	}
	if n["FARGATE"] != 1 || n["FARGATE_SPOT"] != 3 {
		t.Errorf("checkout tasks by provider %v", n)
	}
}

// A checkout task whose health check starts failing is stopped and
// replaced, as are Spot tasks when AWS takes the capacity back.
func TestUnhealthyAndInterruptedTasksAreReplaced(t *testing.T) {
	s := newSim(t)
	tasks := listTasks(t, s, "prod", TaskFilter{ServiceName: "checkout"})
	var spot model.Task
	for _, tk := range tasks {
		if tk.CapacityProvider == "FARGATE_SPOT" {
			spot = tk
		}
	}
	sick := tasks[0]
	if sick.ID == spot.ID {
		sick = tasks[1]
	}
	s.mu.Lock()
	c := s.byName["prod"]
	s.unhealthy(c.tasks[sick.ID])
	s.beginStop(c.tasks[spot.ID], "SpotInterruption", "Your Spot Task was interrupted.", false)
	s.mu.Unlock()
	if got := getTask(t, s, "prod", sick.ID); got.HealthStatus != "UNHEALTHY" || got.Containers[0].HealthStatus != "UNHEALTHY" ||
		got.StopCode != "ServiceSchedulerInitiated" || got.StoppedReason != "Task failed container health checks" {
		t.Errorf("unhealthy task: %s/%s %s %q", got.HealthStatus, got.Containers[0].HealthStatus, got.StopCode, got.StoppedReason)
	}
	run(t, s, 5*time.Minute, func() bool {
		return getService(t, s, "prod", "checkout").Running == 4 && getTask(t, s, "prod", sick.ID).LastStatus == "STOPPED"
	}, func() { checkCounts(t, s) })
	svc := getService(t, s, "prod", "checkout")
	for _, want := range []string{"(service checkout) (task " + sick.ID + ") failed container health checks.", "(service checkout) has stopped 1 running tasks: (task " + sick.ID + ")."} {
		if !hasEvent(svc, want) {
			t.Errorf("no event %q", want)
		}
	}
	// Over a few hours, Spot capacity is taken back by itself too.
	interrupted := map[string]bool{}
	for range 10 {
		s.Advance(s.Now().Add(30 * time.Minute))
		checkCounts(t, s)
		for _, tk := range listTasks(t, s, "prod", TaskFilter{ServiceName: "checkout", DesiredStatus: "STOPPED"}) {
			if tk.StopCode == "SpotInterruption" && tk.StoppedReason == "Your Spot Task was interrupted." && tk.CapacityProvider == "FARGATE_SPOT" {
				interrupted[tk.ID] = true
			}
		}
	}
	if len(interrupted) < 2 { // three Spot tasks, one interruption every four hours each
		t.Errorf("%d Spot interruptions in five hours", len(interrupted))
	}
}
