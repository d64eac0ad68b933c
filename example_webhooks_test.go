package stripe_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/stripelite/stripe"
)

// Mount a webhook endpoint that reacts to invoice.paid. Stripe signs each
// delivery with the endpoint's secret (whsec_...); the handler verifies it,
// answers 200 when the callback succeeds and 500 when it fails, so Stripe
// retries, and with WithWebhookDedup runs the callback once per event.
func ExampleWebhookHandler() {
	secret := "whsec_example" // in production: os.Getenv("STRIPE_WEBHOOK_SECRET")

	var router stripe.WebhookRouter
	router.On(stripe.EventInvoicePaid, func(ctx context.Context, ev *stripe.Event) error {
		var inv stripe.Invoice
		if err := ev.Data.Decode(&inv); err != nil {
			return err
		}
		fmt.Printf("invoice %s paid: %d %s by %s\n", inv.ID, inv.AmountPaid, inv.Currency, inv.Customer.ID)
		return nil
	})

	mux := http.NewServeMux()
	mux.Handle("/webhooks/stripe", stripe.WebhookHandler(secret, router.Handle,
		stripe.WithWebhookDedup(nil, 0)))
	// http.ListenAndServe(":8080", mux)

	// Simulate Stripe delivering the same event twice.
	payload := []byte(`{"id": "evt_1", "object": "event", "type": "invoice.paid",
		"api_version": "` + stripe.APIVersion + `", "created": 1700000000,
		"data": {"object": {"id": "in_1", "object": "invoice", "customer": "cus_1",
			"amount_paid": 2000, "currency": "usd"}}}`)
	for range 2 {
		req := httptest.NewRequest(http.MethodPost, "/webhooks/stripe", bytes.NewReader(payload))
		req.Header.Set("Stripe-Signature", stripe.SignPayload(payload, secret, time.Now()))
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		fmt.Println(rec.Code)
	}
	// Output:
	// invoice in_1 paid: 2000 usd by cus_1
	// 200
	// 200
}

// Verify a delivery yourself, in a handler of your own.
func ExampleConstructEvent() {
	secret, oldSecret := "whsec_new", "whsec_old"
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		payload, err := readBody(w, r)
		if err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		// While rolling the secret, accept signatures by either.
		ev, err := stripe.ConstructEvent(payload, r.Header.Get("Stripe-Signature"), secret,
			stripe.WithWebhookSecrets(oldSecret))
		switch {
		case errors.Is(err, stripe.ErrWebhookTimestampOutOfTolerance):
			http.Error(w, "stale delivery", http.StatusBadRequest)
			return
		case err != nil:
			http.Error(w, "invalid signature", http.StatusBadRequest)
			return
		}
		if ev.APIVersionMismatch() {
			log.Printf("event %s rendered in API version %s, not %s", ev.ID, ev.APIVersion, stripe.APIVersion)
		}
		w.WriteHeader(http.StatusOK)
	})

	// http.Handle("/webhooks/stripe", handler)

	payload := []byte(`{"id": "evt_1", "object": "event", "type": "customer.created",
		"api_version": "` + stripe.APIVersion + `", "data": {"object": {}}}`)
	for _, signer := range []string{oldSecret, "whsec_someone_else"} {
		req := httptest.NewRequest(http.MethodPost, "/webhooks/stripe", bytes.NewReader(payload))
		req.Header.Set("Stripe-Signature", stripe.SignPayload(payload, signer, time.Now()))
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		fmt.Println(rec.Code)
	}
	// Output:
	// 200
	// 400
}

func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, 1<<20))
	return buf.Bytes(), err
}
