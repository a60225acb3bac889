/* test_answers.c - step_answers on canned surveys: what was wrong with an
 * answer (malformed and why, TCP fallback that fails, stray messages, no
 * EDNS, absurd size, CNAME loop, RRSIG dates, NS set too large) becomes
 * one finding per server and kind, in the step of the server. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/verdict.h"
#include "canned_survey.h"

#define AUTH "127.0.3.1#53"
#define RESOLVER "127.0.0.53#53"

static struct triage *
run(struct survey *sv)
{
	struct step_input in;
	struct triage *t = triage_new("www.example.test");

	memset(&in, 0, sizeof(in));
	in.sv = sv;
	in.final = true;
	in.timeout_ms = 500;
	in.now = CANNED_NOW;
	triage_add_type(t, "A");
	step_answers_analyze(&in, t);
	return t;
}

static struct step_result *
auth_step(struct triage *t)
{
	return triage_step(t, STEP_AUTHORITATIVE);
}

static void
assert_message_has(const struct finding *f, const char *want)
{
	char *m = finding_message(f);

	if (strstr(m, want) == NULL)
		fail_msg("\"%s\" lacks \"%s\"", m, want);
	free(m);
}

/* The result names its question, as the engine's results do. */
static struct probe_result *
asked(struct probe_result *r, const char *name, ldns_rr_type type)
{
	r->spec.qname = ldns_dname_new_frm_str(name);
	r->spec.name = xstrdup(name);
	r->spec.type = type;
	return r;
}

/* www.example.test A, then an RR whose owner is a pointer to itself. */
static struct probe_result *
malformed_pointer_loop(const char *server)
{
	ldns_pkt *p = canned_pkt("www.example.test", LDNS_RR_TYPE_A, true,
	    LDNS_RCODE_NOERROR);
	struct probe_result *r = canned_result(NULL, server);
	uint8_t *wire = NULL;
	size_t len = 0;
	static const uint8_t rest[] = { 0, 1, 0, 1, 0, 0, 1, 44, 0, 4,
	    127, 0, 0, 80 };

	assert_int_equal(ldns_pkt2wire(&wire, p, &len), LDNS_STATUS_OK);
	ldns_pkt_free(p);
	wire = realloc(wire, len + 2 + sizeof(rest));
	assert_non_null(wire);
	wire[len] = (uint8_t)(0xc0 | (len >> 8));
	wire[len + 1] = (uint8_t)(len & 0xff);
	memcpy(wire + len + 2, rest, sizeof(rest));
	wire[11]++;
	r->wire = wire;
	r->wire_len = len + 2 + sizeof(rest);
	r->outcome = PROBE_MALFORMED;
	r->rtt_ms = -1;
	return asked(r, "www.example.test", LDNS_RR_TYPE_A);
}

static void
add_resolver(struct survey *sv)
{
	snprintf(sv->resolvers[0].text, sizeof(sv->resolvers[0].text), "%s",
	    RESOLVER);
	sv->nresolvers = 1;
}

static void
test_sound_answers_say_nothing(void **state)
{
	struct survey *sv = canned_zone_survey(2);
	struct triage *t;

	(void)state;
	sv->auth[0].answer[0] = asked(canned_a(AUTH), "www.example.test",
	    LDNS_RR_TYPE_A);
	sv->auth[1].answer[0] = canned_timeout("127.0.3.2#53");
	sv->auth[0].soa = canned_soa(AUTH, 1, 3600, 900, 604800, 300);
	t = run(sv);
	assert_int_equal(auth_step(t)->nfindings, 0);
	assert_int_equal(triage_step(t, STEP_RESOLVERS)->nfindings, 0);
	triage_free(t);
	canned_survey_free(sv);
}

/* Two malformed answers from one server: one finding, saying why. */
static void
test_malformed_says_why_once(void **state)
{
	struct survey *sv = canned_zone_survey(1);
	struct triage *t;
	const struct finding *f;

	(void)state;
	sv->auth[0].answer[0] = malformed_pointer_loop(AUTH);
	sv->auth[0].soa = malformed_pointer_loop(AUTH);
	t = run(sv);
	assert_int_equal(canned_count(auth_step(t), FINDING_MALFORMED_ANSWER), 1);
	f = canned_nth(auth_step(t), FINDING_MALFORMED_ANSWER, 0);
	assert_string_equal(f->server, AUTH);
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_message_has(f, "ns1.example.test (127.0.3.1#53) answered "
	    "www.example.test A over UDP with a message that is not valid DNS");
	assert_message_has(f, "compression pointer loop");
	canned_assert_fact(f, FACT_ADDRESS, "127.0.3.1");
	triage_free(t);
	canned_survey_free(sv);
}

