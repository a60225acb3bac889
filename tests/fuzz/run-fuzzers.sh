#!/bin/sh
# run-fuzzers.sh - `make fuzz`: each libFuzzer target for FUZZ_SECONDS
# (default 30), one after the other on one core, starting from the
# committed corpus (tests/fuzz/corpus/TARGET). New inputs go to
# fuzz-work/TARGET, crashes to fuzz-work/crash-TARGET-*; a crash stops
# with status 1 after its reproducer is shown. Prints libFuzzer's final
# figures (executions, coverage) per target.
# Usage: run-fuzzers.sh BUILDDIR SRCDIR TARGET...
set -u
builddir=$1 srcdir=$2
shift 2
seconds=${FUZZ_SECONDS:-30}
case $seconds in ''|*[!0-9]*) echo "run-fuzzers: FUZZ_SECONDS must be a number" >&2; exit 2;; esac
status=0
for target in "$@"; do
	bin=$builddir/tests/fuzz/fuzz_$target
	work=$builddir/fuzz-work/$target
	mkdir -p "$work"
	log=$builddir/fuzz-work/$target.log
	echo "fuzz: $target for ${seconds}s"
	# -timeout: one input taking 10 s is a hang; -max_len: DNS over TCP
	# (the response target) and our file limits are far above this.
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
	"$bin" -max_total_time="$seconds" -timeout=10 -max_len=16384 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$builddir/fuzz-work/crash-$target-" \
	    "$work" "$srcdir/tests/fuzz/corpus/$target" >"$log" 2>&1
	rc=$?
	grep -E '^#[0-9]+.*(DONE|INITED)' "$log" | tail -2
	grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' "$log"
	if [ "$rc" != 0 ]; then
		echo "fuzz: $target FAILED (status $rc), log $log:" >&2
		grep -E -A30 'ERROR:|runtime error|SUMMARY' "$log" | head -60 >&2
		status=1
	fi
done
exit $status
