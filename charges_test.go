package stripe

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChargesCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "charge.json")))

	params := &ChargeCreateParams{
		Amount:      Ptr(int64(2000)),
		Currency:    Ptr("usd"),
		Customer:    Ptr("cus_NffrFeUfNV2Hib"),
		Source:      Ptr("card_1MmlLqLkdIwHu7ixSq6uxV7n"),
		Description: Ptr("Order #42"),
		Capture:     Ptr(false),
		Metadata:    Metadata{"order_id": "42"},
		Shipping: &ChargeShippingParams{
			Name:           Ptr("Jenny Rosen"),
			Carrier:        Ptr("UPS"),
			TrackingNumber: Ptr("1Z999AA10123456784"),
			Address:        &AddressParams{Line1: Ptr("510 Townsend St"), PostalCode: Ptr("94103")},
		},
		ReceiptEmail:              Ptr("jenny.rosen@example.com"),
		StatementDescriptor:       Ptr("ORDER 42"),
		StatementDescriptorSuffix: Ptr("42"),
		Params:                    Params{IdempotencyKey: "order-42", Expand: []string{"customer"}},
	}
	ch, err := c.Charges.Create(context.Background(), params)
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "POST", sent[0].Method)
	assert.Equal(t, "/v1/charges", sent[0].Path)
	assert.Equal(t, "order-42", sent[0].Header.Get("Idempotency-Key"))
	assert.Equal(t, url.Values{
		"amount":                         {"2000"},
		"currency":                       {"usd"},
		"customer":                       {"cus_NffrFeUfNV2Hib"},
		"source":                         {"card_1MmlLqLkdIwHu7ixSq6uxV7n"},
		"description":                    {"Order #42"},
		"capture":                        {"false"},
		"metadata[order_id]":             {"42"},
		"shipping[name]":                 {"Jenny Rosen"},
		"shipping[carrier]":              {"UPS"},
		"shipping[tracking_number]":      {"1Z999AA10123456784"},
		"shipping[address][line1]":       {"510 Townsend St"},
		"shipping[address][postal_code]": {"94103"},
		"receipt_email":                  {"jenny.rosen@example.com"},
		"statement_descriptor":           {"ORDER 42"},
		"statement_descriptor_suffix":    {"42"},
		"expand[0]":                      {"customer"},
	}, sent[0].Form)

	// Every field of the full fixture.
	assert.Equal(t, "ch_3MmlLrLkdIwHu7ix0snN0B15", ch.ID)
	assert.Equal(t, "charge", ch.Object)
	assert.Equal(t, int64(2000), ch.Amount)
	assert.Equal(t, int64(2000), ch.AmountCaptured)
	assert.Equal(t, int64(500), ch.AmountRefunded)
	assert.Zero(t, ch.ApplicationFeeAmount)
	assert.Equal(t, "txn_3MmlLrLkdIwHu7ix0uke3Ezy", ch.BalanceTransaction.ID)
	assert.Equal(t, BillingDetails{
		Address: &Address{City: "San Francisco", Country: "US", Line1: "510 Townsend St", PostalCode: "94103", State: "CA"},
		Email:   "jenny.rosen@example.com",
		Name:    "Jenny Rosen",
	}, ch.BillingDetails)
	assert.Equal(t, "STRIPELITE* ORDER 42", ch.CalculatedStatementDescriptor)
	assert.True(t, ch.Captured)
	assert.Equal(t, int64(1679090539), ch.Created)
	assert.Equal(t, "usd", ch.Currency)
	assert.Equal(t, "cus_NffrFeUfNV2Hib", ch.Customer.ID)
	assert.Nil(t, ch.Customer.Object)
	assert.Equal(t, "Order #42", ch.Description)
	assert.False(t, ch.Disputed)
	assert.Empty(t, ch.FailureCode)
	assert.Empty(t, ch.FailureMessage)
	assert.Equal(t, "safe", ch.FraudDetails.UserReport)
	assert.False(t, ch.Livemode)
	assert.Equal(t, map[string]string{"order_id": "42"}, ch.Metadata)
	assert.Equal(t, "approved_by_network", ch.Outcome.NetworkStatus)
	assert.Equal(t, "normal", ch.Outcome.RiskLevel)
	assert.Equal(t, int64(32), ch.Outcome.RiskScore)
	assert.Equal(t, "rule_1MmlLrLkdIwHu7ixa8Jv1xyz", ch.Outcome.Rule.ID)
	assert.Nil(t, ch.Outcome.Rule.Object)
	assert.Equal(t, "Payment complete.", ch.Outcome.SellerMessage)
	assert.Equal(t, "authorized", ch.Outcome.Type)
	assert.True(t, ch.Paid)
	assert.Equal(t, "pi_3MmlLrLkdIwHu7ix0WxZ2gQh", ch.PaymentIntent.ID)
	assert.Equal(t, "card_1MmlLqLkdIwHu7ixSq6uxV7n", ch.PaymentMethod)
	assert.Equal(t, "card", ch.PaymentMethodDetails.Type)
	require.NotNil(t, ch.PaymentMethodDetails.Card)
	assert.Equal(t, ChargePaymentMethodDetailsCard{
		AmountAuthorized:  2000,
		AuthorizationCode: "123456",
		Brand:             "visa",
		Checks:            &CardChecks{AddressLine1Check: CardCheckPass, AddressPostalCodeCheck: CardCheckPass, CVCCheck: CardCheckPass},
		Country:           "US",
		ExpMonth:          8,
		ExpYear:           2030,
		Fingerprint:       "Xt5EWLLDS7FJjR1c",
		Funding:           CardFundingCredit,
		Last4:             "4242",
		Network:           "visa",
	}, *ch.PaymentMethodDetails.Card)
	assert.Equal(t, "jenny.rosen@example.com", ch.ReceiptEmail)
	assert.Equal(t, "1887-2453", ch.ReceiptNumber)
	assert.Contains(t, ch.ReceiptURL, "https://pay.stripe.com/receipts/payment/")
	assert.False(t, ch.Refunded)
	assert.Nil(t, ch.Refunds)
	assert.Equal(t, &Shipping{
		Address:        &Address{City: "San Francisco", Country: "US", Line1: "510 Townsend St", Line2: "Suite 4", PostalCode: "94103", State: "CA"},
		Carrier:        "UPS",
		Name:           "Jenny Rosen",
		Phone:          "+15555550123",
		TrackingNumber: "1Z999AA10123456784",
	}, ch.Shipping)
	assert.Equal(t, "ORDER 42", ch.StatementDescriptor)
	assert.Empty(t, ch.StatementDescriptorSuffix)
	assert.Equal(t, ChargeStatusSucceeded, ch.Status)
	assert.Equal(t, "group_42", ch.TransferGroup)
}

