package awstest

import (
	"bufio"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ecsdeck/ecsdeck/aws"
)

//go:embed moto_server.py
var motoScript []byte

// MotoRegion is the region the moto tests use; moto serves any region.
const MotoRegion = "us-east-1"

// motoStartTimeout bounds moto's start-up (importing moto takes seconds).
const motoStartTimeout = 60 * time.Second

// StartMoto launches moto_server (with the ECS fixes of moto_server.py) on
// a free loopback port and stops it when the test ends. It runs under the
// first interpreter that has moto (see pythons); where none has, the test
// is skipped — or fails, when CI=true.
func StartMoto(t testing.TB) (endpointURL string) {
	t.Helper()
	return startMoto(t, pythons())
}

// startMoto runs moto under the first of candidates that has it.
func startMoto(t testing.TB, candidates []string) string {
	t.Helper()
	if len(candidates) == 0 {
		skipOrFail(t, "there is no python3 on PATH nor "+systemPython)
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "moto_server.py")
	if err := os.WriteFile(script, motoScript, 0o644); err != nil {
		t.Fatalf("awstest: write moto launcher: %v", err)
	}
	for _, python := range candidates {
		if url, ok := launchMoto(t, python, script); ok {
			return url
		}
	}
	skipOrFail(t, "moto is not installed for "+strings.Join(candidates, " nor ")+
		" (pip install 'moto[server]', or apt install python3-moto python3-flask python3-flask-cors)")
	return ""
}

// systemPython is where Debian's python3-moto installs moto, which .ci/run
// falls back to; python3 on PATH may be another one (pyenv, a virtualenv).
const systemPython = "/usr/bin/python3"

// pythons are the interpreters to try, in order: python3 on PATH, then
// the system's.
func pythons() []string {
	var out []string
	if p, err := exec.LookPath("python3"); err == nil {
		out = append(out, p)
	}
	if _, err := os.Stat(systemPython); err == nil && !slices.Contains(out, systemPython) {
		out = append(out, systemPython)
	}
	return out
}

// launchMoto starts the script under python and waits until moto answers;
// ok is false when that python has no moto (the script exits with 3).
// Any other trouble fails the test.
func launchMoto(t testing.TB, python, script string) (url string, ok bool) {
	t.Helper()
	logFile, err := os.CreateTemp(filepath.Dir(script), "moto-*.log")
	if err != nil {
		t.Fatalf("awstest: moto log: %v", err)
	}
	cmd := exec.Command(python, script)
	cmd.Stderr = logFile
	cmd.Env = append(os.Environ(), "PYTHONUNBUFFERED=1")
	stdin, err := cmd.StdinPipe() // moto exits when this closes
	if err != nil {
		t.Fatalf("awstest: moto stdin: %v", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatalf("awstest: moto stdout: %v", err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("awstest: start moto with %s: %v", python, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = stdin.Close()
		_ = cmd.Process.Kill()
		<-exited
		_ = logFile.Close()
	})

	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), "listening "); ok {
				addr <- a
			}
		}
	}()
	deadline := time.NewTimer(motoStartTimeout)
	defer deadline.Stop()
	select {
	case a := <-addr:
		url = "http://" + a
	case err := <-exited:
		exited <- err // for the cleanup
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == 3 {
			return "", false
		}
		t.Fatalf("awstest: moto (%s) exited at start: %v\n%s", python, err, readTail(logFile.Name()))
	case <-deadline.C:
		t.Fatalf("awstest: moto (%s) did not start within %v\n%s", python, motoStartTimeout, readTail(logFile.Name()))
	}
	if err := waitAnswering(url, deadline.C); err != nil {
		t.Fatalf("awstest: moto at %s: %v\n%s", url, err, readTail(logFile.Name()))
	}
	return url, true
}

// waitAnswering polls url until it answers any HTTP response.
func waitAnswering(url string, deadline <-chan time.Time) error {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	client := &http.Client{Timeout: 2 * time.Second}
	for {
		resp, err := client.Get(url + "/moto-api/")
		if err == nil {
			resp.Body.Close()
			return nil
		}
		select {
		case <-tick.C:
		case <-deadline:
			return fmt.Errorf("not answering: %w", err)
		}
	}
}

// MotoClient is a client for a moto endpoint (moto accepts any credentials).
func MotoClient(t testing.TB, endpointURL string) *aws.Client {
	t.Helper()
	c, err := aws.New(context.Background(), aws.Config{
		Region:      MotoRegion,
		EndpointURL: endpointURL,
		Static:      &aws.Credentials{AccessKeyID: "testing", SecretAccessKey: "testing"},
	})
	if err != nil {
		t.Fatalf("awstest: client for moto: %v", err)
	}
	return c
}

func skipOrFail(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("awstest: %s (CI=true: the moto tests must run)", why)
	}
	t.Skipf("awstest: skipping the moto test: %s", why)
}

func readTail(path string) string {
	b, _ := os.ReadFile(path)
	const max = 4000
	if len(b) > max {
		b = b[len(b)-max:]
	}
	return string(b)
}
