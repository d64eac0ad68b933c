package stripe

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func collectIDs(t *testing.T, seq func(func(*Customer, error) bool)) ([]string, error) {
	t.Helper()
	var ids []string
	for cus, err := range seq {
		if err != nil {
			return ids, err
		}
		ids = append(ids, cus.ID)
	}
	return ids, nil
}

func TestAllForwardThreePages(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	pages := []reply{ok(fixture(t, "customers_page1.json")), ok(fixture(t, "customers_page2.json")), ok(fixture(t, "customers_page3.json"))}
	rec := mock(mt, append(pages, pages...)...)

	params := &CustomerListParams{ListParams: ListParams{Limit: Ptr(int64(3))}, Email: Ptr("x@example.com")}
	seq := c.Customers.All(context.Background(), params)
	assert.Empty(t, rec.requests(), "no request before ranging")

	ids, err := collectIDs(t, seq)
	require.NoError(t, err)
	assert.Equal(t, []string{"cus_001", "cus_002", "cus_003", "cus_004", "cus_005", "cus_006", "cus_007", "cus_008"}, ids)

	sent := rec.requests()
	require.Len(t, sent, 3)
	for i, wantCursor := range []string{"", "cus_003", "cus_006"} {
		assert.Equal(t, http.MethodGet, sent[i].Method)
		assert.Equal(t, "/v1/customers", sent[i].Path)
		assert.Equal(t, wantCursor, sent[i].Query.Get("starting_after"), "page %d", i)
		assert.Equal(t, "3", sent[i].Query.Get("limit"))
		assert.Equal(t, "x@example.com", sent[i].Query.Get("email"))
		assert.Empty(t, sent[i].Query.Get("ending_before"))
	}
	assert.Equal(t, &CustomerListParams{ListParams: ListParams{Limit: Ptr(int64(3))}, Email: Ptr("x@example.com")}, params,
		"the caller's params are unchanged")

	// The sequence can be ranged again and starts over.
	ids2, err := collectIDs(t, seq)
	require.NoError(t, err)
	assert.Equal(t, ids, ids2)
	assert.Len(t, rec.requests(), 6)
	assert.Empty(t, rec.requests()[3].Query.Get("starting_after"))
}

func TestAllBackwardWithEndingBefore(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	// Walking back from cus_009: Stripe first returns the page just newer than
	// the cursor (cus_007, cus_008 in list order is page3), then newer ones.
	rec := mock(mt, ok(fixture(t, "customers_page3.json")), ok(fixture(t, "customers_page2.json")), ok(fixture(t, "customers_page1.json")))

	params := &CustomerListParams{ListParams: ListParams{EndingBefore: Ptr("cus_009")}}
	ids, err := collectIDs(t, c.Customers.All(context.Background(), params))
	require.NoError(t, err)
	// Page 3 is the last page (has_more=false), so the walk stops after it.
	assert.Equal(t, []string{"cus_008", "cus_007"}, ids)

	c2, mt2 := newTestClient(t)
	more := `{"object":"list","has_more":true,"data":[{"id":"cus_007"},{"id":"cus_008"}]}`
	last := `{"object":"list","has_more":false,"data":[{"id":"cus_005"},{"id":"cus_006"}]}`
	rec2 := mock(mt2, ok(more), ok(last))
	ids, err = collectIDs(t, c2.Customers.All(context.Background(), params))
	require.NoError(t, err)
	assert.Equal(t, []string{"cus_008", "cus_007", "cus_006", "cus_005"}, ids, "each page reversed: moving away from the cursor")
	sent := rec2.requests()
	require.Len(t, sent, 2)
	assert.Equal(t, "cus_009", sent[0].Query.Get("ending_before"))
	assert.Equal(t, "cus_007", sent[1].Query.Get("ending_before"), "the next cursor is the first item of the page")
	assert.Empty(t, sent[1].Query.Get("starting_after"))
	assert.Equal(t, "cus_009", *params.EndingBefore, "the caller's params are unchanged")
	assert.Len(t, rec.requests(), 1)
}

func TestAllBreakStopsFetching(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customers_page1.json")), ok(fixture(t, "customers_page2.json")))
	n := 0
	for _, err := range c.Customers.All(context.Background(), nil) {
		require.NoError(t, err)
		if n++; n == 2 {
			break
		}
	}
	assert.Len(t, rec.requests(), 1)
}

