package stripe

import (
	"context"
	"net/http"
)

// Response is one HTTP response from Stripe, as it arrived: for reading a
// field the typed objects do not model, the request ID of a successful
// call, or a header. Header and Body are not redacted (Body is Stripe's
// JSON, client secrets included): do not log them whole.
type Response struct {
	// StatusCode is the HTTP status, such as 200 or 402.
	StatusCode int
	// RequestID is Stripe's Request-Id header, the ID support asks for.
	RequestID string
	// Header is the response's header.
	Header http.Header
	// Body is the response body, up to the client's size limit
	// (WithMaxResponseBytes) for a 2xx and 64 KiB for an error.
	Body []byte
}

// responseHookKey is the context key of a response hook.
type responseHookKey struct{}

// WithResponseHook returns a context that makes every call made with it,
// typed methods and [Client.Do] alike, pass each HTTP response it receives
// to fn, retried attempts included, in order, before the call returns. A
// call that fails before any response (bad params, a network error) passes
// none. fn runs on the calling goroutine; the Response is fn's to keep.
//
// It works like net/http/httptrace: the hook rides in the context and asks
// no method's signature to change, and a call whose context carries no hook
// pays nothing for it. A hook already in ctx is still called, after fn.
func WithResponseHook(ctx context.Context, fn func(*Response)) context.Context {
	if fn == nil {
		return ctx
	}
	if prev := responseHook(ctx); prev != nil {
		next := fn
		fn = func(r *Response) {
			next(r)
			prev(r)
		}
	}
	return context.WithValue(ctx, responseHookKey{}, fn)
}

// WithResponse returns a context that makes every call made with it store
// the last HTTP response it received in *dst, for the common case of one
// call:
//
//	var resp stripe.Response
//	cus, err := c.Customers.Get(stripe.WithResponse(ctx, &resp), "cus_123", nil)
//	// resp.RequestID, resp.Body (the customer's JSON as Stripe sent it)
//
// For a walk over many pages, *dst holds the last page's response; use
// [WithResponseHook] to see each. dst must not be shared by calls that run
// concurrently.
func WithResponse(ctx context.Context, dst *Response) context.Context {
	if dst == nil {
		return ctx
	}
	return WithResponseHook(ctx, func(r *Response) { *dst = *r })
}

// responseHook returns the hook ctx carries, or nil.
func responseHook(ctx context.Context) func(*Response) {
	fn, _ := ctx.Value(responseHookKey{}).(func(*Response))
	return fn
}
