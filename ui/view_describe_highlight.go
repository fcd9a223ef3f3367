package ui

import (
	"strconv"
	"strings"
)

// syntax is what a byte of describe text is, for colour.
type syntax uint8

const (
	synPlain syntax = iota
	synKey
	synString
	synNumber
	synLit // true, false, null
)

// highlightJSON classifies each byte of one line of (indented) JSON.
func highlightJSON(line string) []syntax {
	out := make([]syntax, len(line))
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == '"':
			j := quotedEnd(line, i)
			kind := synString
			if k := skipSpaces(line, j); k < len(line) && line[k] == ':' {
				kind = synKey
			}
			fill(out[i:j], kind)
			i = j
		case c == '-' || isDigit(c):
			j := i + 1
			for j < len(line) && strings.IndexByte("0123456789.eE+-", line[j]) >= 0 {
				j++
			}
			fill(out[i:j], synNumber)
			i = j
		default:
			if n := literalAt(line, i); n > 0 {
				fill(out[i:i+n], synLit)
				i += n
				continue
			}
			i++
		}
	}
	return out
}

// highlightYAML classifies each byte of a block-style YAML document, as
// yaml.v3 writes it: "key: value", "- item", and block scalars ("key: |-")
// whose more-indented lines that follow are text.
func highlightYAML(lines []string) [][]syntax {
	out := make([][]syntax, len(lines))
	block := -1 // indent of the line that opened a block scalar
	for n, line := range lines {
		s := make([]syntax, len(line))
		out[n] = s
		ind := len(line) - len(strings.TrimLeft(line, " "))
		if block >= 0 {
			if strings.TrimSpace(line) == "" || ind > block {
				fill(s[ind:], synString)
				continue
			}
			block = -1
		}
		i := ind
		for strings.HasPrefix(line[i:], "- ") {
			i += 2
		}
		if end, ok := yamlKey(line, i); ok {
			fill(s[i:end], synKey)
			i = skipSpaces(line, end+1)
		}
		v := line[i:]
		if isBlockIndicator(v) {
			block = ind
			continue
		}
		fill(s[i:], yamlScalar(v))
	}
	return out
}

// yamlKey returns the end of a mapping key starting at i (the index of its
// ':'), if the line has one there.
func yamlKey(line string, i int) (int, bool) {
	if i >= len(line) {
		return 0, false
	}
	end := -1
	if c := line[i]; c == '"' || c == '\'' {
		if j := quotedEnd(line, i); j < len(line) && line[j] == ':' {
			end = j
		}
	} else if k := strings.Index(line[i:], ": "); k >= 0 {
		end = i + k
	} else if strings.HasSuffix(line, ":") {
		end = len(line) - 1
	}
	if end < 0 || (end+1 < len(line) && line[end+1] != ' ') {
		return 0, false
	}
	return end, true
}

// yamlScalar classifies a plain or quoted scalar value.
func yamlScalar(v string) syntax {
	switch {
	case v == "", v == "[]", v == "{}":
		return synPlain
	case v[0] == '"' || v[0] == '\'':
		return synString
	case v == "true" || v == "false" || v == "null" || v == "~":
		return synLit
	}
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return synNumber
	}
	return synString
}

func isBlockIndicator(v string) bool {
	return len(v) > 0 && len(v) <= 3 && (v[0] == '|' || v[0] == '>') && strings.Trim(v[1:], "+-0123456789") == ""
}

// quotedEnd is the index just after the string quoted at i (its quote
// character, with backslash escapes for double quotes), or len(s).
func quotedEnd(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && q == '"':
			j++
		case s[j] == q:
			return j + 1
		}
	}
	return len(s)
}

func literalAt(s string, i int) int {
	for _, lit := range [...]string{"true", "false", "null"} {
		if strings.HasPrefix(s[i:], lit) {
			return len(lit)
		}
	}
	return 0
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func fill(s []syntax, k syntax) {
	for i := range s {
		s[i] = k
	}
}
