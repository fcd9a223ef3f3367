package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecsdeck/ecsdeck/model"
)

// Services lists every service of a cluster and describes them ten at a
// time (AWS's limit), in the order ListServices returned them.
func (c *Client) Services(ctx context.Context, cluster string) ([]model.Service, error) {
	p := ecs.NewListServicesPaginator(c.ecs, &ecs.ListServicesInput{Cluster: aws.String(cluster), MaxResults: aws.Int32(100)})
	arns, err := listAll(ctx, c, "ecs:ListServices", p, func(o *ecs.ListServicesOutput) ([]string, *string) { return o.ServiceArns, o.NextToken })
	if err != nil {
		return nil, err
	}
	describe := func(ctx context.Context, batch []string) ([]types.Service, []types.Failure, error) {
		out, err := c.describeServicesRaw(ctx, cluster, batch)
		if err != nil {
			return nil, nil, err
		}
		return out.Services, out.Failures, nil
	}
	return describeInBatches(ctx, c, "ecs:DescribeServices", arns, describeServicesLimit, describe, toService,
		func(s model.Service) string { return s.ARN })
}

func (c *Client) describeServicesRaw(ctx context.Context, cluster string, refs []string) (*ecs.DescribeServicesOutput, error) {
	cctx, cancel := c.call(ctx)
	defer cancel()
	out, err := c.ecs.DescribeServices(cctx, &ecs.DescribeServicesInput{
		Cluster: aws.String(cluster), Services: refs, Include: []types.ServiceField{types.ServiceFieldTags}})
	return out, c.fail("ecs:DescribeServices", err)
}
