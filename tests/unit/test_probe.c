/* test_probe.c - the probe engine's pure half against canned packets built
 * with ldns: which messages are the answer, the query on the wire, the TC
 * fallback decision, the dig command. No socket is opened here; the engine
 * itself meets real servers in tests/lab/test_engine.sh. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/probe.h"

#define SERVER "192.0.2.53"
#define ID 0x4d2e

static struct probe_spec server;	/* only its address is used */
static ldns_rdf *qname;
static struct probe_expect expect;

static int
setup(void **state)
{
	(void)state;
	probe_spec_init(&server);
	if (!probe_spec_set_server(&server, SERVER, 53))
		return -1;
	if (ldns_str2rdf_dname(&qname, "www.example.test.") != LDNS_STATUS_OK)
		return -1;
	expect.server = (const struct sockaddr *)&server.server;
	expect.server_len = server.server_len;
	expect.id = ID;
	expect.qname = qname;
	expect.type = LDNS_RR_TYPE_A;
	expect.rr_class = LDNS_RR_CLASS_IN;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	ldns_rdf_deep_free(qname);
	return 0;
}

/* A response to the expected question, or to the one given. */
struct reply {
	uint16_t id;
	const char *name;
	ldns_rr_type type;
	ldns_rr_class cls;
	bool qr, tc;
	ldns_pkt_rcode rcode;
	bool no_question;
};

static const struct reply good = {
	ID, "www.example.test.", LDNS_RR_TYPE_A, LDNS_RR_CLASS_IN, true, false,
	LDNS_RCODE_NOERROR, false
};

static uint8_t *
make_reply(const struct reply *r, size_t *len)
{
	ldns_rdf *name = NULL;
	ldns_pkt *pkt;
	ldns_rr *rr = NULL;
	uint8_t *wire = NULL;

	assert_int_equal(ldns_str2rdf_dname(&name, r->name), LDNS_STATUS_OK);
	pkt = ldns_pkt_query_new(name, r->type, r->cls, 0);
	assert_non_null(pkt);
	ldns_pkt_set_id(pkt, r->id);
	ldns_pkt_set_qr(pkt, r->qr);
	ldns_pkt_set_tc(pkt, r->tc);
	ldns_pkt_set_aa(pkt, true);
	ldns_pkt_set_rcode(pkt, (uint8_t)r->rcode);
	assert_int_equal(ldns_rr_new_frm_str(&rr,
	    "www.example.test. 300 IN A 192.0.2.1", 0, NULL, NULL),
	    LDNS_STATUS_OK);
	ldns_pkt_push_rr(pkt, LDNS_SECTION_ANSWER, rr);
	if (r->no_question) {
		ldns_rr_list_deep_free(ldns_pkt_question(pkt));
		ldns_pkt_set_question(pkt, ldns_rr_list_new());
		ldns_pkt_set_qdcount(pkt, 0);
	}
	assert_int_equal(ldns_pkt2wire(&wire, pkt, len), LDNS_STATUS_OK);
	ldns_pkt_free(pkt);
	return wire;
}

static enum probe_match
match_from(const struct reply *r, const char *addr, uint16_t port)
{
	struct probe_spec from;
	enum probe_match m;
	ldns_pkt *pkt = NULL;
	uint8_t *wire;
	size_t len;

	probe_spec_init(&from);
	assert_true(probe_spec_set_server(&from, addr, port));
	wire = make_reply(r, &len);
	m = probe_match_reply(&expect, wire, len,
	    (const struct sockaddr *)&from.server, from.server_len, &pkt);
	if (m == PROBE_MATCH_OK) {
		assert_non_null(pkt);
		assert_int_equal(ldns_pkt_id(pkt), ID);
	} else {
		assert_null(pkt);
	}
	ldns_pkt_free(pkt);
	free(wire);
	return m;
}

static enum probe_match
match(const struct reply *r)
{
	return match_from(r, SERVER, 53);
}

/* --- which message is the answer --------------------------------------- */

