package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractBillingPortalSessions(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()
	bps, err := c.BillingPortalSessions.Create(ctx, &BillingPortalSessionCreateParams{
		Customer:      Ptr("cus_NffrFeUfNV2Hib"),
		ReturnURL:     Ptr("https://example.com/account"),
		Configuration: Ptr("bpc_1"),
		Locale:        Ptr("auto"),
		OnBehalfOf:    Ptr("acct_1"),
		FlowData: &BillingPortalFlowDataParams{
			Type: Ptr("subscription_cancel"),
			SubscriptionCancel: &BillingPortalSubscriptionCancelParams{Subscription: Ptr("sub_1"),
				Retention: &BillingPortalRetentionParams{Type: Ptr("coupon_offer"), CouponOffer: &BillingPortalCouponOfferParams{Coupon: Ptr("co_1")}}},
			AfterCompletion: &BillingPortalAfterCompletionParams{Type: Ptr("hosted_confirmation"),
				HostedConfirmation: &PaymentLinkHostedConfirmationParams{CustomMessage: Ptr("Bye")}},
		},
		Params: Params{Expand: []string{"configuration"}},
	})
	require.NoError(t, err)
	require.Equal(t, "billing_portal.session", bps.Object)
	require.NotEmpty(t, bps.URL)

	_, err = c.BillingPortalSessions.Create(ctx, &BillingPortalSessionCreateParams{
		Customer: Ptr("cus_NffrFeUfNV2Hib"),
		FlowData: &BillingPortalFlowDataParams{Type: Ptr("subscription_update_confirm"),
			SubscriptionUpdate: &BillingPortalSubscriptionParams{Subscription: Ptr("sub_1")},
			SubscriptionUpdateConfirm: &BillingPortalUpdateConfirmParams{Subscription: Ptr("sub_1"),
				Items:     []BillingPortalUpdateConfirmItemParams{{ID: Ptr("si_1"), Price: Ptr("price_2"), Quantity: Ptr(int64(2))}},
				Discounts: []SessionDiscountParams{{PromotionCode: Ptr("promo_1")}}}},
	})
	require.NoError(t, err)
}
