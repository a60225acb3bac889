/* step_util.h - what the step analyses share: copying a probe's evidence
 * into a finding, and telling what kind of answer a result is. */
#ifndef DNSTRIAGE_STEP_UTIL_H
#define DNSTRIAGE_STEP_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "dnstriage/finding.h"
#include "dnstriage/probe.h"
#include "dnstriage/steps.h"

/* Server, RCODE, EDE, RTT, flags, reproduce and evidence of res. */
void finding_from_probe(struct finding *f, const struct probe_result *res);

/* res is a DNS answer (parsed message). */
bool result_answered(const struct probe_result *res);
/* res got no answer at all: timeout or refused port or unreachable. */
bool result_silent(const struct probe_result *res);
/* The RCODE of an answer, -1 without one. */
int result_rcode(const struct probe_result *res);
/* What went wrong with a result that is no answer ("no answer within the
 * timeout", "port unreachable: ..."), as a message argument that is
 * translated when rendered (MESSAGE_ARG_MSGID). free() it. */
char *result_failure_text(const struct probe_result *res, unsigned timeout_ms);

/* A ", "-joined list of record data for a message: the first
 * DATA_SUMMARY_ITEMS items, then "(+N more)", so that an answer of
 * thousands of records stays one readable line. free() it. */
#define DATA_SUMMARY_ITEMS 8
char *data_list_summary(const char *data);

/* "127.0.3.1" from "127.0.3.1#53". */
void server_address(const char *server, char *buf, size_t len);
/* An RR type as text ("A"). */
void type_text(int type, char *buf, size_t len);
/* A moment as "2026-01-31 23:59:59 UTC" (the WHEN fact). */
#define UTC_TEXT_LEN 32
void utc_text(time_t t, char *buf, size_t len);
/* "ns1.example.test (127.0.3.1#53)", or the address alone. */
void auth_server_label(const struct survey_auth *a, char *buf, size_t len);

/* The steps that look at a name skip when the target is an address:
 * true (and s skipped with the reason) if so. */
bool step_skip_address_target(struct step_result *s, const struct survey *sv);

/* A step's status once its analysis ran: RUNNING while probes are out,
 * else what its findings give. */
void step_conclude(struct step_result *s, bool final);

/* While answers still come in: a server silent for several times the
 * slowest round trip of its peers (peer_ms, < 0: none answered yet) gets a
 * transient finding of that code (resolver-/authoritative-no-answer-yet) (asked_us: when it was asked, 0: at
 * the survey's start), long before its timeout makes it a
 * real one. Adds nothing when final, too early, or the clock is unknown. */
void step_note_waiting(struct step_result *s, enum finding_code code,
    const struct step_input *in, const char *server, uint64_t asked_us,
    double peer_ms);

#endif
