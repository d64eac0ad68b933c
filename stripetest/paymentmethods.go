package stripetest

import "strings"

// paymentMethod is a PaymentMethod (pm_...). stripetest makes only card
// payment methods, from test cards.
type paymentMethod struct {
	meta
	AllowRedisplay string            `json:"allow_redisplay"`
	BillingDetails billingDetails    `json:"billing_details"`
	Card           paymentMethodCard `json:"card"`
	Created        int64             `json:"created"`
	Customer       *string           `json:"customer"`
	Livemode       bool              `json:"livemode"`
	Metadata       map[string]string `json:"metadata"`
	Type           string            `json:"type"`
	// TestCard names the test card (testCards) the payment method is.
	TestCard string `json:"_card"`
}

func (pm *paymentMethod) createdAt() int64 { return pm.Created }

// billingDetails is who pays with a payment method.
type billingDetails struct {
	Address address `json:"address"`
	Email   *string `json:"email"`
	Name    *string `json:"name"`
	Phone   *string `json:"phone"`
	TaxID   *string `json:"tax_id"`
}

// paymentMethodCard is a card payment method's card. GeneratedFrom and
// Wallet are always null: stripetest makes no cards from other payments
// or wallets.
type paymentMethodCard struct {
	Brand             string                    `json:"brand"`
	Checks            cardChecks                `json:"checks"`
	Country           string                    `json:"country"`
	DisplayBrand      string                    `json:"display_brand"`
	ExpMonth          int64                     `json:"exp_month"`
	ExpYear           int64                     `json:"exp_year"`
	Fingerprint       string                    `json:"fingerprint"`
	Funding           string                    `json:"funding"`
	GeneratedFrom     *nullObject               `json:"generated_from"`
	Last4             string                    `json:"last4"`
	Networks          paymentMethodCardNetworks `json:"networks"`
	RegulatedStatus   string                    `json:"regulated_status"`
	ThreeDSecureUsage threeDSecureUsage         `json:"three_d_secure_usage"`
	Wallet            *nullObject               `json:"wallet"`
}

// cardChecks are the results of a card's address and CVC checks.
type cardChecks struct {
	AddressLine1Check      *string `json:"address_line1_check"`
	AddressPostalCodeCheck *string `json:"address_postal_code_check"`
	CVCCheck               string  `json:"cvc_check"`
}

// paymentMethodCardNetworks is the networks a card payment method can use.
type paymentMethodCardNetworks struct {
	Available []string `json:"available"`
	Preferred *string  `json:"preferred"`
}

// threeDSecureUsage says whether a card supports 3D Secure.
type threeDSecureUsage struct {
	Supported bool `json:"supported"`
}

func (pm *paymentMethod) testCard() string   { return pm.TestCard }
func (pm *paymentMethod) expYear() int64     { return pm.Card.ExpYear }
func (pm *paymentMethod) customerID() string { return deref(pm.Customer) }
func (pm *paymentMethod) setCustomer(id string) {
	pm.Customer = &id
}

// paymentSource is what a payment_method or source param names: a card
// payment method or a card (source).
type paymentSource interface {
	record
	testCard() string // the test card's name in testCards
	expYear() int64
	customerID() string // "" when not saved on a customer
	setCustomer(id string)
}

// resolvePaymentMethod finds what a payment_method (or source) param names:
// a pm_card_<name> test payment method (a new payment_method object each
// time, as Stripe makes), a stored pm_ payment method, or a stored card.
func (s *Server) resolvePaymentMethod(id, param string) (paymentSource, error) {
	if name, ok := strings.CutPrefix(id, "pm_card_"); ok {
		tc, known := testCards[name]
		if !known {
			return nil, invalid(param, "resource_missing", "No such PaymentMethod: '%s'", id)
		}
		pm := s.newCardPaymentMethod(name, tc)
		s.insert(pm)
		return pm, nil
	}
	if src, ok := lookupAs[paymentSource](s.st, id); ok {
		return src, nil
	}
	if strings.HasPrefix(id, "card_") || strings.HasPrefix(id, "src_") {
		return nil, invalid(param, "resource_missing", "No such source: '%s'", id)
	}
	return nil, invalid(param, "resource_missing", "No such PaymentMethod: '%s'", id)
}

// newCardPaymentMethod builds (but does not store) a card payment method
// on the test card name.
func (s *Server) newCardPaymentMethod(name string, tc testCard) *paymentMethod {
	return &paymentMethod{
		meta:           meta{ID: s.newID("pm"), Object: "payment_method"},
		AllowRedisplay: "unspecified",
		Card: paymentMethodCard{
			Brand: tc.network, Checks: cardChecks{CVCCheck: "pass"}, Country: "US", DisplayBrand: tc.network,
			ExpMonth: 12, ExpYear: int64(s.now().Year() + 3), Fingerprint: fingerprint(name), Funding: tc.funding,
			Last4: tc.last4, Networks: paymentMethodCardNetworks{Available: []string{tc.network}},
			RegulatedStatus: "unregulated", ThreeDSecureUsage: threeDSecureUsage{Supported: true},
		},
		Created: s.unix(), Metadata: map[string]string{}, Type: "card", TestCard: name,
	}
}

// cardDetails returns the payment_method_details.card of a charge on pm.
func cardDetails(pm paymentSource) chargeCard {
	tc := testCards[pm.testCard()]
	return chargeCard{
		Brand: tc.network, Checks: cardChecks{CVCCheck: "pass"}, Country: "US", ExpMonth: 12, ExpYear: pm.expYear(),
		Fingerprint: fingerprint(pm.testCard()), Funding: tc.funding, Last4: tc.last4, Network: tc.network,
	}
}
