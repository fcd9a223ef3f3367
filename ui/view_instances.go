package ui

import (
	"context"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/model"
)

// ContainerInstancesView lists the EC2 container instances registered to a cluster
// (`:ci`). A Fargate-only cluster has none.
type ContainerInstancesView struct {
	*resource[model.ContainerInstance]
}

// NewContainerInstancesView builds the container instances view of a cluster.
func NewContainerInstancesView(ctx *Context, cluster string) *ContainerInstancesView {
	return &ContainerInstancesView{newResource(ctx, resourceSpec[model.ContainerInstance]{
		noun:    "container instances",
		cluster: cluster,
		columns: model.InstanceColumns(),
		id:      func(ci model.ContainerInstance) string { return ci.ARN },
		load: func() loader[model.ContainerInstance] {
			return loader[model.ContainerInstance]{
				fetch: func(ctx context.Context, c *aws.Client) ([]model.ContainerInstance, error) {
					return c.ContainerInstances(ctx, cluster)
				},
				row: model.InstanceRow,
			}
		},
		empty: func() string {
			return "no container instances registered to " + model.ResourceID(cluster) + " (Fargate tasks need none)"
		},
		describe: func(ci model.ContainerInstance) View {
			return NewDescribeView(ctx, aws.KindContainerInstance, cluster, ci.ARN, "instance "+instanceName(ci))
		},
	})}
}

func instanceName(ci model.ContainerInstance) string {
	if ci.EC2InstanceID != "" {
		return ci.EC2InstanceID
	}
	return model.ResourceID(ci.ARN)
}

// Title is the crumb.
func (v *ContainerInstancesView) Title() string {
	return "instances(" + model.ResourceID(v.Cluster()) + ")"
}
