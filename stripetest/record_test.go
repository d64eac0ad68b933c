package stripetest

import (
	"bytes"
	"context"
	"net/url"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/oauth"
)

// everyKindServer drives a server through the API until it stores at
// least one object of every kind in recordKinds, deleted ones included
// where the API marks deletion, on the platform and on a connected
// account. Its clock is fixed, so rendering later gives the same trees.
func everyKindServer(t *testing.T) *Server {
	t.Helper()
	ctx := context.Background()
	clock := func() time.Time { return time.Unix(1_800_000_000, 0) }
	srv := NewServer(t, WithClock(clock), WithDemoData())
	c, err := srv.Client()
	require.NoError(t, err)
	must := func(_ any, err error) {
		t.Helper()
		require.NoError(t, err)
	}

	// Customers (one deleted), their ledger and tax IDs.
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_visa"), Metadata: stripe.Metadata{"k": "v"}})
	require.NoError(t, err)
	gone, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	must(c.Customers.Delete(ctx, gone.ID, nil))
	must(c.CustomerBalanceTransactions.Create(ctx, cus.ID, &stripe.CustomerBalanceTransactionCreateParams{Amount: stripe.Ptr(int64(-500)), Currency: stripe.Ptr("usd")}))
	must(c.TaxIDs.Create(ctx, cus.ID, &stripe.TaxIDCreateParams{Type: stripe.Ptr("eu_vat"), Value: stripe.Ptr("DE123456789")}))
	must(c.TaxRates.Create(ctx, &stripe.TaxRateCreateParams{DisplayName: stripe.Ptr("VAT"), Percentage: stripe.Ptr(19.0), Inclusive: stripe.Ptr(false)}))

	// A subscription with a coupon and a promotion code (discounts), a
	// deleted coupon, and a refund of the demo charge.
	cpn, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(20.0), Duration: stripe.Ptr(stripe.CouponDurationForever)})
	require.NoError(t, err)
	pc, err := c.PromotionCodes.Create(ctx, &stripe.PromotionCodeCreateParams{Promotion: &stripe.PromotionCodePromotionParams{Coupon: stripe.Ptr(cpn.ID), Type: stripe.Ptr("coupon")},
		Code: stripe.Ptr("ROUNDTRIP")})
	require.NoError(t, err)
	sp := &stripe.SubscriptionCreateParams{Customer: stripe.Ptr(cus.ID), Items: stripe.Array[stripe.SubscriptionItemParams]{{Price: stripe.Ptr(DemoPrice)}}}
	sp.AddExtra("discounts[0][promotion_code]", pc.ID)
	must(c.Subscriptions.Create(ctx, sp))
	oldCpn, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{AmountOff: stripe.Ptr(int64(100)), Currency: stripe.Ptr("usd"), Duration: stripe.Ptr(stripe.CouponDurationOnce)})
	require.NoError(t, err)
	must(c.Coupons.Delete(ctx, oldCpn.ID, nil))
	must(c.Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.Ptr(DemoCharge), Amount: stripe.Ptr(int64(500))}))

	// A credit note on the demo open invoice, a setup intent, a payment
	// method.
	inv, err := c.Invoices.Get(ctx, DemoOpenInvoice, nil)
	require.NoError(t, err)
	must(c.CreditNotes.Create(ctx, &stripe.CreditNoteCreateParams{Invoice: stripe.Ptr(inv.ID), Lines: stripe.Array[stripe.CreditNoteLineParams]{
		{Type: stripe.Ptr("invoice_line_item"), InvoiceLineItem: stripe.Ptr(inv.Lines.Data[0].ID), Amount: stripe.Ptr(int64(300))}}}))
	must(c.SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Customer: stripe.Ptr(cus.ID)}))
	must(c.PaymentMethods.Attach(ctx, "pm_card_visa", &stripe.PaymentMethodAttachParams{Customer: stripe.Ptr(cus.ID)}))

	// Money movements: a dispute, a payout, a transfer to a connected
	// account (made by the existing helper) that holds a customer too.
	must(c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(100000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")}))
	ch, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(2000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	_, err = srv.OpenDispute(ch.ID, "fraudulent")
	require.NoError(t, err)
	must(c.Payouts.Create(ctx, &stripe.PayoutCreateParams{Amount: stripe.Ptr(int64(5000)), Currency: stripe.Ptr("usd")}))
	acct := srv.CreateAccount()
	must(c.Transfers.Create(ctx, &stripe.TransferCreateParams{Amount: stripe.Ptr(int64(6000)), Currency: stripe.Ptr("usd"), Destination: stripe.Ptr(acct)}))
	must(c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("connected@example.com"), Params: stripe.Params{StripeAccount: acct}}))

	// Hosted pages: a checkout sessions (one completed), a payment link, a
	// portal session.
	for i := range 2 {
		cs, err := c.CheckoutSessions.Create(ctx, &stripe.CheckoutSessionCreateParams{Mode: stripe.Ptr(stripe.CheckoutSessionModeSubscription),
			CustomerEmail: stripe.Ptr("buyer@example.com"),
			LineItems:     stripe.Array[stripe.CheckoutSessionLineItemParams]{{Price: stripe.Ptr(DemoPrice), Quantity: stripe.Ptr(int64(1))}}})
		require.NoError(t, err)
		if i == 0 {
			require.NoError(t, srv.CompleteCheckoutSession(cs.ID))
		}
	}
	must(c.PaymentLinks.Create(ctx, &stripe.PaymentLinkCreateParams{
		LineItems: stripe.Array[stripe.PaymentLinkLineItemParams]{{Price: stripe.Ptr(DemoPrice), Quantity: stripe.Ptr(int64(2))}}}))
	must(c.BillingPortalSessions.Create(ctx, &stripe.BillingPortalSessionCreateParams{Customer: stripe.Ptr(cus.ID), ReturnURL: stripe.Ptr("https://example.com/account")}))

	// Metered usage, and a test clock with a customer on it.
	must(c.BillingMeterEvents.Create(ctx, &stripe.BillingMeterEventCreateParams{EventName: stripe.Ptr("api_calls"), Identifier: stripe.Ptr("call-1"),
		Payload: stripe.BillingMeterEventPayload{"stripe_customer_id": cus.ID, "value": "3"}}))
	var tc map[string]any
	require.NoError(t, c.Do(ctx, "POST", "/v1/test_helpers/test_clocks", url.Values{"frozen_time": {"1800000000"}, "name": {"roundtrip"}}, &tc))
	require.NoError(t, c.Do(ctx, "POST", "/v1/customers", url.Values{"test_clock": {tc["id"].(string)}}, nil))

	// OAuth: one connection (with its refresh token and account), and one
	// code not exchanged yet.
	oc, err := oauth.NewClient("ca_roundtrip", "sk_test_123", oauth.WithBaseURL(srv.URL))
	require.NoError(t, err)
	authorize := func() string {
		t.Helper()
		authURL, err := oc.AuthorizeURL(oauth.AuthorizeParams{State: "s", RedirectURI: "https://platform.example/cb"})
		require.NoError(t, err)
		back, err := srv.OAuthAuthorize(authURL)
		require.NoError(t, err)
		u, err := url.Parse(back)
		require.NoError(t, err)
		return u.Query().Get("code")
	}
	must(oc.Exchange(ctx, authorize()))
	authorize()

	// Last, so no event is sent to it: a webhook endpoint.
	must(c.WebhookEndpoints.Create(ctx, &stripe.WebhookEndpointCreateParams{URL: stripe.Ptr("https://example.com/hook"),
		EnabledEvents: stripe.Array[stripe.EventType]{"checkout.session.completed"}}))
	return srv
}

