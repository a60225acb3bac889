/* knowledge_tables.h - the prose of knowledge.h: summaries, help paragraphs,
 * recovery steps, finding titles, which failure each finding supports,
 * RCODE and EDE explanations. Included by knowledge.c only; every row names
 * its code by the identifier defined in knowledge.h, so the compiler
 * rejects a row for a code that does not exist and test_knowledge rejects
 * a code without its rows.
 *
 * Placeholders such as {name}, {zone}, {server}, {address}, {resolver},
 * {seconds} are facts of the run, filled in by the verdict (FACT_TABLE).
 * Commands are never translated. */
#ifndef DNSTRIAGE_KNOWLEDGE_TABLES_H
#define DNSTRIAGE_KNOWLEDGE_TABLES_H

/* X(ID, summary, help paragraph) */
#define FAILURE_TEXT_TABLE(X)						\
	X(HEALTHY,							\
	  /* TRANSLATORS: keep {words in braces}; the program fills them. */ \
	  N_("Every check that ran passed: {name} resolves and the servers " \
	     "agree."),							\
	  N_("Every check that ran passed: the name resolves through the " \
	     "configured resolvers, the authoritative servers answer with " \
	     "authority and agree, DNSSEC validates where the zone is signed " \
	     "and all nameservers serve the same SOA serial. If users still " \
	     "see failures, look at the application, its caches and the " \
	     "network path."))						\
	X(NOT_DNS,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("{name} resolves, but the service does not answer at {address} " \
	     "either: the fault is in the network or the service, not in " \
	     "DNS."),							\
	  N_("The name resolves correctly, yet connecting to the service by " \
	     "its IP address fails as well. The IP path is broken without " \
	     "DNS being involved, so the fault is in the network (routing, " \
	     "firewall) or in the service itself. Changing DNS will not " \
	     "help."))							\
	X(HOSTS_OVERRIDE,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("{file} maps {name} to {address}, but DNS answers {expected}: " \
	     "applications on this host use the hosts-file address."),	\
	  N_("An entry in the hosts file answers for the name before DNS is " \
	     "asked (the 'files' source comes first in nsswitch.conf), and " \
	     "its address differs from what DNS serves. Applications on this " \
	     "host follow the override; other hosts follow DNS."))	\
	X(STUB_RESOLVER_DOWN,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("resolv.conf points at the local stub {server}, and it does not " \
	     "answer: every lookup on this host fails."),		\
	  N_("The resolver listed in resolv.conf is a local stub (systemd-" \
	     "resolved listens on 127.0.0.53) and it does not answer. Every " \
	     "lookup of every application goes there first, so everything " \
	     "fails even when the upstream resolvers are healthy."))	\
	X(RESOLVER_DOWN,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("None of the configured resolvers answers ({server}): no name " \
	     "can be resolved from this host."),			\
	  N_("No resolver in resolv.conf answers, over UDP or TCP, within " \
	     "the timeout. Every lookup on this host fails after the full " \
	     "timeout. The resolvers are down, or port 53 is blocked between " \
	     "this host and them."))					\
	X(RESOLVER_FAILOVER,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("Not every resolver answers (dead: {server}); lookups still " \
	     "work through another one, but every lookup that tries a "	\
	     "silent one first waits out its timeout."),		\
	  N_("At least one resolver in resolv.conf is dead while another " \
	     "answers. The stub resolver tries the dead one first (unless " \
	     "'rotate' spreads the load), waits out the timeout and its " \
	     "attempts, then falls back: every lookup is slow, and slow " \
	     "lookups break health checks and application timeouts."))	\
	X(RESOLVER_REFUSED,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("A resolver will not resolve for this host ({server}: REFUSED, " \
	     "or no recursion offered): its access policy leaves this client " \
	     "out."),							\
	  N_("The resolver answers, but with REFUSED or without the RA flag: " \
	     "it will not recurse for this client. That is policy: an ACL " \
	     "that does not include this host's address, a server that is " \
	     "authoritative only, or rate limiting."))			\
	X(RESOLVER_SERVFAIL,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("The resolver answers SERVFAIL for {name} ({server}), and " \
	     "neither the authoritative servers nor DNSSEC show a cause: the " \
	     "resolver itself is failing."),				\
	  N_("The resolver fails (SERVFAIL) although the authoritative " \
	     "servers answer and the zone validates. The resolver cannot " \
	     "reach its upstream (forwarders, network), is misconfigured or " \
	     "is overloaded. Its log usually names the reason; Extended DNS " \
	     "Errors, when present, give a hint."))			\
	X(AUTHORITATIVE_DOWN,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("No authoritative server of {zone} answers ({server}): "	\
	     "resolvers can serve {name} only from their caches, until " \
	     "the records expire."),					\
	  N_("None of the nameservers of the zone answers. Resolvers keep " \
	     "answering from their caches until the records' TTLs run out, " \
	     "then return SERVFAIL: names with short TTLs fail first, so the " \
	     "outage spreads gradually and looks random."))		\
	X(AUTHORITATIVE_PARTIAL,					\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("Some authoritative servers of {zone} do not answer ({server}); " \
	     "the others do, so lookups are slower and one more failure " \
	     "takes the zone down."),					\
	  N_("Part of the zone's nameserver set is unreachable. Resolvers " \
	     "retry the other servers, so names still resolve, but each miss " \
	     "costs a timeout, and the zone has lost its redundancy."))	\
	X(LAME_DELEGATION,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("Listed nameservers of {zone} do not answer with authority for " \
	     "it (lame delegation): {server}."),			\
	  N_("A server in the zone's NS set answers, but not "		\
	     "authoritatively: REFUSED, no AA flag, or a referral "	\
	     "elsewhere. It has lost the zone or never had it. Resolvers " \
	     "that pick it get errors, retry elsewhere, and may give up.")) \
	X(ZONE_EXPIRED_SECONDARY,					\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("A nameserver answers SERVFAIL for its own zone {zone} "	\
	     "({server}): its copy has probably expired after failed "	\
	     "transfers from the primary."),				\
	  N_("A secondary serves its copy of a zone until the SOA expire " \
	     "time passes without a successful refresh from the primary; " \
	     "then it answers SERVFAIL for everything in the zone. "	\
	     "Resolvers that pick it fail."))				\
	X(SECONDARY_EXPIRING,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("A secondary has not refreshed {zone} from its primary "	\
	     "({server}); its copy expires in {seconds} s."),		\
	  N_("The EDNS EXPIRE option tells how long a secondary will keep " \
	     "serving its copy of the zone. A small value means refreshes " \
	     "from the primary have been failing; at zero the server answers " \
	     "SERVFAIL for the whole zone."))				\
	X(SERIAL_MISMATCH,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("The nameservers of {zone} serve different SOA serials (behind: " \
	     "{server}), so the answer depends on which server a resolver " \
	     "asks."),							\
	  N_("The nameservers of the zone do not serve the same version of " \
	     "it (serials compared with RFC 1982 arithmetic). A secondary " \
	     "gets no transfers or NOTIFY messages, or the primary was " \
	     "edited without raising the serial."))			\
	X(DNSSEC_BOGUS,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("DNSSEC validation fails for {name}: validating resolvers " \
	     "answer SERVFAIL although the authoritative servers answer."), \
	  N_("The chain of trust from the trust anchor to the answer is " \
	     "broken: an expired or not yet valid signature, a DS at the " \
	     "parent that matches no DNSKEY, a missing DNSKEY or a bad proof " \
	     "of non-existence. Validating resolvers refuse the data and " \
	     "answer SERVFAIL; non-validating ones still work, which makes " \
	     "the failure look intermittent."))				\
	X(DNSSEC_EXPIRING,						\
	  /* TRANSLATORS: keep {words}; {when} is a UTC time. */ \
	  N_("The signatures of {zone} are valid now but expire on {when}: " \
	     "validation fails then unless the zone is re-signed."),	\
	  N_("The signatures (RRSIG) are valid today, but they expire within " \
	     "14 days (or before the time given with --at). If the signer " \
	     "does not refresh them in time, every validating resolver will " \
	     "answer SERVFAIL for the zone."))				\
	X(STALE_NEGATIVE_CACHE,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("A resolver ({server}) still answers that {name} does not " \
	     "exist, but the authoritative servers have it: a cached "	\
	     "negative answer, kept for up to {seconds} s."),		\
	  N_("The resolver cached NXDOMAIN or NODATA (for the SOA's negative " \
	     "TTL) before the record was published, or while it was briefly " \
	     "missing. Clients of that resolver keep failing until the entry " \
	     "expires or is flushed."))					\
	X(STALE_CACHE,							\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("A resolver ({server}) answers {name} with data no "	\
	     "authoritative server serves any more: a stale cached answer."), \
	  N_("The resolver's positive answer differs from every "	\
	     "authoritative answer: the record changed and the resolver " \
	     "keeps the old data until its TTL runs out (or something "	\
	     "forged the answer)."))					\
	X(NXDOMAIN,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("{name} does not exist: the authoritative servers of {zone} " \
	     "answer NXDOMAIN."),					\
	  N_("The authoritative servers say the name does not exist. That is " \
	     "an answer, not a failure of the servers: the name is misspelt, " \
	     "the record was never created or has been deleted, or the " \
	     "domain has lapsed at the registrar."))			\
	X(NODATA,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("{name} exists but has no {type} record: the authoritative "	\
	     "servers of {zone} answer NODATA."),			\
	  N_("The name exists in the zone, but without records of the type " \
	     "asked for (NOERROR with an empty answer, NODATA). That is an " \
	     "answer, not a failure of the servers: the record was never " \
	     "created, was deleted, or lives under another name."))	\
	X(SPLIT_HORIZON,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("{server} and {resolver} give different answers for {name}: the " \
	     "answer depends on where the query comes from."),		\
	  N_("Different vantage points get different answers: the resolver " \
	     "and an independent resolver, or the resolver and the "	\
	     "authoritative servers. Split horizon (views) is often "	\
	     "deliberate; it is a fault when a client lands in the wrong " \
	     "view, for example after its subnet was left out of an ACL.")) \
	X(EDNS_UNSUPPORTED,						\
	  N_("{server} does not support EDNS: it rejects or ignores queries " \
	     "with an OPT record and answers only without. Resolvers that "	\
	     "no longer work around that (since DNS Flag Day 2019) fail on " \
	     "it."),							\
	  N_("The server answers FORMERR or NOTIMP to a query with EDNS, or " \
	     "does not answer it at all, and answers the same query without " \
	     "EDNS. Old server software or a firewall that drops DNS packets " \
	     "with an OPT record does this. Current resolvers no longer retry " \
	     "without EDNS, so to them the server is dead; and without EDNS "	\
	     "it can serve neither DNSSEC nor answers over 512 bytes over "	\
	     "UDP."))							\
	X(CNAME_LOOP,							\
	  N_("{name} is an alias (CNAME) whose chain loops back on itself " \
	     "({server}): it can never resolve to an address."),		\
	  N_("The alias chain of the name comes back to a name already in it, " \
	     "so it never ends in an address. Resolvers give up with SERVFAIL " \
	     "or an empty answer. Someone pointed two aliases at each other, "	\
	     "often while moving a service."))				\
	X(UNKNOWN,							\
	  N_("The triage could not name a cause: the checks that would find " \
	     "it did not run, or the failure is of a kind this version does " \
	     "not recognise."),						\
	  N_("No failure type explains the findings, or no step ran. The " \
	     "findings are all that is known: read their evidence and run " \
	     "their queries by hand."))

