package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// span is one screen line of describe text: bytes [start, end) of content
// line `line`, drawn after indent spaces. Long lines wrap rather than being
// cut, so nothing AWS returned is hidden.
type span struct{ line, start, end, indent int }

// wrapLines splits content lines into screen lines at most w cells wide.
// The rest of a wrapped line hangs two cells deeper than the line starts,
// so a long ARN or command does not read as a key of its own.
func wrapLines(lines []string, w int) []span {
	if w <= 0 {
		w = 1 << 30
	}
	out := make([]span, 0, len(lines))
	for n, l := range lines {
		hang := min(len(l)-len(strings.TrimLeft(l, " "))+2, w/2)
		start, width, indent := 0, 0, 0
		for i, r := range l {
			rw := widthCond.RuneWidth(r)
			if indent+width+rw > w && i > start {
				out = append(out, span{n, start, i, indent})
				start, width, indent = i, 0, hang
			}
			width += rw
		}
		out = append(out, span{n, start, len(l), indent})
	}
	return out
}

// drawSpan colours bytes [start, end) of a content line: search marks over
// syntax colours. Runs of bytes that look the same are rendered together.
func drawSpan(text string, syn []syntax, marks []uint8, start, end int, st *Styles) string {
	var b strings.Builder
	look := func(i int) (syntax, uint8) {
		var m uint8
		if marks != nil {
			m = marks[i]
		}
		return syn[i], m
	}
	for i := start; i < end; {
		s, m := look(i)
		j := i + 1
		for j < end {
			if s2, m2 := look(j); s2 != s || m2 != m {
				break
			}
			j++
		}
		if style, ok := spanStyle(s, m, st); ok {
			b.WriteString(style.Render(text[i:j]))
		} else {
			b.WriteString(text[i:j])
		}
		i = j
	}
	return b.String()
}

func spanStyle(s syntax, mark uint8, st *Styles) (lipgloss.Style, bool) {
	switch mark {
	case 2:
		return st.CurrentMatch, true
	case 1:
		return st.Match, true
	}
	switch s {
	case synKey:
		return st.SyntaxKey, true
	case synString:
		return st.SyntaxString, true
	case synNumber:
		return st.SyntaxNumber, true
	case synLit:
		return st.SyntaxLit, true
	}
	return lipgloss.Style{}, false
}
