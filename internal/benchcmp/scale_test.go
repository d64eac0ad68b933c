package benchcmp

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"runtime"
	"testing"
	"time"

	stripego "github.com/stripe/stripe-go/v84"
	"github.com/stripe/stripe-go/v84/webhook"
	"github.com/stripelite/stripe"
)

// Platform-scale benchmarks (issue 19): the cost of NewClient, the memory
// 10,000 idle clients and 10,000 Pollers hold, one client shared by 64
// goroutines, and webhook verification plus decoding.

var sink any

func BenchmarkScaleNewClient(b *testing.B) {
	b.Run("stripelite", func(b *testing.B) {
		b.ReportAllocs()
		for n := 0; n < b.N; n++ {
			c, err := stripe.NewClient(testKey)
			if err != nil {
				b.Fatal(err)
			}
			sink = c
		}
	})
	b.Run("stripego", func(b *testing.B) {
		b.ReportAllocs()
		for n := 0; n < b.N; n++ {
			sink = stripego.NewClient(testKey)
		}
	})
}

const retainedCount = 10_000

// retained returns the heap bytes each of retainedCount values made by mk
// keeps alive, after a full GC, not counting the slice holding them.
func retained(mk func(i int) any) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	keep := make([]any, retainedCount)
	for i := range keep {
		keep[i] = mk(i)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(keep)
	held := float64(after.HeapAlloc) - float64(before.HeapAlloc) - float64(retainedCount*16)
	return held / retainedCount
}

func benchRetained(b *testing.B, unit string, mk func(i int) any) {
	var per float64
	for n := 0; n < b.N; n++ {
		per = retained(mk)
	}
	b.ReportMetric(per, unit)
	b.ReportMetric(per*retainedCount/(1<<20), "MiB/10k")
}

func BenchmarkScaleRetained10kClients(b *testing.B) {
	b.Run("stripelite", func(b *testing.B) {
		benchRetained(b, "B/client", func(i int) any {
			c, err := stripe.NewClient(fmt.Sprintf("sk_test_%d", i))
			if err != nil {
				b.Fatal(err)
			}
			return c
		})
	})
	b.Run("stripego", func(b *testing.B) {
		benchRetained(b, "B/client", func(i int) any { return stripego.NewClient(fmt.Sprintf("sk_test_%d", i)) })
	})
}

func BenchmarkScaleRetained10kPollers(b *testing.B) {
	c, err := stripe.NewClient(testKey)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("stripelite", func(b *testing.B) {
		benchRetained(b, "B/poller", func(i int) any {
			return c.Customers.Poller(stripe.PollSince(time.Unix(int64(1_700_000_000+i), 0)), nil)
		})
	})
}

// parallelGoroutines is how many goroutines share one client.
const parallelGoroutines = 64

func parallelHTTPClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: parallelGoroutines}}
}

// BenchmarkScaleParallel64GetCustomer shares one client among 64
// goroutines. stripelite runs with its limiter on (Stripe's model, with
// limits far above what the loopback server can do, so the limiter's
// locking is measured but never waits).
func BenchmarkScaleParallel64GetCustomer(b *testing.B) {
	srv := newServer(b)
	lim, err := stripe.NewLocalLimiter(stripe.Limits{Global: 1e9, Endpoint: 1e9})
	if err != nil {
		b.Fatal(err)
	}
	lite, err := stripe.NewClient(testKey, stripe.WithBaseURL(srv.URL), stripe.WithHTTPClient(parallelHTTPClient()), stripe.WithLimiter(lim))
	if err != nil {
		b.Fatal(err)
	}
	floor := newFloor(srv.URL)
	floor.hc = parallelHTTPClient()
	cs := map[string]contender{"floor": floor, "stripelite": &liteContender{lite}}
	ctx := context.Background()
	for _, name := range []string{"floor", "stripelite"} {
		c := cs[name]
		b.Run(name, func(b *testing.B) {
			if _, err := c.getCustomer(ctx); err != nil {
				b.Fatal(err)
			}
			b.SetParallelism((parallelGoroutines + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					id, err := c.getCustomer(ctx)
					if err != nil || id != customerID {
						b.Errorf("got %q, %v", id, err)
						return
					}
				}
			})
			b.StopTimer()
			srv.check(b)
		})
	}
}

const webhookSecret = "whsec_bench_secret"

// webhookPayload is a customer.updated event carrying the customer fixture.
func webhookPayload(tb testing.TB) []byte {
	tb.Helper()
	cus := readFixture(tb, "customer.json")
	return []byte(fmt.Sprintf(`{"id":"evt_1NG8Du2eZvKYlo2CUI79vXWy","object":"event","api_version":%q,"created":1686089970,`+
		`"data":{"object":%s,"previous_attributes":{"email":"old@example.com"}},"livemode":false,"pending_webhooks":1,`+
		`"request":{"id":"req_Nrzd3wl3Pz8ZTj","idempotency_key":%q},"type":"customer.updated"}`,
		stripe.APIVersion, cus, base64.RawURLEncoding.EncodeToString([]byte("bench-key-0001"))))
}

// BenchmarkScaleConstructEvent verifies and decodes one signed event.
func BenchmarkScaleConstructEvent(b *testing.B) {
	payload := webhookPayload(b)
	header := stripe.SignPayload(payload, webhookSecret, time.Now())
	b.Run("stripelite", func(b *testing.B) {
		b.SetBytes(int64(len(payload)))
		b.ReportAllocs()
		for n := 0; n < b.N; n++ {
			ev, err := stripe.ConstructEvent(payload, header, webhookSecret)
			if err != nil || ev.ID != "evt_1NG8Du2eZvKYlo2CUI79vXWy" {
				b.Fatalf("%v %v", ev, err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	})
	b.Run("stripego", func(b *testing.B) {
		b.SetBytes(int64(len(payload)))
		b.ReportAllocs()
		for n := 0; n < b.N; n++ {
			ev, err := webhook.ConstructEventWithOptions(payload, header, webhookSecret,
				webhook.ConstructEventOptions{IgnoreAPIVersionMismatch: true})
			if err != nil || ev.ID != "evt_1NG8Du2eZvKYlo2CUI79vXWy" {
				b.Fatalf("%v %v", ev.ID, err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	})
}
