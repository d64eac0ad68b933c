package stripe

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

const testSetiID = "seti_1Pgag7B7WZ01zgkWSgwGdb8Z"

func checkSetupIntent(t *testing.T, got any) {
	t.Helper()
	si := got.(*SetupIntent)
	require.Equal(t, SetupIntent{
		ID:                                testSetiID,
		Object:                            "setup_intent",
		AutomaticPaymentMethods:           &PaymentIntentAutomaticPaymentMethods{},
		ClientSecret:                      "seti_1Pgag7B7WZ01zgkWSgwGdb8Z_secret_QXg2AQLdBxJwtY51IkwvUaBVsnCqPSp",
		Created:                           1234567890,
		Customer:                          Expandable[Customer]{ID: testCustomerID},
		LastSetupError:                    &Error{Type: "idempotency_error"},
		Metadata:                          map[string]string{"order_id": "42"},
		NextAction:                        &SetupIntentNextAction{Type: "type"},
		PaymentMethod:                     Expandable[PaymentMethod]{ID: testPMID},
		PaymentMethodConfigurationDetails: &PaymentMethodConfigurationDetails{ID: "obj_123"},
		PaymentMethodOptions:              []byte("{}"),
		PaymentMethodTypes:                []PaymentMethodType{PaymentMethodTypeCard},
		Status:                            SetupIntentStatusRequiresPaymentMethod,
		Usage:                             SetupIntentUsageOffSession,
	}, *si)
	require.NotContains(t, fmt.Sprintf("%v %+v", si, *si), "_secret_")
}

func TestSetupIntents(t *testing.T) {
	t.Parallel()
	path := "/v1/setup_intents/" + testSetiID
	runCallCases(t, []callCase{
		{
			name: "create", fixture: "setup_intent.json", method: "POST", path: "/v1/setup_intents",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SetupIntents.Create(ctx, &SetupIntentCreateParams{
					Customer:           Ptr(testCustomerID),
					PaymentMethodTypes: []PaymentMethodType{PaymentMethodTypeCard, PaymentMethodTypeSEPADebit},
					Usage:              Ptr(SetupIntentUsageOffSession),
					Confirm:            Ptr(true),
					PaymentMethod:      Ptr("pm_card_visa"),
					ReturnURL:          Ptr("https://example.com/done"),
					MandateData: &MandateDataParams{CustomerAcceptance: &MandateCustomerAcceptanceParams{
						Type: Ptr("online"), Online: &MandateOnlineAcceptanceParams{IPAddress: Ptr("127.0.0.1"), UserAgent: Ptr("curl")},
					}},
					PaymentMethodOptions: &SetupIntentPaymentMethodOptionsParams{Card: &SetupIntentCardOptionsParams{RequestThreeDSecure: Ptr("any")}},
					AttachToSelf:         Ptr(false),
					Metadata:             Metadata{"order_id": "42"},
				})
			},
			values: url.Values{
				"customer":                {testCustomerID},
				"payment_method_types[0]": {"card"},
				"payment_method_types[1]": {"sepa_debit"},
				"usage":                   {"off_session"},
				"confirm":                 {"true"},
				"payment_method":          {"pm_card_visa"},
				"return_url":              {"https://example.com/done"},
				"mandate_data[customer_acceptance][type]":               {"online"},
				"mandate_data[customer_acceptance][online][ip_address]": {"127.0.0.1"},
				"mandate_data[customer_acceptance][online][user_agent]": {"curl"},
				"payment_method_options[card][request_three_d_secure]":  {"any"},
				"attach_to_self":     {"false"},
				"metadata[order_id]": {"42"},
			},
			check: checkSetupIntent,
		},
		{
			name: "get", fixture: "setup_intent.json", method: "GET", path: path,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SetupIntents.Get(ctx, testSetiID, &SetupIntentGetParams{Params: Params{Expand: []string{"payment_method"}}})
			},
			values: url.Values{"expand[0]": {"payment_method"}},
			check:  checkSetupIntent,
		},
		{
			name: "update", fixture: "setup_intent.json", method: "POST", path: path,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SetupIntents.Update(ctx, testSetiID, &SetupIntentUpdateParams{
					Description: Ptr(""),
					PaymentMethodData: &PaymentMethodDataParams{
						Type: Ptr(PaymentMethodTypeSEPADebit), SEPADebit: &PaymentMethodSEPADebitParams{IBAN: Ptr("DE89370400440532013000")},
						BillingDetails: &BillingDetailsParams{Name: Ptr("Jenny Rosen"), Email: Ptr("jenny@example.com")},
					},
				})
			},
			values: url.Values{
				"description":                                 {""},
				"payment_method_data[type]":                   {"sepa_debit"},
				"payment_method_data[sepa_debit][iban]":       {"DE89370400440532013000"},
				"payment_method_data[billing_details][name]":  {"Jenny Rosen"},
				"payment_method_data[billing_details][email]": {"jenny@example.com"},
			},
			check: checkSetupIntent,
		},
		{
			name: "confirm", fixture: "setup_intent.json", method: "POST", path: path + "/confirm",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SetupIntents.Confirm(ctx, testSetiID, &SetupIntentConfirmParams{PaymentMethod: Ptr("pm_card_visa"), ReturnURL: Ptr("https://example.com/done")})
			},
			values: url.Values{"payment_method": {"pm_card_visa"}, "return_url": {"https://example.com/done"}},
			check:  checkSetupIntent,
		},
		{
			name: "cancel", fixture: "setup_intent.json", method: "POST", path: path + "/cancel",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SetupIntents.Cancel(ctx, testSetiID, &SetupIntentCancelParams{CancellationReason: Ptr(SetupIntentCancellationReasonRequestedByCustomer)})
			},
			values: url.Values{"cancellation_reason": {"requested_by_customer"}},
			check:  checkSetupIntent,
		},
		{
			name: "list", fixture: "setup_intent_list.json", method: "GET", path: "/v1/setup_intents",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SetupIntents.List(ctx, &SetupIntentListParams{Customer: Ptr(testCustomerID), Created: &RangeQuery{GTE: Ptr(int64(1700000000))}})
			},
			values: url.Values{"customer": {testCustomerID}, "created[gte]": {"1700000000"}},
			check: func(t *testing.T, got any) {
				page := got.(*List[SetupIntent])
				require.Len(t, page.Data, 1)
				checkSetupIntent(t, &page.Data[0])
			},
		},
	})
}

func TestSetupIntentsAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt,
		ok(`{"object":"list","has_more":true,"data":[{"id":"seti_2"},{"id":"seti_1"}]}`),
		ok(`{"object":"list","has_more":false,"data":[{"id":"seti_0"}]}`))
	var ids []string
	for si, err := range c.SetupIntents.All(context.Background(), &SetupIntentListParams{Customer: Ptr("cus_1")}) {
		require.NoError(t, err)
		ids = append(ids, si.ID)
	}
	require.Equal(t, []string{"seti_2", "seti_1", "seti_0"}, ids)
	require.Equal(t, url.Values{"customer": {"cus_1"}, "starting_after": {"seti_1"}}, rec.requests()[1].Query)
	_, err := c.SetupIntents.Confirm(context.Background(), "", nil)
	require.Error(t, err)
	require.Len(t, rec.requests(), 2)
}
