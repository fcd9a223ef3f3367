package demo

import (
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/ecsdeck/ecsdeck/demo/sim"
)

// Throttled requests come back as ThrottlingException, which the SDK's
// retryer retries: every call succeeds, and the endpoint saw more requests
// than calls.
func TestThrottlingIsRetriedBySDK(t *testing.T) {
	c := startDemo(t, Options{ThrottleRate: 0.5, Sim: sim.Config{Seed: 7}})
	client := ecs.NewFromConfig(sdkConfig(c.srv.URL(), 25))
	const calls = 20
	for range calls {
		if _, err := client.ListClusters(ctx(t), &ecs.ListClustersInput{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := c.srv.Stats()["ListClusters"]; n <= calls {
		t.Errorf("%d ListClusters calls made %d requests; at a throttle rate of 0.5 some must have been retried", calls, n)
	}
}

// Each API answers a throttle and a failure in its own words.
func TestFaultShapes(t *testing.T) {
	throttled := startDemo(t, Options{ThrottleRate: 1})
	failing := startDemo(t, Options{ErrorRate: 1})
	for _, tc := range []struct {
		name   string
		c      *clients
		call   func(*testing.T, *clients) error
		code   string
		status int
	}{
		{"ECS throttled", throttled, listClustersOnce, "ThrottlingException", 400},
		{"Logs throttled", throttled, describeLogGroupsOnce, "ThrottlingException", 400},
		{"STS throttled", throttled, callerIdentityOnce, "Throttling", 400},
		{"ECS failing", failing, listClustersOnce, "ServerException", 500},
		{"Logs failing", failing, describeLogGroupsOnce, "ServiceUnavailableException", 503},
		{"STS failing", failing, callerIdentityOnce, "InternalFailure", 500},
	} {
		err := tc.call(t, tc.c)
		wantAPIError(t, err, tc.code, "")
		var resp *smithyhttp.ResponseError
		if !errors.As(err, &resp) || resp.HTTPStatusCode() != tc.status {
			t.Errorf("%s: %v, want HTTP %d", tc.name, err, tc.status)
		}
	}
}

// The calls below make a single attempt, so a fault is not retried away.
func listClustersOnce(t *testing.T, c *clients) error {
	_, err := ecs.NewFromConfig(sdkConfig(c.srv.URL(), 1)).ListClusters(ctx(t), &ecs.ListClustersInput{})
	return err
}

func describeLogGroupsOnce(t *testing.T, c *clients) error {
	_, err := cloudwatchlogs.NewFromConfig(sdkConfig(c.srv.URL(), 1)).DescribeLogGroups(ctx(t), &cloudwatchlogs.DescribeLogGroupsInput{})
	return err
}

func callerIdentityOnce(t *testing.T, c *clients) error {
	_, err := sts.NewFromConfig(sdkConfig(c.srv.URL(), 1)).GetCallerIdentity(ctx(t), &sts.GetCallerIdentityInput{})
	return err
}
