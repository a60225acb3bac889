/* test_wizard.c - the transition table, every state x outcome; what a
 * concluded step tells the flow (wizard_outcome_of), from step results
 * built by hand; the state -> step mapping. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "dnstriage/finding.h"
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

/* --- wizard_state_step -------------------------------------------------- */

static void
test_state_step_mapping(void **state)
{
	(void)state;
	assert_int_equal(wizard_state_step(WIZ_SCOPE), STEP_SCOPE);
	assert_int_equal(wizard_state_step(WIZ_RESOLVERS), STEP_RESOLVERS);
	assert_int_equal(wizard_state_step(WIZ_AUTHORITATIVE),
	    STEP_AUTHORITATIVE);
	assert_int_equal(wizard_state_step(WIZ_DNSSEC), STEP_DNSSEC);
	assert_int_equal(wizard_state_step(WIZ_SERIALS), STEP_SERIALS);
	assert_int_equal(wizard_state_step(WIZ_VERDICT), -1);
	assert_int_equal(wizard_state_step(WIZ_DONE), -1);
	assert_int_equal(wizard_state_step((enum wizard_state)99), -1);
	assert_int_equal(wizard_state_step((enum wizard_state)-1), -1);
}

/* --- wizard_outcome_of -------------------------------------------------- */

#define END FINDING_CODE_COUNT

/* The step of state s with that status and one finding of each code in ap
 * (ended by END); what the flow reads from it. Every outcome it gives must
 * be one the transition table knows for s (done has no move left). */
static bool
outcome_va(enum wizard_state s, enum step_status status,
    enum wizard_outcome *out, va_list ap)
{
	struct step_result r;
	int code;
	bool ok;

	memset(&r, 0, sizeof(r));
	r.id = wizard_is_step(s) ? (enum step_id)wizard_state_step(s) :
	    STEP_SCOPE;
	while ((code = va_arg(ap, int)) != END)
		step_add_finding(&r, (enum finding_code)code);
	r.status = status;
	*out = WIZ_OUTCOME_COUNT;
	ok = wizard_outcome_of(s, &r, out);
	if (ok) {
		assert_true(*out < WIZ_OUTCOME_COUNT);
		if (s != WIZ_DONE)
			assert_true(wizard_next(s, *out).valid);
	}
	step_reset(&r);
	return ok;
}

static bool
outcome_of(enum wizard_state s, enum step_status status,
    enum wizard_outcome *out, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, out);
	ok = outcome_va(s, status, out, ap);
	va_end(ap);
	return ok;
}

/* The outcome, asserting the step counts as concluded. */
static enum wizard_outcome
concluded(enum wizard_state s, int status, ...)
{
	enum wizard_outcome out;
	va_list ap;
	bool ok;

	va_start(ap, status);
	ok = outcome_va(s, (enum step_status)status, &out, ap);
	va_end(ap);
	assert_true(ok);
	return out;
}

static void
test_outcome_waits_while_pending_or_running(void **state)
{
	enum wizard_outcome out;
	int s;

	(void)state;
	for (s = WIZ_SCOPE; s <= WIZ_SERIALS; s++) {
		assert_false(outcome_of((enum wizard_state)s, STEP_PENDING,
		    &out, END));
		assert_false(outcome_of((enum wizard_state)s, STEP_RUNNING,
		    &out, END));
		/* findings already in do not make it conclude early */
		assert_false(outcome_of((enum wizard_state)s, STEP_RUNNING,
		    &out, FINDING_TARGET_ADDRESS, FINDING_RESOLVER_TIMEOUT,
		    FINDING_AUTH_NXDOMAIN, FINDING_AUTH_TIMEOUT,
		    FINDING_DNSSEC_INSECURE, END));
		assert_false(wizard_outcome_of((enum wizard_state)s, NULL,
		    &out));
		/* and ok/warning/critical/skipped all conclude */
		assert_true(outcome_of((enum wizard_state)s, STEP_OK, &out,
		    END));
		assert_true(outcome_of((enum wizard_state)s, STEP_WARNING,
		    &out, END));
		assert_true(outcome_of((enum wizard_state)s, STEP_CRITICAL,
		    &out, END));
		assert_true(outcome_of((enum wizard_state)s, STEP_SKIPPED,
		    &out, END));
	}
}

