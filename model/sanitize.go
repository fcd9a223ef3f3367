package model

import (
	"strings"
	"unicode/utf8"
)

// Sanitize makes a string from AWS safe to draw in one table cell or header
// line: terminal control sequences (CSI, OSC, DCS, SOS, PM, APC, and their
// 8-bit C1 forms) are removed, other C0/C1 controls and DEL are shown as
// visible replacements, tabs become spaces, line breaks become " ⏎ ",
// bidirectional overrides are dropped, and invalid UTF-8 becomes U+FFFD.
// A name, an event message or a log line can carry any bytes; without this
// one of them could set the clipboard (OSC 52), retitle the window or move
// the cursor over the rest of the screen.
func Sanitize(s string) string { return sanitize(s, false) }

// SanitizeMultiline is Sanitize that keeps line breaks ("\n"; "\r\n" becomes
// "\n"), for text drawn over several lines such as describe output.
func SanitizeMultiline(s string) string { return sanitize(s, true) }

const (
	esc = 0x1b
	bel = 0x07
	del = 0x7f
)

func sanitize(s string, multiline bool) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < del:
			b.WriteByte(c)
			i++
		case c == esc:
			i = skipEscape(s, i)
		case c == '\t':
			b.WriteString("    ")
			i++
		case c == '\n' || c == '\r':
			i = lineBreak(&b, s, i, multiline)
		case c < 0x20 || c == del:
			b.WriteRune(controlPicture(c))
			i++
		default:
			i = writeRune(&b, s, i)
		}
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII, the common case that needs
// no copy.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= del {
			return false
		}
	}
	return true
}

// lineBreak handles "\n", "\r\n" and a lone "\r" at s[i]. A lone carriage
// return is dropped: drawn raw it would move the cursor back over the line.
func lineBreak(b *strings.Builder, s string, i int, multiline bool) int {
	if s[i] == '\r' {
		if i+1 >= len(s) || s[i+1] != '\n' {
			return i + 1
		}
		i++
	}
	if multiline {
		b.WriteByte('\n')
	} else {
		b.WriteString(" ⏎ ")
	}
	return i + 1
}

// writeRune copies the non-ASCII rune at s[i], or its replacement, and
// returns the index after it.
func writeRune(b *strings.Builder, s string, i int) int {
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && size <= 1:
		b.WriteRune(utf8.RuneError)
	case r >= 0x80 && r <= 0x9f:
		// C1 controls: the string-introducers and CSI start a sequence
		// like their ESC forms; the rest are shown as U+FFFD.
		if isC1Introducer(r) {
			return skipSequenceBody(s, i+size, byte(r-0x40))
		}
		b.WriteRune(utf8.RuneError)
	case isBidiControl(r):
		// dropped: an override could make text read differently from
		// what it is (the "Trojan Source" trick).
	default:
		b.WriteString(s[i : i+size])
	}
	return i + size
}

// controlPicture maps a C0 control or DEL to its visible Unicode symbol
// (U+2400 block), e.g. BEL → ␇.
func controlPicture(c byte) rune {
	if c == del {
		return '\u2421'
	}
	return 0x2400 + rune(c)
}

func isC1Introducer(r rune) bool {
	switch r {
	case 0x90, 0x98, 0x9b, 0x9d, 0x9e, 0x9f: // DCS, SOS, CSI, OSC, PM, APC
		return true
	}
	return false
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// skipEscape returns the index after the escape sequence that starts with
// ESC at s[i]. An unterminated sequence swallows the rest of the string:
// better to lose a tail than to let half a sequence through.
func skipEscape(s string, i int) int {
	i++ // ESC
	if i >= len(s) {
		return i
	}
	c := s[i]
	switch {
	case c == '[' || c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipSequenceBody(s, i+1, c)
	case c >= 0x20 && c <= 0x2f: // nF: intermediates then a final byte
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e: // two-byte escape (Fp, Fe, Fs)
		return i + 1
	}
	return i // ESC followed by a control or non-ASCII: drop the ESC only
}

// skipSequenceBody skips what follows an introducer: kind is the ESC-form
// final character ('[' CSI, ']' OSC, 'P' DCS, 'X' SOS, '^' PM, '_' APC).
func skipSequenceBody(s string, i int, kind byte) int {
	if kind == '[' {
		// CSI: parameter and intermediate bytes, then one final byte.
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
			i++
		}
		if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
			i++
		}
		return i
	}
	// String sequences end with ST (ESC \ or 8-bit 0x9c) or, for OSC as
	// xterm allows, BEL.
	for i < len(s) {
		switch {
		case s[i] == bel:
			return i + 1
		case s[i] == esc && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		case s[i] == 0x9c:
			return i + 1
		}
		i++
	}
	return i
}
