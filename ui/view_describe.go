package ui

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/keymap"
	"github.com/ecsdeck/ecsdeck/model"
)

// DescribeView shows one resource in full, as AWS returns it, as indented
// JSON or YAML: colour-highlighted, scrollable, searchable with `/` (the
// App's live query) and n / N. It loads once; ctrl-r loads it again.
type DescribeView struct {
	ctx                 *Context
	keys                *keymap.Map
	kind                aws.Kind
	cluster, ref, title string

	request // the load
	loading bool
	err     error
	raw     string // JSON as the client returned it; YAML is converted from it
	asYAML  bool

	lines  []string // sanitized content lines in the current format
	syn    [][]syntax
	screen []span // lines wrapped to the width
	offset int    // first screen line shown

	query   string
	matches []match
	cur     int // index of the current match, -1 for none

	w, h int
}

// describedMsg is the reply of a describe load.
type describedMsg struct {
	view, gen int
	text      string
	at        time.Time
	err       error
}

// NewDescribeView builds the describe view of one resource; title names it
// in the crumbs ("task 0123…"). For aws.KindContainer, ref is
// "<taskARN>/<containerName>".
func NewDescribeView(ctx *Context, kind aws.Kind, cluster, ref, title string) *DescribeView {
	return &DescribeView{ctx: ctx, keys: keysOf(ctx), kind: kind, cluster: cluster, ref: ref, title: title,
		request: newRequest(), cur: -1, loading: true}
}

// Init starts loading.
func (v *DescribeView) Init() tea.Cmd { return v.load() }

// load describes the resource; like a refresh it has no deadline of its
// own beyond each call's (see resource.refresh) and ends early on Cancel.
func (v *DescribeView) load() tea.Cmd {
	ctx, gen := v.begin()
	v.loading = true
	client, kind, cluster, ref := v.ctx.Client, v.kind, v.cluster, v.ref
	now, view := clockOf(v.ctx), v.id
	return func() tea.Msg {
		text, err := client.Describe(ctx, kind, cluster, ref)
		return describedMsg{view: view, gen: gen, text: text, at: now(), err: err}
	}
}

// Cancel abandons the load in flight (the App calls it when the view is
// covered or popped); a view still loading loads again on ResumeMsg.
func (v *DescribeView) Cancel() { v.abandon() }

// Update handles the reply, search, scrolling and the format toggle.
func (v *DescribeView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case describedMsg:
		if v.current(msg.view, msg.gen) {
			v.done()
			return v.loaded(msg)
		}
	case RefreshNowMsg:
		if v.loading {
			return alreadyRefreshing()
		}
		return v.load()
	case ResumeMsg:
		if v.loading { // its reply was dropped while the view was covered
			return v.load()
		}
	case FilterMsg:
		v.search(msg.Query)
	case tea.KeyPressMsg:
		return v.key(msg)
	}
	return nil
}

func (v *DescribeView) loaded(msg describedMsg) tea.Cmd {
	v.loading = false
	v.err = msg.err
	if msg.err != nil {
		return tea.Batch(emit(FlashMsg{Level: FlashError, Text: errorText(msg.err)}),
			emit(RefreshStateMsg{Err: msg.err}))
	}
	v.raw = msg.text
	return tea.Batch(v.render(), emit(RefreshStateMsg{At: msg.at}))
}

// render rebuilds the content lines in the current format, keeping the
// search and, as far as it can, the place.
func (v *DescribeView) render() tea.Cmd {
	var flash tea.Cmd
	text := v.raw
	if v.asYAML {
		y, err := jsonToYAML(v.raw)
		if err != nil {
			v.asYAML = false
			flash = emit(FlashMsg{Level: FlashWarn, Text: err.Error()})
		} else {
			text = y
		}
	}
	text = strings.TrimRight(model.SanitizeMultiline(text), "\n")
	v.lines = strings.Split(text, "\n")
	if v.asYAML {
		v.syn = highlightYAML(v.lines)
	} else {
		v.syn = make([][]syntax, len(v.lines))
		for i, l := range v.lines {
			v.syn[i] = highlightJSON(l)
		}
	}
	v.rewrap()
	v.search(v.query)
	return flash
}

func (v *DescribeView) rewrap() {
	v.screen = wrapLines(v.lines, v.w)
	v.scroll(0)
}

// search finds q and moves to the first match at or below the top line.
func (v *DescribeView) search(q string) {
	v.query = q
	v.matches = findMatches(v.lines, q)
	v.cur = -1
	if len(v.matches) == 0 {
		return
	}
	top := 0
	if v.offset < len(v.screen) {
		top = v.screen[v.offset].line
	}
	v.cur = sort.Search(len(v.matches), func(i int) bool { return v.matches[i].line >= top })
	if v.cur == len(v.matches) {
		v.cur = 0
	}
	v.showMatch()
}