func TestChargesCreateWithSourceOnly(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "charge.json")))

	params := &ChargeCreateParams{Amount: Ptr(int64(999)), Currency: Ptr("usd"), Source: Ptr("tok_visa")}
	_, err := c.Charges.Create(context.Background(), params)
	require.NoError(t, err)
	assert.Equal(t, url.Values{"amount": {"999"}, "currency": {"usd"}, "source": {"tok_visa"}}, rec.requests()[0].Form)
	assert.Nil(t, params.Customer, "params must not be modified")
}

func TestChargesCreateValidatesBeforeSending(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		params *ChargeCreateParams
		want   string
	}{
		{"nil params", nil, "Amount is required"},
		{"no amount", &ChargeCreateParams{Customer: Ptr("cus_1"), Currency: Ptr("usd")}, "Amount is required"},
		{"no customer or source", &ChargeCreateParams{Amount: Ptr(int64(100)), Currency: Ptr("usd")}, "Customer or Source is required"},
		{"empty customer and source", &ChargeCreateParams{Amount: Ptr(int64(100)), Customer: Ptr(""), Source: Ptr("")}, "Customer or Source is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, mt := newTestClient(t)
			rec := mock(mt, ok(fixture(t, "charge.json")))
			ch, err := c.Charges.Create(context.Background(), tt.params)
			require.Error(t, err)
			assert.Nil(t, ch)
			assert.Contains(t, err.Error(), "stripe: Charges.Create: "+tt.want)
			assert.Empty(t, rec.requests(), "no request may be sent")
		})
	}
}

