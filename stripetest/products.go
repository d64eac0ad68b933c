package stripetest

import (
	"strconv"
	"strings"
)

func (s *Server) registerProducts() {
	s.handle("POST", "/v1/products", s.createProduct)
	s.handle("GET", "/v1/products", s.listProducts)
	s.handle("GET", "/v1/products/{id}", func(r *request) (any, error) {
		p, err := s.getObj("product", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(p, r.expand), nil
	})
	s.handle("POST", "/v1/products/{id}", s.updateProduct)
	s.handle("DELETE", "/v1/products/{id}", s.deleteProduct)

	s.handle("POST", "/v1/prices", s.createPrice)
	s.handle("GET", "/v1/prices", s.listPrices)
	s.handle("GET", "/v1/prices/{id}", func(r *request) (any, error) {
		p, err := s.getObj("price", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(p, r.expand), nil
	})
	s.handle("POST", "/v1/prices/{id}", s.updatePrice)
}

func (s *Server) newProduct(f *form, id string) obj {
	now := s.unix()
	p := obj{
		"id": id, "object": "product", "active": true, "created": now, "default_price": nil, "description": nil, "images": []any{},
		"livemode": false, "marketing_features": []any{}, "metadata": obj{}, "name": "", "package_dimensions": nil, "shippable": nil,
		"statement_descriptor": nil, "tax_code": nil, "unit_label": nil, "updated": now, "url": nil,
	}
	s.applyProductParams(p, f)
	return p
}

func (s *Server) applyProductParams(p obj, f *form) {
	setStrings(p, f, "description", "statement_descriptor", "tax_code", "unit_label", "url")
	if v, ok := f.str("name"); ok {
		p["name"] = v
	}
	for _, k := range []string{"active", "shippable"} {
		if b, ok := f.bool(k); ok {
			p[k] = b
		}
	}
	if f.has("images") {
		p["images"] = deepCopy(f.strings("images"))
	}
	if f.has("marketing_features") {
		var feats []any
		for _, mf := range f.forms("marketing_features") {
			feats = append(feats, obj{"name": mf.strOr("name", "")})
		}
		p["marketing_features"] = listOrEmpty(feats)
	}
	if f.has("package_dimensions") {
		pd := f.sub("package_dimensions")
		dims := obj{}
		for _, k := range []string{"height", "length", "weight", "width"} {
			v, _ := strconv.ParseFloat(pd.strOr(k, "0"), 64)
			dims[k] = v
		}
		p["package_dimensions"] = dims
	}
	applyMetadata(p, f)
}

func (s *Server) createProduct(r *request) (any, error) {
	f := r.form
	name, ok := f.str("name")
	if !ok || name == "" {
		return nil, missingParam("name")
	}
	id := s.newID("prod")
	if custom, ok := f.str("id"); ok {
		if _, taken := s.st.lookup(custom); taken {
			return nil, invalid("id", "resource_already_exists", "Product already exists.")
		}
		id = custom
	}
	p := s.newProduct(f, id)
	var price obj
	if f.has("default_price_data") {
		var err error
		if price, err = s.buildPrice(f.sub("default_price_data"), id); err != nil {
			return nil, err
		}
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insertObj(p)
	s.emitObj(r, "product.created", p, nil)
	if price != nil {
		s.insertObj(price)
		p["default_price"] = price["id"]
		s.emitObj(r, "price.created", price, nil)
	}
	return s.renderObj(p, r.expand), nil
}

func (s *Server) updateProduct(r *request) (any, error) {
	p, err := s.getObj("product", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	before := s.snapshotObj(p)
	clone := cloneObj(p)
	s.applyProductParams(clone, f)
	if v, ok := f.str("default_price"); ok {
		if v == "" {
			clone["default_price"] = nil
		} else {
			price, err := s.getObj("price", v)
			if err != nil || price["product"] != p["id"] {
				return nil, invalid("default_price", "resource_missing", "No such price: '%s' on product '%s'", v, p["id"])
			}
			clone["default_price"] = v
		}
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		p[k] = v
	}
	p["updated"] = s.unix()
	s.emitUpdatedObj(r, "product.updated", p, before)
	return s.renderObj(p, r.expand), nil
}

func (s *Server) deleteProduct(r *request) (any, error) {
	p, err := s.getObj("product", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	for _, price := range s.st.allObj("price") {
		if price["product"] == p["id"] {
			return nil, invalid("", "", "This product cannot be deleted because it has one or more user-created prices.")
		}
	}
	s.removeObj(p)
	s.emitObj(r, "product.deleted", p, nil)
	return obj{"id": p["id"], "object": "product", "deleted": true}, nil
}

func (s *Server) listProducts(r *request) (any, error) {
	f := r.form
	active, hasActive := f.bool("active")
	shippable, hasShippable := f.bool("shippable")
	u, hasURL := f.str("url")
	only := f.strings("ids")
	return s.listObjs(r, "product", "/v1/products", func(p obj) bool {
		return (!hasActive || p["active"] == active) && (!hasShippable || p["shippable"] == shippable) &&
			(!hasURL || p["url"] == u) && (only == nil || contains(only, str(p, "id")))
	})
}

// buildPrice makes (but does not store) a price of product from f, the
// params of POST /v1/prices or a price_data hash.
func (s *Server) buildPrice(f *form, product string) (obj, error) {
	currency, ok := f.str("currency")
	if !ok || currency == "" {
		return nil, missingParam(f.name("currency"))
	}
	p := obj{
		"id": s.newID("price"), "object": "price", "active": true, "billing_scheme": "per_unit", "created": s.unix(),
		"currency": strings.ToLower(currency), "custom_unit_amount": nil, "livemode": false, "lookup_key": nil, "metadata": obj{},
		"nickname": nil, "product": product, "recurring": nil, "tax_behavior": "unspecified", "tiers_mode": nil,
		"transform_quantity": nil, "type": "one_time", "unit_amount": nil, "unit_amount_decimal": nil,
	}
	setStrings(p, f, "nickname", "lookup_key", "tax_behavior", "tiers_mode")
	if b, ok := f.bool("active"); ok {
		p["active"] = b
	}
	if v, ok := f.str("billing_scheme"); ok {
		p["billing_scheme"] = v
	}
	switch {
	case f.has("unit_amount"):
		n, _ := f.int("unit_amount")
		if n < 0 {
			return nil, invalid(f.name("unit_amount"), "", "Invalid non-negative integer")
		}
		p["unit_amount"], p["unit_amount_decimal"] = n, strconv.FormatInt(n, 10)
	case f.has("unit_amount_decimal"):
		d, _ := f.str("unit_amount_decimal")
		x, err := strconv.ParseFloat(d, 64)
		if err != nil {
			return nil, invalid(f.name("unit_amount_decimal"), "", "Invalid decimal: %s", d)
		}
		p["unit_amount_decimal"] = d
		if x == float64(int64(x)) {
			p["unit_amount"] = int64(x)
		}
	case f.has("custom_unit_amount"):
		cu := f.sub("custom_unit_amount")
		c := obj{"maximum": nil, "minimum": nil, "preset": nil}
		for _, k := range []string{"maximum", "minimum", "preset"} {
			if n, ok := cu.int(k); ok {
				c[k] = n
			}
		}
		p["custom_unit_amount"] = c
	case f.has("tiers"):
		p["billing_scheme"] = "tiered"
	default:
		return nil, missingParam(f.name("unit_amount"))
	}
	if f.has("recurring") {
		rf := f.sub("recurring")
		interval, ok := rf.str("interval")
		if !ok {
			return nil, missingParam(rf.name("interval"))
		}
		switch interval {
		case "day", "week", "month", "year":
		default:
			return nil, invalid(rf.name("interval"), "", "Invalid recurring[interval]: must be one of day, week, month, or year")
		}
		count := int64(1)
		if n, ok := rf.int("interval_count"); ok {
			count = n
		}
		p["recurring"] = obj{"interval": interval, "interval_count": count, "meter": nil,
			"usage_type": rf.strOr("usage_type", "licensed")}
		p["type"] = "recurring"
	}
	if f.has("transform_quantity") {
		tq := f.sub("transform_quantity")
		n, _ := tq.int("divide_by")
		p["transform_quantity"] = obj{"divide_by": n, "round": tq.strOr("round", "up")}
	}
	applyMetadata(p, f)
	return p, f.failed()
}

func (s *Server) createPrice(r *request) (any, error) {
	f := r.form
	var product obj
	if id, ok := f.str("product"); ok {
		p, err := s.getObj("product", id)
		if err != nil {
			return nil, invalid("product", "resource_missing", "No such product: '%s'", id)
		}
		product = p
	} else if f.has("product_data") {
		pd := f.sub("product_data")
		name, ok := pd.str("name")
		if !ok || name == "" {
			return nil, missingParam("product_data[name]")
		}
		id := s.newID("prod")
		if custom, ok := pd.str("id"); ok {
			id = custom
		}
		product = s.newProduct(pd, id)
	} else {
		return nil, missingParam("product")
	}
	price, err := s.buildPrice(f, str(product, "id"))
	if err != nil {
		return nil, err
	}
	if lk, ok := f.str("lookup_key"); ok && lk != "" {
		transfer, _ := f.bool("transfer_lookup_key")
		for _, other := range s.st.allObj("price") {
			if other["lookup_key"] == lk {
				if !transfer {
					return nil, invalid("lookup_key", "", "A price (`%s`) already uses that lookup key.", other["id"])
				}
				other["lookup_key"] = nil
			}
		}
	}
	if _, stored := s.st.lookup(str(product, "id")); !stored {
		s.insertObj(product)
		s.emitObj(r, "product.created", product, nil)
	}
	s.insertObj(price)
	s.emitObj(r, "price.created", price, nil)
	return s.renderObj(price, r.expand), nil
}

func (s *Server) updatePrice(r *request) (any, error) {
	p, err := s.getObj("price", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	before := s.snapshotObj(p)
	clone := cloneObj(p)
	setStrings(clone, f, "nickname", "lookup_key")
	if b, ok := f.bool("active"); ok {
		clone["active"] = b
	}
	if v, ok := f.str("tax_behavior"); ok {
		if p["tax_behavior"] != "unspecified" && p["tax_behavior"] != v {
			return nil, invalid("tax_behavior", "", "tax_behavior cannot be changed once it is set.")
		}
		clone["tax_behavior"] = v
	}
	applyMetadata(clone, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		p[k] = v
	}
	s.emitUpdatedObj(r, "price.updated", p, before)
	return s.renderObj(p, r.expand), nil
}

func (s *Server) listPrices(r *request) (any, error) {
	f := r.form
	active, hasActive := f.bool("active")
	currency, hasCurrency := f.str("currency")
	product, hasProduct := f.str("product")
	typ, hasType := f.str("type")
	lookup := f.strings("lookup_keys")
	rec := f.sub("recurring")
	interval, hasInterval := rec.str("interval")
	usage, hasUsage := rec.str("usage_type")
	return s.listObjs(r, "price", "/v1/prices", func(p obj) bool {
		if (hasActive && p["active"] != active) || (hasCurrency && p["currency"] != currency) ||
			(hasProduct && p["product"] != product) || (hasType && p["type"] != typ) {
			return false
		}
		if lookup != nil {
			lk, _ := p["lookup_key"].(string)
			if !contains(lookup, lk) {
				return false
			}
		}
		if hasInterval || hasUsage {
			rc, _ := p["recurring"].(obj)
			if rc == nil || (hasInterval && rc["interval"] != interval) || (hasUsage && rc["usage_type"] != usage) {
				return false
			}
		}
		return true
	})
}