static void
test_tcp_fallback_that_fails(void **state)
{
	struct survey *sv = canned_zone_survey(1);
	struct probe_result *r = canned_timeout(RESOLVER);
	struct triage *t;
	const struct finding *f;

	(void)state;
	add_resolver(sv);
	r->tcp_fallback = true;
	sv->resolvers[0].soa_udp = asked(r, ".", LDNS_RR_TYPE_SOA);
	t = run(sv);
	f = canned_nth(triage_step(t, STEP_RESOLVERS),
	    FINDING_TCP_FALLBACK_FAILED, 0);
	assert_string_equal(f->server, RESOLVER);
	assert_message_has(f, "answered . SOA over UDP with TC=1");
	assert_message_has(f, "no answer within the timeout");
	assert_int_equal(auth_step(t)->nfindings, 0);
	triage_free(t);
	canned_survey_free(sv);
}

static void
test_stray_messages(void **state)
{
	struct survey *sv = canned_zone_survey(1);
	struct probe_result *r = canned_timeout(AUTH);
	struct triage *t;
	const struct finding *f;

	(void)state;
	r->ignored = 3;
	r->ignored_why = PROBE_MATCH_WRONG_QUESTION;
	sv->auth[0].answer[0] = asked(r, "www.example.test", LDNS_RR_TYPE_A);
	t = run(sv);
	f = canned_nth(auth_step(t), FINDING_ANSWER_MISMATCH, 0);
	assert_message_has(f, "3 messages arrived for the query "
	    "www.example.test A to ns1.example.test (127.0.3.1#53)");
	assert_message_has(f, "the message answers another question");
	triage_free(t);
	canned_survey_free(sv);
}

/* Answered only without EDNS: a warning with a verdict of its own. */
static void
test_edns_unsupported(void **state)
{
	struct survey *sv = canned_zone_survey(1);
	struct probe_result *r = asked(canned_a(AUTH), "www.example.test",
	    LDNS_RR_TYPE_A);
	struct triage *t;
	const struct finding *f;

	(void)state;
	r->edns_fallback = true;
	sv->auth[0].answer[0] = r;
	t = run(sv);
	f = canned_nth(auth_step(t), FINDING_EDNS_UNSUPPORTED, 0);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_message_has(f, "ns1.example.test (127.0.3.1#53) does not "
	    "support EDNS");
	assert_int_equal(canned_verdict_alone(t, STEP_AUTHORITATIVE),
	    FAILURE_EDNS_UNSUPPORTED);
	triage_free(t);
	canned_survey_free(sv);
}

static void
test_oversized_answer(void **state)
{
	struct survey *sv = canned_zone_survey(1);
	ldns_pkt *p = canned_pkt("www.example.test", LDNS_RR_TYPE_A, true,
	    LDNS_RCODE_NOERROR);
	struct probe_result *r;
	struct triage *t;
	const struct finding *f;
	char rr[64];
	int i;

	(void)state;
	for (i = 0; i < 600; i++) {
		snprintf(rr, sizeof(rr), "www.example.test. 300 IN A 127.0.%d.%d",
		    i / 250, i % 250);
		canned_pkt_add(p, LDNS_SECTION_ANSWER, rr);
	}
	r = asked(canned_result(p, AUTH), "www.example.test", LDNS_RR_TYPE_A);
	r->wire_len = 9600;
	sv->auth[0].answer[0] = r;
	t = run(sv);
	f = canned_nth(auth_step(t), FINDING_OVERSIZED_ANSWER, 0);
	assert_message_has(f, "with 9600 bytes and 600 records");
	assert_null(f->evidence);
	triage_free(t);
	canned_survey_free(sv);
}

/* The evidence of such an answer (other findings show it) stays short. */
static void
test_render_cuts_long_sections(void **state)
{
	ldns_pkt *p = canned_pkt("www.example.test", LDNS_RR_TYPE_A, true,
	    LDNS_RCODE_NOERROR);
	char rr[64], *text;
	size_t lines = 0;
	const char *c;
	int i;

	(void)state;
	for (i = 0; i < 600; i++) {
		snprintf(rr, sizeof(rr), "www.example.test. 300 IN A 127.0.%d.%d",
		    i / 250, i % 250);
		canned_pkt_add(p, LDNS_SECTION_ANSWER, rr);
	}
	text = dnsmsg_render(p);
	for (c = text; *c != '\0'; c++)
		lines += *c == '\n';
	assert_non_null(strstr(text, ";; ... and 560 more records\n"));
	assert_non_null(strstr(text, "127.0.0.39\n"));
	assert_null(strstr(text, "127.0.0.40\n"));
	assert_true(lines < DNSMSG_RENDER_MAX_RRS + 20);
	free(text);
	ldns_pkt_free(p);
}

static struct probe_result *
cname_answer(const char *const *rrs)
{
	ldns_pkt *p = canned_pkt("www.example.test", LDNS_RR_TYPE_A, true,
	    LDNS_RCODE_NOERROR);

	for (; *rrs != NULL; rrs++)
		canned_pkt_add(p, LDNS_SECTION_ANSWER, *rrs);
	return asked(canned_result(p, AUTH), "www.example.test",
	    LDNS_RR_TYPE_A);
}

