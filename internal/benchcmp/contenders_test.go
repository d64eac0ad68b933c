package benchcmp

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"

	stripego "github.com/stripe/stripe-go/v84"
	"github.com/stripelite/stripe"
	"golang.org/x/time/rate"
)

// contender makes the four benchmarked calls and returns what it got back,
// so the benchmarks can check results the same way for everyone.
type contender interface {
	getCustomer(ctx context.Context) (id string, err error)
	createCustomer(ctx context.Context) (id, email string, err error)
	createSubscription(ctx context.Context) (id string, items int, err error)
	// listAll walks every customer and returns the count and the last ID.
	listAll(ctx context.Context) (n int, lastID string, err error)
}

// --- stripelite ---

type liteContender struct{ c *stripe.Client }

func newLite(baseURL string) (*liteContender, error) {
	c, err := stripe.NewClient(testKey,
		stripe.WithBaseURL(baseURL),
		stripe.WithHTTPClient(newHTTPClient()),
		stripe.WithRateLimit(rate.Inf, rate.Inf))
	return &liteContender{c}, err
}

func (l *liteContender) getCustomer(ctx context.Context) (string, error) {
	cus, err := l.c.Customers.Get(ctx, customerID, nil)
	if err != nil {
		return "", err
	}
	return cus.ID, nil
}

func (l *liteContender) createCustomer(ctx context.Context) (string, string, error) {
	cus, err := l.c.Customers.Create(ctx, &stripe.CustomerCreateParams{
		Email:    stripe.Ptr("jenny.rosen@example.com"),
		Name:     stripe.Ptr("Jenny Rosen"),
		Metadata: stripe.Metadata{"company_id": "42", "plan": "pro", "source": "bench"},
		Address: &stripe.AddressParams{
			City:       stripe.Ptr("San Francisco"),
			Country:    stripe.Ptr("US"),
			Line1:      stripe.Ptr("510 Townsend St"),
			Line2:      stripe.Ptr("Floor 3"),
			PostalCode: stripe.Ptr("94103"),
			State:      stripe.Ptr("CA"),
		},
	})
	if err != nil {
		return "", "", err
	}
	return cus.ID, cus.Email, nil
}

func (l *liteContender) createSubscription(ctx context.Context) (string, int, error) {
	sub, err := l.c.Subscriptions.Create(ctx, &stripe.SubscriptionCreateParams{
		Customer: stripe.Ptr(customerID),
		Items: stripe.Array[stripe.SubscriptionItemParams]{
			{Price: stripe.Ptr("price_1QaBc02eZvKYlo2CpRiCe001"), Quantity: stripe.Ptr(int64(1))},
			{Price: stripe.Ptr("price_1QaBc02eZvKYlo2CpRiCe002"), Quantity: stripe.Ptr(int64(3))},
			{Price: stripe.Ptr("price_1QaBc02eZvKYlo2CpRiCe003"), Quantity: stripe.Ptr(int64(1))},
		},
		Metadata: stripe.Metadata{"plan": "pro", "seats": "4", "source": "bench"},
	})
	if err != nil {
		return "", 0, err
	}
	return sub.ID, len(sub.Items.Data), nil
}

func (l *liteContender) listAll(ctx context.Context) (int, string, error) {
	n, last := 0, ""
	params := &stripe.CustomerListParams{ListParams: stripe.ListParams{Limit: stripe.Ptr(int64(listPageSize))}}
	for cus, err := range l.c.Customers.All(ctx, params) {
		if err != nil {
			return n, last, err
		}
		n++
		last = cus.ID
	}
	return n, last, nil
}

// --- the floor: net/http, url.Values and encoding/json by hand, decoding
// into stripelite's own types ---

type floorContender struct {
	hc        *http.Client
	baseURL   string
	auth      string
	userAgent string
}

func newFloor(baseURL string) *floorContender {
	return &floorContender{
		hc:        newHTTPClient(),
		baseURL:   baseURL,
		auth:      "Basic " + base64.StdEncoding.EncodeToString([]byte(testKey+":")),
		userAgent: "stripelite/" + stripe.Version + " go/" + runtime.Version(),
	}
}

// newUUID is a random version 4 UUID, the floor's Idempotency-Key.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func (f *floorContender) do(ctx context.Context, method, path string, form url.Values, out any) error {
	target := f.baseURL + path
	var body io.Reader
	if method == http.MethodGet {
		if len(form) > 0 {
			target += "?" + form.Encode()
		}
	} else {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, target, body)
	if err != nil {
		return err
	}
	// The same headers as stripelite sends, so both put the same bytes on
	// the wire and the ratio is the client's own overhead.
	req.Header.Set("Authorization", f.auth)
	req.Header.Set("Stripe-Version", stripe.APIVersion)
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Idempotency-Key", newUUID())
	}
	resp, err := f.hc.Do(req)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, b)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (f *floorContender) getCustomer(ctx context.Context) (string, error) {
	var cus stripe.Customer
	err := f.do(ctx, http.MethodGet, "/v1/customers/"+url.PathEscape(customerID), nil, &cus)
	return cus.ID, err
}

