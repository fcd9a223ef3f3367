package aws

import (
	"bytes"
	"encoding/json"
	"reflect"
	"time"
	"unicode"
	"unicode/utf8"
)

var timeType = reflect.TypeFor[time.Time]()

// awsJSON renders an SDK value as indented JSON the way AWS and the aws CLI
// show it: member names in camelCase, fields in the SDK's (alphabetical)
// order, absent members left out, timestamps in RFC 3339. Map keys (tags,
// log options, docker labels) are kept as they are.
func awsJSON(v any) (string, error) {
	raw, err := json.Marshal(plain(reflect.ValueOf(v)))
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// object is a JSON object that keeps its members in order.
type object []member

type member struct {
	name  string
	value any
}

func (o object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(m.name)
		v, err := json.Marshal(m.value)
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// plain converts v into values encoding/json renders as AWS would; nil
// means "absent".
func plain(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return plain(v.Elem())
	case reflect.Struct:
		if v.Type() == timeType {
			return v.Interface().(time.Time).Format(time.RFC3339Nano)
		}
		var o object
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Name == "ResultMetadata" {
				continue
			}
			if x := plain(v.Field(i)); x != nil {
				o = append(o, member{lowerFirst(f.Name), x})
			}
		}
		if len(o) == 0 {
			return nil
		}
		return o
	case reflect.Slice, reflect.Array:
		if v.Len() == 0 {
			return nil
		}
		out := make([]any, 0, v.Len())
		for i := range v.Len() {
			out = append(out, plain(v.Index(i)))
		}
		return out
	case reflect.Map:
		if v.Len() == 0 {
			return nil
		}
		out := make(map[string]any, v.Len())
		for it := v.MapRange(); it.Next(); {
			out[it.Key().String()] = plain(it.Value())
		}
		return out
	case reflect.String:
		if v.Len() == 0 {
			return nil // an unset enum
		}
		return v.String()
	case reflect.Invalid:
		return nil
	}
	return v.Interface()
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
