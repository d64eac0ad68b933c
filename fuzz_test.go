package stripe

// Fuzz targets for the core: the form encoder, the error decoder and list
// decoding with the page walker. Run in CI (each for a bounded time):
//
//	go test -run='^$' -fuzz='^FuzzFormEncode$' -fuzztime=5s .
//	go test -run='^$' -fuzz='^FuzzNewError$' -fuzztime=5s .
//	go test -run='^$' -fuzz='^FuzzListDecode$' -fuzztime=5s .
//
// Plain `go test` runs the seeds below and those under testdata/fuzz.

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

type fuzzItem struct {
	Price    *string       `url:"price,omitempty"`
	Metadata Metadata      `url:"metadata,omitempty"`
	TaxRates Array[string] `url:"tax_rates,omitempty"`
}

type fuzzParams struct {
	Params
	Description *string         `url:"description,omitempty"`
	Metadata    Metadata        `url:"metadata,omitempty"`
	Tags        Array[string]   `url:"tags,omitempty"`
	Items       Array[fuzzItem] `url:"items,omitempty"`
}

// splitElems turns one fuzzed string into list elements.
func splitElems(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\x1f")
}

func validMetadataKey(k string) bool { return k != "" && !strings.ContainsAny(k, "[]") }

// FuzzFormEncode: whatever the keys and values, the encoded form parses back
// (url.ParseQuery) to exactly the metadata entries and array elements that
// went in, and nothing else; or encoding fails, only for a metadata key that
// Stripe could not read back.
func FuzzFormEncode(f *testing.F) {
	f.Add("company_id", "42", "plan", "", "a\x1fb", "price_1", "k", "v", "txr_1\x1ftxr_2", "desc")
	f.Add("a&b=c", "x&y=z", "line\r\nbreak", "v\r\nX-Injected: 1", "&=\x1f%\x1f+", "p&q", "ключ", "значение", "", "a=b&c")
	f.Add("a[b", "x", "ok", "y", "", "", "", "", "", "")
	f.Add("", "empty key", "k", "v", "\x1f\x1f", "", "]", "", "\x1f", "")
	f.Add("\xff\xfe", "\x00", "%41", "%zz", "é\x1f\u2028", "\r\n", "k k", "+ +", "tr", "\u00a0")
	f.Fuzz(func(t *testing.T, k1, v1, k2, v2, tags, price, ik, iv, taxRates, desc string) {
		p := &fuzzParams{
			Params:   Params{Expand: splitElems(tags)},
			Metadata: Metadata{k1: v1, k2: v2},
			Tags:     splitElems(tags),
			Items:    []fuzzItem{{Metadata: Metadata{ik: iv}, TaxRates: splitElems(taxRates)}},
		}
		if price != "" {
			p.Items[0].Price = &price
		}
		if desc != "" {
			p.Description = &desc
		}
		want := url.Values{}
		valid := true
		for k, v := range p.Metadata {
			valid = valid && validMetadataKey(k)
			want.Set("metadata["+k+"]", v)
		}
		valid = valid && validMetadataKey(ik)
		want.Set("items[0][metadata]["+ik+"]", iv)
		for i, e := range p.Tags {
			want.Set("tags["+strconv.Itoa(i)+"]", e)
			want.Set("expand["+strconv.Itoa(i)+"]", e)
		}
		for i, e := range p.Items[0].TaxRates {
			want.Set("items[0][tax_rates]["+strconv.Itoa(i)+"]", e)
		}
		if price != "" {
			want.Set("items[0][price]", price)
		}
		if desc != "" {
			want.Set("description", desc)
		}

		form, err := encodeForm(p)
		if !valid {
			if err == nil {
				t.Fatalf("metadata key %q or %q or %q accepted", k1, k2, ik)
			}
			return
		}
		if err != nil {
			t.Fatalf("encoding valid params: %v", err)
		}
		got, err := url.ParseQuery(form.Encode())
		if err != nil {
			t.Fatalf("ParseQuery(%q): %v", form.Encode(), err)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("round trip of %q\n got %q\nwant %q", form.Encode(), got, want)
		}
	})
}

