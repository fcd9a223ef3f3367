package aws

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// opError wraps err the way the SDK returns it from an operation.
func opError(service, op string, err error) error {
	return &smithy.OperationError{ServiceID: service, OperationName: op, Err: err}
}

func apiErr(code, msg string) error {
	return opError("ECS", "DescribeServices", &smithy.GenericAPIError{Code: code, Message: msg})
}

// httpErr is an API error that arrived with an HTTP status.
func httpErr(status int, err error) error {
	return opError("ECS", "DescribeServices", &awshttp.ResponseError{ResponseError: &smithyhttp.ResponseError{
		Response: &smithyhttp.Response{Response: &http.Response{StatusCode: status}}, Err: err}})
}

func TestClassify(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: &netSyscallError{syscall.ECONNREFUSED}}
	for _, tc := range []struct {
		name string
		err  error
		kind ErrorKind
		code string
	}{
		{"cluster not found", apiErr("ClusterNotFoundException", "Cluster not found."), KindNotFound, "ClusterNotFoundException"},
		{"service not found", apiErr("ServiceNotFoundException", "Service not found."), KindNotFound, "ServiceNotFoundException"},
		{"log group not found", apiErr("ResourceNotFoundException", "The specified log group does not exist."), KindNotFound, "ResourceNotFoundException"},
		{"task definition not found", apiErr("ClientException", "Unable to describe task definition."), KindNotFound, "ClientException"},
		{"access denied", apiErr("AccessDeniedException", "User is not authorized"), KindAccessDenied, "AccessDeniedException"},
		{"unauthorized operation", apiErr("UnauthorizedOperation", "nope"), KindAccessDenied, "UnauthorizedOperation"},
		{"bare 403", httpErr(403, errors.New("forbidden")), KindAccessDenied, "HTTPError"},
		{"proxy's 403 page", httpErr(403, htmlBody), KindAccessDenied, "BadResponse"},
		{"404 page", httpErr(404, htmlBody), KindUnknown, "BadResponse"},
		{"bad gateway page", &retry.MaxAttemptsError{Attempt: 5, Err: httpErr(502, htmlBody)}, KindUnknown, "BadResponse"},
		{"odd JSON", httpErr(200, &smithy.DeserializationError{Err: errors.New("expected '[', got 12")}), KindUnknown, "BadResponse"},
		{"answer cut short", httpErr(200, &smithy.DeserializationError{Err: io.ErrUnexpectedEOF}), KindNetwork, "NetworkError"},
		{"throttled after retries", &retry.MaxAttemptsError{Attempt: 5, Err: apiErr("ThrottlingException", "Rate exceeded")}, KindThrottled, "ThrottlingException"},
		{"too many requests", apiErr("TooManyRequestsException", "slow down"), KindThrottled, "TooManyRequestsException"},
		{"request limit", apiErr("RequestLimitExceeded", "slow down"), KindThrottled, "RequestLimitExceeded"},
		{"retry quota exhausted", errors.Join(apiErr("ThrottlingException", "Rate exceeded"), errors.New("retry quota exceeded")), KindThrottled, "ThrottlingException"},
		{"expired token", apiErr("ExpiredTokenException", "The security token included in the request is expired"), KindCredentials, "ExpiredTokenException"},
		{"expired token (query)", apiErr("ExpiredToken", "expired"), KindCredentials, "ExpiredToken"},
		{"unrecognized client", apiErr("UnrecognizedClientException", "The security token included in the request is invalid."), KindCredentials, "UnrecognizedClientException"},
		{"invalid client token", apiErr("InvalidClientTokenId", "invalid"), KindCredentials, "InvalidClientTokenId"},
		{"sso token expired", opError("ECS", "ListClusters", fmt.Errorf("get identity: %w", &ssocreds.InvalidTokenError{Err: errors.New("token has expired")})), KindCredentials, "SSOTokenExpired"},
		{"sso oidc invalid grant", opError("SSO OIDC", "CreateToken", &smithy.GenericAPIError{Code: "InvalidGrantException"}), KindCredentials, "SSOTokenExpired"},
		{"sso token missing", opError("ECS", "ListClusters", errors.New("get identity: refresh cached SSO token failed, cached SSO token is expired, or not present, and cannot be refreshed")), KindCredentials, "SSOTokenExpired"},
		{"no credentials", opError("ECS", "ListClusters", errors.New("get identity: get credentials: failed to refresh cached credentials, no EC2 IMDS role found")), KindCredentials, "NoCredentials"},
		{"connection refused", opError("ECS", "ListClusters", &smithyhttp.RequestSendError{Err: refused}), KindNetwork, "NetworkError"},
		{"dns", opError("ECS", "ListClusters", &smithyhttp.RequestSendError{Err: &net.DNSError{Err: "no such host", Name: "ecs.nowhere.invalid"}}), KindNetwork, "NetworkError"},
		{"connection reset", &retry.MaxAttemptsError{Err: opError("ECS", "ListClusters", &smithyhttp.RequestSendError{Err: syscall.ECONNRESET})}, KindNetwork, "NetworkError"},
		{"deadline", opError("ECS", "ListClusters", &smithyhttp.RequestSendError{Err: context.DeadlineExceeded}), KindTimeout, "Timeout"},
		{"invalid parameter", apiErr("InvalidParameterException", "Too many services"), KindInvalid, "InvalidParameterException"},
		{"client exception", apiErr("ClientException", "bad"), KindInvalid, "ClientException"},
		{"canceled", opError("ECS", "ListClusters", context.Canceled), KindUnknown, "Canceled"},
		{"server error", httpErr(500, &smithy.GenericAPIError{Code: "ServerException", Message: "boom"}), KindUnknown, "ServerException"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := classify("ecs:DescribeServices", tc.err)
			if e.Kind != tc.kind || e.Code != tc.code {
				t.Errorf("classify(%v) = kind %v code %q, want %v %q", tc.err, e.Kind, e.Code, tc.kind, tc.code)
			}
			if !errors.Is(e, tc.err) {
				t.Errorf("the *Error does not wrap the SDK error")
			}
			if KindOf(fmt.Errorf("refresh: %w", e)) != tc.kind {
				t.Errorf("KindOf through a wrap = %v", KindOf(fmt.Errorf("refresh: %w", e)))
			}
		})
	}
}

