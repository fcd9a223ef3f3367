package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecsdeck/ecsdeck/model"
)

func toService(s types.Service) model.Service {
	out := model.Service{
		ARN:                str(s.ServiceArn),
		Name:               str(s.ServiceName),
		ClusterARN:         str(s.ClusterArn),
		Status:             str(s.Status),
		Desired:            int(s.DesiredCount),
		Running:            int(s.RunningCount),
		Pending:            int(s.PendingCount),
		LaunchType:         string(s.LaunchType),
		CapacityProviders:  capacityProviders(s.CapacityProviderStrategy),
		SchedulingStrategy: string(s.SchedulingStrategy),
		TaskDefinition:     str(s.TaskDefinition),
		ExecEnabled:        s.EnableExecuteCommand,
		CreatedAt:          tm(s.CreatedAt),
		Tags:               tags(s.Tags),
	}
	if dc := s.DeploymentConfiguration; dc != nil {
		out.MinHealthyPercent = i32(dc.MinimumHealthyPercent)
		out.MaxPercent = i32(dc.MaximumPercent)
		if cb := dc.DeploymentCircuitBreaker; cb != nil {
			out.CircuitBreaker, out.Rollback = cb.Enable, cb.Rollback
		}
	}
	for _, d := range s.Deployments {
		dep := toDeployment(d)
		// ECS lists PRIMARY first; keep that promise if it ever does not.
		if dep.Status == "PRIMARY" {
			out.Deployments = append([]model.Deployment{dep}, out.Deployments...)
			if out.TaskDefinition == "" {
				out.TaskDefinition = dep.TaskDefinition
			}
		} else {
			out.Deployments = append(out.Deployments, dep)
		}
	}
	for _, e := range s.Events {
		out.Events = append(out.Events, model.ServiceEvent{ID: str(e.Id), CreatedAt: tm(e.CreatedAt), Message: str(e.Message)})
	}
	return out
}

func toDeployment(d types.Deployment) model.Deployment {
	return model.Deployment{
		ID:                 str(d.Id),
		Status:             str(d.Status),
		TaskDefinition:     str(d.TaskDefinition),
		Desired:            int(d.DesiredCount),
		Running:            int(d.RunningCount),
		Pending:            int(d.PendingCount),
		Failed:             int(d.FailedTasks),
		RolloutState:       string(d.RolloutState),
		RolloutStateReason: str(d.RolloutStateReason),
		LaunchType:         string(d.LaunchType),
		CreatedAt:          tm(d.CreatedAt),
		UpdatedAt:          tm(d.UpdatedAt),
	}
}

func capacityProviders(items []types.CapacityProviderStrategyItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, str(it.CapacityProvider))
	}
	return out
}
