package sim

import (
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// The simulation keeps each resource as its model value plus the links and
// bookkeeping the scheduler needs. Counters in the model values (running and
// pending tasks of clusters, services, deployments and instances) are kept up
// to date on every task status change, so reads never have to count.

type clusterState struct {
	m         model.Cluster
	services  []*service // creation order
	byName    map[string]*service
	tasks     map[string]*task // by task ID, until a stopped task expires
	sorted    []*task          // tasks sorted by ARN; nil when a task was added or removed
	instances []*instance

	sortedServices  []*service  // by ARN; nil when a service was added
	sortedInstances []*instance // by ARN; nil when an instance was added

	launchTypes map[string]*LaunchTypeStatistics // task counts by launch type (services are counted on read)
}

type service struct {
	m           model.Service // Deployments are built from deps on read
	c           *clusterState
	deps        []*deployment // PRIMARY first
	tasks       []*task       // creation order, stopped ones until they expire
	sorted      []*task       // tasks by ARN; nil when a task was added or removed
	targetGroup string        // ARN; "" for a service without a load balancer
	strategy    []cpItem      // capacity provider strategy; nil with a launch type

	dirty       bool      // the scheduler looks at it at the end of the step
	steady      bool      // last seen at steady state
	failStreak  int       // tasks that failed in a row (backoff, throttling event)
	retryAt     time.Time // no new task before this after repeated failures
	unableAt    time.Time // last "unable to consistently start tasks" event
	lastFailure time.Time // last task that stopped by itself
	lastGood    *model.TaskDefinition
	batch       eventBatch
}

// cpItem is one entry of a capacity provider strategy.
type cpItem struct {
	Provider     string
	Base, Weight int
}

type deployment struct {
	m  model.Deployment
	td *model.TaskDefinition
}

type task struct {
	m       model.Task
	c       *clusterState
	svc     *service    // nil for a standalone task
	dep     *deployment // nil for a standalone task
	td      *model.TaskDefinition
	inst    *instance // EC2 only
	gen     int       // bumped to cancel the timers of an abandoned plan
	loggers []*logger
	prof    *imageProfile // behaviour of its essential container, nil = well behaved
}

type instance struct {
	m        model.ContainerInstance
	c        *clusterState
	nextPort int // next dynamic host port
}

const (
	catNone = iota
	catPending
	catRunning
)

// category tells which counter a task in this status contributes to: ECS
// counts PROVISIONING, PENDING and ACTIVATING tasks as pending.
func category(status string) int {
	switch status {
	case "PROVISIONING", "PENDING", "ACTIVATING":
		return catPending
	case "RUNNING":
		return catRunning
	}
	return catNone
}

// live reports whether the task is meant to run (not being stopped).
func (t *task) live() bool { return t.m.DesiredStatus == "RUNNING" }

// ready reports whether the task counts as healthy for deployments: RUNNING,
// and HEALTHY when it has a container health check.
func (t *task) ready() bool {
	if t.m.LastStatus != "RUNNING" {
		return false
	}
	return t.m.HealthStatus == "HEALTHY" || !hasHealthCheck(t.td)
}

func hasHealthCheck(td *model.TaskDefinition) bool {
	for _, c := range td.Containers {
		if c.Essential && c.HealthCheck != nil {
			return true
		}
	}
	return false
}
