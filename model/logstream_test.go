package model

import "testing"

func TestContainerLogLocation(t *testing.T) {
	const id = "0123456789abcdef0123456789abcdef"
	awslogs := func(opts map[string]string) *LogConfiguration {
		return &LogConfiguration{Driver: "awslogs", Options: opts}
	}
	firelens := func(opts map[string]string) *LogConfiguration {
		return &LogConfiguration{Driver: "awsfirelens", Options: opts}
	}
	tests := []struct {
		name string
		lc   *LogConfiguration
		want LogLocation
		ok   bool
	}{
		{"awslogs with prefix", awslogs(map[string]string{"awslogs-group": "/ecs/prod/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web"}),
			LogLocation{"eu-west-1", "/ecs/prod/web", "web/app/" + id}, true},
		{"awslogs without region", awslogs(map[string]string{"awslogs-group": "/ecs/x", "awslogs-stream-prefix": "p"}),
			LogLocation{"", "/ecs/x", "p/app/" + id}, true},
		{"awslogs without prefix names streams after the container ID", awslogs(map[string]string{"awslogs-group": "/ecs/x"}), LogLocation{}, false},
		{"awslogs without group", awslogs(map[string]string{"awslogs-stream-prefix": "p"}), LogLocation{}, false},
		{"firelens cloudwatch_logs with prefix", firelens(map[string]string{"Name": "cloudwatch_logs", "region": "us-east-1", "log_group_name": "/ecs/prod/api", "log_stream_prefix": "api/", "auto_create_group": "true"}),
			LogLocation{"us-east-1", "/ecs/prod/api", "api/app-firelens-" + id}, true},
		{"firelens older cloudwatch output, lower-case name key", firelens(map[string]string{"name": "cloudwatch", "region": "us-east-1", "log_group_name": "g", "log_stream_prefix": "from-fluent-bit-"}),
			LogLocation{"us-east-1", "g", "from-fluent-bit-app-firelens-" + id}, true},
		{"firelens fixed stream name wins", firelens(map[string]string{"Name": "cloudwatch_logs", "log_group_name": "g", "log_stream_prefix": "p/", "log_stream_name": "all"}),
			LogLocation{"", "g", "all"}, true},
		{"firelens to another destination", firelens(map[string]string{"Name": "datadog", "apikey": "x"}), LogLocation{}, false},
		{"firelens without stream prefix or name", firelens(map[string]string{"Name": "cloudwatch_logs", "log_group_name": "g"}), LogLocation{}, false},
		{"json-file", &LogConfiguration{Driver: "json-file"}, LogLocation{}, false},
		{"no log configuration", nil, LogLocation{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ContainerLogLocation(ContainerDefinition{Name: "app", LogConfiguration: tt.lc}, id)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ContainerLogLocation = %+v, %v; want %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestLogStreamNameNeedsATaskID(t *testing.T) {
	lc := &LogConfiguration{Driver: "awslogs", Options: map[string]string{"awslogs-group": "g", "awslogs-stream-prefix": "p"}}
	if name, ok := LogStreamName(lc, "app", ""); ok {
		t.Errorf("LogStreamName without a task ID = %q, want not resolvable", name)
	}
}

func TestTaskID(t *testing.T) {
	for arn, want := range map[string]string{
		"arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef": "0123456789abcdef0123456789abcdef",
		"arn:aws:ecs:us-east-1:123456789012:task/2e5e9a3f-3d0a-4d6e-9a44-8b0c1f0e7a11":  "2e5e9a3f-3d0a-4d6e-9a44-8b0c1f0e7a11",
		"0123456789abcdef0123456789abcdef":                                              "0123456789abcdef0123456789abcdef",
	} {
		if got := TaskID(arn); got != want {
			t.Errorf("TaskID(%q) = %q, want %q", arn, got, want)
		}
	}
}
