package stripetest_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

// Saving a declining test card on a customer fails as on Stripe (402
// card_declined) and saves nothing; tok_chargeCustomerFail saves and then
// declines when charged.
func TestAttachDecliningCardRefused(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()

	_, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_chargeDeclined")})
	require.ErrorIs(t, err, stripe.ErrCardDeclined)
	se := apiErr(t, err)
	require.Equal(t, http.StatusPaymentRequired, se.HTTPStatus)
	require.Equal(t, "card_declined", string(se.Code))
	require.Equal(t, 0, srv.Count("customer"), "no customer is saved")
	require.Equal(t, 0, srv.Count("card"))

	_, err = c.Customers.Create(ctx, &stripe.CustomerCreateParams{PaymentMethod: stripe.Ptr("pm_card_chargeDeclined")})
	require.ErrorIs(t, err, stripe.ErrCardDeclined)
	require.Equal(t, 0, srv.Count("customer"))
	require.Equal(t, 0, srv.Count("payment_method"))

	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	_, err = c.Cards.Create(ctx, cus.ID, &stripe.CardCreateParams{Source: "tok_chargeDeclinedInsufficientFunds"})
	require.ErrorIs(t, err, stripe.ErrCardDeclined)
	require.Equal(t, "insufficient_funds", apiErr(t, err).DeclineCode)
	require.Equal(t, 0, srv.Count("card"))
	got, err := c.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Empty(t, got.DefaultSource.ID, "the customer is unchanged")

	card, err := c.Cards.Create(ctx, cus.ID, &stripe.CardCreateParams{Source: "tok_chargeCustomerFail"})
	require.NoError(t, err)
	require.Equal(t, "0341", card.Last4)
	_, err = c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(500)), Currency: stripe.Ptr("usd"), Customer: stripe.Ptr(cus.ID)})
	require.ErrorIs(t, err, stripe.ErrCardDeclined)
}

// A declined payment intent confirmation's error carries the payment
// intent, its payment method and the request's log URL, as Stripe's does.
func TestErrorBodyCarriesPaymentIntentAndLogURL(t *testing.T) {
	t.Parallel()
	srv, _ := newClient(t)
	_, pi := rawCall(t, srv, "POST", "/v1/payment_intents", url.Values{"amount": {"1000"}, "currency": {"usd"}})
	piID := pi["id"].(string)
	resp, body := rawCall(t, srv, "POST", "/v1/payment_intents/"+piID+"/confirm", url.Values{"payment_method": {"pm_card_chargeDeclined"}})
	require.Equal(t, http.StatusPaymentRequired, resp.StatusCode)
	e := body["error"].(map[string]any)
	require.Equal(t, "card_declined", e["code"])
	require.Equal(t, "https://dashboard.stripe.com/test/logs/"+resp.Header.Get("Request-Id"), e["request_log_url"])
	epi := e["payment_intent"].(map[string]any)
	require.Equal(t, piID, epi["id"])
	require.Equal(t, "requires_payment_method", epi["status"])
	require.Equal(t, "payment_method", e["payment_method"].(map[string]any)["object"])

	// Every error has the log URL, a 404 too.
	resp, body = rawCall(t, srv, "GET", "/v1/customers/cus_missing", nil)
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
	require.Equal(t, "https://dashboard.stripe.com/test/logs/"+resp.Header.Get("Request-Id"), body["error"].(map[string]any)["request_log_url"])
}

