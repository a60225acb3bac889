#!/bin/sh
# test_tui_terminal.sh - the wizard on different terminals, in one start of
# the healthy lab scenario: the start form when no name is given (an invalid
# name shows the parser's reason and stays), the time to the first frame,
# ASCII (--ascii, TERM=vt100, LC_ALL=C), and SIGTERM and SIGHUP, after which the
# terminal must be restored.
. "$(dirname "$0")/tui-common.sh"
if [ -z "${LAB_SCENARIO:-}" ]; then
	sh "$lab" run healthy -- sh "$0"
	exit $?
fi

case_form() {
	# No name: the form. The first frame is drawn before anything is read.
	# Timed from the program's start (the shell's clock, just before) to
	# the status bar in the terminal's output (tmux pipe-pane); the shell
	# waits for a key until the output is watched.
	# shellcheck disable=SC2046
	start 80 24 "stty -echo; read go; stty echo; date +%s%N >$(q "$dir/t0"); $(wizard_cmd -- $(lab_args))" || return
	T pipe-pane -t tui -o "exec python3 $(q "$tui_py") first-frame $(q "$dir/ready") $(q "$dir/t1") Enter:next"
	n=0
	while ! [ -f "$dir/ready" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
	keys Enter
	n=0
	while ! [ -f "$dir/t1" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
	if ! [ -s "$dir/t1" ] || ! [ -s "$dir/t0" ]; then
		fail "no first frame"
	else
		ff=$((($(cat "$dir/t1") - $(cat "$dir/t0")) / 1000))
		note "first frame $((ff / 1000)).$((ff % 1000 / 100)) ms after the start (goal 50 ms)"
		[ "$ff" -lt 1000000 ] || fail "the first frame took $((ff / 1000)) ms"
		[ "$ff" -lt 50000 ] || note "WARNING: above the 50 ms goal"
	fi
	T pipe-pane -t tui
	expect "What should be triaged?" 5
	expect "Name or URL" 1
	# an invalid name: the parser's reason, and the form stays
	keys -l 'bad..name'
	keys Enter
	expect "invalid domain name: 'bad..name'" 3
	scr | grep -qF "What should be triaged?" || fail "the form went away on an invalid name"
	row 1 | grep -qF "bad..name" && fail "a triage started for an invalid name"
	# the lab's name: Enter starts the triage, a runs it to the verdict
	keys C-u
	keys -l "$LAB_NAME"
	keys Enter
	wait_page 1 5 || { fail "Enter in the form did not start the triage"; return; }
	row 1 | grep -qF "$LAB_NAME" || fail "the header does not name $LAB_NAME"
	keys a
	wait_page 6 10 || fail "a did not run to the verdict"
	expect "VERDICT: $LAB_EXPECT (" 10
	check_verdict "$LAB_EXPECT"
	keys q
	check_restored 0
	scr_joined | grep -qF "dnstriage: $LAB_EXPECT (" || fail "no verdict line after quitting"
}

# --ascii on a colour UTF-8 terminal: ASCII borders and marks; SIGTERM
case_ascii() {
	# shellcheck disable=SC2046,SC2086
	start 80 24 "$(wizard_cmd -- $(lab_args) --ascii $LAB_OPTIONS "$LAB_NAME")" || return
	keys a
	expect "VERDICT: $LAB_EXPECT (" 10
	expect "+ 1 Is it DNS?" 2
	row 2 | grep -q '^+- Steps -' || fail "no ASCII border"
	stable_scr | python3 "$tui_py" ascii || fail "not ASCII with --ascii"
	check_layout 80 24
	pid=$(wizard_pid)
	if [ -z "$pid" ]; then
		fail "cannot find the wizard's process"
		return
	fi
	kill -TERM "$pid"
	check_restored 143
}

# TERM=vt100: ASCII marks (line drawing stays: vt100 has it), monochrome
case_vt100() {
	# shellcheck disable=SC2046,SC2086
	start 80 24 "$(wizard_cmd TERM=vt100 -- $(lab_args) $LAB_OPTIONS "$LAB_NAME")" || return
	keys a
	expect "VERDICT: $LAB_EXPECT (" 10
	expect "+ 1 Is it DNS?" 2
	stable_scr | python3 "$tui_py" ascii || fail "not ASCII on a vt100"
	scr_escapes | python3 "$tui_py" no-colours || fail "colour on a vt100"
	check_layout 80 24
	keys q
	check_restored 0
}

# a locale that is not UTF-8: ASCII marks on a colour terminal
case_clocale() {
	# shellcheck disable=SC2046,SC2086
	start 80 24 "$(wizard_cmd LC_ALL=C -- $(lab_args) $LAB_OPTIONS "$LAB_NAME")" || return
	keys a
	expect "VERDICT: $LAB_EXPECT (" 10
	expect "+ 1 Is it DNS?" 2
	stable_scr | python3 "$tui_py" ascii || fail "not ASCII in the C locale"
	scr_escapes | python3 "$tui_py" colours || fail "no colour on xterm-256color in the C locale"
	keys q
	check_restored 0
}

# SIGHUP (the terminal went away) while the wizard shows the first step
case_hangup() {
	# shellcheck disable=SC2046,SC2086
	start 80 24 "$(wizard_cmd -- $(lab_args) $LAB_OPTIONS "$LAB_NAME")" || return
	wait_page 1 5 || { fail "the wizard did not open"; return; }
	[ "$(pane '#{alternate_on} #{cursor_flag}')" = "1 0" ] ||
	    fail "the wizard does not use the alternate screen with the cursor hidden"
	pid=$(wizard_pid)
	if [ -z "$pid" ]; then
		fail "cannot find the wizard's process"
		return
	fi
	kill -HUP "$pid"
	check_restored 129
}

run_cases form ascii vt100 clocale hangup
