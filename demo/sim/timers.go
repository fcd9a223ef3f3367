package sim

import (
	"container/heap"
	"time"
)

// Timers drive everything that happens to one resource at one moment (a task
// reaching its next status, a container crashing, a stopped task expiring),
// so a step costs nothing for the resources where nothing happens.

type timer struct {
	at  time.Time
	seq uint64 // creation order breaks ties, for determinism
	fn  func()
}

type timerQueue []*timer

func (q timerQueue) Len() int { return len(q) }
func (q timerQueue) Less(i, j int) bool {
	if !q[i].at.Equal(q[j].at) {
		return q[i].at.Before(q[j].at)
	}
	return q[i].seq < q[j].seq
}
func (q timerQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *timerQueue) Push(x any)   { *q = append(*q, x.(*timer)) }
func (q *timerQueue) Pop() any {
	old := *q
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	return t
}

// at runs fn when the clock reaches when (at once in the next step if when
// has passed).
func (s *Sim) at(when time.Time, fn func()) {
	s.seq++
	heap.Push(&s.timers, &timer{at: when, seq: s.seq, fn: fn})
}

// after runs fn d from now.
func (s *Sim) after(d time.Duration, fn func()) { s.at(s.now.Add(d), fn) }

// runTimers runs, in time order, every timer due by until, with the clock
// set to each timer's own time.
func (s *Sim) runTimers(until time.Time) {
	for len(s.timers) > 0 && !s.timers[0].at.After(until) {
		t := heap.Pop(&s.timers).(*timer)
		if t.at.After(s.now) {
			s.now = t.at
		}
		t.fn()
	}
}

// between draws a duration uniformly in [lo, hi], at millisecond grain.
func (s *Sim) between(lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(s.rng.Int64N(int64((hi-lo)/time.Millisecond)+1))*time.Millisecond
}
