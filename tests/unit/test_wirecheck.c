/* test_wirecheck.c - why a message does not parse, on canned wire bytes:
 * each violation a hostile server sends, that ldns indeed rejects it, and
 * that no prefix of a message is taken for a whole one. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <ldns/ldns.h>

#include "dnstriage/wirecheck.h"

#define MAX 1024

/* www.example.test A: one answer (127.0.0.80) and an SOA in authority. */
static size_t
good_message(uint8_t *out)
{
	ldns_pkt *p = NULL;
	ldns_rr *rr = NULL;
	uint8_t *wire = NULL;
	size_t len = 0;

	assert_int_equal(ldns_pkt_query_new_frm_str(&p, "www.example.test",
	    LDNS_RR_TYPE_A, LDNS_RR_CLASS_IN, LDNS_RD), LDNS_STATUS_OK);
	ldns_pkt_set_qr(p, true);
	assert_int_equal(ldns_rr_new_frm_str(&rr,
	    "www.example.test. 300 IN A 127.0.0.80", 0, NULL, NULL),
	    LDNS_STATUS_OK);
	ldns_pkt_push_rr(p, LDNS_SECTION_ANSWER, rr);
	assert_int_equal(ldns_rr_new_frm_str(&rr, "example.test. 300 IN SOA "
	    "ns1.example.test. h.example.test. 1 2 3 4 5", 0, NULL, NULL),
	    LDNS_STATUS_OK);
	ldns_pkt_push_rr(p, LDNS_SECTION_AUTHORITY, rr);
	assert_int_equal(ldns_pkt2wire(&wire, p, &len), LDNS_STATUS_OK);
	assert_true(len < MAX / 2);
	memcpy(out, wire, len);
	free(wire);
	ldns_pkt_free(p);
	return len;
}

/* Append an A record with these owner bytes to the additional section. */
static size_t
append_rr(uint8_t *w, size_t len, const uint8_t *owner, size_t olen)
{
	static const uint8_t rest[] = { 0, 1, 0, 1, 0, 0, 1, 44, 0, 4,
	    127, 0, 0, 80 };

	memcpy(w + len, owner, olen);
	memcpy(w + len + olen, rest, sizeof(rest));
	w[11]++;			/* ARCOUNT */
	return len + olen + sizeof(rest);
}

static bool
ldns_rejects(const uint8_t *w, size_t len)
{
	ldns_pkt *p = NULL;
	ldns_status st = ldns_wire2pkt(&p, w, len);

	ldns_pkt_free(p);
	return st != LDNS_STATUS_OK;
}

static void
test_good_message(void **state)
{
	uint8_t w[MAX];
	size_t len = good_message(w), where = 99;

	(void)state;
	assert_int_equal(wirecheck_message(w, len, &where), WIRECHECK_OK);
	assert_int_equal(where, 0);
	assert_false(ldns_rejects(w, len));
}

static void
test_short_header(void **state)
{
	uint8_t w[MAX];

	(void)state;
	good_message(w);
	assert_int_equal(wirecheck_message(w, 11, NULL),
	    WIRECHECK_SHORT_HEADER);
	assert_int_equal(wirecheck_message(NULL, 0, NULL),
	    WIRECHECK_SHORT_HEADER);
}

/* Cut anywhere after the header, the counts promise what is not there. */
static void
test_every_prefix_is_truncated(void **state)
{
	uint8_t w[MAX];
	size_t len = good_message(w), n;

	(void)state;
	for (n = 12; n < len; n++) {
		uint8_t *copy = malloc(n);	/* exact size: ASan sees any
						 * read past the end */

		memcpy(copy, w, n);
		assert_int_equal(wirecheck_message(copy, n, NULL),
		    WIRECHECK_TRUNCATED);
		assert_true(ldns_rejects(copy, n));
		free(copy);
	}
}

static void
test_pointer_to_itself(void **state)
{
	uint8_t w[MAX], owner[2];
	size_t len = good_message(w), where = 0, at = len;

	(void)state;
	owner[0] = (uint8_t)(0xc0 | (at >> 8));
	owner[1] = (uint8_t)(at & 0xff);
	len = append_rr(w, len, owner, 2);
	assert_int_equal(wirecheck_message(w, len, &where),
	    WIRECHECK_POINTER_LOOP);
	assert_int_equal(where, at);
	assert_true(ldns_rejects(w, len));
}

/* Two names pointing at each other: the forward pointer is the loop. */
static void
test_pointers_at_each_other(void **state)
{
	uint8_t w[MAX], owner[4];
	size_t len = good_message(w), a = len;

	(void)state;
	/* At a: a label "x", then a pointer to a + 4 (the next owner);
	 * at a + 4: a pointer back to a. */
	owner[0] = 1;
	owner[1] = 'x';
	owner[2] = (uint8_t)(0xc0 | ((a + 18) >> 8));
	owner[3] = (uint8_t)((a + 18) & 0xff);
	len = append_rr(w, len, owner, 4);
	owner[0] = (uint8_t)(0xc0 | (a >> 8));
	owner[1] = (uint8_t)(a & 0xff);
	len = append_rr(w, len, owner, 2);
	assert_int_equal(wirecheck_message(w, len, NULL),
	    WIRECHECK_POINTER_LOOP);
	assert_true(ldns_rejects(w, len));
}

