package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/ecsdeck/ecsdeck/model"
)

var testStyles = NewStyles(Theme{Dark: true})

func testColumns() []Column {
	return []Column{
		{Title: "NAME", Sort: model.SortName},
		{Title: "STATUS", Sort: model.SortStatus},
		{Title: "COUNT", Right: true},
		{Title: "AGE", Sort: model.SortAge},
	}
}

func row(id, status string, count int, ageKey string) Row {
	return Row{ID: id, Cells: []string{id, status, fmt.Sprint(count), "age"}, SortKeys: []string{"", "", "", ageKey}}
}

func press(k string) tea.KeyPressMsg {
	switch k {
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	if c, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(c[0]), Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

func selectedID(t *testing.T, tb *Table) string {
	t.Helper()
	r, ok := tb.Selected()
	if !ok {
		t.Fatal("no selection")
	}
	return r.ID
}

func shownIDs(tb *Table) []string {
	var ids []string
	for _, i := range tb.shown {
		ids = append(ids, tb.rows[i].ID)
	}
	return ids
}

func TestTableKeepsSelectionByID(t *testing.T) {
	tb := NewTable(testColumns(), testStyles)
	tb.SetSize(80, 10)
	tb.SortBy(0, false)
	tb.SetRows([]Row{row("a", "RUNNING", 1, ""), row("c", "RUNNING", 1, ""), row("e", "RUNNING", 1, "")})
	tb.Update(press("down"))
	tb.Update(press("j"))
	if got := selectedID(t, tb); got != "e" {
		t.Fatalf("after two downs: %q", got)
	}
	// rows appear before the selection: the cursor follows "e"
	tb.SetRows([]Row{row("a", "", 1, ""), row("b", "", 1, ""), row("c", "", 1, ""), row("d", "", 1, ""), row("e", "", 2, "")})
	if got := selectedID(t, tb); got != "e" {
		t.Fatalf("after rows appeared: %q", got)
	}
	if r, _ := tb.Selected(); r.Cells[2] != "2" {
		t.Errorf("selection shows old data: %q", r.Cells)
	}
	// the selected row vanishes: the cursor keeps its index (clamped), not the top
	tb.Update(press("k"))
	if got := selectedID(t, tb); got != "d" {
		t.Fatalf("after up: %q", got)
	}
	tb.SetRows([]Row{row("a", "", 1, ""), row("b", "", 1, ""), row("c", "", 1, ""), row("e", "", 1, ""), row("f", "", 1, "")})
	if got := selectedID(t, tb); got != "e" {
		t.Errorf("after d vanished: %q, want e (same index)", got)
	}
	tb.SetRows([]Row{row("a", "", 1, ""), row("b", "", 1, "")})
	if got := selectedID(t, tb); got != "b" {
		t.Errorf("after shrink: %q, want b (clamped)", got)
	}
	tb.SetRows(nil)
	if _, ok := tb.Selected(); ok || tb.Len() != 0 {
		t.Error("selection in an empty table")
	}
}

func TestTableNavigation(t *testing.T) {
	tb := NewTable(testColumns(), testStyles)
	tb.SetSize(80, 6) // header + 5 rows
	var rows []Row
	for i := 0; i < 20; i++ {
		rows = append(rows, row(fmt.Sprintf("r%02d", i), "", i, ""))
	}
	tb.SetRows(rows)
	steps := []struct {
		key, want string
	}{
		{"G", "r19"}, {"g", "r00"}, {"pgdown", "r05"}, {"pgdown", "r10"}, {"pgup", "r05"},
		{"up", "r04"}, {"k", "r03"}, {"end", "r19"}, {"down", "r19"}, {"home", "r00"}, {"up", "r00"},
	}
	for _, s := range steps {
		var msg tea.KeyPressMsg
		switch s.key {
		case "end":
			msg = tea.KeyPressMsg{Code: tea.KeyEnd}
		case "home":
			msg = tea.KeyPressMsg{Code: tea.KeyHome}
		default:
			msg = press(s.key)
		}
		tb.Update(msg)
		if got := selectedID(t, tb); got != s.want {
			t.Fatalf("after %s: %q, want %q", s.key, got, s.want)
		}
	}
	tb.Update(press("G"))
	view := ansi.Strip(tb.View())
	lines := strings.Split(view, "\n")
	if len(lines) != 6 || !strings.HasPrefix(lines[5], "r19") || !strings.HasPrefix(lines[1], "r15") {
		t.Errorf("window at the bottom:\n%s", view)
	}
}

func TestTableFilter(t *testing.T) {
	tb := NewTable(testColumns(), testStyles)
	tb.SetSize(80, 10)
	tb.SortBy(0, false)
	tb.SetRows([]Row{row("web", "RUNNING", 1, ""), row("worker", "PENDING", 1, ""), row("api", "STOPPED", 1, "")})
	tb.Update(press("g"))
	tb.SetFilter("W")
	if got := strings.Join(shownIDs(tb), ","); got != "web,worker" {
		t.Errorf("filter W: %s", got)
	}
	if got := selectedID(t, tb); got != "web" {
		t.Errorf("selection after its row was filtered out: %q, want the first row", got)
	}
	tb.Update(press("j"))
	tb.SetFilter("!web")
	if got := strings.Join(shownIDs(tb), ","); got != "api,worker" {
		t.Errorf("filter !web: %s", got)
	}
	if got := selectedID(t, tb); got != "worker" {
		t.Errorf("selection still shown was lost: %q", got)
	}
	tb.SetFilter("pend") // matches the status cell
	if got := strings.Join(shownIDs(tb), ","); got != "worker" {
		t.Errorf("filter pend: %s", got)
	}
	tb.SetFilter("brun") // "web"+"RUNNING": a match never spans two cells
	if tb.Len() != 0 || !strings.Contains(ansi.Strip(tb.View()), "no rows match") {
		t.Errorf("cross-cell match or no empty text: %d\n%s", tb.Len(), ansi.Strip(tb.View()))
	}
	tb.SetFilter("")
	if tb.Len() != 3 {
		t.Errorf("clearing the filter shows %d rows", tb.Len())
	}
	tb.SetFilter("w")
	tb.SetRows([]Row{row("web", "", 1, ""), row("api", "", 1, ""), row("wasm", "", 1, "")})
	if got := strings.Join(shownIDs(tb), ","); got != "wasm,web" {
		t.Errorf("filter applied to new rows: %s", got)
	}
}

func TestTableSort(t *testing.T) {
	tb := NewTable(testColumns(), testStyles)
	tb.SetSize(80, 10)
	tb.SetRows([]Row{
		row("b", "RUNNING", 10, "0002"),
		row("a", "running", 9, "0003"),
		row("c", "PENDING", 100, "0001"),
		row("d", "RUNNING", 9, "0001"),
	})
	if got := strings.Join(shownIDs(tb), ","); got != "b,a,c,d" {
		t.Errorf("unsorted keeps the given order: %s", got)
	}
	tb.Update(press("S"))
	if got := strings.Join(shownIDs(tb), ","); got != "c,a,b,d" {
		t.Errorf("status ascending, case-insensitive, ties by ID: %s", got)
	}
	if col, desc := tb.SortColumn(); col != 1 || desc {
		t.Errorf("SortColumn = %d %v", col, desc)
	}
	tb.Update(press("S"))
	if got := strings.Join(shownIDs(tb), ","); got != "a,b,d,c" {
		t.Errorf("status descending, ties still by ID: %s", got)
	}
	if !strings.Contains(tb.View(), "STATUS↓") {
		t.Errorf("no arrow on the sorted column:\n%s", tb.View())
	}
	tb.Update(press("A"))
	if got := strings.Join(shownIDs(tb), ","); got != "c,d,b,a" {
		t.Errorf("age ascending by sort keys: %s", got)
	}
	tb.SortBy(2, false)
	if got := strings.Join(shownIDs(tb), ","); got != "a,d,b,c" {
		t.Errorf("numbers sort numerically: %s", got)
	}
	tb.Update(press("N"))
	tb.Update(press("G"))
	tb.Update(press("N")) // descending; the cursor stays on "d"
	if got := strings.Join(shownIDs(tb), ","); got != "d,c,b,a" || selectedID(t, tb) != "d" {
		t.Errorf("name descending: %s, selected %s", got, selectedID(t, tb))
	}
}

func TestTableWidthsAndTruncation(t *testing.T) {
	cols := []Column{{Title: "NAME", MinWidth: 6, Flex: true}, {Title: "IMAGE", MinWidth: 5}, {Title: "N", Right: true}}
	tb := NewTable(cols, testStyles)
	tb.SetRows([]Row{
		{ID: "1", Cells: []string{"日本語のサービス名前", "nginx:1.25", "7"}},
		{ID: "2", Cells: []string{"web", "a-very-long-registry/image:tag", "12"}},
	})
	for _, w := range []int{80, 30, 20, 12} {
		tb.SetSize(w, 5)
		for i, line := range strings.Split(ansi.Strip(tb.View()), "\n") {
			if got := textWidth(line); got != w {
				t.Errorf("width %d, line %d is %d cells: %q", w, i, got, line)
			}
		}
	}
	tb.SetSize(30, 5)
	view := ansi.Strip(tb.View())
	if !strings.Contains(view, "…") {
		t.Errorf("nothing truncated at width 30:\n%s", view)
	}
	// wide runes are cut whole: no half character, line width exact
	if strings.ContainsRune(view, '\ufffd') {
		t.Errorf("broken rune:\n%s", view)
	}
	tb.SetSize(80, 5)
	view = ansi.Strip(tb.View())
	if !strings.Contains(view, "a-very-long-registry/image:tag") || !strings.Contains(view, "日本語のサービス名前") {
		t.Errorf("truncated at full width:\n%s", view)
	}
	// flex column takes the leftover width
	if tb.width[0] <= textWidth("日本語のサービス名前") {
		t.Errorf("flex column did not grow: %v", tb.width)
	}
}

func TestTableColourAppliedAfterTruncation(t *testing.T) {
	tb := NewTable([]Column{{Title: "NAME"}}, testStyles)
	tb.SetRows([]Row{{ID: "x", Cells: []string{strings.Repeat("x", 50)}, State: StatusError}, {ID: "y", Cells: []string{"y"}, State: StatusOK}})
	tb.SetSize(10, 4)
	lines := strings.Split(tb.View(), "\n")
	// each styled line opens and closes its own style: one SGR prefix, reset at the end
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "\x1b[") || !strings.HasSuffix(l, "m") {
			t.Errorf("line not wholly styled: %q", l)
		}
		if w := ansi.StringWidth(l); w != 10 {
			t.Errorf("styled line width %d: %q", w, l)
		}
	}
	if lines[1] == lines[2] {
		t.Error("selected and normal rows look the same")
	}
}

