package stripe

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

const testKey = "sk_test_123"

// newTestClient returns a client on its own httpmock transport, with the
// limiter off and backoff sleeps that return at once (recorded in sleeps).
func newTestClient(t *testing.T, opts ...Option) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	opts = append([]Option{
		WithHTTPClient(&http.Client{Transport: mt}),
		WithRateLimit(rate.Inf, rate.Inf),
	}, opts...)
	c, err := NewClient(testKey, opts...)
	require.NoError(t, err)
	c.sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
	return c, mt
}

// fixture reads testdata/name.
func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return string(b)
}

// sentRequest is what the client put on the wire.
type sentRequest struct {
	Method  string
	Path    string // escaped, as on the request line
	Query   url.Values
	Form    url.Values // decoded body
	RawBody string
	Header  http.Header
}

// recorder records each request and answers with the next of its replies
// (the last one repeats).
type recorder struct {
	mu      sync.Mutex
	sent    []sentRequest
	replies []reply
}

type reply struct {
	status int
	body   string
	header http.Header
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
	r.sent = append(r.sent, sentRequest{
		Method: req.Method, Path: req.URL.EscapedPath(), Query: req.URL.Query(),
		Form: form, RawBody: string(b), Header: req.Header.Clone(),
	})
	rep := r.replies[min(len(r.sent), len(r.replies))-1]
	resp := httpmock.NewStringResponse(rep.status, rep.body)
	resp.Header.Set("Content-Type", "application/json")
	resp.Header.Set("Request-Id", "req_test_1")
	for k, v := range rep.header {
		resp.Header[k] = v
	}
	resp.Request = req
	return resp, nil
}

// requests returns a copy of what was sent so far.
func (r *recorder) requests() []sentRequest {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]sentRequest(nil), r.sent...)
}

// mock answers every request on mt from a recorder with the given replies.
func mock(mt *httpmock.MockTransport, replies ...reply) *recorder {
	r := &recorder{replies: replies}
	mt.RegisterNoResponder(r.respond)
	return r
}

// ok is a 200 reply with body.
func ok(body string) reply { return reply{status: http.StatusOK, body: body} }
