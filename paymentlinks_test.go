package stripe

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

const testPLID = "plink_1Pgc78B7WZ01zgkWC75kX0jg"

func checkPaymentLink(t *testing.T, got any) {
	t.Helper()
	pl := got.(*PaymentLink)
	require.Equal(t, testPLID, pl.ID)
	require.Equal(t, "payment_link", pl.Object)
	require.True(t, pl.Active)
	require.Equal(t, "https://sangeekp-15t6ai--payment_links_ingress-mydev.dev.stripe.me/test_eVa16Q1Vd7yU1Ne8ww", pl.URL)
	require.Equal(t, "usd", pl.Currency)
	require.Equal(t, "auto", pl.BillingAddressCollection)
	require.Equal(t, "if_required", pl.CustomerCreation)
	require.Equal(t, "auto", pl.SubmitType)
	require.Equal(t, map[string]string{"order_id": "42"}, pl.Metadata)
	require.Equal(t, "hosted_confirmation", pl.AfterCompletion.Type)
	require.JSONEq(t, `{"custom_message":null}`, string(pl.AfterCompletion.HostedConfirmation))
	require.False(t, pl.AutomaticTax.Enabled)
	require.JSONEq(t, `{"type":"account"}`, string(pl.AutomaticTax.Liability))
	require.Empty(t, pl.OnBehalfOf.ID)
	require.Nil(t, pl.PaymentMethodTypes)
}

func TestPaymentLinks(t *testing.T) {
	t.Parallel()
	path := "/v1/payment_links/" + testPLID
	runCallCases(t, []callCase{
		{
			name: "create", fixture: "payment_link.json", method: "POST", path: "/v1/payment_links",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PaymentLinks.Create(ctx, &PaymentLinkCreateParams{
					LineItems: []PaymentLinkLineItemParams{
						{Price: Ptr("price_1"), Quantity: Ptr(int64(1)), AdjustableQuantity: &AdjustableQuantityParams{Enabled: Ptr(true)}},
					},
					AfterCompletion: &PaymentLinkAfterCompletionParams{
						Type: Ptr("redirect"), Redirect: &PaymentLinkRedirectParams{URL: Ptr("https://example.com/thanks")},
					},
					PaymentIntentData: &PaymentLinkPaymentIntentDataParams{CaptureMethod: Ptr(PaymentIntentCaptureMethodManual)},
					Restrictions:      &PaymentLinkRestrictionsParams{CompletedSessions: &PaymentLinkCompletedSessionsParams{Limit: Ptr(int64(10))}},
					Metadata:          Metadata{"order_id": "42"},
				})
			},
			values: url.Values{
				"line_items[0][price]":                        {"price_1"},
				"line_items[0][quantity]":                     {"1"},
				"line_items[0][adjustable_quantity][enabled]": {"true"},
				"after_completion[type]":                      {"redirect"},
				"after_completion[redirect][url]":             {"https://example.com/thanks"},
				"payment_intent_data[capture_method]":         {"manual"},
				"restrictions[completed_sessions][limit]":     {"10"},
				"metadata[order_id]":                          {"42"},
			},
			check: checkPaymentLink,
		},
		{
			name: "get", fixture: "payment_link.json", method: "GET", path: path,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PaymentLinks.Get(ctx, testPLID, nil)
			},
			check: checkPaymentLink,
		},
		{
			name: "update", fixture: "payment_link.json", method: "POST", path: path,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PaymentLinks.Update(ctx, testPLID, &PaymentLinkUpdateParams{
					Active:          Ptr(false),
					InactiveMessage: Ptr("Sold out"),
					LineItems:       []PaymentLinkLineItemUpdateParams{{ID: Ptr("li_1"), Quantity: Ptr(int64(2))}},
				})
			},
			values: url.Values{"active": {"false"}, "inactive_message": {"Sold out"}, "line_items[0][id]": {"li_1"}, "line_items[0][quantity]": {"2"}},
			check:  checkPaymentLink,
		},
		{
			name: "list", fixture: "payment_link_list.json", method: "GET", path: "/v1/payment_links",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PaymentLinks.List(ctx, &PaymentLinkListParams{Active: Ptr(true)})
			},
			values: url.Values{"active": {"true"}},
			check: func(t *testing.T, got any) {
				page := got.(*List[PaymentLink])
				require.Len(t, page.Data, 1)
				checkPaymentLink(t, &page.Data[0])
			},
		},
		{
			name: "line items", fixture: "line_item_list.json", method: "GET", path: path + "/line_items",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PaymentLinks.ListLineItems(ctx, testPLID, nil)
			},
			check: checkLineItems,
		},
	})
}

func TestPaymentLinksAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt,
		ok(`{"object":"list","has_more":true,"data":[{"id":"plink_2"}]}`),
		ok(`{"object":"list","has_more":false,"data":[{"id":"plink_1"}]}`))
	var ids []string
	for pl, err := range c.PaymentLinks.All(context.Background(), &PaymentLinkListParams{Active: Ptr(false)}) {
		require.NoError(t, err)
		ids = append(ids, pl.ID)
	}
	require.Equal(t, []string{"plink_2", "plink_1"}, ids)
	require.Equal(t, url.Values{"active": {"false"}, "starting_after": {"plink_2"}}, rec.requests()[1].Query)
	n := 0
	for _, err := range c.PaymentLinks.AllLineItems(context.Background(), "plink_1", nil) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 1, n)
	require.Equal(t, "/v1/payment_links/plink_1/line_items", rec.requests()[2].Path)
	_, err := c.PaymentLinks.Update(context.Background(), "", nil)
	require.Error(t, err)
	require.Len(t, rec.requests(), 3)
}
