package stripe

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-querystring/query"
	"golang.org/x/time/rate"
)

// The client-side work of a request without the network: the form encoder
// alone and the decoding of a large response. The end-to-end benchmarks
// against net/http and stripe-go live in the internal/benchcmp module.

func benchCustomerCreateParams() *CustomerCreateParams {
	return &CustomerCreateParams{
		Email: Ptr("jenny.rosen@example.com"),
		Name:  Ptr("Jenny Rosen"),
		Metadata: Metadata{
			"company_id": "42",
			"plan":       "pro",
			"source":     "bench",
		},
		Address: &AddressParams{
			City:       Ptr("San Francisco"),
			Country:    Ptr("US"),
			Line1:      Ptr("510 Townsend St"),
			Line2:      Ptr("Floor 3"),
			PostalCode: Ptr("94103"),
			State:      Ptr("CA"),
		},
	}
}

func benchSubscriptionCreateParams() *SubscriptionCreateParams {
	return &SubscriptionCreateParams{
		Customer: Ptr("cus_PqR7sT8uV9wX1y"),
		Items: Array[SubscriptionItemParams]{
			{Price: Ptr("price_1QaBc02eZvKYlo2CpRiCe001")},
			{Price: Ptr("price_1QaBc02eZvKYlo2CpRiCe002"), Quantity: Ptr(int64(3))},
			{Price: Ptr("price_1QaBc02eZvKYlo2CpRiCe003")},
		},
		Metadata: Metadata{"plan": "pro", "seats": "4", "source": "bench"},
	}
}

func BenchmarkEncodeForm(b *testing.B) {
	cases := []struct {
		name   string
		params any
		want   string // the encoded form, checked once
	}{
		{"CustomerCreate", benchCustomerCreateParams(),
			"address%5Bcity%5D=San+Francisco&address%5Bcountry%5D=US&address%5Bline1%5D=510+Townsend+St&" +
				"address%5Bline2%5D=Floor+3&address%5Bpostal_code%5D=94103&address%5Bstate%5D=CA&" +
				"email=jenny.rosen%40example.com&metadata%5Bcompany_id%5D=42&metadata%5Bplan%5D=pro&" +
				"metadata%5Bsource%5D=bench&name=Jenny+Rosen"},
		{"SubscriptionCreate", benchSubscriptionCreateParams(),
			"customer=cus_PqR7sT8uV9wX1y&items%5B0%5D%5Bprice%5D=price_1QaBc02eZvKYlo2CpRiCe001&" +
				"items%5B1%5D%5Bprice%5D=price_1QaBc02eZvKYlo2CpRiCe002&items%5B1%5D%5Bquantity%5D=3&" +
				"items%5B2%5D%5Bprice%5D=price_1QaBc02eZvKYlo2CpRiCe003&metadata%5Bplan%5D=pro&" +
				"metadata%5Bseats%5D=4&metadata%5Bsource%5D=bench"},
		{"CustomerList", &CustomerListParams{ListParams: ListParams{Limit: Ptr(int64(100)), StartingAfter: Ptr("cus_bench0099")}},
			"limit=100&starting_after=cus_bench0099"},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			form, err := encodeForm(tc.params)
			if err != nil {
				b.Fatal(err)
			}
			if got := form.Encode(); got != tc.want {
				b.Fatalf("encoded\n%s\nwant\n%s", got, tc.want)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				form, err := encodeForm(tc.params)
				if err != nil {
					b.Fatal(err)
				}
				if len(form.Encode()) != len(tc.want) {
					b.Fatal("wrong encoding")
				}
			}
		})
	}
}

func BenchmarkDecodeInvoice10Lines(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("testdata", "bench_invoice_10_lines.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var inv Invoice
		if err := json.NewDecoder(bytes.NewReader(body)).Decode(&inv); err != nil {
			b.Fatal(err)
		}
		if inv.ID != "in_1QaBcE2eZvKYlo2CmNoPqRsT" || len(inv.Lines.Data) != 10 ||
			inv.Lines.Data[9].ID != "il_1QaBcH2eZvKYlo2CLiNe0010" || inv.Customer.ID != "cus_PqR7sT8uV9wX1y" {
			b.Fatalf("decoded %s with %d lines", inv.ID, len(inv.Lines.Data))
		}
	}
}

