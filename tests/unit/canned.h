/* canned.h - a triage run's raw material made by hand for unit tests: a
 * struct survey without an engine behind it, probe and TCP results around
 * ldns packets written as zone-file text. Nothing here opens a socket.
 *
 * A canned survey owns everything put in it (results, levels, names) and
 * is released with canned_survey_free(), never survey_free(), which wants
 * the engine a real survey has. */
#ifndef DNSTRIAGE_TESTS_CANNED_H
#define DNSTRIAGE_TESTS_CANNED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <ldns/ldns.h>

#include "dnstriage/probe.h"
#include "dnstriage/survey.h"
#include "dnstriage/sysconf.h"
#include "dnstriage/tcpcheck.h"

/* Header flags of a canned response (QR is always set). */
#define CANNED_AA 0x01u
#define CANNED_RA 0x02u
#define CANNED_AD 0x04u
#define CANNED_RD 0x08u

/* A response to qname/qtype with this RCODE and these flags, and RRs in
 * zone-file form, each led by its section: "an " answer, "au " authority,
 * "ad " additional. The list ends with NULL. Aborts the test on an RR
 * that does not parse. */
ldns_pkt *canned_pkt(const char *qname, ldns_rr_type qtype,
    ldns_pkt_rcode rcode, unsigned flags, ...) __attribute__((sentinel));

/* A result that got pkt (taken over) from server "ADDR#PORT". */
struct probe_result *canned_answer(const char *server, ldns_pkt *pkt,
    double rtt_ms);
/* A result without an answer (PROBE_TIMEOUT, PROBE_REFUSED_PORT, ...). */
struct probe_result *canned_failure(const char *server, const char *qname,
    ldns_rr_type qtype, enum probe_outcome outcome);
/* Free what *slot holds and put res there. */
void canned_put(struct probe_result **slot, struct probe_result *res);

/* An empty survey of name for these types: no resolver, no walk. */
struct survey *canned_survey(const char *name, const ldns_rr_type *types,
    size_t ntypes);
void canned_survey_free(struct survey *sv);

/* The resolvers of rc, as the triage makes them from resolv.conf. */
void canned_resolvers_from(struct survey *sv, const struct sysconf_resolv *rc);
/* A resolver given with -r, or a --compare-resolver; addr without port. */
struct survey_resolver *canned_resolver_option(struct survey *sv,
    const char *addr);
struct survey_compare *canned_compare(struct survey *sv, const char *addr);

/* The next level of the walk: apex ("." for the root), how it ended, and
 * the server that decided it ("ADDR#PORT", NULL: none), the winner. */
struct survey_level *canned_level(struct survey *sv, const char *apex,
    enum survey_level_end end, const char *server, const char *nsname);
/* Another server asked at that level ("ADDR#PORT"). */
struct survey_level_server *canned_level_server(struct survey_level *l,
    const char *server, const char *nsname);
/* An NS name of the level, listed by the parent and by the zone itself. */
struct survey_nsname *canned_nsname(struct survey_level *l, const char *name,
    size_t naddrs);
/* An address of an NS of the zone, asked directly. */
struct survey_auth *canned_auth(struct survey *sv, const char *nsname,
    const char *addr);
/* A TCP connection test to addr:port that ended with outcome. */
struct survey_tcp *canned_tcp(struct survey *sv, const char *addr,
    uint16_t port, enum tcpcheck_outcome outcome, bool expected);

#endif
