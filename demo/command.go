package demo

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os/signal"
	"syscall"
)

// RunCommand is `ecsdeck demo-server [flags]`: it starts a demo endpoint,
// prints the environment with which the `aws` CLI or any SDK program
// browses it, and serves until SIGINT or SIGTERM. It returns the exit
// code: 2 for bad flags, 1 when the server cannot start.
func RunCommand(args []string, stdout, stderr io.Writer) int {
	var opts Options
	fs := flag.NewFlagSet("demo-server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ecsdeck demo-server [--addr 127.0.0.1:PORT] [--services N --tasks-per-service M]")
		fmt.Fprintln(stderr, "       [--throttle-rate R --error-rate R --latency D] [--seed S]")
		fs.PrintDefaults()
	}
	fs.StringVar(&opts.Addr, "addr", "127.0.0.1:0", "loopback `address` to listen on (port 0 picks a free one)")
	fs.IntVar(&opts.Sim.LoadServices, "services", 0, "add a cluster \"load\" with `N` services")
	fs.IntVar(&opts.Sim.LoadTasksPerService, "tasks-per-service", 20, "RUNNING tasks of each service of the \"load\" cluster")
	fs.Float64Var(&opts.ThrottleRate, "throttle-rate", 0, "fraction of requests answered ThrottlingException")
	fs.Float64Var(&opts.ErrorRate, "error-rate", 0, "fraction of requests answered HTTP 500/503")
	fs.DurationVar(&opts.Latency, "latency", 0, "latency added to every request (e.g. 50ms)")
	fs.Int64Var(&opts.Sim.Seed, "seed", 0, "seed of the simulation and of the faults")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if msg := checkOptions(opts, fs.NArg()); msg != "" {
		fmt.Fprintln(stderr, "ecsdeck demo-server:", msg)
		fs.Usage()
		return 2
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	srv, err := Start(opts)
	if err != nil {
		fmt.Fprintln(stderr, "ecsdeck demo-server:", err)
		return 1
	}
	for _, kv := range srv.Env() {
		fmt.Fprintln(stdout, "export "+kv)
	}
	fmt.Fprintln(stdout, "# demo endpoint ready at "+srv.URL()+"; with the lines above, try: aws ecs list-clusters (Ctrl-C stops it)")
	<-ctx.Done()
	if err := srv.Close(); err != nil {
		fmt.Fprintln(stderr, "ecsdeck demo-server:", err)
		return 1
	}
	return 0
}

// checkOptions validates the flags' values; "" means they are fine.
func checkOptions(opts Options, extra int) string {
	if _, err := loopbackAddr(opts.Addr); err != nil {
		return err.Error()
	}
	switch {
	case extra > 0:
		return "unexpected arguments"
	case opts.Sim.LoadServices < 0 || opts.Sim.LoadTasksPerService < 0:
		return "--services and --tasks-per-service must not be negative"
	case opts.ThrottleRate < 0 || opts.ErrorRate < 0 || opts.ThrottleRate+opts.ErrorRate > 1:
		return "--throttle-rate and --error-rate must be fractions between 0 and 1, together at most 1"
	case opts.Latency < 0:
		return "--latency must not be negative"
	}
	return ""
}
