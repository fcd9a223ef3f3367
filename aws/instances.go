package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecsdeck/ecsdeck/model"
)

// ContainerInstances lists the EC2 instances registered to a cluster and
// describes them a hundred at a time.
func (c *Client) ContainerInstances(ctx context.Context, cluster string) ([]model.ContainerInstance, error) {
	p := ecs.NewListContainerInstancesPaginator(c.ecs, &ecs.ListContainerInstancesInput{
		Cluster: aws.String(cluster), MaxResults: aws.Int32(100)})
	arns, err := listAll(ctx, c, "ecs:ListContainerInstances", p,
		func(o *ecs.ListContainerInstancesOutput) ([]string, *string) {
			return o.ContainerInstanceArns, o.NextToken
		})
	if err != nil {
		return nil, err
	}
	describe := func(ctx context.Context, batch []string) ([]types.ContainerInstance, []types.Failure, error) {
		out, err := c.describeContainerInstancesRaw(ctx, cluster, batch)
		if err != nil {
			return nil, nil, err
		}
		return out.ContainerInstances, out.Failures, nil
	}
	return describeInBatches(ctx, c, "ecs:DescribeContainerInstances", arns, describeContainerInstancesLimit,
		describe, toContainerInstance, func(ci model.ContainerInstance) string { return ci.ARN })
}

func (c *Client) describeContainerInstancesRaw(ctx context.Context, cluster string, refs []string) (*ecs.DescribeContainerInstancesOutput, error) {
	cctx, cancel := c.call(ctx)
	defer cancel()
	out, err := c.ecs.DescribeContainerInstances(cctx, &ecs.DescribeContainerInstancesInput{
		Cluster: aws.String(cluster), ContainerInstances: refs,
		Include: []types.ContainerInstanceField{types.ContainerInstanceFieldTags}})
	return out, c.fail("ecs:DescribeContainerInstances", err)
}
