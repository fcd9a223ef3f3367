package ui

import (
	"context"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/model"
)

// ServicesView lists a cluster's services; enter opens a service's tasks.
type ServicesView struct {
	*resource[model.Service]
}

// NewServicesView builds the services view of a cluster (name or ARN).
func NewServicesView(ctx *Context, cluster string) *ServicesView {
	return &ServicesView{newResource(ctx, resourceSpec[model.Service]{
		noun:    "services",
		cluster: cluster,
		columns: model.ServiceColumns(),
		id:      func(s model.Service) string { return s.ARN },
		load: func() loader[model.Service] {
			return loader[model.Service]{
				fetch: func(ctx context.Context, c *aws.Client) ([]model.Service, error) { return c.Services(ctx, cluster) },
				row:   model.ServiceRow,
			}
		},
		open: func(s model.Service) View { return NewTasksView(ctx, cluster, s.Name) },
		describe: func(s model.Service) View {
			return NewDescribeView(ctx, aws.KindService, cluster, s.ARN, "service "+s.Name)
		},
	})}
}

// Title is the crumb.
func (v *ServicesView) Title() string { return "services(" + model.ResourceID(v.Cluster()) + ")" }
