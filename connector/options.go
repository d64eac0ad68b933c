package connector

import (
	"fmt"
	"strings"

	"github.com/stripelite/stripe"
)

// Option is a per-step option of Run: the fields of a step's envelope
// besides its action and config,
//
//	{"action": "stripe.createCharge", "config": {...},
//	 "idempotencyKey": "run-42-step-3", "stripeAccount": "acct_123"}
type Option func(*options)

type options struct {
	idempotencyKey string
	stripeAccount  string
}

// WithIdempotencyKey sends key as the Idempotency-Key of the request the
// action makes. A platform that re-runs a failed step passes the same key,
// so Stripe replays the first result instead of charging twice. Every
// action makes at most one POST, so the key is never reused for a
// different request. An empty key means none (the client then generates
// one per request).
func WithIdempotencyKey(key string) Option {
	return func(o *options) { o.idempotencyKey = key }
}

// WithStripeAccount makes every request of the action on behalf of a
// connected account (acct_...; Connect's Stripe-Account header). An empty
// ID means the platform's own account (or the client's WithStripeAccount).
func WithStripeAccount(accountID string) Option {
	return func(o *options) { o.stripeAccount = accountID }
}

// maxIdempotencyKey is Stripe's limit on an Idempotency-Key.
const maxIdempotencyKey = 255

// validate refuses options that would make a bad header, before any I/O.
func (o options) validate() *ConfigError {
	if k := o.idempotencyKey; k != "" {
		if len(k) > maxIdempotencyKey {
			return &ConfigError{Field: "idempotencyKey", Code: CodeInvalidValue,
				Reason: fmt.Sprintf("must be at most %d characters, got %d", maxIdempotencyKey, len(k))}
		}
		if !printable(k) {
			return &ConfigError{Field: "idempotencyKey", Code: CodeInvalidValue, Reason: "must be printable ASCII"}
		}
	}
	if a := o.stripeAccount; a != "" {
		if !strings.HasPrefix(a, "acct_") || len(a) > 255 || !printable(a) || strings.Contains(a, " ") {
			return &ConfigError{Field: "stripeAccount", Code: CodeInvalidValue, Reason: "must be a connected account ID (acct_...)"}
		}
	}
	return nil
}

// printable reports whether s is printable ASCII, safe in a header.
func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// requestOptions is base for the params of endpoints that take no expand.
func requestOptions(base stripe.Params) stripe.RequestOptions {
	return stripe.RequestOptions{IdempotencyKey: base.IdempotencyKey, StripeAccount: base.StripeAccount}
}
