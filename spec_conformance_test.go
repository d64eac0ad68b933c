package stripe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/time/rate"

	"github.com/stripelite/stripe/internal/openapi"
)

// The spec conformance test measures every service method of *Client and
// every object they return against Stripe's OpenAPI spec (spec3.json of
// the stripe-mock module scripts/test.sh installs). Services and objects
// are found by reflection, so a new service is covered as soon as it is a
// field of Client. Run with -v to see the coverage tables.

// Bounds from issue 14.
const (
	minParamCoverage    = 0.90 // top-level request params exposed, per operation
	minPropertyCoverage = 0.95 // top-level properties decoded, per Stripe object
)

// specCall is one service method, called with every params field set.
type specCall struct {
	name   string // "Customers.Create"
	method reflect.Method
	svc    reflect.Value
}

// specCalls lists every method of every service on c that does one request:
// ctx first, (T, error) or error out. All, Poller and other helpers are
// left out: they are built on these.
func specCalls(c *Client) []specCall {
	var calls []specCall
	cv := reflect.ValueOf(c).Elem()
	ctxType := reflect.TypeOf((*context.Context)(nil)).Elem()
	for i := 0; i < cv.NumField(); i++ {
		f := cv.Type().Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || !strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			continue
		}
		svc := cv.Field(i)
		for j := 0; j < svc.Type().NumMethod(); j++ {
			m := svc.Type().Method(j)
			mt := m.Type
			if mt.NumIn() < 2 || mt.In(1) != ctxType || mt.NumOut() == 0 || mt.Out(mt.NumOut()-1) != errorType {
				continue
			}
			calls = append(calls, specCall{name: f.Name + "." + m.Name, method: m, svc: svc})
		}
	}
	sort.Slice(calls, func(i, j int) bool { return calls[i].name < calls[j].name })
	return calls
}

// fillMarker is the value every string field gets; a key that carries it
// must resolve to a string param.
const fillMarker = "x"

// unionMarker is the keyword every Union field gets; a key that carries
// it must resolve to a param the spec allows as a number or boolean and
// as a keyword, and every such param must carry it.
const unionMarker = "x_union"

// fillAll sets every exported field reachable from v: pointers are
// allocated, strings get fillMarker, numbers 1, bools true, arrays and
// slices one element, maps one key. Union params get a keyword.
func fillAll(v reflect.Value, depth int) {
	if depth > 12 || !v.CanSet() {
		return
	}
	if v.Type() == unionType {
		v.Set(reflect.ValueOf(Keyword(unionMarker)))
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		fillAll(v.Elem(), depth+1)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			sf := v.Type().Field(i)
			if (!sf.IsExported() && !sf.Anonymous) || sf.Tag.Get("url") == "-" {
				continue
			}
			fillAll(v.Field(i), depth+1)
		}
	case reflect.String:
		v.SetString(fillMarker)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fillAll(s.Index(0), depth+1)
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k := reflect.New(v.Type().Key()).Elem()
		fillAll(k, depth+1)
		e := reflect.New(v.Type().Elem()).Elem()
		fillAll(e, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	}
}

// recordingTransport keeps every request and answers 200 {}.
type recordingTransport struct {
	mu   sync.Mutex
	reqs []recorded
}

type recorded struct {
	method, path string
	form         url.Values
}

func (rt *recordingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := recorded{method: r.Method, path: r.URL.Path, form: r.URL.Query()}
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		if len(b) > 0 {
			if rec.form, err = url.ParseQuery(string(b)); err != nil {
				return nil, err
			}
		}
	}
	rt.mu.Lock()
	rt.reqs = append(rt.reqs, rec)
	rt.mu.Unlock()
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader("{}")), Request: r}, nil
}

// opCoverage is what one call showed about one operation.
type opCoverage struct {
	call      string // Customers.Create
	op        *openapi.Operation
	sent      map[string]bool // top-level names sent that the spec has
	missing   []string        // spec top-level params never sent
	params    int             // spec top-level params a form can carry
	violation []string        // keys the spec does not accept, or wrong values
}

func (o opCoverage) ratio() float64 {
	if o.params == 0 {
		return 1
	}
	return float64(len(o.sent)) / float64(o.params)
}

// formless reports whether a param takes only an empty object (such as
// payment_methods' affirm: {}): a form body cannot carry one, so it is
// left out of the coverage.
func formless(spec *openapi.Spec, sch *openapi.Schema) bool {
	alts := spec.Alternatives(sch)
	for _, a := range alts {
		if a.Type != "object" || len(a.Properties) > 0 || a.AdditionalProperties != nil {
			return false
		}
	}
	return len(alts) > 0
}