func TestAllYieldsErrorOnceAndStops(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t, WithMaxRetries(0))
	rec := mock(mt, ok(fixture(t, "customers_page1.json")), reply{status: 500, body: `{"error":{"type":"api_error"}}`})
	var ids []string
	var errs []error
	for cus, err := range c.Customers.All(context.Background(), nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, cus.ID)
	}
	assert.Equal(t, []string{"cus_001", "cus_002", "cus_003"}, ids)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrAPI)
	assert.Len(t, rec.requests(), 2)
}

func TestAllEmptyPageWithHasMoreIsAnError(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(`{"object":"list","data":[],"has_more":true}`))
	_, err := collectIDs(t, c.Customers.All(context.Background(), nil))
	assert.ErrorIs(t, err, errEmptyPage)
	assert.Len(t, rec.requests(), 1)

	c2, mt2 := newTestClient(t)
	mock(mt2, ok(`{"object":"list","data":[],"has_more":false}`))
	ids, err := collectIDs(t, c2.Customers.All(context.Background(), nil))
	assert.NoError(t, err)
	assert.Empty(t, ids)
}

func TestAllStopsOnCancelledContext(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customers_page1.json")))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var err error
	n := 0
	for _, e := range c.Customers.All(ctx, nil) {
		if e != nil {
			err = e
			break
		}
		if n++; n == 3 {
			cancel()
		}
	}
	assert.ErrorIs(t, err, context.Canceled)
	assert.Len(t, rec.requests(), 1)
}

func TestListDecodesPage(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	mock(mt, ok(fixture(t, "customers_page1.json")))
	page, err := c.Customers.List(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, "list", page.Object)
	assert.Equal(t, "/v1/customers", page.URL)
	assert.True(t, page.HasMore)
	require.Len(t, page.Data, 3)
	for i, cus := range page.Data {
		assert.Equal(t, fmt.Sprintf("cus_%03d", i+1), cus.ID)
		assert.Equal(t, fmt.Sprintf("c%03d@example.com", i+1), cus.Email)
		assert.Equal(t, int64(1700000000-i-1), cus.Created)
	}
}

func TestAllStopsWhenCursorDoesNotAdvance(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customers_page1.json"))) // the same page, forever
	ids, err := collectIDs(t, c.Customers.All(context.Background(), nil))
	assert.ErrorIs(t, err, errStuckCursor)
	assert.Equal(t, []string{"cus_001", "cus_002", "cus_003", "cus_001", "cus_002", "cus_003"}, ids)
	assert.Len(t, rec.requests(), 2)
}

func TestWalkStopsOnPageWithoutCursor(t *testing.T) {
	t.Parallel()
	// A list whose last object has no ID, and a search page without
	// next_page: both claim more and give no way to ask for it.
	c, mt := newTestClient(t)
	rec := mock(mt, ok(`{"object":"list","data":[{"id":"cus_1"},{"object":"customer"}],"has_more":true}`))
	ids, err := collectIDs(t, c.Customers.All(context.Background(), nil))
	assert.ErrorIs(t, err, errNoCursor)
	assert.Equal(t, []string{"cus_1", ""}, ids)
	assert.Len(t, rec.requests(), 1)

	c2, mt2 := newTestClient(t)
	rec2 := mock(mt2, ok(`{"object":"search_result","data":[{"id":"cus_1","object":"customer"}],"has_more":true,"next_page":null}`))
	var got []string
	for cus, err := range SearchAll[Customer](context.Background(), c2, "/v1/customers/search", &SearchParams{Query: "email:'x'"}) {
		if err != nil {
			assert.ErrorIs(t, err, errNoCursor)
			break
		}
		got = append(got, cus.ID)
	}
	assert.Equal(t, []string{"cus_1"}, got)
	assert.Len(t, rec2.requests(), 1)
}

