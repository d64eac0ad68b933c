package stripe

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const (
	whSecret    = "whsec_test_secret"
	whOldSecret = "whsec_old_secret"
)

// whNow is the fixed "now" of the webhook tests.
var whNow = time.Unix(1700000000, 0)

func whClock() time.Time { return whNow }

// sigOnly returns the v1 signature of payload at t under secret.
func sigOnly(payload []byte, secret string, t time.Time) string {
	_, v1, _ := strings.Cut(SignPayload(payload, secret, t), ",v1=")
	return v1
}

func TestSignPayloadKnownVector(t *testing.T) {
	t.Parallel()
	// Computed independently: python3 -c "import hmac,hashlib;
	// print(hmac.new(b'whsec_test_secret', b'1700000000.{}', hashlib.sha256).hexdigest())"
	require.Equal(t, "t=1700000000,v1=ceb8863f7208fa249a6cd8f951e993c7563412aca65866f6272283debe143ab3",
		SignPayload([]byte("{}"), whSecret, whNow))

	payload := []byte(fixture(t, "event_invoice_paid.json"))
	require.Equal(t, "t=1700000000,v1=1f7dfb55928fc17e5260519e579e15cd63e09914e8470a6cf9188f449b10e166",
		SignPayload(payload, whSecret, whNow))
	require.Regexp(t, `^t=\d+,v1=[0-9a-f]{64}$`, SignPayload(nil, "", time.Now()))
}

