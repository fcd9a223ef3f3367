package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// failuresError turns a describe call's failures into an error. MISSING
// entries are dropped: a resource that went away between the list and the
// describe is normal churn, not a fault. The first other failure becomes
// the error.
func (c *Client) failuresError(op string, failures []types.Failure) error {
	for _, f := range failures {
		reason := aws.ToString(f.Reason)
		if reason == "MISSING" {
			continue
		}
		msg := reason
		if d := aws.ToString(f.Detail); d != "" {
			msg += ": " + d
		}
		return &Error{Kind: codeKinds[reason], Op: op, Code: reason, Message: aws.ToString(f.Arn) + ": " + msg,
			Profile: c.cfg.Profile, sso: c.sso}
	}
	return nil
}

// notFound is the NotFound error for one resource asked for by name; what
// names it ("service web").
func (c *Client) notFound(op, what string) error {
	return &Error{Kind: KindNotFound, Op: op, Code: "MISSING", Message: what + " not found",
		Profile: c.cfg.Profile, sso: c.sso}
}
