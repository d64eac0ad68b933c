// Package benchcmp compares stripelite with a hand-written net/http floor and
// with stripe-go v84 on the same four calls, against one shared test server.
// It is a separate module so that stripe-go never enters stripelite's go.mod.
//
// Run scripts/bench.sh from the repository root; RESULTS.md has the numbers.
package benchcmp
