package stripe

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"
)

// fakeObject is one object held by fakeList.
type fakeObject struct {
	ID      string
	Created int64
}

// fakeList is an in-memory Stripe list endpoint (GET /v1/customers) that
// pages like Stripe: newest first (by created, then by ID within a second),
// limit (default 10, 1 to 100), starting_after (older than the cursor),
// ending_before (the limit objects immediately newer than the cursor, newest
// first), created[gte|gt|lte|lt] and has_more. An unknown cursor ID gets
// Stripe's resource_missing error.
type fakeList struct {
	mu      sync.Mutex
	objs    []fakeObject // oldest first
	queries []url.Values
	// missingStatus is the HTTP status of resource_missing (400 or 404).
	missingStatus int
	// fail, when set, may answer the nth request (from 1) instead.
	fail func(n int, q url.Values) *reply
}

func newFakeList(mt *httpmock.MockTransport) *fakeList {
	f := &fakeList{missingStatus: http.StatusBadRequest}
	mt.RegisterResponder(http.MethodGet, "https://api.stripe.com/v1/customers", f.respond)
	return f
}

// add appends objects created at created, in the order given.
func (f *fakeList) add(created int64, ids ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, id := range ids {
		f.objs = append(f.objs, fakeObject{ID: id, Created: created})
	}
	slices.SortStableFunc(f.objs, func(a, b fakeObject) int {
		if a.Created != b.Created {
			return int(a.Created - b.Created)
		}
		if a.ID < b.ID {
			return -1
		}
		if a.ID > b.ID {
			return 1
		}
		return 0
	})
}

func (f *fakeList) remove(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.objs = slices.DeleteFunc(f.objs, func(o fakeObject) bool { return o.ID == id })
}

func (f *fakeList) requests() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.queries)
}

func (f *fakeList) respond(req *http.Request) (*http.Response, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	q := req.URL.Query()
	f.queries = append(f.queries, q)
	if f.fail != nil {
		if r := f.fail(len(f.queries), q); r != nil {
			return httpmock.NewStringResponse(r.status, r.body), nil
		}
	}
	bad := func(status int, code, param, msg string) (*http.Response, error) {
		body, _ := json.Marshal(map[string]any{"error": map[string]string{
			"type": "invalid_request_error", "code": code, "param": param, "message": msg,
		}})
		return httpmock.NewBytesResponse(status, body), nil
	}
	limit := 10
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 100 {
			return bad(http.StatusBadRequest, "parameter_invalid_integer", "limit", "bad limit")
		}
		limit = n
	}
	after, before := q.Get("starting_after"), q.Get("ending_before")
	if after != "" && before != "" {
		return bad(http.StatusBadRequest, "", "ending_before", "starting_after and ending_before are mutually exclusive")
	}
	var bounds [4]*int64 // gte, gt, lte, lt
	for i, op := range []string{"gte", "gt", "lte", "lt"} {
		if s := q.Get("created[" + op + "]"); s != "" {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return bad(http.StatusBadRequest, "parameter_invalid_integer", "created", "bad created")
			}
			bounds[i] = &n
		}
	}
	keep := func(o fakeObject) bool {
		return (bounds[0] == nil || o.Created >= *bounds[0]) && (bounds[1] == nil || o.Created > *bounds[1]) &&
			(bounds[2] == nil || o.Created <= *bounds[2]) && (bounds[3] == nil || o.Created < *bounds[3])
	}
	order := slices.Clone(f.objs)
	slices.Reverse(order) // newest first
	at := func(id string) int {
		return slices.IndexFunc(order, func(o fakeObject) bool { return o.ID == id })
	}
	var cand []fakeObject
	switch {
	case after != "":
		i := at(after)
		if i < 0 {
			return bad(f.missingStatus, "resource_missing", "starting_after", "No such customer: '"+after+"'")
		}
		cand = order[i+1:]
	case before != "":
		i := at(before)
		if i < 0 {
			return bad(f.missingStatus, "resource_missing", "ending_before", "No such customer: '"+before+"'")
		}
		cand = order[:i]
	default:
		cand = order
	}
	cand = slices.DeleteFunc(slices.Clone(cand), func(o fakeObject) bool { return !keep(o) })
	var page []fakeObject
	if before != "" {
		page = cand[max(0, len(cand)-limit):] // the objects closest to the cursor
	} else {
		page = cand[:min(limit, len(cand))]
	}
	data := make([]map[string]any, len(page))
	for i, o := range page {
		data[i] = map[string]any{"id": o.ID, "object": "customer", "created": o.Created, "email": o.ID + "@example.com"}
	}
	body, err := json.Marshal(map[string]any{
		"object": "list", "url": "/v1/customers", "has_more": len(cand) > limit, "data": data,
	})
	if err != nil {
		return nil, err
	}
	return httpmock.NewBytesResponse(http.StatusOK, body), nil
}