// renderAll renders every stored record of every account (the platform's
// is ""), deleted ones included, by account and ID.
func renderAll(s *Server) map[string]map[string]obj {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() { s.st = s.platform }()
	out := make(map[string]map[string]obj)
	stores := map[string]*store{"": s.platform}
	for id, st := range s.accounts {
		stores[id] = st
	}
	for acct, st := range stores {
		s.st = st // render acts on the record's own account
		out[acct] = make(map[string]obj, len(st.byID))
		for id, rec := range st.byID {
			out[acct][id] = s.render(rec, nil)
		}
	}
	return out
}

// storedRecords is the records of every account (the platform's is ""),
// by account and ID.
func storedRecords(s *Server) map[string]map[string]record {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]map[string]record{"": s.platform.byID}
	for id, st := range s.accounts {
		out[id] = st.byID
	}
	return out
}

// storedKinds is the kinds the server holds on any account.
func storedKinds(s *Server) map[string]bool {
	kinds := make(map[string]bool)
	for _, recs := range storedRecords(s) {
		for _, rec := range recs {
			kinds[rec.base().Object] = true
		}
	}
	return kinds
}

func accountStores(s *Server) []*store {
	var out []*store
	for _, st := range s.accounts {
		out = append(out, st)
	}
	return out
}

