/* test_referral.c - classifying one server's response in an iterative
 * walk, against canned packets built with ldns: answers, negative
 * answers, referrals down, up and sideways, glue and DNSSEC records, and
 * the hostile and broken messages real servers send. Each packet is freed
 * before the result is read: what the result holds must be its own. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/referral.h"

#define NOERROR LDNS_RCODE_NOERROR
#define NXDOMAIN LDNS_RCODE_NXDOMAIN
#define AA true
#define NO_AA false

/* A response with this RCODE and AA bit; each string is one RR in
 * zone-file form after its section: "qd:" (question), "an:", "ns:" or
 * "ar:". */
#define RESPONSE(rcode, aa, ...) \
	response((rcode), (aa), (const char *const[]){ __VA_ARGS__, NULL })

static ldns_pkt *
response(ldns_pkt_rcode rcode, bool aa, const char *const *rrs)
{
	ldns_pkt *p = ldns_pkt_new();
	ldns_rr *rr;
	ldns_pkt_section sec = LDNS_SECTION_ANSWER;
	size_t i;

	assert_non_null(p);
	ldns_pkt_set_qr(p, true);
	ldns_pkt_set_aa(p, aa);
	ldns_pkt_set_rcode(p, (uint8_t)rcode);
	for (i = 0; rrs[i] != NULL; i++) {
		const char *text = rrs[i] + 3;
		ldns_status st;

		rr = NULL;
		if (strncmp(rrs[i], "qd:", 3) == 0) {
			sec = LDNS_SECTION_QUESTION;
			st = ldns_rr_new_question_frm_str(&rr, text, NULL, NULL);
		} else {
			if (strncmp(rrs[i], "an:", 3) == 0)
				sec = LDNS_SECTION_ANSWER;
			else if (strncmp(rrs[i], "ns:", 3) == 0)
				sec = LDNS_SECTION_AUTHORITY;
			else if (strncmp(rrs[i], "ar:", 3) == 0)
				sec = LDNS_SECTION_ADDITIONAL;
			else
				fail_msg("no section in \"%s\"", rrs[i]);
			st = ldns_rr_new_frm_str(&rr, text, 3600, NULL, NULL);
		}
		if (st != LDNS_STATUS_OK)
			fail_msg("\"%s\": %s", rrs[i], ldns_get_errorstr_by_id(st));
		assert_true(ldns_pkt_push_rr(p, sec, rr));
	}
	return p;
}

static ldns_rdf *
dn(const char *s)
{
	ldns_rdf *d = NULL;

	assert_int_equal(ldns_str2rdf_dname(&d, s), LDNS_STATUS_OK);
	return d;
}

/* Classify p (freed here: the result must outlive it) as a response of
 * a server of zone to qname/qtype. */
static enum referral_kind
classify(ldns_pkt *p, const char *zone, const char *qname,
    ldns_rr_type qtype, struct referral *r)
{
	ldns_rdf *z = dn(zone), *q = dn(qname);
	enum referral_kind k;

	k = referral_classify(p, z, q, qtype, r);
	assert_int_equal(r->kind, k);
	ldns_rdf_deep_free(z);
	ldns_rdf_deep_free(q);
	ldns_pkt_free(p);
	return k;
}

#define assert_kind(k, want) \
	assert_string_equal(referral_kind_str(k), referral_kind_str(want))

static void
assert_name(const ldns_rdf *d, const char *want)
{
	char *s;

	assert_non_null(d);
	s = ldns_rdf2str(d);
	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static size_t
count(const ldns_rr_list *l)
{
	return ldns_rr_list_rr_count(l);
}

/* How many glue addresses r has for nsname (at most 8). */
static size_t
glue_count(const struct referral *r, const char *nsname)
{
	ldns_rr *out[8];
	ldns_rdf *n = dn(nsname);
	size_t got = referral_glue_for(r, n, out, 8);

	ldns_rdf_deep_free(n);
	return got;
}

/* Every pointer is NULL: what an answer without extras, LAME and ERROR
 * leave. */
static void
assert_no_records(const struct referral *r)
{
	assert_null(r->child);
	assert_null(r->ns);
	assert_null(r->glue);
	assert_null(r->ds);
	assert_null(r->ds_sigs);
	assert_false(r->ds_denied);
	assert_null(r->denial);
	assert_null(r->cname_target);
	assert_null(r->soa);
	assert_int_equal(r->negative_ttl, 0);
}

/* --- no message, empty messages, error codes ---------------------------- */

static void
test_null_packet_is_error(void **state)
{
	struct referral r;
	ldns_rdf *z = dn("."), *q = dn("www.example.test.");
	ldns_pkt *p = RESPONSE(NOERROR, AA, NULL);

	(void)state;
	assert_int_equal(referral_classify(NULL, z, q, LDNS_RR_TYPE_A, &r),
	    REFERRAL_ERROR);
	assert_int_equal(r.rcode, -1);
	assert_no_records(&r);
	assert_int_equal(referral_classify(p, NULL, q, LDNS_RR_TYPE_A, &r),
	    REFERRAL_ERROR);
	assert_int_equal(referral_classify(p, z, NULL, LDNS_RR_TYPE_A, &r),
	    REFERRAL_ERROR);
	assert_int_equal(r.rcode, -1);
	assert_int_equal(referral_classify(p, z, q, LDNS_RR_TYPE_A, NULL),
	    REFERRAL_ERROR);
	ldns_pkt_free(p);
	ldns_rdf_deep_free(z);
	ldns_rdf_deep_free(q);
}

static void
test_empty_packet_is_lame(void **state)
{
	struct referral r;
	ldns_pkt *p = ldns_pkt_new();

	(void)state;
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_LAME);
	assert_int_equal(r.rcode, LDNS_RCODE_NOERROR);
	assert_false(r.aa);
	assert_no_records(&r);
	referral_free(&r);
}

