package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecsdeck/ecsdeck/model"
)

// TaskQuery narrows Tasks. DesiredStatus "" means RUNNING; "ALL" lists
// RUNNING then STOPPED tasks.
type TaskQuery struct {
	Service, Family string
	DesiredStatus   string
}

// Tasks lists the tasks of a cluster (optionally of one service or family)
// and describes them a hundred at a time. Listing a whole cluster once and
// grouping by Task.Group costs far fewer calls than listing per service.
func (c *Client) Tasks(ctx context.Context, cluster string, q TaskQuery) ([]model.Task, error) {
	statuses := []types.DesiredStatus{types.DesiredStatusRunning}
	switch q.DesiredStatus {
	case "":
	case "ALL":
		statuses = append(statuses, types.DesiredStatusStopped)
	default:
		statuses = []types.DesiredStatus{types.DesiredStatus(q.DesiredStatus)}
	}
	var arns []string
	seen := map[string]bool{}
	for _, status := range statuses {
		listed, err := c.taskARNs(ctx, cluster, q, status)
		if err != nil {
			return nil, err
		}
		// A task may stop between the two lists and appear in both.
		for _, arn := range listed {
			if !seen[arn] {
				seen[arn] = true
				arns = append(arns, arn)
			}
		}
	}
	return c.DescribeTasks(ctx, cluster, arns)
}

func (c *Client) taskARNs(ctx context.Context, cluster string, q TaskQuery, status types.DesiredStatus) ([]string, error) {
	in := &ecs.ListTasksInput{Cluster: aws.String(cluster), DesiredStatus: status, MaxResults: aws.Int32(100),
		ServiceName: optional(q.Service), Family: optional(q.Family)}
	p := ecs.NewListTasksPaginator(c.ecs, in)
	return listAll(ctx, c, "ecs:ListTasks", p, func(o *ecs.ListTasksOutput) ([]string, *string) { return o.TaskArns, o.NextToken })
}

// DescribeTasks describes tasks by ARN or ID, a hundred per call, in the
// order asked. Tasks that no longer exist are left out.
func (c *Client) DescribeTasks(ctx context.Context, cluster string, refs []string) ([]model.Task, error) {
	return describeInBatches(ctx, c, cluster, refs, describeTasksLimit, c.describeTasks, toTask,
		func(t model.Task) string { return t.ARN })
}

func (c *Client) describeTasks(ctx context.Context, cluster string, refs []string) ([]types.Task, error) {
	const op = "ecs:DescribeTasks"
	out, err := send(ctx, c, op, c.ecs.DescribeTasks, &ecs.DescribeTasksInput{
		Cluster: aws.String(cluster), Tasks: refs, Include: []types.TaskField{types.TaskFieldTags}})
	if err != nil {
		return nil, err
	}
	return out.Tasks, c.failuresError(op, out.Failures)
}
