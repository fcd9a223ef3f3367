package ui

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// jsonToYAML re-encodes JSON as block-style YAML, keeping the keys in the
// order AWS returned them: JSON is YAML, so it is read into a yaml.Node
// (which keeps order, unlike a map) and written back without the quoting
// and flow style the JSON syntax gave every node.
func jsonToYAML(js string) (string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(js), &doc); err != nil {
		return "", fmt.Errorf("convert to YAML: %w", err)
	}
	plainStyle(&doc)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return "", fmt.Errorf("convert to YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return "", fmt.Errorf("convert to YAML: %w", err)
	}
	return b.String(), nil
}

// plainStyle clears the styles of a tree; the encoder then quotes only the
// strings that need it (those that would read as numbers, booleans...).
func plainStyle(n *yaml.Node) {
	n.Style = 0
	for _, c := range n.Content {
		plainStyle(c)
	}
}