func TestTableSanitizesCells(t *testing.T) {
	tb := NewTable([]Column{{Title: "NAME"}, {Title: "MSG", Flex: true}}, testStyles)
	tb.SetSize(60, 4)
	tb.SetRows([]Row{{ID: "evil", Cells: []string{"\x1b]52;c;cHduZWQ=\x07web", "line1\nline2\x1b[2J"}}})
	r, _ := tb.Selected()
	if r.Cells[0] != "web" || r.Cells[1] != "line1 ⏎ line2" {
		t.Errorf("cells not sanitized: %q", r.Cells)
	}
	if strings.Contains(tb.View(), "\x1b]") || strings.Contains(tb.View(), "\x1b[2J") {
		t.Errorf("control sequence drawn: %q", tb.View())
	}
}

func TestTableNoColour(t *testing.T) {
	st := NewStyles(Theme{NoColor: true})
	tb := NewTable([]Column{{Title: "NAME"}}, st)
	tb.SetSize(20, 6)
	tb.SetRows([]Row{
		{ID: "a", Cells: []string{"a"}, State: StatusError}, {ID: "b", Cells: []string{"b"}, State: StatusOK},
		{ID: "c", Cells: []string{"c"}, State: StatusError}, {ID: "d", Cells: []string{"d"}, State: StatusWarn},
		{ID: "e", Cells: []string{"e"}, State: StatusStopped},
	})
	view := tb.View()
	if strings.Contains(view, "38;") || strings.Contains(view, "48;") {
		t.Errorf("colour with NO_COLOR: %q", view)
	}
	lines := strings.Split(view, "\n")
	if !strings.Contains(lines[1], "\x1b[1;7m") {
		t.Errorf("selected row not reversed: %q", lines[1])
	}
	// without colour, trouble stands out in bold and stopped rows fade
	for i, want := range map[int]string{2: "", 3: "\x1b[1m", 4: "\x1b[1m", 5: "\x1b[2m"} {
		if want == "" && strings.Contains(lines[i], "\x1b[") || want != "" && !strings.HasPrefix(lines[i], want) {
			t.Errorf("row %d drawn %q, want it to start with %q", i, lines[i], want)
		}
	}
}

