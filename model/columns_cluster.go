package model

import "strings"

// ClusterColumns are the columns of the clusters view. On a narrow
// screen INSIGHTS goes first, then the capacity providers.
func ClusterColumns() []Column {
	return []Column{
		{Title: "NAME", MinWidth: 8, Flex: true, Sort: SortName},
		{Title: "STATUS", Sort: SortStatus},
		{Title: "SERVICES", Right: true},
		{Title: "RUNNING", Right: true},
		{Title: "PENDING", Right: true},
		{Title: "INSTANCES", Right: true},
		{Title: "CAPACITY PROVIDERS", MinWidth: 8, Flex: true, Shed: 1},
		{Title: "INSIGHTS", Shed: 2},
	}
}

// ClusterRow is a cluster as a row of ClusterColumns, keyed by ARN.
func ClusterRow(c Cluster) Row {
	st := ClusterState(c)
	return Row{
		ID: c.ARN,
		Cells: []string{
			c.Name,
			orNone(c.Status),
			itoa(c.ActiveServices),
			itoa(c.RunningTasks),
			itoa(c.PendingTasks),
			itoa(c.ContainerInstances),
			orNone(strings.Join(c.CapacityProviders, ",")),
			Insights(c.ContainerInsights),
		},
		SortKeys: []string{1: statusKey(st, c.Status)},
		State:    st,
	}
}

// Insights says whether Container Insights is on: "on", "on (enhanced)" or "off".
func Insights(setting string) string {
	switch setting {
	case "enabled":
		return "on"
	case "enhanced":
		return "on (enhanced)"
	}
	return "off"
}
