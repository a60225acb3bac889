# i18n-common.sh - sourced by the tests of tests/i18n: the gettext tools
# and the catalogue template built from the current sources.
: "${top_srcdir:?top_srcdir must point at the source tree}"
MSGFMT=${MSGFMT:-msgfmt}
MSGMERGE=${MSGMERGE:-msgmerge}
XGETTEXT=${XGETTEXT:-xgettext}
MSGATTRIB=${MSGATTRIB:-msgattrib}
po="$top_srcdir/po"

need_tools() {
	for tool in "$MSGFMT" "$MSGMERGE" "$XGETTEXT" "$MSGATTRIB"; do
		command -v "$tool" >/dev/null 2>&1 && continue
		echo "ERROR: $tool not found (Debian package gettext)"
		exit 99
	done
}

# The keywords and options po/Makefile gives xgettext, from po/Makevars.
xgettext_options() {
	sed -n '/^XGETTEXT_OPTIONS[[:space:]]*=/,/[^\\]$/p' "$po/Makevars" |
	    sed 's/^XGETTEXT_OPTIONS[[:space:]]*=//; s/\\$//' | tr '\n' ' '
}

# make_pot OUT [FILE]...: the template of the files (default: those of
# POTFILES.in), as 'make -C po update-po' builds it.
make_pot() {
	out=$1; shift
	if [ $# -eq 0 ]; then
		sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$po/POTFILES.in" >"$out.files"
	else
		printf '%s\n' "$@" >"$out.files"
	fi
	# shellcheck disable=SC2046 # the options are words
	(cd "$top_srcdir" && "$XGETTEXT" $(xgettext_options) \
	    --package-name=dnstriage --msgid-bugs-address=none \
	    -o "$out" -f "$out.files")
}

# The languages of po/LINGUAS, one per line.
linguas() {
	sed -e 's/#.*//' "$po/LINGUAS" | tr ' \t' '\n\n' | sed '/^$/d'
}
