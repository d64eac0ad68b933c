package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractSetupIntents(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()
	expand := Params{Expand: []string{"customer", "payment_method"}}

	si, err := c.SetupIntents.Create(ctx, &SetupIntentCreateParams{
		Customer:                   Ptr("cus_NffrFeUfNV2Hib"),
		PaymentMethodTypes:         []PaymentMethodType{PaymentMethodTypeCard},
		Usage:                      Ptr(SetupIntentUsageOffSession),
		Confirm:                    Ptr(true),
		PaymentMethod:              Ptr("pm_card_visa"),
		ReturnURL:                  Ptr("https://example.com/done"),
		Description:                Ptr("save card"),
		AttachToSelf:               Ptr(false),
		FlowDirections:             []string{"inbound"},
		OnBehalfOf:                 Ptr("acct_1032D82eZvKYlo2C"),
		SingleUse:                  &SetupIntentSingleUseParams{Amount: Ptr(int64(1000)), Currency: Ptr("usd")},
		UseStripeSDK:               Ptr(false),
		PaymentMethodConfiguration: Ptr("pmc_123"),
		MandateData: &MandateDataParams{CustomerAcceptance: &MandateCustomerAcceptanceParams{
			Type: Ptr("online"), AcceptedAt: Ptr(int64(1700000000)), Online: &MandateOnlineAcceptanceParams{IPAddress: Ptr("127.0.0.1"), UserAgent: Ptr("curl")},
		}},
		PaymentMethodOptions: &SetupIntentPaymentMethodOptionsParams{Card: &SetupIntentCardOptionsParams{RequestThreeDSecure: Ptr("any"), Network: Ptr("visa")}},
		Metadata:             Metadata{"order_id": "42"},
		Params:               expand,
	})
	require.NoError(t, err)
	require.Equal(t, "setup_intent", si.Object)
	require.NotEmpty(t, si.ClientSecret.Reveal())

	_, err = c.SetupIntents.Create(ctx, &SetupIntentCreateParams{
		AutomaticPaymentMethods:    &SetupIntentAutomaticPaymentMethodsParams{Enabled: Ptr(true), AllowRedirects: Ptr("never")},
		ExcludedPaymentMethodTypes: []PaymentMethodType{PaymentMethodTypeSEPADebit},
		PaymentMethodData: &PaymentMethodDataParams{Type: Ptr(PaymentMethodTypeSEPADebit), SEPADebit: &PaymentMethodSEPADebitParams{IBAN: Ptr("DE89370400440532013000")},
			BillingDetails: &BillingDetailsParams{Name: Ptr("Jenny Rosen"), Email: Ptr("jenny@example.com")}, AllowRedisplay: Ptr(CardAllowRedisplay("always")),
			Metadata: Metadata{"k": "v"}, RadarOptions: &PaymentMethodRadarOptionsParams{Session: Ptr("rse_1")}},
	})
	require.NoError(t, err)

	got, err := c.SetupIntents.Get(ctx, si.ID, &SetupIntentGetParams{ClientSecret: Ptr(si.ClientSecret.Reveal()), Params: expand})
	require.NoError(t, err)
	require.Equal(t, "setup_intent", got.Object)

	_, err = c.SetupIntents.Update(ctx, si.ID, &SetupIntentUpdateParams{
		Customer: Ptr("cus_NffrFeUfNV2Hib"), Description: Ptr(""), Metadata: Metadata{"order_id": ""},
		PaymentMethod: Ptr("pm_card_visa"), PaymentMethodTypes: []PaymentMethodType{PaymentMethodTypeCard},
		AttachToSelf: Ptr(false), FlowDirections: []string{"inbound"}, PaymentMethodConfiguration: Ptr("pmc_123"),
		ExcludedPaymentMethodTypes: []PaymentMethodType{PaymentMethodTypeSEPADebit},
		PaymentMethodOptions:       &SetupIntentPaymentMethodOptionsParams{Card: &SetupIntentCardOptionsParams{RequestThreeDSecure: Ptr("automatic")}},
	})
	require.NoError(t, err)

	_, err = c.SetupIntents.Confirm(ctx, si.ID, &SetupIntentConfirmParams{
		PaymentMethod: Ptr("pm_card_visa"), ReturnURL: Ptr("https://example.com/done"), UseStripeSDK: Ptr(false),
		MandateData: &MandateDataParams{CustomerAcceptance: &MandateCustomerAcceptanceParams{Type: Ptr("online"),
			Online: &MandateOnlineAcceptanceParams{IPAddress: Ptr("127.0.0.1"), UserAgent: Ptr("curl")}}},
		PaymentMethodOptions: &SetupIntentPaymentMethodOptionsParams{Card: &SetupIntentCardOptionsParams{RequestThreeDSecure: Ptr("any")}},
	})
	require.NoError(t, err)

	_, err = c.SetupIntents.Cancel(ctx, si.ID, &SetupIntentCancelParams{CancellationReason: Ptr(SetupIntentCancellationReasonAbandoned)})
	require.NoError(t, err)

	page, err := c.SetupIntents.List(ctx, &SetupIntentListParams{
		Customer: Ptr("cus_NffrFeUfNV2Hib"), PaymentMethod: Ptr("pm_card_visa"), AttachToSelf: Ptr(false),
		Created: &RangeQuery{GT: Ptr(int64(1))}, ListParams: ListParams{Limit: Ptr(int64(2))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	for si, err := range c.SetupIntents.All(ctx, nil) {
		require.NoError(t, err)
		require.Equal(t, "setup_intent", si.Object)
		break
	}
}
