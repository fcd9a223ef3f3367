package ui

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/aws/awstest"
	"github.com/ecsdeck/ecsdeck/demo"
	"github.com/ecsdeck/ecsdeck/model"
)

// hostile is what a name or message from AWS could carry to attack the
// terminal that draws it: OSC 52 sets the clipboard, CSI 2J clears the
// screen.
const hostile = "\x1b]52;c;ZXZpbA==\x07\x1b[2J"

// renamingProxy stands between the client and the demo endpoint and puts
// hostile into every "prod" the demo says: JSON replies say
// "prod"+hostile, and requests say "prod" again, so the demo still finds
// its cluster. Every ECS string with "prod" in it — the cluster's name
// and ARN, the ARNs of its services and tasks, task definition families —
// reaches ecsdeck through the real client as AWS would send it.
type renamingProxy struct {
	url string

	mu   sync.Mutex
	fail map[string]string // operation → JSON error body for its next request
}

func startRenamingProxy(t *testing.T, demoURL string) *renamingProxy {
	t.Helper()
	target, err := url.Parse(demoURL)
	if err != nil {
		t.Fatal(err)
	}
	quoted, _ := json.Marshal("prod" + hostile)
	inJSON := bytes.Trim(quoted, `"`) // as the SDK and the demo escape it
	p := &renamingProxy{fail: map[string]string{}}
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.ModifyResponse = func(resp *http.Response) error {
		if !strings.Contains(resp.Header.Get("Content-Type"), "json") {
			return nil // STS answers in XML, which cannot carry an ESC
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		body = bytes.ReplaceAll(body, []byte("prod"), inJSON)
		resp.Body = io.NopCloser(bytes.NewReader(body))
		resp.ContentLength = int64(len(body))
		resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
		return nil
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, op, _ := strings.Cut(r.Header.Get("X-Amz-Target"), ".")
		if body, ok := p.takeFailure(op); ok {
			w.Header().Set("Content-Type", "application/x-amz-json-1.1")
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, body)
			return
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		body = bytes.ReplaceAll(body, inJSON, []byte("prod"))
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	p.url = srv.URL
	return p
}

// failNext answers the next request for op with an AWS error.
func (p *renamingProxy) failNext(op, code, message string) {
	body, _ := json.Marshal(map[string]string{"__type": code, "message": message})
	p.mu.Lock()
	defer p.mu.Unlock()
	p.fail[op] = string(body)
}

func (p *renamingProxy) takeFailure(op string) (string, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	body, ok := p.fail[op]
	delete(p.fail, op)
	return body, ok
}

// onlyStyles fails the test if s holds any terminal control other than
// SGR styling (ESC [ params m) and line breaks: no OSC, no cursor or
// screen control, no BEL, no C1 control.
func onlyStyles(t *testing.T, where, s string) {
	t.Helper()
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			j := i + 1
			if j < len(s) && s[j] == '[' {
				j++
				for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
					j++
				}
				if j < len(s) && s[j] == 'm' {
					i = j + 1
					continue
				}
			}
			t.Fatalf("%s: a control sequence that is not a style reaches the terminal at byte %d: %q\nscreen:\n%s",
				where, i, s[i:min(len(s), i+16)], s)
		case r == '\n':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			t.Fatalf("%s: control character %U reaches the terminal at byte %d\nscreen:\n%s", where, r, i, s)
		}
		i += size
	}
}

