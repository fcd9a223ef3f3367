package demo

import (
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// names is n distinct names with a prefix.
func names(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	return out
}

func TestDescribeBatchLimits(t *testing.T) {
	c := startDemo(t, Options{})
	_, err := c.ecs.DescribeServices(ctx(t), &ecs.DescribeServicesInput{Cluster: aws.String("prod"), Services: names("svc", 11)})
	wantAPIError(t, err, "InvalidParameterException", "service names can have at most 10 items.")
	_, err = c.ecs.DescribeTasks(ctx(t), &ecs.DescribeTasksInput{Cluster: aws.String("prod"), Tasks: names("task", 101)})
	wantAPIError(t, err, "InvalidParameterException", "taskIds can have at most 100 items.")
	_, err = c.ecs.DescribeClusters(ctx(t), &ecs.DescribeClustersInput{Clusters: names("cluster", 101)})
	wantAPIError(t, err, "InvalidParameterException", "clusters can have at most 100 items.")
	_, err = c.ecs.DescribeContainerInstances(ctx(t), &ecs.DescribeContainerInstancesInput{Cluster: aws.String("batch"), ContainerInstances: names("ci", 101)})
	wantAPIError(t, err, "InvalidParameterException", "containerInstanceIds can have at most 100 items.")

	// At the limit is fine: unknown ones come back as failures.
	out, err := c.ecs.DescribeServices(ctx(t), &ecs.DescribeServicesInput{Cluster: aws.String("prod"), Services: names("svc", 10)})
	if err != nil || len(out.Failures) != 10 {
		t.Errorf("DescribeServices of 10 unknown services: %v, %d failures", err, len(out.Failures))
	}
}

func TestNotFound(t *testing.T) {
	c := startDemo(t, Options{})

	_, err := c.ecs.DescribeServices(ctx(t), &ecs.DescribeServicesInput{Cluster: aws.String("nope"), Services: []string{"web"}})
	var clusterNotFound *types.ClusterNotFoundException
	if !errors.As(err, &clusterNotFound) {
		t.Errorf("DescribeServices in an unknown cluster: %v, want ClusterNotFoundException", err)
	}
	// No cluster named means "default", which the demo account does not have.
	_, err = c.ecs.ListServices(ctx(t), &ecs.ListServicesInput{})
	if !errors.As(err, &clusterNotFound) {
		t.Errorf("ListServices without a cluster: %v, want ClusterNotFoundException", err)
	}
	_, err = c.ecs.UpdateService(ctx(t), &ecs.UpdateServiceInput{Cluster: aws.String("prod"), Service: aws.String("ghost"), DesiredCount: aws.Int32(1)})
	var serviceNotFound *types.ServiceNotFoundException
	if !errors.As(err, &serviceNotFound) {
		t.Errorf("UpdateService of an unknown service: %v, want ServiceNotFoundException", err)
	}
	_, err = c.ecs.StopTask(ctx(t), &ecs.StopTaskInput{Cluster: aws.String("prod"), Task: aws.String("0123456789abcdef0123456789abcdef")})
	wantAPIError(t, err, "InvalidParameterException", "The referenced task was not found.")
	_, err = c.ecs.DescribeTaskDefinition(ctx(t), &ecs.DescribeTaskDefinitionInput{TaskDefinition: aws.String("no-such-family:1")})
	var clientErr *types.ClientException
	if !errors.As(err, &clientErr) {
		t.Errorf("DescribeTaskDefinition of an unknown one: %v, want ClientException", err)
	}

	// Describe calls report what they cannot find as failures, by ARN.
	svcs, err := c.ecs.DescribeServices(ctx(t), &ecs.DescribeServicesInput{
		Cluster:  aws.String("prod"),
		Services: []string{"web", "ghost", arnPrefix + "service/prod/ghost2"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(svcs.Services) != 1 || *svcs.Services[0].ServiceName != "web" {
		t.Errorf("described %+v, want web", svcs.Services)
	}
	wantFailures(t, svcs.Failures, arnPrefix+"service/prod/ghost", arnPrefix+"service/prod/ghost2")

	tasks, err := c.ecs.DescribeTasks(ctx(t), &ecs.DescribeTasksInput{Cluster: aws.String("prod"), Tasks: []string{"0123456789abcdef0123456789abcdef"}})
	if err != nil {
		t.Fatal(err)
	}
	wantFailures(t, tasks.Failures, arnPrefix+"task/prod/0123456789abcdef0123456789abcdef")

	instances, err := c.ecs.DescribeContainerInstances(ctx(t), &ecs.DescribeContainerInstancesInput{Cluster: aws.String("batch"), ContainerInstances: []string{"0123456789abcdef0123456789abcdef"}})
	if err != nil {
		t.Fatal(err)
	}
	wantFailures(t, instances.Failures, arnPrefix+"container-instance/batch/0123456789abcdef0123456789abcdef")
}

func wantFailures(t *testing.T, failures []types.Failure, arns ...string) {
	t.Helper()
	if len(failures) != len(arns) {
		t.Fatalf("failures = %d, want %d (%v)", len(failures), len(arns), arns)
	}
	for i, f := range failures {
		if *f.Arn != arns[i] || *f.Reason != "MISSING" {
			t.Errorf("failure %d = %s %s, want %s MISSING", i, *f.Arn, *f.Reason, arns[i])
		}
	}
}
