package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/keymap"
)

// describeWebTask opens the describe view of one of web's tasks.
func describeWebTask(t *testing.T) (*DescribeView, *viewDriver) {
	t.Helper()
	_, ctx := startViewDemo(t)
	tasks := NewTasksView(ctx, "prod", "web")
	td := newViewDriver(t, tasks)
	td.start()
	td.send(press("d"))
	v, ok := td.navigated().(*DescribeView)
	if !ok {
		t.Fatal("d did not open a describe view")
	}
	d := newViewDriver(t, v)
	if !strings.Contains(ansi.Strip(v.View()), "loading…") {
		t.Errorf("before the reply the view shows:\n%s", v.View())
	}
	if st := d.start(); st.Err != nil {
		t.Fatalf("describe failed: %v", st.Err)
	}
	return v, d
}

func TestDescribeTaskSearch(t *testing.T) {
	v, d := describeWebTask(t)
	if !strings.HasPrefix(v.Title(), "describe(task ") || v.Cluster() != "prod" {
		t.Errorf("title %q cluster %q", v.Title(), v.Cluster())
	}
	text := strings.Join(v.lines, "\n")
	for _, want := range []string{`"taskArn": "arn:aws:ecs:us-east-1:123456789012:task/prod/`, `"lastStatus": "RUNNING"`} {
		if !strings.Contains(text, want) {
			t.Errorf("describe JSON lacks %s", want)
		}
	}

	// The task is longer than the screen: the status line says where the
	// window is, and follows it.
	if status := ansi.Strip(strings.Split(v.View(), "\n")[0]); !strings.Contains(status, " · lines 1–29 of ") {
		t.Errorf("status line %q: want the lines shown", status)
	}
	d.send(press("down"))
	if status := ansi.Strip(strings.Split(v.View(), "\n")[0]); !strings.Contains(status, " · lines 2–30 of ") {
		t.Errorf("status line after a scroll %q", status)
	}
	d.send(press("g"))

	d.send(FilterMsg{Query: "CONTAINERARN"}) // case does not matter
	if len(v.matches) < 3 {
		t.Fatalf("search found %d matches of containerArn, want one per container", len(v.matches))
	}
	screen := ansi.Strip(v.View())
	if !strings.Contains(screen, `"containerArn"`) || !strings.Contains(screen, "/CONTAINERARN 1/") {
		t.Errorf("the first match is not on screen:\n%s", screen)
	}
	d.send(press("n"))
	d.send(press("n"))
	if v.cur != 2 {
		t.Errorf("after n n the current match is %d, want 2", v.cur)
	}
	d.send(press("N"))
	if v.cur != 1 {
		t.Errorf("after N the current match is %d, want 1", v.cur)
	}
	cur := v.matches[v.cur]
	if top, bottom := v.screen[v.offset].line, v.screen[min(len(v.screen), v.offset+v.bodyHeight())-1].line; cur.line < top || cur.line > bottom {
		t.Errorf("current match on line %d, screen shows %d-%d", cur.line, top, bottom)
	}
	d.send(FilterMsg{Query: "no such text anywhere"})
	if len(v.matches) != 0 || !strings.Contains(ansi.Strip(v.View()), "no match") {
		t.Errorf("a search for nothing: %d matches", len(v.matches))
	}
}

func TestDescribeYAMLKeepsKeyOrder(t *testing.T) {
	v, d := describeWebTask(t)
	jsonKeys := topLevelKeys(v.lines, `  "`, `"`)
	d.send(press("y"))
	if !v.asYAML || !strings.Contains(ansi.Strip(v.View()), "· yaml") {
		t.Fatal("y did not switch to YAML")
	}
	yamlKeys := topLevelKeys(v.lines, "", ":")
	if len(jsonKeys) < 10 || !slices.Equal(jsonKeys, yamlKeys) {
		t.Errorf("key order changed:\njson %v\nyaml %v", jsonKeys, yamlKeys)
	}
	d.send(FilterMsg{Query: "lastStatus"})
	if len(v.matches) == 0 {
		t.Error("search found nothing in the YAML")
	}
	d.send(press("y"))
	if v.asYAML || !strings.HasPrefix(v.lines[0], "{") {
		t.Error("y did not switch back to JSON")
	}
}

// topLevelKeys are the keys of the lines that start with exactly prefix
// (the top level of the document), in order.
func topLevelKeys(lines []string, prefix, end string) []string {
	var keys []string
	for _, l := range lines {
		rest, ok := strings.CutPrefix(l, prefix)
		if !ok || rest == "" || rest[0] == ' ' || rest[0] == '-' {
			continue
		}
		if k, _, ok := strings.Cut(rest, end); ok {
			keys = append(keys, strings.Trim(k, `"`))
		}
	}
	return keys
}

func TestDescribeMissingTask(t *testing.T) {
	_, ctx := startViewDemo(t)
	v := NewDescribeView(ctx, aws.KindTask, "prod", "0123456789abcdef0123456789abcdef", "task 0123")
	d := newViewDriver(t, v)
	st := d.start()
	if st.Err == nil {
		t.Fatal("describing a task that does not exist succeeded")
	}
	flash := d.await("a flash", func(m tea.Msg) bool { _, ok := m.(FlashMsg); return ok }).(FlashMsg)
	if flash.Level != FlashError || flash.Text != errorText(st.Err) {
		t.Errorf("flash %+v", flash)
	}
	if !strings.Contains(ansi.Strip(v.View()), "could not describe task 0123") {
		t.Errorf("the view does not say what failed:\n%s", v.View())
	}
}

