package sim

import (
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// logLocation resolves where a task's container writes, by the rule the
// UI uses.
func logLocation(t *testing.T, s *Sim, tk model.Task, container string) model.LogLocation {
	t.Helper()
	td, err := s.TaskDefinition(tk.TaskDefinitionARN)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range td.Containers {
		if d.Name == container {
			loc, ok := model.ContainerLogLocation(d, tk.ID)
			if !ok {
				t.Fatalf("container %s of %s: log location not resolvable", container, td.ARN)
			}
			return loc
		}
	}
	t.Fatalf("no container %s in %s", container, td.ARN)
	return model.LogLocation{}
}

// prod/web's app writes an access-log line at least every second of every
// task, under the stream its awslogs configuration implies.
func TestWebAccessLogEverySecond(t *testing.T) {
	s := newSim(t)
	line := regexp.MustCompile(`^10\.0\.\d+\.\d+ - - "(GET|POST|PUT|DELETE) /\S* HTTP/1\.1" [1-5]\d\d \d+ \d+ms "[^"]+"$`)
	for range 60 {
		s.Advance(s.Now().Add(time.Second))
	}
	statuses := map[byte]int{}
	for _, tk := range listTasks(t, s, "prod", TaskFilter{ServiceName: "web"}) {
		loc := logLocation(t, s, tk, "app")
		if loc.Group != "/ecs/prod/web" || loc.Stream != "web/app/"+tk.ID || loc.Region != "us-east-1" {
			t.Errorf("web app logs to %+v", loc)
		}
		for sec := range 60 {
			from := t0.Add(time.Duration(sec) * time.Second)
			ev, err := s.LogEvents(loc.Group, loc.Stream, from, from.Add(time.Second))
			if err != nil {
				t.Fatal(err)
			}
			if len(ev) == 0 {
				t.Fatalf("task %s wrote nothing in [%v, +1s)", tk.ID, from)
			}
			for _, e := range ev {
				if !line.MatchString(e.Message) {
					t.Errorf("not an access-log line: %q", e.Message)
				}
				if e.Timestamp.Before(from) || !e.Timestamp.Before(from.Add(time.Second)) || e.IngestedAt.Before(e.Timestamp) || e.EventID == "" {
					t.Errorf("event %+v outside [%v, +1s)", e, from)
				}
				statuses[e.Message[strings.Index(e.Message, `" `)+2]]++
			}
		}
	}
	if statuses['2'] == 0 || statuses['4'] == 0 || statuses['5'] == 0 || statuses['2'] < 5*(statuses['4']+statuses['5']) {
		t.Errorf("status classes %v: want mostly 2xx with some 4xx and 5xx", statuses)
	}
	// Logs exist right away: a little history before start.
	ev, _ := s.LogEvents("/ecs/prod/web", "web/envoy/"+listTasks(t, s, "prod", TaskFilter{ServiceName: "web"})[0].ID, time.Time{}, t0)
	if len(ev) == 0 || t0.Sub(ev[0].Timestamp) < 5*time.Minute {
		t.Errorf("envoy sidecar history before start: %d events", len(ev))
	}
}

// prod/api logs through FireLens: its app's records land in the stream
// log_stream_prefix + the FireLens tag, the router's own logs via awslogs.
func TestFirelensStreams(t *testing.T) {
	s := newSim(t)
	s.Advance(t0.Add(30 * time.Second))
	tasks := listTasks(t, s, "prod", TaskFilter{ServiceName: "api"})
	streams, err := s.LogStreams("/ecs/prod/api", "api/")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, st := range streams {
		names = append(names, st.Name)
	}
	for _, tk := range tasks {
		loc := logLocation(t, s, tk, "app")
		if loc.Group != "/ecs/prod/api" || loc.Stream != "api/app-firelens-"+tk.ID || !slices.Contains(names, loc.Stream) {
			t.Errorf("api app logs to %+v; streams %v", loc, names)
		}
		ev, err := s.LogEvents(loc.Group, loc.Stream, t0, time.Time{})
		if err != nil || len(ev) < 10 {
			t.Fatalf("%d events, %v", len(ev), err)
		}
		var rec struct {
			Log, Source    string
			ContainerName  string `json:"container_name"`
			TaskARN        string `json:"ecs_task_arn"`
			Cluster        string `json:"ecs_cluster"`
			TaskDefinition string `json:"ecs_task_definition"`
		}
		if err := json.Unmarshal([]byte(ev[0].Message), &rec); err != nil {
			t.Fatalf("not a FireLens record: %q", ev[0].Message)
		}
		if rec.TaskARN != tk.ARN || rec.ContainerName != "app" || rec.Cluster != "prod" || rec.TaskDefinition != "api:1" || !strings.Contains(rec.Log, `"msg":"request"`) {
			t.Errorf("FireLens record %+v", rec)
		}
		router := logLocation(t, s, tk, "log_router")
		if router.Group != "/ecs/prod/api-firelens" || router.Stream != "firelens/log_router/"+tk.ID {
			t.Errorf("log router logs to %+v", router)
		}
		if _, err := s.LogEvents(router.Group, router.Stream, time.Time{}, time.Time{}); err != nil {
			t.Errorf("log router stream: %v", err)
		}
	}
	if len(streams) != len(tasks) {
		t.Errorf("streams %v for %d tasks", names, len(tasks))
	}
}

// GetLogEvents windows, FilterLogEvents terms and stream selection.
func TestLogQueries(t *testing.T) {
	s := newSim(t)
	s.Advance(t0.Add(time.Minute))
	stream := "web/app/" + listTasks(t, s, "prod", TaskFilter{ServiceName: "web"})[0].ID
	all, _ := s.LogEvents("/ecs/prod/web", stream, time.Time{}, time.Time{})
	e := all[len(all)/2]
	if got, _ := s.LogEvents("/ecs/prod/web", stream, e.Timestamp, e.Timestamp); len(got) != 0 {
		t.Errorf("[t, t) = %d events", len(got))
	}
	if got, _ := s.LogEvents("/ecs/prod/web", stream, e.Timestamp, e.Timestamp.Add(time.Millisecond)); len(got) == 0 || got[0].EventID != e.EventID {
		t.Errorf("[t, t+1ms) = %v, want %v first", got, e)
	}
	if !slices.IsSortedFunc(all, func(a, b model.LogEvent) int { return a.Timestamp.Compare(b.Timestamp) }) {
		t.Error("events not oldest first")
	}

	hits, err := s.FilterLogEvents("/ecs/prod/web", nil, "web/app/", `"POST /api/checkout" HTTP/1.1`, t0.Add(-5*time.Minute), t0.Add(time.Minute))
	if err != nil || len(hits) == 0 {
		t.Fatalf("FilterLogEvents: %d hits, %v", len(hits), err)
	}
	for i, h := range hits {
		if !strings.Contains(h.Message, "POST /api/checkout") || !strings.HasPrefix(h.Stream, "web/app/") || h.Timestamp.Before(t0.Add(-5*time.Minute)) ||
			i > 0 && h.Timestamp.Before(hits[i-1].Timestamp) {
			t.Fatalf("hit %d: %+v", i, h)
		}
	}
	one, _ := s.FilterLogEvents("/ecs/prod/web", []string{stream, "no-such-stream"}, "", "", time.Time{}, time.Time{})
	if len(one) != len(all) {
		t.Errorf("FilterLogEvents on one stream: %d events, GetLogEvents %d", len(one), len(all))
	}
	if _, err := s.FilterLogEvents("/ecs/prod/web", []string{stream}, "web/", "", time.Time{}, time.Time{}); !errors.Is(err, ErrInvalidParameter) {
		t.Errorf("stream names and prefix together: %v", err)
	}

	groups := s.LogGroups("/ecs/prod/")
	var names []string
	for _, g := range groups {
		names = append(names, g.Name)
		if g.RetentionDays != 30 || g.StoredBytes <= 0 || g.CreatedAt.IsZero() || g.ARN != "arn:aws:logs:us-east-1:123456789012:log-group:"+g.Name+":*" {
			t.Errorf("group %+v", g)
		}
	}
	if want := []string{"/ecs/prod/api", "/ecs/prod/api-firelens", "/ecs/prod/checkout", "/ecs/prod/notifications", "/ecs/prod/web", "/ecs/prod/worker"}; !slices.Equal(names, want) {
		t.Errorf("LogGroups(/ecs/prod/) = %v, want %v", names, want)
	}
	streams, _ := s.LogStreams("/ecs/prod/web", "web/app/")
	for _, st := range streams {
		if st.FirstEventAt.After(st.LastEventAt) || st.LastIngestionAt.Before(st.LastEventAt) || !strings.HasPrefix(st.ARN, "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/prod/web:log-stream:web/app/") {
			t.Errorf("stream %+v", st)
		}
	}
}

// The demo keeps two hours of events; stored bytes follow.
func TestLogRetention(t *testing.T) {
	s := newSim(t)
	s.Advance(t0.Add(3 * time.Hour))
	horizon := s.Now().Add(-logRetention - pruneEvery)
	for _, g := range s.LogGroups("") {
		streams, _ := s.LogStreams(g.Name, "")
		var bytes int64
		for _, st := range streams {
			ev, _ := s.LogEvents(g.Name, st.Name, time.Time{}, time.Time{})
			for _, e := range ev {
				if e.Timestamp.Before(horizon) {
					t.Fatalf("%s/%s keeps an event from %v", g.Name, st.Name, e.Timestamp)
				}
				bytes += int64(len(e.Message) + eventOverhead)
			}
		}
		if g.StoredBytes != bytes {
			t.Errorf("%s stores %d bytes, its events %d", g.Name, g.StoredBytes, bytes)
		}
	}
	if streams, _ := s.LogStreams("/ecs/prod/worker", ""); len(streams) > 150 {
		t.Errorf("%d worker streams kept", len(streams))
	}
}
