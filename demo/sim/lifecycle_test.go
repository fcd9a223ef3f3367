package sim

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// A service scaled to zero and back converges, each new task passing
// through ECS's statuses in order with its timestamps and health.
func TestConvergenceFromScratch(t *testing.T) {
	s := newSim(t)
	zero, two := 0, 2
	if _, err := s.UpdateService("staging", "web", ServiceUpdate{DesiredCount: &zero}); err != nil {
		t.Fatal(err)
	}
	run(t, s, 5*time.Minute, func() bool { svc := getService(t, s, "staging", "web"); return svc.Running+svc.Pending == 0 }, nil)
	if _, err := s.UpdateService("staging", "web", ServiceUpdate{DesiredCount: &two}); err != nil {
		t.Fatal(err)
	}
	seen := map[string][]string{} // task ID → statuses in order
	health := map[string][]string{}
	versions := map[string]int64{}
	run(t, s, 5*time.Minute, func() bool {
		svc := getService(t, s, "staging", "web")
		return svc.Running == 2 && svc.Events[0].Message == "(service web) has reached a steady state." && svc.Events[0].CreatedAt.After(t0)
	}, func() {
		checkCounts(t, s)
		for _, tk := range listTasks(t, s, "staging", TaskFilter{ServiceName: "web"}) {
			if st := seen[tk.ID]; len(st) == 0 || st[len(st)-1] != tk.LastStatus {
				seen[tk.ID] = append(st, tk.LastStatus)
			}
			if h := health[tk.ID]; len(h) == 0 || h[len(h)-1] != tk.HealthStatus {
				health[tk.ID] = append(h, tk.HealthStatus)
			}
			if tk.Version < versions[tk.ID] {
				t.Errorf("task %s version went back from %d to %d", tk.ID, versions[tk.ID], tk.Version)
			}
			versions[tk.ID] = tk.Version
		}
	})
	svc := getService(t, s, "staging", "web")
	if !hasEvent(svc, "(service web) has started 2 tasks: (task ") {
		t.Errorf("no 'has started 2 tasks' event in %v", svc.Events[:3])
	}
	running := listTasks(t, s, "staging", TaskFilter{ServiceName: "web"})
	if len(running) != 2 {
		t.Fatalf("%d tasks, want 2", len(running))
	}
	for _, tk := range running {
		if want := []string{"PROVISIONING", "PENDING", "ACTIVATING", "RUNNING"}; !slices.Equal(seen[tk.ID], want) {
			t.Errorf("task %s went through %v, want %v", tk.ID, seen[tk.ID], want)
		}
		if want := []string{"UNKNOWN", "HEALTHY"}; !slices.Equal(health[tk.ID], want) {
			t.Errorf("task %s health went %v, want %v", tk.ID, health[tk.ID], want)
		}
		if !(tk.CreatedAt.Before(tk.PullStartedAt) && tk.PullStartedAt.Before(tk.PullStoppedAt) && tk.PullStoppedAt.Before(tk.StartedAt)) {
			t.Errorf("task %s timestamps out of order: created %v pull %v–%v started %v", tk.ID, tk.CreatedAt, tk.PullStartedAt, tk.PullStoppedAt, tk.StartedAt)
		}
		if tk.Version < 5 {
			t.Errorf("task %s version %d after several changes", tk.ID, tk.Version)
		}
	}
}