func TestDescribeSanitizesAndHighlights(t *testing.T) {
	ctx := &Context{Styles: NewStyles(Theme{Dark: true}), Keys: keymap.New(false)}
	v := NewDescribeView(ctx, aws.KindTask, "prod", "t", "task t")
	v.SetSize(80, 10)
	v.Init() // not run: the reply is made up below
	raw := "{\n  \"name\": \"evil\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2J\",\n  \"count\": 3,\n  \"ok\": true,\n  \"gone\": null\n}"
	v.Update(describedMsg{view: v.id, gen: v.gen, text: raw})
	for _, format := range []string{"json", "yaml"} {
		out := v.View()
		for _, bad := range []string{"\x1b]", "\x07", "\x1b[2J"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: the view draws %q from the resource:\n%q", format, bad, out)
			}
		}
		v.Update(press("y"))
	}

	st := v.ctx.Styles
	line := `  "count": 3, "s": "x", "b": false`
	out := drawSpan(line, highlightJSON(line), nil, 0, len(line), st)
	for _, want := range []string{st.SyntaxKey.Render(`"count"`), st.SyntaxNumber.Render("3"),
		st.SyntaxString.Render(`"x"`), st.SyntaxLit.Render("false")} {
		if !strings.Contains(out, want) {
			t.Errorf("highlighted line %q lacks %q", out, want)
		}
	}
}

func TestHighlightYAML(t *testing.T) {
	lines := []string{
		"name: web",
		"count: 3",
		"quoted: \"123\"",
		"enabled: false",
		"command: |-",
		"  echo: not a key",
		"  done",
		"items:",
		"  - key: value",
		"  - 1.5",
	}
	syn := highlightYAML(lines)
	for _, tc := range []struct {
		line int
		text string
		want syntax
	}{
		{0, "name", synKey}, {0, "web", synString},
		{1, "3", synNumber},
		{2, `"123"`, synString},
		{3, "false", synLit},
		{5, "echo: not a key", synString},
		{8, "key", synKey}, {8, "value", synString},
		{9, "1.5", synNumber},
	} {
		i := strings.Index(lines[tc.line], tc.text)
		for j := i; j < i+len(tc.text); j++ {
			if syn[tc.line][j] != tc.want {
				t.Errorf("line %q: %q is %v, want %v", lines[tc.line], tc.text, syn[tc.line][j], tc.want)
				break
			}
		}
	}
}

func TestWrapAndMarks(t *testing.T) {
	// the rest of a wrapped line hangs two cells deeper than it starts
	// (at most half the width)
	spans := wrapLines([]string{"abcdefghij", "", "日本語", "  key: value"}, 8)
	want := []span{{0, 0, 8, 0}, {0, 8, 10, 2}, {1, 0, 0, 0}, {2, 0, 9, 0},
		{3, 0, 8, 0}, {3, 8, 12, 4}}
	if !slices.Equal(spans, want) {
		t.Errorf("wrapLines = %v, want %v", spans, want)
	}
	spans = wrapLines([]string{"abcdefghij", "日本語"}, 4)
	want = []span{{0, 0, 4, 0}, {0, 4, 6, 2}, {0, 6, 8, 2}, {0, 8, 10, 2}, {1, 0, 6, 0}, {1, 6, 9, 2}}
	if !slices.Equal(spans, want) {
		t.Errorf("wrapLines at 4 = %v, want %v", spans, want)
	}
	ms := findMatches([]string{"Abc abc", "x", "ABC"}, "aBc")
	if len(ms) != 3 || ms[1] != (match{0, 4, 7}) || ms[2] != (match{2, 0, 3}) {
		t.Errorf("findMatches = %v", ms)
	}
	if got := lineMarks(ms, 1, 0, 7); !slices.Equal(got, []uint8{1, 1, 1, 0, 2, 2, 2}) {
		t.Errorf("lineMarks = %v", got)
	}
	if got := lineMarks(ms, 1, 1, 1); got != nil {
		t.Errorf("a line without matches has marks %v", got)
	}
}

// ctrl-r while the describe is still loading says so, and starts nothing;
// once loaded, ctrl-r loads again.
func TestDescribeRefreshWhileLoading(t *testing.T) {
	_, ctx := startViewDemo(t)
	v := NewDescribeView(ctx, aws.Kind("cluster"), "prod", "prod", "describe(cluster prod)")
	v.SetSize(120, 30)
	first := v.Init()
	gen := v.gen
	ctrlRWhileBusy(t, v, func() int { return v.gen })
	d := newViewDriver(t, v)
	d.run(first)
	if st := d.refreshed(); st.Err != nil {
		t.Fatalf("describe failed: %v", st.Err)
	}
	v.Update(RefreshNowMsg{})
	defer v.Cancel()
	if v.gen == gen || !v.loading {
		t.Error("ctrl-r after the load did not load again")
	}
}
