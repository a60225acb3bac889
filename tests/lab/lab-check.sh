#!/bin/sh
# lab-check.sh - proves, inside a running lab scenario, that its fault is
# really there, with independent Debian clients (dig, delv, drill): RCODEs,
# flags, EDE codes, serials, signature dates. Run by lab-scenarios.sh as
#   dnstriage-lab run SCENARIO -- sh lab-check.sh
# It uses only the LAB_* and A_* variables the launcher exports, and only
# explicit @server addresses inside the lab's namespace.
set -u
fails=0
checks=0
ok() { checks=$((checks + 1)); echo "  ok   $*"; }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "  FAIL $*"; }
check() {	# check DESCRIPTION COMMAND...: the command's status decides
	c_what=$1
	shift
	if "$@"; then ok "$c_what"; else bad "$c_what"; fi
}

# ask SERVER NAME TYPE [dig options]: the full dig output in $out
ask() {
	a_s=$1 a_n=$2 a_t=$3
	shift 3
	out=$(dig +time=2 +tries=1 "$@" "@$a_s" "$a_n" "$a_t" 2>&1)
}
has() { printf '%s\n' "$out" | grep -q -e "$1"; }
status_is() { has "status: $1,"; }
flag_set() { printf '%s\n' "$out" | grep '^;; flags:' | sed 's/;.*flags://; s/;.*//' | grep -qw "$1"; }
ede_is() { has "; EDE: $1 "; }
answer_a() {	# the A records of the answer section, sorted, one line
	printf '%s\n' "$out" | awk '
		/^;; ANSWER SECTION:/ { in_answer = 1; next }
		/^$/ { in_answer = 0 }
		in_answer && $4 == "A" { print $5 }' | sort | tr '\n' ' ' | sed 's/ $//'
}
soa_serial() { printf '%s\n' "$out" | awk '$4 == "SOA" && $1 !~ /^;/ { print $7; exit }'; }
rrsig_expiry() {	# expiration of the first RRSIG covering TYPE in $out
	printf '%s\n' "$out" | awk -v t="$1" '$4 == "RRSIG" && $5 == t { print $9; exit }'
}
utc() { date -u -d "@$1" +%Y%m%d%H%M%S; }
now=$(date +%s)
ms() { t=$(date +%s%N); echo $((t / 1000000)); }

# A dead server: dropped (the client waits for its whole timeout) or, with
# --refuse, refused at once (ICMP port unreachable).
dead_dns() {
	t0=$(ms)
	ask "$1" example.test SOA +norec
	el=$(($(ms) - t0))
	if [ "$LAB_DEAD_MODE" = drop ]; then
		check "$1 is dead: timed out after $el ms (dropped)" \
		    eval 'has "timed out" && [ $el -ge 1900 ] && ! has "status:"'
	else
		check "$1 is dead: refused at once ($el ms)" \
		    eval 'has "connection refused" && [ $el -lt 1000 ] && ! has "status:"'
	fi
}
tcp_connect() {	# ADDR PORT: prints connected / the error, within 2 s
	perl -MIO::Socket::INET -e '
		my $s = IO::Socket::INET->new(PeerAddr => $ARGV[0], PeerPort => $ARGV[1],
		    Proto => "tcp", Timeout => 2);
		print $s ? "connected\n" : "error: $!\n";' "$1" "$2"
}