func TestConstructEvent(t *testing.T) {
	t.Parallel()
	payload := []byte(fixture(t, "event_invoice_paid.json"))
	signed := func(p []byte, secret string, at time.Time) string { return SignPayload(p, secret, at) }
	tampered := bytes.Replace(payload, []byte(`"amount_paid": 2000`), []byte(`"amount_paid": 1`), 1)
	require.NotEqual(t, payload, tampered)
	good := sigOnly(payload, whSecret, whNow)
	wrong := sigOnly(payload, "whsec_wrong", whNow)
	ts := "t=1700000000"
	oldVersion := bytes.Replace(payload, []byte(APIVersion), []byte("2024-06-20"), 1)

	tests := []struct {
		name    string
		payload []byte
		header  string
		secret  string
		opts    []WebhookOption
		wantErr error
	}{
		{name: "valid", payload: payload, header: signed(payload, whSecret, whNow)},
		{name: "300s old is in tolerance", payload: payload, header: signed(payload, whSecret, whNow.Add(-300*time.Second))},
		{name: "300s ahead is in tolerance", payload: payload, header: signed(payload, whSecret, whNow.Add(300*time.Second))},
		{name: "spaces around items", payload: payload, header: " t=1700000000 , v1=" + good + " "},
		{name: "unknown schemes ignored", payload: payload, header: ts + ",v0=" + wrong + ",v2=zz,v1=" + good},
		{name: "tampered payload", payload: tampered, header: signed(payload, whSecret, whNow), wantErr: ErrWebhookNoValidSignature},
		{name: "wrong secret", payload: payload, header: signed(payload, "whsec_wrong", whNow), wantErr: ErrWebhookNoValidSignature},
		{name: "second of two v1 matches", payload: payload, header: ts + ",v1=" + wrong + ",v1=" + good},
		{name: "first of two v1 matches", payload: payload, header: ts + ",v1=" + good + ",v1=" + wrong},
		{name: "signature with other t", payload: payload, header: "t=1700000001,v1=" + good, wantErr: ErrWebhookNoValidSignature},
		{name: "rotated: signed with old secret", payload: payload, header: signed(payload, whOldSecret, whNow),
			opts: []WebhookOption{WithWebhookSecrets(whOldSecret)}},
		{name: "rotated: signed with new secret", payload: payload, header: signed(payload, whSecret, whNow),
			opts: []WebhookOption{WithWebhookSecrets(whOldSecret)}},
		{name: "rotated: Stripe signs with both", payload: payload,
			header: ts + ",v1=" + sigOnly(payload, whOldSecret, whNow) + ",v1=" + good},
		{name: "rotated: third secret", payload: payload, header: signed(payload, "whsec_third", whNow),
			opts: []WebhookOption{WithWebhookSecrets(whOldSecret)}, wantErr: ErrWebhookNoValidSignature},
		{name: "301s old", payload: payload, header: signed(payload, whSecret, whNow.Add(-301*time.Second)), wantErr: ErrWebhookTimestampOutOfTolerance},
		{name: "301s in the future", payload: payload, header: signed(payload, whSecret, whNow.Add(301*time.Second)), wantErr: ErrWebhookTimestampOutOfTolerance},
		{name: "301s old with 10m tolerance", payload: payload, header: signed(payload, whSecret, whNow.Add(-301*time.Second)),
			opts: []WebhookOption{WithWebhookTolerance(10 * time.Minute)}},
		{name: "sub-second tolerance ignored", payload: payload, header: signed(payload, whSecret, whNow.Add(-301*time.Second)),
			opts: []WebhookOption{WithWebhookTolerance(0)}, wantErr: ErrWebhookTimestampOutOfTolerance},
		{name: "signature checked before timestamp", payload: payload, header: signed(payload, "whsec_wrong", whNow.Add(-time.Hour)),
			wantErr: ErrWebhookNoValidSignature},
		{name: "epoch zero", payload: payload, header: signed(payload, whSecret, time.Unix(0, 0)), wantErr: ErrWebhookTimestampOutOfTolerance},
		{name: "empty header", payload: payload, header: "", wantErr: ErrWebhookMissingHeader},
		{name: "blank header", payload: payload, header: "  ", wantErr: ErrWebhookMissingHeader},
		{name: "no t", payload: payload, header: "v1=" + good, wantErr: ErrWebhookMalformedHeader},
		{name: "only v0", payload: payload, header: ts + ",v0=" + good, wantErr: ErrWebhookNoValidSignature},
		{name: "non-numeric t", payload: payload, header: "t=abc,v1=" + good, wantErr: ErrWebhookMalformedHeader},
		{name: "signed t", payload: payload, header: "t=+1700000000,v1=" + good, wantErr: ErrWebhookMalformedHeader},
		{name: "empty t", payload: payload, header: "t=,v1=" + good, wantErr: ErrWebhookMalformedHeader},
		{name: "huge t", payload: payload, header: "t=99999999999999999999,v1=" + good, wantErr: ErrWebhookMalformedHeader},
		{name: "two t", payload: payload, header: ts + ",t=1700000001,v1=" + good, wantErr: ErrWebhookMalformedHeader},
		{name: "item without =", payload: payload, header: ts + ",v1" + good, wantErr: ErrWebhookMalformedHeader},
		{name: "trailing comma", payload: payload, header: ts + ",v1=" + good + ",", wantErr: ErrWebhookMalformedHeader},
		{name: "v1 not hex", payload: payload, header: ts + ",v1=xyz", wantErr: ErrWebhookNoValidSignature},
		{name: "v1 truncated", payload: payload, header: ts + ",v1=" + good[:62], wantErr: ErrWebhookNoValidSignature},
		{name: "v1 upper-case hex", payload: payload, header: ts + ",v1=" + strings.ToUpper(good)},
		{name: "header too long", payload: payload, header: ts + ",v1=" + good + strings.Repeat(",v0=00", 2000), wantErr: ErrWebhookMalformedHeader},
		{name: "empty payload", payload: []byte{}, header: signed(nil, whSecret, whNow), wantErr: ErrWebhookNotEvent},
		{name: "JSON, not an event", payload: []byte(`{"id":"cus_1","object":"customer"}`),
			header: signed([]byte(`{"id":"cus_1","object":"customer"}`), whSecret, whNow), wantErr: ErrWebhookNotEvent},
		{name: "object is not event", payload: []byte(`{"id":"cus_1","object":"customer","type":"customer.created"}`),
			header: signed([]byte(`{"id":"cus_1","object":"customer","type":"customer.created"}`), whSecret, whNow), wantErr: ErrWebhookNotEvent},
		{name: "event without type", payload: []byte(`{"id":"evt_1","object":"event"}`),
			header: signed([]byte(`{"id":"evt_1","object":"event"}`), whSecret, whNow), wantErr: ErrWebhookNotEvent},
		{name: "JSON array", payload: []byte(`[1,2]`), header: signed([]byte(`[1,2]`), whSecret, whNow), wantErr: ErrWebhookNotEvent},
		{name: "JSON null", payload: []byte(`null`), header: signed([]byte(`null`), whSecret, whNow), wantErr: ErrWebhookNotEvent},
		{name: "not JSON", payload: []byte(`id=evt_1`), header: signed([]byte(`id=evt_1`), whSecret, whNow), wantErr: ErrWebhookNotEvent},
		{name: "no secret", payload: payload, header: signed(payload, "", whNow), secret: "-", wantErr: ErrWebhookNoSecret},
		{name: "only rotation secrets", payload: payload, header: signed(payload, whOldSecret, whNow), secret: "-",
			opts: []WebhookOption{WithWebhookSecrets("", whOldSecret)}},
		{name: "older api_version still accepted", payload: oldVersion, header: signed(oldVersion, whSecret, whNow)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			secret := whSecret
			if tt.secret == "-" {
				secret = ""
			}
			opts := append([]WebhookOption{WithWebhookClock(whClock)}, tt.opts...)
			ev, err := ConstructEvent(tt.payload, tt.header, secret, opts...)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				require.Nil(t, ev)
				for _, leak := range []string{whSecret, whOldSecret, "whsec_", good, wrong, tt.header} {
					if strings.TrimSpace(leak) != "" {
						require.NotContains(t, err.Error(), leak)
					}
				}
				return
			}
			require.NoError(t, err)
			require.Equal(t, "event", ev.Object)
			require.Equal(t, EventInvoicePaid, ev.Type)
			require.Equal(t, "evt_1NG8Du2eZvKYlo2CInvPaid1", ev.ID)
			require.Equal(t, bytes.Equal(tt.payload, oldVersion), ev.APIVersionMismatch())
			var inv struct {
				ID         string `json:"id"`
				AmountPaid int64  `json:"amount_paid"`
			}
			require.NoError(t, ev.Data.Decode(&inv))
			require.Equal(t, "in_1NG8Dt2eZvKYlo2CzbQK3Xyz", inv.ID)
			require.Equal(t, int64(2000), inv.AmountPaid)
		})
	}
}

