package demo

import (
	"maps"
	"net/http"
	"sync"
)

// stats counts the requests that reached an operation: every request
// whose API and operation were recognised, including those the fault
// injector then throttled or failed (an SDK retry is one more request).
// Requests for operations the endpoint does not have are not counted.
type stats struct {
	mu  sync.Mutex
	ops map[string]int64
}

func newStats() *stats { return &stats{ops: map[string]int64{}} }

func (s *stats) count(op string) {
	s.mu.Lock()
	s.ops[op]++
	s.mu.Unlock()
}

func (s *stats) snapshot() map[string]int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.ops)
}

func (s *stats) reset() {
	s.mu.Lock()
	clear(s.ops)
	s.mu.Unlock()
}

// serve answers GET /_demo/stats: {"operations": {"ListClusters": 3, …}}.
func (s *stats) serve(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"operations": s.snapshot()})
}
