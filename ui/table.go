package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/ecsdeck/ecsdeck/keymap"
	"github.com/ecsdeck/ecsdeck/model"
)

// The table draws the columns and rows model defines for each resource
// (model/columns*.go), as they are: a column's title, layout and sort
// key; a row's ID, cells, sort keys and state (which styles colour).
type (
	Column = model.Column
	Row    = model.Row
)

// Table is the one table every resource view uses (DESIGN.md example 7).
// Rows are sanitized, measured, sorted and filtered when they are set, so
// View only formats the visible window.
type Table struct {
	cols   []Column
	styles *Styles
	nav    keymap.Table
	sorts  keymap.Resource

	rows   []tableRow // all rows, in the order given
	order  []int      // indexes into rows, in sort order
	shown  []int      // indexes into rows that pass the filter, in sort order
	maxW   []int      // widest cell per column over all rows
	width  []int      // laid-out column widths
	hidden []bool     // columns shed for want of room

	filter    string
	haystacks bool // rows have their haystack
	sortCol   int
	sortDesc  bool
	empty     string

	cursor, offset int // index into shown; first shown row drawn
	w, h           int
}

// tableRow is a sanitized row with what filtering and layout need.
type tableRow struct {
	Row
	widths   []int
	haystack string // lower-cased cells, see buildHaystacks
}

// NewTable returns an empty table with the given columns.
func NewTable(cols []Column, st *Styles) *Table {
	t := &Table{
		cols:    cols,
		styles:  st,
		nav:     keymap.NewTable(),
		sorts:   keymap.NewResource(),
		sortCol: -1,
		maxW:    make([]int, len(cols)),
		empty:   "no rows",
	}
	t.layout()
	return t
}

// SetKeys replaces the navigation and sort bindings (user overrides).
func (t *Table) SetKeys(nav keymap.Table, sorts keymap.Resource) {
	t.nav, t.sorts = nav, sorts
}

// SetEmptyText sets what the table shows when it has no rows at all
// (e.g. "loading…"). It is sanitized: it may name a cluster or quote an
// AWS error.
func (t *Table) SetEmptyText(s string) { t.empty = model.Sanitize(s) }

// SetRows replaces the rows, sanitizing every cell. The cursor stays on
// the row with the same ID; if that row vanished it keeps its index
// (clamped), so rows appearing or vanishing elsewhere do not make it jump.
func (t *Table) SetRows(rows []Row) {
	selID, hadSel := t.selectedID()
	for i := range t.maxW {
		t.maxW[i] = 0
	}
	// one backing array for all cells and one for all widths: a refresh
	// of 20,000 rows makes four allocations here, not 40,000
	nc := len(t.cols)
	t.rows = make([]tableRow, len(rows))
	cells := make([]string, len(rows)*nc)
	widths := make([]int, len(rows)*nc)
	for i, r := range rows {
		t.rows[i] = t.prepare(r, cells[i*nc:(i+1)*nc:(i+1)*nc], widths[i*nc:(i+1)*nc:(i+1)*nc])
	}
	t.haystacks = false
	t.sortRows()
	t.applyFilter()
	t.layout()
	if !hadSel || !t.selectID(selID) {
		t.setCursor(t.cursor)
	}
}

// prepare sanitizes and measures a row's cells into the given slices.
func (t *Table) prepare(r Row, cells []string, widths []int) tableRow {
	for c := range cells {
		if c < len(r.Cells) {
			cells[c], widths[c] = cellText(r.Cells[c])
		}
		t.maxW[c] = max(t.maxW[c], widths[c])
	}
	r.Cells = cells
	return tableRow{Row: r, widths: widths}
}

// cellText sanitizes and measures a cell, scanning printable ASCII (the
// common case) only once.
func cellText(s string) (string, int) {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			s = model.Sanitize(s)
			return s, textWidth(s)
		}
	}
	return s, len(s)
}

// SetFilter filters rows by a case-insensitive substring over all cells;
// a leading "!" keeps the rows that do not match. The cursor stays on the
// same row if it still matches, otherwise it goes to the first row.
func (t *Table) SetFilter(q string) {
	if q == t.filter {
		return
	}
	selID, hadSel := t.selectedID()
	t.filter = q
	t.applyFilter()
	if !hadSel || !t.selectID(selID) {
		t.offset = 0
		t.setCursor(0)
	}
}

// Filter returns the current filter query.
func (t *Table) Filter() string { return t.filter }

// SortBy sorts by a column; ties are broken by row ID so the order is
// stable across refreshes. col < 0 keeps the order rows were given in.
func (t *Table) SortBy(col int, desc bool) {
	if col >= len(t.cols) {
		return
	}
	selID, hadSel := t.selectedID()
	t.sortCol, t.sortDesc = col, desc
	t.sortRows()
	t.applyFilter()
	t.layout()
	if hadSel {
		t.selectID(selID)
	}
}

