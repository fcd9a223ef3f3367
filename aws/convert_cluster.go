package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecsdeck/ecsdeck/model"
)

func toCluster(c types.Cluster) model.Cluster {
	out := model.Cluster{
		ARN:                str(c.ClusterArn),
		Name:               str(c.ClusterName),
		Status:             str(c.Status),
		ActiveServices:     int(c.ActiveServicesCount),
		RunningTasks:       int(c.RunningTasksCount),
		PendingTasks:       int(c.PendingTasksCount),
		ContainerInstances: int(c.RegisteredContainerInstancesCount),
		CapacityProviders:  c.CapacityProviders,
		Tags:               tags(c.Tags),
	}
	for _, s := range c.Settings {
		if s.Name == types.ClusterSettingNameContainerInsights {
			out.ContainerInsights = str(s.Value)
		}
	}
	return out
}
