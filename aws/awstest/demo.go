package awstest

import (
	"context"
	"testing"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/demo"
)

// StartDemo starts the demo endpoint in-process on a free loopback port,
// closes it when the test ends, and returns it with a client that talks to
// it with the demo's static credentials.
func StartDemo(t testing.TB, opts demo.Options) (*demo.Server, *aws.Client) {
	t.Helper()
	srv, err := demo.Start(opts)
	if err != nil {
		t.Fatalf("awstest: start demo endpoint: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	c, err := aws.New(context.Background(), DemoConfig(srv))
	if err != nil {
		t.Fatalf("awstest: client for the demo endpoint: %v", err)
	}
	return srv, c
}

// DemoConfig is the client configuration for srv; tests change a field
// (CallTimeout, ReadOnly) and build their own client with aws.New.
func DemoConfig(srv *demo.Server) aws.Config {
	return aws.Config{
		Region:      demo.Region,
		EndpointURL: srv.URL(),
		Static: &aws.Credentials{
			AccessKeyID:     demo.AccessKeyID,
			SecretAccessKey: demo.SecretAccessKey,
			SessionToken:    demo.SessionToken,
		},
	}
}
