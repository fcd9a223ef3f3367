package aws

import "context"

// NewWithFastRetries is New with a 1 ms retry backoff, for the external
// tests of retry behaviour (the retry decisions are still the SDK's).
func NewWithFastRetries(ctx context.Context, cfg Config) (*Client, error) {
	return newClient(ctx, cfg, fastBackoff)
}
