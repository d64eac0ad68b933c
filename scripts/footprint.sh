#!/usr/bin/env bash
# Footprint of a one-call program built with stripelite against the same
# call written with net/http (internal/benchcmp/footprint/{sdk,raw}):
# stripped binary size (-ldflags="-s -w") and cold `go build` time with an
# empty GOCACHE, median of ROUNDS (default 3), raw and sdk interleaved.
# Budgets: at most 600 KB larger, cold build at most 1.10x the raw program's.
set -euo pipefail
cd "$(dirname "$0")/../internal/benchcmp"

rounds=${ROUNDS:-3}
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

for p in raw sdk; do
	go build -trimpath -ldflags="-s -w" -o "$tmp/$p" "./footprint/$p"
done
raw_size=$(stat -c %s "$tmp/raw")
sdk_size=$(stat -c %s "$tmp/sdk")

# Module sources are downloaded first, so only compiling and linking is timed.
go mod download
for i in $(seq "$rounds"); do
	for p in raw sdk; do
		cache="$tmp/gocache-$p-$i"
		start=$(date +%s%N)
		GOCACHE="$cache" go build -o "$tmp/cold-$p" "./footprint/$p"
		end=$(date +%s%N)
		echo $(((end - start) / 1000000)) >>"$tmp/times-$p"
		chmod -R u+w "$cache"; rm -rf "$cache"
	done
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
raw_ms=$(median "$tmp/times-raw")
sdk_ms=$(median "$tmp/times-sdk")

echo "$(go version), $(nproc) cores"
echo
echo "| program | stripped binary | cold go build (median of $rounds) |"
echo "|---|---:|---:|"
echo "| raw net/http | $raw_size B | $raw_ms ms |"
echo "| stripelite | $sdk_size B | $sdk_ms ms |"
echo
awk -v rs="$raw_size" -v ss="$sdk_size" -v rt="$raw_ms" -v st="$sdk_ms" 'BEGIN {
	d = (ss - rs) / 1024; r = st / rt
	printf "- binary: +%.0f KB (budget <= 600 KB: %s)\n", d, (d <= 600 ? "met" : "MISSED")
	printf "- cold build: %.2fx (budget <= 1.10x: %s)\n", r, (r <= 1.10 ? "met" : "MISSED")
}'
