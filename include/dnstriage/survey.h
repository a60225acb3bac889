/* survey.h - what the servers said: every probe of a triage run and its
 * result, collected concurrently on one probe engine, before anyone draws
 * a conclusion. The steps (steps.h) read a survey and emit findings; they
 * never send anything. Keeping the two apart lets the analysis be unit
 * tested on canned answers and re-run on partial data while the wizard
 * shows results as they come.
 *
 * What is asked, all of it as early as its inputs allow:
 *  - every resolver under test: ". SOA" over UDP and TCP, and the name for
 *    each type (RD, DO, AD); a SERVFAIL is asked again with CD=1; once the
 *    zone is known, its NS set as the resolver sees it;
 *  - every --compare-resolver: the name for each type;
 *  - an iterative walk from the root hints to the zone of the name, which
 *    at each level asks all servers at once and goes on with the first
 *    useful referral (dead servers cost nothing while a live one answers);
 *    name servers without glue are looked up by walks of their own;
 *  - every address of every NS of the zone, directly (RD=0, DO): the name
 *    for each type, the zone's SOA with EDNS EXPIRE and NSID, its DNSKEY
 *    and its NS set;
 *  - the DNSKEY of every zone on the path, and the DS its parent gave in
 *    the referral;
 *  - with a service port, a TCP connection to every address DNS gave and
 *    to --expect-ip.
 *
 * Results arrive in any order; a NULL result is a probe not finished (or
 * never sent). survey_done() tells when nothing is left. */
#ifndef DNSTRIAGE_SURVEY_H
#define DNSTRIAGE_SURVEY_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>
#include <ldns/ldns.h>

#include "dnstriage/cli.h"
#include "dnstriage/probe.h"
#include "dnstriage/rootdata.h"
#include "dnstriage/syslookup.h"
#include "dnstriage/sysconf.h"
#include "dnstriage/tcpcheck.h"

#define SURVEY_MAX_TYPES CLI_MAX_TYPES
#define SURVEY_MAX_RESOLVERS (CLI_MAX_SERVERS > SYSCONF_MAX_NAMESERVERS ? \
	CLI_MAX_SERVERS : SYSCONF_MAX_NAMESERVERS)
#define SURVEY_MAX_LEVELS 16		/* zone cuts from the root down */
#define SURVEY_MAX_LEVEL_SERVERS 32	/* addresses asked at one level */
#define SURVEY_MAX_AUTH 64		/* NS addresses of the zone */
#define SURVEY_MAX_NSNAMES 32		/* NS names of the zone */
#define SURVEY_MAX_SUBWALKS 24		/* glueless NS lookups per run */
#define SURVEY_MAX_TCP 32
/* How many servers of a level are asked at once; more only if all fail. */
#define SURVEY_LEVEL_FANOUT 8

/* Where a resolver under test comes from. */
enum survey_origin {
	SURVEY_FROM_RESOLV_CONF,	/* a nameserver line */
	SURVEY_FROM_OPTION,		/* -r */
};

struct survey_resolver {
	char text[PROBE_SERVER_STRLEN];		/* "ADDR#PORT" */
	struct sockaddr_storage addr;
	socklen_t addrlen;
	enum survey_origin origin;
	int ns_index;			/* index in resolv.ns, -1 for -r */
	bool used;			/* glibc queries it */
	enum sysconf_stub stub;
	struct probe_result *soa_udp;	/* ". SOA" */
	struct probe_result *soa_tcp;
	struct probe_result *answer[SURVEY_MAX_TYPES];	/* the name, DO */
	struct probe_result *answer_cd[SURVEY_MAX_TYPES]; /* after SERVFAIL */
	struct probe_result *zone_ns;	/* NS of the zone, once known */
};

struct survey_compare {
	char text[PROBE_SERVER_STRLEN];
	struct sockaddr_storage addr;
	socklen_t addrlen;
	struct probe_result *answer[SURVEY_MAX_TYPES];
};

