package sim

import (
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// imageProfile is how the software in one image behaves: what it writes to
// its log and how it fails. Behaviour follows the image, so pointing a
// service at another revision (another image) changes it, as in real life.
type imageProfile struct {
	image          string
	voice          *voice
	pullError      bool             // the tag does not exist in the registry
	crashAfter     [2]time.Duration // dies this long after starting
	oomShare       float64          // share of crashes that are OOM kills (the rest exit 1)
	finishAfter    [2]time.Duration // a job: exits 0 this long after starting
	unhealthyShare float64          // share of tasks whose health check starts failing
	unhealthyAfter [2]time.Duration
}

func (s *Sim) profile(p imageProfile) {
	s.images[p.image] = &p
}

// profileOf is the profile of the task's main essential container (the
// one whose exit stops the task), nil for software with no surprises.
func (s *Sim) profileOf(td *model.TaskDefinition) *imageProfile {
	for _, c := range td.Containers {
		if p := s.images[c.Image]; p != nil && (p.pullError || c.Essential && c.FirelensType == "") {
			return p
		}
	}
	return nil
}

// voiceOf is what a container writes to its log, nil for nothing. A
// profile keyed "name@image" wins: one image can run as several containers
// (an init container running the app's migrations).
func (s *Sim) voiceOf(d model.ContainerDefinition) *voice {
	if p := s.images[d.Name+"@"+d.Image]; p != nil {
		return p.voice
	}
	if p := s.images[d.Image]; p != nil {
		return p.voice
	}
	return nil
}