static void
test_question_only_is_lame(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA, "qd:www.example.test. IN A");

	(void)state;
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_LAME);
	assert_no_records(&r);
	referral_free(&r);
}

/* AA and nothing else: the server says the name exists, without data. */
static void
test_question_only_with_aa_is_nodata(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA, "qd:www.example.test. IN A");

	(void)state;
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_NODATA);
	assert_true(r.aa);
	assert_no_records(&r);
	referral_free(&r);
}

static void
test_refused_and_notauth_are_lame(void **state)
{
	static const ldns_pkt_rcode codes[] = {
		LDNS_RCODE_REFUSED, LDNS_RCODE_NOTAUTH
	};
	struct referral r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		/* even with AA and a referral: the RCODE decides */
		ldns_pkt *p = RESPONSE(codes[i], AA,
		    "ns:example.test. NS ns1.example.test.");

		assert_kind(classify(p, "test.", "www.example.test.",
		    LDNS_RR_TYPE_A, &r), REFERRAL_LAME);
		assert_int_equal(r.rcode, codes[i]);
		assert_no_records(&r);
		referral_free(&r);
	}
}

static void
test_servfail_formerr_notimp_are_errors(void **state)
{
	static const ldns_pkt_rcode codes[] = {
		LDNS_RCODE_SERVFAIL, LDNS_RCODE_FORMERR, LDNS_RCODE_NOTIMPL,
		LDNS_RCODE_YXDOMAIN
	};
	struct referral r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		ldns_pkt *p = RESPONSE(codes[i], AA,
		    "an:www.example.test. A 192.0.2.1");

		assert_kind(classify(p, "example.test.", "www.example.test.",
		    LDNS_RR_TYPE_A, &r), REFERRAL_ERROR);
		assert_int_equal(r.rcode, codes[i]);
		assert_true(r.aa);
		assert_no_records(&r);
		referral_free(&r);
	}
}

/* BADVERS (16) has NOERROR in the header and its upper bits in OPT. */
static void
test_extended_rcode_is_error(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA, "an:www.example.test. A 192.0.2.1");

	(void)state;
	ldns_pkt_set_edns_udp_size(p, 1232);
	ldns_pkt_set_edns_extended_rcode(p, 1);
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_ERROR);
	assert_int_equal(r.rcode, 16);
	referral_free(&r);
}

/* --- authoritative answers ---------------------------------------------- */

static void
test_aa_answer(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA,
	    "qd:www.example.test. IN A",
	    "an:www.example.test. 300 A 192.0.2.80",
	    "ns:example.test. NS ns1.example.test.",
	    "ns:example.test. NS ns2.example.test.",
	    "ar:ns1.example.test. A 192.0.2.1",
	    "ar:ns2.example.test. AAAA 2001:db8::2");

	(void)state;
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_ANSWER);
	assert_int_equal(r.rcode, LDNS_RCODE_NOERROR);
	assert_true(r.aa);
	assert_null(r.child);
	assert_null(r.cname_target);
	assert_null(r.soa);
	assert_int_equal(count(r.ns), 2);
	assert_int_equal(count(r.glue), 2);
	assert_int_equal(glue_count(&r, "ns2.example.test."), 1);
	referral_free(&r);
}

/* A server of both test. and example.test. answers from the child: NS in
 * authority make it no referral. */
static void
test_aa_answer_with_child_ns_is_answer(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA,
	    "an:www.example.test. A 192.0.2.80",
	    "ns:example.test. NS ns1.example.test.",
	    "ns:example.test. NS ns2.example.test.",
	    "ns:example.test. NS ns3.example.test.");

	(void)state;
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_ANSWER);
	assert_null(r.child);
	assert_int_equal(count(r.ns), 3);
	assert_name(ldns_rr_owner(ldns_rr_list_rr(r.ns, 0)), "example.test.");
	assert_null(r.glue);
	referral_free(&r);
}

