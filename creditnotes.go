package stripe

import (
	"context"
	"iter"
	"net/http"
)

// CreditNotesService manages credit notes, which reduce the amount of a
// finalized invoice: https://docs.stripe.com/api/credit_notes
type CreditNotesService struct{ c *Client }

// CreditNoteReason says why a credit note was issued.
type CreditNoteReason string

// Credit note reasons.
const (
	CreditNoteReasonDuplicate             CreditNoteReason = "duplicate"
	CreditNoteReasonFraudulent            CreditNoteReason = "fraudulent"
	CreditNoteReasonOrderChange           CreditNoteReason = "order_change"
	CreditNoteReasonProductUnsatisfactory CreditNoteReason = "product_unsatisfactory"
)

// CreditNoteStatus is issued or void.
type CreditNoteStatus string

// Credit note statuses.
const (
	CreditNoteStatusIssued CreditNoteStatus = "issued"
	CreditNoteStatusVoid   CreditNoteStatus = "void"
)

// CreditNote is a Stripe credit note: an amount taken off a finalized
// invoice, credited to the customer's balance, refunded, or settled
// outside Stripe.
type CreditNote struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// Amount is the total credited, including tax.
	Amount         int64                `json:"amount"`
	AmountShipping int64                `json:"amount_shipping"`
	Created        int64                `json:"created"`
	Currency       string               `json:"currency"`
	Customer       Expandable[Customer] `json:"customer"`
	// CustomerAccount is the Account (v2) the credit note is for, if any.
	CustomerAccount string `json:"customer_account"`
	// CustomerBalanceTransaction is the balance credit, if any.
	CustomerBalanceTransaction Expandable[CustomerBalanceTransaction] `json:"customer_balance_transaction"`
	DiscountAmount             int64                                  `json:"discount_amount"`
	DiscountAmounts            []CreditNoteDiscountAmount             `json:"discount_amounts"`
	EffectiveAt                int64                                  `json:"effective_at"`
	Invoice                    Expandable[Invoice]                    `json:"invoice"`
	// Lines holds the first page of lines; see CreditNotes.Lines.
	Lines                List[CreditNoteLineItem]       `json:"lines"`
	Livemode             bool                           `json:"livemode"`
	Memo                 string                         `json:"memo"`
	Metadata             map[string]string              `json:"metadata"`
	Number               string                         `json:"number"`
	OutOfBandAmount      int64                          `json:"out_of_band_amount"`
	PDF                  string                         `json:"pdf"`
	PostPaymentAmount    int64                          `json:"post_payment_amount"`
	PrePaymentAmount     int64                          `json:"pre_payment_amount"`
	PretaxCreditAmounts  []CreditNotePretaxCreditAmount `json:"pretax_credit_amounts"`
	Reason               CreditNoteReason               `json:"reason"`
	Refunds              []CreditNoteRefund             `json:"refunds"`
	ShippingCost         *CreditNoteShippingCost        `json:"shipping_cost"`
	Status               CreditNoteStatus               `json:"status"`
	Subtotal             int64                          `json:"subtotal"`
	SubtotalExcludingTax int64                          `json:"subtotal_excluding_tax"`
	Total                int64                          `json:"total"`
	TotalExcludingTax    int64                          `json:"total_excluding_tax"`
	TotalTaxes           []CreditNoteTax                `json:"total_taxes"`
	// Type is pre_payment (the invoice was not yet paid), post_payment
	// or mixed.
	Type     string `json:"type"`
	VoidedAt int64  `json:"voided_at"`
}

// CreditNoteDiscountAmount is the amount a discount took off a credit
// note or one of its lines.
type CreditNoteDiscountAmount struct {
	Amount   int64                `json:"amount"`
	Discount Expandable[Discount] `json:"discount"`
}

// CreditNotePretaxCreditAmount is a pre-tax reduction of a credit note
// or line: Type is "discount" or "credit_balance_transaction".
type CreditNotePretaxCreditAmount struct {
	Amount                   int64                 `json:"amount"`
	CreditBalanceTransaction Expandable[ObjectRef] `json:"credit_balance_transaction"`
	Discount                 Expandable[Discount]  `json:"discount"`
	Type                     string                `json:"type"`
}

