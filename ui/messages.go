package ui

import (
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Messages between views and the root App. Views never call the App or
// each other: they return commands that produce these.
//
// Routing rule (how a covered view stops refreshing): the App delivers
// every message it does not handle itself only to the view on top of the
// stack. A covered view therefore receives nothing — its refresh ticks and
// replies reach the top view, which drops them because their view ID is not
// its own — so its refresh loop stops by itself; the App also cancels the
// request it has in flight (Canceler). When the view comes back on top the
// App sends it ResumeMsg, and the view starts again.

// NavigateMsg pushes a view on the stack; the App sizes it and calls Init.
type NavigateMsg struct{ View View }

// BackMsg pops the top view (never the root).
type BackMsg struct{}

// FlashLevel is how loud a flash message is.
type FlashLevel int

const (
	FlashInfo FlashLevel = iota
	FlashWarn
	FlashError
)

// FlashMsg shows a message in the flash line for a few seconds. The App
// sanitizes Text, so it may carry AWS strings.
type FlashMsg struct {
	Level FlashLevel
	Text  string
}

// RefreshNowMsg (ctrl-r) asks the top view to refresh now.
type RefreshNowMsg struct{}

// FilterMsg is the live `/` query for the top view, sent on every
// keystroke; "" clears it, a leading "!" inverts it. The describe view
// treats it as its search.
type FilterMsg struct{ Query string }

// RefreshStateMsg reports the top view's last refresh: At when it
// finished, Err when it failed (the header then says "stale: <reason>").
type RefreshStateMsg struct {
	At  time.Time
	Err error
}

// ResumeMsg tells a view it is on top again after the view above it was
// popped. Replies and ticks it issued while covered were dropped, so the
// view must forget any in-flight request (bump its generation so a late
// reply or an old tick is ignored), refresh now, and re-arm its tick.
type ResumeMsg struct{}

// ClustersKnownMsg is sent by the clusters view after each load, so the
// App can complete cluster names in command mode.
type ClustersKnownMsg struct{ Names []string }

// ClusterScoped is implemented by views that show one cluster's
// resources; the App shows the cluster of the top-most such view in the
// header and uses it for commands given without a cluster (`:svc`).
type ClusterScoped interface {
	Cluster() string
}

var lastViewID atomic.Int64

// NextViewID returns a process-unique view ID. Async replies carry it with
// a request generation so a view can drop replies meant for another view
// or for a superseded request.
func NextViewID() int { return int(lastViewID.Add(1)) }

// navigate pushes v.
func navigate(v View) tea.Cmd { return emit(NavigateMsg{View: v}) }

// emit is a command that delivers msg.
func emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// alreadyRefreshing answers ctrl-r pressed while the view's refresh is
// still running: the key is heard, and no second refresh starts.
func alreadyRefreshing() tea.Cmd {
	return emit(FlashMsg{Level: FlashInfo, Text: "refresh already running"})
}
