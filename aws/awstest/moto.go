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
// a free loopback port and stops it when the test ends. Where python3 or
// moto is missing the test is skipped — or fails, when CI=true.
func StartMoto(t testing.TB) (endpointURL string) {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		skipOrFail(t, "python3 is not on PATH")
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "moto_server.py")
	if err := os.WriteFile(script, motoScript, 0o644); err != nil {
		t.Fatalf("awstest: write moto launcher: %v", err)
	}
	logFile, err := os.Create(filepath.Join(dir, "moto.log"))
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
		t.Fatalf("awstest: start moto: %v", err)
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
	var url string
	select {
	case a := <-addr:
		url = "http://" + a
	case err := <-exited:
		exited <- err // for the cleanup
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == 3 {
			skipOrFail(t, "moto is not installed for "+python+" (pip install 'moto[server]')")
		}
		t.Fatalf("awstest: moto exited at start: %v\n%s", err, readTail(logFile.Name()))
	case <-deadline.C:
		t.Fatalf("awstest: moto did not start within %v\n%s", motoStartTimeout, readTail(logFile.Name()))
	}
	if err := waitAnswering(url, deadline.C); err != nil {
		t.Fatalf("awstest: moto at %s: %v\n%s", url, err, readTail(logFile.Name()))
	}
	return url
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
