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
for opt in --report --json -o, --output --force -t, --type -p, --port --expect-ip \
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
# Names: a label over 63 octets, a name over 255, spaces and control
# bytes (never echoed to the terminal), empty labels.
label64=$(printf '%064d' 0)
expect_usage_error "$label64" "$label64.test"
long=$(printf 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghi.%.0s' 1 2 3 4 5)test
expect_usage_error 'name too long' "$long"
expect_usage_error 'space or a control character' 'a b.test'
expect_usage_error 'space or a control character' "$(printf 'a\033[2Jb.test')"
LC_ALL=C "$DNSTRIAGE" "$(printf 'a\033[2Jb.test')" 2>"$tmp/err"
if od -c "$tmp/err" | grep -q '033'; then fail "an ESC of the name reached stderr"; fi
expect_usage_error 'a..test' a..test
# Nor an escape in any other argument quoted back.
LC_ALL=C "$DNSTRIAGE" -t "$(printf 'A\033]0;x\007')" a.test 2>"$tmp/err"
if od -c "$tmp/err" | grep -q '033\|007'; then fail "an ESC of -t reached stderr"; fi
expect_usage_error 'unknown record type' -t "$(printf 'A\033[2J')" a.test
# Record types: RFC 3597's TYPEnnn within 1..65535, digits only.
expect_usage_error 'TYPE70000' -t TYPE70000 a.test
expect_usage_error 'TYPE1x' -t TYPE1x a.test
expect_usage_error 'TYPE0' -t TYPE0 a.test
expect_usage_error 'AXFR' -t AXFR a.test
# Options: --force only with --output; files that are not what they claim.
expect_usage_error '--force' --report --force a.test
expect_usage_error '--output' -o "$tmp/x" a.test
expect_usage_error "$tmp" --resolv-conf "$tmp" a.test
mkfifo "$tmp/fifo"
expect_usage_error "$tmp/fifo" --hosts "$tmp/fifo" a.test

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

# 6. Bad input that still makes a report, each in report mode inside a
# private network namespace with the loopback root hint (as in 4).
# run_report OUT ERR OPTION...: exit status in $rc.
run_report() {
	out=$1 err=$2
	shift 2
	"$top_srcdir/tests/nsrun" env LC_ALL=C "$DNSTRIAGE" --report \
	    --nsswitch /dev/null \
	    --root-hints "$top_srcdir/tests/fixtures/cli/root.hints" \
	    --timeout 300 "$@" >"$out" 2>"$err"
	rc=$?
}
run_report "$tmp/out" "$tmp/err" --resolv-conf /dev/null --hosts /dev/null a.test
if [ "$rc" = 77 ]; then
	echo "note: no private network namespace here, bad-input reports not run"
else
	# Run as uid 0 of a user namespace: no note about root.
	! grep -q 'root' "$tmp/err" || fail "a note about root inside the namespace: $(cat "$tmp/err")"

	# An unknown type by number works as one (RFC 3597).
	run_report "$tmp/out" "$tmp/err" --resolv-conf /dev/null --hosts /dev/null \
	    -t TYPE65000 a.test
	[ "$rc" = 2 ] && grep -q 'TYPE65000' "$tmp/out" ||
		fail "-t TYPE65000: status $rc, want 2 and the type in the report: $(cat "$tmp/err")"

	# -o: a new file; never over an existing one (unless --force), never
	# through a symbolic link.
	run_report "$tmp/out" "$tmp/err" --resolv-conf /dev/null --hosts /dev/null \
	    -o "$tmp/report.txt" a.test
	[ "$rc" = 2 ] && grep -q '^VERDICT: ' "$tmp/report.txt" && ! [ -s "$tmp/out" ] ||
		fail "-o a new file: status $rc, report not in the file"
	echo keep >"$tmp/old.txt"
	run_report "$tmp/out" "$tmp/err" --resolv-conf /dev/null --hosts /dev/null \
	    -o "$tmp/old.txt" a.test
	[ "$rc" = 3 ] && grep -q 'exists' "$tmp/err" && [ "$(cat "$tmp/old.txt")" = keep ] ||
		fail "-o an existing file: status $rc, $(cat "$tmp/err"), file now: $(head -c 40 "$tmp/old.txt")"
	ln -s "$tmp/old.txt" "$tmp/link.txt"
	run_report "$tmp/out" "$tmp/err" --resolv-conf /dev/null --hosts /dev/null \
	    -o "$tmp/link.txt" --force a.test
	[ "$rc" = 3 ] && grep -q 'symbolic link' "$tmp/err" && [ "$(cat "$tmp/old.txt")" = keep ] ||
		fail "-o a symbolic link with --force: status $rc, $(cat "$tmp/err")"
	ln -s "$tmp/nowhere.txt" "$tmp/dangling.txt"
	run_report "$tmp/out" "$tmp/err" --resolv-conf /dev/null --hosts /dev/null \
	    -o "$tmp/dangling.txt" a.test
	[ "$rc" = 3 ] && ! [ -e "$tmp/nowhere.txt" ] ||
		fail "-o a dangling symbolic link: status $rc, target created"
	run_report "$tmp/out" "$tmp/err" --resolv-conf /dev/null --hosts /dev/null \
	    -o "$tmp/old.txt" --force a.test
	[ "$rc" = 2 ] && grep -q '^VERDICT: ' "$tmp/old.txt" ||
		fail "-o an existing file with --force: status $rc, $(cat "$tmp/err")"

	# A resolv.conf with 100 nameservers: glibc asks three, the rest are
	# named, the run stays bounded.
	i=1
	while [ "$i" -le 100 ]; do echo "nameserver 127.0.9.$i"; i=$((i + 1)); done >"$tmp/resolv.conf"
	run_report "$tmp/out" "$tmp/err" --resolv-conf "$tmp/resolv.conf" --hosts /dev/null a.test
	[ "$rc" = 2 ] && grep -q 'glibc queries only the first 3' "$tmp/out" &&
	    grep -q 'more than 31 nameservers' "$tmp/out" ||
		fail "100 nameservers: status $rc, $(grep -c nameserver "$tmp/out") lines on nameservers"

	# A hosts file of 1 GB (sparse: no disk used): a bounded part is read,
	# quickly, and the report says so.
	if truncate -s 1G "$tmp/hosts" 2>/dev/null; then
		printf '127.0.0.1 localhost\n' | dd of="$tmp/hosts" conv=notrunc 2>/dev/null
		start=$(date +%s)
		run_report "$tmp/out" "$tmp/err" --resolv-conf /dev/null --hosts "$tmp/hosts" a.test
		took=$(($(date +%s) - start))
		[ "$rc" = 2 ] && grep -q 'dnstriage checks the first' "$tmp/out" ||
			fail "1 GB hosts file: status $rc, no remark on the bounded read"
		[ "$took" -le 20 ] || fail "1 GB hosts file: the run took ${took}s"
		rm -f "$tmp/hosts"
	fi

	# Binary root hints or trust anchor: exit 3, the file named.
	printf '\177ELF\002\001\001\000\000\000' >"$tmp/binary"
	for opt in --root-hints --trust-anchor; do
		run_report "$tmp/out" "$tmp/err" --resolv-conf /dev/null --hosts /dev/null \
		    "$opt" "$tmp/binary" a.test
		[ "$rc" = 3 ] && grep -q "$tmp/binary" "$tmp/err" && ! [ -s "$tmp/out" ] ||
			fail "$opt of binary data: status $rc, $(cat "$tmp/err")"
	done

	# Binary data as resolv.conf: a remark, not a crash.
	printf 'nameserver 127.0.0.1\n\000\001\002\377garbage\n' >"$tmp/binary.conf"
	run_report "$tmp/out" "$tmp/err" --resolv-conf "$tmp/binary.conf" --hosts "$tmp/binary.conf" a.test
	[ "$rc" = 2 ] && grep -q 'binary data' "$tmp/out" ||
		fail "binary resolv.conf: status $rc, no remark on binary data"
fi

[ "$fails" = 0 ] && echo "PASS: command line contract" && exit 0
exit 1
