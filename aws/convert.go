package aws

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// Small helpers shared by the convert_*.go files, which turn SDK shapes
// into model values.

func str(p *string) string { return aws.ToString(p) }

// optional is nil for "", so an unset parameter is left out of the request.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func i32(p *int32) int { return int(aws.ToInt32(p)) }

func tm(p *time.Time) time.Time {
	if p == nil {
		return time.Time{}
	}
	return *p
}

func tags(ts []types.Tag) map[string]string {
	if len(ts) == 0 {
		return nil
	}
	m := make(map[string]string, len(ts))
	for _, t := range ts {
		m[str(t.Key)] = str(t.Value)
	}
	return m
}

func keyValues(kvs []types.KeyValuePair) map[string]string {
	if len(kvs) == 0 {
		return nil
	}
	m := make(map[string]string, len(kvs))
	for _, kv := range kvs {
		m[str(kv.Name)] = str(kv.Value)
	}
	return m
}

func convertAll[S, T any](in []S, convert func(S) T) []T {
	if len(in) == 0 {
		return nil
	}
	out := make([]T, len(in))
	for i, s := range in {
		out[i] = convert(s)
	}
	return out
}
