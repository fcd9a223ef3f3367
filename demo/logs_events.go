package demo

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ecsdeck/ecsdeck/demo/sim"
	"github.com/ecsdeck/ecsdeck/model"
)

func init() {
	register(logsAPI, "GetLogEvents", getLogEvents)
	register(logsAPI, "FilterLogEvents", filterLogEvents)
}

type getLogEventsInput struct {
	groupRef
	logsPaging
	LogStreamName string `json:"logStreamName"`
	StartTime     *int64 `json:"startTime"`
	EndTime       *int64 `json:"endTime"`
	StartFromHead bool   `json:"startFromHead"`
}

type getLogEventsOutput struct {
	Events            []outputLogEvent `json:"events"`
	NextForwardToken  string           `json:"nextForwardToken"`
	NextBackwardToken string           `json:"nextBackwardToken"`
}

type outputLogEvent struct {
	Timestamp     int64  `json:"timestamp"`
	Message       string `json:"message"`
	IngestionTime int64  `json:"ingestionTime"`
}

// getLogEvents reads one page of a stream, oldest event first, as AWS
// does: without a token, the first events (startFromHead) or the last
// ones; "f/<n>" continues forward from position n and "b/<n>" backward
// from it. A position is a point between events — the event's millisecond
// times a million plus its rank within that millisecond — so a forward
// token stays valid as the stream grows, and a page with nothing new hands
// back the token it was given.
func getLogEvents(b *backend, in getLogEventsInput) (getLogEventsOutput, error) {
	group, err := in.name()
	if err != nil {
		return getLogEventsOutput{}, err
	}
	if err := required("logStreamName", in.LogStreamName); err != nil {
		return getLogEventsOutput{}, err
	}
	limit, err := in.limit(10000, 10000)
	if err != nil {
		return getLogEventsOutput{}, err
	}
	direction, at, err := parseLogToken(in.NextToken)
	if err != nil {
		return getLogEventsOutput{}, err
	}
	events, err := b.sim.LogEvents(group, in.LogStreamName, fromMillis(in.StartTime), fromMillis(in.EndTime))
	if err != nil {
		return getLogEventsOutput{}, err
	}
	pos := positions(events)
	first := func(p int64) int { // index of the first event at or after position p
		i, _ := slices.BinarySearch(pos, p)
		return i
	}
	var from, to int
	switch {
	case direction == 'f':
		from = first(at)
		to = min(from+limit, len(events))
	case direction == 'b':
		to = first(at)
		from = max(0, to-limit)
	case in.StartFromHead:
		to = min(limit, len(events))
	default:
		to = len(events)
		from = max(0, to-limit)
	}
	out := getLogEventsOutput{
		Events: wireAll(events[from:to], func(e model.LogEvent) outputLogEvent {
			return outputLogEvent{millis(e.Timestamp), e.Message, millis(e.IngestedAt)}
		}),
		NextForwardToken:  fmt.Sprintf("f/%d", at),
		NextBackwardToken: fmt.Sprintf("b/%d", at),
	}
	if from < to {
		out.NextForwardToken = fmt.Sprintf("f/%d", pos[to-1]+1)
		out.NextBackwardToken = fmt.Sprintf("b/%d", pos[from])
	}
	return out, nil
}

// parseLogToken reads "f/<n>" or "b/<n>"; "" is direction 0.
func parseLogToken(token string) (direction byte, at int64, err error) {
	if token == "" {
		return 0, 0, nil
	}
	dir, n, ok := strings.Cut(token, "/")
	at, perr := strconv.ParseInt(n, 10, 64)
	if !ok || (dir != "f" && dir != "b") || perr != nil || at < 0 {
		return 0, 0, errInvalidToken
	}
	return dir[0], at, nil
}

// positions numbers events (oldest first) by millisecond and rank within it.
func positions(events []model.LogEvent) []int64 {
	pos := make([]int64, len(events))
	for i, e := range events {
		pos[i] = millis(e.Timestamp) * 1_000_000
		if i > 0 && pos[i] <= pos[i-1] {
			pos[i] = pos[i-1] + 1
		}
	}
	return pos
}

type filterLogEventsInput struct {
	groupRef
	logsPaging
	LogStreamNames      []string `json:"logStreamNames"`
	LogStreamNamePrefix string   `json:"logStreamNamePrefix"`
	StartTime           *int64   `json:"startTime"`
	EndTime             *int64   `json:"endTime"`
	FilterPattern       string   `json:"filterPattern"`
}

type filterLogEventsOutput struct {
	Events    []filteredLogEvent `json:"events"`
	NextToken string             `json:"nextToken,omitempty"`
}

type filteredLogEvent struct {
	LogStreamName string `json:"logStreamName"`
	Timestamp     int64  `json:"timestamp"`
	Message       string `json:"message"`
	IngestionTime int64  `json:"ingestionTime"`
	EventID       string `json:"eventId"`
}

// filterLogEvents searches a group's streams, oldest event first, up to
// 10,000 events a page. The filter pattern is plain terms, all of which
// an event must contain.
func filterLogEvents(b *backend, in filterLogEventsInput) (filterLogEventsOutput, error) {
	group, err := in.name()
	if err != nil {
		return filterLogEventsOutput{}, err
	}
	if len(in.LogStreamNames) > 0 && in.LogStreamNamePrefix != "" {
		return filterLogEventsOutput{}, invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.")
	}
	if len(in.LogStreamNames) > 100 {
		return filterLogEventsOutput{}, outOfRange("logStreamNames", len(in.LogStreamNames), 1, 100)
	}
	limit, err := in.limit(10000, 10000)
	if err != nil {
		return filterLogEventsOutput{}, err
	}
	f := sim.LogFilter{Streams: in.LogStreamNames, StreamPrefix: in.LogStreamNamePrefix, Pattern: in.FilterPattern,
		Start: fromMillis(in.StartTime), End: fromMillis(in.EndTime)}
	// The simulation pages the search; a token keeps the last event's ID.
	page, next, err := pageAfter("FilterLogEvents", in.NextToken, limit, func(e model.LogEvent) string { return e.EventID },
		func(after string, limit int) ([]model.LogEvent, bool, error) {
			return b.sim.FilterLogEventPage(group, f, after, limit)
		})
	if err != nil {
		return filterLogEventsOutput{}, err
	}
	return filterLogEventsOutput{wireAll(page, func(e model.LogEvent) filteredLogEvent {
		return filteredLogEvent{e.Stream, millis(e.Timestamp), e.Message, millis(e.IngestedAt), e.EventID}
	}), next}, nil
}
