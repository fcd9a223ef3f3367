package model

import "strings"

// LogLocation is where CloudWatch Logs keeps a container's output.
type LogLocation struct {
	Region string // "" when the configuration does not say (the task's region)
	Group  string
	Stream string
}

// ContainerLogLocation resolves the CloudWatch log group and stream of a
// container of the task with this ID, from the container's log
// configuration. ok is false when the output does not go to CloudWatch Logs,
// or goes there under a name that cannot be known from outside the host.
func ContainerLogLocation(def ContainerDefinition, taskID string) (loc LogLocation, ok bool) {
	lc := def.LogConfiguration
	if lc == nil {
		return LogLocation{}, false
	}
	group, ok := LogGroupName(lc)
	if !ok {
		return LogLocation{}, false
	}
	stream, ok := LogStreamName(lc, def.Name, taskID)
	if !ok {
		return LogLocation{}, false
	}
	region := lc.Options["awslogs-region"]
	if lc.Driver == "awsfirelens" {
		region = option(lc, "region")
	}
	return LogLocation{Region: region, Group: group, Stream: stream}, true
}

// LogGroupName is the log group a log configuration writes to.
func LogGroupName(lc *LogConfiguration) (string, bool) {
	switch {
	case lc == nil:
	case lc.Driver == "awslogs":
		g := lc.Options["awslogs-group"]
		return g, g != ""
	case isFirelensCloudWatch(lc):
		g := option(lc, "log_group_name")
		return g, g != ""
	}
	return "", false
}

// LogStreamName is the stream a container of a task writes to.
//
//   - awslogs: "<awslogs-stream-prefix>/<container name>/<task ID>". Without a
//     prefix (allowed on EC2 only) the stream is named after the Docker
//     container ID, which ECS does not report: not resolvable.
//   - awsfirelens to CloudWatch (Fluent Bit's cloudwatch_logs or the older
//     cloudwatch output): log_stream_name when set, otherwise
//     log_stream_prefix followed by the FireLens tag of the container.
func LogStreamName(lc *LogConfiguration, container, taskID string) (string, bool) {
	switch {
	case lc == nil || taskID == "":
	case lc.Driver == "awslogs":
		if p := lc.Options["awslogs-stream-prefix"]; p != "" {
			return p + "/" + container + "/" + taskID, true
		}
	case isFirelensCloudWatch(lc):
		if n := option(lc, "log_stream_name"); n != "" {
			return n, true
		}
		if p := option(lc, "log_stream_prefix"); p != "" {
			return p + FirelensTag(container, taskID), true
		}
	}
	return "", false
}

// FirelensTag is the Fluent Bit tag FireLens gives a container's records.
func FirelensTag(container, taskID string) string {
	return container + "-firelens-" + taskID
}

// TaskID is the ID at the end of a task ARN (either ARN format); an ID
// comes back unchanged.
func TaskID(taskARN string) string {
	return taskARN[strings.LastIndexByte(taskARN, '/')+1:]
}

func isFirelensCloudWatch(lc *LogConfiguration) bool {
	if lc.Driver != "awsfirelens" {
		return false
	}
	name := option(lc, "Name")
	return strings.EqualFold(name, "cloudwatch_logs") || strings.EqualFold(name, "cloudwatch")
}

// option reads a FireLens option; Fluent Bit keys are case-insensitive.
func option(lc *LogConfiguration, key string) string {
	if v, ok := lc.Options[key]; ok {
		return v
	}
	for k, v := range lc.Options {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return ""
}
