package stripetest

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// Search (GET /v1/<resource>/search?query=...), in Stripe's search query
// language: clauses field:"value" or field:'value' (exact, case-insensitive), field~"value"
// (substring of at least 3 characters), field>N, <N, >=N, <=N on numeric
// fields, metadata["key"]:"value", field:null, a leading '-' to negate,
// joined by AND or by OR (not both, as on Stripe; at most 10 clauses).
// Unlike Stripe, results are immediate (no indexing delay). Pages hold
// limit objects, newest first; next_page is an opaque cursor.

// searchable lists the resources with search and the fields Stripe lets
// each one be searched by.
var searchable = []struct {
	path, kind string
	fields     []string
}{
	{"customers", "customer", []string{"created", "email", "metadata", "name", "phone"}},
	{"charges", "charge", []string{"amount", "billing_details.address.postal_code", "created", "currency", "customer",
		"disputed", "metadata", "payment_method_details.card.last4", "payment_method_details.card.exp_month",
		"payment_method_details.card.exp_year", "payment_method_details.card.brand", "payment_method_details.card.fingerprint",
		"refunded", "status", "payment_intent"}},
	{"invoices", "invoice", []string{"created", "currency", "customer", "metadata", "number", "receipt_number", "status",
		"subscription", "total"}},
	{"payment_intents", "payment_intent", []string{"amount", "created", "currency", "customer", "metadata", "status"}},
	{"subscriptions", "subscription", []string{"created", "metadata", "status"}},
	{"products", "product", []string{"active", "description", "metadata", "name", "shippable", "url"}},
	{"prices", "price", []string{"active", "currency", "lookup_key", "metadata", "product", "type"}},
}

// registerSearch goes first in registerRoutes: /v1/customers/{id} would
// take /v1/customers/search.
func (s *Server) registerSearch() {
	s.handle("GET", "/v1/customers/search", s.searchHandler("customers"))
	s.handle("GET", "/v1/charges/search", s.searchHandler("charges"))
	s.handle("GET", "/v1/invoices/search", s.searchHandler("invoices"))
	s.handle("GET", "/v1/payment_intents/search", s.searchHandler("payment_intents"))
	s.handle("GET", "/v1/subscriptions/search", s.searchHandler("subscriptions"))
	s.handle("GET", "/v1/products/search", s.searchHandler("products"))
	s.handle("GET", "/v1/prices/search", s.searchHandler("prices"))
}

// searchHandler answers GET /v1/<resource>/search.
func (s *Server) searchHandler(resource string) handlerFunc {
	for _, res := range searchable {
		if res.path == resource {
			url, kind, fields := "/v1/"+res.path+"/search", res.kind, res.fields
			return func(r *request) (any, error) { return s.search(r, kind, url, fields) }
		}
	}
	panic("stripetest: no search for " + resource)
}

// searchClause is one parsed clause.
type searchClause struct {
	neg      bool
	field    string // "metadata" with key set for metadata["key"]
	key      string
	op       string // ":", "~", ">", "<", ">=", "<="
	value    string
	bare     bool // value was not quoted (a number, null, true, false)
	position int
}

func queryError(format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, typ: "invalid_request_error", code: "parameter_invalid_string", param: "query",
		message: fmt.Sprintf(format, args...)}
}