// seq returns IDs prefix0001 to prefix<n>, zero-padded so they sort.
func seq(prefix string, from, to int) []string {
	var ids []string
	for i := from; i <= to; i++ {
		ids = append(ids, fmt.Sprintf("%s%04d", prefix, i))
	}
	return ids
}

func customerIDs(objs []*Customer) []string {
	ids := make([]string, len(objs))
	for i, o := range objs {
		ids[i] = o.ID
	}
	return ids
}

// q builds the expected query of a list request.
func q(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

func TestPollerFromNowDeliversObjectsCreatedLater(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	f := newFakeList(mt)
	f.add(100, "cus_a")
	f.add(200, "cus_b", "cus_c")
	p := c.Customers.Poller(PollFromNow(), nil)
	ctx := context.Background()

	got, err := p.Poll(ctx)
	require.NoError(t, err)
	require.Empty(t, got, "the first poll from now delivers nothing")
	require.Equal(t, PollCursor{LastID: "cus_c", Created: 200, SeenIDs: []string{"cus_b", "cus_c"}}, p.Cursor())

	f.add(300, "cus_d")
	f.add(301, "cus_e")
	got, err = p.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_d", "cus_e"}, customerIDs(got))
	require.Equal(t, "cus_d@example.com", got[0].Email)

	got, err = p.Poll(ctx)
	require.NoError(t, err)
	require.Empty(t, got)

	f.add(301, "cus_f") // same second as the cursor
	got, err = p.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_f"}, customerIDs(got))
	require.Equal(t, PollCursor{LastID: "cus_f", Created: 301, SeenIDs: []string{"cus_e", "cus_f"}}, p.Cursor())

	require.Equal(t, []url.Values{
		q("limit", "100"),
		q("limit", "100", "ending_before", "cus_c"),
		q("limit", "100", "ending_before", "cus_e"),
		q("limit", "100", "ending_before", "cus_e"),
	}, f.requests())
}

func TestPollerFromNowOnEmptyList(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	f := newFakeList(mt)
	p := c.Customers.Poller(PollFromNow(), nil)
	ctx := context.Background()

	got, err := p.Poll(ctx)
	require.NoError(t, err)
	require.Empty(t, got)
	require.Equal(t, PollCursor{Created: 1}, p.Cursor(), "nothing existed, so everything to come is new")

	f.add(100, "cus_a", "cus_b")
	got, err = p.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_a", "cus_b"}, customerIDs(got))

	f.add(101, "cus_c")
	got, err = p.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_c"}, customerIDs(got))

	require.Equal(t, []url.Values{
		q("limit", "100"),
		q("limit", "100", "created[gte]", "1"),
		q("limit", "100", "ending_before", "cus_b"),
	}, f.requests())
}

func TestPollerSinceTimeKeepsCallerFilters(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	f := newFakeList(mt)
	f.add(199, "cus_old")
	f.add(200, "cus_b", "cus_c", "cus_d")
	f.add(300, "cus_e")
	params := &CustomerListParams{Email: Ptr("x@example.com")}
	p := c.Customers.Poller(PollSince(time.Unix(200, 999_000_000)), params)
	ctx := context.Background()

	got, err := p.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_b", "cus_c", "cus_d", "cus_e"}, customerIDs(got))

	f.add(300, "cus_f")
	got, err = p.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_f"}, customerIDs(got))

	require.Equal(t, []url.Values{
		q("limit", "100", "created[gte]", "200", "email", "x@example.com"),
		q("limit", "100", "ending_before", "cus_e", "email", "x@example.com"),
	}, f.requests())
	require.Equal(t, &CustomerListParams{Email: Ptr("x@example.com")}, params, "params not modified")
}

func TestPollerPagesThroughManyNewObjects(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	f := newFakeList(mt)
	f.add(100, "cus_0000")
	p := c.Customers.Poller(PollFromNow(), nil)
	ctx := context.Background()
	_, err := p.Poll(ctx)
	require.NoError(t, err)

	// 250 new objects, several per second.
	want := seq("cus_", 1, 250)
	for i, id := range want {
		f.add(101+int64(i/3), id)
	}
	got, err := p.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, want, customerIDs(got))

	got, err = p.Poll(ctx)
	require.NoError(t, err)
	require.Empty(t, got)

	require.Equal(t, []url.Values{
		q("limit", "100"),
		q("limit", "100", "ending_before", "cus_0000"),
		q("limit", "100", "ending_before", "cus_0100"), // the newest of the first page
		q("limit", "100", "ending_before", "cus_0200"),
		q("limit", "100", "ending_before", "cus_0250"),
	}, f.requests())
}

