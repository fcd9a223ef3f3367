package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/model"
)

// ClustersView lists the account's clusters in the client's region; enter
// opens a cluster's services.
type ClustersView struct {
	*resource[model.Cluster]
}

// NewClustersView builds the clusters view.
func NewClustersView(ctx *Context) *ClustersView {
	return &ClustersView{newResource(ctx, resourceSpec[model.Cluster]{
		noun:    "clusters",
		columns: model.ClusterColumns(),
		id:      func(c model.Cluster) string { return c.ARN },
		load: func() loader[model.Cluster] {
			return loader[model.Cluster]{
				fetch: func(ctx context.Context, c *aws.Client) ([]model.Cluster, error) { return c.Clusters(ctx) },
				row:   func(c model.Cluster, _ time.Time) model.Row { return model.ClusterRow(c) },
			}
		},
		open: func(c model.Cluster) View { return NewServicesView(ctx, c.Name) },
		describe: func(c model.Cluster) View {
			return NewDescribeView(ctx, aws.KindCluster, c.Name, c.ARN, "cluster "+c.Name)
		},
		loaded: clustersKnown,
	})}
}

// clustersKnown tells the App the cluster names, for completion in command mode.
func clustersKnown(cs []model.Cluster) tea.Cmd {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	return emit(ClustersKnownMsg{Names: names})
}

// Title is the crumb.
func (v *ClustersView) Title() string { return "clusters" }
