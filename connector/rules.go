package connector

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// A rule is a constraint across the fields of a config that the field
// table cannot say: exactly one of chargeId and paymentIntentId, say. A
// config type lists its rules with a rules method; Run enforces them after
// decoding and the JSON Schema states them (in allOf), so the two agree. A
// field counts as given when it is present and not null.
type rule struct {
	kind   ruleKind
	fields []string // the JSON names the rule is about
	// when and value: for ruleIfThenAnyOf and ruleOnlyIf, the field and
	// the string value the rule turns on.
	when, value string
}

type ruleKind int

const (
	ruleExactlyOne  ruleKind = iota + 1 // exactly one of fields
	ruleAtLeastOne                      // at least one of fields
	ruleAtMostOne                       // not both of the two fields
	ruleRequires                        // fields[0] given: fields[1:] given too
	ruleIfThenAnyOf                     // when == value: at least one of fields
	ruleOnlyIf                          // any of fields given: when == value
)

func exactlyOne(fields ...string) rule { return rule{kind: ruleExactlyOne, fields: fields} }
func atLeastOne(fields ...string) rule { return rule{kind: ruleAtLeastOne, fields: fields} }
func atMostOne(a, b string) rule       { return rule{kind: ruleAtMostOne, fields: []string{a, b}} }
func requires(field string, needs ...string) rule {
	return rule{kind: ruleRequires, fields: append([]string{field}, needs...)}
}

// ifThenAnyOf: when the field when is value, one of fields is needed.
func ifThenAnyOf(when, value string, fields ...string) rule {
	return rule{kind: ruleIfThenAnyOf, when: when, value: value, fields: fields}
}

// onlyIf: the fields may be given only when the field when is value.
func onlyIf(when, value string, fields ...string) rule {
	return rule{kind: ruleOnlyIf, when: when, value: value, fields: fields}
}

// ruler is implemented by configs with rules across fields.
type ruler interface{ rules() []rule }

// checkRules validates the rules' field names against the specs.
func checkRules(rules []rule, specs []fieldSpec) error {
	for _, r := range rules {
		names := slices.Clone(r.fields)
		if r.when != "" {
			names = append(names, r.when)
		}
		for _, n := range names {
			i := slices.IndexFunc(specs, func(s fieldSpec) bool { return s.Name == n })
			if i < 0 {
				return fmt.Errorf("rule names unknown field %q", n)
			}
			if specs[i].Required {
				return fmt.Errorf("rule names required field %q", n)
			}
		}
		if r.when != "" && specs[slices.IndexFunc(specs, func(s fieldSpec) bool { return s.Name == r.when })].kind != kString {
			return fmt.Errorf("rule turns on %q, which is not a string", r.when)
		}
		if len(r.fields) == 0 || (r.kind == ruleAtMostOne || r.kind == ruleExactlyOne || r.kind == ruleAtLeastOne) && len(r.fields) < 2 {
			return fmt.Errorf("rule of kind %d has too few fields", r.kind)
		}
	}
	return nil
}

// given reports which of the config's fields are given.
func given(v reflect.Value, specs []fieldSpec) map[string]bool {
	out := map[string]bool{}
	for _, s := range specs {
		f := v.FieldByIndex(s.index)
		switch f.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			out[s.Name] = !f.IsNil()
		default:
			out[s.Name] = true
		}
	}
	return out
}

// stringField returns the value of an optional string field, if given.
func stringField(v reflect.Value, specs []fieldSpec, name string) (string, bool) {
	i := slices.IndexFunc(specs, func(s fieldSpec) bool { return s.Name == name })
	f := v.FieldByIndex(specs[i].index)
	if f.Kind() == reflect.Pointer {
		if f.IsNil() {
			return "", false
		}
		f = f.Elem()
	}
	return f.String(), true
}

// enforce returns the first rule the decoded config v breaks.
func enforce(rules []rule, v reflect.Value, specs []fieldSpec) *ConfigError {
	has := given(v, specs)
	count := func(names []string) int {
		n := 0
		for _, name := range names {
			if has[name] {
				n++
			}
		}
		return n
	}
	list := func(names []string) string { return strings.Join(names, " and ") }
	for _, r := range rules {
		switch n := count(r.fields); r.kind {
		case ruleExactlyOne:
			if n != 1 {
				return &ConfigError{Field: r.fields[0], Code: CodeMissingField, Reason: "give exactly one of " + list(r.fields)}
			}
		case ruleAtLeastOne:
			if n == 0 {
				return &ConfigError{Field: r.fields[0], Code: CodeMissingField, Reason: "give at least one of " + list(r.fields)}
			}
		case ruleAtMostOne:
			if n > 1 {
				return &ConfigError{Field: r.fields[1], Code: CodeInvalidValue, Reason: fmt.Sprintf("give %s or %s, not both", r.fields[0], r.fields[1])}
			}
		case ruleRequires:
			if has[r.fields[0]] {
				for _, f := range r.fields[1:] {
					if !has[f] {
						return &ConfigError{Field: f, Code: CodeMissingField, Reason: "is required with " + r.fields[0]}
					}
				}
			}
		case ruleIfThenAnyOf:
			if w, ok := stringField(v, specs, r.when); ok && w == r.value && n == 0 {
				what := r.fields[0]
				if len(r.fields) > 1 {
					what = "one of " + strings.Join(r.fields, " or ")
				}
				return &ConfigError{Field: r.fields[0], Code: CodeMissingField,
					Reason: fmt.Sprintf("%s %s needs %s", r.when, r.value, what)}
			}
		case ruleOnlyIf:
			if w, ok := stringField(v, specs, r.when); n > 0 && (!ok || w != r.value) {
				for _, f := range r.fields {
					if has[f] {
						return &ConfigError{Field: f, Code: CodeInvalidValue,
							Reason: fmt.Sprintf("is allowed only with %s %s", r.when, r.value)}
					}
				}
			}
		}
	}
	return nil
}

// present is the schema of "the field is given": present and not null.
func present(name string) *jsonSchema {
	return &jsonSchema{Required: []string{name}, Properties: map[string]*jsonSchema{name: {Not: &jsonSchema{Type: "null"}}}}
}

func presentAll(names []string) []*jsonSchema {
	out := make([]*jsonSchema, len(names))
	for i, n := range names {
		out[i] = present(n)
	}
	return out
}

// equals is the schema of "the field is given with this value".
func equals(name, value string) *jsonSchema {
	return &jsonSchema{Required: []string{name}, Properties: map[string]*jsonSchema{name: {Const: value}}}
}

// ruleSchema states a rule in JSON Schema.
func ruleSchema(r rule) *jsonSchema {
	switch r.kind {
	case ruleExactlyOne:
		return &jsonSchema{OneOf: presentAll(r.fields)}
	case ruleAtLeastOne:
		return &jsonSchema{AnyOf: presentAll(r.fields)}
	case ruleAtMostOne:
		return &jsonSchema{Not: &jsonSchema{AllOf: presentAll(r.fields)}}
	case ruleRequires:
		return &jsonSchema{If: present(r.fields[0]), Then: &jsonSchema{AllOf: presentAll(r.fields[1:])}}
	case ruleIfThenAnyOf:
		return &jsonSchema{If: equals(r.when, r.value), Then: &jsonSchema{AnyOf: presentAll(r.fields)}}
	default: // ruleOnlyIf
		return &jsonSchema{If: &jsonSchema{AnyOf: presentAll(r.fields)}, Then: equals(r.when, r.value)}
	}
}