static void
test_match_accepts_the_answer(void **state)
{
	(void)state;
	assert_int_equal(match(&good), PROBE_MATCH_OK);
}

static void
test_match_rejects_wrong_id(void **state)
{
	struct reply r = good;

	(void)state;
	r.id = ID + 1;
	assert_int_equal(match(&r), PROBE_MATCH_WRONG_ID);
}

static void
test_match_rejects_wrong_name(void **state)
{
	struct reply r = good;

	(void)state;
	r.name = "mail.example.test.";
	assert_int_equal(match(&r), PROBE_MATCH_WRONG_QUESTION);
}

static void
test_match_rejects_wrong_type(void **state)
{
	struct reply r = good;

	(void)state;
	r.type = LDNS_RR_TYPE_AAAA;
	assert_int_equal(match(&r), PROBE_MATCH_WRONG_QUESTION);
}

static void
test_match_rejects_wrong_class(void **state)
{
	struct reply r = good;

	(void)state;
	r.cls = LDNS_RR_CLASS_CH;
	assert_int_equal(match(&r), PROBE_MATCH_WRONG_QUESTION);
}

static void
test_match_ignores_name_case(void **state)
{
	struct reply r = good;

	(void)state;
	r.name = "WwW.ExAmPlE.TEST.";
	assert_int_equal(match(&r), PROBE_MATCH_OK);
}

static void
test_match_rejects_wrong_source_address(void **state)
{
	(void)state;
	assert_int_equal(match_from(&good, "192.0.2.54", 53),
	    PROBE_MATCH_WRONG_SOURCE);
	assert_int_equal(match_from(&good, "::ffff:192.0.2.53", 53),
	    PROBE_MATCH_WRONG_SOURCE);
}

static void
test_match_rejects_wrong_source_port(void **state)
{
	(void)state;
	assert_int_equal(match_from(&good, SERVER, 5353),
	    PROBE_MATCH_WRONG_SOURCE);
}

static void
test_match_over_tcp_skips_source(void **state)
{
	uint8_t *wire;
	size_t len;

	(void)state;
	wire = make_reply(&good, &len);
	assert_int_equal(probe_match_reply(&expect, wire, len, NULL, 0, NULL),
	    PROBE_MATCH_OK);
	free(wire);
}

static void
test_match_rejects_queries(void **state)
{
	struct reply r = good;

	(void)state;
	r.qr = false;
	assert_int_equal(match(&r), PROBE_MATCH_NOT_A_RESPONSE);
}

static void
test_match_empty_question_only_in_errors(void **state)
{
	struct reply r = good;

	(void)state;
	r.no_question = true;
	assert_int_equal(match(&r), PROBE_MATCH_WRONG_QUESTION);
	r.rcode = LDNS_RCODE_FORMERR;
	assert_int_equal(match(&r), PROBE_MATCH_OK);
	r.rcode = LDNS_RCODE_REFUSED;
	assert_int_equal(match(&r), PROBE_MATCH_OK);
}

static void
test_match_rejects_two_questions(void **state)
{
	uint8_t *wire;
	size_t len;

	(void)state;
	wire = make_reply(&good, &len);
	ldns_write_uint16(wire + 4, 2);
	assert_int_equal(probe_match_reply(&expect, wire, len, NULL, 0, NULL),
	    PROBE_MATCH_WRONG_QUESTION);
	free(wire);
}

static void
test_match_short_messages_are_malformed(void **state)
{
	static const uint8_t header_only[11] = { 0x4d, 0x2e, 0x80 };
	uint8_t *wire;
	size_t len;

	(void)state;
	assert_int_equal(probe_match_reply(&expect, NULL, 0, NULL, 0, NULL),
	    PROBE_MATCH_MALFORMED);
	assert_int_equal(probe_match_reply(&expect, header_only, 0, NULL, 0,
	    NULL), PROBE_MATCH_MALFORMED);
	assert_int_equal(probe_match_reply(&expect, header_only,
	    sizeof(header_only), NULL, 0, NULL), PROBE_MATCH_MALFORMED);
	/* The question cut short. */
	wire = make_reply(&good, &len);
	assert_int_equal(probe_match_reply(&expect, wire, 20, NULL, 0, NULL),
	    PROBE_MATCH_MALFORMED);
	assert_int_equal(probe_match_reply(&expect, wire, 12 + 18 + 2, NULL, 0,
	    NULL), PROBE_MATCH_MALFORMED);
	free(wire);
}

