package main

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/ecsdeck/ecsdeck/config"
	"github.com/ecsdeck/ecsdeck/keymap"
)

// README.md is the front door; these tests keep what it says true.

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// The test command a newcomer runs is the one CI runs.
func TestREADMETestCommandIsCIs(t *testing.T) {
	ci := readFile(t, "../../.ci/run")
	cmd := regexp.MustCompile(`(?m)^go test .*$`).FindAllString(ci, -1)
	if len(cmd) != 1 {
		t.Fatalf(".ci/run should run exactly one go test command, found %q", cmd)
	}
	if readme := readFile(t, "../../README.md"); !strings.Contains(readme, "```sh\n"+cmd[0]+"\n```") {
		t.Errorf("README.md does not give CI's test command %q in a sh block", cmd[0])
	}
}

// The flags table lists exactly the flags of config.Usage.
func TestREADMEFlagsTable(t *testing.T) {
	flagName := regexp.MustCompile("--[a-z-]+")
	inUsage := map[string]bool{}
	for _, line := range strings.Split(config.Usage, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "-") {
			inUsage[flagName.FindString(line)] = true
		}
	}
	inReadme := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| (?:`-h`, )?`(--[a-z-]+)").FindAllStringSubmatch(readFile(t, "../../README.md"), -1) {
		inReadme[m[1]] = true
	}
	for f := range inUsage {
		if !inReadme[f] {
			t.Errorf("README.md's flags table lacks %s", f)
		}
	}
	for f := range inReadme {
		if !inUsage[f] {
			t.Errorf("README.md's flags table lists %s, which ecsdeck does not have", f)
		}
	}
	if len(inUsage) < 10 {
		t.Errorf("found only %d flags in config.Usage: %v", len(inUsage), inUsage)
	}
}

var updateREADME = flag.Bool("update-readme", false, "rewrite README.md's key table from the keymap package")

// keyGroupTitles says where each keymap group applies, for README's table.
// An empty title leaves a group out: Mutate's keys are reserved for the
// scale/restart/stop actions of a later issue and no view offers them yet,
// so README must not promise them (give it a title when a view does).
var keyGroupTitles = map[string]string{
	"Global":   "everywhere",
	"Table":    "tables, describe",
	"Resource": "resource tables",
	"Describe": "describe",
	"Mutate":   "",
}

// keyTable renders every group of keymap.Map (found by reflection, so a new
// group cannot be forgotten) as README's markdown table.
func keyTable(t *testing.T) string {
	var b strings.Builder
	b.WriteString("| where | key | action |\n|---|---|---|\n")
	m := reflect.ValueOf(keymap.New(false)).Elem()
	for i := range m.NumField() {
		lister, ok := m.Field(i).Interface().(interface{ Bindings() []key.Binding })
		if !ok {
			continue
		}
		name := m.Type().Field(i).Name
		title, ok := keyGroupTitles[name]
		if !ok {
			t.Fatalf("keymap group %s has no title in keyGroupTitles", name)
		}
		if title == "" {
			continue
		}
		for _, k := range lister.Bindings() {
			fmt.Fprintf(&b, "| %s | `%s` | %s |\n", title, k.Help().Key, k.Help().Desc)
		}
	}
	return b.String()
}

// The key table is generated from the keymap package, so it cannot drift
// from what `?` shows. Regenerate it with:
//
//	go test ./cmd/ecsdeck -run TestREADMEKeys -update-readme
func TestREADMEKeys(t *testing.T) {
	const path = "../../README.md"
	readme := readFile(t, path)
	section := regexp.MustCompile(`(?s)(<!-- keys:start[^\n]*-->\n).*?(<!-- keys:end -->)`)
	if !section.MatchString(readme) {
		t.Fatal("README.md has no <!-- keys:start ... --> ... <!-- keys:end --> section")
	}
	want := section.ReplaceAllString(readme, "${1}"+strings.ReplaceAll(keyTable(t), "$", "$$")+"${2}")
	if want == readme {
		return
	}
	if *updateREADME {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's key table is out of date with the keymap package; run\n\tgo test ./cmd/ecsdeck -run TestREADMEKeys -update-readme\nThe table should be:\n%s", keyTable(t))
}

// The config file example loads as it says, and the message quoted for a
// broken file is the one ecsdeck gives.
func TestREADMEConfigFile(t *testing.T) {
	readme := readFile(t, "../../README.md")
	example := regexp.MustCompile("(?s)```yaml\n(# ~/.config/ecsdeck/config.yaml\n.*?)```").FindStringSubmatch(readme)
	if example == nil {
		t.Fatal("README.md has no ```yaml block starting with # ~/.config/ecsdeck/config.yaml")
	}
	dir := t.TempDir()
	path := dir + "/config.yaml"
	if err := os.WriteFile(path, []byte(example[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatalf("README's config example does not load: %v", err)
	}
	if cfg.Profile != "prod-admin" || cfg.Region != "eu-west-1" || cfg.Cluster != "prod" || cfg.Refresh.String() != "5s" || !cfg.ReadOnly {
		t.Errorf("README's config example loads as %+v", cfg)
	}

	quoted := regexp.MustCompile("`config file ignored, using defaults: /home/you/.config/ecsdeck/config.yaml:3: ([^`]*)`").FindStringSubmatch(readme)
	if quoted == nil {
		t.Fatal("README.md quotes no broken-config message for line 3")
	}
	if err := os.WriteFile(path, []byte("profile: prod-admin\nregion: eu-west-1\nrefersh: 5s\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := config.Load(path); err == nil || err.Error() != path+":3: "+quoted[1] {
		t.Errorf("a config file with a misspelt key on line 3 gives %v; README.md quotes %q", err, quoted[1])
	}
}
