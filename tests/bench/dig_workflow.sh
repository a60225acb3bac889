#!/bin/sh
# dig_workflow.sh - the manual triage of the seed runbooks
# (/work/shared/seeds/what-happens-when-dns-fails.txt, steps 2, 4, 5, 6), as
# an engineer types it: one dig after another, with dig's own defaults
# except where the runbook says otherwise. Runs inside a lab run (LAB_*
# variables), where /etc/resolv.conf is the scenario's own. Output goes to
# stdout; the benchmark only times it.
set -u
name=$LAB_NAME
zone=${name#*.}			# www.example.test -> example.test
resolvers=$(sed -n 's/^nameserver[[:space:]]*//p' "$LAB_RESOLV_CONF")
first=${resolvers%% *}

# Step 2: is each resolver reachable?
for r in $resolvers; do
	dig @"$r" . SOA +time=2 +tries=1
done
# Step 4: the zone's nameservers, then the name at each, directly
# (+short also prints ";; communications error ..." when a resolver is
# dead; the engineer reads past it to the names)
nslist=$(dig "$zone" NS +short | grep -v '^;')
for ns in $nslist; do
	dig @"$ns" "$name" A +noall +answer
done
# Step 5: DNSSEC through the resolver
dig @"$first" "$name" A +dnssec
# Step 6: the SOA serial at every nameserver
for ns in $nslist; do
	printf '%s serial: ' "$ns"
	dig @"$ns" "$zone" SOA +short | awk '{print $3}'
done
exit 0
