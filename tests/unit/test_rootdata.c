/* test_rootdata.c - root hints and trust anchor loading. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dnstriage/rootdata.h"

#define FX(f) FIXTURES "/rootdata/" f

static char err[512];

static size_t
count_type(const struct rootdata *rd, ldns_rr_type t)
{
	size_t i, n = 0;

	for (i = 0; i < ldns_rr_list_rr_count(rd->rrs); i++)
		if (ldns_rr_get_type(ldns_rr_list_rr(rd->rrs, i)) == t)
			n++;
	return n;
}

static void
test_builtin_hints_have_13_servers(void **state)
{
	struct rootdata rd;
	struct sockaddr_storage addrs[64];
	socklen_t lens[64];

	(void)state;
	assert_true(rootdata_parse_hints(rootdata_builtin_hints, "built in",
	    &rd, err, sizeof(err)));
	assert_int_equal(count_type(&rd, LDNS_RR_TYPE_NS), 13);
	assert_int_equal(rootdata_hint_addresses(&rd, addrs, lens, 64), 26);
	rootdata_free(&rd);
}

static void
test_builtin_anchor_is_ds(void **state)
{
	struct rootdata rd;

	(void)state;
	assert_true(rootdata_parse_anchor(rootdata_builtin_anchor, "built in",
	    &rd, err, sizeof(err)));
	assert_int_equal(count_type(&rd, LDNS_RR_TYPE_DS), 2);
	rootdata_free(&rd);
}

static void
test_lab_hints_file(void **state)
{
	struct rootdata rd;
	struct sockaddr_storage addrs[8];
	socklen_t lens[8];
	char text[64];

	(void)state;
	assert_true(rootdata_load_hints(FX("lab.hints"), true, &rd, err, sizeof(err)));
	assert_false(rd.builtin);
	assert_string_equal(rd.source, FX("lab.hints"));
	assert_int_equal(rootdata_hint_addresses(&rd, addrs, lens, 8), 3);
	inet_ntop(AF_INET, &((struct sockaddr_in *)&addrs[1])->sin_addr, text, sizeof(text));
	assert_string_equal(text, "127.0.1.2");
	assert_int_equal(ntohs(((struct sockaddr_in *)&addrs[1])->sin_port), 53);
	assert_int_equal(addrs[2].ss_family, AF_INET6);
	/* the cap is respected */
	assert_int_equal(rootdata_hint_addresses(&rd, addrs, lens, 2), 2);
	rootdata_free(&rd);
}

static void
test_missing_default_falls_back_to_builtin(void **state)
{
	struct rootdata rd;

	(void)state;
	assert_true(rootdata_load_hints("/nonexistent/root.hints", false, &rd,
	    err, sizeof(err)));
	assert_true(rd.builtin);
	rootdata_free(&rd);
	assert_true(rootdata_load_anchor("/nonexistent/root.key", false, &rd,
	    err, sizeof(err)));
	assert_true(rd.builtin);
	rootdata_free(&rd);
}

static void
test_missing_given_file_is_an_error(void **state)
{
	struct rootdata rd;

	(void)state;
	assert_false(rootdata_load_hints("/nonexistent/root.hints", true, &rd,
	    err, sizeof(err)));
	assert_non_null(strstr(err, "/nonexistent/root.hints"));
}

static void
test_wrong_record_type_names_the_line(void **state)
{
	struct rootdata rd;

	(void)state;
	assert_false(rootdata_load_hints(FX("wrongtype.hints"), true, &rd, err,
	    sizeof(err)));
	assert_non_null(strstr(err, "wrongtype.hints:3:"));
	assert_non_null(strstr(err, "MX"));
	/* hints are not an anchor and the other way round */
	assert_false(rootdata_load_anchor(FX("lab.hints"), true, &rd, err, sizeof(err)));
	assert_non_null(strstr(err, "NS"));
}

static void
test_hints_without_addresses_are_useless(void **state)
{
	struct rootdata rd;

	(void)state;
	assert_false(rootdata_load_hints(FX("noaddr.hints"), true, &rd, err,
	    sizeof(err)));
	assert_non_null(strstr(err, "noaddr.hints"));
}

static void
test_anchor_file_with_directives(void **state)
{
	struct rootdata rd;

	(void)state;
	assert_true(rootdata_load_anchor(FX("anchor.ds"), true, &rd, err, sizeof(err)));
	assert_int_equal(count_type(&rd, LDNS_RR_TYPE_DS), 1);
	assert_int_equal(ldns_rr_ttl(ldns_rr_list_rr(rd.rrs, 0)), 3600);
	rootdata_free(&rd);
}

static void
test_broken_anchor_names_the_line(void **state)
{
	struct rootdata rd;

	(void)state;
	assert_false(rootdata_load_anchor(FX("broken.key"), true, &rd, err, sizeof(err)));
	assert_non_null(strstr(err, "broken.key:2:"));
}

static void
test_binary_garbage_is_refused(void **state)
{
	struct rootdata rd;

	(void)state;
	assert_false(rootdata_load_anchor(FX("binary.key"), true, &rd, err, sizeof(err)));
	assert_non_null(strstr(err, "binary.key"));
}

static void
test_empty_and_special_files_are_refused(void **state)
{
	struct rootdata rd;

	(void)state;
	assert_false(rootdata_load_anchor("/dev/null", true, &rd, err, sizeof(err)));
	assert_non_null(strstr(err, "/dev/null"));
	assert_false(rootdata_load_hints(FIXTURES, true, &rd, err, sizeof(err)));
	assert_false(rootdata_parse_anchor("", "empty", &rd, err, sizeof(err)));
	assert_non_null(strstr(err, "no DS or DNSKEY"));
}

static void
test_huge_file_is_refused_without_reading_it(void **state)
{
	struct rootdata rd;
	char path[] = "/tmp/dnstriage-test-hugeXXXXXX";
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	/* sparse: 1 GB that takes no disk */
	assert_int_equal(ftruncate(fd, 1024L * 1024 * 1024), 0);
	close(fd);
	assert_false(rootdata_load_hints(path, true, &rd, err, sizeof(err)));
	assert_non_null(strstr(err, "too large"));
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_hints_have_13_servers),
		cmocka_unit_test(test_builtin_anchor_is_ds),
		cmocka_unit_test(test_lab_hints_file),
		cmocka_unit_test(test_missing_default_falls_back_to_builtin),
		cmocka_unit_test(test_missing_given_file_is_an_error),
		cmocka_unit_test(test_wrong_record_type_names_the_line),
		cmocka_unit_test(test_hints_without_addresses_are_useless),
		cmocka_unit_test(test_anchor_file_with_directives),
		cmocka_unit_test(test_broken_anchor_names_the_line),
		cmocka_unit_test(test_binary_garbage_is_refused),
		cmocka_unit_test(test_empty_and_special_files_are_refused),
		cmocka_unit_test(test_huge_file_is_refused_without_reading_it),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
