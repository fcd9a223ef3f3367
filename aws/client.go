// Package aws is ecsdeck's only user of aws-sdk-go-v2. It turns ECS,
// CloudWatch Logs and STS calls into model values: every list is paged to the
// end, describes are batched at AWS's limits and run with bounded
// concurrency, task definitions are cached, every call has a timeout, and
// errors come back as *Error, classified so the UI can say what to do.
package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Client reads ECS and CloudWatch Logs and returns model values. It is safe
// for concurrent use.
type Client struct {
	cfg     Config
	region  string
	sso     bool // the profile signs in through IAM Identity Center
	ecs     *ecs.Client
	logs    *cloudwatchlogs.Client
	sts     *sts.Client
	taskDef taskDefCache
}

// New loads the AWS configuration and builds the service clients. It makes
// no request: a bad credential shows up on the first call.
func New(ctx context.Context, cfg Config) (*Client, error) {
	return newClient(ctx, cfg, nil)
}

// newClient lets tests shorten the retry backoff.
func newClient(ctx context.Context, cfg Config, backoff retry.BackoffDelayer) (*Client, error) {
	cfg = cfg.withDefaults()
	awsCfg, err := loadSDKConfig(ctx, cfg, standardRetryer(backoff))
	if err != nil {
		return nil, err
	}
	c := &Client{
		cfg:    cfg,
		region: awsCfg.Region,
		ecs:    ecs.NewFromConfig(awsCfg),
		logs:   cloudwatchlogs.NewFromConfig(awsCfg),
		sts:    sts.NewFromConfig(awsCfg),
	}
	if cfg.Static == nil {
		c.sso = isSSOProfile(ctx, cfg.Profile)
	}
	return c, nil
}

// isSSOProfile reports whether the profile gets its credentials from IAM
// Identity Center, so an expired session can be answered with `aws sso login`.
func isSSOProfile(ctx context.Context, profile string) bool {
	if profile == "" {
		profile = "default"
	}
	sc, err := config.LoadSharedConfigProfile(ctx, profile)
	if err != nil {
		return false
	}
	return sc.SSOSession != nil || sc.SSOSessionName != "" || sc.SSOStartURL != ""
}

// Region is the region every call goes to.
func (c *Client) Region() string { return c.region }

// Profile is the shared-config profile in use ("" for the default chain).
func (c *Client) Profile() string { return c.cfg.Profile }

// ReadOnly reports whether mutating calls are refused.
func (c *Client) ReadOnly() bool { return c.cfg.ReadOnly }

// call bounds one API request (all its retries included) by CallTimeout.
func (c *Client) call(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, c.cfg.CallTimeout)
}

// send makes one API request, an SDK method such as c.ecs.StopTask, within
// CallTimeout, and classifies its error for op ("ecs:StopTask").
func send[In, Out, Opts any](ctx context.Context, c *Client, op string,
	request func(context.Context, In, ...func(*Opts)) (Out, error), in In) (Out, error) {
	cctx, cancel := c.call(ctx)
	defer cancel()
	out, err := request(cctx, in)
	return out, c.fail(op, err)
}