func TestConstructEventDefaultsToTimeNow(t *testing.T) {
	t.Parallel()
	payload := []byte(fixture(t, "event_invoice_paid.json"))
	_, err := ConstructEvent(payload, SignPayload(payload, whSecret, time.Now()), whSecret)
	require.NoError(t, err)
	_, err = ConstructEvent(payload, SignPayload(payload, whSecret, time.Now().Add(-10*time.Minute)), whSecret)
	require.ErrorIs(t, err, ErrWebhookTimestampOutOfTolerance)
}

func TestParseSignatureHeader(t *testing.T) {
	t.Parallel()
	sh, err := parseSignatureHeader("t=12,v1=" + strings.Repeat("ab", 32) + ",v0=00,v1=" + strings.Repeat("cd", 32) + ",v1=nothex")
	require.NoError(t, err)
	require.Equal(t, int64(12), sh.timestamp)
	require.Equal(t, "12", sh.ts)
	require.Len(t, sh.v1, 2)
	require.Equal(t, byte(0xcd), sh.v1[1][0])
}

// --- handler ---

// whDelivery builds a signed POST of payload.
func whDelivery(t *testing.T, payload []byte, secret string) *http.Request {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/webhooks/stripe", bytes.NewReader(payload))
	req.Header.Set("Stripe-Signature", SignPayload(payload, secret, whNow))
	req.Header.Set("Content-Type", "application/json")
	return req
}

func serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// callCounter is a webhook callback that counts calls and returns the next
// of its errors (nil when they run out).
type callCounter struct {
	mu    sync.Mutex
	calls []string
	errs  []error
}

func (c *callCounter) fn(_ context.Context, ev *Event) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls = append(c.calls, ev.ID)
	if len(c.errs) > 0 {
		err := c.errs[0]
		c.errs = c.errs[1:]
		return err
	}
	return nil
}

func (c *callCounter) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.calls)
}

func TestWebhookHandler(t *testing.T) {
	t.Parallel()
	payload := []byte(fixture(t, "event_invoice_paid.json"))
	notEvent := []byte(`{"object":"list","data":[]}`)

	tests := []struct {
		name      string
		req       func() *http.Request
		errs      []error
		opts      []WebhookOption
		secret    string
		wantCode  int
		wantCalls int
	}{
		{name: "valid", req: func() *http.Request { return whDelivery(t, payload, whSecret) }, wantCode: 200, wantCalls: 1},
		{name: "GET", wantCode: 405, req: func() *http.Request {
			r := whDelivery(t, payload, whSecret)
			r.Method = http.MethodGet
			return r
		}},
		{name: "PUT", wantCode: 405, req: func() *http.Request {
			r := whDelivery(t, payload, whSecret)
			r.Method = http.MethodPut
			return r
		}},
		{name: "wrong secret", req: func() *http.Request { return whDelivery(t, payload, "whsec_wrong") }, wantCode: 400},
		{name: "missing header", wantCode: 400, req: func() *http.Request {
			r := whDelivery(t, payload, whSecret)
			r.Header.Del("Stripe-Signature")
			return r
		}},
		{name: "tampered", wantCode: 400, req: func() *http.Request {
			r := whDelivery(t, payload, whSecret)
			r.Body = io.NopCloser(bytes.NewReader(bytes.Replace(payload, []byte("2000"), []byte("2001"), 1)))
			return r
		}},
		{name: "not an event", req: func() *http.Request { return whDelivery(t, notEvent, whSecret) }, wantCode: 400},
		{name: "callback error", req: func() *http.Request { return whDelivery(t, payload, whSecret) },
			errs: []error{errors.New("db down")}, wantCode: 500, wantCalls: 1},
		{name: "rotated secret", req: func() *http.Request { return whDelivery(t, payload, whOldSecret) },
			opts: []WebhookOption{WithWebhookSecrets(whOldSecret)}, wantCode: 200, wantCalls: 1},
		{name: "no secret configured", req: func() *http.Request { return whDelivery(t, payload, "") },
			secret: "-", wantCode: 500},
		{name: "custom body limit", req: func() *http.Request { return whDelivery(t, payload, whSecret) },
			opts: []WebhookOption{WithWebhookMaxBodyBytes(int64(len(payload) - 1))}, wantCode: 413},
		{name: "body exactly at the limit", req: func() *http.Request { return whDelivery(t, payload, whSecret) },
			opts: []WebhookOption{WithWebhookMaxBodyBytes(int64(len(payload)))}, wantCode: 200, wantCalls: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cc := &callCounter{errs: tt.errs}
			secret := whSecret
			if tt.secret == "-" {
				secret = ""
			}
			h := WebhookHandler(secret, cc.fn, append([]WebhookOption{WithWebhookClock(whClock)}, tt.opts...)...)
			rec := serve(h, tt.req())
			require.Equal(t, tt.wantCode, rec.Code, rec.Body.String())
			require.Equal(t, tt.wantCalls, cc.count())
			if tt.wantCode == 405 {
				require.Equal(t, "POST", rec.Header().Get("Allow"))
			}
			body := rec.Body.String()
			require.NotContains(t, body, "whsec_")
			require.NotContains(t, body, "secret")
			require.NotContains(t, body, sigOnly(payload, whSecret, whNow))
			if tt.wantCode == 400 {
				require.Contains(t, []string{"invalid webhook signature\n", "invalid webhook payload\n"}, body)
			}
		})
	}
}

