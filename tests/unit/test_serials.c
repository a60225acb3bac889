/* test_serials.c - the serials step on canned SOA answers: equal serials,
 * one server behind (and several, ranked), RFC 1982 at the wrap-around
 * and in its undefined case, date-style serials, a server that fails its
 * own zone's SOA, the EDNS EXPIRE countdown (primary, days left, under a
 * day) and SOA timers outside RFC 1912's ranges. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/finding.h"
#include "dnstriage/verdict.h"
#include "canned_survey.h"

#define REFRESH 3600u
#define RETRY 600u
#define EXPIRE 1209600u
#define MINIMUM 3600u

/* --- helpers ------------------------------------------------------------ */

/* The verdict when only this step has something to say. */
#define verdict_of(t) canned_verdict_alone((t), STEP_SERIALS)

/* n servers of example.test that answer the name and the SOA with these
 * serials and the lab's timers. */
static struct survey *
zone_with_serials(const uint32_t *serials, size_t n)
{
	struct survey *sv = canned_zone_survey(n);
	size_t i;

	for (i = 0; i < n; i++) {
		sv->auth[i].answer[0] = canned_a(sv->auth[i].text);
		sv->auth[i].soa = canned_soa(sv->auth[i].text, serials[i], REFRESH,
		    RETRY, EXPIRE, MINIMUM);
	}
	return sv;
}

static struct triage *
run_serials(struct survey *sv)
{
	struct triage *t = triage_new(sv->name);
	struct step_input in;

	memset(&in, 0, sizeof(in));
	in.sv = sv;
	in.final = true;
	in.now = CANNED_NOW;
	in.timeout_ms = 2000;
	in.expiry_warn_days = 14;
	triage_add_type(t, "A");
	t->started = CANNED_NOW;
	step_serials_analyze(&in, t);
	return t;
}

static struct step_result *
serials(struct triage *t)
{
	return triage_step(t, STEP_SERIALS);
}

static void
assert_message_is(const struct finding *f, const char *want)
{
	char *m = finding_message(f);

	assert_string_equal(m, want);
	free(m);
}

/* --- serials ------------------------------------------------------------ */

static void
test_serials_equal(void **state)
{
	const uint32_t s[] = { 2026010100u, 2026010100u };
	struct survey *sv = zone_with_serials(s, 2);
	struct triage *t = run_serials(sv);

	(void)state;
	assert_int_equal(serials(t)->nfindings, 1);
	assert_message_is(canned_nth(serials(t), FINDING_SERIALS_AGREE, 0),
	    "Every name server that answers serves example.test with serial "
	    "2026010100.");
	assert_int_equal(serials(t)->status, STEP_OK);
	assert_int_equal(verdict_of(t), FAILURE_HEALTHY);
	triage_free(t);
	canned_survey_free(sv);
}

static void
test_one_server_behind(void **state)
{
	const uint32_t s[] = { 2026010101u, 2026010100u };
	struct survey *sv = zone_with_serials(s, 2);
	struct triage *t = run_serials(sv);
	const struct finding *f;

	(void)state;
	assert_int_equal(canned_count(serials(t), FINDING_SERIALS_AGREE), 0);
	f = canned_nth(serials(t), FINDING_SERIAL_BEHIND, 0);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_string_equal(f->server, "127.0.3.2#53");
	assert_message_is(f, "ns2.example.test (127.0.3.2#53) serves "
	    "example.test with serial 2026010100, behind 2026010101 on "
	    "ns1.example.test (127.0.3.1#53) by 1 (date-style serials: "
	    "2026-01-01 #00 against 2026-01-01 #01).");
	canned_assert_fact(f, FACT_ZONE, "example.test");
	canned_assert_fact(f, FACT_ADDRESS, "127.0.3.2");
	assert_int_equal(verdict_of(t), FAILURE_SERIAL_MISMATCH);
	assert_string_equal(verdict_fact(&t->verdict, FACT_SERVER),
	    "127.0.3.2#53");
	triage_free(t);
	canned_survey_free(sv);
}

