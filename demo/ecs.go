package demo

import (
	"maps"
	"net/http"
	"slices"
	"strings"
)

// ecsAPI is Amazon ECS, spoken in AWS JSON 1.1.
var ecsAPI = newService(service{
	signingName: "ecs",
	target:      "AmazonEC2ContainerServiceV20141113",
	protocol:    jsonProtocol{},
	throttled:   apiError{http.StatusBadRequest, "ThrottlingException", "Rate exceeded"},
	unavailable: apiError{http.StatusInternalServerError, "ServerException", "Service Unavailable. Please try again later."},
})

// ecsARN is the ARN of an ECS resource such as "cluster/prod".
func (b *backend) ecsARN(resource string) string {
	return "arn:aws:ecs:" + b.region + ":" + b.account + ":" + resource
}

// clusterOf is the cluster a request names: like AWS, none means "default".
func clusterOf(ref string) string {
	if ref == "" {
		return "default"
	}
	return ref
}

// nameOf is the last part of a name-or-ARN reference.
func nameOf(ref string) string {
	return ref[strings.LastIndexByte(ref, '/')+1:]
}

// listInput is the paging part of every ECS List operation.
type listInput struct {
	NextToken  string `json:"nextToken"`
	MaxResults *int   `json:"maxResults"`
}

// arnPage is one page of an ECS list of ARNs: maxResults 1–100, def when
// the request names none.
func arnPage(op string, arns []string, in listInput, def int) ([]string, string, error) {
	limit, err := pageSize("maxResults", in.MaxResults, def, 100)
	if err != nil {
		return nil, "", err
	}
	return pageOf(op, arns, func(arn string) string { return arn }, false, in.NextToken, limit)
}

// simPage is one page of an ECS list of ARNs that the simulation pages
// itself (see pageAfter): maxResults 1–100, def when the request names none.
func simPage(op string, in listInput, def int, fetch func(after string, limit int) ([]string, bool, error)) ([]string, string, error) {
	limit, err := pageSize("maxResults", in.MaxResults, def, 100)
	if err != nil {
		return nil, "", err
	}
	return pageAfter(op, in.NextToken, limit, func(arn string) string { return arn }, fetch)
}

// describeBatch is what ECS's Describe* calls share: at most max refs
// (what names them in AWS's message), the resources found in wire form,
// and a MISSING failure for each of the others.
func describeBatch[M, W any](b *backend, cluster string, refs []string, max int, what, kind string,
	fetch func(cluster string, refs []string) ([]M, []string, error), wire func(M) W) ([]W, []failure, error) {
	if len(refs) == 0 {
		return nil, nil, invalidParameter("%s cannot be empty.", what)
	}
	if len(refs) > max {
		return nil, nil, invalidParameter("%s can have at most %d items.", what, max)
	}
	found, missing, err := fetch(cluster, refs)
	if err != nil {
		return nil, nil, err
	}
	return wireAll(found, wire), b.missingFailures(missing, kind, cluster), nil
}

// failure is a describe call's entry for a resource it could not find.
type failure struct {
	ARN    string `json:"arn"`
	Reason string `json:"reason"`
}

// missingFailures reports refs as AWS does, by ARN, with reason MISSING;
// a plain name or ID becomes the ARN it would have in the cluster.
func (b *backend) missingFailures(refs []string, kind, cluster string) []failure {
	out := make([]failure, 0, len(refs))
	for _, ref := range refs {
		arn := ref
		if !strings.HasPrefix(ref, "arn:") {
			arn = b.ecsARN(kind + "/" + nameOf(cluster) + "/" + ref)
		}
		out = append(out, failure{arn, "MISSING"})
	}
	return out
}

type tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// tagList is ECS's tag list, sorted by key.
func tagList(m map[string]string) []tag {
	out := make([]tag, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, tag{k, m[k]})
	}
	return out
}

// nameValue is ECS's key-value pair (statistics, settings, attachment details).
type nameValue struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}
