package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Action is what the command line asks ecsdeck to do.
type Action int

const (
	ActionRun     Action = iota // start the UI
	ActionHelp                  // print Usage and exit 0
	ActionVersion               // print the version and exit 0
)

// Usage is the --help text; README.md's flag table mirrors it.
const Usage = `Usage:
  ecsdeck [flags]               browse Amazon ECS in the terminal
  ecsdeck demo-server [flags]   run the simulated ECS endpoint alone (see --help there)

Flags:
  --demo                 browse a simulated ECS account; no AWS account needed
  --profile NAME         AWS profile (default: AWS_PROFILE, else the default chain)
  --region REGION        AWS region (default: AWS_REGION, else the profile's region)
  --endpoint-url URL     send AWS requests to this endpoint (LocalStack, moto, ...)
  --cluster NAME         start on this cluster's services
  --refresh DURATION     background refresh interval, at least 500ms (default 2s)
  --readonly             disable every action that changes AWS
  --config PATH          config file (default $XDG_CONFIG_HOME/ecsdeck/config.yaml)
  --version              print the version and exit
  -h, --help             show this help
`

// ParseFlags applies the command-line flags over fileCfg: a flag that is
// given wins, one that is not keeps the file's (or the default) value.
// Errors are one line, meant to be printed above Usage.
func ParseFlags(args []string, fileCfg Config) (Config, Action, error) {
	cfg := fileCfg
	var help, version bool
	fs := newFlagSet(&cfg, &help, &version)
	if err := fs.Parse(args); err != nil {
		return fileCfg, ActionRun, errors.New(doubleDash(err.Error()))
	}
	if fs.NArg() > 0 {
		return fileCfg, ActionRun, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	switch {
	case help:
		return cfg, ActionHelp, nil
	case version:
		return cfg, ActionVersion, nil
	}
	return cfg, ActionRun, nil
}

// newFlagSet binds every flag to cfg; each flag's default is cfg's current value.
func newFlagSet(cfg *Config, help, version *bool) *flag.FlagSet {
	fs := flag.NewFlagSet("ecsdeck", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the caller prints the error and Usage
	fs.Usage = func() {}
	fs.BoolVar(&cfg.Demo, "demo", cfg.Demo, "")
	fs.StringVar(&cfg.Profile, "profile", cfg.Profile, "")
	fs.StringVar(&cfg.Region, "region", cfg.Region, "")
	fs.StringVar(&cfg.EndpointURL, "endpoint-url", cfg.EndpointURL, "")
	fs.StringVar(&cfg.Cluster, "cluster", cfg.Cluster, "")
	fs.Func("refresh", "", func(s string) (err error) {
		cfg.Refresh, err = ParseRefresh(s)
		return err
	})
	fs.BoolVar(&cfg.ReadOnly, "readonly", cfg.ReadOnly, "")
	fs.StringVar(&cfg.Path, "config", cfg.Path, "")
	fs.BoolVar(version, "version", false, "")
	fs.BoolVar(help, "help", false, "")
	fs.BoolVar(help, "h", false, "")
	return fs
}

// Resolve is the whole precedence chain: defaults, then the config file
// (--config, else defaultPath), then the flags. A broken config file is
// fileErr, not err: ecsdeck starts with defaults and shows it. So is a
// --config file that does not exist: the user named it, and running
// without the settings they meant (readonly: true, another region) unsaid
// would be a surprise; only the default file may be absent.
func Resolve(args []string, defaultPath string) (cfg Config, action Action, fileErr, err error) {
	start := Default()
	start.Path = defaultPath
	first, action, err := ParseFlags(args, start) // finds --config
	if err != nil || action != ActionRun {
		return first, action, nil, err
	}
	fileCfg, fileErr := Load(first.Path)
	if fileErr == nil && first.Path != defaultPath {
		if _, statErr := os.Stat(first.Path); errors.Is(statErr, fs.ErrNotExist) {
			fileErr = &FileError{Path: first.Path, Msg: "no such file (given with --config)"}
		}
	}
	cfg, action, err = ParseFlags(args, fileCfg)
	return cfg, action, fileErr, err
}

// doubleDash rewrites the flag package's "-name" as "--name", the spelling
// ecsdeck documents.
func doubleDash(msg string) string {
	for _, prefix := range []string{"not defined: -", "for flag -", "for -", "an argument: -"} {
		msg = strings.Replace(msg, prefix, prefix+"-", 1)
	}
	return msg
}
