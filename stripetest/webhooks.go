package stripetest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sync"
	"time"

	stripe "github.com/stripelite/stripe"
)

// webhookSender delivers event payloads in order from one goroutine.
type webhookSender struct {
	url, secret string
	client      *http.Client

	mu      sync.Mutex
	queue   []delivery
	busy    bool
	wake    chan struct{}
	ctx     context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	now     func() time.Time
	stopped bool
	// delivered marks an event's delivery as successful.
	delivered func(ev *event)
}

// delivery is one queued webhook delivery: an event and its payload.
type delivery struct {
	ev      *event
	payload []byte
}

func newWebhookSender(url, secret string) *webhookSender {
	ctx, cancel := context.WithCancel(context.Background())
	return &webhookSender{url: url, secret: secret, client: &http.Client{Timeout: 10 * time.Second},
		wake: make(chan struct{}, 1), ctx: ctx, cancel: cancel}
}

func (w *webhookSender) start(now func() time.Time) {
	w.now = now
	w.wg.Add(1)
	go w.loop()
}

func (w *webhookSender) stop() {
	w.mu.Lock()
	w.stopped = true
	w.mu.Unlock()
	w.cancel()
	w.wg.Wait()
	w.client.CloseIdleConnections()
}

func (w *webhookSender) enqueue(ev *event, payload []byte) {
	w.mu.Lock()
	if !w.stopped {
		w.queue = append(w.queue, delivery{ev, payload})
	}
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func (w *webhookSender) loop() {
	defer w.wg.Done()
	for {
		w.mu.Lock()
		if len(w.queue) == 0 {
			w.busy = false
			w.mu.Unlock()
			select {
			case <-w.ctx.Done():
				return
			case <-w.wake:
				continue
			}
		}
		d := w.queue[0]
		w.queue = w.queue[1:]
		w.busy = true
		w.mu.Unlock()
		w.send(d)
	}
}

// send posts one event; a 2xx answer marks it delivered.
func (w *webhookSender) send(d delivery) {
	req, err := http.NewRequestWithContext(w.ctx, http.MethodPost, w.url, bytes.NewReader(d.payload))
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
	req.Header.Set("Stripe-Signature", stripe.SignPayload(d.payload, w.secret, w.now()))
	resp, err := w.client.Do(req)
	if err != nil {
		return
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	_ = resp.Body.Close()
	if resp.StatusCode >= 200 && resp.StatusCode < 300 && w.delivered != nil {
		w.delivered(d.ev)
	}
}

func (w *webhookSender) flush(ctx context.Context) error {
	t := time.NewTicker(2 * time.Millisecond)
	defer t.Stop()
	for {
		w.mu.Lock()
		idle := len(w.queue) == 0 && !w.busy
		w.mu.Unlock()
		if idle {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}
