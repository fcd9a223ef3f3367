package aws

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fakeAWS is a tiny AWS JSON 1.1 endpoint: it answers each operation
// (X-Amz-Target suffix) with a fixed status and body, and counts requests.
type fakeAWS struct {
	requests atomic.Int64
	answers  map[string]fakeAnswer // by operation, "" = any
}

type fakeAnswer struct {
	status int
	body   string
	block  bool // hold the request until the client gives up
}

func (f *fakeAWS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.requests.Add(1)
	_, _ = io.Copy(io.Discard, r.Body)
	target := r.Header.Get("X-Amz-Target")
	op := target[strings.LastIndexByte(target, '.')+1:]
	a, ok := f.answers[op]
	if !ok {
		a = f.answers[""]
	}
	if a.block {
		<-r.Context().Done()
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.WriteHeader(a.status)
	_, _ = io.WriteString(w, a.body)
}

// startFake serves answers on loopback and returns a client for it.
func startFake(t *testing.T, cfg Config, answers map[string]fakeAnswer) (*fakeAWS, *Client) {
	t.Helper()
	f := &fakeAWS{answers: answers}
	return f, startHandler(t, cfg, f)
}

// startHandler serves h on loopback and returns a client for it.
func startHandler(t *testing.T, cfg Config, h http.Handler) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return clientFor(t, srv.URL, cfg)
}

// clientFor is a client of endpoint with test credentials and fast retries.
func clientFor(t *testing.T, endpoint string, cfg Config) *Client {
	t.Helper()
	cfg.Region, cfg.EndpointURL = "us-east-1", endpoint
	cfg.Static = &Credentials{AccessKeyID: "AKIDTEST", SecretAccessKey: "secret"}
	c, err := newClient(context.Background(), cfg, fastBackoff)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fastBackoff keeps retry tests quick; the retry logic is still the SDK's.
var fastBackoff = backoffFunc(func(int, error) (time.Duration, error) { return time.Millisecond, nil })

type backoffFunc func(int, error) (time.Duration, error)

func (f backoffFunc) BackoffDelay(attempt int, err error) (time.Duration, error) {
	return f(attempt, err)
}
