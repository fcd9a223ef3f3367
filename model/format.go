package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Age formats a duration the way k9s does: the largest unit and, from
// hours on, the next one: 45s, 12m, 3h5m, 2d4h. Negative durations (clock
// skew) read as 0s.
func Age(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64(d / time.Second)
	switch {
	case s < 60:
		return fmt.Sprintf("%ds", s)
	case s < 3600:
		return fmt.Sprintf("%dm", s/60)
	case s < 86400:
		return twoUnits(s/3600, "h", s%3600/60, "m")
	default:
		return twoUnits(s/86400, "d", s%86400/3600, "h")
	}
}

func twoUnits(a int64, ua string, b int64, ub string) string {
	if b == 0 {
		return fmt.Sprintf("%d%s", a, ua)
	}
	return fmt.Sprintf("%d%s%d%s", a, ua, b, ub)
}

// AgeSince is Age(now - t), or "-" when t is unknown (zero).
func AgeSince(t, now time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return Age(now.Sub(t))
}

// MiB formats a size in MiB as ECS gives memory: 512 MiB, 2 GiB, 1.5 GiB.
func MiB(n int) string {
	if n < 1024 {
		return fmt.Sprintf("%d MiB", n)
	}
	return trimDecimals(float64(n)/1024, 1) + " GiB"
}

// CPU formats ECS CPU units as vCPUs (1024 units = 1 vCPU): 1 vCPU,
// .25 vCPU, 1.5 vCPU.
func CPU(units int) string {
	if units > 0 && units < 10 {
		return "<.01 vCPU"
	}
	s := trimDecimals(float64(units)/1024, 2)
	if strings.HasPrefix(s, "0.") {
		s = s[1:] // k9s-style ".25"
	}
	return s + " vCPU"
}

// CPUField formats a CPU value as ECS returns it ("256"); "" reads "-",
// anything that is not a number is shown as it is.
func CPUField(s string) string {
	return numericField(s, CPU)
}

// MemoryField formats a memory value in MiB as ECS returns it ("512").
func MemoryField(s string) string {
	return numericField(s, MiB)
}

func numericField(s string, format func(int) string) string {
	if s == "" {
		return "-"
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return s
	}
	return format(n)
}

// trimDecimals formats v with at most prec decimals and no trailing zeros.
func trimDecimals(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
