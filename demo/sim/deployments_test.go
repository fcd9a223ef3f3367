package sim

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// A forced new deployment replaces every task while never running fewer
// than minimumHealthyPercent or more than maximumPercent, and completes.
func TestRollingDeploymentForceNew(t *testing.T) {
	s := newSim(t)
	before := getService(t, s, "prod", "web")
	old := before.Deployments[0]
	oldTasks := ids(listTasks(t, s, "prod", TaskFilter{ServiceName: "web"}))
	svc, err := s.UpdateService("prod", "web", ServiceUpdate{ForceNewDeployment: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(svc.Deployments) != 2 || svc.Deployments[0].Status != "PRIMARY" || svc.Deployments[0].RolloutState != "IN_PROGRESS" ||
		svc.Deployments[1].ID != old.ID || svc.Deployments[1].Status != "ACTIVE" || svc.Deployments[0].TaskDefinition != old.TaskDefinition {
		t.Fatalf("deployments after UpdateService: %+v", svc.Deployments)
	}
	primary := svc.Deployments[0].ID
	if !strings.HasPrefix(svc.Deployments[0].RolloutStateReason, "ECS deployment "+primary+" in progress") {
		t.Errorf("rollout reason %q", svc.Deployments[0].RolloutStateReason)
	}
	minHealthy, maxTasks := 3, 6 // 100% and 200% of 3
	steps := 0
	run(t, s, 10*time.Minute, func() bool {
		svc := getService(t, s, "prod", "web")
		return len(svc.Deployments) == 1 && svc.Deployments[0].RolloutState == "COMPLETED"
	}, func() {
		steps++
		svc := getService(t, s, "prod", "web")
		if svc.Running < minHealthy || svc.Running+svc.Pending > maxTasks {
			t.Fatalf("step %d: %d running %d pending, want ≥ %d running and ≤ %d in all", steps, svc.Running, svc.Pending, minHealthy, maxTasks)
		}
		checkCounts(t, s)
	})
	svc = getService(t, s, "prod", "web")
	if svc.Deployments[0].ID != primary || svc.Running != 3 || svc.Deployments[0].RolloutStateReason != "ECS deployment "+primary+" completed." {
		t.Errorf("after the deployment: %+v", svc.Deployments[0])
	}
	now := listTasks(t, s, "prod", TaskFilter{ServiceName: "web"})
	for _, tk := range now {
		if slices.Contains(oldTasks, tk.ID) || tk.StartedBy != primary {
			t.Errorf("task %s (started by %s) survived the deployment", tk.ID, tk.StartedBy)
		}
	}
	for _, id := range oldTasks {
		tk := getTask(t, s, "prod", id)
		if tk.StopCode != "ServiceSchedulerInitiated" || tk.StoppedReason != "Scaling activity initiated by (deployment "+old.ID+")" {
			t.Errorf("old task %s: %s %q", id, tk.StopCode, tk.StoppedReason)
		}
	}
	if got, want := svc.Events[0].Message, "(service web) has reached a steady state."; got != want {
		t.Errorf("newest event %q, want %q", got, want)
	}
	if got, want := svc.Events[1].Message, "(service web) (deployment "+primary+") deployment completed."; got != want {
		t.Errorf("second newest event %q, want %q", got, want)
	}
	for _, prefix := range []string{"(service web) has started ", "(service web) has stopped ", "(service web) has begun draining connections on ", "(service web) registered ", "(service web) deregistered "} {
		if !hasEvent(svc, prefix) {
			t.Errorf("no event %q…", prefix)
		}
	}
	for i := 1; i < len(svc.Events); i++ {
		if svc.Events[i].CreatedAt.After(svc.Events[i-1].CreatedAt) {
			t.Fatalf("events not newest first at %d: %v after %v", i, svc.Events[i].CreatedAt, svc.Events[i-1].CreatedAt)
		}
	}
}

// A new task definition rolls out the same way, with minimumHealthyPercent
// 0 allowed to stop everything at once.
func TestDeployNewTaskDefinition(t *testing.T) {
	s := newSim(t)
	svc, err := s.UpdateService("prod", "web", ServiceUpdate{TaskDefinition: "web:3"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(svc.TaskDefinition, ":task-definition/web:3") || !strings.HasSuffix(svc.Deployments[0].TaskDefinition, "web:3") {
		t.Fatalf("service task definition %s, deployment %s", svc.TaskDefinition, svc.Deployments[0].TaskDefinition)
	}
	run(t, s, 10*time.Minute, func() bool {
		svc := getService(t, s, "prod", "web")
		return len(svc.Deployments) == 1 && svc.Deployments[0].RolloutState == "COMPLETED"
	}, func() {
		if svc := getService(t, s, "prod", "web"); svc.Running < 3 {
			t.Fatalf("%d running during the deployment", svc.Running)
		}
	})
	for _, tk := range listTasks(t, s, "prod", TaskFilter{ServiceName: "web"}) {
		if !strings.HasSuffix(tk.TaskDefinitionARN, "web:3") || !strings.HasSuffix(tk.Containers[1].Image, "web:1.41.0") {
			t.Errorf("task %s runs %s %s", tk.ID, tk.TaskDefinitionARN, tk.Containers[1].Image)
		}
	}
	// Unknown or deregistered revisions are refused.
	if _, err := s.UpdateService("prod", "web", ServiceUpdate{TaskDefinition: "web:1"}); err == nil {
		t.Errorf("deploying an INACTIVE revision succeeded")
	}
	if _, err := s.UpdateService("prod", "web", ServiceUpdate{TaskDefinition: "web:99"}); err == nil {
		t.Errorf("deploying an unknown revision succeeded")
	}
}

// A deployment of the crashing worker trips the circuit breaker.
func TestCircuitBreakerFailsDeployment(t *testing.T) {
	s := newSim(t)
	svc, err := s.UpdateService("prod", "worker", ServiceUpdate{ForceNewDeployment: true})
	if err != nil {
		t.Fatal(err)
	}
	dep := svc.Deployments[0].ID
	run(t, s, time.Hour, func() bool { return getService(t, s, "prod", "worker").Deployments[0].RolloutState == "FAILED" }, nil)
	svc = getService(t, s, "prod", "worker")
	d := svc.Deployments[0]
	if d.ID != dep || d.RolloutStateReason != "ECS deployment circuit breaker: tasks failed to start." || d.Failed < 3 {
		t.Errorf("failed deployment: %+v", d)
	}
	if !hasEvent(svc, "(service worker) (deployment "+dep+") deployment failed: tasks failed to start.") {
		t.Errorf("no deployment failed event in %v", svc.Events[:5])
	}
}

// With rollback on, a failed deployment goes back to the task definition
// that last reached steady state.
func TestCircuitBreakerRollsBack(t *testing.T) {
	s := newSim(t)
	s.mu.Lock()
	n := s.byName["prod"].byName["notifications"] // stuck on an image that does not exist
	n.m.CircuitBreaker, n.m.Rollback = true, true
	s.mu.Unlock()
	svc, err := s.UpdateService("prod", "notifications", ServiceUpdate{ForceNewDeployment: true})
	if err != nil {
		t.Fatal(err)
	}
	bad := svc.Deployments[0]
	run(t, s, time.Hour, func() bool {
		svc := getService(t, s, "prod", "notifications")
		return len(svc.Deployments) == 1 && svc.Deployments[0].RolloutState == "COMPLETED"
	}, func() { checkCounts(t, s) })
	svc = getService(t, s, "prod", "notifications")
	if back := svc.Deployments[0]; back.ID == bad.ID || !strings.HasSuffix(back.TaskDefinition, "notifications:1") || svc.TaskDefinition != back.TaskDefinition {
		t.Errorf("after rollback: service on %s, deployment %+v", svc.TaskDefinition, back)
	}
	if !hasEvent(svc, "(service notifications) rolling back to deployment ecs-svc/") {
		t.Errorf("no rollback event in %v", svc.Events[:5])
	}
}
