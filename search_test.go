package stripe

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSearchMethods(t *testing.T) {
	t.Parallel()
	sp := SearchParams{Query: `email:"jenny@example.com"`, Limit: Ptr(int64(20)), Page: Ptr("WzE2ODAwMDAwMDBd")}
	ex := Params{Expand: []string{"data.customer"}}
	want := url.Values{"query": {`email:"jenny@example.com"`}, "limit": {"20"}, "page": {"WzE2ODAwMDAwMDBd"}, "expand[0]": {"data.customer"}}
	// checkPage checks the page fields and returns the first item's ID.
	checkPage := func(t *testing.T, object string, hasMore bool, next *string, n int) {
		t.Helper()
		require.Equal(t, "search_result", object)
		require.True(t, hasMore)
		require.Equal(t, Ptr("WzE2ODA4MDA1MDRd"), next)
		require.Equal(t, 1, n)
	}
	cases := []struct {
		resource, path, id string
		call               func(context.Context, *Client) (string, error)
	}{
		{"customer", "/v1/customers/search", "cus_NffrFeUfNV2Hib", func(ctx context.Context, c *Client) (string, error) {
			r, err := c.Customers.Search(ctx, &CustomerSearchParams{SearchParams: sp, Params: ex})
			if err != nil {
				return "", err
			}
			checkPage(t, r.Object, r.HasMore, r.NextPage, len(r.Data))
			require.Equal(t, "jennyrosen@example.com", r.Data[0].Email)
			return r.Data[0].ID, nil
		}},
		{"charge", "/v1/charges/search", "ch_3MmlLrLkdIwHu7ix0snN0B15", func(ctx context.Context, c *Client) (string, error) {
			r, err := c.Charges.Search(ctx, &ChargeSearchParams{SearchParams: sp, Params: ex})
			if err != nil {
				return "", err
			}
			checkPage(t, r.Object, r.HasMore, r.NextPage, len(r.Data))
			require.Equal(t, int64(2000), r.Data[0].Amount)
			return r.Data[0].ID, nil
		}},
		{"invoice", "/v1/invoices/search", "in_1QaBcE2eZvKYlo2CmNoPqRsT", func(ctx context.Context, c *Client) (string, error) {
			r, err := c.Invoices.Search(ctx, &InvoiceSearchParams{SearchParams: sp, Params: ex})
			if err != nil {
				return "", err
			}
			checkPage(t, r.Object, r.HasMore, r.NextPage, len(r.Data))
			require.Equal(t, "invoice", r.Data[0].Object)
			return r.Data[0].ID, nil
		}},
		{"payment_intent", "/v1/payment_intents/search", testPIID, func(ctx context.Context, c *Client) (string, error) {
			r, err := c.PaymentIntents.Search(ctx, &PaymentIntentSearchParams{SearchParams: sp, Params: ex})
			if err != nil {
				return "", err
			}
			checkPage(t, r.Object, r.HasMore, r.NextPage, len(r.Data))
			require.Equal(t, PaymentIntentStatusRequiresCapture, r.Data[0].Status)
			return r.Data[0].ID, nil
		}},
		{"subscription", "/v1/subscriptions/search", "sub_1QaBcD2eZvKYlo2C3fGhIjKl", func(ctx context.Context, c *Client) (string, error) {
			r, err := c.Subscriptions.Search(ctx, &SubscriptionSearchParams{SearchParams: sp, Params: ex})
			if err != nil {
				return "", err
			}
			checkPage(t, r.Object, r.HasMore, r.NextPage, len(r.Data))
			require.Equal(t, "subscription", r.Data[0].Object)
			return r.Data[0].ID, nil
		}},
		{"product", "/v1/products/search", "prod_NWjs8kKbJWmuuc", func(ctx context.Context, c *Client) (string, error) {
			r, err := c.Products.Search(ctx, &ProductSearchParams{SearchParams: sp, Params: ex})
			if err != nil {
				return "", err
			}
			checkPage(t, r.Object, r.HasMore, r.NextPage, len(r.Data))
			require.Equal(t, "product", r.Data[0].Object)
			return r.Data[0].ID, nil
		}},
		{"price", "/v1/prices/search", "price_1MoBy5LkdIwHu7ixZhnattbh", func(ctx context.Context, c *Client) (string, error) {
			r, err := c.Prices.Search(ctx, &PriceSearchParams{SearchParams: sp, Params: ex})
			if err != nil {
				return "", err
			}
			checkPage(t, r.Object, r.HasMore, r.NextPage, len(r.Data))
			require.Equal(t, "price", r.Data[0].Object)
			return r.Data[0].ID, nil
		}},
	}
	for _, tc := range cases {
		t.Run(tc.resource, func(t *testing.T) {
			t.Parallel()
			c, mt := newTestClient(t)
			rec := mock(mt, ok(fixture(t, tc.resource+"_search.json")))
			id, err := tc.call(context.Background(), c)
			require.NoError(t, err)
			require.Equal(t, tc.id, id)
			sent := rec.requests()
			require.Len(t, sent, 1)
			require.Equal(t, "GET", sent[0].Method)
			require.Equal(t, tc.path, sent[0].Path)
			require.Equal(t, want, sent[0].Query)
		})
	}
}

