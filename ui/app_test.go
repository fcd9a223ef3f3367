package ui

import (
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/model"
)

// fakeView records what the App sends it.
type fakeView struct {
	title   string
	cluster string
	keys    []key.Binding
	inits   int
	msgs    []tea.Msg
	w, h    int
}

func (f *fakeView) Init() tea.Cmd              { f.inits++; return nil }
func (f *fakeView) Update(m tea.Msg) tea.Cmd   { f.msgs = append(f.msgs, m); return nil }
func (f *fakeView) View() string               { return "body of " + f.title }
func (f *fakeView) SetSize(w, h int)           { f.w, f.h = w, h }
func (f *fakeView) Title() string              { return f.title }
func (f *fakeView) Keys() []key.Binding        { return f.keys }
func (f *fakeView) Cluster() string            { return f.cluster }
func (f *fakeView) got(want tea.Msg) bool      { return slices.Contains(f.msgs, want) }
func (f *fakeView) count(want tea.Msg) (n int) { return countMsgs(f.msgs, want) }

func countMsgs(msgs []tea.Msg, want tea.Msg) (n int) {
	for _, m := range msgs {
		if m == want {
			n++
		}
	}
	return n
}

// fakeViews builds fake views and remembers them, newest last.
type fakeViews struct {
	built []*fakeView
	ctx   *Context
}

func (fv *fakeViews) add(ctx *Context, title, cluster string) View {
	fv.ctx = ctx
	v := &fakeView{title: title, cluster: cluster, keys: []key.Binding{ctx.Keys.Resource.Describe}}
	fv.built = append(fv.built, v)
	return v
}

func (fv *fakeViews) factory() viewFactory {
	return viewFactory{
		clusters: func(ctx *Context) View { return fv.add(ctx, "clusters", "") },
		services: func(ctx *Context, c string) View { return fv.add(ctx, "services("+c+")", c) },
		tasks: func(ctx *Context, c, s string) View {
			return fv.add(ctx, "tasks("+c+"/"+s+")", c)
		},
		instances: func(ctx *Context, c string) View { return fv.add(ctx, "instances("+c+")", c) },
	}
}

func (fv *fakeViews) last() *fakeView { return fv.built[len(fv.built)-1] }

func newTestApp(t *testing.T, opts Options) (*App, *fakeViews) {
	t.Helper()
	fv := &fakeViews{}
	a := newApp(opts, fv.factory())
	a.Init()
	a.update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return a, fv
}

// screen is the App's plain text.
func screen(a *App) string { return ansi.Strip(a.render()) }

func typeKeys(a *App, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		cmd = a.update(press(k))
	}
	return cmd
}