static void
test_match_cut_answer_is_malformed_unless_tc(void **state)
{
	struct reply r = good;
	ldns_pkt *pkt = (ldns_pkt *)1;
	uint8_t *wire;
	size_t len;

	(void)state;
	wire = make_reply(&r, &len);
	assert_int_equal(probe_match_reply(&expect, wire, len - 3, NULL, 0,
	    &pkt), PROBE_MATCH_MALFORMED);
	assert_null(pkt);
	free(wire);

	r.tc = true;
	wire = make_reply(&r, &len);
	pkt = (ldns_pkt *)1;
	assert_int_equal(probe_match_reply(&expect, wire, len - 3, NULL, 0,
	    &pkt), PROBE_MATCH_OK);
	assert_null(pkt);	/* the TCP retry will tell */
	free(wire);
}

static void
test_match_compression_loop_is_malformed(void **state)
{
	uint8_t wire[12 + 2 + 4] = { 0x4d, 0x2e, 0x80, 0x00, 0, 1 };

	(void)state;
	wire[12] = 0xc0;	/* pointer to itself */
	wire[13] = 12;
	assert_int_equal(probe_match_reply(&expect, wire, sizeof(wire), NULL,
	    0, NULL), PROBE_MATCH_MALFORMED);
}

/* Random bytes with our ID and QR=1: any verdict, never a crash or a read
 * past the end (valgrind and ASan watch this one). */
static void
test_match_survives_garbage(void **state)
{
	enum probe_match m;
	ldns_pkt *pkt;
	uint8_t *buf;
	size_t len, i;
	unsigned seed = 7;
	int round;

	(void)state;
	for (round = 0; round < 3000; round++) {
		len = (size_t)rand_r(&seed) % 300;
		buf = malloc(len == 0 ? 1 : len);
		assert_non_null(buf);
		for (i = 0; i < len; i++)
			buf[i] = (uint8_t)rand_r(&seed);
		if (len >= 6) {
			buf[0] = ID >> 8;
			buf[1] = ID & 0xff;
			buf[2] |= 0x80;
			buf[4] = 0;
			buf[5] = 1;
		}
		pkt = NULL;
		m = probe_match_reply(&expect, buf, len, NULL, 0, &pkt);
		assert_true(m < PROBE_MATCH_COUNT);
		if (m != PROBE_MATCH_OK)
			assert_null(pkt);
		ldns_pkt_free(pkt);
		free(buf);
	}
}

/* --- TC fallback -------------------------------------------------------- */

static void
test_tc_over_udp_retries_over_tcp(void **state)
{
	struct reply r = good;
	uint8_t *wire;
	size_t len;

	(void)state;
	r.tc = true;
	wire = make_reply(&r, &len);
	assert_true(probe_should_retry_tcp(PROBE_UDP, wire, len));
	assert_false(probe_should_retry_tcp(PROBE_TCP, wire, len));
	free(wire);
}

static void
test_no_tc_no_retry(void **state)
{
	uint8_t *wire;
	size_t len;

	(void)state;
	wire = make_reply(&good, &len);
	assert_false(probe_should_retry_tcp(PROBE_UDP, wire, len));
	assert_false(probe_should_retry_tcp(PROBE_UDP, wire, 11));
	assert_false(probe_should_retry_tcp(PROBE_UDP, NULL, 0));
	free(wire);
}

/* --- the query on the wire ---------------------------------------------- */

