package ui

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseCommand(t *testing.T) {
	for _, tc := range []struct {
		line    string
		want    Command
		wantErr string
	}{
		{"clusters", Command{Kind: CmdClusters}, ""},
		{":cluster", Command{Kind: CmdClusters}, ""},
		{"  cl  ", Command{Kind: CmdClusters}, ""},
		{"svc", Command{Kind: CmdServices}, ""},
		{"services prod", Command{Kind: CmdServices, Cluster: "prod"}, ""},
		{"SERVICE  prod ", Command{Kind: CmdServices, Cluster: "prod"}, ""},
		{"svc arn:aws:ecs:us-east-1:123456789012:cluster/prod", Command{Kind: CmdServices, Cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/prod"}, ""},
		{"tasks", Command{Kind: CmdTasks}, ""},
		{"task prod", Command{Kind: CmdTasks, Cluster: "prod"}, ""},
		{"t prod", Command{Kind: CmdTasks, Cluster: "prod"}, ""},
		{"ci", Command{Kind: CmdInstances}, ""},
		{"instances prod", Command{Kind: CmdInstances, Cluster: "prod"}, ""},
		{"containerinstances prod", Command{Kind: CmdInstances, Cluster: "prod"}, ""},
		{"q", Command{Kind: CmdQuit}, ""},
		{":quit", Command{Kind: CmdQuit}, ""},
		{"q!", Command{Kind: CmdQuit}, ""},
		{"ctx", Command{}, "not available yet"},
		{"pods", Command{}, "unknown command :pods"},
		{"svc a b", Command{}, "at most one cluster"},
		{"clusters prod", Command{}, "takes no argument"},
		{"q now", Command{}, "takes no argument"},
	} {
		got, err := ParseCommand(tc.line)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("ParseCommand(%q) error = %v, want %q", tc.line, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseCommand(%q) = %+v, %v; want %+v", tc.line, got, err, tc.want)
		}
	}
	if _, err := ParseCommand("  :  "); !errors.Is(err, ErrEmptyCommand) {
		t.Errorf("blank line: %v", err)
	}
}

func TestComplete(t *testing.T) {
	clusters := []string{"prod", "production-eu", "staging", "Preview"}
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"", []string{"ci", "cl", "cluster", "clusters", "containerinstances", "instances", "q", "q!", "quit", "service", "services", "svc", "t", "task", "tasks"}},
		{"s", []string{"service", "services", "svc"}},
		{"sv", []string{"svc "}},                 // unique, takes a cluster: ready for it
		{"clu", []string{"cluster", "clusters"}}, // no trailing space: takes none
		{"qu", []string{"quit"}},
		{"x", nil},
		{"svc ", []string{"svc Preview", "svc prod", "svc production-eu", "svc staging"}},
		{"svc pr", []string{"svc Preview", "svc prod", "svc production-eu"}},
		{"svc PROD", []string{"svc prod", "svc production-eu"}},
		{":tasks st", []string{"tasks staging"}},
		{"ci stag", []string{"ci staging"}},
		{"clusters p", nil}, // takes no cluster
		{"svc prod x", nil},
		{"nope p", nil},
	} {
		if got := Complete(tc.line, clusters); !slices.Equal(got, tc.want) {
			t.Errorf("Complete(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

func TestCommonPrefix(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"svc prod"}, "svc prod"},
		{[]string{"svc prod", "svc production-eu"}, "svc prod"},
		{[]string{"service", "services", "svc"}, "s"},
	} {
		if got := commonPrefix(tc.in); got != tc.want {
			t.Errorf("commonPrefix(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
