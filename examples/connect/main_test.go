package main

import (
	"bytes"
	"context"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe/stripetest"
)

func TestRun(t *testing.T) {
	t.Parallel()
	srv := stripetest.NewServer(t)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), srv, &out))
	require.Regexp(t, regexp.MustCompile(`(?s)^connected (acct_\w+) \(scope read_write\)\n`+
		`checkout page https://checkout\.stripe\.com/c/pay/(cs_test_\w+)\n`+
		`checkout\.session\.completed on (acct_\w+): session (cs_test_\w+) paid, 2000 usd\n$`), out.String())
	m := regexp.MustCompile(`acct_\w+`).FindAllString(out.String(), -1)
	require.Len(t, m, 2)
	require.Equal(t, m[0], m[1], "the event comes from the connected account")
	require.Equal(t, 1, srv.CountOn(m[0], "payment_intent"))
	require.Zero(t, srv.Count("payment_intent"), "nothing on the platform")
}