// step moves to the next (+1) or previous (-1) match, wrapping around.
func (v *DescribeView) step(d int) {
	if n := len(v.matches); n > 0 {
		v.cur = ((v.cur+d)%n + n) % n
		v.showMatch()
	}
}

// showMatch scrolls the current match into view, a third from the top.
func (v *DescribeView) showMatch() {
	m := v.matches[v.cur]
	i := sort.Search(len(v.screen), func(i int) bool {
		s := v.screen[i]
		return s.line > m.line || (s.line == m.line && s.end > m.start)
	})
	if body := v.bodyHeight(); i < v.offset || i >= v.offset+body {
		v.offset = i - body/3
		v.scroll(0)
	}
}

func (v *DescribeView) key(k tea.KeyPressMsg) tea.Cmd {
	nav, d := v.keys.Table, v.keys.Describe
	page := max(1, v.bodyHeight())
	switch {
	case key.Matches(k, nav.Up):
		v.scroll(-1)
	case key.Matches(k, nav.Down):
		v.scroll(1)
	case key.Matches(k, nav.PageUp):
		v.scroll(-page)
	case key.Matches(k, nav.PageDown):
		v.scroll(page)
	case key.Matches(k, nav.Top):
		v.offset = 0
	case key.Matches(k, nav.Bottom):
		v.offset = len(v.screen)
		v.scroll(0)
	case key.Matches(k, d.Next):
		v.step(1)
	case key.Matches(k, d.Prev):
		v.step(-1)
	case key.Matches(k, d.Format):
		v.asYAML = !v.asYAML
		if v.raw != "" {
			v.offset = 0
			return v.render()
		}
	}
	return nil
}

// scroll moves by d screen lines, keeping the last page full.
func (v *DescribeView) scroll(d int) {
	v.offset = min(max(v.offset+d, 0), max(0, len(v.screen)-v.bodyHeight()))
}

// bodyHeight is the height below the view's status line.
func (v *DescribeView) bodyHeight() int { return max(0, v.h-1) }

// View draws a status line (what, which format, the search) and the
// visible part of the text.
func (v *DescribeView) View() string {
	if v.w <= 0 || v.h <= 0 {
		return ""
	}
	st := v.ctx.Styles
	var b strings.Builder
	b.WriteString(v.statusLine())
	switch {
	case v.loading && v.raw == "":
		b.WriteString("\n" + st.Dim.Render("loading…"))
	case v.err != nil && v.raw == "":
		b.WriteString("\n" + st.FlashError.Render(model.Sanitize("could not describe "+v.title+": "+errorText(v.err))))
	default:
		end := min(len(v.screen), v.offset+v.bodyHeight())
		for _, s := range v.screen[v.offset:end] {
			marks := lineMarks(v.matches, v.cur, s.line, len(v.lines[s.line]))
			b.WriteString("\n" + strings.Repeat(" ", s.indent) + drawSpan(v.lines[s.line], v.syn[s.line], marks, s.start, s.end, st))
		}
	}
	return b.String()
}

func (v *DescribeView) statusLine() string {
	st := v.ctx.Styles
	format := "json"
	if v.asYAML {
		format = "yaml"
	}
	line := st.Title.Render(model.Sanitize(v.title)) + st.Dim.Render(" · "+format)
	if v.query != "" {
		found := "no match"
		if len(v.matches) > 0 {
			found = strconv.Itoa(v.cur+1) + "/" + strconv.Itoa(len(v.matches))
		}
		line += st.Dim.Render(" · /" + model.Sanitize(v.query) + " " + found)
	}
	if v.loading && v.raw != "" {
		line += st.Dim.Render(" · reloading…")
	}
	if body := v.bodyHeight(); len(v.screen) > body && body > 0 {
		// where the window is in a text longer than the screen
		end := min(len(v.screen), v.offset+body)
		line += st.Dim.Render(" · lines " + strconv.Itoa(v.offset+1) + "–" + strconv.Itoa(end) + " of " + strconv.Itoa(len(v.screen)))
	}
	return clipStyled(line, v.w)
}

// SetSize re-wraps the text for the new width.
func (v *DescribeView) SetSize(w, h int) {
	v.w, v.h = w, h
	if v.lines != nil {
		v.rewrap()
	}
}

// Title is the crumb.
// FilterHint: in describe, `/` searches the document instead of filtering rows.
func (v *DescribeView) FilterHint() string {
	return "search (n next, N previous) · enter keeps · esc clears"
}

func (v *DescribeView) Title() string { return "describe(" + model.Sanitize(v.title) + ")" }

// Keys are the search and format bindings.
func (v *DescribeView) Keys() []key.Binding { return keymap.Enabled(v.keys.Describe.Bindings()...) }

// Cluster is the cluster of the resource described.
func (v *DescribeView) Cluster() string { return v.cluster }
