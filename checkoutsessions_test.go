package stripe

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

const testCSID = "cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY"

func checkCheckoutSession(t *testing.T, got any) {
	t.Helper()
	cs := got.(*CheckoutSession)
	require.Equal(t, testCSID, cs.ID)
	require.Equal(t, "checkout.session", cs.Object)
	require.Equal(t, CheckoutSessionModePayment, cs.Mode)
	require.Equal(t, CheckoutSessionStatusOpen, cs.Status)
	require.Equal(t, CheckoutSessionPaymentStatusUnpaid, cs.PaymentStatus)
	require.Equal(t, "https://checkout.stripe.com/pay/c/"+testCSID, cs.URL)
	require.Equal(t, "https://example.com/success", cs.SuccessURL)
	require.Equal(t, "https://example.com/cancel", cs.CancelURL)
	require.Equal(t, testCustomerID, cs.Customer.ID)
	require.Equal(t, testPIID, cs.PaymentIntent.ID)
	require.Empty(t, cs.PaymentLink.ID)
	require.Empty(t, cs.ClientSecret.Reveal())
	require.Equal(t, int64(1234567890), cs.ExpiresAt)
	require.Equal(t, map[string]string{"order_id": "42"}, cs.Metadata)
	require.Equal(t, []string{"card"}, cs.PaymentMethodTypes)
	require.NotNil(t, cs.CustomerDetails)
	require.Equal(t, "example@example.com", cs.CustomerDetails.Email)
	require.Equal(t, CustomerTaxExemptNone, cs.CustomerDetails.TaxExempt)
	require.Equal(t, &Address{}, cs.CustomerDetails.Address)
	require.JSONEq(t, `{"type":"account"}`, string(cs.AutomaticTax.Liability))
	require.Equal(t, &CheckoutSessionTotalDetails{AmountDiscount: 406046392, AmountTax: 1424534716}, cs.TotalDetails)
	require.Equal(t, &ShippingAddressCollection{AllowedCountries: []string{"SC"}}, cs.ShippingAddressCollection)
	require.Equal(t, &PaymentMethodConfigurationDetails{ID: "obj_123"}, cs.PaymentMethodConfigurationDetails)
	require.JSONEq(t, `{"after_submit":{"message":"message"},"shipping_address":{"message":"message"},"submit":{"message":"message"},"terms_of_service_acceptance":{"message":"message"}}`, string(cs.CustomText))
}

func checkLineItems(t *testing.T, got any) {
	t.Helper()
	page := got.(*List[LineItem])
	require.Len(t, page.Data, 1)
	li := page.Data[0]
	require.Equal(t, "li_1Pgc73B7WZ01zgkWx8kcmZPK", li.ID)
	require.Equal(t, "item", li.Object)
	require.Equal(t, "T-shirt", li.Description)
	require.Equal(t, "usd", li.Currency)
	require.Equal(t, int64(1), li.Quantity)
	require.Equal(t, &AdjustableQuantity{Enabled: true}, li.AdjustableQuantity)
	require.NotNil(t, li.Price)
	require.Equal(t, "price_1PgafmB7WZ01zgkW02Hf9z6c", li.Price.ID)
	require.Equal(t, int64(1000), li.Price.UnitAmount)
}