// Tasks of prod/web run their init container to success before the app,
// and carry what ECS Exec needs.
func TestWebTaskContainers(t *testing.T) {
	s := newSim(t)
	runtimeID := regexp.MustCompile(`^[0-9a-f]{32}-\d{10}$`)
	for _, tk := range listTasks(t, s, "prod", TaskFilter{ServiceName: "web"}) {
		if !tk.EnableExecuteCommand || tk.LaunchType != "FARGATE" || tk.CPU != "512" || tk.Memory != "1024" || tk.PrivateIP == "" {
			t.Errorf("task %s: exec %v launch %s size %s/%s ip %q", tk.ID, tk.EnableExecuteCommand, tk.LaunchType, tk.CPU, tk.Memory, tk.PrivateIP)
		}
		byName := map[string]int{}
		for i, c := range tk.Containers {
			byName[c.Name] = i
		}
		migrate, app := tk.Containers[byName["migrate"]], tk.Containers[byName["app"]]
		if migrate.LastStatus != "STOPPED" || migrate.ExitCode == nil || *migrate.ExitCode != 0 {
			t.Errorf("init container: %s exit %v", migrate.LastStatus, migrate.ExitCode)
		}
		if app.LastStatus != "RUNNING" || app.HealthStatus != "HEALTHY" || !runtimeID.MatchString(app.RuntimeID) || app.ImageDigest == "" {
			t.Errorf("app container: %+v", app)
		}
		if len(app.ManagedAgents) != 1 || app.ManagedAgents[0].Name != "ExecuteCommandAgent" || app.ManagedAgents[0].LastStatus != "RUNNING" {
			t.Errorf("app managed agents: %+v", app.ManagedAgents)
		}
	}
}

// StopTask stops a task the way a user does; the service replaces it.
func TestStopTaskIsReplaced(t *testing.T) {
	s := newSim(t)
	victim := listTasks(t, s, "prod", TaskFilter{ServiceName: "web"})[0]
	got, err := s.StopTask("prod", victim.ARN, "")
	if err != nil {
		t.Fatal(err)
	}
	if got.DesiredStatus != "STOPPED" || got.StopCode != "UserInitiated" || got.StoppedReason != "Task stopped by user" || !got.StoppingAt.Equal(t0) {
		t.Errorf("StopTask returned %s/%s %s %q stopping at %v", got.LastStatus, got.DesiredStatus, got.StopCode, got.StoppedReason, got.StoppingAt)
	}
	if got.LastStatus != "DEACTIVATING" { // web is behind a load balancer: connections drain first
		t.Errorf("StopTask returned last status %s, want DEACTIVATING", got.LastStatus)
	}
	run(t, s, 3*time.Minute, func() bool {
		svc := getService(t, s, "prod", "web")
		return svc.Running == 3 && getTask(t, s, "prod", victim.ID).LastStatus == "STOPPED"
	}, func() { checkCounts(t, s) })
	stopped := getTask(t, s, "prod", victim.ID)
	if stopped.StoppedAt.IsZero() || !stopped.StoppedAt.After(stopped.StoppingAt) || stopped.Version <= victim.Version {
		t.Errorf("stopped task: stopping %v stopped %v version %d→%d", stopped.StoppingAt, stopped.StoppedAt, victim.Version, stopped.Version)
	}
	for _, c := range stopped.Containers {
		if c.LastStatus != "STOPPED" || c.ExitCode == nil {
			t.Errorf("container %s of the stopped task: %s exit %v", c.Name, c.LastStatus, c.ExitCode)
		}
		for _, a := range c.ManagedAgents {
			if a.LastStatus != "STOPPED" {
				t.Errorf("container %s agent %s still %s", c.Name, a.Name, a.LastStatus)
			}
		}
	}
	now := listTasks(t, s, "prod", TaskFilter{ServiceName: "web"})
	if len(now) != 3 || slices.Contains(ids(now), victim.ID) {
		t.Errorf("running web tasks %v, want 3 without %s", ids(now), victim.ID)
	}
	if svc := getService(t, s, "prod", "web"); !hasEvent(svc, "(service web) has started 1 tasks: (task ") {
		t.Errorf("no replacement event in %v", svc.Events[:4])
	}
	// A reason is kept as given; stopping a stopped task changes nothing.
	other := now[0]
	if got, _ := s.StopTask("prod", other.ID, "Scaling in for maintenance"); got.StoppedReason != "Scaling in for maintenance" {
		t.Errorf("reason = %q", got.StoppedReason)
	}
	if again, err := s.StopTask("prod", stopped.ARN, "again"); err != nil || again.StoppedReason != "Task stopped by user" || again.Version != stopped.Version {
		t.Errorf("StopTask of a stopped task = %q v%d, %v", again.StoppedReason, again.Version, err)
	}
}