static ldns_pkt *
built(const struct probe_spec *spec, uint16_t id)
{
	uint8_t *wire;
	size_t len;
	ldns_pkt *pkt = NULL;

	assert_true(probe_build_query(spec, id, &wire, &len));
	assert_int_equal(ldns_wire2pkt(&pkt, wire, len), LDNS_STATUS_OK);
	free(wire);
	return pkt;
}

static void
test_build_query_defaults_like_dig(void **state)
{
	struct probe_spec s = server;
	ldns_pkt *pkt;
	ldns_rr *q;

	(void)state;
	s.name = "www.example.test";
	pkt = built(&s, 0xbeef);
	assert_int_equal(ldns_pkt_id(pkt), 0xbeef);
	assert_false(ldns_pkt_qr(pkt));
	assert_true(ldns_pkt_rd(pkt));
	assert_true(ldns_pkt_ad(pkt));
	assert_false(ldns_pkt_cd(pkt));
	assert_int_equal(ldns_pkt_edns_udp_size(pkt), 1232);
	assert_false(ldns_pkt_edns_do(pkt));
	assert_int_equal(ldns_pkt_qdcount(pkt), 1);
	q = ldns_rr_list_rr(ldns_pkt_question(pkt), 0);
	assert_int_equal(ldns_rr_get_type(q), LDNS_RR_TYPE_A);
	assert_int_equal(ldns_dname_compare(ldns_rr_owner(q), qname), 0);
	ldns_pkt_free(pkt);
}

static void
test_build_query_flags_and_edns(void **state)
{
	static const struct probe_edns_option opts[] = {
		{ LDNS_EDNS_NSID, 0, NULL },
		{ LDNS_EDNS_EXPIRE, 0, NULL },
	};
	struct probe_spec s = server;
	ldns_edns_option_list *list;
	ldns_pkt *pkt;

	(void)state;
	s.qname = qname;
	s.type = LDNS_RR_TYPE_SOA;
	s.rd = false;
	s.ad = false;
	s.cd = true;
	s.dnssec_ok = true;
	s.edns_bufsize = 4096;
	s.edns_options = opts;
	s.n_edns_options = 2;
	pkt = built(&s, 1);
	assert_false(ldns_pkt_rd(pkt));
	assert_false(ldns_pkt_ad(pkt));
	assert_true(ldns_pkt_cd(pkt));
	assert_true(ldns_pkt_edns_do(pkt));
	assert_int_equal(ldns_pkt_edns_udp_size(pkt), 4096);
	list = ldns_pkt_edns_get_option_list(pkt);
	assert_non_null(list);
	assert_int_equal(ldns_edns_option_list_get_count(list), 2);
	assert_int_equal(ldns_edns_get_code(
	    ldns_edns_option_list_get_option(list, 0)), LDNS_EDNS_NSID);
	assert_int_equal(ldns_edns_get_code(
	    ldns_edns_option_list_get_option(list, 1)), LDNS_EDNS_EXPIRE);
	ldns_pkt_free(pkt);
}

static void
test_build_query_without_edns(void **state)
{
	struct probe_spec s = server;
	ldns_pkt *pkt;

	(void)state;
	s.name = "www.example.test";
	s.edns_bufsize = 0;
	pkt = built(&s, 2);
	assert_false(ldns_pkt_edns(pkt));
	assert_int_equal(ldns_pkt_arcount(pkt), 0);
	ldns_pkt_free(pkt);
}

static void
test_build_query_rejects_bad_specs(void **state)
{
	struct probe_spec s = server;
	uint8_t *wire = (uint8_t *)1;
	size_t len = 1;

	(void)state;
	s.name = "www.example.test";
	s.edns_bufsize = 0;
	s.dnssec_ok = true;		/* DO lives in the OPT record */
	errno = 0;
	assert_false(probe_build_query(&s, 1, &wire, &len));
	assert_int_equal(errno, EINVAL);
	assert_null(wire);
	assert_int_equal(len, 0);

	s = server;
	s.name = "bad..name";
	assert_false(probe_build_query(&s, 1, &wire, &len));
	s.name = NULL;
	assert_false(probe_build_query(&s, 1, &wire, &len));
	s = server;
	s.name = "www.example.test";
	s.server_len = 0;
	assert_false(probe_build_query(&s, 1, &wire, &len));
}

