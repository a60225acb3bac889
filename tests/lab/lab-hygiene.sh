#!/bin/sh
# lab-hygiene.sh - after a lab run nothing is left: no server process, no
# network namespace, no temporary directory; also when the command inside
# fails, when the run is interrupted (SIGINT, SIGTERM) and after
# 'dnstriage-lab stop'. The launcher records every PID it starts, its
# namespace and its directory in $LAB_PIDLOG; this test checks each one.
set -u
. "$(dirname "$0")/lab-common.sh"

TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/dnstriage-lab-hygiene.XXXXXX") || exit 99
export TMPDIR
LAB_PIDLOG=$TMPDIR/pidlog
export LAB_PIDLOG
: >"$LAB_PIDLOG"
trap 'rm -rf "$TMPDIR"' EXIT
trap 'exit 1' HUP INT PIPE TERM
fails=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fails=$((fails + 1)); }

mark_seen() { sed -i 's/ service$/ service-seen/' "$LAB_PIDLOG"; }
wait_started() {	# until the run has started its servers (bounded: 10 s)
	i=0
	until grep -q ' service$' "$LAB_PIDLOG" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 200 ] || return 1
		sleep 0.05
	done
	sleep 0.5
}
finished_within() {	# PID SECONDS: wait for our child, bounded
	i=0
	while kill -0 "$1" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt $(($2 * 20)) ] || return 1
		sleep 0.05
	done
	return 0
}

# 1. the command fails: its status comes back, cleanup happens
sh "$lab" run healthy -- sh -c 'exit 7' 2>/dev/null
st=$?
[ $st -eq 7 ] && ok "a failing command's status comes back (7)" || bad "status $st, not 7"

# 2. the command succeeds
sh "$lab" run nxdomain -- true 2>/dev/null && ok "a run of nxdomain returns 0" || bad "nxdomain run failed"

# 3. SIGTERM to the launcher while the command runs
mark_seen
sh "$lab" run healthy -- sleep 60 2>/dev/null &
pid=$!
if wait_started; then
	kill -TERM "$pid"
	if finished_within "$pid" 10; then
		wait "$pid"
		st=$?
		[ $st -eq 143 ] && ok "SIGTERM stops the run (status 143)" || bad "SIGTERM: status $st"
	else
		bad "SIGTERM: the run did not end"
		kill -KILL "$pid"
	fi
else
	bad "SIGTERM case: the run did not start"
	kill -TERM "$pid"
fi

# 4. SIGINT (Ctrl-C) to the launcher; a background job ignores SIGINT, so
# start it with SIGINT at its default, as a terminal's foreground job has it
mark_seen
perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' sh "$lab" run split-horizon -- sleep 60 2>/dev/null &
pid=$!
if wait_started; then
	kill -INT "$pid"
	if finished_within "$pid" 10; then
		wait "$pid"
		st=$?
		[ $st -eq 130 ] && ok "SIGINT stops the run (status 130)" || bad "SIGINT: status $st"
	else
		bad "SIGINT: the run did not end"
		kill -KILL "$pid"
	fi
else
	bad "SIGINT case: the run did not start"
	kill -TERM "$pid"
fi

# 5. 'dnstriage-lab stop' ends a run from outside
mark_seen
sh "$lab" run stale-cache -- sleep 60 2>/dev/null &
pid=$!
if wait_started; then
	sh "$lab" stop >/dev/null
	if finished_within "$pid" 10; then
		wait "$pid"
		ok "'dnstriage-lab stop' ends the run"
	else
		bad "stop: the run did not end"
		kill -KILL "$pid"
	fi
else
	bad "stop case: the run did not start"
	kill -TERM "$pid"
fi

# Now nothing may be left: every recorded PID gone (or reused by something
# that is no lab process), no process in a recorded namespace, no directory;
# for these runs and for those of lab-scenarios.sh, which ran before.
n=0
pidlogs=$LAB_PIDLOG
[ ! -s "$top_builddir/tests/lab/lab-scenarios.pids" ] ||
    pidlogs="$pidlogs $top_builddir/tests/lab/lab-scenarios.pids"
cat $pidlogs | while read -r what name; do
	case $what in
	netns)
		for p in /proc/[0-9]*; do
			if [ "$(readlink "$p/ns/net" 2>/dev/null)" = "$name" ]; then
				bad "process ${p#/proc/} still in lab namespace $name"
			fi
		done
		;;
	dir)
		[ ! -e "$name" ] || bad "directory $name left behind"
		;;
	*)
		n=$((n + 1))
		if [ -r "/proc/$what/cmdline" ] &&
		    tr '\0' ' ' <"/proc/$what/cmdline" | grep -q -e named -e unbound -e dnstriage-lab -e IO::Socket; then
			bad "$name (PID $what) still running"
		fi
		;;
	esac
done >"$TMPDIR/leftovers"
n=$(cat $pidlogs | grep -c -v -e '^netns ' -e '^dir ')
if [ -s "$TMPDIR/leftovers" ]; then
	cat "$TMPDIR/leftovers"
	fails=$((fails + 1))
fi
[ "$n" -ge 20 ] && ok "$n recorded processes are all gone" || bad "only $n processes recorded"
left=$(find "$TMPDIR" -mindepth 1 -maxdepth 1 -name 'dnstriage-lab.*' | wc -l)
[ "$left" -eq 0 ] && ok "no lab directory left in \$TMPDIR" || bad "$left lab directories left"
ok "$(cat $pidlogs | grep -c '^netns') namespaces checked ($pidlogs)"
[ "$fails" -eq 0 ]
