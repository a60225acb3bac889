# lab-common.sh - sourced by the lab tests: find the launcher, enter a
# private network namespace (tests/nsrun), skip when the lab cannot run.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
if [ "${DNSTRIAGE_IN_NETNS:-}" != 1 ]; then
	exec "$top_srcdir/tests/nsrun" sh "$0" "$@"
fi
# the launcher 'make' builds (what 'make install' installs), else the source
lab=$top_builddir/data/lab/dnstriage-lab
[ -f "$lab" ] || lab=$top_srcdir/data/lab/dnstriage-lab.in
DNSTRIAGE_LAB_DATA=$top_srcdir/data/lab
export DNSTRIAGE_LAB_DATA
if ! missing=$(sh "$lab" check); then
	echo "SKIP: $missing"
	exit 77
fi
