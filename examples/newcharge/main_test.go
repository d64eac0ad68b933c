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
	p, err := run(context.Background(), c, &out)
	require.NoError(t, err)
	require.Regexp(t, regexp.MustCompile(`^new charge ch_\w+: 1000 usd succeeded\nnew charge ch_\w+: 2500 usd succeeded\nnew charge ch_\w+: 4200 usd succeeded\nnext poll: 0 new\n$`), out.String())
	require.NotEmpty(t, p.Cursor().LastID)
}
