package ui

import "context"

// request is a view's asynchronous request — a refresh, a describe —
// one at a time (DESIGN.md, example 4). Its reply, and any tick it arms,
// carries the view's id and the generation the request started at:
// starting the next request or abandoning this one bumps the generation,
// so whatever an older one sends is dropped, and cancels its context, so
// AWS calls still running stop.
type request struct {
	id, gen int
	cancel  context.CancelFunc // of the request in flight
}

func newRequest() request { return request{id: NextViewID()} }

// begin abandons the request in flight, if any, and starts the next: the
// context its command runs under and the generation its reply carries.
func (q *request) begin() (context.Context, int) {
	q.abandon()
	ctx, cancel := context.WithCancel(context.Background())
	q.cancel = cancel
	return ctx, q.gen
}

// abandon cancels the request in flight; a reply it still sends is stale.
func (q *request) abandon() {
	q.done()
	q.gen++
}

// done releases the context of a request whose reply has come.
func (q *request) done() {
	if q.cancel != nil {
		q.cancel()
		q.cancel = nil
	}
}

// current reports whether a reply or tick stamped (id, gen) belongs to the
// latest request.
func (q *request) current(id, gen int) bool { return id == q.id && gen == q.gen }
