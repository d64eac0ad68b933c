package stripetest_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe/stripetest"
)

// An ID holding percent signs is decoded once, as Stripe decodes it: the
// client sends cus_%2531%2532%2533, which names cus_%31%32%33, not cus_123.
func TestPathSegmentsDecodedOnce(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t, stripetest.WithDemoData())
	ctx := context.Background()

	_, err := c.Customers.Get(ctx, "cus_123", nil)
	require.NoError(t, err, "the demo customer exists")

	_, err = c.Customers.Get(ctx, "cus_%31%32%33", nil)
	se := apiErr(t, err)
	require.Equal(t, http.StatusNotFound, se.HTTPStatus)
	require.Contains(t, se.Message, "cus_%31%32%33")

	// An escaped slash stays inside its segment instead of making a route.
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/v1/customers/cus_123%2Fsources", nil)
	require.NoError(t, err)
	req.SetBasicAuth(stripetest.TestKey, "")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	body := readAll(t, resp)
	require.Equal(t, http.StatusNotFound, resp.StatusCode, body)
	require.Contains(t, body, "No such customer: 'cus_123/sources'")
}
