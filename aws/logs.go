package aws

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"

	"github.com/ecsdeck/ecsdeck/model"
)

// LogQuery asks for one page of one stream's events (GetLogEvents).
type LogQuery struct {
	Group, Stream string
	Start, End    time.Time // zero = unbounded; End is exclusive
	FromHead      bool      // oldest first from Start, instead of newest back from End
	Limit         int       // 0 = AWS's default (up to 10,000 events / 1 MB)
	Token         string    // a NextForward or NextBackward of an earlier page
}

// LogPage is one page of events, oldest first, with the tokens to read on.
type LogPage struct {
	Events                    []model.LogEvent
	NextForward, NextBackward string
}

// FilterQuery asks for one page of events across a group's streams
// (FilterLogEvents).
type FilterQuery struct {
	Group                 string
	Streams               []string // at most 100; do not combine with StreamPrefix
	StreamPrefix, Pattern string   // Pattern is CloudWatch filter syntax; "" = all
	Start, End            time.Time
	Limit                 int
	Token                 string
}

// LogGroups lists the log groups whose name starts with prefix ("" = all).
func (c *Client) LogGroups(ctx context.Context, prefix string) ([]model.LogGroup, error) {
	in := &cloudwatchlogs.DescribeLogGroupsInput{Limit: aws.Int32(50), LogGroupNamePrefix: optional(prefix)}
	p := cloudwatchlogs.NewDescribeLogGroupsPaginator(c.logs, in)
	return listAll(ctx, c, "logs:DescribeLogGroups", p, func(o *cloudwatchlogs.DescribeLogGroupsOutput) ([]model.LogGroup, *string) {
		return convertAll(o.LogGroups, toLogGroup), o.NextToken
	})
}

// LogStreams lists a group's streams whose name starts with prefix ("" = all), by name.
func (c *Client) LogStreams(ctx context.Context, group, prefix string) ([]model.LogStream, error) {
	in := &cloudwatchlogs.DescribeLogStreamsInput{LogGroupName: aws.String(group), Limit: aws.Int32(50),
		LogStreamNamePrefix: optional(prefix)}
	p := cloudwatchlogs.NewDescribeLogStreamsPaginator(c.logs, in)
	return listAll(ctx, c, "logs:DescribeLogStreams", p, func(o *cloudwatchlogs.DescribeLogStreamsOutput) ([]model.LogStream, *string) {
		return convertAll(o.LogStreams, toLogStream), o.NextToken
	})
}

// LogEvents reads one GetLogEvents page. Following a stream means calling
// again with NextForward; AWS answers the same token when nothing is new.
func (c *Client) LogEvents(ctx context.Context, q LogQuery) (LogPage, error) {
	in := &cloudwatchlogs.GetLogEventsInput{
		LogGroupName:  aws.String(q.Group),
		LogStreamName: aws.String(q.Stream),
		StartTime:     toMillis(q.Start),
		EndTime:       toMillis(q.End),
		StartFromHead: aws.Bool(q.FromHead),
		Limit:         eventLimit(q.Limit),
		NextToken:     optional(q.Token),
	}
	out, err := send(ctx, c, "logs:GetLogEvents", c.logs.GetLogEvents, in)
	if err != nil {
		return LogPage{}, err
	}
	return LogPage{
		Events:       convertAll(out.Events, toOutputLogEvent),
		NextForward:  aws.ToString(out.NextForwardToken),
		NextBackward: aws.ToString(out.NextBackwardToken),
	}, nil
}

// FilterLogEvents reads one FilterLogEvents page; NextForward is its
// nextToken ("" when the search is complete).
func (c *Client) FilterLogEvents(ctx context.Context, q FilterQuery) (LogPage, error) {
	in := &cloudwatchlogs.FilterLogEventsInput{
		LogGroupName:        aws.String(q.Group),
		LogStreamNames:      q.Streams,
		StartTime:           toMillis(q.Start),
		EndTime:             toMillis(q.End),
		LogStreamNamePrefix: optional(q.StreamPrefix),
		FilterPattern:       optional(q.Pattern),
		Limit:               eventLimit(q.Limit),
		NextToken:           optional(q.Token),
	}
	out, err := send(ctx, c, "logs:FilterLogEvents", c.logs.FilterLogEvents, in)
	if err != nil {
		return LogPage{}, err
	}
	return LogPage{Events: convertAll(out.Events, toFilteredLogEvent), NextForward: aws.ToString(out.NextToken)}, nil
}

// eventLimit is nil (AWS's default) for 0, and at most AWS's maximum.
func eventLimit(n int) *int32 {
	if n <= 0 {
		return nil
	}
	return aws.Int32(int32(min(n, 10000)))
}