/* Answers for other names are not an answer to this question. */
static void
test_aa_answer_for_another_name_is_not_an_answer(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA,
	    "an:mail.example.test. A 192.0.2.25",
	    "an:www.example.test. AAAA 2001:db8::80",
	    "ns:example.test. 3600 SOA ns1.example.test. h.example.test. "
	    "1 7200 900 1209600 300");

	(void)state;
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_NODATA);
	assert_non_null(r.soa);
	referral_free(&r);
}

static void
test_aa_cname_answer(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA,
	    "an:www.example.test. CNAME web.example.net.");

	(void)state;
	assert_kind(classify(p, "example.test.", "WWW.Example.TEST.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_ANSWER);
	assert_name(r.cname_target, "web.example.net.");
	assert_null(r.child);
	referral_free(&r);
}

static void
test_any_query_takes_any_type(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA,
	    "an:example.test. MX 10 mail.example.test.");

	(void)state;
	assert_kind(classify(p, "example.test.", "example.test.",
	    LDNS_RR_TYPE_ANY, &r), REFERRAL_ANSWER);
	assert_null(r.cname_target);
	referral_free(&r);
}

/* Asked for the CNAME itself, there is nothing to chase. */
static void
test_cname_is_the_answer_to_a_cname_query(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA,
	    "an:www.example.test. CNAME web.example.net.");

	(void)state;
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_CNAME, &r), REFERRAL_ANSWER);
	assert_null(r.cname_target);
	referral_free(&r);
}

/* RFC 6604: the NXDOMAIN is about the CNAME's target, not qname. */
static void
test_cname_to_a_missing_name_is_an_answer(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NXDOMAIN, AA,
	    "an:www.example.test. CNAME gone.example.test.",
	    "ns:example.test. SOA ns1.example.test. h.example.test. "
	    "1 7200 900 1209600 300");

	(void)state;
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_ANSWER);
	assert_int_equal(r.rcode, LDNS_RCODE_NXDOMAIN);
	assert_name(r.cname_target, "gone.example.test.");
	referral_free(&r);
}

static void
test_dname_answer_gives_the_synthesized_target(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA,
	    "an:example.test. DNAME example.net.",
	    "an:www.example.test. CNAME www.example.net.");

	(void)state;
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_ANSWER);
	assert_name(r.cname_target, "www.example.net.");
	referral_free(&r);
}

/* The DNAME decides where qname goes, not a CNAME beside it, and not its
 * absence either. */
static void
test_dname_target_is_computed_not_copied(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA,
	    "an:sub.example.test. DNAME other.example.",
	    "an:a.b.sub.example.test. CNAME evil.example.org.");

	(void)state;
	assert_kind(classify(p, "example.test.", "a.b.sub.example.test.",
	    LDNS_RR_TYPE_AAAA, &r), REFERRAL_ANSWER);
	assert_name(r.cname_target, "a.b.other.example.");
	referral_free(&r);

	p = RESPONSE(NOERROR, AA, "an:sub.example.test. DNAME other.example.");
	assert_kind(classify(p, "example.test.", "x.sub.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_ANSWER);
	assert_name(r.cname_target, "x.other.example.");
	referral_free(&r);
}

/* A server of example.test. cannot hold a DNAME at the root: that would
 * redirect every name. Ignored; with AA and nothing else it is NODATA. */
static void
test_dname_outside_the_zone_is_ignored(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA, "an:. DNAME evil.example.");

	(void)state;
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_NODATA);
	assert_null(r.cname_target);
	referral_free(&r);
}

/* A DNAME whose synthesis would be longer than 255 octets (the server
 * owes YXDOMAIN then): an answer with no target to chase. */
static void
test_dname_overflow_gives_no_target(void **state)
{
	static const char l63[] =
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	struct referral r;
	char dname[300], qname[300];
	ldns_pkt *p;

	(void)state;
	/* 128 octets of qname above the DNAME + a 193-octet target > 255 */
	snprintf(dname, sizeof(dname), "an:d.example.test. DNAME %s.%s.%s.",
	    l63, l63, l63);
	snprintf(qname, sizeof(qname), "%s.%s.d.example.test.", l63, l63);
	p = RESPONSE(NOERROR, AA, dname);
	assert_kind(classify(p, "example.test.", qname, LDNS_RR_TYPE_A, &r),
	    REFERRAL_ANSWER);
	assert_null(r.cname_target);
	referral_free(&r);
}

/* --- negative answers --------------------------------------------------- */

