#!/bin/sh
# test_report_lang.sh - --report-lang: the report (text, JSON, -o FILE) in
# another language than the screen. The screen is German through the test
# catalogue (DNSTRIAGE_LOCALEDIR, LANGUAGE=de in C.UTF-8); the runs happen
# in a private network namespace where nothing answers (resolver-down),
# with a resolv.conf that earns a remark, so the report has a verdict, a
# recovery and a configuration note to translate.
set -u
: "${DNSTRIAGE:?DNSTRIAGE must point at the built program}"
: "${top_srcdir:?top_srcdir must point at the source tree}"
: "${DNSTRIAGE_TEST_LOCALEDIR:?DNSTRIAGE_TEST_LOCALEDIR must point at the test catalogues}"
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fx="$top_srcdir/tests/fixtures"

[ -f "$DNSTRIAGE_TEST_LOCALEDIR/de/LC_MESSAGES/dnstriage.mo" ] ||
	{ echo "ERROR: no test catalogue in $DNSTRIAGE_TEST_LOCALEDIR"; exit 99; }

# run NAME SCREEN-ENV... -- OPTION...: the report on NAME.out, stderr on
# NAME.err, the status in NAME.rc.
run() {
	name=$1; shift
	envs=
	while [ "$1" != -- ]; do envs="$envs $1"; shift; done
	shift
	# shellcheck disable=SC2086 # the environment assignments are words
	"$top_srcdir/tests/nsrun" env -u LC_ALL -u LANG -u LANGUAGE \
	    DNSTRIAGE_LOCALEDIR="$DNSTRIAGE_TEST_LOCALEDIR" $envs \
	    "$DNSTRIAGE" --resolv-conf "$fx/i18n/remark.resolv.conf" \
	    --hosts /dev/null --nsswitch /dev/null \
	    --root-hints "$fx/cli/root.hints" --timeout 300 --tries 1 \
	    "$@" a.test >"$tmp/$name.out" 2>"$tmp/$name.err"
	echo $? >"$tmp/$name.rc"
}
# The report as one line: prose wraps at 100 columns.
has_text() { tr '\n' ' ' <"$2" | tr -s ' ' | grep -q -F -e "$1"; }
german="LANG=C.UTF-8 LANGUAGE=de"
english_verdict='^VERDICT: resolver-down (critical)'
german_verdict='^URTEIL: resolver-down (kritisch)'
remark_en="line 2: unknown keyword 'frobnicate': glibc ignores the line"
remark_de="Zeile 2: unbekanntes Schlüsselwort 'frobnicate': glibc ignoriert die Zeile"

# 1. The German screen gives a German report: the catalogue is in use,
# so the English of the next runs is the option's doing.
run de $german -- --report
if [ "$(cat "$tmp/de.rc")" = 77 ] && ! [ -s "$tmp/de.out" ]; then
	echo "SKIP: no private network namespace here"
	exit 77
fi
[ "$(cat "$tmp/de.rc")" = 2 ] || fail "German report: status $(cat "$tmp/de.rc"): $(cat "$tmp/de.err")"
grep -q "$german_verdict" "$tmp/de.out" || fail "German screen, no German verdict:
$(head -5 "$tmp/de.out")"
has_text "$remark_de" "$tmp/de.out" || fail "German screen, remark not in German"
grep -q '^  WAS JETZT ZU TUN IST' "$tmp/de.out" ||
	grep -q '^WAS JETZT ZU TUN IST' "$tmp/de.out" || fail "German screen, recovery heading not in German"

# 2. --report-lang C: English, however German the screen.
for lang in C en POSIX; do
	run c $german -- --report --report-lang "$lang"
	[ "$(cat "$tmp/c.rc")" = 2 ] || fail "--report-lang $lang: status $(cat "$tmp/c.rc"): $(cat "$tmp/c.err")"
	grep -q "$english_verdict" "$tmp/c.out" || fail "--report-lang $lang: no English verdict:
$(head -5 "$tmp/c.out")"
	has_text "$remark_en" "$tmp/c.out" || fail "--report-lang $lang: the remark is not in English"
	grep -q -e 'URTEIL' -e 'Zeile' -e 'Schlüssel' -e 'kritisch' -e 'WAS JETZT' "$tmp/c.out" &&
		fail "--report-lang $lang: German left in the report: $(grep -e URTEIL -e Zeile -e kritisch "$tmp/c.out" | head -3)"
done

# 3. The JSON report and -o FILE too; the messages on stderr stay in the
# screen's language.
run json $german -- --json -o "$tmp/report.json" --report-lang C
[ "$(cat "$tmp/json.rc")" = 2 ] || fail "--json --report-lang C: status $(cat "$tmp/json.rc"): $(cat "$tmp/json.err")"
grep -q -F "$remark_en" "$tmp/report.json" || fail "JSON: the remark is not in English"
grep -q -e 'Zeile' -e 'Schlüssel' "$tmp/report.json" && fail "JSON: German left in the prose"
grep -q '"code": "resolver-down"' "$tmp/report.json" || fail "JSON: no verdict: $(head -c 300 "$tmp/report.json")"

# 4. The other way round: an English (C) screen, a German report.
run rev LC_ALL=C -- --report --report-lang de
grep -q "$german_verdict" "$tmp/rev.out" || fail "C screen, --report-lang de: no German verdict:
$(head -5 "$tmp/rev.out") $(cat "$tmp/rev.err")"
has_text "$remark_de" "$tmp/rev.out" || fail "C screen, --report-lang de: the remark is not in German (UTF-8)"

# 5. A language without a catalogue: English, and stderr says so.
run xx $german -- --report --report-lang fr
grep -q "$english_verdict" "$tmp/xx.out" || fail "--report-lang fr (no catalogue): not English"
grep -q "fr" "$tmp/xx.err" || fail "--report-lang fr (no catalogue): nothing said on stderr"

# 6. Not a language: a usage error in the screen's language.
env -u LC_ALL LANG=C.UTF-8 LANGUAGE=de DNSTRIAGE_LOCALEDIR="$DNSTRIAGE_TEST_LOCALEDIR" \
    "$DNSTRIAGE" --report --report-lang ../../etc a.test >"$tmp/bad.out" 2>"$tmp/bad.err"
rc=$?
[ "$rc" = 3 ] || fail "--report-lang ../../etc: status $rc, want 3"
grep -q -F -e '../../etc' "$tmp/bad.err" || fail "--report-lang ../../etc: reason does not name it: $(cat "$tmp/bad.err")"
grep -q -F -e '»dnstriage --help« gibt weitere Informationen' "$tmp/bad.err" ||
	fail "usage error: the hint is not in the screen's language: $(cat "$tmp/bad.err")"

[ "$fails" -eq 0 ] || exit 1
echo "PASS: --report-lang writes the report in its own language"
