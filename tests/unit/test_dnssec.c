/* test_dnssec.c - the dnssec step on signed worlds built in memory: a
 * valid chain (secure, no warning), expired and not yet valid
 * signatures, signatures that expire soon (now and by --at), a DS that
 * matches no key, a missing DNSKEY, a changed record, an insecure
 * delegation, NXDOMAIN with a good and a broken NSEC proof, and what
 * validating resolvers say (SERVFAIL with +cd, EDE, AD). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/chain.h"
#include "dnstriage/finding.h"
#include "dnstriage/verdict.h"
#include "canned_survey.h"

/* --- helpers ------------------------------------------------------------ */

/* The verdict when only this step has something to say. */
#define verdict_of(t) canned_verdict_alone((t), STEP_DNSSEC)

static struct triage *
run_dnssec(const struct step_input *in)
{
	struct triage *t = triage_new(in->sv->name);

	triage_add_type(t, "A");
	step_dnssec_analyze(in, t);
	return t;
}

static struct step_result *
dnssec(struct triage *t)
{
	return triage_step(t, STEP_DNSSEC);
}

static void
assert_message_has(const struct finding *f, const char *part)
{
	char *m = finding_message(f);

	if (strstr(m, part) == NULL)
		fail_msg("\"%s\" not in \"%s\"", part, m);
	free(m);
}

static void
assert_tag_in(const struct finding *f, uint16_t tag)
{
	char text[8];

	snprintf(text, sizeof(text), "%u", (unsigned)tag);
	assert_message_has(f, text);
}

/* A resolver of the world that answered plain (and cd, if not NULL). */
static void
add_resolver(struct survey *sv, const char *text, struct probe_result *plain,
    struct probe_result *cd)
{
	struct survey_resolver *r = &sv->resolvers[sv->nresolvers++];

	snprintf(r->text, sizeof(r->text), "%s", text);
	r->ns_index = -1;
	r->used = true;
	r->answer[0] = plain;
	r->answer_cd[0] = cd;
}

static struct probe_result *
resolver_answer(int rcode, bool ad, const char *server)
{
	ldns_pkt *p = canned_pkt("www.example.test", LDNS_RR_TYPE_A, false,
	    rcode);

	ldns_pkt_set_ra(p, true);
	ldns_pkt_set_ad(p, ad);
	if (rcode == LDNS_RCODE_NOERROR)
		canned_pkt_add(p, LDNS_SECTION_ANSWER,
		    "www.example.test. 3600 IN A 127.0.80.80");
	return canned_result(p, server);
}

#define DAYS(n) ((n) * CANNED_DAY)

/* --- a valid world ------------------------------------------------------ */

static void
test_valid_chain_is_secure(void **state)
{
	struct canned_spec spec = { 0 };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);
	const struct finding *f;

	(void)state;
	assert_int_equal(canned_problems(dnssec(t)), 0);
	assert_int_equal(canned_count(dnssec(t), FINDING_DNSSEC_SECURE), 1);
	assert_int_equal(dnssec(t)->nfindings, 1);
	f = canned_nth(dnssec(t), FINDING_DNSSEC_SECURE, 0);
	assert_int_equal(f->severity, SEVERITY_OK);
	assert_message_has(f, "www.example.test A (zones ., test, example.test)");
	assert_message_has(f, "2026-01-01 00:00:00 UTC");
	canned_assert_fact(f, FACT_ZONE, "example.test");
	assert_non_null(f->evidence);
	assert_non_null(strstr(f->evidence, "example.test"));
	assert_non_null(strstr(f->evidence, "DNSKEY"));
	assert_int_equal(dnssec(t)->status, STEP_OK);
	assert_int_equal(verdict_of(t), FAILURE_HEALTHY);
	triage_free(t);
	canned_world_free(w);
}

