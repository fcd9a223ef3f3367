package aws

import (
	"context"
	"errors"
	"sync"

	"github.com/ecsdeck/ecsdeck/model"
)

// taskDefCache holds task definitions by ARN. A revision never changes, so
// entries never expire. Concurrent lookups of the same ARN share one fetch:
// fifty tasks of one revision cost one DescribeTaskDefinition.
type taskDefCache struct {
	mu      sync.Mutex
	entries map[string]*taskDefEntry
}

type taskDefEntry struct {
	done chan struct{} // closed when td/err are set
	td   model.TaskDefinition
	err  error
}

// get returns the cached value for key, or runs fetch once for all callers
// waiting on key. A failed fetch is forgotten so the next call retries it;
// a waiter whose fetcher gave up (its context ended) fetches for itself.
func (c *taskDefCache) get(ctx context.Context, key string, fetch func() (model.TaskDefinition, error)) (model.TaskDefinition, error) {
	for {
		e, owner := c.entry(key)
		if owner {
			return c.fill(key, e, fetch)
		}
		select {
		case <-e.done:
			if e.err == nil || !isContextError(e.err) {
				return e.td, e.err
			}
		case <-ctx.Done():
			return model.TaskDefinition{}, ctx.Err()
		}
	}
}

// entry finds key's entry, creating it (and making the caller its owner,
// who must fill it) when there is none.
func (c *taskDefCache) entry(key string) (e *taskDefEntry, owner bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]*taskDefEntry{}
	}
	if e, ok := c.entries[key]; ok {
		return e, false
	}
	e = &taskDefEntry{done: make(chan struct{})}
	c.entries[key] = e
	return e, true
}

func (c *taskDefCache) fill(key string, e *taskDefEntry, fetch func() (model.TaskDefinition, error)) (model.TaskDefinition, error) {
	e.td, e.err = fetch()
	c.mu.Lock()
	if e.err != nil {
		delete(c.entries, key)
	} else if e.td.ARN != "" && e.td.ARN != key {
		c.entries[e.td.ARN] = e // found by family:revision, now known by ARN too
	}
	c.mu.Unlock()
	close(e.done)
	return e.td, e.err
}

func isContextError(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
