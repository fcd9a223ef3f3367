package aws

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/ecsdeck/ecsdeck/model"
)

// millis converts CloudWatch Logs' epoch milliseconds; absent is zero time.
func millis(p *int64) time.Time {
	if p == nil || *p == 0 {
		return time.Time{}
	}
	return time.UnixMilli(*p)
}

// toMillis is the inverse for request parameters; zero time is "unset".
func toMillis(t time.Time) *int64 {
	if t.IsZero() {
		return nil
	}
	ms := t.UnixMilli()
	return &ms
}

func toLogGroup(g types.LogGroup) model.LogGroup {
	out := model.LogGroup{
		Name:          str(g.LogGroupName),
		ARN:           str(g.Arn),
		RetentionDays: i32(g.RetentionInDays),
		CreatedAt:     millis(g.CreationTime),
	}
	if g.StoredBytes != nil {
		out.StoredBytes = *g.StoredBytes
	}
	return out
}

func toLogStream(s types.LogStream) model.LogStream {
	return model.LogStream{
		Name:            str(s.LogStreamName),
		ARN:             str(s.Arn),
		CreatedAt:       millis(s.CreationTime),
		FirstEventAt:    millis(s.FirstEventTimestamp),
		LastEventAt:     millis(s.LastEventTimestamp),
		LastIngestionAt: millis(s.LastIngestionTime),
	}
}

func toOutputLogEvent(e types.OutputLogEvent) model.LogEvent {
	return model.LogEvent{Timestamp: millis(e.Timestamp), IngestedAt: millis(e.IngestionTime), Message: str(e.Message)}
}

func toFilteredLogEvent(e types.FilteredLogEvent) model.LogEvent {
	return model.LogEvent{
		Timestamp:  millis(e.Timestamp),
		IngestedAt: millis(e.IngestionTime),
		Stream:     str(e.LogStreamName),
		Message:    str(e.Message),
		EventID:    str(e.EventId),
	}
}