func sortedKinds() []string {
	kinds := make([]string, 0, len(recordKinds))
	for k := range recordKinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	return kinds
}

// Every stored kind survives a save and load: each record renders the
// same on the loaded server, and saving the loaded state gives the same
// bytes. A kind added to recordKinds fails this test until the scenario
// makes one.
func TestStateRoundTripEveryKind(t *testing.T) {
	t.Parallel()
	a := everyKindServer(t)
	have := storedKinds(a)
	for _, kind := range sortedKinds() {
		require.True(t, have[kind], "the scenario makes no %s: add one to everyKindServer", kind)
	}
	recsA := storedRecords(a)
	require.Greater(t, len(recsA), 1, "a connected account")
	deleted := false
	for _, rec := range recsA[""] {
		deleted = deleted || rec.base().Deleted
	}
	require.True(t, deleted, "a deleted object")

	var saved bytes.Buffer
	require.NoError(t, a.Save(&saved))
	b := NewServer(t, WithClock(a.now))
	require.NoError(t, b.Load(bytes.NewReader(saved.Bytes())))
	var again bytes.Buffer
	require.NoError(t, b.Save(&again))
	require.Equal(t, saved.String(), again.String(), "save, load, save gives the same bytes")

	require.Equal(t, recsA, storedRecords(b), "the loaded records are the saved ones")

	want, got := renderAll(a), renderAll(b)
	require.Equal(t, len(want), len(got), "accounts")
	for acct, recs := range want {
		require.Len(t, got[acct], len(recs), "objects on account %q", acct)
		for id, tree := range recs {
			require.Equal(t, tree, got[acct][id], "%s on account %q", id, acct)
		}
	}
}

// Each kind's record type renders with that kind as its object, and a
// clone renders the same and shares no memory with the original.
func TestNewRecordKinds(t *testing.T) {
	t.Parallel()
	for _, kind := range sortedKinds() {
		rec := newRecord(kind)
		require.NotNil(t, rec, kind)
		require.Equal(t, reflect.Pointer, reflect.TypeOf(rec).Kind(), kind)
	}
	require.Nil(t, newRecord("no_such_kind"))

	s := everyKindServer(t)
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() { s.st = s.platform }()
	for _, st := range append([]*store{s.platform}, accountStores(s)...) {
		s.st = st
		require.Empty(t, sharedBetweenRecords(st), "records of %q share memory", st.account)
		for kind, list := range st.kinds {
			for _, rec := range list {
				id := rec.base().ID
				require.Equal(t, reflect.TypeOf(newRecord(kind)), reflect.TypeOf(rec), "%s is stored as its kind's type", id)
				tree := s.render(rec, nil)
				require.Equal(t, kind, tree["object"], id)

				clone := cloneRecord(rec)
				require.Equal(t, rec, clone, "clone of %s", id)
				require.Equal(t, tree, s.render(clone, nil), "clone of %s", id)
				require.Empty(t, sharedBetween(rec, clone), "clone of %s", id)
				if md := reflect.ValueOf(clone).Elem().FieldByName("Metadata"); md.IsValid() && md.Kind() == reflect.Map {
					if md.IsNil() {
						md.Set(reflect.MakeMap(md.Type()))
					}
					md.SetMapIndex(reflect.ValueOf("clone_only"), reflect.ValueOf("x"))
					orig, _ := s.render(rec, nil)["metadata"].(obj)
					_, leaked := orig["clone_only"]
					require.False(t, leaked, "a clone's metadata change reaches %s", id)
				}
			}
		}
	}
}
