package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecsdeck/ecsdeck/model"
)

func toTask(t types.Task) model.Task {
	arn := str(t.TaskArn)
	out := model.Task{
		ARN:                  arn,
		ID:                   lastPart(arn),
		ClusterARN:           str(t.ClusterArn),
		TaskDefinitionARN:    str(t.TaskDefinitionArn),
		LastStatus:           str(t.LastStatus),
		DesiredStatus:        str(t.DesiredStatus),
		HealthStatus:         string(t.HealthStatus),
		LaunchType:           string(t.LaunchType),
		CapacityProvider:     str(t.CapacityProviderName),
		AvailabilityZone:     str(t.AvailabilityZone),
		PrivateIP:            privateIP(t),
		CPU:                  str(t.Cpu),
		Memory:               str(t.Memory),
		Group:                str(t.Group),
		StartedBy:            str(t.StartedBy),
		ContainerInstanceARN: str(t.ContainerInstanceArn),
		EnableExecuteCommand: t.EnableExecuteCommand,
		PlatformVersion:      str(t.PlatformVersion),
		Version:              t.Version,
		CreatedAt:            tm(t.CreatedAt),
		PullStartedAt:        tm(t.PullStartedAt),
		PullStoppedAt:        tm(t.PullStoppedAt),
		StartedAt:            tm(t.StartedAt),
		StoppingAt:           tm(t.StoppingAt),
		StoppedAt:            tm(t.StoppedAt),
		StopCode:             string(t.StopCode),
		StoppedReason:        str(t.StoppedReason),
		Tags:                 tags(t.Tags),
	}
	for _, c := range t.Containers {
		out.Containers = append(out.Containers, toContainer(c))
	}
	return out
}

// privateIP is the task's address: on awsvpc tasks the ENI attachment
// carries it; bridge and host tasks may list it per container.
func privateIP(t types.Task) string {
	for _, a := range t.Attachments {
		if ip := keyValues(a.Details)["privateIPv4Address"]; ip != "" {
			return ip
		}
	}
	for _, c := range t.Containers {
		for _, ni := range c.NetworkInterfaces {
			if ip := str(ni.PrivateIpv4Address); ip != "" {
				return ip
			}
		}
	}
	return ""
}

func toContainer(c types.Container) model.Container {
	out := model.Container{
		Name:              str(c.Name),
		ARN:               str(c.ContainerArn),
		RuntimeID:         str(c.RuntimeId),
		Image:             str(c.Image),
		ImageDigest:       str(c.ImageDigest),
		LastStatus:        str(c.LastStatus),
		HealthStatus:      string(c.HealthStatus),
		Reason:            str(c.Reason),
		CPU:               str(c.Cpu),
		Memory:            str(c.Memory),
		MemoryReservation: str(c.MemoryReservation),
	}
	if c.ExitCode != nil {
		code := int(*c.ExitCode)
		out.ExitCode = &code
	}
	for _, b := range c.NetworkBindings {
		out.NetworkBindings = append(out.NetworkBindings, model.PortBinding{
			ContainerPort: i32(b.ContainerPort),
			HostPort:      i32(b.HostPort),
			Protocol:      string(b.Protocol),
			BindIP:        str(b.BindIP),
		})
	}
	for _, a := range c.ManagedAgents {
		out.ManagedAgents = append(out.ManagedAgents, model.ManagedAgent{
			Name:       string(a.Name),
			LastStatus: str(a.LastStatus),
			Reason:     str(a.Reason),
		})
	}
	return out
}
