# tui-common.sh - sourced by the wizard's end-to-end tests (tests/tui/*.sh):
# drive dnstriage as a person would, on a terminal of a detached tmux server
# of our own (its socket file lives in the test's directory, so no other tmux
# server is ever touched), inside the lab's private network namespaces.
# Skips (77) without tmux, private namespaces or the lab's servers.
#
# A test defines case functions and runs them with run_cases (two at a
# time); inside a case: start, keys, scr, row, wait_for, expect, fail...
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
: "${DNSTRIAGE:=$top_builddir/dnstriage}"
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed (Debian package tmux)"
	exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is not installed (it checks the layout and the JSON)"
	exit 77
fi
# a private network namespace (tests/nsrun), the lab's tools: else exit 77
. "$top_srcdir/tests/lab/lab-common.sh"
unset TMUX TMUX_PANE
tui_py=$top_srcdir/tests/tui/tui-screen.py
wizard=$(readlink -f "$DNSTRIAGE") || { echo "FAIL: no program $DNSTRIAGE"; exit 99; }
# Keys are signed once for every test of a 'make check' (the lab's cache is
# safe to share: the first to build it wins, atomically).
: "${DNSTRIAGE_LAB_CACHE:=$(cd "$top_builddir" && pwd)/tests/tui/lab-cache}"
DNSTRIAGE_LAB=$lab	# (lab-common.sh)
export DNSTRIAGE_LAB_CACHE DNSTRIAGE_LAB

work=$(mktemp -d "${TMPDIR:-/tmp}/dnstriage-tui.XXXXXX") || exit 99
# the lab's run directories too, so nothing can be left behind elsewhere
TMPDIR=$work
export TMPDIR
tui_conf=$work/tmux.conf
# No status line: the pane is the whole window.
cat >"$tui_conf" <<'EOF'
set -g status off
set -g history-limit 1000
EOF

