package model

import (
	"strconv"
	"strings"
)

// StopExplanation says in plain words why a stopped (or stopping) task
// stopped, from its stop code, stopped reason and its containers' exit
// codes and reasons. ECS's own wording stays in the describe view; this is
// the short answer an operator wants in a table cell. "" when the task has
// not been asked to stop.
func StopExplanation(t Task) string {
	if t.StopCode == "" && t.StoppedReason == "" {
		return ""
	}
	if c, ok := oomContainer(t); ok {
		return "out of memory (exit " + exitCode(c, 137) + ") in " + c.Name
	}
	if c, ok := pullFailedContainer(t); ok {
		// The image name and tag tell a missing tag at a glance; the
		// registry host would fill the cell (describe has it).
		return "image pull failed for " + c.Name + " (" + ShortImage(c.Image) + ")"
	}
	if strings.Contains(t.StoppedReason, "CannotPullContainerError") {
		return "image pull failed"
	}
	switch t.StopCode {
	case "EssentialContainerExited":
		return essentialExited(t)
	case "TaskFailedToStart":
		return "failed to start: " + errorDetail(t.StoppedReason)
	case "UserInitiated":
		return withDetail("stopped by a user", t.StoppedReason)
	case "ServiceSchedulerInitiated":
		return schedulerReason(t.StoppedReason)
	case "SpotInterruption":
		return "Fargate Spot capacity reclaimed by AWS"
	case "TerminationNotice":
		return "the instance is terminating"
	}
	if t.StoppedReason != "" {
		return t.StoppedReason
	}
	return t.StopCode
}

// StoppedByFailure reports whether a task stopped because something broke
// (a crash, an OOM kill, a failed start or health check) rather than being
// stopped on purpose (scale-in, deployment, a user, a job that finished).
func StoppedByFailure(t Task) bool {
	if _, ok := oomContainer(t); ok {
		return true
	}
	switch t.StopCode {
	case "TaskFailedToStart":
		return true
	case "EssentialContainerExited":
		c, ok := exitedContainer(t)
		return !ok || c.ExitCode == nil || *c.ExitCode != 0
	case "ServiceSchedulerInitiated":
		return strings.Contains(strings.ToLower(t.StoppedReason), "health check")
	}
	return false
}

func oomContainer(t Task) (Container, bool) {
	for _, c := range t.Containers {
		if strings.Contains(c.Reason, "OutOfMemory") {
			return c, true
		}
	}
	return Container{}, false
}

func pullFailedContainer(t Task) (Container, bool) {
	for _, c := range t.Containers {
		if strings.Contains(c.Reason, "CannotPullContainerError") {
			return c, true
		}
	}
	return Container{}, false
}

// exitedContainer is the container whose exit stopped the task: the first
// one that exited non-zero, else the first one that exited at all. A task
// does not say which containers are essential; a sidecar that exits 0 on
// SIGTERM would otherwise be blamed for a crash.
func exitedContainer(t Task) (Container, bool) {
	var first *Container
	for i := range t.Containers {
		c := &t.Containers[i]
		if c.ExitCode == nil {
			continue
		}
		if *c.ExitCode != 0 {
			return *c, true
		}
		if first == nil {
			first = c
		}
	}
	if first == nil {
		return Container{}, false
	}
	return *first, true
}

func essentialExited(t Task) string {
	c, ok := exitedContainer(t)
	if !ok {
		return "an essential container exited"
	}
	code := *c.ExitCode
	msg := "essential container " + c.Name + " exited (code " + strconv.Itoa(code) + ")"
	switch code {
	case 0:
		msg = "essential container " + c.Name + " finished (exit 0)"
	case 137:
		msg = "essential container " + c.Name + " was killed (exit 137, SIGKILL)"
	case 139:
		msg = "essential container " + c.Name + " crashed (exit 139, segmentation fault)"
	}
	return withDetail(msg, c.Reason)
}

func schedulerReason(reason string) string {
	r := strings.ToLower(reason)
	switch {
	case strings.Contains(r, "elb health check"), strings.Contains(r, "load balancer health check"):
		return "failed load balancer health checks"
	case strings.Contains(r, "container health check"):
		return "failed container health checks"
	case strings.Contains(r, "circuit breaker"):
		return "stopped by the deployment circuit breaker"
	case strings.Contains(r, "scaling activity"), strings.Contains(r, "deployment"):
		// ECS words scale-in and a rolling deployment's replacement alike:
		// "Scaling activity initiated by (deployment ecs-svc/...)".
		return "stopped by the service (scale-in or deployment)"
	}
	return withDetail("stopped by the service scheduler", reason)
}

// errorDetail drops the error type ECS puts in front of a reason
// ("ResourceInitializationError: unable to ...") unless nothing else is left.
func errorDetail(reason string) string {
	if i := strings.Index(reason, ": "); i > 0 && !strings.Contains(reason[:i], " ") && i+2 < len(reason) {
		return reason[i+2:]
	}
	if reason == "" {
		return "no reason given"
	}
	return reason
}

func withDetail(msg, detail string) string {
	if detail == "" {
		return msg
	}
	return msg + ": " + detail
}

func exitCode(c Container, fallback int) string {
	if c.ExitCode == nil {
		return strconv.Itoa(fallback)
	}
	return strconv.Itoa(*c.ExitCode)
}