// parseSearch parses a query into its clauses and the operator joining
// them ("AND" or "OR").
func parseSearch(q string, fields []string, resource string) ([]searchClause, string, error) {
	p := 0
	skip := func() {
		for p < len(q) && q[p] == ' ' {
			p++
		}
	}
	var out []searchClause
	join := ""
	for {
		skip()
		if p >= len(q) {
			break
		}
		c := searchClause{position: p}
		if q[p] == '-' {
			c.neg = true
			p++
		}
		start := p
		for p < len(q) && (q[p] >= 'a' && q[p] <= 'z' || q[p] >= '0' && q[p] <= '9' || q[p] == '_' || q[p] == '.') {
			p++
		}
		c.field = q[start:p]
		if c.field == "" {
			return nil, "", queryError("Query is not valid: expected a field name at position %d of %q.", start, q)
		}
		if c.field == "metadata" {
			if p+1 >= len(q) || q[p] != '[' || (q[p+1] != '"' && q[p+1] != '\'') {
				return nil, "", queryError("Query is not valid: expected metadata[\"key\"] at position %d of %q.", p, q)
			}
			key, next, ok := readQuoted(q, p+1)
			if !ok || next >= len(q) || q[next] != ']' || key == "" {
				return nil, "", queryError("Query is not valid: unterminated metadata key at position %d of %q.", p, q)
			}
			c.key, p = key, next+1
		} else if !contains(fields, c.field) {
			return nil, "", queryError("Field `%s` is an unsupported search field for resource `%s`. See http://stripe.com/docs/search#query-fields-for-%s for a list of supported fields.",
				c.field, resource, strings.ReplaceAll(resource, "_", "-"))
		}
		for _, op := range []string{">=", "<=", ":", "~", ">", "<"} {
			if strings.HasPrefix(q[p:], op) {
				c.op = op
				p += len(op)
				break
			}
		}
		if c.op == "" {
			return nil, "", queryError("Query is not valid: expected one of : ~ > < >= <= after `%s` at position %d of %q.", c.field, p, q)
		}
		if p < len(q) && (q[p] == '"' || q[p] == '\'') {
			v, next, ok := readQuoted(q, p)
			if !ok {
				return nil, "", queryError("Query is not valid: unterminated string at position %d of %q.", p, q)
			}
			c.value, p = v, next
		} else {
			start := p
			for p < len(q) && q[p] != ' ' {
				p++
			}
			c.value, c.bare = q[start:p], true
			if c.value == "" {
				return nil, "", queryError("Query is not valid: expected a value after `%s%s` at position %d of %q.", c.field, c.op, p, q)
			}
		}
		switch c.op {
		case ">", "<", ">=", "<=":
			if _, err := strconv.ParseInt(c.value, 10, 64); err != nil || !c.bare {
				return nil, "", queryError("Query is not valid: `%s%s` needs a number, got %q.", c.field, c.op, c.value)
			}
		case "~":
			if len(c.value) < 3 {
				return nil, "", queryError("Query is not valid: a substring search (~) needs at least 3 characters, got %q.", c.value)
			}
		}
		out = append(out, c)
		if p < len(q) && q[p] != ' ' {
			return nil, "", queryError("Query is not valid: unexpected %q at position %d of %q.", q[p], p, q)
		}
		skip()
		if p >= len(q) {
			break
		}
		word := q[p:]
		if i := strings.IndexByte(word, ' '); i >= 0 {
			word = word[:i]
		}
		if word != "AND" && word != "OR" {
			return nil, "", queryError("Query is not valid: expected AND or OR at position %d of %q, got %q.", p, q, word)
		}
		if join != "" && join != word {
			return nil, "", queryError("Query is not valid: a query cannot mix AND and OR (%q).", q)
		}
		join = word
		p += len(word)
		if p >= len(q) {
			return nil, "", queryError("Query is not valid: expected a clause after %s in %q.", word, q)
		}
	}
	if len(out) == 0 {
		return nil, "", queryError("Query is not valid: the query is empty.")
	}
	if len(out) > 10 {
		return nil, "", queryError("Query is not valid: at most 10 clauses are allowed, got %d.", len(out))
	}
	return out, join, nil
}

// readQuoted reads the "..." or '...' string at q[p] (with a backslash
// escaping the next character) and returns it and the position after the
// closing quote.
func readQuoted(q string, p int) (string, int, bool) {
	var b strings.Builder
	for i := p + 1; i < len(q); i++ {
		switch q[i] {
		case '\\':
			if i+1 >= len(q) {
				return "", 0, false
			}
			i++
			b.WriteByte(q[i])
		case q[p]:
			return b.String(), i + 1, true
		default:
			b.WriteByte(q[i])
		}
	}
	return "", 0, false
}