/* X(ID, text, command or NULL), in the order the steps are to be done. */
#define RECOVERY_TABLE(X)						\
	X(HEALTHY,							\
	  /* TRANSLATORS: a recovery step; keep {words in braces}. */	\
	  N_("Nothing to repair in DNS. If users still see failures, check " \
	     "the application, its own caches and the network path to the " \
	     "service."), NULL)						\
	X(NOT_DNS,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Check, by address and without DNS, that the service accepts " \
	     "connections:"), "nc -vz {address} {port}")		\
	X(NOT_DNS,							\
	  N_("Check the route from this host towards the service:"),	\
	  "ip route get {address}")					\
	X(NOT_DNS,							\
	  N_("On the service's host, check the process and its listening " \
	     "sockets:"), "ss -ltnp")					\
	X(HOSTS_OVERRIDE,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Remove or correct the entry for {name} in {file}; it wins over " \
	     "DNS on this host:"), "grep -nwF '{name}' {file}")		\
	X(HOSTS_OVERRIDE,						\
	  N_("Check what applications get now (hosts file first, then DNS):"), \
	  "getent ahosts {name}")					\
	X(HOSTS_OVERRIDE,						\
	  N_("If nscd runs, drop its cached host entries:"), "nscd -i hosts") \
	X(STUB_RESOLVER_DOWN,						\
	  N_("Check the stub resolver service and its last log lines:"), \
	  "systemctl status systemd-resolved")				\
	X(STUB_RESOLVER_DOWN,						\
	  N_("Restart it:"), "systemctl restart systemd-resolved")	\
	X(STUB_RESOLVER_DOWN,						\
	  N_("Once it runs, see which upstream servers it uses:"),	\
	  "resolvectl status")						\
	X(STUB_RESOLVER_DOWN,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Until it is repaired, point resolv.conf at a working resolver " \
	     "directly (for example {resolver})."), NULL)		\
	X(RESOLVER_DOWN,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Check whether the resolver answers at all, with a short "	\
	     "timeout:"), "dig @{address} . SOA +time=2 +tries=1")	\
	X(RESOLVER_DOWN,						\
	  N_("On the resolver's host, check the service (named or unbound) " \
	     "and its log:"), "systemctl status named unbound")		\
	X(RESOLVER_DOWN,						\
	  N_("Meanwhile put a working resolver first in /etc/resolv.conf of " \
	     "the affected hosts; for a fleet, push the change with the " \
	     "configuration management."), NULL)			\
	X(RESOLVER_DOWN,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("Check firewalls and ACLs for UDP and TCP port 53 between this " \
	     "host and {server}."), NULL)				\
	X(RESOLVER_FAILOVER,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Promote the working resolver {resolver}: make it the first " \
	     "nameserver line of /etc/resolv.conf (for a fleet, push the " \
	     "change with the configuration management)."), NULL)	\
	X(RESOLVER_FAILOVER,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("Do not wait for the dead resolver; investigate {server} "	\
	     "separately:"), "dig @{address} . SOA +time=2 +tries=1")	\
	X(RESOLVER_FAILOVER,						\
	  N_("While it is down, keep the penalty small with 'options "	\
	     "timeout:1 attempts:1' in /etc/resolv.conf."), NULL)	\
	X(RESOLVER_REFUSED,						\
	  N_("Reproduce the answer and note its status and flags (ra):"), \
	  "dig @{address} {name} {type}")				\
	X(RESOLVER_REFUSED,						\
	  N_("On BIND, add this host's network to allow-query and "	\
	     "allow-recursion in named.conf, then reload:"), "rndc reconfig") \
	X(RESOLVER_REFUSED,						\
	  N_("On Unbound, add an access-control line for this host's network " \
	     "to unbound.conf, then reload:"), "unbound-control reload") \
	X(RESOLVER_REFUSED,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("If {server} is an authoritative-only server, it does not " \
	     "belong in resolv.conf: use a recursive resolver instead."), \
	  NULL)								\
	X(RESOLVER_SERVFAIL,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Ask again with DNSSEC checking disabled, to rule validation " \
	     "out:"), "dig @{address} {name} {type} +cd")		\
	X(RESOLVER_SERVFAIL,						\
	  N_("Read the resolver's log around the time of the query:"),	\
	  "journalctl -u named -u unbound --since '1 hour ago'")	\
	X(RESOLVER_SERVFAIL,						\
	  N_("Check its forwarders and its own network path to the "	\
	     "authoritative servers."), NULL)				\
	X(RESOLVER_SERVFAIL,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Once it works again, drop the failure it may have cached, on " \
	     "BIND:"), "rndc flushname {name}")				\
	X(RESOLVER_SERVFAIL,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Or on Unbound:"), "unbound-control flush {name}")		\
	X(AUTHORITATIVE_DOWN,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Restore the authoritative service of {zone} (process, host, " \
	     "network); check each server directly:"),			\
	  "dig @{address} {zone} SOA +norec")				\
	X(AUTHORITATIVE_DOWN,						\
	  N_("Find how long the cached answer lasts (the TTL column): names " \
	     "with short TTLs fail first."),				\
	  "dig @{resolver} {name} {type} +noall +answer")		\
	X(AUTHORITATIVE_DOWN,						\
	  N_("If the repair takes longer than those TTLs, serve the zone " \
	     "from another server and update the delegation at the parent."), \
	  NULL)								\
	X(AUTHORITATIVE_DOWN,						\
	  N_("Do not flush resolver caches now: the cached answers are what " \
	     "still works."), NULL)					\
	X(AUTHORITATIVE_PARTIAL,					\
	  N_("Check the silent server directly:"),			\
	  "dig @{address} {zone} SOA +norec +time=2 +tries=1")		\
	X(AUTHORITATIVE_PARTIAL,					\
	  N_("Restore its service and network path, then compare its serial " \
	     "with the other servers'."), NULL)				\
	X(AUTHORITATIVE_PARTIAL,					\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("If it is gone for good, remove it from the NS set of {zone} " \
	     "and from the delegation at the parent."), NULL)		\
	X(LAME_DELEGATION,						\
	  N_("Reproduce: an authoritative answer carries the aa flag:"), \
	  "dig @{address} {zone} SOA +norec")				\
	X(LAME_DELEGATION,						\
	  /* TRANSLATORS: keep {words}; {server} may be a list. */	\
	  N_("Configure {zone} on {server} (as primary or secondary), or " \
	     "remove that server from the NS set and from the delegation at " \
	     "the parent."), NULL)					\
	X(LAME_DELEGATION,						\
	  N_("On a BIND server, check whether the zone is loaded:"),	\
	  "rndc zonestatus {zone}")					\
	X(ZONE_EXPIRED_SECONDARY,					\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Restore the path from the secondary to the primary (routing, " \
	     "firewall, TSIG key, allow-transfer), then transfer the zone " \
	     "again on the secondary:"), "rndc retransfer {zone}")	\
	X(ZONE_EXPIRED_SECONDARY,					\
	  N_("Check the zone's state on the secondary:"),		\
	  "rndc zonestatus {zone}")					\
	X(ZONE_EXPIRED_SECONDARY,					\
	  N_("If the primary is lost for good, promote the secondary to " \
	     "primary and update the NS records and glue at the parent."), \
	  NULL)								\
	X(SECONDARY_EXPIRING,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("On the secondary, look at the last refresh and the expiry " \
	     "time:"), "rndc zonestatus {zone}")			\
	X(SECONDARY_EXPIRING,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Repair the transfer path to the primary, then force a "	\
	     "refresh:"), "rndc retransfer {zone}")			\
	X(SERIAL_MISMATCH,						\
	  N_("Compare the serial of each nameserver:"),			\
	  "dig @{address} {zone} SOA +norec +short")			\
	X(SERIAL_MISMATCH,						\
	  N_("On the secondary that is behind, transfer the zone again:"), \
	  "rndc retransfer {zone}")					\
	X(SERIAL_MISMATCH,						\
	  N_("Check NOTIFY and allow-transfer between the primary and its " \
	     "secondaries, and that the last change on the primary raised " \
	     "the serial."), NULL)					\
	X(DNSSEC_BOGUS,							\
	  N_("Confirm: the answer comes back with checking disabled (+cd) " \
	     "and fails without it:"),					\
	  "dig @{address} {name} {type} +dnssec +cd")			\
	X(DNSSEC_BOGUS,							\
	  N_("Re-sign the zone on its signer (BIND with inline signing):"), \
	  "rndc sign {zone}")						\
	X(DNSSEC_BOGUS,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Load the current keys (BIND):"), "rndc loadkeys {zone}")	\
	X(DNSSEC_BOGUS,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("With Knot DNS as the signer:"), "knotc zone-sign {zone}")	\
	X(DNSSEC_BOGUS,							\
	  N_("Check that the DS at the parent matches a DNSKEY of the zone:"), \
	  "dig {zone} DS +cd +short")					\
	X(DNSSEC_BOGUS,							\
	  N_("After the repair, drop the bogus data from validating "	\
	     "resolvers, on Unbound:"), "unbound-control flush_bogus")	\
	X(DNSSEC_BOGUS,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("On BIND:"), "rndc flushtree {zone}")			\
	X(DNSSEC_BOGUS,							\
	  N_("If a signing key is lost, start an emergency key rollover and " \
	     "have the DS at the parent replaced; validation fails until the " \
	     "new DS has spread."), NULL)				\
	X(DNSSEC_EXPIRING,						\
	  N_("Check that the signer runs and re-signs on schedule (BIND):"), \
	  "rndc dnssec -status {zone}")					\
	X(DNSSEC_EXPIRING,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Re-sign now (BIND):"), "rndc sign {zone}")		\
	X(DNSSEC_EXPIRING,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("With Knot DNS:"), "knotc zone-sign {zone}")		\
	X(DNSSEC_EXPIRING,						\
	  N_("Check the new expiry date on every nameserver:"),		\
	  "dig @{address} {zone} SOA +norec +dnssec")			\
	X(STALE_NEGATIVE_CACHE,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("On BIND, flush the name:"), "rndc flushname {name}")	\
	X(STALE_NEGATIVE_CACHE,						\
	  N_("On Unbound, flush the negative answers:"),		\
	  "unbound-control flush_negative")				\
	X(STALE_NEGATIVE_CACHE,						\
	  N_("Or only this name and type:"),				\
	  "unbound-control flush_type {name} {type}")			\
	X(STALE_NEGATIVE_CACHE,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("On Knot Resolver 6 (negative answers go with the zone's "	\
	     "subtree):"), "kresctl cache clear {zone}")		\
	X(STALE_NEGATIVE_CACHE,						\
	  N_("On Knot Resolver 5, on its control socket (kresc):"),	\
	  "cache.clear('{zone}.')")					\
	X(STALE_NEGATIVE_CACHE,						\
	  N_("On a host with systemd-resolved:"), "resolvectl flush-caches") \
	X(STALE_NEGATIVE_CACHE,						\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Or wait: the entry expires within {seconds} s."), NULL)	\
	X(STALE_CACHE,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("On BIND, flush the name:"), "rndc flushname {name}")	\
	X(STALE_CACHE,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("On Unbound:"), "unbound-control flush {name}")		\
	X(STALE_CACHE,							\
	  N_("On Knot Resolver 6:"),					\
	  "kresctl cache clear --exact-name {name}")			\
	X(STALE_CACHE,							\
	  N_("On Knot Resolver 5, on its control socket (kresc):"),	\
	  "cache.clear('{name}.', true)")				\
	X(STALE_CACHE,							\
	  N_("On a host with systemd-resolved:"), "resolvectl flush-caches") \
	X(STALE_CACHE,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("Or wait: the cached record expires within {seconds} s."), NULL) \
	X(NXDOMAIN,							\
	  N_("Check the spelling, and the search domains in "		\
	     "/etc/resolv.conf."), NULL)				\
	X(NXDOMAIN,							\
	  N_("Ask an authoritative server directly:"),			\
	  "dig @{address} {name} {type} +norec")			\
	X(NXDOMAIN,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("If the name should exist, add the record to {zone} and raise " \
	     "the serial; resolvers may keep the negative answer for the " \
	     "SOA's negative TTL."), NULL)				\
	X(NXDOMAIN,							\
	  N_("If the whole domain is gone, check its registration."), NULL) \
	X(NODATA,							\
	  N_("See which records the name has:"),			\
	  "dig @{address} {name} ANY +norec")				\
	X(NODATA,							\
	  /* TRANSLATORS: keep {words in braces}. */			\
	  N_("If the record should exist, add it to {zone} and raise the " \
	     "serial; resolvers may keep the empty answer for the SOA's "	\
	     "negative TTL."), NULL)					\
	X(SPLIT_HORIZON,						\
	  N_("Compare the answers side by side:"),			\
	  "dig @{address} {name} {type} +short")			\
	X(SPLIT_HORIZON,						\
	  N_("On BIND, check the match-clients ACLs of the views against " \
	     "this host's address."), NULL)				\
	X(SPLIT_HORIZON,						\
	  N_("If the difference is not intended, make the views serve the " \
	     "same data, or move this host's network into the right view."), \
	  NULL)								\
	X(EDNS_UNSUPPORTED,						\
	  N_("Ask without EDNS, which it answers, then the same without "	\
	     "+noedns, which it does not:"),				\
	  "dig @{address} {name} {type} +norec +noedns")		\
	X(EDNS_UNSUPPORTED,						\
	  N_("Upgrade the server software, or let the firewall in front of " \
	     "it pass DNS packets with EDNS (OPT records) and fragments or "	\
	     "TCP for large answers."), NULL)				\
	X(CNAME_LOOP,							\
	  N_("Follow the chain on the authoritative server:"),		\
	  "dig @{address} {name} CNAME +norec")				\
	X(CNAME_LOOP,							\
	  N_("Point the last alias of the chain at the name that holds the " \
	     "address records (or replace it with those records), raise the " \
	     "serial of {zone}, and reload."), NULL)			\
	X(UNKNOWN,							\
	  N_("Read each finding's evidence and run its query by hand."), \
	  NULL)								\
	X(UNKNOWN,							\
	  N_("Run the triage again with every step, and attach this report " \
	     "to the ticket."), NULL)

/* X(ID, title): a few words for lists and the help screen. */
#define FINDING_TITLE_TABLE(X)						\
	X(NAME_RESOLVES, N_("The name resolves"))			\
	X(TARGET_ADDRESS, N_("The target is an address"))		\
	X(SYSTEM_LOOKUP, N_("What getaddrinfo() returns"))		\
	X(CONFIG_NOTE, N_("Local configuration"))			\
	X(NAME_FAILS, N_("The name does not resolve"))			\
	X(SERVICE_REACHABLE, N_("Service reachable by address"))	\
	X(SERVICE_UNREACHABLE, N_("Service unreachable by address"))	\
	X(HOSTS_OVERRIDE, N_("Hosts file overrides DNS"))		\
	X(STUB_TIMEOUT, N_("Local stub resolver silent"))		\
	X(RESOLVER_ANSWERS, N_("Resolver answers"))			\
	X(RESOLVER_TIMEOUT, N_("Resolver silent"))			\
	X(RESOLVER_UNREACHABLE, N_("Resolver unreachable"))		\
	X(FAILOVER_PENALTY, N_("Failover penalty"))			\
	X(RESOLVER_REFUSED, N_("Resolver refuses"))			\
	X(RESOLVER_NO_RECURSION, N_("Resolver will not recurse"))	\
	X(RESOLVER_SERVFAIL, N_("Resolver fails (SERVFAIL)"))		\
	X(RESOLVER_NXDOMAIN, N_("Resolver says the name does not exist")) \
	X(RESOLVER_NO_ANSWER, N_("Resolver gives no answer for the name")) \
	X(RESOLVER_NO_TCP, N_("Resolver does not answer over TCP"))	\
	X(RESOLVER_UNUSED, N_("Nameserver never asked"))		\
	X(RESOLVER_SLOW, N_("Resolver slow for this name"))		\
	X(RESOLVER_WAITING, N_("No answer yet"))			\
	X(ANSWERS_DIFFER, N_("Answers differ"))				\
	X(ZONE_CUT, N_("Zone and nameservers"))				\
	X(ALIAS_ELSEWHERE, N_("Alias into another zone"))		\
	X(WALK_FAILED, N_("Walk from the root stopped"))		\
	X(NS_SET_DIFFERS, N_("NS sets differ"))				\
	X(AUTH_ANSWERS, N_("Authoritative server answers"))		\
	X(AUTH_TIMEOUT, N_("Authoritative server silent"))		\
	X(AUTH_WAITING, N_("No answer yet"))				\
	X(AUTH_LAME, N_("Lame delegation"))				\
	X(AUTH_SERVFAIL, N_("Authoritative server fails (SERVFAIL)"))	\
	X(AUTH_NXDOMAIN, N_("Name does not exist"))			\
	X(AUTH_NODATA, N_("No record of that type"))			\
	X(STALE_NEGATIVE, N_("Stale negative answer"))			\
	X(STALE_ANSWER, N_("Stale answer"))				\
	X(CACHE_REMAINS, N_("Cached answer still served"))		\
	X(DNSSEC_SECURE, N_("Chain of trust holds"))			\
	X(DNSSEC_INSECURE, N_("Zone not signed"))			\
	X(VALIDATION_FAILURE, N_("Validation fails"))			\
	X(SIG_EXPIRED, N_("Signature expired"))				\
	X(SIG_NOT_YET_VALID, N_("Signature not yet valid"))		\
	X(DS_MISMATCH, N_("DS matches no DNSKEY"))			\
	X(DNSKEY_MISSING, N_("DNSKEY missing"))				\
	X(BAD_DENIAL, N_("Bad proof of non-existence"))			\
	X(SIG_EXPIRING, N_("Signature expires soon"))			\
	X(SIG_INVALID, N_("Signature does not verify"))		\
	X(RRSIG_MISSING, N_("Signature missing"))			\
	X(DNSSEC_UNVERIFIED, N_("Chain of trust not checked"))		\
	X(RESOLVER_AD, N_("Resolver validates (AD)"))			\
	X(AD_UNSUPPORTED, N_("AD without a chain of trust"))		\
	X(SERIALS_AGREE, N_("Serials agree"))				\
	X(PRIMARY_SOA, N_("The primary named in the SOA"))		\
	X(SERIAL_BEHIND, N_("Serial behind"))				\
	X(EXPIRE_SOON, N_("Zone copy expires soon"))			\
	X(SOA_TIMERS, N_("SOA timers"))					\
	X(SERIALS_INCOMPARABLE, N_("Serials cannot be ordered"))	\
	X(SOA_SERVFAIL, N_("SOA query fails (SERVFAIL)"))		\
	X(SOA_NOT_AUTH, N_("SOA without authority"))			\
	X(EDNS_EXPIRE, N_("Zone copy lifetime (EDNS EXPIRE)"))		\
	X(MALFORMED_ANSWER, N_("Answer is not valid DNS"))		\
	X(TCP_FALLBACK_FAILED, N_("Truncated answer, and TCP fails"))	\
	X(ANSWER_MISMATCH, N_("Stray messages ignored"))		\
	X(EDNS_UNSUPPORTED, N_("Server does not support EDNS"))	\
	X(OVERSIZED_ANSWER, N_("Answer of absurd size"))		\
	X(CNAME_LOOP, N_("Alias chain loops"))				\
	X(RRSIG_DATES, N_("Signature with absurd dates"))		\
	X(NS_SET_LARGE, N_("More name servers than checked"))

/* X(ID, paragraph): what a finding of that code means and what to look at
 * next, for the help screen and the expanded finding. Plain words; the
 * finding's own message gives the servers and numbers. */
#define FINDING_HELP_TABLE(X)						\
	X(NAME_RESOLVES,						\
	  /* TRANSLATORS: keep option, file and flag names (AA, RA, AD). */ \
	  N_("Applications on this host get an address for the name, from " \
	     "the hosts file or from DNS. If users still see failures, "	\
	     "compare the address with the one it should be (--expect-ip) " \
	     "and read the later steps for slow or inconsistent answers.")) \
	X(TARGET_ADDRESS,						\
	  N_("The target is an IP address, not a name: reaching it involves " \
	     "no lookup. The resolvers are only checked for answering at "	\
	     "all; a failure to connect lies in the network or the service.")) \
	X(SYSTEM_LOOKUP,						\
	  N_("What the system's resolver library, getaddrinfo(), returns for " \
	     "the name, exactly as applications get it. When it disagrees "	\
	     "with what the configuration files say, another source answers " \
	     "(nscd, systemd-resolved or an nsswitch module): look there. "	\
	     "When it is slow, every application waits that long."))	\
	X(CONFIG_NOTE,							\
	  N_("A remark on a local configuration file (resolv.conf, "	\
	     "nsswitch.conf, the hosts file): a line that cannot be read or " \
	     "a setting the C library treats otherwise than it seems. Rarely " \
	     "the cause of an outage by itself, but the file does not do "	\
	     "what its author meant."))					\
	X(NAME_FAILS,							\
	  N_("Applications on this host cannot get an address for the name. " \
	     "This is the symptom, not the cause: the following steps look "	\
	     "for the cause in the resolvers, the authoritative servers, "	\
	     "DNSSEC and the copies of the zone."))			\
	X(SERVICE_REACHABLE,						\
	  N_("The service accepts TCP connections at this address on the "	\
	     "port given. If the name fails while the address works, the "	\
	     "fault is in name resolution."))				\
	X(SERVICE_UNREACHABLE,						\
	  N_("The service does not accept TCP connections at this address on " \
	     "the port given: refused, timed out or no route. If the name "	\
	     "resolves correctly, DNS is not at fault: look at the service, " \
	     "its host and the firewalls on the way."))			\
	X(HOSTS_OVERRIDE,						\
	  N_("The hosts file maps the name to another address than DNS "	\
	     "serves, and nsswitch.conf reads the file first. Applications " \
	     "on this host use the file's address, other hosts use DNS. "	\
	     "Such entries are often left over from a migration or a test.")) \
	X(STUB_TIMEOUT,							\
	  N_("resolv.conf points at a local stub resolver (systemd-resolved " \
	     "on 127.0.0.53, a local dnsmasq) and it does not answer. Every " \
	     "lookup on this host goes through it, so all of them fail, "	\
	     "however healthy the resolvers behind it are. Check that the "	\
	     "service runs."))						\
	X(RESOLVER_ANSWERS,						\
	  N_("The resolver answers the question; the finding says how fast " \
	     "and whether it validated the answer (the AD flag). An answer "	\
	     "can still be old: the authoritative step compares it with what " \
	     "the zone's own servers say."))				\
	X(RESOLVER_TIMEOUT,						\
	  N_("The resolver gives no answer at all, over UDP or TCP, within "	\
	     "the timeout. It is down or overloaded, or something on the way " \
	     "drops port 53. Every lookup that tries it first waits out the " \
	     "timeout."))						\
	X(RESOLVER_UNREACHABLE,						\
	  N_("The resolver cannot be reached: the network reports an error "	\
	     "at once (port closed, no route, network unreachable). Nothing " \
	     "listens on port 53 at that address, or a firewall rejects the " \
	     "queries."))						\
	X(FAILOVER_PENALTY,						\
	  N_("A resolver listed before a working one is dead. The C library " \
	     "asks the resolvers in order and waits out the timeout (options " \
	     "timeout: in resolv.conf) on the dead one before it asks the "	\
	     "next; with 'rotate', the lookups that start at the dead one "	\
	     "wait. Lookups succeed, but slowly enough to break health "	\
	     "checks and application timeouts."))			\
	X(RESOLVER_REFUSED,						\
	  N_("The resolver answers REFUSED: it will not serve this client. "	\
	     "That is policy: an access list (allow-query, allow-recursion, " \
	     "access-control) that leaves this host's address out, a server " \
	     "that only serves its own zones, or rate limiting."))	\
	X(RESOLVER_NO_RECURSION,					\
	  N_("The resolver answers without the RA flag: it does not resolve " \
	     "names for this client, it only knows its own zones. It is an "	\
	     "authoritative-only server listed in resolv.conf by mistake, or " \
	     "its recursion access list leaves this host out."))	\
	X(RESOLVER_SERVFAIL,						\
	  N_("The resolver answers SERVFAIL: it tried and could not produce " \
	     "an answer. The cause can be upstream (silent authoritative "	\
	     "servers, a DNSSEC validation failure) or in the resolver itself " \
	     "(no way out, broken forwarders); the authoritative and DNSSEC " \
	     "steps tell which."))					\
	X(RESOLVER_NXDOMAIN,						\
	  N_("The resolver says the name does not exist. That may be true, or " \
	     "a negative answer it cached earlier; the zone's own servers "	\
	     "decide, and the authoritative step asks them."))		\
	X(RESOLVER_NO_ANSWER,						\
	  N_("The resolver is alive (it answers the root's SOA at once) but "	\
	     "gave no answer for this name within the timeout. It is waiting " \
	     "for something upstream, usually name servers of the zone that " \
	     "do not answer."))						\
	X(RESOLVER_NO_TCP,						\
	  N_("The resolver answers over UDP but not over TCP. Small answers "	\
	     "work; answers too large for UDP (many records, DNSSEC "	\
	     "signatures) are retried over TCP and fail. Check the firewalls " \
	     "for TCP port 53."))					\
	X(RESOLVER_UNUSED,						\
	  N_("resolv.conf lists more than three nameservers, and the C "	\
	     "library uses only the first three: this one is never asked, "	\
	     "working or not. Remove it, or move it up if it is the one to "	\
	     "rely on."))						\
	X(RESOLVER_SLOW,						\
	  N_("The resolver answered this name much more slowly than the "	\
	     "root's SOA, which it has in its cache. It waits for something " \
	     "upstream, often a name server of the zone that is dead or slow; " \
	     "the authoritative step shows which."))			\
	X(RESOLVER_WAITING,						\
	  N_("Shown only while answers are still coming in: this resolver " \
	     "has been silent for several times as long as the others took " \
	     "to answer. It may still answer; once its timeout has passed it " \
	     "becomes a finding of its own (silent, or what it answered)."))	\
	X(ANSWERS_DIFFER,						\
	  N_("The resolver and an independent one (--compare-resolver) give " \
	     "different answers to the same question: the answer depends on " \
	     "where it is asked from. Deliberate views (split horizon), a "	\
	     "filtering resolver, or a stale cache on one side."))	\
	X(ZONE_CUT,							\
	  N_("The zone the name belongs to, who delegates it and to which "	\
	     "name servers, found by following the delegations down from the " \
	     "root hints; the evidence shows each step of the walk. The rest " \
	     "of this step asks these servers."))			\
	X(ALIAS_ELSEWHERE,						\
	  N_("The name is an alias (CNAME) of a name in another zone. The "	\
	     "records applications end up with come from that zone, which "	\
	     "this run does not check: run dnstriage on the target of the "	\
	     "alias."))							\
	X(WALK_FAILED,							\
	  N_("The walk down the delegations from the root hints stopped "	\
	     "before the zone of the name: no server on the way gave a usable " \
	     "answer, or none had an address. Without the zone's name servers " \
	     "their checks cannot run; the evidence shows where the walk "	\
	     "stopped."))						\
	X(NS_SET_DIFFERS,						\
	  N_("The lists of name servers disagree: the delegation at the "	\
	     "parent and the zone's own NS records name different servers, "	\
	     "a resolver holds yet another list, or a name server has no "	\
	     "address. Resolvers may use either list, so some ask servers "	\
	     "that others never see. Make the lists the same (RFC 1034, "	\
	     "section 4.2.2)."))					\
	X(AUTH_ANSWERS,							\
	  N_("A name server of the zone, asked directly, answers with "	\
	     "authority (the AA flag) and the data shown. This is what the "	\
	     "zone says; the resolvers' answers are compared with it."))	\
	X(AUTH_WAITING,							\
	  N_("Shown only while answers are still coming in: this name " \
	     "server has been silent for several times as long as the other " \
	     "name servers of the zone took to answer. It may still answer; " \
	     "once its timeout has passed it becomes a finding of its own."))	\
	X(AUTH_TIMEOUT,							\
	  N_("A name server of the zone does not answer when asked directly, " \
	     "or not for some record types. Resolvers that try it lose a "	\
	     "timeout and try another; when none answers, they serve only "	\
	     "what they have cached, until the TTLs run out."))		\
	X(AUTH_LAME,							\
	  N_("A server listed as a name server of the zone answers, but "	\
	     "without authority: REFUSED, no AA flag, or a referral "	\
	     "elsewhere. It does not have the zone (any more). Configure the " \
	     "zone on it, or remove it from the NS records and the "	\
	     "delegation."))						\
	X(AUTH_SERVFAIL,						\
	  N_("A name server answers SERVFAIL for a name in its own zone: its " \
	     "copy failed to load, is broken, or expired because the "	\
	     "secondary could not refresh it from the primary. Every resolver " \
	     "that picks this server fails."))				\
	X(AUTH_NXDOMAIN,						\
	  N_("Every name server of the zone that answers says the name does " \
	     "not exist (NXDOMAIN). A definite answer from the source, not a " \
	     "failure: check the spelling and the zone's data."))	\
	X(AUTH_NODATA,							\
	  N_("Every name server that answers says the name exists but has no " \
	     "record of the type asked for (NODATA). The record was never "	\
	     "created, was deleted, or lives under another name or type."))	\
	X(STALE_NEGATIVE,						\
	  N_("A resolver says the name or the record does not exist, but the " \
	     "zone's name servers have it now: it keeps a negative answer "	\
	     "from before, for up to the zone's negative TTL. Flush the name " \
	     "on the resolver, or wait."))				\
	X(STALE_ANSWER,							\
	  N_("A resolver answers with data that no name server of the zone "	\
	     "serves any more: an old copy kept until its TTL runs out, or a " \
	     "forged answer. Flush the name on the resolver, or wait for the " \
	     "TTL shown."))						\
	X(CACHE_REMAINS,						\
	  N_("No name server of the zone answers, yet a resolver still "	\
	     "answers from its cache. That lasts only for the TTL shown; then " \
	     "its clients fail too. It is the time left to repair the name "	\
	     "servers."))						\
	X(DNSSEC_SECURE,						\
	  N_("The chain of trust holds from the trust anchor down to the "	\
	     "answer: every DS matches a key, every signature verifies and is " \
	     "valid at the time checked. DNSSEC is not the problem."))	\
	X(DNSSEC_INSECURE,						\
	  N_("The zone is not signed: the delegation from its parent carries " \
	     "no DS record (a signed parent proves that with NSEC or NSEC3). " \
	     "The chain of trust ends there, and validating resolvers accept " \
	     "the data without validation: normal for an unsigned zone, not a " \
	     "fault."))							\
	X(VALIDATION_FAILURE,						\
	  N_("A resolver answers SERVFAIL, but with checking disabled (the CD " \
	     "flag) it returns the records, or its Extended DNS Error names a " \
	     "DNSSEC failure: it rejects the data because validation fails. "	\
	     "The other DNSSEC findings name the broken link."))	\
	X(SIG_EXPIRED,							\
	  N_("A signature (RRSIG) on the chain of trust is past its "	\
	     "expiration time. Validating resolvers reject the data it covers " \
	     "until the zone is signed again: check that the signer runs and " \
	     "that its new signatures reach every name server."))	\
	X(SIG_NOT_YET_VALID,						\
	  N_("A signature's inception time lies in the future, so validating " \
	     "resolvers reject it until then. The signer's clock runs ahead, " \
	     "or the zone was signed with a wrong inception time; check the "	\
	     "clocks (NTP) of the signer and of this host."))		\
	X(DS_MISMATCH,							\
	  N_("The DS records at the parent match no key of the zone, or the " \
	     "key they name does not sign the zone's DNSKEY set. This usually " \
	     "follows a key rollover in which the DS at the parent was not "	\
	     "updated, or was updated too early. Validating resolvers reject " \
	     "the whole zone."))					\
	X(DNSKEY_MISSING,						\
	  N_("A key the chain needs is missing: the zone answers its DNSKEY "	\
	     "query without keys although its parent has a DS, or data is "	\
	     "signed by a key that is not published. Validating resolvers "	\
	     "reject the data: publish the key again, or re-sign with a "	\
	     "published one."))						\
	X(BAD_DENIAL,							\
	  N_("A negative answer (NXDOMAIN, NODATA, or a delegation without "	\
	     "DS) comes without a valid NSEC or NSEC3 proof. Validating "	\
	     "resolvers cannot accept that the data does not exist and answer " \
	     "SERVFAIL. The zone's NSEC chain is incomplete or out of date: "	\
	     "re-sign the zone."))					\
	X(SIG_EXPIRING,							\
	  N_("A signature is valid now but expires soon (within 14 days, or "	\
	     "before the time given with --at). If the zone is not re-signed " \
	     "by then, validation fails: check that automatic re-signing "	\
	     "runs."))							\
	X(SIG_INVALID,							\
	  N_("A signature does not verify with the key that should have made " \
	     "it: the data was changed after signing (edited on a secondary, " \
	     "altered on the way), or signed with another key. Validating "	\
	     "resolvers reject the data; re-sign the zone from its source.")) \
	X(RRSIG_MISSING,						\
	  N_("An RRset in a signed zone carries no signature, so validating " \
	     "resolvers reject it. The record was added without re-signing, " \
	     "or a server serves an unsigned copy of the zone."))	\
	X(DNSSEC_UNVERIFIED,						\
	  N_("The chain of trust could not be checked: no trust anchor, the " \
	     "walk did not reach the zone, a DNSKEY query went unanswered, or " \
	     "the zone uses an algorithm this program does not check. Nothing " \
	     "is known about DNSSEC either way; what the resolvers say (AD, "	\
	     "SERVFAIL that goes away with CD) still counts."))		\
	X(RESOLVER_AD,							\
	  N_("The resolver sets the AD flag on its answer: it validated the "	\
	     "data with DNSSEC and found it genuine."))			\
	X(AD_UNSUPPORTED,						\
	  N_("The resolver sets the AD flag although the chain of trust "	\
	     "checked here is broken or ends unsigned. It serves data it "	\
	     "validated earlier from its cache, trusts another trust anchor, " \
	     "or forwards to a server that sets AD without validating: do not " \
	     "rely on its AD flag."))					\
	X(SERIALS_AGREE,						\
	  N_("Every name server that answers serves the same SOA serial: they " \
	     "all have the same version of the zone."))			\
	X(PRIMARY_SOA,							\
	  N_("The primary the SOA record names (its MNAME field) is not among " \
	     "the listed name servers: a hidden primary. When it answers from " \
	     "here, its serial is compared with the others'; when not, the "	\
	     "servers can only be compared among themselves."))		\
	X(SERIAL_BEHIND,						\
	  N_("A name server serves an older version of the zone (a lower "	\
	     "serial, in RFC 1982 arithmetic) than another server or the "	\
	     "primary. Its transfers from the primary fail, or NOTIFY does "	\
	     "not reach it; resolvers that ask it get old data."))	\
	X(EXPIRE_SOON,							\
	  N_("A secondary's EDNS EXPIRE value is low: it has not refreshed the " \
	     "zone from its primary for a long time, and when its copy "	\
	     "expires it answers SERVFAIL for the whole zone. Repair the "	\
	     "transfers from the primary before then."))		\
	X(SOA_TIMERS,							\
	  N_("A timer in the zone's SOA record is outside the recommended "	\
	     "range: expire shorter than refresh plus retry, refresh longer "	\
	     "than a day, or a negative TTL longer than three hours. Nothing " \
	     "fails because of it today, but it makes failures worse: copies " \
	     "that expire too soon, changes that spread late, new names that " \
	     "stay unknown for hours."))				\
	X(SERIALS_INCOMPARABLE,						\
	  N_("Two serials cannot be put in order: they are exactly 2^31 "	\
	     "apart, and RFC 1982 arithmetic cannot tell which is newer, so "	\
	     "secondaries may never transfer the zone. Raise the serial on "	\
	     "the primary past both, in steps smaller than 2^31."))	\
	X(SOA_SERVFAIL,							\
	  N_("A name server answers SERVFAIL when asked for the SOA of its "	\
	     "own zone: its copy expired (refreshes from the primary failed "	\
	     "for longer than the SOA's expire time) or failed to load. Check " \
	     "the zone's state on that server and its transfers from the "	\
	     "primary."))						\
	X(SOA_NOT_AUTH,							\
	  N_("A name server answers the SOA query for its own zone without "	\
	     "the AA flag: it no longer serves the zone with authority, "	\
	     "because its copy expired or the zone was removed from its "	\
	     "configuration."))						\
	X(EDNS_EXPIRE,							\
	  N_("The server answers the EDNS EXPIRE option (RFC 7314): how long " \
	     "it goes on serving its copy of the zone if refreshes from the "	\
	     "primary keep failing. The SOA's full expire time means it is "	\
	     "the primary or has just refreshed."))			\
	X(MALFORMED_ANSWER,						\
	  N_("The server sent something that is not a valid DNS message: "	\
	     "cut short, a compression pointer that loops, a label longer "	\
	     "than 63 bytes or a name longer than 255. Resolvers throw such " \
	     "answers away, so for them the server does not answer. Look for " \
	     "a broken middlebox, a buggy server or a firewall that rewrites " \
	     "DNS."))							\
	X(TCP_FALLBACK_FAILED,						\
	  N_("The answer over UDP was too big (TC=1), and the same question " \
	     "over TCP failed: the connection was refused, closed early, or "	\
	     "brought no valid answer. Clients that need the full answer "	\
	     "cannot get it. Check that TCP port 53 is open and served."))	\
	X(ANSWER_MISMATCH,						\
	  N_("Messages arrived that do not answer the question asked: "	\
	     "another query ID or another question. They were ignored, as a " \
	     "resolver ignores them; many of them point to spoofing attempts, " \
	     "a NAT that mixes up flows, or a broken server."))		\
	X(EDNS_UNSUPPORTED,						\
	  N_("The server rejects or ignores queries with EDNS (it answers "	\
	     "only when asked without it). Since DNS Flag Day 2019 resolvers " \
	     "no longer retry without EDNS: for them the server is dead. "	\
	     "Upgrade or fix the server, or the firewall that drops EDNS."))	\
	X(OVERSIZED_ANSWER,						\
	  N_("The answer is far bigger than a normal one: tens of kilobytes " \
	     "or thousands of records. Resolvers may refuse or truncate it, "	\
	     "and it makes the zone a tool for amplification attacks. Check "	\
	     "the zone for runaway records."))				\
	X(CNAME_LOOP,							\
	  N_("Following the aliases (CNAME records) of the name leads back "	\
	     "to a name already seen: the chain never ends in an address, "	\
	     "and resolvers answer SERVFAIL. Fix the CNAME records so the "	\
	     "chain ends."))						\
	X(RRSIG_DATES,							\
	  N_("A signature's validity period makes no sense (it ends before "	\
	     "it starts, or lies decades away). Validating resolvers reject "	\
	     "it; the signer's clock or configuration is wrong."))	\
	X(NS_SET_LARGE,							\
	  N_("The delegation lists more name servers than this run asks; "	\
	     "the others were not checked. Such a long NS set is unusual and "	\
	     "makes referrals large."))

/* X(finding ID, failure ID): a finding of that code, at warning or
 * critical, is evidence for that failure. Symptoms without a cause of
 * their own (name-does-not-resolve, resolver-nxdomain) support nothing. */
#define FINDING_SUPPORTS_TABLE(X)					\
	X(SERVICE_UNREACHABLE, NOT_DNS)					\
	X(HOSTS_OVERRIDE, HOSTS_OVERRIDE)				\
	X(STUB_TIMEOUT, STUB_RESOLVER_DOWN)				\
	X(RESOLVER_TIMEOUT, RESOLVER_DOWN)				\
	X(RESOLVER_TIMEOUT, RESOLVER_FAILOVER)				\
	X(RESOLVER_UNREACHABLE, RESOLVER_DOWN)				\
	X(RESOLVER_UNREACHABLE, RESOLVER_FAILOVER)			\
	X(FAILOVER_PENALTY, RESOLVER_FAILOVER)				\
	X(RESOLVER_REFUSED, RESOLVER_REFUSED)				\
	X(RESOLVER_NO_RECURSION, RESOLVER_REFUSED)			\
	X(RESOLVER_SERVFAIL, RESOLVER_SERVFAIL)				\
	X(RESOLVER_NO_ANSWER, RESOLVER_SERVFAIL)			\
	X(ANSWERS_DIFFER, SPLIT_HORIZON)				\
	X(AUTH_TIMEOUT, AUTHORITATIVE_DOWN)				\
	X(AUTH_TIMEOUT, AUTHORITATIVE_PARTIAL)				\
	X(AUTH_LAME, LAME_DELEGATION)					\
	X(AUTH_SERVFAIL, ZONE_EXPIRED_SECONDARY)			\
	X(AUTH_NXDOMAIN, NXDOMAIN)					\
	X(AUTH_NODATA, NODATA)						\
	X(STALE_NEGATIVE, STALE_NEGATIVE_CACHE)				\
	X(STALE_ANSWER, STALE_CACHE)					\
	X(VALIDATION_FAILURE, DNSSEC_BOGUS)				\
	X(SIG_EXPIRED, DNSSEC_BOGUS)					\
	X(SIG_NOT_YET_VALID, DNSSEC_BOGUS)				\
	X(DS_MISMATCH, DNSSEC_BOGUS)					\
	X(DNSKEY_MISSING, DNSSEC_BOGUS)					\
	X(BAD_DENIAL, DNSSEC_BOGUS)					\
	X(SIG_EXPIRING, DNSSEC_EXPIRING)				\
	X(SIG_INVALID, DNSSEC_BOGUS)					\
	X(RRSIG_MISSING, DNSSEC_BOGUS)					\
	X(AD_UNSUPPORTED, DNSSEC_BOGUS)					\
	X(SERIAL_BEHIND, SERIAL_MISMATCH)				\
	X(SERIALS_INCOMPARABLE, SERIAL_MISMATCH)			\
	X(SOA_SERVFAIL, ZONE_EXPIRED_SECONDARY)				\
	X(SOA_NOT_AUTH, ZONE_EXPIRED_SECONDARY)				\
	X(EXPIRE_SOON, SECONDARY_EXPIRING)				\
	X(EDNS_UNSUPPORTED, EDNS_UNSUPPORTED)				\
	X(CNAME_LOOP, CNAME_LOOP)

/* X(number, name, alias or NULL, meaning, what to check next) */
#define RCODE_TABLE(X)							\
	X(0, "NOERROR", NULL,						\
	  N_("The query succeeded. The answer may still be empty (NODATA) " \
	     "or wrong, for example stale."),				\
	  N_("Compare the answer and its TTL with the authoritative "	\
	     "servers'."))						\
	X(1, "FORMERR", NULL,						\
	  N_("The server could not parse the query."),			\
	  N_("Look for devices that alter DNS packets and for EDNS "	\
	     "trouble; retry without EDNS (dig +noedns)."))		\
	X(2, "SERVFAIL", NULL,						\
	  N_("The server could not complete the query: it could not reach " \
	     "or validate the data upstream, or its zone is broken or "	\
	     "expired."),						\
	  N_("Retry with checking disabled (+cd) to test DNSSEC, ask the " \
	     "authoritative servers directly, read the server's log."))	\
	X(3, "NXDOMAIN", NULL,						\
	  N_("The name does not exist, according to the zone's "	\
	     "authoritative data."),					\
	  N_("Check the spelling and the search domains; ask the "	\
	     "authoritative servers directly, since a resolver may hold a " \
	     "stale negative answer."))					\
	X(4, "NOTIMP", NULL,						\
	  N_("The server does not implement this kind of request."),	\
	  N_("Check the query type and opcode; use a server that supports " \
	     "them."))							\
	X(5, "REFUSED", NULL,						\
	  N_("The server declines to answer, by policy: access control, no " \
	     "recursion for this client, or rate limiting."),		\
	  N_("Check allow-query and allow-recursion (BIND) or access-control " \
	     "(Unbound) for this client's address."))			\
	X(6, "YXDOMAIN", NULL,						\
	  N_("A name exists that should not (an update prerequisite), or a " \
	     "DNAME substitution made the name too long."),		\
	  N_("Check the prerequisites of the dynamic update."))		\
	X(7, "YXRRSET", NULL,						\
	  N_("An RRset exists that should not (an update prerequisite)."), \
	  N_("Check the prerequisites of the dynamic update."))		\
	X(8, "NXRRSET", NULL,						\
	  N_("An RRset that should exist does not (an update "		\
	     "prerequisite)."),						\
	  N_("Check the prerequisites of the dynamic update."))		\
	X(9, "NOTAUTH", NULL,						\
	  N_("The server is not authoritative for the zone, or (with TSIG) " \
	     "the request is not authorized."),				\
	  N_("Send updates and transfers to the zone's primary; check the " \
	     "TSIG key."))						\
	X(10, "NOTZONE", NULL,						\
	  N_("A name in the update lies outside the zone it names."),	\
	  N_("Check the zone section of the dynamic update."))		\
	X(16, "BADVERS", "BADSIG",					\
	  N_("The server does not support the EDNS version asked for; in a " \
	     "TSIG context, the signature is invalid."),		\
	  N_("Retry with EDNS version 0; for TSIG, compare the key's name, " \
	     "algorithm and secret on both sides, and the clocks."))	\
	X(17, "BADKEY", NULL,						\
	  N_("The TSIG key is not known to the server."),		\
	  N_("Configure the same key name and algorithm on both sides.")) \
	X(18, "BADTIME", NULL,						\
	  N_("The time in the TSIG signature is outside the allowed "	\
	     "window."),						\
	  N_("Synchronise the clocks of both hosts (NTP)."))		\
	X(19, "BADMODE", NULL,						\
	  N_("The TKEY mode is not supported."),			\
	  N_("Check the TKEY mode the client asks for."))		\
	X(20, "BADNAME", NULL,						\
	  N_("The TKEY key name is already in use."),			\
	  N_("Use a fresh key name."))					\
	X(21, "BADALG", NULL,						\
	  N_("The TSIG or TKEY algorithm is not supported."),		\
	  N_("Use an algorithm both sides support, such as hmac-sha256.")) \
	X(22, "BADTRUNC", NULL,						\
	  N_("The TSIG signature was truncated in a way that is not "	\
	     "allowed."),						\
	  N_("Look for devices that alter DNS messages; retry over TCP.")) \
	X(23, "BADCOOKIE", NULL,					\
	  N_("The DNS cookie is missing or wrong; the server asks the "	\
	     "client to retry with the cookie it returned."),		\
	  N_("Retry (dig resends with the new cookie); check that nothing " \
	     "on the path strips EDNS options."))

/* X(number, IANA name, meaning): RFC 8914 and later registrations. */
#define EDE_TABLE(X)							\
	X(0, "Other Error",						\
	  N_("Another error; the extra text, when present, says which.")) \
	X(1, "Unsupported DNSKEY Algorithm",				\
	  N_("Validation could not proceed: the DNSKEY set uses only "	\
	     "algorithms the resolver does not support."))		\
	X(2, "Unsupported DS Digest Type",				\
	  N_("Validation could not proceed: the DS set uses only digest " \
	     "types the resolver does not support."))			\
	X(3, "Stale Answer",						\
	  N_("The resolver could not refresh the data in time and served " \
	     "expired data from its cache instead."))			\
	X(4, "Forged Answer",						\
	  N_("The answer was changed on purpose, by policy (for example " \
	     "malware filtering)."))					\
	X(5, "DNSSEC Indeterminate",					\
	  N_("Validation ended in the indeterminate state."))		\
	X(6, "DNSSEC Bogus",						\
	  N_("Validation failed: the data is bogus."))			\
	X(7, "Signature Expired",					\
	  N_("Validation failed: a signature has expired."))		\
	X(8, "Signature Not Yet Valid",					\
	  N_("Validation failed: a signature is not valid yet (its inception " \
	     "lies in the future, or a clock is wrong)."))		\
	X(9, "DNSKEY Missing",						\
	  N_("Validation failed: no DNSKEY matches the DS at the parent.")) \
	X(10, "RRSIGs Missing",						\
	  N_("Validation failed: signatures are missing although the zone " \
	     "is signed."))						\
	X(11, "No Zone Key Bit Set",					\
	  N_("Validation failed: no DNSKEY has the Zone Key flag set.")) \
	X(12, "NSEC Missing",						\
	  N_("Validation failed: the proof of non-existence is missing.")) \
	X(13, "Cached Error",						\
	  N_("The resolver returns an error it has cached, often an earlier " \
	     "SERVFAIL."))						\
	X(14, "Not Ready",						\
	  N_("The server is not ready to answer yet (for example still " \
	     "loading)."))						\
	X(15, "Blocked",						\
	  N_("The name is on a blocklist of the server's operator."))	\
	X(16, "Censored",						\
	  N_("The name is blocked because of an outside requirement, such " \
	     "as a legal one."))					\
	X(17, "Filtered",						\
	  N_("The name is blocked because the client asked for filtering.")) \
	X(18, "Prohibited",						\
	  N_("This client may not use the server (access control)."))	\
	X(19, "Stale NXDOMAIN Answer",					\
	  N_("The resolver could not refresh a negative answer and served an " \
	     "expired NXDOMAIN from its cache."))			\
	X(20, "Not Authoritative",					\
	  N_("An authoritative-only server got a recursive query for a name " \
	     "it is not authoritative for."))				\
	X(21, "Not Supported",						\
	  N_("The requested operation or query type is not supported.")) \
	X(22, "No Reachable Authority",					\
	  N_("The resolver could not reach any authoritative server of the " \
	     "zone."))							\
	X(23, "Network Error",						\
	  N_("A network error kept the resolver from getting the answer " \
	     "from an authoritative server."))				\
	X(24, "Invalid Data",						\
	  N_("The authoritative server's zone data is invalid or unusable.")) \
	X(25, "Signature Expired before Valid",				\
	  N_("A signature expires before its inception time, so it is never " \
	     "valid."))							\
	X(26, "Too Early",						\
	  N_("The query came as 0-RTT early data and the server will not " \
	     "answer it that way; retry on a full connection."))	\
	X(27, "Unsupported NSEC3 Iterations Value",			\
	  N_("The zone's NSEC3 iteration count exceeds what the resolver " \
	     "accepts; it treats the data as insecure or bogus."))	\
	X(28, "Unable to conform to policy",				\
	  N_("The resolver cannot meet a policy this query requires."))	\
	X(29, "Synthesized",						\
	  N_("The resolver made the answer up itself instead of fetching it " \
	     "from the authoritative servers."))			\
	X(30, "Invalid Query Type",					\
	  N_("The query type is not valid in a query (for example a meta " \
	     "type)."))

#endif
