package demo

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

func TestContainerInstances(t *testing.T) {
	c := startDemo(t, Options{})
	list, err := c.ecs.ListContainerInstances(ctx(t), &ecs.ListContainerInstancesInput{Cluster: aws.String("batch")})
	if err != nil {
		t.Fatal(err)
	}
	want := must(c.srv.Sim().ContainerInstanceARNs("batch", ""))
	if !slices.Equal(list.ContainerInstanceArns, want) || len(want) == 0 {
		t.Fatalf("ListContainerInstances = %v, want %v", list.ContainerInstanceArns, want)
	}
	out, err := c.ecs.DescribeContainerInstances(ctx(t), &ecs.DescribeContainerInstancesInput{Cluster: aws.String("batch"), ContainerInstances: want})
	if err != nil {
		t.Fatal(err)
	}
	models, _, err := c.srv.Sim().ContainerInstances("batch", want)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range out.ContainerInstances {
		m := models[i]
		resources := func(rs []types.Resource) map[string]int {
			out := map[string]int{}
			for _, r := range rs {
				out[*r.Name] = int(r.IntegerValue)
			}
			return out
		}
		attrs := map[string]string{}
		for _, a := range w.Attributes {
			attrs[*a.Name] = aws.ToString(a.Value)
		}
		reg, rem := resources(w.RegisteredResources), resources(w.RemainingResources)
		sameFields(t, "container instance "+m.EC2InstanceID, fields{
			"containerInstanceArn":  {*w.ContainerInstanceArn, m.ARN},
			"ec2InstanceId":         {*w.Ec2InstanceId, m.EC2InstanceID},
			"status":                {*w.Status, m.Status},
			"agentConnected":        {w.AgentConnected, m.AgentConnected},
			"agentVersion":          {aws.ToString(w.VersionInfo.AgentVersion), m.AgentVersion},
			"runningTasksCount":     {int(w.RunningTasksCount), m.RunningTasks},
			"pendingTasksCount":     {int(w.PendingTasksCount), m.PendingTasks},
			"registered CPU":        {reg["CPU"], m.RegisteredCPU},
			"registered MEMORY":     {reg["MEMORY"], m.RegisteredMemory},
			"remaining CPU":         {rem["CPU"], m.RemainingCPU},
			"remaining MEMORY":      {rem["MEMORY"], m.RemainingMemory},
			"ecs.instance-type":     {attrs["ecs.instance-type"], m.InstanceType},
			"ecs.availability-zone": {attrs["ecs.availability-zone"], m.AvailabilityZone},
			"capacityProviderName":  {aws.ToString(w.CapacityProviderName), m.CapacityProvider},
			"registeredAt":          {utc(w.RegisteredAt), wireTime(m.RegisteredAt)},
		})
	}
	if _, err := c.ecs.ListContainerInstances(ctx(t), &ecs.ListContainerInstancesInput{Cluster: aws.String("nope")}); err == nil {
		t.Error("ListContainerInstances in an unknown cluster succeeded")
	}
}
