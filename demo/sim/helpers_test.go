package sim

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

var t0 = time.Date(2024, 6, 3, 12, 0, 0, 0, time.UTC)

func newSim(t testing.TB) *Sim {
	t.Helper()
	s := New(t0, Config{Seed: 7})
	checkCounts(t, s)
	return s
}

func getService(t testing.TB, s *Sim, cluster, name string) model.Service {
	t.Helper()
	found, missing, err := s.Services(cluster, []string{name})
	if err != nil || len(found) != 1 {
		t.Fatalf("Services(%s, %s) = %v, missing %v, %v", cluster, name, found, missing, err)
	}
	return found[0]
}

func listTasks(t testing.TB, s *Sim, cluster string, f TaskFilter) []model.Task {
	t.Helper()
	arns, err := s.TaskARNs(cluster, f)
	if err != nil {
		t.Fatalf("TaskARNs(%s, %+v): %v", cluster, f, err)
	}
	found, missing, err := s.Tasks(cluster, arns)
	if err != nil || len(missing) > 0 {
		t.Fatalf("Tasks(%s): missing %v, %v", cluster, missing, err)
	}
	return found
}

// allTasks is every task of a cluster, running or stopped.
func allTasks(t testing.TB, s *Sim, cluster string) []model.Task {
	return append(listTasks(t, s, cluster, TaskFilter{}), listTasks(t, s, cluster, TaskFilter{DesiredStatus: "STOPPED"})...)
}

func ids(tasks []model.Task) []string {
	out := make([]string, len(tasks))
	for i, t := range tasks {
		out[i] = t.ID
	}
	return out
}

func getTask(t testing.TB, s *Sim, cluster, ref string) model.Task {
	t.Helper()
	found, _, err := s.Tasks(cluster, []string{ref})
	if err != nil || len(found) != 1 {
		t.Fatalf("Tasks(%s, %s) = %v, %v", cluster, ref, found, err)
	}
	return found[0]
}

// run advances second by second until done holds, calling each after
// every step; it fails the test if done does not hold within limit.
func run(t testing.TB, s *Sim, limit time.Duration, done func() bool, each func()) {
	t.Helper()
	end := s.Now().Add(limit)
	for !done() {
		if !s.Now().Before(end) {
			t.Fatalf("not done after %v of simulated time", limit)
		}
		s.Advance(s.Now().Add(time.Second))
		if each != nil {
			each()
		}
	}
}

func hasEvent(svc model.Service, prefix string) bool {
	return slices.ContainsFunc(svc.Events, func(e model.ServiceEvent) bool { return strings.HasPrefix(e.Message, prefix) })
}

// checkCounts verifies that every running/pending counter (clusters,
// services, deployments, container instances, the statistics by launch
// type) and every instance's remaining resources agree with the tasks.
func checkCounts(t testing.TB, s *Sim) {
	t.Helper()
	type counts struct{ running, pending int }
	tally := func(c *counts, tk model.Task) {
		switch tk.LastStatus {
		case "RUNNING":
			c.running++
		case "PROVISIONING", "PENDING", "ACTIVATING":
			c.pending++
		}
	}
	for _, c := range s.Clusters() {
		var cl counts
		bySvc, byDep, byInst, byType := map[string]*counts{}, map[string]*counts{}, map[string]*counts{}, map[string]*counts{}
		used := map[string][2]int{}
		get := func(m map[string]*counts, k string) *counts {
			if m[k] == nil {
				m[k] = &counts{}
			}
			return m[k]
		}
		for _, tk := range allTasks(t, s, c.Name) {
			tally(&cl, tk)
			tally(get(bySvc, tk.Group), tk)
			tally(get(byDep, tk.StartedBy), tk)
			tally(get(byType, tk.LaunchType), tk)
			if tk.ContainerInstanceARN != "" {
				tally(get(byInst, tk.ContainerInstanceARN), tk)
				if tk.LastStatus != "STOPPED" {
					u := used[tk.ContainerInstanceARN]
					for _, ct := range tk.Containers {
						cpu, _ := strconv.Atoi(ct.CPU)
						mem, _ := strconv.Atoi(ct.Memory)
						u[0], u[1] = u[0]+cpu, u[1]+mem
					}
					used[tk.ContainerInstanceARN] = u
				}
			}
		}
		if c.RunningTasks != cl.running || c.PendingTasks != cl.pending {
			t.Errorf("cluster %s counts %d running %d pending, tasks say %+v", c.Name, c.RunningTasks, c.PendingTasks, cl)
		}
		arns, _ := s.ServiceARNs(c.Name, "")
		svcs, _, _ := s.Services(c.Name, arns)
		for _, svc := range svcs {
			if got := get(bySvc, "service:"+svc.Name); svc.Running != got.running || svc.Pending != got.pending {
				t.Errorf("service %s counts %d running %d pending, tasks say %+v", svc.Name, svc.Running, svc.Pending, *got)
			}
			for _, d := range svc.Deployments {
				if got := get(byDep, d.ID); d.Running != got.running || d.Pending != got.pending {
					t.Errorf("service %s deployment %s counts %d running %d pending, tasks say %+v", svc.Name, d.ID, d.Running, d.Pending, *got)
				}
			}
		}
		want := map[string]LaunchTypeStatistics{}
		for lt, n := range byType {
			want[lt] = LaunchTypeStatistics{RunningTasks: n.running, PendingTasks: n.pending}
		}
		checkStatistics(t, s, c.Name, want, svcs)
		arns, _ = s.ContainerInstanceARNs(c.Name, "")
		insts, _, _ := s.ContainerInstances(c.Name, arns)
		for _, in := range insts {
			got, u := get(byInst, in.ARN), used[in.ARN]
			if in.RunningTasks != got.running || in.PendingTasks != got.pending {
				t.Errorf("instance %s counts %d running %d pending, tasks say %+v", in.EC2InstanceID, in.RunningTasks, in.PendingTasks, *got)
			}
			if in.RemainingCPU != in.RegisteredCPU-u[0] || in.RemainingMemory != in.RegisteredMemory-u[1] {
				t.Errorf("instance %s remaining %d CPU %d MiB, tasks use %v of %d/%d", in.EC2InstanceID, in.RemainingCPU, in.RemainingMemory, u, in.RegisteredCPU, in.RegisteredMemory)
			}
		}
	}
}

// checkStatistics compares a cluster's statistics with its tasks' counts
// by launch type (want) and its services.
func checkStatistics(t testing.TB, s *Sim, cluster string, want map[string]LaunchTypeStatistics, svcs []model.Service) {
	t.Helper()
	for _, svc := range svcs {
		lt := ServiceLaunchType(svc)
		st := want[lt]
		switch svc.Status {
		case "ACTIVE":
			st.ActiveServices++
		case "DRAINING":
			st.DrainingServices++
		}
		want[lt] = st
	}
	got, err := s.ClusterStatistics(cluster)
	if err != nil {
		t.Fatal(err)
	}
	for lt := range got {
		if _, ok := want[lt]; !ok {
			want[lt] = LaunchTypeStatistics{}
		}
	}
	for lt, st := range want {
		if got[lt] != st {
			t.Errorf("cluster %s %q statistics %+v, tasks and services say %+v", cluster, lt, got[lt], st)
		}
	}
}
