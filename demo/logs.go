package demo

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

// logsAPI is CloudWatch Logs, spoken in AWS JSON 1.1. Its times are
// integer milliseconds since the epoch.
var logsAPI = newService(service{
	signingName: "logs",
	target:      "Logs_20140328",
	protocol:    jsonProtocol{},
	throttled:   apiError{http.StatusBadRequest, "ThrottlingException", "Rate exceeded"},
	unavailable: apiError{http.StatusServiceUnavailable, "ServiceUnavailableException", "The service cannot complete the request."},
})

func init() {
	register(logsAPI, "DescribeLogGroups", describeLogGroups)
	register(logsAPI, "DescribeLogStreams", describeLogStreams)
}

// millis is a time as CloudWatch Logs writes it; 0 for a zero time.
func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// fromMillis reads a time a request gives in milliseconds; absent is zero.
func fromMillis(ms *int64) time.Time {
	if ms == nil {
		return time.Time{}
	}
	return time.UnixMilli(*ms)
}

// groupRef is how a request names its log group: by logGroupName or by
// logGroupIdentifier (a name or an ARN), exactly one of them.
type groupRef struct {
	LogGroupName       string `json:"logGroupName"`
	LogGroupIdentifier string `json:"logGroupIdentifier"`
}

// name is the log group's name.
func (r groupRef) name() (string, error) {
	switch {
	case r.LogGroupName != "" && r.LogGroupIdentifier != "":
		return "", invalidParameter("LogGroupName and LogGroupIdentifier are mutually exclusive parameters.")
	case r.LogGroupName != "":
		return r.LogGroupName, nil
	case r.LogGroupIdentifier != "":
		if _, arnName, ok := strings.Cut(r.LogGroupIdentifier, ":log-group:"); ok {
			return strings.TrimSuffix(arnName, ":*"), nil
		}
		return r.LogGroupIdentifier, nil
	}
	return "", invalidParameter("Either logGroupName or logGroupIdentifier must be specified.")
}

// logsPaging is the paging part of every CloudWatch Logs read.
type logsPaging struct {
	NextToken string `json:"nextToken"`
	Limit     *int   `json:"limit"`
}

// limit is the page length asked for: def when none, 1…max.
func (p logsPaging) limit(def, max int) (int, error) {
	return pageSize("limit", p.Limit, def, max)
}

type describeLogGroupsInput struct {
	logsPaging
	LogGroupNamePrefix  string `json:"logGroupNamePrefix"`
	LogGroupNamePattern string `json:"logGroupNamePattern"`
}

type describeLogGroupsOutput struct {
	LogGroups []wireLogGroup `json:"logGroups"`
	NextToken string         `json:"nextToken,omitempty"`
}

type wireLogGroup struct {
	LogGroupName      string `json:"logGroupName"`
	CreationTime      int64  `json:"creationTime"`
	RetentionInDays   int    `json:"retentionInDays,omitempty"`
	MetricFilterCount int    `json:"metricFilterCount"`
	Arn               string `json:"arn"`
	StoredBytes       int64  `json:"storedBytes"`
	LogGroupClass     string `json:"logGroupClass"`
	LogGroupArn       string `json:"logGroupArn"`
}

// describeLogGroups pages up to 50 groups; logGroupNamePattern is a
// case-sensitive substring, as AWS documents it.
func describeLogGroups(b *backend, in describeLogGroupsInput) (describeLogGroupsOutput, error) {
	if in.LogGroupNamePrefix != "" && in.LogGroupNamePattern != "" {
		return describeLogGroupsOutput{}, invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.")
	}
	limit, err := in.limit(50, 50)
	if err != nil {
		return describeLogGroupsOutput{}, err
	}
	var groups []model.LogGroup
	for _, g := range b.sim.LogGroups(in.LogGroupNamePrefix) {
		if strings.Contains(g.Name, in.LogGroupNamePattern) {
			groups = append(groups, g)
		}
	}
	page, next, err := pageOf("DescribeLogGroups", groups, func(g model.LogGroup) string { return g.Name }, false, in.NextToken, limit)
	if err != nil {
		return describeLogGroupsOutput{}, err
	}
	return describeLogGroupsOutput{wireAll(page, wireGroup), next}, nil
}

func wireGroup(g model.LogGroup) wireLogGroup {
	arn := strings.TrimSuffix(g.ARN, ":*")
	return wireLogGroup{
		LogGroupName:    g.Name,
		CreationTime:    millis(g.CreatedAt),
		RetentionInDays: g.RetentionDays,
		Arn:             arn + ":*",
		StoredBytes:     g.StoredBytes,
		LogGroupClass:   "STANDARD",
		LogGroupArn:     arn,
	}
}

type describeLogStreamsInput struct {
	groupRef
	logsPaging
	LogStreamNamePrefix string `json:"logStreamNamePrefix"`
	OrderBy             string `json:"orderBy"`
	Descending          bool   `json:"descending"`
}

type describeLogStreamsOutput struct {
	LogStreams []wireLogStream `json:"logStreams"`
	NextToken  string          `json:"nextToken,omitempty"`
}

type wireLogStream struct {
	LogStreamName       string `json:"logStreamName"`
	CreationTime        int64  `json:"creationTime"`
	FirstEventTimestamp int64  `json:"firstEventTimestamp,omitempty"`
	LastEventTimestamp  int64  `json:"lastEventTimestamp,omitempty"`
	LastIngestionTime   int64  `json:"lastIngestionTime,omitempty"`
	Arn                 string `json:"arn"`
	StoredBytes         int64  `json:"storedBytes"`
}

// describeLogStreams pages up to 50 streams, ordered by name or by the
// time of their last event (newest last unless descending).
func describeLogStreams(b *backend, in describeLogStreamsInput) (describeLogStreamsOutput, error) {
	group, err := in.name()
	if err != nil {
		return describeLogStreamsOutput{}, err
	}
	key := func(s model.LogStream) string { return s.Name }
	switch in.OrderBy {
	case "", "LogStreamName":
	case "LastEventTime":
		if in.LogStreamNamePrefix != "" {
			return describeLogStreamsOutput{}, invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.")
		}
		key = func(s model.LogStream) string { return fmt.Sprintf("%020d\x00%s", millis(s.LastEventAt), s.Name) }
	default:
		return describeLogStreamsOutput{}, invalidParameter("1 validation error detected: Value '%s' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]", in.OrderBy)
	}
	limit, err := in.limit(50, 50)
	if err != nil {
		return describeLogStreamsOutput{}, err
	}
	streams, err := b.sim.LogStreams(group, in.LogStreamNamePrefix)
	if err != nil {
		return describeLogStreamsOutput{}, err
	}
	// A token holds a key of one ordering: it is bound to it.
	page, next, err := pageOf("DescribeLogStreams "+in.OrderBy, streams, key, in.Descending, in.NextToken, limit)
	if err != nil {
		return describeLogStreamsOutput{}, err
	}
	return describeLogStreamsOutput{wireAll(page, wireStream), next}, nil
}

func wireStream(s model.LogStream) wireLogStream {
	return wireLogStream{
		LogStreamName:       s.Name,
		CreationTime:        millis(s.CreatedAt),
		FirstEventTimestamp: millis(s.FirstEventAt),
		LastEventTimestamp:  millis(s.LastEventAt),
		LastIngestionTime:   millis(s.LastIngestionAt),
		Arn:                 s.ARN,
	}
}
