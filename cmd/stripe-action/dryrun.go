package main

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"sync"
)

// errDryRun stops a dry run's request at the transport.
var errDryRun = errors.New("stripe-action: dry run: not sent")

// dryRun is an http.RoundTripper that records the first request it is
// given and sends nothing.
type dryRun struct {
	mu  sync.Mutex
	req *plannedRequest
}

// plannedRequest is what -dry-run prints: the request an action would
// send, with the key redacted.
type plannedRequest struct {
	DryRun  bool              `json:"dryRun"`
	Method  string            `json:"method"`
	URL     string            `json:"url"`
	Path    string            `json:"path"`
	Query   map[string]string `json:"query,omitempty"`
	Form    map[string]string `json:"form,omitempty"`
	Headers map[string]string `json:"headers"`
}

// shownHeaders are the request headers a dry run prints.
var shownHeaders = []string{"Authorization", "Idempotency-Key", "Stripe-Account", "Stripe-Version", "Content-Type"}

func (d *dryRun) RoundTrip(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		_ = r.Body.Close()
		if err != nil {
			return nil, err
		}
		body = b
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, err
	}
	u := *r.URL
	u.RawQuery = ""
	p := &plannedRequest{
		DryRun: true, Method: r.Method, URL: u.String(), Path: r.URL.EscapedPath(),
		Query: flat(r.URL.Query()), Form: flat(form), Headers: map[string]string{},
	}
	for _, h := range shownHeaders {
		if v := r.Header.Get(h); v != "" {
			p.Headers[h] = v
		}
	}
	if _, ok := p.Headers["Authorization"]; ok {
		p.Headers["Authorization"] = "[REDACTED]"
	}
	d.mu.Lock()
	if d.req == nil {
		d.req = p
	}
	d.mu.Unlock()
	return nil, errDryRun
}

// planned returns the recorded request, or nil.
func (d *dryRun) planned() *plannedRequest {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.req
}

// flat turns form values into one value per key (Stripe's form keys are
// unique: arrays are indexed, items[0][price]), or nil when empty.
func flat(v url.Values) map[string]string {
	if len(v) == 0 {
		return nil
	}
	m := make(map[string]string, len(v))
	for k, vs := range v {
		m[k] = vs[0]
		for _, more := range vs[1:] {
			m[k] += "," + more
		}
	}
	return m
}
