package stripe

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testPIID         = "pi_3MtwBwLkdIwHu7ix28a3tqPa"
	testClientSecret = "pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH"
)

func TestPaymentIntentsCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payment_intent.json")))

	pi, err := c.PaymentIntents.Create(context.Background(), &PaymentIntentCreateParams{
		Amount:                    Ptr(int64(2000)),
		Currency:                  Ptr("usd"),
		Customer:                  Ptr(testCustomerID),
		Description:               Ptr("Order #1042"),
		PaymentMethod:             Ptr("pm_card_visa"),
		PaymentMethodTypes:        []string{"card", "link"},
		CaptureMethod:             Ptr(PaymentIntentCaptureMethodManual),
		Confirm:                   Ptr(true),
		OffSession:                Bool(false),
		SetupFutureUsage:          Ptr(PaymentIntentSetupFutureUsageOffSession),
		ReceiptEmail:              Ptr("jennyrosen@example.com"),
		StatementDescriptorSuffix: Ptr("ORDER 1042"),
		Metadata:                  Metadata{"order_id": "1042"},
		ReturnURL:                 Ptr("https://example.com/checkout/complete"),
		Shipping:                  &ShippingParams{Name: Ptr("Jenny Rosen"), Address: &AddressParams{Line1: Ptr("510 Townsend St")}},
		Params:                    Params{IdempotencyKey: "order-1042"},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodPost, sent[0].Method)
	require.Equal(t, "/v1/payment_intents", sent[0].Path)
	require.Equal(t, "order-1042", sent[0].Header.Get("Idempotency-Key"))
	require.Equal(t, url.Values{
		"amount":                      {"2000"},
		"currency":                    {"usd"},
		"customer":                    {testCustomerID},
		"description":                 {"Order #1042"},
		"payment_method":              {"pm_card_visa"},
		"payment_method_types[0]":     {"card"},
		"payment_method_types[1]":     {"link"},
		"capture_method":              {"manual"},
		"confirm":                     {"true"},
		"off_session":                 {"false"},
		"setup_future_usage":          {"off_session"},
		"receipt_email":               {"jennyrosen@example.com"},
		"statement_descriptor_suffix": {"ORDER 1042"},
		"metadata[order_id]":          {"1042"},
		"return_url":                  {"https://example.com/checkout/complete"},
		"shipping[name]":              {"Jenny Rosen"},
		"shipping[address][line1]":    {"510 Townsend St"},
	}, sent[0].Form)

	require.Equal(t, testPIID, pi.ID)
	require.Equal(t, PaymentIntentStatusRequiresCapture, pi.Status)
	require.Equal(t, testClientSecret, pi.ClientSecret.Reveal())
}

func TestPaymentIntentsCreateAutomaticPaymentMethods(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payment_intent.json")))

	_, err := c.PaymentIntents.Create(context.Background(), &PaymentIntentCreateParams{
		Amount:                  Ptr(int64(2000)),
		Currency:                Ptr("usd"),
		AutomaticPaymentMethods: &PaymentIntentAutomaticPaymentMethodsParams{Enabled: Ptr(true), AllowRedirects: Ptr("never")},
	})
	require.NoError(t, err)
	require.Equal(t, url.Values{
		"amount":                             {"2000"},
		"currency":                           {"usd"},
		"automatic_payment_methods[enabled]": {"true"},
		"automatic_payment_methods[allow_redirects]": {"never"},
	}, rec.requests()[0].Form)
}

