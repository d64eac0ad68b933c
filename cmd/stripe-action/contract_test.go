package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stripelite/stripe/internal/stripemock"
)

// stripe-mock validates every parameter against Stripe's OpenAPI spec for
// the pinned version; running the examples against it proves that each
// action sends parameters Stripe accepts. As in the root package,
// STRIPELITE_CONTRACT=require turns a missing binary into a failure.
func TestMain(m *testing.M) {
	code := m.Run()
	stripemock.Stop()
	os.Exit(code)
}

// TestContractExamples runs every example against stripe-mock.
func TestContractExamples(t *testing.T) {
	t.Parallel()
	base := stripemock.URL(t)
	for _, file := range examples(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			r := runCmd(t, map[string]string{"STRIPE_API_BASE": base}, "", file)
			if r.code != 0 {
				t.Fatalf("exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
			}
			decode(t, r.stdout)
		})
	}
}
