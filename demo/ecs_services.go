package demo

import (
	"slices"

	"github.com/ecsdeck/ecsdeck/demo/sim"
	"github.com/ecsdeck/ecsdeck/model"
)

func init() {
	register(ecsAPI, "ListServices", listServices)
	register(ecsAPI, "DescribeServices", describeServices)
	register(ecsAPI, "UpdateService", updateService)
}

type listServicesInput struct {
	listInput
	Cluster    string `json:"cluster"`
	LaunchType string `json:"launchType"`
}

type listServicesOutput struct {
	ServiceArns []string `json:"serviceArns"`
	NextToken   string   `json:"nextToken,omitempty"`
}

// listServices pages 10 services at a time unless asked for up to 100, as AWS does.
func listServices(b *backend, in listServicesInput) (listServicesOutput, error) {
	page, next, err := simPage("ListServices", in.listInput, 10, func(after string, limit int) ([]string, bool, error) {
		return b.sim.ServiceARNPage(clusterOf(in.Cluster), in.LaunchType, after, limit)
	})
	return listServicesOutput{page, next}, err
}

type describeServicesInput struct {
	Cluster  string   `json:"cluster"`
	Services []string `json:"services"`
	Include  []string `json:"include"`
}

type describeServicesOutput struct {
	Services []wireService `json:"services"`
	Failures []failure     `json:"failures"`
}

func describeServices(b *backend, in describeServicesInput) (describeServicesOutput, error) {
	withTags := slices.Contains(in.Include, "TAGS")
	services, failures, err := describeBatch(b, clusterOf(in.Cluster), in.Services, 10, "service names", "service",
		b.sim.Services, func(s model.Service) wireService { return b.wireService(s, withTags) })
	return describeServicesOutput{services, failures}, err
}

type updateServiceInput struct {
	Cluster            string `json:"cluster"`
	Service            string `json:"service"`
	DesiredCount       *int   `json:"desiredCount"`
	ForceNewDeployment bool   `json:"forceNewDeployment"`
	TaskDefinition     string `json:"taskDefinition"`
}

type updateServiceOutput struct {
	Service wireService `json:"service"`
}

func updateService(b *backend, in updateServiceInput) (updateServiceOutput, error) {
	if err := required("service", in.Service); err != nil {
		return updateServiceOutput{}, err
	}
	if in.DesiredCount != nil && *in.DesiredCount < 0 {
		return updateServiceOutput{}, invalidParameter("Desired count must be greater than or equal to 0.")
	}
	s, err := b.sim.UpdateService(clusterOf(in.Cluster), in.Service, sim.ServiceUpdate{
		DesiredCount:       in.DesiredCount,
		ForceNewDeployment: in.ForceNewDeployment,
		TaskDefinition:     in.TaskDefinition,
	})
	if err != nil {
		return updateServiceOutput{}, err
	}
	return updateServiceOutput{b.wireService(s, false)}, nil
}

type wireService struct {
	ServiceArn               string                  `json:"serviceArn"`
	ServiceName              string                  `json:"serviceName"`
	ClusterArn               string                  `json:"clusterArn"`
	Status                   string                  `json:"status"`
	DesiredCount             int                     `json:"desiredCount"`
	RunningCount             int                     `json:"runningCount"`
	PendingCount             int                     `json:"pendingCount"`
	LaunchType               string                  `json:"launchType,omitempty"`
	CapacityProviderStrategy []capacityProviderItem  `json:"capacityProviderStrategy,omitempty"`
	PlatformVersion          string                  `json:"platformVersion,omitempty"`
	TaskDefinition           string                  `json:"taskDefinition"`
	DeploymentConfiguration  deploymentConfiguration `json:"deploymentConfiguration"`
	Deployments              []wireDeployment        `json:"deployments"`
	Events                   []wireServiceEvent      `json:"events"`
	CreatedAt                epochSeconds            `json:"createdAt,omitzero"`
	NetworkConfiguration     *networkConfiguration   `json:"networkConfiguration,omitempty"`
	SchedulingStrategy       string                  `json:"schedulingStrategy"`
	DeploymentController     deploymentController    `json:"deploymentController"`
	EnableExecuteCommand     bool                    `json:"enableExecuteCommand"`
	Tags                     []tag                   `json:"tags,omitzero"`
}

type deploymentController struct {
	Type string `json:"type"`
}

type capacityProviderItem struct {
	CapacityProvider string `json:"capacityProvider"`
	Weight           int    `json:"weight"`
	Base             int    `json:"base"`
}

type deploymentConfiguration struct {
	DeploymentCircuitBreaker circuitBreaker `json:"deploymentCircuitBreaker"`
	MaximumPercent           int            `json:"maximumPercent"`
	MinimumHealthyPercent    int            `json:"minimumHealthyPercent"`
	Strategy                 string         `json:"strategy"`
}