# The healthy part every scenario keeps unless its fault says otherwise.
resolver_ok() {	# [RESOLVER [ADDRESS]]
	r=${1:-$A_RES1}
	# A cold cache walks root, TLD and zone, maybe past a dead server
	# first. Unbound takes a refused port for a timeout, may pick the dead
	# server again and drops a reply older than its discard-timeout
	# (1.9 s): the first query can go unanswered while the cache fills.
	# A second transmission, as any stub sends, gets the cached answer.
	ask "$r" www.example.test A +dnssec +time=3 +tries=2
	check "resolver $r: www.example.test NOERROR ($(printf '%s\n' "$out" | grep -m1 -o 'status: [A-Z]*\|timed out'))" status_is NOERROR
	check "resolver $r: AD flag (validated)" flag_set ad
	check "resolver $r: address ${2:-127.0.80.80}" [ "$(answer_a)" = "${2:-127.0.80.80}" ]
}
auth_ok() {	# SERVER: authoritative for example.test
	ask "$1" example.test SOA +norec
	check "$1: example.test SOA NOERROR" status_is NOERROR
	check "$1: AA flag" flag_set aa
}
serials_equal() {
	ask "$A_NS1" example.test SOA +norec
	s1=$(soa_serial)
	ask "$A_NS2" example.test SOA +norec
	s2=$(soa_serial)
	check "serials equal on ns1 and ns2 ($s1 = $s2)" eval '[ -n "$s1" ] && [ "$s1" = "$s2" ]'
}
delv_validates() {
	d=$(delv -a "$LAB_DELV_ANCHOR" "@$A_RES1" "$1" A 2>&1)
	check "delv: $1 fully validated" eval 'printf "%s\n" "$d" | grep -q "; fully validated"'
}
delv_fails() {
	d=$(delv -a "$LAB_DELV_ANCHOR" "@$A_RES1" "$1" A 2>&1)
	check "delv: $1 does not validate ($(printf '%s\n' "$d" | grep -m1 'resolution failed'))" \
	    eval '! printf "%s\n" "$d" | grep -q "; fully validated"'
}
expiry_after_days() {	# SERVER DAYS: www's RRSIG expires later than now+DAYS
	ask "$1" www.example.test A +dnssec +norec
	e=$(rrsig_expiry A)
	# Outside the eval: there $2 would be check's own argument.
	limit=$(utc $((now + $2 * 86400)))
	check "RRSIG(www A) at $1 expires $e, after now+$2 days ($limit)" \
	    eval '[ -n "$e" ] && [ -n "$limit" ] && [ "$e" \> "$limit" ]'
}
bogus() {	# EDE: the resolver fails validation, CD=1 still answers
	ask "$A_RES1" www.example.test A +time=5
	check "resolver: SERVFAIL" status_is SERVFAIL
	# The specific EDE comes with the first validation only; once the key
	# is marked bogus (dnstriage asked first) Unbound says 6, DNSSEC Bogus.
	want_ede=$1
	check "resolver: EDE $want_ede, or 6 for a cached failure" \
	    eval 'ede_is "$want_ede" || ede_is 6'
	ask "$A_RES1" www.example.test A +cd
	check "resolver with CD=1: NOERROR, 127.0.80.80 (a validation failure)" \
	    eval 'status_is NOERROR && [ "$(answer_a)" = 127.0.80.80 ]'
	for s in $A_NS1 $A_NS2; do auth_ok "$s"; done
	delv_fails www.example.test
	d=$(drill -D "@$A_RES1" www.example.test A 2>&1)
	check "drill: rcode SERVFAIL" eval 'printf "%s\n" "$d" | grep -q "rcode: SERVFAIL"'
}

echo "scenario $LAB_SCENARIO (expect $LAB_EXPECT, dead: ${LAB_DEAD:-none} $LAB_DEAD_MODE, up in $LAB_START_MS ms)"

# dnstriage first, on the scenario as it was set up (the checks below fill
# the resolver's cache): its verdict, exit status and key findings.
if [ -n "${DNSTRIAGE:-}" ]; then
	t0=$(ms)
	# shellcheck disable=SC2086
	"$DNSTRIAGE" --json --resolv-conf "$LAB_RESOLV_CONF" --hosts "$LAB_HOSTS" \
	    --nsswitch "$LAB_NSSWITCH" --root-hints "$LAB_ROOT_HINTS" \
	    --trust-anchor "$LAB_TRUST_ANCHOR" $LAB_OPTIONS "$LAB_NAME" \
	    >"$LAB_DIR/triage.json" 2>"$LAB_DIR/triage.err"
	rc=$?
	el=$(($(ms) - t0))
	v=$(python3 "$top_srcdir/tests/lab/lab-verdict.py" \
	    "$DNSTRIAGE_LAB_DATA/scenarios/$LAB_SCENARIO.scn" \
	    "$top_srcdir/include/dnstriage/knowledge.h" "$LAB_DEAD_MODE" "$rc" "$el" \
	    <"$LAB_DIR/triage.json")
	printf '%s\n' "$v"
	checks=$((checks + $(printf '%s\n' "$v" | grep -c '^  ok \|^  FAIL ')))
	fails=$((fails + $(printf '%s\n' "$v" | grep -c '^  FAIL ')))
	if printf '%s\n' "$v" | grep -q '^  FAIL '; then
		echo "  --- dnstriage's stderr:"
		sed 's/^/  | /' "$LAB_DIR/triage.err"
		echo "  --- its report (text):"
		"$DNSTRIAGE" --report --resolv-conf "$LAB_RESOLV_CONF" --hosts "$LAB_HOSTS" \
		    --nsswitch "$LAB_NSSWITCH" --root-hints "$LAB_ROOT_HINTS" \
		    --trust-anchor "$LAB_TRUST_ANCHOR" $LAB_OPTIONS "$LAB_NAME" 2>&1 |
		    grep -v '^      ' | sed 's/^/  | /' | head -150
	fi