func TestPollerFailedPollLosesNothing(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t, WithMaxRetries(0))
	f := newFakeList(mt)
	f.add(100, "cus_0000")
	p := c.Customers.Poller(PollFromNow(), nil)
	ctx := context.Background()
	_, err := p.Poll(ctx)
	require.NoError(t, err)
	before := p.Cursor()

	for i, id := range seq("cus_", 1, 250) {
		f.add(101+int64(i), id)
	}
	f.fail = func(n int, q url.Values) *reply {
		if n == 3 { // the second page of the second poll
			return &reply{status: http.StatusInternalServerError, body: `{"error":{"type":"api_error","message":"boom"}}`}
		}
		return nil
	}
	got, err := p.Poll(ctx)
	require.ErrorIs(t, err, ErrAPI)
	require.Nil(t, got)
	require.Equal(t, before, p.Cursor(), "a failed poll leaves the cursor")

	f.add(400, "cus_0251")
	got, err = p.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, seq("cus_", 1, 251), customerIDs(got), "each object exactly once, oldest first")

	got, err = p.Poll(ctx)
	require.NoError(t, err)
	require.Empty(t, got)

	eb := func(id string) url.Values { return q("limit", "100", "ending_before", id) }
	require.Equal(t, []url.Values{
		q("limit", "100"),
		eb("cus_0000"), eb("cus_0100"), // fails
		eb("cus_0000"), eb("cus_0100"), eb("cus_0200"),
		eb("cus_0251"),
	}, f.requests())
}

func TestPollerRestartsFromPersistedCursor(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	f := newFakeList(mt)
	f.add(100, "cus_a")
	ctx := context.Background()

	first := c.Customers.Poller(PollSince(time.Unix(100, 0)), nil)
	got, err := first.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_a"}, customerIDs(got))
	f.add(100, "cus_b")
	got, err = first.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_b"}, customerIDs(got))

	saved, err := json.Marshal(first.Cursor())
	require.NoError(t, err)
	require.JSONEq(t, `{"last_id":"cus_b","created":100,"seen_ids":["cus_a","cus_b"]}`, string(saved))

	// The connector restarts; objects arrive while it is down.
	f.add(100, "cus_c")
	f.add(150, "cus_d")
	var restored PollCursor
	require.NoError(t, json.Unmarshal(saved, &restored))
	second := c.Customers.Poller(restored, nil)
	got, err = second.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_c", "cus_d"}, customerIDs(got))

	got, err = second.Poll(ctx)
	require.NoError(t, err)
	require.Empty(t, got)
	require.Equal(t, q("limit", "100", "ending_before", "cus_d"), f.requests()[len(f.requests())-1])
}

