package ui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// sortKey is one row's comparable value for the sorted column.
type sortKey struct {
	num   float64
	isNum bool
	text  string
}

func makeSortKey(s string) sortKey {
	if isDecimal(s) {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return sortKey{num: f, isNum: true, text: s}
		}
	}
	return sortKey{text: strings.ToLower(s)}
}

// isDecimal reports whether s is a plain decimal number ("12", "-3",
// "0.25"): no exponent, so IDs like "1e10" stay text.
func isDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

// compare orders numbers numerically and before text, text
// case-insensitively.
func (a sortKey) compare(b sortKey) int {
	switch {
	case a.isNum && b.isNum:
		if c := cmp.Compare(a.num, b.num); c != 0 {
			return c
		}
	case a.isNum != b.isNum:
		if a.isNum {
			return -1
		}
		return 1
	}
	return strings.Compare(a.text, b.text)
}

func (r *tableRow) sortText(col int) string {
	if col < len(r.SortKeys) && r.SortKeys[col] != "" {
		return r.SortKeys[col]
	}
	return r.Cells[col]
}

// sortRows orders the rows by the sort column, ties by ID; with no sort
// column, in the order given.
func (t *Table) sortRows() {
	t.order = t.order[:0]
	for i := range t.rows {
		t.order = append(t.order, i)
	}
	if t.sortCol < 0 {
		return
	}
	keys := make([]sortKey, len(t.rows))
	for i := range t.rows {
		keys[i] = makeSortKey(t.rows[i].sortText(t.sortCol))
	}
	slices.SortFunc(t.order, func(a, b int) int {
		c := keys[a].compare(keys[b])
		if t.sortDesc {
			c = -c
		}
		if c != 0 {
			return c
		}
		return strings.Compare(t.rows[a].ID, t.rows[b].ID)
	})
}

// applyFilter recomputes which rows are shown, in sort order.
func (t *Table) applyFilter() {
	q, invert := parseFilter(t.filter)
	t.shown = t.shown[:0]
	if q == "" {
		t.shown = append(t.shown, t.order...)
		return
	}
	t.buildHaystacks()
	for _, i := range t.order {
		if strings.Contains(t.rows[i].haystack, q) != invert {
			t.shown = append(t.shown, i)
		}
	}
}

// parseFilter lower-cases the query and strips the "!" that inverts it.
// A lone "!" filters nothing.
func parseFilter(f string) (q string, invert bool) {
	if strings.HasPrefix(f, "!") {
		f, invert = f[1:], true
	}
	return strings.ToLower(f), invert
}

// buildHaystacks gives every row its cells lower-cased and joined by a
// separator that cannot be typed, so a match never spans two cells. All
// rows share one string: one allocation for a 20,000-row refresh. Built
// only once a filter is in use.
func (t *Table) buildHaystacks() {
	if t.haystacks {
		return
	}
	n := 0
	for i := range t.rows {
		for _, c := range t.rows[i].Cells {
			n += len(c) + 1
		}
	}
	buf := make([]byte, 0, n)
	ends := make([]int, len(t.rows))
	for i := range t.rows {
		for _, c := range t.rows[i].Cells {
			buf = appendLower(buf, c)
			buf = append(buf, 0)
		}
		ends[i] = len(buf)
	}
	all, start := string(buf), 0
	for i := range t.rows {
		t.rows[i].haystack = all[start:ends[i]]
		start = ends[i]
	}
	t.haystacks = true
}

func appendLower(buf []byte, s string) []byte {
	start := len(buf)
	buf = append(buf, s...)
	for i := start; i < len(buf); i++ {
		c := buf[i]
		if c >= 0x80 {
			return append(buf[:start], strings.ToLower(s)...)
		}
		if c >= 'A' && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	return buf
}