static void
test_valid_chain_with_dnskey_anchor(void **state)
{
	struct canned_spec spec = { .anchor_dnskey = true };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);

	(void)state;
	assert_int_equal(canned_problems(dnssec(t)), 0);
	assert_int_equal(canned_count(dnssec(t), FINDING_DNSSEC_SECURE), 1);
	triage_free(t);
	canned_world_free(w);
}

static void
test_nxdomain_with_valid_nsec_proof(void **state)
{
	struct canned_spec spec = { .answer = CANNED_NXDOMAIN };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);

	(void)state;
	assert_int_equal(canned_problems(dnssec(t)), 0);
	assert_int_equal(canned_count(dnssec(t), FINDING_DNSSEC_SECURE), 1);
	assert_message_has(canned_nth(dnssec(t), FINDING_DNSSEC_SECURE, 0),
	    "nosuch.example.test A");
	triage_free(t);
	canned_world_free(w);
}

/* The lab asks A and AAAA; www has no AAAA: NODATA with its NSEC. */
static void
test_nodata_with_valid_nsec_proof(void **state)
{
	struct canned_spec spec = { .with_aaaa = true };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);

	(void)state;
	assert_int_equal(canned_problems(dnssec(t)), 0);
	assert_message_has(canned_nth(dnssec(t), FINDING_DNSSEC_SECURE, 0),
	    "www.example.test A, AAAA (zones ., test, example.test)");
	triage_free(t);
	canned_world_free(w);
}

/* Expired everywhere in example.test: the NODATA proof too. */
static void
test_expired_nodata_proof(void **state)
{
	struct canned_spec spec = { .with_aaaa = true,
	    .zone = { -DAYS(40), -DAYS(10) } };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);

	(void)state;
	assert_int_equal(canned_count(dnssec(t), FINDING_SIG_EXPIRED), 3);
	assert_message_has(canned_nth(dnssec(t), FINDING_SIG_EXPIRED, 2),
	    "NSEC RRset of www.example.test");
	triage_free(t);
	canned_world_free(w);
}

/* Each server's answer for www.example.test A replaced by p's copies. */
static void
set_answers(struct canned_world *w, ldns_pkt *p)
{
	size_t i;

	for (i = 0; i < w->sv->nauth; i++) {
		probe_result_free(w->sv->auth[i].answer[0]);
		w->sv->auth[i].answer[0] = canned_result(ldns_pkt_clone(p),
		    w->sv->auth[i].text);
	}
	ldns_pkt_free(p);
}

/* An alias is what the zone signs: a CNAME whose target does not exist
 * (NXDOMAIN, the proof is about the target), and a DNAME with the CNAME
 * synthesized from it (unsigned, RFC 6672). */
static void
test_aliases_are_checked_as_aliases(void **state)
{
	const struct canned_window win = { 0, 0 };
	struct canned_spec spec = { 0 };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in;
	struct triage *t;
	ldns_pkt *p;

	(void)state;
	p = canned_pkt("www.example.test", LDNS_RR_TYPE_A, true,
	    LDNS_RCODE_NXDOMAIN);
	canned_add_signed(w, p, LDNS_SECTION_ANSWER, "www.example.test. 3600 "
	    "IN CNAME gone.example.test.", KEY_ZONE_ZSK, win);
	set_answers(w, p);
	in = canned_input(w);
	t = run_dnssec(&in);
	assert_int_equal(canned_problems(dnssec(t)), 0);
	assert_int_equal(canned_count(dnssec(t), FINDING_DNSSEC_SECURE), 1);
	triage_free(t);

	p = canned_pkt("www.example.test", LDNS_RR_TYPE_A, true,
	    LDNS_RCODE_NOERROR);
	canned_add_signed(w, p, LDNS_SECTION_ANSWER, "example.test. 3600 IN "
	    "DNAME example.net.", KEY_ZONE_ZSK, win);
	canned_pkt_add(p, LDNS_SECTION_ANSWER, "www.example.test. 3600 IN CNAME "
	    "www.example.net.");
	set_answers(w, p);
	t = run_dnssec(&in);
	assert_int_equal(canned_problems(dnssec(t)), 0);
	assert_int_equal(canned_count(dnssec(t), FINDING_DNSSEC_SECURE), 1);
	triage_free(t);

	/* The same DNAME unsigned is a missing signature. */
	p = canned_pkt("www.example.test", LDNS_RR_TYPE_A, true,
	    LDNS_RCODE_NOERROR);
	canned_pkt_add(p, LDNS_SECTION_ANSWER, "example.test. 3600 IN DNAME "
	    "example.net.");
	canned_pkt_add(p, LDNS_SECTION_ANSWER, "www.example.test. 3600 IN CNAME "
	    "www.example.net.");
	set_answers(w, p);
	t = run_dnssec(&in);
	assert_message_has(canned_nth(dnssec(t), FINDING_RRSIG_MISSING, 0),
	    "The DNAME RRset of example.test carries no signature by "
	    "example.test");
	triage_free(t);
	canned_world_free(w);
}

