package sim

import (
	"strings"

	"github.com/ecsdeck/ecsdeck/model"
)

// LaunchTypeStatistics counts a cluster's tasks and services of one launch
// type, as DescribeClusters' STATISTICS does.
type LaunchTypeStatistics struct {
	RunningTasks, PendingTasks       int // pending: PROVISIONING, PENDING, ACTIVATING
	ActiveServices, DrainingServices int
}

// ClusterStatistics is a cluster's statistics by launch type (a task's
// launch type, a service's ServiceLaunchType); a launch type the cluster
// never had is absent. Task counts are kept on every status change and the
// services are few, so no task is looked at or copied: the clusters view
// asks every few seconds, also of a cluster of 20,000 tasks.
func (s *Sim) ClusterStatistics(ref string) (map[string]LaunchTypeStatistics, error) {
	return withCluster(s, ref, func(c *clusterState) (map[string]LaunchTypeStatistics, error) {
		out := make(map[string]LaunchTypeStatistics, len(c.launchTypes))
		for lt, n := range c.launchTypes {
			out[lt] = *n
		}
		for _, svc := range c.services {
			lt := ServiceLaunchType(svc.m)
			st := out[lt]
			switch svc.m.Status {
			case "ACTIVE":
				st.ActiveServices++
			case "DRAINING":
				st.DrainingServices++
			default:
				continue
			}
			out[lt] = st
		}
		return out, nil
	})
}

// launchTypeCounts is the statistics entry a task counts in.
func (c *clusterState) launchTypeCounts(launchType string) *LaunchTypeStatistics {
	n := c.launchTypes[launchType]
	if n == nil {
		n = &LaunchTypeStatistics{}
		c.launchTypes[launchType] = n
	}
	return n
}

// ServiceLaunchType is a service's launch type; one with a capacity
// provider strategy runs on Fargate when its first provider is a Fargate one.
func ServiceLaunchType(s model.Service) string {
	if s.LaunchType != "" || len(s.CapacityProviders) == 0 {
		return s.LaunchType
	}
	if strings.HasPrefix(s.CapacityProviders[0], "FARGATE") {
		return "FARGATE"
	}
	return "EC2"
}
