// Package demo is ecsdeck's demo endpoint: an HTTP server on loopback that
// answers aws-sdk-go-v2 and `aws` CLI requests in AWS's own wire protocols
// (AWS JSON 1.1 for ECS and CloudWatch Logs, AWS Query for STS), backed by
// the live simulation in demo/sim. Any AWS client pointed at it with
// AWS_ENDPOINT_URL browses a simulated account.
package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ecsdeck/ecsdeck/demo/sim"
)

// The demo account and its static credentials.
const (
	Region          = "us-east-1"
	Account         = "123456789012"
	AccessKeyID     = "AKIAECSDECKDEMO00000"
	SecretAccessKey = "ecsdeck-demo-secret"
	SessionToken    = "ecsdeck-demo-session"
)

// Options configures Start.
type Options struct {
	Addr         string // "" = "127.0.0.1:0"; a non-loopback address is an error
	Sim          sim.Config
	Start        time.Time     // simulated time at start; zero = time.Now()
	Manual       bool          // true: the clock does not move by itself; tests call Server.Sim().Advance
	ThrottleRate float64       // fraction of requests answered 400 ThrottlingException
	ErrorRate    float64       // fraction answered 500 ServerException (ECS) / 503 ServiceUnavailableException (Logs)
	Latency      time.Duration // added to every request
}

// tick is how often the simulation catches up with the wall clock.
const tick = 250 * time.Millisecond

// closeGrace is how long Close lets requests in flight finish before it
// cuts every connection still open.
const closeGrace = 150 * time.Millisecond

// maxBody bounds a request body; AWS's largest for these operations is far smaller.
const maxBody = 1 << 20

const requestIDHeader = "X-Amzn-Requestid"

// Server is a running demo endpoint.
type Server struct {
	backend  *backend
	stats    *stats
	faults   *faults
	http     *http.Server
	url      string
	requests atomic.Uint64 // for request IDs

	stop      chan struct{}
	done      sync.WaitGroup // the clock and the serving goroutine
	conns     sync.WaitGroup // connections, until their goroutine closes them
	closeOnce sync.Once
	closeErr  error
}

// Start listens on a loopback address and serves until Close.
func Start(opts Options) (*Server, error) {
	ln, err := listenLoopback(opts.Addr)
	if err != nil {
		return nil, err
	}
	if opts.Start.IsZero() {
		opts.Start = time.Now()
	}
	if opts.Sim.Region == "" {
		opts.Sim.Region = Region
	}
	if opts.Sim.Account == "" {
		opts.Sim.Account = Account
	}
	s := &Server{
		backend: &backend{sim: sim.New(opts.Start, opts.Sim), region: opts.Sim.Region, account: opts.Sim.Account},
		stats:   newStats(),
		faults:  newFaults(opts),
		url:     "http://" + ln.Addr().String(),
		stop:    make(chan struct{}),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /_demo/stats", s.stats.serve)
	mux.HandleFunc("/", s.serveAPI)
	s.http = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ConnState: s.track}

	s.done.Add(1)
	go func() {
		defer s.done.Done()
		s.http.Serve(ln)
	}()
	if !opts.Manual {
		s.done.Add(1)
		go s.runClock(opts.Start)
	}
	return s, nil
}

// listenLoopback binds addr, which must be a loopback address.
func listenLoopback(addr string) (net.Listener, error) {
	addr, err := loopbackAddr(addr)
	if err != nil {
		return nil, err
	}
	return net.Listen("tcp", addr)
}

// loopbackAddr checks that addr names a loopback address ("" is
// 127.0.0.1 on a free port, "localhost" is 127.0.0.1): the demo endpoint
// accepts any credentials, so no other machine may reach it.
func loopbackAddr(addr string) (string, error) {
	if addr == "" {
		return "127.0.0.1:0", nil
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("demo endpoint address %q: %w", addr, err)
	}
	if host == "localhost" {
		return net.JoinHostPort("127.0.0.1", port), nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return "", fmt.Errorf("demo endpoint address %q is not a loopback address (use 127.0.0.1:PORT)", addr)
	}
	return addr, nil
}

