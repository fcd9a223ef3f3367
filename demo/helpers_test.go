package demo

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
)

// start is a fixed simulated start, so runs are repeatable.
var start = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// clients are the real SDK clients, pointed at a demo endpoint.
type clients struct {
	srv  *Server
	ecs  *ecs.Client
	logs *cloudwatchlogs.Client
	sts  *sts.Client
}

// startDemo starts an endpoint whose clock moves only when the test says.
func startDemo(t *testing.T, opts Options) *clients {
	t.Helper()
	opts.Manual = true
	if opts.Start.IsZero() {
		opts.Start = start
	}
	srv, err := Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	})
	cfg := sdkConfig(srv.URL(), 3)
	return &clients{srv, ecs.NewFromConfig(cfg), cloudwatchlogs.NewFromConfig(cfg), sts.NewFromConfig(cfg)}
}

// sdkConfig is the configuration a program uses for the demo endpoint,
// with a retryer that retries at once, up to attempts times.
func sdkConfig(url string, attempts int) aws.Config {
	return aws.Config{
		Region:       Region,
		BaseEndpoint: aws.String(url),
		Credentials:  credentials.NewStaticCredentialsProvider(AccessKeyID, SecretAccessKey, SessionToken),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.MaxAttempts = attempts
				o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
				o.RateLimiter = ratelimit.None
			})
		},
	}
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return c
}

// wantAPIError checks that err is the AWS error code with the message.
func wantAPIError(t *testing.T, err error, code, message string) {
	t.Helper()
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("want %s, got %v", code, err)
	}
	if apiErr.ErrorCode() != code || (message != "" && apiErr.ErrorMessage() != message) {
		t.Fatalf("want %s %q, got %s %q", code, message, apiErr.ErrorCode(), apiErr.ErrorMessage())
	}
}

// fields pairs a value on the wire with the simulated one, by field name.
type fields map[string][2]any

// sameFields reports every field whose value on the wire differs from the
// simulation's.
func sameFields(t *testing.T, what string, f fields) {
	t.Helper()
	for name, v := range f {
		if !reflect.DeepEqual(v[0], v[1]) {
			t.Errorf("%s: %s = %v on the wire, %v simulated", what, name, v[0], v[1])
		}
	}
}

// wireTime is a simulated time as the wire carries it: to the millisecond,
// nil when zero.
func wireTime(tm time.Time) *time.Time {
	if tm.IsZero() {
		return nil
	}
	tm = tm.Truncate(time.Millisecond).UTC()
	return &tm
}

// utc normalises a time the SDK decoded, for comparison with wireTime.
func utc(tm *time.Time) *time.Time {
	if tm == nil {
		return nil
	}
	u := tm.UTC()
	return &u
}