static void
test_nodata_with_soa(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA,
	    "ns:example.test. 3600 SOA ns1.example.test. h.example.test. "
	    "2024010101 7200 900 1209600 300",
	    "ns:www.example.test. NSEC zz.example.test. A RRSIG NSEC",
	    "ns:www.example.test. RRSIG NSEC 13 3 300 20300101000000 "
	    "20240101000000 12345 example.test. AAAA");

	(void)state;
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_AAAA, &r), REFERRAL_NODATA);
	assert_non_null(r.soa);
	assert_int_equal(ldns_rr_get_type(r.soa), LDNS_RR_TYPE_SOA);
	assert_int_equal(r.negative_ttl, 300);
	assert_int_equal(count(r.denial), 2);
	assert_false(r.ds_denied);		/* not a referral */
	assert_null(r.child);
	referral_free(&r);
}

/* RFC 2308: the smaller of the SOA's TTL and its MINIMUM. */
static void
test_nxdomain_negative_ttl_is_the_minimum(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NXDOMAIN, AA,
	    "ns:example.test. 60 SOA ns1.example.test. h.example.test. "
	    "1 7200 900 1209600 900");

	(void)state;
	assert_kind(classify(p, "example.test.", "nope.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_NXDOMAIN);
	assert_int_equal(r.rcode, LDNS_RCODE_NXDOMAIN);
	assert_int_equal(r.negative_ttl, 60);
	assert_name(ldns_rr_owner(r.soa), "example.test.");
	referral_free(&r);

	p = RESPONSE(NXDOMAIN, AA,
	    "ns:example.test. 86400 SOA ns1.example.test. h.example.test. "
	    "1 7200 900 1209600 120");
	assert_kind(classify(p, "example.test.", "nope.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_NXDOMAIN);
	assert_int_equal(r.negative_ttl, 120);
	referral_free(&r);
}

/* A SOA of a zone qname is not in says nothing about qname. */
static void
test_unrelated_soa_is_ignored(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NXDOMAIN, AA,
	    "ns:example.org. 60 SOA ns.example.org. h.example.org. "
	    "1 7200 900 1209600 10");

	(void)state;
	assert_kind(classify(p, "example.test.", "nope.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_NXDOMAIN);
	assert_null(r.soa);
	assert_int_equal(r.negative_ttl, 0);
	referral_free(&r);
}

/* Some servers name the zone's NS instead of its SOA in a NODATA. */
static void
test_aa_nodata_with_the_zones_own_ns(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA,
	    "ns:example.test. NS ns1.example.test.",
	    "ar:ns1.example.test. A 192.0.2.1");

	(void)state;
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_NODATA);
	assert_null(r.child);
	assert_int_equal(count(r.ns), 1);
	assert_int_equal(count(r.glue), 1);
	referral_free(&r);
}

/* --- not authoritative -------------------------------------------------- */

/* A recursive server or cache answering: data, but not the zone's word. */
static void
test_answer_without_aa_is_lame(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "an:www.example.test. A 192.0.2.80",
	    "ns:example.test. NS ns1.example.test.");

	(void)state;
	ldns_pkt_set_ra(p, true);
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_LAME);
	assert_false(r.aa);
	assert_no_records(&r);
	referral_free(&r);
}

static void
test_negative_answers_without_aa_are_lame(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:example.test. SOA ns1.example.test. h.example.test. "
	    "1 7200 900 1209600 300");

	(void)state;
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_LAME);
	assert_null(r.soa);
	referral_free(&r);

	p = RESPONSE(NXDOMAIN, NO_AA,
	    "ns:example.test. SOA ns1.example.test. h.example.test. "
	    "1 7200 900 1209600 300");
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_LAME);
	assert_int_equal(r.rcode, LDNS_RCODE_NXDOMAIN);
	assert_null(r.soa);
	referral_free(&r);
}

/* --- delegations -------------------------------------------------------- */

static void
test_delegation_from_the_root(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "qd:www.example.test. IN A",
	    "ns:test. 172800 NS a.nic.test.",
	    "ns:test. 172800 NS b.nic.test.",
	    "ar:a.nic.test. A 192.0.2.10",
	    "ar:a.nic.test. AAAA 2001:db8::10",
	    "ar:b.nic.test. A 192.0.2.11");

	(void)state;
	assert_kind(classify(p, ".", "www.example.test.", LDNS_RR_TYPE_A, &r),
	    REFERRAL_DELEGATION);
	assert_false(r.aa);
	assert_name(r.child, "test.");
	assert_int_equal(count(r.ns), 2);
	assert_int_equal(count(r.glue), 3);
	assert_int_equal(glue_count(&r, "a.nic.test."), 2);
	assert_int_equal(glue_count(&r, "A.NIC.TEST."), 2);
	assert_int_equal(glue_count(&r, "b.nic.test."), 1);
	assert_null(r.ds);
	assert_false(r.ds_denied);
	assert_null(r.soa);
	referral_free(&r);
}

