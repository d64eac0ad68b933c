package connector

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleValue is a valid value for a field.
func sampleValue(f Field) any {
	switch f.Type {
	case "string":
		if f.Enum != nil {
			return f.Enum[len(f.Enum)-1]
		}
		return "x_1"
	case "integer":
		if f.Minimum != nil {
			return *f.Minimum
		}
		return 7
	case "boolean":
		return false
	case "number":
		return 12.5
	case "array":
		if f.ItemType == "object" {
			return []any{sampleObject(f.Fields)}
		}
		if f.Enum != nil {
			return []any{f.Enum[0]}
		}
		return []any{"a"}
	default: // object
		if f.Fields == nil {
			return map[string]any{"k": "v"}
		}
		return sampleObject(f.Fields)
	}
}

// sampleObject has the required fields of an object.
func sampleObject(fields []Field) map[string]any {
	m := map[string]any{}
	for _, f := range fields {
		if f.Required {
			m[f.Name] = sampleValue(f)
		}
	}
	return m
}

// badValues are values of a field that the decoder or the schema may
// refuse: wrong types, out of range, not in the enum, empty.
func badValues(f Field) []any {
	out := []any{wrongValueOf(f), nil}
	switch f.Type {
	case "string":
		out = append(out, "")
		if f.Enum != nil {
			out = append(out, "not_a_value")
		}
	case "integer":
		out = append(out, 2.5, "3", json.Number("1e3"))
		if f.Minimum != nil {
			out = append(out, *f.Minimum-1)
		}
		if f.Maximum != nil {
			out = append(out, *f.Maximum+1)
		}
	case "array":
		out = append(out, []any{}, []any{nil}, []any{1})
		if f.ItemType == "object" {
			out = append(out, []any{map[string]any{}}, []any{map[string]any{"unknownKey": 1}})
		}
	case "object":
		out = append(out, map[string]any{}, map[string]any{"bogusKey": 1}, []any{})
		if f.Fields == nil {
			out = append(out, map[string]any{"k": 1}, map[string]any{"k": nil})
		}
	case "boolean":
		out = append(out, 0, "false")
	case "number":
		out = append(out, "1.5", json.Number("1e400"), 0, -2.25)
	}
	return out
}

func wrongValueOf(f Field) any {
	var v any
	_ = json.Unmarshal([]byte(wrongValue(f)), &v)
	return v
}

