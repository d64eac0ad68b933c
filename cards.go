package stripe

import (
	"context"
	"errors"
	"iter"
	"net/http"
)

// CardsService manages cards saved on a customer: https://docs.stripe.com/api/cards
//
// Default-card rules (Stripe's, not this library's): the first card added to
// a customer becomes its default_source. Deleting the default card makes the
// most recently added remaining card the new default. To choose another
// default, call Customers.Update with CustomerUpdateParams.DefaultSource set
// to the card's ID.
//
// Cards are added from tokens (tok_...) created client-side by Stripe.js or
// the mobile SDKs, or test tokens such as tok_visa. This library never sends
// raw card numbers: Create refuses a Source that looks like one.
type CardsService struct{ c *Client }

// CardCheck is the result of a CVC, address line 1 or postal code check.
type CardCheck string

// Card check results.
const (
	CardCheckPass        CardCheck = "pass"
	CardCheckFail        CardCheck = "fail"
	CardCheckUnavailable CardCheck = "unavailable"
	CardCheckUnchecked   CardCheck = "unchecked"
)

// CardFunding is a card's funding type.
type CardFunding string

// Card funding types.
const (
	CardFundingCredit  CardFunding = "credit"
	CardFundingDebit   CardFunding = "debit"
	CardFundingPrepaid CardFunding = "prepaid"
	CardFundingUnknown CardFunding = "unknown"
)

// CardAllowRedisplay says whether a saved card may be shown to the customer
// again in a checkout flow.
type CardAllowRedisplay string

// CardAllowRedisplay values.
const (
	CardAllowRedisplayAlways      CardAllowRedisplay = "always"
	CardAllowRedisplayLimited     CardAllowRedisplay = "limited"
	CardAllowRedisplayUnspecified CardAllowRedisplay = "unspecified"
)

// Card is a card saved on a customer (or, with Connect, an external account).
// Nullable fields Stripe sends as null decode to their zero value.
type Card struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// Account is the connected account the card belongs to, for cards that
	// are Connect external accounts; expandable.
	Account           Expandable[CardAccount] `json:"account"`
	AddressCity       string                  `json:"address_city"`
	AddressCountry    string                  `json:"address_country"`
	AddressLine1      string                  `json:"address_line1"`
	AddressLine1Check CardCheck               `json:"address_line1_check"`
	AddressLine2      string                  `json:"address_line2"`
	AddressState      string                  `json:"address_state"`
	AddressZip        string                  `json:"address_zip"`
	AddressZipCheck   CardCheck               `json:"address_zip_check"`
	AllowRedisplay    CardAllowRedisplay      `json:"allow_redisplay"`
	// AvailablePayoutMethods lists "standard" and/or "instant" for cards
	// usable as payout destinations.
	AvailablePayoutMethods []string `json:"available_payout_methods"`
	// Brand is the card brand as Stripe names it: "American Express",
	// "Diners Club", "Discover", "Eftpos Australia", "Girocard", "JCB",
	// "MasterCard", "UnionPay", "Visa" or "Unknown".
	Brand string `json:"brand"`
	// Country is the two-letter ISO code of the issuing country.
	Country string `json:"country"`
	// Currency is set for cards that are Connect external accounts.
	Currency string `json:"currency"`
	// Customer is the customer the card is saved on; expandable. A deleted
	// customer decodes with only ID (and Object) set.
	Customer           Expandable[Customer] `json:"customer"`
	CVCCheck           CardCheck            `json:"cvc_check"`
	DefaultForCurrency bool                 `json:"default_for_currency"`
	// DynamicLast4 is the last four digits of the device account number for
	// tokenized (Apple Pay, Google Pay) cards.
	DynamicLast4 string      `json:"dynamic_last4"`
	ExpMonth     int64       `json:"exp_month"`
	ExpYear      int64       `json:"exp_year"`
	Fingerprint  string      `json:"fingerprint"`
	Funding      CardFunding `json:"funding"`
	Last4        string      `json:"last4"`
	// Metadata is the card's own metadata, not the customer's.
	Metadata map[string]string `json:"metadata"`
	// Name is the cardholder name.
	Name     string       `json:"name"`
	Networks CardNetworks `json:"networks"`
	// RegulatedStatus is "regulated" or "unregulated" (Durbin amendment).
	RegulatedStatus string `json:"regulated_status"`
	// Status is set for cards that are Connect external accounts.
	Status string `json:"status"`
	// TokenizationMethod is "android_pay", "apple_pay", "masterpass" or
	// "visa_checkout" for wallet cards, empty otherwise.
	TokenizationMethod string `json:"tokenization_method"`
}