func TestWebhookHandlerPassesEventAndContext(t *testing.T) {
	t.Parallel()
	payload := []byte(fixture(t, "event_invoice_paid.json"))
	type ctxKey struct{}
	var got *Event
	var gotCtxValue any
	h := WebhookHandler(whSecret, func(ctx context.Context, ev *Event) error {
		got, gotCtxValue = ev, ctx.Value(ctxKey{})
		return nil
	}, WithWebhookClock(whClock))
	req := whDelivery(t, payload, whSecret)
	req = req.WithContext(context.WithValue(req.Context(), ctxKey{}, "v"))
	rec := serve(h, req)
	require.Equal(t, 200, rec.Code)
	require.Equal(t, "evt_1NG8Du2eZvKYlo2CInvPaid1", got.ID)
	require.Equal(t, "v", gotCtxValue)
}

func TestWebhookHandlerNilCallback(t *testing.T) {
	t.Parallel()
	payload := []byte(fixture(t, "event_invoice_paid.json"))
	rec := serve(WebhookHandler(whSecret, nil, WithWebhookClock(whClock)), whDelivery(t, payload, whSecret))
	require.Equal(t, 500, rec.Code)
}

// lazyBody produces n bytes on demand and counts how many were read, so a
// test can send 10 MiB without holding them.
type lazyBody struct {
	n, read int64
}

func (b *lazyBody) Read(p []byte) (int, error) {
	if b.read >= b.n {
		return 0, io.EOF
	}
	k := int(min(int64(len(p)), b.n-b.read))
	for i := range p[:k] {
		p[i] = ' '
	}
	b.read += int64(k)
	return k, nil
}

func TestWebhookHandlerBodyLimit(t *testing.T) {
	t.Parallel()
	const tenMiB = 10 << 20
	cc := &callCounter{}
	h := WebhookHandler(whSecret, cc.fn, WithWebhookClock(whClock))

	// Unknown length (chunked): stops reading just past the limit.
	body := &lazyBody{n: tenMiB}
	req := httptest.NewRequest(http.MethodPost, "/webhooks/stripe", body)
	require.Equal(t, int64(-1), req.ContentLength)
	req.Header.Set("Stripe-Signature", SignPayload(nil, whSecret, whNow))
	rec := serve(h, req)
	require.Equal(t, http.StatusRequestEntityTooLarge, rec.Code)
	require.LessOrEqual(t, body.read, int64(DefaultWebhookMaxBodyBytes+1))
	require.Greater(t, body.read, int64(DefaultWebhookMaxBodyBytes)) // it did read up to the limit

	// A Content-Length over the limit is refused before reading anything.
	body = &lazyBody{n: tenMiB}
	req = httptest.NewRequest(http.MethodPost, "/webhooks/stripe", body)
	req.ContentLength = tenMiB
	rec = serve(h, req)
	require.Equal(t, http.StatusRequestEntityTooLarge, rec.Code)
	require.Zero(t, body.read)
	require.Zero(t, cc.count())
}

func TestWebhookHandlerOverHTTP(t *testing.T) {
	t.Parallel()
	payload := []byte(fixture(t, "event_invoice_paid.json"))
	cc := &callCounter{}
	srv := httptest.NewServer(WebhookHandler(whSecret, cc.fn, WithWebhookClock(whClock), WithWebhookMaxBodyBytes(4<<10)))
	defer srv.Close()

	req, err := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(payload))
	require.NoError(t, err)
	req.Header.Set("Stripe-Signature", SignPayload(payload, whSecret, whNow))
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	require.Equal(t, 200, resp.StatusCode)
	require.Equal(t, 1, cc.count())

	req, err = http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(strings.Repeat(" ", 8<<10)))
	require.NoError(t, err)
	resp, err = srv.Client().Do(req)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	require.Equal(t, 413, resp.StatusCode)
}

