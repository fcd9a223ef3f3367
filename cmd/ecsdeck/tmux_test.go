package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A tmux session driving one program at a fixed size: the end-to-end tests
// use it to type keys and read the screen as a person would.
type tmuxSession struct {
	t          *testing.T
	socket     string
	target     string
	statusFile string // the wrapper shell writes the program's exit status here
}

const (
	screenWidth  = 120
	screenHeight = 35
	// waitTimeout is generous: a loaded 2-core CI machine is slow, and a
	// passing test never waits this long.
	waitTimeout  = 20 * time.Second
	pollInterval = 25 * time.Millisecond
)

// needTool skips the test when a tool is missing, except on CI (CI=true),
// where .ci/run installs it and a missing tool is a failure.
func needTool(t *testing.T, name, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is required on CI but not installed (%s)", name, install)
	}
	t.Skipf("%s is not installed; skipping (install it with: %s)", name, install)
	return ""
}

// startTmux runs command in a new tmux server of its own (so that the user's
// tmux is never touched), in a pane that stays after the program exits so
// the test can see how it left the terminal.
func startTmux(t *testing.T, env []string, command ...string) *tmuxSession {
	t.Helper()
	needTool(t, "tmux", "apt-get install tmux")
	// A short directory: unix socket paths are limited to about 100 bytes.
	dir, err := os.MkdirTemp("", "ecsdeck-tmux")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	conf := filepath.Join(dir, "tmux.conf")
	settings := "set -g remain-on-exit on\nset -g status off\nset -g default-terminal xterm-256color\n"
	if err := os.WriteFile(conf, []byte(settings), 0o600); err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, socket: filepath.Join(dir, "sock"), target: "e2e", statusFile: filepath.Join(dir, "status")}
	args := []string{"-f", conf, "new-session", "-d", "-s", s.target, "-x", strconv.Itoa(screenWidth), "-y", strconv.Itoa(screenHeight)}
	for _, kv := range env {
		args = append(args, "-e", kv)
	}
	// A shell waits for the program and records its exit status: tmux's own
	// #{pane_dead_status} is unreliable (it now and then never reaps the
	// process, which stays a zombie with the status unknown).
	args = append(args, shellJoin(command)+"; echo $? >"+shellJoin([]string{s.statusFile}))
	s.tmux(args...)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("screen at the end:\n%s", s.screen())
		}
		exec.Command("tmux", "-S", s.socket, "kill-server").Run()
	})
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// keys sends tmux key names: "Enter", "Escape", "C-c", "Down", or "?".
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", s.target}, keys...)...)
}

// typeText types text literally, one key per character.
func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	s.tmux("send-keys", "-t", s.target, "-l", text)
}

func (s *tmuxSession) screen() string {
	s.t.Helper()
	return s.tmux("capture-pane", "-p", "-t", s.target)
}

// transcript is the whole pane, scrollback included, with wrapped lines
// joined: what a person would find scrolling back after the program exited.
func (s *tmuxSession) transcript() string {
	s.t.Helper()
	return s.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", s.target)
}

// format reads a tmux format variable of the pane, such as #{pane_dead}.
func (s *tmuxSession) format(f string) string {
	s.t.Helper()
	return strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.target, f))
}

// waitFor polls the screen until cond holds and returns that screen; on
// timeout it fails with the last screen seen.
func (s *tmuxSession) waitFor(what string, cond func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		screen := s.screen()
		if cond(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out after %s waiting for %s; the screen was:\n%s", waitTimeout, what, screen)
		}
		time.Sleep(pollInterval)
	}
}

// waitText waits until every one of texts is on the screen.
func (s *tmuxSession) waitText(texts ...string) string {
	s.t.Helper()
	return s.waitFor(strings.Join(quoteAll(texts), " and "), func(screen string) bool {
		return containsAll(screen, texts...)
	})
}

// waitGone waits until none of texts is on the screen.
func (s *tmuxSession) waitGone(texts ...string) string {
	s.t.Helper()
	return s.waitFor(strings.Join(quoteAll(texts), " and ")+" to disappear", func(screen string) bool {
		for _, text := range texts {
			if strings.Contains(screen, text) {
				return false
			}
		}
		return true
	})
}

// waitExit waits for the program in the pane to exit and returns its exit
// status as the shell reports it ("0"; 128+N after signal N).
func (s *tmuxSession) waitExit() string {
	s.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		status, err := os.ReadFile(s.statusFile)
		if err == nil && strings.HasSuffix(string(status), "\n") {
			return strings.TrimSpace(string(status))
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the program did not exit; the screen was:\n%s", s.screen())
		}
		time.Sleep(pollInterval)
	}
}

// pid is the program's process ID: the only child of the pane's shell.
func (s *tmuxSession) pid() int {
	s.t.Helper()
	shell := s.format("#{pane_pid}")
	children, err := os.ReadFile("/proc/" + shell + "/task/" + shell + "/children")
	if err != nil {
		s.t.Skipf("cannot find the program's process: %v", err)
	}
	f := strings.Fields(string(children))
	if len(f) != 1 {
		s.t.Fatalf("the pane's shell has children %q, want exactly the program", f)
	}
	pid, err := strconv.Atoi(f[0])
	if err != nil {
		s.t.Fatal(err)
	}
	return pid
}

func containsAll(screen string, texts ...string) bool {
	for _, text := range texts {
		if !strings.Contains(screen, text) {
			return false
		}
	}
	return true
}

func quoteAll(texts []string) []string {
	q := make([]string, len(texts))
	for i, text := range texts {
		q[i] = "\"" + text + "\""
	}
	return q
}

// shellJoin quotes args for the shell tmux runs the command with.
func shellJoin(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}
