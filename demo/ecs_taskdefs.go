package demo

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/ecsdeck/ecsdeck/model"
)

func init() {
	register(ecsAPI, "DescribeTaskDefinition", describeTaskDefinition)
	register(ecsAPI, "ListTaskDefinitions", listTaskDefinitions)
}

type describeTaskDefinitionInput struct {
	TaskDefinition string   `json:"taskDefinition"`
	Include        []string `json:"include"`
}

type describeTaskDefinitionOutput struct {
	TaskDefinition wireTaskDefinition `json:"taskDefinition"`
	Tags           []tag              `json:"tags,omitzero"`
}

// describeTaskDefinition accepts an ARN, "family:revision" or a family
// (its latest ACTIVE revision). The model keeps no task definition tags,
// so include=TAGS answers an empty list.
func describeTaskDefinition(b *backend, in describeTaskDefinitionInput) (describeTaskDefinitionOutput, error) {
	if err := required("taskDefinition", in.TaskDefinition); err != nil {
		return describeTaskDefinitionOutput{}, err
	}
	td, err := b.sim.TaskDefinition(in.TaskDefinition)
	if err != nil {
		return describeTaskDefinitionOutput{}, err
	}
	out := describeTaskDefinitionOutput{TaskDefinition: wireTaskDef(td)}
	if slices.Contains(in.Include, "TAGS") {
		out.Tags = []tag{}
	}
	return out, nil
}

type listTaskDefinitionsInput struct {
	listInput
	FamilyPrefix string `json:"familyPrefix"`
	Status       string `json:"status"`
	Sort         string `json:"sort"`
}

type listTaskDefinitionsOutput struct {
	TaskDefinitionArns []string `json:"taskDefinitionArns"`
	NextToken          string   `json:"nextToken,omitempty"`
}

// listTaskDefinitions orders by family, then revision (numerically), as
// AWS does; sort=DESC reverses it.
func listTaskDefinitions(b *backend, in listTaskDefinitionsInput) (listTaskDefinitionsOutput, error) {
	limit, err := pageSize("maxResults", in.MaxResults, 100, 100)
	if err != nil {
		return listTaskDefinitionsOutput{}, err
	}
	arns := b.sim.TaskDefinitionARNs(in.FamilyPrefix, in.Status)
	page, next, err := pageOf("ListTaskDefinitions", arns, taskDefinitionKey, in.Sort == "DESC", in.NextToken, limit)
	return listTaskDefinitionsOutput{page, next}, err
}

// taskDefinitionKey sorts ".../family:revision" by family, then by revision.
func taskDefinitionKey(arn string) string {
	family, revision, _ := strings.Cut(nameOf(arn), ":")
	n, _ := strconv.Atoi(revision)
	return fmt.Sprintf("%s\x00%010d", family, n)
}

type wireTaskDefinition struct {
	TaskDefinitionArn       string                    `json:"taskDefinitionArn"`
	ContainerDefinitions    []wireContainerDefinition `json:"containerDefinitions"`
	Family                  string                    `json:"family"`
	TaskRoleArn             string                    `json:"taskRoleArn,omitempty"`
	ExecutionRoleArn        string                    `json:"executionRoleArn,omitempty"`
	NetworkMode             string                    `json:"networkMode,omitempty"`
	Revision                int                       `json:"revision"`
	Status                  string                    `json:"status"`
	Compatibilities         []string                  `json:"compatibilities"`
	RequiresCompatibilities []string                  `json:"requiresCompatibilities,omitempty"`
	CPU                     string                    `json:"cpu,omitempty"`
	Memory                  string                    `json:"memory,omitempty"`
	RegisteredAt            epochSeconds              `json:"registeredAt,omitzero"`
}

type wireContainerDefinition struct {
	Name                  string                 `json:"name"`
	Image                 string                 `json:"image"`
	CPU                   int                    `json:"cpu"`
	Memory                int                    `json:"memory,omitempty"`
	MemoryReservation     int                    `json:"memoryReservation,omitempty"`
	PortMappings          []wirePortMapping      `json:"portMappings"`
	Essential             bool                   `json:"essential"`
	EntryPoint            []string               `json:"entryPoint,omitempty"`
	Command               []string               `json:"command,omitempty"`
	Environment           []nameValue            `json:"environment"`
	Secrets               []wireSecret           `json:"secrets,omitempty"`
	DependsOn             []wireDependency       `json:"dependsOn,omitempty"`
	LogConfiguration      *wireLogConfiguration  `json:"logConfiguration,omitempty"`
	HealthCheck           *wireHealthCheck       `json:"healthCheck,omitempty"`
	FirelensConfiguration *firelensConfiguration `json:"firelensConfiguration,omitempty"`
}

