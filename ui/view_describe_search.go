package ui

import (
	"sort"
	"strings"
)

// match is one search hit: bytes [start, end) of a content line.
type match struct{ line, start, end int }

// findMatches finds every non-overlapping occurrence of q in lines,
// ignoring ASCII case (byte offsets stay those of the original text).
func findMatches(lines []string, q string) []match {
	if q == "" {
		return nil
	}
	q = lowerASCII(q)
	var out []match
	for n, line := range lines {
		l := lowerASCII(line)
		for from := 0; ; {
			i := strings.Index(l[from:], q)
			if i < 0 {
				break
			}
			start := from + i
			out = append(out, match{line: n, start: start, end: start + len(q)})
			from = start + len(q)
		}
	}
	return out
}

// lowerASCII lower-cases ASCII letters only, so lengths never change.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// lineMarks marks the bytes of content line `line` (n bytes long) that the
// search found: 0 not, 1 a match, 2 the current match (index cur in ms,
// which is sorted by line and start).
func lineMarks(ms []match, cur, line, n int) []uint8 {
	k := sort.Search(len(ms), func(k int) bool { return ms[k].line >= line })
	if k == len(ms) || ms[k].line != line {
		return nil
	}
	marks := make([]uint8, n)
	for ; k < len(ms) && ms[k].line == line; k++ {
		mark := uint8(1)
		if k == cur {
			mark = 2
		}
		for i := ms[k].start; i < ms[k].end && i < n; i++ {
			marks[i] = mark
		}
	}
	return marks
}
