#!/bin/sh
# lab-scenarios.sh - the lab's self-test: start every scenario of
# data/lab/scenarios, two at a time (each in its own network namespace), and
# prove its fault with dig, delv and drill (tests/lab/lab-check.sh). Dead
# servers drop packets; the scenarios with dead servers run once more with
# --refuse. Keys are made and zones signed once, for all runs.
set -u
. "$(dirname "$0")/lab-common.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/dnstriage-lab-test.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT PIPE TERM
DNSTRIAGE_LAB_CACHE=$work/cache
# every PID, namespace and directory of the runs, for lab-hygiene.sh
LAB_PIDLOG=$top_builddir/tests/lab/lab-scenarios.pids
mkdir -p "$top_builddir/tests/lab" && : >"$LAB_PIDLOG"
export DNSTRIAGE_LAB_CACHE LAB_PIDLOG
t0=$(date +%s%N)
sh "$lab" prepare || { echo "FAIL: cannot make the lab's keys and signatures"; exit 99; }
echo "keys made and zones signed once for all runs in $((($(date +%s%N) - t0) / 1000000)) ms"

runs=
for f in "$DNSTRIAGE_LAB_DATA"/scenarios/*.scn; do
	n=$(basename "$f" .scn)
	runs="$runs $n:drop"
	grep -q '^dead:' "$f" && runs="$runs $n:refuse"
done

run_one() {	# NAME:MODE
	n=${1%:*}
	m=${1#*:}
	flag=
	[ "$m" = drop ] || flag=--refuse
	# shellcheck disable=SC2086
	timeout 120 sh "$lab" run $flag "$n" -- sh "$top_srcdir/tests/lab/lab-check.sh" \
	    >"$work/$n.$m.log" 2>&1
	echo $? >"$work/$n.$m.rc"
}

set -- $runs
while [ $# -gt 0 ]; do
	run_one "$1" &
	p1=$!
	p2=
	if [ $# -gt 1 ]; then
		run_one "$2" &
		p2=$!
		shift
	fi
	shift
	wait "$p1"
	[ -z "$p2" ] || wait "$p2"
done

fails=0
printf '%-24s %-7s %9s  %s\n' scenario dead start result
for r in $runs; do
	n=${r%:*}
	m=${r#*:}
	rc=$(cat "$work/$n.$m.rc")
	ms=$(sed -n 's/^scenario .* up in \([0-9]*\) ms)$/\1/p' "$work/$n.$m.log")
	if [ "$rc" = 0 ]; then res=PASS; else res="FAIL (status $rc)"; fails=$((fails + 1)); fi
	printf '%-24s %-7s %6s ms  %s\n' "$n" "$m" "${ms:-?}" "$res"
done
for r in $runs; do
	echo "--- ${r%:*} (${r#*:})"
	cat "$work/${r%:*}.${r#*:}.log"
done
[ "$fails" -eq 0 ] || { echo "FAIL: $fails scenario runs"; exit 1; }
for r in $runs; do
	ms=$(sed -n 's/^scenario .* up in \([0-9]*\) ms)$/\1/p' "$work/${r%:*}.${r#*:}.log")
	[ "${ms:-99999}" -le 3000 ] || echo "WARNING: ${r%:*} took ${ms:-?} ms to start (goal: 3000)"
done
exit 0
