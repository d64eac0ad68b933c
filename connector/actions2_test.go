package connector

import (
	"maps"
	"testing"

	"github.com/stretchr/testify/assert"
)

// actionCases holds at least one case per catalog action (the catalog test
// checks that); the bad-config tests derive their configs from the first.
var actionCases = mergeCases(actionCasesA, actionCasesB)

func mergeCases(ms ...map[string][]actionCase) map[string][]actionCase {
	out := map[string][]actionCase{}
	for _, m := range ms {
		for k := range m {
			if _, dup := out[k]; dup {
				panic("action cases for " + k + " declared twice")
			}
		}
		maps.Copy(out, m)
	}
	return out
}

// actionCasesB covers the actions of every remaining service method.
var actionCasesB = map[string][]actionCase{
	"stripe.findPaymentIntent": {{
		config:  `{"status": "succeeded", "amount": 2000, "currency": "usd", "customerId": "cus_1", "metadata": {"order": "A'1"}}`,
		replies: []string{"payment_intents_page1.json"},
		reqs: []wantReq{get("/v1/payment_intents/search", "limit", "1",
			"query", `status:'succeeded' AND amount:2000 AND currency:'usd' AND customer:'cus_1' AND metadata['order']:'A\'1'`)},
	}},
	"stripe.findSubscription": {{
		config:  `{"status": "past_due"}`,
		replies: []string{"subscriptions_page1.json"},
		reqs:    []wantReq{get("/v1/subscriptions/search", "limit", "1", "query", `status:'past_due'`)},
	}},
	"stripe.findInvoice": {{
		config:  `{"number": "DEMO-0001"}`,
		replies: []string{"invoices_page1.json"},
		reqs:    []wantReq{get("/v1/invoices/search", "limit", "1", "query", `number:'DEMO-0001'`)},
	}, {
		name:    "not found",
		config:  `{"number": "NOPE-1"}`,
		replies: []string{"customers_empty"},
		reqs:    []wantReq{get("/v1/invoices/search", "limit", "1", "query", `number:'NOPE-1'`)},
	}},
	"stripe.createCoupon": {{
		config: `{"percentOff": 12.5, "duration": "repeating", "durationInMonths": 3, "id": "SUMMER", "name": "Summer",
			"maxRedemptions": 100, "redeemBy": 1700000000, "appliesToProducts": ["prod_1"], "metadata": {"k": "v"}}`,
		replies: []string{"coupon.json"},
		reqs: []wantReq{post("/v1/coupons", "percent_off", "12.5", "duration", "repeating", "duration_in_months", "3",
			"id", "SUMMER", "name", "Summer", "max_redemptions", "100", "redeem_by", "1700000000",
			"applies_to[products][0]", "prod_1", "metadata[k]", "v")},
	}, {
		name:    "amount off",
		config:  `{"amountOff": 1000, "currency": "usd"}`,
		replies: []string{"coupon_amount_off.json"},
		reqs:    []wantReq{post("/v1/coupons", "amount_off", "1000", "currency", "usd")},
	}},
	"stripe.deleteCustomer": {{
		config:  `{"customerId": "cus_NffrFeUfNV2Hib"}`,
		replies: []string{"customer_deleted.json"},
		reqs:    []wantReq{del("/v1/customers/cus_NffrFeUfNV2Hib")},
		check: func(t *testing.T, out map[string]any) {
			assert.Equal(t, true, out["deleted"])
			assert.Equal(t, "cus_NffrFeUfNV2Hib", out["id"])
		},
	}},
	"stripe.updateCard": {{
		config: `{"customerId": "cus_NffrFeUfNV2Hib", "cardId": "card_1NGTaT2eZvKYlo2CZWSctn5n", "expMonth": 3, "expYear": 2031,
			"name": "Jenny Rosen", "addressLine1": "1 Main St", "addressLine2": "", "addressCity": "Berlin", "addressState": "BE",
			"addressZip": "10117", "addressCountry": "DE", "metadata": {"k": "v"}}`,
		replies: []string{"card_updated.json"},
		reqs: []wantReq{post("/v1/customers/cus_NffrFeUfNV2Hib/sources/card_1NGTaT2eZvKYlo2CZWSctn5n",
			"exp_month", "3", "exp_year", "2031", "name", "Jenny Rosen", "address_line1", "1 Main St", "address_line2", "",
			"address_city", "Berlin", "address_state", "BE", "address_zip", "10117", "address_country", "DE", "metadata[k]", "v")},
	}},
	"stripe.getCharge": {{
		config:  `{"chargeId": "ch_3MmlLrLkdIwHu7ix0snN0B15"}`,
		replies: []string{"charge.json"},
		reqs:    []wantReq{get("/v1/charges/ch_3MmlLrLkdIwHu7ix0snN0B15")},
	}},
	"stripe.listCharges": {{
		config:  `{"customerId": "cus_1", "paymentIntentId": "pi_1", "transferGroup": "g1", "limit": 2}`,
		replies: []string{"charges_page1.json"},
		reqs:    []wantReq{get("/v1/charges", "customer", "cus_1", "payment_intent", "pi_1", "transfer_group", "g1", "limit", "2")},
	}, {
		name:    "returnAll",
		config:  `{"limit": 2, "returnAll": true}`,
		replies: []string{"charges_page1.json", "charges_page2.json"},
		reqs:    []wantReq{get("/v1/charges", "limit", "2"), get("/v1/charges", "limit", "2", "starting_after", "ch_002")},
		check: func(t *testing.T, out map[string]any) {
			assert.Equal(t, []string{"ch_001", "ch_002", "ch_003"}, dataIDs(out))
			assert.Equal(t, false, out["has_more"])
		},
	}},
	"stripe.updateCharge": {{
		config:  `{"chargeId": "ch_1", "customerId": "cus_1", "description": "", "receiptEmail": "j@example.com", "transferGroup": "g1", "metadata": {"a": ""}}`,
		replies: []string{"charge.json"},
		reqs: []wantReq{post("/v1/charges/ch_1", "customer", "cus_1", "description", "", "receipt_email", "j@example.com",
			"transfer_group", "g1", "metadata[a]", "")},
	}},
	"stripe.captureCharge": {{
		config:  `{"chargeId": "ch_3MmlLrLkdIwHu7ix1Kp8Q0aa", "amount": 1500, "receiptEmail": "j@example.com", "statementDescriptor": "SHOP", "statementDescriptorSuffix": "A1"}`,
		replies: []string{"charge.json"},
		reqs: []wantReq{post("/v1/charges/ch_3MmlLrLkdIwHu7ix1Kp8Q0aa/capture", "amount", "1500", "receipt_email", "j@example.com",
			"statement_descriptor", "SHOP", "statement_descriptor_suffix", "A1")},
	}},
	"stripe.getEvent": {{
		config:  `{"eventId": "evt_1NG8Du2eZvKYlo2CUI79vXWy"}`,
		replies: []string{"event_customer_updated.json"},
		reqs:    []wantReq{get("/v1/events/evt_1NG8Du2eZvKYlo2CUI79vXWy")},
	}},
	"stripe.listEvents": {{
		config:  `{"type": "invoice.*", "deliverySuccess": false, "limit": 2}`,
		replies: []string{"events_page1.json"},
		reqs:    []wantReq{get("/v1/events", "type", "invoice.*", "delivery_success", "false", "limit", "2")},
	}, {
		name:    "types",
		config:  `{"types": ["invoice.paid", "charge.succeeded"]}`,
		replies: []string{"events_page1.json"},
		reqs:    []wantReq{get("/v1/events", "types[0]", "invoice.paid", "types[1]", "charge.succeeded")},
	}},
	"stripe.getBalanceTransaction": {{
		config:  `{"balanceTransactionId": "txn_1MiN3gLkdIwHu7ixxapQrznl"}`,
		replies: []string{"balance_transaction.json"},
		reqs:    []wantReq{get("/v1/balance_transactions/txn_1MiN3gLkdIwHu7ixxapQrznl")},
	}},
	"stripe.getInvoiceItem": {{
		config:  `{"invoiceItemId": "ii_1QaBcF2eZvKYlo2CiTeM0001"}`,
		replies: []string{"invoiceitem.json"},
		reqs:    []wantReq{get("/v1/invoiceitems/ii_1QaBcF2eZvKYlo2CiTeM0001")},
	}},
	"stripe.listInvoiceItems": {{
		config:  `{"customerId": "cus_1", "invoiceId": "in_1", "pending": false, "limit": 2}`,
		replies: []string{"invoiceitems_page1.json"},
		reqs:    []wantReq{get("/v1/invoiceitems", "customer", "cus_1", "invoice", "in_1", "pending", "false", "limit", "2")},
	}},
	"stripe.updateInvoiceItem": {{
		config:  `{"invoiceItemId": "ii_1", "amount": 0, "description": "Fixed", "discountable": false, "taxRates": ["txr_1"], "metadata": {"k": "v"}}`,
		replies: []string{"invoiceitem.json"},
		reqs: []wantReq{post("/v1/invoiceitems/ii_1", "amount", "0", "description", "Fixed", "discountable", "false",
			"tax_rates[0]", "txr_1", "metadata[k]", "v")},
	}, {
		name:    "by price",
		config:  `{"invoiceItemId": "ii_1", "priceId": "price_1", "quantity": 2}`,
		replies: []string{"invoiceitem.json"},
		reqs:    []wantReq{post("/v1/invoiceitems/ii_1", "pricing[price]", "price_1", "quantity", "2")},
	}},
	"stripe.deleteInvoiceItem": {{
		config:  `{"invoiceItemId": "ii_1QaBcF2eZvKYlo2CiTeM0001"}`,
		replies: []string{"invoiceitem_deleted.json"},
		reqs:    []wantReq{del("/v1/invoiceitems/ii_1QaBcF2eZvKYlo2CiTeM0001")},
		check: func(t *testing.T, out map[string]any) {
			assert.Equal(t, true, out["deleted"])
			assert.Equal(t, "ii_1QaBcF2eZvKYlo2CiTeM0001", out["id"])
		},
	}},
	"stripe.updateInvoice": {{
		config: `{"invoiceId": "in_1", "autoAdvance": false, "collectionMethod": "send_invoice", "daysUntilDue": 14,
			"description": "", "footer": "Thanks", "defaultPaymentMethodId": "pm_1", "defaultSourceId": "card_1",
			"number": "INV-7", "statementDescriptor": "SHOP", "metadata": {"k": "v"}}`,
		replies: []string{"invoice_draft.json"},
		reqs: []wantReq{post("/v1/invoices/in_1", "auto_advance", "false", "collection_method", "send_invoice",
			"days_until_due", "14", "description", "", "footer", "Thanks", "default_payment_method", "pm_1",
			"default_source", "card_1", "number", "INV-7", "statement_descriptor", "SHOP", "metadata[k]", "v")},
	}},
	"stripe.payInvoice": {{
		config:  `{"invoiceId": "in_1QaBcJ2eZvKYlo2CdRaFt001", "paymentMethodId": "pm_1", "offSession": true, "forgive": false}`,
		replies: []string{"invoice_paid.json"},
		reqs: []wantReq{post("/v1/invoices/in_1QaBcJ2eZvKYlo2CdRaFt001/pay", "payment_method", "pm_1",
			"off_session", "true", "forgive", "false")},
	}, {
		name:    "out of band",
		config:  `{"invoiceId": "in_1", "paidOutOfBand": true, "source": "card_1"}`,
		replies: []string{"invoice_paid.json"},
		reqs:    []wantReq{post("/v1/invoices/in_1/pay", "paid_out_of_band", "true", "source", "card_1")},
	}},
	"stripe.deleteInvoice": {{
		config:  `{"invoiceId": "in_1QaBcJ2eZvKYlo2CdRaFt001"}`,
		replies: []string{"invoice_deleted.json"},
		reqs:    []wantReq{del("/v1/invoices/in_1QaBcJ2eZvKYlo2CdRaFt001")},
		check: func(t *testing.T, out map[string]any) {
			assert.Equal(t, true, out["deleted"])
		},
	}},
	"stripe.updatePaymentIntent": {{
		config: `{"paymentIntentId": "pi_1", "amount": 2500, "currency": "eur", "customerId": "cus_1", "description": "Order B",
			"paymentMethodId": "pm_1", "paymentMethodTypes": ["card", "sepa_debit"], "captureMethod": "manual",
			"receiptEmail": "j@example.com", "setupFutureUsage": "off_session", "statementDescriptorSuffix": "B", "metadata": {"k": "v"}}`,
		replies: []string{"payment_intent.json"},
		reqs: []wantReq{post("/v1/payment_intents/pi_1", "amount", "2500", "currency", "eur", "customer", "cus_1",
			"description", "Order B", "payment_method", "pm_1", "payment_method_types[0]", "card", "payment_method_types[1]", "sepa_debit",
			"capture_method", "manual", "receipt_email", "j@example.com", "setup_future_usage", "off_session",
			"statement_descriptor_suffix", "B", "metadata[k]", "v")},
	}},
	"stripe.resumeSubscription": {{
		config:  `{"subscriptionId": "sub_1", "billingCycleAnchor": "unchanged", "prorationBehavior": "none", "prorationDate": 1700000000}`,
		replies: []string{"subscription.json"},
		reqs: []wantReq{post("/v1/subscriptions/sub_1/resume", "billing_cycle_anchor", "unchanged", "proration_behavior", "none",
			"proration_date", "1700000000")},
	}},
	"stripe.getProduct": {{
		config:  `{"productId": "prod_NWjs8kKbJWmuuc"}`,
		replies: []string{"product.json"},
		reqs:    []wantReq{get("/v1/products/prod_NWjs8kKbJWmuuc")},
	}},
	"stripe.listProducts": {{
		config:  `{"active": true, "ids": ["prod_001", "prod_002"], "shippable": false, "url": "https://example.com", "limit": 2}`,
		replies: []string{"products_page1.json"},
		reqs: []wantReq{get("/v1/products", "active", "true", "ids[0]", "prod_001", "ids[1]", "prod_002", "shippable", "false",
			"url", "https://example.com", "limit", "2")},
	}},
	"stripe.updateProduct": {{
		config: `{"productId": "prod_1", "name": "Gold", "description": "", "active": false, "defaultPriceId": "price_1",
			"images": ["https://example.com/a.png"], "unitLabel": "seat", "url": "https://example.com", "statementDescriptor": "GOLD",
			"taxCode": "txcd_1", "metadata": {"k": "v"}}`,
		replies: []string{"product.json"},
		reqs: []wantReq{post("/v1/products/prod_1", "name", "Gold", "description", "", "active", "false", "default_price", "price_1",
			"images[0]", "https://example.com/a.png", "unit_label", "seat", "url", "https://example.com",
			"statement_descriptor", "GOLD", "tax_code", "txcd_1", "metadata[k]", "v")},
	}},
	"stripe.deleteProduct": {{
		config:  `{"productId": "prod_NWjs8kKbJWmuuc"}`,
		replies: []string{"product_deleted.json"},
		reqs:    []wantReq{del("/v1/products/prod_NWjs8kKbJWmuuc")},
		check: func(t *testing.T, out map[string]any) {
			assert.Equal(t, true, out["deleted"])
		},
	}},
	"stripe.createPrice": {{
		config: `{"currency": "usd", "unitAmount": 2000, "productId": "prod_1", "recurring": {"interval": "month", "intervalCount": 3, "usageType": "licensed"},
			"nickname": "Quarterly", "lookupKey": "gold_q", "active": true, "taxBehavior": "exclusive", "metadata": {"k": "v"}}`,
		replies: []string{"price.json"},
		reqs: []wantReq{post("/v1/prices", "currency", "usd", "unit_amount", "2000", "product", "prod_1",
			"recurring[interval]", "month", "recurring[interval_count]", "3", "recurring[usage_type]", "licensed",
			"nickname", "Quarterly", "lookup_key", "gold_q", "active", "true", "tax_behavior", "exclusive", "metadata[k]", "v")},
	}, {
		name:    "one-time with a new product",
		config:  `{"currency": "eur", "unitAmount": 0, "productName": "Sticker"}`,
		replies: []string{"price.json"},
		reqs:    []wantReq{post("/v1/prices", "currency", "eur", "unit_amount", "0", "product_data[name]", "Sticker")},
	}},
	"stripe.getPrice": {{
		config:  `{"priceId": "price_1MoBy5LkdIwHu7ixZhnattbh"}`,
		replies: []string{"price.json"},
		reqs:    []wantReq{get("/v1/prices/price_1MoBy5LkdIwHu7ixZhnattbh")},
	}},
	"stripe.listPrices": {{
		config:  `{"productId": "prod_1", "active": true, "currency": "usd", "type": "recurring", "lookupKeys": ["gold_q"], "limit": 2}`,
		replies: []string{"prices_page1.json"},
		reqs: []wantReq{get("/v1/prices", "product", "prod_1", "active", "true", "currency", "usd", "type", "recurring",
			"lookup_keys[0]", "gold_q", "limit", "2")},
	}},
	"stripe.updatePrice": {{
		config:  `{"priceId": "price_1", "active": false, "nickname": "", "lookupKey": "gold", "transferLookupKey": true, "taxBehavior": "inclusive", "metadata": {"k": "v"}}`,
		replies: []string{"price.json"},
		reqs: []wantReq{post("/v1/prices/price_1", "active", "false", "nickname", "", "lookup_key", "gold",
			"transfer_lookup_key", "true", "tax_behavior", "inclusive", "metadata[k]", "v")},
	}},
	"stripe.getRefund": {{
		config:  `{"refundId": "re_3MmlLrLkdIwHu7ix0Z9Mn1Rk"}`,
		replies: []string{"refund_canceled.json"},
		reqs:    []wantReq{get("/v1/refunds/re_3MmlLrLkdIwHu7ix0Z9Mn1Rk")},
	}},
	"stripe.listRefunds": {{
		config:  `{"chargeId": "ch_1", "paymentIntentId": "pi_1", "limit": 2}`,
		replies: []string{"refunds_page1.json"},
		reqs:    []wantReq{get("/v1/refunds", "charge", "ch_1", "payment_intent", "pi_1", "limit", "2")},
	}},
	"stripe.updateRefund": {{
		config:  `{"refundId": "re_1", "metadata": {"k": "v", "old": ""}}`,
		replies: []string{"refund.json"},
		reqs:    []wantReq{post("/v1/refunds/re_1", "metadata[k]", "v", "metadata[old]", "")},
	}},
	"stripe.cancelRefund": {{
		config:  `{"refundId": "re_3MmlLrLkdIwHu7ix0Z9Mn1Rk"}`,
		replies: []string{"refund_canceled.json"},
		reqs:    []wantReq{post("/v1/refunds/re_3MmlLrLkdIwHu7ix0Z9Mn1Rk/cancel")},
	}},
}