// CreditNoteRefund is a refund a credit note made: Type is "refund" or
// "payment_record_refund".
type CreditNoteRefund struct {
	AmountRefunded      int64                          `json:"amount_refunded"`
	PaymentRecordRefund *CreditNotePaymentRecordRefund `json:"payment_record_refund"`
	Refund              Expandable[Refund]             `json:"refund"`
	Type                string                         `json:"type"`
}

// CreditNotePaymentRecordRefund names a refund of a payment recorded
// outside Stripe.
type CreditNotePaymentRecordRefund struct {
	PaymentRecord string `json:"payment_record"`
	RefundGroup   string `json:"refund_group"`
}

// CreditNoteShippingCost is the shipping credited.
type CreditNoteShippingCost struct {
	AmountSubtotal int64                   `json:"amount_subtotal"`
	AmountTax      int64                   `json:"amount_tax"`
	AmountTotal    int64                   `json:"amount_total"`
	ShippingRate   Expandable[ObjectRef]   `json:"shipping_rate"`
	Taxes          []CreditNoteShippingTax `json:"taxes"`
}

// CreditNoteShippingTax is a tax on credited shipping.
type CreditNoteShippingTax struct {
	Amount           int64   `json:"amount"`
	Rate             TaxRate `json:"rate"`
	TaxabilityReason string  `json:"taxability_reason"`
	TaxableAmount    int64   `json:"taxable_amount"`
}

// CreditNoteTax is a tax on a credit note or one of its lines. Type is
// "tax_rate_details".
type CreditNoteTax struct {
	Amount           int64                     `json:"amount"`
	TaxBehavior      string                    `json:"tax_behavior"`
	TaxRateDetails   *CreditNoteTaxRateDetails `json:"tax_rate_details"`
	TaxabilityReason string                    `json:"taxability_reason"`
	TaxableAmount    int64                     `json:"taxable_amount"`
	Type             string                    `json:"type"`
}

// CreditNoteTaxRateDetails names the tax rate of a credit note tax.
type CreditNoteTaxRateDetails struct {
	TaxRate Expandable[TaxRate] `json:"tax_rate"`
}

// CreditNoteLineItem is one line of a credit note.
type CreditNoteLineItem struct {
	ID              string                     `json:"id"`
	Object          string                     `json:"object"`
	Amount          int64                      `json:"amount"`
	Description     string                     `json:"description"`
	DiscountAmount  int64                      `json:"discount_amount"`
	DiscountAmounts []CreditNoteDiscountAmount `json:"discount_amounts"`
	// InvoiceLineItem is the invoice line credited, for Type
	// "invoice_line_item".
	InvoiceLineItem     string                         `json:"invoice_line_item"`
	Livemode            bool                           `json:"livemode"`
	Metadata            map[string]string              `json:"metadata"`
	PretaxCreditAmounts []CreditNotePretaxCreditAmount `json:"pretax_credit_amounts"`
	Quantity            int64                          `json:"quantity"`
	TaxRates            []TaxRate                      `json:"tax_rates"`
	Taxes               []CreditNoteTax                `json:"taxes"`
	// Type is "invoice_line_item" or "custom_line_item".
	Type              string `json:"type"`
	UnitAmount        int64  `json:"unit_amount"`
	UnitAmountDecimal string `json:"unit_amount_decimal"`
}

// CreditNoteLineTaxAmountParams is a tax amount for a credit note line.
type CreditNoteLineTaxAmountParams struct {
	Amount        *int64  `url:"amount,omitempty"`
	TaxRate       *string `url:"tax_rate,omitempty"`
	TaxableAmount *int64  `url:"taxable_amount,omitempty"`
}

// CreditNoteLineParams is one line of a new credit note: Type
// "invoice_line_item" with InvoiceLineItem (and Quantity or Amount), or
// "custom_line_item" with Description, Quantity and UnitAmount.
type CreditNoteLineParams struct {
	Type              *string                              `url:"type,omitempty"`
	Amount            *int64                               `url:"amount,omitempty"`
	Description       *string                              `url:"description,omitempty"`
	InvoiceLineItem   *string                              `url:"invoice_line_item,omitempty"`
	Metadata          Metadata                             `url:"metadata,omitempty"`
	Quantity          *int64                               `url:"quantity,omitempty"`
	TaxAmounts        Array[CreditNoteLineTaxAmountParams] `url:"tax_amounts,omitempty"`
	TaxRates          Array[string]                        `url:"tax_rates,omitempty"`
	UnitAmount        *int64                               `url:"unit_amount,omitempty"`
	UnitAmountDecimal *string                              `url:"unit_amount_decimal,omitempty"`
}