func TestWebhookHandlerDedup(t *testing.T) {
	t.Parallel()
	payload := []byte(fixture(t, "event_invoice_paid.json"))

	t.Run("same event twice runs once", func(t *testing.T) {
		t.Parallel()
		cc := &callCounter{}
		h := WebhookHandler(whSecret, cc.fn, WithWebhookClock(whClock), WithWebhookDedup(nil, 0))
		require.Equal(t, 200, serve(h, whDelivery(t, payload, whSecret)).Code)
		require.Equal(t, 200, serve(h, whDelivery(t, payload, whSecret)).Code)
		require.Equal(t, 1, cc.count())

		other := bytes.Replace(payload, []byte("evt_1NG8Du2eZvKYlo2CInvPaid1"), []byte("evt_other"), 1)
		require.Equal(t, 200, serve(h, whDelivery(t, other, whSecret)).Code)
		require.Equal(t, 2, cc.count())
	})

	t.Run("without dedup every delivery runs", func(t *testing.T) {
		t.Parallel()
		cc := &callCounter{}
		h := WebhookHandler(whSecret, cc.fn, WithWebhookClock(whClock))
		serve(h, whDelivery(t, payload, whSecret))
		serve(h, whDelivery(t, payload, whSecret))
		require.Equal(t, 2, cc.count())
	})

	t.Run("failed callback runs again on redelivery", func(t *testing.T) {
		t.Parallel()
		cc := &callCounter{errs: []error{errors.New("temporary")}}
		store := NewMemoryDedupStore(10)
		h := WebhookHandler(whSecret, cc.fn, WithWebhookClock(whClock), WithWebhookDedup(store, time.Hour))
		require.Equal(t, 500, serve(h, whDelivery(t, payload, whSecret)).Code)
		require.Equal(t, 0, store.Len(), "a failed event must not stay claimed")
		require.Equal(t, 200, serve(h, whDelivery(t, payload, whSecret)).Code)
		require.Equal(t, 200, serve(h, whDelivery(t, payload, whSecret)).Code)
		require.Equal(t, 2, cc.count())
	})

	t.Run("panicking callback releases its claim", func(t *testing.T) {
		t.Parallel()
		var n atomic.Int32
		h := WebhookHandler(whSecret, func(context.Context, *Event) error {
			if n.Add(1) == 1 {
				panic("boom")
			}
			return nil
		}, WithWebhookClock(whClock), WithWebhookDedup(nil, time.Hour))
		require.PanicsWithValue(t, "boom", func() { serve(h, whDelivery(t, payload, whSecret)) })
		require.Equal(t, 200, serve(h, whDelivery(t, payload, whSecret)).Code)
		require.Equal(t, int32(2), n.Load())
	})

	t.Run("concurrent deliveries run once", func(t *testing.T) {
		t.Parallel()
		started, release := make(chan struct{}), make(chan struct{})
		var n atomic.Int32
		h := WebhookHandler(whSecret, func(context.Context, *Event) error {
			n.Add(1)
			close(started)
			<-release
			return nil
		}, WithWebhookClock(whClock), WithWebhookDedup(nil, time.Hour))

		first := make(chan int)
		go func() { first <- serve(h, whDelivery(t, payload, whSecret)).Code }()
		<-started
		// While the first runs, a second delivery is told to come back later.
		require.Equal(t, http.StatusConflict, serve(h, whDelivery(t, payload, whSecret)).Code)
		close(release)
		require.Equal(t, 200, <-first)
		require.Equal(t, 200, serve(h, whDelivery(t, payload, whSecret)).Code)
		require.Equal(t, int32(1), n.Load())
	})

	t.Run("store error is a 500 and skips the callback", func(t *testing.T) {
		t.Parallel()
		cc := &callCounter{}
		h := WebhookHandler(whSecret, cc.fn, WithWebhookClock(whClock), WithWebhookDedup(failingStore{}, time.Hour))
		require.Equal(t, 500, serve(h, whDelivery(t, payload, whSecret)).Code)
		require.Zero(t, cc.count())
	})
}

