package aws

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"

	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// codeKinds maps AWS error codes to kinds. Codes not listed are KindUnknown
// unless the HTTP status says more.
var codeKinds = map[string]ErrorKind{
	"ClusterNotFoundException":  KindNotFound,
	"ServiceNotFoundException":  KindNotFound,
	"ResourceNotFoundException": KindNotFound,
	"MISSING":                   KindNotFound,

	"AccessDeniedException": KindAccessDenied,
	"AccessDenied":          KindAccessDenied,
	"UnauthorizedOperation": KindAccessDenied,

	"ThrottlingException":       KindThrottled,
	"Throttling":                KindThrottled,
	"ThrottledException":        KindThrottled,
	"RequestThrottledException": KindThrottled,
	"TooManyRequestsException":  KindThrottled,
	"RequestLimitExceeded":      KindThrottled,

	"ExpiredToken":                KindCredentials,
	"ExpiredTokenException":       KindCredentials,
	"RequestExpired":              KindCredentials,
	"UnrecognizedClientException": KindCredentials,
	"InvalidClientTokenId":        KindCredentials,
	"InvalidSignatureException":   KindCredentials,
	"SignatureDoesNotMatch":       KindCredentials,
	"IncompleteSignature":         KindCredentials,
	"MissingAuthenticationToken":  KindCredentials,
	"InvalidGrantException":       KindCredentials,

	"InvalidParameterException":      KindInvalid,
	"InvalidParameterValueException": KindInvalid,
	"ValidationException":            KindInvalid,
	"ClientException":                KindInvalid,
	"ServiceNotActiveException":      KindInvalid,
	"UnsupportedFeatureException":    KindInvalid,
	"PlatformUnknownException":       KindInvalid,
}

// fail turns an SDK error into an *Error for op ("ecs:DescribeServices").
func (c *Client) fail(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	e = classify(op, err)
	e.Profile = c.cfg.Profile
	e.sso = c.sso
	return e
}

// classify decides the kind of an SDK error. Credential problems come first:
// they surface before any request is sent, wrapped in whatever the resolver
// hit on the way (a timeout, a refused connection to the SSO portal).
func classify(op string, err error) *Error {
	e := &Error{Op: op, Err: err, Message: err.Error()}
	switch {
	case errors.Is(err, context.Canceled):
		e.Code, e.Message = "Canceled", "request canceled"
	case isSSOExpired(err):
		e.Kind, e.Code, e.Message = KindCredentials, "SSOTokenExpired", "the SSO session has expired or is missing"
	case isCredentialResolution(err):
		e.Kind, e.Code, e.Message = KindCredentials, "NoCredentials", "no valid credentials found"
	case errors.Is(err, context.DeadlineExceeded) || isNetTimeout(err):
		e.Kind, e.Code, e.Message = KindTimeout, "Timeout", "no answer within the call timeout"
	case apiError(err) != nil:
		api := apiError(err)
		e.Code, e.Message = api.ErrorCode(), api.ErrorMessage()
		e.Kind = codeKinds[e.Code]
		if e.Kind == KindUnknown {
			e.Kind = statusKind(err)
		}
		if e.Code == "ClientException" && strings.Contains(e.Message, "Unable to describe task definition") {
			e.Kind = KindNotFound
		}
	case isUnreadable(err):
		e.Kind, e.Code, e.Message = statusKind(err), "BadResponse", unreadableMessage(err)
	case statusKind(err) != KindUnknown:
		e.Kind, e.Code = statusKind(err), "HTTPError"
	case networkDetail(err) != "":
		e.Kind, e.Code, e.Message = KindNetwork, "NetworkError", networkDetail(err)
	}
	return e
}

func apiError(err error) smithy.APIError {
	var api smithy.APIError
	if errors.As(err, &api) {
		return api
	}
	return nil
}

func statusKind(err error) ErrorKind {
	var resp *smithyhttp.ResponseError
	if !errors.As(err, &resp) {
		return KindUnknown
	}
	// Not 404: AWS reports a missing resource with an error code; a bare
	// 404 means the endpoint is not an AWS API at all.
	switch resp.HTTPStatusCode() {
	case 401:
		return KindCredentials
	case 403:
		return KindAccessDenied
	case 429:
		return KindThrottled
	}
	return KindUnknown
}

// isUnreadable recognises an answer the SDK could not decode — a proxy's
// HTML page, an emulator's odd JSON — as opposed to a connection that
// broke while the answer was read, which is a network error.
func isUnreadable(err error) bool {
	var de *smithy.DeserializationError
	return errors.As(err, &de) && networkDetail(err) == ""
}

// unreadableMessage says that the answer was not AWS's, without the
// decoder's wording unless the status claimed success (then the detail
// is what tells an incompatible endpoint apart).
func unreadableMessage(err error) string {
	var resp *smithyhttp.ResponseError
	if errors.As(err, &resp) && resp.HTTPStatusCode() != 200 {
		return fmt.Sprintf("the endpoint answered HTTP %d with something that is not an AWS response — check --endpoint-url and any proxy on the way",
			resp.HTTPStatusCode())
	}
	var de *smithy.DeserializationError
	errors.As(err, &de)
	return fmt.Sprintf("the endpoint's answer is not an AWS response ecsdeck can read (%v) — check --endpoint-url", de.Err)
}

// isSSOExpired recognises the SDK's SSO errors: a missing or expired cached
// token, or the SSO/SSO OIDC services refusing it.
func isSSOExpired(err error) bool {
	var tokenErr *ssocreds.InvalidTokenError
	if errors.As(err, &tokenErr) {
		return true
	}
	var op *smithy.OperationError
	if errors.As(err, &op) && (op.ServiceID == "SSO" || op.ServiceID == "SSO OIDC") {
		return true
	}
	msg := err.Error()
	// "failed to read cached SSO token file", "cached SSO token is expired,
	// or not present", "refresh cached SSO token failed"
	return strings.Contains(msg, "cached SSO token") ||
		strings.Contains(msg, "token has expired") ||
		strings.Contains(msg, "InvalidGrantException")
}

// isCredentialResolution recognises the signer failing to get credentials
// (no provider in the chain had any, or refreshing them failed).
func isCredentialResolution(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "failed to retrieve credentials") ||
		strings.Contains(msg, "failed to refresh cached credentials") ||
		strings.Contains(msg, "get identity:") ||
		strings.Contains(msg, "no valid providers in chain")
}

func isNetTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// networkDetail names a transport failure in a few words, "" when err is not one.
func networkDetail(err error) string {
	var dns *net.DNSError
	switch {
	case errors.As(err, &dns):
		return "DNS lookup of " + dns.Name + " failed"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "connection reset"
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return "host unreachable"
	}
	var op *net.OpError
	if errors.As(err, &op) {
		return op.Op + " failed: " + op.Err.Error()
	}
	var cert *tls.CertificateVerificationError
	if errors.As(err, &cert) {
		return "its TLS certificate is not trusted: " + cert.Err.Error()
	}
	// Whatever else kept the HTTP client from sending, such as HTTPS
	// spoken to a plain HTTP endpoint.
	var send *url.Error
	if errors.As(err, &send) {
		return send.Err.Error()
	}
	return ""
}
