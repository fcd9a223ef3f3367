package sim

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// register adds the next revision of a family.
func (s *Sim) register(td model.TaskDefinition, at time.Time) *model.TaskDefinition {
	revs := s.families[td.Family]
	td.Revision = len(revs) + 1
	td.ARN = s.arn("task-definition/" + td.Family + ":" + strconv.Itoa(td.Revision))
	td.Status = "ACTIVE"
	td.RegisteredAt = at
	p := &td
	s.families[td.Family] = append(revs, p)
	return p
}

// taskDef resolves an ARN, "family:revision" or "family" (its latest
// ACTIVE revision).
func (s *Sim) taskDef(ref string) (*model.TaskDefinition, error) {
	name := ref
	if strings.HasPrefix(ref, "arn:") {
		var ok bool
		if name, ok = strings.CutPrefix(ref, s.arn("task-definition/")); !ok {
			name = ""
		}
	}
	family, rev, hasRev := strings.Cut(name, ":")
	revs := s.families[family]
	if hasRev {
		if n, err := strconv.Atoi(rev); err == nil && n >= 1 && n <= len(revs) {
			return revs[n-1], nil
		}
	} else {
		for i := len(revs) - 1; i >= 0; i-- {
			if revs[i].Status == "ACTIVE" {
				return revs[i], nil
			}
		}
	}
	return nil, fmt.Errorf("%w: Unable to describe task definition.", ErrTaskDefinitionNotFound)
}

// TaskDefinition returns a task definition by ARN, "family:rev" or
// "family" (latest ACTIVE revision).
func (s *Sim) TaskDefinition(ref string) (model.TaskDefinition, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	td, err := s.taskDef(ref)
	if err != nil {
		return model.TaskDefinition{}, err
	}
	return copyTaskDef(td), nil
}

// TaskDefinitionARNs lists revisions by family, then revision. As in
// ListTaskDefinitions, familyPrefix is a whole family name ("" = every
// family) and status "" means ACTIVE.
func (s *Sim) TaskDefinitionARNs(familyPrefix, status string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if status == "" {
		status = "ACTIVE"
	}
	var families []string
	for f := range s.families {
		if familyPrefix == "" || f == familyPrefix {
			families = append(families, f)
		}
	}
	slices.Sort(families)
	var out []string
	for _, f := range families {
		for _, td := range s.families[f] {
			if td.Status == status {
				out = append(out, td.ARN)
			}
		}
	}
	return out
}
