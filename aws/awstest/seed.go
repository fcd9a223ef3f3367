package awstest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// MotoSeed is what SeedMoto created.
type MotoSeed struct {
	Cluster, ClusterARN  string
	Service, ServiceARN  string
	TaskDefinitionARN    string
	ContainerInstanceARN string
	EC2InstanceID        string
	TaskARNs             []string // RUNNING tasks of Service, as RunTask started them
}

var motoCreds = sdk.Credentials{AccessKeyID: "testing", SecretAccessKey: "testing"}

// SeedMoto creates, through plain SDK calls, an EC2 cluster with one
// registered container instance (moto places tasks only on those), a task
// definition with two containers, a service, and `tasks` tasks of that
// service. moto's services never start tasks, so they are started with
// RunTask in the service's group. moto's task IDs are UUIDs.
func SeedMoto(t testing.TB, endpointURL string, tasks int) MotoSeed {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client := ecs.New(ecs.Options{
		Region:       MotoRegion,
		BaseEndpoint: sdk.String(endpointURL),
		Credentials:  sdk.CredentialsProviderFunc(func(context.Context) (sdk.Credentials, error) { return motoCreds, nil }),
	})
	s := MotoSeed{Cluster: "moto-ec2", Service: "web"}
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("awstest: seed moto: %s: %v", what, err)
		}
	}

	cl, err := client.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: sdk.String(s.Cluster)})
	must("CreateCluster", err)
	s.ClusterARN = sdk.ToString(cl.Cluster.ClusterArn)

	s.EC2InstanceID, err = runEC2Instance(ctx, endpointURL)
	must("ec2 RunInstances", err)
	doc, _ := json.Marshal(map[string]string{"instanceId": s.EC2InstanceID, "region": MotoRegion})
	ci, err := client.RegisterContainerInstance(ctx, &ecs.RegisterContainerInstanceInput{
		Cluster: sdk.String(s.Cluster), InstanceIdentityDocument: sdk.String(string(doc))})
	must("RegisterContainerInstance", err)
	s.ContainerInstanceARN = sdk.ToString(ci.ContainerInstance.ContainerInstanceArn)

	td, err := client.RegisterTaskDefinition(ctx, seedTaskDefinition())
	must("RegisterTaskDefinition", err)
	s.TaskDefinitionARN = sdk.ToString(td.TaskDefinition.TaskDefinitionArn)

	svc, err := client.CreateService(ctx, &ecs.CreateServiceInput{
		Cluster: sdk.String(s.Cluster), ServiceName: sdk.String(s.Service),
		TaskDefinition: sdk.String(s.TaskDefinitionARN), DesiredCount: sdk.Int32(int32(tasks)),
		LaunchType: types.LaunchTypeEc2})
	must("CreateService", err)
	s.ServiceARN = sdk.ToString(svc.Service.ServiceArn)

	for range tasks {
		run, err := client.RunTask(ctx, &ecs.RunTaskInput{
			Cluster: sdk.String(s.Cluster), TaskDefinition: sdk.String(s.TaskDefinitionARN),
			StartedBy: sdk.String("ecs-svc/seed"), Group: sdk.String("service:" + s.Service),
			LaunchType: types.LaunchTypeEc2})
		must("RunTask", err)
		if len(run.Tasks) != 1 {
			t.Fatalf("awstest: seed moto: RunTask started %d tasks (failures %+v)", len(run.Tasks), run.Failures)
		}
		s.TaskARNs = append(s.TaskARNs, sdk.ToString(run.Tasks[0].TaskArn))
	}
	return s
}

func seedTaskDefinition() *ecs.RegisterTaskDefinitionInput {
	return &ecs.RegisterTaskDefinitionInput{
		Family:      sdk.String("web"),
		NetworkMode: types.NetworkModeBridge,
		ContainerDefinitions: []types.ContainerDefinition{
			{
				Name: sdk.String("app"), Image: sdk.String("public.ecr.aws/nginx/nginx:1.27"),
				Essential: sdk.Bool(true), Cpu: 128, Memory: sdk.Int32(256),
				PortMappings: []types.PortMapping{{ContainerPort: sdk.Int32(80), Protocol: types.TransportProtocolTcp}},
				DependsOn: []types.ContainerDependency{{ContainerName: sdk.String("log-router"),
					Condition: types.ContainerConditionStart}},
				Environment: []types.KeyValuePair{{Name: sdk.String("MODE"), Value: sdk.String("moto")}},
				Secrets: []types.Secret{{Name: sdk.String("DB_PASSWORD"),
					ValueFrom: sdk.String("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf")}},
				LogConfiguration: &types.LogConfiguration{LogDriver: types.LogDriverAwsfirelens,
					Options: map[string]string{"Name": "cloudwatch_logs", "log_group_name": "/ecs/web"}},
				HealthCheck: &types.HealthCheck{Command: []string{"CMD-SHELL", "curl -f localhost/ || exit 1"},
					Interval: sdk.Int32(30), Timeout: sdk.Int32(5), Retries: sdk.Int32(3), StartPeriod: sdk.Int32(10)},
			},
			{
				Name: sdk.String("log-router"), Image: sdk.String("public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"),
				Essential: sdk.Bool(true), Cpu: 64, MemoryReservation: sdk.Int32(64),
				FirelensConfiguration: &types.FirelensConfiguration{Type: types.FirelensConfigurationTypeFluentbit},
			},
		},
	}
}

// runEC2Instance starts an instance in moto's EC2 for the container
// instance to stand for. The EC2 API is called as a signed Query request:
// ecsdeck does not otherwise need the EC2 SDK module.
func runEC2Instance(ctx context.Context, endpointURL string) (string, error) {
	form := url.Values{"Action": {"RunInstances"}, "Version": {"2016-11-15"}, "ImageId": {"ami-12345678"},
		"MinCount": {"1"}, "MaxCount": {"1"}, "InstanceType": {"t3.medium"}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpointURL+"/", strings.NewReader(form))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	sum := sha256.Sum256([]byte(form))
	if err := v4.NewSigner().SignHTTP(ctx, motoCreds, req, hex.EncodeToString(sum[:]), "ec2", MotoRegion, time.Now()); err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var out struct {
		InstanceIDs []string `xml:"instancesSet>item>instanceId"`
	}
	if err := xml.Unmarshal(body, &out); err != nil || resp.StatusCode != http.StatusOK || len(out.InstanceIDs) == 0 {
		return "", fmt.Errorf("HTTP %d: %s", resp.StatusCode, body)
	}
	return out.InstanceIDs[0], nil
}
