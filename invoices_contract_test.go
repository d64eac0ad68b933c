package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractInvoices(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	inv, err := c.Invoices.Create(ctx, &InvoiceCreateParams{
		Customer:                    Ptr("cus_123"),
		AutoAdvance:                 Ptr(false),
		CollectionMethod:            Ptr(CollectionMethodSendInvoice),
		DaysUntilDue:                Ptr(int64(30)),
		Currency:                    Ptr("usd"),
		Description:                 Ptr("Consulting, January"),
		Footer:                      Ptr("Thank you"),
		Metadata:                    Metadata{"order_id": "6735"},
		PendingInvoiceItemsBehavior: Ptr(InvoicePendingInvoiceItemsBehaviorExclude),
		CustomFields:                []InvoiceCustomFieldParams{{Name: Ptr("PO number"), Value: Ptr("PO-42")}},
		DefaultTaxRates:             []string{"txr_123"},
		AutomaticTax:                &InvoiceAutomaticTaxParams{Enabled: Ptr(false)},
		StatementDescriptor:         Ptr("ACME CONSULTING"),
		Params:                      Params{Expand: []string{"customer"}},
	})
	require.NoError(t, err)
	require.Equal(t, "invoice", inv.Object)
	require.NotEmpty(t, inv.ID)

	// A second create with the other optional fields the issue names.
	_, err = c.Invoices.Create(ctx, &InvoiceCreateParams{
		Customer:             Ptr("cus_123"),
		CollectionMethod:     Ptr(CollectionMethodChargeAutomatically),
		DefaultPaymentMethod: Ptr("pm_123"),
		DueDate:              Ptr(int64(1740960000)),
		Subscription:         Ptr("sub_123"),
	})
	require.NoError(t, err)

	got, err := c.Invoices.Get(ctx, inv.ID, &InvoiceGetParams{Params: Params{Expand: []string{"customer", "default_payment_method", "parent.subscription_details.subscription", "confirmation_secret"}}})
	require.NoError(t, err)
	require.Equal(t, "invoice", got.Object)
	require.NotEmpty(t, got.Lines.Data)
	require.NotNil(t, got.Customer.Object, "customer was expanded")
	require.NotEmpty(t, got.Customer.ID)

	_, err = c.Invoices.Update(ctx, inv.ID, &InvoiceUpdateParams{
		Description:      Ptr(""),
		DaysUntilDue:     Ptr(int64(14)),
		AutoAdvance:      Ptr(true),
		CollectionMethod: Ptr(CollectionMethodSendInvoice),
		Metadata:         Metadata{"order_id": ""},
		Footer:           Ptr("New footer"),
	})
	require.NoError(t, err)

	page, err := c.Invoices.List(ctx, &InvoiceListParams{
		ListParams:       ListParams{Limit: Ptr(int64(3)), StartingAfter: Ptr("in_1")},
		Customer:         Ptr("cus_123"),
		Status:           Ptr(InvoiceStatusOpen),
		Subscription:     Ptr("sub_123"),
		CollectionMethod: Ptr(CollectionMethodSendInvoice),
		Created:          &RangeQuery{GTE: Ptr(int64(1700000000))},
		DueDate:          &RangeQuery{LT: Ptr(int64(1800000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	n := 0
	for inv, err := range c.Invoices.All(ctx, &InvoiceListParams{Status: Ptr(InvoiceStatusDraft)}) {
		require.NoError(t, err)
		require.NotEmpty(t, inv.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)

	fin, err := c.Invoices.Finalize(ctx, inv.ID, &InvoiceFinalizeParams{AutoAdvance: Ptr(false)})
	require.NoError(t, err)
	require.Equal(t, "invoice", fin.Object)

	_, err = c.Invoices.Send(ctx, inv.ID, nil)
	require.NoError(t, err)

	_, err = c.Invoices.Pay(ctx, inv.ID, &InvoicePayParams{PaidOutOfBand: Ptr(true)})
	require.NoError(t, err)
	_, err = c.Invoices.Pay(ctx, inv.ID, &InvoicePayParams{
		PaymentMethod: Ptr("pm_card_visa"), OffSession: Ptr(true), Forgive: Ptr(false),
	})
	require.NoError(t, err)
	_, err = c.Invoices.Pay(ctx, inv.ID, &InvoicePayParams{Source: Ptr("card_123"), Mandate: Ptr("mandate_123")})
	require.NoError(t, err)

	_, err = c.Invoices.Void(ctx, inv.ID, &InvoiceVoidParams{Params: Params{Expand: []string{"customer"}}})
	require.NoError(t, err)

	del, err := c.Invoices.Delete(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
}