type failingStore struct{}

func (failingStore) Claim(context.Context, string) (WebhookClaim, error) {
	return 0, errors.New("redis: connection refused")
}
func (failingStore) Done(context.Context, string, time.Duration) error { return nil }
func (failingStore) Release(context.Context, string) error             { return nil }

func TestMemoryDedupStore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now := whNow
	s := NewMemoryDedupStore(3)
	s.now = func() time.Time { return now }

	claim := func(id string) WebhookClaim {
		c, err := s.Claim(ctx, id)
		require.NoError(t, err)
		return c
	}
	require.Equal(t, WebhookClaimed, claim("evt_1"))
	require.Equal(t, WebhookInProgress, claim("evt_1"))
	require.NoError(t, s.Release(ctx, "evt_1"))
	require.Equal(t, WebhookClaimed, claim("evt_1"))
	require.NoError(t, s.Done(ctx, "evt_1", time.Minute))
	require.Equal(t, WebhookAlreadyDone, claim("evt_1"))
	require.NoError(t, s.Release(ctx, "evt_1")) // a done event stays done
	require.Equal(t, WebhookAlreadyDone, claim("evt_1"))

	// The window ends.
	now = now.Add(time.Minute)
	require.Equal(t, WebhookClaimed, claim("evt_1"))
	require.NoError(t, s.Done(ctx, "evt_1", time.Minute))

	// Bounded: the oldest entries go first.
	for _, id := range []string{"evt_2", "evt_3", "evt_4", "evt_5"} {
		require.Equal(t, WebhookClaimed, claim(id))
		require.NoError(t, s.Done(ctx, id, time.Hour))
		require.LessOrEqual(t, s.Len(), 3)
	}
	require.Equal(t, 3, s.Len())
	require.Equal(t, WebhookAlreadyDone, claim("evt_5"))
	require.Equal(t, WebhookAlreadyDone, claim("evt_3"))
	require.Equal(t, WebhookClaimed, claim("evt_1"), "evicted, so claimable again")

	// Expired entries are dropped when new ones come in.
	now = now.Add(2 * time.Hour)
	require.Equal(t, WebhookClaimed, claim("evt_6"))
	require.Equal(t, 2, s.Len()) // evt_1 (in progress) and evt_6

	// The zero value works.
	var z MemoryDedupStore
	c, err := z.Claim(ctx, "evt_z")
	require.NoError(t, err)
	require.Equal(t, WebhookClaimed, c)
}

// A full store drops handled entries, never a claim still being handled:
// dropping it would let a concurrent redelivery run the callback again.
func TestMemoryDedupStoreKeepsInProgressClaims(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := NewMemoryDedupStore(2)
	s.now = func() time.Time { return whNow }
	claim := func(id string) WebhookClaim {
		c, err := s.Claim(ctx, id)
		require.NoError(t, err)
		return c
	}
	require.Equal(t, WebhookClaimed, claim("evt_slow")) // its callback is still running
	require.Equal(t, WebhookClaimed, claim("evt_2"))
	require.NoError(t, s.Done(ctx, "evt_2", time.Hour))
	require.Equal(t, WebhookClaimed, claim("evt_3")) // full: evt_2 goes, not evt_slow
	require.Equal(t, WebhookInProgress, claim("evt_slow"))
	require.Equal(t, WebhookClaimed, claim("evt_4")) // only claims in flight: the store grows
	require.Equal(t, 3, s.Len())
	require.Equal(t, WebhookInProgress, claim("evt_slow"))
}