else
	bad "dnstriage: \$DNSTRIAGE is not set"
fi
for d in $LAB_DEAD; do
	case $d in
	"$A_WEB") ;;
	*) dead_dns "$d" ;;
	esac
done

case $LAB_SCENARIO in
healthy)
	resolver_ok
	resolver_ok "$A_RES2"
	for s in $A_NS1 $A_NS2; do auth_ok "$s"; done
	serials_equal
	delv_validates www.example.test
	d=$(drill -D "@$A_RES1" www.example.test A 2>&1)
	check "drill: NOERROR with AD" eval 'printf "%s\n" "$d" | grep -q "rcode: NOERROR" && printf "%s\n" "$d" | grep "flags:" | grep -qw ad'
	expiry_after_days "$A_NS1" 14
	expiry_after_days "$A_NS2" 14
	check "secondary got the zone by AXFR with TSIG lab-xfr" \
	    grep -q "transferred serial .*TSIG 'lab-xfr'" "$LAB_LOGS/named-secondary.log"
	check "service $A_WEB:$WEB_PORT accepts connections" [ "$(tcp_connect "$A_WEB" "$WEB_PORT")" = connected ]
	for n in $(sed -n 's/^nameserver //p' "$LAB_RESOLV_CONF"); do
		ask "$n" www.example.test A
		check "resolv.conf nameserver $n answers NOERROR" status_is NOERROR
	done
	;;
healthy-cohosted)
	ask "$A_TLD" www.example.test A +norec +dnssec
	check "the TLD server answers www.example.test itself, with authority" \
	    eval 'status_is NOERROR && flag_set aa && [ "$(answer_a)" = 127.0.80.80 ]'
	resolver_ok
	delv_validates www.example.test
	;;
healthy-hidden-primary)
	ask "$A_NS1" example.test SOA +norec
	check "the SOA names hidden.example.test, not an NS" \
	    has 'SOA[[:space:]]*hidden\.example\.test\.'
	ask "$A_NS1" example.test NS +norec
	check "hidden.example.test is not in the NS set" eval '! has "NS.*hidden"'
	serials_equal
	resolver_ok
	;;
healthy-nsd)
	resolver_ok
	for s in $A_NS1 $A_NS2; do auth_ok "$s"; done
	serials_equal
	delv_validates www.example.test
	out=$(dig +time=2 +tries=1 "@$A_NS2" version.bind TXT CH 2>&1)
	check "ns2 is NSD ($(printf '%s\n' "$out" | grep -m1 -o '"NSD[^"]*"'))" has '"NSD '
	check "NSD got the zone from the primary with TSIG lab-xfr" \
	    grep -q 'TSIG verified with key lab-xfr' "$LAB_LOGS/nsd-secondary.log"
	;;
not-dns)
	resolver_ok
	t0=$(ms)
	c=$(tcp_connect "$A_WEB" "$WEB_PORT")
	el=$(($(ms) - t0))
	if [ "$LAB_DEAD_MODE" = drop ]; then
		check "service $A_WEB:$WEB_PORT unreachable by IP: $c after $el ms" \
		    eval 'case $c in error*) [ $el -ge 1900 ] ;; *) false ;; esac'
	else
		check "service $A_WEB:$WEB_PORT refused at once: $c" \
		    eval 'case $c in *refused*) [ $el -lt 1000 ] ;; *) false ;; esac'
	fi
	;;
