package sim

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// taskSpec says how and where a new task runs.
type taskSpec struct {
	svc              *service
	dep              *deployment
	group, startedBy string
	launchType       string
	capacityProvider string
	inst             *instance // EC2: where it was placed
}

// newTask creates a task in PROVISIONING with its containers PENDING.
func (s *Sim) newTask(c *clusterState, td *model.TaskDefinition, sp taskSpec) *task {
	id := s.taskID()
	t := &task{c: c, svc: sp.svc, dep: sp.dep, td: td, inst: sp.inst, prof: s.profileOf(td)}
	t.m = model.Task{
		ARN:               s.arn("task/" + c.m.Name + "/" + id),
		ID:                id,
		ClusterARN:        c.m.ARN,
		TaskDefinitionARN: td.ARN,
		LastStatus:        "PROVISIONING",
		DesiredStatus:     "RUNNING",
		HealthStatus:      "UNKNOWN",
		LaunchType:        sp.launchType,
		CapacityProvider:  sp.capacityProvider,
		CPU:               td.CPU,
		Memory:            td.Memory,
		Group:             sp.group,
		StartedBy:         sp.startedBy,
		Version:           1,
		CreatedAt:         s.now,
	}
	if sp.svc != nil {
		t.m.EnableExecuteCommand = sp.svc.m.ExecEnabled
	}
	if sp.launchType == "FARGATE" {
		t.m.PlatformVersion = "1.4.0"
	}
	if sp.inst != nil {
		t.m.ContainerInstanceARN = sp.inst.m.ARN
		t.m.AvailabilityZone = sp.inst.m.AvailabilityZone
	} else {
		t.m.AvailabilityZone = s.cfg.Region + string(rune('a'+s.rng.IntN(3)))
	}
	if td.NetworkMode == "awsvpc" {
		t.m.PrivateIP = fmt.Sprintf("10.0.%d.%d", 16*int(t.m.AvailabilityZone[len(t.m.AvailabilityZone)-1]-'a')+s.rng.IntN(16), 2+s.rng.IntN(250))
	}
	for _, d := range td.Containers {
		ct := model.Container{
			Name:         d.Name,
			ARN:          s.arn("container/" + c.m.Name + "/" + id + "/" + s.uuid()),
			Image:        d.Image,
			LastStatus:   "PENDING",
			HealthStatus: "UNKNOWN",
			CPU:          strconv.Itoa(d.CPU),
		}
		if d.Memory > 0 {
			ct.Memory = strconv.Itoa(d.Memory)
		}
		if d.MemoryReservation > 0 {
			ct.MemoryReservation = strconv.Itoa(d.MemoryReservation)
		}
		if t.m.EnableExecuteCommand {
			ct.ManagedAgents = []model.ManagedAgent{{Name: "ExecuteCommandAgent", LastStatus: "PENDING"}}
		}
		t.m.Containers = append(t.m.Containers, ct)
	}
	c.tasks[id] = t
	c.sorted = nil
	if sp.svc != nil {
		sp.svc.tasks = append(sp.svc.tasks, t)
		sp.svc.sorted = nil
	}
	s.count(t, catPending, +1)
	return t
}

// count moves a task in or out of the running/pending counters of
// everything it belongs to.
func (s *Sim) count(t *task, cat, delta int) {
	if cat == catNone {
		return
	}
	pick := func(pending, running *int) {
		if cat == catPending {
			*pending += delta
		} else {
			*running += delta
		}
	}
	pick(&t.c.m.PendingTasks, &t.c.m.RunningTasks)
	byType := t.c.launchTypeCounts(t.m.LaunchType)
	pick(&byType.PendingTasks, &byType.RunningTasks)
	if t.svc != nil {
		pick(&t.svc.m.Pending, &t.svc.m.Running)
		s.markDirty(t.svc)
	}
	if t.dep != nil {
		pick(&t.dep.m.Pending, &t.dep.m.Running)
		t.dep.m.UpdatedAt = s.now
	}
	if t.inst != nil {
		pick(&t.inst.m.PendingTasks, &t.inst.m.RunningTasks)
	}
}

