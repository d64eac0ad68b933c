package benchcmp

import (
	"context"
	"flag"
	"testing"
)

// The contenders, run one after the other inside every benchmark.
var contenderNames = []string{"floor", "stripelite", "stripego"}

// rotate starts each benchmark's contenders at a different one, so that
// over several runs (scripts/bench.sh passes the round number) none of them
// always runs first or right after another.
var rotate = flag.Int("rotate", 0, "rotate the contenders' order by this much")

func contenderOrder() []string {
	n := len(contenderNames)
	r := ((*rotate % n) + n) % n
	return append(append([]string(nil), contenderNames[r:]...), contenderNames[:r]...)
}

func newContenders(tb testing.TB, baseURL string) map[string]contender {
	tb.Helper()
	lite, err := newLite(baseURL)
	if err != nil {
		tb.Fatal(err)
	}
	return map[string]contender{
		"floor":      newFloor(baseURL),
		"stripelite": lite,
		"stripego":   newStripeGo(baseURL),
	}
}

// calls are the four benchmarked cases; each checks its own result.
var calls = []struct {
	name string
	run  func(ctx context.Context, c contender) error
}{
	{"GetCustomer", func(ctx context.Context, c contender) error {
		id, err := c.getCustomer(ctx)
		return checkResult(err, id == customerID, "customer %q", id)
	}},
	{"CreateCustomer", func(ctx context.Context, c contender) error {
		id, email, err := c.createCustomer(ctx)
		return checkResult(err, id == customerID && email == "jennyrosen@example.com", "customer %q <%s>", id, email)
	}},
	{"CreateSubscription", func(ctx context.Context, c contender) error {
		id, items, err := c.createSubscription(ctx)
		return checkResult(err, id == subscriptionID && items == 3, "subscription %q with %d items", id, items)
	}},
	{"ListAll1000", func(ctx context.Context, c contender) error {
		n, last, err := c.listAll(ctx)
		return checkResult(err, n == listTotal && last == listCustomerID(listTotal-1), "%d customers, last %q", n, last)
	}},
}

// TestContenders makes every call once with every contender: the server
// checks the params, and each call checks what it decoded.
func TestContenders(t *testing.T) {
	srv := newServer(t)
	cs := newContenders(t, srv.URL)
	ctx := context.Background()
	for _, call := range calls {
		for _, name := range contenderNames {
			if err := call.run(ctx, cs[name]); err != nil {
				t.Errorf("%s/%s: %v", call.name, name, err)
			}
		}
	}
	srv.check(t)
}

// TestServerRejectsWrongParams proves the server check can fail.
func TestServerRejectsWrongParams(t *testing.T) {
	srv := newServer(t)
	f := newFloor(srv.URL)
	var cus struct{ ID string }
	err := f.do(context.Background(), "POST", "/v1/customers", map[string][]string{"email": {"x@example.com"}}, &cus)
	if err == nil || srv.err() == nil {
		t.Fatalf("wrong params were accepted: call error %v, server error %v", err, srv.err())
	}
}

func BenchmarkGetCustomer(b *testing.B)        { benchCall(b, 0) }
func BenchmarkCreateCustomer(b *testing.B)     { benchCall(b, 1) }
func BenchmarkCreateSubscription(b *testing.B) { benchCall(b, 2) }
func BenchmarkListAll1000(b *testing.B)        { benchCall(b, 3) }

func benchCall(b *testing.B, i int) {
	srv := newServer(b)
	cs := newContenders(b, srv.URL)
	call := calls[i]
	ctx := context.Background()
	for _, name := range contenderOrder() {
		c := cs[name]
		b.Run(name, func(b *testing.B) {
			// One warm-up call opens the connection outside the timing.
			if err := call.run(ctx, c); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for n := 0; n < b.N; n++ {
				if err := call.run(ctx, c); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			srv.check(b)
		})
	}
}
