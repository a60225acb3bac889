#!/bin/sh
# test_tui_healthy.sh - the wizard on the healthy lab scenario, in colour at
# 80x24, as an engineer would use it: walk every step with Enter, move with
# the number keys, Tab and the arrows, open a finding, open and close the
# help, write the text and JSON reports, resize the terminal, quit with q.
. "$(dirname "$0")/tui-common.sh"

case_healthy() {
	scn=healthy
	code=$(scenario_code $scn)
	start 80 24 "$(wizard_cmd -- --lab $scn)" || return
	# the colour terminal gets colour
	wait_page 1 20 || { fail "the wizard did not open"; return; }
	scr_escapes | python3 "$tui_py" colours || fail "no colour on xterm-256color"

	# 1. the guided walk: every step's findings, then the verdict
	walk || return
	walked "1/5 Is it DNS?" "The name resolves" "Service reachable by address" \
	    "2/5 Resolvers" "Resolver answers  127.0.5.1#53" "Resolver answers  127.0.5.2#53" \
	    "3/5 Authoritative servers" "Authoritative server answers  127.0.3.2#53" \
	    "4/5 DNSSEC" "Chain of trust holds" "Resolver validates (AD)" \
	    "5/5 Serials" "Serials agree" "VERDICT: $code (ok)"
	check_verdict "$code"
	expect "Serials: ok." 2	# the guide says what the last step found

	# 2. the JSON report (j): the default name, then a valid report
	keys j
	expect "Write the JSON report" 5
	expect_re "dnstriage-www\.example\.test-[0-9]{8}T[0-9]{6}Z\.json" 2
	keys Enter
	expect "Wrote the JSON report to" 5
	json=$(ls "$dir"/dnstriage-www.example.test-*Z.json 2>/dev/null | sed -n 1p)
	if [ -z "$json" ]; then
		fail "no JSON report in $dir"
	else
		python3 "$tui_py" json "$json" "$code" || fail "the JSON report is not right"
	fi

	# 3. keys 1-6 choose the page; Up/Down move along the steps
	for k in 1 2 3 4 5 6 3; do
		keys "$k"
		wait_page "$k" 2 || fail "key $k did not show page $k"
	done
	keys Down
	wait_page 4 2 || fail "Down did not go from step 3 to 4"
	keys Up Up
	wait_page 2 2 || fail "Up Up did not go from step 4 to 2"

	# 4. Tab to the findings, Down to the second one, Enter opens it (its
	# code and message, as the JSON report has them), Space closes it
	keys 1 Tab Down Enter
	if [ -n "$json" ]; then
		f_code=$(python3 "$tui_py" finding "$json" 0 1 | sed -n 1p)
		f_msg=$(python3 "$tui_py" finding "$json" 0 1 | sed -n 2p | cut -d' ' -f1-4)
		expect "    $f_code" 2
		expect "    $f_msg" 2
		keys Space
		expect_gone "    $f_msg" 2
		keys Enter
		expect "    $f_msg" 2
		keys Enter
		expect_gone "    $f_msg" 2
	fi
	# in the findings Down moves the selection, not the step
	[ "$(page)" = 1 ] || fail "Down in the findings pane changed the step"
	# Right: evidence, Left Left: back to the steps, where Down moves on
	keys Right Left Left Down
	wait_page 2 2 || fail "Left Left did not bring the focus back to the steps"
	# Tab Tab Tab: round to the steps again
	keys Tab Tab Tab Down
	wait_page 3 2 || fail "three Tabs did not bring the focus back to the steps"

	# 5. help: ? and F1 open it, Esc and q close it (q does not quit)
	keys 2 '?'
	if wait_for " Help " 3; then
		help_checks "Help for step 2 of 5: Resolvers" "checks every resolver"
		# scrolled down: the findings this step can make, by code
		keys NPage
		sleep 0.2
		help_checks "resolver-timeout"
	else
		fail "? did not open the help"
	fi
	keys Escape
	expect_gone " Help " 2
	keys 6 F1
	if wait_for " Help " 3; then
		help_checks "The verdict names one failure type" "not-dns"
	else
		fail "F1 did not open the help"
	fi
	keys q
	expect_gone " Help " 2
	[ "$(pane '#{pane_dead} #{alternate_on}')" = "0 1" ] || fail "q in the help quit the wizard"

	# 6. the text report (w): default name, accepted; then w again: it asks
	# before replacing, and n keeps the file
	keys w
	expect "Write the text report" 5
	expect_re "dnstriage-www\.example\.test-[0-9]{8}T[0-9]{6}Z\.txt" 2
	keys Enter
	expect "Wrote the text report to" 5
	txt=$(ls "$dir"/dnstriage-www.example.test-*Z.txt 2>/dev/null | sed -n 1p)
	if [ -z "$txt" ]; then
		fail "no text report in $dir"
	else
		grep -q "^VERDICT: $code (ok)" "$txt" || fail "the text report has no 'VERDICT: $code'"
		sum=$(cksum <"$txt")
		printf 'not the report\n' >"$txt"
		keys w
		expect "Write the text report" 5
		keys Enter
		expect "exists. Replace it?" 5
		keys n
		expect "Write the text report" 3	# back to the name, to change it
		keys Escape
		expect "No report written." 3
		[ "$(cat "$txt")" = "not the report" ] || fail "the report was replaced after n"
		# and y replaces it
		keys w
		expect "Write the text report" 5
		keys Enter
		expect "exists. Replace it?" 5
		keys y
		expect "Wrote the text report to" 3
		[ "$(cksum <"$txt")" = "$sum" ] || fail "y did not write the report again"
	fi

	# 7. resizing: the layout follows, too small says so, and recovers
	check_layout 60 16
	check_layout 132 43
	T resize-window -t tui -x 50 -y 12
	expect "Terminal too small" 3
	scr | awk 'length > 50 { exit 1 }' || fail "text beyond 50 columns on a 50x12 screen"
	check_layout 80 24
	check_verdict "$code"
	# the help and a dialog follow a resize; a dialog on a terminal that
	# becomes too small is dropped (nothing written), the wizard goes on
	keys '?'
	expect " Help " 3
	T resize-window -t tui -x 60 -y 16
	expect "Esc or q: close" 3
	keys Escape
	expect_gone " Help " 2
	keys w
	expect "Write the text report" 5
	T resize-window -t tui -x 132 -y 43
	expect_re "dnstriage-www\.example\.test-[0-9]{8}T[0-9]{6}Z\.txt" 3
	T resize-window -t tui -x 50 -y 12
	expect "Terminal too small" 3
	T resize-window -t tui -x 80 -y 24
	expect "No report written." 3
	[ "$(pane '#{alternate_on}')" = 1 ] || fail "the wizard ended after a resize in a dialog"
	check_layout 80 24

	# 8. q quits (no question: every answer is in); the terminal is
	# restored and the verdict and the reports stay on it
	keys q
	check_restored 0
	scr_joined | grep -qF "dnstriage: $code (ok): " || fail "no verdict line after quitting"
	scr_joined | grep -qF "dnstriage: report written to $json" || fail "no line for $json after quitting"
	scr_joined | grep -qF "dnstriage: report written to $txt" || fail "no line for $txt after quitting"
}

run_cases healthy