func TestListAllAnyPath(t *testing.T) {
	t.Parallel()
	type taxCode struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	c, mt := newTestClient(t)
	rec := mock(mt,
		ok(`{"object":"list","data":[{"id":"txcd_1","name":"a"},{"id":"txcd_2","name":"b"}],"has_more":true,"url":"/v1/tax_codes"}`),
		ok(`{"object":"list","data":[{"id":"txcd_3","name":"c"}],"has_more":false,"url":"/v1/tax_codes"}`),
	)
	params := url.Values{"limit": {"2"}}
	seq := ListAll[taxCode](context.Background(), c, "/v1/tax_codes", params)
	assert.Empty(t, rec.requests(), "lazy")
	var names []string
	for tc, err := range seq {
		require.NoError(t, err)
		names = append(names, tc.Name)
	}
	assert.Equal(t, []string{"a", "b", "c"}, names)
	sent := rec.requests()
	require.Len(t, sent, 2)
	assert.Equal(t, url.Values{"limit": {"2"}}, sent[0].Query)
	assert.Equal(t, url.Values{"limit": {"2"}, "starting_after": {"txcd_2"}}, sent[1].Query)
	assert.Equal(t, url.Values{"limit": {"2"}}, params, "params unchanged")

	// Struct params: backward with ending_before, Stripe-Account sent.
	c2, mt2 := newTestClient(t)
	rec2 := mock(mt2,
		ok(`{"object":"list","data":[{"id":"cus_005"},{"id":"cus_004"}],"has_more":true}`),
		ok(`{"object":"list","data":[{"id":"cus_006"}],"has_more":false}`),
	)
	cp := &CustomerListParams{Params: Params{StripeAccount: "acct_1"}, ListParams: ListParams{EndingBefore: Ptr("cus_003")}}
	ids, err := collectIDs(t, ListAll[Customer](context.Background(), c2, "/v1/customers", cp))
	require.NoError(t, err)
	assert.Equal(t, []string{"cus_004", "cus_005", "cus_006"}, ids)
	sent = rec2.requests()
	require.Len(t, sent, 2)
	assert.Equal(t, "cus_003", sent[0].Query.Get("ending_before"))
	assert.Equal(t, "cus_005", sent[1].Query.Get("ending_before"))
	assert.Equal(t, "acct_1", sent[1].Header.Get("Stripe-Account"))
	assert.Equal(t, "cus_003", *cp.EndingBefore)

	_, err = collectIDs(t, ListAll[Customer](context.Background(), nil, "/v1/customers", nil))
	assert.ErrorContains(t, err, "nil *Client")
	_, err = collectIDs(t, ListAll[Customer](context.Background(), c2, "https://evil.example/v1/customers", nil))
	assert.ErrorContains(t, err, "invalid API path")
	assert.Len(t, rec2.requests(), 2)
}

// customerSearchParams is how a resource's search params look.
type customerSearchParams struct {
	Params
	SearchParams
}

func TestSearchAllWalksNextPage(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	pages := []reply{
		ok(`{"object":"search_result","data":[{"id":"cus_1"},{"id":"cus_2"}],"has_more":true,"next_page":"pg_A","url":"/v1/customers/search"}`),
		ok(`{"object":"search_result","data":[{"id":"cus_3"}],"has_more":false,"next_page":null,"url":"/v1/customers/search"}`),
	}
	rec := mock(mt, pages...)
	fetch := func(ctx context.Context, p *customerSearchParams) (*SearchResult[Customer], error) {
		page := new(SearchResult[Customer])
		if err := c.call(ctx, http.MethodGet, "/v1/customers/search", p, page); err != nil {
			return nil, err
		}
		return page, nil
	}
	params := &customerSearchParams{SearchParams: SearchParams{Query: "metadata['k']:'v'", Limit: Ptr(int64(2))}}
	ids, err := collectIDs(t, searchAll(context.Background(), params, fetch))
	require.NoError(t, err)
	assert.Equal(t, []string{"cus_1", "cus_2", "cus_3"}, ids)
	sent := rec.requests()
	require.Len(t, sent, 2)
	assert.Equal(t, url.Values{"query": {"metadata['k']:'v'"}, "limit": {"2"}}, sent[0].Query)
	assert.Equal(t, url.Values{"query": {"metadata['k']:'v'"}, "limit": {"2"}, "page": {"pg_A"}}, sent[1].Query)
	assert.Nil(t, params.Page, "params unchanged")

	// The exported walker sends the same requests for any path.
	c2, mt2 := newTestClient(t)
	rec2 := mock(mt2, pages...)
	ids, err = collectIDs(t, SearchAll[Customer](context.Background(), c2, "/v1/customers/search", params))
	require.NoError(t, err)
	assert.Equal(t, []string{"cus_1", "cus_2", "cus_3"}, ids)
	require.Len(t, rec2.requests(), 2)
	assert.Equal(t, sent[1].Query, rec2.requests()[1].Query)
}
