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
	v, err := c.describeOne(ctx, kind, cluster, ref)
	if err != nil {
		return "", err
	}
	out, err := awsJSON(v)
	if err != nil {
		return "", &Error{Kind: KindUnknown, Op: "describe " + string(kind), Message: err.Error(), Err: err}
	}
	return out, nil
}

func (c *Client) describeOne(ctx context.Context, kind Kind, cluster, ref string) (any, error) {
	switch kind {
	case KindCluster:
		out, err := c.describeClustersRaw(ctx, []string{ref})
		if err != nil {
			return nil, err
		}
		if len(out.Clusters) == 0 {
			return nil, c.missingError("ecs:DescribeClusters", "cluster "+ref, out.Failures)
		}
		return out.Clusters[0], nil
	case KindService:
		out, err := c.describeServicesRaw(ctx, cluster, []string{ref})
		if err != nil {
			return nil, err
		}
		if len(out.Services) == 0 {
			return nil, c.missingError("ecs:DescribeServices", "service "+ref, out.Failures)
		}
		return out.Services[0], nil
	case KindTask, KindContainer:
		taskRef, name := ref, ""
		if kind == KindContainer {
			i := strings.LastIndexByte(ref, '/')
			if i <= 0 {
				return nil, &Error{Kind: KindInvalid, Op: "describe container", Code: "InvalidReference",
					Message: "want <taskARN>/<containerName>, got " + ref}
			}
			taskRef, name = ref[:i], ref[i+1:]
		}
		out, err := c.describeTasksRaw(ctx, cluster, []string{taskRef})
		if err != nil {
			return nil, err
		}
		if len(out.Tasks) == 0 {
			return nil, c.missingError("ecs:DescribeTasks", "task "+taskRef, out.Failures)
		}
		if kind == KindTask {
			return out.Tasks[0], nil
		}
		for _, ct := range out.Tasks[0].Containers {
			if str(ct.Name) == name {
				return ct, nil
			}
		}
		return nil, c.missingError("ecs:DescribeTasks", "container "+name+" of task "+taskRef, nil)
	case KindContainerInstance:
		out, err := c.describeContainerInstancesRaw(ctx, cluster, []string{ref})
		if err != nil {
			return nil, err
		}
		if len(out.ContainerInstances) == 0 {
			return nil, c.missingError("ecs:DescribeContainerInstances", "container instance "+ref, out.Failures)
		}
		return out.ContainerInstances[0], nil
	case KindTaskDefinition:
		out, err := c.describeTaskDefinitionRaw(ctx, ref)
		if err != nil {
			return nil, err
		}
		return out.TaskDefinition, nil
	}
	return nil, &Error{Kind: KindInvalid, Op: "describe", Code: "UnknownKind", Message: "cannot describe a " + string(kind)}
}
