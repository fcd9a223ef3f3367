package model

import "time"

// taskColumn is one column of the tasks view with how a task fills it.
// The view listing STOPPED tasks too trades the desired status (LAST says
// STOPPING on the way down), network and CPU columns for the stop code and
// the stop reason in plain words: for a dead task, why it died matters
// more than where it ran.
type taskColumn struct {
	Column
	cell func(t Task, now time.Time) string
	key  func(t Task, st State) string // nil: sort by the cell
	only int                           // 0 both views, live: without stopped tasks, stopped: with them
}

const (
	live = 1 + iota
	stopped
)

var taskColumns = []taskColumn{
	{Column: Column{Title: "TASK ID", MinWidth: 12, Sort: SortName},
		cell: func(t Task, _ time.Time) string { return t.ID }},
	{Column: Column{Title: "LAST", MinWidth: 7, Sort: SortStatus},
		cell: func(t Task, _ time.Time) string { return orNone(t.LastStatus) },
		key:  func(t Task, st State) string { return statusKey(st, t.LastStatus) }},
	{Column: Column{Title: "DESIRED"}, only: live,
		cell: func(t Task, _ time.Time) string { return orNone(t.DesiredStatus) }},
	{Column: Column{Title: "HEALTH", MinWidth: 7},
		cell: func(t Task, _ time.Time) string { return orNone(t.HealthStatus) }},
	{Column: Column{Title: "TASK DEF", MinWidth: 8},
		cell: func(t Task, _ time.Time) string { return orNone(ResourceID(t.TaskDefinitionARN)) }},
	{Column: Column{Title: "LAUNCH", MinWidth: 7},
		cell: func(t Task, _ time.Time) string { return TaskLaunch(t) }},
	{Column: Column{Title: "AZ", MinWidth: 10}, only: live,
		cell: func(t Task, _ time.Time) string { return orNone(t.AvailabilityZone) }},
	{Column: Column{Title: "IP", MinWidth: 8}, only: live,
		cell: func(t Task, _ time.Time) string { return orNone(t.PrivateIP) }},
	{Column: Column{Title: "CPU", Right: true}, only: live,
		cell: func(t Task, _ time.Time) string { return CPUField(t.CPU) },
		key:  func(t Task, _ State) string { return numKey(t.CPU) }},
	{Column: Column{Title: "MEMORY", Right: true},
		cell: func(t Task, _ time.Time) string { return MemoryField(t.Memory) },
		key:  func(t Task, _ State) string { return numKey(t.Memory) }},
	{Column: Column{Title: "AGE", Right: true, Sort: SortAge},
		cell: func(t Task, now time.Time) string { return AgeSince(t.CreatedAt, now) },
		key:  func(t Task, _ State) string { return ageKey(t.CreatedAt) }},
	{Column: Column{Title: "STOP CODE", MinWidth: 12}, only: stopped,
		cell: func(t Task, _ time.Time) string { return orNone(t.StopCode) }},
	{Column: Column{Title: "STOP REASON", MinWidth: 30, Flex: true}, only: stopped,
		cell: func(t Task, _ time.Time) string { return orNone(StopExplanation(t)) }},
}

// tasksColumns are the columns of one of the two tasks views.
func tasksColumns(withStopped bool) []taskColumn {
	skip := stopped
	if withStopped {
		skip = live
	}
	out := make([]taskColumn, 0, len(taskColumns))
	for _, c := range taskColumns {
		if c.only != skip {
			out = append(out, c)
		}
	}
	return out
}

// TaskColumns are the columns of the tasks view; withStopped is the view
// that lists STOPPED tasks too.
func TaskColumns(withStopped bool) []Column {
	cols := tasksColumns(withStopped)
	out := make([]Column, len(cols))
	for i, c := range cols {
		out[i] = c.Column
	}
	return out
}

// TaskRow is a task as a row of TaskColumns(withStopped), keyed by ARN;
// now is when the age is measured to.
func TaskRow(t Task, now time.Time, withStopped bool) Row {
	st := TaskState(t)
	cols := tasksColumns(withStopped)
	r := Row{ID: t.ARN, Cells: make([]string, len(cols)), SortKeys: make([]string, len(cols)), State: st}
	for i, c := range cols {
		r.Cells[i] = c.cell(t, now)
		if c.key != nil {
			r.SortKeys[i] = c.key(t, st)
		}
	}
	return r
}

// TaskLaunch is the capacity provider a task runs on, else its launch type.
func TaskLaunch(t Task) string {
	if t.CapacityProvider != "" {
		return t.CapacityProvider
	}
	return orNone(t.LaunchType)
}
