package sim

import (
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// The account, borrowed from what real ECS accounts hold: a production
// Fargate cluster with a healthy web service (init container, sidecar,
// secrets), a worker that keeps getting OOM-killed, a service logging
// through FireLens, one on Fargate Spot and one stuck on an image that does
// not exist; a small staging cluster; an EC2 cluster with container
// instances, a service and nightly batch tasks.

const day = 24 * time.Hour

func (s *Sim) buildScenario() {
	s.buildProd()
	s.buildStaging()
	s.buildBatch()
}

func (s *Sim) ecr(repo string) string {
	return s.cfg.Account + ".dkr.ecr." + s.cfg.Region + ".amazonaws.com/" + repo
}

func (s *Sim) iam(role string) string { return "arn:aws:iam::" + s.cfg.Account + ":role/" + role }

func (s *Sim) secret(name string) model.Secret {
	return model.Secret{Name: "DATABASE_URL", ValueFrom: "arn:aws:secretsmanager:" + s.cfg.Region + ":" + s.cfg.Account + ":secret:" + name}
}

func (s *Sim) parameter(env, name string) model.Secret {
	return model.Secret{Name: env, ValueFrom: "arn:aws:ssm:" + s.cfg.Region + ":" + s.cfg.Account + ":parameter/" + name}
}

func (s *Sim) awslogs(group, prefix string) *model.LogConfiguration {
	return &model.LogConfiguration{Driver: "awslogs", Options: map[string]string{
		"awslogs-group": group, "awslogs-region": s.cfg.Region, "awslogs-stream-prefix": prefix,
	}}
}

func healthCheck(cmd string, start time.Duration) *model.HealthCheck {
	return &model.HealthCheck{Command: []string{"CMD-SHELL", cmd}, Interval: 30 * time.Second, Timeout: 5 * time.Second, Retries: 3, StartPeriod: start}
}

// fargate is a Fargate task definition of a valid CPU/memory pair.
func (s *Sim) fargate(family, cpu, memory, taskRole string, containers ...model.ContainerDefinition) model.TaskDefinition {
	return model.TaskDefinition{
		Family: family, CPU: cpu, Memory: memory, NetworkMode: "awsvpc", RequiresCompatibilities: []string{"FARGATE"},
		TaskRoleARN: s.iam(taskRole), ExecutionRoleARN: s.iam("ecsTaskExecutionRole"), Containers: containers,
	}
}

func (s *Sim) buildProd() {
	c := s.newCluster("prod", []string{"FARGATE", "FARGATE_SPOT"}, "enabled", map[string]string{"env": "prod", "team": "platform"})
	tags := map[string]string{"env": "prod"}

	// web: init container running migrations, the app, an Envoy sidecar.
	envoy := "840364872350.dkr.ecr." + s.cfg.Region + ".amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod"
	s.profile(imageProfile{image: envoy, voice: envoyLog()})
	var web *model.TaskDefinition
	for i, v := range []string{"1.39.0", "1.40.2", "1.41.0", "1.42.0"} {
		image := s.ecr("web:" + v)
		s.profile(imageProfile{image: image, voice: accessLog(v)})
		s.profile(imageProfile{image: "migrate@" + image, voice: migrations()})
		logs := s.awslogs("/ecs/prod/web", "web")
		web = s.register(s.fargate("web", "512", "1024", "prod-web-task",
			model.ContainerDefinition{Name: "migrate", Image: image, Command: []string{"npm", "run", "migrate"},
				Secrets: []model.Secret{s.secret("prod/web/db-AbCdEf")}, LogConfiguration: logs},
			model.ContainerDefinition{Name: "app", Image: image, Essential: true, MemoryReservation: 768,
				PortMappings:     []model.PortMapping{{Name: "http", ContainerPort: 8080, Protocol: "tcp", AppProtocol: "http"}},
				DependsOn:        []model.ContainerDependency{{ContainerName: "migrate", Condition: "SUCCESS"}, {ContainerName: "envoy", Condition: "HEALTHY"}},
				Environment:      map[string]string{"NODE_ENV": "production", "PORT": "8080"},
				Secrets:          []model.Secret{s.secret("prod/web/db-AbCdEf"), s.parameter("API_KEY", "prod/web/api-key")},
				LogConfiguration: logs, HealthCheck: healthCheck("curl -f http://localhost:8080/healthz || exit 1", 20*time.Second)},
			model.ContainerDefinition{Name: "envoy", Image: envoy, Essential: true, MemoryReservation: 128,
				PortMappings:     []model.PortMapping{{ContainerPort: 9901, Protocol: "tcp"}},
				Environment:      map[string]string{"APPMESH_RESOURCE_ARN": "arn:aws:appmesh:" + s.cfg.Region + ":" + s.cfg.Account + ":mesh/prod/virtualNode/web"},
				LogConfiguration: logs, HealthCheck: healthCheck("curl -s http://localhost:9901/server_info | grep state | grep -q LIVE", 10*time.Second)},
		), s.now.Add(-time.Duration(90-20*i)*day))
	}
	s.families["web"][0].Status = "INACTIVE"
	s.newService(c, serviceSpec{name: "web", td: web, desired: 3, launchType: "FARGATE", minHealthy: 100, max: 200,
		exec: true, breaker: true, rollback: true, loadBalanced: true, age: 400 * day, deployedAgo: 3 * day, retentionDays: 30, tags: tags})

	// worker: the current build leaks memory and gets OOM-killed; sometimes
	// a poison message makes it exit 1 instead.
	var worker *model.TaskDefinition
	for _, v := range []string{"2.3.0", "2.3.1"} {
		image := s.ecr("worker:" + v)
		p := imageProfile{image: image, voice: pythonWorker("emails,webhooks,thumbnails")}
		if v == "2.3.1" {
			p.crashAfter, p.oomShare = [2]time.Duration{30 * time.Second, 3 * time.Minute}, 0.75
		}
		s.profile(p)
		worker = s.register(s.fargate("worker", "256", "512", "prod-worker-task",
			model.ContainerDefinition{Name: "app", Image: image, Essential: true, Memory: 512, Command: []string{"python", "-m", "worker"},
				Secrets:          []model.Secret{s.secret("prod/worker/db-QwErTy"), s.parameter("SENTRY_DSN", "prod/worker/sentry-dsn")},
				LogConfiguration: s.awslogs("/ecs/prod/worker", "worker")},
		), s.now.Add(-time.Duration(30-25*len(s.families["worker"]))*day))
	}
	s.newService(c, serviceSpec{name: "worker", td: worker, desired: 2, launchType: "FARGATE", minHealthy: 50, max: 200,
		exec: true, breaker: true, age: 200 * day, deployedAgo: 2 * time.Hour, rolling: true, fresh: true, retentionDays: 30, tags: tags})

	// api: logs through FireLens (Fluent Bit) to CloudWatch.
	router := "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
	s.profile(imageProfile{image: router, voice: fluentBit("/ecs/prod/api", "api/")})
	s.profile(imageProfile{image: s.ecr("api:3.8.2"), voice: goAPI()})
	api := s.register(s.fargate("api", "1024", "2048", "prod-api-task",
		model.ContainerDefinition{Name: "log_router", Image: router, Essential: true, MemoryReservation: 50, FirelensType: "fluentbit",
			LogConfiguration: s.awslogs("/ecs/prod/api-firelens", "firelens")},
		model.ContainerDefinition{Name: "app", Image: s.ecr("api:3.8.2"), Essential: true, MemoryReservation: 1024,
			PortMappings: []model.PortMapping{{Name: "http", ContainerPort: 8000, Protocol: "tcp", AppProtocol: "http"}},
			DependsOn:    []model.ContainerDependency{{ContainerName: "log_router", Condition: "START"}},
			Secrets:      []model.Secret{s.secret("prod/api/db-ZxCvBn")},
			LogConfiguration: &model.LogConfiguration{Driver: "awsfirelens", Options: map[string]string{
				"Name": "cloudwatch_logs", "region": s.cfg.Region, "log_group_name": "/ecs/prod/api",
				"log_stream_prefix": "api/", "auto_create_group": "true",
			}},
			HealthCheck: healthCheck("wget -q -O- http://localhost:8000/health || exit 1", 15*time.Second)},
	), s.now.Add(-12*day))
	s.newService(c, serviceSpec{name: "api", td: api, desired: 2, launchType: "FARGATE", minHealthy: 100, max: 200,
		exec: true, breaker: true, rollback: true, loadBalanced: true, age: 150 * day, deployedAgo: 6 * day, retentionDays: 30, tags: tags})

	// checkout: mostly on Fargate Spot; now and then a task's health check
	// starts failing and it is replaced.
	dd := "public.ecr.aws/datadog/agent:7"
	s.profile(imageProfile{image: dd, voice: datadogAgent()})
	s.profile(imageProfile{image: s.ecr("checkout:5.2.0"), voice: springCheckout(), unhealthyShare: 0.2, unhealthyAfter: [2]time.Duration{20 * time.Minute, 2 * time.Hour}})
	checkout := s.register(s.fargate("checkout", "1024", "2048", "prod-checkout-task",
		model.ContainerDefinition{Name: "app", Image: s.ecr("checkout:5.2.0"), Essential: true, MemoryReservation: 1536,
			PortMappings: []model.PortMapping{{Name: "http", ContainerPort: 8080, Protocol: "tcp", AppProtocol: "http"}},
			Environment:  map[string]string{"SPRING_PROFILES_ACTIVE": "prod", "JAVA_TOOL_OPTIONS": "-XX:MaxRAMPercentage=75"},
			Secrets: []model.Secret{{Name: "STRIPE_API_KEY", ValueFrom: "arn:aws:secretsmanager:" + s.cfg.Region + ":" + s.cfg.Account + ":secret:prod/checkout/stripe-XyZ123"},
				s.parameter("DD_API_KEY", "prod/datadog/api-key")},
			LogConfiguration: s.awslogs("/ecs/prod/checkout", "checkout"),
			HealthCheck:      healthCheck("curl -f http://localhost:8080/actuator/health || exit 1", 60*time.Second)},
		model.ContainerDefinition{Name: "datadog-agent", Image: dd, MemoryReservation: 256,
			Environment:      map[string]string{"ECS_FARGATE": "true", "DD_SITE": "datadoghq.com"},
			Secrets:          []model.Secret{s.parameter("DD_API_KEY", "prod/datadog/api-key")},
			LogConfiguration: s.awslogs("/ecs/prod/checkout", "checkout")},
	), s.now.Add(-2*day))
	s.newService(c, serviceSpec{name: "checkout", td: checkout, desired: 4, minHealthy: 100, max: 200,
		strategy: []cpItem{{Provider: "FARGATE", Base: 1}, {Provider: "FARGATE_SPOT", Weight: 1}},
		exec:     true, loadBalanced: true, age: 90 * day, deployedAgo: day, retentionDays: 30, tags: tags})

	// notifications: deployed with an image tag that was never pushed; the
	// old task keeps serving while new ones fail to pull.
	s.profile(imageProfile{image: s.ecr("notifications:1.9.4"), voice: pythonWorker("push,sms")})
	s.profile(imageProfile{image: s.ecr("notifications:2.0.0-rc1"), pullError: true})
	var notif []*model.TaskDefinition
	for _, v := range []string{"1.9.4", "2.0.0-rc1"} {
		notif = append(notif, s.register(s.fargate("notifications", "256", "512", "prod-notifications-task",
			model.ContainerDefinition{Name: "app", Image: s.ecr("notifications:" + v), Essential: true, Memory: 512,
				LogConfiguration: s.awslogs("/ecs/prod/notifications", "notifications")},
		), s.now.Add(-time.Duration(40-39*len(notif))*day)))
	}
	s.newService(c, serviceSpec{name: "notifications", td: notif[1], previous: notif[0], desired: 1, launchType: "FARGATE",
		minHealthy: 100, max: 200, age: 60 * day, deployedAgo: 3 * time.Hour, rolling: true, retentionDays: 30, tags: tags})
}

func (s *Sim) buildStaging() {
	c := s.newCluster("staging", []string{"FARGATE", "FARGATE_SPOT"}, "disabled", map[string]string{"env": "staging"})
	tags := map[string]string{"env": "staging"}
	image := s.ecr("web:1.43.0-rc.2")
	s.profile(imageProfile{image: image, voice: accessLog("1.43.0-rc.2")})
	web := s.register(s.fargate("web-staging", "256", "512", "staging-web-task",
		model.ContainerDefinition{Name: "app", Image: image, Essential: true,
			PortMappings:     []model.PortMapping{{Name: "http", ContainerPort: 8080, Protocol: "tcp", AppProtocol: "http"}},
			Environment:      map[string]string{"NODE_ENV": "staging", "PORT": "8080"},
			Secrets:          []model.Secret{s.secret("staging/web/db-PlMnOk")},
			LogConfiguration: s.awslogs("/ecs/staging/web", "web"),
			HealthCheck:      healthCheck("curl -f http://localhost:8080/healthz || exit 1", 20*time.Second)},
	), s.now.Add(-5*day))
	s.newService(c, serviceSpec{name: "web", td: web, desired: 1, launchType: "FARGATE", minHealthy: 100, max: 200,
		exec: true, loadBalanced: true, age: 300 * day, deployedAgo: 5 * day, retentionDays: 7, tags: tags})

	image = s.ecr("worker:2.4.0")
	s.profile(imageProfile{image: image, voice: pythonWorker("emails,webhooks")})
	worker := s.register(s.fargate("worker-staging", "256", "512", "staging-worker-task",
		model.ContainerDefinition{Name: "app", Image: image, Essential: true, Memory: 512, Command: []string{"python", "-m", "worker"},
			LogConfiguration: s.awslogs("/ecs/staging/worker", "worker")},
	), s.now.Add(-4*day))
	s.newService(c, serviceSpec{name: "worker", td: worker, desired: 1, launchType: "FARGATE", minHealthy: 0, max: 200,
		exec: true, age: 300 * day, deployedAgo: 4 * day, retentionDays: 7, tags: tags})
}

// ec2 is an EC2 (bridge network) task definition.
func (s *Sim) ec2(family, taskRole string, containers ...model.ContainerDefinition) model.TaskDefinition {
	return model.TaskDefinition{
		Family: family, NetworkMode: "bridge", RequiresCompatibilities: []string{"EC2"},
		TaskRoleARN: s.iam(taskRole), ExecutionRoleARN: s.iam("ecsTaskExecutionRole"), Containers: containers,
	}
}

func (s *Sim) buildBatch() {
	c := s.newCluster("batch", []string{"batch-asg"}, "disabled", map[string]string{"env": "prod", "team": "data"})
	s.newInstance(c, "m6i.large", 2048, 7680, "a", "ACTIVE", true, 12*day)
	s.newInstance(c, "m6i.large", 2048, 7680, "b", "ACTIVE", true, 12*day)
	s.newInstance(c, "m6i.large", 2048, 7680, "c", "DRAINING", true, 40*day) // being replaced by the ASG

	image := s.ecr("report-runner:0.9.7")
	s.profile(imageProfile{image: image, voice: reportRunner()})
	rr := s.register(s.ec2("report-runner", "batch-report-runner-task",
		model.ContainerDefinition{Name: "app", Image: image, Essential: true, CPU: 512, Memory: 1024,
			PortMappings:     []model.PortMapping{{ContainerPort: 8080, HostPort: 0, Protocol: "tcp"}},
			LogConfiguration: s.awslogs("/ecs/batch/report-runner", "report-runner")},
	), s.now.Add(-20*day))
	s.newService(c, serviceSpec{name: "report-runner", td: rr, desired: 2, launchType: "EC2", minHealthy: 50, max: 200,
		age: 250 * day, deployedAgo: 20 * day, retentionDays: 14, tags: map[string]string{"team": "data"}})

	// The nightly report: standalone tasks started by an EventBridge rule,
	// one shard done already, one still running.
	image = s.ecr("nightly-report:2024.06.1")
	s.profile(imageProfile{image: image, voice: nightlyReport(), finishAfter: [2]time.Duration{70 * time.Minute, 100 * time.Minute}})
	nightly := s.register(s.ec2("nightly-report", "batch-nightly-report-task",
		model.ContainerDefinition{Name: "app", Image: image, Essential: true, CPU: 1024, Memory: 3072,
			Command:          []string{"python", "-m", "nightly", "--date", "yesterday"},
			Secrets:          []model.Secret{s.secret("batch/nightly/warehouse-LkJhGf")},
			LogConfiguration: s.awslogs("/ecs/batch/nightly-report", "nightly")},
	), s.now.Add(-9*day))
	s.logGroups(nightly, 14, s.now.Add(-200*day))
	s.runTask(c, nightly, "events-rule/nightly", s.now.Add(-50*time.Minute))
	s.runTask(c, nightly, "events-rule/nightly", s.now.Add(-5*time.Minute))
}
