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
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return sortKey{num: f, isNum: true, text: s}
	}
	return sortKey{text: strings.ToLower(s)}
}

// compare orders numbers numerically and before text, text
// case-insensitively.
func (a sortKey) compare(b sortKey) int {
	switch {
	case a.isNum && b.isNum:
		return cmp.Compare(a.num, b.num)
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

// sortRows sorts all rows by the sort column, ties by ID.
func (t *Table) sortRows() {
	if t.sortCol < 0 {
		return
	}
	keys := make([]sortKey, len(t.rows))
	order := make([]int, len(t.rows))
	for i := range t.rows {
		keys[i] = makeSortKey(t.rows[i].sortText(t.sortCol))
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		c := keys[a].compare(keys[b])
		if t.sortDesc {
			c = -c
		}
		if c != 0 {
			return c
		}
		return strings.Compare(t.rows[a].ID, t.rows[b].ID)
	})
	sorted := make([]tableRow, len(t.rows))
	for i, j := range order {
		sorted[i] = t.rows[j]
	}
	t.rows = sorted
}

// applyFilter recomputes which rows are shown, in sort order.
func (t *Table) applyFilter() {
	q, invert := parseFilter(t.filter)
	t.shown = t.shown[:0]
	for i := range t.rows {
		if q == "" || strings.Contains(t.rows[i].lowered(), q) != invert {
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

// lowered returns the row's cells lower-cased and joined, built once.
// The separator cannot be typed, so a match never spans two cells.
func (r *tableRow) lowered() string {
	if r.haystack == "" {
		r.haystack = strings.ToLower(strings.Join(r.Cells, "\x00"))
	}
	return r.haystack
}
