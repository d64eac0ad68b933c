package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// Violation is one place where a JSON value does not fit its schema.
type Violation struct {
	Path    string // JSON path, e.g. "$.data[0].customer.address.city"
	Message string
}

func (v Violation) String() string { return v.Path + ": " + v.Message }

// DecodeJSON decodes b into the generic form Validate takes (numbers as
// json.Number, so integers are told from floats).
func DecodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// Validate checks a value decoded by DecodeJSON against sch: types
// (integers must be whole numbers), required properties, enums, nullable,
// anyOf/oneOf (the value must fit one alternative) and $ref. A property
// that an object schema does not list is a violation unless the schema
// has additionalProperties: Stripe's response schemas list every property,
// so an unknown one is a misspelled or invented field. Violations are
// sorted by path.
func (s *Spec) Validate(v any, sch *Schema) []Violation {
	var out []Violation
	s.validate(v, sch, "$", &out, 0)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

func (s *Spec) validate(v any, sch *Schema, path string, out *[]Violation, depth int) {
	if depth > 64 {
		return
	}
	sch = s.Resolve(sch)
	if sch == nil {
		return
	}
	add := func(format string, args ...any) {
		*out = append(*out, Violation{Path: path, Message: fmt.Sprintf(format, args...)})
	}
	if v == nil {
		if !sch.Nullable && !isEmptySchema(sch) && !anyNullable(s, sch) {
			add("null where the spec does not allow it")
		}
		return
	}
	if alts := append(append([]*Schema{}, sch.AnyOf...), sch.OneOf...); len(alts) > 0 {
		var best []Violation
		for i, a := range alts {
			var vs []Violation
			s.validate(v, a, path, &vs, depth+1)
			if len(vs) == 0 {
				return
			}
			if i == 0 || len(vs) < len(best) {
				best = vs
			}
		}
		if len(alts) == 1 {
			*out = append(*out, best...)
			return
		}
		add("matches none of %d alternatives; closest: %s", len(alts), best[0])
		return
	}
	if len(sch.Enum) > 0 {
		for _, e := range sch.Enum {
			if fmt.Sprint(e) == fmt.Sprint(v) {
				return
			}
		}
		add("%v is not one of %v", v, sch.Enum)
		return
	}
	switch sch.Type {
	case "string":
		if _, ok := v.(string); !ok {
			add("want a string, got %s", kind(v))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			add("want a boolean, got %s", kind(v))
		}
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			add("want an integer, got %s", kind(v))
		} else if _, err := strconv.ParseInt(string(n), 10, 64); err != nil {
			add("want an integer, got %s", n)
		}
	case "number":
		if _, ok := v.(json.Number); !ok {
			add("want a number, got %s", kind(v))
		}
	case "array":
		a, ok := v.([]any)
		if !ok {
			add("want an array, got %s", kind(v))
			return
		}
		for i, e := range a {
			s.validate(e, sch.Items, path+"["+strconv.Itoa(i)+"]", out, depth+1)
		}
	case "object", "":
		m, ok := v.(map[string]any)
		if !ok {
			if sch.Type == "object" {
				add("want an object, got %s", kind(v))
			}
			return
		}
		for _, r := range sch.Required {
			if _, ok := m[r]; !ok {
				add("missing required property %q", r)
			}
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p, ok := sch.Properties[k]
			switch {
			case ok:
				s.validate(m[k], p, path+"."+k, out, depth+1)
			case sch.AdditionalProperties != nil:
				s.validate(m[k], sch.AdditionalProperties, path+"."+k, out, depth+1)
			case sch.Properties != nil:
				*out = append(*out, Violation{Path: path + "." + k, Message: "property not in the spec"})
			}
		}
	}
}

func anyNullable(s *Spec, sch *Schema) bool {
	for _, a := range append(append([]*Schema{}, sch.AnyOf...), sch.OneOf...) {
		if r := s.Resolve(a); r != nil && r.Nullable {
			return true
		}
	}
	return false
}

func isEmptySchema(sch *Schema) bool {
	return sch.Type == "" && sch.Properties == nil && sch.Items == nil && len(sch.AnyOf) == 0 &&
		len(sch.OneOf) == 0 && len(sch.Enum) == 0 && sch.AdditionalProperties == nil
}

func kind(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}
