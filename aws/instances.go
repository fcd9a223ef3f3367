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
	return describeInBatches(ctx, c, cluster, arns, describeContainerInstancesLimit,
		c.describeContainerInstances, toContainerInstance, func(ci model.ContainerInstance) string { return ci.ARN })
}

func (c *Client) describeContainerInstances(ctx context.Context, cluster string, refs []string) ([]types.ContainerInstance, error) {
	const op = "ecs:DescribeContainerInstances"
	out, err := send(ctx, c, op, c.ecs.DescribeContainerInstances, &ecs.DescribeContainerInstancesInput{
		Cluster: aws.String(cluster), ContainerInstances: refs,
		Include: []types.ContainerInstanceField{types.ContainerInstanceFieldTags}})
	if err != nil {
		return nil, err
	}
	return out.ContainerInstances, c.failuresError(op, out.Failures)
}
