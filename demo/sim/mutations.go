package sim

import (
	"fmt"

	"github.com/ecsdeck/ecsdeck/model"
)

// ServiceUpdate is what UpdateService changes; zero fields change nothing.
type ServiceUpdate struct {
	DesiredCount       *int
	ForceNewDeployment bool
	TaskDefinition     string // ARN, "family:rev" or "family"
}

// UpdateService scales a service and/or starts a rolling deployment (a new
// task definition, or the same one with ForceNewDeployment).
func (s *Sim) UpdateService(cluster, service string, u ServiceUpdate) (model.Service, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.clusterRef(cluster)
	if err != nil {
		return model.Service{}, err
	}
	svc, err := s.serviceRef(c, service)
	if err != nil {
		return model.Service{}, err
	}
	if u.DesiredCount != nil && *u.DesiredCount < 0 {
		return model.Service{}, fmt.Errorf("%w: Invalid desiredCount %d: it must be zero or more.", ErrInvalidParameter, *u.DesiredCount)
	}
	td := svc.deps[0].td
	if u.TaskDefinition != "" {
		if td, err = s.taskDef(u.TaskDefinition); err != nil {
			return model.Service{}, fmt.Errorf("%w: TaskDefinition not found.", ErrTaskDefinitionNotFound)
		}
		if td.Status != "ACTIVE" {
			return model.Service{}, fmt.Errorf("%w: TaskDefinition is inactive", ErrTaskDefinitionNotFound)
		}
	}
	if u.DesiredCount != nil {
		svc.m.Desired = *u.DesiredCount
		svc.deps[0].m.Desired = *u.DesiredCount
		svc.deps[0].m.UpdatedAt = s.now
	}
	if u.ForceNewDeployment || td != svc.deps[0].td {
		s.newDeployment(svc, td)
	}
	s.markDirty(svc)
	return copyService(svc), nil
}

// StopTask stops a task (by ARN or ID), as a user does: its service
// replaces it. reason "" is ECS's default.
func (s *Sim) StopTask(cluster, task, reason string) (model.Task, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.clusterRef(cluster)
	if err != nil {
		return model.Task{}, err
	}
	t := s.taskIn(c, task)
	if t == nil {
		return model.Task{}, fmt.Errorf("%w: The referenced task was not found.", ErrTaskNotFound)
	}
	if reason == "" {
		reason = "Task stopped by user"
	}
	s.beginStop(t, "UserInitiated", reason, false)
	return copyTask(t), nil
}
