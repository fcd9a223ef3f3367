package aws

import (
	"context"
	"strings"
)

// Kind names what Describe describes.
type Kind string

const (
	KindCluster           Kind = "cluster"
	KindService           Kind = "service"
	KindTask              Kind = "task"
	KindContainer         Kind = "container"
	KindContainerInstance Kind = "containerInstance"
	KindTaskDefinition    Kind = "taskDefinition"
)

// Describe re-describes one resource and returns it as AWS returns it, as
// indented JSON, for the `d` view. For KindContainer ref is
// "<taskARN>/<containerName>"; cluster is ignored for clusters and task
// definitions.
func (c *Client) Describe(ctx context.Context, kind Kind, cluster, ref string) (string, error) {
	v, err := c.describeKind(ctx, kind, cluster, ref)
	if err != nil {
		return "", err
	}
	out, err := awsJSON(v)
	if err != nil {
		return "", &Error{Kind: KindUnknown, Op: "describe " + string(kind), Message: err.Error(), Err: err}
	}
	return out, nil
}

// describeKind is the SDK value Describe renders.
func (c *Client) describeKind(ctx context.Context, kind Kind, cluster, ref string) (any, error) {
	switch kind {
	case KindCluster:
		return describeOne(ctx, c, "ecs:DescribeClusters", "", "cluster", ref, c.describeClusters)
	case KindService:
		return describeOne(ctx, c, "ecs:DescribeServices", cluster, "service", ref, c.describeServices)
	case KindTask:
		return describeOne(ctx, c, "ecs:DescribeTasks", cluster, "task", ref, c.describeTasks)
	case KindContainer:
		return c.describeContainer(ctx, cluster, ref)
	case KindContainerInstance:
		return describeOne(ctx, c, "ecs:DescribeContainerInstances", cluster, "container instance", ref, c.describeContainerInstances)
	case KindTaskDefinition:
		return c.describeTaskDefinition(ctx, ref)
	}
	return nil, &Error{Kind: KindInvalid, Op: "describe", Code: "UnknownKind", Message: "cannot describe a " + string(kind)}
}

// describeContainer finds a container, "<taskARN>/<containerName>", in
// its task.
func (c *Client) describeContainer(ctx context.Context, cluster, ref string) (any, error) {
	i := strings.LastIndexByte(ref, '/')
	if i <= 0 {
		return nil, &Error{Kind: KindInvalid, Op: "describe container", Code: "InvalidReference",
			Message: "want <taskARN>/<containerName>, got " + ref}
	}
	taskRef, name := ref[:i], ref[i+1:]
	task, err := describeOne(ctx, c, "ecs:DescribeTasks", cluster, "task", taskRef, c.describeTasks)
	if err != nil {
		return nil, err
	}
	for _, ct := range task.Containers {
		if str(ct.Name) == name {
			return ct, nil
		}
	}
	return nil, c.notFound("ecs:DescribeTasks", "container "+name+" of task "+taskRef)
}
