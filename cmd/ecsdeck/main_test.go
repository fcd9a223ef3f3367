package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// isolate keeps the user's own ecsdeck and AWS configuration out of a test.
func isolate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "aws-config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "aws-credentials"))
	for _, v := range []string{"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
		"AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"} {
		t.Setenv(v, "")
		os.Unsetenv(v)
	}
	return dir
}

func runMain(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestRunFlagErrors(t *testing.T) {
	isolate(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--bogus"}, "ecsdeck: flag provided but not defined: --bogus\n"},
		{[]string{"--refresh", "abc"}, `ecsdeck: invalid value "abc" for flag --refresh: want a duration such as 2s or 500ms, got "abc"` + "\n"},
		{[]string{"--refresh=100ms"}, "the minimum is 500ms\n"},
		{[]string{"--demo", "extra"}, `ecsdeck: unexpected argument "extra"` + "\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runMain(tt.args...)
			if code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			first, rest, _ := strings.Cut(stderr, "\n")
			if !strings.Contains(first+"\n", tt.want) {
				t.Errorf("first line of stderr = %q, want it to contain %q", first, tt.want)
			}
			if !strings.Contains(rest, "Usage:") || !strings.Contains(rest, "--refresh DURATION") {
				t.Errorf("stderr does not carry the usage after the error:\n%s", stderr)
			}
		})
	}
}

func TestRunHelpAndVersion(t *testing.T) {
	isolate(t)
	code, stdout, stderr := runMain("--help")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "Usage:") || !strings.Contains(stdout, "--demo") {
		t.Errorf("--help: code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = runMain("--version")
	if code != 0 || stderr != "" || stdout != "ecsdeck dev\n" {
		t.Errorf("--version: code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// Configuration problems are one line of advice and exit 1, not a stack trace.
func TestRunClientErrors(t *testing.T) {
	dir := isolate(t)
	if err := os.WriteFile(filepath.Join(dir, "aws-config"), []byte("[profile dev]\nregion = eu-west-1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--profile", "nope"}, "profile nope not found"},
		{nil, "no AWS region configured"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runMain(tt.args...)
		if code != 1 || stdout != "" {
			t.Errorf("%q: code %d, stdout %q", tt.args, code, stdout)
		}
		if !strings.HasPrefix(stderr, "ecsdeck: ") || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: stderr = %q, want one line containing %q", tt.args, stderr, tt.want)
		}
	}
}
