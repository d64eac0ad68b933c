package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// stripe-mock answers the sources endpoints with whatever payment source its
// fixtures hold (not always a card), so these checks stop at the request
// being accepted and a decodable answer with an ID.
func TestContractCards(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	card, err := c.Cards.Create(ctx, "cus_NffrFeUfNV2Hib", &CardCreateParams{
		Source:   "tok_visa",
		Metadata: Metadata{"nickname": "work"},
		Params:   Params{Expand: []string{"customer"}},
	})
	require.NoError(t, err)
	require.NotEmpty(t, card.ID)

	got, err := c.Cards.Get(ctx, "cus_NffrFeUfNV2Hib", "card_1NGTaT2eZvKYlo2CZWSctn5n",
		&CardGetParams{Params: Params{Expand: []string{"customer"}}})
	require.NoError(t, err)
	require.NotEmpty(t, got.ID)

	_, err = c.Cards.Update(ctx, "cus_NffrFeUfNV2Hib", "card_1NGTaT2eZvKYlo2CZWSctn5n", &CardUpdateParams{
		Name:           Ptr("Jenny Q. Rosen"),
		AddressCity:    Ptr("Berlin"),
		AddressCountry: Ptr("DE"),
		AddressLine1:   Ptr("Unter den Linden 1"),
		AddressLine2:   Ptr(""),
		AddressState:   Ptr("BE"),
		AddressZip:     Ptr("10117"),
		ExpMonth:       Ptr("12"),
		ExpYear:        Ptr("2031"),
		Metadata:       Metadata{"nickname": ""},
	})
	require.NoError(t, err)

	page, err := c.Cards.List(ctx, "cus_NffrFeUfNV2Hib", &CardListParams{
		ListParams: ListParams{Limit: Ptr(int64(3)), StartingAfter: Ptr("card_1")},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	n := 0
	for card, err := range c.Cards.All(ctx, "cus_NffrFeUfNV2Hib", nil) {
		require.NoError(t, err)
		require.NotEmpty(t, card.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)

	del, err := c.Cards.Delete(ctx, "cus_NffrFeUfNV2Hib", "card_1NGTaT2eZvKYlo2CZWSctn5n", nil)
	require.NoError(t, err)
	require.NotEmpty(t, del.ID)
}
