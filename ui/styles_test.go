package ui

import "testing"

// The prompts' placeholder says what a prompt accepts; it is drawn dim so
// it does not read as typed text.
func TestPromptPlaceholderIsDim(t *testing.T) {
	for _, dark := range []bool{true, false} {
		st := NewStyles(Theme{Dark: dark})
		in := st.Input()
		if got, want := in.Focused.Placeholder.Render("svc"), st.Dim.Render("svc"); got != want {
			t.Errorf("dark=%v: placeholder drawn %q, want the dim style %q", dark, got, want)
		}
		if got, want := in.Focused.Suggestion.Render("svc"), st.Dim.Render("svc"); got != want {
			t.Errorf("dark=%v: suggestion drawn %q, want the dim style %q", dark, got, want)
		}
	}
}
