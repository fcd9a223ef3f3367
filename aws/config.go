package aws

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// Credentials are static credentials (the demo's) used instead of the default chain.
type Credentials struct{ AccessKeyID, SecretAccessKey, SessionToken string }

// Config chooses the account, region and endpoint, and how calls behave.
type Config struct {
	Profile, Region, EndpointURL string
	Static                       *Credentials  // demo: static credentials instead of the default chain
	CallTimeout                  time.Duration // per API call; default 15s
	Concurrency                  int           // describe batches in flight; default 8
	ReadOnly                     bool          // mutating calls fail with KindReadOnly before any request is made
}

const (
	defaultCallTimeout = 15 * time.Second
	defaultConcurrency = 8
	// maxAttempts lets the standard retryer back off a few times on
	// throttling before the error reaches the user.
	maxAttempts = 5
)

func (cfg Config) withDefaults() Config {
	if cfg.CallTimeout <= 0 {
		cfg.CallTimeout = defaultCallTimeout
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = defaultConcurrency
	}
	if cfg.Profile == "" && cfg.Static == nil {
		cfg.Profile = os.Getenv("AWS_PROFILE")
	}
	return cfg
}

// loadSDKConfig resolves the configuration (see resolveSDKConfig) and
// checks the endpoint it names, if any.
func loadSDKConfig(ctx context.Context, cfg Config, retryer func() sdk.Retryer) (sdk.Config, error) {
	awsCfg, err := resolveSDKConfig(ctx, cfg, retryer)
	if err != nil {
		return sdk.Config{}, err
	}
	if awsCfg.BaseEndpoint != nil {
		if err := checkEndpoint(*awsCfg.BaseEndpoint, cfg.Profile); err != nil {
			return sdk.Config{}, err
		}
	}
	return awsCfg, nil
}

// resolveSDKConfig resolves region and credentials the way the AWS CLI
// does: explicit settings first, then the environment, then the shared
// config files (including SSO profiles), then the default credential chain.
func resolveSDKConfig(ctx context.Context, cfg Config, retryer func() sdk.Retryer) (sdk.Config, error) {
	if cfg.Static != nil {
		return staticSDKConfig(cfg, retryer)
	}
	opts := []func(*config.LoadOptions) error{
		config.WithHTTPClient(httpClient(cfg.Concurrency)),
		config.WithRetryer(retryer),
	}
	if cfg.Region != "" {
		opts = append(opts, config.WithRegion(cfg.Region))
	}
	if cfg.EndpointURL != "" {
		opts = append(opts, config.WithBaseEndpoint(cfg.EndpointURL))
	}
	if cfg.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(cfg.Profile))
	}
	awsCfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return sdk.Config{}, configError(cfg.Profile, err)
	}
	if awsCfg.Region == "" {
		return sdk.Config{}, noRegionError(cfg.Profile)
	}
	return awsCfg, nil
}

// staticSDKConfig is the demo's configuration: it must work whatever the
// user's ~/.aws holds (or lacks), so the shared files are not read at all.
func staticSDKConfig(cfg Config, retryer func() sdk.Retryer) (sdk.Config, error) {
	region := cmp.Or(cfg.Region, os.Getenv("AWS_REGION"), os.Getenv("AWS_DEFAULT_REGION"))
	if region == "" {
		return sdk.Config{}, noRegionError("")
	}
	s := cfg.Static
	awsCfg := sdk.Config{
		Region: region,
		Credentials: sdk.NewCredentialsCache(credentials.NewStaticCredentialsProvider(
			s.AccessKeyID, s.SecretAccessKey, s.SessionToken)),
		HTTPClient: httpClient(cfg.Concurrency),
		Retryer:    retryer,
	}
	if endpoint := cmp.Or(cfg.EndpointURL, os.Getenv("AWS_ENDPOINT_URL")); endpoint != "" {
		awsCfg.BaseEndpoint = sdk.String(endpoint)
	}
	return awsCfg, nil
}

// checkEndpoint refuses an endpoint URL (from --endpoint-url, the config
// file or AWS_ENDPOINT_URL) that no request could be sent to, before the
// SDK retries it five times and reports a transport error.
func checkEndpoint(endpoint, profile string) error {
	u, err := url.Parse(endpoint)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return nil
	}
	return &Error{Kind: KindInvalid, Op: opConfig, Code: "InvalidEndpoint", Profile: profile, Err: err,
		Message: "the endpoint URL " + strconv.Quote(endpoint) + " is not an http:// or https:// URL with a host (e.g. http://127.0.0.1:4566)"}
}

// opConfig names the step of loading the AWS configuration in an *Error.
const opConfig = "config"

func noRegionError(profile string) error {
	return &Error{Kind: KindInvalid, Op: opConfig, Code: "NoRegion", Profile: profile,
		Message: "no AWS region configured — pass --region, set AWS_REGION, or set region in the profile"}
}

// standardRetryer is the SDK's standard retryer (exponential backoff with
// jitter, throttling-aware) with a few more attempts than the default.
func standardRetryer(backoff retry.BackoffDelayer) func() sdk.Retryer {
	return func() sdk.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = maxAttempts
			if backoff != nil {
				o.Backoff = backoff
			}
		})
	}
}

// httpClient keeps enough idle connections per host for every batch in
// flight to reuse one instead of dialling again.
func httpClient(concurrency int) *awshttp.BuildableClient {
	idle := max(2*concurrency, 16)
	return awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
		t.MaxIdleConns = 4 * idle
		t.MaxIdleConnsPerHost = idle
		t.IdleConnTimeout = 90 * time.Second
	})
}

func configError(profile string, err error) error {
	var missing config.SharedConfigProfileNotExistError
	if errors.As(err, &missing) {
		return &Error{Kind: KindInvalid, Op: opConfig, Code: "ProfileNotFound", Profile: profile, Err: err,
			Message: "AWS profile " + quoteProfile(profile) + " not found in ~/.aws/config or ~/.aws/credentials"}
	}
	return &Error{Kind: KindInvalid, Op: opConfig, Code: "ConfigError", Profile: profile, Err: err,
		Message: "cannot load the AWS configuration: " + err.Error()}
}
