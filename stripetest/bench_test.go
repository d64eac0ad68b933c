package stripetest_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// BenchmarkHandler measures the server alone: a customer fetched through
// its http.Handler, in-process, without a network or a client. It reports
// req/s.
func BenchmarkHandler(b *testing.B) {
	srv := stripetest.NewServer(b, stripetest.WithDemoData())
	h := srv.Handler()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodGet, "/v1/customers/"+stripetest.DemoCustomer, nil)
			req.SetBasicAuth(stripetest.TestKey, "")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != http.StatusOK {
				b.Errorf("status %d: %s", w.Code, w.Body)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkSimpleRequests measures how many simple requests (a customer
// fetched, or created) stripetest answers per second through the client,
// from as many goroutines as GOMAXPROCS. It reports req/s.
func BenchmarkSimpleRequests(b *testing.B) {
	for _, bc := range []struct {
		name string
		call func(ctx context.Context, c *stripe.Client) error
	}{
		{"get", func(ctx context.Context, c *stripe.Client) error {
			_, err := c.Customers.Get(ctx, stripetest.DemoCustomer, nil)
			return err
		}},
		{"create", func(ctx context.Context, c *stripe.Client) error {
			_, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("bench@example.com")})
			return err
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			srv := stripetest.NewServer(b, stripetest.WithDemoData())
			c, err := srv.Client()
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			b.SetParallelism(8) // 8 client goroutines per CPU: requests overlap as a suite's would
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := bc.call(ctx, c); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
}
