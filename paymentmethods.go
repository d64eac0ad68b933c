package stripe

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// PaymentMethodsService manages payment methods:
// https://docs.stripe.com/api/payment_methods
//
// A customer's saved payment methods are listed with
// Customers.ListPaymentMethods, Customers.AllPaymentMethods and
// Customers.GetPaymentMethod (customerpaymentmethods.go), or with
// PaymentMethods.List filtered by Customer.
type PaymentMethodsService struct{ c *Client }

// PaymentMethodType is the kind of a payment method.
type PaymentMethodType string

// Payment method types.
const (
	PaymentMethodTypeAcssDebit        PaymentMethodType = "acss_debit"
	PaymentMethodTypeAffirm           PaymentMethodType = "affirm"
	PaymentMethodTypeAfterpayClearpay PaymentMethodType = "afterpay_clearpay"
	PaymentMethodTypeAlipay           PaymentMethodType = "alipay"
	PaymentMethodTypeAlma             PaymentMethodType = "alma"
	PaymentMethodTypeAmazonPay        PaymentMethodType = "amazon_pay"
	PaymentMethodTypeAuBecsDebit      PaymentMethodType = "au_becs_debit"
	PaymentMethodTypeBacsDebit        PaymentMethodType = "bacs_debit"
	PaymentMethodTypeBancontact       PaymentMethodType = "bancontact"
	PaymentMethodTypeBillie           PaymentMethodType = "billie"
	PaymentMethodTypeBizum            PaymentMethodType = "bizum"
	PaymentMethodTypeBlik             PaymentMethodType = "blik"
	PaymentMethodTypeBoleto           PaymentMethodType = "boleto"
	PaymentMethodTypeCard             PaymentMethodType = "card"
	PaymentMethodTypeCardPresent      PaymentMethodType = "card_present"
	PaymentMethodTypeCashapp          PaymentMethodType = "cashapp"
	PaymentMethodTypeCrypto           PaymentMethodType = "crypto"
	PaymentMethodTypeCustom           PaymentMethodType = "custom"
	PaymentMethodTypeCustomerBalance  PaymentMethodType = "customer_balance"
	PaymentMethodTypeEPS              PaymentMethodType = "eps"
	PaymentMethodTypeFPX              PaymentMethodType = "fpx"
	PaymentMethodTypeGiropay          PaymentMethodType = "giropay"
	PaymentMethodTypeGrabpay          PaymentMethodType = "grabpay"
	PaymentMethodTypeIdeal            PaymentMethodType = "ideal"
	PaymentMethodTypeInteracPresent   PaymentMethodType = "interac_present"
	PaymentMethodTypeKakaoPay         PaymentMethodType = "kakao_pay"
	PaymentMethodTypeKlarna           PaymentMethodType = "klarna"
	PaymentMethodTypeKonbini          PaymentMethodType = "konbini"
	PaymentMethodTypeKrCard           PaymentMethodType = "kr_card"
	PaymentMethodTypeLink             PaymentMethodType = "link"
	PaymentMethodTypeMbWay            PaymentMethodType = "mb_way"
	PaymentMethodTypeMobilepay        PaymentMethodType = "mobilepay"
	PaymentMethodTypeMultibanco       PaymentMethodType = "multibanco"
	PaymentMethodTypeNaverPay         PaymentMethodType = "naver_pay"
	PaymentMethodTypeNzBankAccount    PaymentMethodType = "nz_bank_account"
	PaymentMethodTypeOxxo             PaymentMethodType = "oxxo"
	PaymentMethodTypeP24              PaymentMethodType = "p24"
	PaymentMethodTypePayByBank        PaymentMethodType = "pay_by_bank"
	PaymentMethodTypePayco            PaymentMethodType = "payco"
	PaymentMethodTypePaynow           PaymentMethodType = "paynow"
	PaymentMethodTypePaypal           PaymentMethodType = "paypal"
	PaymentMethodTypePayto            PaymentMethodType = "payto"
	PaymentMethodTypePix              PaymentMethodType = "pix"
	PaymentMethodTypePromptpay        PaymentMethodType = "promptpay"
	PaymentMethodTypeRevolutPay       PaymentMethodType = "revolut_pay"
	PaymentMethodTypeSamsungPay       PaymentMethodType = "samsung_pay"
	PaymentMethodTypeSatispay         PaymentMethodType = "satispay"
	PaymentMethodTypeScalapay         PaymentMethodType = "scalapay"
	PaymentMethodTypeSEPADebit        PaymentMethodType = "sepa_debit"
	PaymentMethodTypeSofort           PaymentMethodType = "sofort"
	PaymentMethodTypeSunbit           PaymentMethodType = "sunbit"
	PaymentMethodTypeSwish            PaymentMethodType = "swish"
	PaymentMethodTypeTwint            PaymentMethodType = "twint"
	PaymentMethodTypeUPI              PaymentMethodType = "upi"
	PaymentMethodTypeUSBankAccount    PaymentMethodType = "us_bank_account"
	PaymentMethodTypeWechatPay        PaymentMethodType = "wechat_pay"
	PaymentMethodTypeZip              PaymentMethodType = "zip"
)