// corpus builds configs for an action from its test cases (all valid) by
// dropping, nulling, adding and spoiling fields, and by every combination
// of the fields its rules name.
func corpus(a Action) []map[string]any {
	var out []map[string]any
	seen := map[string]bool{}
	add := func(m map[string]any) {
		b, _ := json.Marshal(m)
		if !seen[string(b)] {
			seen[string(b)] = true
			out = append(out, m)
		}
	}
	with := func(base map[string]any, k string, v any, del bool) map[string]any {
		m := maps.Clone(base)
		if del {
			delete(m, k)
		} else {
			m[k] = v
		}
		return m
	}
	var bases []map[string]any
	for _, tc := range actionCases[a.Name] {
		var m map[string]any
		if json.Unmarshal([]byte(tc.config), &m) == nil {
			bases = append(bases, m)
		}
	}
	bases = append(bases, sampleObject(a.Fields))
	full := sampleObject(a.Fields)
	for _, f := range a.Fields {
		full[f.Name] = sampleValue(f)
	}
	bases = append(bases, full)
	for _, base := range bases {
		add(base)
		add(with(base, "bogusField", 1, false))
		for _, f := range a.Fields {
			add(with(base, f.Name, nil, true))
			add(with(base, f.Name, sampleValue(f), false))
			for _, bad := range badValues(f) {
				add(with(base, f.Name, bad, false))
			}
			for _, sub := range f.Fields {
				if obj, ok := sampleValue(f).(map[string]any); ok {
					for _, bad := range badValues(sub) {
						add(with(base, f.Name, with(obj, sub.Name, bad, false), false))
					}
					add(with(base, f.Name, with(obj, sub.Name, sampleValue(sub), false), false))
				}
			}
		}
	}
	// Every combination of the fields the rules name, given or not, and
	// each rule's trigger value set or different.
	var names []string
	triggers := map[string]string{}
	for _, r := range a.rules {
		names = append(names, r.fields...)
		if r.when != "" {
			names = append(names, r.when)
			triggers[r.when] = r.value
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	fields := map[string]Field{}
	for _, f := range a.Fields {
		fields[f.Name] = f
	}
	for mask := 0; mask < 1<<len(names); mask++ {
		for _, variant := range []int{0, 1} {
			m := sampleObject(a.Fields)
			for i, n := range names {
				if mask&(1<<i) == 0 {
					continue
				}
				m[n] = sampleValue(fields[n])
				if v, ok := triggers[n]; ok && variant == 0 {
					m[n] = v
				} else if ok && fields[n].Enum != nil {
					m[n] = fields[n].Enum[0]
				}
			}
			add(m)
		}
	}
	return out
}

// TestSchemaAndRunAgree runs a corpus of valid and invalid configs of every
// action through the action's JSON Schema (with a minimal validator) and
// through Run's decoder and rules (with no client, so nothing is sent),
// and fails on any config one accepts and the other refuses.
func TestSchemaAndRunAgree(t *testing.T) {
	t.Parallel()
	total, valid := 0, 0
	// The catalog, and generated actions of methods of every shape.
	actions := append(Actions(), generated("Customers", "Create"), generated("Charges", "List"),
		generated("Prices", "Update"), generated("Cards", "Get"), generated("Subscriptions", "Update"))
	for _, a := range actions {
		var schema any
		require.NoError(t, decodeNumbers(a.Schema(), &schema))
		for _, cfg := range corpus(a) {
			doc, err := json.Marshal(cfg)
			require.NoError(t, err)
			var v any
			require.NoError(t, decodeNumbers(doc, &v))
			bySchema, err := validate(schema, v)
			require.NoError(t, err, "%s: schema", a.Name)
			_, runErr := a.Run(context.Background(), nil, doc)
			require.Error(t, runErr, "without a client Run always fails")
			var ce *ConfigError
			byRun := !errors.As(runErr, &ce)
			total++
			if byRun {
				valid++
			}
			if bySchema != byRun {
				reason := "Run accepts it"
				if !byRun {
					reason = "Run: " + runErr.Error()
				}
				t.Errorf("%s: schema says valid=%v, %s\n  config: %s", a.Name, bySchema, reason, doc)
			}
		}
	}
	t.Logf("%d configs, %d valid, %d invalid", total, valid, total-valid)
	assert.GreaterOrEqual(t, total, 200)
	assert.GreaterOrEqual(t, valid, 100)
	assert.GreaterOrEqual(t, total-valid, 100)
}

// TestSchemaValidatorSelfCheck makes sure the validator can say no.
func TestSchemaValidatorSelfCheck(t *testing.T) {
	t.Parallel()
	a, _ := Lookup("stripe.createRefund")
	for doc, want := range map[string]bool{
		`{"chargeId": "ch_1"}`:                          true,
		`{"chargeId": "ch_1", "paymentIntentId": "pi"}`: false,
		`{"chargeId": null, "paymentIntentId": "pi"}`:   true,
		`{}`:                                         false,
		`{"chargeId": "ch_1", "amount": 0}`:          false,
		`{"chargeId": "ch_1", "amount": 1e3}`:        true,
		`{"chargeId": "ch_1", "reason": "nope"}`:     false,
		`{"chargeId": "ch_1", "extra": 1}`:           false,
		`{"chargeId": "ch_1", "metadata": {"a": 1}}`: false,
	} {
		got, err := schemaValid(a.Schema(), []byte(doc))
		require.NoError(t, err)
		assert.Equal(t, want, got, doc)
	}
	_, err := schemaValid([]byte(`{"pattern": "x"}`), []byte(`"x"`))
	assert.Error(t, err, "unknown keywords are refused")
}
