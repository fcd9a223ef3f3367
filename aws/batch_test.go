package aws

import (
	"slices"
	"testing"
)

func TestChunk(t *testing.T) {
	refs := make([]string, 25)
	got := chunk(refs, 10)
	if len(got) != 3 || len(got[0]) != 10 || len(got[2]) != 5 {
		t.Errorf("chunk(25, 10) sizes = %d batches", len(got))
	}
	if chunk(nil, 10) != nil {
		t.Error("chunk(nil) is not empty")
	}
}

func TestInRefOrder(t *testing.T) {
	refs := []string{"arn:x/task/c/aaa", "bbb", "arn:x/task/c/ccc"}
	items := []string{"arn:x/task/c/ccc", "arn:x/task/c/zzz", "arn:x/task/c/bbb", "arn:x/task/c/aaa"}
	got := inRefOrder(refs, items, func(s string) string { return s })
	want := []string{"arn:x/task/c/aaa", "arn:x/task/c/bbb", "arn:x/task/c/ccc", "arn:x/task/c/zzz"}
	if !slices.Equal(got, want) {
		t.Errorf("inRefOrder = %v, want %v", got, want)
	}
}