/* An NS name of the zone and how its addresses were found. */
enum survey_nsname_state {
	SURVEY_NSNAME_GLUE,		/* addresses from the referral */
	SURVEY_NSNAME_LOOKUP,		/* a walk of its own is running */
	SURVEY_NSNAME_RESOLVED,		/* that walk found addresses */
	SURVEY_NSNAME_UNRESOLVED,	/* no address could be found */
	SURVEY_NSNAME_SKIPPED,		/* beyond the run's limits */
};

struct survey_nsname {
	char name[LDNS_MAX_DOMAINLEN + 2];	/* no trailing dot */
	enum survey_nsname_state state;
	bool in_delegation;		/* the parent lists it */
	bool in_zone_ns;		/* the zone's own NS set lists it */
	size_t naddrs;
};

/* One server address asked during the walk. */
struct survey_level_server {
	char *nsname;			/* presentation form, NULL: unknown */
	char text[PROBE_SERVER_STRLEN];
	struct sockaddr_storage addr;
	socklen_t addrlen;
	struct probe_result *result;	/* NULL: not asked, or cancelled */
	bool asked;
	bool from_glue;			/* address from the referral's glue */
};

/* How one level of the walk ended. */
enum survey_level_end {
	SURVEY_LEVEL_RUNNING,
	SURVEY_LEVEL_REFERRAL,		/* went on to the child zone */
	SURVEY_LEVEL_ZONE,		/* this is the zone of the name */
	SURVEY_LEVEL_FAILED,		/* no server gave a usable answer */
};

/* One zone on the path from the root to the name. */
struct survey_level {
	ldns_rdf *apex;
	char apex_text[LDNS_MAX_DOMAINLEN + 2];	/* no trailing dot; "." */
	/* The NS RRset the parent delegates with (the hints for the root). */
	ldns_rr_list *delegation_ns;
	/* What the parent's referral said of DNSSEC for this zone. */
	ldns_rr_list *ds;		/* NULL: none given */
	ldns_rr_list *ds_sigs;
	bool ds_denied;			/* NSEC/NSEC3 instead of DS */
	ldns_rr_list *ds_denial;
	char ds_from[PROBE_SERVER_STRLEN];	/* who gave the referral */
	struct survey_level_server servers[SURVEY_MAX_LEVEL_SERVERS];
	size_t nservers;
	size_t winner;			/* index of the deciding answer */
	enum survey_level_end end;
	/* DNSKEY of this zone, from the first server that answers it. */
	struct probe_result *dnskey;
	/* The NS names of the zone and how their addresses were found:
	 * the delegation's, then names only the zone's own NS set has. */
	struct survey_nsname nsnames[SURVEY_MAX_NSNAMES];
	size_t nnsnames;
	size_t lookups;			/* glueless look-ups still running */
};

/* A direct look at one address of one NS of the zone. */
struct survey_auth {
	char nsname[LDNS_MAX_DOMAINLEN + 2];	/* no trailing dot */
	char text[PROBE_SERVER_STRLEN];
	struct sockaddr_storage addr;
	socklen_t addrlen;
	bool from_glue;			/* address from the referral's glue */
	uint64_t asked_us;		/* probe_now_us() when first asked */
	struct probe_result *answer[SURVEY_MAX_TYPES];	/* RD=0, DO */
	struct probe_result *soa;	/* zone SOA, EXPIRE + NSID, DO */
	struct probe_result *dnskey;
	struct probe_result *ns;	/* the zone's NS set, as this server has it */
};

struct survey_tcp {
	struct tcpcheck_result *result;	/* NULL while connecting */
	struct sockaddr_storage addr;	/* the service's port set */
	socklen_t addrlen;
	char text[PROBE_SERVER_STRLEN];
	bool expected;			/* the --expect-ip address */
};

