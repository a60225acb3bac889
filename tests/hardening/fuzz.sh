#!/bin/sh
# fuzz.sh - build the libFuzzer targets with clang (a copy of the tree in
# $HARDENING_DIR/fuzz) and run each for FUZZ_SECONDS (default 60), one at
# a time. Fails on any crash, leak, hang or sanitizer report.
set -eu
. "$(dirname "$0")/common.sh"
dir=$HARDENING_DIR/fuzz
copy_tree "$dir"
cd "$dir"
./configure -q CC=clang --enable-fuzzing >/dev/null
make -s -j"${JOBS:-2}" tests/fuzz/fuzz_response tests/fuzz/fuzz_sysconf \
    tests/fuzz/fuzz_rootdata tests/fuzz/fuzz_cli >/dev/null
make -s fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
