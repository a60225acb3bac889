#!/bin/sh
# test_tui_i18n.sh - the wizard in German and Japanese (LANGUAGE=de, ja
# under a UTF-8 locale) at 80x24, with the real catalogues of po/: the
# status bar, the verdict page and the help screen come out translated,
# and every pane keeps its borders in their columns when the text has
# double-width characters. The expected texts are read from po/LANG.po,
# so the test follows the translations instead of copying them.
. "$(dirname "$0")/tui-common.sh"

locale_dir=$top_builddir/tests/tui/locale
# po_tr LANG MSGID: MSGID as po/LANG.po translates it
po_tr() { python3 "$tui_py" msgstr "$top_srcdir/po/$1.po" "$2"; }

translated() {
	l=$1
	scn=dnssec-bogus-expired
	code=$(scenario_code $scn)
	if ! [ -f "$locale_dir/$l/LC_MESSAGES/dnstriage.mo" ]; then
		fail "no catalogue for $l in $locale_dir (is $l in po/LINGUAS?)"
		return
	fi
	status=$(po_tr "$l" " Enter:next a:all r:rerun Tab:pane 1-6:step ?:help w:report j:JSON q:quit")
	[ -n "$status" ] || { fail "po/$l.po does not translate the status bar"; return; }
	start 80 24 "$(wizard_cmd LANGUAGE="$l" DNSTRIAGE_LOCALEDIR="$locale_dir" \
	    -- --lab $scn)" || return
	wait_for "$(printf %s "$status" | cut -c1-12)" 20 ||
	    { fail "the status bar is not in $l"; return; }
	# the verdict page, once every answer is in: its headline translated
	verdict=$(po_tr "$l" 'VERDICT: %1$s (%2$s)' | sed "s/%1\$s/$code/; s/%2\$s/$(po_tr "$l" critical)/")
	keys 6
	expect "$verdict" 15
	scr_joined | grep -qF "$code" || fail "the verdict code $code is not on the screen"
	stable_scr >"$dir/verdict-$l.txt"
	python3 "$tui_py" wide-layout 80 24 "$status" <"$dir/verdict-$l.txt" ||
	    fail "the $l verdict screen is not aligned"
	# the help of the verdict page: its title and its first paragraph
	keys '?'
	expect "$(po_tr "$l" "Help: the verdict")" 5
	stable_scr >"$dir/help-$l.txt"
	python3 "$tui_py" wide-help 80 24 "$(po_tr "$l" Help)" <"$dir/help-$l.txt" ||
	    fail "the $l help window is not aligned"
	keys Escape
	expect_gone "$(po_tr "$l" "Help: the verdict")" 3
	# a step's page and its help, in the language too
	keys 4
	expect "4/5 $(po_tr "$l" DNSSEC)" 3
	stable_scr >"$dir/dnssec-$l.txt"
	python3 "$tui_py" wide-layout 80 24 "$status" <"$dir/dnssec-$l.txt" ||
	    fail "the $l DNSSEC screen is not aligned"
	keys q
	check_restored 2
}

case_de() { translated de; }
case_ja() { translated ja; }

run_cases de ja