/* The anchor names a key the root does not have (a root key rollover
 * missed): the chain cannot start. */
static void
test_stale_trust_anchor(void **state)
{
	struct canned_spec spec = { 0 };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in;
	struct triage *t;
	const struct finding *f;
	ldns_rr *rogue = ldns_key2rr(ldns_key_list_key(w->keys[KEY_ROGUE], 0));

	(void)state;
	ldns_rdf_deep_free(ldns_rr_owner(rogue));
	ldns_rr_set_owner(rogue, ldns_dname_new_frm_str("."));
	ldns_rr_list_deep_free(w->anchor.rrs);
	w->anchor.rrs = ldns_rr_list_new();
	ldns_rr_list_push_rr(w->anchor.rrs, rogue);
	in = canned_input(w);
	t = run_dnssec(&in);
	f = canned_nth(dnssec(t), FINDING_DS_MISMATCH, 0);
	assert_message_has(f, "None of the keys of the trust anchor");
	assert_tag_in(f, w->tags[KEY_ROOT_KSK]);
	canned_assert_fact(f, FACT_ZONE, ".");
	triage_free(t);
	canned_world_free(w);
}

static void
test_insecure_delegation_is_no_alarm(void **state)
{
	struct canned_spec spec = { .insecure = true };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);
	const struct finding *f;

	(void)state;
	assert_int_equal(canned_problems(dnssec(t)), 0);
	assert_int_equal(canned_count(dnssec(t), FINDING_DNSSEC_SECURE), 0);
	f = canned_nth(dnssec(t), FINDING_DNSSEC_INSECURE, 0);
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_message_has(f, "example.test is not signed: the delegation from "
	    "test (127.0.2.1#53) has no DS record, and test proves it with "
	    "NSEC");
	canned_assert_fact(f, FACT_ZONE, "example.test");
	assert_int_equal(verdict_of(t), FAILURE_HEALTHY);
	triage_free(t);
	canned_world_free(w);
}

/* --- signatures out of their window ------------------------------------- */

