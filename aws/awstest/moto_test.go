package awstest

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// withoutMoto is an interpreter that cannot import moto: python with
// site-packages (where pip and Debian put moto) turned off.
func withoutMoto(t *testing.T, python string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "python3")
	script := "#!/bin/sh\nexec " + python + " -S \"$@\"\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// withMoto is the first interpreter on this machine that has moto.
func withMoto(t *testing.T) string {
	t.Helper()
	for _, p := range pythons() {
		if exec.Command(p, "-c", "import moto.server").Run() == nil {
			return p
		}
	}
	skipOrFail(t, "moto is not installed for "+strings.Join(pythons(), " nor "))
	return ""
}

// The launcher passes over an interpreter without moto and runs moto
// under the next one.
func TestStartMotoTriesTheNextPython(t *testing.T) {
	python := withMoto(t)
	url := startMoto(t, []string{withoutMoto(t, python), python})
	resp, err := http.Get(url + "/moto-api/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// skipRecorder keeps the message a test would be skipped or failed with.
type skipRecorder struct {
	testing.TB
	msg string
}

func (r *skipRecorder) Skipf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (r *skipRecorder) Fatalf(format string, args ...any) { r.Skipf(format, args...) }

// With no interpreter that has moto, the message names every one tried.
func TestStartMotoNamesWhatItTried(t *testing.T) {
	all := pythons()
	if len(all) == 0 {
		skipOrFail(t, "there is no python3 to run")
	}
	first, second := withoutMoto(t, all[0]), withoutMoto(t, all[0])
	r := &skipRecorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		startMoto(r, []string{first, second})
	}()
	<-done
	if !strings.Contains(r.msg, "moto is not installed for "+first+" nor "+second) {
		t.Errorf("message = %q, want both interpreters named", r.msg)
	}
}