// SortColumn returns the sorted column (-1: none) and its direction.
func (t *Table) SortColumn() (col int, desc bool) { return t.sortCol, t.sortDesc }

// Selected returns the row under the cursor (sanitized cells).
func (t *Table) Selected() (Row, bool) {
	if t.cursor < 0 || t.cursor >= len(t.shown) {
		return Row{}, false
	}
	return t.rows[t.shown[t.cursor]].Row, true
}

// Select moves the cursor to the row with that ID, if shown.
func (t *Table) Select(id string) bool { return t.selectID(id) }

// Len is the number of rows shown (after the filter).
func (t *Table) Len() int { return len(t.shown) }

// Total is the number of rows before the filter.
func (t *Table) Total() int { return len(t.rows) }

// SetSize sets the size the table draws in, header row included.
func (t *Table) SetSize(w, h int) {
	t.w, t.h = w, h
	t.layout()
	t.setCursor(t.cursor)
}

// Update moves the cursor and sorts on the sort keys.
func (t *Table) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	page := max(1, t.bodyHeight())
	switch {
	case key.Matches(k, t.nav.Up):
		t.setCursor(t.cursor - 1)
	case key.Matches(k, t.nav.Down):
		t.setCursor(t.cursor + 1)
	case key.Matches(k, t.nav.PageUp):
		t.setCursor(t.cursor - page)
	case key.Matches(k, t.nav.PageDown):
		t.setCursor(t.cursor + page)
	case key.Matches(k, t.nav.Top):
		t.setCursor(0)
	case key.Matches(k, t.nav.Bottom):
		t.setCursor(len(t.shown) - 1)
	default:
		for _, s := range t.sortBindings() {
			if i := t.sortColumnOf(s.key); i >= 0 && key.Matches(k, s.binding) {
				// ascending first, then toggling the direction
				t.SortBy(i, t.sortCol == i && !t.sortDesc)
			}
		}
	}
	return nil
}

// sortBinding is a shift-letter key and the sort key it presses.
type sortBinding struct {
	key     model.SortKey
	binding key.Binding
}

func (t *Table) sortBindings() []sortBinding {
	return []sortBinding{
		{model.SortName, t.sorts.SortName},
		{model.SortStatus, t.sorts.SortStatus},
		{model.SortAge, t.sorts.SortAge},
	}
}

// SortKeys are the sort bindings this table's columns answer, for the key
// hints and help: a table without an age column has no "sort age".
func (t *Table) SortKeys() []key.Binding {
	var out []key.Binding
	for _, s := range t.sortBindings() {
		if t.sortColumnOf(s.key) >= 0 {
			out = append(out, s.binding)
		}
	}
	return out
}

// sortColumnOf is the column sk sorts by, -1 for none.
func (t *Table) sortColumnOf(sk model.SortKey) int {
	return slices.IndexFunc(t.cols, func(c Column) bool { return c.Sort == sk })
}

func (t *Table) bodyHeight() int { return max(0, t.h-1) }

func (t *Table) selectedID() (string, bool) {
	r, ok := t.Selected()
	return r.ID, ok
}

func (t *Table) selectID(id string) bool {
	for i, idx := range t.shown {
		if t.rows[idx].ID == id {
			t.setCursor(i)
			return true
		}
	}
	return false
}

// setCursor clamps the cursor and scrolls the window just enough to show it.
func (t *Table) setCursor(i int) {
	n := len(t.shown)
	t.cursor = min(max(i, 0), max(n-1, 0))
	bh := max(1, t.bodyHeight())
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+bh {
		t.offset = t.cursor - bh + 1
	}
	t.offset = min(t.offset, max(0, n-bh))
}

// View draws the header row and the visible window of rows.
func (t *Table) View() string {
	if t.h <= 0 || t.w <= 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(t.styles.TableHeader.Render(t.headerLine()))
	if len(t.shown) == 0 {
		// wrapped, not cut: an error's last words say what to do
		// ("run: aws sso login --profile prod")
		lines := strings.Split(ansi.Wrap(t.emptyText(), t.w, ""), "\n")
		for _, l := range lines[:min(len(lines), max(1, t.bodyHeight()))] {
			b.WriteByte('\n')
			b.WriteString(t.styles.Empty.Render(fitCell(l, t.w, false)))
		}
		return b.String()
	}
	end := min(len(t.shown), t.offset+t.bodyHeight())
	for i := t.offset; i < end; i++ {
		r := &t.rows[t.shown[i]]
		style := t.styles.Status(r.State)
		if i == t.cursor {
			style = t.styles.Selected(r.State)
		}
		b.WriteByte('\n')
		b.WriteString(style.Render(t.rowLine(r)))
	}
	return b.String()
}

func (t *Table) emptyText() string {
	if len(t.rows) > 0 && t.filter != "" {
		return "no rows match /" + model.Sanitize(t.filter)
	}
	return t.empty
}