func TestPollerCursorObjectDeleted(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusBadRequest, http.StatusNotFound} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			t.Parallel()
			c, mt := newTestClient(t)
			f := newFakeList(mt)
			f.missingStatus = status
			f.add(99, "cus_old")
			f.add(100, "cus_b")
			ctx := context.Background()
			p := c.Customers.Poller(PollSince(time.Unix(100, 0)), nil)
			got, err := p.Poll(ctx)
			require.NoError(t, err)
			require.Equal(t, []string{"cus_b"}, customerIDs(got))
			f.add(100, "cus_c")
			got, err = p.Poll(ctx)
			require.NoError(t, err)
			require.Equal(t, []string{"cus_c"}, customerIDs(got))
			require.Equal(t, PollCursor{LastID: "cus_c", Created: 100, SeenIDs: []string{"cus_b", "cus_c"}}, p.Cursor())

			// The cursor object is deleted. Meanwhile objects arrive in its
			// second, one of them sorting older than it (cus_a), and 150 more.
			f.remove("cus_c")
			f.add(100, "cus_a", "cus_d")
			newer := seq("cus_n", 1, 150)
			for i, id := range newer {
				f.add(101+int64(i/2), id)
			}
			got, err = p.Poll(ctx)
			require.NoError(t, err)
			require.Equal(t, append([]string{"cus_a", "cus_d"}, newer...), customerIDs(got),
				"nothing repeated (cus_b), nothing missed (cus_a, cus_d)")

			f.add(200, "cus_z")
			got, err = p.Poll(ctx)
			require.NoError(t, err)
			require.Equal(t, []string{"cus_z"}, customerIDs(got))

			reqs := f.requests()
			require.Equal(t, []url.Values{
				q("limit", "100", "ending_before", "cus_c"), // resource_missing
				q("limit", "100", "created[gte]", "100"),
				q("limit", "100", "created[gte]", "100", "starting_after", "cus_n0051"),
				q("limit", "100", "ending_before", "cus_n0150"),
			}, reqs[2:])
		})
	}
}

