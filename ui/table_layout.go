package ui

import (
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/ecsdeck/ecsdeck/model"
)

// colGap is the space between two columns.
const colGap = "  "

// widthCond measures cells. East Asian ambiguous runes count as one cell
// whatever the locale, as the renderer draws them, so "…" is always one.
var widthCond = func() *runewidth.Condition {
	c := runewidth.NewCondition()
	c.EastAsianWidth = false
	return c
}()

// textWidth is the display width of sanitized text.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return widthCond.StringWidth(s)
		}
	}
	return len(s)
}

// fitCell truncates s with "…" or pads it to exactly w cells. s is plain
// text: colour is applied to the whole line afterwards, so truncation can
// never cut a style sequence.
func fitCell(s string, w int, right bool) string {
	if w <= 0 {
		return ""
	}
	sw := textWidth(s)
	if sw > w {
		if sw == len(s) {
			s = s[:w-1] + "…"
		} else {
			s = widthCond.Truncate(s, w, "…")
		}
		sw = textWidth(s)
	}
	pad := strings.Repeat(" ", w-sw)
	if right {
		return pad + s
	}
	return s + pad
}

// headerTitle is a column title with the sort arrow on the sorted column.
func (t *Table) headerTitle(i int) string {
	if i != t.sortCol {
		return t.cols[i].Title
	}
	if t.sortDesc {
		return t.cols[i].Title + "↓"
	}
	return t.cols[i].Title + "↑"
}

// layout computes column widths for the current size and contents:
// fixed columns take their natural width, flex columns share what is
// left; when the row is too wide, the columns that may go are left out
// (shed), then the widest columns give way, never below their minimum (a
// NoTruncate column never below its natural width).
func (t *Table) layout() {
	n := len(t.cols)
	t.width = make([]int, n)
	t.hidden = make([]bool, n)
	if n == 0 {
		return
	}
	natural := make([]int, n)
	floor := make([]int, n)
	total := len(colGap) * (n - 1)
	for i, c := range t.cols {
		head := textWidth(c.Title)
		if c.Sort != model.SortNone || i == t.sortCol {
			head++ // room for the arrow, so sorting does not shift columns
		}
		natural[i] = max(c.MinWidth, head, t.maxW[i])
		floor[i] = max(1, min(natural[i], c.MinWidth))
		if c.MinWidth == 0 {
			floor[i] = min(natural[i], head)
		}
		if c.NoTruncate {
			floor[i] = natural[i]
		}
		t.width[i] = natural[i]
		if c.Flex {
			t.width[i] = floor[i]
		}
		total += t.width[i]
	}
	avail := t.w
	total = t.shed(total, avail)
	total = t.shedForFlex(natural, total, avail)
	total = t.growFlex(natural, total, avail)
	for total > avail && t.shrinkWidest(floor) {
		total--
	}
}

// shed leaves out the columns that may go (Shed > 0), the highest Shed
// first and the rightmost of equals, while the line is wider than the
// screen with every column at its natural width (flex columns at their
// minimum): a column left out whole reads better than every value cut
// ("10.0.2.1…", "checkou…").
func (t *Table) shed(total, avail int) int {
	for total > avail {
		freed, ok := t.shedOne()
		if !ok {
			break
		}
		total -= freed
	}
	return total
}

// shedOne leaves out the shown column with the highest Shed (the
// rightmost of equals) and returns the cells that frees.
func (t *Table) shedOne() (int, bool) {
	pick := -1
	for i, c := range t.cols {
		if c.Shed > 0 && !t.hidden[i] && (pick < 0 || c.Shed >= t.cols[pick].Shed) {
			pick = i
		}
	}
	if pick < 0 {
		return 0, false
	}
	freed := t.width[pick] + len(colGap)
	t.hidden[pick] = true
	t.width[pick] = 0
	return freed, true
}

// shedForFlex leaves out more of the columns that may go when that is
// what it takes for the flex columns (names, task definitions) to show
// their values whole: "checkout:1" reads better than "checkou…" plus an
// AGE. When even shedding them all would not make room, nothing more is
// shed: the values are cut either way and the detail is worth keeping.
func (t *Table) shedForFlex(natural []int, total, avail int) int {
	// short: the cells the shown flex columns lack to be whole; kept:
	// the line with every column that may go left out.
	short := func(sheddable bool) int {
		n := 0
		for i, c := range t.cols {
			if c.Flex && !t.hidden[i] && (sheddable || c.Shed == 0) {
				n += natural[i] - t.width[i]
			}
		}
		return n
	}
	kept := total
	for i, c := range t.cols {
		if c.Shed > 0 && !t.hidden[i] {
			kept -= t.width[i] + len(colGap)
		}
	}
	if total+short(true) <= avail || kept+short(false) > avail {
		return total
	}
	for total+short(true) > avail {
		freed, ok := t.shedOne()
		if !ok {
			break
		}
		total -= freed
	}
	return total
}

// growFlex hands spare width to flex columns, the narrowest first up to
// its natural width; what remains goes to the last flex column.
func (t *Table) growFlex(natural []int, total, avail int) int {
	last := -1
	for i, c := range t.cols {
		if c.Flex && !t.hidden[i] {
			last = i
		}
	}
	if last < 0 {
		return total
	}
	for total < avail {
		pick := -1
		for i, c := range t.cols {
			if c.Flex && !t.hidden[i] && t.width[i] < natural[i] && (pick < 0 || t.width[i] < t.width[pick]) {
				pick = i
			}
		}
		if pick < 0 {
			t.width[last] += avail - total
			return avail
		}
		t.width[pick]++
		total++
	}
	return total
}

// shrinkWidest takes one cell from the widest column above its floor.
func (t *Table) shrinkWidest(floor []int) bool {
	pick := -1
	for i := range t.cols {
		if t.width[i] > floor[i] && (pick < 0 || t.width[i] > t.width[pick]) {
			pick = i
		}
	}
	if pick < 0 {
		return false
	}
	t.width[pick]--
	return true
}

func (t *Table) headerLine() string {
	return t.line(t.headerTitle)
}

func (t *Table) rowLine(r *tableRow) string {
	return t.line(func(i int) string { return r.Cells[i] })
}

// line lays out one cell per shown column.
func (t *Table) line(cell func(col int) string) string {
	var b strings.Builder
	gap := ""
	for i := range t.cols {
		if t.hidden[i] {
			continue
		}
		b.WriteString(gap)
		b.WriteString(fitCell(cell(i), t.width[i], t.cols[i].Right))
		gap = colGap
	}
	return clipLine(b.String(), t.w)
}

// clipLine cuts or pads a plain line to exactly w cells, so the selected
// row's highlight spans the table.
func clipLine(s string, w int) string {
	sw := textWidth(s)
	if sw > w {
		return widthCond.Truncate(s, w, "")
	}
	return s + strings.Repeat(" ", w-sw)
}