// PaymentMethod is a customer's payment instrument (a card, bank account,
// wallet, ...): https://docs.stripe.com/api/payment_methods/object
//
// Type says which kind it is, and the field of that name holds its
// details. The details of cards and of the common bank debits are typed;
// those of the other kinds are kept as raw JSON (nil when absent) for the
// caller to decode.
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
	Customer        Expandable[Customer] `json:"customer"`
	CustomerAccount string               `json:"customer_account"`
	Livemode        bool                 `json:"livemode"`
	Metadata        map[string]string    `json:"metadata"`
	// RadarOptions are the Radar options of the payment method.
	RadarOptions *PaymentMethodRadarOptions `json:"radar_options"`
	// Type is the kind of payment method.
	Type PaymentMethodType `json:"type"`

	AcssDebit     *PaymentMethodAcssDebit     `json:"acss_debit"`
	AuBecsDebit   *PaymentMethodAuBecsDebit   `json:"au_becs_debit"`
	BacsDebit     *PaymentMethodBacsDebit     `json:"bacs_debit"`
	Link          *PaymentMethodLink          `json:"link"`
	SEPADebit     *PaymentMethodSEPADebit     `json:"sepa_debit"`
	USBankAccount *PaymentMethodUSBankAccount `json:"us_bank_account"`

	// Details of the other kinds, as sent by Stripe.
	Affirm           json.RawMessage `json:"affirm"`
	AfterpayClearpay json.RawMessage `json:"afterpay_clearpay"`
	Alipay           json.RawMessage `json:"alipay"`
	Alma             json.RawMessage `json:"alma"`
	AmazonPay        json.RawMessage `json:"amazon_pay"`
	Bancontact       json.RawMessage `json:"bancontact"`
	Billie           json.RawMessage `json:"billie"`
	Bizum            json.RawMessage `json:"bizum"`
	Blik             json.RawMessage `json:"blik"`
	Boleto           json.RawMessage `json:"boleto"`
	CardPresent      json.RawMessage `json:"card_present"`
	Cashapp          json.RawMessage `json:"cashapp"`
	Crypto           json.RawMessage `json:"crypto"`
	Custom           json.RawMessage `json:"custom"`
	CustomerBalance  json.RawMessage `json:"customer_balance"`
	EPS              json.RawMessage `json:"eps"`
	FPX              json.RawMessage `json:"fpx"`
	Giropay          json.RawMessage `json:"giropay"`
	Grabpay          json.RawMessage `json:"grabpay"`
	Ideal            json.RawMessage `json:"ideal"`
	InteracPresent   json.RawMessage `json:"interac_present"`
	KakaoPay         json.RawMessage `json:"kakao_pay"`
	Klarna           json.RawMessage `json:"klarna"`
	Konbini          json.RawMessage `json:"konbini"`
	KrCard           json.RawMessage `json:"kr_card"`
	MbWay            json.RawMessage `json:"mb_way"`
	Mobilepay        json.RawMessage `json:"mobilepay"`
	Multibanco       json.RawMessage `json:"multibanco"`
	NaverPay         json.RawMessage `json:"naver_pay"`
	NzBankAccount    json.RawMessage `json:"nz_bank_account"`
	Oxxo             json.RawMessage `json:"oxxo"`
	P24              json.RawMessage `json:"p24"`
	PayByBank        json.RawMessage `json:"pay_by_bank"`
	Payco            json.RawMessage `json:"payco"`
	Paynow           json.RawMessage `json:"paynow"`
	Paypal           json.RawMessage `json:"paypal"`
	Payto            json.RawMessage `json:"payto"`
	Pix              json.RawMessage `json:"pix"`
	Promptpay        json.RawMessage `json:"promptpay"`
	RevolutPay       json.RawMessage `json:"revolut_pay"`
	SamsungPay       json.RawMessage `json:"samsung_pay"`
	Satispay         json.RawMessage `json:"satispay"`
	Scalapay         json.RawMessage `json:"scalapay"`
	Sofort           json.RawMessage `json:"sofort"`
	Sunbit           json.RawMessage `json:"sunbit"`
	Swish            json.RawMessage `json:"swish"`
	Twint            json.RawMessage `json:"twint"`
	UPI              json.RawMessage `json:"upi"`
	WechatPay        json.RawMessage `json:"wechat_pay"`
	Zip              json.RawMessage `json:"zip"`
}