// A deleted cursor object with nothing new after it must not cost a failing
// ending_before request on every later poll.
func TestPollerDeletedCursorWithNothingNew(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	f := newFakeList(mt)
	f.add(100, "cus_a")
	ctx := context.Background()
	p := c.Customers.Poller(PollSince(time.Unix(100, 0)), nil)
	got, err := p.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_a"}, customerIDs(got))

	f.remove("cus_a")
	for range 2 {
		got, err = p.Poll(ctx)
		require.NoError(t, err)
		require.Empty(t, got)
	}
	f.add(101, "cus_b")
	got, err = p.Poll(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_b"}, customerIDs(got))
	require.Equal(t, []url.Values{
		q("limit", "100", "ending_before", "cus_a"), // resource_missing
		q("limit", "100", "created[gte]", "100"),
		q("limit", "100", "created[gte]", "100"),
		q("limit", "100", "created[gte]", "100"),
	}, f.requests()[1:])
	require.Equal(t, "cus_b", p.Cursor().LastID)
}

func TestPollerRunAdvancesObjectByObject(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	f := newFakeList(mt)
	f.add(100, seq("cus_", 1, 5)...)
	p := c.Customers.Poller(PollSince(time.Unix(100, 0)), nil)

	var seen []string
	errBusy := errors.New("downstream busy")
	err := p.Run(context.Background(), time.Millisecond, func(_ context.Context, cus *Customer) error {
		seen = append(seen, cus.ID)
		if cus.ID == "cus_0003" {
			return errBusy
		}
		return nil
	})
	require.ErrorIs(t, err, errBusy)
	require.Equal(t, []string{"cus_0001", "cus_0002", "cus_0003"}, seen)
	require.Equal(t, PollCursor{LastID: "cus_0002", Created: 100, SeenIDs: []string{"cus_0001", "cus_0002"}}, p.Cursor(),
		"the cursor stops before the object fn rejected")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	seen = nil
	err = p.Run(ctx, time.Millisecond, func(_ context.Context, cus *Customer) error {
		require.NotEqual(t, cus.ID, p.Cursor().LastID, "inside fn the cursor is still before the object")
		seen = append(seen, cus.ID)
		switch cus.ID {
		case "cus_0005":
			f.add(101, "cus_0006") // delivered by a later poll
		case "cus_0006":
			cancel()
		}
		return nil
	})
	require.ErrorIs(t, err, context.Canceled)
	require.Equal(t, []string{"cus_0003", "cus_0004", "cus_0005", "cus_0006"}, seen)
	require.Equal(t, "cus_0006", p.Cursor().LastID)
}

func TestPollerRejectsOverlappingPolls(t *testing.T) {
	t.Parallel()
	entered, release := make(chan struct{}), make(chan struct{})
	p := NewPoller(PollSince(time.Unix(1, 0)), func(ctx context.Context, lp ListParams, created *RangeQuery) (*List[Customer], error) {
		close(entered)
		<-release
		return &List[Customer]{Data: []Customer{{ID: "cus_a", Created: 5}}}, nil
	})
	done := make(chan error)
	go func() {
		_, err := p.Poll(context.Background())
		done <- err
	}()
	<-entered
	_, err := p.Poll(context.Background())
	require.ErrorIs(t, err, errPollerBusy)
	require.ErrorIs(t, p.Run(context.Background(), time.Second, func(context.Context, *Customer) error { return nil }), errPollerBusy)
	require.Equal(t, PollCursor{Created: 1}, p.Cursor(), "Cursor works during a poll")
	close(release)
	require.NoError(t, <-done)
	require.Equal(t, "cus_a", p.Cursor().LastID)
}

// noCreatedListParams is a list params type without a created filter.
type noCreatedListParams struct {
	Params
	ListParams
}

func TestPollerInvalidSetup(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(`{"object":"list","data":[],"has_more":false}`))
	ctx := context.Background()
	noop := func(context.Context, *Customer) error { return nil }

	for name, p := range map[string]*Poller[Customer]{
		"nil list":        NewPoller[Customer](PollFromNow(), nil),
		"created set":     c.Customers.Poller(PollFromNow(), &CustomerListParams{Created: &RangeQuery{GT: Ptr[int64](5)}}),
		"limit set":       c.Customers.Poller(PollFromNow(), &CustomerListParams{ListParams: ListParams{Limit: Ptr[int64](10)}}),
		"ending_before":   c.Customers.Poller(PollFromNow(), &CustomerListParams{ListParams: ListParams{EndingBefore: Ptr("cus_x")}}),
		"no created func": newListPoller(PollFromNow(), &noCreatedListParams{}, func(context.Context, *noCreatedListParams) (*List[Customer], error) { return nil, nil }),
	} {
		_, err := p.Poll(ctx)
		require.Error(t, err, name)
		require.Error(t, p.Run(ctx, time.Second, noop), name)
	}
	type noID struct{ Created int64 }
	_, err := NewPoller(PollFromNow(), func(context.Context, ListParams, *RangeQuery) (*List[noID], error) {
		return &List[noID]{}, nil
	}).Poll(ctx)
	require.ErrorContains(t, err, "needs an ID string and a Created int64 field")

	p := c.Customers.Poller(PollFromNow(), nil)
	require.Error(t, p.Run(ctx, 0, noop))
	require.Error(t, p.Run(ctx, time.Second, nil))
	require.Empty(t, rec.requests(), "no request for a poller that cannot work")
}

func TestPollerStopsOnServerThatDoesNotAdvance(t *testing.T) {
	t.Parallel()
	page := &List[Customer]{Data: []Customer{{ID: "cus_b", Created: 2}}, HasMore: true}
	p := NewPoller(PollCursor{LastID: "cus_b", Created: 2}, func(context.Context, ListParams, *RangeQuery) (*List[Customer], error) {
		return page, nil
	})
	_, err := p.Poll(context.Background())
	require.ErrorContains(t, err, "did not advance")

	empty := NewPoller(PollCursor{LastID: "cus_b", Created: 2}, func(context.Context, ListParams, *RangeQuery) (*List[Customer], error) {
		return &List[Customer]{HasMore: true}, nil
	})
	_, err = empty.Poll(context.Background())
	require.ErrorIs(t, err, errEmptyPage)
	require.Equal(t, PollCursor{LastID: "cus_b", Created: 2}, empty.Cursor())
}

