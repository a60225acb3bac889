#!/bin/sh
# sanitizers.sh - the whole test suite built with --enable-sanitizers
# (ASan + UBSan), in a copy of the tree in $HARDENING_DIR/sanitizers.
set -eu
. "$(dirname "$0")/common.sh"
dir=$HARDENING_DIR/sanitizers
copy_tree "$dir"
cd "$dir"
./configure -q --enable-werror --enable-sanitizers >/dev/null
# Leaks are errors; UBSan stops at its first report.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS
make -s -j"${JOBS:-2}" >/dev/null
make -j"${JOBS:-2}" check || { cat test-suite.log; exit 1; }
