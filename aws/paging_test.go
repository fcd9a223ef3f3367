package aws

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

// tokenCycle is an endpoint whose list pages hold nothing and whose next
// tokens go "" → A → B → A …, for every List and Describe operation. After
// ten pages it ends the list, so a client without the guard finishes too
// (and fails the test) instead of paging for ever.
type tokenCycle struct{ requests atomic.Int64 }

func (tc *tokenCycle) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var in struct {
		NextToken string `json:"nextToken"`
	}
	_ = json.NewDecoder(r.Body).Decode(&in)
	next := map[string]string{"": "A", "A": "B", "B": "A"}[in.NextToken]
	if tc.requests.Add(1) >= 10 {
		next = ""
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_ = json.NewEncoder(w).Encode(map[string]string{"nextToken": next})
}

func TestListStopsOnARepeatedToken(t *testing.T) {
	ctx := context.Background()
	for name, list := range map[string]func(c *Client) error{
		"Clusters":           func(c *Client) error { _, err := c.Clusters(ctx); return err },
		"Services":           func(c *Client) error { _, err := c.Services(ctx, "prod"); return err },
		"Tasks":              func(c *Client) error { _, err := c.Tasks(ctx, "prod", TaskQuery{}); return err },
		"ContainerInstances": func(c *Client) error { _, err := c.ContainerInstances(ctx, "batch"); return err },
		"TaskDefinitionARNs": func(c *Client) error { _, err := c.TaskDefinitionARNs(ctx, ""); return err },
		"LogGroups":          func(c *Client) error { _, err := c.LogGroups(ctx, ""); return err },
		"LogStreams":         func(c *Client) error { _, err := c.LogStreams(ctx, "/ecs/web", ""); return err },
	} {
		t.Run(name, func(t *testing.T) {
			tc := &tokenCycle{}
			err := list(startHandler(t, Config{}, tc))
			var e *Error
			if !errors.As(err, &e) || e.Code != "RepeatedNextToken" {
				t.Fatalf("err = %v, want a repeated-token error", err)
			}
			// "" → A, A → B, B → A: the third page repeats A.
			if n := tc.requests.Load(); n != 3 {
				t.Errorf("%d requests, want 3", n)
			}
			if msg := e.UserMessage(); !strings.Contains(msg, "page token it had given before") {
				t.Errorf("UserMessage = %q", msg)
			}
		})
	}
}
