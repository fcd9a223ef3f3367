package aws

import (
	"context"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecsdeck/ecsdeck/model"
)

// TaskDefinition describes a task definition by ARN or family:revision,
// from the cache when it was seen before. A bare family (latest ACTIVE
// revision) can change, so it is always fetched.
func (c *Client) TaskDefinition(ctx context.Context, ref string) (model.TaskDefinition, error) {
	fetch := func() (model.TaskDefinition, error) {
		td, err := c.describeTaskDefinition(ctx, ref)
		if err != nil {
			return model.TaskDefinition{}, err
		}
		return toTaskDefinition(td), nil
	}
	if !hasRevision(ref) {
		return fetch()
	}
	td, err := c.taskDef.get(ctx, ref, fetch)
	if err != nil {
		return model.TaskDefinition{}, c.fail("ecs:DescribeTaskDefinition", err)
	}
	return td, nil
}

// hasRevision reports whether ref names one revision ("family:3" or an ARN
// ending in ":3").
func hasRevision(ref string) bool {
	i := strings.LastIndexByte(ref, ':')
	if i < 0 {
		return false
	}
	_, err := strconv.Atoi(ref[i+1:])
	return err == nil
}

func (c *Client) describeTaskDefinition(ctx context.Context, ref string) (types.TaskDefinition, error) {
	const op = "ecs:DescribeTaskDefinition"
	out, err := send(ctx, c, op, c.ecs.DescribeTaskDefinition, &ecs.DescribeTaskDefinitionInput{
		TaskDefinition: aws.String(ref), Include: []types.TaskDefinitionField{types.TaskDefinitionFieldTags}})
	if err == nil && out.TaskDefinition == nil {
		err = c.notFound(op, "task definition "+ref)
	}
	if err != nil {
		return types.TaskDefinition{}, err
	}
	return *out.TaskDefinition, nil
}

// TaskDefinitionARNs lists the ACTIVE revisions of one family ("" = of
// every family), by family and then revision. Despite its name, AWS's
// familyPrefix parameter takes a whole family name, not a prefix.
func (c *Client) TaskDefinitionARNs(ctx context.Context, family string) ([]string, error) {
	in := &ecs.ListTaskDefinitionsInput{MaxResults: aws.Int32(100), FamilyPrefix: optional(family)}
	p := ecs.NewListTaskDefinitionsPaginator(c.ecs, in)
	return listAll(ctx, c, "ecs:ListTaskDefinitions", p, func(o *ecs.ListTaskDefinitionsOutput) ([]string, *string) {
		return o.TaskDefinitionArns, o.NextToken
	})
}
