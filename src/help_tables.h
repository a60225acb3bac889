/* help_tables.h - the prose of the help screens that is about steps and
 * keys rather than DNS codes (those live in knowledge_tables.h): a
 * paragraph per step, which step makes which finding, the wizard's keys.
 * Included by help.c only. */
#ifndef DNSTRIAGE_HELP_TABLES_H
#define DNSTRIAGE_HELP_TABLES_H

/* X(step ID, paragraph): what the step checks, how, and why it matters. */
#define STEP_HELP_TABLE(X)						\
	X(SCOPE,							\
	  /* TRANSLATORS: the help screen's paragraph about a step. */	\
	  N_("This step asks whether the problem is DNS at all. It resolves " \
	     "the name the way applications on this host do: the hosts file " \
	     "and the other sources of nsswitch.conf in their order, and DNS " \
	     "through the resolvers of resolv.conf; it compares that with "	\
	     "what getaddrinfo() really returns. It checks that a local stub " \
	     "resolver such as systemd-resolved answers and, when a port is "	\
	     "given (-p, or a URL), connects to the service by address. If "	\
	     "the service fails by address too, the fault is in the network " \
	     "or the service and repairing DNS will not help; if the hosts "	\
	     "file answers first, DNS is never asked."))		\
	X(RESOLVERS,							\
	  N_("This step checks every resolver (the nameserver lines of "	\
	     "resolv.conf, or those given with -r): whether it answers over " \
	     "UDP and over TCP, how fast, with which response code, and "	\
	     "whether it offers recursion (the RA flag). It asks for the name " \
	     "and for the root's SOA, which a working resolver answers at "	\
	     "once, so a resolver that is up but cannot resolve this name "	\
	     "stands out. From resolv.conf's options (timeout, attempts, "	\
	     "rotate) it works out how long each lookup waits when a resolver " \
	     "listed before a working one is dead. The resolvers are the "	\
	     "first DNS hop of every lookup on this host: when none answers, " \
	     "nothing behind them can be seen through them."))		\
	X(AUTHORITATIVE,						\
	  N_("This step leaves the resolvers aside and asks the zone's own "	\
	     "servers. It follows the delegations down from the root hints "	\
	     "to find the zone of the name and its name servers, then asks "	\
	     "every address of every name server directly, without recursion " \
	     "(RD=0): does it answer, with the AA flag, with which code and "	\
	     "data. Then it compares the resolvers' answers with theirs: a "	\
	     "resolver that denies a name the servers have, or serves data "	\
	     "none of them has, holds a stale cache entry; a resolver given "	\
	     "with --compare-resolver that gets another answer points at "	\
	     "split horizon. What the authoritative servers say is what every " \
	     "resolver ends up saying."))				\
	X(DNSSEC,							\
	  N_("This step checks DNSSEC, the signatures that let a validating "	\
	     "resolver prove an answer genuine. It reads the AD flag "	\
	     "resolvers set on validated answers and, when a resolver answers " \
	     "SERVFAIL, asks again with checking disabled (CD): an answer "	\
	     "with CD but not without means validation fails. It builds the "	\
	     "chain of trust itself, from the trust anchor through the DS "	\
	     "records at each parent, the DNSKEY set of each zone and the "	\
	     "RRSIG signatures down to the answer, and verifies every link "	\
	     "now (or at the time given with --at). It reports signatures "	\
	     "that expire within 14 days and the Extended DNS Errors "	\
	     "resolvers give. A broken chain makes validating resolvers "	\
	     "refuse the data while others still answer, so the failure "	\
	     "looks random."))						\
	X(SERIALS,							\
	  N_("This step compares the copies of the zone. It asks every "	\
	     "address of every name server for the zone's SOA record and "	\
	     "compares the serials with the arithmetic of RFC 1982, which "	\
	     "lets serials wrap around, to tell which server is behind and "	\
	     "by how much. A server that answers SERVFAIL, or answers without " \
	     "authority, for its own zone has usually lost its copy after "	\
	     "failed transfers. Where a secondary offers the EDNS EXPIRE "	\
	     "option (RFC 7314), it says how long its copy lives on without "	\
	     "a refresh. The SOA timers (refresh, retry, expire, negative TTL) " \
	     "are checked against RFC 1912 and RFC 2308. Servers with "	\
	     "different versions give different answers, depending on which " \
	     "one a resolver asks."))

