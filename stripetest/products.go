package stripetest

import (
	"strconv"
	"strings"
)

func (s *Server) registerProducts() {
	s.handle("POST", "/v1/products", s.createProduct)
	s.handle("GET", "/v1/products", s.listProducts)
	s.handle("GET", "/v1/products/{id}", func(r *request) (any, error) {
		p, err := getAs[*product](s, "product", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(p, r.expand), nil
	})
	s.handle("POST", "/v1/products/{id}", s.updateProduct)
	s.handle("DELETE", "/v1/products/{id}", s.deleteProduct)

	s.handle("POST", "/v1/prices", s.createPrice)
	s.handle("GET", "/v1/prices", s.listPrices)
	s.handle("GET", "/v1/prices/{id}", func(r *request) (any, error) {
		p, err := getAs[*price](s, "price", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(p, r.expand), nil
	})
	s.handle("POST", "/v1/prices/{id}", s.updatePrice)
}

// product is a Product.
type product struct {
	meta
	Active              bool               `json:"active"`
	Created             int64              `json:"created"`
	DefaultPrice        *string            `json:"default_price"`
	Description         *string            `json:"description"`
	Images              []string           `json:"images"`
	Livemode            bool               `json:"livemode"`
	MarketingFeatures   []productFeature   `json:"marketing_features"`
	Metadata            map[string]string  `json:"metadata"`
	Name                string             `json:"name"`
	PackageDimensions   *packageDimensions `json:"package_dimensions"`
	Shippable           *bool              `json:"shippable"`
	StatementDescriptor *string            `json:"statement_descriptor"`
	TaxCode             *string            `json:"tax_code"`
	UnitLabel           *string            `json:"unit_label"`
	Updated             int64              `json:"updated"`
	URL                 *string            `json:"url"`
}

func (p *product) createdAt() int64 { return p.Created }

// productFeature is one of a product's marketing features.
type productFeature struct {
	Name string `json:"name"`
}

// packageDimensions are a product's package dimensions.
type packageDimensions struct {
	Height float64 `json:"height"`
	Length float64 `json:"length"`
	Weight float64 `json:"weight"`
	Width  float64 `json:"width"`
}

// price is a Price.
type price struct {
	meta
	Active            bool               `json:"active"`
	BillingScheme     string             `json:"billing_scheme"`
	Created           int64              `json:"created"`
	Currency          string             `json:"currency"`
	CustomUnitAmount  *customUnitAmount  `json:"custom_unit_amount"`
	Livemode          bool               `json:"livemode"`
	LookupKey         *string            `json:"lookup_key"`
	Metadata          map[string]string  `json:"metadata"`
	Nickname          *string            `json:"nickname"`
	Product           string             `json:"product"`
	Recurring         *priceRecurring    `json:"recurring"`
	TaxBehavior       *string            `json:"tax_behavior"`
	TiersMode         *string            `json:"tiers_mode"`
	TransformQuantity *transformQuantity `json:"transform_quantity"`
	Type              string             `json:"type"`
	UnitAmount        *int64             `json:"unit_amount"`
	UnitAmountDecimal *string            `json:"unit_amount_decimal"`
}

func (p *price) createdAt() int64 { return p.Created }

// customUnitAmount is a price's customer-chosen amount bounds.
type customUnitAmount struct {
	Maximum *int64 `json:"maximum"`
	Minimum *int64 `json:"minimum"`
	Preset  *int64 `json:"preset"`
}

// priceRecurring is how a recurring price recurs.
type priceRecurring struct {
	Interval      string  `json:"interval"`
	IntervalCount int64   `json:"interval_count"`
	Meter         *string `json:"meter"`
	UsageType     string  `json:"usage_type"`
}

// transformQuantity is how a price divides the quantity before billing.
type transformQuantity struct {
	DivideBy int64  `json:"divide_by"`
	Round    string `json:"round"`
}

// getPrice is getAs for a price, for code whose variable named price
// hides the type.
func (s *Server) getPrice(id string) (*price, error) { return getAs[*price](s, "price", id) }

// lookupPrice is lookupAs for a price (see getPrice).
func (st *store) lookupPrice(id string) (*price, bool) { return lookupAs[*price](st, id) }

// unit is the price's unit_amount, 0 when it has none.
func (p *price) unit() int64 {
	if p.UnitAmount == nil {
		return 0
	}
	return *p.UnitAmount
}

// interval is the period of a recurring price ("" and 0 for a one-time
// price).
func (p *price) interval() (string, int64) {
	if p.Recurring == nil {
		return "", 0
	}
	return p.Recurring.Interval, p.Recurring.IntervalCount
}

func (s *Server) newProduct(f *form, id string) *product {
	now := s.unix()
	p := &product{
		meta: meta{ID: id, Object: "product"}, Active: true, Created: now, Images: []string{},
		MarketingFeatures: []productFeature{}, Metadata: map[string]string{}, Updated: now,
	}
	s.applyProductParams(p, f)
	return p
}

func (s *Server) applyProductParams(p *product, f *form) {
	setNullable(&p.Description, f, "description")
	setNullable(&p.StatementDescriptor, f, "statement_descriptor")
	setNullable(&p.TaxCode, f, "tax_code")
	setNullable(&p.UnitLabel, f, "unit_label")
	setNullable(&p.URL, f, "url")
	if v, ok := f.str("name"); ok {
		p.Name = v
	}
	if b, ok := f.bool("active"); ok {
		p.Active = b
	}
	if b, ok := f.bool("shippable"); ok {
		p.Shippable = &b
	}
	if f.has("images") {
		p.Images = append([]string{}, f.strings("images")...)
	}
	if f.has("marketing_features") {
		feats := []productFeature{}
		for _, mf := range f.forms("marketing_features") {
			feats = append(feats, productFeature{Name: mf.strOr("name", "")})
		}
		p.MarketingFeatures = feats
	}
	if f.has("package_dimensions") {
		pd := f.sub("package_dimensions")
		dim := func(k string) float64 {
			v, _ := strconv.ParseFloat(pd.strOr(k, "0"), 64)
			return v
		}
		p.PackageDimensions = &packageDimensions{Height: dim("height"), Length: dim("length"), Weight: dim("weight"), Width: dim("width")}
	}
	p.Metadata = mergeMetadata(p.Metadata, f)
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
	var pr *price
	if f.has("default_price_data") {
		var err error
		if pr, err = s.buildPrice(f.sub("default_price_data"), id); err != nil {
			return nil, err
		}
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insert(p)
	s.emit(r, "product.created", p, nil)
	if pr != nil {
		s.insert(pr)
		p.DefaultPrice = &pr.ID
		s.emit(r, "price.created", pr, nil)
	}
	return s.render(p, r.expand), nil
}

func (s *Server) updateProduct(r *request) (any, error) {
	p, err := getAs[*product](s, "product", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	before := s.snapshot(p)
	clone := cloneRecord(p)
	s.applyProductParams(clone, f)
	if v, ok := f.str("default_price"); ok {
		if v == "" {
			clone.DefaultPrice = nil
		} else {
			pr, err := getAs[*price](s, "price", v)
			if err != nil || pr.Product != p.ID {
				return nil, invalid("default_price", "resource_missing", "No such price: '%s' on product '%s'", v, p.ID)
			}
			clone.DefaultPrice = &v
		}
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	*p = *clone
	p.Updated = s.unix()
	s.emitUpdated(r, "product.updated", p, before)
	return s.render(p, r.expand), nil
}

func (s *Server) deleteProduct(r *request) (any, error) {
	p, err := getAs[*product](s, "product", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	for _, pr := range allOf[*price](s.st, "price") {
		if pr.Product == p.ID {
			return nil, invalid("", "", "This product cannot be deleted because it has one or more user-created prices.")
		}
	}
	s.remove(p)
	s.emit(r, "product.deleted", p, nil)
	return obj{"id": p.ID, "object": "product", "deleted": true}, nil
}

func (s *Server) listProducts(r *request) (any, error) {
	f := r.form
	active, hasActive := f.bool("active")
	shippable, hasShippable := f.bool("shippable")
	u, hasURL := f.str("url")
	only := f.strings("ids")
	return listOf(s, r, "product", "/v1/products", func(p *product) bool {
		return (!hasActive || p.Active == active) && (!hasShippable || p.Shippable != nil && *p.Shippable == shippable) &&
			(!hasURL || p.URL != nil && *p.URL == u) && (only == nil || contains(only, p.ID))
	})
}

// buildPrice makes (but does not store) a price of product from f, the
// params of POST /v1/prices or a price_data hash.
func (s *Server) buildPrice(f *form, product string) (*price, error) {
	currency, ok := f.str("currency")
	if !ok || currency == "" {
		return nil, missingParam(f.name("currency"))
	}
	unspecified := "unspecified"
	p := &price{
		meta: meta{ID: s.newID("price"), Object: "price"}, Active: true, BillingScheme: "per_unit", Created: s.unix(),
		Currency: strings.ToLower(currency), Metadata: map[string]string{}, Product: product, TaxBehavior: &unspecified, Type: "one_time",
	}
	setNullable(&p.Nickname, f, "nickname")
	setNullable(&p.LookupKey, f, "lookup_key")
	setNullable(&p.TaxBehavior, f, "tax_behavior")
	setNullable(&p.TiersMode, f, "tiers_mode")
	if b, ok := f.bool("active"); ok {
		p.Active = b
	}
	if v, ok := f.str("billing_scheme"); ok {
		p.BillingScheme = v
	}
	switch {
	case f.has("unit_amount"):
		n, _ := f.int("unit_amount")
		if n < 0 {
			return nil, invalid(f.name("unit_amount"), "", "Invalid non-negative integer")
		}
		d := strconv.FormatInt(n, 10)
		p.UnitAmount, p.UnitAmountDecimal = &n, &d
	case f.has("unit_amount_decimal"):
		d, _ := f.str("unit_amount_decimal")
		x, err := strconv.ParseFloat(d, 64)
		if err != nil {
			return nil, invalid(f.name("unit_amount_decimal"), "", "Invalid decimal: %s", d)
		}
		p.UnitAmountDecimal = &d
		if x == float64(int64(x)) {
			n := int64(x)
			p.UnitAmount = &n
		}
	case f.has("custom_unit_amount"):
		cu := f.sub("custom_unit_amount")
		c := new(customUnitAmount)
		if n, ok := cu.int("maximum"); ok {
			c.Maximum = &n
		}
		if n, ok := cu.int("minimum"); ok {
			c.Minimum = &n
		}
		if n, ok := cu.int("preset"); ok {
			c.Preset = &n
		}
		p.CustomUnitAmount = c
	case f.has("tiers"):
		p.BillingScheme = "tiered"
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
		p.Recurring = &priceRecurring{Interval: interval, IntervalCount: count, UsageType: rf.strOr("usage_type", "licensed")}
		p.Type = "recurring"
	}
	if f.has("transform_quantity") {
		tq := f.sub("transform_quantity")
		n, _ := tq.int("divide_by")
		p.TransformQuantity = &transformQuantity{DivideBy: n, Round: tq.strOr("round", "up")}
	}
	p.Metadata = mergeMetadata(p.Metadata, f)
	return p, f.failed()
}

func (s *Server) createPrice(r *request) (any, error) {
	f := r.form
	var prod *product
	if id, ok := f.str("product"); ok {
		p, err := getAs[*product](s, "product", id)
		if err != nil {
			return nil, invalid("product", "resource_missing", "No such product: '%s'", id)
		}
		prod = p
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
		prod = s.newProduct(pd, id)
	} else {
		return nil, missingParam("product")
	}
	pr, err := s.buildPrice(f, prod.ID)
	if err != nil {
		return nil, err
	}
	if lk, ok := f.str("lookup_key"); ok && lk != "" {
		transfer, _ := f.bool("transfer_lookup_key")
		for _, other := range allOf[*price](s.st, "price") {
			if other.LookupKey != nil && *other.LookupKey == lk {
				if !transfer {
					return nil, invalid("lookup_key", "", "A price (`%s`) already uses that lookup key.", other.ID)
				}
				other.LookupKey = nil
			}
		}
	}
	if _, stored := s.st.lookup(prod.ID); !stored {
		s.insert(prod)
		s.emit(r, "product.created", prod, nil)
	}
	s.insert(pr)
	s.emit(r, "price.created", pr, nil)
	return s.render(pr, r.expand), nil
}

func (s *Server) updatePrice(r *request) (any, error) {
	p, err := getAs[*price](s, "price", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	before := s.snapshot(p)
	clone := cloneRecord(p)
	setNullable(&clone.Nickname, f, "nickname")
	setNullable(&clone.LookupKey, f, "lookup_key")
	if b, ok := f.bool("active"); ok {
		clone.Active = b
	}
	if v, ok := f.str("tax_behavior"); ok {
		if tb := p.TaxBehavior; tb == nil || *tb != "unspecified" && *tb != v {
			return nil, invalid("tax_behavior", "", "tax_behavior cannot be changed once it is set.")
		}
		clone.TaxBehavior = &v
	}
	clone.Metadata = mergeMetadata(clone.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	*p = *clone
	s.emitUpdated(r, "price.updated", p, before)
	return s.render(p, r.expand), nil
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
	return listOf(s, r, "price", "/v1/prices", func(p *price) bool {
		if (hasActive && p.Active != active) || (hasCurrency && p.Currency != currency) ||
			(hasProduct && p.Product != product) || (hasType && p.Type != typ) {
			return false
		}
		if lookup != nil {
			lk := ""
			if p.LookupKey != nil {
				lk = *p.LookupKey
			}
			if !contains(lookup, lk) {
				return false
			}
		}
		if hasInterval || hasUsage {
			rc := p.Recurring
			if rc == nil || (hasInterval && rc.Interval != interval) || (hasUsage && rc.UsageType != usage) {
				return false
			}
		}
		return true
	})
}
