package stripe

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Shapes used only by the golden tests.
type testItem struct {
	Price     *string        `url:"price,omitempty"`
	Quantity  *int64         `url:"quantity,omitempty"`
	Metadata  Metadata       `url:"metadata,omitempty"`
	PriceData *testPriceData `url:"price_data,omitempty"`
	Deleted   *bool          `url:"deleted,omitempty"`
}

type testPriceData struct {
	Currency   *string `url:"currency,omitempty"`
	UnitAmount *int64  `url:"unit_amount,omitempty"`
}

type testParams struct {
	Params
	ListParams
	AutoAdvance        *bool            `url:"auto_advance,omitempty"`
	Description        *string          `url:"description,omitempty"`
	DaysUntilDue       *int64           `url:"days_until_due,omitempty"`
	Metadata           Metadata         `url:"metadata,omitempty"`
	Items              Array[testItem]  `url:"items,omitempty"`
	ItemPtrs           Array[*testItem] `url:"item_ptrs,omitempty"`
	Address            *AddressParams   `url:"address,omitempty"`
	Shipping           *ShippingParams  `url:"shipping,omitempty"`
	PaymentMethodTypes Array[string]    `url:"payment_method_types,omitempty"`
	Amounts            Array[int64]     `url:"amounts,omitempty"`
	Created            *RangeQuery      `url:"created,omitempty"`
}

func TestEncodeGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		params any
		want   string
	}{
		{"nil params", nil, ""},
		{"typed nil params", (*testParams)(nil), ""},
		{"pointers left nil are absent", &testParams{}, ""},
		{"bool false is sent", &testParams{AutoAdvance: Ptr(false)}, "auto_advance=false"},
		{"bool true", &testParams{AutoAdvance: Ptr(true)}, "auto_advance=true"},
		{"empty string clears", &testParams{Description: Ptr("")}, "description="},
		{"zero int is sent", &testParams{DaysUntilDue: Ptr(int64(0))}, "days_until_due=0"},
		{"metadata sorted", &testParams{Metadata: Metadata{"b": "2", "a": "1", "c": "x y"}},
			"metadata%5Ba%5D=1&metadata%5Bb%5D=2&metadata%5Bc%5D=x+y"},
		{"metadata unset key", &testParams{Metadata: Metadata{"old": ""}}, "metadata%5Bold%5D="},
		{"metadata empty map is absent", &testParams{Metadata: Metadata{}}, ""},
		{"items array of structs", &testParams{Items: []testItem{
			{Price: Ptr("price_1"), Quantity: Ptr(int64(2))},
			{Price: Ptr("price_2"), Metadata: Metadata{"k": "v"}},
			{PriceData: &testPriceData{Currency: Ptr("usd"), UnitAmount: Ptr(int64(999))}, Deleted: Ptr(false)},
		}}, "items%5B0%5D%5Bprice%5D=price_1&items%5B0%5D%5Bquantity%5D=2" +
			"&items%5B1%5D%5Bmetadata%5D%5Bk%5D=v&items%5B1%5D%5Bprice%5D=price_2" +
			"&items%5B2%5D%5Bdeleted%5D=false&items%5B2%5D%5Bprice_data%5D%5Bcurrency%5D=usd&items%5B2%5D%5Bprice_data%5D%5Bunit_amount%5D=999"},
		{"array of struct pointers", &testParams{ItemPtrs: []*testItem{{Price: Ptr("p")}}}, "item_ptrs%5B0%5D%5Bprice%5D=p"},
		{"nested address", &testParams{Address: &AddressParams{City: Ptr("Berlin"), Line1: Ptr("Main 1"), Line2: Ptr("")}},
			"address%5Bcity%5D=Berlin&address%5Bline1%5D=Main+1&address%5Bline2%5D="},
		{"doubly nested", &testParams{Shipping: &ShippingParams{Name: Ptr("J"), Address: &AddressParams{Country: Ptr("DE")}}},
			"shipping%5Baddress%5D%5Bcountry%5D=DE&shipping%5Bname%5D=J"},
		{"string array", &testParams{PaymentMethodTypes: []string{"card", "sepa_debit"}},
			"payment_method_types%5B0%5D=card&payment_method_types%5B1%5D=sepa_debit"},
		{"int array", &testParams{Amounts: []int64{5, 10}}, "amounts%5B0%5D=5&amounts%5B1%5D=10"},
		{"expand", &testParams{Params: Params{Expand: []string{"customer", "data.latest_invoice"}}},
			"expand%5B0%5D=customer&expand%5B1%5D=data.latest_invoice"},
		{"per-request headers are not form fields", &testParams{Params: Params{IdempotencyKey: "k", StripeAccount: "acct_1"}}, ""},
		{"list params", &testParams{ListParams: ListParams{Limit: Ptr(int64(100)), StartingAfter: Ptr("cus_1")}},
			"limit=100&starting_after=cus_1"},
		{"range query", &testParams{Created: &RangeQuery{GT: Ptr(int64(1)), LTE: Ptr(int64(2))}},
			"created%5Bgt%5D=1&created%5Blte%5D=2"},
		{"reserved characters are escaped", &testParams{Metadata: Metadata{"a&b=c": "x&y=z"}, Description: Ptr("line\r\nX-Evil: 1")},
			"description=line%0D%0AX-Evil%3A+1&metadata%5Ba%26b%3Dc%5D=x%26y%3Dz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := encodeForm(tt.params)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.Encode())
		})
	}
}

func TestEncodeRejects(t *testing.T) {
	t.Parallel()
	for name, p := range map[string]*testParams{
		"metadata key with brackets": {Metadata: Metadata{"a[b]": "v"}},
		"empty metadata key":         {Metadata: Metadata{"": "v"}},
		"nil element in array":       {ItemPtrs: []*testItem{nil}},
	} {
		_, err := encodeForm(p)
		assert.Error(t, err, name)
	}
}

func TestEncodeDoesNotMutateParams(t *testing.T) {
	t.Parallel()
	p := &testParams{Metadata: Metadata{"a": "1"}, Items: []testItem{{Price: Ptr("p")}}}
	_, err := encodeForm(p)
	require.NoError(t, err)
	assert.Equal(t, &testParams{Metadata: Metadata{"a": "1"}, Items: []testItem{{Price: Ptr("p")}}}, p)
}

func TestEncodeArrayOfEncoders(t *testing.T) {
	t.Parallel()
	type p struct {
		Sets Array[Metadata] `url:"sets,omitempty"`
	}
	got, err := encodeForm(&p{Sets: []Metadata{{"k": "v"}, {"a": "b"}}})
	require.NoError(t, err)
	assert.Equal(t, "sets%5B0%5D%5Bk%5D=v&sets%5B1%5D%5Ba%5D=b", got.Encode())
}

func TestUnionEncodes(t *testing.T) {
	t.Parallel()
	type p struct {
		A Union `url:"a,omitempty"`
		B Union `url:"b,omitempty"`
		C Union `url:"c,omitempty"`
		D Union `url:"d,omitempty"`
		E Union `url:"e,omitempty"`
	}
	got, err := encodeForm(&p{A: Int(1767225600), B: Keyword("now"), C: Bool(false), D: Keyword("")})
	require.NoError(t, err)
	require.Equal(t, url.Values{"a": {"1767225600"}, "b": {"now"}, "c": {"false"}, "d": {""}}, got)
	require.True(t, Union{}.IsZero())
	require.False(t, Keyword("").IsZero())
	require.Equal(t, "one_off", Keyword("one_off").String())
}
