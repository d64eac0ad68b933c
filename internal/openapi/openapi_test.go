package openapi

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSplitKey(t *testing.T) {
	t.Parallel()
	cases := map[string][]string{
		"email":                          {"email"},
		"expand[0]":                      {"expand", "0"},
		"items[0][price_data][currency]": {"items", "0", "price_data", "currency"},
		"metadata[a b]":                  {"metadata", "a b"},
	}
	for key, want := range cases {
		got, err := SplitKey(key)
		if err != nil || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("SplitKey(%q) = %q, %v; want %q", key, got, err, want)
		}
	}
	for _, bad := range []string{"", "[0]", "a[0", "a[0]x"} {
		if _, err := SplitKey(bad); err == nil {
			t.Errorf("SplitKey(%q): want an error", bad)
		}
	}
}

func TestOperationMatchesTemplates(t *testing.T) {
	t.Parallel()
	s := LoadForTest(t)
	cases := []struct{ method, path, want string }{
		{"GET", "/v1/customers/search", "/v1/customers/search"},
		{"GET", "/v1/customers/cus_1", "/v1/customers/{customer}"},
		{"post", "/v1/customers/cus_1/sources/card_1", "/v1/customers/{customer}/sources/{id}"},
		{"POST", "/v1/invoices/in_1/finalize", "/v1/invoices/{invoice}/finalize"},
	}
	for _, c := range cases {
		op, err := s.Operation(c.method, c.path)
		if err != nil || op.Path != c.want {
			t.Errorf("Operation(%s %s) = %v, %v; want %s", c.method, c.path, op, err, c.want)
		}
	}
	if _, err := s.Operation("GET", "/v1/nope/x"); err == nil {
		t.Error("unknown path: want an error")
	}
	if _, err := s.Operation("GET", "/v1/customers//sources"); err == nil {
		t.Error("empty ID segment: want an error")
	}
}

func TestResolveKey(t *testing.T) {
	t.Parallel()
	s := LoadForTest(t)
	sub, err := s.Operation("POST", "/v1/subscriptions")
	if err != nil {
		t.Fatal(err)
	}
	good := map[string]string{
		"customer":                       "cus_1",
		"expand[0]":                      "customer",
		"metadata[order]":                "42",
		"metadata":                       "", // unsets all metadata
		"items[0][price_data][currency]": "usd",
		"items[0][price_data][recurring][interval]": "month",
		"items[0][quantity]":                        "2",
		"trial_end":                                 "now",
		"off_session":                               "true",
	}
	for key, val := range good {
		leaves, err := sub.ResolveKey(key)
		if err != nil {
			t.Errorf("ResolveKey(%q): %v", key, err)
			continue
		}
		if err := CheckValue(leaves, val); err != nil {
			t.Errorf("CheckValue(%q, %q): %v", key, val, err)
		}
	}
	bad := map[string]string{
		"customerx":                       `no top-level param "customerx"`,
		"items[0][pricex]":                `items[0] has no "pricex"`,
		"items[0][id]":                    `items[0] has no "id"`,
		"items[0][price_data][recurring]": "is an object or list",
		"items[x][price]":                 `items has no "x"`,
	}
	for key, want := range bad {
		_, err := sub.ResolveKey(key)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ResolveKey(%q) = %v; want an error containing %q", key, err, want)
		}
	}
	del, err := s.Operation("DELETE", "/v1/customers/cus_1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := del.ResolveKey("expand[0]"); err == nil {
		t.Error("DELETE /v1/customers/{customer} takes no expand: want an error")
	}
	for key, val := range map[string]string{"trial_end": "soon", "items[0][quantity]": "two", "off_session": "yes", "payment_behavior": "eventually"} {
		leaves, err := sub.ResolveKey(key)
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckValue(leaves, val); err == nil {
			t.Errorf("CheckValue(%q, %q): want an error", key, val)
		}
	}
}

func TestValidateFixtures(t *testing.T) {
	t.Parallel()
	s := LoadForTest(t)
	fx := FixturesForTest(t)
	// Some of stripe-mock's fixtures still carry properties the spec has
	// dropped (charge.source, invoice.subscription, product.type); these ones do not.
	for _, name := range []string{"customer", "refund", "balance_transaction", "invoiceitem"} {
		v, err := DecodeJSON(fx[name])
		if err != nil {
			t.Fatal(err)
		}
		if vs := s.Validate(v, s.Object(name)); len(vs) > 0 {
			t.Errorf("%s fixture: %v", name, vs)
		}
	}
	var cus map[string]any
	if err := json.Unmarshal(fx["customer"], &cus); err != nil {
		t.Fatal(err)
	}
	cus["balance"] = "12"                      // wrong type
	cus["emial"] = "x@example.com"             // not in the spec
	delete(cus, "livemode")                    // required
	cus["address"] = map[string]any{"city": 3} // nested wrong type
	b, _ := json.Marshal(cus)
	v, _ := DecodeJSON(b)
	got := map[string]bool{}
	for _, vi := range s.Validate(v, s.Object("customer")) {
		got[vi.Path] = true
	}
	for _, p := range []string{"$", "$.balance", "$.emial", "$.address.city"} {
		if !got[p] {
			t.Errorf("want a violation at %s; got %v", p, got)
		}
	}
}