static void
test_expired_signatures(void **state)
{
	struct canned_spec spec = { .zone = { -DAYS(40), -DAYS(10) } };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);
	const struct finding *keys, *answer;

	(void)state;
	assert_int_equal(canned_count(dnssec(t), FINDING_DNSSEC_SECURE), 0);
	/* The zone's DNSKEY RRset, then its A RRset (ns1 and ns2 alike). */
	assert_int_equal(canned_count(dnssec(t), FINDING_SIG_EXPIRED), 2);
	keys = canned_nth(dnssec(t), FINDING_SIG_EXPIRED, 0);
	assert_int_equal(keys->severity, SEVERITY_CRITICAL);
	assert_message_has(keys, "DNSKEY RRset of example.test");
	assert_message_has(keys, "expired on 2025-12-22 00:00:00 UTC");
	assert_message_has(keys, "ECDSAP256SHA256");
	assert_tag_in(keys, w->tags[KEY_ZONE_KSK]);
	canned_assert_fact(keys, FACT_ZONE, "example.test");
	canned_assert_fact(keys, FACT_WHEN, "2025-12-22 00:00:00 UTC");
	assert_string_equal(keys->server, "127.0.3.1#53");
	answer = canned_nth(dnssec(t), FINDING_SIG_EXPIRED, 1);
	assert_message_has(answer, "A RRset of www.example.test");
	assert_tag_in(answer, w->tags[KEY_ZONE_ZSK]);
	assert_message_has(answer, "ns1.example.test (127.0.3.1#53), "
	    "ns2.example.test (127.0.3.2#53)");
	assert_int_equal(dnssec(t)->status, STEP_CRITICAL);
	assert_int_equal(verdict_of(t), FAILURE_DNSSEC_BOGUS);
	assert_string_equal(verdict_fact(&t->verdict, FACT_ZONE),
	    "example.test");
	triage_free(t);
	canned_world_free(w);
}

static void
test_signature_not_yet_valid(void **state)
{
	struct canned_spec spec = { .zone = { DAYS(2), DAYS(30) } };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);
	const struct finding *f;

	(void)state;
	assert_int_equal(canned_count(dnssec(t), FINDING_SIG_NOT_YET_VALID), 2);
	f = canned_nth(dnssec(t), FINDING_SIG_NOT_YET_VALID, 0);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_message_has(f, "not valid before 2026-01-03 00:00:00 UTC");
	canned_assert_fact(f, FACT_ZONE, "example.test");
	canned_assert_fact(f, FACT_WHEN, "2026-01-03 00:00:00 UTC");
	assert_int_equal(verdict_of(t), FAILURE_DNSSEC_BOGUS);
	triage_free(t);
	canned_world_free(w);
}

static void
test_signatures_expiring_in_five_days(void **state)
{
	struct canned_spec spec = { .zone = { -DAYS(1), DAYS(5) } };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);
	const struct finding *f;
	size_t i;

	(void)state;
	assert_int_equal(canned_count(dnssec(t), FINDING_DNSSEC_SECURE), 1);
	assert_int_equal(canned_count(dnssec(t), FINDING_SIG_EXPIRING), 2);
	for (i = 0; i < 2; i++) {
		f = canned_nth(dnssec(t), FINDING_SIG_EXPIRING, i);
		assert_int_equal(f->severity, SEVERITY_WARNING);
		canned_assert_fact(f, FACT_ZONE, "example.test");
		canned_assert_fact(f, FACT_SECONDS, "432000");
		canned_assert_fact(f, FACT_WHEN, "2026-01-06 00:00:00 UTC");
		assert_message_has(f, "expire on 2026-01-06 00:00:00 UTC, in 5 "
		    "days");
	}
	assert_message_has(canned_nth(dnssec(t), FINDING_SIG_EXPIRING, 0),
	    "DNSKEY RRset of example.test");
	assert_message_has(canned_nth(dnssec(t), FINDING_SIG_EXPIRING, 1),
	    "A RRset of www.example.test");
	assert_int_equal(canned_problems(dnssec(t)), 2);
	assert_int_equal(dnssec(t)->status, STEP_WARNING);
	assert_int_equal(verdict_of(t), FAILURE_DNSSEC_EXPIRING);
	assert_string_equal(verdict_fact(&t->verdict, FACT_SECONDS), "432000");
	assert_string_equal(verdict_fact(&t->verdict, FACT_WHEN),
	    "2026-01-06 00:00:00 UTC");
	triage_free(t);
	canned_world_free(w);
}

/* --at: the same healthy world judged 20 days later expires in 10 days
 * everywhere; 31 days later it is expired everywhere. */
