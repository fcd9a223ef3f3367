package model

import (
	"strconv"
	"strings"
)

// ContainerColumns are the columns of the containers view. On a narrow
// screen the CPU, memory and ports go first, then ESSENTIAL, then the
// image: the name, status, health, exit code and reason stay.
func ContainerColumns() []Column {
	return []Column{
		{Title: "NAME", MinWidth: 8, Sort: SortName},
		{Title: "IMAGE", MinWidth: 12, Flex: true, Shed: 1},
		{Title: "STATUS", Sort: SortStatus},
		{Title: "HEALTH"},
		{Title: "EXIT", Right: true},
		{Title: "REASON", MinWidth: 8, Flex: true},
		{Title: "ESSENTIAL", Shed: 2},
		{Title: "PORTS", MinWidth: 6, Shed: 3},
		{Title: "CPU", Right: true, Shed: 5},
		{Title: "MEMORY", Right: true, Shed: 4},
	}
}

// ContainerRow is a container of a task as a row of ContainerColumns,
// keyed by name (unique within a task). def is the container's definition
// from the task definition, nil when it could not be read: the essential
// flag then shows "-" and ports come from the network bindings only.
func ContainerRow(c Container, def *ContainerDefinition) Row {
	st := ContainerState(c)
	exit := none
	if c.ExitCode != nil {
		exit = strconv.Itoa(*c.ExitCode)
	}
	essential := none
	if def != nil {
		essential = yesNo(def.Essential)
	}
	return Row{
		ID: c.Name,
		Cells: []string{
			c.Name,
			ShortImage(c.Image),
			orNone(c.LastStatus),
			orNone(c.HealthStatus),
			exit,
			orNone(c.Reason),
			essential,
			Ports(c, def),
			containerCPU(c.CPU),
			ContainerMemory(c),
		},
		SortKeys: []string{2: statusKey(st, c.LastStatus), 8: numKey(c.CPU), 9: numKey(c.Memory)},
		State:    st,
	}
}

// ShortImage keeps what tells images apart in a narrow cell — the
// repository's last path element and the tag — and drops the registry
// and the repository's path: "123.dkr.ecr.us-east-1.amazonaws.com/team/web:1.4.2"
// → "web:1.4.2". A digest is shortened to 12 hex digits.
func ShortImage(image string) string {
	if image == "" {
		return none
	}
	name, digest, _ := strings.Cut(image, "@")
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	if digest == "" {
		return name
	}
	algo, hex, ok := strings.Cut(digest, ":")
	if ok && len(hex) > 12 {
		digest = algo + ":" + hex[:12]
	}
	return name + "@" + digest
}

// Ports lists a container's ports: host bindings ("8080→32768/tcp") when
// the task has them (bridge and host networking), else the ports its
// definition declares ("8080/tcp", awsvpc).
func Ports(c Container, def *ContainerDefinition) string {
	var ps []string
	for _, b := range c.NetworkBindings {
		p := strconv.Itoa(b.ContainerPort)
		if b.HostPort != 0 && b.HostPort != b.ContainerPort {
			p += "→" + strconv.Itoa(b.HostPort)
		}
		ps = append(ps, p+"/"+protocol(b.Protocol))
	}
	if len(ps) == 0 && def != nil {
		for _, m := range def.PortMappings {
			ps = append(ps, strconv.Itoa(m.ContainerPort)+"/"+protocol(m.Protocol))
		}
	}
	return orNone(strings.Join(ps, ","))
}

func protocol(p string) string {
	if p == "" {
		return "tcp"
	}
	return strings.ToLower(p)
}

// containerCPU formats a container's CPU units; "0" means the container has
// no reservation of its own and shares the task's.
func containerCPU(s string) string {
	if s == "0" {
		return none
	}
	return CPUField(s)
}

// ContainerMemory is the hard memory limit, else the soft one marked
// "(soft)", else "-".
func ContainerMemory(c Container) string {
	switch {
	case c.Memory != "" && c.Memory != "0":
		return MemoryField(c.Memory)
	case c.MemoryReservation != "" && c.MemoryReservation != "0":
		return MemoryField(c.MemoryReservation) + " (soft)"
	}
	return none
}
