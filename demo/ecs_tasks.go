package demo

import (
	"slices"

	"github.com/ecsdeck/ecsdeck/demo/sim"
	"github.com/ecsdeck/ecsdeck/model"
)

func init() {
	register(ecsAPI, "ListTasks", listTasks)
	register(ecsAPI, "DescribeTasks", describeTasks)
	register(ecsAPI, "StopTask", stopTask)
}

type listTasksInput struct {
	listInput
	Cluster           string `json:"cluster"`
	ContainerInstance string `json:"containerInstance"`
	Family            string `json:"family"`
	StartedBy         string `json:"startedBy"`
	ServiceName       string `json:"serviceName"`
	DesiredStatus     string `json:"desiredStatus"`
	LaunchType        string `json:"launchType"`
}

type listTasksOutput struct {
	TaskArns  []string `json:"taskArns"`
	NextToken string   `json:"nextToken,omitempty"`
}

func listTasks(b *backend, in listTasksInput) (listTasksOutput, error) {
	filter := sim.TaskFilter{
		ServiceName:       in.ServiceName,
		Family:            in.Family,
		DesiredStatus:     in.DesiredStatus,
		StartedBy:         in.StartedBy,
		ContainerInstance: in.ContainerInstance,
		LaunchType:        in.LaunchType,
	}
	page, next, err := simPage("ListTasks", in.listInput, 100, func(after string, limit int) ([]string, bool, error) {
		return b.sim.TaskARNPage(clusterOf(in.Cluster), filter, after, limit)
	})
	return listTasksOutput{page, next}, err
}

type describeTasksInput struct {
	Cluster string   `json:"cluster"`
	Tasks   []string `json:"tasks"`
	Include []string `json:"include"`
}

type describeTasksOutput struct {
	Tasks    []wireTask `json:"tasks"`
	Failures []failure  `json:"failures"`
}

func describeTasks(b *backend, in describeTasksInput) (describeTasksOutput, error) {
	withTags := slices.Contains(in.Include, "TAGS")
	tasks, failures, err := describeBatch(b, clusterOf(in.Cluster), in.Tasks, 100, "taskIds", "task",
		b.sim.Tasks, func(t model.Task) wireTask { return b.wireTask(t, withTags) })
	return describeTasksOutput{tasks, failures}, err
}

type stopTaskInput struct {
	Cluster string `json:"cluster"`
	Task    string `json:"task"`
	Reason  string `json:"reason"`
}

type stopTaskOutput struct {
	Task wireTask `json:"task"`
}

func stopTask(b *backend, in stopTaskInput) (stopTaskOutput, error) {
	if err := required("task", in.Task); err != nil {
		return stopTaskOutput{}, err
	}
	t, err := b.sim.StopTask(clusterOf(in.Cluster), in.Task, in.Reason)
	if err != nil {
		return stopTaskOutput{}, err
	}
	return stopTaskOutput{b.wireTask(t, false)}, nil
}

type wireTask struct {
	Attachments          []attachment    `json:"attachments"`
	AvailabilityZone     string          `json:"availabilityZone,omitempty"`
	CapacityProviderName string          `json:"capacityProviderName,omitempty"`
	ClusterArn           string          `json:"clusterArn"`
	ContainerInstanceArn string          `json:"containerInstanceArn,omitempty"`
	Containers           []wireContainer `json:"containers"`
	CPU                  string          `json:"cpu,omitempty"`
	CreatedAt            epochSeconds    `json:"createdAt,omitzero"`
	DesiredStatus        string          `json:"desiredStatus"`
	EnableExecuteCommand bool            `json:"enableExecuteCommand"`
	Group                string          `json:"group,omitempty"`
	HealthStatus         string          `json:"healthStatus,omitempty"`
	LastStatus           string          `json:"lastStatus"`
	LaunchType           string          `json:"launchType,omitempty"`
	Memory               string          `json:"memory,omitempty"`
	PlatformVersion      string          `json:"platformVersion,omitempty"`
	PullStartedAt        epochSeconds    `json:"pullStartedAt,omitzero"`
	PullStoppedAt        epochSeconds    `json:"pullStoppedAt,omitzero"`
	StartedAt            epochSeconds    `json:"startedAt,omitzero"`
	StartedBy            string          `json:"startedBy,omitempty"`
	StopCode             string          `json:"stopCode,omitempty"`
	StoppedAt            epochSeconds    `json:"stoppedAt,omitzero"`
	StoppedReason        string          `json:"stoppedReason,omitempty"`
	StoppingAt           epochSeconds    `json:"stoppingAt,omitzero"`
	Tags                 []tag           `json:"tags,omitzero"`
	TaskArn              string          `json:"taskArn"`
	TaskDefinitionArn    string          `json:"taskDefinitionArn"`
	Version              int64           `json:"version"`
}