// Stopped tasks stay listable for an hour of simulated time, then vanish.
func TestStoppedTasksExpireAfterAnHour(t *testing.T) {
	s := newSim(t)
	victim := listTasks(t, s, "staging", TaskFilter{ServiceName: "worker"})[0]
	if _, err := s.StopTask("staging", victim.ID, ""); err != nil {
		t.Fatal(err)
	}
	s.Advance(t0.Add(50 * time.Minute))
	st := getTask(t, s, "staging", victim.ID)
	if st.LastStatus != "STOPPED" || !slices.Contains(ids(listTasks(t, s, "staging", TaskFilter{DesiredStatus: "STOPPED"})), victim.ID) {
		t.Fatalf("after 50 minutes: %s, not listed as stopped", st.LastStatus)
	}
	s.Advance(st.StoppedAt.Add(time.Hour + time.Second))
	if _, missing, _ := s.Tasks("staging", []string{victim.ID}); len(missing) != 1 {
		t.Errorf("task still described an hour after it stopped")
	}
	if slices.Contains(ids(listTasks(t, s, "staging", TaskFilter{DesiredStatus: "STOPPED"})), victim.ID) {
		t.Errorf("task still listed an hour after it stopped")
	}
}

// UpdateService scales up within maximumPercent and down by stopping the
// extra tasks, with ECS's events and stop reasons.
func TestScaling(t *testing.T) {
	s := newSim(t)
	five, one := 5, 1
	if svc, err := s.UpdateService("prod", "web", ServiceUpdate{DesiredCount: &five}); err != nil || svc.Desired != 5 || len(svc.Deployments) != 1 {
		t.Fatalf("UpdateService = %+v, %v", svc, err)
	}
	run(t, s, 3*time.Minute, func() bool { return getService(t, s, "prod", "web").Running == 5 }, func() {
		if svc := getService(t, s, "prod", "web"); svc.Running+svc.Pending > 10 {
			t.Fatalf("%d tasks over maximumPercent", svc.Running+svc.Pending)
		}
	})
	svc := getService(t, s, "prod", "web")
	if !hasEvent(svc, "(service web) has started 2 tasks:") || svc.Deployments[0].Desired != 5 {
		t.Errorf("scale up: events %v, deployment desired %d", svc.Events[:3], svc.Deployments[0].Desired)
	}
	if _, err := s.UpdateService("prod", "web", ServiceUpdate{DesiredCount: &one}); err != nil {
		t.Fatal(err)
	}
	run(t, s, 3*time.Minute, func() bool {
		for _, tk := range listTasks(t, s, "prod", TaskFilter{ServiceName: "web", DesiredStatus: "STOPPED"}) {
			if tk.LastStatus != "STOPPED" {
				return false
			}
		}
		return getService(t, s, "prod", "web").Running == 1
	}, func() { checkCounts(t, s) })
	svc = getService(t, s, "prod", "web")
	announced := 0 // tasks leave the target group at their own pace
	for _, e := range svc.Events {
		if strings.HasPrefix(e.Message, "(service web) has stopped ") {
			announced += strings.Count(e.Message, "(task ")
		}
	}
	if announced != 4 || !hasEvent(svc, "(service web) has begun draining connections on 4 tasks.") {
		t.Errorf("scale down: %d tasks announced stopped, events %v", announced, svc.Events[:4])
	}
	reason := "Scaling activity initiated by (deployment " + svc.Deployments[0].ID + ")"
	stopped := listTasks(t, s, "prod", TaskFilter{ServiceName: "web", DesiredStatus: "STOPPED"})
	if len(stopped) != 4 {
		t.Fatalf("%d stopped web tasks, want 4", len(stopped))
	}
	for _, tk := range stopped {
		if tk.StopCode != "ServiceSchedulerInitiated" || tk.StoppedReason != reason {
			t.Errorf("stopped task %s: %s %q, want ServiceSchedulerInitiated %q", tk.ID, tk.StopCode, tk.StoppedReason, reason)
		}
	}
}
