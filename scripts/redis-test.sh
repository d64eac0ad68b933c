#!/usr/bin/env bash
# Tests of the redisstore sub-module (its own go.mod) against a real
# redis-server, which the tests start themselves on free loopback ports.
# Installs Debian's redis-server with apt-get when it is missing. In CI
# (CI=true) a test that cannot start redis-server fails instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/../redisstore"

if ! command -v redis-server >/dev/null 2>&1; then
	echo "redis-server missing: installing it with apt-get" >&2
	sudo_cmd=""
	if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then
		sudo_cmd="sudo"
	fi
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq redis-server
fi
redis-server --version

unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
go vet ./...
go test -race -count=1 "$@" ./...
