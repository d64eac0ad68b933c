package connector

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// An action's config is a Go struct whose tags are the one source of truth
// for its fields: the JSON Schema, the Fields list and the strict decoder are
// all derived from them, so they cannot drift apart.
//
//	CustomerID string  `json:"customerId" required:"true" desc:"The customer."`
//	Limit      *int64  `json:"limit" min:"1" max:"100" desc:"Page size."`
//	Anchor     *string `json:"billingCycleAnchor" enum:"now,unchanged" desc:"..."`
//	Method     *stripe.CollectionMethod `json:"collectionMethod" desc:"..."`
//
// A field of one of the SDK's enum types (stripe.CollectionMethod, ...)
// allows exactly the values of that type's constants (the generated
// enums_gen.go), less any listed in an enumExclude tag (values Stripe sends
// but does not accept); an enum tag is for plain strings only.
//
// Supported Go types: string, int64, bool (a pointer when optional, a value
// when required), map[string]string (metadata), []string, []struct and
// *struct (nested objects, decoded as strictly as the top level). Embedded
// structs are flattened.

type kind int

const (
	kString kind = iota + 1
	kInt
	kBool
	kStringMap
	kStringSlice
	kObjectSlice
	kObject
	kNumber
)

// fieldSpec is one config field: its public description plus where it
// lives in the Go struct.
type fieldSpec struct {
	Field
	index []int
	kind  kind
	sub   []fieldSpec // properties of an object or of each array element
	// enumType is the SDK string type of the field (stripe.CollectionMethod),
	// whose constants are its enum, or nil.
	enumType reflect.Type
}

// specsOf reads the field table of a config struct type.
func specsOf(t reflect.Type) ([]fieldSpec, error) {
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("config type %v is not a struct", t)
	}
	var specs []fieldSpec
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
			sub, err := specsOf(sf.Type)
			if err != nil {
				return nil, err
			}
			for _, s := range sub {
				s.index = append([]int{i}, s.index...)
				specs = append(specs, s)
			}
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if !sf.IsExported() || name == "" || name == "-" {
			return nil, fmt.Errorf("config field %s.%s needs a json name", t.Name(), sf.Name)
		}
		s, err := specOf(sf)
		if err != nil {
			return nil, fmt.Errorf("config field %q: %w", name, err)
		}
		s.Name = name
		s.index = []int{i}
		specs = append(specs, s)
	}
	seen := map[string]bool{}
	for _, s := range specs {
		if seen[s.Name] {
			return nil, fmt.Errorf("config field %q declared twice", s.Name)
		}
		seen[s.Name] = true
	}
	return specs, nil
}

func specOf(sf reflect.StructField) (fieldSpec, error) {
	s := fieldSpec{Field: Field{
		Required:    sf.Tag.Get("required") == "true",
		Description: sf.Tag.Get("desc"),
	}}
	if e := sf.Tag.Get("enum"); e != "" {
		s.Enum = strings.Split(e, ",")
	}
	s.enumType = enumType(sf.Type)
	if vals, ok := sdkEnums[s.enumType]; ok {
		// The allowed values are the SDK's typed constants (enums_gen.go),
		// less those Stripe only ever sends (enumExclude).
		if s.Enum != nil {
			return s, fmt.Errorf("enum tag on %v: its values come from the SDK's constants", sf.Type)
		}
		var exclude []string
		if e := sf.Tag.Get("enumExclude"); e != "" {
			exclude = strings.Split(e, ",")
		}
		for _, x := range exclude {
			if !slices.Contains(vals, x) {
				return s, fmt.Errorf("enumExclude %q is not a constant of %v", x, sf.Type)
			}
		}
		for _, v := range vals {
			if !slices.Contains(exclude, v) {
				s.Enum = append(s.Enum, v)
			}
		}
	} else if sf.Tag.Get("enumExclude") != "" {
		return s, fmt.Errorf("enumExclude on %v, which has no SDK constants", sf.Type)
	}
	for tag, dst := range map[string]**int64{"min": &s.Minimum, "max": &s.Maximum, "minItems": &s.MinItems} {
		if v := sf.Tag.Get(tag); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return s, fmt.Errorf("bad %s tag %q", tag, v)
			}
			*dst = &n
		}
	}
	t := sf.Type
	ptr := t.Kind() == reflect.Pointer
	if ptr {
		t = t.Elem()
	}
	switch {
	case t.Kind() == reflect.String:
		s.kind, s.Type = kString, "string"
	case t.Kind() == reflect.Int64:
		s.kind, s.Type = kInt, "integer"
	case t.Kind() == reflect.Float64:
		s.kind, s.Type = kNumber, "number"
	case t.Kind() == reflect.Bool:
		s.kind, s.Type = kBool, "boolean"
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String && t.Elem().Kind() == reflect.String:
		s.kind, s.Type = kStringMap, "object"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		s.kind, s.Type, s.ItemType = kStringSlice, "array", "string"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		sub, err := specsOf(t.Elem())
		if err != nil {
			return s, err
		}
		s.kind, s.Type, s.ItemType, s.sub = kObjectSlice, "array", "object", sub
	case t.Kind() == reflect.Struct && ptr:
		sub, err := specsOf(t)
		if err != nil {
			return s, err
		}
		s.kind, s.Type, s.sub = kObject, "object", sub
	default:
		return s, fmt.Errorf("unsupported Go type %v", sf.Type)
	}
	for _, sub := range s.sub {
		s.Fields = append(s.Fields, sub.Field)
	}
	// A required scalar is a value (it is always set); an optional one is a
	// pointer, so that false, 0 and "" can be told from "not set".
	if scalar := s.kind == kString || s.kind == kInt || s.kind == kBool || s.kind == kNumber; scalar && ptr == s.Required {
		if s.Required {
			return s, errors.New("a required scalar must not be a pointer")
		}
		return s, errors.New("an optional scalar must be a pointer")
	}
	if (s.Minimum != nil || s.Maximum != nil) && s.kind != kInt {
		return s, errors.New("min and max apply to integers only")
	}
	if s.MinItems != nil && s.kind != kStringSlice && s.kind != kObjectSlice {
		return s, errors.New("minItems applies to arrays only")
	}
	if s.Enum != nil && s.kind != kString && s.kind != kStringSlice {
		return s, errors.New("enum applies to strings only")
	}
	return s, nil
}

