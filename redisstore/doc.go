// Package redisstore lets several processes using
// github.com/stripelite/stripe share state through Redis (go-redis v9):
//
//   - [Limiter], a stripe.Limiter enforcing Stripe's limits per account
//     across every process, atomically in Redis (GCRA in a Lua script);
//   - [DedupStore], a stripe.WebhookDedupStore, so an event delivered to
//     several webhook handler instances runs its callback once;
//   - [PollLeases], a lease per poll trigger with its cursor stored beside
//     it, so one worker at a time polls a trigger and a worker that lost
//     its lease cannot write an older cursor.
//
// It is its own module so that the stripe module keeps its few
// dependencies. Keys are prefixed ("stripelite:" unless [WithPrefix] says
// otherwise) and carry Redis Cluster hash tags, so the keys one script
// touches live on one node.
//
// When Redis cannot be reached the Limiter falls back to a
// stripe.LocalLimiter (logging one warning per outage), the DedupStore
// returns errors, so the webhook handler answers 500 and Stripe delivers
// the event again later, and no lease is granted.
package redisstore

import (
	"log/slog"
	"strings"
)

// DefaultPrefix starts every key this package writes.
const DefaultPrefix = "stripelite:"

// Option configures a Limiter, DedupStore or PollLeases.
type Option func(*options)

type options struct {
	prefix string
	logger *slog.Logger
}

func newOptions(opts []Option) options {
	o := options{prefix: DefaultPrefix}
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	return o
}

// WithPrefix sets the prefix of every key (default DefaultPrefix). Processes
// share state when they use the same Redis and prefix; processes using
// different Stripe platforms (API keys) on one Redis need different
// prefixes, since the key's own account is not named in the keys.
func WithPrefix(p string) Option { return func(o *options) { o.prefix = p } }

// WithLogger sets where warnings go (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(o *options) { o.logger = l } }

func (o options) log() *slog.Logger {
	if o.logger != nil {
		return o.logger
	}
	return slog.Default()
}

// tag wraps s as a Redis Cluster hash tag; braces inside s are replaced so
// they cannot end the tag early.
func tag(s string) string {
	return "{" + strings.NewReplacer("{", "(", "}", ")").Replace(s) + "}"
}
