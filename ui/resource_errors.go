package ui

import (
	"errors"
	"strconv"

	"github.com/ecsdeck/ecsdeck/aws"
)

// scope is what a resource view asked AWS about: the cluster and service
// it lists in ("" for none) and the region the client talks to.
type scope struct {
	region, cluster, service string
}

// errorText is what the flash line says about err in a view of scope s.
// AWS's not-found messages do not name what was not found ("Cluster not
// found."), but the view knows what it asked for, so it names it: a
// mistyped --cluster or :svc argument is then obvious at a glance.
func (s scope) errorText(err error) string {
	var e *aws.Error
	if !errors.As(err, &e) || e.Kind != aws.KindNotFound {
		return errorText(err)
	}
	switch {
	case e.Code == "ClusterNotFoundException" && s.cluster != "":
		return "cluster " + strconv.Quote(s.cluster) + " not found" + s.in() +
			" — check the name, region and account (:clusters lists them)"
	case e.Code == "ServiceNotFoundException" && s.service != "":
		return "service " + strconv.Quote(s.service) + " not found in cluster " + strconv.Quote(s.cluster) + s.in() +
			" — it may have been deleted (:svc " + s.cluster + " lists the services)"
	}
	return errorText(err)
}

// in is " in <region>", or "" when the region is not known.
func (s scope) in() string {
	if s.region == "" {
		return ""
	}
	return " in " + s.region
}

// scopeOf is the scope of a view listing in cluster and service.
func scopeOf(ctx *Context, cluster, service string) scope {
	s := scope{cluster: cluster, service: service}
	if ctx.Client != nil {
		s.region = ctx.Client.Region()
	}
	return s
}

// errorText is what the flash line says about err: for an *aws.Error, what
// happened and what to do.
func errorText(err error) string {
	var e *aws.Error
	if errors.As(err, &e) {
		return e.UserMessage()
	}
	return err.Error()
}
