package stripe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

const testTransferID = "tr_1QaBcb2eZvKYlo2CtRaN0001"

func TestTransfersCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "transfer.json")))

	tr, err := c.Transfers.Create(context.Background(), &TransferCreateParams{
		Amount: Ptr(int64(7000)), Currency: Ptr("usd"), Destination: Ptr("acct_1QaBcc2eZvKYlo2C"),
		Description: Ptr("Order 1042 payout"), SourceTransaction: Ptr("ch_3QaBcW2eZvKYlo2C0cHaRgE1"),
		TransferGroup: Ptr("ORDER_1042"), Metadata: Metadata{"order": "1042"},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/transfers")
	require.Equal(t, billingForm(
		"amount", "7000", "currency", "usd", "destination", "acct_1QaBcc2eZvKYlo2C",
		"description", "Order 1042 payout", "source_transaction", "ch_3QaBcW2eZvKYlo2C0cHaRgE1",
		"transfer_group", "ORDER_1042", "metadata[order]", "1042",
	), sent[0].Form)

	require.Equal(t, testTransferID, tr.ID)
	require.Equal(t, "transfer", tr.Object)
	require.Equal(t, int64(7000), tr.Amount)
	require.Zero(t, tr.AmountReversed)
	require.Equal(t, "acct_1QaBcc2eZvKYlo2C", tr.Destination.ID)
	require.Equal(t, "py_1QaBcd2eZvKYlo2CpY000001", tr.DestinationPayment.ID)
	require.Equal(t, "ch_3QaBcW2eZvKYlo2C0cHaRgE1", tr.SourceTransaction.ID)
	require.Equal(t, "ORDER_1042", tr.TransferGroup)
	require.Equal(t, "/v1/transfers/"+testTransferID+"/reversals", tr.Reversals.URL)
	require.Empty(t, tr.Reversals.Data)
}

func TestTransfersGetUpdateListAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "transfer.json")), ok(fixture(t, "transfer.json")),
		ok(fixture(t, "transfers_page1.json")), ok(fixture(t, "transfers_page1.json")), ok(fixture(t, "transfers_page2.json")))
	ctx := context.Background()

	_, err := c.Transfers.Get(ctx, testTransferID, nil)
	require.NoError(t, err)
	_, err = c.Transfers.Update(ctx, testTransferID, &TransferUpdateParams{Description: Ptr(""), Metadata: Metadata{"order": "1043"}})
	require.NoError(t, err)
	page, err := c.Transfers.List(ctx, &TransferListParams{
		Destination: Ptr("acct_1"), TransferGroup: Ptr("ORDER_1042"), Created: &RangeQuery{GT: Ptr(int64(1))},
	})
	require.NoError(t, err)
	rev := page.Data[1]
	require.Equal(t, int64(1000), rev.AmountReversed)
	require.Len(t, rev.Reversals.Data, 1)
	require.Equal(t, "trr_1QaBce2eZvKYlo2CtRrV0001", rev.Reversals.Data[0].ID)
	require.Equal(t, "pyr_1QaBcf2eZvKYlo2C", rev.Reversals.Data[0].DestinationPaymentRefund.ID)
	require.Equal(t, "tr_1QaBcb2eZvKYlo2CtRaN0002", rev.Reversals.Data[0].Transfer.ID)

	var ids []string
	for tr, err := range c.Transfers.All(ctx, nil) {
		require.NoError(t, err)
		ids = append(ids, tr.ID)
	}
	require.Equal(t, []string{testTransferID, "tr_1QaBcb2eZvKYlo2CtRaN0002", "tr_1QaBcb2eZvKYlo2CtRaN0003"}, ids)

	sent := rec.requests()
	require.Len(t, sent, 5)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/transfers/"+testTransferID)
	requireBillingRequest(t, sent[1], http.MethodPost, "/v1/transfers/"+testTransferID)
	require.Equal(t, billingForm("description", "", "metadata[order]", "1043"), sent[1].Form)
	requireBillingRequest(t, sent[2], http.MethodGet, "/v1/transfers")
	require.Equal(t, billingForm("destination", "acct_1", "transfer_group", "ORDER_1042", "created[gt]", "1"), sent[2].Query)
	require.Equal(t, billingForm("starting_after", "tr_1QaBcb2eZvKYlo2CtRaN0002"), sent[4].Query)

	_, err = c.Transfers.Update(ctx, "", nil)
	require.Error(t, err)
	require.Len(t, rec.requests(), 5)
}