// TestEncodeFormMatchesQuerystring holds the planned encoder to
// go-querystring's output, field by field, for every params type filled in
// several ways (all set, all nil, zero values, mixed).
func TestEncodeFormMatchesQuerystring(t *testing.T) {
	t.Parallel()
	all := []any{
		new(BalanceGetParams),
		new(BalanceTransactionGetParams),
		new(BalanceTransactionListParams),
		new(CardCreateParams),
		new(CardGetParams),
		new(CardUpdateParams),
		new(CardListParams),
		new(ChargeShippingParams),
		new(ChargeTransferDataParams),
		new(ChargeCreateParams),
		new(ChargeGetParams),
		new(ChargeFraudDetailsParams),
		new(ChargeUpdateParams),
		new(ChargeCaptureTransferDataParams),
		new(ChargeCaptureParams),
		new(ChargeListParams),
		new(CustomerInvoiceSettingsParams),
		new(CustomerCreateParams),
		new(CustomerGetParams),
		new(CustomerUpdateParams),
		new(CustomerListParams),
		new(InvoiceItemPeriodParams),
		new(InvoiceItemPricingParams),
		new(CardDeleteParams),
		new(CustomerDeleteParams),
		new(InvoiceDeleteParams),
		new(InvoiceItemDeleteParams),
		new(ProductDeleteParams),
		new(EventGetParams),
		new(EventListParams),
		new(InvoiceItemPriceDataParams),
		new(InvoiceItemCreateParams),
		new(InvoiceItemGetParams),
		new(InvoiceItemUpdateParams),
		new(InvoiceItemListParams),
		new(InvoiceAutomaticTaxParams),
		new(InvoiceCustomFieldParams),
		new(InvoiceCreateParams),
		new(InvoiceGetParams),
		new(InvoiceUpdateParams),
		new(InvoiceListParams),
		new(InvoiceFinalizeParams),
		new(InvoiceSendParams),
		new(InvoiceVoidParams),
		new(InvoicePayParams),
		new(AddressParams),
		new(ShippingParams),
		new(ListParams),
		new(SearchParams),
		new(Params),
		new(PaymentIntentAutomaticPaymentMethodsParams),
		new(PaymentIntentCreateParams),
		new(PaymentIntentGetParams),
		new(PaymentIntentUpdateParams),
		new(PaymentIntentConfirmParams),
		new(PaymentIntentCaptureParams),
		new(PaymentIntentCancelParams),
		new(PaymentIntentListParams),
		new(PriceRecurringParams),
		new(PriceProductDataParams),
		new(PriceCustomUnitAmountParams),
		new(PriceTierParams),
		new(PriceTransformQuantityParams),
		new(PriceCreateParams),
		new(PriceGetParams),
		new(PriceUpdateParams),
		new(PriceListRecurringParams),
		new(PriceListParams),
		new(ProductDefaultPriceDataParams),
		new(ProductMarketingFeatureParams),
		new(ProductPackageDimensionsParams),
		new(ProductCreateParams),
		new(ProductGetParams),
		new(ProductUpdateParams),
		new(ProductListParams),
		new(RefundCreateParams),
		new(RefundGetParams),
		new(RefundUpdateParams),
		new(RefundCancelParams),
		new(RefundListParams),
		new(SubscriptionItemParams),
		new(SubscriptionUpdateItemParams),
		new(SubscriptionItemPriceDataParams),
		new(PriceDataRecurringParams),
		new(SubscriptionPaymentSettingsParams),
		new(SubscriptionCancellationDetailsParams),
		new(SubscriptionPauseCollectionParams),
		new(SubscriptionCreateParams),
		new(SubscriptionGetParams),
		new(SubscriptionUpdateParams),
		new(SubscriptionCancelParams),
		new(SubscriptionResumeParams),
		new(SubscriptionListParams),
		new(SubscriptionAddInvoiceItemParams),
		new(SubscriptionAddInvoiceItemPeriodParams),
		new(SubscriptionPeriodBoundParams),
		new(SubscriptionBillingCycleAnchorConfigParams),
		new(SubscriptionBillingModeParams),
		new(SubscriptionBillingModeFlexibleParams),
		new(SubscriptionBillingThresholdsParams),
		new(SubscriptionInvoiceSettingsParams),
		new(SubscriptionPendingInvoiceItemIntervalParams),
		new(SubscriptionTransferDataParams),
		new(SubscriptionTrialSettingsParams),
		new(SubscriptionTrialEndBehaviorParams),
		new(SubscriptionListAutomaticTaxParams),
		new(InvoiceIssuerParams),
		new(RadarOptionsParams),
		new(PaymentIntentAmountDetailsParams),
		new(PaymentIntentAmountDetailsLineItemParams),
		new(PaymentIntentAmountDetailsShippingParams),
		new(PaymentIntentAmountDetailsTaxParams),
		new(PaymentIntentHooksParams),
		new(PaymentIntentHooksInputsParams),
		new(PaymentIntentHooksTaxParams),
		new(PaymentIntentMandateDataParams),
		new(PaymentIntentCustomerAcceptanceParams),
		new(PaymentIntentCustomerAcceptanceOnlineParams),
		new(PaymentIntentPaymentDetailsParams),
		new(PaymentIntentPaymentMethodOptionsParams),
		new(PaymentIntentPaymentMethodOptionsCardParams),
		new(PaymentIntentRadarOptionsParams),
		new(PaymentIntentTransferDataParams),
		new(PaymentIntentUpdateTransferDataParams),
		new(PaymentIntentTransferPaymentDataParams),
		new(PaymentIntentCaptureTransferDataParams),
		new(CardOwnerParams),
		new(InvoiceFromInvoiceParams),
		new(InvoicePaymentSettingsParams),
		new(InvoiceRenderingParams),
		new(InvoiceRenderingPDFParams),
		new(InvoiceShippingCostParams),
		new(InvoiceShippingRateDataParams),
		new(InvoiceShippingFixedAmountParams),
		new(InvoiceShippingDetailsParams),
		new(InvoiceTransferDataParams),
		new(PriceCurrencyOptionParams),
		new(CustomerCashBalanceParams),
		new(CustomerCashBalanceSettingsParams),
		new(CustomerTaxParams),
		new(CustomerTaxIDDataParams),
		new(DisputeEvidenceParams),
		new(DisputeGetParams),
		new(DisputeUpdateParams),
		new(DisputeCloseParams),
		new(DisputeListParams),
		new(SubscriptionItemBillingThresholdsParams),
		new(SubscriptionItemCreateParams),
		new(SubscriptionItemGetParams),
		new(SubscriptionItemUpdateParams),
		new(SubscriptionItemDeleteParams),
		new(SubscriptionItemListParams),
		new(BillingMeterEventCreateParams),
		new(CouponAppliesToParams),
		new(CouponCurrencyOptionParams),
		new(CouponCreateParams),
		new(CouponGetParams),
		new(CouponUpdateParams),
		new(CouponDeleteParams),
		new(CouponListParams),
		new(DiscountParams),
		new(CustomerBalanceTransactionCreateParams),
		new(CustomerBalanceTransactionGetParams),
		new(CustomerBalanceTransactionUpdateParams),
		new(CustomerBalanceTransactionListParams),
		new(DiscountDeleteParams),
		new(TransferCreateParams),
		new(TransferGetParams),
		new(TransferUpdateParams),
		new(TransferListParams),
		new(InvoiceLineTaxRateDataParams),
		new(InvoiceLineTaxAmountParams),
		new(InvoiceLineProductDataParams),
		new(InvoiceLinePriceDataParams),
		new(InvoiceAddLinesLineParams),
		new(InvoiceUpdateLinesLineParams),
		new(InvoiceRemoveLineParams),
		new(InvoiceLineListParams),
		new(InvoiceAddLinesParams),
		new(InvoiceUpdateLinesParams),
		new(InvoiceRemoveLinesParams),
		new(InvoiceLineUpdateParams),
		new(InvoiceMarkUncollectibleParams),
		new(TaxRateCreateParams),
		new(TaxRateGetParams),
		new(TaxRateUpdateParams),
		new(TaxRateListParams),
		new(PromotionCodePromotionParams),
		new(PromotionCodeCurrencyOptionParams),
		new(PromotionCodeRestrictionsParams),
		new(PromotionCodeUpdateRestrictionsParams),
		new(PromotionCodeCreateParams),
		new(PromotionCodeGetParams),
		new(PromotionCodeUpdateParams),
		new(PromotionCodeListParams),
		new(InvoiceCreatePreviewAutomaticTaxParams),
		new(InvoiceCreatePreviewIssuerParams),
		new(InvoiceCreatePreviewTaxParams),
		new(InvoiceCreatePreviewTaxIDParams),
		new(InvoiceCreatePreviewCustomerDetailsParams),
		new(InvoiceCreatePreviewInvoiceItemParams),
		new(InvoiceCreatePreviewSubscriptionDetailsParams),
		new(InvoiceCreatePreviewParams),
		new(PayoutCreateParams),
		new(PayoutGetParams),
		new(PayoutUpdateParams),
		new(PayoutCancelParams),
		new(PayoutReverseParams),
		new(PayoutListParams),
		new(InvoiceCreatePreviewItemParams),
		new(CreditNoteLineTaxAmountParams),
		new(CreditNoteLineParams),
		new(CreditNotePaymentRecordRefundParams),
		new(CreditNoteRefundParams),
		new(CreditNoteShippingCostParams),
		new(CreditNoteCreateParams),
		new(CreditNotePreviewLinesParams),
		new(CreditNoteGetParams),
		new(CreditNoteUpdateParams),
		new(CreditNoteVoidParams),
		new(CreditNoteListParams),
		new(CreditNoteLineListParams),
		new(TaxIDCreateParams),
		new(TaxIDGetParams),
		new(TaxIDDeleteParams),
		new(TaxIDListParams),
		new(PaymentMethodUSBankAccountUpdateParams),
		new(RangeQuery),
		&struct {
			Plain    string `url:"plain"`
			Untagged *int64
			Comma    []string          `url:"comma,comma"`
			When     *time.Time        `url:"when,omitempty"`
			Bare     map[string]string `url:"bare,omitempty"`
			Items    Array[RangeQuery] `url:"items,omitempty"`
		}{},
	}
	all = append(all, reachParamsTypes...) // reach1: params types of its services (reach_params_test.go)
	listed := map[string]bool{}
	for _, params := range all {
		listed[reflect.TypeOf(params).Elem().Name()] = true
	}
	for _, name := range declaredParamsTypes(t) {
		if !listed[name] {
			t.Errorf("%s is not in this test's list of params types", name)
		}
	}
	for _, params := range all {
		for mode := 0; mode < 4; mode++ {
			v := reflect.New(reflect.TypeOf(params).Elem())
			fillParams(v.Elem(), mode, 0)
			want, wantErr := query.Values(v.Interface())
			got, gotErr := encodeForm(v.Interface())
			name := fmt.Sprintf("%T mode %d", params, mode)
			if wantErr != nil || gotErr != nil {
				if (wantErr == nil) != (gotErr == nil) {
					t.Errorf("%s: error %v, go-querystring %v", name, gotErr, wantErr)
				}
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s:\n got %s\nwant %s", name, got.Encode(), want.Encode())
			}
			if mode == 0 && len(got) == 0 && reflect.TypeOf(params).Elem().NumField() > 1 {
				t.Errorf("%s: nothing encoded; the filler missed the fields", name)
			}
		}
	}
}

