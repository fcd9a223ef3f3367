package aws

import (
	"errors"
	"fmt"
	"strings"
)

// ErrorKind says what went wrong in terms the UI can act on.
type ErrorKind int

const (
	KindUnknown      ErrorKind = iota
	KindNotFound               // the cluster, service, task ... does not exist
	KindAccessDenied           // the credentials lack a permission
	KindThrottled              // AWS kept throttling after the retries
	KindCredentials            // no, expired or invalid credentials / SSO session
	KindNetwork                // the endpoint cannot be reached
	KindTimeout                // the call took longer than CallTimeout
	KindInvalid                // a bad parameter or configuration
	KindReadOnly               // a mutating call in read-only mode
)

var kindNames = [...]string{"unknown", "not found", "access denied", "throttled", "credentials",
	"network", "timeout", "invalid", "read-only"}

func (k ErrorKind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("ErrorKind(%d)", int(k))
	}
	return kindNames[k]
}

// Error is every error the Client returns.
type Error struct {
	Kind    ErrorKind
	Op      string // IAM-style action, e.g. "ecs:DescribeServices"
	Code    string // AWS error code, e.g. "ClusterNotFoundException"
	Message string // what AWS (or the SDK) said
	Profile string // the profile in use, for advice such as `aws sso login`
	Err     error  // the underlying SDK error, if any
	sso     bool   // the profile signs in through AWS SSO: the fix is `aws sso login`
}

func (e *Error) Error() string {
	msg := e.Op
	if e.Code != "" {
		msg += ": " + e.Code
	}
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// UserMessage is one line for the flash bar: what happened, and what to do.
func (e *Error) UserMessage() string {
	return strings.Join(strings.Fields(e.userMessage()), " ")
}

func (e *Error) userMessage() string {
	detail := e.Message
	switch e.Kind {
	case KindNotFound:
		return notFoundMessage(e)
	case KindAccessDenied:
		return "access denied for " + e.Op + " — your role lacks this permission"
	case KindThrottled:
		return "AWS is throttling " + e.Op + " — ecsdeck retried and backed off; wait a moment or refresh less often"
	case KindCredentials:
		return credentialsMessage(e)
	case KindNetwork:
		return "cannot reach the " + service(e.Op) + " endpoint (" + detail + ") — check your network or --endpoint-url"
	case KindTimeout:
		return e.Op + " timed out — AWS answered too slowly; try again or check your network"
	case KindInvalid:
		if e.Op == opConfig { // loading the configuration: the message is the whole story
			return detail
		}
		return e.Op + " rejected: " + detail
	case KindReadOnly:
		return e.Op + " is disabled in read-only mode — restart without --readonly to change things"
	}
	if detail == "" {
		detail = e.Code
	}
	return e.Op + " failed: " + detail
}

// KindOf is the Kind of an *Error anywhere in err's chain, KindUnknown otherwise.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindUnknown
}

func notFoundMessage(e *Error) string {
	if e.Code == "MISSING" {
		return e.Message + " — it may have been deleted"
	}
	return strings.TrimSuffix(e.Message, ".") + " (" + e.Op + ") — check the name, region and account"
}

func credentialsMessage(e *Error) string {
	profile := quoteProfile(e.Profile)
	login := "aws sso login --profile " + profile
	switch {
	case e.Code == "SSOTokenExpired":
		return "the AWS SSO session for profile " + profile + " has expired or is missing — run: " + login
	case e.Code == "NoCredentials" && e.sso:
		return "no AWS credentials for profile " + profile + " — run: " + login
	case e.Code == "NoCredentials":
		return "no AWS credentials found for profile " + profile + " — run: aws configure, or set AWS_PROFILE"
	case isExpiredCode(e.Code) && e.sso:
		return "AWS credentials for profile " + profile + " have expired — run: " + login
	case isExpiredCode(e.Code):
		return "AWS credentials for profile " + profile + " have expired — refresh them (aws configure, or your credential process)"
	}
	rejected := "AWS rejected the credentials of profile " + profile
	if e.Code != "" {
		rejected += " (" + e.Code + ")"
	}
	if e.sso {
		return rejected + " — run: " + login
	}
	return rejected + " — check the access key in your AWS configuration"
}

func isExpiredCode(code string) bool {
	return code == "ExpiredToken" || code == "ExpiredTokenException" || code == "RequestExpired"
}

func quoteProfile(p string) string {
	if p == "" {
		return "default"
	}
	return p
}

// service is the service prefix of an IAM-style op, named as users know it.
func service(op string) string {
	for i := range len(op) {
		if op[i] == ':' {
			op = op[:i]
			break
		}
	}
	switch op {
	case "ecs":
		return "ECS"
	case "logs":
		return "CloudWatch Logs"
	case "sts":
		return "STS"
	}
	return "AWS"
}
