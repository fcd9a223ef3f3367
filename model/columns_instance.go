package model

import "time"

// InstanceColumns are the columns of the container instances view. On a
// narrow screen the AZ goes first, then the instance type, then AGENT (a
// disconnected agent still colours its row as an error), then the age:
// the instance ID, status, task count and free CPU and memory stay whole.
func InstanceColumns() []Column {
	return []Column{
		{Title: "INSTANCE", MinWidth: 10, NoTruncate: true, Sort: SortName},
		{Title: "STATUS", Sort: SortStatus},
		{Title: "AGENT", Shed: 2},
		{Title: "TASKS", Right: true},
		{Title: "CPU FREE", Right: true},
		{Title: "MEMORY FREE", Right: true},
		{Title: "TYPE", Shed: 3},
		{Title: "AZ", Shed: 4},
		{Title: "AGE", Right: true, Sort: SortAge, Shed: 1},
	}
}

// InstanceRow is a container instance as a row of InstanceColumns, keyed
// by ARN; now is when the age is measured to. Free CPU and memory read
// "remaining / registered".
func InstanceRow(ci ContainerInstance, now time.Time) Row {
	st := InstanceState(ci)
	agent := "disconnected"
	if ci.AgentConnected {
		agent = "connected"
	}
	return Row{
		ID: ci.ARN,
		Cells: []string{
			orNone(ci.EC2InstanceID),
			orNone(ci.Status),
			agent,
			itoa(ci.RunningTasks),
			CPU(ci.RemainingCPU) + " / " + CPU(ci.RegisteredCPU),
			MiB(ci.RemainingMemory) + " / " + MiB(ci.RegisteredMemory),
			orNone(ci.InstanceType),
			orNone(ci.AvailabilityZone),
			AgeSince(ci.RegisteredAt, now),
		},
		SortKeys: []string{
			1: statusKey(st, ci.Status),
			4: itoa(ci.RemainingCPU),
			5: itoa(ci.RemainingMemory),
			8: ageKey(ci.RegisteredAt),
		},
		State: st,
	}
}