func TestSearchAllWalksPages(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt,
		ok(`{"object":"search_result","has_more":true,"next_page":"p2","data":[{"id":"cus_1"},{"id":"cus_2"}]}`),
		ok(`{"object":"search_result","has_more":false,"next_page":null,"data":[{"id":"cus_3"}]}`))
	params := &CustomerSearchParams{SearchParams: SearchParams{Query: `email:"a@example.com"`}}
	var ids []string
	for cus, err := range c.Customers.SearchAll(context.Background(), params) {
		require.NoError(t, err)
		ids = append(ids, cus.ID)
	}
	require.Equal(t, []string{"cus_1", "cus_2", "cus_3"}, ids)
	sent := rec.requests()
	require.Len(t, sent, 2)
	require.Equal(t, url.Values{"query": {`email:"a@example.com"`}}, sent[0].Query)
	require.Equal(t, url.Values{"query": {`email:"a@example.com"`}, "page": {"p2"}}, sent[1].Query)
	require.Nil(t, params.Page, "the caller's params are not modified")

	// Every service's SearchAll goes through its Search.
	rec = mock(mt, ok(`{"object":"search_result","has_more":false,"data":[{"id":"x_1"}]}`))
	ctx := context.Background()
	q := SearchParams{Query: `status:"active"`}
	walks := []func() (int, error){
		func() (int, error) { return countSeq(c.Charges.SearchAll(ctx, &ChargeSearchParams{SearchParams: q})) },
		func() (int, error) { return countSeq(c.Invoices.SearchAll(ctx, &InvoiceSearchParams{SearchParams: q})) },
		func() (int, error) {
			return countSeq(c.PaymentIntents.SearchAll(ctx, &PaymentIntentSearchParams{SearchParams: q}))
		},
		func() (int, error) {
			return countSeq(c.Subscriptions.SearchAll(ctx, &SubscriptionSearchParams{SearchParams: q}))
		},
		func() (int, error) { return countSeq(c.Products.SearchAll(ctx, &ProductSearchParams{SearchParams: q})) },
		func() (int, error) { return countSeq(c.Prices.SearchAll(ctx, &PriceSearchParams{SearchParams: q})) },
	}
	for _, walk := range walks {
		n, err := walk()
		require.NoError(t, err)
		require.Equal(t, 1, n)
	}
	var paths []string
	for _, r := range rec.requests() {
		paths = append(paths, r.Path)
	}
	require.Equal(t, []string{"/v1/charges/search", "/v1/invoices/search", "/v1/payment_intents/search",
		"/v1/subscriptions/search", "/v1/products/search", "/v1/prices/search"}, paths)
}

