package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/ecsdeck/ecsdeck/keymap"
)

// startEcsdeck runs the built binary in tmux with its own (empty unless
// written) config directory, so the user's configuration never leaks in.
func startEcsdeck(t *testing.T, configYAML string, env []string, args ...string) *tmuxSession {
	t.Helper()
	bin := ecsdeckBinary(t)
	xdg := t.TempDir()
	if configYAML != "" {
		dir := filepath.Join(xdg, "ecsdeck")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(configYAML), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	env = append([]string{"XDG_CONFIG_HOME=" + xdg}, env...)
	return startTmux(t, env, append([]string{bin}, args...)...)
}

// quitCleanly waits for ecsdeck to exit with status 0 and checks that it
// gave the terminal back: out of the alternate screen, no mouse reporting,
// nothing of the UI left on the screen or in the scrollback. It returns
// what is left there.
func quitCleanly(t *testing.T, s *tmuxSession) string {
	t.Helper()
	if status := s.waitExit(); status != "0" {
		t.Errorf("ecsdeck exited with status %q, want 0", status)
	}
	if alt := s.format("#{alternate_on}"); alt != "0" {
		t.Errorf("ecsdeck left the terminal in the alternate screen (alternate_on=%q)", alt)
	}
	if mouse := s.format("#{mouse_any_flag}"); mouse != "0" {
		t.Errorf("ecsdeck left mouse reporting on (mouse_any_flag=%q)", mouse)
	}
	transcript := s.transcript()
	if strings.Contains(transcript, "Profile:") || strings.Contains(transcript, "<clusters>") {
		t.Errorf("the UI is still on the terminal after exit:\n%s", transcript)
	}
	return transcript
}

// tableRows returns the first field of each row under the header line that
// starts with header, up to the first blank line.
func tableRows(screen, header string) []string {
	var rows []string
	in := false
	for _, line := range strings.Split(screen, "\n") {
		switch {
		case strings.HasPrefix(line, header):
			in = true
		case in && strings.TrimSpace(line) == "":
			return rows
		case in:
			rows = append(rows, strings.Fields(line)[0])
		}
	}
	return rows
}

var imageWithTag = regexp.MustCompile(`^web:\S+$`)

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// hasColour reports whether text sets a foreground or background colour
// (SGR 30-38, 40-48, 90-97, 100-107; 39 and 49 only reset to the default).
func hasColour(text string) bool {
	for _, m := range sgr.FindAllStringSubmatch(text, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			if n >= 30 && n <= 38 || n >= 40 && n <= 48 || n >= 90 && n <= 97 || n >= 100 && n <= 107 {
				return true
			}
		}
	}
	return false
}