/* The inputs of a survey, resolved from the command line and the files. */
struct survey_input {
	const char *name;		/* presentation form, no trailing dot */
	ldns_rr_type types[SURVEY_MAX_TYPES];
	size_t ntypes;
	unsigned timeout_ms, tries;
	const struct rootdata *hints;
	const struct survey_resolver *resolvers;	/* templates, no results */
	size_t nresolvers;
	const struct survey_compare *compare;
	size_t ncompare;
	uint16_t service_port;		/* 0: no TCP connection test */
	const struct sockaddr_storage *expect_ip;	/* NULL: none */
	socklen_t expect_ip_len;
	/* The target is an IP address (name holds it): no name to look up;
	 * the resolvers get ". SOA" only, and the address is connected to. */
	bool address_target;
	/* Also run glibc's getaddrinfo() for the name (only with the
	 * system's own files: see syslookup.h), waiting at most this long. */
	bool system_lookup;
	unsigned system_lookup_ms;
	/* Addresses the hosts file gives the name: connected to as well. */
	const struct sockaddr_storage *extra_addrs;
	size_t nextra_addrs;
};

struct survey_private;

struct survey {
	ldns_rdf *qname;
	char name[LDNS_MAX_DOMAINLEN + 2];
	ldns_rr_type types[SURVEY_MAX_TYPES];
	size_t ntypes;
	bool address_target;		/* see struct survey_input */

	struct survey_resolver resolvers[SURVEY_MAX_RESOLVERS];
	size_t nresolvers;
	struct survey_compare compare[CLI_MAX_SERVERS];
	size_t ncompare;

	/* The walk: levels[0] is the root. */
	struct survey_level levels[SURVEY_MAX_LEVELS];
	size_t nlevels;
	bool walk_done;
	/* Why the walk stopped short, as a stable code ("too-deep",
	 * "no-servers", "all-failed") or NULL when it reached the zone. */
	const char *walk_error;

	/* The zone of the name, once the walk reached it: the last level. */
	const struct survey_level *zone;
	struct survey_auth auth[SURVEY_MAX_AUTH];
	size_t nauth;
	size_t auth_dropped;		/* addresses beyond SURVEY_MAX_AUTH */

	/* The primary the SOA names (MNAME), from the first authoritative
	 * SOA. Listed in the NS set: it is one of auth[] (primary_listed).
	 * Else looked up on its own and asked for the SOA (primary.soa;
	 * NULL with primary_state UNRESOLVED: it has no address we found,
	 * as a hidden primary often has none in public). */
	char mname[LDNS_MAX_DOMAINLEN + 2];	/* "" until known */
	bool primary_listed;
	enum survey_nsname_state primary_state;
	struct survey_auth primary;

	/* getaddrinfo()'s answer once final; NULL: not run or running. */
	const struct syslookup_result *syslookup;
	bool syslookup_wanted;

	struct survey_tcp tcp[SURVEY_MAX_TCP];
	size_t ntcp;
	bool tcp_started;

	uint64_t started_us, finished_us;	/* probe_now_us() */
	struct survey_private *priv;
};

/* A survey ready to start; in is copied (the rootdata is referenced and
 * must outlive the survey). NULL if name is not a valid domain name. */
struct survey *survey_new(const struct survey_input *in);
/* Also frees a survey built by hand (priv NULL, as unit tests make them):
 * every result, level and name it holds, up to its counts. */
void survey_free(struct survey *sv);
/* Submit every probe whose inputs are known. */
void survey_start(struct survey *sv);

/* The event-loop seam, as in probe.h: pollfds, timeout, handle. */
size_t survey_pollfds(struct survey *sv, struct pollfd *fds, size_t cap);
int survey_timeout_ms(const struct survey *sv);
void survey_handle(struct survey *sv, const struct pollfd *fds, size_t n);
/* Report mode: loop until done, or max_wait_ms (< 0: no limit). */
bool survey_run(struct survey *sv, int max_wait_ms);
/* Nothing in flight and nothing left to ask. */
bool survey_done(const struct survey *sv);
/* Probes finished and submitted so far, for a progress display. */
void survey_progress(const struct survey *sv, size_t *done, size_t *total);
/* The engine, for statistics in benchmarks and tests. */
const struct probe_engine *survey_engine(const struct survey *sv);

#endif