func TestMemoryDedupStoreConcurrentClaims(t *testing.T) {
	t.Parallel()
	s := NewMemoryDedupStore(0)
	var claimed atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := s.Claim(context.Background(), "evt_same")
			if err == nil && c == WebhookClaimed {
				claimed.Add(1)
			}
			_, _ = s.Claim(context.Background(), fmt.Sprintf("evt_%d", i))
		}()
	}
	wg.Wait()
	require.Equal(t, int32(1), claimed.Load())
	require.Equal(t, 51, s.Len())
}

func TestWebhookHandlerLogsNoSecrets(t *testing.T) {
	t.Parallel()
	payload := []byte(fixture(t, "event_invoice_paid.json"))
	var buf syncBuffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	cc := &callCounter{errs: []error{errors.New("handler failed for whsec_leaked123")}}
	h := WebhookHandler(whSecret, cc.fn, WithWebhookClock(whClock), WithWebhookLogger(logger))

	serve(h, whDelivery(t, payload, "whsec_wrong"))      // 400
	serve(h, whDelivery(t, payload, whSecret))           // 500
	serve(h, whDelivery(t, payload, whSecret))           // 200
	serve(h, whDelivery(t, []byte(`{"x":1}`), whSecret)) // 400
	get := whDelivery(t, payload, whSecret)
	get.Method = http.MethodGet
	serve(h, get) // 405

	out := buf.String()
	require.Contains(t, out, "status=400")
	require.Contains(t, out, "status=500")
	require.Contains(t, out, "event_id=evt_1NG8Du2eZvKYlo2CInvPaid1")
	require.Contains(t, out, "event_type=invoice.paid")
	require.Contains(t, out, "no valid signature")
	require.NotContains(t, out, whSecret)
	require.NotContains(t, out, "whsec_leaked123")
	for _, s := range []string{whSecret, "whsec_wrong"} {
		require.NotContains(t, out, sigOnly(payload, s, whNow))
	}
	require.NotRegexp(t, regexp.MustCompile(`[0-9a-f]{64}`), out)
}

// syncBuffer is a bytes.Buffer safe for a logger used from handlers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestWebhookRouter(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var got []string
	var r WebhookRouter
	require.NoError(t, r.Handle(ctx, &Event{Type: EventChargeFailed}), "zero value ignores events")

	r.On(EventInvoicePaid, func(_ context.Context, ev *Event) error {
		got = append(got, "paid:"+ev.ID)
		return nil
	})
	r.On(EventInvoicePaymentFailed, func(context.Context, *Event) error { return errors.New("retry me") })
	r.On(EventChargeRefunded, func(context.Context, *Event) error { return errors.New("removed") })
	r.On(EventChargeRefunded, nil)

	require.NoError(t, r.Handle(ctx, &Event{ID: "evt_1", Type: EventInvoicePaid}))
	require.EqualError(t, r.Handle(ctx, &Event{ID: "evt_2", Type: EventInvoicePaymentFailed}), "retry me")
	require.NoError(t, r.Handle(ctx, &Event{ID: "evt_3", Type: EventChargeRefunded}))
	require.Equal(t, []string{"paid:evt_1"}, got)

	r.Default(func(_ context.Context, ev *Event) error {
		got = append(got, "default:"+string(ev.Type))
		return nil
	})
	require.NoError(t, r.Handle(ctx, &Event{ID: "evt_4", Type: EventCustomerCreated}))
	require.Equal(t, []string{"paid:evt_1", "default:customer.created"}, got)

	// Wired into the handler.
	payload := []byte(fixture(t, "event_invoice_paid.json"))
	rec := serve(WebhookHandler(whSecret, r.Handle, WithWebhookClock(whClock)), whDelivery(t, payload, whSecret))
	require.Equal(t, 200, rec.Code)
	require.Equal(t, "paid:evt_1NG8Du2eZvKYlo2CInvPaid1", got[len(got)-1])
}
