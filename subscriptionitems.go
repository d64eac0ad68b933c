package stripe

import (
	"context"
	"errors"
	"iter"
	"net/http"
)

// SubscriptionItemsService manages the items of a subscription one at a
// time: https://docs.stripe.com/api/subscription_items
//
// The SubscriptionItem object type is defined with Subscription.
type SubscriptionItemsService struct{ c *Client }

// SubscriptionItemBillingThresholdsParams bills a metered item early once
// its usage reaches UsageGTE.
type SubscriptionItemBillingThresholdsParams struct {
	UsageGTE *int64 `url:"usage_gte,omitempty"`
}

// SubscriptionItemCreateParams are the params of SubscriptionItems.Create.
type SubscriptionItemCreateParams struct {
	Params
	// Subscription is the subscription to add the item to; Stripe
	// requires it.
	Subscription      *string                                  `url:"subscription,omitempty"`
	BillingThresholds *SubscriptionItemBillingThresholdsParams `url:"billing_thresholds,omitempty"`
	Discounts         Array[DiscountParams]                    `url:"discounts,omitempty"`
	Metadata          Metadata                                 `url:"metadata,omitempty"`
	PaymentBehavior   *SubscriptionPaymentBehavior             `url:"payment_behavior,omitempty"`
	// Price or PriceData says what the item bills.
	Price             *string                          `url:"price,omitempty"`
	PriceData         *SubscriptionItemPriceDataParams `url:"price_data,omitempty"`
	ProrationBehavior *ProrationBehavior               `url:"proration_behavior,omitempty"`
	// ProrationDate is the Unix time prorations are computed as of.
	ProrationDate *int64        `url:"proration_date,omitempty"`
	Quantity      *int64        `url:"quantity,omitempty"`
	TaxRates      Array[string] `url:"tax_rates,omitempty"`
}

// SubscriptionItemGetParams are the params of SubscriptionItems.Get.
type SubscriptionItemGetParams struct {
	Params
}

// SubscriptionItemUpdateParams are the params of SubscriptionItems.Update.
type SubscriptionItemUpdateParams struct {
	Params
	BillingThresholds *SubscriptionItemBillingThresholdsParams `url:"billing_thresholds,omitempty"`
	Discounts         Array[DiscountParams]                    `url:"discounts,omitempty"`
	Metadata          Metadata                                 `url:"metadata,omitempty"`
	OffSession        *bool                                    `url:"off_session,omitempty"`
	PaymentBehavior   *SubscriptionPaymentBehavior             `url:"payment_behavior,omitempty"`
	Price             *string                                  `url:"price,omitempty"`
	PriceData         *SubscriptionItemPriceDataParams         `url:"price_data,omitempty"`
	// ProrationBehavior says how the change is prorated; Stripe's default
	// is create_prorations.
	ProrationBehavior *ProrationBehavior `url:"proration_behavior,omitempty"`
	ProrationDate     *int64             `url:"proration_date,omitempty"`
	Quantity          *int64             `url:"quantity,omitempty"`
	TaxRates          Array[string]      `url:"tax_rates,omitempty"`
}

// SubscriptionItemDeleteParams are the params of SubscriptionItems.Delete,
// sent in the query string of the DELETE request. params may be nil.
type SubscriptionItemDeleteParams struct {
	RequestOptions
	// ClearUsage deletes the item's usage for the current period.
	ClearUsage        *bool                        `url:"clear_usage,omitempty"`
	PaymentBehavior   *SubscriptionPaymentBehavior `url:"payment_behavior,omitempty"`
	ProrationBehavior *ProrationBehavior           `url:"proration_behavior,omitempty"`
	ProrationDate     *int64                       `url:"proration_date,omitempty"`
}

// SubscriptionItemListParams are the params of SubscriptionItems.List and
// SubscriptionItems.All. Subscription is required.
type SubscriptionItemListParams struct {
	Params
	ListParams
	Subscription *string `url:"subscription,omitempty"`
}

// Create adds an item to a subscription.
//
// Stripe API docs: https://docs.stripe.com/api/subscription_items/create
func (s *SubscriptionItemsService) Create(ctx context.Context, params *SubscriptionItemCreateParams) (*SubscriptionItem, error) {
	si := new(SubscriptionItem)
	return orNil(si, s.c.call(ctx, http.MethodPost, "/v1/subscription_items", params, si))
}

// Get retrieves a subscription item. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/subscription_items/retrieve
func (s *SubscriptionItemsService) Get(ctx context.Context, id string, params *SubscriptionItemGetParams) (*SubscriptionItem, error) {
	path, err := pathf("/v1/subscription_items/%s", id)
	if err != nil {
		return nil, err
	}
	si := new(SubscriptionItem)
	return orNil(si, s.c.call(ctx, http.MethodGet, path, params, si))
}

// Update changes a subscription item: its price, quantity or metadata.
//
// Stripe API docs: https://docs.stripe.com/api/subscription_items/update
func (s *SubscriptionItemsService) Update(ctx context.Context, id string, params *SubscriptionItemUpdateParams) (*SubscriptionItem, error) {
	path, err := pathf("/v1/subscription_items/%s", id)
	if err != nil {
		return nil, err
	}
	si := new(SubscriptionItem)
	return orNil(si, s.c.call(ctx, http.MethodPost, path, params, si))
}

// Delete removes an item from its subscription. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/subscription_items/delete
func (s *SubscriptionItemsService) Delete(ctx context.Context, id string, params *SubscriptionItemDeleteParams) (*Deleted, error) {
	path, err := pathf("/v1/subscription_items/%s", id)
	if err != nil {
		return nil, err
	}
	d := new(Deleted)
	return orNil(d, s.c.call(ctx, http.MethodDelete, path, params, d))
}

// List returns one page of a subscription's items; params.Subscription is
// required.
//
// Stripe API docs: https://docs.stripe.com/api/subscription_items/list
func (s *SubscriptionItemsService) List(ctx context.Context, params *SubscriptionItemListParams) (*List[SubscriptionItem], error) {
	if params == nil || params.Subscription == nil || *params.Subscription == "" {
		return nil, errSubscriptionRequired
	}
	page := new(List[SubscriptionItem])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/subscription_items", params, page))
}

// All iterates over every item of params.Subscription (required),
// fetching pages lazily as the loop advances. params is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/subscription_items/list
func (s *SubscriptionItemsService) All(ctx context.Context, params *SubscriptionItemListParams) iter.Seq2[*SubscriptionItem, error] {
	return listAll(ctx, params, s.List)
}

var errSubscriptionRequired = errors.New("stripe: SubscriptionItemListParams.Subscription is required")