// setStatus changes a task's last status, keeping every counter right.
func (s *Sim) setStatus(t *task, status string) {
	old := category(t.m.LastStatus)
	t.m.LastStatus = status
	t.m.Version++
	if nw := category(status); nw != old {
		s.count(t, old, -1)
		s.count(t, nw, +1)
	}
}

// later runs fn on the task after d, unless the task's plan changed
// meanwhile (it was told to stop).
func (s *Sim) later(t *task, d time.Duration, fn func(*task)) {
	gen := t.gen
	s.after(d, func() {
		if t.gen == gen {
			fn(t)
		}
	})
}

// launch starts a new task's way to RUNNING: PROVISIONING (ENI, capacity),
// PENDING (image pull), ACTIVATING, RUNNING.
func (s *Sim) launch(t *task) {
	s.later(t, s.between(1500*time.Millisecond, 4*time.Second), s.provisioned)
}

func (s *Sim) provisioned(t *task) {
	t.m.PullStartedAt = s.now
	s.setStatus(t, "PENDING")
	if t.prof != nil && t.prof.pullError {
		s.later(t, s.between(20*time.Second, 45*time.Second), s.pullFailed)
		return
	}
	s.later(t, s.between(3*time.Second, 12*time.Second), s.pulled)
}

func (s *Sim) pullFailed(t *task) {
	reason := "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref " +
		t.prof.image + ": " + t.prof.image + ": not found"
	for i := range t.m.Containers {
		if t.m.Containers[i].Image == t.prof.image {
			t.m.Containers[i].Reason = reason
		}
	}
	s.beginStop(t, "TaskFailedToStart", reason, true)
}

// pulled runs the init containers (those others wait on with SUCCESS or
// COMPLETE) before the task activates.
func (s *Sim) pulled(t *task) {
	t.m.PullStoppedAt = s.now
	t.m.Version++
	inits := initContainers(t.td)
	for i := range t.m.Containers {
		t.m.Containers[i].ImageDigest = digest(t.m.Containers[i].Image)
		if inits[t.m.Containers[i].Name] {
			s.startContainer(t, i)
		}
	}
	if len(inits) == 0 {
		s.activate(t)
		return
	}
	s.later(t, s.between(2*time.Second, 5*time.Second), func(t *task) {
		for i, ct := range t.m.Containers {
			if inits[ct.Name] {
				s.exitContainer(t, i, 0, "")
			}
		}
		s.activate(t)
	})
}

func (s *Sim) activate(t *task) {
	s.setStatus(t, "ACTIVATING")
	s.later(t, s.between(500*time.Millisecond, 2*time.Second), s.started)
}

// started brings the task to RUNNING with its long-running containers.
func (s *Sim) started(t *task) {
	t.m.StartedAt = s.now
	s.setStatus(t, "RUNNING")
	for i, ct := range t.m.Containers {
		if ct.LastStatus == "PENDING" {
			s.startContainer(t, i)
		}
	}
	if t.svc != nil {
		if t.svc.targetGroup != "" {
			t.svc.batch.registered = append(t.svc.batch.registered, t.m.ID)
		}
		s.later(t, settle, func(t *task) { s.markDirty(t.svc) })
	}
	s.planRunning(t)
}

// planRunning sets the timers of a RUNNING task: health checks passing (or
// failing), its software crashing or finishing, a Spot interruption.
func (s *Sim) planRunning(t *task) {
	if hc := healthCheckStart(t.td); hc >= 0 && t.m.HealthStatus == "UNKNOWN" {
		at := t.m.StartedAt.Add(hc + s.between(2*time.Second, 8*time.Second))
		s.later(t, at.Sub(s.now), s.healthy)
	}
	up := t.m.StartedAt
	if p := t.prof; p != nil {
		switch {
		case p.crashAfter[1] > 0:
			s.later(t, up.Add(s.between(p.crashAfter[0], p.crashAfter[1])).Sub(s.now), s.crash)
		case p.finishAfter[1] > 0:
			s.later(t, up.Add(s.between(p.finishAfter[0], p.finishAfter[1])).Sub(s.now), s.finish)
		case p.unhealthyShare > 0 && s.rng.Float64() < p.unhealthyShare:
			s.later(t, s.between(p.unhealthyAfter[0], p.unhealthyAfter[1]), s.unhealthy)
		}
	}
	if t.m.CapacityProvider == "FARGATE_SPOT" {
		d := time.Duration(s.rng.ExpFloat64() * float64(spotInterruptionMean))
		s.later(t, d, func(t *task) { s.beginStop(t, "SpotInterruption", "Your Spot Task was interrupted.", false) })
	}
}

