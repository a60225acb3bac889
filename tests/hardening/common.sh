# common.sh - sourced by the hardening checks (README "Hardening checks").
# srcdir: the source tree; copy_tree DEST: the source files (tracked and
# not ignored; no build products) copied to DEST, bootstrapped, so a check
# can configure its own build without touching the developer's tree (an
# in-tree build forbids other build directories).
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
HARDENING_DIR=${HARDENING_DIR:-$srcdir/hardening-build}

copy_tree() {
	dest=$1
	rm -rf "$dest"
	mkdir -p "$dest"
	(cd "$srcdir" && git ls-files -z --cached --others --exclude-standard) |
	    (cd "$srcdir" && xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
	    (cd "$srcdir" && tar --null -T - -cf -) | (cd "$dest" && tar -xf -)
	(cd "$dest" && autoreconf -fi >/dev/null 2>&1) ||
	    { echo "autoreconf failed in $dest" >&2; return 1; }
}
