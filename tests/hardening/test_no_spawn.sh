#!/bin/sh
# test_no_spawn.sh - no probe ever runs a shell or another program: no
# object of the engine, the steps or the reports (libdnstriage.a) nor
# main() imports a function that starts a process. Only the lab module
# (--lab, which runs the lab's launcher) may, and must: that it is seen
# there shows the check itself works.
set -u
: "${top_builddir:?}"
command -v nm >/dev/null 2>&1 || { echo "SKIP: no nm"; exit 77; }
spawn='^(system|popen|execl|execle|execlp|execv|execve|execvp|execvpe|fexecve|fork|vfork|clone|clone3|posix_spawn|posix_spawnp|wordexp)(@.*)?$'
fails=0
lib=$top_builddir/libdnstriage.a
main=$top_builddir/src/dnstriage-main.o
lab=$top_builddir/src/dnstriage-lab.o
for f in "$lib" "$main" "$lab"; do
	[ -f "$f" ] || { echo "FAIL: $f not built"; exit 1; }
done
found=$(nm -u "$lib" "$main" | awk '{ print $NF }' | grep -E "$spawn")
if [ -n "$found" ]; then
	echo "FAIL: process-spawning functions imported by the engine or main(): $found"
	fails=1
fi
nm -u "$lab" | awk '{ print $NF }' | grep -Eq "$spawn" ||
	{ echo "FAIL: the check sees no exec in the lab module: nm output not understood"; fails=1; }
[ "$fails" = 0 ] && echo "PASS: nothing but --lab can start a process"
exit "$fails"