// BillingDetails is the billing information of a payment method, also
// copied onto each charge made with it.
type BillingDetails struct {
	// Address is nil when Stripe sends null.
	Address *Address `json:"address"`
	Email   string   `json:"email"`
	Name    string   `json:"name"`
	Phone   string   `json:"phone"`
	TaxID   string   `json:"tax_id"`
}

// PaymentMethodCard is the card of a card payment method.
type PaymentMethodCard struct {
	// Brand is the lower-case brand: "amex", "diners", "discover",
	// "eftpos_au", "jcb", "link", "mastercard", "unionpay", "visa" or
	// "unknown".
	Brand string `json:"brand"`
	// Checks are the results of the CVC and address checks, nil if none.
	Checks       *CardChecks `json:"checks"`
	Country      string      `json:"country"`
	DisplayBrand string      `json:"display_brand"`
	ExpMonth     int64       `json:"exp_month"`
	ExpYear      int64       `json:"exp_year"`
	Fingerprint  string      `json:"fingerprint"`
	Funding      CardFunding `json:"funding"`
	// GeneratedFrom is the card-present payment this card was saved from.
	GeneratedFrom *PaymentMethodCardGeneratedFrom `json:"generated_from"`
	Last4         string                          `json:"last4"`
	Networks      *PaymentMethodCardNetworks      `json:"networks"`
	// RegulatedStatus is "regulated" or "unregulated".
	RegulatedStatus   string                   `json:"regulated_status"`
	ThreeDSecureUsage *CardThreeDSecureUsage   `json:"three_d_secure_usage"`
	Wallet            *PaymentMethodCardWallet `json:"wallet"`
}

// CardChecks are the results of a card's address and CVC checks, on a
// payment method or on a charge.
type CardChecks struct {
	AddressLine1Check      CardCheck `json:"address_line1_check"`
	AddressPostalCodeCheck CardCheck `json:"address_postal_code_check"`
	CVCCheck               CardCheck `json:"cvc_check"`
}

// PaymentMethodCardGeneratedFrom is where a card payment method was
// generated from.
type PaymentMethodCardGeneratedFrom struct {
	Charge string `json:"charge"`
	// PaymentMethodDetails are the card-present details, as raw JSON.
	PaymentMethodDetails json.RawMessage       `json:"payment_method_details"`
	SetupAttempt         Expandable[ObjectRef] `json:"setup_attempt"`
}

// PaymentMethodCardNetworks are the networks a card can be processed on.
type PaymentMethodCardNetworks struct {
	Available []string `json:"available"`
	Preferred string   `json:"preferred"`
}

// CardThreeDSecureUsage says whether 3D Secure is supported on a card.
type CardThreeDSecureUsage struct {
	Supported bool `json:"supported"`
}

// PaymentMethodCardWallet is the wallet (Apple Pay, Google Pay, ...) a
// card was tokenised by. The per-wallet details are kept as raw JSON.
type PaymentMethodCardWallet struct {
	// Type is "apple_pay", "google_pay", "link", "samsung_pay", ...
	Type                string          `json:"type"`
	DynamicLast4        string          `json:"dynamic_last4"`
	AmexExpressCheckout json.RawMessage `json:"amex_express_checkout"`
	ApplePay            json.RawMessage `json:"apple_pay"`
	GooglePay           json.RawMessage `json:"google_pay"`
	Link                json.RawMessage `json:"link"`
	Masterpass          json.RawMessage `json:"masterpass"`
	SamsungPay          json.RawMessage `json:"samsung_pay"`
	VisaCheckout        json.RawMessage `json:"visa_checkout"`
}

