package stripe

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nestedCharge returns a charge whose payment_intent is expanded, whose
// latest_charge is expanded, and so on: levels expanded objects in all, the
// innermost carrying pad bytes of description. keys names the two members
// (payment_intent, latest_charge) as the server spells them.
func nestedCharge(levels, pad int, piKey, chKey string) string {
	var b strings.Builder
	b.Grow(levels*64 + pad + 64)
	b.WriteString(`{"id":"ch_0","object":"charge"`)
	for i := 1; i <= levels; i++ {
		if i%2 == 1 {
			fmt.Fprintf(&b, `,%q:{"id":"pi_%d","object":"payment_intent"`, piKey, i)
		} else {
			fmt.Fprintf(&b, `,%q:{"id":"ch_%d","object":"charge"`, chKey, i)
		}
	}
	fmt.Fprintf(&b, `,"description":"%s"`, strings.Repeat("x", pad))
	b.WriteString(strings.Repeat("}", levels+1))
	return b.String()
}

// A server nesting expanded objects 300 levels deep in a 2 MiB body gets
// an error, found in one pass, instead of seconds of CPU per MiB (each
// level used to re-scan everything inside it).
func TestExpansionDepthBoundedInResponse(t *testing.T) {
	t.Parallel()
	body := nestedCharge(300, 2<<20, "payment_intent", "latest_charge")
	require.Greater(t, len(body), 2<<20)
	c, mt := newTestClient(t)
	mt.RegisterResponder(http.MethodGet, "https://api.stripe.com/v1/charges/ch_0",
		httpmock.NewStringResponder(200, body))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ch, err := c.Charges.Get(ctx, "ch_0", nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrExpansionTooDeep)
	assert.Contains(t, err.Error(), "decoding 200 response")
	assert.Nil(t, ch, "no half-decoded object with the error")
}

// nestedChain nests levels expanded objects under the member names keys,
// taken in turn, as encoding/json would decode them into the root type.
func nestedChain(levels int, keys ...string) string {
	var b strings.Builder
	b.WriteString(`{"id":"x_0"`)
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, `,"%s":{"id":"x_%d"`, keys[(i-1)%len(keys)], i)
	}
	b.WriteString(strings.Repeat("}", levels+1))
	return b.String()
}

// The bound holds however the server spells the member names: encoding/json
// matches them ignoring case (Unicode folding included) and after
// unescaping, and the scan must see every member json.Unmarshal decodes.
func TestExpansionDepthBoundedAcrossSpellings(t *testing.T) {
	t.Parallel()
	for _, keys := range [][]string{
		{"PAYMENT_INTENT", "Latest_Charge"},
		{`pa\u0079ment_intent`, `latest\u005fcharge`},
		{`cu\u017ftomer`, `default_\u017fource`}, // long s, escaped, folds to s
		{"cu\u017ftomer", "DEFAULT_SOURCE"},
	} {
		body := nestedChain(40, keys...)
		var ch Charge
		require.NoError(t, json.Unmarshal([]byte(nestedChain(MaxExpansionDepth, keys...)), &ch), keys)
		assert.NotEmpty(t, ch.PaymentIntent.ID+ch.Customer.ID, keys)
		assert.ErrorIs(t, json.Unmarshal([]byte(body), &ch), ErrExpansionTooDeep, keys)
	}

	// Through arrays and lists: invoice lines -> subscription ->
	// latest_invoice -> lines -> ...
	inner := `{"id":"in_x"}`
	for i := 0; i < 20; i++ {
		inner = fmt.Sprintf(`{"id":"in_%d","lines":{"object":"list","data":[{"id":"il_%d","subscription":{"id":"sub_%d","latest_invoice":%s}}]}}`, i, i, i, inner)
	}
	var page List[Invoice]
	err := json.Unmarshal([]byte(`{"object":"list","data":[`+inner+`]}`), &page)
	assert.ErrorIs(t, err, ErrExpansionTooDeep)
}

// Stripe's four levels of expansion (and the margin up to
// MaxExpansionDepth) still decode, object by object.
func TestExpansionWithinBoundDecodes(t *testing.T) {
	t.Parallel()
	for levels := 1; levels <= MaxExpansionDepth+1; levels++ {
		var ch Charge
		err := json.Unmarshal([]byte(nestedCharge(levels, 3, "payment_intent", "latest_charge")), &ch)
		if levels > MaxExpansionDepth {
			assert.ErrorIs(t, err, ErrExpansionTooDeep, levels)
			continue
		}
		require.NoError(t, err, levels)
		// Walk down: every level is there, the innermost has the padding.
		cur := &ch
		for i := 1; i <= levels; i++ {
			if i%2 == 1 {
				pi := cur.PaymentIntent.Object
				require.NotNil(t, pi, "level %d of %d", i, levels)
				assert.Equal(t, fmt.Sprintf("pi_%d", i), pi.ID)
				assert.Equal(t, pi.ID, cur.PaymentIntent.ID)
				if i == levels {
					assert.Equal(t, "xxx", pi.Description)
					break
				}
				cur = pi.LatestCharge.Object
				require.NotNil(t, cur, "level %d of %d", i+1, levels)
				assert.Equal(t, fmt.Sprintf("ch_%d", i+1), cur.ID)
				assert.Equal(t, cur.ID, pi.LatestCharge.ID)
				i++
				if i == levels {
					assert.Equal(t, "xxx", cur.Description)
				}
			}
		}
	}

	// A typical four-level expand of a list: data.latest_invoice.customer
	// .default_source from the subscription list, plus IDs left unexpanded.
	var page List[Subscription]
	require.NoError(t, json.Unmarshal([]byte(`{"object":"list","data":[{"id":"sub_1","object":"subscription",
		"latest_invoice":{"id":"in_1","object":"invoice","customer":{"id":"cus_1","object":"customer",
		"default_source":{"id":"card_1","object":"card","customer":"cus_1"}}},"customer":"cus_1"}]}`), &page))
	require.Len(t, page.Data, 1)
	src := page.Data[0].LatestInvoice.Object.Customer.Object.DefaultSource
	assert.Equal(t, "card_1", src.ID)
	assert.Equal(t, "cus_1", src.Object.Customer.ID)
	assert.Equal(t, "cus_1", page.Data[0].Customer.ID)
}

