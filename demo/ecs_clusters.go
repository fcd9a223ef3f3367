package demo

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ecsdeck/ecsdeck/model"
)

func init() {
	register(ecsAPI, "ListClusters", listClusters)
	register(ecsAPI, "DescribeClusters", describeClusters)
}

type listClustersOutput struct {
	ClusterArns []string `json:"clusterArns"`
	NextToken   string   `json:"nextToken,omitempty"`
}

func listClusters(b *backend, in listInput) (listClustersOutput, error) {
	var arns []string
	for _, c := range b.sim.Clusters() {
		arns = append(arns, c.ARN)
	}
	page, next, err := arnPage("ListClusters", arns, in, 100)
	return listClustersOutput{page, next}, err
}

type describeClustersInput struct {
	Clusters []string `json:"clusters"`
	Include  []string `json:"include"`
}

type describeClustersOutput struct {
	Clusters []wireCluster `json:"clusters"`
	Failures []failure     `json:"failures"`
}

type wireCluster struct {
	ClusterArn                        string      `json:"clusterArn"`
	ClusterName                       string      `json:"clusterName"`
	Status                            string      `json:"status"`
	RegisteredContainerInstancesCount int         `json:"registeredContainerInstancesCount"`
	RunningTasksCount                 int         `json:"runningTasksCount"`
	PendingTasksCount                 int         `json:"pendingTasksCount"`
	ActiveServicesCount               int         `json:"activeServicesCount"`
	Statistics                        []nameValue `json:"statistics,omitempty"`
	Tags                              []tag       `json:"tags,omitzero"`
	Settings                          []nameValue `json:"settings,omitempty"`
	CapacityProviders                 []string    `json:"capacityProviders"`
}

// describeClusters describes up to 100 clusters; with none named it
// describes "default", as AWS does.
func describeClusters(b *backend, in describeClustersInput) (describeClustersOutput, error) {
	refs := in.Clusters
	if len(refs) == 0 {
		refs = []string{"default"}
	}
	if len(refs) > 100 {
		return describeClustersOutput{}, invalidParameter("clusters can have at most 100 items.")
	}
	out := describeClustersOutput{Clusters: []wireCluster{}, Failures: []failure{}}
	for _, ref := range refs {
		c, err := b.sim.Cluster(ref)
		if err != nil {
			arn := ref
			if !strings.HasPrefix(ref, "arn:") {
				arn = b.ecsARN("cluster/" + ref)
			}
			out.Failures = append(out.Failures, failure{arn, "MISSING"})
			continue
		}
		w, err := b.wireCluster(c, in.Include)
		if err != nil {
			return describeClustersOutput{}, err
		}
		out.Clusters = append(out.Clusters, w)
	}
	return out, nil
}

func (b *backend) wireCluster(c model.Cluster, include []string) (wireCluster, error) {
	w := wireCluster{
		ClusterArn:                        c.ARN,
		ClusterName:                       c.Name,
		Status:                            c.Status,
		RegisteredContainerInstancesCount: c.ContainerInstances,
		RunningTasksCount:                 c.RunningTasks,
		PendingTasksCount:                 c.PendingTasks,
		ActiveServicesCount:               c.ActiveServices,
		CapacityProviders:                 append([]string{}, c.CapacityProviders...),
	}
	if slices.Contains(include, "STATISTICS") {
		stats, err := b.clusterStatistics(c.ARN)
		if err != nil {
			return wireCluster{}, err
		}
		w.Statistics = stats
	}
	if slices.Contains(include, "SETTINGS") {
		insights := c.ContainerInsights
		if insights == "" {
			insights = "disabled"
		}
		w.Settings = []nameValue{{"containerInsights", insights}}
	}
	if slices.Contains(include, "TAGS") {
		w.Tags = tagList(c.Tags)
	}
	return w, nil
}

// clusterStatistics is the STATISTICS list: task and service counts by
// launch type, under AWS's names.
func (b *backend) clusterStatistics(cluster string) ([]nameValue, error) {
	byType, err := b.sim.ClusterStatistics(cluster)
	if err != nil {
		return nil, err
	}
	count := map[string]int{}
	for lt, st := range byType {
		name := launchTypeName(lt)
		count["running"+name+"TasksCount"] += st.RunningTasks
		count["pending"+name+"TasksCount"] += st.PendingTasks
		count["active"+name+"ServiceCount"] += st.ActiveServices
		count["draining"+name+"ServiceCount"] += st.DrainingServices
	}
	var out []nameValue
	for _, name := range []string{
		"runningEC2TasksCount", "runningFargateTasksCount", "pendingEC2TasksCount", "pendingFargateTasksCount",
		"runningExternalTasksCount", "pendingExternalTasksCount",
		"activeEC2ServiceCount", "activeFargateServiceCount", "drainingEC2ServiceCount", "drainingFargateServiceCount",
		"activeExternalServiceCount", "drainingExternalServiceCount",
	} {
		out = append(out, nameValue{name, strconv.Itoa(count[name])})
	}
	return out, nil
}

// launchTypeName is how the statistics spell a launch type.
func launchTypeName(lt string) string {
	switch lt {
	case "FARGATE":
		return "Fargate"
	case "EXTERNAL":
		return "External"
	}
	return "EC2"
}
