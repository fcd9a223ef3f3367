package aws

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

func TestAWSJSON(t *testing.T) {
	created := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	out, err := awsJSON(types.TaskDefinition{
		TaskDefinitionArn: aws.String("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"),
		RegisteredAt:      &created,
		Revision:          3,
		ContainerDefinitions: []types.ContainerDefinition{{
			Name:             aws.String("app"),
			DockerLabels:     map[string]string{"Com.Example.Team": "payments"},
			LogConfiguration: &types.LogConfiguration{LogDriver: types.LogDriverAwslogs, Options: map[string]string{"awslogs-group": "/ecs/web"}},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"`,
		`"registeredAt": "2025-03-01T12:00:00Z"`,
		`"revision": 3`,
		`"Com.Example.Team": "payments"`, // map keys untouched
		`"logDriver": "awslogs"`,
		`"awslogs-group": "/ecs/web"`,
		"\n  \"containerDefinitions\": [\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	// Absent pointers, unset enums ("status") and the SDK's internals are left out.
	for _, noise := range []string{"null", "noSmithyDocumentSerde", `"status"`} {
		if strings.Contains(out, noise) {
			t.Errorf("%s in\n%s", noise, out)
		}
	}
	if strings.Index(out, `"containerDefinitions"`) > strings.Index(out, `"taskDefinitionArn"`) {
		t.Error("members are not in the SDK's order")
	}
}
