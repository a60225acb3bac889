#!/bin/sh
# test_hostile.sh - dnstriage against lying and broken servers: every case
# of tests/hostile/hostile_responder at once, inside a private network
# namespace (tests/nsrun), each case with its own root hints and
# resolv.conf. For each: no crash (exit status 0..2, never a signal),
# done within the deadlines the options set, the findings of
# tests/hostile/expectations (the server named, what was wrong said), and
# a text report fit for a terminal.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
: "${DNSTRIAGE:=$top_builddir/dnstriage}"
if [ "${DNSTRIAGE_IN_NETNS:-}" != 1 ]; then
	exec "$top_srcdir/tests/nsrun" sh "$0" "$@"
fi
responder="$top_builddir/tests/hostile/hostile_responder"
expect="$top_srcdir/tests/hostile/expectations"
judge="$top_srcdir/tests/hostile/hostile-expect.py"
# One server gets TIMEOUT_MS a query. The longest legitimate run: the
# zone's level of the walk, then the zone's servers asked, a TC=1 answer
# retried over TCP with a fresh budget, then the SOA: a few timeouts in a
# row, never more than CASE_BOUND_MS. The cases run JOBS at a time: all
# at once, the heavy ones (64 KiB answers to parse) starve the others on
# a loaded machine or under a sanitizer, and a late answer is a timeout.
TIMEOUT_MS=${HOSTILE_TIMEOUT_MS:-1000}
JOBS=${HOSTILE_JOBS:-6}
CASE_BOUND_MS=$((5 * TIMEOUT_MS + 1000))
TOTAL_BOUND_MS=60000		# all of them
GUARD_S=30			# kill a run that hangs (a failure, not a wait)
REPORT_MAX_LINES=1000		# a text report for a ticket, not a dump

for prog in "$responder" "$DNSTRIAGE"; do
	if [ ! -x "$prog" ]; then
		echo "FAIL: $prog not built"
		exit 99
	fi
done
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 not found"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test_hostile.XXXXXX") || exit 99
pid=
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

"$responder" serve 120 >"$tmp/responder.out" 2>"$tmp/responder.err" &
pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q '^ready$' "$tmp/responder.out"; do
	if ! kill -0 "$pid" 2>/dev/null; then
		echo "FAIL: the responder did not start: $(cat "$tmp/responder.err")"
		exit 99
	fi
	sleep 0.05
	i=$((i + 1))
done
grep -q '^ready$' "$tmp/responder.out" || { echo "FAIL: responder not ready"; exit 99; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# One run: its files, then dnstriage --json, its status and its time.
run_case() {
	m=$1 name=$2 d="$tmp/$2"
	mkdir "$d" || return
	printf '.\t3600000\tNS\ta.root.lab.\na.root.lab.\t3600000\tA\t127.77.%s.1\n' \
	    "$m" >"$d/root.hints"
	printf 'nameserver 127.77.%s.3\n' "$m" >"$d/resolv.conf"
	# An anchor for a zone off the path: the chain is not checked, and
	# no DNSSEC verdict hides what the servers did.
	echo 'off-path.lab. 3600 IN DS 4711 13 2 0000000000000000000000000000000000000000000000000000000000000000' \
	    >"$d/anchor"
	: >"$d/hosts"
	echo 'hosts: files dns' >"$d/nsswitch"
	t0=$(now_ms)
	timeout -s KILL "$GUARD_S" env LC_ALL=C "$DNSTRIAGE" --json \
	    --timeout "$TIMEOUT_MS" --resolv-conf "$d/resolv.conf" \
	    --hosts "$d/hosts" --nsswitch "$d/nsswitch" \
	    --root-hints "$d/root.hints" --trust-anchor "$d/anchor" \
	    www.hostile.test >"$d/report.json" 2>"$d/stderr"
	rc=$? ms=$(($(now_ms) - t0))
	# The text report of the same case, for the terminal checks.
	timeout -s KILL "$GUARD_S" env LC_ALL=C "$DNSTRIAGE" --report \
	    --timeout "$TIMEOUT_MS" --resolv-conf "$d/resolv.conf" \
	    --hosts "$d/hosts" --nsswitch "$d/nsswitch" \
	    --root-hints "$d/root.hints" --trust-anchor "$d/anchor" \
	    www.hostile.test >"$d/report.txt" 2>/dev/null
	echo "$rc $ms $?" >"$d/status"
}

"$responder" list >"$tmp/cases"
t0=$(now_ms)
launched=0
finished() { ls "$tmp"/*/status 2>/dev/null | wc -l; }
# A window of JOBS runs, each ending within GUARD_S (killed beyond).
wait_below() {
	while [ $((launched - $(finished))) -ge "$1" ] &&
	    [ $(($(now_ms) - t0)) -lt $(( (GUARD_S + 5) * 1000 * 4)) ]; do
		sleep 0.05
	done
}
while read -r m name; do
	wait_below "$JOBS"
	run_case "$m" "$name" &
	launched=$((launched + 1))
done <"$tmp/cases"
wait_below 1
total=$(($(now_ms) - t0))

fails=0
n=0
while read -r m name; do
	n=$((n + 1))
	d="$tmp/$name"
	if [ ! -s "$d/status" ]; then
		echo "FAIL $name: the run did not end"
		fails=$((fails + 1))
		continue
	fi
	read -r rc ms text_rc <"$d/status"
	echo "$name: exit $rc in $ms ms"
	if [ "$rc" -gt 2 ]; then
		echo "  FAIL $name: exit status $rc (a signal is > 128; 3 an internal error): $(head -c 500 "$d/stderr")"
		fails=$((fails + 1))
	fi
	# Whatever the servers sent, the report is text a terminal shows as
	# it is: no control characters, no line of absurd length, no flood.
	if [ "$text_rc" -gt 2 ] ||
	    LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$d/report.txt" ||
	    [ "$(wc -l <"$d/report.txt")" -gt "$REPORT_MAX_LINES" ] ||
	    [ "$(awk '{ if (length > m) m = length } END { print m + 0 }' "$d/report.txt")" -gt 200 ]; then
		echo "  FAIL $name: text report: exit $text_rc, $(wc -l <"$d/report.txt") lines, or control characters or long lines"
		fails=$((fails + 1))
	fi
	if [ "$ms" -gt "$CASE_BOUND_MS" ]; then
		echo "  FAIL $name: took $ms ms with --timeout $TIMEOUT_MS (bound $CASE_BOUND_MS)"
		fails=$((fails + 1))
	fi
done <"$tmp/cases"
python3 "$judge" "$expect" "$tmp/cases" "$tmp" || fails=$((fails + 1))
echo "all $n cases in $total ms (bound $TOTAL_BOUND_MS)"
if [ "$total" -gt "$TOTAL_BOUND_MS" ]; then
	echo "FAIL: the cases took $total ms together"
	fails=$((fails + 1))
fi
[ "$n" -ge 20 ] || { echo "FAIL: only $n cases"; fails=$((fails + 1)); }
[ "$fails" = 0 ] && echo "PASS: dnstriage copes with every hostile server" && exit 0
exit 1
