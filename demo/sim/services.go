package sim

import (
	"fmt"
	"slices"
	"time"
)

// The service scheduler. It looks at a service when something about it
// changed (a task changed status or health, the service was updated, a
// backoff ended) and moves it towards its desired count, within the
// deployment configuration's minimumHealthyPercent and maximumPercent.

const (
	maxBackoff = 3 * time.Minute // longest wait before replacing a failing task
	calmAfter  = 5 * time.Minute // no steady state until this long after a task failed
	// settle is how long a deployment's tasks must have run before the
	// deployment counts as completed (it stands for the load balancer's
	// health checks and ECS's own settling): software that crashes within
	// minutes never completes a deployment.
	settle         = 3 * time.Minute
	unableInterval = 15 * time.Minute // "unable to consistently start tasks" at most this often
	placeRetry     = time.Minute      // next try after a task found no instance
)

func (s *Sim) markDirty(svc *service) {
	if !svc.dirty {
		svc.dirty = true
		s.dirty = append(s.dirty, svc)
	}
}

// schedule runs the scheduler over the services marked since the last step.
// Changes it makes mark services again, for the next step.
func (s *Sim) schedule() {
	list := s.dirty
	s.dirty = nil
	for _, svc := range list {
		svc.dirty = false
		s.reconcile(svc)
		s.flushEvents(svc)
		s.checkSteady(svc)
	}
}

func (s *Sim) reconcile(svc *service) {
	if svc.m.Status != "ACTIVE" {
		return
	}
	d := svc.m.Desired
	maxTotal := d * svc.m.MaxPercent / 100
	minHealthy := (d*svc.m.MinHealthyPercent + 99) / 100
	primary := svc.deps[0]
	var live []*task
	ready, primaryLive := 0, 0
	for _, t := range svc.tasks {
		if t.live() {
			live = append(live, t)
			if t.ready() {
				ready++
			}
			if t.dep == primary {
				primaryLive++
			}
		}
	}
	total := len(live)
	// Scale in: the primary deployment's tasks beyond the desired count.
	if extra := primaryLive - d; extra > 0 {
		for _, t := range leastUseful(live, primary)[:extra] {
			s.schedulerStop(t)
		}
		total -= extra
		primaryLive = d
	}
	// Scale out within maximumPercent, unless failures asked for a pause.
	if need := min(d-primaryLive, maxTotal-total); need > 0 && !s.now.Before(svc.retryAt) {
		s.startTasks(svc, need)
	}
	// Drain older deployments without going under minimumHealthyPercent;
	// tasks that are not serving yet cost nothing to stop.
	for _, dep := range svc.deps[1:] {
		for _, t := range leastUseful(live, dep) {
			if t.ready() {
				if ready-1 < minHealthy {
					break
				}
				ready--
			}
			s.schedulerStop(t)
		}
	}
	s.dropDrained(svc)
}

// leastUseful is the live tasks of a deployment, the ones to stop first
// first: not serving yet, then the newest.
func leastUseful(live []*task, dep *deployment) []*task {
	var out []*task
	for _, t := range live {
		if t.dep == dep && t.live() {
			out = append(out, t)
		}
	}
	slices.SortStableFunc(out, func(a, b *task) int {
		if a.ready() != b.ready() {
			if a.ready() {
				return 1
			}
			return -1
		}
		return b.m.CreatedAt.Compare(a.m.CreatedAt)
	})
	return out
}

func (s *Sim) schedulerStop(t *task) {
	s.beginStop(t, "ServiceSchedulerInitiated", "Scaling activity initiated by (deployment "+t.dep.m.ID+")", false)
}

// startTasks starts n tasks of the primary deployment.
func (s *Sim) startTasks(svc *service, n int) {
	for range n {
		t := s.serviceTask(svc, svc.deps[0])
		if t == nil {
			return
		}
		svc.batch.started = append(svc.batch.started, t.m.ID)
		s.launch(t)
	}
}