/* Asking the parent for the child's apex: a referral to it. */
static void
test_delegation_for_the_zone_apex(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:example.test. NS ns1.example.test.",
	    "ar:ns1.example.test. A 192.0.2.1");

	(void)state;
	assert_kind(classify(p, "test.", "example.test.", LDNS_RR_TYPE_SOA,
	    &r), REFERRAL_DELEGATION);
	assert_name(r.child, "example.test.");
	assert_int_equal(count(r.glue), 1);
	referral_free(&r);
}

static void
test_names_compare_without_case(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:EXAMPLE.Test. NS ns1.EXAMPLE.test.",
	    "ar:NS1.example.TEST. A 192.0.2.1");

	(void)state;
	assert_kind(classify(p, "TEST.", "www.exAMple.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_DELEGATION);
	assert_name(r.child, "example.test.");	/* lower-cased */
	assert_int_equal(count(r.ns), 1);
	assert_int_equal(count(r.glue), 1);
	assert_int_equal(glue_count(&r, "ns1.example.test."), 1);
	referral_free(&r);
}

/* Of mixed NS owners, the deepest one on the path to qname below zone. */
static void
test_mixed_owners_take_the_deepest_on_the_path(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:. NS a.root-servers.net.",
	    "ns:other.test. NS ns.other.test.",
	    "ns:example.test. NS ns.example.test.",
	    "ns:sub.example.test. NS ns1.sub.example.test.",
	    "ns:sub.example.test. NS ns2.sub.example.test.",
	    "ns:deeper.www.sub.example.test. NS ns.deeper.test.",
	    "ar:ns.example.test. A 192.0.2.1",
	    "ar:ns1.sub.example.test. A 192.0.2.2");

	(void)state;
	assert_kind(classify(p, "test.", "www.sub.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_DELEGATION);
	assert_name(r.child, "sub.example.test.");
	assert_int_equal(count(r.ns), 2);
	/* only the glue of the NS taken */
	assert_int_equal(count(r.glue), 1);
	assert_int_equal(glue_count(&r, "ns.example.test."), 0);
	referral_free(&r);
}

/* Out-of-bailiwick glue would let a .test server place addresses for
 * names it does not serve: dropped, and so are addresses no NS names. */
static void
test_out_of_bailiwick_glue_is_dropped(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:example.test. NS ns1.example.test.",
	    "ns:example.test. NS ns.victim.example.",
	    "ns:example.test. NS ns.sibling.test.",
	    "ar:ns1.example.test. A 192.0.2.1",
	    "ar:ns.victim.example. A 203.0.113.66",
	    "ar:ns.victim.example. AAAA 2001:db8::66",
	    "ar:ns.sibling.test. A 192.0.2.3",
	    "ar:www.bank.test. A 203.0.113.67");

	(void)state;
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_DELEGATION);
	assert_int_equal(count(r.ns), 3);
	assert_int_equal(count(r.glue), 2);
	assert_int_equal(glue_count(&r, "ns1.example.test."), 1);
	assert_int_equal(glue_count(&r, "ns.sibling.test."), 1);
	assert_int_equal(glue_count(&r, "ns.victim.example."), 0);
	assert_int_equal(glue_count(&r, "www.bank.test."), 0);
	referral_free(&r);
}

static void
test_glue_for_gives_both_families_up_to_cap(void **state)
{
	struct referral r;
	ldns_rr *out[2] = { NULL, NULL };
	ldns_rdf *name = dn("ns1.example.test.");
	char *s;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:example.test. NS ns1.example.test.",
	    "ns:example.test. NS ns2.example.test.",
	    "ar:ns2.example.test. A 192.0.2.2",
	    "ar:ns1.example.test. A 192.0.2.1",
	    "ar:ns1.example.test. AAAA 2001:db8::1");

	(void)state;
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_DELEGATION);
	assert_int_equal(referral_glue_for(&r, name, out, 2), 2);
	s = ldns_rdf2str(ldns_rr_rdf(out[0], 0));
	assert_string_equal(s, "192.0.2.1");
	free(s);
	assert_int_equal(ldns_rr_get_type(out[1]), LDNS_RR_TYPE_AAAA);
	out[1] = NULL;
	assert_int_equal(referral_glue_for(&r, name, out, 1), 1);
	assert_null(out[1]);
	assert_int_equal(referral_glue_for(&r, name, out, 0), 0);
	assert_int_equal(referral_glue_for(&r, NULL, out, 2), 0);
	assert_int_equal(referral_glue_for(NULL, name, out, 2), 0);
	referral_free(&r);
	assert_int_equal(referral_glue_for(&r, name, out, 2), 0);
	ldns_rdf_deep_free(name);
}

