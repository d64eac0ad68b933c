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
		inv, hasInv := r.form.str("invoice")
		return s.listObjs(r, "customer_balance_transaction", "/v1/customers/"+cus.ID+"/balance_transactions", func(o obj) bool {
			return o["customer"] == cus.ID && (!hasInv || o["invoice"] == inv)
		})
	})
	s.handle("GET", "/v1/customers/{customer}/balance_transactions/{id}", func(r *request) (any, error) {
		txn, err := s.customerChild(r, "customer_balance_transaction")
		if err != nil {
			return nil, err
		}
		return s.renderObj(txn, r.expand), nil
	})
	s.handle("POST", "/v1/customers/{customer}/balance_transactions/{id}", s.updateCustomerBalanceTransaction)

	s.handle("POST", "/v1/customers/{customer}/tax_ids", s.createTaxID)
	s.handle("GET", "/v1/customers/{customer}/tax_ids", func(r *request) (any, error) {
		cus, err := s.customer(r.pathVal("customer"))
		if err != nil {
			return nil, err
		}
		return s.listObjs(r, "tax_id", "/v1/customers/"+cus.ID+"/tax_ids", func(o obj) bool { return o["customer"] == cus.ID })
	})
	s.handle("GET", "/v1/customers/{customer}/tax_ids/{id}", func(r *request) (any, error) {
		tx, err := s.customerChild(r, "tax_id")
		if err != nil {
			return nil, err
		}
		return s.renderObj(tx, r.expand), nil
	})
	s.handle("DELETE", "/v1/customers/{customer}/tax_ids/{id}", func(r *request) (any, error) {
		tx, err := s.customerChild(r, "tax_id")
		if err != nil {
			return nil, err
		}
		s.removeObj(tx)
		s.emitObj(r, "customer.tax_id.deleted", tx, nil)
		return obj{"id": tx["id"], "object": "tax_id", "deleted": true}, nil
	})
}

// customerChild finds the object of kind {id} that belongs to {customer}.
func (s *Server) customerChild(r *request, kind string) (obj, error) {
	cus, err := s.customer(r.pathVal("customer"))
	if err != nil {
		return nil, err
	}
	o, err := s.getObj(kind, r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if o["customer"] != cus.ID {
		return nil, notFound(strings.ReplaceAll(kind, "_", " "), r.pathVal("id"), "id")
	}
	return o, nil
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
	txn := obj{
		"id": s.newID("cbtxn"), "object": "customer_balance_transaction", "amount": amount, "checkout_session": nil, "created": s.unix(),
		"credit_note": nil, "currency": cur, "customer": cus.ID, "customer_account": nil, "description": nil, "ending_balance": end,
		"invoice": nil, "livemode": false, "metadata": obj{}, "type": "adjustment",
	}
	setStrings(txn, f, "description")
	applyMetadata(txn, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	before := s.snapshot(cus)
	cus.Balance = end
	if cus.Currency == nil {
		cus.Currency = &cur
	}
	s.insertObj(txn)
	s.emitUpdated(r, "customer.updated", cus, before)
	return s.renderObj(txn, r.expand), nil
}

func (s *Server) updateCustomerBalanceTransaction(r *request) (any, error) {
	txn, err := s.customerChild(r, "customer_balance_transaction")
	if err != nil {
		return nil, err
	}
	clone := cloneObj(txn)
	setStrings(clone, r.form, "description")
	applyMetadata(clone, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	txn["description"], txn["metadata"] = clone["description"], clone["metadata"]
	return s.renderObj(txn, r.expand), nil
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
	var country any
	if c := taxIDCountries[typ]; c != "" {
		country = c
	} else if typ == "eu_vat" && len(value) > 2 {
		country = strings.ToUpper(value[:2])
	}
	tx := obj{
		"id": s.newID("txi"), "object": "tax_id", "country": country, "created": s.unix(), "customer": cus.ID, "customer_account": nil,
		"livemode": false, "owner": obj{"customer": cus.ID, "customer_account": nil, "type": "customer"},
		"type": typ, "value": value, "verification": obj{"status": "pending", "verified_address": nil, "verified_name": nil},
	}
	s.insertObj(tx)
	s.emitObj(r, "customer.tax_id.created", tx, nil)
	return s.renderObj(tx, r.expand), nil
}
