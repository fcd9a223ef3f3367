// Package sim is the live simulation of an ECS account behind ecsdeck's demo
// endpoint. It keeps its state in model values, moves only when the caller
// advances its clock, and is deterministic for a given seed: no goroutines,
// no wall clock, one seeded random source.
//
// The clock moves in steps of one simulated second (longer ones for a jump
// of more than two hours). Per-resource work happens on timers, only where
// something changes, so a step over a large steady account costs little.
//
// CloudWatch Logs retention in the demo is two hours: older events are
// dropped whatever a group's RetentionDays says, and a stream goes once it
// is empty and its container has stopped. At start the account already has
// an hour of past (stopped tasks, service events, the moments tasks started
// and died) and the last ten minutes of steady log output.
package sim

import (
	"math/rand/v2"
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

const (
	// step is the simulated time between two scheduler passes.
	step = time.Second
	// maxSteps bounds the work of one Advance: a longer jump takes longer steps.
	maxSteps = 7200
	// warmUp is how long the scenario runs inside New, so that the account
	// has a recent past (failed tasks, events, logs) at start.
	warmUp = time.Hour
)

// Sim is the simulated account. All methods are safe for concurrent use and
// return deep copies.
type Sim struct {
	mu  sync.Mutex
	cfg Config
	now time.Time
	rng *rand.Rand

	clusters []*clusterState // creation order
	byName   map[string]*clusterState
	families map[string][]*model.TaskDefinition // by family, revision order
	images   map[string]*imageProfile

	timers  timerQueue
	seq     uint64 // timer tie-breaker
	dirty   []*service
	loggers []*logger
	logs    map[string]*logGroup
	eventNo uint64    // log event sequence, for event IDs and stable order
	pruneAt time.Time // next log retention pass
	logFrom time.Time // lines older than this are not written (retention would drop them)
}

// New builds the scenario; services are already at steady state at start.
// The scenario is set up an hour earlier and run up to start, so that the
// last hour's stopped tasks, service events and a few minutes of logs exist.
func New(start time.Time, cfg Config) *Sim {
	if cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	if cfg.Account == "" {
		cfg.Account = "123456789012"
	}
	s := &Sim{
		cfg:      cfg,
		now:      start.Add(-warmUp),
		rng:      rand.New(rand.NewPCG(uint64(cfg.Seed), 0x6563736465636b)),
		byName:   map[string]*clusterState{},
		families: map[string][]*model.TaskDefinition{},
		images:   map[string]*imageProfile{},
		logs:     map[string]*logGroup{},
		logFrom:  start.Add(-logHistory),
	}
	s.buildScenario()
	s.advance(start, start.Add(-logHistory))
	s.buildLoad()
	return s
}

// Advance steps the world forward to `to` (no-op if not after Now).
func (s *Sim) Advance(to time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advance(to, to.Add(-logRetention))
}

// Now is the simulated time.
func (s *Sim) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now
}

// advance runs timers, log writers and the scheduler in steps up to `to`.
// Log lines older than logFrom are not written (they would be dropped by
// retention at once).
func (s *Sim) advance(to, logFrom time.Time) {
	s.logFrom = logFrom
	d := step
	if gap := to.Sub(s.now); gap > maxSteps*step {
		d = gap / maxSteps
	}
	for s.now.Before(to) {
		next := s.now.Add(d)
		if next.After(to) {
			next = to
		}
		s.runTimers(next)
		s.now = next
		s.writeLogs()
		s.schedule()
		s.pruneLogs()
	}
}
