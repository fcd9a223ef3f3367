package config

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	writeAt(t, path, content)
	return path
}

func TestLoadGood(t *testing.T) {
	tests := []struct {
		name, file string
		want       Config
	}{
		{"empty file", "", Default()},
		{"comments only", "# nothing yet\n", Default()},
		{"null document", "~\n", Default()},
		{"every key", `
profile: prod-admin
region: eu-west-1
endpoint-url: http://127.0.0.1:4566
cluster: prod
refresh: 5s
readonly: true
demo: false
`, Config{Profile: "prod-admin", Region: "eu-west-1", EndpointURL: "http://127.0.0.1:4566",
			Cluster: "prod", Refresh: 5 * time.Second, ReadOnly: true}},
		{"empty value leaves a key unset", "profile:\nrefresh: 750ms\n", Config{Refresh: 750 * time.Millisecond}},
		{"numeric-looking names stay strings", "cluster: 2024\n", Config{Cluster: "2024", Refresh: DefaultRefresh}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, tt.file)
			got, err := Load(path)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			tt.want.Path = path
			if got != tt.want {
				t.Errorf("Load = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestLoadMissingFileIsDefaults(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope", "config.yaml")
	got, err := Load(path)
	if err != nil {
		t.Fatalf("Load of a missing file: %v", err)
	}
	if want := (Config{Refresh: DefaultRefresh, Path: path}); got != want {
		t.Errorf("Load = %+v, want %+v", got, want)
	}
}

func TestLoadBroken(t *testing.T) {
	tests := []struct {
		name, file string
		line       int
		msg        string // substring of the message
	}{
		{"unclosed list", "profile: a\nregion: [eu-west-1\n", 2, "did not find expected ',' or ']'"},
		{"unclosed mapping", "profile: a\n\ncluster: {name: prod\n", 3, "did not find expected ',' or '}'"},
		{"list item in a mapping", "profile: a\nregion: b\n- c\n", 3, "did not find expected key"},
		{"bad indentation", "profile:\n  a: 1\n b: 2\n", 3, "did not find expected key"},
		{"mapping in a value", "profile: a\nregion: b: c\n", 2, "mapping values are not allowed"},
		{"unterminated quote", "profile: a\nregion: 'b\n", 2, "unexpected end of stream"},
		{"tab indentation", "profile: a\n\tregion: b\n", 2, "tab"},
		{"unknown key", "profile: a\n\nrefersh: 2s\n", 3, `unknown key "refersh" (known keys: cluster, demo, endpoint-url, profile, readonly, refresh, region)`},
		{"refresh not a duration", "region: x\nrefresh: soon\n", 2, `refresh: want a duration such as 2s or 500ms, got "soon"`},
		{"refresh without unit", "refresh: 2\n", 1, `got "2"`},
		{"refresh too often", "\n\nrefresh: 100ms\n", 3, "refresh: 100ms is too often; the minimum is 500ms"},
		{"bool not a bool", "readonly: please\n", 1, `readonly: want true or false, got "please"`},
		{"quoted bool", "demo: \"true\"\n", 1, `demo: want true or false, got "true"`},
		{"string is a list", "profile:\n  - a\n  - b\n", 2, "profile: want a string, got a list"},
		{"string is a mapping", "cluster: {name: prod}\n", 1, "cluster: want a string, got a mapping"},
		{"top level is a list", "- profile: a\n", 1, "want settings as `key: value` lines, got a list"},
		{"top level is a scalar", "hello\n", 1, `got "hello"`},
		{"duplicate key", "region: a\nprofile: p\nregion: b\n", 3, "region is already set on line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, tt.file)
			got, err := Load(path)
			if err == nil {
				t.Fatalf("Load succeeded with %+v, want an error on line %d", got, tt.line)
			}
			if want := (Config{Refresh: DefaultRefresh, Path: path}); got != want {
				t.Errorf("a broken file must give the defaults: got %+v", got)
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T %v is not a *FileError", err, err)
			}
			if fe.Line != tt.line {
				t.Errorf("line = %d, want %d (%v)", fe.Line, tt.line, err)
			}
			if !strings.HasPrefix(err.Error(), path+":") {
				t.Errorf("error %q does not name the file", err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
		})
	}
}

func TestLoadUnreadable(t *testing.T) {
	dir := t.TempDir() // a directory where the file should be
	_, err := Load(dir)
	var fe *FileError
	if !errors.As(err, &fe) || fe.Line != 0 || !strings.HasPrefix(err.Error(), dir+": ") {
		t.Fatalf("Load(directory) = %v, want a FileError naming %s without a line", err, dir)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("HOME", "/home/op")
	t.Setenv("XDG_CONFIG_HOME", "/xdg")
	if got := DefaultPath(); got != "/xdg/ecsdeck/config.yaml" {
		t.Errorf("with XDG_CONFIG_HOME: %q", got)
	}
	t.Setenv("XDG_CONFIG_HOME", "")
	if got := DefaultPath(); got != "/home/op/.config/ecsdeck/config.yaml" {
		t.Errorf("without XDG_CONFIG_HOME: %q", got)
	}
	t.Setenv("XDG_CONFIG_HOME", "relative/dir")
	if got := DefaultPath(); got != "/home/op/.config/ecsdeck/config.yaml" {
		t.Errorf("a relative XDG_CONFIG_HOME must be ignored: %q", got)
	}
}
