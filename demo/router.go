package demo

import (
	"net/http"

	"github.com/ecsdeck/ecsdeck/demo/sim"
)

// An API the endpoint speaks: how its requests are recognised and its
// answers written (the protocol), and its operations by name. Each
// ecs_*.go, logs*.go and sts.go file registers its operations in init, so
// adding an operation is one function in one file, and adding an API or a
// protocol is one more service or protocol value.
type service struct {
	signingName string // SigV4 credential scope service: "ecs", "logs", "sts"
	target      string // AWS JSON: X-Amz-Target prefix; "" for other protocols
	xmlns       string // AWS Query: namespace of the XML answers
	protocol    protocol
	ops         map[string]handler
	// throttled and unavailable are what this API answers when the fault
	// injector throttles or fails a request.
	throttled, unavailable apiError
}

// protocol is an AWS wire protocol.
type protocol interface {
	// operation names the operation r asks of svc; ok is false when r is
	// not a request for svc at all.
	operation(svc *service, r *http.Request, body []byte) (op string, ok bool)
	// decode fills an operation's input from the request body.
	decode(body []byte, v any) error
	respond(w http.ResponseWriter, svc *service, op string, out any)
	fail(w http.ResponseWriter, svc *service, e *apiError)
}

// handler runs one operation; decode fills its input.
type handler func(b *backend, decode func(any) error) (any, error)

// backend is what operations work on: the simulation and the account it
// simulates.
type backend struct {
	sim             *sim.Sim
	region, account string
}

// services lists every API the endpoint speaks, in routing order.
var services []*service

func newService(s service) *service {
	s.ops = map[string]handler{}
	services = append(services, &s)
	return &s
}

// register adds an operation with a typed input and output to svc.
func register[In, Out any](svc *service, op string, h func(*backend, In) (Out, error)) {
	svc.ops[op] = func(b *backend, decode func(any) error) (any, error) {
		var in In
		if err := decode(&in); err != nil {
			return nil, err
		}
		return h(b, in)
	}
}

// route finds the API and operation a request asks for.
func route(r *http.Request, body []byte) (*service, string, bool) {
	for _, svc := range services {
		if op, ok := svc.protocol.operation(svc, r, body); ok {
			return svc, op, true
		}
	}
	return nil, "", false
}