func TestPaymentIntentsGet(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payment_intent.json")))

	pi, err := c.PaymentIntents.Get(context.Background(), testPIID, nil)
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodGet, sent[0].Method)
	require.Equal(t, "/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa", sent[0].Path)
	require.Empty(t, sent[0].Query)

	require.JSONEq(t, `{"card":{"installments":null,"mandate_options":null,"network":null,"request_three_d_secure":"automatic"}}`,
		string(pi.PaymentMethodOptions))
	require.Equal(t, PaymentIntent{
		ID:                                testPIID,
		AmountDetails:                     &PaymentIntentAmountDetails{Tip: &PaymentIntentAmountDetailsTip{}},
		PaymentMethodConfigurationDetails: &PaymentMethodConfigurationDetails{ID: "pmc_1MtwAzLkdIwHu7ixM6M2aXcB"},
		PaymentMethodOptions:              pi.PaymentMethodOptions,
		Object:                            "payment_intent",
		Amount:                            2000,
		AmountCapturable:                  2000,
		AutomaticPaymentMethods:           &PaymentIntentAutomaticPaymentMethods{AllowRedirects: "never", Enabled: true},
		CaptureMethod:                     PaymentIntentCaptureMethodManual,
		ClientSecret:                      testClientSecret,
		ConfirmationMethod:                PaymentIntentConfirmationMethodAutomatic,
		Created:                           1680800504,
		Currency:                          "usd",
		Customer:                          Expandable[Customer]{ID: testCustomerID},
		Description:                       "Order #1042",
		LatestCharge:                      Expandable[Charge]{ID: "ch_3MtwBwLkdIwHu7ix0snN0B15"},
		Metadata:                          map[string]string{"order_id": "1042"},
		PaymentMethod:                     Expandable[PaymentMethod]{ID: "pm_1MtwBvLkdIwHu7ixLdNqUvMh"},
		PaymentMethodTypes:                []string{"card"},
		ReceiptEmail:                      "jennyrosen@example.com",
		SetupFutureUsage:                  PaymentIntentSetupFutureUsageOffSession,
		Shipping:                          &Shipping{Name: "Jenny Rosen", Carrier: "USPS", Address: &Address{City: "San Francisco", Country: "US", Line1: "510 Townsend St", PostalCode: "94103", State: "CA"}},
		StatementDescriptorSuffix:         "ORDER 1042",
		Status:                            PaymentIntentStatusRequiresCapture,
	}, *pi)
}

func TestPaymentIntentsGetExpanded(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payment_intent_expanded.json")))

	pi, err := c.PaymentIntents.Get(context.Background(), testPIID, &PaymentIntentGetParams{
		Params: Params{Expand: []string{"customer", "payment_method", "latest_charge"}},
	})
	require.NoError(t, err)
	require.Equal(t, url.Values{
		"expand[0]": {"customer"}, "expand[1]": {"payment_method"}, "expand[2]": {"latest_charge"},
	}, rec.requests()[0].Query)

	require.Equal(t, testCustomerID, pi.Customer.ID)
	require.NotNil(t, pi.Customer.Object)
	require.Equal(t, "Jenny Rosen", pi.Customer.Object.Name)

	require.Equal(t, "pm_1MtwBvLkdIwHu7ixLdNqUvMh", pi.PaymentMethod.ID)
	pm := pi.PaymentMethod.Object
	require.NotNil(t, pm)
	require.Equal(t, "payment_method", pm.Object)
	require.Equal(t, PaymentMethodTypeCard, pm.Type)
	require.Equal(t, int64(1680800503), pm.Created)
	require.Equal(t, testCustomerID, pm.Customer.ID)
	require.Equal(t, "jennyrosen@example.com", pm.BillingDetails.Email)
	require.Equal(t, "94103", pm.BillingDetails.Address.PostalCode)
	require.Equal(t, &PaymentMethodCard{
		Brand:             "visa",
		Checks:            &CardChecks{AddressLine1Check: CardCheckPass, AddressPostalCodeCheck: CardCheckPass, CVCCheck: CardCheckPass},
		Country:           "US",
		DisplayBrand:      "visa",
		ExpMonth:          8,
		ExpYear:           2030,
		Fingerprint:       "Xt5EWLLDS7FJjR1c",
		Funding:           CardFundingCredit,
		Last4:             "4242",
		Networks:          &PaymentMethodCardNetworks{Available: []string{"visa"}},
		RegulatedStatus:   "unregulated",
		ThreeDSecureUsage: &CardThreeDSecureUsage{Supported: true},
	}, pm.Card)

	require.Equal(t, "ch_3MtwBwLkdIwHu7ix0snN0B15", pi.LatestCharge.ID)
	ch := pi.LatestCharge.Object
	require.NotNil(t, ch)
	require.Equal(t, "ch_3MtwBwLkdIwHu7ix0snN0B15", ch.ID)
	require.Equal(t, "charge", ch.Object)
	require.Equal(t, int64(2000), ch.Amount)
	require.Equal(t, ChargeStatusSucceeded, ch.Status)
	require.True(t, ch.Paid)
	require.Equal(t, int64(1680800505), ch.Created)
	require.Equal(t, testCustomerID, ch.Customer.ID)
	require.Equal(t, testPIID, ch.PaymentIntent.ID)
	require.Nil(t, ch.PaymentIntent.Object)
	require.Empty(t, ch.BalanceTransaction.ID)
}

