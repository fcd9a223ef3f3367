package aws

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestAccessDeniedFromTheWire(t *testing.T) {
	_, c := startFake(t, Config{}, map[string]fakeAnswer{"": {status: 400,
		body: `{"__type":"AccessDeniedException","message":"User: arn:aws:iam::123456789012:user/bob is not authorized to perform: ecs:ListClusters"}`}})
	_, err := c.Clusters(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindAccessDenied || e.Op != "ecs:ListClusters" {
		t.Fatalf("err = %#v", err)
	}
	if want := "access denied for ecs:ListClusters — your role lacks this permission"; e.UserMessage() != want {
		t.Errorf("UserMessage = %q, want %q", e.UserMessage(), want)
	}
}

func TestExpiredTokenFromTheWire(t *testing.T) {
	f, c := startFake(t, Config{Profile: "prod"}, map[string]fakeAnswer{"": {status: 400,
		body: `{"__type":"ExpiredTokenException","message":"The security token included in the request is expired"}`}})
	_, err := c.Services(context.Background(), "prod")
	if KindOf(err) != KindCredentials {
		t.Fatalf("err = %v (kind %v), want credentials", err, KindOf(err))
	}
	if n := f.requests.Load(); n != 1 {
		t.Errorf("%d requests, want 1: an expired token is not retried", n)
	}
}

func TestThrottlingRetriedThenReported(t *testing.T) {
	f, c := startFake(t, Config{}, map[string]fakeAnswer{"": {status: 400,
		body: `{"__type":"ThrottlingException","message":"Rate exceeded"}`}})
	_, err := c.Cluster(context.Background(), "prod")
	if KindOf(err) != KindThrottled {
		t.Fatalf("err = %v (kind %v), want throttled", err, KindOf(err))
	}
	if n := f.requests.Load(); n != maxAttempts {
		t.Errorf("%d requests, want %d attempts", n, maxAttempts)
	}
}

// An answer that is not AWS's — a proxy's error page, an emulator's odd
// JSON — is said to be so, not shown as the SDK's decoding error.
func TestNotAnAWSAnswerFromTheWire(t *testing.T) {
	for _, tc := range []struct {
		answer   fakeAnswer
		attempts int64
		want     string
	}{
		{fakeAnswer{status: 502, body: "<html>Bad Gateway</html>"}, maxAttempts,
			"ecs:ListClusters failed: the endpoint answered HTTP 502 with something that is not an AWS response — check --endpoint-url and any proxy on the way"},
		{fakeAnswer{status: 404, body: "<html>Not Found</html>"}, 1,
			"ecs:ListClusters failed: the endpoint answered HTTP 404 with something that is not an AWS response — check --endpoint-url and any proxy on the way"},
		{fakeAnswer{status: 200, body: `{"clusterArns": 12}`}, 1,
			"ecs:ListClusters failed: the endpoint's answer is not an AWS response ecsdeck can read (expected '[', got 12) — check --endpoint-url"},
	} {
		f, c := startFake(t, Config{}, map[string]fakeAnswer{"": tc.answer})
		_, err := c.Clusters(context.Background())
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("HTTP %d: err %v is no *Error", tc.answer.status, err)
		}
		if e.Code != "BadResponse" || e.UserMessage() != tc.want {
			t.Errorf("HTTP %d %s: code %s, UserMessage %q; want %q", tc.answer.status, tc.answer.body, e.Code, e.UserMessage(), tc.want)
		}
		if n := f.requests.Load(); n != tc.attempts {
			t.Errorf("HTTP %d: %d requests, want %d", tc.answer.status, n, tc.attempts)
		}
	}
}

func TestTimeoutBoundsEveryCall(t *testing.T) {
	_, c := startFake(t, Config{CallTimeout: 50 * time.Millisecond}, map[string]fakeAnswer{"": {block: true}})
	_, err := c.Clusters(context.Background())
	if KindOf(err) != KindTimeout {
		t.Fatalf("err = %v (kind %v), want timeout", err, KindOf(err))
	}
}

func TestNetworkErrorOnClosedPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	ln.Close()
	_, err = clientFor(t, url, Config{}).Clusters(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindNetwork {
		t.Fatalf("err = %v (kind %v), want network", err, KindOf(err))
	}
	if want := "cannot reach the ECS endpoint (connection refused) — check your network or --endpoint-url"; e.UserMessage() != want {
		t.Errorf("UserMessage = %q, want %q", e.UserMessage(), want)
	}
}

// A TLS failure is a network error in a few words, not the SDK's chain.
func TestTLSFailuresAreNetworkErrors(t *testing.T) {
	untrusted := httptest.NewUnstartedServer(http.NotFoundHandler())
	untrusted.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshakes it refuses
	untrusted.StartTLS()
	t.Cleanup(untrusted.Close)
	plain := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(plain.Close)
	for endpoint, want := range map[string]string{
		untrusted.URL: "cannot reach the ECS endpoint (its TLS certificate is not trusted: x509: certificate signed by unknown authority)",
		"https://" + plain.Listener.Addr().String(): "cannot reach the ECS endpoint (http: server gave HTTP response to HTTPS client)",
	} {
		_, err := clientFor(t, endpoint, Config{}).Clusters(context.Background())
		var e *Error
		if !errors.As(err, &e) || e.Kind != KindNetwork || !strings.HasPrefix(e.UserMessage(), want) {
			t.Errorf("%s: err %v (kind %v); want a network error saying %q", endpoint, err, KindOf(err), want)
		}
	}
}

func TestReadOnlySendsNothing(t *testing.T) {
	f, c := startFake(t, Config{ReadOnly: true}, map[string]fakeAnswer{"": {status: 200, body: `{}`}})
	n := 3
	_, err1 := c.UpdateService(context.Background(), "prod", "web", ServiceUpdate{DesiredCount: &n})
	_, err2 := c.StopTask(context.Background(), "prod", "0123456789abcdef0123456789abcdef", "")
	for _, err := range []error{err1, err2} {
		if KindOf(err) != KindReadOnly {
			t.Errorf("err = %v, want read-only", err)
		}
	}
	if f.requests.Load() != 0 {
		t.Errorf("%d requests in read-only mode, want 0", f.requests.Load())
	}
	if !c.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
}

const taskDefJSON = `{"taskDefinition":{"taskDefinitionArn":"arn:aws:ecs:us-east-1:123456789012:task-definition/web:7",
 "family":"web","revision":7,"status":"ACTIVE","containerDefinitions":[{"name":"app","image":"nginx"}]}}`