// spotInterruptionMean is the mean time between reclaims of one Spot task.
const spotInterruptionMean = 4 * time.Hour

// healthCheckStart is the longest health-check start period of the task's
// containers, or -1 when none has a health check.
func healthCheckStart(td *model.TaskDefinition) time.Duration {
	d := time.Duration(-1)
	for _, c := range td.Containers {
		if c.HealthCheck != nil {
			d = max(d, c.HealthCheck.StartPeriod)
		}
	}
	return d
}

func (s *Sim) healthy(t *task) {
	s.setHealth(t, "HEALTHY")
}

// setHealth sets every health-checked container and the task to status.
func (s *Sim) setHealth(t *task, status string) {
	for i, d := range t.td.Containers {
		if d.HealthCheck != nil && t.m.Containers[i].LastStatus == "RUNNING" {
			t.m.Containers[i].HealthStatus = status
		}
	}
	t.m.HealthStatus = status
	t.m.Version++
	if t.svc != nil {
		s.markDirty(t.svc)
	}
}

// unhealthy: the container health check starts failing; the service
// scheduler replaces the task.
func (s *Sim) unhealthy(t *task) {
	s.setHealth(t, "UNHEALTHY")
	if t.svc != nil {
		s.event(t.svc, fmt.Sprintf("(service %s) (task %s) failed container health checks.", t.svc.m.Name, t.m.ID))
	}
	s.beginStop(t, "ServiceSchedulerInitiated", "Task failed container health checks", true)
}

// crash: the essential container dies, killed for using too much memory
// or exiting 1 after a stack trace.
func (s *Sim) crash(t *task) {
	i := essentialIndex(t)
	if s.rng.Float64() < t.prof.oomShare {
		s.writeLines(t, i, s.now.Add(-900*time.Millisecond), t.prof.voice.orSilence().oomWarning)
		s.exitContainer(t, i, 137, "OutOfMemoryError: Container killed due to memory usage")
	} else {
		s.writeLines(t, i, s.now.Add(-5*time.Millisecond), t.prof.voice.orSilence().stackTrace)
		s.exitContainer(t, i, 1, "")
	}
	s.beginStop(t, "EssentialContainerExited", "Essential container in task exited", true)
}

// finish: a batch job's essential container is done.
func (s *Sim) finish(t *task) {
	i := essentialIndex(t)
	s.writeLines(t, i, s.now.Add(-5*time.Millisecond), t.prof.voice.orSilence().done)
	s.exitContainer(t, i, 0, "")
	s.beginStop(t, "EssentialContainerExited", "Essential container in task exited", false)
}

func essentialIndex(t *task) int {
	for i, d := range t.td.Containers {
		if d.Essential && d.FirelensType == "" {
			return i
		}
	}
	return 0
}

// beginStop sets a task on its way to STOPPED. failed says the task stopped
// by itself (it counts against the deployment and the restart backoff).
// A task the scheduler stops is announced in the service's events once it
// is out of its target group.
func (s *Sim) beginStop(t *task, code, reason string, failed bool) {
	if !t.live() {
		return
	}
	wasRunning := t.m.LastStatus == "RUNNING"
	t.gen++
	t.m.DesiredStatus = "STOPPED"
	t.m.StopCode = code
	t.m.StoppedReason = reason
	t.m.StoppingAt = s.now
	if t.svc != nil {
		s.markDirty(t.svc)
		if failed {
			s.taskFailed(t)
		}
	}
	announce := func(t *task) {
		if code == "ServiceSchedulerInitiated" {
			t.svc.batch.stopped = append(t.svc.batch.stopped, t.m.ID)
			s.markDirty(t.svc)
		}
	}
	switch {
	case !wasRunning:
		if t.svc != nil {
			announce(t)
		}
		s.setStatus(t, "DEPROVISIONING")
		s.later(t, s.between(3*time.Second, 8*time.Second), s.stopped)
	case t.svc != nil && t.svc.targetGroup != "":
		// Out of the target group first; connections drain.
		s.setStatus(t, "DEACTIVATING")
		t.svc.batch.draining = append(t.svc.batch.draining, t.m.ID)
		t.svc.batch.deregistered = append(t.svc.batch.deregistered, t.m.ID)
		s.later(t, s.between(8*time.Second, 15*time.Second), func(t *task) {
			announce(t)
			s.stopping(t)
		})
	default:
		if t.svc != nil {
			announce(t)
		}
		s.stopping(t)
	}
}

