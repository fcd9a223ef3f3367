package demo

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

func TestDescribeTaskDefinition(t *testing.T) {
	c := startDemo(t, Options{})
	var firelens, dependsOn, secrets, healthChecks int
	for _, arn := range c.srv.Sim().TaskDefinitionARNs("", "") {
		out, err := c.ecs.DescribeTaskDefinition(ctx(t), &ecs.DescribeTaskDefinitionInput{
			TaskDefinition: aws.String(arn), Include: []types.TaskDefinitionField{types.TaskDefinitionFieldTags},
		})
		if err != nil {
			t.Fatal(err)
		}
		m := must(c.srv.Sim().TaskDefinition(arn))
		w := out.TaskDefinition
		sameFields(t, arn, fields{
			"arn":                     {*w.TaskDefinitionArn, m.ARN},
			"family":                  {*w.Family, m.Family},
			"revision":                {int(w.Revision), m.Revision},
			"status":                  {string(w.Status), m.Status},
			"cpu":                     {aws.ToString(w.Cpu), m.CPU},
			"memory":                  {aws.ToString(w.Memory), m.Memory},
			"networkMode":             {string(w.NetworkMode), m.NetworkMode},
			"taskRoleArn":             {aws.ToString(w.TaskRoleArn), m.TaskRoleARN},
			"executionRoleArn":        {aws.ToString(w.ExecutionRoleArn), m.ExecutionRoleARN},
			"requiresCompatibilities": {len(w.RequiresCompatibilities), len(m.RequiresCompatibilities)},
			"registeredAt":            {utc(w.RegisteredAt), wireTime(m.RegisteredAt)},
			"tags present":            {out.Tags != nil, true},
			"containers":              {len(w.ContainerDefinitions), len(m.Containers)},
		})
		if len(w.ContainerDefinitions) != len(m.Containers) {
			continue
		}
		for i, wc := range w.ContainerDefinitions {
			mc := m.Containers[i]
			f := fields{
				"name":              {*wc.Name, mc.Name},
				"image":             {*wc.Image, mc.Image},
				"essential":         {*wc.Essential, mc.Essential},
				"cpu":               {int(wc.Cpu), mc.CPU},
				"memory":            {int(aws.ToInt32(wc.Memory)), mc.Memory},
				"memoryReservation": {int(aws.ToInt32(wc.MemoryReservation)), mc.MemoryReservation},
				"portMappings":      {len(wc.PortMappings), len(mc.PortMappings)},
				"dependsOn":         {len(wc.DependsOn), len(mc.DependsOn)},
				"secrets":           {len(wc.Secrets), len(mc.Secrets)},
				"environment":       {len(wc.Environment), len(mc.Environment)},
				"healthCheck":       {wc.HealthCheck != nil, mc.HealthCheck != nil},
				"logConfiguration":  {wc.LogConfiguration != nil, mc.LogConfiguration != nil},
				"command":           {len(wc.Command), len(mc.Command)},
			}
			if lc := wc.LogConfiguration; lc != nil && mc.LogConfiguration != nil {
				f["logDriver"] = [2]any{string(lc.LogDriver), mc.LogConfiguration.Driver}
				f["logOptions"] = [2]any{lc.Options, mc.LogConfiguration.Options}
			}
			if hc := wc.HealthCheck; hc != nil && mc.HealthCheck != nil {
				f["healthCheck.command"] = [2]any{hc.Command, mc.HealthCheck.Command}
				f["healthCheck.interval"] = [2]any{int(*hc.Interval), int(mc.HealthCheck.Interval.Seconds())}
				f["healthCheck.retries"] = [2]any{int(*hc.Retries), mc.HealthCheck.Retries}
			}
			sameFields(t, arn+" container "+mc.Name, f)
			if wc.FirelensConfiguration != nil {
				firelens++
				if string(wc.FirelensConfiguration.Type) != mc.FirelensType {
					t.Errorf("%s container %s FireLens type %s, want %s", arn, mc.Name, wc.FirelensConfiguration.Type, mc.FirelensType)
				}
			}
			dependsOn += len(wc.DependsOn)
			secrets += len(wc.Secrets)
			if wc.HealthCheck != nil {
				healthChecks++
			}
		}
	}
	if firelens == 0 || dependsOn == 0 || secrets == 0 || healthChecks == 0 {
		t.Errorf("the demo account lacks FireLens (%d), dependsOn (%d), secrets (%d) or health checks (%d)", firelens, dependsOn, secrets, healthChecks)
	}
}

func TestListTaskDefinitions(t *testing.T) {
	c := startDemo(t, Options{})
	list := func(in ecs.ListTaskDefinitionsInput) []string {
		var arns []string
		for p := ecs.NewListTaskDefinitionsPaginator(c.ecs, &in); p.HasMorePages(); {
			page, err := p.NextPage(ctx(t))
			if err != nil {
				t.Fatal(err)
			}
			arns = append(arns, page.TaskDefinitionArns...)
		}
		return arns
	}
	want := c.srv.Sim().TaskDefinitionARNs("", "")
	if got := list(ecs.ListTaskDefinitionsInput{MaxResults: aws.Int32(2)}); !slices.Equal(got, want) {
		t.Errorf("ListTaskDefinitions in pages of 2 = %v, want %v", got, want)
	}
	desc := list(ecs.ListTaskDefinitionsInput{Sort: types.SortOrderDesc, MaxResults: aws.Int32(3)})
	slices.Reverse(desc)
	if !slices.Equal(desc, want) {
		t.Errorf("sort=DESC = %v, want the reverse of %v", desc, want)
	}
	web := c.srv.Sim().TaskDefinitionARNs("web", "")
	if got := list(ecs.ListTaskDefinitionsInput{FamilyPrefix: aws.String("web")}); len(web) == 0 || len(web) == len(want) || !slices.Equal(got, web) {
		t.Errorf("familyPrefix=web = %v, want %v", got, web)
	}
	_, err := c.ecs.ListTaskDefinitions(ctx(t), &ecs.ListTaskDefinitionsInput{MaxResults: aws.Int32(101)})
	wantAPIError(t, err, "InvalidParameterException", "")
}