static void
test_outcome_clean_or_problem_by_status(void **state)
{
	int s;

	(void)state;
	for (s = WIZ_SCOPE; s <= WIZ_SERIALS; s++) {
		enum wizard_state ws = (enum wizard_state)s;

		assert_int_equal(concluded(ws, STEP_OK, END), WIZ_OUT_CLEAN);
		assert_int_equal(concluded(ws, STEP_SKIPPED, END),
		    WIZ_OUT_CLEAN);
		assert_int_equal(concluded(ws, STEP_WARNING, END),
		    WIZ_OUT_PROBLEM);
		assert_int_equal(concluded(ws, STEP_CRITICAL, END),
		    WIZ_OUT_PROBLEM);
	}
	assert_int_equal(concluded(WIZ_RESOLVERS, STEP_OK,
	    FINDING_RESOLVER_ANSWERS, END), WIZ_OUT_CLEAN);
	assert_int_equal(concluded(WIZ_RESOLVERS, STEP_CRITICAL,
	    FINDING_RESOLVER_SERVFAIL, END), WIZ_OUT_PROBLEM);
	assert_int_equal(concluded(WIZ_AUTHORITATIVE, STEP_OK,
	    FINDING_AUTH_ANSWERS, END), WIZ_OUT_CLEAN);
	assert_int_equal(concluded(WIZ_AUTHORITATIVE, STEP_WARNING,
	    FINDING_AUTH_ANSWERS, FINDING_AUTH_LAME, END), WIZ_OUT_PROBLEM);
	assert_int_equal(concluded(WIZ_SERIALS, STEP_OK,
	    FINDING_SERIALS_AGREE, END), WIZ_OUT_CLEAN);
	assert_int_equal(concluded(WIZ_SERIALS, STEP_WARNING,
	    FINDING_SERIAL_BEHIND, END), WIZ_OUT_PROBLEM);
	/* a code that means something in one step means nothing in another */
	assert_int_equal(concluded(WIZ_SERIALS, STEP_OK,
	    FINDING_TARGET_ADDRESS, FINDING_DNSSEC_INSECURE, END),
	    WIZ_OUT_CLEAN);
	assert_int_equal(concluded(WIZ_DNSSEC, STEP_CRITICAL,
	    FINDING_RESOLVER_TIMEOUT, FINDING_AUTH_NXDOMAIN, END),
	    WIZ_OUT_PROBLEM);
}

static void
test_outcome_scope(void **state)
{
	(void)state;
	assert_int_equal(concluded(WIZ_SCOPE, STEP_OK,
	    FINDING_TARGET_ADDRESS, END), WIZ_OUT_ADDRESS_TARGET);
	assert_int_equal(concluded(WIZ_SCOPE, STEP_SKIPPED,
	    FINDING_TARGET_ADDRESS, END), WIZ_OUT_ADDRESS_TARGET);
	assert_int_equal(concluded(WIZ_SCOPE, STEP_WARNING,
	    FINDING_HOSTS_OVERRIDE, END), WIZ_OUT_LOCAL_ANSWER);
	assert_int_equal(concluded(WIZ_SCOPE, STEP_CRITICAL,
	    FINDING_STUB_TIMEOUT, FINDING_HOSTS_OVERRIDE, END),
	    WIZ_OUT_LOCAL_ANSWER);
	/* an address has no hosts entry to compare: the address wins */
	assert_int_equal(concluded(WIZ_SCOPE, STEP_WARNING,
	    FINDING_HOSTS_OVERRIDE, FINDING_TARGET_ADDRESS, END),
	    WIZ_OUT_ADDRESS_TARGET);
	assert_int_equal(concluded(WIZ_SCOPE, STEP_CRITICAL,
	    FINDING_STUB_TIMEOUT, END), WIZ_OUT_PROBLEM);
}

