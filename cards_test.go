package stripe

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

const (
	testCustomerID = "cus_NffrFeUfNV2Hib"
	testCardID     = "card_1NGTaT2eZvKYlo2CZWSctn5n"
)

func TestCardsCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "card_visa.json")))

	params := &CardCreateParams{
		Source:   "tok_visa",
		Metadata: Metadata{"nickname": "work"},
		Params:   Params{IdempotencyKey: "idem-card-1"},
	}
	card, err := c.Cards.Create(context.Background(), testCustomerID, params)
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodPost, sent[0].Method)
	require.Equal(t, "/v1/customers/cus_NffrFeUfNV2Hib/sources", sent[0].Path)
	require.Empty(t, sent[0].Query)
	require.Equal(t, url.Values{"source": {"tok_visa"}, "metadata[nickname]": {"work"}}, sent[0].Form)
	require.Equal(t, "idem-card-1", sent[0].Header.Get("Idempotency-Key"))

	require.Equal(t, testCardID, card.ID)
	require.Equal(t, "card", card.Object)
	require.Equal(t, "Visa", card.Brand)
	require.Equal(t, "4242", card.Last4)
	require.Equal(t, testCustomerID, card.Customer.ID)
	require.Nil(t, card.Customer.Object)
	require.Equal(t, "work", card.Metadata["nickname"])
}

func TestCardsCreateRefusesCardNumbers(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		"4242424242424242",
		"4242 4242 4242 4242",
		"4242-4242-4242-4242",
		"378282246310005",     // Amex, 15 digits
		"6200000000000000005", // 19 digits
		"424242424242",        // 12 digits
		" 4242424242424242 ",
	} {
		t.Run(src, func(t *testing.T) {
			t.Parallel()
			c, mt := newTestClient(t)
			rec := mock(mt, ok(fixture(t, "card_visa.json")))
			_, err := c.Cards.Create(context.Background(), testCustomerID, &CardCreateParams{Source: src})
			require.ErrorIs(t, err, errCardNumber)
			require.NotContains(t, err.Error(), "4242")
			require.Empty(t, rec.requests())
		})
	}
}

func TestLooksLikePAN(t *testing.T) {
	t.Parallel()
	for src, want := range map[string]bool{
		"4242424242424242":     true,
		"4242 4242 4242 4242":  true,
		"4000-0566-5566-5556":  true,
		"42424242424":          false, // 11 digits
		"42424242424242424242": false, // 20 digits
		"tok_visa":             false,
		"tok_4242424242424242": false,
		"src_1NGTaT2eZvKYlo2C": false,
		"card_123":             false,
		"":                     false,
		"    ----    ":         false,
	} {
		require.Equal(t, want, looksLikePAN(src), src)
	}
}

func TestCardsRefusesInvalidArguments(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "card_visa.json")))
	ctx := context.Background()

	_, err := c.Cards.Create(ctx, "", &CardCreateParams{Source: "tok_visa"})
	require.ErrorContains(t, err, "invalid ID")
	_, err = c.Cards.Create(ctx, testCustomerID, nil)
	require.ErrorContains(t, err, "Source is required")
	_, err = c.Cards.Create(ctx, testCustomerID, &CardCreateParams{})
	require.ErrorContains(t, err, "Source is required")

	_, err = c.Cards.Get(ctx, "", testCardID, nil)
	require.ErrorContains(t, err, "invalid ID")
	_, err = c.Cards.Get(ctx, testCustomerID, "", nil)
	require.ErrorContains(t, err, "invalid ID")
	_, err = c.Cards.Update(ctx, testCustomerID, "", &CardUpdateParams{Name: Ptr("x")})
	require.ErrorContains(t, err, "invalid ID")
	_, err = c.Cards.Update(ctx, "..", testCardID, nil)
	require.ErrorContains(t, err, "invalid ID")
	_, err = c.Cards.Delete(ctx, testCustomerID, "", nil)
	require.ErrorContains(t, err, "invalid ID")
	_, err = c.Cards.Delete(ctx, "", testCardID, nil)
	require.ErrorContains(t, err, "invalid ID")
	_, err = c.Cards.List(ctx, "", nil)
	require.ErrorContains(t, err, "invalid ID")
	for card, err := range c.Cards.All(ctx, "", nil) {
		require.Nil(t, card)
		require.ErrorContains(t, err, "invalid ID")
	}

	require.Empty(t, rec.requests())
}

func TestCardsGet(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "card_visa.json")))

	card, err := c.Cards.Get(context.Background(), testCustomerID, testCardID, nil)
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodGet, sent[0].Method)
	require.Equal(t, "/v1/customers/cus_NffrFeUfNV2Hib/sources/card_1NGTaT2eZvKYlo2CZWSctn5n", sent[0].Path)
	require.Empty(t, sent[0].Query)
	require.Empty(t, sent[0].RawBody)

	require.Equal(t, Card{
		ID:                testCardID,
		Object:            "card",
		AddressCity:       "San Francisco",
		AddressCountry:    "US",
		AddressLine1:      "510 Townsend St",
		AddressLine1Check: CardCheckPass,
		AddressState:      "CA",
		AddressZip:        "94103",
		AddressZipCheck:   CardCheckPass,
		AllowRedisplay:    CardAllowRedisplayUnspecified,
		Brand:             "Visa",
		Country:           "US",
		Customer:          Expandable[Customer]{ID: testCustomerID},
		CVCCheck:          CardCheckPass,
		ExpMonth:          8,
		ExpYear:           2030,
		Fingerprint:       "Xt5EWLLDS7FJjR1c",
		Funding:           CardFundingCredit,
		Last4:             "4242",
		Metadata:          map[string]string{"nickname": "work"},
		Name:              "Jenny Rosen",
		RegulatedStatus:   "unregulated",
	}, *card)
}

