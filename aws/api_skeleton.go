package aws

import (
	"context"
	"errors"
	"time"

	"github.com/ecsdeck/ecsdeck/model"
)

var errNotYet = errors.New("aws: not implemented yet")

// Credentials are static credentials (the demo's) used instead of the default chain.
type Credentials struct{ AccessKeyID, SecretAccessKey, SessionToken string }

// Config chooses the account, region and endpoint, and how calls behave.
type Config struct {
	Profile, Region, EndpointURL string
	Static                       *Credentials
	CallTimeout                  time.Duration
	Concurrency                  int
	ReadOnly                     bool
}

// Client reads ECS and CloudWatch Logs and returns model values.
type Client struct{ cfg Config }

func New(ctx context.Context, cfg Config) (*Client, error) { return &Client{cfg: cfg}, nil }
func (c *Client) Region() string                           { return c.cfg.Region }
func (c *Client) Profile() string                          { return c.cfg.Profile }
func (c *Client) ReadOnly() bool                           { return c.cfg.ReadOnly }
func (c *Client) Identity(ctx context.Context) (model.Identity, error) {
	return model.Identity{}, errNotYet
}
func (c *Client) Clusters(ctx context.Context) ([]model.Cluster, error) { return nil, errNotYet }
func (c *Client) Cluster(ctx context.Context, name string) (model.Cluster, error) {
	return model.Cluster{}, errNotYet
}
func (c *Client) Services(ctx context.Context, cluster string) ([]model.Service, error) {
	return nil, errNotYet
}

type TaskQuery struct {
	Service, Family string
	DesiredStatus   string
}

func (c *Client) Tasks(ctx context.Context, cluster string, q TaskQuery) ([]model.Task, error) {
	return nil, errNotYet
}
func (c *Client) DescribeTasks(ctx context.Context, cluster string, refs []string) ([]model.Task, error) {
	return nil, errNotYet
}
func (c *Client) TaskDefinition(ctx context.Context, ref string) (model.TaskDefinition, error) {
	return model.TaskDefinition{}, errNotYet
}
func (c *Client) TaskDefinitionARNs(ctx context.Context, familyPrefix string) ([]string, error) {
	return nil, errNotYet
}
func (c *Client) ContainerInstances(ctx context.Context, cluster string) ([]model.ContainerInstance, error) {
	return nil, errNotYet
}

type ServiceUpdate struct {
	DesiredCount       *int
	ForceNewDeployment bool
	TaskDefinition     string
}

func (c *Client) UpdateService(ctx context.Context, cluster, service string, u ServiceUpdate) (model.Service, error) {
	return model.Service{}, errNotYet
}
func (c *Client) StopTask(ctx context.Context, cluster, task, reason string) (model.Task, error) {
	return model.Task{}, errNotYet
}
func (c *Client) LogGroups(ctx context.Context, prefix string) ([]model.LogGroup, error) {
	return nil, errNotYet
}
func (c *Client) LogStreams(ctx context.Context, group, prefix string) ([]model.LogStream, error) {
	return nil, errNotYet
}

type LogQuery struct {
	Group, Stream string
	Start, End    time.Time
	FromHead      bool
	Limit         int
	Token         string
}
type LogPage struct {
	Events                    []model.LogEvent
	NextForward, NextBackward string
}

func (c *Client) LogEvents(ctx context.Context, q LogQuery) (LogPage, error) {
	return LogPage{}, errNotYet
}

type FilterQuery struct {
	Group                 string
	Streams               []string
	StreamPrefix, Pattern string
	Start, End            time.Time
	Limit                 int
	Token                 string
}

func (c *Client) FilterLogEvents(ctx context.Context, q FilterQuery) (LogPage, error) {
	return LogPage{}, errNotYet
}

type Kind string

const (
	KindCluster           Kind = "cluster"
	KindService           Kind = "service"
	KindTask              Kind = "task"
	KindContainer         Kind = "container"
	KindContainerInstance Kind = "containerInstance"
	KindTaskDefinition    Kind = "taskDefinition"
)

func (c *Client) Describe(ctx context.Context, kind Kind, cluster, ref string) (string, error) {
	return "", errNotYet
}

type ErrorKind int

const (
	KindUnknown ErrorKind = iota
	KindNotFound
	KindAccessDenied
	KindThrottled
	KindCredentials
	KindNetwork
	KindTimeout
	KindInvalid
	KindReadOnly
)

type Error struct {
	Kind                       ErrorKind
	Op, Code, Message, Profile string
	Err                        error
}

func (e *Error) Error() string       { return e.Op + ": " + e.Message }
func (e *Error) Unwrap() error       { return e.Err }
func (e *Error) UserMessage() string { return e.Message }
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindUnknown
}