static void
test_cname_loop(void **state)
{
	static const char *const loop[] = {
		"www.example.test. 300 IN CNAME a.example.test.",
		"a.example.test. 300 IN CNAME b.example.test.",
		"b.example.test. 300 IN CNAME a.example.test.", NULL };
	struct survey *sv = canned_zone_survey(1);
	struct triage *t;
	const struct finding *f;

	(void)state;
	sv->auth[0].answer[0] = cname_answer(loop);
	t = run(sv);
	f = canned_nth(auth_step(t), FINDING_CNAME_LOOP, 0);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_message_has(f, "www.example.test -> a.example.test -> "
	    "b.example.test -> a.example.test");
	canned_assert_fact(f, FACT_ZONE, "example.test");
	assert_int_equal(canned_verdict_alone(t, STEP_AUTHORITATIVE),
	    FAILURE_CNAME_LOOP);
	triage_free(t);
	canned_survey_free(sv);
}

/* A chain that ends, however long, is no loop. */
static void
test_cname_chain_that_ends(void **state)
{
	static const char *const chain[] = {
		"www.example.test. 300 IN CNAME a.example.test.",
		"a.example.test. 300 IN CNAME b.example.test.",
		"b.example.test. 300 IN A 127.0.0.80", NULL };
	struct survey *sv = canned_zone_survey(1);
	struct triage *t;

	(void)state;
	sv->auth[0].answer[0] = cname_answer(chain);
	t = run(sv);
	assert_int_equal(canned_count(auth_step(t), FINDING_CNAME_LOOP), 0);
	triage_free(t);
	canned_survey_free(sv);
}

static struct probe_result *
signed_a(const char *expiration, const char *inception)
{
	ldns_pkt *p = canned_pkt("www.example.test", LDNS_RR_TYPE_A, true,
	    LDNS_RCODE_NOERROR);
	char sig[512];

	canned_pkt_add(p, LDNS_SECTION_ANSWER,
	    "www.example.test. 300 IN A 127.0.0.80");
	snprintf(sig, sizeof(sig), "www.example.test. 300 IN RRSIG A 13 3 300 "
	    "%s %s 4711 example.test. "
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	    "AAAAAAAAAAAAAAAAAAAAAA==", expiration, inception);
	canned_pkt_add(p, LDNS_SECTION_ANSWER, sig);
	return asked(canned_result(p, AUTH), "www.example.test",
	    LDNS_RR_TYPE_A);
}

static void
test_rrsig_absurd_dates(void **state)
{
	struct survey *sv = canned_zone_survey(1);
	struct triage *t;
	const struct finding *f;

	(void)state;
	/* Expired at the epoch, valid from 2106. */
	sv->auth[0].answer[0] = signed_a("1", "4291747200");
	t = run(sv);
	f = canned_nth(auth_step(t), FINDING_RRSIG_DATES, 0);
	assert_message_has(f, "of www.example.test A with absurd dates: "
	    "valid from 2106-01-01 00:00:00 UTC until 1970-01-01 00:00:01 UTC");
	triage_free(t);
	canned_survey_free(sv);
}

/* Expired last week is a DNSSEC matter, not an absurd date. */
static void
test_rrsig_sane_dates(void **state)
{
	struct survey *sv = canned_zone_survey(1);
	struct triage *t;

	(void)state;
	sv->auth[0].answer[0] = signed_a("20251225000000", "20251201000000");
	t = run(sv);
	assert_int_equal(canned_count(auth_step(t), FINDING_RRSIG_DATES), 0);
	triage_free(t);
	canned_survey_free(sv);
}

static void
test_ns_set_large(void **state)
{
	struct survey *sv = canned_zone_survey(1);
	struct triage *t;
	const struct finding *f;
	char rr[96];
	ldns_rr *ns;
	int i;

	(void)state;
	sv->levels[2].delegation_ns = ldns_rr_list_new();
	for (i = 1; i <= 40; i++) {
		snprintf(rr, sizeof(rr), "example.test. 300 IN NS ns%d.example.test.",
		    i);
		ns = NULL;
		assert_int_equal(ldns_rr_new_frm_str(&ns, rr, 0, NULL, NULL),
		    LDNS_STATUS_OK);
		ldns_rr_list_push_rr(sv->levels[2].delegation_ns, ns);
	}
	t = run(sv);
	f = canned_nth(auth_step(t), FINDING_NS_SET_LARGE, 0);
	assert_string_equal(f->server, "127.0.2.1#53");
	assert_message_has(f, "The delegation of example.test (from "
	    "127.0.2.1#53) lists 40 name servers; this run checks the first 32.");
	triage_free(t);
	canned_survey_free(sv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sound_answers_say_nothing),
		cmocka_unit_test(test_malformed_says_why_once),
		cmocka_unit_test(test_tcp_fallback_that_fails),
		cmocka_unit_test(test_stray_messages),
		cmocka_unit_test(test_edns_unsupported),
		cmocka_unit_test(test_oversized_answer),
		cmocka_unit_test(test_render_cuts_long_sections),
		cmocka_unit_test(test_cname_loop),
		cmocka_unit_test(test_cname_chain_that_ends),
		cmocka_unit_test(test_rrsig_absurd_dates),
		cmocka_unit_test(test_rrsig_sane_dates),
		cmocka_unit_test(test_ns_set_large),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
