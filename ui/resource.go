package ui

import (
	"context"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/keymap"
	"github.com/ecsdeck/ecsdeck/model"
)

const (
	defaultRefresh = 2 * time.Second
	// maxRefresh caps the interval when AWS throttles us.
	maxRefresh = 30 * time.Second
)

// loader is one refresh's request, built in Update from copies of the
// view's fields so the command never reads the view: fetch calls AWS, row
// turns an item into a table row (run in the command too, so Update only
// swaps the rows in).
type loader[T any] struct {
	fetch func(ctx context.Context, c *aws.Client) ([]T, error)
	row   func(item T, now time.Time) model.Row
}

// resourceSpec is what a resource view tells the shared plumbing.
type resourceSpec[T any] struct {
	noun string // "services", for "loading services…"
	// cluster and service are what the view lists in ("" for none), for
	// error messages that name them.
	cluster, service string
	columns          []model.Column
	id               func(T) string   // the row ID of an item (the table keeps the cursor on it)
	load             func() loader[T] // the request for the next refresh
	// open is the view enter pushes for an item, describe the one d
	// pushes; nil when the view has none.
	open     func(T) View
	describe func(T) View
	// loaded is called after each successful refresh, e.g. to tell the App
	// the cluster names; nil for nothing.
	loaded func([]T) tea.Cmd
	// empty is what the table says when a refresh found nothing; nil for
	// "no <noun>".
	empty func() string
}

// refreshTickMsg is a view's refresh timer going off. gen is the
// generation of the refresh that armed it: a refresh started since then
// (ctrl-r, a toggle, a resume) makes the tick stale.
type refreshTickMsg struct{ view, gen int }

// loadedMsg is a refresh's reply.
type loadedMsg[T any] struct {
	view, gen int
	items     []T
	rows      []Row
	at        time.Time
	err       error
}

// resource is the live table every resource view is built on: a refresh
// loop of re-armed ticks with an in-flight guard (never two refreshes at
// once), generation-checked replies, back-off when AWS throttles, errors
// turned into flash messages and a stale header, and enter / describe on
// the selected row. Views embed it and add a title and their own keys.
type resource[T any] struct {
	ctx   *Context
	keys  *keymap.Map
	spec  resourceSpec[T]
	cols  []model.Column // the table's columns
	table *Table
	scope scope

	request                // the refresh; its generation also stamps the tick it arms
	inFlight bool          // a refresh of generation gen is running
	interval time.Duration // the next tick's delay: ctx.Refresh, doubled while throttled

	items  []T
	loaded bool
	lastOK time.Time
	w, h   int
}

func newResource[T any](ctx *Context, spec resourceSpec[T]) *resource[T] {
	r := &resource[T]{ctx: ctx, keys: keysOf(ctx), spec: spec, request: newRequest(),
		scope: scopeOf(ctx, spec.cluster, spec.service)}
	r.interval = r.baseInterval()
	r.setColumns(spec.columns)
	return r
}

// setColumns (re)builds the table for a column set that asks a new
// question (the stopped-tasks toggle), keeping the size, filter and sort.
// The rows of the old answer go: the refresh that follows brings the new
// one, and the cursor starts at its top, where the default sort puts what
// matters (the last task to stop), not on a row the old answer had there.
func (r *resource[T]) setColumns(cols []model.Column) {
	old, oldCols := r.table, r.cols
	r.cols = cols
	r.items, r.loaded = nil, false
	r.table = NewTable(cols, r.ctx.Styles)
	r.table.SetKeys(r.keys.Table, r.keys.Resource)
	r.table.SetEmptyText("loading " + r.spec.noun + "…")
	if old != nil {
		r.table.SetSize(r.w, r.h)
		r.table.SetFilter(old.Filter())
		if col, desc := old.SortColumn(); col >= 0 {
			r.keepSort(oldCols[col], desc)
		}
	}
	if col, _ := r.table.SortColumn(); col < 0 {
		if i := slices.IndexFunc(cols, func(c model.Column) bool { return c.SortDefault }); i >= 0 {
			r.table.SortBy(i, false)
		}
	}
}

// keepSort sorts the new column set the way the old one was sorted, by
// column was: by the column of the same title, else by the one the same
// sort key (N, S, A) sorts, e.g. the live tasks' AGE and the stopped
// tasks' STOPPED. An old set's default sort is not carried over: the new
// set's own default applies.
func (r *resource[T]) keepSort(was model.Column, desc bool) {
	if was.SortDefault && !desc {
		return
	}
	i := slices.IndexFunc(r.cols, func(c model.Column) bool { return c.Title == was.Title })
	if i < 0 && was.Sort != model.SortNone {
		i = slices.IndexFunc(r.cols, func(c model.Column) bool { return c.Sort == was.Sort })
	}
	if i >= 0 {
		r.table.SortBy(i, desc)
	}
}

func (r *resource[T]) baseInterval() time.Duration {
	if r.ctx.Refresh > 0 {
		return r.ctx.Refresh
	}
	return defaultRefresh
}

// Init starts the first refresh.
func (r *resource[T]) Init() tea.Cmd { return r.refresh(false) }

// Update handles the refresh loop, the filter and the table's keys.
func (r *resource[T]) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case refreshTickMsg:
		if r.current(msg.view, msg.gen) {
			return r.refresh(false)
		}
	case loadedMsg[T]:
		if r.current(msg.view, msg.gen) && r.inFlight {
			return r.apply(msg)
		}
	case RefreshNowMsg:
		if r.inFlight {
			return alreadyRefreshing()
		}
		return r.refresh(false)
	case ResumeMsg:
		// Replies and ticks sent while covered were dropped by the view on
		// top: start over.
		return r.refresh(true)
	case FilterMsg:
		r.table.SetFilter(msg.Query)
	case tea.KeyPressMsg:
		return r.key(msg)
	}
	return nil
}