func typeText(a *App, s string) {
	for _, r := range s {
		a.update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

func crumbsOf(a *App) string { return ansi.Strip(a.crumbs()) }

func TestAppNavigateBackAndCrumbs(t *testing.T) {
	a, fv := newTestApp(t, Options{})
	root := fv.last()
	if root.inits != 1 || root.h != 30-chrome || root.w != 100 {
		t.Fatalf("root: inits %d size %dx%d", root.inits, root.w, root.h)
	}
	svc := &fakeView{title: "services(prod)", cluster: "prod"}
	a.update(NavigateMsg{View: svc})
	if svc.inits != 1 || svc.w != 100 || svc.h != 30-chrome {
		t.Errorf("pushed view: inits %d size %dx%d", svc.inits, svc.w, svc.h)
	}
	if got := crumbsOf(a); got != "<clusters> <services(prod)>" {
		t.Errorf("crumbs %q", got)
	}
	if !strings.Contains(screen(a), "body of services(prod)") || !strings.Contains(screen(a), "Cluster: prod") {
		t.Errorf("screen:\n%s", screen(a))
	}
	// a covered view receives nothing, so its ticks and replies stop
	before := len(root.msgs)
	a.update(RefreshNowMsg{})
	a.update(struct{ reply int }{1})
	if len(root.msgs) != before || len(svc.msgs) != 2 {
		t.Errorf("covered view got %d new messages, top got %d", len(root.msgs)-before, len(svc.msgs))
	}
	// too deep for the width: the oldest crumbs go, the top stays whole
	a.update(tea.WindowSizeMsg{Width: 40, Height: 30})
	a.update(NavigateMsg{View: &fakeView{title: "tasks(prod/web)"}})
	a.update(NavigateMsg{View: &fakeView{title: "containers(0123456789abcdef)"}})
	if got := crumbsOf(a); got != "… <containers(0123456789abcdef)>" {
		t.Errorf("crumbs too wide for 40 cells: %q", got)
	}
	a.update(BackMsg{})
	if got := crumbsOf(a); got != "… <services(prod)> <tasks(prod/web)>" {
		t.Errorf("crumbs too wide for 40 cells: %q", got)
	}
	a.update(BackMsg{})
	a.update(tea.WindowSizeMsg{Width: 100, Height: 30})
	a.update(BackMsg{})
	if got := crumbsOf(a); got != "<clusters>" {
		t.Errorf("crumbs after back %q", got)
	}
	if !root.got(ResumeMsg{}) || root.inits != 1 {
		t.Errorf("root not resumed once: inits %d msgs %v", root.inits, root.msgs)
	}
	a.update(BackMsg{})
	typeKeys(a, "esc")
	if len(a.stack) != 1 || root.count(ResumeMsg{}) != 1 {
		t.Errorf("popped below the root: %d views, %d resumes", len(a.stack), root.count(ResumeMsg{}))
	}
}

func TestAppStartsOnClusterServices(t *testing.T) {
	a, fv := newTestApp(t, Options{Cluster: "prod"})
	clusters, services := fv.built[0], fv.built[1]
	if clusters.inits != 0 || services.inits != 1 {
		t.Fatalf("inits: clusters %d services %d", clusters.inits, services.inits)
	}
	if got := crumbsOf(a); got != "<clusters> <services(prod)>" {
		t.Errorf("crumbs %q", got)
	}
	// the services view reports the unknown cluster; the App shows it
	a.update(FlashMsg{Level: FlashError, Text: "cluster prod not found\x1b]0;x\x07"})
	if s := screen(a); !strings.Contains(s, "cluster prod not found") || strings.Contains(a.render(), "\x1b]0") {
		t.Errorf("flash not shown or not sanitized:\n%q", s)
	}
	typeKeys(a, "esc")
	if clusters.inits != 1 || clusters.got(ResumeMsg{}) {
		t.Errorf("clusters started by Init once: inits %d msgs %v", clusters.inits, clusters.msgs)
	}
}

func TestAppFlashClearsOnlyWithItsOwnTick(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	a.update(FlashMsg{Level: FlashInfo, Text: "first"})
	first := a.flash.id
	a.update(FlashMsg{Level: FlashWarn, Text: "second"})
	a.update(flashClearMsg{id: first})
	if !strings.Contains(screen(a), "second") {
		t.Fatal("an older tick cleared a newer message")
	}
	a.update(flashClearMsg{id: a.flash.id})
	if strings.Contains(screen(a), "second") {
		t.Error("own tick did not clear the message")
	}
}

func TestAppWarningsAtStart(t *testing.T) {
	a, _ := newTestApp(t, Options{Warnings: []string{"config.yaml:3: bad refresh"}})
	if !strings.Contains(screen(a), "config.yaml:3: bad refresh") {
		t.Errorf("warning not shown:\n%s", screen(a))
	}
}

func TestAppCommandModeWithCompletion(t *testing.T) {
	a, fv := newTestApp(t, Options{})
	a.update(ClustersKnownMsg{Names: []string{"prod", "production-eu", "staging"}})
	typeKeys(a, ":")
	typeText(a, "sv")
	typeKeys(a, "tab")
	if got := a.input.Value(); got != "svc " {
		t.Fatalf("tab on sv: %q", got)
	}
	typeText(a, "pr")
	typeKeys(a, "tab")
	if got := a.input.Value(); got != "svc prod" || !strings.Contains(screen(a), "svc production-eu") {
		t.Fatalf("tab on pr: %q, candidates %q", got, a.candidates)
	}
	typeText(a, "uction-eu")
	if !strings.Contains(screen(a), ":svc production-eu") {
		t.Errorf("prompt not drawn:\n%s", screen(a))
	}
	typeKeys(a, "enter")
	if got := crumbsOf(a); got != "<clusters> <services(production-eu)>" {
		t.Errorf("crumbs %q", got)
	}
	if fv.last().inits != 1 || a.mode != modeNormal {
		t.Errorf("command view not started or prompt still open")
	}
	// no cluster given: the current one; the command view replaces the one above the root
	typeKeys(a, ":")
	typeText(a, "tasks")
	typeKeys(a, "enter")
	if got := crumbsOf(a); got != "<clusters> <tasks(production-eu/)>" {
		t.Errorf("crumbs %q", got)
	}
	typeKeys(a, ":")
	typeText(a, "cl")
	typeKeys(a, "enter")
	if got := crumbsOf(a); got != "<clusters>" || !fv.built[0].got(ResumeMsg{}) {
		t.Errorf(":cl → %q", got)
	}
	typeKeys(a, ":")
	typeText(a, "svc")
	typeKeys(a, "enter")
	if got := crumbsOf(a); got != "<clusters>" || !strings.Contains(screen(a), "no cluster selected") {
		t.Errorf(":svc without a cluster:\n%s", screen(a))
	}
}

func TestAppCommandErrors(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	for _, tc := range []struct{ line, want string }{
		{"pods", "unknown command :pods"},
		{"ctx", "not available yet"},
	} {
		typeKeys(a, ":")
		typeText(a, tc.line)
		typeKeys(a, "enter")
		if !strings.Contains(screen(a), tc.want) {
			t.Errorf(":%s: flash misses %q:\n%s", tc.line, tc.want, screen(a))
		}
	}
	typeKeys(a, ":")
	typeText(a, "svc")
	if cmd := typeKeys(a, "esc"); cmd != nil || a.mode != modeNormal || len(a.stack) != 1 {
		t.Error("esc did not cancel the command")
	}
	typeKeys(a, ":")
	if cmd := typeKeys(a, "enter"); cmd != nil || a.mode != modeNormal {
		t.Error("empty command did something")
	}
	typeKeys(a, ":")
	typeText(a, "q")
	if !isQuit(typeKeys(a, "enter")) {
		t.Error(":q did not quit")
	}
}

// searchingView is a view whose `/` searches rather than filters.
type searchingView struct{ fakeView }

func (*searchingView) FilterHint() string { return "search this document" }

func TestAppFilterPromptHintComesFromTheView(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	typeKeys(a, "/")
	if s := screen(a); !strings.Contains(s, filterHint) {
		t.Errorf("a table's / prompt does not say it filters rows:\n%s", s)
	}
	typeKeys(a, "esc")
	a.update(NavigateMsg{View: &searchingView{fakeView{title: "describe"}}})
	typeKeys(a, "/")
	if s := screen(a); !strings.Contains(s, "search this document") || strings.Contains(s, filterHint) {
		t.Errorf("the describe-like view's / prompt does not use its own hint:\n%s", s)
	}
}

func TestAppFilterIsLive(t *testing.T) {
	a, fv := newTestApp(t, Options{})
	svc := &fakeView{title: "services(prod)"}
	a.update(NavigateMsg{View: svc})
	typeKeys(a, "/")
	typeText(a, "!we")
	want := []tea.Msg{FilterMsg{"!"}, FilterMsg{"!w"}, FilterMsg{"!we"}}
	if got := svc.msgs; !slices.Equal(got, want) {
		t.Fatalf("live filter messages %v, want %v", got, want)
	}
	typeKeys(a, "backspace")
	if !svc.got(FilterMsg{"!w"}) || svc.count(FilterMsg{"!w"}) != 2 {
		t.Errorf("backspace not sent: %v", svc.msgs)
	}
	typeKeys(a, "enter")
	if a.mode != modeNormal || crumbsOf(a) != "<clusters> <services(prod)> /!w" {
		t.Errorf("enter: mode %d crumbs %q", a.mode, crumbsOf(a))
	}
	// q typed into the filter is text, not quit or back
	typeKeys(a, "/")
	if cmd := typeKeys(a, "q"); isQuit(cmd) || len(a.stack) != 2 || !svc.got(FilterMsg{"!wq"}) {
		t.Error("q in filter mode was not text")
	}
	typeKeys(a, "esc") // esc while editing clears the filter
	if !svc.got(FilterMsg{""}) || a.top().filter != "" || len(a.stack) != 2 {
		t.Errorf("esc in filter mode: %v", svc.msgs)
	}
	// in normal mode esc first clears a kept filter, then goes back
	typeKeys(a, "/")
	typeText(a, "x")
	typeKeys(a, "enter", "esc")
	if len(a.stack) != 2 || a.top().filter != "" || svc.count(FilterMsg{""}) != 2 {
		t.Errorf("esc with a filter went back or kept it: %v", svc.msgs)
	}
	typeKeys(a, "esc")
	if len(a.stack) != 1 || fv.built[0].got(FilterMsg{"x"}) {
		t.Error("esc without a filter did not go back, or the filter leaked")
	}
}

func TestAppRefreshKey(t *testing.T) {
	a, fv := newTestApp(t, Options{})
	typeKeys(a, "ctrl+r")
	if !fv.last().got(RefreshNowMsg{}) {
		t.Error("ctrl-r did not reach the top view")
	}
	typeKeys(a, "j")
	if !fv.last().got(press("j")) {
		t.Error("other keys do not reach the top view")
	}
}

func TestAppHelpListsBindings(t *testing.T) {
	a, fv := newTestApp(t, Options{})
	root := fv.last()
	root.keys = append(root.keys, fv.ctx.Keys.Mutate.Bindings()...)
	typeKeys(a, "?")
	s := screen(a)
	for _, want := range []string{"GLOBAL", "<?>", "<:>", "</>", "<ctrl-r>", "refresh", "NAVIGATION", "<pgdn>", "CLUSTERS", "<d>", "describe", "<s>", "scale", "<ctrl-d>"} {
		if !strings.Contains(s, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	typeKeys(a, "d") // keys do not leak to the view under help
	if root.got(press("d")) {
		t.Error("key reached the view under help")
	}
	typeKeys(a, "?")
	if strings.Contains(screen(a), "GLOBAL") {
		t.Error("? did not close help")
	}
}

func TestAppReadOnlyHidesMutatingKeys(t *testing.T) {
	a, fv := newTestApp(t, Options{ReadOnly: true})
	root := fv.last()
	root.keys = append(root.keys, fv.ctx.Keys.Mutate.Bindings()...)
	typeKeys(a, "?")
	s := screen(a)
	for _, hidden := range []string{"scale", "restart", "<ctrl-d>", "<ctrl-k>"} {
		if strings.Contains(s, hidden) {
			t.Errorf("read-only help shows %q", hidden)
		}
	}
	if !strings.Contains(s, "describe") || !strings.Contains(s, "[read-only]") {
		t.Errorf("read-only help/header:\n%s", s)
	}
}

func TestAppCtrlCQuitsFromAnyMode(t *testing.T) {
	for name, keys := range map[string][]string{
		"normal": nil, "command": {":"}, "filter": {"/"}, "help": {"?"},
	} {
		a, _ := newTestApp(t, Options{})
		a.update(NavigateMsg{View: &fakeView{title: "deep"}})
		typeKeys(a, keys...)
		if !isQuit(typeKeys(a, "ctrl+c")) {
			t.Errorf("ctrl-c in %s mode did not quit", name)
		}
	}
}

func TestAppQuitKey(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	a.update(NavigateMsg{View: &fakeView{title: "deep"}})
	if cmd := typeKeys(a, "q"); isQuit(cmd) || len(a.stack) != 1 {
		t.Fatal("q on a pushed view should go back")
	}
	if !isQuit(typeKeys(a, "q")) {
		t.Error("q on the root did not quit")
	}
}

func TestAppHeader(t *testing.T) {
	a, _ := newTestApp(t, Options{Version: "v1.2.3"})
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	a.ctx.Now = func() time.Time { return now }
	s := screen(a)
	for _, want := range []string{"Account: …", "Refresh: …", "ecsdeck v1.2.3", "<d>", "describe"} {
		if !strings.Contains(s, want) {
			t.Errorf("header lacks %q:\n%s", want, s)
		}
	}
	a.update(identityMsg{id: model.Identity{Account: "123456789012"}})
	a.update(RefreshStateMsg{At: now.Add(-3 * time.Second)})
	s = screen(a)
	if !strings.Contains(s, "Account: 123456789012") || !strings.Contains(s, "Refresh: 3s ago") {
		t.Errorf("header after identity and refresh:\n%s", s)
	}
	a.update(RefreshStateMsg{At: now.Add(-3 * time.Second), Err: &aws.Error{Kind: aws.KindThrottled, Message: "slow down"}})
	if s = screen(a); !strings.Contains(s, "Refresh: stale: throttled · 3s ago") {
		t.Errorf("stale refresh, with the age of the rows on show:\n%s", s)
	}
	// each view keeps its own refresh state
	a.update(NavigateMsg{View: &fakeView{title: "deep"}})
	if s = screen(a); !strings.Contains(s, "Refresh: …") {
		t.Errorf("pushed view shows the root's refresh state:\n%s", s)
	}
	a.update(BackMsg{})
	if s = screen(a); !strings.Contains(s, "stale: throttled") {
		t.Errorf("root's state lost:\n%s", s)
	}
	a.update(identityMsg{err: &aws.Error{Kind: aws.KindCredentials}})
	if s = screen(a); !strings.Contains(s, "Account: ✗ credentials") {
		t.Errorf("identity error:\n%s", s)
	}
	// an error of no known kind (a 5xx) is named by AWS's code, not by the
	// start of its message
	a.update(identityMsg{err: &aws.Error{Op: "sts:GetCallerIdentity", Code: "InternalFailure", Message: "We encountered an internal error."}})
	a.update(RefreshStateMsg{Err: &aws.Error{Op: "ecs:ListClusters", Code: "ServerException", Message: "Service Unavailable."}})
	if s = screen(a); !strings.Contains(s, "Account: ✗ InternalFailure ") || !strings.Contains(s, "Refresh: stale: ServerException ") {
		t.Errorf("errors of no known kind:\n%s", s)
	}
}

func TestAppScreenFitsTheTerminal(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	a.update(FlashMsg{Text: strings.Repeat("long ", 100)})
	for _, size := range [][2]int{{100, 30}, {40, 12}, {20, 8}} {
		a.update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		lines := strings.Split(a.render(), "\n")
		if len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%v: line of %d cells: %q", size, w, ansi.Strip(l))
			}
		}
	}
}

func TestAppNoColor(t *testing.T) {
	fv := &fakeViews{}
	a := newApp(Options{NoColor: true}, fv.factory())
	a.Init()
	a.update(tea.WindowSizeMsg{Width: 80, Height: 20})
	a.update(tea.BackgroundColorMsg{})
	a.update(FlashMsg{Level: FlashError, Text: "boom"})
	if out := a.render(); strings.Contains(out, "38;") || strings.Contains(out, "48;") {
		t.Errorf("colour drawn with NO_COLOR: %q", out)
	}
	if !a.ctx.Styles.Theme.NoColor {
		t.Error("background colour message turned colour back on")
	}
}

func TestAppBackgroundColourRestyles(t *testing.T) {
	a, fv := newTestApp(t, Options{})
	styles := fv.ctx.Styles
	dark := styles.Status(StatusOK).Render("x")
	a.update(tea.BackgroundColorMsg{Color: color.White})
	if fv.ctx.Styles != styles {
		t.Fatal("views lost the shared styles")
	}
	if light := styles.Status(StatusOK).Render("x"); light == dark {
		t.Error("light background kept the dark palette")
	}
}

// reportingView reports a refresh from its Init command.
type reportingView struct {
	fakeView
	report RefreshStateMsg
}

func (r *reportingView) Init() tea.Cmd {
	return tea.Batch(nil, func() tea.Msg { return r.report }, func() tea.Msg { return FlashMsg{Text: "loaded"} })
}

// runCmd runs a view's command, batches included, and delivers its
// messages (not running what the App returns: flash ticks would wait).
func runCmd(a *App, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			runCmd(a, c)
		}
	default:
		a.update(msg)
	}
}