// CreditNotePaymentRecordRefundParams names a refund of a payment
// recorded outside Stripe.
type CreditNotePaymentRecordRefundParams struct {
	PaymentRecord *string `url:"payment_record,omitempty"`
	RefundGroup   *string `url:"refund_group,omitempty"`
}

// CreditNoteRefundParams links an existing refund to a new credit note.
type CreditNoteRefundParams struct {
	AmountRefunded      *int64                               `url:"amount_refunded,omitempty"`
	PaymentRecordRefund *CreditNotePaymentRecordRefundParams `url:"payment_record_refund,omitempty"`
	Refund              *string                              `url:"refund,omitempty"`
	// Type is "refund" or "payment_record_refund".
	Type *string `url:"type,omitempty"`
}

// CreditNoteShippingCostParams credits the shipping of a shipping rate.
type CreditNoteShippingCostParams struct {
	ShippingRate *string `url:"shipping_rate,omitempty"`
}

// CreditNoteCreateParams are the params of CreditNotes.Create. Invoice is
// required, with one of Amount, Lines or ShippingCost. The credit is split
// between CreditAmount (to the customer's balance), RefundAmount (or
// Refunds) and OutOfBandAmount; for an unpaid invoice it reduces the
// amount due instead.
type CreditNoteCreateParams struct {
	Params
	Invoice      *string `url:"invoice,omitempty"`
	Amount       *int64  `url:"amount,omitempty"`
	CreditAmount *int64  `url:"credit_amount,omitempty"`
	EffectiveAt  *int64  `url:"effective_at,omitempty"`
	// EmailType is "credit_note" to email the customer, or "none".
	EmailType       *string                       `url:"email_type,omitempty"`
	Lines           Array[CreditNoteLineParams]   `url:"lines,omitempty"`
	Memo            *string                       `url:"memo,omitempty"`
	Metadata        Metadata                      `url:"metadata,omitempty"`
	OutOfBandAmount *int64                        `url:"out_of_band_amount,omitempty"`
	Reason          *CreditNoteReason             `url:"reason,omitempty"`
	RefundAmount    *int64                        `url:"refund_amount,omitempty"`
	Refunds         Array[CreditNoteRefundParams] `url:"refunds,omitempty"`
	ShippingCost    *CreditNoteShippingCostParams `url:"shipping_cost,omitempty"`
}

// CreditNotePreviewParams are the params of CreditNotes.Preview: the same
// as for Create, sent in the query string.
type CreditNotePreviewParams CreditNoteCreateParams

// CreditNotePreviewLinesParams are the params of CreditNotes.PreviewLines
// and PreviewLinesAll: a preview plus list paging.
type CreditNotePreviewLinesParams struct {
	CreditNotePreviewParams
	ListParams
}

// CreditNoteGetParams are the params of CreditNotes.Get.
type CreditNoteGetParams struct {
	Params
}

// CreditNoteUpdateParams are the params of CreditNotes.Update.
type CreditNoteUpdateParams struct {
	Params
	Memo     *string  `url:"memo,omitempty"`
	Metadata Metadata `url:"metadata,omitempty"`
}

// CreditNoteVoidParams are the params of CreditNotes.Void.
type CreditNoteVoidParams struct {
	Params
}

// CreditNoteListParams are the params of CreditNotes.List and All.
type CreditNoteListParams struct {
	Params
	ListParams
	Created         *RangeQuery `url:"created,omitempty"`
	Customer        *string     `url:"customer,omitempty"`
	CustomerAccount *string     `url:"customer_account,omitempty"`
	Invoice         *string     `url:"invoice,omitempty"`
}

// CreditNoteLineListParams are the params of CreditNotes.Lines and
// LinesAll.
type CreditNoteLineListParams struct {
	Params
	ListParams
}

// Create issues a credit note for a finalized invoice.
//
// Stripe API docs: https://docs.stripe.com/api/credit_notes/create
func (s *CreditNotesService) Create(ctx context.Context, params *CreditNoteCreateParams) (*CreditNote, error) {
	cn := new(CreditNote)
	return orNil(cn, s.c.call(ctx, http.MethodPost, "/v1/credit_notes", params, cn))
}

