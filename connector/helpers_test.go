package connector

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
	"golang.org/x/time/rate"
)

// newTestClient returns a client on its own mock transport, limiter off.
func newTestClient(t *testing.T) (*stripe.Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	c, err := stripe.NewClient("sk_test_123",
		stripe.WithHTTPClient(&http.Client{Transport: mt}),
		stripe.WithRateLimit(rate.Inf, rate.Inf),
		stripe.WithMaxRetries(0))
	require.NoError(t, err)
	return c, mt
}

// fixture reads a response fixture of the root package.
func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	require.NoError(t, err)
	return string(b)
}

// sent is one request as it went on the wire.
type sent struct {
	Method string
	Path   string // escaped
	Query  url.Values
	Form   url.Values
	Header http.Header
}

// recorder answers each request with the next reply (the last repeats).
type recorder struct {
	mu      sync.Mutex
	reqs    []sent
	status  int
	replies []string
}

func (r *recorder) respond(req *http.Request) (*http.Response, error) {
	var b []byte
	if req.Body != nil {
		var err error
		if b, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
	}
	form, _ := url.ParseQuery(string(b))
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, sent{Method: req.Method, Path: req.URL.EscapedPath(), Query: req.URL.Query(), Form: form, Header: req.Header.Clone()})
	status := r.status
	if status == 0 {
		status = http.StatusOK
	}
	resp := httpmock.NewStringResponse(status, r.replies[min(len(r.reqs), len(r.replies))-1])
	resp.Header.Set("Content-Type", "application/json")
	resp.Header.Set("Request-Id", "req_test_1")
	resp.Request = req
	return resp, nil
}

func (r *recorder) sent() []sent {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]sent(nil), r.reqs...)
}

// record answers every request on mt with replies, in order.
func record(mt *httpmock.MockTransport, replies ...string) *recorder {
	r := &recorder{replies: replies}
	if len(replies) == 0 {
		r.replies = []string{`{}`}
	}
	mt.RegisterNoResponder(r.respond)
	return r
}