func TestAppLateRefreshReportLandsOnItsView(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	failed := &reportingView{fakeView: fakeView{title: "services(prod)"}, report: RefreshStateMsg{Err: &aws.Error{Kind: aws.KindNotFound}}}
	initCmd := a.update(NavigateMsg{View: failed})
	a.update(BackMsg{}) // the user leaves before the report arrives
	a.update(NavigateMsg{View: &fakeView{title: "tasks"}})
	runCmd(a, initCmd)
	if s := screen(a); strings.Contains(s, "stale") || !strings.Contains(s, "loaded") {
		t.Errorf("a left view's report reached the top view's header:\n%s", s)
	}
	a.update(BackMsg{})
	if s := screen(a); strings.Contains(s, "stale") {
		t.Errorf("report landed on the root:\n%s", s)
	}
	// a view still on the stack gets its own report while covered
	kept := &reportingView{fakeView: fakeView{title: "kept"}, report: RefreshStateMsg{Err: &aws.Error{Kind: aws.KindThrottled}}}
	initCmd = a.update(NavigateMsg{View: kept})
	a.update(NavigateMsg{View: &fakeView{title: "above"}})
	runCmd(a, initCmd)
	if s := screen(a); strings.Contains(s, "stale") {
		t.Errorf("covered view's report shown for the top:\n%s", s)
	}
	a.update(BackMsg{})
	if s := screen(a); !strings.Contains(s, "stale: throttled") {
		t.Errorf("covered view lost its report:\n%s", s)
	}
}