/* X(finding ID, step ID): the step whose analysis makes findings of that
 * code, read off src/step_*.c (test_help checks it against them); a code
 * some steps share is listed once per step. */
#define FINDING_STEP_TABLE(X)						\
	X(NAME_RESOLVES, SCOPE)						\
	X(TARGET_ADDRESS, SCOPE)					\
	X(SYSTEM_LOOKUP, SCOPE)						\
	X(CONFIG_NOTE, SCOPE)						\
	X(NAME_FAILS, SCOPE)						\
	X(SERVICE_REACHABLE, SCOPE)					\
	X(SERVICE_UNREACHABLE, SCOPE)					\
	X(HOSTS_OVERRIDE, SCOPE)					\
	X(STUB_TIMEOUT, SCOPE)						\
	X(RESOLVER_ANSWERS, RESOLVERS)					\
	X(RESOLVER_TIMEOUT, RESOLVERS)					\
	X(RESOLVER_UNREACHABLE, RESOLVERS)				\
	X(FAILOVER_PENALTY, RESOLVERS)					\
	X(RESOLVER_REFUSED, RESOLVERS)					\
	X(RESOLVER_NO_RECURSION, RESOLVERS)				\
	X(RESOLVER_SERVFAIL, RESOLVERS)					\
	X(RESOLVER_NXDOMAIN, RESOLVERS)					\
	X(RESOLVER_NO_ANSWER, RESOLVERS)				\
	X(RESOLVER_NO_TCP, RESOLVERS)					\
	X(RESOLVER_UNUSED, RESOLVERS)					\
	X(RESOLVER_SLOW, RESOLVERS)					\
	X(RESOLVER_WAITING, RESOLVERS)					\
	/* the resolver against --compare-resolver: compared with the	\
	   authoritative answers, so made there */			\
	X(ANSWERS_DIFFER, AUTHORITATIVE)				\
	X(ZONE_CUT, AUTHORITATIVE)					\
	X(ALIAS_ELSEWHERE, AUTHORITATIVE)				\
	X(WALK_FAILED, AUTHORITATIVE)					\
	X(NS_SET_DIFFERS, AUTHORITATIVE)				\
	X(AUTH_ANSWERS, AUTHORITATIVE)					\
	X(AUTH_TIMEOUT, AUTHORITATIVE)					\
	X(AUTH_WAITING, AUTHORITATIVE)					\
	X(AUTH_LAME, AUTHORITATIVE)					\
	X(AUTH_SERVFAIL, AUTHORITATIVE)					\
	X(AUTH_NXDOMAIN, AUTHORITATIVE)					\
	X(AUTH_NODATA, AUTHORITATIVE)					\
	X(STALE_NEGATIVE, AUTHORITATIVE)				\
	X(STALE_ANSWER, AUTHORITATIVE)					\
	X(CACHE_REMAINS, AUTHORITATIVE)					\
	X(DNSSEC_SECURE, DNSSEC)					\
	X(DNSSEC_INSECURE, DNSSEC)					\
	X(VALIDATION_FAILURE, DNSSEC)					\
	X(SIG_EXPIRED, DNSSEC)						\
	X(SIG_NOT_YET_VALID, DNSSEC)					\
	X(DS_MISMATCH, DNSSEC)						\
	X(DNSKEY_MISSING, DNSSEC)					\
	X(BAD_DENIAL, DNSSEC)						\
	X(SIG_EXPIRING, DNSSEC)						\
	X(SIG_INVALID, DNSSEC)						\
	X(RRSIG_MISSING, DNSSEC)					\
	X(DNSSEC_UNVERIFIED, DNSSEC)					\
	X(RESOLVER_AD, DNSSEC)						\
	X(AD_UNSUPPORTED, DNSSEC)					\
	X(SERIALS_AGREE, SERIALS)					\
	X(PRIMARY_SOA, SERIALS)						\
	X(SERIAL_BEHIND, SERIALS)					\
	X(EXPIRE_SOON, SERIALS)						\
	X(SOA_TIMERS, SERIALS)						\
	X(SERIALS_INCOMPARABLE, SERIALS)				\
	X(SOA_SERVFAIL, SERIALS)					\
	X(SOA_NOT_AUTH, SERIALS)					\
	X(EDNS_EXPIRE, SERIALS)	\
	/* step_answers.c: checks of every answer, in the step of the	\
	 * server that gave it (a resolver, or a name server of the walk \
	 * or of the zone): listed under both steps. */			\
	X(MALFORMED_ANSWER, RESOLVERS)					\
	X(MALFORMED_ANSWER, AUTHORITATIVE)				\
	X(TCP_FALLBACK_FAILED, RESOLVERS)				\
	X(TCP_FALLBACK_FAILED, AUTHORITATIVE)				\
	X(ANSWER_MISMATCH, RESOLVERS)					\
	X(ANSWER_MISMATCH, AUTHORITATIVE)				\
	X(EDNS_UNSUPPORTED, RESOLVERS)					\
	X(EDNS_UNSUPPORTED, AUTHORITATIVE)				\
	X(OVERSIZED_ANSWER, RESOLVERS)					\
	X(OVERSIZED_ANSWER, AUTHORITATIVE)				\
	X(CNAME_LOOP, RESOLVERS)					\
	X(CNAME_LOOP, AUTHORITATIVE)					\
	X(RRSIG_DATES, RESOLVERS)					\
	X(RRSIG_DATES, AUTHORITATIVE)					\
	X(NS_SET_LARGE, AUTHORITATIVE)

