package model

// State is how a resource is doing, rolled up from its statuses and counts;
// the ui colours a row by it.
type State int

const (
	StateNormal  State = iota
	StateOK            // running, healthy, active
	StatePending       // on its way up: provisioning, pending, deploying
	StateStopped       // stopped or inactive, nothing wrong
	StateWarn          // degraded: below desired count, draining, disconnected
	StateError         // failed, unhealthy, killed
)

// ClusterState rolls up a cluster's status.
func ClusterState(c Cluster) State {
	switch c.Status {
	case "ACTIVE":
		return StateOK
	case "PROVISIONING", "DEPROVISIONING":
		return StatePending
	case "FAILED":
		return StateError
	case "INACTIVE":
		return StateStopped
	}
	return StateNormal
}

// ServiceState: a failed rollout is an error, as is a service with no task
// running when it wants some; fewer running than desired is a warning; a
// deployment still rolling out is pending.
func ServiceState(s Service) State {
	switch s.Status {
	case "INACTIVE":
		return StateStopped
	case "DRAINING":
		return StateWarn
	}
	if RolloutState(s) == "FAILED" {
		return StateError
	}
	switch {
	case s.Desired > 0 && s.Running == 0:
		return StateError
	case s.Running < s.Desired:
		return StateWarn
	case RolloutState(s) == "IN_PROGRESS" || len(s.Deployments) > 1 || s.Pending > 0:
		return StatePending
	}
	return StateOK
}

// RolloutState is the rollout state of the service's PRIMARY deployment, ""
// when ECS does not report one (services without the ECS deployment controller).
func RolloutState(s Service) string {
	for _, d := range s.Deployments {
		if d.Status == "PRIMARY" {
			return d.RolloutState
		}
	}
	return ""
}

// TaskState: an unhealthy task or one stopped by a failure is an error, a
// task on its way up or down is pending.
func TaskState(t Task) State {
	if t.HealthStatus == "UNHEALTHY" {
		return StateError
	}
	switch t.LastStatus {
	case "RUNNING":
		if t.DesiredStatus == "STOPPED" {
			return StatePending
		}
		return StateOK
	case "STOPPED":
		if StoppedByFailure(t) {
			return StateError
		}
		return StateStopped
	case "PROVISIONING", "PENDING", "ACTIVATING", "DEACTIVATING", "STOPPING", "DEPROVISIONING":
		return StatePending
	}
	return StateNormal
}

// ContainerState: an unhealthy container or one that exited non-zero is an
// error; one that exited 0 (an init container, a finished job) is stopped.
func ContainerState(c Container) State {
	if c.HealthStatus == "UNHEALTHY" {
		return StateError
	}
	if c.ExitCode != nil && *c.ExitCode != 0 {
		return StateError
	}
	switch c.LastStatus {
	case "RUNNING":
		return StateOK
	case "PENDING":
		return StatePending
	case "STOPPED":
		if c.Reason != "" && c.ExitCode == nil {
			return StateError // never started: image pull or start failure
		}
		return StateStopped
	}
	return StateNormal
}

// InstanceState: an instance whose agent is disconnected cannot take tasks.
func InstanceState(ci ContainerInstance) State {
	switch ci.Status {
	case "ACTIVE":
		if !ci.AgentConnected {
			return StateError
		}
		return StateOK
	case "DRAINING":
		return StateWarn
	case "REGISTERING", "DEREGISTERING":
		return StatePending
	case "INACTIVE", "DEREGISTERED":
		return StateStopped
	case "REGISTRATION_FAILED":
		return StateError
	}
	return StateNormal
}
