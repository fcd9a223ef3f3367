package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecsdeck/ecsdeck/model"
)

var clusterInclude = []types.ClusterField{types.ClusterFieldStatistics, types.ClusterFieldSettings, types.ClusterFieldTags}

// Clusters lists every cluster of the region and describes them with their
// statistics and settings, in the order ListClusters returned them.
func (c *Client) Clusters(ctx context.Context) ([]model.Cluster, error) {
	p := ecs.NewListClustersPaginator(c.ecs, &ecs.ListClustersInput{MaxResults: aws.Int32(100)})
	arns, err := listAll(ctx, c, "ecs:ListClusters", p,
		func(o *ecs.ListClustersOutput) ([]string, *string) { return o.ClusterArns, o.NextToken })
	if err != nil {
		return nil, err
	}
	return describeInBatches(ctx, c, "", arns, describeClustersLimit, c.describeClusters, toCluster,
		func(cl model.Cluster) string { return cl.ARN })
}

// Cluster describes one cluster by name or ARN.
func (c *Client) Cluster(ctx context.Context, name string) (model.Cluster, error) {
	cl, err := describeOne(ctx, c, "ecs:DescribeClusters", "", "cluster", name, c.describeClusters)
	if err != nil {
		return model.Cluster{}, err
	}
	return toCluster(cl), nil
}

// describeClusters is a describer; clusters belong to no cluster, so its
// cluster argument is unused.
func (c *Client) describeClusters(ctx context.Context, _ string, refs []string) ([]types.Cluster, error) {
	const op = "ecs:DescribeClusters"
	out, err := send(ctx, c, op, c.ecs.DescribeClusters, &ecs.DescribeClustersInput{Clusters: refs, Include: clusterInclude})
	if err != nil {
		return nil, err
	}
	return out.Clusters, c.failuresError(op, out.Failures)
}
