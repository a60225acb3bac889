#!/bin/sh
# bench_triage.sh - 'make bench': time to verdict against the round-trip
# bound, in the lab with a real round-trip time (lab --delay MS: the
# delaying relay, tests/bench/delayrelay.c). For each scenario and RTT:
# dnstriage's wall time (its JSON duration_ms), the bound (its longest
# chain of dependent queries x RTT + the timeouts on that chain, from
# DNSTRIAGE_TRACE, see bench_bound.py), the ratio, its CPU time and peak
# RSS; the seed runbooks' dig workflow (dig_workflow.sh) and the ratio
# dig/dnstriage; zonemaster-cli and dnsviz probe on the same lab, when
# installed. Prints figures; never fails on a time.
#
# Every tool runs inside the lab's private network namespace (only lo) and
# is pointed at the lab's root: zonemaster-cli --hints, dnsviz probe -A -x
# .:a.root-servers.test=ADDR. Resolvers are warm: one untimed dnstriage
# run first, as in an incident the resolver has the root and TLD cached.
#
#   BENCH_RTTS="20 100"  BENCH_SCENARIOS="healthy ..."  BENCH_TOOLS=0 (skip
#   zonemaster and dnsviz)
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
bench=$top_srcdir/tests/bench
lab=$top_builddir/data/lab/dnstriage-lab
: "${DNSTRIAGE:=$top_builddir/dnstriage}"
: "${LAB_DELAY_RELAY:=$top_builddir/tests/bench/delayrelay}"
TIMEOUT_MS=2000			# dnstriage's default --timeout
export DNSTRIAGE LAB_DELAY_RELAY TIMEOUT_MS

