package demo

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// jsonProtocol is AWS JSON 1.1: POST /, the operation in
// "X-Amz-Target: <prefix>.<Operation>", JSON in and out, and errors as
// {"__type": code, "message": text} with the status AWS uses.
type jsonProtocol struct{}

const jsonContentType = "application/x-amz-json-1.1"

func (jsonProtocol) operation(svc *service, r *http.Request, _ []byte) (string, bool) {
	prefix, op, ok := strings.Cut(r.Header.Get("X-Amz-Target"), ".")
	if !ok || r.Method != http.MethodPost || prefix != svc.target {
		return "", false
	}
	return op, true
}

func (jsonProtocol) decode(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, v); err != nil {
		return &apiError{http.StatusBadRequest, "SerializationException", err.Error()}
	}
	return nil
}

func (jsonProtocol) respond(w http.ResponseWriter, _ *service, _ string, out any) {
	writeJSON(w, http.StatusOK, out)
}

func (jsonProtocol) fail(w http.ResponseWriter, _ *service, e *apiError) {
	writeJSON(w, e.status, struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}{e.code, e.message})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"__type":"InternalFailure","message":"cannot encode the response"}`)
	}
	w.Header().Set("Content-Type", jsonContentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

// wireAll turns items into their wire form. The result is never nil: an
// empty list goes on the wire as [], as AWS writes it, not null.
func wireAll[M, W any](items []M, wire func(M) W) []W {
	out := make([]W, 0, len(items))
	for _, m := range items {
		out = append(out, wire(m))
	}
	return out
}

// epochSeconds is a timestamp as AWS JSON writes it by default: seconds
// since the epoch as a number with a fraction (ECS uses it; CloudWatch Logs
// models its times as integer milliseconds instead). Use it with omitzero.
type epochSeconds time.Time

func (t epochSeconds) IsZero() bool { return time.Time(t).IsZero() }

func (t epochSeconds) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(time.Time(t).UnixMilli())/1000, 'f', 3, 64), nil
}
