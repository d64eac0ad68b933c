package stripetest

import (
	"context"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// sharedBetweenRecords reports the pointers, maps and slices that two stored
// records both reach: a change through one would silently change the
// other.
func sharedBetweenRecords(st *store) []string {
	owner := map[uintptr]string{}
	var shared []string
	for _, list := range st.kinds {
		for _, rec := range list {
			id := rec.base().ID
			mine := map[uintptr]string{}
			walkRecordMemory(reflect.ValueOf(rec).Elem(), id, mine)
			for addr, path := range mine {
				if o, ok := owner[addr]; ok && !strings.HasPrefix(o, id+".") {
					shared = append(shared, fmt.Sprintf("%s and %s", o, path))
				}
				owner[addr] = path
			}
		}
	}
	return shared
}

// sharedBetween reports the pointers, maps and slices that records a and b
// (such as a record and its clone) both reach.
func sharedBetween(a, b record) []string {
	mine, theirs := map[uintptr]string{}, map[uintptr]string{}
	walkRecordMemory(reflect.ValueOf(a), "a", mine)
	walkRecordMemory(reflect.ValueOf(b), "b", theirs)
	var shared []string
	for addr, path := range theirs {
		if p, ok := mine[addr]; ok {
			shared = append(shared, p+" and "+path)
		}
	}
	return shared
}

// walkRecordMemory records in seen, by address, the path of every pointer,
// map and slice v reaches.
func walkRecordMemory(v reflect.Value, path string, seen map[uintptr]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if _, ok := seen[v.Pointer()]; ok {
			return
		}
		seen[v.Pointer()] = path
		walkRecordMemory(v.Elem(), path, seen)
	case reflect.Map:
		if v.IsNil() {
			return
		}
		seen[v.Pointer()] = path
		it := v.MapRange()
		for it.Next() {
			walkRecordMemory(it.Value(), fmt.Sprint(path, "[", it.Key(), "]"), seen)
		}
	case reflect.Slice:
		if v.IsNil() || v.Cap() == 0 { // empty slices may all point at one zero-size block
			return
		}
		seen[v.Pointer()] = path
		for i := 0; i < v.Len(); i++ {
			walkRecordMemory(v.Index(i), fmt.Sprint(path, "[", i, "]"), seen)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			walkRecordMemory(v.Field(i), path+"."+v.Type().Field(i).Name, seen)
		}
	case reflect.Interface:
		if !v.IsNil() {
			walkRecordMemory(v.Elem(), path, seen)
		}
	}
}

// No two stored records share memory, however they were made: an invoice
// copies its customer's fields, a line its item's, an item its invoice's
// test clock, each as a copy of its own.
func TestRecordsShareNoMemory(t *testing.T) {
	t.Parallel()
	s := NewServer(t, WithDemoData())
	c, err := s.Client()
	require.NoError(t, err)
	ctx := context.Background()
	post := func(path string, form url.Values) map[string]any {
		t.Helper()
		var out map[string]any
		require.NoError(t, c.Do(ctx, "POST", path, form, &out), path)
		return out
	}
	clock := post("/v1/test_helpers/test_clocks", url.Values{"frozen_time": {"1767225600"}})
	addr := url.Values{"email": {"a@example.com"}, "name": {"A"}, "phone": {"+1 555"}, "address[line1]": {"1 Main St"}, "address[city]": {"Town"},
		"shipping[name]": {"A"}, "shipping[phone]": {"+1 555"}, "shipping[address][line1]": {"1 Main St"}, "source": {"tok_visa"}}
	for _, form := range []url.Values{addr, func() url.Values {
		f := url.Values{"test_clock": {clock["id"].(string)}}
		for k, v := range addr {
			f[k] = v
		}
		return f
	}()} {
		cus := post("/v1/customers", form)
		cusID := cus["id"].(string)
		inv := post("/v1/invoices", url.Values{"customer": {cusID}, "description": {"d"}})
		post("/v1/invoiceitems", url.Values{"customer": {cusID}, "invoice": {inv["id"].(string)}, "amount": {"100"},
			"currency": {"usd"}, "description": {"item"}, "metadata[k]": {"v"}, "unit_amount_decimal": {"100"}})
		post("/v1/invoices/"+inv["id"].(string)+"/add_lines", url.Values{"lines[0][amount]": {"200"}, "lines[0][description]": {"line"}})
		post("/v1/invoices/"+inv["id"].(string)+"/finalize", nil)
		post("/v1/subscriptions", url.Values{"customer": {cusID}, "items[0][price]": {DemoPrice}, "metadata[k]": {"v"}})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	require.Empty(t, sharedBetweenRecords(s.platform))
}