/* Ranked: the server furthest behind comes first. */
static void
test_behind_ranked_by_distance(void **state)
{
	const uint32_t s[] = { 107u, 106u, 100u };
	struct survey *sv = zone_with_serials(s, 3);
	struct triage *t = run_serials(sv);

	(void)state;
	assert_int_equal(canned_count(serials(t), FINDING_SERIAL_BEHIND), 2);
	assert_message_is(canned_nth(serials(t), FINDING_SERIAL_BEHIND, 0),
	    "ns3.example.test (127.0.3.3#53) serves example.test with serial "
	    "100, behind 107 on ns1.example.test (127.0.3.1#53) by 7.");
	assert_message_is(canned_nth(serials(t), FINDING_SERIAL_BEHIND, 1),
	    "ns2.example.test (127.0.3.2#53) serves example.test with serial "
	    "106, behind 107 on ns1.example.test (127.0.3.1#53) by 1.");
	triage_free(t);
	canned_survey_free(sv);
}

/* RFC 1982: 1 is ahead of 4294967295 (by 2), whatever the order asked. */
static void
test_wrap_around(void **state)
{
	const uint32_t s[] = { 4294967295u, 1u };
	const uint32_t r[] = { 1u, 4294967295u };
	struct survey *sv = zone_with_serials(s, 2);
	struct triage *t = run_serials(sv);

	(void)state;
	assert_int_equal(canned_count(serials(t), FINDING_SERIAL_BEHIND), 1);
	assert_message_is(canned_nth(serials(t), FINDING_SERIAL_BEHIND, 0),
	    "ns1.example.test (127.0.3.1#53) serves example.test with serial "
	    "4294967295, behind 1 on ns2.example.test (127.0.3.2#53) by 2.");
	triage_free(t);
	canned_survey_free(sv);

	sv = zone_with_serials(r, 2);
	t = run_serials(sv);
	assert_int_equal(canned_count(serials(t), FINDING_SERIAL_BEHIND), 1);
	assert_string_equal(canned_nth(serials(t), FINDING_SERIAL_BEHIND, 0)->server,
	    "127.0.3.2#53");
	triage_free(t);
	canned_survey_free(sv);
}

/* Serials 2^31 apart: RFC 1982 leaves the order undefined. */
static void
test_undefined_order(void **state)
{
	const uint32_t s[] = { 0u, 0x80000000u };
	struct survey *sv = zone_with_serials(s, 2);
	struct triage *t = run_serials(sv);
	const struct finding *f;

	(void)state;
	assert_int_equal(canned_count(serials(t), FINDING_SERIAL_BEHIND), 0);
	assert_int_equal(canned_count(serials(t), FINDING_SERIALS_AGREE), 0);
	f = canned_nth(serials(t), FINDING_SERIALS_INCOMPARABLE, 0);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_string_equal(f->server, "127.0.3.2#53");
	assert_int_equal(verdict_of(t), FAILURE_SERIAL_MISMATCH);
	triage_free(t);
	canned_survey_free(sv);
}

/* --- servers that fail their own zone ----------------------------------- */

static void
test_servfail_for_soa(void **state)
{
	const uint32_t s[] = { 2026010100u, 2026010100u };
	struct survey *sv = zone_with_serials(s, 2);
	struct triage *t;
	const struct finding *f;

	(void)state;
	probe_result_free(sv->auth[1].soa);
	sv->auth[1].soa = canned_result(canned_pkt("example.test",
	    LDNS_RR_TYPE_SOA, false, LDNS_RCODE_SERVFAIL), "127.0.3.2#53");
	t = run_serials(sv);
	f = canned_nth(serials(t), FINDING_SOA_SERVFAIL, 0);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_string_equal(f->server, "127.0.3.2#53");
	assert_int_equal(f->rcode, LDNS_RCODE_SERVFAIL);
	assert_message_is(f, "ns2.example.test (127.0.3.2#53) answers SERVFAIL "
	    "for the SOA of its own zone example.test: its copy of the zone "
	    "has expired or failed to load.");
	canned_assert_fact(f, FACT_ZONE, "example.test");
	/* The one server left agrees with itself. */
	assert_int_equal(canned_count(serials(t), FINDING_SERIALS_AGREE), 1);
	assert_int_equal(verdict_of(t), FAILURE_ZONE_EXPIRED_SECONDARY);
	assert_string_equal(verdict_fact(&t->verdict, FACT_ZONE),
	    "example.test");
	triage_free(t);

	/* The name fails there too: the authoritative step reports that
	 * server (authoritative-servfail); no second finding here. */
	probe_result_free(sv->auth[1].answer[0]);
	sv->auth[1].answer[0] = canned_result(canned_pkt("www.example.test",
	    LDNS_RR_TYPE_A, false, LDNS_RCODE_SERVFAIL), "127.0.3.2#53");
	t = run_serials(sv);
	assert_int_equal(canned_count(serials(t), FINDING_SOA_SERVFAIL), 0);
	assert_int_equal(canned_problems(serials(t)), 0);
	triage_free(t);
	canned_survey_free(sv);
}

