package connector

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snakeOf reverses camel for Stripe's names: addressLine1 is address_line1.
func snakeOf(camelName string) string {
	var b strings.Builder
	for _, r := range camelName {
		if unicode.IsUpper(r) {
			b.WriteByte('_')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sampleConfig gives every ID, scalar, metadata and string array field of
// a generated action a value, and returns the config and the form or query
// values those must become on the wire.
func sampleConfig(a Action) (map[string]any, url.Values, []string) {
	cfg := map[string]any{}
	wire := url.Values{}
	var ids []string
	for _, f := range a.Fields {
		key := snakeOf(f.Name)
		switch {
		case f.Required && strings.HasSuffix(f.Name, "Id") && f.Type == "string":
			id := "id_" + f.Name
			cfg[f.Name] = id
			ids = append(ids, id)
		case f.Name == "returnAll" || f.Name == "limit" || f.Name == "startingAfter" || f.Name == "endingBefore":
		case f.Type == "string":
			v := "s_" + f.Name
			if f.Enum != nil {
				v = f.Enum[0]
			}
			cfg[f.Name], wire[key] = v, []string{v}
		case f.Type == "integer":
			cfg[f.Name], wire[key] = 7, []string{"7"}
		case f.Type == "boolean":
			cfg[f.Name], wire[key] = true, []string{"true"}
		case f.Type == "number":
			cfg[f.Name], wire[key] = 12.5, []string{"12.5"}
		case f.Type == "object" && f.Fields == nil:
			cfg[f.Name], wire[key+"[k]"] = map[string]string{"k": "v"}, []string{"v"}
		case f.Type == "array" && f.ItemType == "string":
			v := "a"
			if f.Enum != nil {
				v = f.Enum[0]
			}
			cfg[f.Name], wire[key+"[0]"] = []string{v}, []string{v}
		}
	}
	return cfg, wire, ids
}

// checkGenerated runs a generated action with every field set and checks
// the request on the wire and the output.
func checkGenerated(t *testing.T, a Action, method string, extra url.Values) {
	t.Helper()
	require.NoError(t, a.err)
	require.True(t, a.Generated)
	cfg, wire, ids := sampleConfig(a)
	for k, v := range extra { // what the SDK method adds itself
		wire[k] = v
	}
	doc, err := json.Marshal(cfg)
	require.NoError(t, err)
	body := withUnmodeled(t, `{"id": "x_1", "object": "thing", "description": null}`)
	if strings.Contains(a.Name, ".list") {
		body = withUnmodeled(t, `{"object": "list", "data": [{"id": "x_1"}], "has_more": false, "url": "/v1/x"}`)
	}
	c, mt := newTestClient(t)
	rec := record(mt, body)
	out, err := a.Run(context.Background(), c, doc, WithIdempotencyKey("gen-key"), WithStripeAccount("acct_1Gen"))
	require.NoError(t, err, "%s", doc)
	reqs := rec.sent()
	require.Len(t, reqs, 1)
	r := reqs[0]
	assert.Equal(t, method, r.Method)
	for _, id := range ids {
		assert.Contains(t, r.Path, "/"+id, "the path holds each ID")
	}
	got := r.Query
	if method == http.MethodPost {
		got = r.Form
		assert.Equal(t, "gen-key", r.Header.Get("Idempotency-Key"))
	}
	assert.Equal(t, "acct_1Gen", r.Header.Get("Stripe-Account"))
	assert.Equal(t, wire, got, "every field under Stripe's name")
	assert.Equal(t, body, string(out.(json.RawMessage)), "the output is the body")
}

// TestGeneratedActions builds actions by reflection for methods of every
// shape and checks them on the wire.
func TestGeneratedActions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		service, method, http string
		fields                []string // some fields it must have
		extra                 url.Values
	}{
		{"Prices", "Update", http.MethodPost, []string{"priceId", "nickname", "lookupKey", "metadata", "taxBehavior", "expand"}, nil},
		{"Customers", "Create", http.MethodPost, []string{"email", "name", "address", "invoiceSettings"}, nil},
		{"Charges", "List", http.MethodGet, []string{"customer", "paymentIntent", "limit", "startingAfter", "created", "returnAll"}, nil},
		{"Invoices", "Delete", http.MethodDelete, []string{"invoiceId"}, nil},
		{"Cards", "Get", http.MethodGet, []string{"customerId", "cardId"}, nil},
		{"Cards", "List", http.MethodGet, []string{"customerId", "returnAll"}, url.Values{"object": {"card"}}},
		{"Refunds", "Cancel", http.MethodPost, []string{"refundId"}, nil},
		{"Subscriptions", "Resume", http.MethodPost, []string{"subscriptionId", "prorationBehavior"}, nil},
	} {
		t.Run(tc.service+"."+tc.method, func(t *testing.T) {
			t.Parallel()
			a := generated(tc.service, tc.method)
			for _, f := range tc.fields {
				assert.True(t, fieldNamed(a.Fields, f), "%s has %s", a.Name, f)
			}
			assert.Equal(t, actionName(tc.service, tc.method), a.Name)
			checkGenerated(t, a, tc.http, tc.extra)
		})
	}
}

func fieldNamed(fields []Field, name string) bool {
	for _, f := range fields {
		if f.Name == name {
			return true
		}
	}
	return false
}

// TestGeneratedCatalog checks every generated action of the catalog on
// the wire, and that its schema and Run agree on its corpus.
func TestGeneratedCatalog(t *testing.T) {
	t.Parallel()
	for _, a := range Actions() {
		if !a.Generated {
			continue
		}
		t.Run(a.Name, func(t *testing.T) {
			t.Parallel()
			// The HTTP method by the verb of the name, but for these.
			method, ok := map[string]string{
				"stripe.removeInvoiceLines":     http.MethodPost, // POST /v1/invoices/{id}/remove_lines
				"stripe.previewCreditNote":      http.MethodGet,  // GET /v1/credit_notes/preview
				"stripe.previewCreditNoteLines": http.MethodGet,
			}[a.Name]
			switch {
			case ok:
			case strings.HasPrefix(a.Name, "stripe.get"), strings.HasPrefix(a.Name, "stripe.list"), strings.HasPrefix(a.Name, "stripe.search"):
				method = http.MethodGet
			case strings.HasPrefix(a.Name, "stripe.delete"), strings.HasPrefix(a.Name, "stripe.remove"):
				method = http.MethodDelete
			default:
				method = http.MethodPost
			}
			checkGenerated(t, a, method, nil)
		})
	}
}

// TestGeneratedReturnAll walks two pages of a generated list action.
func TestGeneratedReturnAll(t *testing.T) {
	t.Parallel()
	a := generated("Charges", "List")
	c, mt := newTestClient(t)
	p1, p2 := withUnmodeled(t, fixture(t, "charges_page1.json")), withUnmodeled(t, fixture(t, "charges_page2.json"))
	rec := record(mt, p1, p2)
	out, err := a.Run(context.Background(), c, json.RawMessage(`{"limit": 2, "returnAll": true, "customer": "cus_1"}`))
	require.NoError(t, err)
	reqs := rec.sent()
	require.Len(t, reqs, 2)
	assert.Equal(t, url.Values{"limit": {"2"}, "customer": {"cus_1"}}, reqs[0].Query)
	assert.Equal(t, url.Values{"limit": {"2"}, "customer": {"cus_1"}, "starting_after": {"ch_002"}}, reqs[1].Query)
	var have any
	require.NoError(t, json.Unmarshal(out.(json.RawMessage), &have))
	assert.Equal(t, joinedPages(t, []string{p1, p2}), have)
}

func TestGeneratedErrors(t *testing.T) {
	t.Parallel()
	for _, m := range [][2]string{{"Nope", "Get"}, {"Customers", "Nope"}, {"Customers", "Poller"}} {
		a := generated(m[0], m[1])
		assert.Error(t, a.err, "%v", m)
		_, err := a.Run(context.Background(), nil, nil)
		assert.Error(t, err)
	}
	_, err := idNames("Invoices", "Frob", 2)
	assert.Error(t, err, "two IDs need names")
	ids, err := idNames("TaxIDs", "Get", 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"customerId", "taxId"}, ids)
	assert.Equal(t, "credit_note", snake("CreditNote"))
	assert.Equal(t, "Create credit note", humanize("createCreditNote"))
	assert.Equal(t, "daysUntilDue", camel("days_until_due"))
	assert.Equal(t, "address_line1", snakeOf(camel("address_line1")))
}