// runSpecCall calls one method with every params field set and checks
// what it sent against the spec.
func runSpecCall(t *testing.T, spec *openapi.Spec, call specCall) (opCoverage, error) {
	rt := &recordingTransport{}
	c, err := NewClient(testKey, WithHTTPClient(&http.Client{Transport: rt}), WithRateLimit(rate.Inf, rate.Inf), WithMaxRetries(0))
	if err != nil {
		return opCoverage{}, err
	}
	svc := reflect.ValueOf(c).Elem().FieldByName(strings.Split(call.name, ".")[0])
	mt := call.method.Type
	args := []reflect.Value{svc, reflect.ValueOf(context.Background())}
	for i := 2; i < mt.NumIn(); i++ {
		a := reflect.New(mt.In(i)).Elem()
		if a.Kind() == reflect.String {
			a.SetString(fmt.Sprintf("id_%d", i-1))
		} else {
			fillAll(a, 0)
		}
		args = append(args, a)
	}
	out := call.method.Func.Call(args)
	// The transport answers {}, which the client refuses as a response
	// (ErrUnexpectedResponse) after sending the request this test checks.
	if e := out[len(out)-1]; !e.IsNil() && !errors.Is(e.Interface().(error), ErrUnexpectedResponse) {
		return opCoverage{}, fmt.Errorf("%s returned %v", call.name, e.Interface())
	}
	if len(rt.reqs) != 1 {
		return opCoverage{}, fmt.Errorf("%s sent %d requests, want 1", call.name, len(rt.reqs))
	}
	req := rt.reqs[0]
	op, err := spec.Operation(req.method, req.path)
	if err != nil {
		return opCoverage{}, fmt.Errorf("%s: %w", call.name, err)
	}
	cov := opCoverage{call: call.name, op: op, sent: map[string]bool{}}
	keys := make([]string, 0, len(req.form))
	for k := range req.form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		leaves, err := op.ResolveKey(k)
		if err != nil {
			cov.violation = append(cov.violation, err.Error())
			continue
		}
		if segs, _ := openapi.SplitKey(k); len(segs) > 0 {
			cov.sent[segs[0]] = true
		}
		for _, v := range req.form[k] {
			if err := checkFilled(leaves, v); err != nil {
				cov.violation = append(cov.violation, fmt.Sprintf("%s %s: %s: %v", op.Method, op.Path, k, err))
			}
		}
	}
	for _, n := range op.ParamNames() {
		if formless(spec, op.Params[n]) {
			continue
		}
		cov.params++
		if !cov.sent[n] {
			cov.missing = append(cov.missing, n)
		}
	}
	return cov, nil
}

// checkFilled checks a filled value against the spec: the string marker
// needs a string param (enums included: the marker is no keyword), other
// values must parse as the spec's type.
func checkFilled(leaves []*openapi.Schema, v string) error {
	keyword, scalar := false, false
	for _, l := range leaves {
		switch {
		case len(l.Enum) > 0 && !(len(l.Enum) == 1 && l.Enum[0] == ""):
			keyword = true
		case l.Type == "integer" || l.Type == "boolean" || l.Type == "number":
			scalar = true
		}
	}
	if keyword && scalar && v != unionMarker {
		return fmt.Errorf("the spec takes %s or a keyword: make it a Union so both can be sent", leafTypes(leaves))
	}
	if v == unionMarker {
		if !keyword || !scalar {
			return fmt.Errorf("a Union, but the spec wants only %s", leafTypes(leaves))
		}
		return nil
	}
	if v == fillMarker {
		for _, l := range leaves {
			if l.Type == "string" || (l.Type == "" && len(l.Enum) > 0) {
				return nil
			}
		}
		return fmt.Errorf("a string field, but the spec wants %s", leafTypes(leaves))
	}
	return openapi.CheckValue(leaves, v)
}

func leafTypes(leaves []*openapi.Schema) string {
	var ts []string
	for _, l := range leaves {
		if l.Type != "" && l.Type != "string" {
			ts = append(ts, l.Type)
		} else if len(l.Enum) > 0 {
			ts = append(ts, fmt.Sprint(l.Enum))
		} else {
			ts = append(ts, "string")
		}
	}
	return strings.Join(ts, " or ")
}

// TestSpecConformanceRequests sends every service method with every
// params field set and resolves each emitted key against the spec.
func TestSpecConformanceRequests(t *testing.T) {
	t.Parallel()
	spec := openapi.LoadForTest(t)
	c, err := NewClient(testKey)
	if err != nil {
		t.Fatal(err)
	}
	calls := specCalls(c)
	if len(calls) < 61 {
		t.Fatalf("found %d service methods, want at least 61: is reflection missing some?", len(calls))
	}
	var rows []opCoverage
	totalSent, totalSpec := 0, 0
	for _, call := range calls {
		cov, err := runSpecCall(t, spec, call)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		rows = append(rows, cov)
		totalSent += len(cov.sent)
		totalSpec += cov.params
		for _, v := range cov.violation {
			t.Errorf("%s: unknown name or wrong type: %s", call.name, v)
		}
		if cov.ratio() < minParamCoverage {
			t.Errorf("%s (%s %s): %d of %d top-level params (%.0f%%), want >= %.0f%%; missing: %s",
				call.name, cov.op.Method, cov.op.Path, len(cov.sent), cov.params, 100*cov.ratio(),
				100*minParamCoverage, strings.Join(cov.missing, ", "))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "request params per operation (top-level params exposed / in the spec):\n")
	fmt.Fprintf(&b, "| %-36s | %-6s | %-48s | %-9s | %s\n", "method", "verb", "path", "params", "missing")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %-36s | %-6s | %-48s | %3d/%-3d %3.0f%% | %s\n", r.call, r.op.Method, r.op.Path,
			len(r.sent), r.params, 100*r.ratio(), strings.Join(r.missing, " "))
	}
	fmt.Fprintf(&b, "total: %d operations, %d of %d top-level params (%.1f%%)\n", len(rows), totalSent, totalSpec,
		100*float64(totalSent)/float64(max(totalSpec, 1)))
	t.Log("\n" + b.String())
}

var unionType = reflect.TypeOf(Union{})
