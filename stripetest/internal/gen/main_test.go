package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe/internal/openapi"
)

// The committed table is what the generator makes from the pinned spec:
// run go generate ./stripetest after adding a route or moving the version.
func TestTableUpToDate(t *testing.T) {
	t.Parallel()
	spec := openapi.LoadForTest(t)
	dir := filepath.Join("..", "..")
	want, err := generate(spec, dir)
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(dir, "spec_params.go"))
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "stripetest/spec_params.go is stale: run go generate ./stripetest")
}

func TestTree(t *testing.T) {
	t.Parallel()
	got := tree([]string{"!customer", "customer", "items[][price]", "!items[][price_data][currency]", "items[][price_data][currency]", "metadata", "metadata[*]"})
	require.Equal(t, "!customer=\nitems\n []\n  price=\n  price_data\n   !currency=\nmetadata=\n *=\n", got)
}