/* --- the equivalent dig command ----------------------------------------- */

static const char *
dig(const struct probe_spec *s)
{
	static char buf[512];

	assert_true(probe_render_dig(s, buf, sizeof(buf)));
	return buf;
}

static void
test_dig_defaults_show_only_our_timing(void **state)
{
	struct probe_spec s = server;

	(void)state;
	s.name = "www.example.test";
	assert_string_equal(dig(&s),
	    "dig @192.0.2.53 www.example.test A +time=1 +tries=2");
	s.name = "www.example.test.";
	s.timeout_ms = 15000;
	s.tries = 3;
	assert_string_equal(dig(&s), "dig @192.0.2.53 www.example.test A");
}

static void
test_dig_all_flags_over_tcp_on_a_port(void **state)
{
	struct probe_spec s;

	(void)state;
	probe_spec_init(&s);
	assert_true(probe_spec_set_server(&s, "127.0.0.1", 5353));
	s.name = "www.example.test";
	s.rd = false;
	s.dnssec_ok = true;
	s.cd = true;
	s.transport = PROBE_TCP;
	assert_string_equal(dig(&s), "dig @127.0.0.1 -p 5353 www.example.test "
	    "A +norec +cd +dnssec +tcp +time=2 +tries=1");
	s.ad = false;
	s.edns_bufsize = 4096;
	s.timeout_ms = 5000;
	assert_string_equal(dig(&s), "dig @127.0.0.1 -p 5353 www.example.test "
	    "A +norec +noadflag +cd +dnssec +bufsize=4096 +tcp +tries=1");
}

static void
test_dig_ipv6_server_type_and_class(void **state)
{
	struct probe_spec s;

	(void)state;
	probe_spec_init(&s);
	assert_true(probe_spec_set_server(&s, "::1", 53));
	s.name = "version.bind";
	s.type = LDNS_RR_TYPE_TXT;
	s.rr_class = LDNS_RR_CLASS_CH;
	s.edns_bufsize = 0;
	assert_string_equal(dig(&s),
	    "dig @::1 version.bind TXT CH +noedns +time=1 +tries=2");
	s.type = (ldns_rr_type)65280;
	s.rr_class = LDNS_RR_CLASS_IN;
	assert_string_equal(dig(&s),
	    "dig @::1 version.bind TYPE65280 +noedns +time=1 +tries=2");
	assert_true(probe_spec_set_server(&s, "2001:db8::53", 8053));
	s.type = LDNS_RR_TYPE_AAAA;
	assert_string_equal(dig(&s), "dig @2001:db8::53 -p 8053 version.bind "
	    "AAAA +noedns +time=1 +tries=2");
}

static void
test_dig_keeps_the_dot_of_single_labels(void **state)
{
	struct probe_spec s = server;

	(void)state;
	s.name = "ch";		/* without the dot dig reads a class */
	s.type = LDNS_RR_TYPE_SOA;
	assert_string_equal(dig(&s),
	    "dig @192.0.2.53 ch. SOA +time=1 +tries=2");
	s.name = ".";
	s.type = LDNS_RR_TYPE_NS;
	assert_string_equal(dig(&s), "dig @192.0.2.53 . NS +time=1 +tries=2");
}

static void
test_dig_edns_options(void **state)
{
	static const uint8_t cafe[] = { 0xca, 0xfe };
	const struct probe_edns_option opts[] = {
		{ LDNS_EDNS_NSID, 0, NULL },
		{ LDNS_EDNS_EXPIRE, 0, NULL },
		{ 65001, 2, cafe },
		{ 65002, 0, NULL },
	};
	struct probe_spec s = server;

	(void)state;
	s.name = "example.test";
	s.type = LDNS_RR_TYPE_SOA;
	s.edns_options = opts;
	s.n_edns_options = 4;
	assert_string_equal(dig(&s), "dig @192.0.2.53 example.test SOA +nsid "
	    "+expire +ednsopt=65001:cafe +ednsopt=65002 +time=1 +tries=2");
}

