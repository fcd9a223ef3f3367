package ui

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// panicView panics on its first key press.
type panicView struct{ fakeView }

func (p *panicView) Update(m tea.Msg) tea.Cmd {
	if _, ok := m.(tea.KeyPressMsg); ok {
		panic("boom")
	}
	return nil
}

// syncBuffer is the program's output; wrote signals each write.
type syncBuffer struct {
	mu    sync.Mutex
	b     bytes.Buffer
	wrote chan struct{}
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case s.wrote <- struct{}{}:
	default: // a signal is already pending
	}
	return s.b.Write(p)
}

// waitFor waits until the output contains want, or the deadline.
func (s *syncBuffer) waitFor(want string, deadline <-chan time.Time) {
	for !strings.Contains(s.String(), want) {
		select {
		case <-s.wrote:
		case <-deadline:
			return
		}
	}
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestProgramRestoresTerminal runs the App in a real Bubble Tea program:
// on quit and on a panic in a view, the alternate screen is left again.
func TestProgramRestoresTerminal(t *testing.T) {
	const enterAltScreen, leaveAltScreen = "\x1b[?1049h", "\x1b[?1049l"
	for name, tc := range map[string]struct {
		root    View
		wantErr error
	}{
		"quit":  {root: &fakeView{title: "clusters"}},
		"panic": {root: &panicView{fakeView{title: "clusters"}}, wantErr: tea.ErrProgramPanic},
	} {
		t.Run(name, func(t *testing.T) {
			a := newApp(Options{}, viewFactory{clusters: func(*Context) View { return tc.root }})
			out := &syncBuffer{wrote: make(chan struct{}, 1)}
			p := tea.NewProgram(a, tea.WithInput(strings.NewReader("")), tea.WithOutput(out), tea.WithWindowSize(80, 24), tea.WithoutSignals())
			go func() {
				// keys once the screen is up: x (the panic view panics), then ctrl-c
				out.waitFor(enterAltScreen, time.After(10*time.Second))
				p.Send(tea.KeyPressMsg{Code: 'x', Text: "x"})
				p.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
			}()
			_, err := p.Run()
			if !errors.Is(err, tc.wantErr) && err != tc.wantErr {
				t.Fatalf("Run: %v, want %v", err, tc.wantErr)
			}
			if !strings.Contains(out.String(), leaveAltScreen) {
				t.Errorf("alternate screen not left; output %q", out.String())
			}
		})
	}
}