func TestPollerRawFixtures(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt,
		ok(fixture(t, "poll_customers_newer_page1.json")),
		ok(fixture(t, "poll_customers_newer_page2.json")),
	)
	p := c.Customers.Poller(PollCursor{LastID: "cus_R0poll0001", Created: 1767225601}, nil)
	got, err := p.Poll(context.Background())
	require.NoError(t, err)
	require.Equal(t, []string{"cus_R0poll0002", "cus_R0poll0003", "cus_R0poll0004", "cus_R0poll0005"}, customerIDs(got))
	bob := got[0]
	require.Equal(t, "Bob Brown", bob.Name)
	require.Equal(t, "bob@example.com", bob.Email)
	require.Equal(t, int64(1767225602), bob.Created)
	require.Equal(t, map[string]string{"source": "signup"}, bob.Metadata)
	require.Equal(t, CustomerTaxExemptNone, bob.TaxExempt)
	require.Equal(t, PollCursor{LastID: "cus_R0poll0005", Created: 1767225605, SeenIDs: []string{"cus_R0poll0005"}}, p.Cursor())

	reqs := rec.requests()
	require.Len(t, reqs, 2)
	for i, before := range []string{"cus_R0poll0001", "cus_R0poll0003"} {
		require.Equal(t, http.MethodGet, reqs[i].Method)
		require.Equal(t, "/v1/customers", reqs[i].Path)
		require.Equal(t, q("limit", "100", "ending_before", before), reqs[i].Query)
		require.Equal(t, "Basic c2tfdGVzdF8xMjM6", reqs[i].Header.Get("Authorization")) // sk_test_123:
	}
}

func TestPollerRawFixturesDeletedCursor(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt,
		reply{status: http.StatusBadRequest, body: fixture(t, "poll_error_resource_missing.json")},
		ok(fixture(t, "poll_customers_since.json")),
	)
	cursor := PollCursor{LastID: "cus_R0poll0001", Created: 1767225601, SeenIDs: []string{"cus_R0poll0000", "cus_R0poll0001"}}
	p := c.Customers.Poller(cursor, nil)
	got, err := p.Poll(context.Background())
	require.NoError(t, err)
	require.Equal(t, []string{"cus_R0poll0002", "cus_R0poll0003"}, customerIDs(got))
	require.Equal(t, "Carol Chen", got[1].Name)
	require.Equal(t, PollCursor{LastID: "cus_R0poll0003", Created: 1767225603, SeenIDs: []string{"cus_R0poll0003"}}, p.Cursor())

	reqs := rec.requests()
	require.Len(t, reqs, 2)
	require.Equal(t, q("limit", "100", "ending_before", "cus_R0poll0001"), reqs[0].Query)
	require.Equal(t, q("limit", "100", "created[gte]", "1767225601"), reqs[1].Query)
}

func TestPollCursorSeenIDsAreBounded(t *testing.T) {
	t.Parallel()
	var c PollCursor
	ids := seq("cus_", 1, 150)
	for _, id := range ids {
		c = c.advance(id, 100)
	}
	require.Equal(t, ids[50:], c.SeenIDs)
	require.Equal(t, "cus_0150", c.LastID)
	before := c.clone()
	next := c.advance("cus_x", 101)
	require.Equal(t, PollCursor{LastID: "cus_x", Created: 101, SeenIDs: []string{"cus_x"}}, next)
	require.Equal(t, before, c, "advance does not change its receiver")
	require.Equal(t, PollCursor{Created: 1}, PollSince(time.Unix(-5, 0)))
	require.Equal(t, PollCursor{}, PollFromNow())
}

// TestContractPoller proves against stripe-mock that the list requests a
// Poller sends (limit, ending_before, created[gte], caller filters) are valid.
func TestContractPoller(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()
	p := c.Customers.Poller(PollSince(time.Unix(1, 0)), &CustomerListParams{
		Params: Params{Expand: []string{"data.default_source"}},
		Email:  Ptr("jenny@example.com"),
	})
	_, err := p.Poll(ctx) // created[gte]
	require.NoError(t, err)
	require.NotEmpty(t, p.Cursor().LastID)
	_, err = p.Poll(ctx) // ending_before
	require.NoError(t, err)

	now := c.Customers.Poller(PollFromNow(), nil)
	got, err := now.Poll(ctx)
	require.NoError(t, err)
	require.Empty(t, got)
	require.NotEmpty(t, now.Cursor().LastID)

	// Each service's Poller sends params stripe-mock accepts, by created
	// time and then after the cursor.
	pollTwice := func(name string, poll func(context.Context) error, cursor func() PollCursor) {
		require.NoError(t, poll(ctx), name)
		require.NotEmpty(t, cursor().LastID, name)
		require.NoError(t, poll(ctx), name)
	}
	since := PollSince(time.Unix(1, 0))
	ch := c.Charges.Poller(since, &ChargeListParams{Customer: Ptr("cus_123")})
	pollTwice("charges", func(ctx context.Context) error { _, err := ch.Poll(ctx); return err }, ch.Cursor)
	re := c.Refunds.Poller(since, &RefundListParams{Charge: Ptr("ch_123")})
	pollTwice("refunds", func(ctx context.Context) error { _, err := re.Poll(ctx); return err }, re.Cursor)
	in := c.Invoices.Poller(since, &InvoiceListParams{Status: Ptr(InvoiceStatusPaid)})
	pollTwice("invoices", func(ctx context.Context) error { _, err := in.Poll(ctx); return err }, in.Cursor)
}