static void
test_soa_without_authority(void **state)
{
	const uint32_t s[] = { 2026010100u, 2026010100u };
	struct survey *sv = zone_with_serials(s, 2);
	struct triage *t;

	(void)state;
	ldns_pkt_set_aa(sv->auth[0].soa->pkt, false);
	t = run_serials(sv);
	assert_int_equal(canned_nth(serials(t), FINDING_SOA_NOT_AUTH, 0)->severity,
	    SEVERITY_CRITICAL);
	assert_string_equal(canned_nth(serials(t), FINDING_SOA_NOT_AUTH, 0)->server,
	    "127.0.3.1#53");
	assert_int_equal(verdict_of(t), FAILURE_ZONE_EXPIRED_SECONDARY);
	triage_free(t);
	canned_survey_free(sv);
}

static void
test_nobody_gives_the_soa(void **state)
{
	struct survey *sv = canned_zone_survey(1);
	struct triage *t;

	(void)state;
	sv->auth[0].answer[0] = canned_timeout("127.0.3.1#53");
	sv->auth[0].soa = canned_timeout("127.0.3.1#53");
	t = run_serials(sv);
	assert_int_equal(serials(t)->status, STEP_SKIPPED);
	assert_int_equal(serials(t)->nfindings, 0);
	triage_free(t);
	canned_survey_free(sv);
}

/* --- EDNS EXPIRE -------------------------------------------------------- */

static struct survey *
zone_with_expire(uint32_t ns1_expire, uint32_t ns2_expire)
{
	const uint32_t s[] = { 2026010100u, 2026010100u };
	struct survey *sv = zone_with_serials(s, 2);

	canned_pkt_expire(sv->auth[0].soa->pkt, ns1_expire);
	canned_pkt_expire(sv->auth[1].soa->pkt, ns2_expire);
	return sv;
}

static void
test_expire_within_an_hour_warns(void **state)
{
	struct survey *sv = zone_with_expire(EXPIRE, 3600);
	struct triage *t = run_serials(sv);
	const struct finding *f;

	(void)state;
	assert_int_equal(canned_count(serials(t), FINDING_EXPIRE_SOON), 1);
	f = canned_nth(serials(t), FINDING_EXPIRE_SOON, 0);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_string_equal(f->server, "127.0.3.2#53");
	assert_message_is(f, "ns2.example.test (127.0.3.2#53) has not refreshed "
	    "example.test from its primary for a long time: its copy expires "
	    "in 3600 s (2026-01-01 01:00:00 UTC), then it answers SERVFAIL for "
	    "the whole zone.");
	canned_assert_fact(f, FACT_SECONDS, "3600");
	canned_assert_fact(f, FACT_WHEN, "2026-01-01 01:00:00 UTC");
	canned_assert_fact(f, FACT_ZONE, "example.test");
	/* The primary answers the SOA's own expire: no warning for it. */
	f = canned_nth(serials(t), FINDING_EDNS_EXPIRE, 0);
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_string_equal(f->server, "127.0.3.1#53");
	assert_int_equal(canned_problems(serials(t)), 1);
	assert_int_equal(verdict_of(t), FAILURE_SECONDARY_EXPIRING);
	assert_string_equal(verdict_fact(&t->verdict, FACT_SECONDS), "3600");
	triage_free(t);
	canned_survey_free(sv);
}

