package sim

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Paged listings. A page holds at most limit ARNs: the first that pass the
// filter among those ordered after `after`, the ARN the previous page
// ended on ("" = from the start). A client's paging token keeps that ARN,
// so a page continues where the last one stopped even when tasks started
// or stopped in between. Tasks, services and instances each keep an index
// sorted by ARN, sorted again only after an item was added or removed, so
// a page costs a binary search plus the items it looks at, not a copy of
// the whole list: paging through 20,000 tasks is linear, not quadratic.

// TaskARNPage is one page of TaskARNs, and whether more ARNs follow it.
func (s *Sim) TaskARNPage(cluster string, f TaskFilter, after string, limit int) (arns []string, more bool, err error) {
	return pageIn(s, cluster, after, limit, func(c *clusterState) ([]*task, func(*task) bool, error) {
		want := f.DesiredStatus
		if want == "" {
			want = "RUNNING"
		}
		tasks := s.sortedTasks(c)
		if f.ServiceName != "" {
			svc, err := s.serviceRef(c, f.ServiceName)
			if err != nil {
				return nil, nil, err
			}
			tasks = sortedByARN(&svc.sorted, func() []*task { return slices.Clone(svc.tasks) })
		}
		var inst *instance
		if f.ContainerInstance != "" {
			if inst = s.instanceIn(c, f.ContainerInstance); inst == nil {
				return nil, nil, nil
			}
		}
		return tasks, func(t *task) bool {
			return t.m.DesiredStatus == want &&
				(f.Family == "" || t.td.Family == f.Family) &&
				(f.StartedBy == "" || t.m.StartedBy == f.StartedBy) &&
				(inst == nil || t.inst == inst) &&
				(f.LaunchType == "" || t.m.LaunchType == f.LaunchType)
		}, nil
	})
}

// ServiceARNPage is one page of ServiceARNs, and whether more ARNs follow it.
func (s *Sim) ServiceARNPage(cluster, launchType, after string, limit int) (arns []string, more bool, err error) {
	return pageIn(s, cluster, after, limit, func(c *clusterState) ([]*service, func(*service) bool, error) {
		return sortedByARN(&c.sortedServices, func() []*service { return slices.Clone(c.services) }), func(svc *service) bool {
			return launchType == "" || svc.m.LaunchType == launchType
		}, nil
	})
}

// ContainerInstanceARNPage is one page of ContainerInstanceARNs, and
// whether more ARNs follow it.
func (s *Sim) ContainerInstanceARNPage(cluster, status, after string, limit int) (arns []string, more bool, err error) {
	return pageIn(s, cluster, after, limit, func(c *clusterState) ([]*instance, func(*instance) bool, error) {
		return sortedByARN(&c.sortedInstances, func() []*instance { return slices.Clone(c.instances) }), func(in *instance) bool {
			return status == in.m.Status || status == "" && in.m.Status != "INACTIVE"
		}, nil
	})
}

// pageIn is a page of the cluster's index that query returns, of the
// items its keep accepts, all under the lock.
func pageIn[T hasARN](s *Sim, cluster, after string, limit int, query func(c *clusterState) ([]T, func(T) bool, error)) ([]string, bool, error) {
	if limit < 1 {
		return nil, false, fmt.Errorf("%w: The page size must be at least 1.", ErrInvalidParameter)
	}
	type page struct {
		arns []string
		more bool
	}
	p, err := withCluster(s, cluster, func(c *clusterState) (page, error) {
		index, keep, err := query(c)
		if err != nil {
			return page{}, err
		}
		arns, more := pageAfter(index, after, limit, keep)
		return page{arns, more}, nil
	})
	return p.arns, p.more, err
}

// hasARN is what the indexes hold.
type hasARN interface{ arn() string }

func (t *task) arn() string     { return t.m.ARN }
func (s *service) arn() string  { return s.m.ARN }
func (i *instance) arn() string { return i.m.ARN }

// pageAfter is the page of sorted (ordered by ARN) after the ARN `after`:
// at most limit ARNs of the items keep accepts, and whether another
// accepted item follows them. The ARNs are never nil: an empty page is
// an empty list on the wire.
func pageAfter[T hasARN](sorted []T, after string, limit int, keep func(T) bool) ([]string, bool) {
	i := 0
	if after != "" {
		var found bool
		i, found = slices.BinarySearchFunc(sorted, after, func(item T, after string) int { return strings.Compare(item.arn(), after) })
		if found {
			i++
		}
	}
	out := make([]string, 0, min(limit, len(sorted)-i))
	for _, item := range sorted[i:] {
		if !keep(item) {
			continue
		}
		if len(out) == limit {
			return out, true
		}
		out = append(out, item.arn())
	}
	return out, false
}

// sortedByARN is an index: *index, first filled and sorted by ARN when it
// is nil, as it is after an item was added or removed.
func sortedByARN[T hasARN](index *[]T, fill func() []T) []T {
	if *index == nil {
		*index = fill()
		slices.SortFunc(*index, func(a, b T) int { return strings.Compare(a.arn(), b.arn()) })
	}
	return *index
}

// sortedTasks is the cluster's task index.
func (s *Sim) sortedTasks(c *clusterState) []*task {
	return sortedByARN(&c.sorted, func() []*task { return slices.Collect(maps.Values(c.tasks)) })
}
