package sim

import (
	"fmt"
	"strings"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// maxEvents is how many events ECS returns for a service.
const maxEvents = 100

// event prepends a service event (ECS lists them newest first).
func (s *Sim) event(svc *service, msg string) { s.eventAt(svc, s.now, msg) }

// eventAt prepends an event that happened at a given time (the scenario's
// history); events must come in time order.
func (s *Sim) eventAt(svc *service, at time.Time, msg string) {
	e := model.ServiceEvent{ID: s.uuid(), CreatedAt: at, Message: msg}
	svc.m.Events = append(svc.m.Events, e)
	copy(svc.m.Events[1:], svc.m.Events)
	svc.m.Events[0] = e
	if len(svc.m.Events) > maxEvents {
		svc.m.Events = svc.m.Events[:maxEvents]
	}
}

// eventBatch gathers what happened to a service's tasks during a step, so
// that it becomes one event per kind, as ECS words them.
type eventBatch struct {
	started, stopped, registered, draining, deregistered []string // task IDs
}

func (s *Sim) flushEvents(svc *service) {
	b := &svc.batch
	name := svc.m.Name
	if n := len(b.draining); n > 0 {
		s.event(svc, fmt.Sprintf("(service %s) has begun draining connections on %d tasks.", name, n))
	}
	if n := len(b.deregistered); n > 0 {
		s.event(svc, fmt.Sprintf("(service %s) deregistered %d targets in (target-group %s)", name, n, svc.targetGroup))
	}
	if n := len(b.stopped); n > 0 {
		s.event(svc, fmt.Sprintf("(service %s) has stopped %d running tasks: %s.", name, n, taskList(b.stopped)))
	}
	if n := len(b.started); n > 0 {
		s.event(svc, fmt.Sprintf("(service %s) has started %d tasks: %s.", name, n, taskList(b.started)))
	}
	if n := len(b.registered); n > 0 {
		s.event(svc, fmt.Sprintf("(service %s) registered %d targets in (target-group %s)", name, n, svc.targetGroup))
	}
	*b = eventBatch{}
}

func taskList(ids []string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = "(task " + id + ")"
	}
	return strings.Join(parts, " ")
}
