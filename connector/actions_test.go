package connector

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantReq is a request an action must send: method, escaped path, and the
// exact decoded form body (POST) or query (GET, DELETE).
type wantReq struct {
	method string
	path   string
	values url.Values
}

// actionCase is one config run through an action against fixtures.
type actionCase struct {
	name    string
	config  string
	replies []string // fixture names in ../testdata, one per request
	reqs    []wantReq
	// check inspects the output as JSON; nil compares the output's id,
	// object and list data IDs with the last reply.
	check func(t *testing.T, out map[string]any)
}

// vals builds url.Values from key, value pairs.
func vals(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

func get(path string, kv ...string) wantReq  { return wantReq{http.MethodGet, path, vals(kv...)} }
func post(path string, kv ...string) wantReq { return wantReq{http.MethodPost, path, vals(kv...)} }
func del(path string, kv ...string) wantReq  { return wantReq{http.MethodDelete, path, vals(kv...)} }

// actionCasesA covers the first 32 actions; actionCases merges it with
// actionCasesB.
var actionCasesA = map[string][]actionCase{
	"stripe.getCustomer": {{
		config:  `{"customerId": "cus_NffrFeUfNV2Hib"}`,
		replies: []string{"customer.json"},
		reqs:    []wantReq{get("/v1/customers/cus_NffrFeUfNV2Hib")},
	}, {
		name:    "id is path-escaped",
		config:  `{"customerId": "cus_1/../x"}`,
		replies: []string{"customer.json"},
		reqs:    []wantReq{get("/v1/customers/cus_1%2F..%2Fx")},
	}},
	"stripe.createCustomer": {{
		config: `{"email": "jenny@example.com", "name": "Jenny Rosen", "description": "", "phone": "+15555550100",
			"address": {"line1": "1 Main St", "city": "Berlin", "postalCode": "10117", "country": "DE"},
			"metadata": {"order_id": "A-1"}, "taxExempt": "none", "source": "tok_visa"}`,
		replies: []string{"customer.json"},
		reqs: []wantReq{post("/v1/customers",
			"email", "jenny@example.com", "name", "Jenny Rosen", "description", "", "phone", "+15555550100",
			"address[line1]", "1 Main St", "address[city]", "Berlin", "address[postal_code]", "10117", "address[country]", "DE",
			"metadata[order_id]", "A-1", "tax_exempt", "none", "source", "tok_visa")},
	}, {
		name:    "empty config creates an empty customer",
		config:  `{}`,
		replies: []string{"customer.json"},
		reqs:    []wantReq{post("/v1/customers")},
	}},
	"stripe.updateCustomer": {{
		config:  `{"customerId": "cus_NffrFeUfNV2Hib", "email": "new@example.com", "metadata": {"order_id": ""}, "defaultSource": "card_1"}`,
		replies: []string{"customer.json"},
		reqs: []wantReq{post("/v1/customers/cus_NffrFeUfNV2Hib",
			"email", "new@example.com", "metadata[order_id]", "", "default_source", "card_1")},
	}},
	"stripe.listCustomers": {{
		config:  `{"email": "jenny@example.com", "limit": 3, "startingAfter": "cus_000"}`,
		replies: []string{"customers_page1.json"},
		reqs:    []wantReq{get("/v1/customers", "email", "jenny@example.com", "limit", "3", "starting_after", "cus_000")},
	}, {
		name:    "returnAll walks every page",
		config:  `{"limit": 3, "returnAll": true}`,
		replies: []string{"customers_page1.json", "customers_page2.json", "customers_page3.json"},
		reqs: []wantReq{
			get("/v1/customers", "limit", "3"),
			get("/v1/customers", "limit", "3", "starting_after", "cus_003"),
			get("/v1/customers", "limit", "3", "starting_after", "cus_006"),
		},
		check: func(t *testing.T, out map[string]any) {
			assert.Equal(t, false, out["has_more"])
			assert.Equal(t, []string{"cus_001", "cus_002", "cus_003", "cus_004", "cus_005", "cus_006", "cus_007", "cus_008"}, dataIDs(out))
		},
	}},
	"stripe.findCustomer": {{
		config:  `{"email": "jenny@example.com"}`,
		replies: []string{"customers_page1.json"},
		reqs:    []wantReq{get("/v1/customers", "email", "jenny@example.com", "limit", "1")},
		check: func(t *testing.T, out map[string]any) {
			assert.Equal(t, true, out["found"])
			assert.Equal(t, "cus_001", out["customer"].(map[string]any)["id"])
		},
	}, {
		name:    "not found",
		config:  `{"email": "nobody@example.com"}`,
		replies: []string{"customers_empty"},
		reqs:    []wantReq{get("/v1/customers", "email", "nobody@example.com", "limit", "1")},
		check: func(t *testing.T, out map[string]any) {
			assert.Equal(t, map[string]any{"found": false, "customer": nil}, out)
		},
	}, {
		name:    "by name and metadata: search",
		config:  `{"name": "Jenny Rosen", "email": "jenny@example.com", "metadata": {"z": "1", "crm_id": "42"}}`,
		replies: []string{"customers_page1.json"},
		reqs: []wantReq{get("/v1/customers/search", "limit", "1",
			"query", `email:'jenny@example.com' AND name:'Jenny Rosen' AND metadata['crm_id']:'42' AND metadata['z']:'1'`)},
	}},
	"stripe.getCard": {{
		config:  `{"customerId": "cus_NffrFeUfNV2Hib", "cardId": "card_1NGTaT2eZvKYlo2CZWSctn5n"}`,
		replies: []string{"card_visa.json"},
		reqs:    []wantReq{get("/v1/customers/cus_NffrFeUfNV2Hib/sources/card_1NGTaT2eZvKYlo2CZWSctn5n")},
	}},
	"stripe.listCards": {{
		config:  `{"customerId": "cus_NffrFeUfNV2Hib", "limit": 2}`,
		replies: []string{"cards_page1.json"},
		reqs:    []wantReq{get("/v1/customers/cus_NffrFeUfNV2Hib/sources", "object", "card", "limit", "2")},
	}, {
		name:    "returnAll",
		config:  `{"customerId": "cus_NffrFeUfNV2Hib", "limit": 2, "returnAll": true}`,
		replies: []string{"cards_page1.json", "cards_page2.json"},
		reqs: []wantReq{
			get("/v1/customers/cus_NffrFeUfNV2Hib/sources", "object", "card", "limit", "2"),
			get("/v1/customers/cus_NffrFeUfNV2Hib/sources", "object", "card", "limit", "2", "starting_after", "card_1NGTb22eZvKYlo2CpAgeS0Yq"),
		},
		check: func(t *testing.T, out map[string]any) {
			assert.Equal(t, []string{"card_1NGTb32eZvKYlo2CpAgeS0Yq", "card_1NGTb22eZvKYlo2CpAgeS0Yq", "card_1NGTb12eZvKYlo2CpAgeS0Yq"}, dataIDs(out))
			assert.Equal(t, false, out["has_more"])
		},
	}},
	"stripe.addCard": {{
		config:  `{"customerId": "cus_NffrFeUfNV2Hib", "sourceToken": "tok_visa", "metadata": {"k": "v"}}`,
		replies: []string{"card_visa.json"},
		reqs:    []wantReq{post("/v1/customers/cus_NffrFeUfNV2Hib/sources", "source", "tok_visa", "metadata[k]", "v")},
	}},
	"stripe.removeCard": {{
		config:  `{"customerId": "cus_NffrFeUfNV2Hib", "cardId": "card_1NGTaT2eZvKYlo2CZWSctn5n"}`,
		replies: []string{"card_deleted.json"},
		reqs:    []wantReq{del("/v1/customers/cus_NffrFeUfNV2Hib/sources/card_1NGTaT2eZvKYlo2CZWSctn5n")},
		check: func(t *testing.T, out map[string]any) {
			assert.Equal(t, true, out["deleted"])
			assert.Equal(t, "card_1NGTaT2eZvKYlo2CZWSctn5n", out["id"])
		},
	}},
	"stripe.createInvoice": {{
		config: `{"customerId": "cus_123", "autoAdvance": false, "collectionMethod": "send_invoice",
			"daysUntilDue": 30, "description": "Invoice for services", "metadata": {"order_id": "A-1"}}`,
		replies: []string{"invoice_draft.json"},
		reqs: []wantReq{post("/v1/invoices", "customer", "cus_123", "auto_advance", "false",
			"collection_method", "send_invoice", "days_until_due", "30", "description", "Invoice for services",
			"metadata[order_id]", "A-1")},
	}, {
		name: "more fields",
		config: `{"customerId": "cus_123", "currency": "eur", "collectionMethod": "send_invoice", "dueDate": 1.7e9, "footer": "Thanks",
			"defaultPaymentMethodId": "pm_1", "subscriptionId": "sub_1", "pendingInvoiceItemsBehavior": "include"}`,
		replies: []string{"invoice_draft.json"},
		reqs: []wantReq{post("/v1/invoices", "customer", "cus_123", "currency", "eur", "collection_method", "send_invoice", "due_date", "1700000000",
			"footer", "Thanks", "default_payment_method", "pm_1", "subscription", "sub_1",
			"pending_invoice_items_behavior", "include")},
	}},
	"stripe.createInvoiceItem": {{
		config:  `{"customerId": "cus_123", "amount": 1000, "currency": "usd", "description": "Consulting", "invoiceId": "in_1"}`,
		replies: []string{"invoiceitem.json"},
		reqs: []wantReq{post("/v1/invoiceitems", "customer", "cus_123", "amount", "1000", "currency", "usd",
			"description", "Consulting", "invoice", "in_1")},
	}, {
		name:    "by price",
		config:  `{"customerId": "cus_123", "priceId": "price_1", "quantity": 3, "subscriptionId": "sub_1", "metadata": {"a": "b"}}`,
		replies: []string{"invoiceitem.json"},
		reqs: []wantReq{post("/v1/invoiceitems", "customer", "cus_123", "pricing[price]", "price_1", "quantity", "3",
			"subscription", "sub_1", "metadata[a]", "b")},
	}},
	"stripe.getInvoice": {{
		config:  `{"invoiceId": "in_1QaBcE2eZvKYlo2CmNoPqRsT"}`,
		replies: []string{"invoice.json"},
		reqs:    []wantReq{get("/v1/invoices/in_1QaBcE2eZvKYlo2CmNoPqRsT")},
	}},
	"stripe.listInvoices": {{
		config:  `{"customerId": "cus_123", "subscriptionId": "sub_1", "status": "open", "collectionMethod": "send_invoice", "limit": 2}`,
		replies: []string{"invoices_page1.json"},
		reqs: []wantReq{get("/v1/invoices", "customer", "cus_123", "subscription", "sub_1", "status", "open",
			"collection_method", "send_invoice", "limit", "2")},
	}},
	"stripe.finalizeInvoice": {{
		config:  `{"invoiceId": "in_1QaBcJ2eZvKYlo2CdRaFt001", "autoAdvance": true}`,
		replies: []string{"invoice_finalized.json"},
		reqs:    []wantReq{post("/v1/invoices/in_1QaBcJ2eZvKYlo2CdRaFt001/finalize", "auto_advance", "true")},
	}},
	"stripe.sendInvoice": {{
		config:  `{"invoiceId": "in_1QaBcJ2eZvKYlo2CdRaFt001"}`,
		replies: []string{"invoice_finalized.json"},
		reqs:    []wantReq{post("/v1/invoices/in_1QaBcJ2eZvKYlo2CdRaFt001/send")},
	}},
	"stripe.voidInvoice": {{
		config:  `{"invoiceId": "in_1QaBcJ2eZvKYlo2CdRaFt001"}`,
		replies: []string{"invoice_void.json"},
		reqs:    []wantReq{post("/v1/invoices/in_1QaBcJ2eZvKYlo2CdRaFt001/void")},
	}},
	"stripe.createPaymentIntent": {{
		config: `{"amount": 2000, "currency": "usd", "customerId": "cus_NffrFeUfNV2Hib", "description": "Order A-1",
			"paymentMethodTypes": ["card"], "captureMethod": "manual", "receiptEmail": "jenny@example.com",
			"setupFutureUsage": "off_session", "statementDescriptorSuffix": "A1", "metadata": {"order_id": "A-1"}}`,
		replies: []string{"payment_intent.json"},
		reqs: []wantReq{post("/v1/payment_intents", "amount", "2000", "currency", "usd", "customer", "cus_NffrFeUfNV2Hib",
			"description", "Order A-1", "payment_method_types[0]", "card", "capture_method", "manual",
			"receipt_email", "jenny@example.com", "setup_future_usage", "off_session",
			"statement_descriptor_suffix", "A1", "metadata[order_id]", "A-1")},
		check: func(t *testing.T, out map[string]any) {
			assert.Equal(t, "pi_3MtwBwLkdIwHu7ix28a3tqPa", out["id"])
			assert.Contains(t, out["client_secret"], "_secret_", "the client secret is the caller's, as Stripe sent it")
		},
	}, {
		name:    "confirm now with automatic payment methods",
		config:  `{"amount": 1e3, "currency": "eur", "paymentMethodId": "pm_card_visa", "automaticPaymentMethods": true, "confirm": true, "offSession": true, "returnUrl": "https://example.com/back"}`,
		replies: []string{"payment_intent.json"},
		reqs: []wantReq{post("/v1/payment_intents", "amount", "1000", "currency", "eur", "payment_method", "pm_card_visa",
			"automatic_payment_methods[enabled]", "true", "confirm", "true", "off_session", "true",
			"return_url", "https://example.com/back")},
	}},
	"stripe.getPaymentIntent": {{
		config:  `{"paymentIntentId": "pi_3MtwBwLkdIwHu7ix28a3tqPa"}`,
		replies: []string{"payment_intent.json"},
		reqs:    []wantReq{get("/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa")},
	}},
	"stripe.confirmPaymentIntent": {{
		config:  `{"paymentIntentId": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "paymentMethodId": "pm_card_visa", "returnUrl": "https://example.com/back", "offSession": false, "receiptEmail": "j@example.com"}`,
		replies: []string{"payment_intent.json"},
		reqs: []wantReq{post("/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa/confirm", "payment_method", "pm_card_visa",
			"return_url", "https://example.com/back", "off_session", "false", "receipt_email", "j@example.com")},
	}},
	"stripe.capturePaymentIntent": {{
		config:  `{"paymentIntentId": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "amountToCapture": 1500, "finalCapture": true, "metadata": {"k": "v"}}`,
		replies: []string{"payment_intent_captured.json"},
		reqs: []wantReq{post("/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa/capture", "amount_to_capture", "1500",
			"final_capture", "true", "metadata[k]", "v")},
	}},
	"stripe.cancelPaymentIntent": {{
		config:  `{"paymentIntentId": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "cancellationReason": "requested_by_customer"}`,
		replies: []string{"payment_intent_canceled.json"},
		reqs:    []wantReq{post("/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa/cancel", "cancellation_reason", "requested_by_customer")},
	}},
	"stripe.listPaymentIntents": {{
		config:  `{"customerId": "cus_NffrFeUfNV2Hib", "limit": 2, "startingAfter": "pi_0"}`,
		replies: []string{"payment_intents_page1.json"},
		reqs:    []wantReq{get("/v1/payment_intents", "customer", "cus_NffrFeUfNV2Hib", "limit", "2", "starting_after", "pi_0")},
	}},
	"stripe.createSubscription": {{
		config: `{"customerId": "cus_PqR7sT8uV9wX1y", "items": [{"price": "price_1", "quantity": 2}, {"price": "price_2", "metadata": {"seat": "x"}}],
			"trialPeriodDays": 14, "collectionMethod": "send_invoice", "daysUntilDue": 7, "paymentBehavior": "default_incomplete",
			"cancelAtPeriodEnd": false, "description": "Gold", "metadata": {"order_id": "A-1"}}`,
		replies: []string{"subscription.json"},
		reqs: []wantReq{post("/v1/subscriptions", "customer", "cus_PqR7sT8uV9wX1y",
			"items[0][price]", "price_1", "items[0][quantity]", "2", "items[1][price]", "price_2", "items[1][metadata][seat]", "x",
			"trial_period_days", "14", "collection_method", "send_invoice", "days_until_due", "7",
			"payment_behavior", "default_incomplete", "cancel_at_period_end", "false", "description", "Gold",
			"metadata[order_id]", "A-1")},
	}},
	"stripe.getSubscription": {{
		config:  `{"subscriptionId": "sub_1QaBcD2eZvKYlo2C3fGhIjKl"}`,
		replies: []string{"subscription.json"},
		reqs:    []wantReq{get("/v1/subscriptions/sub_1QaBcD2eZvKYlo2C3fGhIjKl")},
	}},
	"stripe.updateSubscription": {{
		config: `{"subscriptionId": "sub_1QaBcD2eZvKYlo2C3fGhIjKl", "items": [{"id": "si_1", "quantity": 5}, {"id": "si_2", "deleted": true}, {"price": "price_3"}],
			"prorationBehavior": "none", "cancelAtPeriodEnd": true, "defaultPaymentMethodId": "pm_1", "trialEnd": 1700000000}`,
		replies: []string{"subscription.json"},
		reqs: []wantReq{post("/v1/subscriptions/sub_1QaBcD2eZvKYlo2C3fGhIjKl",
			"items[0][id]", "si_1", "items[0][quantity]", "5", "items[1][id]", "si_2", "items[1][deleted]", "true",
			"items[2][price]", "price_3", "proration_behavior", "none", "cancel_at_period_end", "true",
			"default_payment_method", "pm_1", "trial_end", "1700000000")},
	}},
	"stripe.cancelSubscription": {{
		config:  `{"subscriptionId": "sub_1QaBcD2eZvKYlo2C3fGhIjKl", "invoiceNow": true, "prorate": false}`,
		replies: []string{"subscription_canceled.json"},
		reqs:    []wantReq{del("/v1/subscriptions/sub_1QaBcD2eZvKYlo2C3fGhIjKl", "invoice_now", "true", "prorate", "false")},
	}},
	"stripe.listSubscriptions": {{
		config:  `{"customerId": "cus_PqR7sT8uV9wX1y", "priceId": "price_1", "status": "all", "limit": 2}`,
		replies: []string{"subscriptions_page1.json"},
		reqs:    []wantReq{get("/v1/subscriptions", "customer", "cus_PqR7sT8uV9wX1y", "price", "price_1", "status", "all", "limit", "2")},
	}},
	"stripe.getBalance": {{
		config:  `{}`,
		replies: []string{"balance.json"},
		reqs:    []wantReq{get("/v1/balance")},
		check: func(t *testing.T, out map[string]any) {
			assert.Equal(t, "balance", out["object"])
			assert.NotEmpty(t, out["available"])
		},
	}},
	"stripe.listBalanceTransactions": {{
		config:  `{"type": "charge", "currency": "usd", "payoutId": "po_1", "sourceId": "ch_1", "limit": 2}`,
		replies: []string{"balance_transactions_page1.json"},
		reqs: []wantReq{get("/v1/balance_transactions", "type", "charge", "currency", "usd", "payout", "po_1",
			"source", "ch_1", "limit", "2")},
	}},
	"stripe.createCharge": {{
		config: `{"amount": 2000, "currency": "usd", "customerId": "cus_NffrFeUfNV2Hib", "source": "card_1", "description": "Order A-1",
			"receiptEmail": "j@example.com", "capture": false, "statementDescriptorSuffix": "A1", "metadata": {"order_id": "A-1"}}`,
		replies: []string{"charge.json"},
		reqs: []wantReq{post("/v1/charges", "amount", "2000", "currency", "usd", "customer", "cus_NffrFeUfNV2Hib",
			"source", "card_1", "description", "Order A-1", "receipt_email", "j@example.com", "capture", "false",
			"statement_descriptor_suffix", "A1", "metadata[order_id]", "A-1")},
	}},
	"stripe.createProduct": {{
		config: `{"name": "Gold plan", "description": "Best", "active": true, "images": ["https://example.com/a.png"],
			"unitLabel": "seat", "url": "https://example.com", "statementDescriptor": "GOLD", "taxCode": "txcd_10000000", "metadata": {"k": "v"}}`,
		replies: []string{"product.json"},
		reqs: []wantReq{post("/v1/products", "name", "Gold plan", "description", "Best", "active", "true",
			"images[0]", "https://example.com/a.png", "unit_label", "seat", "url", "https://example.com",
			"statement_descriptor", "GOLD", "tax_code", "txcd_10000000", "metadata[k]", "v")},
	}},
	"stripe.createRefund": {{
		config:  `{"chargeId": "ch_3MmlLrLkdIwHu7ix0snN0B15", "amount": 1000, "reason": "requested_by_customer", "metadata": {"k": "v"}}`,
		replies: []string{"refund.json"},
		reqs: []wantReq{post("/v1/refunds", "charge", "ch_3MmlLrLkdIwHu7ix0snN0B15", "amount", "1000",
			"reason", "requested_by_customer", "metadata[k]", "v")},
	}, {
		name:    "by payment intent",
		config:  `{"paymentIntentId": "pi_1"}`,
		replies: []string{"refund.json"},
		reqs:    []wantReq{post("/v1/refunds", "payment_intent", "pi_1")},
	}},
}

// replyBody returns the fixture, or an inline body for names without .json.
func replyBody(t *testing.T, name string) string {
	if name == "customers_empty" {
		return `{"object": "list", "data": [], "has_more": false, "url": "/v1/customers"}`
	}
	return fixture(t, name)
}

func dataIDs(out map[string]any) []string {
	var ids []string
	data, _ := out["data"].([]any)
	for _, d := range data {
		ids = append(ids, d.(map[string]any)["id"].(string))
	}
	return ids
}

func toMap(t *testing.T, v any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	return m
}

func TestActions(t *testing.T) {
	t.Parallel()
	for name, cases := range actionCases {
		for _, tc := range cases {
			t.Run(strings.TrimPrefix(name, "stripe.")+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				c, mt := newTestClient(t)
				var bodies []string
				for _, r := range tc.replies {
					bodies = append(bodies, withUnmodeled(t, replyBody(t, r)))
				}
				rec := record(mt, bodies...)

				out, err := Run(context.Background(), c, name, json.RawMessage(tc.config))
				require.NoError(t, err)

				got := rec.sent()
				require.Len(t, got, len(tc.reqs))
				for i, want := range tc.reqs {
					assert.Equal(t, want.method, got[i].Method, "request %d", i)
					assert.Equal(t, want.path, got[i].Path, "request %d", i)
					if want.method == http.MethodPost {
						assert.Equal(t, want.values, got[i].Form, "request %d form", i)
						assert.Empty(t, got[i].Query, "request %d query", i)
					} else {
						assert.Equal(t, want.values, got[i].Query, "request %d query", i)
						assert.Empty(t, got[i].Form, "request %d form", i)
					}
				}

				// The output is the body Stripe sent, byte for byte (a
				// returnAll list: every page's objects as sent, in one list).
				raw, ok := out.(json.RawMessage)
				require.True(t, ok, "output is %T, want json.RawMessage", out)
				var want any
				switch {
				case strings.Contains(tc.config, `"returnAll": true`):
					want = joinedPages(t, bodies)
				case strings.HasPrefix(name, "stripe.find"):
					want = foundIn(t, findKeys[name], bodies[len(bodies)-1])
				default:
					assert.Equal(t, bodies[len(bodies)-1], string(raw), "the exact bytes Stripe sent")
					require.NoError(t, json.Unmarshal([]byte(bodies[len(bodies)-1]), &want))
				}
				var have any
				require.NoError(t, json.Unmarshal(raw, &have))
				assert.Equal(t, want, have, "output equals the body as JSON values")
				if tc.check != nil {
					tc.check(t, toMap(t, out))
				}
			})
		}
	}
}

