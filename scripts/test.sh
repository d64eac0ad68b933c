#!/usr/bin/env bash
# The one test command: installs stripe-mock (outside this module's go.mod),
# then runs every test, unit and contract, with the race detector.
# Extra arguments go to `go test`, e.g. scripts/test.sh -run Customers.
set -euo pipefail
cd "$(dirname "$0")/.."

STRIPE_MOCK_VERSION=v0.203.0
gobin="$(go env GOPATH)/bin"
# Cheap when already built: go install reuses the module and build caches.
go install "github.com/stripe/stripe-mock@${STRIPE_MOCK_VERSION}"

# Each test binary starts its own stripe-mock on a free loopback port and
# stops it when done; "require" turns a missing binary into a failure.
export STRIPE_MOCK_BIN="$gobin/stripe-mock"
export STRIPELITE_CONTRACT=require
go test -race -count=1 "$@" ./...
