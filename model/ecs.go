package model

import "time"

// Cluster is an ECS cluster with its statistics and settings.
type Cluster struct {
	ARN                string
	Name               string
	Status             string // ACTIVE, PROVISIONING, DEPROVISIONING, FAILED, INACTIVE
	ActiveServices     int
	RunningTasks       int
	PendingTasks       int
	ContainerInstances int
	CapacityProviders  []string
	// ContainerInsights is the containerInsights setting: "enabled",
	// "enhanced", "disabled", or "" when the cluster does not say.
	ContainerInsights string
	Tags              map[string]string
}

// Service is an ECS service and its deployments.
type Service struct {
	ARN                string
	Name               string
	ClusterARN         string
	Status             string // ACTIVE, DRAINING, INACTIVE
	Desired            int
	Running            int
	Pending            int
	LaunchType         string   // FARGATE, EC2, EXTERNAL, or "" with a capacity provider strategy
	CapacityProviders  []string // capacity provider strategy, in order
	SchedulingStrategy string   // REPLICA, DAEMON
	TaskDefinition     string   // ARN of the PRIMARY deployment's task definition
	MinHealthyPercent  int
	MaxPercent         int
	ExecEnabled        bool
	CreatedAt          time.Time
	Deployments        []Deployment   // PRIMARY first
	Events             []ServiceEvent // newest first, as ECS returns them
	// CircuitBreaker reports whether the deployment circuit breaker is on,
	// and Rollback whether it rolls back a failed deployment.
	CircuitBreaker bool
	Rollback       bool
	Tags           map[string]string
}

// Deployment is one deployment of a service.
type Deployment struct {
	ID                 string
	Status             string // PRIMARY, ACTIVE, INACTIVE
	TaskDefinition     string // ARN
	Desired            int
	Running            int
	Pending            int
	Failed             int
	RolloutState       string // IN_PROGRESS, COMPLETED, FAILED
	RolloutStateReason string
	LaunchType         string
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

// ServiceEvent is one entry of a service's event log.
type ServiceEvent struct {
	ID        string
	CreatedAt time.Time
	Message   string
}

// Task is one ECS task.
type Task struct {
	ARN                  string
	ID                   string // last part of the ARN: 32 hex digits, or a UUID on older tasks
	ClusterARN           string
	TaskDefinitionARN    string
	LastStatus           string // PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED
	DesiredStatus        string // RUNNING, STOPPED
	HealthStatus         string // HEALTHY, UNHEALTHY, UNKNOWN
	LaunchType           string
	CapacityProvider     string
	AvailabilityZone     string
	PrivateIP            string
	CPU                  string // task-level CPU units, as ECS returns them ("256")
	Memory               string // task-level MiB ("512")
	Group                string // "service:web" for service tasks, "family:x" for RunTask
	StartedBy            string // "ecs-svc/<deployment id>" for service tasks
	ContainerInstanceARN string
	EnableExecuteCommand bool
	PlatformVersion      string
	Version              int64
	CreatedAt            time.Time
	PullStartedAt        time.Time
	PullStoppedAt        time.Time
	StartedAt            time.Time
	StoppingAt           time.Time
	StoppedAt            time.Time
	StopCode             string // TaskFailedToStart, EssentialContainerExited, UserInitiated, ServiceSchedulerInitiated, SpotInterruption, TerminationNotice
	StoppedReason        string
	Containers           []Container
	Tags                 map[string]string
}

// Container is one container of a running or stopped task.
type Container struct {
	Name         string
	ARN          string
	RuntimeID    string
	Image        string
	ImageDigest  string
	LastStatus   string
	HealthStatus string // HEALTHY, UNHEALTHY, UNKNOWN
	ExitCode     *int   // nil until the container has exited
	Reason       string // e.g. "OutOfMemoryError: Container killed due to memory usage"
	CPU          string
	Memory       string
	// MemoryReservation is the soft limit in MiB, as ECS returns it.
	MemoryReservation string
	NetworkBindings   []PortBinding
	ManagedAgents     []ManagedAgent
}

// PortBinding is a container port as a task exposes it.
type PortBinding struct {
	ContainerPort int
	HostPort      int
	Protocol      string // tcp, udp
	BindIP        string
}

// ManagedAgent is an agent ECS runs beside a container; ECS Exec needs
// ExecuteCommandAgent to be RUNNING.
type ManagedAgent struct {
	Name       string
	LastStatus string
	Reason     string
}

// TaskDefinition is one revision of a task definition. A revision never
// changes once registered, so it may be cached by ARN.
type TaskDefinition struct {
	ARN                     string
	Family                  string
	Revision                int
	Status                  string // ACTIVE, INACTIVE, DELETE_IN_PROGRESS
	CPU                     string
	Memory                  string
	NetworkMode             string // awsvpc, bridge, host, none
	RequiresCompatibilities []string
	TaskRoleARN             string
	ExecutionRoleARN        string
	Containers              []ContainerDefinition
	RegisteredAt            time.Time
}

// ContainerDefinition is one container of a task definition.
type ContainerDefinition struct {
	Name              string
	Image             string
	Essential         bool
	CPU               int
	Memory            int // hard limit in MiB, 0 when unset
	MemoryReservation int // soft limit in MiB, 0 when unset
	PortMappings      []PortMapping
	DependsOn         []ContainerDependency
	Environment       map[string]string
	Secrets           []Secret
	LogConfiguration  *LogConfiguration
	// FirelensType is "fluentbit" or "fluentd" on a FireLens log router
	// container, "" otherwise.
	FirelensType string
	HealthCheck  *HealthCheck
	Command      []string
	EntryPoint   []string
}

// PortMapping is a port a container definition declares.
type PortMapping struct {
	Name          string
	ContainerPort int
	HostPort      int
	Protocol      string
	AppProtocol   string
}

// ContainerDependency orders container start-up (init containers, sidecars).
type ContainerDependency struct {
	ContainerName string
	Condition     string // START, COMPLETE, SUCCESS, HEALTHY
}

// Secret is an environment variable filled from Secrets Manager or
// Parameter Store; ValueFrom is the ARN.
type Secret struct {
	Name      string
	ValueFrom string
}

// HealthCheck is a container health check.
type HealthCheck struct {
	Command     []string
	Interval    time.Duration
	Timeout     time.Duration
	Retries     int
	StartPeriod time.Duration
}

// LogConfiguration is a container's log driver and its options.
type LogConfiguration struct {
	Driver  string // awslogs, awsfirelens, json-file, ...
	Options map[string]string
}

// ContainerInstance is an EC2 instance registered to a cluster.
type ContainerInstance struct {
	ARN              string
	EC2InstanceID    string
	Status           string // ACTIVE, DRAINING, REGISTERING, ...
	AgentConnected   bool
	AgentVersion     string
	RunningTasks     int
	PendingTasks     int
	RegisteredCPU    int
	RemainingCPU     int
	RegisteredMemory int
	RemainingMemory  int
	InstanceType     string
	AvailabilityZone string
	CapacityProvider string
	RegisteredAt     time.Time
}