static void
test_outcome_resolvers(void **state)
{
	static const int silent[] = {
		FINDING_RESOLVER_TIMEOUT, FINDING_RESOLVER_UNREACHABLE,
		FINDING_STUB_TIMEOUT,
	};
	static const int answering[] = {
		FINDING_RESOLVER_ANSWERS, FINDING_RESOLVER_REFUSED,
		FINDING_RESOLVER_NO_RECURSION, FINDING_RESOLVER_SERVFAIL,
		FINDING_RESOLVER_NXDOMAIN, FINDING_RESOLVER_NO_ANSWER,
	};
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(silent) / sizeof(silent[0]); i++) {
		assert_int_equal(concluded(WIZ_RESOLVERS, STEP_CRITICAL,
		    silent[i], END), WIZ_OUT_NO_RESOLVER);
		assert_int_equal(concluded(WIZ_RESOLVERS, STEP_CRITICAL,
		    silent[i], silent[(i + 1) % 3], END), WIZ_OUT_NO_RESOLVER);
		/* one resolver answering, in any way, is not "none" */
		for (j = 0; j < sizeof(answering) / sizeof(answering[0]); j++) {
			assert_int_equal(concluded(WIZ_RESOLVERS, STEP_CRITICAL,
			    silent[i], answering[j], END), WIZ_OUT_PROBLEM);
			assert_int_equal(concluded(WIZ_RESOLVERS, STEP_WARNING,
			    answering[j], silent[i], END), WIZ_OUT_PROBLEM);
		}
	}
	assert_int_equal(concluded(WIZ_RESOLVERS, STEP_CRITICAL,
	    FINDING_RESOLVER_TIMEOUT, FINDING_RESOLVER_UNREACHABLE,
	    FINDING_STUB_TIMEOUT, END), WIZ_OUT_NO_RESOLVER);
}

static void
test_outcome_authoritative(void **state)
{
	static const int answering[] = {
		FINDING_AUTH_ANSWERS, FINDING_AUTH_LAME, FINDING_AUTH_SERVFAIL,
		FINDING_AUTH_NODATA, FINDING_STALE_NEGATIVE,
		FINDING_STALE_ANSWER,
	};
	size_t j;

	(void)state;
	assert_int_equal(concluded(WIZ_AUTHORITATIVE, STEP_CRITICAL,
	    FINDING_AUTH_NXDOMAIN, END), WIZ_OUT_NAME_MISSING);
	/* the servers that answer say it does not exist */
	assert_int_equal(concluded(WIZ_AUTHORITATIVE, STEP_CRITICAL,
	    FINDING_AUTH_TIMEOUT, FINDING_AUTH_NXDOMAIN, END),
	    WIZ_OUT_NAME_MISSING);
	assert_int_equal(concluded(WIZ_AUTHORITATIVE, STEP_CRITICAL,
	    FINDING_AUTH_TIMEOUT, END), WIZ_OUT_NO_AUTHORITATIVE);
	assert_int_equal(concluded(WIZ_AUTHORITATIVE, STEP_CRITICAL,
	    FINDING_AUTH_TIMEOUT, FINDING_AUTH_TIMEOUT, END),
	    WIZ_OUT_NO_AUTHORITATIVE);
	for (j = 0; j < sizeof(answering) / sizeof(answering[0]); j++)
		assert_int_equal(concluded(WIZ_AUTHORITATIVE, STEP_CRITICAL,
		    FINDING_AUTH_TIMEOUT, answering[j], END), WIZ_OUT_PROBLEM);
	assert_int_equal(concluded(WIZ_AUTHORITATIVE, STEP_WARNING,
	    FINDING_AUTH_ANSWERS, FINDING_AUTH_TIMEOUT, END), WIZ_OUT_PROBLEM);
}