static void
test_forecast_with_at(void **state)
{
	struct canned_spec spec = { 0 };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t;
	const struct finding *f;

	(void)state;
	in.now = CANNED_NOW + DAYS(20);
	in.at_given = true;
	t = run_dnssec(&in);
	/* . DNSKEY, test DS, test DNSKEY, example.test DS and DNSKEY, A */
	assert_int_equal(canned_count(dnssec(t), FINDING_SIG_EXPIRING), 6);
	f = canned_nth(dnssec(t), FINDING_SIG_EXPIRING, 0);
	canned_assert_fact(f, FACT_SECONDS, "864000");
	canned_assert_fact(f, FACT_WHEN, "2026-01-31 00:00:00 UTC");
	assert_int_equal(verdict_of(t), FAILURE_DNSSEC_EXPIRING);
	triage_free(t);

	in.now = CANNED_NOW + DAYS(31);
	t = run_dnssec(&in);
	assert_int_equal(canned_count(dnssec(t), FINDING_SIG_EXPIRED), 6);
	f = canned_nth(dnssec(t), FINDING_SIG_EXPIRED, 0);
	assert_message_has(f, "DNSKEY RRset of .");
	canned_assert_fact(f, FACT_ZONE, ".");
	canned_assert_fact(f, FACT_WHEN, "2026-01-31 00:00:00 UTC");
	assert_int_equal(canned_count(dnssec(t), FINDING_SIG_EXPIRING), 0);
	assert_int_equal(verdict_of(t), FAILURE_DNSSEC_BOGUS);
	triage_free(t);
	canned_world_free(w);
}

/* --- broken links ------------------------------------------------------- */

static void
test_ds_matches_no_key(void **state)
{
	struct canned_spec spec = { .rogue_ds = true };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);
	const struct finding *f;

	(void)state;
	assert_int_equal(canned_count(dnssec(t), FINDING_DS_MISMATCH), 1);
	assert_int_equal(canned_problems(dnssec(t)), 1);
	f = canned_nth(dnssec(t), FINDING_DS_MISMATCH, 0);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_message_has(f, "The DS records of example.test at test");
	/* Both sides: the DS's key tag, and the zone's keys. */
	assert_tag_in(f, w->tags[KEY_ROGUE]);
	assert_tag_in(f, w->tags[KEY_ZONE_KSK]);
	assert_tag_in(f, w->tags[KEY_ZONE_ZSK]);
	assert_message_has(f, "SHA-256");
	canned_assert_fact(f, FACT_ZONE, "example.test");
	assert_int_equal(verdict_of(t), FAILURE_DNSSEC_BOGUS);
	triage_free(t);
	canned_world_free(w);
}

static void
test_dnskey_missing(void **state)
{
	struct canned_spec spec = { .zone_no_dnskey = true };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);
	const struct finding *f;

	(void)state;
	f = canned_nth(dnssec(t), FINDING_DNSKEY_MISSING, 0);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_message_has(f, "example.test has DS records at test");
	assert_tag_in(f, w->tags[KEY_ZONE_KSK]);
	canned_assert_fact(f, FACT_ZONE, "example.test");
	assert_int_equal(verdict_of(t), FAILURE_DNSSEC_BOGUS);
	triage_free(t);
	canned_world_free(w);
}

static void
test_changed_record_fails_its_signature(void **state)
{
	struct canned_spec spec = { .tamper_answer = true };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);
	const struct finding *f;

	(void)state;
	f = canned_nth(dnssec(t), FINDING_SIG_INVALID, 0);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_message_has(f, "A RRset of www.example.test");
	assert_tag_in(f, w->tags[KEY_ZONE_ZSK]);
	assert_int_equal(verdict_of(t), FAILURE_DNSSEC_BOGUS);
	triage_free(t);
	canned_world_free(w);
}