// declaredParamsTypes lists the struct types named *Params declared in the
// package's non-test files, so a new params type cannot miss the test above.
func declaredParamsTypes(t *testing.T) []string {
	t.Helper()
	pkgs, err := parser.ParseDir(token.NewFileSet(), ".", func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range pkgs["stripe"].Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				if _, isStruct := ts.Type.(*ast.StructType); isStruct && strings.HasSuffix(ts.Name.Name, "Params") && ts.TypeParams == nil {
					names = append(names, ts.Name.Name)
				}
			}
		}
	}
	if len(names) < 50 {
		t.Fatalf("found only %d params types; the parse went wrong", len(names))
	}
	return names
}

// TestArrayElementsMatchQuerystring holds Array's struct elements to the
// old rule: each element's go-querystring keys under items[i].
func TestArrayElementsMatchQuerystring(t *testing.T) {
	t.Parallel()
	for _, elem := range []any{
		new(SubscriptionUpdateItemParams), new(InvoiceCustomFieldParams), new(PriceTierParams),
		new(ProductMarketingFeatureParams), new(RangeQuery),
	} {
		for mode := 0; mode < 4; mode++ {
			v := reflect.New(reflect.TypeOf(elem).Elem()).Elem()
			fillParams(v, mode, 1)
			want := url.Values{}
			sub, err := query.Values(v.Interface())
			if err != nil {
				t.Fatal(err)
			}
			for k, vals := range sub {
				head, rest, _ := strings.Cut(k, "[")
				if rest != "" {
					rest = "[" + rest
				}
				want["items[3]["+head+"]"+rest] = vals
			}
			got := url.Values{}
			if err := encodeStruct(&got, v, "items[3]"); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%T mode %d:\n got %s\nwant %s", elem, mode, got.Encode(), want.Encode())
			}
		}
	}
}