static void
test_expire_in_ten_days_is_info(void **state)
{
	struct survey *sv = zone_with_expire(EXPIRE, 10u * 86400u);
	struct triage *t = run_serials(sv);
	const struct finding *f;

	(void)state;
	assert_int_equal(canned_problems(serials(t)), 0);
	assert_int_equal(canned_count(serials(t), FINDING_EDNS_EXPIRE), 2);
	f = canned_nth(serials(t), FINDING_EDNS_EXPIRE, 0);
	assert_message_is(f, "ns1.example.test (127.0.3.1#53) answers EDNS "
	    "EXPIRE for example.test with 1209600 s, the full expire time of "
	    "the SOA (1209600 s): it is the primary, or its copy was refreshed "
	    "just now.");
	f = canned_nth(serials(t), FINDING_EDNS_EXPIRE, 1);
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_message_is(f, "ns2.example.test (127.0.3.2#53) keeps its copy of "
	    "example.test for 864000 s more (10 days, until 2026-01-11 "
	    "00:00:00 UTC) if its refreshes from the primary keep failing "
	    "(EDNS EXPIRE).");
	canned_assert_fact(f, FACT_SECONDS, "864000");
	assert_int_equal(verdict_of(t), FAILURE_HEALTHY);
	triage_free(t);
	canned_survey_free(sv);
}

/* --- SOA timers --------------------------------------------------------- */

static void
test_bad_soa_timers_are_info(void **state)
{
	struct survey *sv = canned_zone_survey(1);
	struct triage *t;
	const struct finding *f;
	size_t i;

	(void)state;
	sv->auth[0].answer[0] = canned_a("127.0.3.1#53");
	/* refresh 2 days, retry 1 h, expire 1 day, negative TTL 1 day */
	sv->auth[0].soa = canned_soa("127.0.3.1#53", 7, 172800, 3600, 86400,
	    86400);
	t = run_serials(sv);
	assert_int_equal(canned_count(serials(t), FINDING_SOA_TIMERS), 3);
	for (i = 0; i < 3; i++) {
		f = canned_nth(serials(t), FINDING_SOA_TIMERS, i);
		assert_int_equal(f->severity, SEVERITY_INFO);
		canned_assert_fact(f, FACT_ZONE, "example.test");
	}
	assert_message_is(canned_nth(serials(t), FINDING_SOA_TIMERS, 0),
	    "The SOA of example.test sets expire to 86400 s, less than refresh "
	    "+ retry (176400 s): a secondary can expire the zone before its "
	    "first retry. Set expire to two to four weeks (RFC 1912).");
	assert_message_is(canned_nth(serials(t), FINDING_SOA_TIMERS, 1),
	    "The SOA of example.test sets the negative TTL (MINIMUM) to 86400 s, "
	    "more than three hours: resolvers keep answering that a new name "
	    "does not exist for that long. Use one to three hours (RFC 2308).");
	assert_message_is(canned_nth(serials(t), FINDING_SOA_TIMERS, 2),
	    "The SOA of example.test sets refresh to 172800 s, more than a day: "
	    "when a NOTIFY is lost, secondaries notice a change that late. Use "
	    "20 minutes to 12 hours (RFC 1912).");
	assert_int_equal(canned_problems(serials(t)), 0);
	assert_int_equal(serials(t)->status, STEP_OK);
	assert_int_equal(verdict_of(t), FAILURE_HEALTHY);
	triage_free(t);
	canned_survey_free(sv);
}

static void
test_running_until_every_soa_is_back(void **state)
{
	const uint32_t s[] = { 1u, 1u };
	struct survey *sv = zone_with_serials(s, 2);
	struct triage *t;
	struct step_input in;

	(void)state;
	probe_result_free(sv->auth[1].soa);
	sv->auth[1].soa = NULL;
	t = triage_new(sv->name);
	memset(&in, 0, sizeof(in));
	in.sv = sv;
	in.now = CANNED_NOW;
	step_serials_analyze(&in, t);
	assert_int_equal(serials(t)->status, STEP_RUNNING);
	assert_int_equal(serials(t)->nfindings, 0);
	triage_free(t);
	canned_survey_free(sv);
}

/* --- the primary named in the SOA --------------------------------------- */

/* A primary outside the NS set: what it serves, and whether the listed
 * servers keep up with it. */
static struct survey *
zone_with_primary(const uint32_t *serials, size_t n, const uint32_t *primary)
{
	struct survey *sv = zone_with_serials(serials, n);

	snprintf(sv->mname, sizeof(sv->mname), "hidden.example.test");
	snprintf(sv->primary.nsname, sizeof(sv->primary.nsname), "%s",
	    sv->mname);
	snprintf(sv->primary.text, sizeof(sv->primary.text), "127.0.3.9#53");
	if (primary != NULL) {
		sv->primary_state = SURVEY_NSNAME_RESOLVED;
		sv->primary.soa = canned_soa("127.0.3.9#53", *primary, REFRESH,
		    RETRY, EXPIRE, MINIMUM);
	} else {
		sv->primary_state = SURVEY_NSNAME_UNRESOLVED;
	}
	return sv;
}

