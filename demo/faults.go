package demo

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"
)

// faults makes the endpoint misbehave the way AWS sometimes does: it adds
// latency to every request, throttles a fraction of them and fails
// another fraction, drawing from a seeded source so a run can be repeated.
type faults struct {
	latency                 time.Duration
	throttleRate, errorRate float64

	mu  sync.Mutex
	rng *rand.Rand
}

func newFaults(opts Options) *faults {
	return &faults{
		latency:      opts.Latency,
		throttleRate: opts.ThrottleRate,
		errorRate:    opts.ErrorRate,
		rng:          rand.New(rand.NewPCG(uint64(opts.Sim.Seed), 0x6661756c7473)),
	}
}

// inject waits out the latency, then returns the error svc answers with
// when the draw says so, or nil to let the operation run.
func (f *faults) inject(ctx context.Context, svc *service) *apiError {
	if f.latency > 0 {
		t := time.NewTimer(f.latency)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
		}
	}
	f.mu.Lock()
	p := f.rng.Float64()
	f.mu.Unlock()
	switch {
	case p < f.throttleRate:
		e := svc.throttled
		return &e
	case p < f.throttleRate+f.errorRate:
		e := svc.unavailable
		return &e
	}
	return nil
}
