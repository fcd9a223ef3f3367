package sim

import (
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// TaskFilter narrows TaskARNs; DesiredStatus "" = RUNNING.
type TaskFilter struct{ ServiceName, Family, DesiredStatus, StartedBy, ContainerInstance, LaunchType string }

// ServiceUpdate is what UpdateService changes.
type ServiceUpdate struct {
	DesiredCount       *int
	ForceNewDeployment bool
	TaskDefinition     string
}

func (s *Sim) Clusters() []model.Cluster                 { return nil }
func (s *Sim) Cluster(ref string) (model.Cluster, error) { return model.Cluster{}, ErrClusterNotFound }
func (s *Sim) ServiceARNs(cluster, launchType string) ([]string, error) {
	return nil, ErrClusterNotFound
}
func (s *Sim) Services(cluster string, refs []string) (found []model.Service, missing []string, err error) {
	return nil, nil, ErrClusterNotFound
}
func (s *Sim) TaskARNs(cluster string, f TaskFilter) ([]string, error) {
	return nil, ErrClusterNotFound
}
func (s *Sim) Tasks(cluster string, refs []string) (found []model.Task, missing []string, err error) {
	return nil, nil, ErrClusterNotFound
}
func (s *Sim) TaskDefinition(ref string) (model.TaskDefinition, error) {
	return model.TaskDefinition{}, ErrTaskDefinitionNotFound
}
func (s *Sim) TaskDefinitionARNs(familyPrefix, status string) []string { return nil }
func (s *Sim) ContainerInstanceARNs(cluster, status string) ([]string, error) {
	return nil, ErrClusterNotFound
}
func (s *Sim) ContainerInstances(cluster string, refs []string) (found []model.ContainerInstance, missing []string, err error) {
	return nil, nil, ErrClusterNotFound
}
func (s *Sim) UpdateService(cluster, service string, u ServiceUpdate) (model.Service, error) {
	return model.Service{}, ErrServiceNotFound
}
func (s *Sim) StopTask(cluster, task, reason string) (model.Task, error) {
	return model.Task{}, ErrTaskNotFound
}
func (s *Sim) LogGroups(prefix string) []model.LogGroup { return nil }
func (s *Sim) LogStreams(group, prefix string) ([]model.LogStream, error) {
	return nil, ErrLogGroupNotFound
}
func (s *Sim) LogEvents(group, stream string, start, end time.Time) ([]model.LogEvent, error) {
	return nil, ErrLogGroupNotFound
}
func (s *Sim) FilterLogEvents(group string, streams []string, streamPrefix, pattern string, start, end time.Time) ([]model.LogEvent, error) {
	return nil, ErrLogGroupNotFound
}
