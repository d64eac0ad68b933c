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
	require.Contains(t, out.String(), "subtotal 47500, total 47500, due 47500")
	require.Contains(t, out.String(), "paid: status paid, amount paid 47500, remaining 0")
	require.Equal(t, 1, srv.Count("invoice"))
}
