package stripe

import (
	"context"
	"encoding/json"
	"net/http"
)

// BillingPortalSessionsService creates customer portal sessions, where a
// customer manages their subscriptions, payment methods and invoices:
// https://docs.stripe.com/api/customer_portal/sessions
type BillingPortalSessionsService struct{ c *Client }

// BillingPortalSession is a short-lived link to the customer portal:
// https://docs.stripe.com/api/customer_portal/sessions/object
type BillingPortalSession struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// Configuration is the portal configuration used; expandable.
	Configuration   Expandable[ObjectRef] `json:"configuration"`
	Created         int64                 `json:"created"`
	Customer        string                `json:"customer"`
	CustomerAccount string                `json:"customer_account"`
	// Flow is the deep-link flow, as raw JSON ("null" when there is none).
	Flow       json.RawMessage `json:"flow"`
	Livemode   bool            `json:"livemode"`
	Locale     string          `json:"locale"`
	OnBehalfOf string          `json:"on_behalf_of"`
	ReturnURL  string          `json:"return_url"`
	// URL is where to send the customer; it expires after a short time.
	URL string `json:"url"`
}

// BillingPortalSessionCreateParams are the params of
// BillingPortalSessions.Create. Customer is required.
type BillingPortalSessionCreateParams struct {
	Params
	Customer        *string `url:"customer,omitempty"`
	CustomerAccount *string `url:"customer_account,omitempty"`
	// ReturnURL is where the portal's "return" link goes.
	ReturnURL *string `url:"return_url,omitempty"`
	// Configuration is a portal configuration (bpc_...); the default one
	// when nil.
	Configuration *string                      `url:"configuration,omitempty"`
	FlowData      *BillingPortalFlowDataParams `url:"flow_data,omitempty"`
	Locale        *string                      `url:"locale,omitempty"`
	OnBehalfOf    *string                      `url:"on_behalf_of,omitempty"`
}

// BillingPortalFlowDataParams deep-links into one portal flow: Type
// "payment_method_update", "subscription_cancel", "subscription_update",
// "subscription_update_confirm" or "customer_update", with the matching
// field set.
type BillingPortalFlowDataParams struct {
	Type                      *string                                `url:"type,omitempty"`
	AfterCompletion           *BillingPortalAfterCompletionParams    `url:"after_completion,omitempty"`
	SubscriptionCancel        *BillingPortalSubscriptionCancelParams `url:"subscription_cancel,omitempty"`
	SubscriptionUpdate        *BillingPortalSubscriptionParams       `url:"subscription_update,omitempty"`
	SubscriptionUpdateConfirm *BillingPortalUpdateConfirmParams      `url:"subscription_update_confirm,omitempty"`
}

// BillingPortalAfterCompletionParams is what happens after the flow: Type
// "hosted_confirmation", "portal_homepage" or "redirect".
type BillingPortalAfterCompletionParams struct {
	Type               *string                              `url:"type,omitempty"`
	HostedConfirmation *PaymentLinkHostedConfirmationParams `url:"hosted_confirmation,omitempty"`
	Redirect           *BillingPortalRedirectParams         `url:"redirect,omitempty"`
}

// BillingPortalRedirectParams is where to send the customer afterwards.
type BillingPortalRedirectParams struct {
	ReturnURL *string `url:"return_url,omitempty"`
}

// BillingPortalSubscriptionParams names the subscription a flow is about.
type BillingPortalSubscriptionParams struct {
	Subscription *string `url:"subscription,omitempty"`
}

// BillingPortalSubscriptionCancelParams opens the cancel flow, optionally
// with a retention coupon offer.
type BillingPortalSubscriptionCancelParams struct {
	Subscription *string                       `url:"subscription,omitempty"`
	Retention    *BillingPortalRetentionParams `url:"retention,omitempty"`
}

// BillingPortalRetentionParams offers a coupon (Type "coupon_offer").
type BillingPortalRetentionParams struct {
	Type        *string                         `url:"type,omitempty"`
	CouponOffer *BillingPortalCouponOfferParams `url:"coupon_offer,omitempty"`
}

// BillingPortalCouponOfferParams is the coupon offered.
type BillingPortalCouponOfferParams struct {
	Coupon *string `url:"coupon,omitempty"`
}

// BillingPortalUpdateConfirmParams proposes a subscription change for the
// customer to confirm.
type BillingPortalUpdateConfirmParams struct {
	Subscription *string                                     `url:"subscription,omitempty"`
	Items        Array[BillingPortalUpdateConfirmItemParams] `url:"items,omitempty"`
	Discounts    Array[SessionDiscountParams]                `url:"discounts,omitempty"`
}

// BillingPortalUpdateConfirmItemParams changes one subscription item.
type BillingPortalUpdateConfirmItemParams struct {
	ID       *string `url:"id,omitempty"`
	Price    *string `url:"price,omitempty"`
	Quantity *int64  `url:"quantity,omitempty"`
}

// Create creates a customer portal session; redirect the customer to its
// URL. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/customer_portal/sessions/create
func (s *BillingPortalSessionsService) Create(ctx context.Context, params *BillingPortalSessionCreateParams) (*BillingPortalSession, error) {
	bps := new(BillingPortalSession)
	return orNil(bps, s.c.call(ctx, http.MethodPost, "/v1/billing_portal/sessions", params, bps))
}
