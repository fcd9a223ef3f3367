package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// FileError is a problem in the config file, with the line it is on so the
// user can go straight to it.
type FileError struct {
	Path string
	Line int // 0 when the problem is not on one line (unreadable file)
	Msg  string
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

// setters maps each config file key to how it is applied. Keys are the
// flag names, so a setting reads the same in both places.
var setters = map[string]func(*Config, *yaml.Node) error{
	"profile":      stringSetter(func(c *Config) *string { return &c.Profile }),
	"region":       stringSetter(func(c *Config) *string { return &c.Region }),
	"endpoint-url": stringSetter(func(c *Config) *string { return &c.EndpointURL }),
	"cluster":      stringSetter(func(c *Config) *string { return &c.Cluster }),
	"readonly":     boolSetter(func(c *Config) *bool { return &c.ReadOnly }),
	"demo":         boolSetter(func(c *Config) *bool { return &c.Demo }),
	"refresh": func(c *Config, n *yaml.Node) error {
		if err := wantScalar(n, "a duration such as 2s"); err != nil {
			return err
		}
		d, err := ParseRefresh(n.Value)
		if err != nil {
			return err
		}
		c.Refresh = d
		return nil
	},
}

// Keys lists the config file keys, sorted.
func Keys() []string {
	keys := make([]string, 0, len(setters))
	for k := range setters {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Load reads the config file at path over the defaults. A missing file is
// not an error. On any problem Load returns the defaults and a *FileError:
// ecsdeck starts anyway and shows the message, rather than running with
// half a configuration.
func Load(path string) (Config, error) {
	def := Default()
	def.Path = path
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return def, nil
	}
	if err != nil {
		return def, &FileError{Path: path, Msg: unwrapPathError(err)}
	}
	cfg, ferr := parse(data, def)
	if ferr != nil {
		ferr.Path = path
		return def, ferr
	}
	return cfg, nil
}

func parse(data []byte, cfg Config) (Config, *FileError) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return cfg, syntaxError(err)
	}
	if len(doc.Content) == 0 { // empty, or comments only
		return cfg, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return cfg, nil
	}
	if root.Kind != yaml.MappingNode {
		return cfg, &FileError{Line: root.Line, Msg: "want settings as `key: value` lines, got " + kindName(root)}
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		set, ok := setters[k.Value]
		if k.Kind != yaml.ScalarNode || !ok {
			return cfg, &FileError{Line: k.Line, Msg: fmt.Sprintf("unknown key %q (known keys: %s)", k.Value, strings.Join(Keys(), ", "))}
		}
		if first, dup := seen[k.Value]; dup {
			return cfg, &FileError{Line: k.Line, Msg: fmt.Sprintf("%s is already set on line %d", k.Value, first)}
		}
		seen[k.Value] = k.Line
		if err := set(&cfg, v); err != nil {
			return cfg, &FileError{Line: v.Line, Msg: k.Value + ": " + err.Error()}
		}
	}
	return cfg, nil
}

func stringSetter(field func(*Config) *string) func(*Config, *yaml.Node) error {
	return func(c *Config, n *yaml.Node) error {
		if err := wantScalar(n, "a string"); err != nil {
			return err
		}
		if n.Tag != "!!null" { // `profile:` with nothing after it leaves it unset
			*field(c) = n.Value
		}
		return nil
	}
}

func boolSetter(field func(*Config) *bool) func(*Config, *yaml.Node) error {
	return func(c *Config, n *yaml.Node) error {
		if err := wantScalar(n, "true or false"); err != nil {
			return err
		}
		if n.Tag != "!!bool" {
			return fmt.Errorf("want true or false, got %q", n.Value)
		}
		return n.Decode(field(c))
	}
}

func wantScalar(n *yaml.Node, want string) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("want %s, got %s", want, kindName(n))
	}
	return nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	default:
		return strconv.Quote(n.Value)
	}
}

// yaml.v3 reports syntax errors as "yaml: line N: message".
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yaml.v3 counts lines from 1 for scanner errors but from 0 for these
// parser errors (where the line is where the unfinished list, mapping or
// node began).
var zeroBasedProblems = []string{
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected node content",
	"did not find expected <document start>",
}

func syntaxError(err error) *FileError {
	msg := err.Error()
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return &FileError{Msg: strings.TrimPrefix(msg, "yaml: ")}
	}
	line, _ := strconv.Atoi(m[1])
	if slices.Contains(zeroBasedProblems, m[2]) {
		line++
	}
	return &FileError{Line: line, Msg: m[2]}
}

// unwrapPathError drops the path from an *fs.PathError; FileError adds it back once.
func unwrapPathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ParseRefresh parses a refresh interval as the flag and the file accept it.
func ParseRefresh(s string) (time.Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("want a duration such as 2s or 500ms, got %q", s)
	}
	if d < MinRefresh {
		return 0, fmt.Errorf("%s is too often; the minimum is %s", d, MinRefresh)
	}
	return d, nil
}
