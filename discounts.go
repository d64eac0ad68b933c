package stripe

import (
	"context"
	"net/http"
)

// DiscountDeleteParams are the params of Customers.DeleteDiscount and
// Subscriptions.DeleteDiscount. params may be nil.
type DiscountDeleteParams struct {
	RequestOptions
}

// DeleteDiscount removes the discount applied to a customer. The returned
// Discount has Deleted set.
//
// Stripe API docs: https://docs.stripe.com/api/discounts/delete
func (s *CustomersService) DeleteDiscount(ctx context.Context, customerID string, params *DiscountDeleteParams) (*Discount, error) {
	path, err := pathf("/v1/customers/%s/discount", customerID)
	if err != nil {
		return nil, err
	}
	d := new(Discount)
	return orNil(d, s.c.call(ctx, http.MethodDelete, path, params, d))
}

// DeleteDiscount removes the discount applied to a subscription. The
// returned Discount has Deleted set.
//
// Stripe API docs: https://docs.stripe.com/api/discounts/subscription_delete
func (s *SubscriptionsService) DeleteDiscount(ctx context.Context, subscriptionID string, params *DiscountDeleteParams) (*Discount, error) {
	path, err := pathf("/v1/subscriptions/%s/discount", subscriptionID)
	if err != nil {
		return nil, err
	}
	d := new(Discount)
	return orNil(d, s.c.call(ctx, http.MethodDelete, path, params, d))
}