static void
test_outcome_dnssec(void **state)
{
	(void)state;
	assert_int_equal(concluded(WIZ_DNSSEC, STEP_OK,
	    FINDING_DNSSEC_INSECURE, END), WIZ_OUT_UNSIGNED);
	/* unsigned is not an error, but an error is still an error */
	assert_int_equal(concluded(WIZ_DNSSEC, STEP_WARNING,
	    FINDING_DNSSEC_INSECURE, END), WIZ_OUT_PROBLEM);
	assert_int_equal(concluded(WIZ_DNSSEC, STEP_CRITICAL,
	    FINDING_DNSSEC_INSECURE, FINDING_VALIDATION_FAILURE, END),
	    WIZ_OUT_PROBLEM);
	assert_int_equal(concluded(WIZ_DNSSEC, STEP_CRITICAL,
	    FINDING_VALIDATION_FAILURE, END), WIZ_OUT_PROBLEM);
}

static void
test_outcome_verdict_and_done_are_clean(void **state)
{
	enum wizard_outcome out;
	int st;

	(void)state;
	for (st = STEP_PENDING; st < STEP_STATUS_COUNT; st++) {
		assert_true(outcome_of(WIZ_VERDICT, (enum step_status)st, &out,
		    FINDING_RESOLVER_TIMEOUT, END));
		assert_int_equal(out, WIZ_OUT_CLEAN);
		assert_true(outcome_of(WIZ_DONE, (enum step_status)st, &out,
		    END));
		assert_int_equal(out, WIZ_OUT_CLEAN);
	}
	out = WIZ_OUT_PROBLEM;
	assert_true(wizard_outcome_of(WIZ_VERDICT, NULL, &out));
	assert_int_equal(out, WIZ_OUT_CLEAN);
	out = WIZ_OUT_PROBLEM;
	assert_true(wizard_outcome_of(WIZ_DONE, NULL, &out));
	assert_int_equal(out, WIZ_OUT_CLEAN);
}

/* Whatever each state ends with (even an outcome it cannot produce), the
 * flow moves forward and reaches done within WIZ_STATE_COUNT moves. */
static void
test_every_path_reaches_done(void **state)
{
	unsigned long combo, ncombos = 1;
	unsigned long paths = 0;
	int s;

	(void)state;
	for (s = 0; s < WIZ_DONE; s++)
		ncombos *= WIZ_OUTCOME_COUNT;
	for (combo = 0; combo < ncombos; combo++) {
		enum wizard_state at = wizard_first();
		int moves = 0;

		while (at != WIZ_DONE) {
			unsigned long digit = combo;
			struct wizard_move m;

			for (s = 0; s < (int)at; s++)
				digit /= WIZ_OUTCOME_COUNT;
			m = wizard_next(at, (enum wizard_outcome)(digit %
			    WIZ_OUTCOME_COUNT));
			assert_true(m.next > at);
			assert_true(m.next <= WIZ_DONE);
			at = m.next;
			moves++;
			assert_true(moves <= WIZ_STATE_COUNT);
		}
		paths++;
	}
	assert_int_equal(paths, ncombos);
	/* done stays done */
	assert_int_equal(wizard_next(WIZ_DONE, WIZ_OUT_CLEAN).next, WIZ_DONE);
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
		cmocka_unit_test(test_state_step_mapping),
		cmocka_unit_test(test_outcome_waits_while_pending_or_running),
		cmocka_unit_test(test_outcome_clean_or_problem_by_status),
		cmocka_unit_test(test_outcome_scope),
		cmocka_unit_test(test_outcome_resolvers),
		cmocka_unit_test(test_outcome_authoritative),
		cmocka_unit_test(test_outcome_dnssec),
		cmocka_unit_test(test_outcome_verdict_and_done_are_clean),
		cmocka_unit_test(test_every_path_reaches_done),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