// enumType is the named string type of a field of type T, *T or []T, or
// nil.
func enumType(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.String || t.Name() == "" || t.PkgPath() == "" {
		return nil
	}
	return t
}

// maxExactFloat is the largest integer a float64 holds exactly (2^53).
const maxExactFloat = 1 << 53

// decoder decodes a config strictly against a field table, reporting the
// first problem as a *ConfigError naming the field.
type decoder struct{ action string }

func (d decoder) fail(path, code, format string, args ...any) error {
	return &ConfigError{Action: d.action, Field: path, Code: code, Reason: fmt.Sprintf(format, args...)}
}

// object decodes a JSON object into the struct v field by field.
func (d decoder) object(path string, raw json.RawMessage, v reflect.Value, specs []fieldSpec) error {
	keys, vals, err := readObject(raw)
	var dup duplicateKeyError
	if errors.As(err, &dup) {
		return d.fail(join(path, string(dup)), CodeInvalidJSON, "appears more than once")
	}
	if err != nil {
		if path == "" {
			return d.fail("", CodeInvalidJSON, "config must be a JSON object: %v", err)
		}
		return d.fail(path, CodeInvalidType, "must be an object (%v)", err)
	}
	for _, k := range keys {
		i := slices.IndexFunc(specs, func(s fieldSpec) bool { return s.Name == k })
		if i < 0 {
			reason := "unknown field"
			if hint := closest(k, specs); hint != "" {
				reason += fmt.Sprintf(" (did you mean %q?)", hint)
			}
			return d.fail(join(path, k), CodeUnknownField, "%s", reason)
		}
		s := specs[i]
		if bytes.Equal(vals[k], []byte("null")) {
			if s.Required {
				return d.fail(join(path, k), CodeMissingField, "is required and must not be null")
			}
			continue
		}
		if err := d.value(join(path, k), vals[k], v.FieldByIndex(s.index), s); err != nil {
			return err
		}
	}
	for _, s := range specs {
		if _, ok := vals[s.Name]; s.Required && !ok {
			return d.fail(join(path, s.Name), CodeMissingField, "is required")
		}
	}
	return nil
}

