package sim

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// LogFilter selects the events FilterLogEvents returns: those in
// [Start, End) (zero = unbounded) that contain every term of Pattern (plain
// terms; a double-quoted term may hold spaces; "" = all), from the streams
// named in Streams (unknown names are ignored, as CloudWatch does), or
// those whose name starts with StreamPrefix, or else every stream.
type LogFilter struct {
	Streams               []string
	StreamPrefix, Pattern string
	Start, End            time.Time
}

// FilterLogEvents returns every event the filter selects, oldest first,
// with Stream set.
func (s *Sim) FilterLogEvents(group string, streams []string, streamPrefix, pattern string, start, end time.Time) ([]model.LogEvent, error) {
	events, _, err := s.FilterLogEventPage(group, LogFilter{streams, streamPrefix, pattern, start, end}, "", math.MaxInt)
	return events, err
}

// FilterLogEventPage is one page of FilterLogEvents: at most limit events
// that follow the event whose ID is after ("" = from the first), and
// whether more follow. A stream's events are in order, so each stream is
// read from a binary search on, for at most limit+1 matches: a page costs
// what it looks at, not a copy and sort of the whole group.
func (s *Sim) FilterLogEventPage(group string, f LogFilter, after string, limit int) ([]model.LogEvent, bool, error) {
	if limit < 1 {
		return nil, false, fmt.Errorf("%w: The page size must be at least 1.", ErrInvalidParameter)
	}
	from, err := parseEventID(after)
	if err != nil {
		return nil, false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := s.logGroup(group)
	if err != nil {
		return nil, false, err
	}
	if len(f.Streams) > 0 && f.StreamPrefix != "" {
		return nil, false, fmt.Errorf("%w: logStreamNames and logStreamNamePrefix are mutually exclusive.", ErrInvalidParameter)
	}
	terms := patternTerms(f.Pattern)
	type hit struct {
		e      logEvent
		stream string
	}
	var hits []hit
	for name, st := range g.streams {
		if len(f.Streams) > 0 && !slices.Contains(f.Streams, name) || !strings.HasPrefix(name, f.StreamPrefix) {
			continue
		}
		events := window(st.events, f.Start, f.End)
		i := sort.Search(len(events), func(i int) bool { return events[i].key().compare(from) > 0 })
		n := 0
		for _, e := range events[i:] {
			if n > limit {
				break
			}
			if matchesAll(e.msg, terms) {
				hits = append(hits, hit{e, name})
				n++
			}
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return a.e.key().compare(b.e.key()) })
	more := len(hits) > limit
	out := make([]model.LogEvent, min(limit, len(hits)))
	for i := range out {
		out[i] = hits[i].e.model(hits[i].stream)
	}
	return out, more, nil
}

// eventKey orders events: by time, then by the order they were written.
// Within a stream, events are kept in this order.
type eventKey struct {
	ts  int64
	seq uint64
}

func (e logEvent) key() eventKey { return eventKey{e.ts, e.seq} }

func (k eventKey) compare(o eventKey) int {
	if c := cmp.Compare(k.ts, o.ts); c != 0 {
		return c
	}
	return cmp.Compare(k.seq, o.seq)
}

// parseEventID reads back the key an event ID was made of; "" is the key
// before every event.
func parseEventID(id string) (eventKey, error) {
	if id == "" {
		return eventKey{}, nil
	}
	cut := len(id) - seqDigits
	if cut < 1 {
		return eventKey{}, errBadEventID
	}
	ts, err1 := strconv.ParseInt(id[:cut], 10, 64)
	seq, err2 := strconv.ParseUint(id[cut:], 10, 64)
	if err1 != nil || err2 != nil {
		return eventKey{}, errBadEventID
	}
	return eventKey{ts, seq}, nil
}

var errBadEventID = fmt.Errorf("%w: The specified nextToken is invalid.", ErrInvalidParameter)

// patternTerms splits a filter pattern into terms; "quoted text" is one.
func patternTerms(p string) []string {
	var terms []string
	for p = strings.TrimSpace(p); p != ""; p = strings.TrimSpace(p) {
		if p[0] == '"' {
			if j := strings.IndexByte(p[1:], '"'); j >= 0 {
				terms = append(terms, p[1:1+j])
				p = p[2+j:]
				continue
			}
			p = p[1:]
		}
		j := strings.IndexAny(p, " \t")
		if j < 0 {
			j = len(p)
		}
		terms = append(terms, p[:j])
		p = p[j:]
	}
	return terms
}

func matchesAll(msg string, terms []string) bool {
	for _, t := range terms {
		if !strings.Contains(msg, t) {
			return false
		}
	}
	return true
}
