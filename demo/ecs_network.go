package demo

import (
	"fmt"
	"hash/fnv"
	"strings"
)

// The demo account's VPC, which the simulation does not model: a subnet
// per availability zone, a security group per service and an elastic
// network interface per awsvpc task, with IDs derived from what they
// belong to so they are the same on every request.

// resourceID is an EC2-style ID such as "subnet-0" followed by 16 hex digits.
func resourceID(prefix, owner string) string {
	h := fnv.New64a()
	h.Write([]byte(owner))
	return fmt.Sprintf("%s-%017x", prefix, h.Sum64())
}

type networkConfiguration struct {
	AwsvpcConfiguration awsvpcConfiguration `json:"awsvpcConfiguration"`
}

type awsvpcConfiguration struct {
	Subnets        []string `json:"subnets"`
	SecurityGroups []string `json:"securityGroups"`
	AssignPublicIP string   `json:"assignPublicIp"`
}

// serviceNetwork is an awsvpc service's network: private subnets in three
// availability zones and the service's own security group.
func (b *backend) serviceNetwork(serviceARN string) *networkConfiguration {
	var subnets []string
	for _, zone := range "abc" {
		subnets = append(subnets, resourceID("subnet", b.region+string(zone)))
	}
	return &networkConfiguration{awsvpcConfiguration{
		Subnets:        subnets,
		SecurityGroups: []string{resourceID("sg", serviceARN)},
		AssignPublicIP: "DISABLED",
	}}
}

type attachment struct {
	ID      string      `json:"id"`
	Type    string      `json:"type"`
	Status  string      `json:"status"`
	Details []nameValue `json:"details"`
}

// eniAttachment is an awsvpc task's network interface, in the subnet of
// its availability zone.
func (b *backend) eniAttachment(taskARN, zone, lastStatus, ip string) attachment {
	h := fnv.New64a()
	h.Write([]byte(taskARN))
	sum := h.Sum64()
	status := "ATTACHED"
	switch lastStatus {
	case "PROVISIONING":
		status = "PRECREATED"
	case "DEPROVISIONING":
		status = "DETACHING"
	case "STOPPED":
		status = "DELETED"
	}
	details := []nameValue{
		{"subnetId", resourceID("subnet", zone)},
		{"networkInterfaceId", resourceID("eni", taskARN)},
		{"macAddress", fmt.Sprintf("0e:%02x:%02x:%02x:%02x:%02x", byte(sum>>32), byte(sum>>24), byte(sum>>16), byte(sum>>8), byte(sum))},
	}
	if ip != "" {
		details = append(details,
			nameValue{"privateDnsName", "ip-" + strings.ReplaceAll(ip, ".", "-") + "." + b.privateDomain()},
			nameValue{"privateIPv4Address", ip})
	}
	return attachment{
		ID:      fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", uint32(sum), uint16(sum>>32), uint16(sum>>44)&0xfff, uint16(sum>>20)&0xfff, sum&0xffffffffffff),
		Type:    "ElasticNetworkInterface",
		Status:  status,
		Details: details,
	}
}

// privateDomain is EC2's private DNS domain in the region.
func (b *backend) privateDomain() string {
	if b.region == "us-east-1" {
		return "ec2.internal"
	}
	return b.region + ".compute.internal"
}
