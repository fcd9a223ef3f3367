package demo

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/ecsdeck/ecsdeck/demo/sim"
)

// apiError is an error as AWS reports it: the HTTP status, the code SDKs
// switch on, and the message.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.code + ": " + e.message }

func invalidParameter(format string, args ...any) *apiError {
	return &apiError{http.StatusBadRequest, "InvalidParameterException", fmt.Sprintf(format, args...)}
}

// required is AWS's answer to a missing required parameter.
func required(name, value string) error {
	if value == "" {
		return invalidParameter("%s must be specified.", name)
	}
	return nil
}

// outOfRange is the Coral validation message for a number outside lo…hi.
func outOfRange(name string, v, lo, hi int) *apiError {
	if v < lo {
		return invalidParameter("1 validation error detected: Value '%d' at '%s' failed to satisfy constraint: Member must have value greater than or equal to %d", v, name, lo)
	}
	return invalidParameter("1 validation error detected: Value '%d' at '%s' failed to satisfy constraint: Member must have value less than or equal to %d", v, name, hi)
}

// unknownOperation answers a request for an operation the endpoint does
// not have; op is "" when the request names none it recognises.
func unknownOperation(op string) *apiError {
	msg := "The ecsdeck demo endpoint does not recognise this request."
	if op != "" {
		msg = "The ecsdeck demo endpoint does not support " + op + "."
	}
	return &apiError{http.StatusBadRequest, "UnknownOperationException", msg}
}

var errBodyTooLarge = &apiError{http.StatusRequestEntityTooLarge, "SerializationException", "The request body is too large."}

// simErrors are the simulation's sentinels; the text of each is the AWS
// error code, and the simulation wraps them with AWS's message.
var simErrors = []error{
	sim.ErrClusterNotFound, sim.ErrServiceNotFound, sim.ErrTaskNotFound,
	sim.ErrTaskDefinitionNotFound, sim.ErrContainerInstanceNotFound,
	sim.ErrLogGroupNotFound, sim.ErrLogStreamNotFound, sim.ErrInvalidParameter,
}

// asAPIError is how an operation's error goes on the wire. The
// simulation's errors are client errors (400); anything else is a fault of
// the endpoint, reported the way svc reports an internal failure.
func asAPIError(err error, svc *service) *apiError {
	if e, ok := errors.AsType[*apiError](err); ok {
		return e
	}
	for _, sentinel := range simErrors {
		if errors.Is(err, sentinel) {
			code := sentinel.Error()
			msg, _ := strings.CutPrefix(err.Error(), code+": ")
			return &apiError{http.StatusBadRequest, code, msg}
		}
	}
	e := svc.unavailable
	e.message = err.Error()
	return &e
}
