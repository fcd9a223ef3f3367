package sim

import (
	"encoding/json"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// A logger is one running container writing to CloudWatch Logs, under the
// log group and stream its log configuration implies.
type logger struct {
	t             *task
	name          string // container name
	v             *voice
	group, stream string
	firelens      bool // lines are FireLens records
	next          time.Time
	dead          bool
}

// voice is what a piece of software writes. line is called about every gap;
// the others at moments of its life. Any may be nil.
type voice struct {
	gap        [2]time.Duration
	line       func(s *Sim, t *task, at time.Time) string
	start      lines // container start
	stop       lines // graceful stop (SIGTERM)
	oomWarning lines // just before the kernel kills it
	stackTrace lines // just before it exits 1
	done       lines // a job's last words before exiting 0
}

type lines func(s *Sim, t *task, at time.Time) []string

var silence voice

// orSilence lets callers read a moment of a voice that may not exist.
func (v *voice) orSilence() *voice {
	if v == nil {
		return &silence
	}
	return v
}

// startLogger begins container i's log output, if it logs to CloudWatch.
func (s *Sim) startLogger(t *task, i int) {
	d := t.td.Containers[i]
	v := s.voiceOf(d)
	loc, ok := model.ContainerLogLocation(d, t.m.ID)
	if v == nil || !ok {
		return
	}
	l := &logger{t: t, name: d.Name, v: v, group: loc.Group, stream: loc.Stream,
		firelens: d.LogConfiguration.Driver == "awsfirelens", next: s.now.Add(s.between(v.gap[0], v.gap[1]))}
	s.stream(l.group, l.stream, s.now)
	t.loggers = append(t.loggers, l)
	if v.line != nil {
		s.loggers = append(s.loggers, l)
	}
	at := s.now
	if t.m.StartedAt.Before(at) && !t.m.StartedAt.IsZero() { // booted by the scenario
		at = t.m.StartedAt
	}
	s.say(l, at, v.start)
}

// stopLogger ends a container's output, with its goodbye lines when it was
// asked to stop.
func (s *Sim) stopLogger(t *task, name string, graceful bool) {
	for _, l := range t.loggers {
		if l.name == name && !l.dead {
			s.flushLogger(l)
			if graceful {
				s.say(l, s.now, l.v.stop)
			}
			l.dead = true
		}
	}
}

// writeLines writes a moment's lines (a stack trace, say) for container i.
func (s *Sim) writeLines(t *task, i int, at time.Time, f lines) {
	for _, l := range t.loggers {
		if l.name == t.td.Containers[i].Name && !l.dead {
			s.flushLogger(l)
			s.say(l, at, f)
		}
	}
}

// say writes lines a millisecond apart from at.
func (s *Sim) say(l *logger, at time.Time, f lines) {
	if f == nil {
		return
	}
	for k, line := range f(s, l.t, at) {
		s.emit(l, at.Add(time.Duration(k)*time.Millisecond), line)
	}
}

// writeLogs lets every running container write its lines up to now.
func (s *Sim) writeLogs() {
	live := s.loggers[:0]
	for _, l := range s.loggers {
		if !l.dead {
			s.flushLogger(l)
			live = append(live, l)
		}
	}
	clear(s.loggers[len(live):])
	s.loggers = live
}

// flushLogger writes a logger's lines due by now. Steady output older than
// logFrom is skipped, not generated (retention would drop it, and the
// scenario's warm-up only needs the last minutes of it).
func (s *Sim) flushLogger(l *logger) {
	if l.v.line == nil {
		return
	}
	if l.next.Before(s.logFrom) {
		l.next = s.logFrom.Add(s.between(0, l.v.gap[1]))
	}
	for !l.next.After(s.now) {
		s.emit(l, l.next, l.v.line(s, l.t, l.next))
		l.next = l.next.Add(s.between(l.v.gap[0], l.v.gap[1]))
	}
}

// emit stores one line, as a FireLens record when FireLens carries it.
func (s *Sim) emit(l *logger, at time.Time, line string) {
	if l.firelens {
		line = firelensRecord(l.t, l.name, line)
	}
	s.putLog(l.group, l.stream, at, line)
}

// firelensRecord is the JSON record Fluent Bit sends for a line, with the
// ECS metadata FireLens adds.
func firelensRecord(t *task, container, line string) string {
	rec := struct {
		Source        string `json:"source"`
		Log           string `json:"log"`
		ContainerID   string `json:"container_id"`
		ContainerName string `json:"container_name"`
		Cluster       string `json:"ecs_cluster"`
		TaskARN       string `json:"ecs_task_arn"`
		TaskDef       string `json:"ecs_task_definition"`
	}{"stdout", line, "", container, lastPart(t.m.ClusterARN), t.m.ARN, t.td.Family + ":" + itoa(t.td.Revision)}
	for _, c := range t.m.Containers {
		if c.Name == container {
			rec.ContainerID = c.RuntimeID
		}
	}
	b, _ := json.Marshal(rec)
	return string(b)
}
