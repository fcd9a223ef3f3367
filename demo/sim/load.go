package sim

import (
	"fmt"

	"github.com/ecsdeck/ecsdeck/model"
)

// buildLoad adds the "load" cluster for benchmarks: many services of
// RUNNING tasks that never change and write no logs.
func (s *Sim) buildLoad() {
	if s.cfg.LoadServices <= 0 {
		return
	}
	c := s.newCluster("load", []string{"FARGATE"}, "disabled", map[string]string{"env": "load"})
	td := s.register(s.fargate("load-app", "256", "512", "load-app-task",
		model.ContainerDefinition{Name: "app", Image: "public.ecr.aws/nginx/nginx:1.27", Essential: true,
			PortMappings: []model.PortMapping{{ContainerPort: 80, Protocol: "tcp"}}},
	), s.now.Add(-30*day))
	for i := 1; i <= s.cfg.LoadServices; i++ {
		s.newService(c, serviceSpec{name: fmt.Sprintf("svc-%04d", i), td: td, desired: s.cfg.LoadTasksPerService,
			launchType: "FARGATE", minHealthy: 100, max: 200, age: 30 * day, deployedAgo: 7 * day})
	}
}
