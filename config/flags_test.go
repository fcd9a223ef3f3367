package config

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestParseFlags(t *testing.T) {
	file := Config{Profile: "from-file", Region: "eu-west-1", Cluster: "staging", Refresh: 5 * time.Second, ReadOnly: true, Path: "/etc/x.yaml"}
	tests := []struct {
		name   string
		args   []string
		want   Config
		action Action
	}{
		{"no flags keep the file", nil, file, ActionRun},
		{"flags win over the file", []string{"--profile", "ops", "--region=us-west-2", "--cluster", "prod", "--refresh", "750ms", "--endpoint-url", "http://127.0.0.1:4566"},
			Config{Profile: "ops", Region: "us-west-2", EndpointURL: "http://127.0.0.1:4566", Cluster: "prod", Refresh: 750 * time.Millisecond, ReadOnly: true, Path: "/etc/x.yaml"}, ActionRun},
		{"a bool flag can turn the file's setting off", []string{"--readonly=false", "--demo"},
			Config{Profile: "from-file", Region: "eu-west-1", Cluster: "staging", Refresh: 5 * time.Second, Demo: true, Path: "/etc/x.yaml"}, ActionRun},
		{"single dash works too", []string{"-demo", "-config", "/tmp/c.yaml"},
			Config{Profile: "from-file", Region: "eu-west-1", Cluster: "staging", Refresh: 5 * time.Second, ReadOnly: true, Demo: true, Path: "/tmp/c.yaml"}, ActionRun},
		{"--help", []string{"--help"}, file, ActionHelp},
		{"-h", []string{"--demo", "-h"}, Config{Profile: "from-file", Region: "eu-west-1", Cluster: "staging", Refresh: 5 * time.Second, ReadOnly: true, Demo: true, Path: "/etc/x.yaml"}, ActionHelp},
		{"--version", []string{"--version"}, file, ActionVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, action, err := ParseFlags(tt.args, file)
			if err != nil {
				t.Fatalf("ParseFlags(%q): %v", tt.args, err)
			}
			if got != tt.want || action != tt.action {
				t.Errorf("ParseFlags(%q) = %+v, %v\nwant %+v, %v", tt.args, got, action, tt.want, tt.action)
			}
		})
	}
}

func TestParseFlagsErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--bogus"}, "flag provided but not defined: --bogus"},
		{[]string{"--refresh", "abc"}, `invalid value "abc" for flag --refresh: want a duration such as 2s or 500ms, got "abc"`},
		{[]string{"--refresh=10ms"}, `invalid value "10ms" for flag --refresh: 10ms is too often; the minimum is 500ms`},
		{[]string{"--readonly=maybe"}, `invalid boolean value "maybe" for --readonly`},
		{[]string{"--cluster"}, "flag needs an argument: --cluster"},
		{[]string{"--demo", "prod"}, `unexpected argument "prod"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, _, err := ParseFlags(tt.args, Default())
			if err == nil {
				t.Fatalf("ParseFlags(%q) succeeded", tt.args)
			}
			if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q, want one line containing %q", err, tt.want)
			}
		})
	}
}

// Every flag ParseFlags accepts is documented in Usage, and the reverse.
func TestUsageMatchesFlags(t *testing.T) {
	var cfg Config
	var help, version bool
	fs := newFlagSet(&cfg, &help, &version)
	documented := regexp.MustCompile(`(?m)^  (?:-h, )?--([a-z-]+)`).FindAllStringSubmatch(Usage, -1)
	seen := map[string]bool{"h": true} // documented as "-h, --help"
	for _, m := range documented {
		if fs.Lookup(m[1]) == nil {
			t.Errorf("Usage documents --%s, which ParseFlags does not accept", m[1])
		}
		seen[m[1]] = true
	}
	fs.VisitAll(func(f *flag.Flag) {
		if !seen[f.Name] {
			t.Errorf("Usage does not document --%s", f.Name)
		}
	})
}

func TestResolvePrecedence(t *testing.T) {
	dir := t.TempDir()
	defaultPath := filepath.Join(dir, "default.yaml")
	writeAt(t, defaultPath, "region: from-default-file\nrefresh: 3s\n")
	other := filepath.Join(dir, "other.yaml")
	writeAt(t, other, "region: from-other-file\ncluster: batch\n")
	broken := filepath.Join(dir, "broken.yaml")
	writeAt(t, broken, "region: x\nrefersh: 1s\n")

	tests := []struct {
		name    string
		args    []string
		want    Config
		fileErr string
	}{
		{"file over defaults", nil, Config{Region: "from-default-file", Refresh: 3 * time.Second, Path: defaultPath}, ""},
		{"flag over file", []string{"--region", "flag", "--refresh=1s"}, Config{Region: "flag", Refresh: time.Second, Path: defaultPath}, ""},
		{"--config picks the file", []string{"--config", other}, Config{Region: "from-other-file", Cluster: "batch", Refresh: DefaultRefresh, Path: other}, ""},
		{"missing --config file: defaults, and the error says so", []string{"--config", filepath.Join(dir, "none.yaml")},
			Config{Refresh: DefaultRefresh, Path: filepath.Join(dir, "none.yaml")}, filepath.Join(dir, "none.yaml") + ": no such file (given with --config)"},
		{"broken file: defaults, flags still apply, error names the line", []string{"--config", broken, "--cluster", "prod"},
			Config{Cluster: "prod", Refresh: DefaultRefresh, Path: broken}, broken + ":2: unknown key \"refersh\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, action, fileErr, err := Resolve(tt.args, defaultPath)
			if err != nil || action != ActionRun {
				t.Fatalf("Resolve: %v, %v", action, err)
			}
			if got != tt.want {
				t.Errorf("Resolve = %+v\nwant %+v", got, tt.want)
			}
			if tt.fileErr == "" && fileErr != nil || tt.fileErr != "" && (fileErr == nil || !strings.HasPrefix(fileErr.Error(), tt.fileErr)) {
				t.Errorf("file error = %v, want %q", fileErr, tt.fileErr)
			}
		})
	}
}

// Only the default file may be absent: ecsdeck then runs on defaults and
// says nothing.
func TestResolveWithoutTheDefaultFile(t *testing.T) {
	absent := filepath.Join(t.TempDir(), "config.yaml")
	got, _, fileErr, err := Resolve(nil, absent)
	if err != nil || fileErr != nil || got != (Config{Refresh: DefaultRefresh, Path: absent}) {
		t.Errorf("Resolve without a default file = %+v, %v, %v", got, fileErr, err)
	}
}

func TestResolveDoesNotReadTheFileForHelpOrBadFlags(t *testing.T) {
	broken := filepath.Join(t.TempDir(), "broken.yaml")
	writeAt(t, broken, "{{{")
	if _, action, fileErr, err := Resolve([]string{"--config", broken, "--version"}, ""); action != ActionVersion || fileErr != nil || err != nil {
		t.Errorf("--version: %v %v %v", action, fileErr, err)
	}
	if _, _, fileErr, err := Resolve([]string{"--config", broken, "--nope"}, ""); err == nil || fileErr != nil {
		t.Errorf("bad flag: %v %v", fileErr, err)
	}
}

func writeAt(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