// PaymentMethodRadarOptions are a payment method's Radar options.
type PaymentMethodRadarOptions struct {
	// Session is a Radar session ID.
	Session string `json:"session"`
}

// PaymentMethodAcssDebit is a Canadian pre-authorized debit account.
type PaymentMethodAcssDebit struct {
	BankName          string `json:"bank_name"`
	Fingerprint       string `json:"fingerprint"`
	InstitutionNumber string `json:"institution_number"`
	Last4             string `json:"last4"`
	TransitNumber     string `json:"transit_number"`
}

// PaymentMethodAuBecsDebit is an Australian BECS debit account.
type PaymentMethodAuBecsDebit struct {
	BSBNumber   string `json:"bsb_number"`
	Fingerprint string `json:"fingerprint"`
	Last4       string `json:"last4"`
}

// PaymentMethodBacsDebit is a UK Bacs debit account.
type PaymentMethodBacsDebit struct {
	Fingerprint string `json:"fingerprint"`
	Last4       string `json:"last4"`
	SortCode    string `json:"sort_code"`
}

// PaymentMethodLink is a Link payment method.
type PaymentMethodLink struct {
	Email string `json:"email"`
}

// PaymentMethodSEPADebit is a SEPA debit account.
type PaymentMethodSEPADebit struct {
	BankCode      string                               `json:"bank_code"`
	BranchCode    string                               `json:"branch_code"`
	Country       string                               `json:"country"`
	Fingerprint   string                               `json:"fingerprint"`
	GeneratedFrom *PaymentMethodSEPADebitGeneratedFrom `json:"generated_from"`
	Last4         string                               `json:"last4"`
}

// PaymentMethodSEPADebitGeneratedFrom is the payment a SEPA debit payment
// method was generated from.
type PaymentMethodSEPADebitGeneratedFrom struct {
	Charge       Expandable[Charge]    `json:"charge"`
	SetupAttempt Expandable[ObjectRef] `json:"setup_attempt"`
}

// PaymentMethodUSBankAccount is a US bank account (ACH).
type PaymentMethodUSBankAccount struct {
	// AccountHolderType is "company" or "individual".
	AccountHolderType string `json:"account_holder_type"`
	// AccountType is "checking" or "savings".
	AccountType                 string                                   `json:"account_type"`
	BankName                    string                                   `json:"bank_name"`
	FinancialConnectionsAccount string                                   `json:"financial_connections_account"`
	Fingerprint                 string                                   `json:"fingerprint"`
	Last4                       string                                   `json:"last4"`
	Networks                    *PaymentMethodUSBankAccountNetworks      `json:"networks"`
	RoutingNumber               string                                   `json:"routing_number"`
	StatusDetails               *PaymentMethodUSBankAccountStatusDetails `json:"status_details"`
}

// PaymentMethodUSBankAccountNetworks are the networks a US bank account
// can pay on.
type PaymentMethodUSBankAccountNetworks struct {
	Preferred string   `json:"preferred"`
	Supported []string `json:"supported"`
}

// PaymentMethodUSBankAccountStatusDetails says why a US bank account is
// blocked, as raw JSON.
type PaymentMethodUSBankAccountStatusDetails struct {
	Blocked json.RawMessage `json:"blocked"`
}

// BillingDetailsParams sets a payment method's billing details. A pointer
// to "" clears a field.
type BillingDetailsParams struct {
	Address *AddressParams `url:"address,omitempty"`
	Email   *string        `url:"email,omitempty"`
	Name    *string        `url:"name,omitempty"`
	Phone   *string        `url:"phone,omitempty"`
	TaxID   *string        `url:"tax_id,omitempty"`
}

// PaymentMethodCardParams are a card's details when creating a card
// payment method: either Number, ExpMonth, ExpYear (and CVC), or a Token
// (tok_...). Prefer Stripe.js: sending raw card numbers needs PCI
// compliance.
type PaymentMethodCardParams struct {
	Number   *string                          `url:"number,omitempty"`
	ExpMonth *int64                           `url:"exp_month,omitempty"`
	ExpYear  *int64                           `url:"exp_year,omitempty"`
	CVC      *string                          `url:"cvc,omitempty"`
	Networks *PaymentMethodCardNetworksParams `url:"networks,omitempty"`
	Token    *string                          `url:"token,omitempty"`
}

