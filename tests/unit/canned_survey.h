/* canned_survey.h - hand-built surveys for the step analyses: a signed
 * root, test. and example.test. made in memory with ldns (keys generated
 * per world, RRsets signed with chosen validity windows), the answers of
 * every server as canned packets, and a free that owns all of it (never
 * survey_free(): nothing here was made by survey_new()). */
#ifndef CANNED_SURVEY_H
#define CANNED_SURVEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <ldns/ldns.h>

#include "dnstriage/finding.h"
#include "dnstriage/rootdata.h"
#include "dnstriage/steps.h"
#include "dnstriage/survey.h"

#define CANNED_NOW ((time_t)1767225600)	/* 2026-01-01 00:00:00 UTC */
#define CANNED_DAY 86400L

/* A signature window in seconds from CANNED_NOW; {0, 0}: the lab's
 * default, from an hour ago to 30 days ahead. */
struct canned_window {
	long from, to;
};

enum canned_answer {
	CANNED_A,		/* www.example.test A 127.0.80.80 */
	CANNED_NXDOMAIN,	/* nosuch.example.test, with a full NSEC proof */
	CANNED_NXDOMAIN_BROKEN,	/* nosuch.example.test, an NSEC that covers
				 * another name */
};

struct canned_spec {
	struct canned_window root, tld, zone;
	enum canned_answer answer;
	bool rogue_ds;		/* test.'s DS for example.test names a key
				 * example.test does not have */
	bool insecure;		/* no DS for example.test; test. proves it */
	bool anchor_dnskey;	/* the anchor in DNSKEY form (else DS) */
	bool zone_no_dnskey;	/* example.test answers DNSKEY with NODATA */
	bool tamper_answer;	/* the A record changed after signing */
	bool with_aaaa;		/* AAAA asked too: NODATA with its NSEC */
};

enum canned_key {
	KEY_ROOT_KSK, KEY_ROOT_ZSK, KEY_TLD_KSK, KEY_TLD_ZSK,
	KEY_ZONE_KSK, KEY_ZONE_ZSK, KEY_ROGUE, KEY_COUNT
};

struct canned_world {
	struct survey *sv;
	struct rootdata anchor;
	ldns_key_list *keys[KEY_COUNT];
	uint16_t tags[KEY_COUNT];
};

struct canned_world *canned_world_new(const struct canned_spec *spec);
void canned_world_free(struct canned_world *w);
/* The step input of a finished survey, judged at CANNED_NOW. */
struct step_input canned_input(const struct canned_world *w);

/* Add rr (one RR, zone-file form) to section sec of p with its RRSIG by
 * key k over window win. */
void canned_add_signed(const struct canned_world *w, ldns_pkt *p,
    ldns_pkt_section sec, const char *rr, enum canned_key k,
    struct canned_window win);

/* A survey of www.example.test (type A) whose walk reached example.test,
 * with nauth servers 127.0.3.1.. named ns1.example.test.., and no
 * answers yet: the serials tests fill in what they need. */
struct survey *canned_zone_survey(size_t nauth);
void canned_survey_free(struct survey *sv);

/* Pieces. Every RR is in zone-file form. */
ldns_pkt *canned_pkt(const char *qname, ldns_rr_type qtype, bool aa,
    int rcode);
void canned_pkt_add(ldns_pkt *p, ldns_pkt_section sec, const char *rr);
void canned_pkt_add_list(ldns_pkt *p, ldns_pkt_section sec,
    const ldns_rr_list *list);
/* EDNS on p, with the EXPIRE option (RFC 7314) or an EDE (RFC 8914). */
void canned_pkt_expire(ldns_pkt *p, uint32_t seconds);
void canned_pkt_ede(ldns_pkt *p, uint16_t code, const char *text);
/* A probe result that owns pkt, from server "ADDR#PORT". */
struct probe_result *canned_result(ldns_pkt *pkt, const char *server);
struct probe_result *canned_timeout(const char *server);

/* The SOA answer of example.test with these fields, AA set. */
struct probe_result *canned_soa(const char *server, uint32_t serial,
    uint32_t refresh, uint32_t retry, uint32_t expire, uint32_t minimum);
/* The answer of www.example.test A with AA: 127.0.80.80. */
struct probe_result *canned_a(const char *server);

/* --- assertions on a step's findings ------------------------------------ */

/* The verdict when no step but `only` has anything to say. */
enum failure_code canned_verdict_alone(struct triage *t, enum step_id only);
size_t canned_count(const struct step_result *s, enum finding_code c);
/* The n-th finding of code c (0 the first); fails the test if none. */
const struct finding *canned_nth(const struct step_result *s,
    enum finding_code c, size_t n);
/* How many findings are warnings or critical. */
size_t canned_problems(const struct step_result *s);
void canned_assert_fact(const struct finding *f, enum fact k,
    const char *want);

#endif