type wirePortMapping struct {
	ContainerPort int    `json:"containerPort"`
	HostPort      int    `json:"hostPort"`
	Protocol      string `json:"protocol,omitempty"`
	Name          string `json:"name,omitempty"`
	AppProtocol   string `json:"appProtocol,omitempty"`
}

type wireSecret struct {
	Name      string `json:"name"`
	ValueFrom string `json:"valueFrom"`
}

type wireDependency struct {
	ContainerName string `json:"containerName"`
	Condition     string `json:"condition"`
}

type wireLogConfiguration struct {
	LogDriver string            `json:"logDriver"`
	Options   map[string]string `json:"options,omitempty"`
}

type wireHealthCheck struct {
	Command     []string `json:"command"`
	Interval    int      `json:"interval"`
	Timeout     int      `json:"timeout"`
	Retries     int      `json:"retries"`
	StartPeriod int      `json:"startPeriod,omitempty"`
}

type firelensConfiguration struct {
	Type string `json:"type"`
}

func wireTaskDef(td model.TaskDefinition) wireTaskDefinition {
	w := wireTaskDefinition{
		TaskDefinitionArn:       td.ARN,
		ContainerDefinitions:    make([]wireContainerDefinition, 0, len(td.Containers)),
		Family:                  td.Family,
		TaskRoleArn:             td.TaskRoleARN,
		ExecutionRoleArn:        td.ExecutionRoleARN,
		NetworkMode:             td.NetworkMode,
		Revision:                td.Revision,
		Status:                  td.Status,
		Compatibilities:         compatibilities(td),
		RequiresCompatibilities: td.RequiresCompatibilities,
		CPU:                     td.CPU,
		Memory:                  td.Memory,
		RegisteredAt:            epochSeconds(td.RegisteredAt),
	}
	for _, c := range td.Containers {
		w.ContainerDefinitions = append(w.ContainerDefinitions, wireContainerDef(c))
	}
	return w
}

// compatibilities are the launch types a task definition can run on: EC2
// always, and Fargate too when it uses awsvpc networking, which Fargate needs.
func compatibilities(td model.TaskDefinition) []string {
	if td.NetworkMode == "awsvpc" {
		return []string{"EC2", "FARGATE"}
	}
	return []string{"EC2"}
}

func wireContainerDef(c model.ContainerDefinition) wireContainerDefinition {
	w := wireContainerDefinition{
		Name:              c.Name,
		Image:             c.Image,
		CPU:               c.CPU,
		Memory:            c.Memory,
		MemoryReservation: c.MemoryReservation,
		PortMappings:      make([]wirePortMapping, 0, len(c.PortMappings)),
		Essential:         c.Essential,
		EntryPoint:        c.EntryPoint,
		Command:           c.Command,
		Environment:       make([]nameValue, 0, len(c.Environment)),
	}
	for _, p := range c.PortMappings {
		w.PortMappings = append(w.PortMappings, wirePortMapping{p.ContainerPort, p.HostPort, p.Protocol, p.Name, p.AppProtocol})
	}
	for _, k := range slices.Sorted(maps.Keys(c.Environment)) {
		w.Environment = append(w.Environment, nameValue{k, c.Environment[k]})
	}
	for _, s := range c.Secrets {
		w.Secrets = append(w.Secrets, wireSecret{s.Name, s.ValueFrom})
	}
	for _, d := range c.DependsOn {
		w.DependsOn = append(w.DependsOn, wireDependency{d.ContainerName, d.Condition})
	}
	if lc := c.LogConfiguration; lc != nil {
		w.LogConfiguration = &wireLogConfiguration{lc.Driver, lc.Options}
	}
	if hc := c.HealthCheck; hc != nil {
		w.HealthCheck = &wireHealthCheck{
			Command:     hc.Command,
			Interval:    int(hc.Interval.Seconds()),
			Timeout:     int(hc.Timeout.Seconds()),
			Retries:     hc.Retries,
			StartPeriod: int(hc.StartPeriod.Seconds()),
		}
	}
	if c.FirelensType != "" {
		w.FirelensConfiguration = &firelensConfiguration{c.FirelensType}
	}
	return w
}
