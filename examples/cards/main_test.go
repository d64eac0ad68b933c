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
	c, err := srv.Client()
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), c, &out))
	// After removing the default Mastercard, the Amex (added last) is the
	// default and two cards are left.
	require.Regexp(t, regexp.MustCompile(`(?s)removed card_\w+\ncards:\n \* card_\w+ American Express\s+8431 .*\n   card_\w+ Visa\s+4242 `), out.String())
	require.Equal(t, 2, srv.Count("card"))
}
