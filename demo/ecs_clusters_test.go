package demo

import (
	"slices"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

const arnPrefix = "arn:aws:ecs:us-east-1:123456789012:"

func TestListAndDescribeClusters(t *testing.T) {
	c := startDemo(t, Options{})
	var arns []string
	for p := ecs.NewListClustersPaginator(c.ecs, &ecs.ListClustersInput{}); p.HasMorePages(); {
		page, err := p.NextPage(ctx(t))
		if err != nil {
			t.Fatal(err)
		}
		arns = append(arns, page.ClusterArns...)
	}
	for _, name := range []string{"prod", "staging", "batch"} {
		if !slices.Contains(arns, arnPrefix+"cluster/"+name) {
			t.Errorf("ListClusters = %v, want cluster %s", arns, name)
		}
	}

	out, err := c.ecs.DescribeClusters(ctx(t), &ecs.DescribeClustersInput{
		Clusters: append(slices.Clone(arns), "nope"),
		Include:  []types.ClusterField{types.ClusterFieldStatistics, types.ClusterFieldSettings, types.ClusterFieldTags},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Clusters) != len(arns) {
		t.Fatalf("described %d clusters, want %d", len(out.Clusters), len(arns))
	}
	if len(out.Failures) != 1 || *out.Failures[0].Arn != arnPrefix+"cluster/nope" || *out.Failures[0].Reason != "MISSING" {
		t.Errorf("failures = %+v, want cluster/nope MISSING", out.Failures)
	}
	for _, wc := range out.Clusters {
		m, err := c.srv.Sim().Cluster(*wc.ClusterArn)
		if err != nil {
			t.Fatal(err)
		}
		sameFields(t, "cluster "+m.Name, fields{
			"clusterName":                       {*wc.ClusterName, m.Name},
			"status":                            {*wc.Status, m.Status},
			"runningTasksCount":                 {int(wc.RunningTasksCount), m.RunningTasks},
			"pendingTasksCount":                 {int(wc.PendingTasksCount), m.PendingTasks},
			"activeServicesCount":               {int(wc.ActiveServicesCount), m.ActiveServices},
			"registeredContainerInstancesCount": {int(wc.RegisteredContainerInstancesCount), m.ContainerInstances},
			"capacityProviders":                 {len(wc.CapacityProviders), len(m.CapacityProviders)},
		})
		stats := map[string]int{}
		for _, kv := range wc.Statistics {
			n, err := strconv.Atoi(*kv.Value)
			if err != nil {
				t.Fatalf("statistic %s = %q", *kv.Name, *kv.Value)
			}
			stats[*kv.Name] = n
		}
		running := stats["runningEC2TasksCount"] + stats["runningFargateTasksCount"] + stats["runningExternalTasksCount"]
		pending := stats["pendingEC2TasksCount"] + stats["pendingFargateTasksCount"] + stats["pendingExternalTasksCount"]
		if running != m.RunningTasks || pending != m.PendingTasks {
			t.Errorf("cluster %s statistics %v do not add up to %d running, %d pending", m.Name, stats, m.RunningTasks, m.PendingTasks)
		}
		if active := stats["activeEC2ServiceCount"] + stats["activeFargateServiceCount"] + stats["activeExternalServiceCount"]; active != m.ActiveServices {
			t.Errorf("cluster %s statistics %v do not add up to %d active services", m.Name, stats, m.ActiveServices)
		}
		if len(wc.Settings) != 1 || wc.Settings[0].Name != types.ClusterSettingNameContainerInsights || *wc.Settings[0].Value == "" {
			t.Errorf("cluster %s settings = %+v", m.Name, wc.Settings)
		}
		if len(wc.Tags) != len(m.Tags) {
			t.Errorf("cluster %s tags = %+v, want %v", m.Name, wc.Tags, m.Tags)
		}
		switch m.Name {
		case "prod":
			if stats["runningFargateTasksCount"] == 0 || stats["activeFargateServiceCount"] == 0 {
				t.Errorf("prod runs no Fargate tasks or services: %v", stats)
			}
		case "batch":
			if stats["runningEC2TasksCount"] == 0 || wc.RegisteredContainerInstancesCount == 0 {
				t.Errorf("batch runs no EC2 tasks on instances: %v, %d instances", stats, wc.RegisteredContainerInstancesCount)
			}
		}
	}

	// Without include: the counts, but no statistics or settings.
	plain, err := c.ecs.DescribeClusters(ctx(t), &ecs.DescribeClustersInput{Clusters: []string{"prod"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(plain.Clusters) != 1 || plain.Clusters[0].Statistics != nil || plain.Clusters[0].Settings != nil || plain.Clusters[0].RunningTasksCount == 0 {
		t.Errorf("DescribeClusters without include = %+v", plain.Clusters)
	}

	// No cluster named: AWS describes "default", which this account lacks.
	def, err := c.ecs.DescribeClusters(ctx(t), &ecs.DescribeClustersInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(def.Clusters) != 0 || len(def.Failures) != 1 || *def.Failures[0].Arn != arnPrefix+"cluster/default" {
		t.Errorf("DescribeClusters() = %+v / %+v, want a failure for default", def.Clusters, def.Failures)
	}
}