func (r *resource[T]) key(k tea.KeyPressMsg) tea.Cmd {
	res := r.keys.Resource
	switch {
	case key.Matches(k, res.Enter) && r.spec.open != nil:
		if it, ok := r.selected(); ok {
			return navigate(r.spec.open(it))
		}
		return nil
	case key.Matches(k, res.Describe) && r.spec.describe != nil:
		if it, ok := r.selected(); ok {
			return navigate(r.spec.describe(it))
		}
		return nil
	}
	return r.table.Update(k)
}

// refresh starts a refresh unless one is running; force abandons the one
// running (its reply will be dropped) because its request is out of date.
func (r *resource[T]) refresh(force bool) tea.Cmd {
	if r.inFlight && !force {
		return nil
	}
	// A refresh has no deadline of its own: every API call in it has the
	// client's CallTimeout, so it cannot hang, but a huge or throttled
	// cluster may take minutes to page to the end, and a whole-refresh
	// deadline would then fail it every time, so the view would never load.
	// (The header's refresh age shows a slow one.) A refresh ends early
	// only when nobody wants it: a newer one (ctrl-r, the toggle, a resume)
	// or the view leaving the top of the stack (Cancel).
	cctx, gen := r.begin()
	r.inFlight = true
	req := r.spec.load()
	client, now, view := r.ctx.Client, clockOf(r.ctx), r.id
	return func() tea.Msg {
		items, err := req.fetch(cctx, client)
		at := now()
		if err != nil {
			return loadedMsg[T]{view: view, gen: gen, at: at, err: err}
		}
		rows := make([]Row, len(items))
		for i, it := range items {
			rows[i] = req.row(it, at)
		}
		return loadedMsg[T]{view: view, gen: gen, items: items, rows: rows, at: at}
	}
}

// Cancel abandons the refresh in flight: the App calls it when the view
// is covered or popped, so a view nobody sees does not keep paging through
// AWS. Its reply is stale; ResumeMsg starts a new refresh.
func (r *resource[T]) Cancel() {
	r.abandon()
	r.inFlight = false
}

// apply takes a current reply and arms the next tick.
func (r *resource[T]) apply(msg loadedMsg[T]) tea.Cmd {
	r.inFlight = false
	r.done()
	if msg.err != nil {
		return tea.Batch(r.failed(msg.err), r.tick())
	}
	r.interval = r.baseInterval()
	r.items, r.loaded, r.lastOK = msg.items, true, msg.at
	if r.spec.empty != nil {
		r.table.SetEmptyText(r.spec.empty())
	} else {
		r.table.SetEmptyText("no " + r.spec.noun)
	}
	r.table.SetRows(msg.rows)
	cmds := []tea.Cmd{r.tick(), emit(RefreshStateMsg{At: msg.at})}
	if r.spec.loaded != nil {
		cmds = append(cmds, r.spec.loaded(msg.items))
	}
	return tea.Batch(cmds...)
}

// failed reports an error without closing the view: the rows of the last
// refresh stay, the header says they are stale, and throttling slows the
// refresh down.
func (r *resource[T]) failed(err error) tea.Cmd {
	level := FlashError
	if aws.KindOf(err) == aws.KindThrottled {
		level = FlashWarn
		r.interval = min(2*r.interval, maxRefresh)
	}
	text := r.scope.errorText(err)
	if !r.loaded {
		r.table.SetEmptyText("could not load " + r.spec.noun + ": " + text)
	}
	return tea.Batch(
		emit(FlashMsg{Level: level, Text: text}),
		emit(RefreshStateMsg{At: r.lastOK, Err: err}),
	)
}

func (r *resource[T]) tick() tea.Cmd {
	view, gen := r.id, r.gen
	return tea.Tick(r.interval, func(time.Time) tea.Msg { return refreshTickMsg{view: view, gen: gen} })
}

// selected is the item under the cursor.
func (r *resource[T]) selected() (T, bool) {
	var zero T
	row, ok := r.table.Selected()
	if !ok {
		return zero, false
	}
	for _, it := range r.items {
		if r.spec.id(it) == row.ID {
			return it, true
		}
	}
	return zero, false
}

// View draws the table.
func (r *resource[T]) View() string { return r.table.View() }

// Cluster is the cluster the view lists in, "" for the clusters view: the
// App shows it in the header and uses it for a `:svc` without a name.
func (r *resource[T]) Cluster() string { return r.spec.cluster }

// Count is how many rows the table shows and holds, once loaded.
func (r *resource[T]) Count() (shown, total int, ok bool) {
	return r.table.Len(), r.table.Total(), r.loaded
}

// SetSize gives the table the whole area.
func (r *resource[T]) SetSize(w, h int) {
	r.w, r.h = w, h
	r.table.SetSize(w, h)
}

// Keys are the bindings the view answers: enter and describe when it has
// them, and the sorts its columns have.
func (r *resource[T]) Keys() []key.Binding {
	res := r.keys.Resource
	var bs []key.Binding
	if r.spec.open != nil {
		bs = append(bs, res.Enter)
	}
	if r.spec.describe != nil {
		bs = append(bs, res.Describe)
	}
	return keymap.Enabled(append(bs, r.table.SortKeys()...)...)
}
