// Package stripetest is a THROWAWAY STUB so the connector branch builds; the
// real package is written on another branch. Drop this file at merge.
package stripetest

import (
	"net/http"
	"net/http/httptest"

	"github.com/stripelite/stripe"
)

// Option configures a Server (none in the stub).
type Option func(*Server)

// Server is an in-process fake of the Stripe API.
type Server struct {
	URL string
	srv *httptest.Server
}

// New starts a server that answers every request with a 501 JSON error.
func New(opts ...Option) *Server {
	h := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotImplemented)
		_, _ = w.Write([]byte(`{"error":{"type":"api_error","message":"stripetest stub: not implemented"}}`))
	})
	s := &Server{srv: httptest.NewServer(h)}
	s.URL = s.srv.URL
	for _, o := range opts {
		o(s)
	}
	return s
}

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// Client returns a client for the server.
func (s *Server) Client(opts ...stripe.Option) (*stripe.Client, error) {
	return stripe.NewClient("sk_test_123", append([]stripe.Option{stripe.WithBaseURL(s.URL)}, opts...)...)
}
