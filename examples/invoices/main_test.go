package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe/stripetest"
)

func TestRun(t *testing.T) {
	t.Parallel()
	srv := stripetest.NewServer(t)
	c, err := srv.Client()
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), c, &out))
	require.Contains(t, out.String(), "created customer cus_")
	require.Contains(t, out.String(), "1 line(s), total 9900 usd")
	require.Contains(t, out.String(), "status open, amount due 9900")
	require.Contains(t, out.String(), "sent to jenny@example.com: status open")
	require.Equal(t, 1, srv.Count("invoice"))

	// A second run finds the customer instead of creating another.
	out.Reset()
	require.NoError(t, run(context.Background(), c, &out))
	require.Contains(t, out.String(), "found customer cus_")
	require.Equal(t, 1, srv.Count("customer"))
}
