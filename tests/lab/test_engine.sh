#!/bin/sh
# test_engine.sh - the probe engine against a real DNS server: ldns-testns
# answering from tests/fixtures/probe/testns.data on 127.0.0.1, inside a
# private network namespace (tests/nsrun), so nothing leaves the machine.
# engine_driver makes the dead, closed and hostile servers itself.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
if [ "${DNSTRIAGE_IN_NETNS:-}" != 1 ]; then
	exec "$top_srcdir/tests/nsrun" sh "$0" "$@"
fi

driver="$top_builddir/tests/lab/engine_driver"
data="$top_srcdir/tests/fixtures/probe/testns.data"
addr=127.0.0.1
port=5300

if ! command -v ldns-testns >/dev/null 2>&1; then
	echo "SKIP: ldns-testns not found (Debian package ldnsutils)"
	exit 77
fi
if [ ! -x "$driver" ]; then
	echo "FAIL: $driver not built"
	exit 99
fi

log=$(mktemp "${TMPDIR:-/tmp}/test_engine.XXXXXX") || exit 99
ldns-testns -p "$port" "$data" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log"' EXIT
trap 'exit 1' HUP INT TERM

# Bounded: the driver asks at most 50 times, 0.1 s apart.
if ! "$driver" wait "$addr" "$port"; then
	echo "FAIL: ldns-testns did not answer on $addr#$port"
	cat "$log"
	exit 99
fi
"$driver" run "$addr" "$port"
