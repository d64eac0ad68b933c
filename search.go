package stripe

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Stripe's search query language (https://docs.stripe.com/search) puts
// values in double quotes: email:"jenny@example.com". A value that comes
// from a user must be escaped, or a quote in it ends the value early and
// the rest is read as more query, changing what is searched for:
//
//	email:"x" OR email:"victim@example.com"
//
// The clause builders here quote and escape every value (a backslash
// before each '"' and '\'), check field names, and join clauses with AND or
// OR (Stripe allows one of them per query, and no parentheses):
//
//	q, err := stripe.And(
//		stripe.Eq("email", email),
//		stripe.MetadataEq("order_id", orderID),
//		stripe.Gt("created", since.Unix()),
//	).Build()
//	res, err := c.Customers.Search(ctx, &stripe.CustomerSearchParams{
//		SearchParams: stripe.SearchParams{Query: q},
//	})

// errEmptyQuery is returned by Search when params has no Query.
var errEmptyQuery = errors.New("stripe: search needs params with a non-empty Query")

// checkSearch rejects a search without a query before any request.
func checkSearch[P any, PP interface {
	*P
	searchParams() *SearchParams
}](params PP) error {
	if params == nil || strings.TrimSpace(params.searchParams().Query) == "" {
		return errEmptyQuery
	}
	return nil
}

// SearchClause is one clause of a search query, built by Eq, Like,
// MetadataEq, MetadataLike, Gt, Gte, Lt, Lte, EqNumber or Not.
type SearchClause struct {
	text string
	err  error
}

// SearchQuery is clauses joined with AND or OR; Build returns its text.
type SearchQuery struct {
	clauses []SearchClause
	op      string
}

// Eq matches objects whose field equals value exactly: field:"value".
func Eq(field, value string) SearchClause { return clause(field, ":", quoteSearch(value)) }

// Like matches objects whose field contains value (at least 3 characters,
// Stripe's rule): field~"value".
func Like(field, value string) SearchClause { return clause(field, "~", quoteSearch(value)) }

// EqNumber matches a numeric field equal to n: field:n.
func EqNumber(field string, n int64) SearchClause {
	return clause(field, ":", strconv.FormatInt(n, 10))
}

// Gt matches a numeric field (amount, created, ...) greater than n: field>n.
func Gt(field string, n int64) SearchClause { return clause(field, ">", strconv.FormatInt(n, 10)) }

// Gte matches a numeric field greater than or equal to n: field>=n.
func Gte(field string, n int64) SearchClause { return clause(field, ">=", strconv.FormatInt(n, 10)) }

// Lt matches a numeric field less than n: field<n.
func Lt(field string, n int64) SearchClause { return clause(field, "<", strconv.FormatInt(n, 10)) }

// Lte matches a numeric field less than or equal to n: field<=n.
func Lte(field string, n int64) SearchClause { return clause(field, "<=", strconv.FormatInt(n, 10)) }

// MetadataEq matches objects whose metadata key equals value:
// metadata["key"]:"value". Both key and value are quoted and escaped.
func MetadataEq(key, value string) SearchClause { return metadataClause(key, ":", value) }

// MetadataLike matches objects whose metadata key contains value:
// metadata["key"]~"value".
func MetadataLike(key, value string) SearchClause { return metadataClause(key, "~", value) }

// Not negates a clause: -field:"value".
func Not(c SearchClause) SearchClause {
	if c.err != nil {
		return c
	}
	if strings.HasPrefix(c.text, "-") {
		return SearchClause{err: errors.New("stripe: search clause is already negated")}
	}
	return SearchClause{text: "-" + c.text}
}

// And joins clauses so that all must match.
func And(clauses ...SearchClause) SearchQuery { return SearchQuery{clauses: clauses, op: " AND "} }

// Or joins clauses so that any may match.
func Or(clauses ...SearchClause) SearchQuery { return SearchQuery{clauses: clauses, op: " OR "} }

// Build returns the query text, or the first error of its clauses (an
// invalid field name, an empty metadata key, no clauses at all).
func (q SearchQuery) Build() (string, error) {
	if len(q.clauses) == 0 {
		return "", errors.New("stripe: search query has no clauses")
	}
	parts := make([]string, len(q.clauses))
	for i, c := range q.clauses {
		if c.err != nil {
			return "", c.err
		}
		if c.text == "" {
			return "", errors.New("stripe: search clause is empty (use Eq, Like, ... to build one)")
		}
		parts[i] = c.text
	}
	return strings.Join(parts, q.op), nil
}

// Build returns the text of a query made of this one clause.
func (c SearchClause) Build() (string, error) { return And(c).Build() }

func clause(field, op, value string) SearchClause {
	if err := checkSearchField(field); err != nil {
		return SearchClause{err: err}
	}
	return SearchClause{text: field + op + value}
}

func metadataClause(key, op, value string) SearchClause {
	if key == "" {
		return SearchClause{err: errors.New("stripe: search metadata key is empty")}
	}
	return SearchClause{text: "metadata[" + quoteSearch(key) + "]" + op + quoteSearch(value)}
}

// checkSearchField accepts Stripe's field names: lower-case letters,
// digits, '_' and '.' (for nested fields such as "card.last4"), starting
// with a letter. Anything else could smuggle query syntax in.
func checkSearchField(field string) error {
	ok := field != "" && field[0] >= 'a' && field[0] <= 'z'
	for i := 0; ok && i < len(field); i++ {
		c := field[i]
		ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
	}
	if !ok {
		return fmt.Errorf("stripe: invalid search field %q: use lower-case letters, digits, '_' and '.'", redact(oneLine(field)))
	}
	return nil
}

// quoteSearch puts s in double quotes, with a backslash before each '"' and
// '\', so the value cannot end early.
func quoteSearch(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}
