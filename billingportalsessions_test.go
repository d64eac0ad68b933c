package stripe

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestBillingPortalSessionsCreate(t *testing.T) {
	t.Parallel()
	runCallCases(t, []callCase{{
		name: "create", fixture: "billing_portal_session.json", method: "POST", path: "/v1/billing_portal/sessions",
		call: func(ctx context.Context, c *Client) (any, error) {
			return c.BillingPortalSessions.Create(ctx, &BillingPortalSessionCreateParams{
				Customer:      Ptr(testCustomerID),
				ReturnURL:     Ptr("https://example.com/account"),
				Configuration: Ptr("bpc_1Pgc7HB7WZ01zgkWxH2EPWRX"),
				FlowData: &BillingPortalFlowDataParams{
					Type: Ptr("subscription_update_confirm"),
					SubscriptionUpdateConfirm: &BillingPortalUpdateConfirmParams{
						Subscription: Ptr("sub_1"),
						Items:        []BillingPortalUpdateConfirmItemParams{{ID: Ptr("si_1"), Price: Ptr("price_2"), Quantity: Ptr(int64(3))}},
					},
					AfterCompletion: &BillingPortalAfterCompletionParams{Type: Ptr("redirect"), Redirect: &BillingPortalRedirectParams{ReturnURL: Ptr("https://example.com/done")}},
				},
			})
		},
		values: url.Values{
			"customer":        {testCustomerID},
			"return_url":      {"https://example.com/account"},
			"configuration":   {"bpc_1Pgc7HB7WZ01zgkWxH2EPWRX"},
			"flow_data[type]": {"subscription_update_confirm"},
			"flow_data[subscription_update_confirm][subscription]":       {"sub_1"},
			"flow_data[subscription_update_confirm][items][0][id]":       {"si_1"},
			"flow_data[subscription_update_confirm][items][0][price]":    {"price_2"},
			"flow_data[subscription_update_confirm][items][0][quantity]": {"3"},
			"flow_data[after_completion][type]":                          {"redirect"},
			"flow_data[after_completion][redirect][return_url]":          {"https://example.com/done"},
		},
		check: func(t *testing.T, got any) {
			bps := got.(*BillingPortalSession)
			require.Equal(t, BillingPortalSession{
				ID:            "bps_1Pgc7HB7WZ01zgkWNs8s9Auh",
				Object:        "billing_portal.session",
				Configuration: Expandable[ObjectRef]{ID: "bpc_1Pgc7HB7WZ01zgkWxH2EPWRX"},
				Created:       1234567890,
				Customer:      testCustomerID,
				Flow:          []byte("null"),
				Livemode:      true,
				ReturnURL:     "https://example.com/account",
				URL:           "https://billing.stripe.com/p/session/test_YWNjdF8xTTJKVGtMa2RJd0h1N2l4",
			}, *bps)
		},
	}})
}
