package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// The end-to-end tests share one build of the binary.
var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
)

// e2eVersion is stamped into the test binary, which checks -ldflags works.
const e2eVersion = "e2e-test"

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// ecsdeckBinary builds cmd/ecsdeck once and returns the binary's path.
func ecsdeckBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: skipped with -short")
	}
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "ecsdeck-e2e")
		if buildErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-ldflags", "-X main.version="+e2eVersion, "-o", filepath.Join(buildDir, "ecsdeck"), ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return filepath.Join(buildDir, "ecsdeck")
}

func TestBinaryVersion(t *testing.T) {
	out, err := exec.Command(ecsdeckBinary(t), "--version").Output()
	if err != nil || string(out) != "ecsdeck "+e2eVersion+"\n" {
		t.Errorf("ecsdeck --version = %q, %v; want the version set by -ldflags", out, err)
	}
}