// FuzzNewError: any status and body make an *Error without panicking, whose
// Error() is one line starting with "stripe: ", with no secret left in it,
// that matches sentinels without panicking.
func FuzzNewError(f *testing.F) {
	f.Add(402, []byte(`{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined."}}`))
	f.Add(401, []byte(`{"error":{"message":"Invalid API Key provided: sk_test_abc123"}}`))
	f.Add(500, []byte("<html>\n<body>502 Bad Gateway</body>\n</html>"))
	f.Add(400, []byte(`{"error":{"message":"line1\nline2\r\u2028\u0085\u001b[31m","param":"a\nb"}}`))
	f.Add(429, []byte(``))
	f.Add(200, []byte(`{"error":{}}`))
	f.Add(-1, []byte(`{"error":null}`))
	f.Add(999, []byte("\xff\xfe\x00"))
	f.Add(404, []byte(`{"error":{"type":7}}`))
	f.Add(409, []byte(`{"error":{"message":"pi_1_secret_abc Basic c2tfdGVzdF8xMjM6 tok_visa"}}`))
	sentinels := []error{ErrCardDeclined, ErrRateLimited, ErrAuthentication, ErrPermission, ErrNotFound, ErrInvalidRequest, ErrIdempotency, ErrAPI, context.Canceled}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := newError(status, "req_fuzz", body)
		if e == nil {
			t.Fatal("nil *Error")
		}
		if e.HTTPStatus != status || e.RequestID != "req_fuzz" || e.Type == "" {
			t.Fatalf("status %d, request ID %q, type %q", e.HTTPStatus, e.RequestID, e.Type)
		}
		msg := e.Error()
		if !strings.HasPrefix(msg, "stripe: ") {
			t.Fatalf("Error() = %q", msg)
		}
		if i := strings.IndexFunc(msg, func(r rune) bool {
			return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
		}); i >= 0 {
			t.Fatalf("Error() is not one line: %q", msg)
		}
		if redact(msg) != msg {
			t.Fatalf("Error() still holds a secret: %q", msg)
		}
		for _, s := range sentinels {
			_ = errors.Is(e, s)
		}
		var target *Error
		if !errors.As(error(e), &target) || target != e {
			t.Fatal("errors.As lost the *Error")
		}
	})
}

// FuzzListDecode: any body either fails to decode or decodes to a page that
// survives a JSON round trip; walking it with a server that keeps sending
// the same page terminates after at most two fetches, yielding the error,
// if any, once and last. A 2xx body shaped like an error is never a page.
func FuzzListDecode(f *testing.F) {
	f.Add([]byte(`{"object":"list","url":"/v1/customers","has_more":true,"data":[{"id":"cus_1","object":"customer","metadata":{"a":"b"}},{"id":"cus_2"}]}`))
	f.Add([]byte(`{"object":"list","has_more":false,"data":[]}`))
	f.Add([]byte(`{"object":"list","has_more":true,"data":[]}`))
	f.Add([]byte(`{"object":"list","has_more":true,"data":[{"id":""}]}`))
	f.Add([]byte(`{"data":[{"id":"cus_1","default_source":{"id":"card_1","object":"card","customer":{"id":"cus_1"}}},{"id":"cus_2","default_source":"card_2"},{"id":"cus_3","default_source":null}]}`))
	f.Add([]byte(`{"error":{"type":"api_error","message":"boom"}}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"data":[{"id":"cus_1","balance":1e3}]}`))
	f.Add([]byte("{\"data\":[{\"id\":\"\xff\"}],\"has_more\":true}"))
	f.Fuzz(func(t *testing.T, body []byte) {
		if top, ok := scanTopLevel(body); ok && top.hasError {
			if e := newError(http.StatusOK, "", body); e == nil || e.HTTPStatus != http.StatusOK {
				t.Fatalf("error-shaped body not turned into an *Error: %v", e)
			}
			return
		}
		var page List[Customer]
		if err := json.Unmarshal(body, &page); err != nil {
			return
		}
		again, err := json.Marshal(page)
		if err != nil {
			t.Fatalf("re-encoding a decoded page: %v", err)
		}
		var page2 List[Customer]
		if err := json.Unmarshal(again, &page2); err != nil {
			t.Fatalf("decoding %s: %v", again, err)
		}
		if !reflect.DeepEqual(page, page2) {
			t.Fatalf("round trip changed the page:\n%#v\n%#v", page, page2)
		}

		fetches := 0
		fetch := func(_ context.Context, _ *CustomerListParams) (*List[Customer], error) {
			fetches++
			if fetches > 2 {
				t.Fatalf("walker fetched %d times from a server that never advances", fetches)
			}
			p := page
			return &p, nil
		}
		items, errs := 0, 0
		for cus, err := range listAll(context.Background(), (*CustomerListParams)(nil), fetch) {
			if errs > 0 {
				t.Fatal("walker yielded after an error")
			}
			if err != nil {
				errs++
				continue
			}
			if cus == nil {
				t.Fatal("nil item without an error")
			}
			items++
		}
		if items > 2*len(page.Data) {
			t.Fatalf("%d items from pages of %d", items, len(page.Data))
		}
		if page.HasMore && errs == 0 {
			t.Fatal("a server that never advances ended without an error")
		}
	})
}