// fieldValue reads a dotted field (card.last4) or a metadata key of o.
func fieldValue(o obj, c searchClause) any {
	if c.field == "metadata" {
		v, ok := objAt(o, "metadata")[c.key]
		if !ok {
			return nil
		}
		return v
	}
	var cur any = o
	for _, part := range strings.Split(c.field, ".") {
		m, ok := cur.(obj)
		if !ok {
			return nil
		}
		cur = m[part]
	}
	if id := idOf(cur); id != "" {
		return id // an expandable field matches by ID
	}
	return cur
}

func (c searchClause) matches(o obj) bool {
	return c.test(fieldValue(o, c)) != c.neg
}

func (c searchClause) test(v any) bool {
	if c.op == ":" && c.bare && c.value == "null" {
		return v == nil || v == ""
	}
	if v == nil {
		return false
	}
	var text string
	switch x := v.(type) {
	case string:
		text = x
	case int64:
		text = strconv.FormatInt(x, 10)
	case bool:
		text = strconv.FormatBool(x)
	default:
		return false
	}
	switch c.op {
	case ":":
		return strings.EqualFold(text, c.value)
	case "~":
		return strings.Contains(strings.ToLower(text), strings.ToLower(c.value))
	}
	n, ok := v.(int64)
	if !ok {
		return false
	}
	want, _ := strconv.ParseInt(c.value, 10, 64)
	switch c.op {
	case ">":
		return n > want
	case "<":
		return n < want
	case ">=":
		return n >= want
	default:
		return n <= want
	}
}

func (s *Server) search(r *request, kind, url string, fields []string) (any, error) {
	f := r.form
	q, _ := f.str("query")
	limit := int64(10)
	if n, ok := f.int("limit"); ok {
		if n < 1 || n > 100 {
			return nil, invalid("limit", "", "Invalid integer: %d. This value must be between 1 and 100.", n)
		}
		limit = n
	}
	page, _ := f.str("page")
	if err := f.failed(); err != nil {
		return nil, err
	}
	if strings.TrimSpace(q) == "" {
		return nil, missingParam("query")
	}
	clauses, join, err := parseSearch(q, fields, strings.TrimSuffix(strings.TrimPrefix(url, "/v1/"), "/search"))
	if err != nil {
		return nil, err
	}
	offset := 0
	if page != "" {
		raw, derr := base64.RawURLEncoding.DecodeString(page)
		n, perr := strconv.Atoi(strings.TrimPrefix(string(raw), "offset:"))
		if derr != nil || perr != nil || !strings.HasPrefix(string(raw), "offset:") || n < 0 {
			return nil, invalid("page", "", "Invalid page: %s", page)
		}
		offset = n
	}
	var hits []record
	for _, rec := range s.st.kinds[kind] {
		if rec.base().Deleted {
			continue
		}
		o := s.tree(rec)
		ok := join != "OR"
		for _, c := range clauses {
			m := c.matches(o)
			if join == "OR" && m {
				ok = true
				break
			}
			if join != "OR" && !m {
				ok = false
				break
			}
		}
		if ok {
			hits = append(hits, rec)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return newer(hits[i], hits[j]) })
	start := min(offset, len(hits))
	end := min(start+int(limit), len(hits))
	var exp []string
	for _, e := range r.expand {
		if rest, ok := strings.CutPrefix(e, "data."); ok {
			exp = append(exp, rest)
		}
	}
	data := make([]any, 0, end-start)
	for _, rec := range hits[start:end] {
		data = append(data, s.render(rec, exp))
	}
	out := obj{"object": "search_result", "data": data, "has_more": end < len(hits), "next_page": nil, "url": url}
	if end < len(hits) {
		out["next_page"] = base64.RawURLEncoding.EncodeToString([]byte("offset:" + strconv.Itoa(end)))
	}
	if contains(r.expand, "total_count") {
		out["total_count"] = int64(len(hits))
	}
	return out, nil
}
