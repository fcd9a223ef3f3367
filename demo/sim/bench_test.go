package sim

import (
	"testing"
	"time"
)

var benchStart = time.Date(2024, 6, 3, 12, 0, 0, 0, time.UTC)

// BenchmarkAdvance steps an account holding the 20,000-task load cluster
// by one simulated second.
func BenchmarkAdvance(b *testing.B) {
	s := New(benchStart, Config{Seed: 1, LoadServices: 1000, LoadTasksPerService: 20})
	now := s.Now()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		now = now.Add(time.Second)
		s.Advance(now)
	}
}

// BenchmarkNew builds the scenario (with its hour of warm-up).
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New(benchStart, Config{Seed: 1})
	}
}

// BenchmarkNewLoad builds the scenario plus the 20,000-task load cluster.
func BenchmarkNewLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New(benchStart, Config{Seed: 1, LoadServices: 1000, LoadTasksPerService: 20})
	}
}
