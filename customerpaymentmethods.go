package stripe

import (
	"context"
	"iter"
	"net/http"
)

// A customer's payment methods live under /v1/customers/{id}/payment_methods,
// so, like the other per-customer reads Stripe documents with customers,
// they are methods of CustomersService. The objects are PaymentMethods.

// CustomerPaymentMethodListParams are the params of
// Customers.ListPaymentMethods and Customers.AllPaymentMethods.
type CustomerPaymentMethodListParams struct {
	Params
	ListParams
	AllowRedisplay *CardAllowRedisplay `url:"allow_redisplay,omitempty"`
	Type           *PaymentMethodType  `url:"type,omitempty"`
}

// ListPaymentMethods returns one page of a customer's payment methods.
// params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_methods/customer_list
func (s *CustomersService) ListPaymentMethods(ctx context.Context, customerID string, params *CustomerPaymentMethodListParams) (*List[PaymentMethod], error) {
	path, err := pathf("/v1/customers/%s/payment_methods", customerID)
	if err != nil {
		return nil, err
	}
	page := new(List[PaymentMethod])
	return orNil(page, s.c.call(ctx, http.MethodGet, path, params, page))
}

// AllPaymentMethods iterates over every payment method of a customer,
// fetching pages lazily as the loop advances. params may be nil and is not
// modified.
//
// Stripe API docs: https://docs.stripe.com/api/payment_methods/customer_list
func (s *CustomersService) AllPaymentMethods(ctx context.Context, customerID string, params *CustomerPaymentMethodListParams) iter.Seq2[*PaymentMethod, error] {
	return listAll(ctx, params, func(ctx context.Context, p *CustomerPaymentMethodListParams) (*List[PaymentMethod], error) {
		return s.ListPaymentMethods(ctx, customerID, p)
	})
}

// GetPaymentMethod retrieves a payment method attached to a customer.
// params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_methods/customer
func (s *CustomersService) GetPaymentMethod(ctx context.Context, customerID, paymentMethodID string, params *PaymentMethodGetParams) (*PaymentMethod, error) {
	path, err := pathf("/v1/customers/%s/payment_methods/%s", customerID, paymentMethodID)
	if err != nil {
		return nil, err
	}
	pm := new(PaymentMethod)
	return orNil(pm, s.c.call(ctx, http.MethodGet, path, params, pm))
}
