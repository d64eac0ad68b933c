package connector

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"unicode/utf8"
)

// A minimal JSON Schema (draft 2020-12) validator for the keywords the
// config schemas use, written for the agreement test: type, properties,
// required, additionalProperties, items, enum, const, minLength, minItems,
// minimum, maximum, allOf, anyOf, oneOf, not, if/then. An unknown keyword
// is an error, so a schema cannot silently say more than is checked.

// schemaValid reports whether the JSON document doc is valid under schema.
func schemaValid(schema, doc []byte) (bool, error) {
	var s, v any
	if err := decodeNumbers(schema, &s); err != nil {
		return false, err
	}
	if err := decodeNumbers(doc, &v); err != nil {
		return false, nil // not JSON: invalid under any schema
	}
	return validate(s, v)
}

func decodeNumbers(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("trailing data")
	}
	return nil
}

var knownKeywords = []string{"$schema", "title", "description", "type", "properties", "required",
	"additionalProperties", "items", "enum", "const", "minLength", "minItems", "minimum", "maximum",
	"allOf", "anyOf", "oneOf", "not", "if", "then"}

func validate(schema, v any) (bool, error) {
	switch s := schema.(type) {
	case bool:
		return s, nil
	case map[string]any:
		for k := range s {
			if !slices.Contains(knownKeywords, k) {
				return false, fmt.Errorf("unsupported keyword %q", k)
			}
		}
		return validateObject(s, v)
	default:
		return false, fmt.Errorf("schema is a %T", schema)
	}
}

func validateObject(s map[string]any, v any) (bool, error) {
	if t, ok := s["type"]; ok {
		var types []any
		if str, ok := t.(string); ok {
			types = []any{str}
		} else {
			types = t.([]any)
		}
		if !slices.ContainsFunc(types, func(t any) bool { return hasType(v, t.(string)) }) {
			return false, nil
		}
	}
	if e, ok := s["enum"]; ok && !slices.ContainsFunc(e.([]any), func(x any) bool { return jsonEqual(x, v) }) {
		return false, nil
	}
	if c, ok := s["const"]; ok && !jsonEqual(c, v) {
		return false, nil
	}
	if str, ok := v.(string); ok {
		if m, ok := s["minLength"]; ok && int64(utf8.RuneCountInString(str)) < intOf(m) {
			return false, nil
		}
	}
	if n, ok := v.(json.Number); ok {
		f, _ := strconv.ParseFloat(string(n), 64)
		if m, ok := s["minimum"]; ok && f < floatOf(m) {
			return false, nil
		}
		if m, ok := s["maximum"]; ok && f > floatOf(m) {
			return false, nil
		}
	}
	if arr, ok := v.([]any); ok {
		if m, ok := s["minItems"]; ok && int64(len(arr)) < intOf(m) {
			return false, nil
		}
		if items, ok := s["items"]; ok {
			for _, e := range arr {
				if ok, err := validate(items, e); !ok || err != nil {
					return false, err
				}
			}
		}
	}
	if obj, ok := v.(map[string]any); ok {
		for _, r := range asSlice(s["required"]) {
			if _, ok := obj[r.(string)]; !ok {
				return false, nil
			}
		}
		props, _ := s["properties"].(map[string]any)
		for k, val := range obj {
			if ps, ok := props[k]; ok {
				if ok, err := validate(ps, val); !ok || err != nil {
					return false, err
				}
				continue
			}
			if ap, ok := s["additionalProperties"]; ok {
				if ok, err := validate(ap, val); !ok || err != nil {
					return false, err
				}
			}
		}
	}
	for _, sub := range asSlice(s["allOf"]) {
		if ok, err := validate(sub, v); !ok || err != nil {
			return false, err
		}
	}
	if anyOf, ok := s["anyOf"]; ok {
		found := false
		for _, sub := range anyOf.([]any) {
			ok, err := validate(sub, v)
			if err != nil {
				return false, err
			}
			found = found || ok
		}
		if !found {
			return false, nil
		}
	}
	if one, ok := s["oneOf"]; ok {
		n := 0
		for _, sub := range one.([]any) {
			ok, err := validate(sub, v)
			if err != nil {
				return false, err
			}
			if ok {
				n++
			}
		}
		if n != 1 {
			return false, nil
		}
	}
	if not, ok := s["not"]; ok {
		ok, err := validate(not, v)
		if ok || err != nil {
			return false, err
		}
	}
	if cond, ok := s["if"]; ok {
		ok, err := validate(cond, v)
		if err != nil {
			return false, err
		}
		if then, has := s["then"]; ok && has {
			return validate(then, v)
		}
	}
	return true, nil
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func floatOf(v any) float64 {
	f, _ := strconv.ParseFloat(string(v.(json.Number)), 64)
	return f
}

func intOf(v any) int64 {
	n, _ := strconv.ParseInt(string(v.(json.Number)), 10, 64)
	return n
}

// hasType implements the type keyword; integer is any number with a zero
// fractional part (1e3 and 1000.0 are integers).
func hasType(v any, t string) bool {
	switch t {
	case "null":
		return v == nil
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		if _, err := strconv.ParseInt(string(n), 10, 64); err == nil {
			return true
		}
		f, err := strconv.ParseFloat(string(n), 64)
		return err == nil && f == math.Trunc(f) && !math.IsInf(f, 0)
	}
	return false
}

// jsonEqual compares JSON values; numbers by value.
func jsonEqual(a, b any) bool {
	na, okA := a.(json.Number)
	nb, okB := b.(json.Number)
	if okA && okB {
		fa, _ := strconv.ParseFloat(string(na), 64)
		fb, _ := strconv.ParseFloat(string(nb), 64)
		return fa == fb
	}
	return reflect.DeepEqual(a, b)
}