static void
test_pointer_outside(void **state)
{
	uint8_t w[MAX], owner[2] = { 0xff, 0xff };
	size_t len = good_message(w);

	(void)state;
	len = append_rr(w, len, owner, 2);
	assert_int_equal(wirecheck_message(w, len, NULL),
	    WIRECHECK_POINTER_OUTSIDE);
	assert_true(ldns_rejects(w, len));
}

static void
test_label_too_long(void **state)
{
	uint8_t w[MAX], owner[70];
	size_t len = good_message(w);

	(void)state;
	owner[0] = 64;
	memset(owner + 1, 'x', 64);
	owner[65] = 0;
	len = append_rr(w, len, owner, 66);
	assert_int_equal(wirecheck_message(w, len, NULL),
	    WIRECHECK_LABEL_TOO_LONG);
	assert_true(ldns_rejects(w, len));
}

/* 0x80: a label type RFC 1035 reserves and nobody defined. */
static void
test_reserved_label_type(void **state)
{
	uint8_t w[MAX], owner[3] = { 0x80, 'x', 0 };
	size_t len = good_message(w);

	(void)state;
	len = append_rr(w, len, owner, 3);
	assert_int_equal(wirecheck_message(w, len, NULL),
	    WIRECHECK_LABEL_TOO_LONG);
}

static void
test_name_too_long(void **state)
{
	uint8_t w[MAX], owner[320];
	size_t len = good_message(w), n = 0, i;

	(void)state;
	for (i = 0; i < 5; i++) {	/* 5 x 61 + 1 = 306 bytes */
		owner[n++] = 60;
		memset(owner + n, 'y', 60);
		n += 60;
	}
	owner[n++] = 0;
	len = append_rr(w, len, owner, n);
	assert_int_equal(wirecheck_message(w, len, NULL),
	    WIRECHECK_NAME_TOO_LONG);
	assert_true(ldns_rejects(w, len));
}

/* 255 bytes exactly is allowed: 3 x 64 + 62 + 1. */
static void
test_name_of_255_is_fine(void **state)
{
	uint8_t w[MAX], owner[300];
	size_t len = good_message(w), n = 0, i;

	(void)state;
	for (i = 0; i < 3; i++) {
		owner[n++] = 63;
		memset(owner + n, 'z', 63);
		n += 63;
	}
	owner[n++] = 61;
	memset(owner + n, 'z', 61);
	n += 61;
	owner[n++] = 0;
	assert_int_equal(n, 255);
	len = append_rr(w, len, owner, n);
	assert_int_equal(wirecheck_message(w, len, NULL), WIRECHECK_OK);
}

/* A CNAME whose target points at itself: names in data count too. */
static void
test_pointer_loop_in_rdata(void **state)
{
	uint8_t w[MAX];
	size_t len = good_message(w), rd;
	static const uint8_t head[] = { 0xc0, 12, 0, 5, 0, 1, 0, 0, 1, 44,
	    0, 2 };

	(void)state;
	memcpy(w + len, head, sizeof(head));
	rd = len + sizeof(head);
	w[rd] = (uint8_t)(0xc0 | (rd >> 8));
	w[rd + 1] = (uint8_t)(rd & 0xff);
	len = rd + 2;
	w[11]++;
	assert_int_equal(wirecheck_message(w, len, NULL),
	    WIRECHECK_POINTER_LOOP);
	assert_true(ldns_rejects(w, len));
}

static void
test_trailing_bytes(void **state)
{
	uint8_t w[MAX];
	size_t len = good_message(w), where = 0;

	(void)state;
	w[len] = 0xab;
	assert_int_equal(wirecheck_message(w, len + 1, &where),
	    WIRECHECK_TRAILING);
	assert_int_equal(where, len);
}

static void
test_codes_and_texts(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < WIRECHECK_COUNT; i++) {
		assert_true(wirecheck_msgid((enum wirecheck)i)[0] != '\0');
		for (j = i + 1; j < WIRECHECK_COUNT; j++)
			assert_string_not_equal(wirecheck_code((enum wirecheck)i),
			    wirecheck_code((enum wirecheck)j));
	}
	assert_string_equal(wirecheck_code(WIRECHECK_POINTER_LOOP),
	    "pointer-loop");
	assert_string_equal(wirecheck_code((enum wirecheck)99), "?");
	assert_string_equal(wirecheck_msgid((enum wirecheck)99), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_message),
		cmocka_unit_test(test_short_header),
		cmocka_unit_test(test_every_prefix_is_truncated),
		cmocka_unit_test(test_pointer_to_itself),
		cmocka_unit_test(test_pointers_at_each_other),
		cmocka_unit_test(test_pointer_outside),
		cmocka_unit_test(test_label_too_long),
		cmocka_unit_test(test_reserved_label_type),
		cmocka_unit_test(test_name_too_long),
		cmocka_unit_test(test_name_of_255_is_fine),
		cmocka_unit_test(test_pointer_loop_in_rdata),
		cmocka_unit_test(test_trailing_bytes),
		cmocka_unit_test(test_codes_and_texts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
