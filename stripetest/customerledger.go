package stripetest

import "strings"

// A customer's balance transactions (/v1/customers/{id}/balance_transactions)
// and tax IDs (/v1/customers/{id}/tax_ids).

func (s *Server) registerCustomerLedger() {
	s.handle("POST", "/v1/customers/{customer}/balance_transactions", s.createCustomerBalanceTransaction)
	s.handle("GET", "/v1/customers/{customer}/balance_transactions", func(r *request) (any, error) {
		cus, err := s.customer(r.pathVal("customer"))
		if err != nil {
			return nil, err
		}
		cusID := cus.ID
		inv, hasInv := r.form.str("invoice")
		return listOf(s, r, "customer_balance_transaction", "/v1/customers/"+cusID+"/balance_transactions", func(x *customerBalanceTransaction) bool {
			return x.Customer == cusID && (!hasInv || x.Invoice != nil && *x.Invoice == inv)
		})
	})
	s.handle("GET", "/v1/customers/{customer}/balance_transactions/{id}", func(r *request) (any, error) {
		txn, err := customerChild[*customerBalanceTransaction](s, r, "customer_balance_transaction")
		if err != nil {
			return nil, err
		}
		return s.render(txn, r.expand), nil
	})
	s.handle("POST", "/v1/customers/{customer}/balance_transactions/{id}", s.updateCustomerBalanceTransaction)

	s.handle("POST", "/v1/customers/{customer}/tax_ids", s.createTaxID)
	s.handle("GET", "/v1/customers/{customer}/tax_ids", func(r *request) (any, error) {
		cus, err := s.customer(r.pathVal("customer"))
		if err != nil {
			return nil, err
		}
		cusID := cus.ID
		return listOf(s, r, "tax_id", "/v1/customers/"+cusID+"/tax_ids", func(x *taxID) bool { return x.Customer == cusID })
	})
	s.handle("GET", "/v1/customers/{customer}/tax_ids/{id}", func(r *request) (any, error) {
		tx, err := customerChild[*taxID](s, r, "tax_id")
		if err != nil {
			return nil, err
		}
		return s.render(tx, r.expand), nil
	})
	s.handle("DELETE", "/v1/customers/{customer}/tax_ids/{id}", func(r *request) (any, error) {
		tx, err := customerChild[*taxID](s, r, "tax_id")
		if err != nil {
			return nil, err
		}
		s.remove(tx)
		s.emit(r, "customer.tax_id.deleted", tx, nil)
		return obj{"id": tx.ID, "object": "tax_id", "deleted": true}, nil
	})
}

// customerBalanceTransaction is a CustomerBalanceTransaction: a change to
// a customer's balance (negative is a credit).
type customerBalanceTransaction struct {
	meta
	Amount          int64             `json:"amount"`
	CheckoutSession *string           `json:"checkout_session"`
	Created         int64             `json:"created"`
	CreditNote      *string           `json:"credit_note"`
	Currency        string            `json:"currency"`
	Customer        string            `json:"customer"`
	CustomerAccount *string           `json:"customer_account"`
	Description     *string           `json:"description"`
	EndingBalance   int64             `json:"ending_balance"`
	Invoice         *string           `json:"invoice"`
	Livemode        bool              `json:"livemode"`
	Metadata        map[string]string `json:"metadata"`
	Type            string            `json:"type"`
}

func (x *customerBalanceTransaction) createdAt() int64 { return x.Created }
func (x *customerBalanceTransaction) ownerID() string  { return x.Customer }

// taxID is a TaxID of a customer.
type taxID struct {
	meta
	Country         *string           `json:"country"`
	Created         int64             `json:"created"`
	Customer        string            `json:"customer"`
	CustomerAccount *string           `json:"customer_account"`
	Livemode        bool              `json:"livemode"`
	Owner           taxIDOwner        `json:"owner"`
	Type            string            `json:"type"`
	Value           string            `json:"value"`
	Verification    taxIDVerification `json:"verification"`
}

func (x *taxID) createdAt() int64 { return x.Created }
func (x *taxID) ownerID() string  { return x.Customer }

// taxIDOwner is whom a tax ID belongs to (always a customer here).
type taxIDOwner struct {
	Customer        string  `json:"customer"`
	CustomerAccount *string `json:"customer_account"`
	Type            string  `json:"type"`
}

