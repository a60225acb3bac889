#!/bin/sh
# valgrind.sh - lab end-to-end runs of the built dnstriage under valgrind
# memcheck (under-valgrind): no memory error, no definite leak, and the
# verdict each scenario expects. Scenarios cover answers, DNSSEC failures,
# dead and lame servers, differing serials, and one run with the system's
# own files (the lab's, bind-mounted over /etc), which uses glibc's
# getaddrinfo_a() thread. Run from the build directory after `make`.
# Usage: valgrind.sh [SCENARIO]...
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${top_builddir:-$(pwd)}
lab=$build/data/lab/dnstriage-lab
DNSTRIAGE=${DNSTRIAGE:-$build/dnstriage}
DNSTRIAGE_LOOPBACK_ONLY=1
export DNSTRIAGE DNSTRIAGE_LOOPBACK_ONLY
command -v valgrind >/dev/null 2>&1 || { echo "SKIP: no valgrind"; exit 77; }
[ -x "$lab" ] && [ -x "$DNSTRIAGE" ] || { echo "valgrind.sh: build first (no $lab or $DNSTRIAGE)" >&2; exit 2; }
[ $# -gt 0 ] || set -- healthy dnssec-bogus-expired authoritative-down \
	lame-delegation serial-mismatch resolver-failover
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fails=0
status_of() {	# the exit status of a verdict's severity (DESIGN.md)
	case $1 in ok) echo 0 ;; warning) echo 1 ;; critical) echo 2 ;; *) echo 3 ;; esac
}
for scn in "$@"; do
	want=$(sed -n 's/^code:[[:space:]]*//p' "$here/../../data/lab/scenarios/$scn.scn")
	LAB_QUIET=1 "$lab" triage "$scn" "$here/under-valgrind" --report \
	    >"$tmp/out" 2>"$tmp/err"
	rc=$?
	got=$(sed -n 's/^VERDICT: \([a-z-]*\) .*/\1/p' "$tmp/out")
	sev=$(sed -n 's/^VERDICT: [a-z-]* (\([a-z]*\)).*/\1/p' "$tmp/out")
	if [ "$rc" = 99 ] || [ "$got" != "$want" ] || [ "$rc" != "$(status_of "$sev")" ]; then
		echo "FAIL: $scn under valgrind: status $rc, verdict '$got' (want '$want')"
		sed 's/^/  | /' "$tmp/err" | head -80
		fails=$((fails + 1))
	else
		echo "ok: $scn under valgrind (verdict $got, status $rc)"
	fi
done
# The system's own files: /etc/resolv.conf and /etc/hosts are the lab's
# (bind-mounted in its private network namespace, whose only interface is
# loopback). getaddrinfo() cannot be held to loopback, so dnstriage skips
# it under DNSTRIAGE_LOOPBACK_ONLY: the namespace is the bound here.
# shellcheck disable=SC2016
LAB_QUIET=1 "$lab" run healthy -- env -u DNSTRIAGE_LOOPBACK_ONLY sh -c '"$1" --report --root-hints "$LAB_ROOT_HINTS" \
    --trust-anchor "$LAB_TRUST_ANCHOR" "$LAB_NAME"' sh "$here/under-valgrind" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" = 99 ] || ! grep -q '^VERDICT: ' "$tmp/out" ||
    ! grep -q 'getaddrinfo' "$tmp/out"; then
	echo "FAIL: system files (getaddrinfo_a) under valgrind: status $rc"
	sed 's/^/  | /' "$tmp/err" | head -80
	fails=$((fails + 1))
else
	echo "ok: system files (getaddrinfo_a) under valgrind (status $rc)"
fi
[ "$fails" = 0 ]