// value decodes one field's JSON value into dst.
func (d decoder) value(path string, raw json.RawMessage, dst reflect.Value, s fieldSpec) error {
	set := func(x reflect.Value) {
		if dst.Kind() == reflect.Pointer {
			p := reflect.New(dst.Type().Elem())
			p.Elem().Set(x.Convert(dst.Type().Elem()))
			dst.Set(p)
			return
		}
		dst.Set(x.Convert(dst.Type()))
	}
	switch s.kind {
	case kString:
		str, err := d.str(path, raw, s)
		if err != nil {
			return err
		}
		if s.Required && str == "" {
			return d.fail(path, CodeMissingField, "is required and must not be empty")
		}
		set(reflect.ValueOf(str))
	case kInt:
		n, err := d.integer(path, raw, s)
		if err != nil {
			return err
		}
		set(reflect.ValueOf(n))
	case kNumber:
		if c := raw[0]; c != '-' && (c < '0' || c > '9') {
			return d.fail(path, CodeInvalidType, "must be a number, got %s", describe(raw))
		}
		f, err := strconv.ParseFloat(string(raw), 64)
		if err != nil {
			return d.fail(path, CodeInvalidValue, "is out of range, got %s", describe(raw))
		}
		set(reflect.ValueOf(f))
	case kBool:
		var b bool
		if raw[0] != 't' && raw[0] != 'f' || json.Unmarshal(raw, &b) != nil {
			return d.fail(path, CodeInvalidType, "must be a boolean (true or false), got %s", describe(raw))
		}
		set(reflect.ValueOf(b))
	case kStringMap:
		keys, vals, err := readObject(raw)
		var dup duplicateKeyError
		if errors.As(err, &dup) {
			return d.fail(path+"."+string(dup), CodeInvalidJSON, "appears more than once")
		}
		if err != nil {
			return d.fail(path, CodeInvalidType, "must be an object of strings, got %s", describe(raw))
		}
		m := reflect.MakeMapWithSize(dst.Type(), len(keys))
		for _, k := range keys {
			str, err := d.str(path+"."+k, vals[k], fieldSpec{})
			if err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), reflect.ValueOf(str).Convert(dst.Type().Elem()))
		}
		dst.Set(m)
	case kStringSlice, kObjectSlice:
		var elems []json.RawMessage
		if raw[0] != '[' || json.Unmarshal(raw, &elems) != nil {
			return d.fail(path, CodeInvalidType, "must be an array, got %s", describe(raw))
		}
		if s.MinItems != nil && int64(len(elems)) < *s.MinItems {
			if *s.MinItems == 1 {
				return d.fail(path, CodeMissingField, "needs at least one item")
			}
			return d.fail(path, CodeMissingField, "needs at least %d items", *s.MinItems)
		}
		out := reflect.MakeSlice(dst.Type(), len(elems), len(elems))
		for i, e := range elems {
			p := fmt.Sprintf("%s[%d]", path, i)
			if s.kind == kObjectSlice {
				if err := d.object(p, e, out.Index(i), s.sub); err != nil {
					return err
				}
				continue
			}
			str, err := d.str(p, e, s)
			if err != nil {
				return err
			}
			out.Index(i).Set(reflect.ValueOf(str).Convert(dst.Type().Elem()))
		}
		dst.Set(out)
	case kObject:
		obj := reflect.New(dst.Type().Elem())
		if err := d.object(path, raw, obj.Elem(), s.sub); err != nil {
			return err
		}
		dst.Set(obj)
	}
	return nil
}

func (d decoder) str(path string, raw json.RawMessage, s fieldSpec) (string, error) {
	var str string
	if raw[0] != '"' || json.Unmarshal(raw, &str) != nil {
		return "", d.fail(path, CodeInvalidType, "must be a string, got %s", describe(raw))
	}
	if s.Enum != nil && !slices.Contains(s.Enum, str) {
		return "", d.fail(path, CodeInvalidValue, "must be one of %s, got %s", strings.Join(s.Enum, ", "), describe(raw))
	}
	return str, nil
}

// integer accepts any JSON number whose value is a whole number in int64
// range: 1000, 1e3 and 1000.0 all mean 1000, while 10.5 is refused (Stripe
// amounts are integers in the currency's minor unit). Numbers written with
// a fraction or exponent must stay within 2^53, where float64 is exact.
func (d decoder) integer(path string, raw json.RawMessage, s fieldSpec) (int64, error) {
	if c := raw[0]; c != '-' && (c < '0' || c > '9') {
		return 0, d.fail(path, CodeInvalidType, "must be an integer, got %s", describe(raw))
	}
	lit := string(raw)
	n, err := strconv.ParseInt(lit, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(lit, 64)
		switch {
		case ferr == nil && f == math.Trunc(f) && math.Abs(f) <= maxExactFloat:
			n = int64(f)
		case ferr == nil && f != math.Trunc(f):
			return 0, d.fail(path, CodeInvalidType, "must be an integer, got %s", describe(raw))
		default:
			return 0, d.fail(path, CodeInvalidValue, "is out of range, got %s", describe(raw))
		}
	}
	if s.Minimum != nil && n < *s.Minimum {
		return 0, d.fail(path, CodeInvalidValue, "must be at least %d, got %d", *s.Minimum, n)
	}
	if s.Maximum != nil && n > *s.Maximum {
		return 0, d.fail(path, CodeInvalidValue, "must be at most %d, got %d", *s.Maximum, n)
	}
	return n, nil
}

// readObject parses a JSON object, keeping its keys in order and refusing
// duplicate keys (which encoding/json would silently resolve to the last).
func readObject(raw json.RawMessage) ([]string, map[string]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, nil, err
	}
	if tok != json.Delim('{') {
		return nil, nil, fmt.Errorf("got %s", describe(raw))
	}
	var keys []string
	vals := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		k := tok.(string) // object keys are always strings
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, err
		}
		if _, dup := vals[k]; dup {
			return nil, nil, duplicateKeyError(k)
		}
		keys = append(keys, k)
		vals[k] = v
	}
	if _, err := dec.Token(); err != nil {
		return nil, nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, nil, errors.New("trailing data after the object")
	}
	return keys, vals, nil
}

