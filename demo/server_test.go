package demo

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ecsdeck/ecsdeck/demo/sim"
)

func TestOnlyLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0", "192.0.2.1:0", "example.com:0", "nonsense"} {
		if srv, err := Start(Options{Addr: addr, Manual: true}); err == nil {
			srv.Close()
			t.Errorf("Start(%q) succeeded; only loopback addresses may be served", addr)
		}
	}
	srv, err := Start(Options{Addr: "localhost:0", Manual: true})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") {
		t.Errorf("URL = %s, want 127.0.0.1", srv.URL())
	}
}

// post sends a raw request, as an SDK would, and returns the status and body.
func post(t *testing.T, url string, header map[string]string, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx(t), http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

func ecsTarget(op string) map[string]string {
	return map[string]string{"X-Amz-Target": "AmazonEC2ContainerServiceV20141113." + op, "Content-Type": jsonContentType}
}

func TestWireFormat(t *testing.T) {
	c := startDemo(t, Options{})
	arns := must(c.srv.Sim().TaskARNs("prod", sim.TaskFilter{ServiceName: "web"}))
	body, _ := json.Marshal(map[string]any{"cluster": "prod", "tasks": arns[:1]})
	status, header, out := post(t, c.srv.URL(), ecsTarget("DescribeTasks"), string(body))
	if status != 200 || header.Get("Content-Type") != jsonContentType || header.Get("X-Amzn-Requestid") == "" {
		t.Fatalf("DescribeTasks: %d %v %s", status, header, out)
	}
	// Timestamps are epoch seconds as JSON numbers; cpu and memory are strings.
	if !regexp.MustCompile(`"createdAt":\d{10}\.\d{3}[,}]`).MatchString(out) || !regexp.MustCompile(`"cpu":"\d+"`).MatchString(out) {
		t.Errorf("DescribeTasks body is not in ECS's JSON shapes: %s", out)
	}

	// Errors: {"__type", "message"} with AWS's status.
	status, _, out = post(t, c.srv.URL(), ecsTarget("ListServices"), `{"cluster":"nope"}`)
	var e struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal([]byte(out), &e); err != nil || status != 400 || e.Type != "ClusterNotFoundException" || e.Message != "Cluster not found." {
		t.Errorf("ListServices in an unknown cluster: %d %s", status, out)
	}
	status, _, out = post(t, c.srv.URL(), ecsTarget("ListServices"), `{"cluster":`)
	if status != 400 || !strings.Contains(out, "SerializationException") {
		t.Errorf("a malformed body: %d %s", status, out)
	}

	// Operations the endpoint lacks are UnknownOperationException and are not counted.
	c.srv.ResetStats()
	status, _, out = post(t, c.srv.URL(), ecsTarget("CreateCluster"), `{}`)
	if status != 400 || !strings.Contains(out, "UnknownOperationException") {
		t.Errorf("CreateCluster: %d %s", status, out)
	}
	status, _, out = post(t, c.srv.URL(), map[string]string{"X-Amz-Target": "AmazonSSM.StartSession"}, `{}`)
	if status != 400 || !strings.Contains(out, "UnknownOperationException") {
		t.Errorf("an unknown API: %d %s", status, out)
	}
	status, _, out = post(t, c.srv.URL(), map[string]string{
		"Content-Type":  "application/x-www-form-urlencoded",
		"Authorization": "AWS4-HMAC-SHA256 Credential=" + AccessKeyID + "/20260302/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00",
	}, "Action=AssumeRole&Version=2011-06-15")
	if status != 400 || !strings.Contains(out, "<Code>UnknownOperationException</Code>") || !strings.Contains(out, "<ErrorResponse") {
		t.Errorf("an unknown STS action: %d %s", status, out)
	}
	if stats := c.srv.Stats(); len(stats) != 0 {
		t.Errorf("unknown operations were counted: %v", stats)
	}

	// STS speaks Query, signed or not.
	status, _, out = post(t, c.srv.URL(), map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, "Action=GetCallerIdentity&Version=2011-06-15")
	if status != 200 || !strings.Contains(out, `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>`) {
		t.Errorf("GetCallerIdentity: %d %s", status, out)
	}
}

func TestStatsEndpoint(t *testing.T) {
	c := startDemo(t, Options{})
	c.srv.ResetStats()
	for range 3 {
		post(t, c.srv.URL(), ecsTarget("ListClusters"), `{}`)
	}
	post(t, c.srv.URL(), ecsTarget("ListServices"), `{"cluster":"nope"}`) // failed requests count too
	resp, err := http.Get(c.srv.URL() + "/_demo/stats")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct {
		Operations map[string]int64 `json:"operations"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Operations["ListClusters"] != 3 || got.Operations["ListServices"] != 1 || len(got.Operations) != 2 {
		t.Errorf("/_demo/stats = %v", got.Operations)
	}
	c.srv.ResetStats()
	if n := len(c.srv.Stats()); n != 0 {
		t.Errorf("after ResetStats, %d operations counted", n)
	}
}

// Without Manual, the simulation follows the wall clock.
func TestClockMoves(t *testing.T) {
	srv, err := Start(Options{Start: start})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	deadline := time.Now().Add(10 * time.Second)
	for !srv.Sim().Now().After(start) {
		if time.Now().After(deadline) {
			t.Fatal("the simulated clock did not move in 10 seconds")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if err := srv.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
}

func TestEnv(t *testing.T) {
	c := startDemo(t, Options{})
	want := []string{
		"AWS_ENDPOINT_URL=" + c.srv.URL(), "AWS_REGION=us-east-1", "AWS_DEFAULT_REGION=us-east-1",
		"AWS_ACCESS_KEY_ID=" + AccessKeyID, "AWS_SECRET_ACCESS_KEY=" + SecretAccessKey, "AWS_SESSION_TOKEN=" + SessionToken,
	}
	if got := c.srv.Env(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Env = %v, want %v", got, want)
	}
}