// PaymentMethodCardNetworksParams sets the preferred card network:
// "cartes_bancaires", "mastercard" or "visa" ("" clears it on update).
type PaymentMethodCardNetworksParams struct {
	Preferred *string `url:"preferred,omitempty"`
}

// PaymentMethodCardUpdateParams changes a card payment method's expiry
// or preferred network.
type PaymentMethodCardUpdateParams struct {
	ExpMonth *int64                           `url:"exp_month,omitempty"`
	ExpYear  *int64                           `url:"exp_year,omitempty"`
	Networks *PaymentMethodCardNetworksParams `url:"networks,omitempty"`
}

// PaymentMethodAcssDebitParams are a Canadian PAD account's details.
type PaymentMethodAcssDebitParams struct {
	AccountNumber     *string `url:"account_number,omitempty"`
	InstitutionNumber *string `url:"institution_number,omitempty"`
	TransitNumber     *string `url:"transit_number,omitempty"`
}

// PaymentMethodAuBecsDebitParams are an Australian BECS account's details.
type PaymentMethodAuBecsDebitParams struct {
	AccountNumber *string `url:"account_number,omitempty"`
	BSBNumber     *string `url:"bsb_number,omitempty"`
}

// PaymentMethodBacsDebitParams are a UK Bacs account's details.
type PaymentMethodBacsDebitParams struct {
	AccountNumber *string `url:"account_number,omitempty"`
	SortCode      *string `url:"sort_code,omitempty"`
}

// PaymentMethodSEPADebitParams are a SEPA account's details.
type PaymentMethodSEPADebitParams struct {
	IBAN *string `url:"iban,omitempty"`
}

// PaymentMethodUSBankAccountParams are a US bank account's details.
type PaymentMethodUSBankAccountParams struct {
	AccountHolderType           *string `url:"account_holder_type,omitempty"`
	AccountNumber               *string `url:"account_number,omitempty"`
	AccountType                 *string `url:"account_type,omitempty"`
	FinancialConnectionsAccount *string `url:"financial_connections_account,omitempty"`
	RoutingNumber               *string `url:"routing_number,omitempty"`
}

// PaymentMethodUSBankAccountUpdateParams change a US bank account's
// holder type ("company" or "individual") and account type ("checking" or
// "savings").
type PaymentMethodUSBankAccountUpdateParams struct {
	AccountHolderType *string `url:"account_holder_type,omitempty"`
	AccountType       *string `url:"account_type,omitempty"`
}

// PaymentMethodBankParams names the bank of an eps, FPX, iDEAL or P24
// payment method.
type PaymentMethodBankParams struct {
	Bank *string `url:"bank,omitempty"`
}

// PaymentMethodPaytoParams are a PayTo account's details.
type PaymentMethodPaytoParams struct {
	AccountNumber *string `url:"account_number,omitempty"`
	BSBNumber     *string `url:"bsb_number,omitempty"`
	PayID         *string `url:"pay_id,omitempty"`
}

// PaymentMethodRadarOptionsParams sets Radar options.
type PaymentMethodRadarOptionsParams struct {
	Session *string `url:"session,omitempty"`
}

// PaymentMethodKlarnaParams are a Klarna customer's details.
type PaymentMethodKlarnaParams struct {
	DOB *DateOfBirthParams `url:"dob,omitempty"`
}

// DateOfBirthParams is a date of birth.
type DateOfBirthParams struct {
	Day   *int64 `url:"day,omitempty"`
	Month *int64 `url:"month,omitempty"`
	Year  *int64 `url:"year,omitempty"`
}

// PaymentMethodNzBankAccountParams are a New Zealand bank account's details.
type PaymentMethodNzBankAccountParams struct {
	AccountHolderName *string `url:"account_holder_name,omitempty"`
	AccountNumber     *string `url:"account_number,omitempty"`
	BankCode          *string `url:"bank_code,omitempty"`
	BranchCode        *string `url:"branch_code,omitempty"`
	Reference         *string `url:"reference,omitempty"`
	Suffix            *string `url:"suffix,omitempty"`
}

