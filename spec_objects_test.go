package stripe

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stripelite/stripe/internal/openapi"
)

// objCoverage is how much of one Stripe object (a schema with an
// x-resourceId) its Go type decodes.
type objCoverage struct {
	name    string // "customer"
	goType  reflect.Type
	have    int
	missing []string
	total   int
}

func (o *objCoverage) ratio() float64 {
	if o.total == 0 {
		return 1
	}
	return float64(o.have) / float64(o.total)
}

// objWalker pairs Go response types with their schemas, field by field.
type objWalker struct {
	spec       *openapi.Spec
	fixtures   map[string]json.RawMessage
	seen       map[reflect.Type]bool
	objects    map[string]*objCoverage
	nestedHave int
	nestedAll  int
	problems   []string
}

var (
	rawMessageType = reflect.TypeOf(json.RawMessage{})
	objectRefType  = reflect.TypeOf(ObjectRef{})
)

func (w *objWalker) problem(path, format string, args ...any) {
	w.problems = append(w.problems, path+": "+fmt.Sprintf(format, args...))
}

// objectAlts returns the object schemas among sch's alternatives.
func (w *objWalker) objectAlts(sch *openapi.Schema) []*openapi.Schema {
	var out []*openapi.Schema
	for _, a := range w.spec.Alternatives(sch) {
		if a.Type == "object" || a.Properties != nil {
			out = append(out, a)
		}
	}
	return out
}

// jsonFields lists a struct's JSON field names with their types, embedded
// structs flattened as encoding/json does.
func jsonFields(t reflect.Type) (names []string, types []reflect.Type, goNames []string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct {
			n, ty, g := jsonFields(f.Type)
			names, types, goNames = append(names, n...), append(types, ty...), append(goNames, g...)
			continue
		}
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		names, types, goNames = append(names, name), append(types, f.Type), append(goNames, f.Name)
	}
	return names, types, goNames
}

// walkStruct compares the Go struct t with the object schemas alts.
func (w *objWalker) walkStruct(t reflect.Type, alts []*openapi.Schema, path string) {
	if w.seen[t] {
		return
	}
	w.seen[t] = true
	names, types, goNames := jsonFields(t)
	if isRefType(names) {
		return // an object we do not model: its ID and type, as ObjectRef
	}
	var best *openapi.Schema
	bestScore := -1
	for _, a := range alts {
		score := 0
		for _, n := range names {
			if _, ok := a.Properties[n]; ok {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = a, score
		}
	}
	have := map[string]bool{}
	for i, n := range names {
		var prop *openapi.Schema
		var owner *openapi.Schema
		if p, ok := best.Properties[n]; ok {
			prop, owner = p, best
		}
		for _, a := range alts {
			if prop != nil {
				break
			}
			if p, ok := a.Properties[n]; ok {
				prop, owner = p, a
			}
		}
		if prop == nil && n == "deleted" && best.ResourceID != "" && w.spec.Component("deleted_"+best.ResourceID) != nil {
			continue // set when the same call answers with deleted_<object>
		}
		if prop == nil {
			w.problem(path, "%s.%s has json tag %q, which the spec does not have", t.Name(), goNames[i], n)
			continue
		}
		if owner == best {
			have[n] = true
		}
		w.checkField(types[i], prop, path+"."+n)
	}
	var missing []string
	for _, n := range w.spec.PropertyNames(best) {
		if !have[n] {
			missing = append(missing, n)
		}
	}
	if best.ResourceID != "" {
		if _, dup := w.objects[best.ResourceID]; !dup {
			w.objects[best.ResourceID] = &objCoverage{name: best.ResourceID, goType: t, have: len(have), missing: missing,
				total: len(best.Properties)}
		}
		return
	}
	w.nestedHave += len(have)
	w.nestedAll += len(best.Properties)
}

// isRefType reports whether a struct holds only an object's id and type
// (ObjectRef, or a type of the same shape): a placeholder for an object
// this package does not model, left out of the coverage.
func isRefType(jsonNames []string) bool {
	return len(jsonNames) == 2 && jsonNames[0] == "id" && jsonNames[1] == "object"
}

func isExpandableType(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "Expandable[")
}

