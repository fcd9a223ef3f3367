package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// CommandKind is what a `:` command does.
type CommandKind int

const (
	CmdClusters CommandKind = iota + 1
	CmdServices
	CmdTasks
	CmdInstances
	CmdQuit
)

// Command is a parsed `:` command line. Cluster is the optional argument;
// "" means the current cluster.
type Command struct {
	Kind    CommandKind
	Cluster string
}

// ErrEmptyCommand is returned for a blank line (the App just closes the
// prompt).
var ErrEmptyCommand = errors.New("empty command")

type commandSpec struct {
	kind         CommandKind
	names        []string // canonical name first
	takesCluster bool
}

var commandSpecs = []commandSpec{
	{CmdClusters, []string{"clusters", "cluster", "cl"}, false},
	{CmdServices, []string{"services", "service", "svc"}, true},
	{CmdTasks, []string{"tasks", "task", "t"}, true},
	{CmdInstances, []string{"containerinstances", "instances", "ci"}, true},
	{CmdQuit, []string{"quit", "q", "q!"}, false},
}

// notYet are k9s commands users will try that ecsdeck does not have yet.
var notYet = []string{"ctx", "context", "contexts"}

// ParseCommand parses a command line, with or without its leading ":".
func ParseCommand(line string) (Command, error) {
	fields := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), ":"))
	if len(fields) == 0 {
		return Command{}, ErrEmptyCommand
	}
	name := strings.ToLower(fields[0])
	if slices.Contains(notYet, name) {
		return Command{}, fmt.Errorf(":%s is not available yet", name)
	}
	spec, ok := lookupCommand(name)
	if !ok {
		return Command{}, fmt.Errorf("unknown command :%s — try :clusters, :svc, :tasks, :ci or :q", fields[0])
	}
	args := fields[1:]
	switch {
	case spec.takesCluster && len(args) > 1:
		return Command{}, fmt.Errorf(":%s takes at most one cluster name", name)
	case !spec.takesCluster && len(args) > 0:
		return Command{}, fmt.Errorf(":%s takes no argument", name)
	}
	cmd := Command{Kind: spec.kind}
	if len(args) == 1 {
		cmd.Cluster = args[0]
	}
	return cmd, nil
}

func lookupCommand(name string) (commandSpec, bool) {
	for _, s := range commandSpecs {
		if slices.Contains(s.names, name) {
			return s, true
		}
	}
	return commandSpec{}, false
}

// Complete returns the full command lines that complete line: command
// names while the first word is typed, then cluster names for commands
// that take one. A single command that takes a cluster is returned with a
// trailing space, ready for the name.
func Complete(line string, clusters []string) []string {
	line = strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(line, " "), ":"), " ")
	word, rest, hasArg := strings.Cut(line, " ")
	if !hasArg {
		return completeCommand(strings.ToLower(word))
	}
	spec, ok := lookupCommand(strings.ToLower(word))
	rest = strings.TrimLeft(rest, " ")
	if !ok || !spec.takesCluster || strings.Contains(rest, " ") {
		return nil
	}
	var out []string
	for _, c := range clusters {
		if strings.HasPrefix(strings.ToLower(c), strings.ToLower(rest)) {
			out = append(out, word+" "+c)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func completeCommand(prefix string) []string {
	var out []string
	var last commandSpec
	for _, s := range commandSpecs {
		for _, n := range s.names {
			if strings.HasPrefix(n, prefix) {
				out = append(out, n)
				last = s
			}
		}
	}
	slices.Sort(out)
	if len(out) == 1 && last.takesCluster {
		out[0] += " "
	}
	return out
}

// commonPrefix is the longest prefix every candidate shares.
func commonPrefix(cands []string) string {
	if len(cands) == 0 {
		return ""
	}
	p := cands[0]
	for _, c := range cands[1:] {
		for !strings.HasPrefix(c, p) {
			p = p[:len(p)-1]
		}
	}
	return p
}