func TestChargesGetExpanded(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "charge_expanded.json")))

	ch, err := c.Charges.Get(context.Background(), "ch_3MmlLrLkdIwHu7ix0snN0B15", &ChargeGetParams{
		Params: Params{Expand: []string{"customer", "refunds", "outcome.rule", "balance_transaction"}},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "GET", sent[0].Method)
	assert.Equal(t, "/v1/charges/ch_3MmlLrLkdIwHu7ix0snN0B15", sent[0].Path)
	assert.Equal(t, url.Values{"expand[0]": {"customer"}, "expand[1]": {"refunds"}, "expand[2]": {"outcome.rule"}, "expand[3]": {"balance_transaction"}}, sent[0].Query)

	assert.Equal(t, "txn_3MmlLrLkdIwHu7ix0uke3Ezy", ch.BalanceTransaction.ID)
	require.NotNil(t, ch.BalanceTransaction.Object)
	assert.Equal(t, int64(88), ch.BalanceTransaction.Object.Fee)
	assert.Equal(t, "ch_3MmlLrLkdIwHu7ix0snN0B15", ch.BalanceTransaction.Object.Source.ID)
	assert.Empty(t, sent[0].RawBody)

	assert.Equal(t, "cus_NffrFeUfNV2Hib", ch.Customer.ID)
	require.NotNil(t, ch.Customer.Object)
	assert.Equal(t, "jennyrosen@example.com", ch.Customer.Object.Email)
	assert.Equal(t, "Jenny Rosen", ch.Customer.Object.Name)

	assert.Equal(t, "rule_1MmlLrLkdIwHu7ixa8Jv1xyz", ch.Outcome.Rule.ID)
	require.NotNil(t, ch.Outcome.Rule.Object)
	assert.Equal(t, "allow", ch.Outcome.Rule.Object.Action)

	assert.Empty(t, ch.PaymentIntent.ID)
	require.NotNil(t, ch.PaymentMethodDetails.Card)
	assert.Equal(t, "4242", ch.PaymentMethodDetails.Card.Last4)

	require.NotNil(t, ch.Refunds)
	assert.False(t, ch.Refunds.HasMore)
	require.Len(t, ch.Refunds.Data, 1)
	re := ch.Refunds.Data[0]
	assert.Equal(t, "re_3MmlLrLkdIwHu7ix0Z9Mn1Rk", re.ID)
	assert.Equal(t, int64(500), re.Amount)
	assert.Equal(t, "ch_3MmlLrLkdIwHu7ix0snN0B15", re.Charge.ID)
	assert.Equal(t, RefundReasonRequestedByCustomer, re.Reason)
	assert.Equal(t, RefundStatusSucceeded, re.Status)
}

func TestChargesGetNilParamsAndBadID(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "charge.json")))

	ch, err := c.Charges.Get(context.Background(), "ch_a/b", nil)
	require.NoError(t, err)
	assert.Equal(t, "ch_3MmlLrLkdIwHu7ix0snN0B15", ch.ID)
	assert.Equal(t, "/v1/charges/ch_a%2Fb", rec.requests()[0].Path)
	assert.Empty(t, rec.requests()[0].Query)

	for _, id := range []string{"", ".."} {
		_, err = c.Charges.Get(context.Background(), id, nil)
		require.Error(t, err)
		_, err = c.Charges.Update(context.Background(), id, nil)
		require.Error(t, err)
		_, err = c.Charges.Capture(context.Background(), id, nil)
		require.Error(t, err)
	}
	assert.Len(t, rec.requests(), 1)
}

func TestChargesUpdate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "charge.json")))

	ch, err := c.Charges.Update(context.Background(), "ch_3MmlLrLkdIwHu7ix0snN0B15", &ChargeUpdateParams{
		Description:  Ptr(""),
		Metadata:     Metadata{"order_id": "", "note": "gift"},
		ReceiptEmail: Ptr("jenny.rosen@example.com"),
		FraudDetails: &ChargeFraudDetailsParams{UserReport: Ptr(ChargeFraudUserReportSafe)},
		Shipping:     &ChargeShippingParams{Name: Ptr("Jenny Rosen"), Phone: Ptr("+15555550123")},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "POST", sent[0].Method)
	assert.Equal(t, "/v1/charges/ch_3MmlLrLkdIwHu7ix0snN0B15", sent[0].Path)
	assert.Equal(t, url.Values{
		"description":                {""},
		"metadata[order_id]":         {""},
		"metadata[note]":             {"gift"},
		"receipt_email":              {"jenny.rosen@example.com"},
		"fraud_details[user_report]": {"safe"},
		"shipping[name]":             {"Jenny Rosen"},
		"shipping[phone]":            {"+15555550123"},
	}, sent[0].Form)
	assert.Equal(t, "Order #42", ch.Description)
}

func TestChargesUpdateClearsFraudReport(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "charge.json")))

	_, err := c.Charges.Update(context.Background(), "ch_1", &ChargeUpdateParams{
		FraudDetails: &ChargeFraudDetailsParams{UserReport: Ptr(ChargeFraudUserReportNone)},
	})
	require.NoError(t, err)
	form := rec.requests()[0].Form
	assert.Contains(t, form, "fraud_details[user_report]")
	assert.Equal(t, "", form.Get("fraud_details[user_report]"))
}

