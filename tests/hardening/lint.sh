#!/bin/sh
# lint.sh - cppcheck and clang-tidy over src/ and tests/fuzz/ with the
# committed configuration (.cppcheck-suppressions, .clang-tidy); any
# finding fails. Configures a copy of the tree in $HARDENING_DIR/lint for
# config.h and the compiler flags.
set -eu
. "$(dirname "$0")/common.sh"
dir=$HARDENING_DIR/lint
copy_tree "$dir"
cd "$dir"
./configure -q >/dev/null
files=$(ls src/*.c tests/fuzz/*.c)
# The flags of the build, for both tools (clang-tidy reads
# compile_flags.txt beside the sources).
{
	printf '%s\n' -std=c11 -DHAVE_CONFIG_H '-DLOCALEDIR="/usr/share/locale"' \
	    '-DPKGDATADIR="/usr/share/dnstriage"' \
	    '-DPKGLIBEXECDIR="/usr/libexec/dnstriage"' '-DFUZZ_CORPUS="corpus"' \
	    -I. -Iinclude -Itests/fuzz
	# shellcheck disable=SC2046
	printf '%s\n' $(pkg-config --cflags ldns ncursesw panelw)
} >compile_flags.txt

echo "cppcheck $(cppcheck --version | sed 's/^Cppcheck //')"
# shellcheck disable=SC2086
cppcheck -q --std=c11 --enable=warning,style,performance,portability \
    --inline-suppr --suppressions-list=.cppcheck-suppressions \
    --error-exitcode=1 -j"${JOBS:-2}" -D__GNUC__ -DHAVE_CONFIG_H \
    -DFUZZ_CORPUS='"corpus"' -I. -Iinclude -Itests/fuzz $files

echo "clang-tidy $(clang-tidy --version | sed -n 's/.*LLVM version //p')"
# shellcheck disable=SC2086
printf '%s\n' $files | xargs -P"${JOBS:-2}" -n4 clang-tidy --quiet \
    >clang-tidy.out 2>clang-tidy.err || true
if grep -q 'warning:\|error:' clang-tidy.out clang-tidy.err; then
	cat clang-tidy.out
	grep 'error:' clang-tidy.err || true
	echo "clang-tidy: findings above" >&2
	exit 1
fi
echo "lint: clean"