/* X(keys, what they do), in the order the status bar names them. */
#define HELP_KEY_TABLE(X)						\
	/* TRANSLATORS: key names as on keyboards; letters and F1 stay. */ \
	X(N_("Enter"), N_("Go on to the next step."))			\
	X(N_("a"), N_("Run every remaining step, up to the verdict."))	\
	X(N_("r"), N_("Ask every server again (the files are read again "	\
	     "too); the findings fill in anew."))			\
	X(N_("Tab, Left, Right"),					\
	  N_("Move between the panes: steps, findings, evidence."))	\
	X(N_("Up, Down, 1-6"),						\
	  N_("Select a step, a finding, or scroll the evidence; a number "	\
	     "goes straight to that step, 6 to the verdict."))		\
	X(N_("Space, Enter"),						\
	  N_("On a finding: open or close its explanation."))		\
	X(N_("F1, ?"), N_("Show the help of the current step."))	\
	X(N_("Esc, q"), N_("In the help: close it."))			\
	X(N_("w"),							\
	  N_("Write the text report to a file; the name can be edited "	\
	     "first, and an existing file is only replaced after asking.")) \
	X(N_("j"), N_("Write the JSON report to a file, the same way."))	\
	X(N_("q"), N_("Quit; while probes still run, it asks first."))

/* The introductions of the verdict page and of the code lists. */
#define HELP_VERDICT_TEXT						\
	N_("The verdict names one failure type: the root cause that "	\
	   "explains the other findings. Every finding at warning or "	\
	   "critical supports one or more failure types; the types are "	\
	   "weighed in the order below and the first one with support wins, " \
	   "so a cause comes before the symptoms it explains. The verdict is " \
	   "healthy when no finding is a warning or critical, and unknown "	\
	   "when the steps that could tell did not run. The exit status "	\
	   "follows the verdict's severity: 0 healthy, 1 warning, 2 "	\
	   "critical, 3 unknown.")
#define HELP_RCODE_TEXT							\
	N_("Every DNS answer carries a response code (RCODE); dig shows it "	\
	   "as status: in the header line. The findings name it where it "	\
	   "matters.")
#define HELP_EDE_TEXT							\
	N_("A resolver may add an Extended DNS Error (RFC 8914) to its "	\
	   "answer, saying why it failed; dig shows it as EDE in the OPT "	\
	   "pseudosection, with a number and sometimes a text.")

#endif