// countingView is a fake view that counts its rows.
type countingView struct {
	fakeView
	shown, total int
	loaded       bool
}

func (c *countingView) Count() (int, int, bool) { return c.shown, c.total, c.loaded }

func TestAppCrumbsCountTheTopViewsRows(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	cv := &countingView{fakeView: fakeView{title: "services(prod)"}}
	a.update(NavigateMsg{View: cv})
	if got := crumbsOf(a); got != "<clusters> <services(prod)>" {
		t.Errorf("before the first load: crumbs %q", got)
	}
	cv.shown, cv.total, cv.loaded = 5, 5, true
	if got := crumbsOf(a); got != "<clusters> <services(prod)> [5]" {
		t.Errorf("loaded: crumbs %q", got)
	}
	typeKeys(a, "/")
	typeText(a, "web")
	typeKeys(a, "enter")
	cv.shown = 1
	if got := crumbsOf(a); got != "<clusters> <services(prod)> /web [1/5]" {
		t.Errorf("filtered: crumbs %q", got)
	}
	// only the top view's rows are counted
	a.update(NavigateMsg{View: &fakeView{title: "describe(service web)"}})
	if got := crumbsOf(a); got != "<clusters> <services(prod)> /web <describe(service web)>" {
		t.Errorf("covered: crumbs %q", got)
	}
}
