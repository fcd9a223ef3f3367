package aws

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecsdeck/ecsdeck/model"
)

func toTaskDefinition(td types.TaskDefinition) model.TaskDefinition {
	out := model.TaskDefinition{
		ARN:              str(td.TaskDefinitionArn),
		Family:           str(td.Family),
		Revision:         int(td.Revision),
		Status:           string(td.Status),
		CPU:              str(td.Cpu),
		Memory:           str(td.Memory),
		NetworkMode:      string(td.NetworkMode),
		TaskRoleARN:      str(td.TaskRoleArn),
		ExecutionRoleARN: str(td.ExecutionRoleArn),
		RegisteredAt:     tm(td.RegisteredAt),
	}
	for _, c := range td.RequiresCompatibilities {
		out.RequiresCompatibilities = append(out.RequiresCompatibilities, string(c))
	}
	for _, cd := range td.ContainerDefinitions {
		out.Containers = append(out.Containers, toContainerDefinition(cd))
	}
	return out
}

func toContainerDefinition(cd types.ContainerDefinition) model.ContainerDefinition {
	out := model.ContainerDefinition{
		Name:              str(cd.Name),
		Image:             str(cd.Image),
		Essential:         cd.Essential == nil || *cd.Essential, // ECS defaults essential to true
		CPU:               int(cd.Cpu),
		Memory:            i32(cd.Memory),
		MemoryReservation: i32(cd.MemoryReservation),
		Environment:       keyValues(cd.Environment),
		Command:           cd.Command,
		EntryPoint:        cd.EntryPoint,
	}
	for _, p := range cd.PortMappings {
		out.PortMappings = append(out.PortMappings, model.PortMapping{
			Name:          str(p.Name),
			ContainerPort: i32(p.ContainerPort),
			HostPort:      i32(p.HostPort),
			Protocol:      string(p.Protocol),
			AppProtocol:   string(p.AppProtocol),
		})
	}
	for _, d := range cd.DependsOn {
		out.DependsOn = append(out.DependsOn, model.ContainerDependency{
			ContainerName: str(d.ContainerName), Condition: string(d.Condition)})
	}
	for _, s := range cd.Secrets {
		out.Secrets = append(out.Secrets, model.Secret{Name: str(s.Name), ValueFrom: str(s.ValueFrom)})
	}
	if lc := cd.LogConfiguration; lc != nil {
		out.LogConfiguration = &model.LogConfiguration{Driver: string(lc.LogDriver), Options: lc.Options}
	}
	if fc := cd.FirelensConfiguration; fc != nil {
		out.FirelensType = string(fc.Type)
	}
	if hc := cd.HealthCheck; hc != nil {
		out.HealthCheck = &model.HealthCheck{
			Command:     hc.Command,
			Interval:    seconds(hc.Interval),
			Timeout:     seconds(hc.Timeout),
			Retries:     i32(hc.Retries),
			StartPeriod: seconds(hc.StartPeriod),
		}
	}
	return out
}

func seconds(p *int32) time.Duration { return time.Duration(i32(p)) * time.Second }
