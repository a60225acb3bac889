#!/bin/sh
# test_gettext_scan.sh - no user-visible string escapes gettext:
# 1. every source file in which xgettext finds a message is listed in
#    po/POTFILES.in (else its messages never reach the translators), and
#    every file listed there exists;
# 2. no string literal with words is passed unwrapped to an output
#    function or a message sink (tests/i18n/gettext_scan.py, with the
#    reasoned exceptions of tests/i18n/untranslated-literals.txt).
set -u
: "${top_srcdir:?top_srcdir must point at the source tree}"
. "$top_srcdir/tests/i18n/i18n-common.sh"
need_tools
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$po/POTFILES.in" \
    >"$tmp/listed"
while read -r f; do
	[ -f "$top_srcdir/$f" ] || fail "po/POTFILES.in lists $f, which does not exist"
done <"$tmp/listed"

(cd "$top_srcdir" && find src include -name '*.[ch]' | LC_ALL=C sort) \
    >"$tmp/sources"
while read -r f; do
	grep -qx -F "$f" "$tmp/listed" && continue
	make_pot "$tmp/one.pot" "$f" 2>/dev/null
	# A template with a message beyond the header entry.
	if [ -f "$tmp/one.pot" ] && [ "$(grep -c '^msgid ' "$tmp/one.pot")" -gt 1 ]; then
		fail "$f has translatable strings but is not in po/POTFILES.in:
$(grep '^msgid ' "$tmp/one.pot" | sed -n 2,4p)"
	fi
	rm -f "$tmp/one.pot"
done <"$tmp/sources"

if command -v python3 >/dev/null 2>&1; then
	# The scanner finds what it must: the lines marked ESCAPES, no other.
	sample="$top_srcdir/tests/fixtures/i18n/scan-sample.c"
	python3 "$top_srcdir/tests/i18n/gettext_scan.py" "$top_srcdir" \
	    "$sample" >"$tmp/sample" 2>&1
	[ $? = 1 ] || fail "gettext_scan.py does not fail on $sample"
	sed -n 's/^[^:]*:\([0-9]*\): .*/\1/p' "$tmp/sample" | sort -n >"$tmp/found"
	grep -n '/\* ESCAPES \*/' "$sample" | cut -d: -f1 |
	    while read -r n; do
		# A call over two lines is reported at its literal's start.
		if sed -n "${n}p" "$sample" | grep -q '^[[:space:]]*"'; then
			n=$((n - 1))
		fi
		echo "$n"
	    done | sort -n >"$tmp/expected"
	cmp -s "$tmp/found" "$tmp/expected" || fail "gettext_scan.py on $sample:
$(cat "$tmp/sample")
reported lines $(tr '\n' ' ' <"$tmp/found"), expected $(tr '\n' ' ' <"$tmp/expected")"

	python3 "$top_srcdir/tests/i18n/gettext_scan.py" "$top_srcdir" \
	    >"$tmp/scan" 2>&1 ||
		fail "text that escapes gettext:
$(cat "$tmp/scan")"
else
	echo "note: no python3, the scan of output calls did not run"
fi

[ "$fails" -eq 0 ] || exit 1
echo "PASS: every translatable source is in POTFILES.in; no unwrapped text in output calls"