// unmodeled adds to an object a field no SDK type models and a null, the
// two things re-marshalling a typed struct would lose.
func unmodeled(obj map[string]any) {
	obj["x_unmodeled_field"] = map[string]any{"nested": []any{1.0, nil, "s"}, "flag": false}
	obj["x_null_field"] = nil
}

// withUnmodeled returns a fixture with unmodeled fields and nulls added to
// the object, or to a list and each of its objects.
func withUnmodeled(t *testing.T, body string) string {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(body), &m))
	unmodeled(m)
	if data, ok := m["data"].([]any); ok {
		for _, d := range data {
			if obj, ok := d.(map[string]any); ok {
				unmodeled(obj)
			}
		}
	}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	return string(b)
}

// joinedPages is the list object returnAll outputs for pages.
func joinedPages(t *testing.T, pages []string) any {
	t.Helper()
	var first map[string]any
	require.NoError(t, json.Unmarshal([]byte(pages[0]), &first))
	data := []any{}
	for _, p := range pages {
		var page map[string]any
		require.NoError(t, json.Unmarshal([]byte(p), &page))
		data = append(data, page["data"].([]any)...)
	}
	first["data"], first["has_more"] = data, false
	return first
}

// findKeys names the object a find action outputs.
var findKeys = map[string]string{
	"stripe.findCustomer": "customer", "stripe.findPaymentIntent": "paymentIntent",
	"stripe.findSubscription": "subscription", "stripe.findInvoice": "invoice",
}

