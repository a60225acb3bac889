/* test_privilege.c - real root versus uid 0 in a user namespace. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dnstriage/privilege.h"

static void
test_initial_namespace_is_real_root(void **state)
{
	(void)state;
	assert_true(privilege_is_real_root(0, FIXTURES
	    "/privilege/initial.uid_map"));
}

static void
test_user_namespace_is_not(void **state)
{
	(void)state;
	/* unshare --map-root-user, and a subordinate range of a container */
	assert_false(privilege_is_real_root(0, FIXTURES
	    "/privilege/userns.uid_map"));
	assert_false(privilege_is_real_root(0, FIXTURES
	    "/privilege/subuid.uid_map"));
}

static void
test_other_users_never(void **state)
{
	(void)state;
	assert_false(privilege_is_real_root(1000, FIXTURES
	    "/privilege/initial.uid_map"));
}

static void
test_unreadable_map_counts_as_initial(void **state)
{
	(void)state;
	assert_true(privilege_is_real_root(0, FIXTURES "/privilege/none"));
	assert_true(privilege_is_real_root(0, FIXTURES
	    "/privilege/../rootdata/binary.key"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_initial_namespace_is_real_root),
		cmocka_unit_test(test_user_namespace_is_not),
		cmocka_unit_test(test_other_users_never),
		cmocka_unit_test(test_unreadable_map_counts_as_initial),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