func TestChargesCapture(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "charge_uncaptured.json")))

	ch, err := c.Charges.Capture(context.Background(), "ch_3MmlLrLkdIwHu7ix1Kp8Q0aa", &ChargeCaptureParams{
		Amount:                    Ptr(int64(3000)),
		ReceiptEmail:              Ptr("ops@example.com"),
		StatementDescriptor:       Ptr("CAPTURED"),
		StatementDescriptorSuffix: Ptr("C1"),
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "POST", sent[0].Method)
	assert.Equal(t, "/v1/charges/ch_3MmlLrLkdIwHu7ix1Kp8Q0aa/capture", sent[0].Path)
	assert.Equal(t, url.Values{
		"amount":                      {"3000"},
		"receipt_email":               {"ops@example.com"},
		"statement_descriptor":        {"CAPTURED"},
		"statement_descriptor_suffix": {"C1"},
	}, sent[0].Form)
	assert.NotEmpty(t, sent[0].Header.Get("Idempotency-Key"))

	assert.True(t, ch.Captured)
	assert.Equal(t, int64(5000), ch.Amount)
	assert.Equal(t, int64(3000), ch.AmountCaptured)
	assert.Equal(t, int64(2000), ch.AmountRefunded)
	assert.Equal(t, "eur", ch.Currency)
	assert.Empty(t, ch.Customer.ID)
	assert.Nil(t, ch.Customer.Object)
	require.NotNil(t, ch.PaymentMethodDetails.Card)
	assert.Equal(t, "mastercard", ch.PaymentMethodDetails.Card.Brand)
	assert.Equal(t, CardFundingDebit, ch.PaymentMethodDetails.Card.Funding)
	assert.Equal(t, "DE", ch.PaymentMethodDetails.Card.Country)
	assert.Equal(t, int64(12), ch.PaymentMethodDetails.Card.ExpMonth)
	assert.Equal(t, int64(2031), ch.PaymentMethodDetails.Card.ExpYear)
}

func TestChargesCaptureNilParams(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "charge_uncaptured.json")))

	_, err := c.Charges.Capture(context.Background(), "ch_1", nil)
	require.NoError(t, err)
	assert.Equal(t, "/v1/charges/ch_1/capture", rec.requests()[0].Path)
	assert.Empty(t, rec.requests()[0].RawBody)
}

func TestChargesList(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "charges_page1.json")))

	page, err := c.Charges.List(context.Background(), &ChargeListParams{
		ListParams:    ListParams{Limit: Ptr(int64(2))},
		Customer:      Ptr("cus_NffrFeUfNV2Hib"),
		PaymentIntent: Ptr("pi_123"),
		Created:       &RangeQuery{GTE: Ptr(int64(1700000000)), LT: Ptr(int64(1800000000))},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "GET", sent[0].Method)
	assert.Equal(t, "/v1/charges", sent[0].Path)
	assert.Equal(t, url.Values{
		"limit":          {"2"},
		"customer":       {"cus_NffrFeUfNV2Hib"},
		"payment_intent": {"pi_123"},
		"created[gte]":   {"1700000000"},
		"created[lt]":    {"1800000000"},
	}, sent[0].Query)

	assert.True(t, page.HasMore)
	require.Len(t, page.Data, 2)
	assert.Equal(t, "ch_001", page.Data[0].ID)
	assert.Equal(t, ChargeStatusFailed, page.Data[1].Status)
	assert.Equal(t, "card_declined", page.Data[1].FailureCode)
	assert.Equal(t, "Your card was declined.", page.Data[1].FailureMessage)
}

func TestChargesAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "charges_page1.json")), ok(fixture(t, "charges_page2.json")))

	params := &ChargeListParams{Customer: Ptr("cus_NffrFeUfNV2Hib")}
	var ids []string
	for ch, err := range c.Charges.All(context.Background(), params) {
		require.NoError(t, err)
		ids = append(ids, ch.ID)
	}
	assert.Equal(t, []string{"ch_001", "ch_002", "ch_003"}, ids)

	sent := rec.requests()
	require.Len(t, sent, 2)
	assert.Equal(t, url.Values{"customer": {"cus_NffrFeUfNV2Hib"}}, sent[0].Query)
	assert.Equal(t, url.Values{"customer": {"cus_NffrFeUfNV2Hib"}, "starting_after": {"ch_002"}}, sent[1].Query)
	assert.Nil(t, params.StartingAfter, "params must not be modified")
}