static void
test_nxdomain_with_broken_nsec_proof(void **state)
{
	struct canned_spec spec = { .answer = CANNED_NXDOMAIN_BROKEN };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t = run_dnssec(&in);
	const struct finding *f;

	(void)state;
	assert_int_equal(canned_count(dnssec(t), FINDING_BAD_DENIAL), 1);
	f = canned_nth(dnssec(t), FINDING_BAD_DENIAL, 0);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_message_has(f, "The NXDOMAIN answer for nosuch.example.test A "
	    "from ns1.example.test (127.0.3.1#53), ns2.example.test "
	    "(127.0.3.2#53) carries NSEC/NSEC3 records that do not prove it");
	canned_assert_fact(f, FACT_ZONE, "example.test");
	assert_int_equal(verdict_of(t), FAILURE_DNSSEC_BOGUS);
	triage_free(t);
	canned_world_free(w);
}

/* --- the resolvers ------------------------------------------------------ */

static void
test_validation_failure_with_ede(void **state)
{
	struct canned_spec spec = { .zone = { -DAYS(40), -DAYS(10) } };
	struct canned_world *w = canned_world_new(&spec);
	struct probe_result *plain = resolver_answer(LDNS_RCODE_SERVFAIL, false,
	    "127.0.5.1#53");
	struct step_input in;
	struct triage *t;
	const struct finding *f;
	char *cmd;

	(void)state;
	canned_pkt_ede(plain->pkt, 7, "signature expired");
	add_resolver(w->sv, "127.0.5.1#53", plain,
	    resolver_answer(LDNS_RCODE_NOERROR, false, "127.0.5.1#53"));
	in = canned_input(w);
	t = run_dnssec(&in);
	f = dnssec(t)->findings[0];
	assert_int_equal(f->code, FINDING_VALIDATION_FAILURE);
	assert_message_has(f, "Extended DNS Error 7 (Signature Expired): "
	    "\"signature expired\"");
	assert_int_equal(f->nede, 1);
	assert_int_equal(f->ede[0], 7);
	canned_assert_fact(f, FACT_ADDRESS, "127.0.5.1");
	canned_assert_fact(f, FACT_ZONE, "example.test");
	assert_int_equal(canned_count(dnssec(t), FINDING_SIG_EXPIRED), 2);
	assert_int_equal(verdict_of(t), FAILURE_DNSSEC_BOGUS);
	assert_string_equal(verdict_fact(&t->verdict, FACT_ADDRESS),
	    "127.0.5.1");
	cmd = verdict_recovery_command(&t->verdict, 0);
	assert_string_equal(cmd, "dig @127.0.5.1 www.example.test A +dnssec +cd");
	free(cmd);
	triage_free(t);
	canned_world_free(w);
}

static void
test_ad_flag_against_the_chain(void **state)
{
	struct canned_spec good = { 0 };
	struct canned_spec expired = { .zone = { -DAYS(40), -DAYS(10) } };
	struct canned_world *w = canned_world_new(&good);
	struct step_input in;
	struct triage *t;
	const struct finding *f;

	(void)state;
	add_resolver(w->sv, "127.0.5.1#53",
	    resolver_answer(LDNS_RCODE_NOERROR, true, "127.0.5.1#53"), NULL);
	in = canned_input(w);
	t = run_dnssec(&in);
	f = canned_nth(dnssec(t), FINDING_RESOLVER_AD, 0);
	assert_int_equal(f->severity, SEVERITY_OK);
	assert_int_equal(canned_problems(dnssec(t)), 0);
	triage_free(t);
	canned_world_free(w);

	w = canned_world_new(&expired);
	add_resolver(w->sv, "127.0.5.1#53",
	    resolver_answer(LDNS_RCODE_NOERROR, true, "127.0.5.1#53"), NULL);
	in = canned_input(w);
	t = run_dnssec(&in);
	assert_int_equal(canned_count(dnssec(t), FINDING_RESOLVER_AD), 0);
	f = canned_nth(dnssec(t), FINDING_AD_UNSUPPORTED, 0);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_message_has(f, "127.0.5.1#53 sets the AD flag on its answer for "
	    "www.example.test A, but the chain of trust is broken at "
	    "example.test");
	assert_string_equal(f->server, "127.0.5.1#53");
	triage_free(t);
	canned_world_free(w);
}

