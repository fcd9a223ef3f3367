package demo

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/ecsdeck/ecsdeck/model"
)

const webGroup = "/ecs/prod/web"

func TestDescribeLogGroupsAndStreams(t *testing.T) {
	c := startDemo(t, Options{})
	c.srv.Sim().Advance(start.Add(2 * time.Minute))

	var names []string
	for p := cloudwatchlogs.NewDescribeLogGroupsPaginator(c.logs, &cloudwatchlogs.DescribeLogGroupsInput{Limit: aws.Int32(2)}); p.HasMorePages(); {
		page, err := p.NextPage(ctx(t))
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range page.LogGroups {
			names = append(names, *g.LogGroupName)
			if !strings.HasSuffix(*g.Arn, ":*") || *g.LogGroupArn+":*" != *g.Arn || g.CreationTime == nil {
				t.Errorf("log group %s: arn %s, logGroupArn %s, created %v", *g.LogGroupName, *g.Arn, *g.LogGroupArn, g.CreationTime)
			}
		}
	}
	var want []string
	for _, g := range c.srv.Sim().LogGroups("") {
		want = append(want, g.Name)
	}
	if !slices.Equal(names, want) || !slices.Contains(names, webGroup) {
		t.Errorf("DescribeLogGroups paged = %v, want %v", names, want)
	}
	prod, err := c.logs.DescribeLogGroups(ctx(t), &cloudwatchlogs.DescribeLogGroupsInput{LogGroupNamePrefix: aws.String("/ecs/prod/")})
	if err != nil {
		t.Fatal(err)
	}
	if len(prod.LogGroups) != len(c.srv.Sim().LogGroups("/ecs/prod/")) || len(prod.LogGroups) == 0 {
		t.Errorf("prefix /ecs/prod/: %d groups", len(prod.LogGroups))
	}
	_, err = c.logs.DescribeLogGroups(ctx(t), &cloudwatchlogs.DescribeLogGroupsInput{Limit: aws.Int32(51)})
	wantAPIError(t, err, "InvalidParameterException", "")

	streams := must(c.srv.Sim().LogStreams(webGroup, ""))
	byName, err := c.logs.DescribeLogStreams(ctx(t), &cloudwatchlogs.DescribeLogStreamsInput{LogGroupName: aws.String(webGroup)})
	if err != nil {
		t.Fatal(err)
	}
	if len(byName.LogStreams) != min(len(streams), 50) || *byName.LogStreams[0].LogStreamName != streams[0].Name {
		t.Errorf("DescribeLogStreams: %d streams, first %s; want %d, %s", len(byName.LogStreams), *byName.LogStreams[0].LogStreamName, len(streams), streams[0].Name)
	}
	latest, err := c.logs.DescribeLogStreams(ctx(t), &cloudwatchlogs.DescribeLogStreamsInput{
		LogGroupName: aws.String(webGroup), OrderBy: types.OrderByLastEventTime, Descending: aws.Bool(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(latest.LogStreams); i++ {
		if aws.ToInt64(latest.LogStreams[i].LastEventTimestamp) > aws.ToInt64(latest.LogStreams[i-1].LastEventTimestamp) {
			t.Errorf("orderBy LastEventTime descending: stream %d is newer than stream %d", i, i-1)
		}
	}
	_, err = c.logs.DescribeLogStreams(ctx(t), &cloudwatchlogs.DescribeLogStreamsInput{
		LogGroupName: aws.String(webGroup), OrderBy: types.OrderByLastEventTime, LogStreamNamePrefix: aws.String("web/"),
	})
	wantAPIError(t, err, "InvalidParameterException", "")
	_, err = c.logs.DescribeLogStreams(ctx(t), &cloudwatchlogs.DescribeLogStreamsInput{LogGroupName: aws.String("/no/such/group")})
	var notFound *types.ResourceNotFoundException
	if !errors.As(err, &notFound) {
		t.Errorf("DescribeLogStreams of an unknown group: %v, want ResourceNotFoundException", err)
	}
}

// busyStream is a web app stream with at least n events.
func busyStream(t *testing.T, c *clients, n int) string {
	t.Helper()
	for _, s := range must(c.srv.Sim().LogStreams(webGroup, "web/app/")) {
		if len(must(c.srv.Sim().LogEvents(webGroup, s.Name, time.Time{}, time.Time{}))) >= n {
			return s.Name
		}
	}
	t.Fatalf("no stream of %s has %d events", webGroup, n)
	return ""
}

func TestGetLogEventsTokens(t *testing.T) {
	c := startDemo(t, Options{})
	c.srv.Sim().Advance(start.Add(2 * time.Minute))
	stream := busyStream(t, c, 30)
	all := must(c.srv.Sim().LogEvents(webGroup, stream, time.Time{}, time.Time{}))
	messages := func(events []types.OutputLogEvent) []string {
		var out []string
		for _, e := range events {
			out = append(out, *e.Message)
		}
		return out
	}
	var want []string
	for _, e := range all {
		want = append(want, e.Message)
	}
	get := func(token *string, fromHead bool) *cloudwatchlogs.GetLogEventsOutput {
		t.Helper()
		out, err := c.logs.GetLogEvents(ctx(t), &cloudwatchlogs.GetLogEventsInput{
			LogGroupName: aws.String(webGroup), LogStreamName: aws.String(stream),
			Limit: aws.Int32(10), NextToken: token, StartFromHead: aws.Bool(fromHead),
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}

	// Forward from the head, ten at a time, to the end: the end hands back
	// the token it was given.
	first := get(nil, true)
	if got := messages(first.Events); !slices.Equal(got, want[:10]) {
		t.Fatalf("first page = %v, want %v", got, want[:10])
	}
	var read []string
	token := (*string)(nil)
	page := first
	for {
		read = append(read, messages(page.Events)...)
		if token != nil && *page.NextForwardToken == *token {
			break
		}
		token = page.NextForwardToken
		page = get(token, true)
	}
	if !slices.Equal(read, want) {
		t.Fatalf("paged forward %d events, want %d", len(read), len(want))
	}

	// Backward from the second page is the first page.
	second := get(first.NextForwardToken, true)
	back := get(second.NextBackwardToken, true)
	if got := messages(back.Events); !slices.Equal(got, want[:10]) {
		t.Errorf("backward from the second page = %v, want %v", got, want[:10])
	}
	// Before the first event, backward hands back its token.
	if again := get(first.NextBackwardToken, true); len(again.Events) != 0 || *again.NextBackwardToken != *first.NextBackwardToken {
		t.Errorf("backward from the head: %d events, token %s, want none and %s", len(again.Events), *again.NextBackwardToken, *first.NextBackwardToken)
	}

	// Without a token and startFromHead, the newest events.
	if tail := get(nil, false); !slices.Equal(messages(tail.Events), want[len(want)-10:]) {
		t.Errorf("tail = %v, want %v", messages(tail.Events), want[len(want)-10:])
	}

	// The token from the end picks up what the stream writes next.
	c.srv.Sim().Advance(start.Add(2*time.Minute + 10*time.Second))
	more := get(token, true)
	grown := must(c.srv.Sim().LogEvents(webGroup, stream, time.Time{}, time.Time{}))
	if len(more.Events) == 0 || *more.Events[0].Message != grown[len(all)].Message {
		t.Errorf("after the stream grew, the end token read %v, want %s first", messages(more.Events), grown[len(all)].Message)
	}

	// A time window, in milliseconds; its end is exclusive.
	from, to := all[5].Timestamp, all[15].Timestamp
	window, err := c.logs.GetLogEvents(ctx(t), &cloudwatchlogs.GetLogEventsInput{
		LogGroupName: aws.String(webGroup), LogStreamName: aws.String(stream), StartFromHead: aws.Bool(true),
		StartTime: aws.Int64(from.UnixMilli()), EndTime: aws.Int64(to.UnixMilli()),
	})
	if err != nil {
		t.Fatal(err)
	}
	wantWindow := must(c.srv.Sim().LogEvents(webGroup, stream, time.UnixMilli(from.UnixMilli()), time.UnixMilli(to.UnixMilli())))
	if len(window.Events) != len(wantWindow) || len(wantWindow) == 0 {
		t.Errorf("time window: %d events, want %d", len(window.Events), len(wantWindow))
	}

	_, err = c.logs.GetLogEvents(ctx(t), &cloudwatchlogs.GetLogEventsInput{
		LogGroupName: aws.String(webGroup), LogStreamName: aws.String(stream), NextToken: aws.String("x/12"),
	})
	wantAPIError(t, err, "InvalidParameterException", "The specified nextToken is invalid.")
	_, err = c.logs.GetLogEvents(ctx(t), &cloudwatchlogs.GetLogEventsInput{
		LogGroupName: aws.String(webGroup), LogStreamName: aws.String("no/such/stream"),
	})
	wantAPIError(t, err, "ResourceNotFoundException", "")
}

func TestFilterLogEvents(t *testing.T) {
	c := startDemo(t, Options{})
	c.srv.Sim().Advance(start.Add(2 * time.Minute))
	want := must(c.srv.Sim().FilterLogEvents(webGroup, nil, "", "GET", time.Time{}, time.Time{}))
	if len(want) < 20 {
		t.Fatalf("only %d GET lines in %s", len(want), webGroup)
	}
	var got []types.FilteredLogEvent
	pages := 0
	for p := cloudwatchlogs.NewFilterLogEventsPaginator(c.logs, &cloudwatchlogs.FilterLogEventsInput{
		LogGroupName: aws.String(webGroup), FilterPattern: aws.String("GET"), Limit: aws.Int32(50),
	}); p.HasMorePages(); {
		page, err := p.NextPage(ctx(t))
		if err != nil {
			t.Fatal(err)
		}
		pages++
		got = append(got, page.Events...)
	}
	if len(got) != len(want) || pages != (len(want)+49)/50 {
		t.Fatalf("FilterLogEvents paged %d events in %d pages, want %d", len(got), pages, len(want))
	}
	for i, e := range got {
		if *e.Message != want[i].Message || *e.LogStreamName != want[i].Stream || *e.EventId != want[i].EventID || *e.Timestamp != want[i].Timestamp.UnixMilli() {
			t.Fatalf("event %d = %s %s %s, want %s %s %s", i, *e.LogStreamName, *e.EventId, *e.Message, want[i].Stream, want[i].EventID, want[i].Message)
		}
		if !strings.Contains(*e.Message, "GET") {
			t.Fatalf("event %q does not match GET", *e.Message)
		}
	}

	// Narrowed to one stream.
	stream := *got[0].LogStreamName
	one, err := c.logs.FilterLogEvents(ctx(t), &cloudwatchlogs.FilterLogEventsInput{
		LogGroupName: aws.String(webGroup), LogStreamNames: []string{stream},
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(must(c.srv.Sim().LogEvents(webGroup, stream, time.Time{}, time.Time{}))); len(one.Events) != n {
		t.Errorf("one stream: %d events, want %d", len(one.Events), n)
	}
	_, err = c.logs.FilterLogEvents(ctx(t), &cloudwatchlogs.FilterLogEventsInput{
		LogGroupName: aws.String(webGroup), LogStreamNames: []string{stream}, LogStreamNamePrefix: aws.String("web/"),
	})
	wantAPIError(t, err, "InvalidParameterException", "")
	_, err = c.logs.FilterLogEvents(ctx(t), &cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String("/no/such/group")})
	wantAPIError(t, err, "ResourceNotFoundException", "")
}

// Events within one millisecond get distinct positions in order, so a
// token between two of them continues at the second.
func TestPositionsWithinAMillisecond(t *testing.T) {
	at := start.Add(500 * time.Microsecond)
	events := []model.LogEvent{{Timestamp: start}, {Timestamp: at}, {Timestamp: at}, {Timestamp: start.Add(time.Millisecond)}}
	pos := positions(events)
	ms := start.UnixMilli() * 1_000_000
	if want := []int64{ms, ms + 1, ms + 2, ms + 1_000_000}; !slices.Equal(pos, want) {
		t.Errorf("positions = %v, want %v", pos, want)
	}
}

// A log group is named by logGroupName or by logGroupIdentifier, a name
// or an ARN with or without its ":*", and by exactly one of them.
func TestLogGroupIdentifier(t *testing.T) {
	c := startDemo(t, Options{})
	byName, err := c.logs.DescribeLogStreams(ctx(t), &cloudwatchlogs.DescribeLogStreamsInput{LogGroupName: aws.String(webGroup)})
	if err != nil || len(byName.LogStreams) == 0 {
		t.Fatal(byName, err)
	}
	arn := "arn:aws:logs:" + Region + ":" + Account + ":log-group:" + webGroup
	for _, id := range []string{webGroup, arn, arn + ":*"} {
		out, err := c.logs.DescribeLogStreams(ctx(t), &cloudwatchlogs.DescribeLogStreamsInput{LogGroupIdentifier: aws.String(id)})
		if err != nil || len(out.LogStreams) != len(byName.LogStreams) {
			t.Errorf("by identifier %s: %d streams, %v; by name %d", id, len(out.LogStreams), err, len(byName.LogStreams))
		}
	}
	_, err = c.logs.DescribeLogStreams(ctx(t), &cloudwatchlogs.DescribeLogStreamsInput{LogGroupName: aws.String(webGroup), LogGroupIdentifier: aws.String(arn)})
	wantAPIError(t, err, "InvalidParameterException", "LogGroupName and LogGroupIdentifier are mutually exclusive parameters.")
	_, err = c.logs.FilterLogEvents(ctx(t), &cloudwatchlogs.FilterLogEventsInput{})
	wantAPIError(t, err, "InvalidParameterException", "Either logGroupName or logGroupIdentifier must be specified.")
}
