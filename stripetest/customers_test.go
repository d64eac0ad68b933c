package stripetest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

func newClient(t *testing.T, opts ...stripetest.Option) (*stripetest.Server, *stripe.Client) {
	t.Helper()
	srv := stripetest.NewServer(t, opts...)
	c, err := srv.Client()
	require.NoError(t, err)
	return srv, c
}

func apiErr(t *testing.T, err error) *stripe.Error {
	t.Helper()
	var se *stripe.Error
	require.ErrorAs(t, err, &se)
	return se
}

func TestCustomerCreateGetUpdateDelete(t *testing.T) {
	t.Parallel()
	now := time.Unix(1750000000, 0)
	_, c := newClient(t, stripetest.WithClock(func() time.Time { return now }))
	ctx := context.Background()

	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{
		Email:            stripe.Ptr("jenny@example.com"),
		Name:             stripe.Ptr("Jenny Rosen"),
		Metadata:         stripe.Metadata{"company_id": "42", "tier": "gold"},
		Address:          &stripe.AddressParams{City: stripe.Ptr("Berlin"), Country: stripe.Ptr("DE")},
		PreferredLocales: []string{"de", "en"},
	})
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(cus.ID, "cus_"), cus.ID)
	require.Equal(t, "customer", cus.Object)
	require.Equal(t, now.Unix(), cus.Created)
	require.Equal(t, "Berlin", cus.Address.City)
	require.Equal(t, []string{"de", "en"}, cus.PreferredLocales)

	got, err := c.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Equal(t, "jenny@example.com", got.Email)
	require.Equal(t, map[string]string{"company_id": "42", "tier": "gold"}, got.Metadata)

	upd, err := c.Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{
		Email: stripe.Ptr("new@example.com"), Metadata: stripe.Metadata{"tier": ""}, Description: stripe.Ptr("VIP"),
	})
	require.NoError(t, err)
	require.Equal(t, "new@example.com", upd.Email)
	require.Equal(t, "VIP", upd.Description)
	require.Equal(t, map[string]string{"company_id": "42"}, upd.Metadata)

	del, err := c.Customers.Delete(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
	gone, err := c.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err, "Stripe returns deleted customers as stubs")
	require.True(t, gone.Deleted)
	_, err = c.Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{Name: stripe.Ptr("x")})
	require.ErrorIs(t, err, stripe.ErrNotFound)
	require.Equal(t, stripe.ErrorCodeResourceMissing, apiErr(t, err).Code)

	_, err = c.Customers.Get(ctx, "cus_missing", nil)
	se := apiErr(t, err)
	require.Equal(t, 404, se.HTTPStatus)
	require.Equal(t, stripe.ErrorCodeResourceMissing, se.Code)
	require.Equal(t, "No such customer: 'cus_missing'", se.Message)

	evs, err := c.Events.List(ctx, &stripe.EventListParams{Type: stripe.Ptr(stripe.EventType("customer.*"))})
	require.NoError(t, err)
	var types []stripe.EventType
	for _, ev := range evs.Data {
		types = append(types, ev.Type)
	}
	require.Equal(t, []stripe.EventType{stripe.EventCustomerDeleted, stripe.EventCustomerUpdated, stripe.EventCustomerCreated}, types)
	require.JSONEq(t, `"jenny@example.com"`, string(evs.Data[1].Data.PreviousAttributes["email"]))
}

func TestCustomersPaginationAll(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	var created []string
	for i := range 250 {
		cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr(fmt.Sprintf("c%03d@example.com", i))})
		require.NoError(t, err)
		created = append(created, cus.ID)
	}
	require.Equal(t, 250, srv.Count("customer"))

	var seen []string
	for cus, err := range c.Customers.All(ctx, &stripe.CustomerListParams{ListParams: stripe.ListParams{Limit: stripe.Ptr(int64(100))}}) {
		require.NoError(t, err)
		seen = append(seen, cus.ID)
	}
	require.Len(t, seen, 250)
	for i, id := range seen { // newest first
		require.Equal(t, created[249-i], id)
	}

	page, err := c.Customers.List(ctx, &stripe.CustomerListParams{ListParams: stripe.ListParams{Limit: stripe.Ptr(int64(3)), EndingBefore: stripe.Ptr(created[10])}})
	require.NoError(t, err)
	require.True(t, page.HasMore)
	require.Equal(t, []string{created[13], created[12], created[11]}, ids(page.Data))

	byEmail, err := c.Customers.List(ctx, &stripe.CustomerListParams{Email: stripe.Ptr("c007@example.com")})
	require.NoError(t, err)
	require.Equal(t, []string{created[7]}, ids(byEmail.Data))

	_, err = c.Customers.List(ctx, &stripe.CustomerListParams{ListParams: stripe.ListParams{Limit: stripe.Ptr(int64(101))}})
	require.Equal(t, 400, apiErr(t, err).HTTPStatus)
}

func TestCustomersCreatedFilter(t *testing.T) {
	t.Parallel()
	now := time.Unix(1700000000, 0)
	clock := func() time.Time { return now }
	srv, c := newClient(t, stripetest.WithClock(func() time.Time { return clock() }))
	_ = srv
	ctx := context.Background()
	var all []string
	for i := range 5 {
		now = time.Unix(1700000000+int64(i)*100, 0)
		cus, err := c.Customers.Create(ctx, nil)
		require.NoError(t, err)
		all = append(all, cus.ID)
	}
	page, err := c.Customers.List(ctx, &stripe.CustomerListParams{Created: &stripe.RangeQuery{GTE: stripe.Ptr(int64(1700000100)), LT: stripe.Ptr(int64(1700000400))}})
	require.NoError(t, err)
	require.Equal(t, []string{all[3], all[2], all[1]}, ids(page.Data))
}

func TestAuthAndUnknownParams(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()

	for _, auth := range []string{"", "Bearer pk_test_123", "Basic " + "cGtfdGVzdF8xMjM6"} {
		req, err := http.NewRequest("GET", srv.URL+"/v1/customers", nil)
		require.NoError(t, err)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, 401, resp.StatusCode, auth)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/v1/customers", nil)
	req.Header.Set("Authorization", "Bearer sk_test_abc")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)

	_, err = c.Cards.Create(ctx, "cus_nope", &stripe.CardCreateParams{Source: "tok_visa"})
	require.ErrorIs(t, err, stripe.ErrNotFound)

	// An unknown parameter: send one through a raw request.
	req, _ = http.NewRequest("POST", srv.URL+"/v1/customers", strings.NewReader("not_a_param=1"))
	req.Header.Set("Authorization", "Bearer sk_test_abc")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	body := readAll(t, resp)
	require.Equal(t, 400, resp.StatusCode)
	require.Contains(t, body, `"code":"parameter_unknown"`)
	require.Contains(t, body, `"param":"not_a_param"`)
	require.Equal(t, 0, srv.Count("customer"))
	require.False(t, errors.Is(err, stripe.ErrNotFound))
}
