package stripe

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

const testPMID = "pm_1Pgc75B7WZ01zgkWlHVgdEGJ"

func checkPaymentMethod(t *testing.T, got any) {
	t.Helper()
	pm := got.(*PaymentMethod)
	require.Equal(t, testPMID, pm.ID)
	require.Equal(t, "payment_method", pm.Object)
	require.Equal(t, PaymentMethodTypeCard, pm.Type)
	require.Equal(t, CardAllowRedisplay("unspecified"), pm.AllowRedisplay)
	require.Equal(t, testCustomerID, pm.Customer.ID)
	require.Equal(t, int64(1234567890), pm.Created)
	require.Equal(t, map[string]string{"order_id": "123456789"}, pm.Metadata)
	require.Equal(t, BillingDetails{
		Address: &Address{City: "San Francisco", Country: "US", Line1: "1234 Fake Street", PostalCode: "94102", State: "CA"},
		Email:   "jenny@example.com",
		Phone:   "+15555555555",
	}, pm.BillingDetails)
	card := *pm.Card
	require.NotNil(t, card.GeneratedFrom)
	require.JSONEq(t, `{"type":"type"}`, string(card.GeneratedFrom.PaymentMethodDetails))
	card.GeneratedFrom = nil
	require.Equal(t, PaymentMethodCard{
		Brand:             "visa",
		Checks:            &CardChecks{CVCCheck: CardCheckPass},
		Country:           "US",
		DisplayBrand:      "visa",
		ExpMonth:          8,
		ExpYear:           2030,
		Fingerprint:       "AOB934RVNwzk6xtn",
		Funding:           CardFundingCredit,
		Last4:             "4242",
		Networks:          &PaymentMethodCardNetworks{Available: []string{"visa"}},
		ThreeDSecureUsage: &CardThreeDSecureUsage{Supported: true},
		Wallet:            &PaymentMethodCardWallet{Type: "link"},
	}, card)
	require.Nil(t, pm.SEPADebit)
	require.Nil(t, pm.Affirm)
}

func checkPaymentMethodList(t *testing.T, got any) {
	t.Helper()
	page := got.(*List[PaymentMethod])
	require.Equal(t, "list", page.Object)
	require.False(t, page.HasMore)
	require.Len(t, page.Data, 1)
	checkPaymentMethod(t, &page.Data[0])
}

func TestPaymentMethods(t *testing.T) {
	t.Parallel()
	runCallCases(t, []callCase{
		{
			name: "create card", fixture: "payment_method.json", method: "POST", path: "/v1/payment_methods",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PaymentMethods.Create(ctx, &PaymentMethodCreateParams{
					Type:           Ptr(PaymentMethodTypeCard),
					Card:           &PaymentMethodCardParams{Token: Ptr("tok_visa")},
					AllowRedisplay: Ptr(CardAllowRedisplay("always")),
					BillingDetails: &BillingDetailsParams{
						Email:   Ptr("jenny@example.com"),
						Name:    Ptr(""),
						Address: &AddressParams{Country: Ptr("US"), PostalCode: Ptr("94102")},
					},
					Metadata: Metadata{"order_id": "123456789"},
				})
			},
			values: url.Values{
				"type":                                  {"card"},
				"card[token]":                           {"tok_visa"},
				"allow_redisplay":                       {"always"},
				"billing_details[email]":                {"jenny@example.com"},
				"billing_details[name]":                 {""},
				"billing_details[address][country]":     {"US"},
				"billing_details[address][postal_code]": {"94102"},
				"metadata[order_id]":                    {"123456789"},
			},
			check: checkPaymentMethod,
		},
		{
			name: "create sepa debit", fixture: "payment_method.json", method: "POST", path: "/v1/payment_methods",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PaymentMethods.Create(ctx, &PaymentMethodCreateParams{
					Type:      Ptr(PaymentMethodTypeSEPADebit),
					SEPADebit: &PaymentMethodSEPADebitParams{IBAN: Ptr("DE89370400440532013000")},
					Ideal:     &PaymentMethodBankParams{Bank: Ptr("abn_amro")},
					Klarna:    &PaymentMethodKlarnaParams{DOB: &DateOfBirthParams{Day: Ptr(int64(1)), Month: Ptr(int64(2)), Year: Ptr(int64(1990))}},
				})
			},
			values: url.Values{
				"type":               {"sepa_debit"},
				"sepa_debit[iban]":   {"DE89370400440532013000"},
				"ideal[bank]":        {"abn_amro"},
				"klarna[dob][day]":   {"1"},
				"klarna[dob][month]": {"2"},
				"klarna[dob][year]":  {"1990"},
			},
			check: checkPaymentMethod,
		},
		{
			name: "get", fixture: "payment_method.json", method: "GET", path: "/v1/payment_methods/" + testPMID,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PaymentMethods.Get(ctx, testPMID, &PaymentMethodGetParams{Params: Params{Expand: []string{"customer"}}})
			},
			values: url.Values{"expand[0]": {"customer"}},
			check:  checkPaymentMethod,
		},
		{
			name: "update", fixture: "payment_method.json", method: "POST", path: "/v1/payment_methods/" + testPMID,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PaymentMethods.Update(ctx, testPMID, &PaymentMethodUpdateParams{
					Card:     &PaymentMethodCardUpdateParams{ExpMonth: Ptr(int64(9)), ExpYear: Ptr(int64(2031)), Networks: &PaymentMethodCardNetworksParams{Preferred: Ptr("")}},
					Metadata: Metadata{"order_id": ""},
				})
			},
			values: url.Values{
				"card[exp_month]":           {"9"},
				"card[exp_year]":            {"2031"},
				"card[networks][preferred]": {""},
				"metadata[order_id]":        {""},
			},
			check: checkPaymentMethod,
		},
		{
			name: "list", fixture: "payment_method_list.json", method: "GET", path: "/v1/payment_methods",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PaymentMethods.List(ctx, &PaymentMethodListParams{
					Customer: Ptr(testCustomerID), Type: Ptr(PaymentMethodTypeCard), ListParams: ListParams{Limit: Ptr(int64(3))},
				})
			},
			values: url.Values{"customer": {testCustomerID}, "type": {"card"}, "limit": {"3"}},
			check:  checkPaymentMethodList,
		},
		{
			name: "attach", fixture: "payment_method.json", method: "POST", path: "/v1/payment_methods/" + testPMID + "/attach",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PaymentMethods.Attach(ctx, testPMID, &PaymentMethodAttachParams{Customer: Ptr(testCustomerID)})
			},
			values: url.Values{"customer": {testCustomerID}},
			check:  checkPaymentMethod,
		},
		{
			name: "detach", fixture: "payment_method.json", method: "POST", path: "/v1/payment_methods/" + testPMID + "/detach",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PaymentMethods.Detach(ctx, testPMID, nil)
			},
			check: checkPaymentMethod,
		},
		{
			name: "customer list", fixture: "payment_method_list.json", method: "GET", path: "/v1/customers/" + testCustomerID + "/payment_methods",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Customers.ListPaymentMethods(ctx, testCustomerID, &CustomerPaymentMethodListParams{
					Type: Ptr(PaymentMethodTypeCard), AllowRedisplay: Ptr(CardAllowRedisplay("always")),
				})
			},
			values: url.Values{"type": {"card"}, "allow_redisplay": {"always"}},
			check:  checkPaymentMethodList,
		},
		{
			name: "customer get", fixture: "payment_method.json", method: "GET", path: "/v1/customers/" + testCustomerID + "/payment_methods/" + testPMID,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Customers.GetPaymentMethod(ctx, testCustomerID, testPMID, nil)
			},
			check: checkPaymentMethod,
		},
	})
}

