package model

import "time"

// taskColumn is one column of the tasks view with how a task fills it.
// The view listing STOPPED tasks too keeps only what tells a dead task
// apart — its ID, status, revision, when it stopped — and gives the
// rest of the line to why it stopped, in plain words (the explanation
// already says what the stop code says: "out of memory (exit 137) in
// app"). ECS's own words stay in the describe view.
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

// On a narrow screen the task size goes first, then the launch type, then
// the AZ: what an operator looks for — the ID, status, health, revision and
// IP — stays, and IDs and IPs stay whole.
var taskColumns = []taskColumn{
	{Column: Column{Title: "TASK ID", MinWidth: 12, NoTruncate: true, Sort: SortName},
		cell: func(t Task, _ time.Time) string { return t.ID }},
	{Column: Column{Title: "STATUS", MinWidth: 7, Sort: SortStatus},
		cell: func(t Task, _ time.Time) string { return TaskStatus(t) },
		key:  func(t Task, st State) string { return statusKey(st, t.LastStatus) }},
	{Column: Column{Title: "HEALTH", MinWidth: 7}, only: live,
		cell: func(t Task, _ time.Time) string { return orNone(t.HealthStatus) }},
	{Column: Column{Title: "TASK DEF", MinWidth: 8},
		cell: func(t Task, _ time.Time) string { return orNone(ResourceID(t.TaskDefinitionARN)) }},
	{Column: Column{Title: "LAUNCH", MinWidth: 7, Shed: 2}, only: live,
		cell: func(t Task, _ time.Time) string { return TaskLaunch(t) }},
	{Column: Column{Title: "AZ", MinWidth: 10, Shed: 1}, only: live,
		cell: func(t Task, _ time.Time) string { return orNone(t.AvailabilityZone) }},
	{Column: Column{Title: "IP", MinWidth: 8, NoTruncate: true}, only: live,
		cell: func(t Task, _ time.Time) string { return orNone(t.PrivateIP) }},
	{Column: Column{Title: "CPU", Right: true, Shed: 4}, only: live,
		cell: func(t Task, _ time.Time) string { return CPUField(t.CPU) },
		key:  func(t Task, _ State) string { return numKey(t.CPU) }},
	{Column: Column{Title: "MEMORY", Right: true, Shed: 3}, only: live,
		cell: func(t Task, _ time.Time) string { return MemoryField(t.Memory) },
		key:  func(t Task, _ State) string { return numKey(t.Memory) }},
	{Column: Column{Title: "AGE", Right: true, Sort: SortAge}, only: live,
		cell: func(t Task, now time.Time) string { return AgeSince(t.CreatedAt, now) },
		key:  func(t Task, _ State) string { return ageKey(t.CreatedAt) }},
	// Ascending is the most recent stop first; tasks still running (no
	// stop time) come last, so a cluster's hundreds of running tasks do
	// not bury the few that just died.
	{Column: Column{Title: "STOPPED", Right: true, Sort: SortAge, SortDefault: true}, only: stopped,
		cell: func(t Task, now time.Time) string { return AgeSince(StopTime(t), now) },
		key:  func(t Task, _ State) string { return ageKey(StopTime(t)) }},
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

// TaskStatus is the task's last status and, once it has been asked to stop
// but has not stopped yet, where it is going: "RUNNING→STOPPED". The
// desired status says nothing more on any other task (it is RUNNING), so it
// shares the column rather than taking one of its own.
func TaskStatus(t Task) string {
	if t.DesiredStatus == "STOPPED" && t.LastStatus != "STOPPED" {
		return orNone(t.LastStatus) + "→STOPPED"
	}
	return orNone(t.LastStatus)
}

// StopTime is when a task stopped or, on its way down, when it was asked
// to stop; zero for a task still running.
func StopTime(t Task) time.Time {
	if !t.StoppedAt.IsZero() {
		return t.StoppedAt
	}
	return t.StoppingAt
}
