package stripe

// PaymentMethod is a customer's payment instrument (a card, bank account,
// wallet, ...) as it appears on a PaymentIntent. Only the card details are
// decoded; Type says which kind it is.
type PaymentMethod struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// AllowRedisplay says whether the payment method may be shown to the
	// customer again in a checkout flow.
	AllowRedisplay CardAllowRedisplay `json:"allow_redisplay"`
	BillingDetails BillingDetails     `json:"billing_details"`
	// Card is set when Type is "card".
	Card    *PaymentMethodCard `json:"card"`
	Created int64              `json:"created"`
	// Customer is the customer the payment method is attached to, if any;
	// expandable.
	Customer Expandable[Customer] `json:"customer"`
	Livemode bool                 `json:"livemode"`
	Metadata map[string]string    `json:"metadata"`
	// Type is the kind of payment method: "card", "sepa_debit",
	// "us_bank_account", "link", ...
	Type string `json:"type"`
}

// BillingDetails is the billing information of a payment method, also
// copied onto each charge made with it.
type BillingDetails struct {
	Address Address `json:"address"`
	Email   string  `json:"email"`
	Name    string  `json:"name"`
	Phone   string  `json:"phone"`
	TaxID   string  `json:"tax_id"`
}

// PaymentMethodCard is the card of a card payment method.
type PaymentMethodCard struct {
	// Brand is the lower-case brand: "amex", "diners", "discover",
	// "eftpos_au", "jcb", "link", "mastercard", "unionpay", "visa" or
	// "unknown".
	Brand string `json:"brand"`
	// Checks are the results of the CVC and address checks.
	Checks       *CardChecks `json:"checks"`
	Country      string      `json:"country"`
	DisplayBrand string      `json:"display_brand"`
	ExpMonth     int64       `json:"exp_month"`
	ExpYear      int64       `json:"exp_year"`
	Fingerprint  string      `json:"fingerprint"`
	Funding      CardFunding `json:"funding"`
	Last4        string      `json:"last4"`
}

// CardChecks are the results of a card's address and CVC checks, on a
// payment method or on a charge.
type CardChecks struct {
	AddressLine1Check      CardCheck `json:"address_line1_check"`
	AddressPostalCodeCheck CardCheck `json:"address_postal_code_check"`
	CVCCheck               CardCheck `json:"cvc_check"`
}
