package sim

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/ecsdeck/ecsdeck/model"
)

// Reads. References are names or ARNs wherever ECS accepts either; tasks
// also by bare ID.

func (s *Sim) clusterRef(ref string) (*clusterState, error) {
	_, name := s.parseRef(ref, "cluster")
	if c := s.byName[name]; c != nil {
		return c, nil
	}
	return nil, fmt.Errorf("%w: Cluster not found.", ErrClusterNotFound)
}

func (s *Sim) serviceIn(c *clusterState, ref string) *service {
	cl, name := s.parseRef(ref, "service")
	if cl != "" && cl != c.m.Name {
		return nil
	}
	return c.byName[name]
}

func (s *Sim) serviceRef(c *clusterState, ref string) (*service, error) {
	if svc := s.serviceIn(c, ref); svc != nil {
		return svc, nil
	}
	return nil, fmt.Errorf("%w: Service not found.", ErrServiceNotFound)
}

func (s *Sim) taskIn(c *clusterState, ref string) *task {
	cl, id := s.parseRef(ref, "task")
	if cl != "" && cl != c.m.Name {
		return nil
	}
	return c.tasks[id]
}

func (s *Sim) instanceIn(c *clusterState, ref string) *instance {
	cl, id := s.parseRef(ref, "container-instance")
	if cl != "" && cl != c.m.Name {
		return nil
	}
	for _, in := range c.instances {
		if lastPart(in.m.ARN) == id {
			return in
		}
	}
	return nil
}

// Clusters returns every cluster, sorted by ARN, statistics filled.
func (s *Sim) Clusters() []model.Cluster {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]model.Cluster, len(s.clusters))
	for i, c := range s.clusters {
		out[i] = copyCluster(c)
	}
	slices.SortFunc(out, func(a, b model.Cluster) int { return strings.Compare(a.ARN, b.ARN) })
	return out
}

// Cluster returns one cluster by name or ARN.
func (s *Sim) Cluster(ref string) (model.Cluster, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.clusterRef(ref)
	if err != nil {
		return model.Cluster{}, err
	}
	return copyCluster(c), nil
}

// withCluster runs f under the lock on the cluster a name or ARN refers to.
func withCluster[T any](s *Sim, ref string, f func(c *clusterState) (T, error)) (T, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.clusterRef(ref)
	if err != nil {
		var zero T
		return zero, err
	}
	return f(c)
}

// describeIn looks refs up in a cluster, in the order asked; those that
// match nothing come back in missing (the describe calls' "failures").
func describeIn[T any](s *Sim, cluster string, refs []string, get func(c *clusterState, ref string) (T, bool)) (found []T, missing []string, err error) {
	_, err = withCluster(s, cluster, func(c *clusterState) (struct{}, error) {
		for _, ref := range refs {
			if v, ok := get(c, ref); ok {
				found = append(found, v)
			} else {
				missing = append(missing, ref)
			}
		}
		return struct{}{}, nil
	})
	return found, missing, err
}

// ServiceARNs lists a cluster's services, sorted; launchType "" = any.
func (s *Sim) ServiceARNs(cluster, launchType string) ([]string, error) {
	arns, _, err := s.ServiceARNPage(cluster, launchType, "", math.MaxInt)
	return arns, err
}

// Services describes services by name or ARN.
func (s *Sim) Services(cluster string, refs []string) (found []model.Service, missing []string, err error) {
	return describeIn(s, cluster, refs, func(c *clusterState, ref string) (model.Service, bool) {
		if svc := s.serviceIn(c, ref); svc != nil {
			return copyService(svc), true
		}
		return model.Service{}, false
	})
}

// TaskFilter narrows TaskARNs, as ListTasks' parameters do. DesiredStatus
// "" = RUNNING; ContainerInstance is an ARN or an ID.
type TaskFilter struct{ ServiceName, Family, DesiredStatus, StartedBy, ContainerInstance, LaunchType string }

// TaskARNs lists a cluster's tasks that pass the filter, sorted.
func (s *Sim) TaskARNs(cluster string, f TaskFilter) ([]string, error) {
	arns, _, err := s.TaskARNPage(cluster, f, "", math.MaxInt)
	return arns, err
}

// Tasks describes tasks by ARN or ID.
func (s *Sim) Tasks(cluster string, refs []string) (found []model.Task, missing []string, err error) {
	return describeIn(s, cluster, refs, func(c *clusterState, ref string) (model.Task, bool) {
		if t := s.taskIn(c, ref); t != nil {
			return copyTask(t), true
		}
		return model.Task{}, false
	})
}

// ContainerInstanceARNs lists a cluster's instances, sorted; status "" =
// every status but INACTIVE, as ListContainerInstances does.
func (s *Sim) ContainerInstanceARNs(cluster, status string) ([]string, error) {
	arns, _, err := s.ContainerInstanceARNPage(cluster, status, "", math.MaxInt)
	return arns, err
}

// ContainerInstances describes instances by ARN or ID.
func (s *Sim) ContainerInstances(cluster string, refs []string) (found []model.ContainerInstance, missing []string, err error) {
	return describeIn(s, cluster, refs, func(c *clusterState, ref string) (model.ContainerInstance, bool) {
		if in := s.instanceIn(c, ref); in != nil {
			return in.m, true
		}
		return model.ContainerInstance{}, false
	})
}
