package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"

	"github.com/ecsdeck/ecsdeck/model"
)

// ServiceUpdate is what UpdateService changes; zero fields are left alone.
type ServiceUpdate struct {
	DesiredCount       *int
	ForceNewDeployment bool
	TaskDefinition     string
}

// UpdateService scales a service, forces a new deployment, or deploys
// another task definition.
func (c *Client) UpdateService(ctx context.Context, cluster, service string, u ServiceUpdate) (model.Service, error) {
	const op = "ecs:UpdateService"
	if err := c.refuseReadOnly(op); err != nil {
		return model.Service{}, err
	}
	in := &ecs.UpdateServiceInput{Cluster: aws.String(cluster), Service: aws.String(service),
		ForceNewDeployment: u.ForceNewDeployment, TaskDefinition: optional(u.TaskDefinition)}
	if u.DesiredCount != nil {
		in.DesiredCount = aws.Int32(int32(*u.DesiredCount))
	}
	out, err := send(ctx, c, op, c.ecs.UpdateService, in)
	if err != nil || out.Service == nil {
		return model.Service{}, err
	}
	return toService(*out.Service), nil
}

// StopTask stops a task; reason shows in the task's stoppedReason.
func (c *Client) StopTask(ctx context.Context, cluster, task, reason string) (model.Task, error) {
	const op = "ecs:StopTask"
	if err := c.refuseReadOnly(op); err != nil {
		return model.Task{}, err
	}
	in := &ecs.StopTaskInput{Cluster: aws.String(cluster), Task: aws.String(task), Reason: optional(reason)}
	out, err := send(ctx, c, op, c.ecs.StopTask, in)
	if err != nil || out.Task == nil {
		return model.Task{}, err
	}
	return toTask(*out.Task), nil
}

func (c *Client) refuseReadOnly(op string) error {
	if !c.cfg.ReadOnly {
		return nil
	}
	return &Error{Kind: KindReadOnly, Op: op, Code: "ReadOnly", Message: "ecsdeck runs in read-only mode", Profile: c.cfg.Profile}
}
