package demo

import (
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Close returns, without an error, while clients hold connections open:
// an idle keep-alive one, one that has sent nothing yet (an SDK's spare
// dial, which http.Server.Shutdown alone waits on for seconds) and one
// whose request is still being answered. No goroutine of the server
// outlives it.
func TestCloseWithConnectionsOpen(t *testing.T) {
	srv, err := Start(Options{Start: start, Latency: time.Hour}) // the clock runs
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	host := strings.TrimPrefix(srv.URL(), "http://")

	idle := &http.Transport{}
	t.Cleanup(idle.CloseIdleConnections)
	resp, err := (&http.Client{Transport: idle}).Get(srv.URL() + "/_demo/stats")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()

	silent, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { silent.Close() })

	busy := &http.Transport{}
	t.Cleanup(busy.CloseIdleConnections)
	answered := make(chan error, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, srv.URL(), strings.NewReader(`{}`))
		for k, v := range ecsTarget("ListClusters") {
			req.Header.Set(k, v)
		}
		resp, err := (&http.Client{Transport: busy}).Do(req)
		if err == nil {
			resp.Body.Close()
		}
		answered <- err
	}()
	// The request is in: counted, and waiting out its latency.
	for deadline := time.Now().Add(10 * time.Second); srv.Stats()["ListClusters"] == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the request did not reach the server")
		}
	}

	closed := make(chan error, 1)
	go func() { closed <- srv.Close() }()
	select {
	case err := <-closed:
		if err != nil {
			t.Errorf("Close = %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Close did not return with connections open")
	}
	select {
	case err := <-answered:
		if err == nil {
			t.Error("the request in flight was answered; Close should have cut it")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the request in flight still waits after Close")
	}

	buf := make([]byte, 1<<20)
	for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
		if strings.Contains(g, "ecsdeck/demo.(*Server).") || strings.Contains(g, "ecsdeck/demo.Start.") {
			t.Errorf("a goroutine of the server outlives Close:\n%s", g)
		}
	}
}
