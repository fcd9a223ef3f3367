// Package config holds ecsdeck's settings: defaults, the YAML config file at
// the XDG path, and the command-line flags that override both.
package config

import (
	"os"
	"path/filepath"
	"time"
)

// DefaultRefresh is how often views refresh in the background unless told otherwise.
const DefaultRefresh = 2 * time.Second

// MinRefresh keeps a typo such as "1ms" from hammering the ECS API.
const MinRefresh = 500 * time.Millisecond

// Config is what ecsdeck runs with. The zero value of each field means
// "not set": the aws package then falls back to the SDK's own chain
// (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, ~/.aws/config).
type Config struct {
	Profile     string
	Region      string
	EndpointURL string
	Cluster     string // start on this cluster's services
	Refresh     time.Duration
	ReadOnly    bool
	Demo        bool

	// Path is the config file in use: --config, else DefaultPath().
	Path string
}

// Default is the configuration with nothing set by a file or a flag.
func Default() Config {
	return Config{Refresh: DefaultRefresh}
}

// DefaultPath is $XDG_CONFIG_HOME/ecsdeck/config.yaml, else ~/.config/ecsdeck/config.yaml.
func DefaultPath() string {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" || !filepath.IsAbs(dir) { // the XDG spec says to ignore relative values
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "ecsdeck", "config.yaml")
}