func countSeq[T any](seq func(func(*T, error) bool)) (int, error) {
	n := 0
	for _, err := range seq {
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

func TestSearchWithoutQueryFailsBeforeIO(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(`{}`))
	ctx := context.Background()
	_, err := c.Customers.Search(ctx, nil)
	require.ErrorIs(t, err, errEmptyQuery)
	_, err = c.Charges.Search(ctx, &ChargeSearchParams{})
	require.ErrorIs(t, err, errEmptyQuery)
	_, err = c.Prices.Search(ctx, &PriceSearchParams{SearchParams: SearchParams{Query: "  "}})
	require.ErrorIs(t, err, errEmptyQuery)
	for _, err := range c.Invoices.SearchAll(ctx, nil) {
		require.ErrorIs(t, err, errEmptyQuery)
	}
	require.Empty(t, rec.requests())
}

func TestSearchQueryBuilder(t *testing.T) {
	t.Parallel()
	cases := []struct {
		q    SearchQuery
		want string
	}{
		{And(Eq("email", "jenny@example.com")), `email:"jenny@example.com"`},
		{And(Eq("email", `a"b`), Like("name", `x\y`)), `email:"a\"b" AND name~"x\\y"`},
		{Or(Eq("status", "active"), Eq("status", "past_due")), `status:"active" OR status:"past_due"`},
		{And(MetadataEq("order_id", "42"), Gt("created", 1700000000), Lte("amount", 500)), `metadata["order_id"]:"42" AND created>1700000000 AND amount<=500`},
		{And(Gte("amount", 1), Lt("created", 2), EqNumber("amount", 3)), `amount>=1 AND created<2 AND amount:3`},
		{And(Not(Eq("currency", "usd")), MetadataLike(`k"ey`, "v")), `-currency:"usd" AND metadata["k\"ey"]~"v"`},
		{And(Eq("card.last4", "4242")), `card.last4:"4242"`},
	}
	for _, tc := range cases {
		got, err := tc.q.Build()
		require.NoError(t, err)
		require.Equal(t, tc.want, got)
	}
	one, err := Eq("email", "a@b.c").Build()
	require.NoError(t, err)
	require.Equal(t, `email:"a@b.c"`, one)

	for _, bad := range []SearchQuery{
		And(), Or(Eq("Email", "x")), And(Eq("email) OR (name", "x")), And(Eq("", "x")),
		And(MetadataEq("", "x")), And(Not(Not(Eq("a", "b")))), And(SearchClause{}), And(Gt("amount>0 OR amount", 1)),
	} {
		_, err := bad.Build()
		require.Error(t, err)
	}
}

// parseSearch is a reader of Stripe's query syntax for the tests: clauses
// joined by one of " AND " / " OR " outside quotes, each a field (or
// metadata["key"]) then an operator then a quoted (backslash-escaped) or
// bare value. It returns each clause's field, operator and unescaped value.
func parseSearch(t *testing.T, q string) (op string, clauses [][3]string) {
	t.Helper()
	i := 0
	readQuoted := func() string {
		require.Equal(t, byte('"'), q[i], "value must start with a quote at %d in %q", i, q)
		i++
		var b strings.Builder
		for {
			require.Less(t, i, len(q), "unterminated quote in %q", q)
			c := q[i]
			i++
			if c == '\\' {
				require.Less(t, i, len(q))
				b.WriteByte(q[i])
				i++
				continue
			}
			if c == '"' {
				return b.String()
			}
			b.WriteByte(c)
		}
	}
	for {
		var field string
		if strings.HasPrefix(q[i:], "-") {
			field = "-"
			i++
		}
		if strings.HasPrefix(q[i:], "metadata[") {
			i += len("metadata[")
			field += "metadata[" + readQuoted() + "]"
			require.Equal(t, byte(']'), q[i])
			i++
		} else {
			start := i
			for i < len(q) && strings.IndexByte(":~<>", q[i]) < 0 {
				i++
			}
			field += q[start:i]
		}
		start := i
		for i < len(q) && strings.IndexByte(":~<>=", q[i]) >= 0 {
			i++
		}
		operator := q[start:i]
		var value string
		if i < len(q) && q[i] == '"' {
			value = readQuoted()
		} else {
			start = i
			for i < len(q) && q[i] != ' ' {
				i++
			}
			value = q[start:i]
		}
		clauses = append(clauses, [3]string{field, operator, value})
		if i == len(q) {
			return op, clauses
		}
		var sep string
		switch {
		case strings.HasPrefix(q[i:], " AND "):
			sep = " AND "
		case strings.HasPrefix(q[i:], " OR "):
			sep = " OR "
		default:
			t.Fatalf("unexpected text at %d in %q", i, q)
		}
		require.True(t, op == "" || op == sep, "mixed AND and OR in %q", q)
		op = sep
		i += len(sep)
	}
}

var hostileSearchValues = []string{
	`x" OR email:"victim@example.com`,
	`x\" OR email:\"victim@example.com`,
	`\`, `\\`, `"`, `""`, `\"`, `a\`, `" AND -status:"paid`,
	`x"] OR metadata["k`, "line\nbreak", `metadata["a"]:"b"`, ` OR `, `'single'`, "\x00\x7f", "ünïcødé ✓",
}

func TestSearchQueryHostileValuesKeepTheirMeaning(t *testing.T) {
	t.Parallel()
	for _, v := range hostileSearchValues {
		q, err := And(Eq("email", v), MetadataEq(v, v), Like("name", v), Gt("created", 10)).Build()
		require.NoError(t, err)
		op, clauses := parseSearch(t, q)
		require.Equal(t, " AND ", op)
		require.Equal(t, [][3]string{
			{"email", ":", v}, {"metadata[" + v + "]", ":", v}, {"name", "~", v}, {"created", ">", "10"},
		}, clauses, "query %q", q)

		q, err = Or(Not(Eq("status", v)), Eq("email", v)).Build()
		require.NoError(t, err)
		op, clauses = parseSearch(t, q)
		require.Equal(t, " OR ", op)
		require.Equal(t, [][3]string{{"-status", ":", v}, {"email", ":", v}}, clauses)
	}
}

func FuzzSearchQueryValue(f *testing.F) {
	for _, v := range hostileSearchValues {
		f.Add(v, v)
	}
	f.Fuzz(func(t *testing.T, value, key string) {
		q, err := And(Eq("email", value), MetadataEq(key, value)).Build()
		if key == "" {
			if err == nil {
				t.Fatal("empty metadata key accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		op, clauses := parseSearch(t, q)
		if op != " AND " || len(clauses) != 2 || clauses[0] != [3]string{"email", ":", value} ||
			clauses[1] != [3]string{"metadata[" + key + "]", ":", value} {
			t.Fatalf("query %q parses as %v %q", q, clauses, op)
		}
	})
}

func TestSearchErrorsAreErrors(t *testing.T) {
	t.Parallel()
	_, err := And(Eq("bad field", "x")).Build()
	require.Error(t, err)
	require.False(t, errors.Is(err, errEmptyQuery))
	require.Contains(t, err.Error(), "invalid search field")
}
