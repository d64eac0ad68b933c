package stripe

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// Expandable is a field Stripe sends either as an ID or, when the request
// asked to expand it, as the whole object. ID is set in both cases; Object
// only when expanded.
type Expandable[T any] struct {
	ID     string
	Object *T
}

// UnmarshalJSON accepts an ID string, an object, or null.
func (e *Expandable[T]) UnmarshalJSON(b []byte) error {
	*e = Expandable[T]{}
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || bytes.Equal(b, []byte("null")):
		return nil
	case b[0] == '"':
		if id, ok := plainJSONString(b); ok {
			e.ID = id
			return nil
		}
		return json.Unmarshal(b, &e.ID)
	}
	if err := checkExpansionDepth(b, shapeOf(reflect.TypeFor[Expandable[T]]()), 0); err != nil {
		return err
	}
	obj := new(T)
	if err := json.Unmarshal(b, obj); err != nil {
		return err
	}
	e.Object = obj
	e.ID, _ = objectID(obj)
	return nil
}

// expandedType names T for the expansion-depth check.
func (*Expandable[T]) expandedType() reflect.Type { return reflect.TypeFor[T]() }

// plainJSONString returns the text of a JSON string literal that needs no
// unescaping (printable ASCII without backslashes, as Stripe IDs are), which
// saves a full json.Unmarshal per ID on every decoded object.
func plainJSONString(b []byte) (string, bool) {
	if len(b) < 2 || b[len(b)-1] != '"' {
		return "", false
	}
	inner := b[1 : len(b)-1]
	for _, c := range inner {
		if c < 0x20 || c >= 0x7f || c == '\\' || c == '"' {
			return "", false
		}
	}
	return string(inner), true
}

// MarshalJSON writes the object when expanded, else the ID (null when empty).
func (e Expandable[T]) MarshalJSON() ([]byte, error) {
	switch {
	case e.Object != nil:
		return json.Marshal(e.Object)
	case e.ID == "":
		return []byte("null"), nil
	}
	return json.Marshal(e.ID)
}

// ObjectRef is an object this package does not model (a test clock, a
// subscription schedule, a Connect account, ...): its ID and object type.
// Expanding such a field decodes without error. For the rest of the
// object, read the raw response of the same call with [WithResponse] and
// decode its Body into your own type, or fetch the object with [Client.Do].
type ObjectRef struct {
	ID     string `json:"id"`
	Object string `json:"object"`
}

// Deleted is what Stripe returns for a deleted object.
type Deleted struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Deleted bool   `json:"deleted"`
}

// Address is a postal address.
type Address struct {
	City       string `json:"city"`
	Country    string `json:"country"`
	Line1      string `json:"line1"`
	Line2      string `json:"line2"`
	PostalCode string `json:"postal_code"`
	State      string `json:"state"`
}

// Shipping is a shipping address with a recipient.
type Shipping struct {
	Address        *Address `json:"address"`
	Carrier        string   `json:"carrier"`
	Name           string   `json:"name"`
	Phone          string   `json:"phone"`
	TrackingNumber string   `json:"tracking_number"`
}

// AddressParams sets a postal address: address[city]=..., address[line1]=...
type AddressParams struct {
	City       *string `url:"city,omitempty"`
	Country    *string `url:"country,omitempty"`
	Line1      *string `url:"line1,omitempty"`
	Line2      *string `url:"line2,omitempty"`
	PostalCode *string `url:"postal_code,omitempty"`
	State      *string `url:"state,omitempty"`
}

// ShippingParams sets a shipping address and recipient.
type ShippingParams struct {
	Address *AddressParams `url:"address,omitempty"`
	Name    *string        `url:"name,omitempty"`
	Phone   *string        `url:"phone,omitempty"`
}
