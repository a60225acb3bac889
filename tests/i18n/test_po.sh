#!/bin/sh
# test_po.sh - every translation in po/LINGUAS is complete for the current
# sources: merged (msgmerge) with a template made from them now, it has no
# untranslated and no fuzzy message, and msgfmt -c (formats, plural forms,
# header) accepts it. With an empty LINGUAS only the template is built,
# which still proves that xgettext reads every file of POTFILES.in.
set -u
: "${top_srcdir:?top_srcdir must point at the source tree}"
. "$top_srcdir/tests/i18n/i18n-common.sh"
need_tools
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

make_pot "$tmp/dnstriage.pot" 2>"$tmp/xgettext.err" ||
	fail "xgettext over po/POTFILES.in: $(cat "$tmp/xgettext.err")"
[ -s "$tmp/xgettext.err" ] && fail "xgettext warns: $(cat "$tmp/xgettext.err")"
nmsg=$(grep -c '^msgid ' "$tmp/dnstriage.pot" 2>/dev/null)
: "${nmsg:=0}"
[ "$nmsg" -gt 100 ] || fail "the template has only $nmsg messages"

langs=$(linguas)
for lang in $langs; do
	file="$po/$lang.po"
	if [ ! -f "$file" ]; then
		fail "po/LINGUAS lists $lang, but there is no po/$lang.po"
		continue
	fi
	"$MSGFMT" -c -o /dev/null "$file" >"$tmp/check" 2>&1 ||
		fail "msgfmt -c rejects po/$lang.po:
$(cat "$tmp/check")"
	if ! "$MSGMERGE" --quiet -o "$tmp/$lang.po" "$file" "$tmp/dnstriage.pot" \
	    2>"$tmp/merge"; then
		fail "msgmerge po/$lang.po: $(cat "$tmp/merge")"
		continue
	fi
	"$MSGFMT" -c --statistics -o /dev/null "$tmp/$lang.po" >"$tmp/stats" 2>&1 ||
		fail "msgfmt -c rejects po/$lang.po merged with the sources:
$(cat "$tmp/stats")"
	stats=$(tail -n 1 "$tmp/stats")
	case $stats in
	*fuzzy* | *untranslated*)
		# Name a few, so the translator knows where to start.
		missing=$( { "$MSGATTRIB" --no-wrap --no-obsolete --untranslated \
		    "$tmp/$lang.po"; "$MSGATTRIB" --no-wrap --no-obsolete \
		    --only-fuzzy "$tmp/$lang.po"; } 2>/dev/null |
		    grep '^msgid ' | grep -v '^msgid ""$' | head -n 5)
		fail "po/$lang.po is not complete for the current sources: $stats
$missing"
		;;
	*translated*) echo "$lang: $stats" ;;
	*) fail "po/$lang.po: cannot read msgfmt's statistics: $stats" ;;
	esac
done

# A translation that LINGUAS does not list is never installed.
for file in "$po"/*.po; do
	[ -f "$file" ] || continue
	lang=$(basename "$file" .po)
	printf '%s\n' $langs | grep -qx "$lang" ||
		fail "po/$lang.po exists but po/LINGUAS does not list $lang"
done

[ "$fails" -eq 0 ] || exit 1
if [ -z "$langs" ]; then
	echo "PASS: the template builds ($nmsg messages); po/LINGUAS lists no language yet"
else
	echo "PASS: every language of po/LINGUAS is complete:" $langs
fi