// PaymentMethodUPIParams are a UPI payment method's mandate options.
type PaymentMethodUPIParams struct {
	MandateOptions *PaymentMethodUPIMandateOptionsParams `url:"mandate_options,omitempty"`
}

// PaymentMethodUPIMandateOptionsParams are the options of a UPI mandate.
type PaymentMethodUPIMandateOptionsParams struct {
	Amount *int64 `url:"amount,omitempty"`
	// AmountType is "fixed" or "maximum".
	AmountType  *string `url:"amount_type,omitempty"`
	Description *string `url:"description,omitempty"`
	EndDate     *int64  `url:"end_date,omitempty"`
}

// PaymentMethodCreateParams are the params of PaymentMethods.Create. Type
// is required (unless PaymentMethod clones a platform's payment method for
// a connected account); the details go in the field of that name. Kinds
// whose details are an empty hash in Stripe's API (affirm, alipay, ...)
// need only Type.
type PaymentMethodCreateParams struct {
	Params
	Type           *PaymentMethodType       `url:"type,omitempty"`
	AllowRedisplay *CardAllowRedisplay      `url:"allow_redisplay,omitempty"`
	BillingDetails *BillingDetailsParams    `url:"billing_details,omitempty"`
	Card           *PaymentMethodCardParams `url:"card,omitempty"`
	// Customer and PaymentMethod clone a customer's payment method onto a
	// connected account (with Params.StripeAccount).
	Customer      *string                           `url:"customer,omitempty"`
	PaymentMethod *string                           `url:"payment_method,omitempty"`
	Metadata      Metadata                          `url:"metadata,omitempty"`
	RadarOptions  *PaymentMethodRadarOptionsParams  `url:"radar_options,omitempty"`
	AcssDebit     *PaymentMethodAcssDebitParams     `url:"acss_debit,omitempty"`
	AuBecsDebit   *PaymentMethodAuBecsDebitParams   `url:"au_becs_debit,omitempty"`
	BacsDebit     *PaymentMethodBacsDebitParams     `url:"bacs_debit,omitempty"`
	Boleto        *PaymentMethodBoletoParams        `url:"boleto,omitempty"`
	Custom        *PaymentMethodCustomParams        `url:"custom,omitempty"`
	EPS           *PaymentMethodBankParams          `url:"eps,omitempty"`
	FPX           *PaymentMethodBankParams          `url:"fpx,omitempty"`
	Ideal         *PaymentMethodBankParams          `url:"ideal,omitempty"`
	Klarna        *PaymentMethodKlarnaParams        `url:"klarna,omitempty"`
	NaverPay      *PaymentMethodNaverPayParams      `url:"naver_pay,omitempty"`
	NzBankAccount *PaymentMethodNzBankAccountParams `url:"nz_bank_account,omitempty"`
	P24           *PaymentMethodBankParams          `url:"p24,omitempty"`
	Payto         *PaymentMethodPaytoParams         `url:"payto,omitempty"`
	SEPADebit     *PaymentMethodSEPADebitParams     `url:"sepa_debit,omitempty"`
	Sofort        *PaymentMethodSofortParams        `url:"sofort,omitempty"`
	UPI           *PaymentMethodUPIParams           `url:"upi,omitempty"`
	USBankAccount *PaymentMethodUSBankAccountParams `url:"us_bank_account,omitempty"`
}

// PaymentMethodBoletoParams are a Boleto customer's tax ID (CPF or CNPJ).
type PaymentMethodBoletoParams struct {
	TaxID *string `url:"tax_id,omitempty"`
}

// PaymentMethodCustomParams names a custom payment method type (cpmt_...).
type PaymentMethodCustomParams struct {
	Type *string `url:"type,omitempty"`
}

// PaymentMethodNaverPayParams chooses a Naver Pay funding source: "card"
// or "points".
type PaymentMethodNaverPayParams struct {
	Funding *string `url:"funding,omitempty"`
}

// PaymentMethodSofortParams are a Sofort customer's bank country.
type PaymentMethodSofortParams struct {
	Country *string `url:"country,omitempty"`
}

// PaymentMethodGetParams are the params of PaymentMethods.Get and
// Customers.GetPaymentMethod.
type PaymentMethodGetParams struct {
	Params
}

