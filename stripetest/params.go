package stripetest

// Helpers that apply request params to stored objects.

// idOf returns the ID of a field that may hold an ID or an object.
func idOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case obj:
		id, _ := x["id"].(string)
		return id
	}
	return ""
}

// setNullable sets *dst from the string param k when it is present; an
// empty value sets it to null.
func setNullable(dst **string, f *form, k string) {
	if v, ok := f.str(k); ok {
		if v == "" {
			*dst = nil
		} else {
			*dst = &v
		}
	}
}

// mergeMetadata returns md with the metadata params merged in (see
// applyMetadata): an empty value deletes a key, metadata= clears all. md
// may be nil; the result never is.
func mergeMetadata(md map[string]string, f *form) map[string]string {
	if md == nil {
		md = map[string]string{}
	}
	v, ok := f.m["metadata"]
	if !ok {
		return md
	}
	switch x := v.(type) {
	case string:
		if x == "" {
			return map[string]string{}
		}
		f.fail(invalid("metadata", "", "Invalid object"))
	case obj:
		for k, val := range x {
			sv, isStr := val.(string)
			if !isStr {
				f.fail(invalid("metadata["+k+"]", "", "Invalid metadata value"))
				continue
			}
			if sv == "" {
				delete(md, k)
			} else {
				md[k] = sv
			}
		}
	}
	return md
}

// address is a postal address, every field nullable.
type address struct {
	City       *string `json:"city"`
	Country    *string `json:"country"`
	Line1      *string `json:"line1"`
	Line2      *string `json:"line2"`
	PostalCode *string `json:"postal_code"`
	State      *string `json:"state"`
}

// shipping is a name, phone and address to ship to.
type shipping struct {
	Address *address `json:"address"`
	Name    *string  `json:"name"`
	Phone   *string  `json:"phone"`
}

// addressParams applies an address[...] form to old (which may be nil):
// an empty form clears the address, otherwise the given fields change.
func addressParams(f *form, old *address) *address {
	if len(f.m) == 0 {
		return nil
	}
	a := new(address)
	if old != nil {
		*a = *old
	}
	setNullable(&a.City, f, "city")
	setNullable(&a.Country, f, "country")
	setNullable(&a.Line1, f, "line1")
	setNullable(&a.Line2, f, "line2")
	setNullable(&a.PostalCode, f, "postal_code")
	setNullable(&a.State, f, "state")
	f.unknown("city", "country", "line1", "line2", "postal_code", "state")
	return a
}

// shippingParams applies a shipping[...] form, which replaces name and
// phone and changes the given address fields of old; an empty form clears
// it.
func shippingParams(f *form, old *shipping) *shipping {
	if len(f.m) == 0 {
		return nil
	}
	sh := new(shipping)
	var oldAddr *address
	if old != nil {
		oldAddr = old.Address
	}
	sh.Address = addressParams(f.sub("address"), oldAddr)
	setNullable(&sh.Name, f, "name")
	setNullable(&sh.Phone, f, "phone")
	return sh
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

// deref is *p, or "" for nil.
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// nullObject is a nullable nested object stripetest never fills: it always
// renders null.
type nullObject struct{}

// nilIfEmpty is v as a nullable string: nil when empty.
func nilIfEmpty(v string) *string {
	if v == "" {
		return nil
	}
	return &v
}

// ptrEq reports whether the nullable string p is v.
func ptrEq(p *string, v string) bool { return p != nil && *p == v }

// copyPtr returns a pointer to a copy of *p, or nil: records never share
// a pointer.
func copyPtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	return ptr(*p)
}

// copyAddress returns a copy of a (nil for nil).
func copyAddress(a *address) *address {
	if a == nil {
		return nil
	}
	return &address{City: copyPtr(a.City), Country: copyPtr(a.Country), Line1: copyPtr(a.Line1),
		Line2: copyPtr(a.Line2), PostalCode: copyPtr(a.PostalCode), State: copyPtr(a.State)}
}

// copyShipping returns a copy of sh (nil for nil).
func copyShipping(sh *shipping) *shipping {
	if sh == nil {
		return nil
	}
	return &shipping{Address: copyAddress(sh.Address), Name: copyPtr(sh.Name), Phone: copyPtr(sh.Phone)}
}