func TestTaskDefinitionFetchedOncePerRevision(t *testing.T) {
	f, c := startFake(t, Config{}, map[string]fakeAnswer{"DescribeTaskDefinition": {status: 200, body: taskDefJSON}})
	const arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7"
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for range 50 {
		wg.Go(func() {
			td, err := c.TaskDefinition(context.Background(), arn)
			if err == nil && (td.ARN != arn || len(td.Containers) != 1 || !td.Containers[0].Essential) {
				err = errors.New("wrong task definition")
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.TaskDefinition(context.Background(), "web:7"); err != nil {
		t.Fatal(err)
	}
	if n := f.requests.Load(); n != 2 {
		t.Errorf("%d DescribeTaskDefinition calls, want 2 (one by ARN, one by family:revision)", n)
	}
	if _, err := c.TaskDefinition(context.Background(), "web:7"); err != nil || f.requests.Load() != 2 {
		t.Errorf("family:revision asked again: err %v, %d calls", err, f.requests.Load())
	}
	if _, err := c.TaskDefinition(context.Background(), "web"); err != nil || f.requests.Load() != 3 {
		t.Errorf("a bare family (latest revision) must not be cached: err %v, %d calls", err, f.requests.Load())
	}
}

// isolateAWSConfig points the SDK at an empty home and config files, with
// IMDS disabled, so the tests neither read the user's ~/.aws nor leave loopback.
func isolateAWSConfig(t *testing.T, config string) {
	home := t.TempDir()
	file := filepath.Join(home, "config")
	if err := os.WriteFile(file, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"HOME": home, "AWS_CONFIG_FILE": file,
		"AWS_SHARED_CREDENTIALS_FILE": filepath.Join(home, "credentials"), "AWS_EC2_METADATA_DISABLED": "true",
		"AWS_PROFILE": "", "AWS_REGION": "", "AWS_DEFAULT_REGION": "", "AWS_ACCESS_KEY_ID": "",
		"AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "", "AWS_ENDPOINT_URL": "",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "",
		"AWS_WEB_IDENTITY_TOKEN_FILE": "", "AWS_ROLE_ARN": ""} {
		t.Setenv(k, v)
	}
}

func TestNoRegion(t *testing.T) {
	isolateAWSConfig(t, "")
	_, err := New(context.Background(), Config{})
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindInvalid || e.Code != "NoRegion" {
		t.Fatalf("err = %v, want a NoRegion error", err)
	}
}

func TestInvalidEndpoint(t *testing.T) {
	isolateAWSConfig(t, "")
	for _, endpoint := range []string{"localhost:4566", "ftp://127.0.0.1:21", "http://[::1", "http://"} {
		_, err := New(context.Background(), Config{Region: "us-east-1", EndpointURL: endpoint})
		var e *Error
		if !errors.As(err, &e) || e.Kind != KindInvalid || e.Code != "InvalidEndpoint" {
			t.Errorf("EndpointURL %q: err %v, want an invalid-endpoint error", endpoint, err)
			continue
		}
		if want := `the endpoint URL "` + endpoint + `" is not an http:// or https:// URL`; !strings.Contains(e.UserMessage(), want) {
			t.Errorf("UserMessage = %q, want it to say %s", e.UserMessage(), want)
		}
	}
	t.Setenv("AWS_ENDPOINT_URL", "127.0.0.1:4566")
	static := &Credentials{AccessKeyID: "a", SecretAccessKey: "b"}
	for _, cfg := range []Config{{Region: "us-east-1"}, {Region: "us-east-1", Static: static}} {
		if _, err := New(context.Background(), cfg); KindOf(err) != KindInvalid {
			t.Errorf("AWS_ENDPOINT_URL without a scheme (static credentials %v): err %v, want invalid", cfg.Static != nil, err)
		}
	}
	for _, endpoint := range []string{"http://127.0.0.1:4566", "https://ecs.eu-west-1.amazonaws.com"} {
		if _, err := New(context.Background(), Config{Region: "us-east-1", EndpointURL: endpoint, Static: static}); err != nil {
			t.Errorf("EndpointURL %q: %v", endpoint, err)
		}
	}
}

func TestUnknownProfile(t *testing.T) {
	isolateAWSConfig(t, "[profile dev]\nregion = eu-west-1\n")
	if _, err := New(context.Background(), Config{Profile: "nope"}); KindOf(err) != KindInvalid {
		t.Fatalf("err = %v, want invalid (profile not found)", err)
	}
	c, err := New(context.Background(), Config{Profile: "dev"})
	if err != nil || c.Region() != "eu-west-1" || c.Profile() != "dev" {
		t.Fatalf("dev profile: %v, %v", c, err)
	}
}

func TestSSOSessionMissing(t *testing.T) {
	isolateAWSConfig(t, `[profile prod]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = ReadOnly
region = eu-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
`)
	t.Setenv("AWS_PROFILE", "prod")
	c, err := newClient(context.Background(), Config{EndpointURL: "http://127.0.0.1:1"}, fastBackoff)
	if err != nil {
		t.Fatal(err)
	}
	if c.Profile() != "prod" || c.Region() != "eu-west-1" {
		t.Errorf("profile %q region %q from AWS_PROFILE", c.Profile(), c.Region())
	}
	_, err = c.Clusters(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindCredentials || e.Code != "SSOTokenExpired" {
		t.Fatalf("err = %v, want an SSO credentials error; underlying %v", err, e.Err)
	}
	if want := "the AWS SSO session for profile prod has expired or is missing — run: aws sso login --profile prod"; e.UserMessage() != want {
		t.Errorf("UserMessage = %q, want %q", e.UserMessage(), want)
	}
}

func TestNoCredentials(t *testing.T) {
	isolateAWSConfig(t, "")
	c, err := newClient(context.Background(), Config{Region: "us-east-1", EndpointURL: "http://127.0.0.1:1"}, fastBackoff)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Clusters(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindCredentials || e.Code != "NoCredentials" {
		t.Fatalf("err = %v (kind %v), want no credentials", err, KindOf(err))
	}
}