// TestAWSStringsNeverReachTheTerminalRaw drives the App against the demo
// behind renamingProxy, so a cluster whose name carries OSC 52 and a
// clear-screen reaches every place the UI draws AWS strings: table cells,
// crumbs and view titles, the header's cluster and account, flash messages
// that quote AWS's error text, describe in JSON and YAML, command-line
// completion and a table's empty text. After each step the whole frame
// must hold no control sequence but styles.
func TestAWSStringsNeverReachTheTerminalRaw(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the demo endpoint")
	}
	srv, _ := awstest.StartDemo(t, demo.Options{Manual: true, Start: demoStart})
	proxy := startRenamingProxy(t, srv.URL())
	cfg := awstest.DemoConfig(srv)
	cfg.EndpointURL = proxy.url
	client, err := aws.New(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	// in colour: styles are the only sequences allowed
	d := newAppDriver(t, New(Options{Client: client, Refresh: time.Hour}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	d.run(d.app.Init())
	frame := func(where string) {
		t.Helper()
		onlyStyles(t, where, d.app.View().Content)
	}
	evil := "prod" + hostile

	d.waitFor("the clusters, and their names told to the App", func(s string) bool {
		return strings.Contains(s, "staging") && strings.Contains(s, "prod") && len(d.app.clusters) == 3
	})
	if !strings.Contains(strings.Join(d.app.clusters, ","), evil) {
		t.Fatalf("the hostile name did not reach the App (cluster names %q): the test proves nothing", d.app.clusters)
	}
	frame("clusters table")

	d.send(identityMsg{id: model.Identity{Account: "123456789012" + hostile, ARN: "arn:aws:iam::123456789012:user/" + hostile}})
	frame("header account")

	d.send(press(":"))
	typeText(d.app, "svc ")
	d.send(press("tab"))
	if !strings.Contains(strings.Join(d.app.candidates, ","), "svc "+evil) {
		t.Fatalf("completion candidates %q lack the hostile cluster", d.app.candidates)
	}
	frame("completion candidates")
	d.send(press("esc"))

	d.send(press("down")) // batch, prod, staging
	d.send(press("enter"))
	d.waitFor("prod's services", func(s string) bool {
		return strings.Contains(s, "<services(prod)>") && strings.Contains(s, "Cluster: prod") && strings.Contains(s, "worker")
	})
	frame("services crumbs, header cluster and cells")

	d.send(press("d"))
	d.waitFor("the service described", func(s string) bool { return strings.Contains(s, `"clusterArn"`) })
	frame("describe JSON")
	d.send(press("y"))
	d.waitFor("the service described in YAML", func(s string) bool { return strings.Contains(s, "clusterArn:") })
	frame("describe YAML")
	d.send(press("esc"))
	// The services refresh on coming back; a ctrl-r while that one runs
	// would be ignored, and the failures below would go unasked for.
	d.waitUntil("the services' refresh on coming back", func() string { return screen(d.app) }, func(m tea.Msg) bool {
		r, ok := m.(viewRefreshMsg)
		return ok && r.e == d.app.top()
	})

	// One call denied: the flash says so, the rows stay, the header says stale.
	proxy.failNext("ListServices", "AccessDeniedException",
		"User: arn:aws:sts::123456789012:assumed-role/ops/"+hostile+" is not authorized to perform: ecs:ListServices on resource: "+evil)
	d.send(press("ctrl+r"))
	d.waitFor("access denied in the flash line, rows kept, stale header", func(s string) bool {
		return strings.Contains(s, "access denied for ecs:ListServices") && strings.Contains(s, "stale: access denied") &&
			strings.Contains(s, "worker")
	})
	frame("access denied")

	// An error whose text the flash line quotes.
	proxy.failNext("ListServices", "InvalidParameterException", "Cluster "+evil+" is not valid"+hostile)
	d.send(press("ctrl+r"))
	d.waitFor("AWS's error text in the flash line", func(s string) bool {
		return strings.Contains(s, "rejected: Cluster prod is not valid")
	})
	frame("flash quoting AWS")

	// a Fargate cluster has no instances: the empty text names the cluster
	d.send(press(":"))
	typeText(d.app, "ci")
	d.send(press("enter"))
	d.waitFor("no instances in prod", func(s string) bool { return strings.Contains(s, "no container instances registered to prod") })
	frame("empty text")
}