// PaymentMethodUpdateParams are the params of PaymentMethods.Update. Only
// fields set are changed.
type PaymentMethodUpdateParams struct {
	Params
	AllowRedisplay *CardAllowRedisplay                     `url:"allow_redisplay,omitempty"`
	BillingDetails *BillingDetailsParams                   `url:"billing_details,omitempty"`
	Card           *PaymentMethodCardUpdateParams          `url:"card,omitempty"`
	Metadata       Metadata                                `url:"metadata,omitempty"`
	Payto          *PaymentMethodPaytoParams               `url:"payto,omitempty"`
	USBankAccount  *PaymentMethodUSBankAccountUpdateParams `url:"us_bank_account,omitempty"`
}

// PaymentMethodListParams are the params of PaymentMethods.List and
// PaymentMethods.All.
type PaymentMethodListParams struct {
	Params
	ListParams
	AllowRedisplay  *CardAllowRedisplay `url:"allow_redisplay,omitempty"`
	Customer        *string             `url:"customer,omitempty"`
	CustomerAccount *string             `url:"customer_account,omitempty"`
	Type            *PaymentMethodType  `url:"type,omitempty"`
}

// PaymentMethodAttachParams are the params of PaymentMethods.Attach; set
// Customer (or CustomerAccount).
type PaymentMethodAttachParams struct {
	Params
	Customer        *string `url:"customer,omitempty"`
	CustomerAccount *string `url:"customer_account,omitempty"`
}

// PaymentMethodDetachParams are the params of PaymentMethods.Detach.
type PaymentMethodDetachParams struct {
	Params
}

// Create creates a payment method. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_methods/create
func (s *PaymentMethodsService) Create(ctx context.Context, params *PaymentMethodCreateParams) (*PaymentMethod, error) {
	pm := new(PaymentMethod)
	return orNil(pm, s.c.call(ctx, http.MethodPost, "/v1/payment_methods", params, pm))
}

// Get retrieves a payment method. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_methods/retrieve
func (s *PaymentMethodsService) Get(ctx context.Context, id string, params *PaymentMethodGetParams) (*PaymentMethod, error) {
	return s.one(ctx, http.MethodGet, "/v1/payment_methods/%s", id, params)
}

// Update changes the fields params sets on a payment method.
//
// Stripe API docs: https://docs.stripe.com/api/payment_methods/update
func (s *PaymentMethodsService) Update(ctx context.Context, id string, params *PaymentMethodUpdateParams) (*PaymentMethod, error) {
	return s.one(ctx, http.MethodPost, "/v1/payment_methods/%s", id, params)
}

// List returns one page of payment methods, newest first. params may be
// nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_methods/list
func (s *PaymentMethodsService) List(ctx context.Context, params *PaymentMethodListParams) (*List[PaymentMethod], error) {
	page := new(List[PaymentMethod])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/payment_methods", params, page))
}

// All iterates over every payment method matching params, fetching pages
// lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/payment_methods/list
func (s *PaymentMethodsService) All(ctx context.Context, params *PaymentMethodListParams) iter.Seq2[*PaymentMethod, error] {
	return listAll(ctx, params, s.List)
}

// Attach attaches a payment method to the customer params names, so it
// can be reused.
//
// Stripe API docs: https://docs.stripe.com/api/payment_methods/attach
func (s *PaymentMethodsService) Attach(ctx context.Context, id string, params *PaymentMethodAttachParams) (*PaymentMethod, error) {
	return s.one(ctx, http.MethodPost, "/v1/payment_methods/%s/attach", id, params)
}

// Detach detaches a payment method from its customer; it can no longer be
// used for payments. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_methods/detach
func (s *PaymentMethodsService) Detach(ctx context.Context, id string, params *PaymentMethodDetachParams) (*PaymentMethod, error) {
	return s.one(ctx, http.MethodPost, "/v1/payment_methods/%s/detach", id, params)
}

// one sends a request about the payment method id.
func (s *PaymentMethodsService) one(ctx context.Context, method, format, id string, params any) (*PaymentMethod, error) {
	path, err := pathf(format, id)
	if err != nil {
		return nil, err
	}
	pm := new(PaymentMethod)
	return orNil(pm, s.c.call(ctx, method, path, params, pm))
}