// stopping: containers get SIGTERM and exit.
func (s *Sim) stopping(t *task) {
	s.setStatus(t, "STOPPING")
	for _, ct := range t.m.Containers {
		if ct.LastStatus == "RUNNING" {
			s.stopLogger(t, ct.Name, true)
		}
	}
	s.later(t, s.between(2*time.Second, 6*time.Second), func(t *task) {
		for i, ct := range t.m.Containers {
			if ct.LastStatus == "RUNNING" {
				s.exitContainer(t, i, 0, "")
			}
		}
		s.setStatus(t, "DEPROVISIONING")
		s.later(t, s.between(3*time.Second, 8*time.Second), s.stopped)
	})
}

func (s *Sim) stopped(t *task) {
	t.m.StoppedAt = s.now
	for i := range t.m.Containers {
		ct := &t.m.Containers[i]
		if ct.LastStatus != "STOPPED" {
			ct.LastStatus = "STOPPED"
			s.stopAgents(ct)
		}
	}
	s.setStatus(t, "STOPPED")
	s.release(t)
	// ECS lists stopped tasks for an hour.
	s.after(stoppedTaskTTL, func() { s.expire(t) })
}

const stoppedTaskTTL = time.Hour

// expire forgets a stopped task.
func (s *Sim) expire(t *task) {
	delete(t.c.tasks, t.m.ID)
	t.c.sorted = nil
	if t.svc != nil {
		t.svc.tasks = slices.DeleteFunc(t.svc.tasks, func(x *task) bool { return x == t })
		t.svc.sorted = nil
	}
}

// startContainer runs container i: runtime ID, exec agent, host ports, logs.
func (s *Sim) startContainer(t *task, i int) {
	ct := &t.m.Containers[i]
	ct.LastStatus = "RUNNING"
	if t.m.LaunchType == "EC2" {
		ct.RuntimeID = s.hex(64)
	} else {
		ct.RuntimeID = t.m.ID + "-" + s.digits(10)
	}
	for j := range ct.ManagedAgents {
		ct.ManagedAgents[j].LastStatus = "RUNNING"
	}
	if t.td.NetworkMode == "bridge" && t.inst != nil {
		for _, pm := range t.td.Containers[i].PortMappings {
			hp := pm.HostPort
			if hp == 0 {
				hp = t.inst.nextPort
				t.inst.nextPort++
			}
			ct.NetworkBindings = append(ct.NetworkBindings, model.PortBinding{ContainerPort: pm.ContainerPort, HostPort: hp, Protocol: pm.Protocol, BindIP: "0.0.0.0"})
		}
	}
	t.m.Version++
	s.startLogger(t, i)
}

// exitContainer records a container's exit.
func (s *Sim) exitContainer(t *task, i, code int, reason string) {
	ct := &t.m.Containers[i]
	s.stopLogger(t, ct.Name, false)
	ct.LastStatus = "STOPPED"
	ct.ExitCode = &code
	if reason != "" {
		ct.Reason = reason
	}
	s.stopAgents(ct)
	t.m.Version++
}

func (s *Sim) stopAgents(ct *model.Container) {
	for j := range ct.ManagedAgents {
		ct.ManagedAgents[j].LastStatus = "STOPPED"
	}
}

// initContainers are the containers that others wait on to succeed or
// complete: they run to the end before the task starts its main containers.
func initContainers(td *model.TaskDefinition) map[string]bool {
	m := map[string]bool{}
	for _, c := range td.Containers {
		for _, d := range c.DependsOn {
			if d.Condition == "SUCCESS" || d.Condition == "COMPLETE" {
				m[d.ContainerName] = true
			}
		}
	}
	return m
}

// digest is a stable image digest for an image reference.
func digest(image string) string {
	return fmt.Sprintf("sha256:%x", sha256.Sum256([]byte(image)))
}