// duplicateKeyError is a key that appears twice in one object.
type duplicateKeyError string

func (e duplicateKeyError) Error() string { return fmt.Sprintf("duplicate key %q", string(e)) }

// describe names a JSON value in an error message, without echoing long
// strings in full.
func describe(raw json.RawMessage) string {
	switch c := raw[0]; {
	case c == '"':
		if len(raw) > 42 {
			return "a string"
		}
		return "string " + string(raw)
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == 't' || c == 'f':
		return "boolean " + string(raw)
	case c == 'n':
		return "null"
	default:
		if len(raw) > 32 {
			return "a number"
		}
		return "number " + string(raw)
	}
}

// closest suggests the declared field a misspelt key probably meant:
// customer_id or CustomerID for customerId.
func closest(key string, specs []fieldSpec) string {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }
	for _, s := range specs {
		if norm(s.Name) == norm(key) {
			return s.Name
		}
	}
	return ""
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// jsonSchema is the subset of JSON Schema (draft 2020-12) the configs use.
type jsonSchema struct {
	Schema               string                 `json:"$schema,omitempty"`
	Title                string                 `json:"title,omitempty"`
	Description          string                 `json:"description,omitempty"`
	Type                 any                    `json:"type,omitempty"` // a name, or [name, "null"]
	Properties           map[string]*jsonSchema `json:"properties,omitempty"`
	Required             []string               `json:"required,omitempty"`
	AdditionalProperties any                    `json:"additionalProperties,omitempty"`
	Items                *jsonSchema            `json:"items,omitempty"`
	Enum                 []any                  `json:"enum,omitempty"`
	Const                any                    `json:"const,omitempty"`
	MinLength            *int                   `json:"minLength,omitempty"`
	MinItems             *int64                 `json:"minItems,omitempty"`
	Minimum              any                    `json:"minimum,omitempty"` // *int64, or float64 for numbers
	Maximum              any                    `json:"maximum,omitempty"`
	AllOf                []*jsonSchema          `json:"allOf,omitempty"`
	AnyOf                []*jsonSchema          `json:"anyOf,omitempty"`
	OneOf                []*jsonSchema          `json:"oneOf,omitempty"`
	Not                  *jsonSchema            `json:"not,omitempty"`
	If                   *jsonSchema            `json:"if,omitempty"`
	Then                 *jsonSchema            `json:"then,omitempty"`
}

// objectSchema is the schema of a config object. An optional field may be
// null, which Run reads as "not set".
func objectSchema(specs []fieldSpec, rules []rule) *jsonSchema {
	js := &jsonSchema{Type: "object", Properties: map[string]*jsonSchema{}, AdditionalProperties: false}
	for _, s := range specs {
		fs := fieldSchema(s)
		if s.Required {
			js.Required = append(js.Required, s.Name)
		} else {
			fs.Type = []string{s.Type, "null"}
			if fs.Enum != nil {
				fs.Enum = append(fs.Enum, nil)
			}
		}
		js.Properties[s.Name] = fs
	}
	for _, r := range rules {
		js.AllOf = append(js.AllOf, ruleSchema(r))
	}
	return js
}

func enumOf(vals []string) []any {
	if vals == nil {
		return nil
	}
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = v
	}
	return out
}

func fieldSchema(s fieldSpec) *jsonSchema {
	var js *jsonSchema
	switch s.kind {
	case kObject:
		js = objectSchema(s.sub, nil)
	case kObjectSlice:
		js = &jsonSchema{Type: "array", Items: objectSchema(s.sub, nil), MinItems: s.MinItems}
	case kStringSlice:
		js = &jsonSchema{Type: "array", Items: &jsonSchema{Type: "string", Enum: enumOf(s.Enum)}, MinItems: s.MinItems}
	case kStringMap:
		js = &jsonSchema{Type: "object", AdditionalProperties: &jsonSchema{Type: "string"}}
	case kNumber: // finite: a literal beyond float64 (1e400) is refused
		js = &jsonSchema{Type: s.Type, Minimum: -math.MaxFloat64, Maximum: math.MaxFloat64}
	default:
		js = &jsonSchema{Type: s.Type}
		if s.Minimum != nil {
			js.Minimum = *s.Minimum
		}
		if s.Maximum != nil {
			js.Maximum = *s.Maximum
		}
		if s.kind == kString {
			js.Enum = enumOf(s.Enum)
			if s.Required {
				js.MinLength = new(int)
				*js.MinLength = 1
			}
		}
	}
	js.Description = s.Description
	return js
}