func TestPaymentIntentsGetRequiresAction(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	mock(mt, ok(fixture(t, "payment_intent_requires_action.json")))

	pi, err := c.PaymentIntents.Get(context.Background(), testPIID, nil)
	require.NoError(t, err)
	require.Equal(t, PaymentIntentStatusRequiresAction, pi.Status)
	require.NotNil(t, pi.NextAction)
	require.Equal(t, "redirect_to_url", pi.NextAction.Type)
	require.Equal(t, &PaymentIntentNextActionRedirectToURL{
		ReturnURL: "https://example.com/checkout/complete",
		URL:       "https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_1Nv0FGQ9RKHgCVdK&payment_intent=pi_3MtwBwLkdIwHu7ix28a3tqPa",
	}, pi.NextAction.RedirectToURL)
	require.NotNil(t, pi.LastPaymentError)
	require.Equal(t, ErrorTypeCard, pi.LastPaymentError.Type)
	require.Equal(t, ErrorCode("authentication_required"), pi.LastPaymentError.Code)
	require.Equal(t, "authentication_required", pi.LastPaymentError.DeclineCode)
	require.Equal(t, "ch_3MtwBwLkdIwHu7ix0snN0B15", pi.LastPaymentError.Charge)
	require.Equal(t, "card", pi.LastPaymentError.PaymentMethodType)
	require.NotNil(t, pi.LastPaymentError.PaymentMethod)
	require.Equal(t, "4242", pi.LastPaymentError.PaymentMethod.Card.Last4)
	require.Empty(t, pi.LatestCharge.ID)
	require.Nil(t, pi.LatestCharge.Object)
}

func TestPaymentIntentsUpdate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payment_intent.json")))

	pi, err := c.PaymentIntents.Update(context.Background(), testPIID, &PaymentIntentUpdateParams{
		Amount:           Ptr(int64(2000)),
		Description:      Ptr("Order #1042"),
		ReceiptEmail:     Ptr(""),
		SetupFutureUsage: Ptr(PaymentIntentSetupFutureUsage("")),
		Metadata:         Metadata{"order_id": "1042", "coupon": ""},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodPost, sent[0].Method)
	require.Equal(t, "/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa", sent[0].Path)
	require.Equal(t, url.Values{
		"amount":             {"2000"},
		"description":        {"Order #1042"},
		"receipt_email":      {""},
		"setup_future_usage": {""},
		"metadata[order_id]": {"1042"},
		"metadata[coupon]":   {""},
	}, sent[0].Form)
	require.Equal(t, "Order #1042", pi.Description)
}