static void
test_every_server_behind_the_primary(void **state)
{
	const uint32_t s[] = { 2026010100u, 2026010100u }, p = 2026010102u;
	struct survey *sv = zone_with_primary(s, 2, &p);
	struct triage *t = run_serials(sv);
	const struct finding *f;

	(void)state;
	/* Equal among themselves, yet none has what the primary serves. */
	assert_int_equal(canned_count(serials(t), FINDING_SERIALS_AGREE), 0);
	assert_int_equal(canned_count(serials(t), FINDING_SERIAL_BEHIND), 2);
	f = canned_nth(serials(t), FINDING_SERIAL_BEHIND, 0);
	assert_message_is(f, "ns1.example.test (127.0.3.1#53) serves "
	    "example.test with serial 2026010100, behind 2026010102 on its "
	    "primary hidden.example.test (the SOA's MNAME) by 2: no listed name "
	    "server has the primary's changes.");
	f = canned_nth(serials(t), FINDING_PRIMARY_SOA, 0);
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_int_equal(verdict_of(t), FAILURE_SERIAL_MISMATCH);
	triage_free(t);
	canned_survey_free(sv);
}

static void
test_primary_in_step_is_info(void **state)
{
	const uint32_t s[] = { 7u, 7u }, p = 7u;
	struct survey *sv = zone_with_primary(s, 2, &p);
	struct triage *t = run_serials(sv);

	(void)state;
	assert_int_equal(canned_count(serials(t), FINDING_SERIALS_AGREE), 1);
	assert_int_equal(canned_count(serials(t), FINDING_SERIAL_BEHIND), 0);
	assert_message_is(canned_nth(serials(t), FINDING_PRIMARY_SOA, 0),
	    "The primary the SOA names, hidden.example.test (127.0.3.9#53), is "
	    "not among the name servers; it serves serial 7.");
	assert_int_equal(verdict_of(t), FAILURE_HEALTHY);
	triage_free(t);
	canned_survey_free(sv);
}

/* A hidden primary without a public address is common: no alarm. */
static void
test_hidden_primary_is_no_alarm(void **state)
{
	const uint32_t s[] = { 7u, 7u };
	struct survey *sv = zone_with_primary(s, 2, NULL);
	struct triage *t = run_serials(sv);
	const struct finding *f;

	(void)state;
	f = canned_nth(serials(t), FINDING_PRIMARY_SOA, 0);
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_int_equal(canned_problems(serials(t)), 0);
	assert_int_equal(verdict_of(t), FAILURE_HEALTHY);
	triage_free(t);
	canned_survey_free(sv);
}

/* Still looking the primary up: the step waits for it. */
static void
test_waits_for_the_primary(void **state)
{
	const uint32_t s[] = { 7u, 7u };
	struct survey *sv = zone_with_primary(s, 2, NULL);
	struct triage *t;
	struct step_input in;

	(void)state;
	sv->primary_state = SURVEY_NSNAME_LOOKUP;
	t = triage_new(sv->name);
	memset(&in, 0, sizeof(in));
	in.sv = sv;
	in.final = false;
	in.now = CANNED_NOW;
	step_serials_analyze(&in, t);
	assert_int_equal(serials(t)->status, STEP_RUNNING);
	triage_free(t);
	canned_survey_free(sv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_serials_equal),
		cmocka_unit_test(test_one_server_behind),
		cmocka_unit_test(test_behind_ranked_by_distance),
		cmocka_unit_test(test_wrap_around),
		cmocka_unit_test(test_undefined_order),
		cmocka_unit_test(test_servfail_for_soa),
		cmocka_unit_test(test_soa_without_authority),
		cmocka_unit_test(test_nobody_gives_the_soa),
		cmocka_unit_test(test_expire_within_an_hour_warns),
		cmocka_unit_test(test_expire_in_ten_days_is_info),
		cmocka_unit_test(test_bad_soa_timers_are_info),
		cmocka_unit_test(test_running_until_every_soa_is_back),
		cmocka_unit_test(test_every_server_behind_the_primary),
		cmocka_unit_test(test_primary_in_step_is_info),
		cmocka_unit_test(test_hidden_primary_is_no_alarm),
		cmocka_unit_test(test_waits_for_the_primary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
