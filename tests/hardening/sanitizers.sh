#!/bin/sh
# sanitizers.sh - the whole test suite built with --enable-sanitizers
# (ASan + UBSan), in a copy of the tree in $HARDENING_DIR/sanitizers.
set -eu
. "$(dirname "$0")/common.sh"
dir=$HARDENING_DIR/sanitizers
copy_tree "$dir"
cd "$dir"
./configure -q --enable-werror --enable-sanitizers >/dev/null
# Leaks are errors; UBSan stops at its first report. Every report also
# goes to a file under sanitizer-logs/, so one that a test swallowed (a
# program run for its output, its status not checked) fails this check.
logs=$dir/sanitizer-logs
rm -rf "$logs"
mkdir -p "$logs"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}:log_path=$logs/asan
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}:log_path=$logs/ubsan
# libraries' allocations kept for the life of the process (reasons inside)
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$dir/tests/hardening/lsan.supp:print_suppressions=0}
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
make -s -j"${JOBS:-2}" >/dev/null
make -j"${JOBS:-2}" check || { cat test-suite.log; exit 1; }
if [ -n "$(ls "$logs")" ]; then
	echo "sanitizer reports:" >&2
	head -50 "$logs"/* >&2
	exit 1
fi
echo "sanitizers: no report"
