package sim

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// What the scenario's software writes. Lines are varied but plausible, and
// deterministic: every choice comes from the simulation's seeded source.

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

// fixed is a voice moment that always says the same lines.
func fixed(ls ...string) lines {
	return func(*Sim, *task, time.Time) []string { return ls }
}

type route struct {
	method, path string
	bytes        int
}

var webRoutes = []route{
	{"GET", "/api/orders", 4210}, {"GET", "/api/orders/%d", 1532}, {"GET", "/api/products?page=%d", 8934},
	{"GET", "/api/products/%d", 2311}, {"GET", "/api/cart", 712}, {"POST", "/api/cart/items", 188},
	{"POST", "/api/checkout", 402}, {"POST", "/api/login", 96}, {"GET", "/static/js/app.%d.js", 184210},
	{"GET", "/healthz", 15}, {"DELETE", "/api/cart/items/%d", 0}, {"PUT", "/api/account", 341},
}

var userAgents = []string{
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
	"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
	"okhttp/4.12.0", "python-requests/2.31.0",
}

// request draws one HTTP request: method, path, status, bytes, latency,
// user agent. The load balancer's health checks are among them.
func request(r *rand.Rand) (method, path string, status, bytes, ms int, agent string) {
	rt := webRoutes[r.IntN(len(webRoutes))]
	path = rt.path
	if strings.Contains(path, "%d") {
		path = fmt.Sprintf(path, 1000+r.IntN(90000))
	}
	ms = 2 + r.IntN(30)
	if path == "/healthz" {
		return rt.method, path, 200, rt.bytes, 1 + r.IntN(3), "ELB-HealthChecker/2.0"
	}
	status = 200
	switch x := r.IntN(100); {
	case x < 3:
		status = pick(r, 500, 502, 503, 504)
	case x < 10:
		status = pick(r, 400, 401, 403, 404, 404, 409, 422, 429)
	case x < 12 && rt.method == "GET":
		status = 304
	case rt.method == "POST":
		status = pick(r, 200, 201)
	case rt.method == "DELETE":
		status = 204
	}
	bytes = rt.bytes
	if status >= 300 || status == 204 {
		bytes = 40 + r.IntN(200)
		if status == 204 || status == 304 {
			bytes = 0
		}
	}
	if r.IntN(20) == 0 {
		ms = 120 + r.IntN(1400)
	}
	if status == 504 {
		ms = 30000 + r.IntN(40)
	}
	return rt.method, path, status, bytes, ms, pick(r, userAgents...)
}

func clientIP(r *rand.Rand) string { return fmt.Sprintf("10.0.%d.%d", r.IntN(48), 2+r.IntN(250)) }

// accessLog is a Node web app behind a load balancer.
func accessLog(version string) *voice {
	return &voice{
		gap: [2]time.Duration{150 * time.Millisecond, time.Second},
		line: func(s *Sim, _ *task, _ time.Time) string {
			m, p, st, b, ms, ua := request(s.rng)
			return fmt.Sprintf("%s - - \"%s %s HTTP/1.1\" %d %d %dms \"%s\"", clientIP(s.rng), m, p, st, b, ms, ua)
		},
		start: fixed("> web@"+version+" start", "> node dist/server.js", "Server listening on http://0.0.0.0:8080 (pid 1, NODE_ENV=production)"),
		stop:  fixed("Received SIGTERM, closing HTTP server", "HTTP server closed, bye"),
	}
}

// migrations is the web app's init container.
func migrations() *voice {
	return &voice{start: func(s *Sim, _ *task, _ time.Time) []string {
		return []string{
			"> web migrate", "Running migrations against prod-web-db.cluster-c9x2k1m4abcd.us-east-1.rds.amazonaws.com",
			fmt.Sprintf("No pending migrations (schema version 20240%d)", 4120930+s.rng.IntN(9)), fmt.Sprintf("Done in 0.%02ds", 20+s.rng.IntN(70)),
		}
	}}
}