func TestCheckoutSessions(t *testing.T) {
	t.Parallel()
	path := "/v1/checkout/sessions/" + testCSID
	runCallCases(t, []callCase{
		{
			name: "create payment", fixture: "checkout_session.json", method: "POST", path: "/v1/checkout/sessions",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CheckoutSessions.Create(ctx, &CheckoutSessionCreateParams{
					Mode: Ptr(CheckoutSessionModePayment),
					LineItems: []CheckoutSessionLineItemParams{
						{Price: Ptr("price_1"), Quantity: Ptr(int64(2))},
						{PriceData: &LineItemPriceDataParams{Currency: Ptr("usd"), UnitAmount: Ptr(int64(1500)),
							ProductData: &LineItemProductDataParams{Name: Ptr("T-shirt")}}, Quantity: Ptr(int64(1)),
							AdjustableQuantity: &AdjustableQuantityParams{Enabled: Ptr(true), Maximum: Ptr(int64(5))}},
					},
					SuccessURL:          Ptr("https://example.com/success?session_id={CHECKOUT_SESSION_ID}"),
					CancelURL:           Ptr("https://example.com/cancel"),
					CustomerEmail:       Ptr("jenny@example.com"),
					AllowPromotionCodes: Ptr(true),
					PaymentIntentData: &CheckoutSessionPaymentIntentDataParams{
						CaptureMethod: Ptr(PaymentIntentCaptureMethodManual), Metadata: Metadata{"order_id": "42"},
					},
					Metadata: Metadata{"order_id": "42"},
				})
			},
			values: url.Values{
				"mode":                                          {"payment"},
				"line_items[0][price]":                          {"price_1"},
				"line_items[0][quantity]":                       {"2"},
				"line_items[1][price_data][currency]":           {"usd"},
				"line_items[1][price_data][unit_amount]":        {"1500"},
				"line_items[1][price_data][product_data][name]": {"T-shirt"},
				"line_items[1][quantity]":                       {"1"},
				"line_items[1][adjustable_quantity][enabled]":   {"true"},
				"line_items[1][adjustable_quantity][maximum]":   {"5"},
				"success_url":                                   {"https://example.com/success?session_id={CHECKOUT_SESSION_ID}"},
				"cancel_url":                                    {"https://example.com/cancel"},
				"customer_email":                                {"jenny@example.com"},
				"allow_promotion_codes":                         {"true"},
				"payment_intent_data[capture_method]":           {"manual"},
				"payment_intent_data[metadata][order_id]":       {"42"},
				"metadata[order_id]":                            {"42"},
			},
			check: checkCheckoutSession,
		},
		{
			name: "create subscription", fixture: "checkout_session.json", method: "POST", path: "/v1/checkout/sessions",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CheckoutSessions.Create(ctx, &CheckoutSessionCreateParams{
					Mode:      Ptr(CheckoutSessionModeSubscription),
					Customer:  Ptr(testCustomerID),
					LineItems: []CheckoutSessionLineItemParams{{Price: Ptr("price_monthly"), Quantity: Ptr(int64(1))}},
					SubscriptionData: &CheckoutSessionSubscriptionDataParams{
						TrialPeriodDays: Ptr(int64(14)), Metadata: Metadata{"plan": "pro"},
						TrialSettings: &SubscriptionTrialSettingsParams{EndBehavior: &SubscriptionTrialEndBehaviorParams{MissingPaymentMethod: Ptr("cancel")}},
					},
					UIMode:    Ptr("embedded_page"),
					ReturnURL: Ptr("https://example.com/return"),
				})
			},
			values: url.Values{
				"mode":                                 {"subscription"},
				"customer":                             {testCustomerID},
				"line_items[0][price]":                 {"price_monthly"},
				"line_items[0][quantity]":              {"1"},
				"subscription_data[trial_period_days]": {"14"},
				"subscription_data[metadata][plan]":    {"pro"},
				"subscription_data[trial_settings][end_behavior][missing_payment_method]": {"cancel"},
				"ui_mode":    {"embedded_page"},
				"return_url": {"https://example.com/return"},
			},
			check: checkCheckoutSession,
		},
		{
			name: "get", fixture: "checkout_session.json", method: "GET", path: path,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CheckoutSessions.Get(ctx, testCSID, &CheckoutSessionGetParams{Params: Params{Expand: []string{"line_items"}}})
			},
			values: url.Values{"expand[0]": {"line_items"}},
			check:  checkCheckoutSession,
		},
		{
			name: "update", fixture: "checkout_session.json", method: "POST", path: path,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CheckoutSessions.Update(ctx, testCSID, &CheckoutSessionUpdateParams{
					Metadata: Metadata{"order_id": ""},
					LineItems: []CheckoutSessionLineItemUpdateParams{
						{ID: Ptr("li_1"), CheckoutSessionLineItemParams: CheckoutSessionLineItemParams{Quantity: Ptr(int64(3))}},
					},
				})
			},
			values: url.Values{"metadata[order_id]": {""}, "line_items[0][id]": {"li_1"}, "line_items[0][quantity]": {"3"}},
			check:  checkCheckoutSession,
		},
		{
			name: "expire", fixture: "checkout_session.json", method: "POST", path: path + "/expire",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CheckoutSessions.Expire(ctx, testCSID, nil)
			},
			check: checkCheckoutSession,
		},
		{
			name: "list", fixture: "checkout_session_list.json", method: "GET", path: "/v1/checkout/sessions",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CheckoutSessions.List(ctx, &CheckoutSessionListParams{
					Status: Ptr(CheckoutSessionStatusComplete), PaymentIntent: Ptr(testPIID),
					CustomerDetails: &CheckoutSessionCustomerEmailParams{Email: Ptr("jenny@example.com")},
				})
			},
			values: url.Values{"status": {"complete"}, "payment_intent": {testPIID}, "customer_details[email]": {"jenny@example.com"}},
			check: func(t *testing.T, got any) {
				page := got.(*List[CheckoutSession])
				require.Len(t, page.Data, 1)
				checkCheckoutSession(t, &page.Data[0])
			},
		},
		{
			name: "line items", fixture: "line_item_list.json", method: "GET", path: path + "/line_items",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CheckoutSessions.ListLineItems(ctx, testCSID, &LineItemListParams{ListParams: ListParams{Limit: Ptr(int64(100))}})
			},
			values: url.Values{"limit": {"100"}},
			check:  checkLineItems,
		},
	})
}

