package demo

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func TestGetCallerIdentity(t *testing.T) {
	c := startDemo(t, Options{})
	out, err := c.sts.GetCallerIdentity(ctx(t), &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatal(err)
	}
	if *out.Account != Account || *out.Arn != "arn:aws:sts::123456789012:assumed-role/ecsdeck-demo/demo" || *out.UserId == "" {
		t.Errorf("GetCallerIdentity = %s %s %s", *out.Account, *out.Arn, *out.UserId)
	}
}
