/* survey_private.h - what survey.c and survey_walk.c share: the pending
 * asks (so a level can cancel the queries it no longer needs), the
 * look-ups of glueless name servers, and the submission helper. */
#ifndef DNSTRIAGE_SURVEY_PRIVATE_H
#define DNSTRIAGE_SURVEY_PRIVATE_H

#include "dnstriage/survey.h"

struct ask;

/* Runs when a probe ends; res is also stored in *slot when the ask had
 * one (then the survey owns it), else then() owns it. */
typedef void survey_then_fn(struct survey *sv, struct probe_result *res,
    void *arg);

struct walk;

/* The walk reached the zone of its name: level is the zone, res the
 * authoritative answer that said so (owned by the level's server). */
typedef void walk_zone_fn(struct walk *w, struct survey_level *level,
    const struct probe_result *res);
/* The walk cannot go on (every server failed, a loop, too deep). */
typedef void walk_fail_fn(struct walk *w, const char *why);

/* One iterative walk from the root: the main one (levels in sv->levels)
 * or one for the address of a name server without glue. */
struct walk {
	struct survey *sv;
	ldns_rdf *qname;		/* owned */
	ldns_rr_type qtype;
	struct survey_level *levels;	/* SURVEY_MAX_LEVELS of them */
	size_t *nlevels;
	int depth;			/* 0: main walk; 1, 2: look-ups */
	walk_zone_fn *on_zone;
	walk_fail_fn *on_fail;
	/* A look-up's target: the level whose name server it resolves and
	 * the index of that name in its nsnames. */
	struct survey_level *for_level;
	struct walk *for_walk;
	size_t for_nsname;
	size_t naddrs;			/* addresses a look-up found */
	struct ask *pending[SURVEY_MAX_LEVELS][SURVEY_MAX_LEVEL_SERVERS];
	struct ask *pending_dnskey[SURVEY_MAX_LEVELS][SURVEY_MAX_LEVEL_SERVERS];
	bool done;
	/* storage for a look-up's own levels */
	struct survey_level *own_levels;
	size_t own_nlevels;
};

/* Which question of which resolver an answer belongs to (the argument of
 * its callbacks). Kept in the survey, not allocated per query, so that a
 * survey freed with queries still out loses nothing. */
struct resolver_ask {
	struct survey_resolver *r;
	size_t type;
};

struct survey_private {
	struct probe_engine *engine;
	struct tcpcheck *tcp;
	struct syslookup *sys;
	unsigned sys_ms;
	char *name;
	unsigned timeout_ms, tries;
	const struct rootdata *hints;
	uint16_t service_port;
	bool have_expect_ip;
	struct sockaddr_storage expect_ip;
	socklen_t expect_ip_len;
	struct sockaddr_storage *extra_addrs;
	size_t nextra_addrs;

	struct walk *main_walk;
	struct walk *lookups[SURVEY_MAX_SUBWALKS];
	size_t nlookups;
	bool fanout_started;
	bool zone_ns_asked;		/* resolvers asked for the zone's NS */

	size_t submitted, completed;
	struct ask *asks;		/* every ask not yet ended */
	struct resolver_ask resolver_asks[SURVEY_MAX_RESOLVERS][SURVEY_MAX_TYPES];
};

/* Submit spec; the result goes to *slot (may be NULL) and then(sv, res,
 * arg) runs (may be NULL). Returns the ask, or NULL when the spec was
 * refused (then nothing runs). */
struct ask *survey_ask(struct survey *sv, const struct probe_spec *spec,
    struct probe_result **slot, survey_then_fn *then, void *arg);
/* Abandon an ask: its then() will not run. */
void survey_cancel(struct survey *sv, struct ask *a);

/* A spec for server addr with the run's timeout and tries. */
void survey_spec(const struct survey *sv, struct probe_spec *spec,
    const struct sockaddr_storage *addr, socklen_t len);

/* An A or AAAA record as a socket address on port 53. */
bool survey_rr_address(const ldns_rr *rr, struct sockaddr_storage *ss,
    socklen_t *len);

/* survey_walk.c */
void survey_walk_start(struct survey *sv);
void survey_walk_free(struct survey *sv);
void survey_level_free(struct survey_level *l);
/* survey.c: the zone is known (sv->zone set): ask the resolvers for its
 * NS set. */
void survey_zone_known(struct survey *sv);
/* survey.c: an address some server gave for the name: connect to it if
 * a service port was given. */
void survey_note_address(struct survey *sv, const struct sockaddr_storage *ss,
    socklen_t len);
void survey_note_answer_addresses(struct survey *sv, const ldns_pkt *pkt);

#endif
