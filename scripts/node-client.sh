#!/usr/bin/env bash
# Runs Stripe's official Node library (the stripe npm package) against the
# standalone stripetest server: scripts/node-client/workflow.mjs. Installs
# Node.js and npm with apt-get when they are missing (CI runs as root on a
# fresh machine), and the stripe package into a temporary directory, so the
# repository keeps no node_modules or package.json. STRIPE_NODE_VERSION
# picks the package version (default 23.1.0, the one last checked).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	echo "node-client: installing nodejs and npm"
	apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/stripetest" ./cmd/stripetest
cp scripts/node-client/workflow.mjs "$tmp/"
(cd "$tmp" && npm install --silent --no-audit --no-fund stripe@"${STRIPE_NODE_VERSION:-23.1.0}" >/dev/null)
(cd "$tmp" && STRIPETEST_BIN="$tmp/stripetest" timeout 120 node workflow.mjs)
