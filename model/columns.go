package model

import (
	"strconv"
	"strings"
	"time"
)

// Column describes one column of a resource table: its title, how it is
// laid out, and which shift-letter sort key sorts by it.
type Column struct {
	Title    string
	MinWidth int
	Flex     bool // shares the width the other columns leave
	Right    bool // right-aligned (counts, sizes)
	// NoTruncate: the column is always as wide as its widest cell. For IDs
	// of a bounded length that people copy into the CLI (task IDs, EC2
	// instance IDs): a cut ID is useless.
	NoTruncate bool
	// Shed > 0: a column of secondary detail, left out whole (the highest
	// Shed first) when the screen is too narrow to show every column
	// uncut, rather than cutting every value.
	Shed int
	// Sort is the shift-letter key that sorts by this column: the first
	// press sorts ascending by the rows' SortKeys for it, the next
	// descending.
	Sort SortKey
	// SortDefault: the table starts sorted by this column, ascending.
	SortDefault bool
}

// SortKey names the shift-letter key that sorts by a column.
type SortKey int

const (
	SortNone   SortKey = iota
	SortName           // N
	SortStatus         // S
	SortAge            // A
)

// Row is one resource as table cells. SortKeys hold, per column, the value
// to sort by when the cell text would sort wrongly ("" = the cell): numbers
// for counts and sizes, a number that grows with age for ages, a severity
// rank for statuses so that problems come first.
type Row struct {
	ID       string
	Cells    []string
	SortKeys []string
	State    State
}

// none is what a cell shows when AWS gave no value.
const none = "-"

func orNone(s string) string {
	if s == "" {
		return none
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// ageKey sorts ages ascending (youngest first): the negated creation time
// in seconds. An unknown time sorts as the oldest.
func ageKey(t time.Time) string {
	if t.IsZero() {
		return "0"
	}
	return strconv.FormatInt(-t.Unix(), 10)
}

// statusKey sorts by severity, then by the status text.
func statusKey(s State, status string) string {
	return strconv.Itoa(severity[s]) + " " + status
}

// severity ranks states worst first.
var severity = map[State]int{
	StateError:   0,
	StateWarn:    1,
	StatePending: 2,
	StateOK:      3,
	StateNormal:  4,
	StateStopped: 5,
}

// numKey is the sort key of a numeric ECS string such as "256": the number,
// or "" (sort by the cell) when it is not one.
func numKey(s string) string {
	if _, err := strconv.Atoi(s); err != nil {
		return ""
	}
	return s
}

// ResourceID is the last part of an ARN, the name people use:
// "arn:...:task/prod/abc" → "abc", "arn:...:task-definition/web:7" → "web:7".
// Anything that is not an ARN is returned as it is.
func ResourceID(arn string) string {
	if i := strings.LastIndexByte(arn, '/'); i >= 0 {
		return arn[i+1:]
	}
	return arn
}