func TestPaymentMethodsAllWalksPages(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	page1 := `{"object":"list","has_more":true,"url":"/v1/customers/cus_1/payment_methods","data":[{"id":"pm_1","object":"payment_method"},{"id":"pm_2","object":"payment_method"}]}`
	page2 := `{"object":"list","has_more":false,"url":"/v1/customers/cus_1/payment_methods","data":[{"id":"pm_3","object":"payment_method"}]}`
	rec := mock(mt, ok(page1), ok(page2))
	var ids []string
	for pm, err := range c.Customers.AllPaymentMethods(context.Background(), "cus_1", &CustomerPaymentMethodListParams{Type: Ptr(PaymentMethodTypeCard)}) {
		require.NoError(t, err)
		ids = append(ids, pm.ID)
	}
	require.Equal(t, []string{"pm_1", "pm_2", "pm_3"}, ids)
	sent := rec.requests()
	require.Len(t, sent, 2)
	require.Equal(t, "/v1/customers/cus_1/payment_methods", sent[1].Path)
	require.Equal(t, url.Values{"type": {"card"}, "starting_after": {"pm_2"}}, sent[1].Query)

	rec2 := mock(mt, ok(page2))
	for _, err := range c.PaymentMethods.All(context.Background(), &PaymentMethodListParams{Customer: Ptr("cus_1")}) {
		require.NoError(t, err)
	}
	require.Equal(t, url.Values{"customer": {"cus_1"}}, rec2.requests()[0].Query)
}

func TestPaymentMethodsRejectBadIDsBeforeIO(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(`{"id":"pm_1","object":"payment_method"}`))
	ctx := context.Background()
	_, err := c.PaymentMethods.Get(ctx, "", nil)
	require.Error(t, err)
	_, err = c.PaymentMethods.Attach(ctx, "../charges", nil)
	require.NoError(t, err) // escaped, stays inside its path
	require.Equal(t, "/v1/payment_methods/..%2Fcharges/attach", rec.requests()[0].Path)
	_, err = c.Customers.GetPaymentMethod(ctx, "cus_1", "", nil)
	require.Error(t, err)
	_, err = c.Customers.ListPaymentMethods(ctx, "..", nil)
	require.Error(t, err)
	for _, err := range c.Customers.AllPaymentMethods(ctx, "", nil) {
		require.Error(t, err)
	}
	require.Len(t, rec.requests(), 1)
}
