// Package sim is the live simulation of an ECS account behind ecsdeck's demo
// endpoint. It keeps its state in model values, moves only when the caller
// advances its clock, and is deterministic for a given seed.
package sim

import (
	"sync"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// Config chooses the account and the size of the simulated world.
type Config struct {
	Region  string // default "us-east-1"
	Account string // default "123456789012"
	Seed    int64  // deterministic randomness
	// A larger account for benchmarks: an extra cluster "load" holding LoadServices services
	// of LoadTasksPerService RUNNING tasks each (no log output for these).
	LoadServices, LoadTasksPerService int
}

// Sim is the simulated account. All methods are safe for concurrent use and
// return deep copies.
type Sim struct {
	mu  sync.Mutex
	cfg Config
	now time.Time
}

// New builds the scenario; services are already at steady state at start.
func New(start time.Time, cfg Config) *Sim {
	return &Sim{cfg: cfg, now: start}
}

// Advance steps the world forward to `to` (no-op if not after Now).
func (s *Sim) Advance(to time.Time) {}

// Now is the simulated time.
func (s *Sim) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now
}

var _ = model.Cluster{}
