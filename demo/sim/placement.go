package sim

import (
	"fmt"
	"strconv"

	"github.com/ecsdeck/ecsdeck/model"
)

// EC2 task placement: a task needs CPU and memory on an ACTIVE instance
// whose agent is connected. Tasks spread over instances (fewest tasks
// first); what a task reserves comes back when it stops.

// needs is what a task of td reserves on an instance: the task-level size
// when set, else the sum over its containers.
func needs(td *model.TaskDefinition) (cpu, mem int) {
	for _, c := range td.Containers {
		cpu += c.CPU
		mem += max(c.Memory, c.MemoryReservation)
	}
	if n, err := strconv.Atoi(td.CPU); err == nil {
		cpu = n
	}
	if n, err := strconv.Atoi(td.Memory); err == nil {
		mem = n
	}
	return cpu, mem
}

// place picks an instance and reserves the task's resources on it, or
// says, as ECS does, why none fits.
func (s *Sim) place(c *clusterState, td *model.TaskDefinition) (*instance, string) {
	cpu, mem := needs(td)
	var best, closest *instance
	for _, in := range c.instances {
		if in.m.Status != "ACTIVE" || !in.m.AgentConnected {
			continue
		}
		if closest == nil || in.m.RemainingMemory > closest.m.RemainingMemory {
			closest = in
		}
		if in.m.RemainingCPU < cpu || in.m.RemainingMemory < mem {
			continue
		}
		if best == nil || in.m.RunningTasks+in.m.PendingTasks < best.m.RunningTasks+best.m.PendingTasks {
			best = in
		}
	}
	if best == nil {
		if closest == nil {
			return nil, "No Container Instances were found in your cluster."
		}
		what := "memory"
		if closest.m.RemainingMemory >= mem {
			what = "CPU units"
		}
		return nil, fmt.Sprintf("The closest matching (container-instance %s) has insufficient %s available.", lastPart(closest.m.ARN), what)
	}
	best.m.RemainingCPU -= cpu
	best.m.RemainingMemory -= mem
	return best, ""
}

// release gives a stopped task's resources back to its instance.
func (s *Sim) release(t *task) {
	if t.inst == nil {
		return
	}
	cpu, mem := needs(t.td)
	t.inst.m.RemainingCPU += cpu
	t.inst.m.RemainingMemory += mem
}