case_pids=
tui_cleanup() {
	# cases still running (the test was interrupted) stop first
	for p in $case_pids; do kill -TERM "$p" 2>/dev/null; done
	for s in "$work"/*.sock; do
		[ -S "$s" ] && tmux -S "$s" kill-server 2>/dev/null
	done
	# the panes' programs end on the hangup (the lab stops its servers
	# first): wait for them, bounded
	for f in "$work"/*.panepid; do
		[ -f "$f" ] || continue
		p=$(cat "$f")
		i=0
		while [ -n "$p" ] && [ -d "/proc/$p" ] && [ $i -lt 100 ]; do
			sleep 0.05
			i=$((i + 1))
		done
	done
	# a lab run in a pane removes its directory (in $work) last, after
	# its servers have stopped
	i=0
	while [ $i -lt 200 ] && ls -d "$work"/dnstriage-lab.* >/dev/null 2>&1; do
		sleep 0.05
		i=$((i + 1))
	done
	rm -rf "$work"
}
trap tui_cleanup EXIT
trap 'exit 1' HUP INT PIPE TERM

now_ms() { t=$(date +%s%N); echo $((t / 1000000)); }
# q WORD: WORD quoted for a shell command line
q() { printf "'%s'" "$(printf %s "$1" | sed "s/'/'\\\\''/g")"; }

# --- one case: its own tmux server, directory and failures ---------------
case_begin() {
	C=$1
	sock=$work/$C.sock
	dir=$work/$C
	mkdir -p "$dir"
	fails=0
}
T() { tmux -S "$sock" -f "$tui_conf" "$@"; }
scr() { T capture-pane -p -t tui; }
scr_joined() { T capture-pane -p -J -t tui; }	# wrapped lines joined
scr_escapes() { T capture-pane -p -e -t tui; }
row() { T capture-pane -p -t tui -S $(($1 - 1)) -E $(($1 - 1)); }	# row N, from 1
pane() { T display -p -t tui "$1"; }		# a tmux format: '#{pane_dead}'
keys() { T send-keys -t tui "$@"; }
note() { echo "[$C] $*"; }
fail() {
	fails=$((fails + 1))
	echo "FAIL [$C]: $*"
	echo "--- the screen ($(pane '#{pane_width}x#{pane_height}' 2>/dev/null)):"
	scr 2>/dev/null
	echo "---"
}

# start COLS LINES COMMAND: a terminal of COLSxLINES running the shell
# command line COMMAND in the case's directory
start() {
	T new-session -d -s tui -x "$1" -y "$2" -c "$dir" "$3" ||
	    { fail "tmux cannot start a session"; return 1; }
	pane '#{pane_pid}' >"$work/$C.panepid"
}

# The wizard's command line: ENV... -- ARG... (env assignments, then
# arguments). Always English, UTF-8 and xterm-256color unless an ENV says
# otherwise. A shell waits for it and stays, so that the terminal it leaves
# can be inspected: it says "[exit status N]" (it ignores nothing: its trap
# only lets it outlive a Ctrl-C meant for the wizard).
wizard_cmd() {
	wc_s="env LC_ALL=C.UTF-8 TERM=xterm-256color NO_COLOR="
	while [ $# -gt 0 ] && [ "$1" != -- ]; do wc_s="$wc_s $(q "$1")"; shift; done
	[ $# -eq 0 ] || shift
	wc_s="$wc_s $(q "$wizard")"
	for a in "$@"; do wc_s="$wc_s $(q "$a")"; done
	echo "trap : INT; $wc_s; echo \"[exit status \$?]\"; sleep 60"
}
# inside a lab run (LAB_* set): the scenario's files, as 'dnstriage-lab
# triage' passes them
lab_args() {
	echo "--resolv-conf $LAB_RESOLV_CONF --hosts $LAB_HOSTS --nsswitch $LAB_NSSWITCH --root-hints $LAB_ROOT_HINTS --trust-anchor $LAB_TRUST_ANCHOR"
}

# wait_for TEXT [SECONDS]: until the screen shows TEXT (a fixed string),
# polled every 50 ms; wait_re for an extended regular expression;
# wait_gone until TEXT is no longer shown.
wait_for() {
	wf_n=$((${2:-10} * 20))
	while [ $wf_n -gt 0 ]; do
		scr | grep -qF -e "$1" && return 0
		sleep 0.05
		wf_n=$((wf_n - 1))
	done
	return 1
}
wait_re() {
	wf_n=$((${2:-10} * 20))
	while [ $wf_n -gt 0 ]; do
		scr | grep -qE -e "$1" && return 0
		sleep 0.05
		wf_n=$((wf_n - 1))
	done
	return 1
}
wait_gone() {
	wf_n=$((${2:-10} * 20))
	while [ $wf_n -gt 0 ]; do
		scr | grep -qF -e "$1" || return 0
		sleep 0.05
		wf_n=$((wf_n - 1))
	done
	return 1
}
expect() { wait_for "$@" || fail "the screen never showed '$1'"; }
expect_re() { wait_re "$@" || fail "the screen never matched /$1/"; }
expect_gone() { wait_gone "$@" || fail "'$1' stayed on the screen"; }
# the screen until two captures 50 ms apart agree (a frame fully drawn)
stable_scr() {
	ss_prev=$(scr)
	ss_n=40
	while [ $ss_n -gt 0 ]; do
		sleep 0.05
		ss_cur=$(scr)
		[ "$ss_cur" = "$ss_prev" ] && break
		ss_prev=$ss_cur
		ss_n=$((ss_n - 1))
	done
	printf '%s\n' "$ss_prev"
}

# page: which page the findings pane shows (1-5: that step, 6: the verdict)
page() {
	pg_r=$(row 2)
	case $pg_r in
	*" 1/5 "*) echo 1 ;;
	*" 2/5 "*) echo 2 ;;
	*" 3/5 "*) echo 3 ;;
	*" 4/5 "*) echo 4 ;;
	*" 5/5 "*) echo 5 ;;
	*" Verdict "*) echo 6 ;;
	esac
}
# wait_page N [SECONDS]
wait_page() {
	wp_n=$((${2:-10} * 20))
	while [ $wp_n -gt 0 ]; do
		[ "$(page)" = "$1" ] && return 0
		sleep 0.05
		wp_n=$((wp_n - 1))
	done
	return 1
}

# walk [SECONDS]: Enter from the first step until the verdict, as the guide
# leads; every page (stable) goes to $dir/walk.txt. Fails if the guide
# stops before the verdict or goes back.
walk() {
	: >"$dir/walk.txt"
	if ! wait_page 1 20; then
		fail "the wizard did not open on step 1"
		return 1
	fi
	wk_last=1
	{ echo "=== page 1"; stable_scr; } >>"$dir/walk.txt"
	wk_i=0
	while [ "$wk_last" != 6 ] && [ $wk_i -lt 8 ]; do
		wk_i=$((wk_i + 1))
		keys Enter
		# the guide goes on once the step's answers are in (bounded)
		wk_n=$((${1:-15} * 20))
		wk_p=$wk_last
		while [ $wk_n -gt 0 ]; do
			wk_p=$(page)
			[ -n "$wk_p" ] && [ "$wk_p" != "$wk_last" ] && break
			sleep 0.05
			wk_n=$((wk_n - 1))
		done
		if [ -z "$wk_p" ] || [ "$wk_p" = "$wk_last" ]; then
			fail "Enter did not lead on from page $wk_last"
			return 1
		fi
		[ "$wk_p" -gt "$wk_last" ] || fail "the guide went back from page $wk_last to $wk_p"
		wk_last=$wk_p
		{ echo "=== page $wk_p"; stable_scr; } >>"$dir/walk.txt"
	done
	[ "$wk_last" = 6 ] || { fail "the walk did not reach the verdict"; return 1; }
	note "walk: $(grep -c '^=== page' "$dir/walk.txt") pages: $(sed -n 's/^=== page //p' "$dir/walk.txt" | tr '\n' ' ')"
}
# walked TEXT...: the walk's pages showed every TEXT
walked() {
	for wd_t in "$@"; do
		grep -qF -e "$wd_t" "$dir/walk.txt" ||
		    fail "no page of the walk showed '$wd_t'"
	done
}
# scenario_code SCENARIO: the verdict the scenario file expects
scenario_code() { sed -n 's/^code:[[:space:]]*//p' "$DNSTRIAGE_LAB_DATA/scenarios/$1.scn" | sed -n 1p; }

# check_verdict CODE: the verdict page names CODE with its severity, and the
# verdict box shows CODE beside (above) its plain-words summary
check_verdict() {
	cv=$(stable_scr)
	printf '%s\n' "$cv" | grep -qE "VERDICT: $1 \((ok|warning|critical|unknown)\)" ||
	    fail "the verdict page does not show 'VERDICT: $1 (severity)'"
	printf '%s\n' "$cv" | python3 "$tui_py" verdict-box "$1" ||
	    fail "the verdict box does not show $1 with its summary"
}

# check_layout COLS LINES: resize the terminal and check the panes
check_layout() {
	T resize-window -t tui -x "$1" -y "$2" || fail "tmux cannot resize to $1x$2"
	cl_n=100
	while [ "$(pane '#{pane_width}x#{pane_height}')" != "$1x$2" ] && [ $cl_n -gt 0 ]; do
		sleep 0.05
		cl_n=$((cl_n - 1))
	done
	if ! wait_re "^ Enter:next" 5; then
		fail "at $1x$2 the status bar is missing"
		return
	fi
	stable_scr >"$dir/layout-$1x$2.txt"
	python3 "$tui_py" layout "$1" "$2" <"$dir/layout-$1x$2.txt" ||
	    fail "the layout at $1x$2 is broken"
}

# check_restored [STATUS]: the program has ended (with STATUS) and left the
# terminal as it found it: normal screen, cursor visible
check_restored() {
	# (anywhere: a program that left the alternate screen on has the
	# shell write there, after its last frame)
	if ! wait_re '\[exit status [0-9]+\]' 10; then
		fail "the program did not end"
		return
	fi
	cr=$(pane '#{alternate_on} #{cursor_flag}')
	[ "$cr" = "0 1" ] ||
	    fail "terminal not restored: alternate_on cursor_flag = $cr, want 0 1"
	cr_st=$(scr | sed -n 's/.*\[exit status \([0-9]*\)\].*/\1/p' | sed -n 1p)
	[ -z "${1:-}" ] || [ "$cr_st" = "$1" ] || fail "exit status $cr_st, want $1"
	note "ended with status $cr_st, terminal restored ($cr)"
}

# wizard_pid: the running wizard, found from the pane's process and its
# descendants (the lab's shells stand in between) by its executable
wizard_pid() {
	wp_root=$(pane '#{pane_pid}')
	# PID PPID of every process (a comm may hold spaces: cut after ')')
	cat /proc/[0-9]*/stat 2>/dev/null | sed -n 's/^\([0-9]*\) .*) . \([0-9]*\) .*/\1 \2/p' |
	    awk -v root="$wp_root" '{ parent[$1] = $2 }
		END { want[root] = 1
		      do { more = 0
			   for (p in parent) if (!(p in want) && (parent[p] in want)) { want[p] = 1; more = 1 }
		      } while (more)
		      for (p in want) print p }' |
	while read -r wp; do
		[ "$(readlink "/proc/$wp/exe" 2>/dev/null)" = "$wizard" ] && echo "$wp"
	done | sed -n 1p
}

# help_checks [TEXT...]: the help window is open on the screen (title
# "Help"), says how to close it, and shows each TEXT (the page's content).
help_checks() {
	hc=$(stable_scr)
	printf '%s\n' "$hc" | grep -qE '[lq+─-] Help [-─q+]' ||
	    fail "no help window (title 'Help')"
	printf '%s\n' "$hc" | grep -qF 'Esc or q: close' ||
	    fail "the help window does not say how to close it"
	printf '%s\n' "$hc" | python3 "$tui_py" help-text ||
	    fail "the help window is empty"
	for hc_want in "$@"; do
		printf '%s\n' "$hc" | grep -qF -e "$hc_want" ||
		    fail "the help window does not show '$hc_want'"
	done
}

# --- running cases ---------------------------------------------------------
# run_cases NAME...: every case_NAME function, two at a time, each with its
# output in its own log; prints the logs, exits 1 if any case failed
run_cases() {
	rc_all="$*"
	# shellcheck disable=SC2086
	set -- $rc_all
	while [ $# -gt 0 ]; do
		( case_begin "$1"; rc_t0=$(now_ms); "case_$1"; note "done in $(($(now_ms) - rc_t0)) ms"; exit "$fails" ) \
		    >"$work/$1.log" 2>&1 &
		rc_p1=$!
		case_pids=$rc_p1
		rc_p2=
		if [ $# -gt 1 ]; then
			( case_begin "$2"; rc_t0=$(now_ms); "case_$2"; note "done in $(($(now_ms) - rc_t0)) ms"; exit "$fails" ) \
			    >"$work/$2.log" 2>&1 &
			rc_p2=$!
			case_pids="$rc_p1 $rc_p2"
		fi
		wait "$rc_p1"
		echo $? >"$work/$1.rc"
		if [ -n "$rc_p2" ]; then
			wait "$rc_p2"
			echo $? >"$work/$2.rc"
			shift
		fi
		case_pids=
		shift
	done
	rc_bad=0
	for c in $rc_all; do
		echo "=== case $c: $( [ "$(cat "$work/$c.rc")" = 0 ] && echo PASS || echo FAIL)"
		cat "$work/$c.log"
		[ "$(cat "$work/$c.rc")" = 0 ] || rc_bad=$((rc_bad + 1))
	done
	[ "$rc_bad" = 0 ] || { echo "FAIL: $rc_bad of the cases"; exit 1; }
	echo "PASS: $rc_all"
	exit 0
}
