package model

import (
	"testing"
	"time"
)

func TestAge(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{-5 * time.Second, "0s"},
		{0, "0s"},
		{45 * time.Second, "45s"},
		{59*time.Second + 999*time.Millisecond, "59s"},
		{time.Minute, "1m"},
		{12*time.Minute + 30*time.Second, "12m"},
		{time.Hour, "1h"},
		{3*time.Hour + 5*time.Minute + 10*time.Second, "3h5m"},
		{24 * time.Hour, "1d"},
		{2*24*time.Hour + 4*time.Hour + 59*time.Minute, "2d4h"},
		{400 * 24 * time.Hour, "400d"},
	} {
		if got := Age(tc.d); got != tc.want {
			t.Errorf("Age(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestAgeSince(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if got := AgeSince(time.Time{}, now); got != "-" {
		t.Errorf("zero time: %q", got)
	}
	if got := AgeSince(now.Add(-90*time.Minute), now); got != "1h30m" {
		t.Errorf("90m ago: %q", got)
	}
}

func TestSizes(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{MiB(0), "0 MiB"},
		{MiB(512), "512 MiB"},
		{MiB(1024), "1 GiB"},
		{MiB(1536), "1.5 GiB"},
		{MiB(30720), "30 GiB"},
		{MemoryField(""), "-"},
		{MemoryField("2048"), "2 GiB"},
		{MemoryField("lots"), "lots"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestCPU(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{CPU(1024), "1 vCPU"},
		{CPU(256), ".25 vCPU"},
		{CPU(512), ".5 vCPU"},
		{CPU(1536), "1.5 vCPU"},
		{CPU(4096), "4 vCPU"},
		{CPU(0), "0 vCPU"},
		{CPU(2), "<.01 vCPU"},
		{CPU(128), ".12 vCPU"}, // 0.125, rounded half to even
		{CPUField("256"), ".25 vCPU"},
		{CPUField(""), "-"},
		{CPUField("1 vCPU"), "1 vCPU"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