// htmlBody is how the SDK fails on an answer that is not JSON.
var htmlBody = &smithy.DeserializationError{Err: errors.New("failed to decode response body, invalid character '<' looking for beginning of value")}

type netSyscallError struct{ errno syscall.Errno }

func (e *netSyscallError) Error() string { return "connect: " + e.errno.Error() }
func (e *netSyscallError) Unwrap() error { return e.errno }

func TestUserMessage(t *testing.T) {
	for _, tc := range []struct {
		e    *Error
		want []string
	}{
		{&Error{Kind: KindCredentials, Code: "ExpiredTokenException", Profile: "prod", sso: true, Op: "ecs:ListClusters"},
			[]string{"AWS credentials for profile prod have expired", "run: aws sso login --profile prod"}},
		{&Error{Kind: KindCredentials, Code: "SSOTokenExpired", Profile: "prod", Op: "ecs:ListClusters"},
			[]string{"SSO session for profile prod", "aws sso login --profile prod"}},
		{&Error{Kind: KindCredentials, Code: "ExpiredToken", Op: "sts:GetCallerIdentity"},
			[]string{"profile default have expired"}},
		{&Error{Kind: KindCredentials, Code: "NoCredentials", Op: "ecs:ListClusters"},
			[]string{"no AWS credentials found", "aws configure"}},
		{&Error{Kind: KindAccessDenied, Op: "ecs:DescribeServices", Code: "AccessDeniedException"},
			[]string{"access denied for ecs:DescribeServices — your role lacks this permission"}},
		{&Error{Kind: KindNetwork, Op: "ecs:ListClusters", Message: "connection refused"},
			[]string{"cannot reach the ECS endpoint (connection refused) — check your network or --endpoint-url"}},
		{&Error{Kind: KindNetwork, Op: "logs:GetLogEvents", Message: "connection refused"},
			[]string{"CloudWatch Logs endpoint"}},
		{&Error{Kind: KindThrottled, Op: "ecs:DescribeTasks"}, []string{"throttling ecs:DescribeTasks"}},
		{&Error{Kind: KindTimeout, Op: "ecs:DescribeTasks"}, []string{"ecs:DescribeTasks timed out"}},
		{&Error{Kind: KindNotFound, Op: "ecs:ListServices", Code: "ClusterNotFoundException", Message: "Cluster not found."},
			[]string{"Cluster not found (ecs:ListServices) — check the name"}},
		{&Error{Kind: KindCredentials, Code: "UnrecognizedClientException", Profile: "dev", sso: true},
			[]string{"rejected the credentials of profile dev (UnrecognizedClientException) — run: aws sso login --profile dev"}},
		{&Error{Kind: KindCredentials}, []string{"rejected the credentials of profile default — check"}},
		{&Error{Kind: KindReadOnly, Op: "ecs:StopTask"}, []string{"ecs:StopTask is disabled in read-only mode"}},
		{&Error{Kind: KindInvalid, Op: "ecs:UpdateService", Message: "desired count must be at least 0"},
			[]string{"ecs:UpdateService rejected: desired count must be at least 0"}},
	} {
		got := tc.e.UserMessage()
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("UserMessage(%+v) = %q, want it to contain %q", tc.e, got, w)
			}
		}
		if strings.Contains(got, "\n") {
			t.Errorf("UserMessage is more than one line: %q", got)
		}
	}
}

// A configuration error is a whole sentence for the user: no operation
// prefix in front of it.
func TestConfigErrorMessageStandsAlone(t *testing.T) {
	err := configError("nope", config.SharedConfigProfileNotExistError{Profile: "nope"})
	want := "AWS profile nope not found in ~/.aws/config or ~/.aws/credentials"
	if got := err.(*Error).UserMessage(); got != want {
		t.Errorf("UserMessage() = %q, want %q", got, want)
	}
}
