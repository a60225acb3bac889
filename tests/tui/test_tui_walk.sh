#!/bin/sh
# test_tui_walk.sh - the wizard on two broken lab scenarios, walked with
# Enter from the first step to the verdict: each step shows its findings,
# the verdict page and box its failure code and summary. Monochrome both:
# NO_COLOR=1 and --no-color. Ctrl-C and q end them; the terminal is
# restored either way. And a silent server shown as "No answer yet" before
# its timeout.
. "$(dirname "$0")/tui-common.sh"

case_dnssec() {
	scn=dnssec-bogus-expired
	code=$(scenario_code $scn)
	start 80 24 "$(wizard_cmd NO_COLOR=1 -- --lab $scn)" || return
	walk || return
	walked "1/5 Is it DNS?" "The name does not resolve" \
	    "2/5 Resolvers" "Resolver fails (SERVFAIL)  127.0.5.1#53" \
	    "3/5 Authoritative servers" "Authoritative server answers  127.0.3.1#53" \
	    "4/5 DNSSEC" "Validation fails  127.0.5.2#53" "Signature expired  127.0.3.1#53" \
	    "5/5 Serials" "VERDICT: $code (critical)"
	check_verdict "$code"
	# NO_COLOR: no colour at all, the selection still shows (reverse)
	scr_escapes | python3 "$tui_py" no-colours || fail "colour despite NO_COLOR=1"
	# a long verdict page, shrunk and grown back: its top is shown again
	check_layout 60 16
	check_layout 80 24
	check_verdict "$code"
	keys C-c
	check_restored 130
}

case_failover() {
	scn=resolver-failover
	code=$(scenario_code $scn)
	start 80 24 "$(wizard_cmd -- --lab $scn --no-color)" || return
	walk || return
	walked "2/5 Resolvers" "Resolver silent  127.0.5.1#53" \
	    "Resolver answers  127.0.5.2#53" "Failover penalty  127.0.5.1#53" \
	    "3/5 Authoritative servers" "4/5 DNSSEC" "5/5 Serials" \
	    "VERDICT: $code (warning)"
	check_verdict "$code"
	scr_escapes | python3 "$tui_py" no-colours || fail "colour despite --no-color"
	# the verdict page lists the findings it rests on; in the findings pane
	# (Tab) the evidence follows the selection: the silent resolver's
	# query, then (Down) the penalty, which has no query of its own
	keys Tab
	expect "Reproduce: dig @127.0.5.1" 2
	keys Down
	expect_gone "Reproduce: dig @127.0.5.1" 2
	keys Up
	expect "Reproduce: dig @127.0.5.1" 2
	keys q
	check_restored 1
	scr_joined | grep -qF "dnstriage: $code (warning): " || fail "no verdict line after quitting"
}

# A dead name server while its peer answered: long before its (4 s)
# timeout the authoritative step shows it as "No answer yet"; once the
# timeout has passed that becomes a finding of its own (issue #9).
case_waiting() {
	scn=authoritative-partial
	start 80 24 "$(wizard_cmd -- --lab $scn --timeout 4000)" || return
	wait_for " Steps " 15 || { fail "the wizard did not start"; return; }
	t0=$(now_ms)
	keys 3
	if wait_for "No answer yet  127.0.3.2#53" 3; then
		ms=$(($(now_ms) - t0))
		note "no answer yet shown $ms ms after the first frame (timeout 4000 ms)"
		[ "$ms" -lt 3000 ] || fail "'No answer yet' came only after $ms ms"
	else
		fail "the silent name server never showed as 'No answer yet'"
	fi
	expect "Authoritative server silent  127.0.3.2#53" 8
	expect_gone "No answer yet" 2
	keys q
	check_restored 1
}

run_cases dnssec failover waiting
