package benchcmp

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

const (
	testKey        = "sk_test_123"
	customerID     = "cus_NffrFeUfNV2Hib"
	subscriptionID = "sub_1QaBcD2eZvKYlo2C3fGhIjKl"
	listTotal      = 1000
	listPageSize   = 100
)

// The params every contender must send, exactly.
var (
	wantCustomerCreate = url.Values{
		"email":                {"jenny.rosen@example.com"},
		"name":                 {"Jenny Rosen"},
		"metadata[company_id]": {"42"},
		"metadata[plan]":       {"pro"},
		"metadata[source]":     {"bench"},
		"address[city]":        {"San Francisco"},
		"address[country]":     {"US"},
		"address[line1]":       {"510 Townsend St"},
		"address[line2]":       {"Floor 3"},
		"address[postal_code]": {"94103"},
		"address[state]":       {"CA"},
	}
	wantSubscriptionCreate = url.Values{
		"customer":           {customerID},
		"items[0][price]":    {"price_1QaBc02eZvKYlo2CpRiCe001"},
		"items[0][quantity]": {"1"},
		"items[1][price]":    {"price_1QaBc02eZvKYlo2CpRiCe002"},
		"items[1][quantity]": {"3"},
		"items[2][price]":    {"price_1QaBc02eZvKYlo2CpRiCe003"},
		"items[2][quantity]": {"1"},
		"metadata[plan]":     {"pro"},
		"metadata[seats]":    {"4"},
		"metadata[source]":   {"bench"},
	}
)

// listCustomerID is the ID of the i-th customer of the 1,000 served by the
// list endpoint.
func listCustomerID(i int) string { return fmt.Sprintf("cus_bench%04d", i) }

// server is the one test server every contender talks to. It serves fixed
// JSON and checks that each request carries exactly the expected
// parameters; the first mismatch is kept and fails the benchmark.
type server struct {
	*httptest.Server
	customer     []byte
	subscription []byte
	pages        map[string][]byte // by starting_after ("" for the first page)

	mu       sync.Mutex
	firstErr error
}

func newServer(tb testing.TB) *server {
	tb.Helper()
	s := &server{
		customer:     readFixture(tb, "customer.json"),
		subscription: readFixture(tb, "subscription_3_items.json"),
		pages:        make(map[string][]byte),
	}
	var cus map[string]any
	if err := json.Unmarshal(s.customer, &cus); err != nil {
		tb.Fatal(err)
	}
	for start := 0; start < listTotal; start += listPageSize {
		data := make([]map[string]any, 0, listPageSize)
		for i := start; i < start+listPageSize; i++ {
			c := make(map[string]any, len(cus))
			for k, v := range cus {
				c[k] = v
			}
			c["id"] = listCustomerID(i)
			data = append(data, c)
		}
		page, err := json.Marshal(map[string]any{
			"object": "list", "url": "/v1/customers",
			"has_more": start+listPageSize < listTotal, "data": data,
		})
		if err != nil {
			tb.Fatal(err)
		}
		after := ""
		if start > 0 {
			after = listCustomerID(start - 1)
		}
		s.pages[after] = page
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	return s
}

func readFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// err returns the first request the server found wrong, if any.
func (s *server) err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.firstErr
}

// check fails the benchmark (or test) if any request was wrong.
func (s *server) check(tb testing.TB) {
	tb.Helper()
	if err := s.err(); err != nil {
		tb.Fatal(err)
	}
}

func (s *server) fail(w http.ResponseWriter, format string, args ...any) {
	err := fmt.Errorf(format, args...)
	s.mu.Lock()
	if s.firstErr == nil {
		s.firstErr = err
	}
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	fmt.Fprintf(w, `{"error":{"type":"invalid_request_error","message":%q}}`, err.Error())
}

func (s *server) serve(w http.ResponseWriter, r *http.Request) {
	if a := r.Header.Get("Authorization"); a == "" {
		s.fail(w, "%s %s: no Authorization header", r.Method, r.URL.Path)
		return
	}
	var got url.Values
	switch r.Method {
	case http.MethodGet:
		if r.ContentLength != 0 || len(r.TransferEncoding) != 0 {
			s.fail(w, "GET %s: has a body (Content-Length %d, Transfer-Encoding %v)", r.URL.Path, r.ContentLength, r.TransferEncoding)
			return
		}
		var err error
		if got, err = url.ParseQuery(r.URL.RawQuery); err != nil {
			s.fail(w, "GET %s: bad query: %v", r.URL.Path, err)
			return
		}
	case http.MethodPost:
		// stripe-go streams its form bodies chunked; the known-length
		// requirement is ours, so only it is exempt.
		if r.ContentLength <= 0 && !strings.HasPrefix(r.Header.Get("User-Agent"), "Stripe/") {
			s.fail(w, "POST %s: body length not known in advance (Content-Length %d)", r.URL.Path, r.ContentLength)
			return
		}
		if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
			s.fail(w, "POST %s: Content-Type %q", r.URL.Path, ct)
			return
		}
		body, err := readBody(r)
		if err != nil {
			s.fail(w, "POST %s: reading body: %v", r.URL.Path, err)
			return
		}
		if got, err = url.ParseQuery(string(body)); err != nil {
			s.fail(w, "POST %s: bad form: %v", r.URL.Path, err)
			return
		}
	default:
		s.fail(w, "unexpected method %s", r.Method)
		return
	}

	var reply []byte
	switch route := r.Method + " " + r.URL.Path; route {
	case "GET /v1/customers/" + customerID:
		if len(got) != 0 {
			s.fail(w, "%s: want no params, got %v", route, got)
			return
		}
		reply = s.customer
	case "POST /v1/customers":
		if !sameValues(got, wantCustomerCreate) {
			s.fail(w, "%s: got params %v, want %v", route, got, wantCustomerCreate)
			return
		}
		reply = s.customer
	case "POST /v1/subscriptions":
		if !sameValues(got, wantSubscriptionCreate) {
			s.fail(w, "%s: got params %v, want %v", route, got, wantSubscriptionCreate)
			return
		}
		reply = s.subscription
	case "GET /v1/customers":
		after := got.Get("starting_after")
		want := url.Values{"limit": {strconv.Itoa(listPageSize)}}
		if after != "" {
			want.Set("starting_after", after)
		}
		page, ok := s.pages[after]
		if !ok || !sameValues(got, want) {
			s.fail(w, "%s: got params %v, want limit=%d and a starting_after from the previous page", route, got, listPageSize)
			return
		}
		reply = page
	default:
		s.fail(w, "unexpected request %s", route)
		return
	}
	h := w.Header()
	h["Content-Type"] = []string{"application/json"}
	h["Content-Length"] = []string{strconv.Itoa(len(reply))}
	h["Request-Id"] = []string{"req_bench"}
	_, _ = w.Write(reply)
}

func sameValues(got, want url.Values) bool {
	if len(got) != len(want) {
		return false
	}
	for k, w := range want {
		if !slices.Equal(got[k], w) {
			return false
		}
	}
	return true
}

// newHTTPClient gives each contender its own transport, so no contender
// reuses another's connections.
func newHTTPClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		MaxIdleConnsPerHost: 4,
	}}
}

func readBody(r *http.Request) ([]byte, error) {
	if r.ContentLength > 0 {
		b := make([]byte, r.ContentLength)
		_, err := io.ReadFull(r.Body, b)
		return b, err
	}
	return io.ReadAll(r.Body)
}