// servicePollerCase is one service's Poller method, checked by
// testServicePoller.
type servicePollerCase[T any] struct {
	path     string                                     // the list path
	poller   func(c *Client, cur PollCursor) *Poller[T] // the Poller under test, with one filter set
	filter   url.Values                                 // the filter it sends
	page     string                                     // a page of two objects newer than "old_1", newest first
	wantIDs  []string                                   // the page's IDs, oldest first
	wantLast int64                                      // the newest object's created time
}

// testServicePoller checks that a poll after a cursor lists the objects
// ending before the cursor on the service's path, with the filter, and
// delivers them oldest first.
func testServicePoller[T any](t *testing.T, tc servicePollerCase[T]) []*T {
	t.Helper()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(tc.page))
	p := tc.poller(c, PollCursor{LastID: "old_1", Created: 100})

	got, err := p.Poll(context.Background())
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodGet, sent[0].Method)
	require.Equal(t, tc.path, sent[0].Path)
	want := q("limit", "100", "ending_before", "old_1")
	for k, v := range tc.filter {
		want[k] = v
	}
	require.Equal(t, want, sent[0].Query)

	ids := make([]string, len(got))
	for i, obj := range got {
		ids[i] = reflect.ValueOf(obj).Elem().FieldByName("ID").String()
	}
	require.Equal(t, tc.wantIDs, ids)
	newest := tc.wantIDs[len(tc.wantIDs)-1]
	require.Equal(t, PollCursor{LastID: newest, Created: tc.wantLast, SeenIDs: []string{newest}}, p.Cursor())
	return got
}

func TestChargesPoller(t *testing.T) {
	t.Parallel()
	got := testServicePoller(t, servicePollerCase[Charge]{
		path: "/v1/charges",
		poller: func(c *Client, cur PollCursor) *Poller[Charge] {
			return c.Charges.Poller(cur, &ChargeListParams{Customer: Ptr(testCustomerID)})
		},
		filter: q("customer", testCustomerID),
		page: `{"object":"list","url":"/v1/charges","has_more":false,"data":[
			{"id":"ch_3","object":"charge","amount":3000,"created":300,"customer":"cus_NffrFeUfNV2Hib","status":"succeeded"},
			{"id":"ch_2","object":"charge","amount":2000,"created":200,"customer":"cus_NffrFeUfNV2Hib","status":"failed"}]}`,
		wantIDs:  []string{"ch_2", "ch_3"},
		wantLast: 300,
	})
	require.Equal(t, int64(2000), got[0].Amount)
	require.Equal(t, ChargeStatusFailed, got[0].Status)
	require.Equal(t, testCustomerID, got[1].Customer.ID)
}

func TestRefundsPoller(t *testing.T) {
	t.Parallel()
	got := testServicePoller(t, servicePollerCase[Refund]{
		path: "/v1/refunds",
		poller: func(c *Client, cur PollCursor) *Poller[Refund] {
			return c.Refunds.Poller(cur, &RefundListParams{Charge: Ptr("ch_1")})
		},
		filter: q("charge", "ch_1"),
		page: `{"object":"list","url":"/v1/refunds","has_more":false,"data":[
			{"id":"re_3","object":"refund","amount":300,"charge":"ch_1","created":250,"status":"pending"},
			{"id":"re_2","object":"refund","amount":200,"charge":"ch_1","created":240,"status":"succeeded"}]}`,
		wantIDs:  []string{"re_2", "re_3"},
		wantLast: 250,
	})
	require.Equal(t, int64(200), got[0].Amount)
	require.Equal(t, RefundStatusPending, got[1].Status)
	require.Equal(t, "ch_1", got[1].Charge.ID)
}

