package demo

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

func describeService(t *testing.T, c *clients, cluster, name string) types.Service {
	t.Helper()
	out, err := c.ecs.DescribeServices(ctx(t), &ecs.DescribeServicesInput{
		Cluster: aws.String(cluster), Services: []string{name}, Include: []types.ServiceField{types.ServiceFieldTags},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Services) != 1 {
		t.Fatalf("DescribeServices %s/%s: %+v", cluster, name, out.Failures)
	}
	return out.Services[0]
}

func TestDescribeServices(t *testing.T) {
	c := startDemo(t, Options{})
	arns, err := c.srv.Sim().ServiceARNs("prod", "")
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := c.srv.Sim().Services("prod", arns)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range want {
		w := describeService(t, c, "prod", m.Name)
		dc := w.DeploymentConfiguration
		sameFields(t, "service "+m.Name, fields{
			"serviceArn":            {*w.ServiceArn, m.ARN},
			"clusterArn":            {*w.ClusterArn, m.ClusterARN},
			"status":                {*w.Status, m.Status},
			"desiredCount":          {int(w.DesiredCount), m.Desired},
			"runningCount":          {int(w.RunningCount), m.Running},
			"pendingCount":          {int(w.PendingCount), m.Pending},
			"launchType":            {string(w.LaunchType), m.LaunchType},
			"taskDefinition":        {*w.TaskDefinition, m.TaskDefinition},
			"enableExecuteCommand":  {w.EnableExecuteCommand, m.ExecEnabled},
			"schedulingStrategy":    {string(w.SchedulingStrategy), m.SchedulingStrategy},
			"createdAt":             {utc(w.CreatedAt), wireTime(m.CreatedAt)},
			"tags":                  {len(w.Tags), len(m.Tags)},
			"maximumPercent":        {int(*dc.MaximumPercent), m.MaxPercent},
			"minimumHealthyPercent": {int(*dc.MinimumHealthyPercent), m.MinHealthyPercent},
			"circuitBreaker":        {dc.DeploymentCircuitBreaker.Enable, m.CircuitBreaker},
			"rollback":              {dc.DeploymentCircuitBreaker.Rollback, m.Rollback},
		})
		var providers []string
		for _, p := range w.CapacityProviderStrategy {
			providers = append(providers, *p.CapacityProvider)
		}
		if !slices.Equal(providers, m.CapacityProviders) {
			t.Errorf("service %s capacity providers = %v, want %v", m.Name, providers, m.CapacityProviders)
		}
		if len(w.Deployments) != len(m.Deployments) || *w.Deployments[0].Status != "PRIMARY" {
			t.Fatalf("service %s deployments = %+v", m.Name, w.Deployments)
		}
		for i, d := range w.Deployments {
			md := m.Deployments[i]
			sameFields(t, "service "+m.Name+" deployment "+md.ID, fields{
				"id":                 {*d.Id, md.ID},
				"status":             {*d.Status, md.Status},
				"taskDefinition":     {*d.TaskDefinition, md.TaskDefinition},
				"desiredCount":       {int(d.DesiredCount), md.Desired},
				"runningCount":       {int(d.RunningCount), md.Running},
				"pendingCount":       {int(d.PendingCount), md.Pending},
				"failedTasks":        {int(d.FailedTasks), md.Failed},
				"rolloutState":       {string(d.RolloutState), md.RolloutState},
				"rolloutStateReason": {aws.ToString(d.RolloutStateReason), md.RolloutStateReason},
				"launchType":         {string(d.LaunchType), md.LaunchType},
				"createdAt":          {utc(d.CreatedAt), wireTime(md.CreatedAt)},
				"updatedAt":          {utc(d.UpdatedAt), wireTime(md.UpdatedAt)},
			})
		}
		if len(w.Events) != len(m.Events) {
			t.Fatalf("service %s has %d events, want %d", m.Name, len(w.Events), len(m.Events))
		}
		for i, e := range w.Events {
			if *e.Id != m.Events[i].ID || *e.Message != m.Events[i].Message {
				t.Errorf("service %s event %d = %s, want %s", m.Name, i, *e.Message, m.Events[i].Message)
			}
		}
		// Fargate services are awsvpc: a network configuration with subnets.
		if m.LaunchType == "FARGATE" {
			nc := w.NetworkConfiguration
			if nc == nil || len(nc.AwsvpcConfiguration.Subnets) == 0 || len(nc.AwsvpcConfiguration.SecurityGroups) == 0 {
				t.Errorf("Fargate service %s has no awsvpc network configuration: %+v", m.Name, nc)
			}
		}
	}
	web := describeService(t, c, "prod", "web")
	if !web.EnableExecuteCommand || web.DesiredCount < 2 || web.Deployments[0].RolloutState != types.DeploymentRolloutStateCompleted {
		t.Errorf("prod/web at start: exec %v, desired %d, rollout %s", web.EnableExecuteCommand, web.DesiredCount, web.Deployments[0].RolloutState)
	}

	// Tags only when asked for.
	plain, err := c.ecs.DescribeServices(ctx(t), &ecs.DescribeServicesInput{Cluster: aws.String("prod"), Services: []string{"web"}})
	if err != nil {
		t.Fatal(err)
	}
	if plain.Services[0].Tags != nil || web.Tags == nil {
		t.Errorf("tags without include = %v, with include = %v", plain.Services[0].Tags, web.Tags)
	}

	// ListServices filters by launch type.
	ec2, err := c.ecs.ListServices(ctx(t), &ecs.ListServicesInput{Cluster: aws.String("batch"), LaunchType: types.LaunchTypeEc2})
	if err != nil {
		t.Fatal(err)
	}
	fargate, err := c.ecs.ListServices(ctx(t), &ecs.ListServicesInput{Cluster: aws.String("batch"), LaunchType: types.LaunchTypeFargate})
	if err != nil {
		t.Fatal(err)
	}
	if len(ec2.ServiceArns) == 0 || len(fargate.ServiceArns) != 0 {
		t.Errorf("batch: %d EC2 services, %d Fargate ones", len(ec2.ServiceArns), len(fargate.ServiceArns))
	}
}

func TestUpdateService(t *testing.T) {
	c := startDemo(t, Options{})
	out, err := c.ecs.UpdateService(ctx(t), &ecs.UpdateServiceInput{Cluster: aws.String("prod"), Service: aws.String("web"), DesiredCount: aws.Int32(5)})
	if err != nil {
		t.Fatal(err)
	}
	if out.Service.DesiredCount != 5 {
		t.Errorf("UpdateService answered desiredCount %d, want 5", out.Service.DesiredCount)
	}
	c.srv.Sim().Advance(start.Add(5 * time.Minute))
	if web := describeService(t, c, "prod", "web"); web.RunningCount != 5 {
		t.Errorf("5 minutes after scaling to 5, web runs %d tasks", web.RunningCount)
	}

	out, err = c.ecs.UpdateService(ctx(t), &ecs.UpdateServiceInput{Cluster: aws.String("prod"), Service: aws.String("web"), ForceNewDeployment: true})
	if err != nil {
		t.Fatal(err)
	}
	if d := out.Service.Deployments; len(d) < 2 || d[0].RolloutState != types.DeploymentRolloutStateInProgress {
		t.Errorf("after forceNewDeployment, deployments = %+v", d)
	}
	c.srv.Sim().Advance(start.Add(30 * time.Minute))
	if d := describeService(t, c, "prod", "web").Deployments; len(d) != 1 || d[0].RolloutState != types.DeploymentRolloutStateCompleted {
		t.Errorf("a forced deployment did not complete: %+v", d)
	}

	// Roll notifications back to its previous task definition revision.
	notifications := describeService(t, c, "prod", "notifications")
	family, _, _ := strings.Cut(nameOf(*notifications.TaskDefinition), ":")
	revisions := c.srv.Sim().TaskDefinitionARNs(family, "")
	if len(revisions) < 2 {
		t.Fatalf("notifications has revisions %v, want two", revisions)
	}
	out, err = c.ecs.UpdateService(ctx(t), &ecs.UpdateServiceInput{Cluster: aws.String("prod"), Service: aws.String("notifications"), TaskDefinition: aws.String(revisions[0])})
	if err != nil {
		t.Fatal(err)
	}
	if *out.Service.TaskDefinition != revisions[0] {
		t.Errorf("after UpdateService taskDefinition, the service runs %s, want %s", *out.Service.TaskDefinition, revisions[0])
	}

	_, err = c.ecs.UpdateService(ctx(t), &ecs.UpdateServiceInput{Cluster: aws.String("prod"), Service: aws.String("web"), DesiredCount: aws.Int32(-1)})
	wantAPIError(t, err, "InvalidParameterException", "")
}