func (f *floorContender) createCustomer(ctx context.Context) (string, string, error) {
	form := url.Values{
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
	var cus stripe.Customer
	err := f.do(ctx, http.MethodPost, "/v1/customers", form, &cus)
	return cus.ID, cus.Email, err
}

func (f *floorContender) createSubscription(ctx context.Context) (string, int, error) {
	form := url.Values{
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
	var sub stripe.Subscription
	err := f.do(ctx, http.MethodPost, "/v1/subscriptions", form, &sub)
	return sub.ID, len(sub.Items.Data), err
}

func (f *floorContender) listAll(ctx context.Context) (int, string, error) {
	n, last := 0, ""
	form := url.Values{"limit": {strconv.Itoa(listPageSize)}}
	for {
		var page stripe.List[stripe.Customer]
		if err := f.do(ctx, http.MethodGet, "/v1/customers", form, &page); err != nil {
			return n, last, err
		}
		for i := range page.Data {
			n++
			last = page.Data[i].ID
		}
		if !page.HasMore || len(page.Data) == 0 {
			return n, last, nil
		}
		form.Set("starting_after", last)
	}
}

// --- stripe-go v84 ---

type stripeGoContender struct{ sc *stripego.Client }

func newStripeGo(baseURL string) *stripeGoContender {
	backends := stripego.NewBackendsWithConfig(&stripego.BackendConfig{
		URL:           stripego.String(baseURL),
		HTTPClient:    newHTTPClient(),
		LeveledLogger: &stripego.LeveledLogger{Level: stripego.LevelNull},
	})
	return &stripeGoContender{stripego.NewClient(testKey, stripego.WithBackends(backends))}
}

func (s *stripeGoContender) getCustomer(ctx context.Context) (string, error) {
	cus, err := s.sc.V1Customers.Retrieve(ctx, customerID, nil)
	if err != nil {
		return "", err
	}
	return cus.ID, nil
}

func (s *stripeGoContender) createCustomer(ctx context.Context) (string, string, error) {
	cus, err := s.sc.V1Customers.Create(ctx, &stripego.CustomerCreateParams{
		Email:    stripego.String("jenny.rosen@example.com"),
		Name:     stripego.String("Jenny Rosen"),
		Metadata: map[string]string{"company_id": "42", "plan": "pro", "source": "bench"},
		Address: &stripego.AddressParams{
			City:       stripego.String("San Francisco"),
			Country:    stripego.String("US"),
			Line1:      stripego.String("510 Townsend St"),
			Line2:      stripego.String("Floor 3"),
			PostalCode: stripego.String("94103"),
			State:      stripego.String("CA"),
		},
	})
	if err != nil {
		return "", "", err
	}
	return cus.ID, cus.Email, nil
}

func (s *stripeGoContender) createSubscription(ctx context.Context) (string, int, error) {
	sub, err := s.sc.V1Subscriptions.Create(ctx, &stripego.SubscriptionCreateParams{
		Customer: stripego.String(customerID),
		Items: []*stripego.SubscriptionCreateItemParams{
			{Price: stripego.String("price_1QaBc02eZvKYlo2CpRiCe001"), Quantity: stripego.Int64(1)},
			{Price: stripego.String("price_1QaBc02eZvKYlo2CpRiCe002"), Quantity: stripego.Int64(3)},
			{Price: stripego.String("price_1QaBc02eZvKYlo2CpRiCe003"), Quantity: stripego.Int64(1)},
		},
		Metadata: map[string]string{"plan": "pro", "seats": "4", "source": "bench"},
	})
	if err != nil {
		return "", 0, err
	}
	if sub.Items == nil {
		return sub.ID, 0, nil
	}
	return sub.ID, len(sub.Items.Data), nil
}

func (s *stripeGoContender) listAll(ctx context.Context) (int, string, error) {
	n, last := 0, ""
	params := &stripego.CustomerListParams{ListParams: stripego.ListParams{Limit: stripego.Int64(listPageSize)}}
	for cus, err := range s.sc.V1Customers.List(ctx, params) {
		if err != nil {
			return n, last, err
		}
		n++
		last = cus.ID
	}
	return n, last, nil
}