// Malformed JSON is left for json.Unmarshal to report, as before.
func TestExpansionScanLeavesSyntaxErrorsToJSON(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`{"c":{"id":`, `{"c":{"id":"x",}}`, `{"c":{"id":"x"]}`, `{"c":{"default_source":{"id":"x"}`, `{"c":{"\`,
	} {
		var v struct {
			C Expandable[Customer] `json:"c"`
		}
		err := json.Unmarshal([]byte(in), &v)
		var se *json.SyntaxError
		assert.True(t, errors.As(err, &se), "%s: %v", in, err)
	}
}

// BenchmarkDecodeDeepExpansion decodes the hostile 2 MiB, 300-level body;
// its time per op stays that of a few passes over 2 MiB.
func BenchmarkDecodeDeepExpansion(b *testing.B) {
	body := []byte(nestedCharge(300, 2<<20, "payment_intent", "latest_charge"))
	b.SetBytes(int64(len(body)))
	for i := 0; i < b.N; i++ {
		var ch Charge
		if err := json.Unmarshal(body, &ch); !errors.Is(err, ErrExpansionTooDeep) {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeFourLevelExpansion decodes a legitimate four-level expand.
func BenchmarkDecodeFourLevelExpansion(b *testing.B) {
	body := []byte(nestedCharge(4, 64<<10, "payment_intent", "latest_charge"))
	b.SetBytes(int64(len(body)))
	for i := 0; i < b.N; i++ {
		var ch Charge
		if err := json.Unmarshal(body, &ch); err != nil {
			b.Fatal(err)
		}
	}
}

// expandedDepth is the deepest nesting of expanded objects in a decoded
// value, found by walking it.
func expandedDepth(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return 0
		}
		return expandedDepth(v.Elem())
	case reflect.Slice, reflect.Array:
		d := 0
		for i := 0; i < v.Len(); i++ {
			d = max(d, expandedDepth(v.Index(i)))
		}
		return d
	case reflect.Map:
		d := 0
		for it := v.MapRange(); it.Next(); {
			d = max(d, expandedDepth(it.Value()))
		}
		return d
	case reflect.Struct:
		if reflect.PointerTo(v.Type()).Implements(expandableType) {
			obj := v.FieldByName("Object")
			if obj.IsNil() {
				return 0
			}
			return 1 + expandedDepth(obj.Elem())
		}
		d := 0
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				d = max(d, expandedDepth(v.Field(i)))
			}
		}
		return d
	}
	return 0
}

// FuzzExpansionDepth: whatever the body, json.Unmarshal never hands back
// objects expanded deeper than MaxExpansionDepth (the scan misses no member
// encoding/json decodes), and the scan never panics. Run with
//
//	go test -run='^$' -fuzz='^FuzzExpansionDepth$' -fuzztime=30s .
func FuzzExpansionDepth(f *testing.F) {
	for _, keys := range [][]string{
		{"payment_intent", "latest_charge"}, {"customer", "default_source"}, {"Customer", "DEFAULT_SOURCE"},
		{`cu\u017ftomer`, `default_source`}, {"payment_intent", "customer", "default_source", "customer"},
	} {
		for _, n := range []int{MaxExpansionDepth, MaxExpansionDepth + 1} {
			f.Add(nestedChain(n, keys...))
		}
	}
	f.Add(`{"id":"ch_1","customer":{"id":"cus_1","default_source":{"id":"card_1","customer":"cus_1"}},"refunds":{"data":[{"charge":{"id":"ch_1"}}]}}`)
	f.Add(`{"customer":{"default_source":{"customer":{"default_source":{"customer":{"default_source":{"customer":{}}}}}}}}`)
	f.Add(`{"payment_intent":{"latest_charge":{"payment_intent":{"latest_charge":{"payment_intent":{"latest_charge":{"payment_intent":"pi_1"}}}}}}}`)
	f.Fuzz(func(t *testing.T, body string) {
		var ch Charge
		if err := json.Unmarshal([]byte(body), &ch); err == nil {
			if d := expandedDepth(reflect.ValueOf(ch)); d > MaxExpansionDepth {
				t.Fatalf("decoded %d levels of expansion from %q", d, body)
			}
		}
		var page List[Invoice]
		if err := json.Unmarshal([]byte(body), &page); err == nil {
			if d := expandedDepth(reflect.ValueOf(page)); d > MaxExpansionDepth {
				t.Fatalf("decoded %d levels of expansion into a list from %q", d, body)
			}
		}
	})
}