// checkField compares a Go field type with a property schema.
func (w *objWalker) checkField(ft reflect.Type, prop *openapi.Schema, path string) {
	resolved := w.spec.Resolve(prop)
	if ft == rawMessageType || ft.Kind() == reflect.Interface || resolved == nil {
		return
	}
	expandable := resolved.ExpansionResources != nil
	alts := w.spec.Alternatives(prop)
	if isExpandableType(ft) {
		if !expandable {
			w.problem(path, "Go type %s, but the spec does not mark it expandable", ft)
		}
		w.checkExpands(ft, resolved, path)
		if obj := w.objectAlts(prop); len(obj) > 0 {
			elem, _ := ft.FieldByName("Object")
			w.walkStruct(elem.Type.Elem(), obj, path)
		}
		return
	}
	if expandable {
		w.problem(path, "the spec marks it expandable (an ID or the object), but its Go type %s cannot decode both: use Expandable[T]", ft)
		return
	}
	nullable := resolved.Nullable
	if ft.Kind() == reflect.Pointer {
		ft = ft.Elem()
	} else if ft.Kind() == reflect.Struct && nullable && len(w.objectAlts(prop)) > 0 {
		w.problem(path, "the spec says this object may be null: its Go type %s must be a pointer", ft)
	}
	want := ""
	switch ft.Kind() {
	case reflect.Struct:
		if obj := w.objectAlts(prop); len(obj) > 0 {
			w.walkStruct(ft, obj, path)
			return
		}
		want = "object"
	case reflect.Slice, reflect.Array:
		for _, a := range alts {
			if a.Type == "array" {
				w.checkField(ft.Elem(), a.Items, path+"[]")
				return
			}
		}
		want = "array"
	case reflect.Map:
		for _, a := range alts {
			if a.AdditionalProperties != nil {
				w.checkField(ft.Elem(), a.AdditionalProperties, path+"{}")
				return
			}
		}
		// A map may also hold an object whose properties share one type
		// (balance source_types: card, bank_account, fpx amounts).
		if obj := w.objectAlts(prop); len(obj) > 0 && len(obj[0].Properties) > 0 {
			for _, n := range w.spec.PropertyNames(obj[0]) {
				w.checkField(ft.Elem(), obj[0].Properties[n], path+"."+n)
			}
			return
		}
		want = "object with arbitrary keys"
	case reflect.String:
		want = "string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		want = "integer"
	case reflect.Float32, reflect.Float64:
		want = "number"
	case reflect.Bool:
		want = "boolean"
	}
	var got []string
	for _, a := range alts {
		if a.Type == want || (want == "string" && a.Type == "" && len(a.Enum) > 0) || (want == "number" && a.Type == "integer") {
			return
		}
		got = append(got, a.Type)
	}
	w.problem(path, "Go type %s (%s), but the spec says %s", ft, want, strings.Join(got, " or "))
}

// checkExpands decodes an ID and each expansion fixture into the
// Expandable type ft.
func (w *objWalker) checkExpands(ft reflect.Type, prop *openapi.Schema, path string) {
	if err := json.Unmarshal([]byte(`"id_123"`), reflect.New(ft).Interface()); err != nil {
		w.problem(path, "an ID does not decode into %s: %v", ft, err)
	}
	if prop.ExpansionResources == nil {
		return
	}
	for _, r := range prop.ExpansionResources.OneOf {
		res := w.spec.Resolve(r)
		fx, ok := w.fixtures[res.ResourceID]
		if !ok {
			continue
		}
		if err := json.Unmarshal(fx, reflect.New(ft).Interface()); err != nil {
			w.problem(path, "expanded %s does not decode into %s: %v", res.ResourceID, ft, err)
		}
	}
}

