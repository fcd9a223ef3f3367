package sim

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// collect pages through a listing of ARNs with the given page size.
func collect(t *testing.T, what string, limit int, page func(after string, limit int) ([]string, bool, error)) []string {
	t.Helper()
	return collectPages(t, what, limit, page, func(arn string) string { return arn })
}

// collectPages pages through a listing whose pages continue after the key
// of their last item, and checks every page: at most limit items, more set
// on every page but the last.
func collectPages[T any](t *testing.T, what string, limit int, page func(after string, limit int) ([]T, bool, error), key func(T) string) []T {
	t.Helper()
	var out []T
	after := ""
	for range 100000 {
		items, more, err := page(after, limit)
		if err != nil {
			t.Fatalf("%s after %q: %v", what, after, err)
		}
		if len(items) > limit || more && len(items) != limit {
			t.Fatalf("%s: a page of %d (more %v) with limit %d", what, len(items), more, limit)
		}
		out = append(out, items...)
		if !more {
			return out
		}
		after = key(items[len(items)-1])
	}
	t.Fatalf("%s: paging did not end", what)
	return nil
}

// Pages of every size, with every filter, add up to the whole listing.
func TestPagesAddUpToTheListing(t *testing.T) {
	s := New(t0, Config{Seed: 7, LoadServices: 30, LoadTasksPerService: 7})
	web := getService(t, s, "prod", "web")
	instances, _ := s.ContainerInstanceARNs("batch", "")
	for _, tt := range []struct {
		cluster string
		f       TaskFilter
	}{
		{"prod", TaskFilter{}},
		{"prod", TaskFilter{DesiredStatus: "STOPPED"}},
		{"prod", TaskFilter{ServiceName: "web"}},
		{"prod", TaskFilter{StartedBy: web.Deployments[0].ID}},
		{"prod", TaskFilter{ServiceName: "api", DesiredStatus: "STOPPED"}},
		{"batch", TaskFilter{LaunchType: "EC2"}},
		{"batch", TaskFilter{ContainerInstance: instances[0]}},
		{"batch", TaskFilter{ContainerInstance: "nope"}},
		{"load", TaskFilter{}},
		{"load", TaskFilter{ServiceName: "svc-0007"}},
		{"load", TaskFilter{Family: "load-app", LaunchType: "FARGATE"}},
		{"load", TaskFilter{LaunchType: "EC2"}},
	} {
		want, err := s.TaskARNs(tt.cluster, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int{1, 2, 7, 100, len(want), len(want) + 1} {
			if limit < 1 {
				continue
			}
			got := collect(t, "tasks", limit, func(after string, limit int) ([]string, bool, error) {
				return s.TaskARNPage(tt.cluster, tt.f, after, limit)
			})
			if !slices.Equal(got, want) {
				t.Errorf("%s %+v in pages of %d: %d ARNs, want the %d listed", tt.cluster, tt.f, limit, len(got), len(want))
			}
		}
	}
	if all, _ := s.TaskARNs("load", TaskFilter{}); len(all) != 30*7 || !slices.IsSorted(all) {
		t.Errorf("load lists %d tasks, want %d sorted", len(all), 30*7)
	}

	for _, launchType := range []string{"", "FARGATE", "EC2"} {
		want, _ := s.ServiceARNs("load", launchType)
		for _, limit := range []int{1, 10, 30, 100} {
			got := collect(t, "services", limit, func(after string, limit int) ([]string, bool, error) {
				return s.ServiceARNPage("load", launchType, after, limit)
			})
			if !slices.Equal(got, want) {
				t.Errorf("%q services in pages of %d = %d, want %d", launchType, limit, len(got), len(want))
			}
		}
	}
	for _, status := range []string{"", "ACTIVE", "DRAINING"} {
		want, _ := s.ContainerInstanceARNs("batch", status)
		got := collect(t, "instances", 1, func(after string, limit int) ([]string, bool, error) {
			return s.ContainerInstanceARNPage("batch", status, after, limit)
		})
		if !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("%q instances one by one = %v, want %v", status, got, want)
		}
	}

	if _, _, err := s.TaskARNPage("prod", TaskFilter{}, "", 0); !errors.Is(err, ErrInvalidParameter) {
		t.Errorf("a page of 0 = %v, want invalid", err)
	}
	if _, _, err := s.ServiceARNPage("nope", "", "", 10); !errors.Is(err, ErrClusterNotFound) {
		t.Errorf("services of an unknown cluster = %v", err)
	}
	if _, _, err := s.TaskARNPage("prod", TaskFilter{ServiceName: "nope"}, "", 10); !errors.Is(err, ErrServiceNotFound) {
		t.Errorf("tasks of an unknown service = %v", err)
	}
}