hosts-override)
	resolver_ok
	check "hosts file pins www.example.test to 127.0.99.99" \
	    grep -q '^127\.0\.99\.99[[:space:]].*www\.example\.test' "$LAB_HOSTS"
	g=$(getent hosts www.example.test | awk '{ print $1 }')
	check "getent (nsswitch, the application view) says 127.0.99.99, DNS says 127.0.80.80" \
	    [ "$g" = 127.0.99.99 ]
	# With the system's own files (here the lab's, bind-mounted over
	# them) dnstriage asks getaddrinfo() too. glibc's queries are not
	# the engine's to guard, so the guard is off; this namespace has
	# only loopback, so nothing can leave anyway.
	if [ -n "${DNSTRIAGE:-}" ]; then
		sys=$(env -u DNSTRIAGE_LOOPBACK_ONLY "$DNSTRIAGE" --json \
		    --root-hints "$LAB_ROOT_HINTS" --trust-anchor "$LAB_TRUST_ANCHOR" \
		    "$LAB_NAME" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join(f["message"] for s in d["steps"] if s["id"] == "scope"
               for f in s["findings"] if f["code"] == "name-resolves"))')
		check "dnstriage with the system's files: getaddrinfo() gives $g ($sys)" \
		    eval 'case $sys in *"$g"*"getaddrinfo() on this host"*) true ;; *) false ;; esac'
	fi
	;;
stub-resolver-down)
	check "resolv.conf lists only the stub $A_STUB" \
	    [ "$(sed -n 's/^nameserver //p' "$LAB_RESOLV_CONF")" = "$A_STUB" ]
	resolver_ok
	;;
resolver-down)
	check "resolv.conf lists $A_RES1 and $A_RES2" \
	    [ "$(sed -n 's/^nameserver //p' "$LAB_RESOLV_CONF" | tr '\n' ' ')" = "$A_RES1 $A_RES2 " ]
	for s in $A_NS1 $A_NS2; do auth_ok "$s"; done
	;;
resolver-failover)
	check "resolv.conf lists the dead $A_RES1 first" \
	    [ "$(sed -n 's/^nameserver //p' "$LAB_RESOLV_CONF" | head -n 1)" = "$A_RES1" ]
	resolver_ok "$A_RES2"
	;;
resolver-refused)
	ask "$A_RES1" www.example.test A
	check "resolver: REFUSED" status_is REFUSED
	check "resolver: EDE 18 (Prohibited)" ede_is 18
	check "resolver: no RA for a refused client" eval '! flag_set ra'
	d=$(drill "@$A_RES1" www.example.test A 2>&1)
	check "drill: rcode REFUSED" eval 'printf "%s\n" "$d" | grep -q "rcode: REFUSED"'
	for s in $A_NS1 $A_NS2; do auth_ok "$s"; done
	;;
authoritative-down)
	ask "$A_TLD" www.example.test A +norec
	check "the TLD still delegates example.test to ns1 and ns2" \
	    eval 'has "^example.test.*NS.*ns1.example.test" && has "^example.test.*NS.*ns2.example.test"'
	ask "$A_RES1" www.example.test A +time=3
	check "resolver: no answer for www.example.test" eval '! status_is NOERROR'
	;;
authoritative-partial)
	auth_ok "$A_NS1"
	resolver_ok
	;;
lame-delegation)
	ask "$A_TLD" www.example.test A +norec
	check "the TLD delegates example.test to ns3 too" has '^example.test.*NS.*ns3.example.test'
	ask "$A_NS3" example.test SOA +norec
	check "ns3 ($A_NS3): REFUSED for example.test" status_is REFUSED
	check "ns3: no AA flag" eval '! flag_set aa'
	d=$(drill "@$A_NS3" example.test SOA 2>&1)
	check "drill: ns3 rcode REFUSED" eval 'printf "%s\n" "$d" | grep -q "rcode: REFUSED"'
	ask "$A_NS1" example.test NS +norec
	check "the zone's own NS set has no ns3" eval '! has "^example.test.*NS.*ns3"'
	for s in $A_NS1 $A_NS2; do auth_ok "$s"; done
	resolver_ok
	;;
zone-expired-secondary)
	ask "$A_NS2" example.test SOA +norec
	check "ns2: SERVFAIL for its own zone" status_is SERVFAIL
	check "ns2 log: the zone expired" grep -q 'example.test/IN: expired' "$LAB_LOGS/named-secondary.log"
	auth_ok "$A_NS1"
	resolver_ok
	;;
serial-mismatch)
	ask "$A_NS1" example.test SOA +norec
	s1=$(soa_serial)
	ask "$A_NS2" example.test SOA +norec
	s2=$(soa_serial)
	check "ns2 serves an older serial than ns1 ($s2 < $s1)" \
	    eval '[ -n "$s1" ] && [ -n "$s2" ] && [ "$s2" -lt "$s1" ]'
	for s in $A_NS1 $A_NS2; do auth_ok "$s"; done
	i=0
	until grep -q -i 'tsig\|bad.*sig\|NOTAUTH\|BADSIG' "$LAB_LOGS/named-secondary.log" || [ $i -ge 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	check "ns2 log: its refresh fails TSIG" grep -q -i 'tsig\|badsig\|notauth' "$LAB_LOGS/named-secondary.log"
	resolver_ok
	;;
dnssec-bogus-expired)
	bogus 7
	ask "$A_NS1" www.example.test A +dnssec +norec
	e=$(rrsig_expiry A)
	check "RRSIG(www A) expired: $e < now" eval '[ -n "$e" ] && [ "$e" \< "$(utc "$now")" ]'
	;;
