package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecsdeck/ecsdeck/model"
)

func toContainerInstance(ci types.ContainerInstance) model.ContainerInstance {
	out := model.ContainerInstance{
		ARN:              str(ci.ContainerInstanceArn),
		EC2InstanceID:    str(ci.Ec2InstanceId),
		Status:           str(ci.Status),
		AgentConnected:   ci.AgentConnected,
		RunningTasks:     int(ci.RunningTasksCount),
		PendingTasks:     int(ci.PendingTasksCount),
		CapacityProvider: str(ci.CapacityProviderName),
		RegisteredAt:     tm(ci.RegisteredAt),
	}
	if ci.VersionInfo != nil {
		out.AgentVersion = str(ci.VersionInfo.AgentVersion)
	}
	out.RegisteredCPU, out.RegisteredMemory = cpuAndMemory(ci.RegisteredResources)
	out.RemainingCPU, out.RemainingMemory = cpuAndMemory(ci.RemainingResources)
	// The instance type and zone are attributes the agent reports.
	for _, a := range ci.Attributes {
		switch str(a.Name) {
		case "ecs.instance-type":
			out.InstanceType = str(a.Value)
		case "ecs.availability-zone":
			out.AvailabilityZone = str(a.Value)
		}
	}
	return out
}

func cpuAndMemory(rs []types.Resource) (cpu, memory int) {
	for _, r := range rs {
		switch str(r.Name) {
		case "CPU":
			cpu = int(r.IntegerValue)
		case "MEMORY":
			memory = int(r.IntegerValue)
		}
	}
	return cpu, memory
}
