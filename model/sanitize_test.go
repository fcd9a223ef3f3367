package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"plain", "web-api", "web-api"},
		{"unicode kept", "café 日本 ✓", "café 日本 ✓"},
		{"SGR colour", "\x1b[31mred\x1b[0m", "red"},
		{"cursor movement", "a\x1b[2J\x1b[H\x1b[10;20Hb", "ab"},
		{"private mode", "x\x1b[?1049hy", "xy"},
		{"OSC 52 clipboard BEL", "a\x1b]52;c;ZXZpbA==\x07b", "ab"},
		{"OSC 52 clipboard ST", "a\x1b]52;c;ZXZpbA==\x1b\\b", "ab"},
		{"title setting", "\x1b]0;pwned\x07name", "name"},
		{"hyperlink", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"DCS", "a\x1bP+q544e\x1b\\b", "ab"},
		{"APC", "a\x1b_Gpayload\x1b\\b", "ab"},
		{"unterminated OSC swallows tail", "a\x1b]0;title", "a"},
		{"charset nF", "a\x1b(Bb", "ab"},
		{"two-byte escape", "a\x1b7b\x1b8c", "abc"},
		{"lone ESC at end", "a\x1b", "a"},
		{"8-bit CSI", "a\u009b31mb", "ab"},
		{"8-bit OSC with 8-bit ST", "a\u009d0;t\u009cb", "ab"},
		{"other C1 visible", "a\u0085b", "a\ufffdb"},
		{"BEL visible", "a\x07b", "a␇b"},
		{"NUL and DEL visible", "a\x00b\x7fc", "a␀b␡c"},
		{"backspace visible", "ab\x08c", "ab␈c"},
		{"tab", "a\tb", "a    b"},
		{"newline", "line1\nline2", "line1 ⏎ line2"},
		{"crlf", "line1\r\nline2", "line1 ⏎ line2"},
		{"lone CR dropped", "10%\r20%", "10%20%"},
		{"invalid utf8", "a\xffb\xc3", "a\ufffdb\ufffd"},
		{"raw 0x9b byte is invalid utf8", "a\x9b31mb", "a\ufffd31mb"},
		{"bidi override dropped", "abc\u202edcba\u202c", "abcdcba"},
		{"bidi isolate dropped", "\u2066x\u2069", "x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Sanitize(tc.in); got != tc.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSanitizeMultiline(t *testing.T) {
	got := SanitizeMultiline("a\r\nb\n\x1b[31mc\x1b[0m\td")
	if want := "a\nb\nc    d"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSanitizePlainIsNotCopied(t *testing.T) {
	s := strings.Repeat("x", 64)
	if got := Sanitize(s); got != s {
		t.Fatal("plain text changed")
	}
	if n := testing.AllocsPerRun(100, func() { Sanitize(s) }); n != 0 {
		t.Errorf("plain text allocated %v times", n)
	}
}

// TestSanitizeNeverLeaksControls feeds generated mixes of sequences,
// controls and bytes and checks what comes out can drive no terminal.
func TestSanitizeNeverLeaksControls(t *testing.T) {
	parts := []string{
		"a", "é", "日", "\x1b", "[", "]", "P", "_", "\\", "\x07", "\x9b", "\xc2\x9b",
		"\xc2\x9d", "\xc2\x9c", "\n", "\r", "\t", "\x00", "\x7f", "1;2", "m", "H",
		"\xff", "\xe2\x80\xae", ";", "52", "c",
	}
	seed := uint32(1)
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for i := 0; i < 12; i++ {
			seed = seed*1664525 + 1013904223
			b.WriteString(parts[int(seed>>16)%len(parts)])
		}
		in := b.String()
		for _, multiline := range []bool{false, true} {
			out := sanitize(in, multiline)
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 from %q: %q", in, out)
			}
			for _, r := range out {
				if r == '\n' && multiline {
					continue
				}
				if r < 0x20 || (r >= 0x7f && r <= 0x9f) || isBidiControl(r) {
					t.Fatalf("control %U left in %q (from %q)", r, out, in)
				}
			}
		}
	}
}
