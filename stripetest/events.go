package stripetest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"time"

	stripe "github.com/stripelite/stripe"
)

func (s *Server) registerEvents() {
	s.handle("GET", "/v1/events", []string{"created", "delivery_success", "ending_before", "limit", "starting_after", "type", "types"}, s.listEvents)
	s.handle("GET", "/v1/events/{id}", nil, func(r *request) (any, error) {
		ev, err := s.get("event", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(ev, r.expand), nil
	})
}

func (s *Server) listEvents(r *request) (any, error) {
	f := r.form
	typ, hasType := f.str("type")
	types := f.strings("types")
	delivered, hasDelivered := f.bool("delivery_success")
	if hasType && len(types) > 0 {
		return nil, invalid("types", "", "You may only specify one of these parameters: type, types.")
	}
	return s.listOf(r, "event", "/v1/events", func(ev obj) bool {
		t := ev["type"].(string)
		if hasType && !matchEventType(typ, t) {
			return false
		}
		if len(types) > 0 && !contains(types, t) {
			return false
		}
		if hasDelivered && (ev["pending_webhooks"].(int64) == 0) != delivered {
			return false
		}
		return true
	})
}

// matchEventType matches "invoice.*" style patterns.
func matchEventType(pattern, t string) bool {
	if !strings.Contains(pattern, "*") {
		return pattern == t
	}
	prefix, suffix, _ := strings.Cut(pattern, "*")
	return strings.HasPrefix(t, prefix) && strings.HasSuffix(t[len(prefix):], suffix)
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// emit records an event of typ about o (as it is now) and queues its
// webhook delivery. prev, when not nil, becomes data.previous_attributes.
func (s *Server) emit(r *request, typ string, o obj, prev obj) {
	data := obj{"object": s.render(o, nil)}
	if prev != nil {
		data["previous_attributes"] = prev
	}
	reqInfo := obj{"id": nil, "idempotency_key": nil}
	if r != nil {
		reqInfo["id"] = r.id
		if r.idemKey != "" {
			reqInfo["idempotency_key"] = r.idemKey
		}
	}
	pending := int64(0)
	if s.hook != nil {
		pending = 1
	}
	ev := s.insert(obj{
		"id": s.newID("evt"), "object": "event", "api_version": stripe.APIVersion, "created": s.unix(),
		"data": data, "livemode": false, "pending_webhooks": pending, "request": reqInfo, "type": typ,
	})
	if s.hook != nil {
		payload, _ := json.Marshal(s.render(ev, nil))
		s.hook.enqueue(ev, payload)
	}
}

// snapshot is the rendered state of o before a change, for emitUpdated.
func (s *Server) snapshot(o obj) obj { return s.render(o, nil) }

// emitUpdated emits typ if o differs from before, with the changed
// top-level fields' old values as previous_attributes.
func (s *Server) emitUpdated(r *request, typ string, o, before obj) {
	after := s.render(o, nil)
	prev := diffTop(before, after)
	for k := range after {
		if _, ok := before[k]; !ok {
			prev[k] = nil
		}
	}
	if len(prev) > 0 {
		s.emit(r, typ, o, prev)
	}
}

// diffTop returns the old values of the top-level fields that changed.
func diffTop(before, after obj) obj {
	prev := obj{}
	for k, v := range before {
		if a, ok := after[k]; !ok || !reflect.DeepEqual(v, a) {
			prev[k] = v
		}
	}
	return prev
}

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
	delivered func(ev obj)
}

type delivery struct {
	ev      obj
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

func (w *webhookSender) enqueue(ev obj, payload []byte) {
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