// fillParams sets v's exported fields: mode 0 sets every field, 1 leaves
// pointers nil, 2 sets zero values behind pointers, 3 mixes by field index.
func fillParams(v reflect.Value, mode, depth int) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.PkgPath != "" {
			continue
		}
		m := mode
		if mode == 3 {
			m = (i + depth) % 3
		}
		fillValue(v.Field(i), sf.Name, m, depth)
	}
}

func fillValue(f reflect.Value, name string, mode, depth int) {
	switch f.Kind() {
	case reflect.Pointer:
		if mode == 1 || depth > 3 {
			return
		}
		f.Set(reflect.New(f.Type().Elem()))
		fillValue(f.Elem(), name, mode, depth+1)
	case reflect.Struct:
		if f.Type() == reflect.TypeOf(time.Time{}) {
			f.Set(reflect.ValueOf(time.Unix(1735689600, 0).UTC()))
			return
		}
		fillParams(f, mode, depth+1)
	case reflect.String:
		if mode != 2 {
			f.SetString("v " + name + "/é&[x]")
		}
	case reflect.Bool:
		f.SetBool(mode != 2)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if mode != 2 {
			f.SetInt(int64(100 + depth))
		}
	case reflect.Float32, reflect.Float64:
		if mode != 2 {
			f.SetFloat(12.5)
		}
	case reflect.Map:
		if mode == 1 {
			return
		}
		m := reflect.MakeMap(f.Type())
		if mode == 0 && f.Type().Elem().Kind() == reflect.String {
			m.SetMapIndex(reflect.ValueOf("a").Convert(f.Type().Key()), reflect.ValueOf("1").Convert(f.Type().Elem()))
			m.SetMapIndex(reflect.ValueOf("b").Convert(f.Type().Key()), reflect.ValueOf("").Convert(f.Type().Elem()))
		} else if mode == 0 {
			// Non-string values (map[string]int64, maps of params structs
			// such as currency_options): two filled values.
			for _, k := range []string{"a", "b"} {
				e := reflect.New(f.Type().Elem()).Elem()
				fillValue(e, name, 0, depth+1)
				m.SetMapIndex(reflect.ValueOf(k).Convert(f.Type().Key()), e)
			}
		}
		f.Set(m)
	case reflect.Slice:
		if mode == 1 || depth > 3 {
			return
		}
		n := 2
		if mode == 2 {
			n = 0
		}
		s := reflect.MakeSlice(f.Type(), n, n)
		for j := 0; j < n; j++ {
			fillValue(s.Index(j), name, 0, depth+1)
		}
		f.Set(s)
	}
}