# --- inside one lab run: every tool, one after another -----------------------
if [ "${1:-}" = __inner ]; then
	out=$2
	rtt=$LAB_DELAY_MS
	now_ms() { t=$(date +%s%N); echo $((t / 1000000)); }
	triage() {
		# shellcheck disable=SC2086
		"$DNSTRIAGE" --resolv-conf "$LAB_RESOLV_CONF" --hosts "$LAB_HOSTS" \
		    --nsswitch "$LAB_NSSWITCH" --root-hints "$LAB_ROOT_HINTS" \
		    --trust-anchor "$LAB_TRUST_ANCHOR" --timeout "$TIMEOUT_MS" \
		    $LAB_OPTIONS --json "$LAB_NAME"
	}
	triage >/dev/null 2>&1		# warm the resolvers
	# BENCH_RUNS timed runs (default 3); the one of median duration counts:
	# this machine is shared, one run can be unlucky
	runs=${BENCH_RUNS:-3}
	i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		o=$out.run$i
		: >"$o.trace"
		t0=$(now_ms)
		# the same command as triage(), under GNU time for CPU and peak RSS
		# shellcheck disable=SC2086
		DNSTRIAGE_TRACE=$o.trace /usr/bin/time -f '%U %S %M' -o "$o.time" \
		    "$DNSTRIAGE" --resolv-conf "$LAB_RESOLV_CONF" --hosts "$LAB_HOSTS" \
		    --nsswitch "$LAB_NSSWITCH" --root-hints "$LAB_ROOT_HINTS" \
		    --trust-anchor "$LAB_TRUST_ANCHOR" --timeout "$TIMEOUT_MS" \
		    $LAB_OPTIONS --json "$LAB_NAME" >"$o.json" 2>"$o.err"
		t1=$(now_ms)
		d=$(sed -n 's/.*"duration_ms": *\([0-9]*\).*/\1/p' "$o.json" | sed -n 1p)
		echo "${d:-0} $i $((t1 - t0))" >>"$out.runs"
	done
	# shellcheck disable=SC2046
	set -- $(sort -n "$out.runs" | sed -n "$(((runs + 1) / 2))p")
	o=$out.run$2
	cp "$o.err" "$out.err"
	{
		echo "duration $1"
		echo "wall $3"
		echo "durations $(cut -d' ' -f1 "$out.runs" | tr '\n' ' ')"
		sed -n 's/.*"code": *"\([a-z-]*\)".*/verdict \1/p' "$o.json" | sed -n 1p
		echo "bound $(python3 "$bench/bench_bound.py" "$o.trace" "$rtt" "$TIMEOUT_MS")"
		echo "time $(tail -n 1 "$o.time")"
	} >>"$out.res"

	t0=$(now_ms)
	sh "$bench/dig_workflow.sh" >"$out.dig" 2>&1
	echo "dig $(($(now_ms) - t0))" >>"$out.res"

	zone=${LAB_NAME#*.}
	if [ "${BENCH_TOOLS:-1}" = 0 ]; then
		echo "zonemaster skipped" >>"$out.res"
	elif command -v zonemaster-cli >/dev/null 2>&1; then
		t0=$(now_ms)
		timeout 600 zonemaster-cli --no-progress --no-ipv6 --hints "$LAB_ROOT_HINTS" \
		    --level WARNING "$zone" >"$out.zm" 2>&1
		echo "zonemaster $(($(now_ms) - t0))" >>"$out.res"
	else
		echo "zonemaster not-installed" >>"$out.res"
	fi
	if [ "${BENCH_TOOLS:-1}" = 0 ]; then
		echo "dnsviz skipped" >>"$out.res"
	elif command -v dnsviz >/dev/null 2>&1; then
		t0=$(now_ms)
		(cd "$LAB_DIR" && timeout 600 dnsviz probe -A -4 \
		    -x ".:a.root-servers.test=$A_ROOT" -o "$out.dv.json" "$LAB_NAME") \
		    >"$out.dv" 2>&1
		echo "dnsviz $(($(now_ms) - t0))" >>"$out.res"
	else
		echo "dnsviz not-installed" >>"$out.res"
	fi
	exit 0
fi

# --- outside: one lab run per scenario and RTT, then the table ---------------
if [ "${DNSTRIAGE_IN_NETNS:-}" != 1 ]; then
	exec "$top_srcdir/tests/nsrun" sh "$0" "$@"
fi
[ -x "$LAB_DELAY_RELAY" ] || { echo "bench_triage: no $LAB_DELAY_RELAY"; exit 77; }
if ! sh "$lab" check >/dev/null 2>&1; then
	echo "bench_triage: the lab cannot run here ($(sh "$lab" check))"
	exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_triage.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM
DNSTRIAGE_LAB_CACHE=$work/cache
LAB_QUIET=1
export DNSTRIAGE_LAB_CACHE LAB_QUIET
sh "$lab" prepare || exit 1

rtts=${BENCH_RTTS:-20 100}
scenarios=${BENCH_SCENARIOS:-healthy authoritative-partial resolver-failover serial-mismatch dnssec-bogus-expired scale-13ns}
for rtt in $rtts; do
	for s in $scenarios; do
		timeout 900 sh "$lab" run --delay "$rtt" "$s" -- \
		    sh "$0" __inner "$work/$s.$rtt" >"$work/$s.$rtt.log" 2>&1 ||
		    echo "bench_triage: $s at $rtt ms: the lab run failed (status $?)" >&2
	done
done

val() { sed -n "s/^$2 //p" "$work/$1.res" 2>/dev/null | sed -n 1p; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }

echo
echo "dnstriage against the round-trip bound (lab, relay delay, --timeout $TIMEOUT_MS, resolvers warm)"
echo "bound = dependent round trips on dnstriage's longest chain x RTT + timeouts on it"
echo "target = timeouts + 1.5 x (round-trip part of the bound)"
printf '%-21s %4s %-21s %6s %6s %6s %-10s %5s %6s %4s %6s %7s %6s %10s %7s\n' \
    scenario rtt verdict triage proc bound chain ratio target cpu rss_kib dig dig/tr zonemaster dnsviz
for rtt in $rtts; do
	for s in $scenarios; do
		b=$(val "$s.$rtt" bound)
		# shellcheck disable=SC2086
		set -- $b
		bms=${1:-} rpart=${2:-0} tos=${3:-0} trips=${4:-0}
		d=$(val "$s.$rtt" duration)
		tm=$(val "$s.$rtt" time)
		# shellcheck disable=SC2086
		set -- $tm
		cpu=$(awk -v u="${1:-0}" -v s="${2:-0}" 'BEGIN { printf "%d", (u + s) * 1000 }')
		rss=${3:--}
		dg=$(val "$s.$rtt" dig)
		target=$((tos * TIMEOUT_MS + rpart * 3 / 2))
		printf '%-21s %4s %-21s %6s %6s %6s %-10s %5s %6s %4s %6s %7s %6s %10s %7s\n' \
		    "$s" "$rtt" "$(val "$s.$rtt" verdict)" "${d:--}" "$(val "$s.$rtt" wall)" "${bms:--}" \
		    "${trips}rtt+${tos}T" "$(ratio "$d" "$bms")" "$target" "$cpu" "$rss" \
		    "${dg:--}" "$(ratio "$dg" "$d")" "$(val "$s.$rtt" zonemaster)" \
		    "$(val "$s.$rtt" dnsviz)"
	done
done
cat <<EOF
ms throughout. triage: dnstriage's JSON duration_ms, median of ${BENCH_RUNS:-3} runs;
proc: that run's process wall time (start-up and report included); chain:
round trips (RTT) and timeouts (T = --timeout) on its costliest chain;
ratio: triage/bound; target: T per timeout + 1.5 x the RTT part; cpu:
user+sys of that run; rss_kib: its peak RSS (getrusage via /usr/bin/time);
dig: the seed runbooks' dig workflow (tests/bench/dig_workflow.sh), one
command after another; dig/tr: dig / triage; zonemaster: zonemaster-cli
--hints (lab root) ZONE; dnsviz: dnsviz probe -A -x .:LAB-ROOT NAME.
EOF
for rtt in $rtts; do
	for s in $scenarios; do
		echo "durations of $s at $rtt ms: $(val "$s.$rtt" durations)"
	done
done
# The wizard's figures, measured by its tmux tests as a person sees the
# screen (tests/tui): start-up to the first frame, a key answered while a
# 5 s timeout is pending, a silent server shown as "No answer yet" before
# its 4 s timeout.
echo "wizard (tests/tui, 80x24, in the lab, no added delay):"
for t in test_tui_terminal test_tui_latency test_tui_walk; do
	sh "$top_srcdir/tests/tui/$t.sh" 2>&1 |
	    grep -E 'first frame [0-9.]+ ms|key to screen|no answer yet shown' |
	    sed 's/^\[[a-z]*\] /  /'
done
for rtt in $rtts; do
	for s in $scenarios; do
		[ -s "$work/$s.$rtt.err" ] || continue
		echo "--- $s at $rtt ms: dnstriage's stderr"
		sed -n 1,5p "$work/$s.$rtt.err"
	done
done
exit 0
