package demo

import (
	"bufio"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestRunCommandFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--nope"},
		{"--addr", "0.0.0.0:4566"},
		{"--throttle-rate", "2"},
		{"--error-rate", "-0.1"},
		{"--latency", "-1s"},
		{"--services", "-3"},
		{"extra"},
	} {
		var stderr strings.Builder
		if code := RunCommand(args, io.Discard, &stderr); code != 2 {
			t.Errorf("RunCommand(%v) = %d, want 2", args, code)
		}
		if !strings.Contains(stderr.String(), "usage: ecsdeck demo-server") {
			t.Errorf("RunCommand(%v) wrote no usage: %q", args, stderr.String())
		}
	}
}

// demo-server prints the environment, serves, and stops on SIGINT.
func TestRunCommandServesUntilInterrupted(t *testing.T) {
	out, w := io.Pipe()
	code := make(chan int, 1)
	go func() {
		code <- RunCommand([]string{"--addr", "127.0.0.1:0", "--services", "3", "--tasks-per-service", "2", "--latency", "1ms"}, w, io.Discard)
		w.Close()
	}()
	env := map[string]string{}
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		line := lines.Text()
		if strings.HasPrefix(line, "# ") {
			if !strings.Contains(line, "aws ecs list-clusters") {
				t.Errorf("hint line = %q", line)
			}
			break
		}
		kv, ok := strings.CutPrefix(line, "export ")
		k, v, found := strings.Cut(kv, "=")
		if !ok || !found {
			t.Fatalf("unexpected output line %q", line)
		}
		env[k] = v
	}
	go io.Copy(io.Discard, out)
	url := env["AWS_ENDPOINT_URL"]
	if !strings.HasPrefix(url, "http://127.0.0.1:") || env["AWS_ACCESS_KEY_ID"] != AccessKeyID || env["AWS_REGION"] != Region {
		t.Fatalf("printed environment = %v", env)
	}
	status, _, body := post(t, url, ecsTarget("ListServices"), `{"cluster":"load","maxResults":100}`)
	if status != 200 || strings.Count(body, "service/load/") != 3 {
		t.Errorf("ListServices in the load cluster: %d %s", status, body)
	}

	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("demo-server exited %d after SIGINT, want 0", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("demo-server did not stop on SIGINT")
	}
	if _, err := http.Get(url + "/_demo/stats"); err == nil {
		t.Error("the endpoint still answers after demo-server stopped")
	}
}