// An invoice embeds its first ten lines with has_more and the URL of all
// of them, which pages like any list.
func TestInvoiceLinesHasMore(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID)})
	require.NoError(t, err)
	require.False(t, inv.Lines.HasMore)
	var items []string
	for i := range 12 {
		ii, err := c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{Customer: stripe.Ptr(cus.ID), Invoice: stripe.Ptr(inv.ID),
			Amount: stripe.Ptr(int64(100 + i)), Currency: stripe.Ptr("usd")})
		require.NoError(t, err)
		items = append(items, ii.ID)
	}
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Len(t, inv.Lines.Data, 10)
	require.True(t, inv.Lines.HasMore)
	require.Equal(t, "/v1/invoices/"+inv.ID+"/lines", inv.Lines.URL)
	require.Equal(t, int64(12*100+66), inv.Total, "the total counts every line, not only the embedded ones")

	_, page := rawCall(t, srv, "GET", inv.Lines.URL+"?starting_after="+inv.Lines.Data[9].ID, nil)
	require.Equal(t, false, page["has_more"])
	rest := page["data"].([]any)
	require.Len(t, rest, 2)
	var got []string
	for _, l := range inv.Lines.Data {
		got = append(got, l.Parent.InvoiceItemDetails.InvoiceItem)
	}
	for _, l := range rest {
		got = append(got, l.(map[string]any)["parent"].(map[string]any)["invoice_item_details"].(map[string]any)["invoice_item"].(string))
	}
	require.Equal(t, items, got, "the embedded page and the rest are all the lines, in order")

	_, page = rawCall(t, srv, "GET", inv.Lines.URL+"?limit=3&ending_before="+inv.Lines.Data[5].ID, nil)
	require.Len(t, page["data"], 3)
	require.Equal(t, true, page["has_more"])
}

// A replayed answer says so in Idempotent-Replayed: true.
func TestIdempotentReplayedHeader(t *testing.T) {
	t.Parallel()
	srv, _ := newClient(t)
	form := url.Values{"email": {"a@example.com"}}
	first, a := rawCall(t, srv, "POST", "/v1/customers", form, "Idempotency-Key", "replay-1")
	require.Empty(t, first.Header.Get("Idempotent-Replayed"))
	second, b := rawCall(t, srv, "POST", "/v1/customers", form, "Idempotency-Key", "replay-1")
	require.Equal(t, "true", second.Header.Get("Idempotent-Replayed"))
	require.Equal(t, a["id"], b["id"])
	require.Equal(t, 1, srv.Count("customer"))
}

// Keys longer than Stripe's 255 characters are refused before anything
// happens.
func TestIdempotencyKeyTooLong(t *testing.T) {
	t.Parallel()
	srv, _ := newClient(t)
	resp, body := rawCall(t, srv, "POST", "/v1/customers", url.Values{}, "Idempotency-Key", strings.Repeat("k", 256))
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	require.Equal(t, "invalid_request_error", body["error"].(map[string]any)["type"])
	require.Contains(t, body["error"].(map[string]any)["message"], "255")
	require.Equal(t, 0, srv.Count("customer"))

	resp, _ = rawCall(t, srv, "POST", "/v1/customers", url.Values{}, "Idempotency-Key", strings.Repeat("k", 255))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, 1, srv.Count("customer"))
}

// A second request with a key whose first request is still being handled
// gets 409 idempotency_error; once the first is answered, it is replayed.
func TestIdempotencyKeyInFlight(t *testing.T) {
	t.Parallel()
	srv, _ := newClient(t)
	entered, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	srv.SetBeforeHandle(func(path string) {
		if path == "/v1/customers" {
			once.Do(func() {
				close(entered)
				<-release
			})
		}
	})
	form := url.Values{"email": {"a@example.com"}}
	var wg sync.WaitGroup
	var firstID any
	wg.Add(1)
	go func() {
		defer wg.Done()
		resp, body := rawCall(t, srv, "POST", "/v1/customers", form, "Idempotency-Key", "flight-1")
		if resp.StatusCode == http.StatusOK {
			firstID = body["id"]
		}
	}()
	<-entered
	resp, body := rawCall(t, srv, "POST", "/v1/customers", form, "Idempotency-Key", "flight-1")
	require.Equal(t, http.StatusConflict, resp.StatusCode)
	require.Equal(t, "idempotency_error", body["error"].(map[string]any)["type"])
	close(release)
	wg.Wait()
	require.NotNil(t, firstID)

	resp, body = rawCall(t, srv, "POST", "/v1/customers", form, "Idempotency-Key", "flight-1")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "true", resp.Header.Get("Idempotent-Replayed"))
	require.Equal(t, firstID, body["id"])
	require.Equal(t, 1, srv.Count("customer"))
}