/* Some servers set AA on referrals; Unbound follows them too. */
static void
test_aa_referral_without_soa_is_a_delegation(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA,
	    "ns:example.test. NS ns1.example.test.");

	(void)state;
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_DELEGATION);
	assert_true(r.aa);
	assert_name(r.child, "example.test.");
	referral_free(&r);
}

static void
test_signed_referral_carries_ds(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:example.test. NS ns1.example.test.",
	    "ns:example.test. 86400 DS 12345 13 2 "
	    "49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE6D3E5C4F0D8A3F0F2C3B4A59",
	    "ns:example.test. 86400 RRSIG DS 13 2 86400 20300101000000 "
	    "20240101000000 4242 test. AAAA",
	    "ns:other.test. 86400 RRSIG NS 13 2 86400 20300101000000 "
	    "20240101000000 4242 test. AAAA");

	(void)state;
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_DELEGATION);
	assert_int_equal(count(r.ds), 1);
	assert_int_equal(ldns_rr_get_type(ldns_rr_list_rr(r.ds, 0)),
	    LDNS_RR_TYPE_DS);
	assert_int_equal(count(r.ds_sigs), 1);
	assert_false(r.ds_denied);
	assert_null(r.denial);
	referral_free(&r);
}

static void
test_referral_with_nsec_and_no_ds_is_denied(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:example.test. NS ns1.example.test.",
	    "ns:example.test. 3600 NSEC f.test. NS RRSIG NSEC",
	    "ns:example.test. 3600 RRSIG NSEC 13 2 3600 20300101000000 "
	    "20240101000000 4242 test. AAAA",
	    /* not the parent's to deny: out of zone */
	    "ns:example.org. 3600 NSEC z.example.org. NS");

	(void)state;
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_DELEGATION);
	assert_null(r.ds);
	assert_null(r.ds_sigs);
	assert_true(r.ds_denied);
	assert_int_equal(count(r.denial), 2);
	referral_free(&r);
}

static void
test_referral_with_nsec3_and_no_ds_is_denied(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:example.test. NS ns1.example.test.",
	    "ns:0p9mhaveqvm6t7vbl5lop2u3t2rp3tom.test. 3600 NSEC3 1 1 0 - "
	    "0p9mhaveqvm6t7vbl5lop2u3t2rp3ton NS");

	(void)state;
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_DELEGATION);
	assert_true(r.ds_denied);
	assert_int_equal(count(r.denial), 1);
	referral_free(&r);
}

/* An RRSIG over NSEC without the NSEC is no denial. */
static void
test_rrsig_alone_is_no_denial(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:example.test. NS ns1.example.test.",
	    "ns:example.test. 3600 RRSIG NSEC 13 2 3600 20300101000000 "
	    "20240101000000 4242 test. AAAA");

	(void)state;
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_DELEGATION);
	assert_false(r.ds_denied);
	assert_int_equal(count(r.denial), 1);
	referral_free(&r);
}

/* --- lame referrals: up and sideways ------------------------------------ */

/* A TLD server that points back at the root. */
static void
test_root_ns_from_a_tld_server_is_upward(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:. 518400 NS a.root-servers.net.",
	    "ns:. 518400 NS b.root-servers.net.",
	    "ar:a.root-servers.net. A 198.41.0.4",
	    "ar:b.root-servers.net. A 170.247.170.2");

	(void)state;
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_UPWARD);
	assert_name(r.child, ".");
	assert_int_equal(count(r.ns), 2);
	assert_null(r.glue);		/* not under test. */
	referral_free(&r);
}

static void
test_referral_to_the_zone_itself_is_upward(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:Example.Test. NS ns1.example.test.");

	(void)state;
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_UPWARD);
	assert_name(r.child, "example.test.");
	referral_free(&r);
}

/* A root server that refers to the root: the root zone has no parent. */
static void
test_root_referral_to_the_root_is_upward(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA, "ns:. NS a.root-servers.net.",
	    "ar:a.root-servers.net. A 198.41.0.4");

	(void)state;
	assert_kind(classify(p, ".", "www.example.test.", LDNS_RR_TYPE_A, &r),
	    REFERRAL_UPWARD);
	assert_name(r.child, ".");
	assert_int_equal(count(r.glue), 1);	/* everything is under . */
	referral_free(&r);
}

/* An authoritative server claiming a zone above the one it serves. */
static void
test_aa_referral_above_the_zone_is_upward(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, AA, "ns:test. NS a.nic.test.");

	(void)state;
	assert_kind(classify(p, "example.test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_UPWARD);
	assert_name(r.child, "test.");
	referral_free(&r);
}

static void
test_referral_off_the_path_is_sideways(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:other.test. NS ns.other.test.",
	    "ar:ns.other.test. A 192.0.2.9");

	(void)state;
	/* below zone, but not above qname */
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_SIDEWAYS);
	assert_name(r.child, "other.test.");
	assert_int_equal(count(r.glue), 1);
	referral_free(&r);

	p = RESPONSE(NOERROR, NO_AA, "ns:example.org. NS ns.example.org.",
	    "ar:ns.example.org. A 203.0.113.5");
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_SIDEWAYS);
	assert_name(r.child, "example.org.");
	assert_null(r.glue);
	referral_free(&r);
}

