package sim

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// CloudWatch Logs storage. The demo keeps the last two hours of events of
// every stream (its retention, whatever a group's RetentionDays says), and
// forgets a stream once its events are gone.
const (
	logRetention  = 2 * time.Hour
	logHistory    = 10 * time.Minute // lines written before start, so logs exist at once
	pruneEvery    = time.Minute
	eventOverhead = 26 // bytes CloudWatch counts per event on top of the message
)

type logGroup struct {
	m       model.LogGroup
	streams map[string]*logStream
}

type logStream struct {
	m      model.LogStream
	events []logEvent // by timestamp
}

type logEvent struct {
	ts, ingested int64 // Unix milliseconds
	seq          uint64
	msg          string
}

// group creates a log group if it does not exist.
func (s *Sim) group(name string, retentionDays int, created time.Time) *logGroup {
	g := s.logs[name]
	if g == nil {
		g = &logGroup{streams: map[string]*logStream{}, m: model.LogGroup{
			Name: name, ARN: s.logsARN("log-group:" + name + ":*"), RetentionDays: retentionDays,
			CreatedAt: created.Truncate(time.Millisecond),
		}}
		s.logs[name] = g
	}
	return g
}

// stream creates a log stream (and its group) if it does not exist.
func (s *Sim) stream(group, name string, at time.Time) *logStream {
	g := s.group(group, 0, at)
	st := g.streams[name]
	if st == nil {
		st = &logStream{m: model.LogStream{
			Name: name, ARN: s.logsARN("log-group:" + group + ":log-stream:" + name),
			CreatedAt: at.Truncate(time.Millisecond),
		}}
		g.streams[name] = st
	}
	return st
}

// putLog stores one event; events older than what retention keeps are
// dropped.
func (s *Sim) putLog(group, stream string, at time.Time, msg string) {
	if at.Before(s.now.Add(-logRetention)) {
		return
	}
	st := s.stream(group, stream, at)
	s.eventNo++
	ingested := at.Add(s.between(150*time.Millisecond, 1200*time.Millisecond))
	if ingested.After(s.now) {
		ingested = s.now
	}
	e := logEvent{ts: at.UnixMilli(), ingested: ingested.UnixMilli(), seq: s.eventNo, msg: msg}
	n := len(st.events)
	if n == 0 || st.events[n-1].ts <= e.ts {
		st.events = append(st.events, e)
	} else { // a line backdated a little (the warning before a crash)
		i := sort.Search(n, func(i int) bool { return st.events[i].ts > e.ts })
		st.events = slices.Insert(st.events, i, e)
	}
	st.m.FirstEventAt = time.UnixMilli(st.events[0].ts)
	st.m.LastEventAt = time.UnixMilli(st.events[len(st.events)-1].ts)
	if in := time.UnixMilli(e.ingested); in.After(st.m.LastIngestionAt) {
		st.m.LastIngestionAt = in
	}
	s.logs[group].m.StoredBytes += int64(len(msg) + eventOverhead)
}

// pruneLogs applies the demo's retention once a minute.
func (s *Sim) pruneLogs() {
	if s.now.Before(s.pruneAt) {
		return
	}
	s.pruneAt = s.now.Add(pruneEvery)
	horizon := s.now.Add(-logRetention).UnixMilli()
	for _, g := range s.logs {
		for name, st := range g.streams {
			i := sort.Search(len(st.events), func(i int) bool { return st.events[i].ts >= horizon })
			for _, e := range st.events[:i] {
				g.m.StoredBytes -= int64(len(e.msg) + eventOverhead)
			}
			if i > 0 {
				st.events = append([]logEvent(nil), st.events[i:]...)
			}
			if len(st.events) == 0 {
				if st.m.CreatedAt.UnixMilli() < horizon && !s.streamInUse(g.m.Name, name) {
					delete(g.streams, name)
				}
				continue
			}
			st.m.FirstEventAt = time.UnixMilli(st.events[0].ts)
		}
	}
}

// streamInUse: a running container's stream stays even when quiet.
func (s *Sim) streamInUse(group, stream string) bool {
	for _, l := range s.loggers {
		if !l.dead && l.group == group && l.stream == stream {
			return true
		}
	}
	return false
}

func (g *logGroup) copy() model.LogGroup { return g.m }

func (e logEvent) model(stream string) model.LogEvent {
	return model.LogEvent{
		Timestamp:  time.UnixMilli(e.ts),
		IngestedAt: time.UnixMilli(e.ingested),
		Stream:     stream,
		Message:    e.msg,
		EventID:    eventID(e.ts, e.seq),
	}
}

// seqDigits is the width of the sequence number that ends an event ID,
// after the event's millisecond time, as CloudWatch's IDs are long digit
// strings.
const seqDigits = 43

// eventID writes an event's time and sequence number as an ID, with one
// allocation whatever the numbers (FilterLogEventPage's cost depends on it).
func eventID(ts int64, seq uint64) string {
	var tsDigits, seqDigitsBuf [20]byte
	t := strconv.AppendInt(tsDigits[:0], ts, 10)
	n := strconv.AppendUint(seqDigitsBuf[:0], seq, 10)
	var b strings.Builder
	b.Grow(len(t) + seqDigits)
	b.Write(t)
	for range seqDigits - len(n) {
		b.WriteByte('0')
	}
	b.Write(n)
	return b.String()
}

// LogGroups lists the log groups whose name starts with prefix, by name.
func (s *Sim) LogGroups(prefix string) []model.LogGroup {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []model.LogGroup
	for name, g := range s.logs {
		if strings.HasPrefix(name, prefix) {
			out = append(out, g.copy())
		}
	}
	slices.SortFunc(out, func(a, b model.LogGroup) int { return strings.Compare(a.Name, b.Name) })
	return out
}

func (s *Sim) logGroup(name string) (*logGroup, error) {
	if g := s.logs[name]; g != nil {
		return g, nil
	}
	return nil, fmt.Errorf("%w: The specified log group does not exist.", ErrLogGroupNotFound)
}

// LogStreams lists a group's streams whose name starts with prefix, by name.
func (s *Sim) LogStreams(group, prefix string) ([]model.LogStream, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := s.logGroup(group)
	if err != nil {
		return nil, err
	}
	var out []model.LogStream
	for name, st := range g.streams {
		if strings.HasPrefix(name, prefix) {
			out = append(out, st.m)
		}
	}
	slices.SortFunc(out, func(a, b model.LogStream) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// LogEvents returns a stream's events in [start, end), oldest first; a zero
// start or end is unbounded.
func (s *Sim) LogEvents(group, stream string, start, end time.Time) ([]model.LogEvent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := s.logGroup(group)
	if err != nil {
		return nil, err
	}
	st := g.streams[stream]
	if st == nil {
		return nil, fmt.Errorf("%w: The specified log stream does not exist.", ErrLogStreamNotFound)
	}
	var out []model.LogEvent
	for _, e := range window(st.events, start, end) {
		out = append(out, e.model(""))
	}
	return out, nil
}

// window is the events in [start, end).
func window(ev []logEvent, start, end time.Time) []logEvent {
	lo, hi := 0, len(ev)
	if !start.IsZero() {
		ms := start.UnixMilli()
		lo = sort.Search(len(ev), func(i int) bool { return ev[i].ts >= ms })
	}
	if !end.IsZero() {
		ms := end.UnixMilli()
		hi = sort.Search(len(ev), func(i int) bool { return ev[i].ts >= ms })
	}
	if hi < lo {
		return nil
	}
	return ev[lo:hi]
}
