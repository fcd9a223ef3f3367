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
	return describeInBatches(ctx, c, cluster, arns, describeServicesLimit, c.describeServices, toService,
		func(s model.Service) string { return s.ARN })
}

func (c *Client) describeServices(ctx context.Context, cluster string, refs []string) ([]types.Service, error) {
	const op = "ecs:DescribeServices"
	out, err := send(ctx, c, op, c.ecs.DescribeServices, &ecs.DescribeServicesInput{
		Cluster: aws.String(cluster), Services: refs, Include: []types.ServiceField{types.ServiceFieldTags}})
	if err != nil {
		return nil, err
	}
	return out.Services, c.failuresError(op, out.Failures)
}