/* Nothing on the path: upward is the better-known lameness to report. */
static void
test_upward_wins_over_sideways(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:example.org. NS ns.example.org.",
	    "ns:. NS a.root-servers.net.");

	(void)state;
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_UPWARD);
	assert_name(r.child, ".");
	assert_int_equal(count(r.ns), 1);
	referral_free(&r);
}

/* --- broken records on the wire ----------------------------------------- */

/* An NS with empty RDATA parses (ldns allows it) and names nothing. */
static void
test_ns_without_rdata_is_ignored(void **state)
{
	static const uint8_t wire[] = {
		0x00, 0x01, 0x80, 0x00, 0, 0, 0, 0, 0, 1, 0, 1,
		/* authority: example.test. NS, RDLENGTH 0 */
		7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 4, 't', 'e', 's', 't', 0,
		0, 2, 0, 1, 0, 0, 0x0e, 0x10, 0, 0,
		/* additional: ns1.example.test. A, RDLENGTH 0 */
		3, 'n', 's', '1', 0xc0, 12, 0, 1, 0, 1, 0, 0, 0x0e, 0x10, 0, 0,
	};
	struct referral r;
	ldns_pkt *p = NULL;

	(void)state;
	assert_int_equal(ldns_wire2pkt(&p, wire, sizeof(wire)), LDNS_STATUS_OK);
	assert_int_equal(ldns_rr_rd_count(ldns_rr_list_rr(
	    ldns_pkt_authority(p), 0)), 0);
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_LAME);
	assert_no_records(&r);
	referral_free(&r);
}

/* Of an NS RRset, only the RRs that name a server are kept. */
static void
test_broken_ns_in_a_good_rrset_is_dropped(void **state)
{
	static const uint8_t wire[] = {
		0x00, 0x01, 0x80, 0x00, 0, 0, 0, 0, 0, 2, 0, 0,
		/* example.test. NS, RDLENGTH 0 */
		7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 4, 't', 'e', 's', 't', 0,
		0, 2, 0, 1, 0, 0, 0x0e, 0x10, 0, 0,
		/* example.test. NS ns1.example.test. */
		0xc0, 12, 0, 2, 0, 1, 0, 0, 0x0e, 0x10, 0, 6,
		3, 'n', 's', '1', 0xc0, 12,
	};
	struct referral r;
	ldns_pkt *p = NULL;

	(void)state;
	assert_int_equal(ldns_wire2pkt(&p, wire, sizeof(wire)), LDNS_STATUS_OK);
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_DELEGATION);
	assert_int_equal(count(r.ns), 1);
	assert_name(ldns_rr_rdf(ldns_rr_list_rr(r.ns, 0), 0),
	    "ns1.example.test.");
	referral_free(&r);
}

/* The same referral through the wire, as the probe engine hands it on. */
static void
test_referral_parsed_from_the_wire(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "qd:wWw.ExAmPlE.tEsT. IN A",
	    "ns:eXaMpLe.TeSt. NS Ns1.ExAmPlE.tEsT.",
	    "ar:ns1.example.test. A 192.0.2.1",
	    "ar:ns1.example.test.evil. A 203.0.113.1");
	ldns_pkt *parsed = NULL;
	uint8_t *wire = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(ldns_pkt2wire(&wire, p, &len), LDNS_STATUS_OK);
	ldns_pkt_free(p);
	assert_int_equal(ldns_wire2pkt(&parsed, wire, len), LDNS_STATUS_OK);
	free(wire);
	assert_kind(classify(parsed, "test.", "www.example.test.",
	    LDNS_RR_TYPE_A, &r), REFERRAL_DELEGATION);
	assert_name(r.child, "example.test.");
	assert_int_equal(count(r.glue), 1);
	referral_free(&r);
}

/* --- the struct and the codes ------------------------------------------- */

static void
test_free_is_safe_on_zeroed_and_twice(void **state)
{
	struct referral r;
	ldns_pkt *p = RESPONSE(NOERROR, NO_AA,
	    "ns:example.test. NS ns1.example.test.",
	    "ns:example.test. 3600 NSEC f.test. NS RRSIG NSEC",
	    "ar:ns1.example.test. A 192.0.2.1");

	(void)state;
	memset(&r, 0, sizeof(r));
	referral_free(&r);
	referral_free(NULL);
	assert_kind(classify(p, "test.", "www.example.test.", LDNS_RR_TYPE_A,
	    &r), REFERRAL_DELEGATION);
	assert_non_null(r.child);
	referral_free(&r);
	assert_null(r.child);
	assert_null(r.ns);
	assert_null(r.glue);
	assert_null(r.denial);
	referral_free(&r);
}