// The browse flow of issue 3, typed as a person would: clusters → services
// of prod → web's tasks → a task's containers and back, a filter, help, quit.
func TestE2EBrowseDemo(t *testing.T) {
	s := startEcsdeck(t, "", []string{"TERM=xterm-256color"}, "--demo")
	s.waitText("<clusters>", "Region:  us-east-1", "prod", "staging", "batch")

	s.keys(":")
	s.typeText("svc prod")
	s.keys("Enter")
	s.waitText("<services(prod)>", "web", "worker")

	s.keys("/")
	s.typeText("web")
	s.keys("Enter")
	s.waitFor("the filter to leave only web", func(screen string) bool {
		rows := tableRows(screen, "NAME ")
		return len(rows) == 1 && rows[0] == "web"
	})

	s.keys("Enter") // drill into web's tasks
	var tasks []string
	s.waitFor("at least two tasks of web", func(screen string) bool {
		tasks = tableRows(screen, "TASK ID ")
		return strings.Contains(screen, "<tasks(prod/web)>") && len(tasks) >= 2
	})

	s.keys("Enter") // drill into the first task's containers
	s.waitFor("container app with its image tag", func(screen string) bool {
		if !strings.Contains(screen, "<containers(") {
			return false
		}
		for _, line := range strings.Split(screen, "\n") {
			f := strings.Fields(line)
			if len(f) >= 2 && f[0] == "app" && imageWithTag.MatchString(f[1]) {
				return true
			}
		}
		return false
	})

	s.keys("Escape")
	s.waitFor("back on the tasks", func(screen string) bool {
		return !strings.Contains(screen, "<containers(") && strings.Contains(screen, "<tasks(prod/web)>")
	})

	// Filter the tasks on the start of the second task's ID.
	first, second := strings.TrimSuffix(tasks[0], "…"), strings.TrimSuffix(tasks[1], "…")
	s.keys("/")
	s.typeText(second[:8])
	s.waitFor("only the task "+second[:8], func(screen string) bool {
		rows := tableRows(screen, "TASK ID ")
		return len(rows) == 1 && strings.HasPrefix(rows[0], second[:8])
	})
	s.keys("Escape") // clears the filter
	s.waitFor("every task back", func(screen string) bool {
		rows := tableRows(screen, "TASK ID ")
		return len(rows) == len(tasks) && strings.Contains(screen, first)
	})

	s.keys("?")
	help := s.waitText("press ? or esc to close")
	for _, b := range keymap.New(false).Global.Bindings() {
		if h := b.Help(); !strings.Contains(help, "<"+h.Key+">") || !strings.Contains(help, h.Desc) {
			t.Errorf("help does not show %s %s", h.Key, h.Desc)
		}
	}
	s.keys("Escape")
	s.waitGone("press ? or esc to close")

	s.keys("C-c")
	quitCleanly(t, s)
}

// The config file is read from the XDG path: it can start ecsdeck on a
// cluster's services, in read-only mode.
func TestE2EConfigFile(t *testing.T) {
	s := startEcsdeck(t, "cluster: prod\nreadonly: true\n", nil, "--demo")
	s.waitText("<services(prod)>", "[read-only]", "web", "worker")
	s.keys(":")
	s.typeText("q")
	s.keys("Enter")
	quitCleanly(t, s)
}

// A broken config file does not stop ecsdeck: it starts with the defaults
// (so not read-only, on the clusters) and says which line is wrong, in the
// flash line and again on stderr after exit. NO_COLOR is honoured.
func TestE2EBrokenConfigFile(t *testing.T) {
	s := startEcsdeck(t, "readonly: true\nrefersh: 1s\n", []string{"NO_COLOR=1"}, "--demo")
	screen := s.waitText("<clusters>", "prod", "config.yaml:2: unknown key")
	if strings.Contains(screen, "[read-only]") {
		t.Errorf("a broken file must give the defaults, but ecsdeck is read-only:\n%s", screen)
	}
	if styled := s.tmux("capture-pane", "-p", "-e", "-t", s.target); hasColour(styled) {
		t.Errorf("colours drawn despite NO_COLOR=1:\n%q", styled)
	}
	s.keys("q")
	after := quitCleanly(t, s)
	if !strings.Contains(after, "config.yaml:2: unknown key \"refersh\"") {
		t.Errorf("after exit, the config warning is not on the terminal:\n%s", after)
	}
}

// `kill` (SIGTERM) quits as cleanly as a key: terminal restored, exit 0.
func TestE2ESIGTERM(t *testing.T) {
	s := startEcsdeck(t, "", nil, "--demo", "--cluster", "staging")
	s.waitText("<services(staging)>")
	if err := syscall.Kill(s.pid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	quitCleanly(t, s)
}

// Flags reach the UI: --readonly shows in the header, and an unknown
// --cluster is a message saying what to check, not a crash.
func TestE2EUnknownClusterReadOnly(t *testing.T) {
	s := startEcsdeck(t, "", nil, "--demo", "--readonly", "--cluster", "nope")
	s.waitText("[read-only]", "<services(nope)>", "not found", "check the name")
	s.keys("C-c")
	quitCleanly(t, s)
}
