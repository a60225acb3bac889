#!/bin/sh
# capture-seeds.sh - refresh the seed corpus of the fuzz targets from the
# lab: for each scenario, the answers fuzz_response.c reads
# (capture-seeds.py), and the scenario's resolv.conf, hosts, root hints
# and trust anchor for the file readers. Run from the build directory
# after `make`; writes into the source tree's tests/fuzz/corpus/.
# Usage: capture-seeds.sh [SCENARIO]...
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus=$here/corpus
lab=${DNSTRIAGE_LAB:-./data/lab/dnstriage-lab}
[ $# -gt 0 ] || set -- healthy dnssec-bogus-expired dnssec-bogus-ds \
	lame-delegation serial-mismatch authoritative-partial nxdomain \
	resolver-refused healthy-nsd dnssec-expiring
for scn in "$@"; do
	# shellcheck disable=SC2016
	"$lab" run "$scn" -- sh -c '
		python3 "$1" "$2/response/lab-$3" &&
		cp "$LAB_RESOLV_CONF" "$2/sysconf/lab-$3.resolv.conf" &&
		cp "$LAB_HOSTS" "$2/sysconf/lab-$3.hosts" &&
		cp "$LAB_NSSWITCH" "$2/sysconf/lab-$3.nsswitch" &&
		cp "$LAB_ROOT_HINTS" "$2/rootdata/lab-$3.hints" &&
		cp "$LAB_TRUST_ANCHOR" "$2/rootdata/lab-$3.key"' \
	    capture "$here/capture-seeds.py" "$corpus" "$scn"
	echo "captured $scn"
done