func TestTableKeepsIDsWholeAndShedsDetail(t *testing.T) {
	cols := []Column{{Title: "ID", MinWidth: 4, NoTruncate: true}, {Title: "NAME", MinWidth: 4, Flex: true},
		{Title: "IP", NoTruncate: true}, {Title: "CPU", Right: true, Shed: 2}, {Title: "MEM", Right: true, Shed: 1}}
	tb := NewTable(cols, testStyles)
	id := "0123456789abcdef0123456789abcdef"
	tb.SetRows([]Row{{ID: "1", Cells: []string{id, "a-long-service-name", "10.0.100.200", "1 vCPU", "2 GiB"}}})
	header := func() string { return strings.Split(ansi.Strip(tb.View()), "\n")[0] }
	for _, tc := range []struct {
		w    int
		want string // the columns shown
	}{
		// 32 + 19 (the whole name) + 12 + 6 + 5 + 4 gaps of 2 = 82
		{82, "ID NAME IP CPU MEM"},
		{81, "ID NAME IP MEM"}, // CPU goes first so that the name stays whole
		{67, "ID NAME IP"},     // 82 - CPU and MEM with their gaps
		// 66: not even shedding both makes the name whole, so only what
		// the flex column's minimum (4) needs is shed: CPU, before MEM.
		{66, "ID NAME IP MEM"},
		{58, "ID NAME IP"},
		{52, "ID NAME IP"},
		{40, "ID NAME"}, // nothing left to shed: the line is clipped
	} {
		tb.SetSize(tc.w, 3)
		if got := strings.Join(strings.Fields(header()), " "); got != tc.want {
			t.Errorf("width %d: columns %q, want %q", tc.w, got, tc.want)
		}
		view := ansi.Strip(tb.View())
		for i, line := range strings.Split(view, "\n") {
			if textWidth(line) != tc.w {
				t.Errorf("width %d: line %d is %d cells", tc.w, i, textWidth(line))
			}
		}
		if !strings.HasPrefix(strings.Split(view, "\n")[1], id+"  ") {
			t.Errorf("width %d: the ID is not whole:\n%s", tc.w, view)
		}
		if whole := strings.Contains(view, "a-long-service-name"); whole != (tc.w >= 67) {
			t.Errorf("width %d: name whole %v:\n%s", tc.w, whole, view)
		}
		if tc.w >= 52 && !strings.Contains(view, "  10.0.100.200") {
			t.Errorf("width %d: the IP is not whole:\n%s", tc.w, view)
		}
	}
	// With room to spare nothing is shed and the flex column grows.
	tb.SetSize(100, 3)
	if got := strings.Join(strings.Fields(header()), " "); got != "ID NAME IP CPU MEM" || !strings.Contains(tb.View(), "a-long-service-name") {
		t.Errorf("width 100: %q\n%s", got, tb.View())
	}
}