// CardAccount is the connected account of a Card; only ID is set unless
// the field was expanded.
type CardAccount struct {
	ID     string `json:"id"`
	Object string `json:"object"`
}

// CardNetworks are the card networks a card can be processed on.
type CardNetworks struct {
	// Preferred is the network the customer chose for a co-branded card.
	Preferred string `json:"preferred"`
}

// CardCreateParams are the params of Cards.Create.
type CardCreateParams struct {
	Params
	// Source is a token such as tok_visa or one created by Stripe.js
	// (required unless Card is set). Raw card numbers are refused before
	// any request.
	Source   string   `url:"source,omitempty"`
	Metadata Metadata `url:"metadata,omitempty"`
	// Card is the legacy name of Source: a card token, sent as card=...
	Card *string `url:"card,omitempty"`
	// BankAccount (a btok_... token) and AlipayAccount are the other
	// legacy sources this endpoint takes; the answer then decodes into
	// Card only as far as the fields are shared (Object says what it is).
	BankAccount   *string `url:"bank_account,omitempty"`
	AlipayAccount *string `url:"alipay_account,omitempty"`
}

// CardGetParams are the params of Cards.Get.
type CardGetParams struct {
	Params
}

// CardUpdateParams are the params of Cards.Update. Only fields set are
// changed; a pointer to "" clears a field.
type CardUpdateParams struct {
	Params
	AddressCity    *string `url:"address_city,omitempty"`
	AddressCountry *string `url:"address_country,omitempty"`
	AddressLine1   *string `url:"address_line1,omitempty"`
	AddressLine2   *string `url:"address_line2,omitempty"`
	AddressState   *string `url:"address_state,omitempty"`
	AddressZip     *string `url:"address_zip,omitempty"`
	// ExpMonth is the two-digit expiry month, e.g. "12" (a string in
	// Stripe's API).
	ExpMonth *string `url:"exp_month,omitempty"`
	// ExpYear is the four-digit expiry year, e.g. "2030" (a string in
	// Stripe's API).
	ExpYear  *string  `url:"exp_year,omitempty"`
	Metadata Metadata `url:"metadata,omitempty"`
	// Name is the cardholder name.
	Name *string `url:"name,omitempty"`
	// AccountHolderName and AccountHolderType ("company" or "individual")
	// apply when the source is a bank account.
	AccountHolderName *string `url:"account_holder_name,omitempty"`
	AccountHolderType *string `url:"account_holder_type,omitempty"`
	// Owner applies when the source is a Source object.
	Owner *CardOwnerParams `url:"owner,omitempty"`
}

// CardOwnerParams are the owner details of a Source object.
type CardOwnerParams struct {
	Address *AddressParams `url:"address,omitempty"`
	Email   *string        `url:"email,omitempty"`
	Name    *string        `url:"name,omitempty"`
	Phone   *string        `url:"phone,omitempty"`
}

// CardListParams are the params of Cards.List and Cards.All. The request
// always filters with object=card, so other payment sources (bank accounts)
// are left out.
type CardListParams struct {
	Params
	ListParams
}

// errCardNumber is returned, without the number, for a Source that looks
// like a raw card number.
var errCardNumber = errors.New("stripe: CardCreateParams.Source looks like a raw card number; " +
	"send a token (tok_...) created by Stripe.js or the mobile SDKs instead")