// TestGeneratedSearch runs a search action for one page and for every
// page (returnAll follows next_page; the output drops it).
func TestGeneratedSearch(t *testing.T) {
	t.Parallel()
	a, ok := Lookup("stripe.searchCustomers")
	require.True(t, ok)
	assert.True(t, fieldNamed(a.Fields, "query") && fieldNamed(a.Fields, "page") && fieldNamed(a.Fields, "returnAll"))
	p1 := withUnmodeled(t, `{"object": "search_result", "url": "/v1/customers/search", "has_more": true, "next_page": "pg_2",
		"data": [{"id": "cus_1", "object": "customer", "email": null}]}`)
	p2 := withUnmodeled(t, `{"object": "search_result", "url": "/v1/customers/search", "has_more": false, "next_page": null,
		"data": [{"id": "cus_2", "object": "customer"}]}`)

	c, mt := newTestClient(t)
	rec := record(mt, p1)
	out, err := a.Run(context.Background(), c, json.RawMessage(`{"query": "email:'jenny@example.com'", "limit": 1}`))
	require.NoError(t, err)
	assert.Equal(t, p1, string(out.(json.RawMessage)))
	require.Len(t, rec.sent(), 1)
	assert.Equal(t, "/v1/customers/search", rec.sent()[0].Path)
	assert.Equal(t, url.Values{"query": {"email:'jenny@example.com'"}, "limit": {"1"}}, rec.sent()[0].Query)

	c, mt = newTestClient(t)
	rec = record(mt, p1, p2)
	out, err = a.Run(context.Background(), c, json.RawMessage(`{"query": "name:'Jenny'", "returnAll": true}`))
	require.NoError(t, err)
	reqs := rec.sent()
	require.Len(t, reqs, 2)
	assert.Equal(t, "pg_2", reqs[1].Query.Get("page"))
	want := joinedPages(t, []string{p1, p2}).(map[string]any)
	delete(want, "next_page")
	var have any
	require.NoError(t, json.Unmarshal(out.(json.RawMessage), &have))
	assert.Equal(t, want, have)

	_, err = a.Run(context.Background(), c, json.RawMessage(`{}`))
	requireConfigError(t, err, "query", CodeMissingField)
}