// An empty table's text wraps to the width rather than being cut: an
// error's advice comes last.
func TestTableEmptyTextWraps(t *testing.T) {
	tb := NewTable(testColumns(), testStyles)
	tb.SetSize(40, 6)
	tb.SetEmptyText("could not load clusters: the AWS SSO session for profile prod has expired — run: aws sso login --profile prod")
	lines := strings.Split(ansi.Strip(tb.View()), "\n")
	if len(lines) < 4 || len(lines) > 6 {
		t.Fatalf("%d lines for a table 6 high:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	var text []string
	for _, l := range lines[1:] {
		if w := textWidth(l); w != 40 {
			t.Errorf("line %q is %d cells wide, want 40", l, w)
		}
		text = append(text, strings.TrimSpace(l))
	}
	if got := strings.Join(text, " "); !strings.HasSuffix(got, "run: aws sso login --profile prod") || strings.Contains(got, "…") {
		t.Errorf("empty text wrapped to %q; want all of it", got)
	}
	// never more lines than the table has
	tb.SetSize(40, 3)
	if n := strings.Count(tb.View(), "\n") + 1; n != 3 {
		t.Errorf("%d lines in a table 3 high", n)
	}
}

// A table offers, and answers, only the sorts its columns declare.
func TestTableSortKeysFollowColumns(t *testing.T) {
	tb := NewTable([]Column{{Title: "NAME", Sort: model.SortName}, {Title: "STATUS", Sort: model.SortStatus}, {Title: "EXIT"}}, testStyles)
	tb.SetSize(40, 5)
	tb.SetRows([]Row{row("b", "RUNNING", 1, ""), row("a", "STOPPED", 1, "")})
	var keys []string
	for _, b := range tb.SortKeys() {
		keys = append(keys, b.Help().Key)
	}
	if strings.Join(keys, " ") != "N S" {
		t.Errorf("sort keys %q, want N and S (no age column)", keys)
	}
	tb.Update(press("A"))
	if col, _ := tb.SortColumn(); col != -1 {
		t.Errorf("A sorted by column %d of a table without an age column", col)
	}
	tb.Update(press("S"))
	if col, desc := tb.SortColumn(); col != 1 || desc {
		t.Errorf("S: sort column %d desc %v, want 1 ascending", col, desc)
	}
}

// At 80 columns, a small tmux pane, each browse view leaves out its
// detail columns whole, least important first, and what an operator
// reads — names, status, counts, task definition, deployment state,
// image, instance ID, free capacity — is never cut. At 120 nothing goes.
func TestTableBrowseColumnsAt80(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	var services []Row
	for _, s := range []struct{ name, td, rollout string }{
		{"api", "api:1", "COMPLETED"}, {"checkout", "checkout:1", "COMPLETED"},
		{"notifications", "notifications:2", "IN_PROGRESS"}, {"worker", "worker:2", "FAILED"},
	} {
		deps := []model.Deployment{{Status: "PRIMARY", RolloutState: s.rollout}}
		if s.rollout == "IN_PROGRESS" {
			deps = append(deps, model.Deployment{Status: "ACTIVE", RolloutState: "COMPLETED"})
		}
		services = append(services, model.ServiceRow(model.Service{ARN: s.name, Name: s.name, Status: "ACTIVE",
			Desired: 4, Running: 4, CapacityProviders: []string{"FARGATE", "FARGATE_SPOT"},
			TaskDefinition: "arn:aws:ecs:us-east-1:1:task-definition/" + s.td, Deployments: deps,
			ExecEnabled: true, CreatedAt: now.Add(-400 * 24 * time.Hour)}, now))
	}
	var clusters []Row
	for _, name := range []string{"batch", "prod", "staging"} {
		clusters = append(clusters, model.ClusterRow(model.Cluster{ARN: name, Name: name, Status: "ACTIVE",
			ActiveServices: 5, RunningTasks: 10, CapacityProviders: []string{"FARGATE", "FARGATE_SPOT"}, ContainerInsights: "enabled"}))
	}
	def := &model.ContainerDefinition{Essential: true, PortMappings: []model.PortMapping{{ContainerPort: 8080}}}
	containers := []Row{
		model.ContainerRow(model.Container{Name: "log_router", Image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
			LastStatus: "RUNNING", HealthStatus: "UNKNOWN", MemoryReservation: "50"}, def),
		model.ContainerRow(model.Container{Name: "app", Image: "123.dkr.ecr.us-east-1.amazonaws.com/api:3.8.2",
			LastStatus: "RUNNING", HealthStatus: "HEALTHY", CPU: "256", Memory: "768"}, def),
	}
	instances := []Row{model.InstanceRow(model.ContainerInstance{ARN: "i", EC2InstanceID: "i-00dcf9a1e217c58f7",
		Status: "DRAINING", AgentConnected: true, RunningTasks: 12, RegisteredCPU: 2048, RemainingCPU: 1536,
		RegisteredMemory: 7680, RemainingMemory: 6656, InstanceType: "m6i.large", AvailabilityZone: "us-east-1a",
		RegisteredAt: now.Add(-(12*24 + 5) * time.Hour)}, now)}

	for _, tc := range []struct {
		name  string
		cols  []Column
		rows  []Row
		shown string   // the columns at 80
		whole []string // cells that must be whole at 80
	}{
		{"services", model.ServiceColumns(), services, "NAME STATUS DESIRED RUNNING TASK DEF DEPLOYMENT",
			[]string{"notifications", "checkout", "ACTIVE", "notifications:2", "checkout:1", "IN_PROGRESS (2)", "COMPLETED"}},
		{"clusters", model.ClusterColumns(), clusters, "NAME STATUS SERVICES RUNNING PENDING INSTANCES CAPACITY PROVIDERS",
			[]string{"staging", "FARGATE,FARGATE_SPOT"}},
		{"containers", model.ContainerColumns(), containers, "NAME IMAGE STATUS HEALTH EXIT REASON",
			[]string{"log_router", "aws-for-fluent-bit:stable", "api:3.8.2", "RUNNING", "UNKNOWN", "HEALTHY"}},
		{"instances", model.InstanceColumns(), instances, "INSTANCE STATUS TASKS CPU FREE MEMORY FREE",
			[]string{"i-00dcf9a1e217c58f7", "DRAINING", "12", "1.5 vCPU / 2 vCPU", "6.5 GiB / 7.5 GiB"}},
	} {
		tb := NewTable(tc.cols, testStyles)
		tb.SetRows(tc.rows)
		tb.SetSize(80, 10)
		view := ansi.Strip(tb.View())
		header := strings.Split(view, "\n")[0]
		if got := strings.Join(strings.Fields(strings.NewReplacer("↑", "", "↓", "").Replace(header)), " "); got != tc.shown {
			t.Errorf("%s at 80: columns %q, want %q\n%s", tc.name, got, tc.shown, view)
		}
		if strings.Contains(view, "…") {
			t.Errorf("%s at 80: a value is cut:\n%s", tc.name, view)
		}
		for _, w := range tc.whole {
			if !strings.Contains(view, w) {
				t.Errorf("%s at 80: %q is not whole:\n%s", tc.name, w, view)
			}
		}
		tb.SetSize(120, 10)
		if got := len(strings.Fields(strings.Split(ansi.Strip(tb.View()), "\n")[0])); got < len(tc.cols) {
			t.Errorf("%s at 120: %d header words for %d columns: a column was shed", tc.name, got, len(tc.cols))
		}
	}
}