static void
test_dig_quotes_names_for_the_shell(void **state)
{
	struct probe_spec s = server;

	(void)state;
	s.name = "o'brien.example.test";
	assert_string_equal(dig(&s),
	    "dig @192.0.2.53 'o'\\''brien.example.test' A +time=1 +tries=2");
	s.name = "a\\032b.example.test";	/* a space, escaped by ldns */
	assert_string_equal(dig(&s), "dig @192.0.2.53 'a\\032b.example.test' "
	    "A +time=1 +tries=2");
	s.name = "$(reboot).example.test";
	/* ldns escapes the parentheses; dig reads the escapes back. */
	assert_string_equal(dig(&s),
	    "dig @192.0.2.53 '$\\(reboot\\).example.test' A +time=1 +tries=2");
}

static void
test_dig_refuses_what_does_not_fit(void **state)
{
	struct probe_spec s = server;
	char buf[16] = "x";

	(void)state;
	s.name = "www.example.test";
	assert_false(probe_render_dig(&s, buf, sizeof(buf)));
	assert_string_equal(buf, "");
	s.name = NULL;
	assert_false(probe_render_dig(&s, buf, sizeof(buf)));
}

/* --- names and addresses ------------------------------------------------ */

static void
test_format_server(void **state)
{
	struct probe_spec s;
	char buf[PROBE_SERVER_STRLEN];

	(void)state;
	probe_spec_init(&s);
	assert_true(probe_spec_set_server(&s, "127.0.3.2", 53));
	assert_true(probe_format_server((const struct sockaddr *)&s.server,
	    s.server_len, buf, sizeof(buf)));
	assert_string_equal(buf, "127.0.3.2#53");
	assert_true(probe_spec_set_server(&s, "::1", 5353));
	assert_true(probe_format_server((const struct sockaddr *)&s.server,
	    s.server_len, buf, sizeof(buf)));
	assert_string_equal(buf, "::1#5353");
	assert_false(probe_spec_set_server(&s, "ns1.example.test", 53));
	assert_false(probe_format_server((const struct sockaddr *)&s.server,
	    s.server_len, buf, sizeof(buf)));
}

static void
test_outcome_and_match_codes(void **state)
{
	(void)state;
	assert_string_equal(probe_outcome_code(PROBE_ANSWER), "answer");
	assert_string_equal(probe_outcome_code(PROBE_REFUSED_PORT),
	    "port-unreachable");
	assert_string_equal(probe_outcome_code(PROBE_LOCAL_ERROR),
	    "local-error");
	assert_string_equal(probe_outcome_code(PROBE_OUTCOME_COUNT), "?");
	assert_string_equal(probe_outcome_msgid(PROBE_OUTCOME_COUNT), "");
	assert_true(strlen(probe_outcome_msgid(PROBE_TIMEOUT)) > 0);
	assert_string_equal(probe_match_code(PROBE_MATCH_WRONG_ID), "wrong-id");
	assert_string_equal(probe_match_code(PROBE_MATCH_COUNT), "?");
	assert_true(strlen(probe_match_msgid(PROBE_MATCH_WRONG_SOURCE)) > 0);
}

/* --- the engine without the network ------------------------------------ */

static void
test_engine_refuses_bad_specs(void **state)
{
	struct probe_engine *e = probe_engine_new();
	struct probe_spec s = server;

	(void)state;
	assert_non_null(e);
	s.name = "bad..name";
	errno = 0;
	assert_null(probe_submit(e, &s, NULL, NULL));
	assert_int_equal(errno, EINVAL);
	s.name = "www.example.test";
	s.server_len = 0;
	assert_null(probe_submit(e, &s, NULL, NULL));
	assert_int_equal(probe_engine_pending(e), 0);
	probe_engine_free(e);
}