// serviceTask creates one task of a deployment, or nil when no container
// instance can take it.
func (s *Sim) serviceTask(svc *service, dep *deployment) *task {
	sp := taskSpec{svc: svc, dep: dep, group: "service:" + svc.m.Name, startedBy: dep.m.ID, launchType: svc.m.LaunchType}
	if svc.strategy != nil {
		sp.launchType, sp.capacityProvider = "FARGATE", s.pickProvider(svc)
	}
	if sp.launchType == "EC2" {
		inst, why := s.place(svc.c, dep.td)
		if inst == nil {
			s.event(svc, fmt.Sprintf("(service %s) was unable to place a task because no container instance met all of its requirements. %s For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.", svc.m.Name, why))
			svc.retryAt = s.now.Add(placeRetry)
			s.at(svc.retryAt, func() { s.markDirty(svc) })
			return nil
		}
		sp.inst, sp.capacityProvider = inst, inst.m.CapacityProvider
	}
	return s.newTask(svc.c, dep.td, sp)
}

// pickProvider follows the capacity provider strategy: each provider's
// base first, then the weights.
func (s *Sim) pickProvider(svc *service) string {
	n := map[string]int{}
	for _, t := range svc.tasks {
		if t.live() {
			n[t.m.CapacityProvider]++
		}
	}
	for _, it := range svc.strategy {
		if n[it.Provider] < it.Base {
			return it.Provider
		}
	}
	best, bestLoad := svc.strategy[0].Provider, -1.0
	for _, it := range svc.strategy {
		if it.Weight == 0 {
			continue
		}
		if load := float64(n[it.Provider]-it.Base+1) / float64(it.Weight); bestLoad < 0 || load < bestLoad {
			best, bestLoad = it.Provider, load
		}
	}
	return best
}

// checkSteady notices a service reaching steady state: one deployment,
// all its desired tasks running and healthy, and no task failing lately
// (a service whose tasks crash after a while is not steady between
// crashes); during a deployment, its tasks have also run for a while.
func (s *Sim) checkSteady(svc *service) {
	primary := svc.deps[0]
	rolling := primary.m.RolloutState == "IN_PROGRESS"
	live, ready := 0, 0
	for _, t := range svc.tasks {
		if t.live() {
			live++
			if t.ready() && (!rolling || s.now.Sub(t.m.StartedAt) >= settle) {
				ready++
			}
		}
	}
	steady := len(svc.deps) == 1 && live == svc.m.Desired && ready == live &&
		(svc.lastFailure.IsZero() || s.now.Sub(svc.lastFailure) >= calmAfter)
	if steady && !svc.steady {
		if rolling {
			primary.m.RolloutState = "COMPLETED"
			primary.m.RolloutStateReason = "ECS deployment " + primary.m.ID + " completed."
			primary.m.UpdatedAt = s.now
			s.event(svc, fmt.Sprintf("(service %s) (deployment %s) deployment completed.", svc.m.Name, primary.m.ID))
		}
		svc.lastGood = primary.td
		svc.failStreak = 0
		s.event(svc, fmt.Sprintf("(service %s) has reached a steady state.", svc.m.Name))
	}
	svc.steady = steady
}

// taskFailed counts a task that stopped by itself: against its deployment
// (and the circuit breaker), and towards the restart backoff.
func (s *Sim) taskFailed(t *task) {
	svc, dep := t.svc, t.dep
	dep.m.Failed++
	dep.m.UpdatedAt = s.now
	svc.lastFailure = s.now
	s.after(calmAfter, func() { s.markDirty(svc) })
	if svc.m.CircuitBreaker && dep == svc.deps[0] && dep.m.RolloutState == "IN_PROGRESS" && dep.m.Failed >= breakerThreshold(svc.m.Desired) {
		s.tripBreaker(svc, dep)
	}
	svc.failStreak++
	if svc.failStreak <= 2 {
		return
	}
	svc.retryAt = s.now.Add(min(10*time.Second<<min(svc.failStreak-3, 6), maxBackoff))
	s.at(svc.retryAt, func() { s.markDirty(svc) })
	if svc.unableAt.IsZero() || s.now.Sub(svc.unableAt) >= unableInterval {
		svc.unableAt = s.now
		s.event(svc, fmt.Sprintf("(service %s) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.", svc.m.Name))
	}
}
