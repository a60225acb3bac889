#!/bin/sh
# test_cli.sh - the program as a user meets it: --help shows the whole
# contract, bad usage exits 3 with a one-line reason. No network.
set -u
: "${DNSTRIAGE:?DNSTRIAGE must point at the built program}"
fails=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# 1. --help documents every option of the contract in DESIGN.md.
LC_ALL=C "$DNSTRIAGE" --help >"$tmp/help" 2>&1 || fail "--help exit status $?"
for opt in --report --json -o, --output -t, --type -p, --port --expect-ip \
    -r, --resolver --resolv-conf --hosts --compare-resolver --root-hints \
    --trust-anchor --at --timeout --tries --lab --report-lang -h, --help \
    -V, --version \
    'Exit status'; do
	grep -q -e "$opt" "$tmp/help" || fail "--help does not mention $opt"
done
head -n 1 "$tmp/help" | grep -q '^Usage: dnstriage \[OPTION\]\.\.\. \[NAME | URL\]' ||
	fail "--help does not start with the GNU usage line"
awk 'length > 79 { exit 1 }' "$tmp/help" || fail "--help has lines over 79 columns"

# 2. --version, GNU style.
LC_ALL=C "$DNSTRIAGE" --version >"$tmp/version" || fail "--version exit status"
head -n 1 "$tmp/version" | grep -Eq '^dnstriage [0-9]+\.[0-9]+\.[0-9]+$' ||
	fail "--version first line: $(head -n 1 "$tmp/version")"

# 3. Bad usage: exit status 3, a one-line reason naming the culprit, a hint.
expect_usage_error() {
	culprit=$1; shift
	LC_ALL=C "$DNSTRIAGE" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" = 3 ] || fail "'$*' exit status $rc, expected 3"
	[ ! -s "$tmp/out" ] || fail "'$*' wrote to stdout"
	[ "$(wc -l <"$tmp/err")" = 2 ] || fail "'$*' stderr is not reason + hint: $(cat "$tmp/err")"
	head -n 1 "$tmp/err" | grep -q -F -e "$culprit" ||
		fail "'$*' reason does not name '$culprit': $(head -n 1 "$tmp/err")"
	grep -q "Try 'dnstriage --help'" "$tmp/err" || fail "'$*' gives no --help hint"
}
expect_usage_error --frobnicate --frobnicate
expect_usage_error --timeout a.test --timeout
expect_usage_error 'abc' --timeout abc a.test
expect_usage_error 'NOPE' -t NOPE a.test
expect_usage_error '/nonexistent/hosts' --hosts /nonexistent/hosts a.test
expect_usage_error 'not.an.address' --resolver not.an.address a.test
expect_usage_error 'b.test' a.test b.test
expect_usage_error 'xn--' "$(printf 'b\303\274cher.test')"
expect_usage_error '--report' --report --json a.test
expect_usage_error 'de/../x' --report-lang de/../x a.test
expect_usage_error 'tomorrow' --at tomorrow a.test
mkdir "$tmp/dir"
chmod 000 "$tmp/dir"
expect_usage_error "$tmp/dir" --trust-anchor "$tmp/dir/root.key" a.test

# 4. Report mode runs end to end: inside a private network namespace
# (nothing there answers: every server refuses at once), with a root
# hint on loopback, so nothing can leave the machine.
"$top_srcdir/tests/nsrun" env LC_ALL=C "$DNSTRIAGE" --report \
    --resolv-conf /dev/null --hosts /dev/null --nsswitch /dev/null \
    --root-hints "$top_srcdir/tests/fixtures/cli/root.hints" \
    --timeout 500 a.test >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" = 77 ] && ! [ -s "$tmp/out" ]; then
	echo "note: no private network namespace here, report mode not run"
elif [ "$rc" != 2 ] || ! grep -q '^VERDICT: resolver-down (critical)' "$tmp/out"; then
	fail "report mode with nothing answering: status $rc, want 2 and resolver-down
$(head -20 "$tmp/out") $(cat "$tmp/err")"
fi

# 5. No terminal: no NAME is a usage error (the wizard would ask for it);
# with a NAME the text report comes out with a one-line note on stderr
# (the same run as in 4, without --report).
LC_ALL=C "$DNSTRIAGE" </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" = 3 ] || fail "no terminal and no NAME: exit status $rc, expected 3"
grep -q 'no terminal' "$tmp/err" || fail "no terminal and no NAME: $(cat "$tmp/err")"
"$top_srcdir/tests/nsrun" env LC_ALL=C "$DNSTRIAGE" \
    --resolv-conf /dev/null --hosts /dev/null --nsswitch /dev/null \
    --root-hints "$top_srcdir/tests/fixtures/cli/root.hints" \
    --timeout 500 a.test </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" != 77 ] || [ -s "$tmp/out" ]; then
	grep -q '^VERDICT: resolver-down' "$tmp/out" ||
		fail "no terminal: no text report ($rc): $(head -5 "$tmp/out")"
	[ "$(grep -c 'no terminal: writing the text report' "$tmp/err")" = 1 ] ||
		fail "no terminal: the note on stderr is missing: $(cat "$tmp/err")"
fi

[ "$fails" = 0 ] && echo "PASS: command line contract" && exit 0
exit 1