func envoyLog() *voice {
	return &voice{
		gap: [2]time.Duration{3 * time.Second, 40 * time.Second},
		line: func(s *Sim, _ *task, at time.Time) string {
			m, p, st, b, ms, ua := request(s.rng)
			return fmt.Sprintf("[%s] \"%s %s HTTP/1.1\" %d - 0 %d %d %d \"%s\" \"%s\" \"%s\" \"web.prod.local\" \"127.0.0.1:8080\"",
				at.UTC().Format("2006-01-02T15:04:05.000Z"), m, p, st, b, ms+1, ms, clientIP(s.rng), ua, s.uuid())
		},
		start: func(_ *Sim, _ *task, at time.Time) []string {
			ts := at.UTC().Format("2006-01-02 15:04:05.000")
			return []string{
				"[" + ts + "][1][info][main] [source/server/server.cc:428] initializing epoch 0 (base id=0, hot restart version=11.104)",
				"[" + ts + "][1][info][upstream] [source/common/upstream/cluster_manager_impl.cc:222] cm init: all clusters initialized",
				"[" + ts + "][1][info][main] [source/server/server.cc:932] all clusters initialized. initializing init manager",
				"[" + ts + "][1][info][main] [source/server/server.cc:951] starting main dispatch loop",
			}
		},
	}
}

func pyTime(at time.Time) string { return at.UTC().Format("2006-01-02 15:04:05,000") }

// pythonWorker takes jobs from queues; the prod build leaks memory.
func pythonWorker(queues string) *voice {
	return &voice{
		gap: [2]time.Duration{time.Second, 6 * time.Second},
		line: func(s *Sim, _ *task, at time.Time) string {
			q := pick(s.rng, "emails", "webhooks", "thumbnails", "emails")
			if s.rng.IntN(12) == 0 {
				return fmt.Sprintf("%s WARNING [worker.jobs] job %s on %s retrying in %ds (attempt %d/5): upstream returned 503",
					pyTime(at), s.hex(12), q, 2<<s.rng.IntN(5), 1+s.rng.IntN(4))
			}
			return fmt.Sprintf("%s INFO [worker.jobs] job %s done queue=%s duration=%dms", pyTime(at), s.hex(12), q, 40+s.rng.IntN(900))
		},
		start: func(_ *Sim, _ *task, at time.Time) []string {
			return []string{
				pyTime(at) + " INFO [worker] starting worker pid=1 queues=" + queues + " concurrency=8",
				pyTime(at) + " INFO [worker] connected to redis://jobs.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379/0",
			}
		},
		stop: func(_ *Sim, _ *task, at time.Time) []string {
			return []string{pyTime(at) + " INFO [worker] SIGTERM received, finishing 3 running jobs", pyTime(at) + " INFO [worker] bye"}
		},
		oomWarning: func(s *Sim, _ *task, at time.Time) []string {
			return []string{fmt.Sprintf("%s WARNING [worker.memory] rss=%dMiB of 512MiB limit, %d jobs in flight", pyTime(at), 480+s.rng.IntN(30), 6+s.rng.IntN(3))}
		},
		stackTrace: func(s *Sim, _ *task, at time.Time) []string {
			return []string{
				pyTime(at) + " ERROR [worker] unhandled exception in job " + s.hex(12),
				"Traceback (most recent call last):",
				"  File \"/app/worker/main.py\", line 88, in <module>",
				"    run_forever()",
				"  File \"/app/worker/loop.py\", line 41, in run_forever",
				"    handle(message)",
				"  File \"/app/worker/jobs.py\", line 142, in handle",
				"    payload = json.loads(message.body)",
				"  File \"/usr/local/lib/python3.12/json/__init__.py\", line 346, in loads",
				"    return _default_decoder.decode(s)",
				"json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)",
			}
		},
	}
}

// goAPI is a Go service logging JSON lines (through FireLens).
func goAPI() *voice {
	paths := []string{"/v1/products/%d", "/v1/search?q=shoes", "/v1/inventory/%d", "/v1/prices", "/v1/recommendations/%d"}
	return &voice{
		gap: [2]time.Duration{300 * time.Millisecond, 1500 * time.Millisecond},
		line: func(s *Sim, _ *task, at time.Time) string {
			p := pick(s.rng, paths...)
			if strings.Contains(p, "%d") {
				p = fmt.Sprintf(p, 100+s.rng.IntN(9000))
			}
			status, level := 200, "INFO"
			if s.rng.IntN(25) == 0 {
				status, level = pick(s.rng, 404, 500, 503), "ERROR"
			}
			return fmt.Sprintf(`{"time":"%s","level":"%s","msg":"request","method":"GET","path":"%s","status":%d,"duration_ms":%d,"request_id":"%s"}`,
				at.UTC().Format(time.RFC3339Nano), level, p, status, 1+s.rng.IntN(60), s.uuid())
		},
		start: func(_ *Sim, _ *task, at time.Time) []string {
			return []string{fmt.Sprintf(`{"time":"%s","level":"INFO","msg":"listening","addr":":8000","version":"3.8.2"}`, at.UTC().Format(time.RFC3339Nano))}
		},
	}
}

func fluentTime(at time.Time) string { return at.UTC().Format("[2006/01/02 15:04:05]") }

