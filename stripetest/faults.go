package stripetest

import (
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// faults holds the failure switches: FailNext, DropNextAfterCommit,
// WithRateLimit and WithLatency.
type faults struct {
	mu         sync.Mutex
	failN      int
	failStatus int
	dropN      int
	latency    time.Duration
	limiter    *rate.Limiter
}

// WithRateLimit answers 429 rate_limit to requests beyond perSecond
// requests per second (with bursts of up to burst). Zero turns it off.
func WithRateLimit(perSecond float64, burst int) Option {
	return func(s *Server) { s.SetRateLimit(perSecond, burst) }
}

// WithLatency delays every response by d.
func WithLatency(d time.Duration) Option {
	return func(s *Server) { s.SetLatency(d) }
}

// FailNext makes the next n requests fail with the HTTP status (500, 503,
// 429, 409, ...) and a Stripe error body, before they change anything.
func (s *Server) FailNext(n, status int) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.failN, s.faults.failStatus = n, status
}

// DropNextAfterCommit makes the next n requests take effect and then drops
// their connections without a response, like a network failure after
// Stripe committed. A retry with the same Idempotency-Key gets the saved
// response, so no object is created twice.
func (s *Server) DropNextAfterCommit(n int) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.dropN = n
}

// SetRateLimit changes the limit of WithRateLimit.
func (s *Server) SetRateLimit(perSecond float64, burst int) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	if perSecond <= 0 {
		s.faults.limiter = nil
		return
	}
	s.faults.limiter = rate.NewLimiter(rate.Limit(perSecond), max(burst, 1))
}

// SetLatency changes the delay of WithLatency.
func (s *Server) SetLatency(d time.Duration) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.latency = d
}

// before applies latency, FailNext and the rate limit to a request. It
// returns the error to answer with, or nil to go on; gone reports that the
// client left during the delay.
func (s *Server) beforeRequest(hr *http.Request) (e *apiError, gone bool) {
	f := &s.faults
	f.mu.Lock()
	latency, limiter := f.latency, f.limiter
	failStatus := 0
	if f.failN > 0 {
		f.failN--
		failStatus = f.failStatus
	}
	f.mu.Unlock()

	if latency > 0 {
		t := time.NewTimer(latency)
		select {
		case <-t.C:
		case <-s.closed:
			t.Stop()
		case <-hr.Context().Done():
			t.Stop()
			return nil, true
		}
	}
	if failStatus != 0 {
		return injectedFailure(failStatus), false
	}
	if limiter != nil && !limiter.Allow() {
		return &apiError{status: http.StatusTooManyRequests, typ: "invalid_request_error", code: "rate_limit",
			message: "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits."}, false
	}
	return nil, false
}

func injectedFailure(status int) *apiError {
	e := &apiError{status: status, typ: "api_error", message: "An injected failure of stripetest (FailNext)."}
	switch {
	case status == http.StatusTooManyRequests:
		e.typ, e.code = "invalid_request_error", "rate_limit"
		e.message = "Request rate limit exceeded (injected by stripetest FailNext)."
	case status == http.StatusConflict:
		e.typ, e.code = "invalid_request_error", "lock_timeout"
		e.message = "This object cannot be accessed right now because another API request or Stripe process is currently accessing it (injected by stripetest FailNext)."
	case status == http.StatusUnauthorized:
		e.typ = "invalid_request_error"
	case status < 500:
		e.typ = "invalid_request_error"
	}
	return e
}

// takeDrop reports whether to drop this committed request's connection
// (DropNextAfterCommit).
func (s *Server) takeDrop() bool {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	if s.faults.dropN > 0 {
		s.faults.dropN--
		return true
	}
	return false
}

// dropConnection resets the connection without a response, as a broken
// network would. It reports false when w cannot be hijacked.
func dropConnection(w http.ResponseWriter) bool {
	hj, ok := w.(http.Hijacker)
	if !ok {
		return false
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return false
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
	return true
}
