// Command ecsdeck is a k9s-style terminal UI for Amazon ECS.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/config"
	"github.com/ecsdeck/ecsdeck/demo"
	"github.com/ecsdeck/ecsdeck/ui"
)

// version is set at build time: go build -ldflags "-X main.version=v1.2.3".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without os.Exit, so that deferred cleanup (the demo server)
// always happens and tests can call it. stdout and stderr carry messages;
// the UI itself draws on the process's terminal.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "demo-server" {
		return demo.RunCommand(args[1:], stdout, stderr)
	}
	cfg, action, fileErr, err := config.Resolve(args, config.DefaultPath())
	if err != nil {
		fmt.Fprintf(stderr, "ecsdeck: %v\n\n%s", err, config.Usage)
		return 2
	}
	switch action {
	case config.ActionHelp:
		fmt.Fprint(stdout, config.Usage)
		return 0
	case config.ActionVersion:
		fmt.Fprintln(stdout, "ecsdeck", version)
		return 0
	}
	var warnings []string
	if fileErr != nil {
		warnings = append(warnings, "config file ignored, using defaults: "+fileErr.Error())
	}

	client, closeClient, err := newClient(context.Background(), cfg)
	if err != nil {
		fmt.Fprintln(stderr, "ecsdeck:", userMessage(err))
		return 1
	}
	defer closeClient()

	app := ui.New(ui.Options{
		Client:   client,
		Refresh:  cfg.Refresh,
		Cluster:  cfg.Cluster,
		ReadOnly: cfg.ReadOnly,
		Demo:     cfg.Demo,
		Version:  version,
		Warnings: warnings,
		NoColor:  os.Getenv("NO_COLOR") != "", // https://no-color.org
	})
	// Bubble Tea restores the terminal on every way out of Run, panics in
	// Update, View and commands included, so nothing here may exit the
	// process before Run returns.
	_, err = tea.NewProgram(app).Run()
	for _, w := range warnings { // the flash line is gone now; keep the warning visible
		fmt.Fprintln(stderr, "ecsdeck:", w)
	}
	switch {
	case errors.Is(err, tea.ErrInterrupted):
		return 130
	case err != nil:
		fmt.Fprintln(stderr, "ecsdeck:", err)
		return 1
	}
	return 0
}

// newClient builds the AWS client: against an in-process demo endpoint with
// --demo, else from the user's profile, region and endpoint. The returned
// func releases what it started.
func newClient(ctx context.Context, cfg config.Config) (*aws.Client, func(), error) {
	if !cfg.Demo {
		client, err := aws.New(ctx, aws.Config{
			Profile:     cfg.Profile,
			Region:      cfg.Region,
			EndpointURL: cfg.EndpointURL,
			ReadOnly:    cfg.ReadOnly,
		})
		return client, func() {}, err
	}
	srv, err := demo.Start(demo.Options{})
	if err != nil {
		return nil, nil, fmt.Errorf("cannot start the demo endpoint: %w", err)
	}
	client, err := aws.New(ctx, aws.Config{
		EndpointURL: srv.URL(),
		Region:      demo.Region,
		Static: &aws.Credentials{
			AccessKeyID:     demo.AccessKeyID,
			SecretAccessKey: demo.SecretAccessKey,
			SessionToken:    demo.SessionToken,
		},
		ReadOnly: cfg.ReadOnly,
	})
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return client, func() { srv.Close() }, nil
}

// userMessage says what went wrong in the user's terms: aws errors carry
// their own advice (for SSO, the `aws sso login` to run).
func userMessage(err error) string {
	var awsErr *aws.Error
	if errors.As(err, &awsErr) {
		return awsErr.UserMessage()
	}
	return err.Error()
}
