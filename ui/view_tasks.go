package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/model"
)

// TasksView lists the tasks of a service, or of a whole cluster; a toggle
// adds the STOPPED tasks ECS still remembers (about an hour), with why they
// stopped. Enter opens a task's containers.
type TasksView struct {
	*resource[model.Task]
	stopped bool
}

// NewTasksView builds the tasks view; service "" lists the whole cluster.
func NewTasksView(ctx *Context, cluster, service string) *TasksView {
	v := &TasksView{}
	v.resource = newResource(ctx, resourceSpec[model.Task]{
		noun:    "tasks",
		cluster: cluster,
		service: service,
		columns: model.TaskColumns(false),
		id:      func(t model.Task) string { return t.ARN },
		load:    v.loader,
		empty:   v.emptyText,
		open:    func(t model.Task) View { return NewContainersView(ctx, cluster, t) },
		describe: func(t model.Task) View {
			return NewDescribeView(ctx, aws.KindTask, cluster, t.ARN, "task "+t.ID)
		},
	})
	return v
}

// loader builds the request from the current toggle.
func (v *TasksView) loader() loader[model.Task] {
	cluster, stopped := v.spec.cluster, v.stopped
	q := aws.TaskQuery{Service: v.spec.service}
	if stopped {
		q.DesiredStatus = "ALL"
	}
	return loader[model.Task]{
		fetch: func(ctx context.Context, c *aws.Client) ([]model.Task, error) { return c.Tasks(ctx, cluster, q) },
		row:   func(t model.Task, now time.Time) model.Row { return model.TaskRow(t, now, stopped) },
	}
}

// emptyText says what an empty list means. A service that keeps crashing
// has no running task most of the time: the answer is in the stopped ones.
func (v *TasksView) emptyText() string {
	if v.stopped {
		return "no tasks, running or stopped (ECS forgets stopped tasks after about an hour)"
	}
	return "no running tasks — " + v.keys.Resource.ToggleStopped.Help().Key + " lists the stopped ones and why they stopped"
}

// Update handles the stopped-tasks toggle; the rest is the resource's.
func (v *TasksView) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, v.keys.Resource.ToggleStopped) {
		v.stopped = !v.stopped
		v.setColumns(model.TaskColumns(v.stopped))
		// The refresh running, if any, asked the old question.
		return v.refresh(true)
	}
	return v.resource.Update(msg)
}

// Keys adds the toggle to the resource keys; its hint says what it does
// now.
func (v *TasksView) Keys() []key.Binding {
	toggle := v.keys.Resource.ToggleStopped
	if v.stopped {
		toggle.SetHelp(toggle.Help().Key, "hide stopped")
	}
	return append(v.resource.Keys(), toggle)
}

// Title is the crumb.
func (v *TasksView) Title() string {
	name := model.ResourceID(v.spec.cluster)
	if v.spec.service != "" {
		name += "/" + v.spec.service
	}
	if v.stopped {
		name += ", all"
	}
	return "tasks(" + name + ")"
}
