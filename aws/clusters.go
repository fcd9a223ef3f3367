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
	arns, err := listAll(ctx, c, "ecs:ListClusters", p, func(o *ecs.ListClustersOutput) ([]string, *string) { return o.ClusterArns, o.NextToken })
	if err != nil {
		return nil, err
	}
	describe := func(ctx context.Context, batch []string) ([]types.Cluster, []types.Failure, error) {
		out, err := c.describeClustersRaw(ctx, batch)
		if err != nil {
			return nil, nil, err
		}
		return out.Clusters, out.Failures, nil
	}
	return describeInBatches(ctx, c, "ecs:DescribeClusters", arns, describeClustersLimit, describe, toCluster,
		func(cl model.Cluster) string { return cl.ARN })
}

// Cluster describes one cluster by name or ARN.
func (c *Client) Cluster(ctx context.Context, name string) (model.Cluster, error) {
	out, err := c.describeClustersRaw(ctx, []string{name})
	if err != nil {
		return model.Cluster{}, err
	}
	if len(out.Clusters) == 0 {
		return model.Cluster{}, c.missingError("ecs:DescribeClusters", "cluster "+name, out.Failures)
	}
	return toCluster(out.Clusters[0]), nil
}

func (c *Client) describeClustersRaw(ctx context.Context, refs []string) (*ecs.DescribeClustersOutput, error) {
	cctx, cancel := c.call(ctx)
	defer cancel()
	out, err := c.ecs.DescribeClusters(cctx, &ecs.DescribeClustersInput{Clusters: refs, Include: clusterInclude})
	return out, c.fail("ecs:DescribeClusters", err)
}
