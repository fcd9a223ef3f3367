package model

import "time"

// LogGroup is a CloudWatch Logs log group.
type LogGroup struct {
	Name          string
	ARN           string
	RetentionDays int // 0 means never expire
	StoredBytes   int64
	CreatedAt     time.Time
}

// LogStream is a stream within a log group.
type LogStream struct {
	Name            string
	ARN             string
	CreatedAt       time.Time
	FirstEventAt    time.Time
	LastEventAt     time.Time
	LastIngestionAt time.Time
}

// LogEvent is one CloudWatch Logs event.
type LogEvent struct {
	Timestamp  time.Time
	IngestedAt time.Time
	Stream     string // set by FilterLogEvents, which reads several streams
	Message    string
	EventID    string
}

// Identity is who the credentials belong to (STS GetCallerIdentity).
type Identity struct {
	Account string
	ARN     string
	UserID  string
}
