package sim

import (
	"fmt"
	"slices"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// newDeployment makes a new PRIMARY deployment of td; the deployments
// before it become ACTIVE and drain as the new one comes up.
func (s *Sim) newDeployment(svc *service, td *model.TaskDefinition) *deployment {
	id := s.deploymentID()
	dep := &deployment{td: td, m: model.Deployment{
		ID: id, Status: "PRIMARY", TaskDefinition: td.ARN, Desired: svc.m.Desired,
		RolloutState: "IN_PROGRESS", RolloutStateReason: "ECS deployment " + id + " in progress.",
		LaunchType: svc.m.LaunchType, CreatedAt: s.now, UpdatedAt: s.now,
	}}
	for _, old := range svc.deps {
		old.m.Status = "ACTIVE"
		old.m.UpdatedAt = s.now
	}
	svc.deps = append([]*deployment{dep}, svc.deps...)
	svc.m.TaskDefinition = td.ARN
	svc.steady = false
	svc.failStreak = 0
	svc.retryAt = time.Time{}
	s.markDirty(svc)
	return dep
}

// dropDrained forgets older deployments with no task left to run; the
// others' desired count is what they still run.
func (s *Sim) dropDrained(svc *service) {
	live := map[*deployment]int{}
	for _, t := range svc.tasks {
		if t.live() {
			live[t.dep]++
		}
	}
	primary := svc.deps[0]
	svc.deps = slices.DeleteFunc(svc.deps, func(d *deployment) bool {
		return d != primary && live[d] == 0
	})
	for _, d := range svc.deps[1:] {
		d.m.Desired = live[d]
	}
}

// breakerThreshold is how many failed tasks trip the deployment circuit
// breaker: half the desired count, at least 3, at most 200.
func breakerThreshold(desired int) int {
	return min(max((desired+1)/2, 3), 200)
}

// tripBreaker fails the deployment and, with rollback on, goes back to the
// last task definition that reached steady state.
func (s *Sim) tripBreaker(svc *service, dep *deployment) {
	dep.m.RolloutState = "FAILED"
	dep.m.RolloutStateReason = "ECS deployment circuit breaker: tasks failed to start."
	dep.m.UpdatedAt = s.now
	s.event(svc, fmt.Sprintf("(service %s) (deployment %s) deployment failed: tasks failed to start.", svc.m.Name, dep.m.ID))
	if svc.m.Rollback && svc.lastGood != nil && svc.lastGood != dep.td {
		back := s.newDeployment(svc, svc.lastGood)
		s.event(svc, fmt.Sprintf("(service %s) rolling back to deployment %s.", svc.m.Name, back.m.ID))
	}
}