// lengthTransport answers every request with body, declaring length as its
// Content-Length (-1: unknown).
type lengthTransport struct {
	body   string
	length int64
}

func (lt lengthTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: http.StatusOK, Header: http.Header{"Request-Id": {"req_len"}},
		Body: io.NopCloser(strings.NewReader(lt.body)), ContentLength: lt.length, Request: req,
	}, nil
}

// TestDecodeKnownLengthMatchesStream holds the pooled-buffer decoding of
// bodies with a known length to what json.Decoder on the stream gives.
func TestDecodeKnownLengthMatchesStream(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body string
		length     int64 // declared; 0 means len(body)
	}{
		{name: "ok", body: `{"id":"cus_1","email":"a@example.com"}`},
		{name: "trailing data", body: `{"id":"cus_1"} {"id":"cus_2"}`},
		{name: "trailing garbage", body: `{"id":"cus_1"}xyz`},
		{name: "type error", body: `{"id":5,"email":"a@example.com"}`},
		{name: "syntax error", body: `{"id":"cus_1",}`},
		{name: "truncated", body: `{"id":"cus_1","email":`},
		{name: "short body", body: `{"id":"cus_1"}`, length: 40},
		{name: "long body", body: `{"id":"cus_1"}   {"x":1}`, length: 10},
		{name: "over the limit", body: `{"id":"cus_1","email":"a@example.com"}`, length: 1 << 30},
	} {
		get := func(length int64) (*Customer, string) {
			c, err := NewClient(testKey, WithRateLimit(rate.Inf, rate.Inf), WithMaxRetries(0), WithMaxResponseBytes(1<<20),
				WithHTTPClient(&http.Client{Transport: lengthTransport{tc.body, length}}))
			if err != nil {
				t.Fatal(err)
			}
			cus, err := c.Customers.Get(context.Background(), "cus_1", nil)
			if err != nil {
				return cus, err.Error()
			}
			return cus, ""
		}
		length := tc.length
		if length == 0 {
			length = int64(len(tc.body))
		}
		wantCus, wantErr := get(-1)
		gotCus, gotErr := get(length)
		if gotErr != wantErr || !reflect.DeepEqual(gotCus, wantCus) {
			t.Errorf("%s: got %+v, %q; the stream gives %+v, %q", tc.name, gotCus, gotErr, wantCus, wantErr)
		}
	}
}