func TestCardsGetExpanded(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "card_expanded.json")))

	card, err := c.Cards.Get(context.Background(), testCustomerID, testCardID,
		&CardGetParams{Params: Params{Expand: []string{"customer", "account"}}})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, url.Values{"expand[0]": {"customer"}, "expand[1]": {"account"}}, sent[0].Query)

	require.Equal(t, testCustomerID, card.Customer.ID)
	require.NotNil(t, card.Customer.Object)
	require.Equal(t, "customer", card.Customer.Object.Object)
	require.Equal(t, "jennyrosen@example.com", card.Customer.Object.Email)
	require.Equal(t, "acct_1Nv0FGQ9RKHgCVdK", card.Account.ID)
	require.NotNil(t, card.Account.Object)
	require.Equal(t, "account", card.Account.Object.Object)
}

func TestCardsUpdate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "card_updated.json")))

	params := &CardUpdateParams{
		Name:         Ptr("Jenny Q. Rosen"),
		ExpMonth:     Ptr("12"),
		ExpYear:      Ptr("2031"),
		AddressLine2: Ptr(""),
		Metadata:     Metadata{"nickname": "personal"},
	}
	card, err := c.Cards.Update(context.Background(), testCustomerID, testCardID, params)
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodPost, sent[0].Method)
	require.Equal(t, "/v1/customers/cus_NffrFeUfNV2Hib/sources/card_1NGTaT2eZvKYlo2CZWSctn5n", sent[0].Path)
	require.Equal(t, url.Values{
		"name":               {"Jenny Q. Rosen"},
		"exp_month":          {"12"},
		"exp_year":           {"2031"},
		"address_line2":      {""},
		"metadata[nickname]": {"personal"},
	}, sent[0].Form)

	require.Equal(t, "Jenny Q. Rosen", card.Name)
	require.Equal(t, int64(12), card.ExpMonth)
	require.Equal(t, int64(2031), card.ExpYear)
	require.Equal(t, "personal", card.Metadata["nickname"])
}

func TestCardsDelete(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "card_deleted.json")))

	d, err := c.Cards.Delete(context.Background(), testCustomerID, testCardID, nil)
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodDelete, sent[0].Method)
	require.Equal(t, "/v1/customers/cus_NffrFeUfNV2Hib/sources/card_1NGTaT2eZvKYlo2CZWSctn5n", sent[0].Path)
	require.Empty(t, sent[0].Query)
	require.Equal(t, Deleted{ID: testCardID, Object: "card", Deleted: true}, *d)
}

func TestCardsList(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "cards_page1.json")))

	params := &CardListParams{ListParams: ListParams{Limit: Ptr(int64(2)), StartingAfter: Ptr("card_0")}}
	page, err := c.Cards.List(context.Background(), testCustomerID, params)
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodGet, sent[0].Method)
	require.Equal(t, "/v1/customers/cus_NffrFeUfNV2Hib/sources", sent[0].Path)
	require.Equal(t, url.Values{"object": {"card"}, "limit": {"2"}, "starting_after": {"card_0"}}, sent[0].Query)

	require.Equal(t, "list", page.Object)
	require.True(t, page.HasMore)
	require.Len(t, page.Data, 2)
	require.Equal(t, "4444", page.Data[0].Last4)
	require.Equal(t, "MasterCard", page.Data[0].Brand)
	require.Equal(t, "American Express", page.Data[1].Brand)

	// A nil params still filters to cards.
	_, err = c.Cards.List(context.Background(), testCustomerID, nil)
	require.NoError(t, err)
	sent = rec.requests()
	require.Len(t, sent, 2)
	require.Equal(t, url.Values{"object": {"card"}}, sent[1].Query)

	// The caller's params are untouched.
	require.Equal(t, &CardListParams{ListParams: ListParams{Limit: Ptr(int64(2)), StartingAfter: Ptr("card_0")}}, params)
}

func TestCardsAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "cards_page1.json")), ok(fixture(t, "cards_page2.json")))

	params := &CardListParams{ListParams: ListParams{Limit: Ptr(int64(2))}}
	seq := c.Cards.All(context.Background(), testCustomerID, params)
	require.Empty(t, rec.requests(), "All must not fetch before it is ranged")

	var last4s []string
	for card, err := range seq {
		require.NoError(t, err)
		last4s = append(last4s, card.Last4)
	}
	require.Equal(t, []string{"4444", "0005", "4242"}, last4s)

	sent := rec.requests()
	require.Len(t, sent, 2)
	for _, s := range sent {
		require.Equal(t, http.MethodGet, s.Method)
		require.Equal(t, "/v1/customers/cus_NffrFeUfNV2Hib/sources", s.Path)
	}
	require.Equal(t, url.Values{"object": {"card"}, "limit": {"2"}}, sent[0].Query)
	require.Equal(t, url.Values{"object": {"card"}, "limit": {"2"}, "starting_after": {"card_1NGTb22eZvKYlo2CpAgeS0Yq"}}, sent[1].Query)
	require.Nil(t, params.StartingAfter)
}

func TestCardsCreateLegacyCardParam(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "card_visa.json")))
	ctx := context.Background()
	_, err := c.Cards.Create(ctx, testCustomerID, &CardCreateParams{Card: Ptr("4242424242424242")})
	require.ErrorIs(t, err, errCardNumber)
	require.Empty(t, rec.requests(), "nothing sent")
	_, err = c.Cards.Create(ctx, testCustomerID, &CardCreateParams{Card: Ptr("tok_visa")})
	require.NoError(t, err)
	require.Equal(t, url.Values{"card": {"tok_visa"}}, rec.requests()[0].Form)
}