type circuitBreaker struct {
	Enable   bool `json:"enable"`
	Rollback bool `json:"rollback"`
}

type wireDeployment struct {
	ID                       string                 `json:"id"`
	Status                   string                 `json:"status"`
	TaskDefinition           string                 `json:"taskDefinition"`
	DesiredCount             int                    `json:"desiredCount"`
	PendingCount             int                    `json:"pendingCount"`
	RunningCount             int                    `json:"runningCount"`
	FailedTasks              int                    `json:"failedTasks"`
	CreatedAt                epochSeconds           `json:"createdAt,omitzero"`
	UpdatedAt                epochSeconds           `json:"updatedAt,omitzero"`
	CapacityProviderStrategy []capacityProviderItem `json:"capacityProviderStrategy,omitempty"`
	LaunchType               string                 `json:"launchType,omitempty"`
	PlatformVersion          string                 `json:"platformVersion,omitempty"`
	NetworkConfiguration     *networkConfiguration  `json:"networkConfiguration,omitempty"`
	RolloutState             string                 `json:"rolloutState,omitempty"`
	RolloutStateReason       string                 `json:"rolloutStateReason,omitempty"`
}

type wireServiceEvent struct {
	ID        string       `json:"id"`
	CreatedAt epochSeconds `json:"createdAt,omitzero"`
	Message   string       `json:"message"`
}

func (b *backend) wireService(s model.Service, withTags bool) wireService {
	strategy := capacityProviderStrategy(s.CapacityProviders)
	var network *networkConfiguration
	if b.networkMode(s.TaskDefinition) == "awsvpc" {
		network = b.serviceNetwork(s.ARN)
	}
	platform := platformVersion(sim.ServiceLaunchType(s))
	w := wireService{
		ServiceArn:               s.ARN,
		ServiceName:              s.Name,
		ClusterArn:               s.ClusterARN,
		Status:                   s.Status,
		DesiredCount:             s.Desired,
		RunningCount:             s.Running,
		PendingCount:             s.Pending,
		LaunchType:               s.LaunchType,
		CapacityProviderStrategy: strategy,
		PlatformVersion:          platform,
		TaskDefinition:           s.TaskDefinition,
		DeploymentConfiguration: deploymentConfiguration{
			DeploymentCircuitBreaker: circuitBreaker{s.CircuitBreaker, s.Rollback},
			MaximumPercent:           s.MaxPercent,
			MinimumHealthyPercent:    s.MinHealthyPercent,
			Strategy:                 "ROLLING",
		},
		Deployments:          make([]wireDeployment, 0, len(s.Deployments)),
		Events:               make([]wireServiceEvent, 0, len(s.Events)),
		CreatedAt:            epochSeconds(s.CreatedAt),
		NetworkConfiguration: network,
		SchedulingStrategy:   s.SchedulingStrategy,
		DeploymentController: deploymentController{"ECS"},
		EnableExecuteCommand: s.ExecEnabled,
	}
	for _, d := range s.Deployments {
		w.Deployments = append(w.Deployments, wireDeployment{
			ID:                       d.ID,
			Status:                   d.Status,
			TaskDefinition:           d.TaskDefinition,
			DesiredCount:             d.Desired,
			PendingCount:             d.Pending,
			RunningCount:             d.Running,
			FailedTasks:              d.Failed,
			CreatedAt:                epochSeconds(d.CreatedAt),
			UpdatedAt:                epochSeconds(d.UpdatedAt),
			CapacityProviderStrategy: strategy,
			LaunchType:               d.LaunchType,
			PlatformVersion:          platform,
			NetworkConfiguration:     network,
			RolloutState:             d.RolloutState,
			RolloutStateReason:       d.RolloutStateReason,
		})
	}
	for _, e := range s.Events {
		w.Events = append(w.Events, wireServiceEvent{e.ID, epochSeconds(e.CreatedAt), e.Message})
	}
	if withTags {
		w.Tags = tagList(s.Tags)
	}
	return w
}

// capacityProviderStrategy spreads tasks evenly over the providers the
// model names (it keeps no weights or bases).
func capacityProviderStrategy(providers []string) []capacityProviderItem {
	var out []capacityProviderItem
	for _, p := range providers {
		out = append(out, capacityProviderItem{CapacityProvider: p, Weight: 1})
	}
	return out
}

// platformVersion is what ECS reports for a service's platform: Fargate
// services follow LATEST, other launch types have none.
func platformVersion(launchType string) string {
	if launchType == "FARGATE" {
		return "LATEST"
	}
	return ""
}

// networkMode is the network mode of a task definition, "" when unknown.
func (b *backend) networkMode(taskDefinition string) string {
	td, err := b.sim.TaskDefinition(taskDefinition)
	if err != nil {
		return ""
	}
	return td.NetworkMode
}
