package sim

import (
	"fmt"
	"maps"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// Builders for the scenario: resources created as if they had existed for a
// while, with tasks already running.

func (s *Sim) newCluster(name string, providers []string, insights string, tags map[string]string) *clusterState {
	c := &clusterState{byName: map[string]*service{}, tasks: map[string]*task{}, launchTypes: map[string]*LaunchTypeStatistics{}, m: model.Cluster{
		ARN: s.arn("cluster/" + name), Name: name, Status: "ACTIVE",
		CapacityProviders: providers, ContainerInsights: insights, Tags: tags,
	}}
	s.clusters = append(s.clusters, c)
	s.byName[name] = c
	return c
}

func (s *Sim) newInstance(c *clusterState, typ string, cpu, mem int, az, status string, connected bool, age time.Duration) *instance {
	in := &instance{c: c, nextPort: 32768, m: model.ContainerInstance{
		ARN: s.arn("container-instance/" + c.m.Name + "/" + s.hex(32)), EC2InstanceID: s.ec2ID(),
		Status: status, AgentConnected: connected, AgentVersion: "1.86.3",
		RegisteredCPU: cpu, RemainingCPU: cpu, RegisteredMemory: mem, RemainingMemory: mem,
		InstanceType: typ, AvailabilityZone: s.cfg.Region + az, CapacityProvider: c.m.CapacityProviders[0],
		RegisteredAt: s.now.Add(-age),
	}}
	c.instances = append(c.instances, in)
	c.sortedInstances = nil
	return in
}

// serviceSpec describes a service as the scenario finds it.
type serviceSpec struct {
	name              string
	td                *model.TaskDefinition
	previous          *model.TaskDefinition // still running: the deployment of td has not come up
	desired           int
	launchType        string
	strategy          []cpItem
	minHealthy, max   int
	exec              bool
	breaker, rollback bool
	loadBalanced      bool
	age, deployedAgo  time.Duration
	rolling           bool // the deployment of td is still IN_PROGRESS
	fresh             bool // its tasks started a moment ago (they do not live long)
	retentionDays     int
	tags              map[string]string
}

func (s *Sim) newService(c *clusterState, sp serviceSpec) *service {
	svc := &service{c: c, strategy: sp.strategy, m: model.Service{
		ARN: s.arn("service/" + c.m.Name + "/" + sp.name), Name: sp.name, ClusterARN: c.m.ARN,
		Status: "ACTIVE", Desired: sp.desired, LaunchType: sp.launchType, SchedulingStrategy: "REPLICA",
		MinHealthyPercent: sp.minHealthy, MaxPercent: sp.max, ExecEnabled: sp.exec,
		CreatedAt: s.now.Add(-sp.age), CircuitBreaker: sp.breaker, Rollback: sp.rollback, Tags: maps.Clone(sp.tags),
	}}
	for _, it := range sp.strategy {
		svc.m.CapacityProviders = append(svc.m.CapacityProviders, it.Provider)
	}
	if sp.loadBalanced {
		svc.targetGroup = fmt.Sprintf("arn:aws:elasticloadbalancing:%s:%s:targetgroup/%s-%s/%s", s.cfg.Region, s.cfg.Account, c.m.Name, sp.name, s.hex(16))
	}
	c.services = append(c.services, svc)
	c.sortedServices = nil
	c.byName[sp.name] = svc
	s.logGroups(sp.td, sp.retentionDays, svc.m.CreatedAt)

	// The deployment of td, and when the task definition before it is
	// still what runs, the older deployment its tasks belong to.
	dep := s.oldDeployment(svc, sp.td, s.now.Add(-sp.deployedAgo))
	if sp.rolling {
		dep.m.RolloutState, dep.m.RolloutStateReason = "IN_PROGRESS", "ECS deployment "+dep.m.ID+" in progress."
	}
	svc.deps = []*deployment{dep}
	svc.m.TaskDefinition = sp.td.ARN
	runs := dep
	if sp.previous != nil {
		runs = s.oldDeployment(svc, sp.previous, dep.m.CreatedAt.Add(-30*24*time.Hour))
		runs.m.Status = "ACTIVE"
		svc.deps = append(svc.deps, runs)
	}

	var ids []string
	for range sp.desired {
		up := runs.m.CreatedAt.Add(s.between(30*time.Second, 70*time.Second))
		if sp.fresh {
			up = s.now.Add(-s.between(10*time.Second, 3*time.Minute))
		}
		if t := s.bootServiceTask(svc, runs, up); t != nil {
			ids = append(ids, t.m.ID)
		}
	}
	s.eventAt(svc, runs.m.CreatedAt.Add(15*time.Second), fmt.Sprintf("(service %s) has started %d tasks: %s.", sp.name, len(ids), taskList(ids)))
	if runs.m.RolloutState == "COMPLETED" {
		at := runs.m.CreatedAt.Add(3 * time.Minute)
		s.eventAt(svc, at, fmt.Sprintf("(service %s) (deployment %s) deployment completed.", sp.name, runs.m.ID))
		s.eventAt(svc, at, fmt.Sprintf("(service %s) has reached a steady state.", sp.name))
		svc.lastGood = runs.td
		svc.steady = runs == dep
	}
	return svc
}

// oldDeployment is a deployment made at a time in the past, COMPLETED.
func (s *Sim) oldDeployment(svc *service, td *model.TaskDefinition, at time.Time) *deployment {
	id := s.deploymentID()
	return &deployment{td: td, m: model.Deployment{
		ID: id, Status: "PRIMARY", TaskDefinition: td.ARN, Desired: svc.m.Desired,
		RolloutState: "COMPLETED", RolloutStateReason: "ECS deployment " + id + " completed.",
		LaunchType: svc.m.LaunchType, CreatedAt: at, UpdatedAt: at.Add(3 * time.Minute),
	}}
}

// bootServiceTask is a task of dep that has been RUNNING since up.
func (s *Sim) bootServiceTask(svc *service, dep *deployment, up time.Time) *task {
	t := s.serviceTask(svc, dep)
	if t != nil {
		s.boot(t, up)
	}
	return t
}

// boot brings a just-created task to RUNNING as if it had started at up.
func (s *Sim) boot(t *task, up time.Time) {
	t.m.CreatedAt = up.Add(-s.between(20*time.Second, 40*time.Second))
	t.m.PullStartedAt = t.m.CreatedAt.Add(s.between(2*time.Second, 4*time.Second))
	t.m.PullStoppedAt = up.Add(-s.between(3*time.Second, 8*time.Second))
	t.m.StartedAt = up
	inits := initContainers(t.td)
	for i := range t.m.Containers {
		ct := &t.m.Containers[i]
		ct.ImageDigest = digest(ct.Image)
		s.startContainer(t, i)
		if inits[ct.Name] {
			s.exitContainer(t, i, 0, "")
		}
	}
	s.setStatus(t, "RUNNING")
	if hc := healthCheckStart(t.td); hc >= 0 && up.Add(hc).Before(s.now) {
		s.setHealth(t, "HEALTHY")
	}
	s.planRunning(t)
}

// runTask starts a standalone task (RunTask), running since up.
func (s *Sim) runTask(c *clusterState, td *model.TaskDefinition, startedBy string, up time.Time) *task {
	sp := taskSpec{group: "family:" + td.Family, startedBy: startedBy, launchType: "FARGATE"}
	if td.RequiresCompatibilities[0] == "EC2" {
		inst, _ := s.place(c, td)
		if inst == nil {
			return nil
		}
		sp.launchType, sp.inst, sp.capacityProvider = "EC2", inst, inst.m.CapacityProvider
	}
	t := s.newTask(c, td, sp)
	s.boot(t, up)
	return t
}

// logGroups creates the log groups a task definition writes to.
func (s *Sim) logGroups(td *model.TaskDefinition, retentionDays int, created time.Time) {
	for _, d := range td.Containers {
		if loc, ok := model.ContainerLogLocation(d, "x"); ok {
			s.group(loc.Group, retentionDays, created)
		}
	}
}