type wireContainer struct {
	ContainerArn      string             `json:"containerArn"`
	TaskArn           string             `json:"taskArn"`
	Name              string             `json:"name"`
	Image             string             `json:"image"`
	ImageDigest       string             `json:"imageDigest,omitempty"`
	RuntimeID         string             `json:"runtimeId,omitempty"`
	LastStatus        string             `json:"lastStatus"`
	ExitCode          *int               `json:"exitCode,omitempty"`
	Reason            string             `json:"reason,omitempty"`
	NetworkBindings   []networkBinding   `json:"networkBindings"`
	NetworkInterfaces []networkInterface `json:"networkInterfaces"`
	HealthStatus      string             `json:"healthStatus,omitempty"`
	ManagedAgents     []managedAgent     `json:"managedAgents,omitempty"`
	CPU               string             `json:"cpu,omitempty"`
	Memory            string             `json:"memory,omitempty"`
	MemoryReservation string             `json:"memoryReservation,omitempty"`
}

type networkBinding struct {
	BindIP        string `json:"bindIP,omitempty"`
	ContainerPort int    `json:"containerPort"`
	HostPort      int    `json:"hostPort"`
	Protocol      string `json:"protocol,omitempty"`
}

type networkInterface struct {
	AttachmentID       string `json:"attachmentId"`
	PrivateIpv4Address string `json:"privateIpv4Address,omitempty"`
}

type managedAgent struct {
	Name       string `json:"name"`
	LastStatus string `json:"lastStatus,omitempty"`
	Reason     string `json:"reason,omitempty"`
}

func (b *backend) wireTask(t model.Task, withTags bool) wireTask {
	w := wireTask{
		Attachments:          []attachment{},
		AvailabilityZone:     t.AvailabilityZone,
		CapacityProviderName: t.CapacityProvider,
		ClusterArn:           t.ClusterARN,
		ContainerInstanceArn: t.ContainerInstanceARN,
		Containers:           make([]wireContainer, 0, len(t.Containers)),
		CPU:                  t.CPU,
		CreatedAt:            epochSeconds(t.CreatedAt),
		DesiredStatus:        t.DesiredStatus,
		EnableExecuteCommand: t.EnableExecuteCommand,
		Group:                t.Group,
		HealthStatus:         t.HealthStatus,
		LastStatus:           t.LastStatus,
		LaunchType:           t.LaunchType,
		Memory:               t.Memory,
		PlatformVersion:      t.PlatformVersion,
		PullStartedAt:        epochSeconds(t.PullStartedAt),
		PullStoppedAt:        epochSeconds(t.PullStoppedAt),
		StartedAt:            epochSeconds(t.StartedAt),
		StartedBy:            t.StartedBy,
		StopCode:             t.StopCode,
		StoppedAt:            epochSeconds(t.StoppedAt),
		StoppedReason:        t.StoppedReason,
		StoppingAt:           epochSeconds(t.StoppingAt),
		TaskArn:              t.ARN,
		TaskDefinitionArn:    t.TaskDefinitionARN,
		Version:              t.Version,
	}
	var interfaces []networkInterface
	if b.networkMode(t.TaskDefinitionARN) == "awsvpc" {
		eni := b.eniAttachment(t.ARN, t.AvailabilityZone, t.LastStatus, t.PrivateIP)
		w.Attachments = append(w.Attachments, eni)
		interfaces = append(interfaces, networkInterface{eni.ID, t.PrivateIP})
	}
	for _, c := range t.Containers {
		wc := wireContainer{
			ContainerArn:      c.ARN,
			TaskArn:           t.ARN,
			Name:              c.Name,
			Image:             c.Image,
			ImageDigest:       c.ImageDigest,
			RuntimeID:         c.RuntimeID,
			LastStatus:        c.LastStatus,
			ExitCode:          c.ExitCode,
			Reason:            c.Reason,
			NetworkBindings:   make([]networkBinding, 0, len(c.NetworkBindings)),
			NetworkInterfaces: append([]networkInterface{}, interfaces...),
			HealthStatus:      c.HealthStatus,
			CPU:               c.CPU,
			Memory:            c.Memory,
			MemoryReservation: c.MemoryReservation,
		}
		for _, nb := range c.NetworkBindings {
			wc.NetworkBindings = append(wc.NetworkBindings, networkBinding{nb.BindIP, nb.ContainerPort, nb.HostPort, nb.Protocol})
		}
		for _, a := range c.ManagedAgents {
			wc.ManagedAgents = append(wc.ManagedAgents, managedAgent{a.Name, a.LastStatus, a.Reason})
		}
		w.Containers = append(w.Containers, wc)
	}
	if withTags {
		w.Tags = tagList(t.Tags)
	}
	return w
}
