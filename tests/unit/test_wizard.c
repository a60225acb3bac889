/* test_wizard.c - the transition table, every state x outcome. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "dnstriage/wizard.h"

#define BIT(s) (1u << (s))

/* The expected flow, written out independently of src/wizard.c: for each
 * (state, outcome), the next state and the skipped set; NONE = invalid. */
#define NONE (-1)
static const int expected_next[WIZ_STATE_COUNT][WIZ_OUTCOME_COUNT] = {
	/*                 CLEAN          PROBLEM        ADDRESS      LOCAL          NO_RES         NAME_MISS    NO_AUTH      UNSIGNED */
	[WIZ_SCOPE] =     { WIZ_RESOLVERS, WIZ_RESOLVERS, WIZ_VERDICT, WIZ_RESOLVERS, NONE,          NONE,        NONE,        NONE },
	[WIZ_RESOLVERS] = { WIZ_AUTHORITATIVE, WIZ_AUTHORITATIVE, NONE, NONE,       WIZ_AUTHORITATIVE, NONE,    NONE,        NONE },
	[WIZ_AUTHORITATIVE] = { WIZ_DNSSEC, WIZ_DNSSEC,   NONE,        NONE,          NONE,          WIZ_DNSSEC,  WIZ_VERDICT, NONE },
	[WIZ_DNSSEC] =    { WIZ_SERIALS,   WIZ_SERIALS,   NONE,        NONE,          NONE,          NONE,        NONE,        WIZ_SERIALS },
	[WIZ_SERIALS] =   { WIZ_VERDICT,   WIZ_VERDICT,   NONE,        NONE,          NONE,          NONE,        NONE,        NONE },
	[WIZ_VERDICT] =   { WIZ_DONE,      NONE,          NONE,        NONE,          NONE,          NONE,        NONE,        NONE },
	[WIZ_DONE] =      { NONE,          NONE,          NONE,        NONE,          NONE,          NONE,        NONE,        NONE },
};

static void
test_every_state_and_outcome(void **state)
{
	int s, o;

	(void)state;
	for (s = 0; s < WIZ_STATE_COUNT; s++) {
		for (o = 0; o < WIZ_OUTCOME_COUNT; o++) {
			struct wizard_move m = wizard_next((enum wizard_state)s,
			    (enum wizard_outcome)o);

			if (expected_next[s][o] == NONE) {
				/* a caller bug still moves forward, never stalls */
				assert_false(m.valid);
				assert_int_equal(m.next, wizard_following((enum wizard_state)s));
				assert_non_null(m.reason);
			} else {
				assert_true(m.valid);
				assert_int_equal(m.next, expected_next[s][o]);
				assert_non_null(m.reason);
				assert_true(strlen(m.reason) > 10);
			}
		}
	}
}

static void
test_address_target_skips_every_dns_step(void **state)
{
	struct wizard_move m = wizard_next(WIZ_SCOPE, WIZ_OUT_ADDRESS_TARGET);

	(void)state;
	assert_int_equal(m.skipped, BIT(WIZ_RESOLVERS) | BIT(WIZ_AUTHORITATIVE) |
	    BIT(WIZ_DNSSEC) | BIT(WIZ_SERIALS));
}

static void
test_dead_resolvers_still_lead_to_authoritative(void **state)
{
	struct wizard_move m = wizard_next(WIZ_RESOLVERS, WIZ_OUT_NO_RESOLVER);

	(void)state;
	/* the resolver may be the broken part: the walk is independent */
	assert_int_equal(m.next, WIZ_AUTHORITATIVE);
	assert_int_equal(m.skipped, 0);
	assert_non_null(strstr(m.reason, "root hints"));
}

static void
test_no_authoritative_skips_dnssec_and_serials(void **state)
{
	struct wizard_move m = wizard_next(WIZ_AUTHORITATIVE, WIZ_OUT_NO_AUTHORITATIVE);

	(void)state;
	assert_int_equal(m.next, WIZ_VERDICT);
	assert_int_equal(m.skipped, BIT(WIZ_DNSSEC) | BIT(WIZ_SERIALS));
}

static void
test_unskipped_moves_follow_the_order(void **state)
{
	int s, o;

	(void)state;
	/* a move that skips nothing goes to the next state in order, and a
	 * move that skips states goes exactly past them */
	for (s = 0; s < WIZ_DONE; s++) {
		for (o = 0; o < WIZ_OUTCOME_COUNT; o++) {
			struct wizard_move m = wizard_next((enum wizard_state)s,
			    (enum wizard_outcome)o);
			enum wizard_state walk = wizard_following((enum wizard_state)s);

			if (!m.valid)
				continue;
			while (walk != m.next) {
				assert_true(m.skipped & BIT(walk));
				walk = wizard_following(walk);
			}
			assert_false(m.skipped & BIT(m.next));
		}
	}
}

static void
test_order_and_names(void **state)
{
	enum wizard_state s = wizard_first();
	const char *names[] = { "scope", "resolvers", "authoritative", "dnssec",
	    "serials", "verdict", "done" };
	int i = 0;

	(void)state;
	for (;;) {
		assert_string_equal(wizard_state_str(s), names[i]);
		assert_int_equal(wizard_is_step(s), i < 5);
		if (s == WIZ_DONE)
			break;
		s = wizard_following(s);
		i++;
	}
	assert_int_equal(i, 6);
	assert_int_equal(wizard_following(WIZ_DONE), WIZ_DONE);
	assert_string_equal(wizard_state_str((enum wizard_state)99), "?");
	assert_string_equal(wizard_outcome_str(WIZ_OUT_NO_RESOLVER), "no-resolver");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_state_and_outcome),
		cmocka_unit_test(test_address_target_skips_every_dns_step),
		cmocka_unit_test(test_dead_resolvers_still_lead_to_authoritative),
		cmocka_unit_test(test_no_authoritative_skips_dnssec_and_serials),
		cmocka_unit_test(test_unskipped_moves_follow_the_order),
		cmocka_unit_test(test_order_and_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