// Get retrieves a credit note. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/credit_notes/retrieve
func (s *CreditNotesService) Get(ctx context.Context, id string, params *CreditNoteGetParams) (*CreditNote, error) {
	path, err := pathf("/v1/credit_notes/%s", id)
	if err != nil {
		return nil, err
	}
	cn := new(CreditNote)
	return orNil(cn, s.c.call(ctx, http.MethodGet, path, params, cn))
}

// Update changes the memo or metadata of a credit note.
//
// Stripe API docs: https://docs.stripe.com/api/credit_notes/update
func (s *CreditNotesService) Update(ctx context.Context, id string, params *CreditNoteUpdateParams) (*CreditNote, error) {
	path, err := pathf("/v1/credit_notes/%s", id)
	if err != nil {
		return nil, err
	}
	cn := new(CreditNote)
	return orNil(cn, s.c.call(ctx, http.MethodPost, path, params, cn))
}

// Void voids a credit note, undoing its effect on the invoice. params may
// be nil.
//
// Stripe API docs: https://docs.stripe.com/api/credit_notes/void
func (s *CreditNotesService) Void(ctx context.Context, id string, params *CreditNoteVoidParams) (*CreditNote, error) {
	path, err := pathf("/v1/credit_notes/%s/void", id)
	if err != nil {
		return nil, err
	}
	cn := new(CreditNote)
	return orNil(cn, s.c.call(ctx, http.MethodPost, path, params, cn))
}

// Preview computes the credit note Create would issue, without issuing it.
//
// Stripe API docs: https://docs.stripe.com/api/credit_notes/preview
func (s *CreditNotesService) Preview(ctx context.Context, params *CreditNotePreviewParams) (*CreditNote, error) {
	cn := new(CreditNote)
	return orNil(cn, s.c.call(ctx, http.MethodGet, "/v1/credit_notes/preview", params, cn))
}

// PreviewLines returns one page of the lines of a previewed credit note.
//
// Stripe API docs: https://docs.stripe.com/api/credit_notes/preview_lines
func (s *CreditNotesService) PreviewLines(ctx context.Context, params *CreditNotePreviewLinesParams) (*List[CreditNoteLineItem], error) {
	page := new(List[CreditNoteLineItem])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/credit_notes/preview/lines", params, page))
}

// PreviewLinesAll iterates over every line of a previewed credit note,
// fetching pages lazily. params is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/credit_notes/preview_lines
func (s *CreditNotesService) PreviewLinesAll(ctx context.Context, params *CreditNotePreviewLinesParams) iter.Seq2[*CreditNoteLineItem, error] {
	return listAll(ctx, params, s.PreviewLines)
}

// List returns one page of credit notes, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/credit_notes/list
func (s *CreditNotesService) List(ctx context.Context, params *CreditNoteListParams) (*List[CreditNote], error) {
	page := new(List[CreditNote])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/credit_notes", params, page))
}

// All iterates over every credit note matching params, fetching pages
// lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/credit_notes/list
func (s *CreditNotesService) All(ctx context.Context, params *CreditNoteListParams) iter.Seq2[*CreditNote, error] {
	return listAll(ctx, params, s.List)
}

// Lines returns one page of a credit note's lines. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/credit_notes/lines
func (s *CreditNotesService) Lines(ctx context.Context, creditNoteID string, params *CreditNoteLineListParams) (*List[CreditNoteLineItem], error) {
	path, err := pathf("/v1/credit_notes/%s/lines", creditNoteID)
	if err != nil {
		return nil, err
	}
	page := new(List[CreditNoteLineItem])
	return orNil(page, s.c.call(ctx, http.MethodGet, path, params, page))
}

// LinesAll iterates over every line of a credit note, fetching pages
// lazily. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/credit_notes/lines
func (s *CreditNotesService) LinesAll(ctx context.Context, creditNoteID string, params *CreditNoteLineListParams) iter.Seq2[*CreditNoteLineItem, error] {
	return listAll(ctx, params, func(ctx context.Context, p *CreditNoteLineListParams) (*List[CreditNoteLineItem], error) {
		return s.Lines(ctx, creditNoteID, p)
	})
}
