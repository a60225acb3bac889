#!/bin/sh
# bench_engine.sh - 'make bench': the probe engine's benchmark against a
# local server inside a private network namespace (tests/nsrun). Unbound
# answers from a local zone (every NAME.example.test has an A record);
# without unbound, ldns-testns and tests/fixtures/probe/testns.data.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
if [ "${DNSTRIAGE_IN_NETNS:-}" != 1 ]; then
	exec "$top_srcdir/tests/nsrun" sh "$0" "$@"
fi

bench="$top_builddir/tests/bench/bench_engine"
addr=127.0.0.1
port=5300
dir=$(mktemp -d "${TMPDIR:-/tmp}/bench_engine.XXXXXX") || exit 1
pid=
stop() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	fi
	rm -rf "$dir"
}
trap stop EXIT
trap 'exit 1' HUP INT TERM

unbound=$(command -v unbound || ls /usr/sbin/unbound 2>/dev/null)
if [ -n "$unbound" ]; then
	cat >"$dir/unbound.conf" <<EOF
server:
	interface: $addr@$port
	username: ""
	chroot: ""
	directory: "$dir"
	pidfile: ""
	use-syslog: no
	logfile: "$dir/unbound.log"
	do-daemonize: no
	num-threads: 1
	so-rcvbuf: 4m
	module-config: "iterator"
	access-control: 127.0.0.0/8 allow
	local-zone: "example.test." redirect
	local-data: "example.test. 300 IN A 192.0.2.1"
remote-control:
	control-enable: no
EOF
	server="unbound $("$unbound" -V | sed -n 's/^Version //p')"
	"$unbound" -d -c "$dir/unbound.conf" >"$dir/out" 2>&1 &
	pid=$!
elif command -v ldns-testns >/dev/null 2>&1; then
	server="ldns-testns"
	ldns-testns -p "$port" "$top_srcdir/tests/fixtures/probe/testns.data" \
	    >"$dir/out" 2>&1 &
	pid=$!
else
	echo "bench_engine: neither unbound nor ldns-testns is installed"
	exit 77
fi

if ! "$bench" wait "$addr" "$port"; then
	echo "bench_engine: $server did not answer on $addr#$port"
	cat "$dir/out"
	exit 1
fi
echo "server: $server, in a private network namespace; $(nproc) CPUs"
"$bench" run "$addr" "$port" "${BENCH_QUERIES:-500}"