/* --- partial data, no anchor, time arithmetic --------------------------- */

static void
test_running_while_keys_are_out(void **state)
{
	struct canned_spec spec = { 0 };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t;

	(void)state;
	probe_result_free(w->sv->levels[2].dnskey);
	w->sv->levels[2].dnskey = NULL;
	in.final = false;
	t = run_dnssec(&in);
	assert_int_equal(dnssec(t)->status, STEP_RUNNING);
	assert_int_equal(dnssec(t)->nfindings, 0);
	triage_free(t);

	/* Done, and the keys never came: not checked, no alarm. */
	w->sv->levels[2].dnskey = canned_timeout("127.0.3.1#53");
	in.final = true;
	t = run_dnssec(&in);
	assert_int_equal(canned_problems(dnssec(t)), 0);
	assert_message_has(canned_nth(dnssec(t), FINDING_DNSSEC_UNVERIFIED, 0),
	    "could not be checked at example.test");
	triage_free(t);
	canned_world_free(w);
}

static void
test_no_anchor_is_unverified(void **state)
{
	struct canned_spec spec = { 0 };
	struct canned_world *w = canned_world_new(&spec);
	struct step_input in = canned_input(w);
	struct triage *t;

	(void)state;
	in.anchor = NULL;
	t = run_dnssec(&in);
	assert_int_equal(canned_problems(dnssec(t)), 0);
	assert_int_equal(dnssec(t)->nfindings, 1);
	assert_message_has(canned_nth(dnssec(t), FINDING_DNSSEC_UNVERIFIED, 0),
	    "no trust anchor is loaded");
	triage_free(t);
	canned_world_free(w);
}

/* RFC 4034 3.1.5: the 32-bit time nearest to now, across the wrap of
 * 2106-02-07. */
static void
test_rrsig_times_are_serial_numbers(void **state)
{
	const time_t wrap = (time_t)0x100000000LL;

	(void)state;
	assert_true(sizeof(time_t) >= 8);
	assert_int_equal(chain_rrsig_time((uint32_t)(CANNED_NOW + 10),
	    CANNED_NOW), CANNED_NOW + 10);
	assert_int_equal(chain_rrsig_time((uint32_t)(CANNED_NOW - 10),
	    CANNED_NOW), CANNED_NOW - 10);
	assert_int_equal(chain_rrsig_time(5, wrap - 5), wrap + 5);
	assert_int_equal(chain_rrsig_time(0xfffffffbu, wrap + 5), wrap - 5);
	assert_int_equal(chain_rrsig_time(0, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_chain_is_secure),
		cmocka_unit_test(test_valid_chain_with_dnskey_anchor),
		cmocka_unit_test(test_nxdomain_with_valid_nsec_proof),
		cmocka_unit_test(test_nodata_with_valid_nsec_proof),
		cmocka_unit_test(test_expired_nodata_proof),
		cmocka_unit_test(test_aliases_are_checked_as_aliases),
		cmocka_unit_test(test_stale_trust_anchor),
		cmocka_unit_test(test_insecure_delegation_is_no_alarm),
		cmocka_unit_test(test_expired_signatures),
		cmocka_unit_test(test_signature_not_yet_valid),
		cmocka_unit_test(test_signatures_expiring_in_five_days),
		cmocka_unit_test(test_forecast_with_at),
		cmocka_unit_test(test_ds_matches_no_key),
		cmocka_unit_test(test_dnskey_missing),
		cmocka_unit_test(test_changed_record_fails_its_signature),
		cmocka_unit_test(test_nxdomain_with_broken_nsec_proof),
		cmocka_unit_test(test_validation_failure_with_ede),
		cmocka_unit_test(test_ad_flag_against_the_chain),
		cmocka_unit_test(test_running_while_keys_are_out),
		cmocka_unit_test(test_no_anchor_is_unverified),
		cmocka_unit_test(test_rrsig_times_are_serial_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
