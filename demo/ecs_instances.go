package demo

import (
	"slices"

	"github.com/ecsdeck/ecsdeck/model"
)

func init() {
	register(ecsAPI, "ListContainerInstances", listContainerInstances)
	register(ecsAPI, "DescribeContainerInstances", describeContainerInstances)
}

type listContainerInstancesInput struct {
	listInput
	Cluster string `json:"cluster"`
	Filter  string `json:"filter"`
	Status  string `json:"status"`
}

type listContainerInstancesOutput struct {
	ContainerInstanceArns []string `json:"containerInstanceArns"`
	NextToken             string   `json:"nextToken,omitempty"`
}

func listContainerInstances(b *backend, in listContainerInstancesInput) (listContainerInstancesOutput, error) {
	if in.Filter != "" {
		return listContainerInstancesOutput{}, invalidParameter("The ecsdeck demo endpoint does not support the cluster query language (filter).")
	}
	page, next, err := simPage("ListContainerInstances", in.listInput, 100, func(after string, limit int) ([]string, bool, error) {
		return b.sim.ContainerInstanceARNPage(clusterOf(in.Cluster), in.Status, after, limit)
	})
	return listContainerInstancesOutput{page, next}, err
}

type describeContainerInstancesInput struct {
	Cluster            string   `json:"cluster"`
	ContainerInstances []string `json:"containerInstances"`
	Include            []string `json:"include"`
}

type describeContainerInstancesOutput struct {
	ContainerInstances []wireInstance `json:"containerInstances"`
	Failures           []failure      `json:"failures"`
}

// describeContainerInstances answers include=TAGS with an empty list:
// the model keeps no container instance tags.
func describeContainerInstances(b *backend, in describeContainerInstancesInput) (describeContainerInstancesOutput, error) {
	withTags := slices.Contains(in.Include, "TAGS")
	instances, failures, err := describeBatch(b, clusterOf(in.Cluster), in.ContainerInstances, 100, "containerInstanceIds", "container-instance",
		b.sim.ContainerInstances, func(ci model.ContainerInstance) wireInstance {
			w := wireContainerInstance(ci)
			if withTags {
				w.Tags = []tag{}
			}
			return w
		})
	return describeContainerInstancesOutput{instances, failures}, err
}

type wireInstance struct {
	ContainerInstanceArn string       `json:"containerInstanceArn"`
	Ec2InstanceID        string       `json:"ec2InstanceId"`
	CapacityProviderName string       `json:"capacityProviderName,omitempty"`
	VersionInfo          versionInfo  `json:"versionInfo"`
	RemainingResources   []resource   `json:"remainingResources"`
	RegisteredResources  []resource   `json:"registeredResources"`
	Status               string       `json:"status"`
	AgentConnected       bool         `json:"agentConnected"`
	RunningTasksCount    int          `json:"runningTasksCount"`
	PendingTasksCount    int          `json:"pendingTasksCount"`
	Attributes           []attribute  `json:"attributes"`
	RegisteredAt         epochSeconds `json:"registeredAt,omitzero"`
	Tags                 []tag        `json:"tags,omitzero"`
}

type versionInfo struct {
	AgentVersion string `json:"agentVersion,omitempty"`
}

// resource is one of an instance's resources; CPU (units) and MEMORY
// (MiB) are INTEGER ones.
type resource struct {
	Name         string `json:"name"`
	Type         string `json:"type"`
	IntegerValue int    `json:"integerValue"`
}

type attribute struct {
	Name  string `json:"name"`
	Value string `json:"value,omitempty"`
}

func wireContainerInstance(ci model.ContainerInstance) wireInstance {
	return wireInstance{
		ContainerInstanceArn: ci.ARN,
		Ec2InstanceID:        ci.EC2InstanceID,
		CapacityProviderName: ci.CapacityProvider,
		VersionInfo:          versionInfo{ci.AgentVersion},
		RemainingResources:   []resource{{"CPU", "INTEGER", ci.RemainingCPU}, {"MEMORY", "INTEGER", ci.RemainingMemory}},
		RegisteredResources:  []resource{{"CPU", "INTEGER", ci.RegisteredCPU}, {"MEMORY", "INTEGER", ci.RegisteredMemory}},
		Status:               ci.Status,
		AgentConnected:       ci.AgentConnected,
		RunningTasksCount:    ci.RunningTasks,
		PendingTasksCount:    ci.PendingTasks,
		Attributes: []attribute{
			{"ecs.availability-zone", ci.AvailabilityZone},
			{"ecs.instance-type", ci.InstanceType},
			{"ecs.os-type", "linux"},
			{"ecs.capability.execution-role-awslogs", ""},
			{"ecs.capability.task-eni", ""},
			{"com.amazonaws.ecs.capability.logging-driver.awslogs", ""},
		},
		RegisteredAt: epochSeconds(ci.RegisteredAt),
	}
}
