/* test_syslookup.c - getaddrinfo() in the background, on numeric
 * addresses only: glibc answers those without asking any source, so the
 * test sends nothing and reads no name database. */
#include "config.h"

#include <netdb.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "dnstriage/probe.h"
#include "dnstriage/syslookup.h"

/* Look until final, at most 5 s (a loaded machine is slow, not stuck). */
static const struct syslookup_result *
wait_final(struct syslookup *s)
{
	uint64_t end = probe_now_us() + 5000000u;

	while (!syslookup_check(s) && probe_now_us() < end)
		usleep(1000);
	return syslookup_result(s);
}

static void
test_numeric_v4_returns_itself(void **state)
{
	struct syslookup *s;
	const struct syslookup_result *r;

	(void)state;
#ifndef HAVE_GETADDRINFO_A
	skip();
#endif
	s = syslookup_start("127.0.0.1", 4000);
	assert_non_null(s);
	assert_int_equal(syslookup_timeout_ms(s) >= 0, 1);
	r = wait_final(s);
	assert_non_null(r);
	assert_true(r->finished);
	assert_int_equal(r->error, 0);
	assert_int_equal(r->naddrs, 1);
	assert_string_equal(r->addrs[0], "127.0.0.1");
	assert_int_equal(syslookup_timeout_ms(s), -1);
	syslookup_free(s);
}

static void
test_result_only_once_final(void **state)
{
	struct syslookup *s;

	(void)state;
#ifndef HAVE_GETADDRINFO_A
	skip();
#endif
	s = syslookup_start("127.0.0.2", 4000);
	assert_non_null(s);
	/* Nothing is handed out before syslookup_check() says final. */
	if (syslookup_result(s) != NULL)
		fail_msg("result before the first check");
	assert_non_null(wait_final(s));
	syslookup_free(s);
}

static void
test_zero_deadline_is_final_at_once(void **state)
{
	struct syslookup *s;
	const struct syslookup_result *r;

	(void)state;
#ifndef HAVE_GETADDRINFO_A
	skip();
#endif
	s = syslookup_start("127.0.0.3", 0);
	assert_non_null(s);
	assert_true(syslookup_check(s));
	r = syslookup_result(s);
	assert_non_null(r);
	/* Either it was already done, or the deadline ended the wait. */
	if (r->finished)
		assert_int_equal(r->error, 0);
	/* Let glibc's thread end, so that free() can release everything. */
	usleep(200000);
	syslookup_free(s);
}

static void
test_error_names(void **state)
{
	(void)state;
	assert_string_equal(syslookup_error_name(EAI_NONAME), "EAI_NONAME");
	assert_string_equal(syslookup_error_name(EAI_AGAIN), "EAI_AGAIN");
	assert_string_equal(syslookup_error_name(12345), "EAI_?");
}

static void
test_free_null(void **state)
{
	(void)state;
	syslookup_free(NULL);
	assert_int_equal(syslookup_timeout_ms(NULL), -1);
	assert_null(syslookup_result(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numeric_v4_returns_itself),
		cmocka_unit_test(test_result_only_once_final),
		cmocka_unit_test(test_zero_deadline_is_final_at_once),
		cmocka_unit_test(test_error_names),
		cmocka_unit_test(test_free_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