// fluentBit is the FireLens log router.
func fluentBit(group, prefix string) *voice {
	return &voice{
		gap: [2]time.Duration{2 * time.Minute, 10 * time.Minute},
		line: func(s *Sim, _ *task, at time.Time) string {
			return fmt.Sprintf("%s [ info] [output:cloudwatch_logs:cloudwatch_logs.0] Sent %d events to CloudWatch", fluentTime(at), 50+s.rng.IntN(400))
		},
		start: func(_ *Sim, t *task, at time.Time) []string {
			ts := fluentTime(at)
			stream := prefix + "app-firelens-" + t.m.ID
			return []string{
				"Fluent Bit v1.9.10", "* Copyright (C) 2015-2022 The Fluent Bit Authors",
				ts + " [ info] [fluent bit] version=1.9.10, commit=6345fd1e40, pid=1",
				ts + " [ info] [input:forward:forward.1] listening on unix:///var/run/fluent.sock",
				ts + " [ info] [output:cloudwatch_logs:cloudwatch_logs.0] worker #0 started",
				ts + " [ info] [output:cloudwatch_logs:cloudwatch_logs.0] Creating log stream " + stream + " in log group " + group,
				ts + " [ info] [output:cloudwatch_logs:cloudwatch_logs.0] Created log stream " + stream,
			}
		},
	}
}

// springCheckout is a Java service.
func springCheckout() *voice {
	return &voice{
		gap: [2]time.Duration{500 * time.Millisecond, 3 * time.Second},
		line: func(s *Sim, _ *task, at time.Time) string {
			ts := at.UTC().Format("2006-01-02T15:04:05.000Z")
			if s.rng.IntN(30) == 0 {
				return ts + " WARN 1 --- [nio-8080-exec-" + itoa(1+s.rng.IntN(10)) + "] c.e.checkout.PaymentClient : payment provider slow, retrying (attempt 2/3)"
			}
			return fmt.Sprintf("%s  INFO 1 --- [nio-8080-exec-%d] c.e.checkout.CheckoutController : %s in %dms cart=%s",
				ts, 1+s.rng.IntN(10), pick(s.rng, "POST /checkout/session 201", "GET /checkout/session/"+s.hex(8)+" 200", "POST /checkout/confirm 200"), 20+s.rng.IntN(300), s.hex(10))
		},
		start: func(_ *Sim, _ *task, at time.Time) []string {
			ts := at.UTC().Format("2006-01-02T15:04:05.000Z")
			return []string{
				ts + "  INFO 1 --- [           main] c.e.checkout.CheckoutApplication         : Starting CheckoutApplication v5.2.0 using Java 21.0.3",
				ts + "  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'",
			}
		},
	}
}

func datadogAgent() *voice {
	checks := []string{"cpu", "memory", "network", "ecs_fargate", "io"}
	return &voice{
		gap: [2]time.Duration{15 * time.Second, time.Minute},
		line: func(s *Sim, _ *task, at time.Time) string {
			return fmt.Sprintf("%s | CORE | INFO | (pkg/collector/worker/check_logger.go:71 in CheckStarted) | check:%s | Running check...",
				at.UTC().Format("2006-01-02 15:04:05 MST"), pick(s.rng, checks...))
		},
	}
}

func reportRunner() *voice {
	return &voice{
		gap: [2]time.Duration{10 * time.Second, 40 * time.Second},
		line: func(s *Sim, _ *task, at time.Time) string {
			return fmt.Sprintf("%s INFO  report-runner: rendered report id=%s kind=%s pages=%d in %.1fs",
				at.UTC().Format(time.RFC3339), s.hex(8), pick(s.rng, "invoice", "monthly-usage", "payout"), 1+s.rng.IntN(40), 0.3+s.rng.Float64()*5)
		},
	}
}

func nightlyReport() *voice {
	return &voice{
		gap: [2]time.Duration{5 * time.Second, 20 * time.Second},
		line: func(s *Sim, _ *task, at time.Time) string {
			return fmt.Sprintf("%s [nightly] processed batch %d (%d rows) from s3://example-exports/%s/",
				at.UTC().Format(time.RFC3339), s.rng.IntN(5000), 10000+s.rng.IntN(5000), at.UTC().Format("2006-01-02"))
		},
		done: func(_ *Sim, _ *task, at time.Time) []string {
			return []string{at.UTC().Format(time.RFC3339) + " [nightly] all batches done, report uploaded to s3://example-reports/nightly/" + at.UTC().Format("2006-01-02") + ".csv.gz"}
		},
	}
}