// staticTransport answers every request with body, without a network.
type staticTransport struct{ body []byte }

func (s staticTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: http.StatusOK, ContentLength: int64(len(s.body)), Request: req,
		Header: http.Header{"Content-Type": {"application/json"}, "Request-Id": {"req_bench"}},
		Body:   io.NopCloser(bytes.NewReader(s.body)),
	}, nil
}

// BenchmarkCallCustomerGet is one typed call through the request path
// without a network. NoHook is the cost every call pays; its allocations
// must not grow when a feature (the response hook) is added that a call
// does not use.
func BenchmarkCallCustomerGet(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("testdata", "customer.json"))
	if err != nil {
		b.Fatal(err)
	}
	c, err := NewClient(testKey, WithHTTPClient(&http.Client{Transport: staticTransport{body}}), WithRateLimit(rate.Inf, rate.Inf))
	if err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B, ctx context.Context) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			cus, err := c.Customers.Get(ctx, "cus_NffrFeUfNV2Hib", nil)
			if err != nil || cus.ID == "" {
				b.Fatal(cus, err)
			}
		}
	}
	b.Run("NoHook", func(b *testing.B) { run(b, context.Background()) })
	b.Run("WithResponse", func(b *testing.B) {
		var resp Response
		run(b, WithResponse(context.Background(), &resp))
	})
}
