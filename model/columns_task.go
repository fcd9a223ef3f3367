package model

import "time"

// TaskColumns are the columns of the tasks view; withStopped adds the stop
// code and the stop reason, in plain words, for the view that lists
// STOPPED tasks too.
func TaskColumns(withStopped bool) []Column {
	cols := []Column{
		{Title: "TASK ID", MinWidth: 12, Sort: SortName},
		{Title: "LAST", Sort: SortStatus},
		{Title: "DESIRED"},
		{Title: "HEALTH"},
		{Title: "TASK DEF", MinWidth: 8},
		{Title: "LAUNCH"},
		{Title: "AZ"},
		{Title: "IP"},
		{Title: "CPU", Right: true},
		{Title: "MEMORY", Right: true},
		{Title: "AGE", Right: true, Sort: SortAge},
	}
	if withStopped {
		cols = append(cols,
			Column{Title: "STOP CODE", MinWidth: 8},
			Column{Title: "STOP REASON", MinWidth: 12, Flex: true})
	}
	return cols
}

// TaskRow is a task as a row of TaskColumns(withStopped), keyed by ARN;
// now is when the age is measured to.
func TaskRow(t Task, now time.Time, withStopped bool) Row {
	st := TaskState(t)
	n := 11
	if withStopped {
		n = 13
	}
	cells := make([]string, n)
	cells[0] = t.ID
	cells[1] = orNone(t.LastStatus)
	cells[2] = orNone(t.DesiredStatus)
	cells[3] = orNone(t.HealthStatus)
	cells[4] = orNone(ResourceID(t.TaskDefinitionARN))
	cells[5] = TaskLaunch(t)
	cells[6] = orNone(t.AvailabilityZone)
	cells[7] = orNone(t.PrivateIP)
	cells[8] = CPUField(t.CPU)
	cells[9] = MemoryField(t.Memory)
	cells[10] = AgeSince(t.CreatedAt, now)
	if withStopped {
		cells[11] = orNone(t.StopCode)
		cells[12] = orNone(StopExplanation(t))
	}
	keys := make([]string, n)
	keys[1] = statusKey(st, t.LastStatus)
	keys[8] = numKey(t.CPU)
	keys[9] = numKey(t.Memory)
	keys[10] = ageKey(t.CreatedAt)
	return Row{ID: t.ARN, Cells: cells, SortKeys: keys, State: st}
}

// TaskLaunch is the capacity provider a task runs on, else its launch type.
func TaskLaunch(t Task) string {
	if t.CapacityProvider != "" {
		return t.CapacityProvider
	}
	return orNone(t.LaunchType)
}