static void
test_idle_engine_does_not_wait(void **state)
{
	struct probe_engine *e = probe_engine_new();
	struct pollfd fds[4];

	(void)state;
	assert_non_null(e);
	assert_int_equal(probe_engine_timeout_ms(e), -1);
	assert_int_equal(probe_engine_pollfds(e, fds, 4), 0);
	probe_engine_handle(e, fds, 0);
	assert_true(probe_engine_run(e, 1000));
	probe_engine_free(e);
}

/* The test guard's idea of loopback: 127/8, ::1, and IPv4-mapped 127/8
 * (those packets go out as IPv4 to 127.x); nothing else. */
static void
test_loopback_addresses(void **state)
{
	static const struct {
		const char *text;
		bool loopback;
	} cases[] = {
		{ "127.0.0.1", true }, { "127.255.1.2", true },
		{ "128.0.0.1", false }, { "10.0.0.1", false },
		{ "::1", true }, { "::2", false }, { "fd53:1ab::1", false },
		{ "::ffff:127.0.6.1", true }, { "::ffff:10.0.0.1", false },
		{ "::127.0.0.1", false }, { "2001:db8::1", false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sockaddr_storage ss;
		socklen_t len;

		assert_true(probe_sockaddr_from_text(cases[i].text, 53, &ss,
		    &len));
		if (probe_is_loopback((const struct sockaddr *)&ss) !=
		    cases[i].loopback)
			fail_msg("%s: loopback should be %d", cases[i].text,
			    cases[i].loopback);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_accepts_the_answer),
		cmocka_unit_test(test_match_rejects_wrong_id),
		cmocka_unit_test(test_match_rejects_wrong_name),
		cmocka_unit_test(test_match_rejects_wrong_type),
		cmocka_unit_test(test_match_rejects_wrong_class),
		cmocka_unit_test(test_match_ignores_name_case),
		cmocka_unit_test(test_match_rejects_wrong_source_address),
		cmocka_unit_test(test_match_rejects_wrong_source_port),
		cmocka_unit_test(test_match_over_tcp_skips_source),
		cmocka_unit_test(test_match_rejects_queries),
		cmocka_unit_test(test_match_empty_question_only_in_errors),
		cmocka_unit_test(test_match_rejects_two_questions),
		cmocka_unit_test(test_match_short_messages_are_malformed),
		cmocka_unit_test(test_match_cut_answer_is_malformed_unless_tc),
		cmocka_unit_test(test_match_compression_loop_is_malformed),
		cmocka_unit_test(test_match_survives_garbage),
		cmocka_unit_test(test_tc_over_udp_retries_over_tcp),
		cmocka_unit_test(test_no_tc_no_retry),
		cmocka_unit_test(test_build_query_defaults_like_dig),
		cmocka_unit_test(test_build_query_flags_and_edns),
		cmocka_unit_test(test_build_query_without_edns),
		cmocka_unit_test(test_build_query_rejects_bad_specs),
		cmocka_unit_test(test_dig_defaults_show_only_our_timing),
		cmocka_unit_test(test_dig_all_flags_over_tcp_on_a_port),
		cmocka_unit_test(test_dig_ipv6_server_type_and_class),
		cmocka_unit_test(test_dig_keeps_the_dot_of_single_labels),
		cmocka_unit_test(test_dig_edns_options),
		cmocka_unit_test(test_dig_quotes_names_for_the_shell),
		cmocka_unit_test(test_dig_refuses_what_does_not_fit),
		cmocka_unit_test(test_format_server),
		cmocka_unit_test(test_outcome_and_match_codes),
		cmocka_unit_test(test_engine_refuses_bad_specs),
		cmocka_unit_test(test_idle_engine_does_not_wait),
		cmocka_unit_test(test_loopback_addresses),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