func TestPaymentIntentsConfirm(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payment_intent_requires_action.json")))

	pi, err := c.PaymentIntents.Confirm(context.Background(), testPIID, &PaymentIntentConfirmParams{
		PaymentMethod: Ptr("pm_card_visa"),
		ReturnURL:     Ptr("https://example.com/checkout/complete"),
		OffSession:    Bool(true),
		ReceiptEmail:  Ptr("jennyrosen@example.com"),
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodPost, sent[0].Method)
	require.Equal(t, "/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa/confirm", sent[0].Path)
	require.Equal(t, url.Values{
		"payment_method": {"pm_card_visa"},
		"return_url":     {"https://example.com/checkout/complete"},
		"off_session":    {"true"},
		"receipt_email":  {"jennyrosen@example.com"},
	}, sent[0].Form)
	require.Equal(t, PaymentIntentStatusRequiresAction, pi.Status)

	// nil params: an empty body.
	_, err = c.PaymentIntents.Confirm(context.Background(), testPIID, nil)
	require.NoError(t, err)
	require.Empty(t, rec.requests()[1].RawBody)
}

func TestPaymentIntentsCapture(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payment_intent_captured.json")))

	pi, err := c.PaymentIntents.Capture(context.Background(), testPIID, &PaymentIntentCaptureParams{
		AmountToCapture: Ptr(int64(1500)),
		FinalCapture:    Ptr(false),
		Metadata:        Metadata{"captured_by": "ops"},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodPost, sent[0].Method)
	require.Equal(t, "/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa/capture", sent[0].Path)
	require.Equal(t, url.Values{
		"amount_to_capture":     {"1500"},
		"final_capture":         {"false"},
		"metadata[captured_by]": {"ops"},
	}, sent[0].Form)
	require.Equal(t, PaymentIntentStatusSucceeded, pi.Status)
	require.Equal(t, int64(1500), pi.AmountReceived)
	require.Zero(t, pi.AmountCapturable)
}

func TestPaymentIntentsCancel(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payment_intent_canceled.json")))

	pi, err := c.PaymentIntents.Cancel(context.Background(), testPIID, &PaymentIntentCancelParams{
		CancellationReason: Ptr(PaymentIntentCancellationReasonRequestedByCustomer),
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodPost, sent[0].Method)
	require.Equal(t, "/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa/cancel", sent[0].Path)
	require.Equal(t, url.Values{"cancellation_reason": {"requested_by_customer"}}, sent[0].Form)
	require.Equal(t, PaymentIntentStatusCanceled, pi.Status)
	require.Equal(t, PaymentIntentCancellationReasonRequestedByCustomer, pi.CancellationReason)
	require.Equal(t, int64(1680800600), pi.CanceledAt)
}

func TestPaymentIntentsRefuseEmptyID(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payment_intent.json")))
	ctx := context.Background()

	_, err := c.PaymentIntents.Get(ctx, "", nil)
	require.ErrorContains(t, err, "invalid ID")
	_, err = c.PaymentIntents.Update(ctx, "", nil)
	require.ErrorContains(t, err, "invalid ID")
	_, err = c.PaymentIntents.Confirm(ctx, "", nil)
	require.ErrorContains(t, err, "invalid ID")
	_, err = c.PaymentIntents.Capture(ctx, "..", nil)
	require.ErrorContains(t, err, "invalid ID")
	_, err = c.PaymentIntents.Cancel(ctx, "", nil)
	require.ErrorContains(t, err, "invalid ID")
	require.Empty(t, rec.requests())
}

func TestPaymentIntentsList(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payment_intents_page1.json")))

	page, err := c.PaymentIntents.List(context.Background(), &PaymentIntentListParams{
		ListParams: ListParams{Limit: Ptr(int64(2))},
		Customer:   Ptr(testCustomerID),
		Created:    &RangeQuery{GT: Ptr(int64(1680000000))},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodGet, sent[0].Method)
	require.Equal(t, "/v1/payment_intents", sent[0].Path)
	require.Equal(t, url.Values{"limit": {"2"}, "customer": {testCustomerID}, "created[gt]": {"1680000000"}}, sent[0].Query)

	require.True(t, page.HasMore)
	require.Len(t, page.Data, 2)
	require.Equal(t, int64(3000), page.Data[0].Amount)
	require.Equal(t, PaymentIntentStatusCanceled, page.Data[1].Status)
}

func TestPaymentIntentsAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payment_intents_page1.json")), ok(fixture(t, "payment_intents_page2.json")))

	var statuses []PaymentIntentStatus
	var last *PaymentIntent
	for pi, err := range c.PaymentIntents.All(context.Background(), &PaymentIntentListParams{Customer: Ptr(testCustomerID)}) {
		require.NoError(t, err)
		statuses = append(statuses, pi.Status)
		last = pi
	}
	require.Equal(t, []PaymentIntentStatus{
		PaymentIntentStatusSucceeded, PaymentIntentStatusCanceled, PaymentIntentStatusRequiresPaymentMethod,
	}, statuses)
	// Nulls decode to empty values.
	require.Empty(t, last.ClientSecret.Reveal())
	require.Empty(t, last.Customer.ID)
	require.Empty(t, last.PaymentMethod.ID)

	sent := rec.requests()
	require.Len(t, sent, 2)
	require.Equal(t, url.Values{"customer": {testCustomerID}}, sent[0].Query)
	require.Equal(t, url.Values{"customer": {testCustomerID}, "starting_after": {"pi_3MtwBwLkdIwHu7ix0000000002"}}, sent[1].Query)
}

func TestPaymentIntentClientSecretNeverPrinted(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	mock(mt, ok(fixture(t, "payment_intent_expanded.json")))
	pi, err := c.PaymentIntents.Get(context.Background(), testPIID, nil)
	require.NoError(t, err)
	require.Equal(t, testClientSecret, pi.ClientSecret.Reveal(), "the secret must decode")

	var outputs []string
	for _, format := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		outputs = append(outputs, fmt.Sprintf(format, pi), fmt.Sprintf(format, *pi), fmt.Sprintf(format, pi.ClientSecret))
	}
	outputs = append(outputs, fmt.Sprint(pi), fmt.Sprintln(*pi), pi.ClientSecret.String(), pi.ClientSecret.GoString())

	b, err := json.Marshal(pi)
	require.NoError(t, err)
	outputs = append(outputs, string(b))

	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("pi", "pi", pi, "secret", pi.ClientSecret)
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("pi", "pi", pi, "secret", pi.ClientSecret)
	outputs = append(outputs, logs.String())

	for _, out := range outputs {
		require.NotContains(t, out, "_secret_")
		require.NotContains(t, out, "YrKJUKribcBjcG8HVhfZluoGH")
	}
	require.Contains(t, fmt.Sprintf("%+v", pi), "ClientSecret:[REDACTED]")
	require.Contains(t, fmt.Sprintf("%#v", *pi), `ClientSecret:"[REDACTED]"`)
	require.Contains(t, string(b), `"client_secret":"[REDACTED]"`)
	require.Equal(t, "", fmt.Sprint(ClientSecret("")))
}

func TestPaymentIntentsConfirmDeclinedCarriesIntent(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	mock(mt, reply{status: http.StatusPaymentRequired, body: fixture(t, "error_payment_intent_declined.json")})

	pi, err := c.PaymentIntents.Confirm(context.Background(), testPIID, &PaymentIntentConfirmParams{PaymentMethod: Ptr("pm_card_chargeDeclinedInsufficientFunds")})
	assert.Nil(t, pi, "no object with an error")
	require.ErrorIs(t, err, ErrCardDeclined)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "insufficient_funds", se.DeclineCode)
	assert.Equal(t, "try_again_later", se.AdviceCode)
	assert.Equal(t, "51", se.NetworkDeclineCode)
	assert.Equal(t, "card", se.PaymentMethodType)
	assert.Equal(t, "ch_3MtwBwLkdIwHu7ix0snN0B15", se.Charge)
	assert.Equal(t, "https://dashboard.stripe.com/test/logs/req_xyz?t=1700000000", se.RequestLogURL)
	require.NotNil(t, se.PaymentIntent)
	assert.Equal(t, "pi_3MtwBwLkdIwHu7ix28a3tqPa", se.PaymentIntent.ID)
	assert.Equal(t, PaymentIntentStatusRequiresPaymentMethod, se.PaymentIntent.Status)
	assert.Equal(t, "pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH", se.PaymentIntent.ClientSecret.Reveal())
	require.NotNil(t, se.PaymentIntent.LastPaymentError)
	assert.Equal(t, ErrorCodeCardDeclined, se.PaymentIntent.LastPaymentError.Code)
	assert.Nil(t, se.PaymentIntent.Shipping)
	require.NotNil(t, se.PaymentMethod)
	assert.Equal(t, "0002", se.PaymentMethod.Card.Last4)
	assert.Nil(t, se.PaymentMethod.BillingDetails.Address)
	assert.Equal(t, &ObjectRef{ID: "card_1MtwBvLkdIwHu7ixxyz", Object: "card"}, se.Source)
	require.NotNil(t, se.SetupIntent)
	assert.Equal(t, "seti_1MtwBvLkdIwHu7ixabc", se.SetupIntent.ID)
	assert.Equal(t, "setup_intent", se.SetupIntent.Object)
	for _, s := range []string{err.Error(), fmt.Sprintf("%v|%+v|%s|%q|%#v|%d", err, err, err, err, err, err)} {
		assert.NotContains(t, s, "_secret_YrKJ", "the client secret never prints")
	}
}
