package sim

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// Pages of every size, with every kind of filter, add up to the search.
func TestFilterPagesAddUpToTheSearch(t *testing.T) {
	s := newSim(t)
	s.Advance(t0.Add(5 * time.Minute))
	streams, _ := s.LogStreams("/ecs/prod/web", "web/app/")
	for _, tt := range []struct {
		group string
		f     LogFilter
	}{
		{"/ecs/prod/web", LogFilter{}},
		{"/ecs/prod/web", LogFilter{Pattern: "GET"}},
		{"/ecs/prod/web", LogFilter{StreamPrefix: "web/app/", Pattern: `"POST /api/checkout"`}},
		{"/ecs/prod/web", LogFilter{Streams: []string{streams[0].Name, "no-such-stream"}}},
		{"/ecs/prod/web", LogFilter{Start: t0.Add(-time.Minute), End: t0.Add(time.Minute)}},
		{"/ecs/prod/worker", LogFilter{}},
		{"/ecs/prod/worker", LogFilter{Pattern: "no line says this"}},
	} {
		want, err := s.FilterLogEvents(tt.group, tt.f.Streams, tt.f.StreamPrefix, tt.f.Pattern, tt.f.Start, tt.f.End)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.IsSortedFunc(want, func(a, b model.LogEvent) int { return a.Timestamp.Compare(b.Timestamp) }) {
			t.Errorf("%s %+v: not oldest first", tt.group, tt.f)
		}
		for _, limit := range []int{1, 7, 100, len(want), len(want) + 1} {
			if limit < 1 {
				continue
			}
			got := collectPages(t, tt.group, limit, func(after string, limit int) ([]model.LogEvent, bool, error) {
				return s.FilterLogEventPage(tt.group, tt.f, after, limit)
			}, func(e model.LogEvent) string { return e.EventID })
			if !slices.Equal(got, want) {
				t.Errorf("%s %+v in pages of %d: %d events, want the %d found", tt.group, tt.f, limit, len(got), len(want))
			}
		}
	}
	if _, _, err := s.FilterLogEventPage("/ecs/prod/web", LogFilter{}, "12", 10); !errors.Is(err, ErrInvalidParameter) {
		t.Errorf("after a malformed event ID: %v", err)
	}
	if _, _, err := s.FilterLogEventPage("/ecs/prod/web", LogFilter{}, "", 0); !errors.Is(err, ErrInvalidParameter) {
		t.Errorf("a page of 0: %v", err)
	}
}

// Event IDs are the event's millisecond time and a 43-digit sequence
// number, and read back as such.
func TestEventIDs(t *testing.T) {
	for _, k := range []eventKey{{1717415400219, 1}, {1717415400219, 53210}, {1, 1<<64 - 1}} {
		id := eventID(k.ts, k.seq)
		if want := fmt.Sprintf("%d%043d", k.ts, k.seq); id != want {
			t.Errorf("eventID(%d, %d) = %s, want %s", k.ts, k.seq, id, want)
		}
		if back, err := parseEventID(id); err != nil || back != k {
			t.Errorf("parseEventID(%s) = %v, %v", id, back, err)
		}
	}
}

// A page continues after the event it last returned, even once retention
// has dropped that event.
func TestFilterPageContinuesAfterAnExpiredEvent(t *testing.T) {
	s := newSim(t)
	first, _, err := s.FilterLogEventPage("/ecs/prod/web", LogFilter{}, "", 1)
	if err != nil || len(first) != 1 {
		t.Fatal(first, err)
	}
	s.Advance(t0.Add(3 * time.Hour))
	want, _ := s.FilterLogEvents("/ecs/prod/web", nil, "", "", time.Time{}, time.Time{})
	if len(want) < 5 || !want[0].Timestamp.After(first[0].Timestamp) {
		t.Fatalf("retention kept %d events from %v, the first was at %v", len(want), want[0].Timestamp, first[0].Timestamp)
	}
	got, _, err := s.FilterLogEventPage("/ecs/prod/web", LogFilter{}, first[0].EventID, 5)
	if err != nil || !slices.Equal(got, want[:5]) {
		t.Errorf("after the expired %s: %v, %v; want %v", first[0].EventID, got, err, want[:5])
	}
}

// A page costs what it holds: on a stream of two hours of events it
// allocates no more than on one of a minute, wherever it starts.
func TestFilterPageDoesNotCopyTheGroup(t *testing.T) {
	s := newSim(t)
	s.Advance(t0.Add(time.Minute))
	stream := "web/app/" + listTasks(t, s, "prod", TaskFilter{ServiceName: "web"})[0].ID
	f := LogFilter{Streams: []string{stream}, Pattern: "GET"}
	allocs := func(after string) float64 {
		return testing.AllocsPerRun(20, func() {
			if page, _, err := s.FilterLogEventPage("/ecs/prod/web", f, after, 5); err != nil || len(page) != 5 {
				t.Fatalf("page = %v, %v", page, err)
			}
		})
	}
	small := allocs("")
	recent, _ := s.FilterLogEvents("/ecs/prod/web", f.Streams, "", f.Pattern, time.Time{}, time.Time{})
	s.Advance(t0.Add(2 * time.Hour))
	all, _ := s.FilterLogEvents("/ecs/prod/web", f.Streams, "", f.Pattern, time.Time{}, time.Time{})
	if len(all) < 10*len(recent) {
		t.Fatalf("%s grew from %d to only %d matches", stream, len(recent), len(all))
	}
	for _, after := range []string{"", all[len(all)/2].EventID} {
		if big := allocs(after); big > small {
			t.Errorf("a page of %d matches after %q takes %v allocations, one of %d matches %v", len(all), after, big, len(recent), small)
		}
	}
}
