package aws

import (
	"context"
	"strings"

	"golang.org/x/sync/errgroup"
)

// AWS's limits on how many resources one describe call accepts.
const (
	describeClustersLimit           = 100
	describeServicesLimit           = 10
	describeTasksLimit              = 100
	describeContainerInstancesLimit = 100
)

// describer is one ECS Describe call for refs in a cluster: the resources
// found, and an error for failures other than MISSING (see failuresError).
type describer[S any] func(ctx context.Context, cluster string, refs []string) ([]S, error)

// describeInBatches splits refs into batches of size, describes them with
// at most c.cfg.Concurrency calls in flight, and returns the results in the
// order of refs; vanished resources are left out. key gives the ARN of a
// result; refs may be ARNs or the last part of one (a name or a task ID).
func describeInBatches[S, T any](ctx context.Context, c *Client, cluster string, refs []string, size int,
	describe describer[S], convert func(S) T, key func(T) string) ([]T, error) {
	batches := chunk(refs, size)
	results := make([][]T, len(batches))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(c.cfg.Concurrency)
	for i, batch := range batches {
		g.Go(func() error {
			items, err := describe(gctx, cluster, batch)
			results[i] = inRefOrder(batch, convertAll(items, convert), key)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	n := 0
	for _, r := range results {
		n += len(r)
	}
	out := make([]T, 0, n)
	for _, r := range results {
		out = append(out, r...)
	}
	return out, nil
}

// describeOne describes the resource ref names; none found is a NotFound
// error naming it as what ("cluster", "service" ...).
func describeOne[S any](ctx context.Context, c *Client, op, cluster, what, ref string, describe describer[S]) (S, error) {
	items, err := describe(ctx, cluster, []string{ref})
	if err == nil && len(items) == 0 {
		err = c.notFound(op, what+" "+ref)
	}
	if err != nil {
		var zero S
		return zero, err
	}
	return items[0], nil
}

func chunk(refs []string, size int) [][]string {
	var out [][]string
	for len(refs) > size {
		out = append(out, refs[:size:size])
		refs = refs[size:]
	}
	if len(refs) > 0 {
		out = append(out, refs)
	}
	return out
}

// inRefOrder orders items as their refs were asked for; AWS does not
// promise to answer in request order. Items that match no ref keep their
// relative order at the end.
func inRefOrder[T any](refs []string, items []T, key func(T) string) []T {
	if len(items) < 2 {
		return items
	}
	pos := make(map[string]int, 2*len(refs))
	for i, r := range refs {
		pos[r] = i
		pos[lastPart(r)] = i
	}
	slots := make([][]T, len(refs)+1)
	for _, it := range items {
		k := key(it)
		i, ok := pos[k]
		if !ok {
			i, ok = pos[lastPart(k)]
		}
		if !ok {
			i = len(refs)
		}
		slots[i] = append(slots[i], it)
	}
	out := make([]T, 0, len(items))
	for _, s := range slots {
		out = append(out, s...)
	}
	return out
}

// lastPart is what follows the last "/" of an ARN: a name or a task ID
// (32 hex digits, or a UUID on tasks of the older ARN format).
func lastPart(arn string) string {
	return arn[strings.LastIndexByte(arn, '/')+1:]
}
