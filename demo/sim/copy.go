package sim

import (
	"maps"
	"slices"

	"github.com/ecsdeck/ecsdeck/model"
)

// Deep copies: callers get values that share nothing with the simulation.

func copyCluster(c *clusterState) model.Cluster {
	m := c.m
	m.ActiveServices = 0
	for _, svc := range c.services {
		if svc.m.Status == "ACTIVE" {
			m.ActiveServices++
		}
	}
	m.ContainerInstances = len(c.instances)
	m.CapacityProviders = slices.Clone(m.CapacityProviders)
	m.Tags = maps.Clone(m.Tags)
	return m
}

func copyService(svc *service) model.Service {
	m := svc.m
	m.Deployments = make([]model.Deployment, len(svc.deps))
	for i, d := range svc.deps {
		m.Deployments[i] = d.m
	}
	m.Events = slices.Clone(m.Events)
	m.CapacityProviders = slices.Clone(m.CapacityProviders)
	m.Tags = maps.Clone(m.Tags)
	return m
}

func copyTask(t *task) model.Task {
	m := t.m
	m.Tags = maps.Clone(m.Tags)
	m.Containers = slices.Clone(m.Containers)
	for i := range m.Containers {
		c := &m.Containers[i]
		if c.ExitCode != nil {
			code := *c.ExitCode
			c.ExitCode = &code
		}
		c.NetworkBindings = slices.Clone(c.NetworkBindings)
		c.ManagedAgents = slices.Clone(c.ManagedAgents)
	}
	return m
}

func copyTaskDef(td *model.TaskDefinition) model.TaskDefinition {
	m := *td
	m.RequiresCompatibilities = slices.Clone(m.RequiresCompatibilities)
	m.Containers = slices.Clone(m.Containers)
	for i := range m.Containers {
		c := &m.Containers[i]
		c.PortMappings = slices.Clone(c.PortMappings)
		c.DependsOn = slices.Clone(c.DependsOn)
		c.Environment = maps.Clone(c.Environment)
		c.Secrets = slices.Clone(c.Secrets)
		c.Command = slices.Clone(c.Command)
		c.EntryPoint = slices.Clone(c.EntryPoint)
		if c.LogConfiguration != nil {
			lc := *c.LogConfiguration
			lc.Options = maps.Clone(lc.Options)
			c.LogConfiguration = &lc
		}
		if c.HealthCheck != nil {
			hc := *c.HealthCheck
			hc.Command = slices.Clone(hc.Command)
			c.HealthCheck = &hc
		}
	}
	return m
}