static void
test_kind_codes_are_stable(void **state)
{
	(void)state;
	assert_int_equal(REFERRAL_KIND_COUNT, 8);
	assert_string_equal(referral_kind_str(REFERRAL_ANSWER), "answer");
	assert_string_equal(referral_kind_str(REFERRAL_NODATA), "nodata");
	assert_string_equal(referral_kind_str(REFERRAL_NXDOMAIN), "nxdomain");
	assert_string_equal(referral_kind_str(REFERRAL_DELEGATION),
	    "delegation");
	assert_string_equal(referral_kind_str(REFERRAL_UPWARD), "upward");
	assert_string_equal(referral_kind_str(REFERRAL_SIDEWAYS), "sideways");
	assert_string_equal(referral_kind_str(REFERRAL_LAME), "lame");
	assert_string_equal(referral_kind_str(REFERRAL_ERROR), "error");
	assert_string_equal(referral_kind_str(REFERRAL_KIND_COUNT), "unknown");
	assert_string_equal(referral_kind_str((enum referral_kind)-1),
	    "unknown");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_null_packet_is_error),
		cmocka_unit_test(test_empty_packet_is_lame),
		cmocka_unit_test(test_question_only_is_lame),
		cmocka_unit_test(test_question_only_with_aa_is_nodata),
		cmocka_unit_test(test_refused_and_notauth_are_lame),
		cmocka_unit_test(test_servfail_formerr_notimp_are_errors),
		cmocka_unit_test(test_extended_rcode_is_error),
		cmocka_unit_test(test_aa_answer),
		cmocka_unit_test(test_aa_answer_with_child_ns_is_answer),
		cmocka_unit_test(test_aa_answer_for_another_name_is_not_an_answer),
		cmocka_unit_test(test_aa_cname_answer),
		cmocka_unit_test(test_any_query_takes_any_type),
		cmocka_unit_test(test_cname_is_the_answer_to_a_cname_query),
		cmocka_unit_test(test_cname_to_a_missing_name_is_an_answer),
		cmocka_unit_test(test_dname_answer_gives_the_synthesized_target),
		cmocka_unit_test(test_dname_target_is_computed_not_copied),
		cmocka_unit_test(test_dname_outside_the_zone_is_ignored),
		cmocka_unit_test(test_dname_overflow_gives_no_target),
		cmocka_unit_test(test_nodata_with_soa),
		cmocka_unit_test(test_nxdomain_negative_ttl_is_the_minimum),
		cmocka_unit_test(test_unrelated_soa_is_ignored),
		cmocka_unit_test(test_aa_nodata_with_the_zones_own_ns),
		cmocka_unit_test(test_answer_without_aa_is_lame),
		cmocka_unit_test(test_negative_answers_without_aa_are_lame),
		cmocka_unit_test(test_delegation_from_the_root),
		cmocka_unit_test(test_delegation_for_the_zone_apex),
		cmocka_unit_test(test_names_compare_without_case),
		cmocka_unit_test(test_mixed_owners_take_the_deepest_on_the_path),
		cmocka_unit_test(test_out_of_bailiwick_glue_is_dropped),
		cmocka_unit_test(test_glue_for_gives_both_families_up_to_cap),
		cmocka_unit_test(test_aa_referral_without_soa_is_a_delegation),
		cmocka_unit_test(test_signed_referral_carries_ds),
		cmocka_unit_test(test_referral_with_nsec_and_no_ds_is_denied),
		cmocka_unit_test(test_referral_with_nsec3_and_no_ds_is_denied),
		cmocka_unit_test(test_rrsig_alone_is_no_denial),
		cmocka_unit_test(test_root_ns_from_a_tld_server_is_upward),
		cmocka_unit_test(test_referral_to_the_zone_itself_is_upward),
		cmocka_unit_test(test_root_referral_to_the_root_is_upward),
		cmocka_unit_test(test_aa_referral_above_the_zone_is_upward),
		cmocka_unit_test(test_referral_off_the_path_is_sideways),
		cmocka_unit_test(test_upward_wins_over_sideways),
		cmocka_unit_test(test_ns_without_rdata_is_ignored),
		cmocka_unit_test(test_broken_ns_in_a_good_rrset_is_dropped),
		cmocka_unit_test(test_referral_parsed_from_the_wire),
		cmocka_unit_test(test_free_is_safe_on_zeroed_and_twice),
		cmocka_unit_test(test_kind_codes_are_stable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
