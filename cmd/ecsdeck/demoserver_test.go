package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// demoServer is `ecsdeck demo-server` running as its own process.
type demoServer struct {
	cmd    *exec.Cmd
	env    map[string]string // the exported AWS_* variables
	exited chan error
	stderr strings.Builder
}

// startDemoServer starts `ecsdeck demo-server` on a free loopback port and
// reads the environment it prints.
func startDemoServer(t *testing.T) *demoServer {
	t.Helper()
	d := &demoServer{cmd: exec.Command(ecsdeckBinary(t), "demo-server", "--addr", "127.0.0.1:0"), exited: make(chan error, 1)}
	stdout, err := d.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	d.cmd.Stderr = &d.stderr
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { d.exited <- d.cmd.Wait() }()
	t.Cleanup(func() { d.cmd.Process.Kill() })

	d.env = readExports(t, stdout)
	if url := d.env["AWS_ENDPOINT_URL"]; !strings.HasPrefix(url, "http://127.0.0.1:") || strings.HasSuffix(url, ":0") {
		t.Fatalf("AWS_ENDPOINT_URL = %q, want the loopback port actually bound", url)
	}
	return d
}

// `ecsdeck demo-server` prints the environment for the aws CLI, which can
// then list and describe the demo account; ctrl-c (SIGINT) stops it.
func TestDemoServerServesTheAWSCLI(t *testing.T) {
	needTool(t, "aws", "pip install awscli, or apt-get install awscli")
	server := startDemoServer(t)
	env := server.env

	var clusters struct{ ClusterArns []string }
	awsCLI(t, env, &clusters, "ecs", "list-clusters")
	for _, name := range []string{"prod", "staging", "batch"} {
		want := "arn:aws:ecs:" + env["AWS_REGION"] + ":123456789012:cluster/" + name
		if !slices.Contains(clusters.ClusterArns, want) {
			t.Errorf("aws ecs list-clusters: %s missing from %q", want, clusters.ClusterArns)
		}
	}
	var described struct {
		Services []struct {
			ServiceName  string
			Status       string
			DesiredCount int
			RunningCount int
		}
		Failures []any
	}
	awsCLI(t, env, &described, "ecs", "describe-services", "--cluster", "prod", "--services", "web")
	if len(described.Services) != 1 || described.Services[0].ServiceName != "web" || described.Services[0].Status != "ACTIVE" ||
		described.Services[0].DesiredCount < 2 || len(described.Failures) != 0 {
		t.Errorf("aws ecs describe-services --cluster prod --services web = %+v", described)
	}

	if err := server.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-server.exited:
		if err != nil {
			t.Errorf("demo-server exited with %v after SIGINT; stderr:\n%s", err, server.stderr.String())
		}
	case <-time.After(waitTimeout):
		t.Fatalf("demo-server still running %s after SIGINT", waitTimeout)
	}
}

var exportLine = regexp.MustCompile(`^export ([A-Z_]+)=(.*)$`)

// readExports reads `export NAME=value` lines until AWS_ENDPOINT_URL and the
// credentials are all there (the server then keeps serving), with a deadline.
func readExports(t *testing.T, stdout io.Reader) map[string]string {
	t.Helper()
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	env := map[string]string{}
	deadline := time.After(waitTimeout)
	for env["AWS_ENDPOINT_URL"] == "" || env["AWS_SECRET_ACCESS_KEY"] == "" || env["AWS_REGION"] == "" || env["AWS_ACCESS_KEY_ID"] == "" || env["AWS_SESSION_TOKEN"] == "" {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("demo-server closed its output after %v", env)
			}
			if m := exportLine.FindStringSubmatch(line); m != nil {
				env[m[1]] = strings.Trim(m[2], `'"`)
			}
		case <-deadline:
			t.Fatalf("demo-server printed no complete environment within %s: %v", waitTimeout, env)
		}
	}
	go func() { // keep draining so the server never blocks on a full pipe
		for range lines {
		}
	}()
	return env
}

// awsCLI runs the aws CLI against the exported environment only (none of
// the user's AWS configuration) and decodes its JSON output into v.
func awsCLI(t *testing.T, exports map[string]string, v any, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "aws", append(args, "--output", "json")...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_EC2_METADATA_DISABLED=true")
	for k, val := range exports {
		cmd.Env = append(cmd.Env, k+"="+val)
	}
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("aws %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("aws %s: %v in %s", strings.Join(args, " "), err, out)
	}
}

// ecsdeck without --demo, configured only by the environment demo-server
// prints, browses the demo account: the path a real AWS account takes.
func TestE2EEcsdeckOnDemoServerEnvironment(t *testing.T) {
	server := startDemoServer(t)
	env := []string{"AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_PROFILE=", "AWS_EC2_METADATA_DISABLED=true"}
	for k, v := range server.env {
		env = append(env, k+"="+v)
	}
	s := startEcsdeck(t, "", env)
	s.waitText("<clusters>", "Account: 123456789012", "prod", "staging", "batch")
	if strings.Contains(s.screen(), "Profile: demo") {
		t.Error("ecsdeck without --demo says it is on the demo")
	}
	s.keys("q")
	quitCleanly(t, s)
}
