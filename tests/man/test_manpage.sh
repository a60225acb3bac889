#!/bin/sh
# test_manpage.sh - data/dnstriage.1 renders without warnings, documents
# every option of the command line, every failure code of knowledge.h, and
# lists the codes in the precedence order of src/verdict.c.
set -u
: "${top_srcdir:?top_srcdir must point at the source tree}"
man="$top_srcdir/data/dnstriage.1"
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

if command -v groff >/dev/null 2>&1; then
	groff -man -Tutf8 -ww -z "$man" >"$tmp/warn" 2>&1
	[ -s "$tmp/warn" ] && fail "groff warns: $(cat "$tmp/warn")"
else
	echo "note: no groff, rendering not checked"
fi

# The page without roff escapes for hyphens, as a reader searches it.
sed 's/\\-/-/g' "$man" >"$tmp/page"

for opt in --report --json -o --output --force -t --type -p --port --expect-ip \
    -r --resolver --resolv-conf --hosts --nsswitch --compare-resolver --root-hints \
    --trust-anchor --at --timeout --tries --lab -h --help -V --version; do
	grep -q -e "$opt\\b" "$tmp/page" || fail "option $opt not documented"
done
grep -q '^\.SH EXIT STATUS' "$tmp/page" || fail "no EXIT STATUS section"

# Failure codes in table order, as "ID code" lines.
sed -n '/^#define FAILURE_TABLE/,/^$/p' \
    "$top_srcdir/include/dnstriage/knowledge.h" |
    sed -n 's/^[[:space:]]*X(\([A-Z_]*\), "\([a-z-]*\)", SEVERITY_[A-Z]*).*/\1 \2/p' \
    >"$tmp/codes"
[ "$(wc -l <"$tmp/codes")" -ge 18 ] || fail "could not read FAILURE_TABLE"
# Documented codes, in the order of the FAILURE CODES section.
sed -n '/^\.SH FAILURE CODES/,/^\.SH /p' "$tmp/page" |
    sed -n 's/^\.BR \([a-z-]*\) ".*/\1/p' >"$tmp/documented"
while read -r id code; do
	grep -qx "$code" "$tmp/documented" || fail "failure code $code not documented"
done <"$tmp/codes"

# The precedence order: the rules of verdict.c, mapped to code strings.
sed -n '/^static const struct verdict_rule rules/,/^};/p' \
    "$top_srcdir/src/verdict.c" |
    sed -n 's/^[[:space:]]*{ FAILURE_\([A-Z_]*\),.*/\1/p' |
    while read -r id; do
	awk -v id="$id" '$1 == id { print $2 }' "$tmp/codes"
    done >"$tmp/rules"
[ "$(wc -l <"$tmp/rules")" -ge 17 ] || fail "could not read the rules"
grep -vx -e healthy -e unknown "$tmp/documented" >"$tmp/documented-rules"
cmp -s "$tmp/rules" "$tmp/documented-rules" ||
	fail "FAILURE CODES are not in the precedence order of verdict.c:
$(diff "$tmp/rules" "$tmp/documented-rules")"

[ "$fails" -eq 0 ] || exit 1
echo "PASS: the manual page documents every option and failure code"