func TestCheckoutSessionsAllLineItems(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt,
		ok(`{"object":"list","has_more":true,"data":[{"id":"li_1","object":"item"},{"id":"li_2","object":"item"}]}`),
		ok(`{"object":"list","has_more":false,"data":[{"id":"li_3","object":"item"}]}`))
	var ids []string
	for li, err := range c.CheckoutSessions.AllLineItems(context.Background(), "cs_1", nil) {
		require.NoError(t, err)
		ids = append(ids, li.ID)
	}
	require.Equal(t, []string{"li_1", "li_2", "li_3"}, ids)
	sent := rec.requests()
	require.Equal(t, "/v1/checkout/sessions/cs_1/line_items", sent[1].Path)
	require.Equal(t, url.Values{"starting_after": {"li_2"}}, sent[1].Query)

	for _, err := range c.CheckoutSessions.All(context.Background(), &CheckoutSessionListParams{Customer: Ptr("cus_1")}) {
		require.NoError(t, err)
	}
	require.Equal(t, "/v1/checkout/sessions", rec.requests()[2].Path)
	require.Equal(t, url.Values{"customer": {"cus_1"}}, rec.requests()[2].Query)

	for _, err := range c.CheckoutSessions.AllLineItems(context.Background(), "", nil) {
		require.Error(t, err)
	}
	_, err := c.CheckoutSessions.Expire(context.Background(), "../x", nil)
	require.NoError(t, err)
	require.Equal(t, "/v1/checkout/sessions/..%2Fx/expire", rec.requests()[3].Path)
	require.Len(t, rec.requests(), 4)
}

func TestCheckoutSessionClientSecretRedacted(t *testing.T) {
	t.Parallel()
	cs := CheckoutSession{ID: "cs_1", ClientSecret: "cs_1_secret_abc"}
	require.NotContains(t, fmt.Sprintf("%v %+v %#v", cs, cs, cs), "secret_abc")
	require.Equal(t, "cs_1_secret_abc", cs.ClientSecret.Reveal())
}
