package stripe

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stripelite/stripe/internal/openapi"
)

// TestSpecCoverageTable prints, per service, the request params and
// response properties the package covers, as the Markdown table in the
// README ("Spec coverage"). Regenerate it with
//
//	go test -run TestSpecCoverageTable -v . | grep '^        |' | cut -c9-
//
// The bounds themselves are enforced by TestSpecConformanceRequests and
// TestSpecConformanceResponses; this test fails only if it cannot measure.
func TestSpecCoverageTable(t *testing.T) {
	t.Parallel()
	spec := openapi.LoadForTest(t)
	w := &objWalker{spec: spec, fixtures: openapi.FixturesForTest(t), seen: map[reflect.Type]bool{}, objects: map[string]*objCoverage{}}
	c, err := NewClient(testKey)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		ops, sent, params int
		types             map[reflect.Type]bool
	}
	rows := map[string]*row{}
	for _, call := range specCalls(c) {
		cov, err := runSpecCall(t, spec, call)
		if err != nil {
			t.Fatal(err)
		}
		svc, _, _ := strings.Cut(call.name, ".")
		r := rows[svc]
		if r == nil {
			r = &row{types: map[reflect.Type]bool{}}
			rows[svc] = r
		}
		r.ops++
		r.sent += len(cov.sent)
		r.params += cov.params
		out := call.method.Type.Out(0)
		if cov.op.Response == nil || out == errorType {
			continue
		}
		w.checkField(out, cov.op.Response, call.name)
		r.types[resultType(out)] = true
	}
	byType := map[reflect.Type]*objCoverage{}
	for _, o := range w.objects {
		byType[o.goType] = o
	}
	names := make([]string, 0, len(rows))
	for n := range rows {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("| service | operations | request params | objects: properties decoded |\n|---|---:|---:|---|\n")
	tops, tsent, tparams := 0, 0, 0
	for _, n := range names {
		r := rows[n]
		tops, tsent, tparams = tops+r.ops, tsent+r.sent, tparams+r.params
		var objs []string
		for ty := range r.types {
			if o := byType[ty]; o != nil {
				objs = append(objs, fmt.Sprintf("`%s` %d/%d", o.name, o.have, o.total))
			}
		}
		sort.Strings(objs)
		fmt.Fprintf(&b, "| %s | %d | %d/%d (%.0f%%) | %s |\n", n, r.ops, r.sent, r.params,
			100*float64(r.sent)/float64(max(r.params, 1)), strings.Join(objs, ", "))
	}
	have, total := 0, 0
	for _, o := range w.objects {
		have, total = have+o.have, total+o.total
	}
	fmt.Fprintf(&b, "| **all** | %d | %d/%d (%.1f%%) | %d objects: %d/%d (%.1f%%); nested: %d/%d (%.1f%%) |\n",
		tops, tsent, tparams, 100*float64(tsent)/float64(max(tparams, 1)), len(w.objects), have, total,
		100*float64(have)/float64(max(total, 1)), w.nestedHave, w.nestedAll, 100*float64(w.nestedHave)/float64(max(w.nestedAll, 1)))
	if tops == 0 || total == 0 {
		t.Fatal("nothing measured")
	}
	t.Log("\n" + b.String())
}

// resultType is the object type a method returns: T for *T, List[T] or
// SearchResult[T].
func resultType(out reflect.Type) reflect.Type {
	for out.Kind() == reflect.Pointer {
		out = out.Elem()
	}
	if f, ok := out.FieldByName("Data"); ok && out.Kind() == reflect.Struct && f.Type.Kind() == reflect.Slice {
		return f.Type.Elem()
	}
	return out
}
