package ui

import (
	"context"
	"time"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/model"
)

// ContainersView lists the containers of one task, re-describing the task
// on each refresh. What the task definition says about a container
// (essential, declared ports) comes from the client's task definition
// cache, so a refresh costs one DescribeTasks call.
type ContainersView struct {
	*resource[containerItem]
	task model.Task
}

// containerItem is a container with its definition (nil if the task
// definition does not list it).
type containerItem struct {
	taskARN string
	c       model.Container
	def     *model.ContainerDefinition
}

// NewContainersView builds the containers view of a task.
func NewContainersView(ctx *Context, cluster string, task model.Task) *ContainersView {
	taskARN, taskDef := task.ARN, task.TaskDefinitionARN
	return &ContainersView{task: task, resource: newResource(ctx, resourceSpec[containerItem]{
		noun:    "containers",
		cluster: cluster,
		columns: model.ContainerColumns(),
		id:      func(it containerItem) string { return it.c.Name },
		load: func() loader[containerItem] {
			return loader[containerItem]{
				fetch: func(ctx context.Context, c *aws.Client) ([]containerItem, error) {
					return fetchContainers(ctx, c, cluster, taskARN, taskDef)
				},
				row: func(it containerItem, _ time.Time) model.Row { return model.ContainerRow(it.c, it.def) },
			}
		},
		describe: func(it containerItem) View {
			return NewDescribeView(ctx, aws.KindContainer, cluster, it.taskARN+"/"+it.c.Name, "container "+it.c.Name)
		},
	})}
}

func fetchContainers(ctx context.Context, c *aws.Client, cluster, taskARN, taskDef string) ([]containerItem, error) {
	tasks, err := c.DescribeTasks(ctx, cluster, []string{taskARN})
	if err != nil {
		return nil, err
	}
	if len(tasks) == 0 {
		// ECS forgets a stopped task about an hour after it stopped.
		return nil, &aws.Error{Kind: aws.KindNotFound, Op: "ecs:DescribeTasks", Code: "TaskNotFound",
			Message: "task " + model.ResourceID(taskARN) + " no longer exists (ECS forgets stopped tasks after about an hour)"}
	}
	td, err := c.TaskDefinition(ctx, taskDef)
	if err != nil {
		return nil, err
	}
	t := tasks[0]
	items := make([]containerItem, len(t.Containers))
	for i, ct := range t.Containers {
		items[i] = containerItem{taskARN: t.ARN, c: ct, def: definitionOf(td, ct.Name)}
	}
	return items, nil
}

func definitionOf(td model.TaskDefinition, name string) *model.ContainerDefinition {
	for i := range td.Containers {
		if td.Containers[i].Name == name {
			return &td.Containers[i]
		}
	}
	return nil
}

// Title is the crumb.
func (v *ContainersView) Title() string { return "containers(" + v.task.ID + ")" }