// expandAll replaces, in a decoded fixture, every value the schema marks
// expandable with the expansion's own fixture (even where the fixture has
// null), and recurses into nested objects and arrays.
func (w *objWalker) expandAll(v any, sch *openapi.Schema, depth int) any {
	if depth > 8 {
		return v
	}
	switch x := v.(type) {
	case map[string]any:
		alts := w.objectAlts(sch)
		var best *openapi.Schema
		bestScore := -1
		for _, a := range alts {
			score := 0
			for k := range x {
				if _, ok := a.Properties[k]; ok {
					score++
				}
			}
			if score > bestScore {
				best, bestScore = a, score
			}
		}
		if best == nil {
			return v
		}
		for name, p := range best.Properties {
			rp := w.spec.Resolve(p)
			if rp == nil {
				continue
			}
			if fx := w.expansion(rp); fx != nil {
				x[name] = fx
				continue
			}
			if rp.Type == "array" && rp.Items != nil {
				if fx := w.expansion(w.spec.Resolve(rp.Items)); fx != nil {
					x[name] = []any{fx}
					continue
				}
			}
			if cur, ok := x[name]; ok && cur != nil {
				x[name] = w.expandAll(cur, p, depth+1)
			}
		}
		return x
	case []any:
		var items *openapi.Schema
		for _, a := range w.spec.Alternatives(sch) {
			if a.Type == "array" {
				items = a.Items
			}
		}
		if items == nil {
			return v
		}
		for i := range x {
			x[i] = w.expandAll(x[i], items, depth+1)
		}
	}
	return v
}

// expansion returns a decoded fixture of the first expansion resource of
// an expandable property, or nil.
func (w *objWalker) expansion(prop *openapi.Schema) any {
	if prop == nil || prop.ExpansionResources == nil {
		return nil
	}
	for _, r := range prop.ExpansionResources.OneOf {
		if fx, ok := w.fixtures[w.spec.Resolve(r).ResourceID]; ok {
			var v any
			if json.Unmarshal(fx, &v) == nil {
				return v
			}
		}
	}
	return nil
}

// TestSpecConformanceResponses compares every object the service methods
// return with its schema, field by field, and decodes stripe-mock's
// fixtures of each, plain and with every expandable field expanded.
func TestSpecConformanceResponses(t *testing.T) {
	t.Parallel()
	spec := openapi.LoadForTest(t)
	w := &objWalker{spec: spec, fixtures: openapi.FixturesForTest(t), seen: map[reflect.Type]bool{}, objects: map[string]*objCoverage{}}
	c, err := NewClient(testKey)
	if err != nil {
		t.Fatal(err)
	}
	for _, call := range specCalls(c) {
		cov, err := runSpecCall(t, spec, call)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		out := call.method.Type.Out(0)
		if cov.op.Response == nil || out == errorType {
			continue
		}
		w.checkField(out, cov.op.Response, call.name)
	}
	for _, p := range w.problems {
		t.Errorf("%s", p)
	}
	names := make([]string, 0, len(w.objects))
	for n := range w.objects {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "response properties per object (top-level properties decoded / in the spec):\n")
	fmt.Fprintf(&b, "| %-24s | %-20s | %-12s | %s\n", "object", "Go type", "properties", "missing")
	have, total := 0, 0
	for _, n := range names {
		o := w.objects[n]
		have += o.have
		total += o.total
		fmt.Fprintf(&b, "| %-24s | %-20s | %3d/%-3d %3.0f%% | %s\n", n, o.goType.Name(), o.have, o.total, 100*o.ratio(), strings.Join(o.missing, " "))
		if o.ratio() < minPropertyCoverage {
			t.Errorf("%s (%s): %d of %d top-level properties (%.0f%%), want >= %.0f%%; missing: %s", n, o.goType.Name(),
				o.have, o.total, 100*o.ratio(), 100*minPropertyCoverage, strings.Join(o.missing, ", "))
		}
		fx, ok := w.fixtures[n]
		if !ok {
			continue
		}
		if err := json.Unmarshal(fx, reflect.New(o.goType).Interface()); err != nil {
			t.Errorf("stripe-mock's %s fixture does not decode into %s: %v", n, o.goType.Name(), err)
		}
		var v any
		if err := json.Unmarshal(fx, &v); err != nil {
			t.Fatal(err)
		}
		expanded, err := json.Marshal(w.expandAll(v, spec.Object(n), 0))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(expanded, reflect.New(o.goType).Interface()); err != nil {
			t.Errorf("stripe-mock's %s fixture, with every expandable field expanded, does not decode into %s: %v", n, o.goType.Name(), err)
		}
	}
	fmt.Fprintf(&b, "total: %d objects, %d of %d top-level properties (%.1f%%); nested properties under modelled ones: %d of %d (%.1f%%)\n",
		len(names), have, total, 100*float64(have)/float64(max(total, 1)), w.nestedHave, w.nestedAll,
		100*float64(w.nestedHave)/float64(max(w.nestedAll, 1)))
	t.Log("\n" + b.String())
}
