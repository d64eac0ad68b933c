#!/usr/bin/env bash
# End-to-end benchmarks (internal/benchcmp, a separate module so stripe-go
# never enters our go.mod): stripelite vs a hand-written net/http floor vs
# stripe-go v84, all against one shared test server, limiter off.
#
# The test binary is built once and run COUNT (default 5) times with
# -count 1, which gives the same 5 samples as -count 5 but interleaves the
# contenders over time, so load from other processes hits them alike; each
# run also rotates which contender goes first (-rotate).
# Then: medians and ratios against the budgets (cmd/benchtable), and
# benchstat if it can be fetched. Raw output goes to $OUT (default
# bench.out at the repository root, which git ignores). Extra arguments go to the test binary,
# e.g. scripts/bench.sh -test.bench ListAll -test.benchtime 50x.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/internal/benchcmp"

count=${COUNT:-5}
out=${OUT:-$root/bench.out}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go test -c -o "$tmp/benchcmp.test" .
: >"$out"
for i in $(seq "$count"); do
	echo "== round $i/$count" >&2
	"$tmp/benchcmp.test" -test.run '^$' -test.bench . -test.benchmem -test.count 1 -rotate "$i" "$@" | tee -a "$out"
done

echo
echo "$(go version), $(nproc) cores; medians of $count runs"
go run ./cmd/benchtable <"$out"

echo
if go run golang.org/x/perf/cmd/benchstat@latest "$out" 2>/dev/null; then
	:
else
	echo "(benchstat unavailable; the table above is the summary)"
fi