// runClock moves the simulation with the wall clock: simulated time is
// Start plus the time elapsed since the server started.
func (s *Server) runClock(start time.Time) {
	defer s.done.Done()
	began := time.Now()
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			s.backend.sim.Advance(start.Add(time.Since(began)))
		}
	}
}

// serveAPI routes a request to its operation: the request ID, then the
// API and operation, the count, the faults, and the operation itself.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set(requestIDHeader, s.requestID())
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		jsonProtocol{}.fail(w, nil, errBodyTooLarge)
		return
	}
	svc, op, ok := route(r, body)
	if !ok {
		jsonProtocol{}.fail(w, nil, unknownOperation(""))
		return
	}
	h := svc.ops[op]
	if h == nil {
		svc.protocol.fail(w, svc, unknownOperation(op))
		return
	}
	s.stats.count(op)
	if e := s.faults.inject(r.Context(), svc); e != nil {
		svc.protocol.fail(w, svc, e)
		return
	}
	out, err := h(s.backend, func(v any) error { return svc.protocol.decode(body, v) })
	if err != nil {
		svc.protocol.fail(w, svc, asAPIError(err, svc))
		return
	}
	svc.protocol.respond(w, svc, op, out)
}

// requestID looks like AWS's: a UUID, here numbered.
func (s *Server) requestID() string {
	return fmt.Sprintf("ecsdeck0-demo-4000-8000-%012x", s.requests.Add(1))
}

// URL is the endpoint, "http://127.0.0.1:PORT".
func (s *Server) URL() string { return s.url }

// Sim is the simulation behind the endpoint.
func (s *Server) Sim() *sim.Sim { return s.backend.sim }

// Stats counts the requests that reached each operation (see stats).
func (s *Server) Stats() map[string]int64 { return s.stats.snapshot() }

// ResetStats sets every count back to zero.
func (s *Server) ResetStats() { s.stats.reset() }

// Env is the environment with which an AWS SDK or the `aws` CLI talks to
// the endpoint. AWS_DEFAULT_REGION is for the `aws` CLI v1, which does not
// read AWS_REGION.
func (s *Server) Env() []string {
	return []string{
		"AWS_ENDPOINT_URL=" + s.url,
		"AWS_REGION=" + s.backend.region,
		"AWS_DEFAULT_REGION=" + s.backend.region,
		"AWS_ACCESS_KEY_ID=" + AccessKeyID,
		"AWS_SECRET_ACCESS_KEY=" + SecretAccessKey,
		"AWS_SESSION_TOKEN=" + SessionToken,
	}
}

// Close stops the clock and the server. Requests in flight get a short
// grace; then every connection still open is cut, so Close returns at
// once even when a client holds a keep-alive connection or one it dialled
// and never used (http.Server.Shutdown alone waits seconds for those).
// When Close returns, no goroutine of the server is left.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		close(s.stop)
		ctx, cancel := context.WithTimeout(context.Background(), closeGrace)
		defer cancel()
		if err := s.http.Shutdown(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
			s.closeErr = err
		}
		s.closeErr = errors.Join(s.closeErr, s.http.Close())
		s.done.Wait()
		s.conns.Wait() // after Serve returned: no connection is added any more
	})
	return s.closeErr
}

// track counts the connections the server holds, so that Close can wait
// for their goroutines (and the handlers they run) to end. Serve adds a
// connection before it starts its goroutine; a connection ends closed.
func (s *Server) track(_ net.Conn, state http.ConnState) {
	switch state {
	case http.StateNew:
		s.conns.Add(1)
	case http.StateClosed, http.StateHijacked:
		s.conns.Done()
	}
}