// looksLikePAN reports whether s is 12 to 19 digits, optionally grouped
// with spaces or dashes: what a primary account number looks like.
func looksLikePAN(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9':
			digits++
		case b == ' ' || b == '-':
		default:
			return false
		}
	}
	return digits >= 12 && digits <= 19
}

// CardDeleteParams are the params of Cards.Delete; they carry only the
// per-request options (StripeAccount for Connect). params may be nil.
type CardDeleteParams struct {
	Params
}

// Create saves a card on a customer from params.Source, a token such as
// tok_visa. A customer's first card becomes its default_source; later cards
// do not change the default (use Customers.Update with DefaultSource).
// A Source that looks like a raw card number is refused before any request.
//
// Stripe API docs: https://docs.stripe.com/api/cards/create
func (s *CardsService) Create(ctx context.Context, customerID string, params *CardCreateParams) (*Card, error) {
	path, err := pathf("/v1/customers/%s/sources", customerID)
	if err != nil {
		return nil, err
	}
	switch {
	case params == nil || (params.Source == "" && params.Card == nil && params.BankAccount == nil && params.AlipayAccount == nil):
		return nil, errors.New("stripe: CardCreateParams.Source is required")
	case looksLikePAN(params.Source), params.Card != nil && looksLikePAN(*params.Card):
		return nil, errCardNumber
	}
	card := new(Card)
	return orNil(card, s.c.call(ctx, http.MethodPost, path, params, card))
}

// Get retrieves a card saved on a customer. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/cards/retrieve
func (s *CardsService) Get(ctx context.Context, customerID, cardID string, params *CardGetParams) (*Card, error) {
	path, err := pathf("/v1/customers/%s/sources/%s", customerID, cardID)
	if err != nil {
		return nil, err
	}
	card := new(Card)
	return orNil(card, s.c.call(ctx, http.MethodGet, path, params, card))
}

// Update changes the fields params sets on a card saved on a customer. To
// make the card the customer's default, use Customers.Update with
// DefaultSource instead.
//
// Stripe API docs: https://docs.stripe.com/api/cards/update
func (s *CardsService) Update(ctx context.Context, customerID, cardID string, params *CardUpdateParams) (*Card, error) {
	path, err := pathf("/v1/customers/%s/sources/%s", customerID, cardID)
	if err != nil {
		return nil, err
	}
	card := new(Card)
	return orNil(card, s.c.call(ctx, http.MethodPost, path, params, card))
}

// Delete removes a card from a customer and returns the deleted marker.
// If it was the customer's default card, Stripe makes the most recently
// added remaining card the default (none if no card is left). params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/cards/delete
func (s *CardsService) Delete(ctx context.Context, customerID, cardID string, params *CardDeleteParams) (*Deleted, error) {
	path, err := pathf("/v1/customers/%s/sources/%s", customerID, cardID)
	if err != nil {
		return nil, err
	}
	d := new(Deleted)
	return orNil(d, s.c.call(ctx, http.MethodDelete, path, params, d))
}

// List returns one page of the cards saved on a customer, newest first.
// params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/cards/list
func (s *CardsService) List(ctx context.Context, customerID string, params *CardListParams) (*List[Card], error) {
	path, err := pathf("/v1/customers/%s/sources", customerID)
	if err != nil {
		return nil, err
	}
	// The filter is added to a copy of the encoded params, so it is never
	// lost and params is never modified.
	form, p, err := encodeParams(params)
	if err != nil {
		return nil, err
	}
	page := new(List[Card])
	return orNil(page, s.c.call(ctx, http.MethodGet, path, withFormValue(form, p, "object", "card"), page))
}

// All iterates over every card saved on a customer, fetching pages lazily
// as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/cards/list
func (s *CardsService) All(ctx context.Context, customerID string, params *CardListParams) iter.Seq2[*Card, error] {
	return listAll(ctx, params, func(ctx context.Context, p *CardListParams) (*List[Card], error) {
		return s.List(ctx, customerID, p)
	})
}
