package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractPaymentMethods(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	pm, err := c.PaymentMethods.Create(ctx, &PaymentMethodCreateParams{
		Type:           Ptr(PaymentMethodTypeCard),
		Card:           &PaymentMethodCardParams{Number: Ptr("4242424242424242"), ExpMonth: Ptr(int64(8)), ExpYear: Ptr(int64(2030)), CVC: Ptr("314"), Networks: &PaymentMethodCardNetworksParams{Preferred: Ptr("visa")}},
		AllowRedisplay: Ptr(CardAllowRedisplay("always")),
		BillingDetails: &BillingDetailsParams{Email: Ptr("jenny@example.com"), Name: Ptr("Jenny Rosen"), Phone: Ptr("+15555555555"), TaxID: Ptr("123"),
			Address: &AddressParams{Line1: Ptr("1234 Fake Street"), Country: Ptr("US")}},
		Metadata:     Metadata{"order_id": "1"},
		RadarOptions: &PaymentMethodRadarOptionsParams{Session: Ptr("rse_123")},
		Params:       Params{Expand: []string{"customer"}},
	})
	require.NoError(t, err)
	require.Equal(t, "payment_method", pm.Object)
	require.NotEmpty(t, pm.ID)

	_, err = c.PaymentMethods.Create(ctx, &PaymentMethodCreateParams{
		Type:          Ptr(PaymentMethodTypeUSBankAccount),
		USBankAccount: &PaymentMethodUSBankAccountParams{AccountHolderType: Ptr("individual"), AccountNumber: Ptr("000123456789"), AccountType: Ptr("checking"), RoutingNumber: Ptr("110000000")},
		AcssDebit:     &PaymentMethodAcssDebitParams{AccountNumber: Ptr("00123456789"), InstitutionNumber: Ptr("000"), TransitNumber: Ptr("11000")},
		AuBecsDebit:   &PaymentMethodAuBecsDebitParams{AccountNumber: Ptr("000123456"), BSBNumber: Ptr("000000")},
		BacsDebit:     &PaymentMethodBacsDebitParams{AccountNumber: Ptr("00012345"), SortCode: Ptr("108800")},
		Boleto:        &PaymentMethodBoletoParams{TaxID: Ptr("000.000.000-00")},
		Custom:        &PaymentMethodCustomParams{Type: Ptr("cpmt_123")},
		EPS:           &PaymentMethodBankParams{Bank: Ptr("arzte_und_apotheker_bank")},
		FPX:           &PaymentMethodBankParams{Bank: Ptr("affin_bank")},
		Ideal:         &PaymentMethodBankParams{Bank: Ptr("abn_amro")},
		P24:           &PaymentMethodBankParams{Bank: Ptr("alior_bank")},
		Klarna:        &PaymentMethodKlarnaParams{DOB: &DateOfBirthParams{Day: Ptr(int64(1)), Month: Ptr(int64(2)), Year: Ptr(int64(1990))}},
		NaverPay:      &PaymentMethodNaverPayParams{Funding: Ptr("card")},
		NzBankAccount: &PaymentMethodNzBankAccountParams{AccountNumber: Ptr("0000000"), BankCode: Ptr("11"), BranchCode: Ptr("1111"), Suffix: Ptr("000"), AccountHolderName: Ptr("J"), Reference: Ptr("r")},
		Payto:         &PaymentMethodPaytoParams{AccountNumber: Ptr("000123456"), BSBNumber: Ptr("000000"), PayID: Ptr("x@example.com")},
		SEPADebit:     &PaymentMethodSEPADebitParams{IBAN: Ptr("DE89370400440532013000")},
		Sofort:        &PaymentMethodSofortParams{Country: Ptr("DE")},
		UPI:           &PaymentMethodUPIParams{MandateOptions: &PaymentMethodUPIMandateOptionsParams{Amount: Ptr(int64(100)), AmountType: Ptr("fixed"), Description: Ptr("d"), EndDate: Ptr(int64(1900000000))}},
	})
	require.NoError(t, err)

	_, err = c.PaymentMethods.Create(ctx, &PaymentMethodCreateParams{
		Customer: Ptr("cus_NffrFeUfNV2Hib"), PaymentMethod: Ptr(pm.ID), Params: Params{StripeAccount: "acct_1032D82eZvKYlo2C"},
	})
	require.NoError(t, err)

	got, err := c.PaymentMethods.Get(ctx, pm.ID, &PaymentMethodGetParams{Params: Params{Expand: []string{"customer"}}})
	require.NoError(t, err)
	require.Equal(t, "payment_method", got.Object)

	_, err = c.PaymentMethods.Update(ctx, pm.ID, &PaymentMethodUpdateParams{
		AllowRedisplay: Ptr(CardAllowRedisplay("limited")),
		BillingDetails: &BillingDetailsParams{Name: Ptr("")},
		Card:           &PaymentMethodCardUpdateParams{ExpMonth: Ptr(int64(9)), ExpYear: Ptr(int64(2031)), Networks: &PaymentMethodCardNetworksParams{Preferred: Ptr("")}},
		Metadata:       Metadata{"order_id": ""},
		Payto:          &PaymentMethodPaytoParams{PayID: Ptr("y@example.com")},
		USBankAccount:  &PaymentMethodUSBankAccountUpdateParams{AccountHolderType: Ptr("company"), AccountType: Ptr("savings")},
	})
	require.NoError(t, err)

	page, err := c.PaymentMethods.List(ctx, &PaymentMethodListParams{
		Customer: Ptr("cus_NffrFeUfNV2Hib"), Type: Ptr(PaymentMethodTypeCard), AllowRedisplay: Ptr(CardAllowRedisplay("always")),
		ListParams: ListParams{Limit: Ptr(int64(2))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	for pm, err := range c.PaymentMethods.All(ctx, &PaymentMethodListParams{Customer: Ptr("cus_NffrFeUfNV2Hib")}) {
		require.NoError(t, err)
		require.Equal(t, "payment_method", pm.Object)
		break
	}

	att, err := c.PaymentMethods.Attach(ctx, pm.ID, &PaymentMethodAttachParams{Customer: Ptr("cus_NffrFeUfNV2Hib")})
	require.NoError(t, err)
	require.Equal(t, "payment_method", att.Object)
	_, err = c.PaymentMethods.Detach(ctx, pm.ID, nil)
	require.NoError(t, err)

	cpage, err := c.Customers.ListPaymentMethods(ctx, "cus_NffrFeUfNV2Hib", &CustomerPaymentMethodListParams{
		Type: Ptr(PaymentMethodTypeCard), AllowRedisplay: Ptr(CardAllowRedisplay("always")), ListParams: ListParams{Limit: Ptr(int64(3))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", cpage.Object)
	for pm, err := range c.Customers.AllPaymentMethods(ctx, "cus_NffrFeUfNV2Hib", nil) {
		require.NoError(t, err)
		require.Equal(t, "payment_method", pm.Object)
		break
	}
	cpm, err := c.Customers.GetPaymentMethod(ctx, "cus_NffrFeUfNV2Hib", pm.ID, &PaymentMethodGetParams{Params: Params{Expand: []string{"customer"}}})
	require.NoError(t, err)
	require.Equal(t, "payment_method", cpm.Object)
}
