package model

import (
	"strconv"
	"strings"
	"time"
)

// ServiceColumns are the columns of the services view. On a narrow
// screen EXEC goes first, then the launch type, then the age, then the
// pending count: the name, status, desired and running counts, task
// definition and deployment state stay, and stay whole.
func ServiceColumns() []Column {
	return []Column{
		{Title: "NAME", MinWidth: 8, Flex: true, Sort: SortName},
		{Title: "STATUS", Sort: SortStatus},
		{Title: "DESIRED", Right: true},
		{Title: "RUNNING", Right: true},
		{Title: "PENDING", Right: true, Shed: 1},
		{Title: "LAUNCH", MinWidth: 6, Shed: 3},
		{Title: "TASK DEF", MinWidth: 8, Flex: true},
		{Title: "DEPLOYMENT", MinWidth: 9},
		{Title: "EXEC", Shed: 4},
		{Title: "AGE", Right: true, Sort: SortAge, Shed: 2},
	}
}

// ServiceRow is a service as a row of ServiceColumns, keyed by ARN; now
// is when the age is measured to.
func ServiceRow(s Service, now time.Time) Row {
	st := ServiceState(s)
	return Row{
		ID: s.ARN,
		Cells: []string{
			s.Name,
			orNone(s.Status),
			itoa(s.Desired),
			itoa(s.Running),
			itoa(s.Pending),
			ServiceLaunch(s),
			orNone(ResourceID(s.TaskDefinition)),
			DeploymentSummary(s),
			yesNo(s.ExecEnabled),
			AgeSince(s.CreatedAt, now),
		},
		SortKeys: []string{1: statusKey(st, s.Status), 9: ageKey(s.CreatedAt)},
		State:    st,
	}
}

// ServiceLaunch is the launch type, or the capacity provider strategy when
// the service uses one.
func ServiceLaunch(s Service) string {
	if len(s.CapacityProviders) > 0 {
		return strings.Join(s.CapacityProviders, ",")
	}
	return orNone(s.LaunchType)
}

// DeploymentSummary is the PRIMARY deployment's rollout state and, when a
// rollout is under way, how many deployments there are: "COMPLETED",
// "IN_PROGRESS (2)". Services without rollout states show the count only.
func DeploymentSummary(s Service) string {
	state := RolloutState(s)
	n := len(s.Deployments)
	switch {
	case n == 0:
		return none
	case state == "" && n == 1:
		return "1 deployment"
	case state == "":
		return strconv.Itoa(n) + " deployments"
	case n > 1:
		return state + " (" + strconv.Itoa(n) + ")"
	}
	return state
}
