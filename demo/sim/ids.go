package sim

import (
	"fmt"
	"strconv"
	"strings"
)

// IDs and ARNs in the formats AWS uses, drawn from the seeded source.

func (s *Sim) hex(n int) string {
	var b strings.Builder
	for b.Len() < n {
		fmt.Fprintf(&b, "%016x", s.rng.Uint64())
	}
	return b.String()[:n]
}

func (s *Sim) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + s.rng.IntN(10))
	}
	if b[0] == '0' {
		b[0] = '1'
	}
	return string(b)
}

func (s *Sim) uuid() string {
	h := s.hex(32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:]
}

func (s *Sim) taskID() string       { return s.hex(32) }
func (s *Sim) deploymentID() string { return "ecs-svc/" + s.digits(19) }
func (s *Sim) ec2ID() string        { return "i-0" + s.hex(16) }

// arn builds an ECS ARN for a resource such as "cluster/prod".
func (s *Sim) arn(resource string) string {
	return "arn:aws:ecs:" + s.cfg.Region + ":" + s.cfg.Account + ":" + resource
}

func (s *Sim) logsARN(resource string) string {
	return "arn:aws:logs:" + s.cfg.Region + ":" + s.cfg.Account + ":" + resource
}

// parseRef splits a name-or-ARN reference to an ECS resource of the given
// kind ("cluster", "service", "task", "container-instance"). A plain name
// comes back as ("", name). An ARN comes back as the cluster part, when the
// ARN has one (the newer long format), and the name or ID. An ARN of another
// kind, region or account yields an empty name, which matches nothing.
func (s *Sim) parseRef(ref, kind string) (clusterName, name string) {
	if !strings.HasPrefix(ref, "arn:") {
		return "", ref
	}
	rest, ok := strings.CutPrefix(ref, s.arn(kind+"/"))
	if !ok {
		return "", ""
	}
	if i := strings.LastIndexByte(rest, '/'); i >= 0 {
		return rest[:i], rest[i+1:]
	}
	return "", rest
}

// lastPart is what follows the last slash of an ARN: a cluster name, a
// task ID, a container instance ID.
func lastPart(arn string) string {
	return arn[strings.LastIndexByte(arn, '/')+1:]
}

func itoa(n int) string { return strconv.Itoa(n) }