// taxIDVerification is a tax ID's verification (always pending here).
type taxIDVerification struct {
	Status          string  `json:"status"`
	VerifiedAddress *string `json:"verified_address"`
	VerifiedName    *string `json:"verified_name"`
}

// customerOwned is a record that belongs to a customer.
type customerOwned interface {
	record
	ownerID() string
}

// customerChild finds the object of kind {id} that belongs to {customer}.
func customerChild[T customerOwned](s *Server, r *request, kind string) (T, error) {
	var zero T
	cus, err := s.customer(r.pathVal("customer"))
	if err != nil {
		return zero, err
	}
	x, err := getAs[T](s, kind, r.pathVal("id"))
	if err != nil {
		return zero, err
	}
	if x.ownerID() != cus.ID {
		return zero, notFound(strings.ReplaceAll(kind, "_", " "), r.pathVal("id"), "id")
	}
	return x, nil
}

// createCustomerBalanceTransaction adjusts a customer's balance: a
// negative amount is a credit (it reduces the next invoice), a positive
// one a debit.
func (s *Server) createCustomerBalanceTransaction(r *request) (any, error) {
	cus, err := s.customer(r.pathVal("customer"))
	if err != nil {
		return nil, err
	}
	f := r.form
	amount, ok := f.int("amount")
	if !ok {
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("amount")
	}
	cur, ok := f.str("currency")
	if !ok || cur == "" {
		return nil, missingParam("currency")
	}
	cur = strings.ToLower(cur)
	if c := cus.Currency; c != nil && *c != "" && *c != cur {
		return nil, invalid("currency", "", "The customer's balance is in %s, not %s.", *c, cur)
	}
	end := cus.Balance + amount
	txn := &customerBalanceTransaction{
		meta: meta{ID: s.newID("cbtxn"), Object: "customer_balance_transaction"}, Amount: amount, Created: s.unix(),
		Currency: cur, Customer: cus.ID, EndingBalance: end, Metadata: map[string]string{}, Type: "adjustment",
	}
	setNullable(&txn.Description, f, "description")
	txn.Metadata = mergeMetadata(txn.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	before := s.snapshot(cus)
	cus.Balance = end
	if cus.Currency == nil {
		cus.Currency = &cur
	}
	s.insert(txn)
	s.emitUpdated(r, "customer.updated", cus, before)
	return s.render(txn, r.expand), nil
}

func (s *Server) updateCustomerBalanceTransaction(r *request) (any, error) {
	txn, err := customerChild[*customerBalanceTransaction](s, r, "customer_balance_transaction")
	if err != nil {
		return nil, err
	}
	c := cloneRecord(txn)
	setNullable(&c.Description, r.form, "description")
	c.Metadata = mergeMetadata(c.Metadata, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	*txn = *c
	return s.render(txn, r.expand), nil
}

// taxIDCountries maps the common tax ID types to their country; others
// get none.
var taxIDCountries = map[string]string{
	"eu_vat": "", "gb_vat": "GB", "us_ein": "US", "au_abn": "AU", "ca_bn": "CA", "ch_vat": "CH", "in_gst": "IN", "jp_cn": "JP", "no_vat": "NO",
}

func (s *Server) createTaxID(r *request) (any, error) {
	cus, err := s.customer(r.pathVal("customer"))
	if err != nil {
		return nil, err
	}
	f := r.form
	typ, ok := f.str("type")
	if !ok || typ == "" {
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("type")
	}
	value, ok := f.str("value")
	if !ok || value == "" {
		return nil, missingParam("value")
	}
	var country *string
	if c := taxIDCountries[typ]; c != "" {
		country = &c
	} else if typ == "eu_vat" && len(value) > 2 {
		c := strings.ToUpper(value[:2])
		country = &c
	}
	cusID := cus.ID
	tx := &taxID{
		meta: meta{ID: s.newID("txi"), Object: "tax_id"}, Country: country, Created: s.unix(), Customer: cusID,
		Owner: taxIDOwner{Customer: cusID, Type: "customer"}, Type: typ, Value: value,
		Verification: taxIDVerification{Status: "pending"},
	}
	s.insert(tx)
	s.emit(r, "customer.tax_id.created", tx, nil)
	return s.render(tx, r.expand), nil
}