// foundIn is what a find action outputs for a page: the first object.
func foundIn(t *testing.T, key, page string) any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(page), &m))
	data := m["data"].([]any)
	if len(data) == 0 {
		return map[string]any{"found": false, key: nil}
	}
	return map[string]any{"found": true, key: data[0]}
}

// TestActionsStripeError checks that a Stripe error comes back as
// *stripe.Error and maps to the documented JSON shape.
func TestActionsStripeError(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := record(mt, fixture(t, "error_card_declined.json"))
	rec.status = http.StatusPaymentRequired
	_, err := Run(context.Background(), c, "stripe.createCharge", json.RawMessage(`{"amount": 100, "currency": "usd", "source": "tok_chargeDeclined"}`))
	require.Error(t, err)
	info := ErrorInfoOf(err)
	assert.Equal(t, "card_error", info.Type)
	assert.Equal(t, "card_declined", info.Code)
	assert.Equal(t, "req_test_1", info.RequestID)
	assert.Equal(t, http.StatusPaymentRequired, info.HTTPStatus)
	assert.NotEmpty(t, info.Message)
	assert.Len(t, rec.sent(), 1)
}

func TestRunUnknownAction(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := record(mt)
	_, err := Run(context.Background(), c, "stripe.nope", nil)
	var ce *ConfigError
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, CodeUnknownAction, ce.Code)
	assert.Empty(t, rec.sent())
}