func TestCustomersPoller(t *testing.T) {
	t.Parallel()
	got := testServicePoller(t, servicePollerCase[Customer]{
		path: "/v1/customers",
		poller: func(c *Client, cur PollCursor) *Poller[Customer] {
			return c.Customers.Poller(cur, &CustomerListParams{Email: Ptr("jenny@example.com")})
		},
		filter: q("email", "jenny@example.com"),
		page: `{"object":"list","url":"/v1/customers","has_more":false,"data":[
			{"id":"cus_3","object":"customer","created":301,"email":"jenny@example.com","name":"Jenny Rosen"},
			{"id":"cus_2","object":"customer","created":150,"email":"jenny@example.com","name":"Jenny R."}]}`,
		wantIDs:  []string{"cus_2", "cus_3"},
		wantLast: 301,
	})
	require.Equal(t, "Jenny R.", got[0].Name)
	require.Equal(t, "Jenny Rosen", got[1].Name)
}

func TestInvoicesPoller(t *testing.T) {
	t.Parallel()
	got := testServicePoller(t, servicePollerCase[Invoice]{
		path: "/v1/invoices",
		poller: func(c *Client, cur PollCursor) *Poller[Invoice] {
			return c.Invoices.Poller(cur, &InvoiceListParams{Status: Ptr(InvoiceStatusPaid)})
		},
		filter: q("status", "paid"),
		page: `{"object":"list","url":"/v1/invoices","has_more":false,"data":[
			{"id":"in_3","object":"invoice","amount_paid":4900,"created":400,"status":"paid"},
			{"id":"in_2","object":"invoice","amount_paid":1500,"created":399,"status":"paid"}]}`,
		wantIDs:  []string{"in_2", "in_3"},
		wantLast: 400,
	})
	require.Equal(t, int64(1500), got[0].AmountPaid)
	require.Equal(t, InvoiceStatusPaid, got[1].Status)
}

func TestServicePollersRejectListFields(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(`{"object":"list","data":[],"has_more":false}`))
	ctx := context.Background()
	for name, poll := range map[string]func() error{
		"charges limit": func() error {
			_, err := c.Charges.Poller(PollFromNow(), &ChargeListParams{ListParams: ListParams{Limit: Ptr[int64](3)}}).Poll(ctx)
			return err
		},
		"refunds created": func() error {
			_, err := c.Refunds.Poller(PollFromNow(), &RefundListParams{Created: &RangeQuery{GT: Ptr[int64](1)}}).Poll(ctx)
			return err
		},
		"invoices ending_before": func() error {
			_, err := c.Invoices.Poller(PollFromNow(), &InvoiceListParams{ListParams: ListParams{EndingBefore: Ptr("in_1")}}).Poll(ctx)
			return err
		},
	} {
		require.ErrorContains(t, poll(), "leave them unset", name)
	}
	require.Empty(t, rec.requests())
}

func TestEventsPoller(t *testing.T) {
	t.Parallel()
	got := testServicePoller(t, servicePollerCase[Event]{
		path: "/v1/events",
		poller: func(c *Client, cur PollCursor) *Poller[Event] {
			return c.Events.Poller(cur, &EventListParams{Types: []EventType{EventInvoicePaid, EventChargeRefunded}})
		},
		filter: url.Values{"types[0]": {"invoice.paid"}, "types[1]": {"charge.refunded"}},
		page: `{"object":"list","url":"/v1/events","has_more":false,"data":[
			{"id":"evt_3","object":"event","type":"charge.refunded","created":320,"data":{"object":{"id":"ch_1","object":"charge"}}},
			{"id":"evt_2","object":"event","type":"invoice.paid","created":310,"data":{"object":{"id":"in_1","object":"invoice"}}}]}`,
		wantIDs:  []string{"evt_2", "evt_3"},
		wantLast: 320,
	})
	require.Equal(t, EventInvoicePaid, got[0].Type)
	require.Equal(t, "charge", got[1].Data.ObjectType())
}