// A page starts after the ARN the last one ended on, whether that task
// still runs or not, and sees tasks that started in between.
func TestPagesContinueAfterTheLastARN(t *testing.T) {
	s := newSim(t)
	all, _ := s.TaskARNs("prod", TaskFilter{})
	if len(all) < 6 {
		t.Fatalf("prod runs %d tasks", len(all))
	}
	first, more, err := s.TaskARNPage("prod", TaskFilter{}, "", 3)
	if err != nil || !more || !slices.Equal(first, all[:3]) {
		t.Fatalf("first page = %v, %v, %v", first, more, err)
	}
	// The last task of the page and the next one stop; the services
	// start replacements, which land anywhere in ARN order.
	for _, arn := range all[2:4] {
		if _, err := s.StopTask("prod", arn, "paging test"); err != nil {
			t.Fatal(err)
		}
	}
	s.Advance(s.Now().Add(time.Minute))
	now, _ := s.TaskARNs("prod", TaskFilter{})
	rest := collect(t, "the rest", 3, func(after string, limit int) ([]string, bool, error) {
		if after == "" {
			after = first[2]
		}
		return s.TaskARNPage("prod", TaskFilter{}, after, limit)
	})
	i, _ := slices.BinarySearch(now, first[2])
	if !slices.Equal(rest, now[i:]) {
		t.Errorf("after %s: %v, want the tasks running now after it %v", first[2], rest, now[i:])
	}

	// After an ARN that was never listed: the first ARN ordered after it.
	between := all[4] + "x"
	page, _, err := s.TaskARNPage("prod", TaskFilter{}, between, 1)
	j, _ := slices.BinarySearch(now, between)
	if want := now[j:min(j+1, len(now))]; err != nil || !slices.Equal(page, want) {
		t.Errorf("after %s = %v, %v", between, page, err)
	}
	if page, more, err := s.TaskARNPage("prod", TaskFilter{}, now[len(now)-1], 5); err != nil || len(page) != 0 || page == nil || more {
		t.Errorf("after the last ARN = %#v, %v, %v; want an empty page", page, more, err)
	}
}

// A page costs what it holds: it allocates as much on a cluster of
// thousands of tasks as on one of a dozen, wherever it starts.
func TestTaskARNPageDoesNotCopyTheCluster(t *testing.T) {
	s := New(t0, Config{Seed: 7, LoadServices: 200, LoadTasksPerService: 10})
	load, _ := s.TaskARNs("load", TaskFilter{})
	prod, _ := s.TaskARNs("prod", TaskFilter{})
	allocs := func(cluster, after string) float64 {
		return testing.AllocsPerRun(20, func() {
			if page, _, err := s.TaskARNPage(cluster, TaskFilter{}, after, 5); err != nil || len(page) != 5 {
				t.Fatalf("page of %s = %v, %v", cluster, page, err)
			}
		})
	}
	small := allocs("prod", "")
	for _, after := range []string{"", load[len(load)/2]} {
		if big := allocs("load", after); big > small {
			t.Errorf("a page of %d tasks after %q takes %v allocations, one of %d tasks %v", len(load), after, big, len(prod), small)
		}
	}
}