dnssec-bogus-ds)
	bogus 9
	ask "$A_TLD" example.test DS +norec
	ds=$(printf '%s\n' "$out" | awk '$4 == "DS" && $1 !~ /^;/ { print $5 }' | sort -u | tr '\n' ' ')
	ask "$A_NS1" example.test DNSKEY +norec +multi
	ks=$(printf '%s\n' "$out" | sed -n 's/.*KSK.*key id = \([0-9]*\).*/\1/p' | tr '\n' ' ')
	check "the DS key tag ($ds) is none of the zone's KSKs ($ks)" \
	    eval '[ -n "$ds" ] && [ -n "$ks" ] && for t in $ds; do case " $ks " in *" $t "*) exit 1 ;; esac; done'
	;;
dnssec-expiring)
	resolver_ok
	delv_validates www.example.test
	ask "$A_NS1" www.example.test A +dnssec +norec
	e=$(rrsig_expiry A)
	check "RRSIG(www A) expires $e: after now, within 14 days" \
	    eval '[ -n "$e" ] && [ "$e" \> "$(utc "$now")" ] && [ "$e" \< "$(utc $((now + 14 * 86400)))" ]'
	;;
dnssec-forecast)
	# Healthy today: the forecast (--at) is dnstriage's, not the world's.
	resolver_ok
	delv_validates www.example.test
	expiry_after_days "$A_NS1" 14
	;;
stale-negative-cache)
	ask "$A_RES1" new.example.test A
	check "resolver: NXDOMAIN for new.example.test (cached)" status_is NXDOMAIN
	for s in $A_NS1 $A_NS2; do
		ask "$s" new.example.test A +norec
		check "$s: new.example.test exists (AA, 127.0.80.82)" \
		    eval 'status_is NOERROR && flag_set aa && [ "$(answer_a)" = 127.0.80.82 ]'
	done
	serials_equal
	check "ns2 got the change by IXFR" grep -q 'IXFR started' "$LAB_LOGS/named-auth.log"
	;;
stale-cache)
	ask "$A_RES1" www.example.test A
	check "resolver: www.example.test is still 127.0.80.80 (cached)" [ "$(answer_a)" = 127.0.80.80 ]
	for s in $A_NS1 $A_NS2; do
		ask "$s" www.example.test A +norec
		check "$s: www.example.test is 127.0.80.81 (AA)" \
		    eval 'flag_set aa && [ "$(answer_a)" = 127.0.80.81 ]'
	done
	serials_equal
	;;
nxdomain)
	ask "$A_RES1" nosuch.example.test A +dnssec +time=5
	check "resolver: NXDOMAIN" status_is NXDOMAIN
	check "resolver: AD (the denial is validated)" flag_set ad
	for s in $A_NS1 $A_NS2; do
		ask "$s" nosuch.example.test A +norec +dnssec
		check "$s: NXDOMAIN with AA and NSEC" eval 'status_is NXDOMAIN && flag_set aa && has "NSEC"'
	done
	;;
split-horizon)
	resolver_ok "$A_RES1" 127.0.80.80
	resolver_ok "$A_CMP" 127.0.90.90
	ask "$A_NS1" www.example.test A +norec
	check "ns1 to an inside client: 127.0.80.80" [ "$(answer_a)" = 127.0.80.80 ]
	ask "$A_NS1" www.example.test A +norec -b "$A_CMP"
	check "ns1 to an outside client ($A_CMP): 127.0.90.90" [ "$(answer_a)" = 127.0.90.90 ]
	ask "$A_NS2" www.example.test A +norec -b "$A_CMP"
	check "ns2 to an outside client: 127.0.90.90" [ "$(answer_a)" = 127.0.90.90 ]
	;;
*)
	bad "no checks for scenario $LAB_SCENARIO"
	;;
esac

echo "$LAB_SCENARIO: $checks checks, $fails failed"
[ "$fails" -eq 0 ]
