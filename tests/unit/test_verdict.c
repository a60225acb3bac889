/* test_verdict.c - the precedence table rule by rule: each rule alone,
 * each ordering decision between rules, the fallbacks (healthy, unknown),
 * facts gathered from the findings, rendered recovery, exit statuses. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/finding.h"
#include "dnstriage/verdict.h"

/* One finding of a case: step, code, server (or NULL). Severity is the
 * code's default unless sev is set (SEVERITY_COUNT: default). */
struct spec {
	enum step_id step;
	enum finding_code code;
	const char *server;
	enum severity sev;
};

#define F(step, code, server) { STEP_##step, FINDING_##code, server, \
	SEVERITY_COUNT }
#define FS(step, code, server, sev) { STEP_##step, FINDING_##code, server, \
	SEVERITY_##sev }
#define MAXSPEC 8

struct rule_case {
	const char *why;
	struct spec findings[MAXSPEC];
	size_t n;
	enum failure_code want;
};

static struct triage *
build(const struct spec *specs, size_t n)
{
	struct triage *t = triage_new("www.example.test");
	size_t i, s;

	triage_add_type(t, "A");
	for (i = 0; i < n; i++) {
		struct finding *f = triage_add_finding(t, specs[i].step,
		    specs[i].code);

		if (specs[i].server != NULL)
			finding_set_server(f, specs[i].server);
		if (specs[i].sev != SEVERITY_COUNT)
			finding_set_severity(f, specs[i].sev);
	}
	for (s = 0; s < STEP_COUNT; s++)
		step_finish(&t->steps[s]);
	return t;
}

static const struct rule_case cases[] = {
	/* Each rule on its own. */
	{ "not-dns: resolves, dead by IP", {
	    F(SCOPE, NAME_RESOLVES, NULL),
	    F(SCOPE, SERVICE_UNREACHABLE, "192.0.2.10#443") }, 2,
	    FAILURE_NOT_DNS },
	{ "hosts-override alone", {
	    F(SCOPE, HOSTS_OVERRIDE, NULL) }, 1, FAILURE_HOSTS_OVERRIDE },
	{ "stub resolver silent", {
	    F(SCOPE, STUB_TIMEOUT, "127.0.0.53#53") }, 1,
	    FAILURE_STUB_RESOLVER_DOWN },
	{ "every resolver silent", {
	    F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.1#53"),
	    F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.2#53") }, 2,
	    FAILURE_RESOLVER_DOWN },
	{ "a resolver refuses", {
	    F(RESOLVERS, RESOLVER_REFUSED, "127.0.0.1#53") }, 1,
	    FAILURE_RESOLVER_REFUSED },
	{ "a resolver will not recurse", {
	    F(RESOLVERS, RESOLVER_NO_RECURSION, "127.0.0.1#53") }, 1,
	    FAILURE_RESOLVER_REFUSED },
	{ "validation fails", {
	    F(DNSSEC, VALIDATION_FAILURE, "127.0.0.1#53") }, 1,
	    FAILURE_DNSSEC_BOGUS },
	{ "a signature expired", {
	    F(DNSSEC, SIG_EXPIRED, "127.0.4.1#53") }, 1,
	    FAILURE_DNSSEC_BOGUS },
	{ "DS matches nothing", {
	    F(DNSSEC, DS_MISMATCH, NULL) }, 1, FAILURE_DNSSEC_BOGUS },
	{ "every authoritative silent", {
	    F(AUTHORITATIVE, AUTH_TIMEOUT, "127.0.4.1#53"),
	    F(AUTHORITATIVE, AUTH_TIMEOUT, "127.0.4.2#53") }, 2,
	    FAILURE_AUTHORITATIVE_DOWN },
	{ "secondary SERVFAILs its zone", {
	    F(AUTHORITATIVE, AUTH_ANSWERS, "127.0.4.1#53"),
	    F(AUTHORITATIVE, AUTH_SERVFAIL, "127.0.4.2#53") }, 2,
	    FAILURE_ZONE_EXPIRED_SECONDARY },
	{ "stale negative answer", {
	    F(AUTHORITATIVE, STALE_NEGATIVE, "127.0.0.1#53") }, 1,
	    FAILURE_STALE_NEGATIVE_CACHE },
	{ "stale positive answer", {
	    F(AUTHORITATIVE, STALE_ANSWER, "127.0.0.1#53") }, 1,
	    FAILURE_STALE_CACHE },
	{ "the name does not exist", {
	    F(AUTHORITATIVE, AUTH_NXDOMAIN, "127.0.4.1#53") }, 1,
	    FAILURE_NXDOMAIN },
	{ "lame server", {
	    F(AUTHORITATIVE, AUTH_ANSWERS, "127.0.4.1#53"),
	    F(AUTHORITATIVE, AUTH_LAME, "127.0.4.2#53") }, 2,
	    FAILURE_LAME_DELEGATION },
	{ "one authoritative silent, one answers", {
	    F(AUTHORITATIVE, AUTH_ANSWERS, "127.0.4.1#53"),
	    F(AUTHORITATIVE, AUTH_TIMEOUT, "127.0.4.2#53") }, 2,
	    FAILURE_AUTHORITATIVE_PARTIAL },
	{ "resolver SERVFAIL, nothing upstream", {
	    F(RESOLVERS, RESOLVER_SERVFAIL, "127.0.0.1#53"),
	    F(AUTHORITATIVE, AUTH_ANSWERS, "127.0.4.1#53"),
	    F(DNSSEC, DNSSEC_SECURE, NULL) }, 3, FAILURE_RESOLVER_SERVFAIL },
	{ "answers differ", {
	    F(RESOLVERS, ANSWERS_DIFFER, "127.0.0.1#53") }, 1,
	    FAILURE_SPLIT_HORIZON },
	{ "one resolver silent, one works", {
	    F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.1#53"),
	    F(RESOLVERS, RESOLVER_ANSWERS, "127.0.0.2#53") }, 2,
	    FAILURE_RESOLVER_FAILOVER },
	{ "failover penalty alone", {
	    F(RESOLVERS, FAILOVER_PENALTY, NULL) }, 1,
	    FAILURE_RESOLVER_FAILOVER },
	{ "serial behind", {
	    F(SERIALS, SERIALS_AGREE, NULL),
	    F(SERIALS, SERIAL_BEHIND, "127.0.4.2#53") }, 2,
	    FAILURE_SERIAL_MISMATCH },
	{ "zone copy expires soon", {
	    F(SERIALS, EXPIRE_SOON, "127.0.4.2#53") }, 1,
	    FAILURE_SECONDARY_EXPIRING },
	{ "signature expires soon", {
	    F(DNSSEC, SIG_EXPIRING, NULL) }, 1, FAILURE_DNSSEC_EXPIRING },
	{ "a server answers only without EDNS", {
	    F(AUTHORITATIVE, AUTH_ANSWERS, "127.0.3.1#53"),
	    F(AUTHORITATIVE, EDNS_UNSUPPORTED, "127.0.3.1#53") }, 2,
	    FAILURE_EDNS_UNSUPPORTED },
	{ "an alias chain that loops", {
	    F(AUTHORITATIVE, AUTH_ANSWERS, "127.0.3.1#53"),
	    F(AUTHORITATIVE, CNAME_LOOP, "127.0.3.1#53") }, 2,
	    FAILURE_CNAME_LOOP },
	{ "what was wrong with an answer is no verdict by itself", {
	    F(AUTHORITATIVE, AUTH_ANSWERS, "127.0.3.1#53"),
	    F(AUTHORITATIVE, MALFORMED_ANSWER, "127.0.3.2#53"),
	    F(AUTHORITATIVE, ANSWER_MISMATCH, "127.0.3.2#53"),
	    F(AUTHORITATIVE, OVERSIZED_ANSWER, "127.0.3.1#53") }, 4,
	    FAILURE_HEALTHY },

	/* The order between rules. */
	{ "a loop explains the resolver's SERVFAIL", {
	    F(RESOLVERS, RESOLVER_SERVFAIL, "127.0.0.1#53"),
	    F(AUTHORITATIVE, CNAME_LOOP, "127.0.3.1#53") }, 2,
	    FAILURE_CNAME_LOOP },
	{ "a server without EDNS explains the resolver's SERVFAIL", {
	    F(RESOLVERS, RESOLVER_SERVFAIL, "127.0.0.1#53"),
	    F(AUTHORITATIVE, EDNS_UNSUPPORTED, "127.0.3.1#53") }, 2,
	    FAILURE_EDNS_UNSUPPORTED },
	{ "a silent server before one without EDNS", {
	    F(AUTHORITATIVE, AUTH_ANSWERS, "127.0.3.1#53"),
	    F(AUTHORITATIVE, AUTH_TIMEOUT, "127.0.3.2#53"),
	    F(AUTHORITATIVE, EDNS_UNSUPPORTED, "127.0.3.1#53") }, 3,
	    FAILURE_AUTHORITATIVE_PARTIAL },
	{ "not-dns needs the name to resolve", {
	    F(SCOPE, SERVICE_UNREACHABLE, "192.0.2.10#443"),
	    F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.1#53") }, 2,
	    FAILURE_RESOLVER_DOWN },
	{ "not-dns gives way when the address may be wrong", {
	    F(SCOPE, NAME_RESOLVES, NULL),
	    F(SCOPE, SERVICE_UNREACHABLE, "192.0.2.10#443"),
	    F(SCOPE, HOSTS_OVERRIDE, NULL) }, 3, FAILURE_HOSTS_OVERRIDE },
	{ "a stale answer explains a dead service", {
	    F(SCOPE, NAME_RESOLVES, NULL),
	    F(SCOPE, SERVICE_UNREACHABLE, "192.0.2.10#443"),
	    F(AUTHORITATIVE, STALE_ANSWER, "127.0.0.1#53") }, 3,
	    FAILURE_STALE_CACHE },
	{ "not-dns before anything in DNS", {
	    F(SCOPE, NAME_RESOLVES, NULL),
	    F(SCOPE, SERVICE_UNREACHABLE, "192.0.2.10#443"),
	    F(SERIALS, SERIAL_BEHIND, NULL) }, 3, FAILURE_NOT_DNS },
	{ "hosts file before the resolvers", {
	    F(SCOPE, HOSTS_OVERRIDE, NULL),
	    F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.1#53") }, 2,
	    FAILURE_HOSTS_OVERRIDE },
	{ "stub before the resolvers behind it", {
	    F(SCOPE, STUB_TIMEOUT, "127.0.0.53#53"),
	    F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.53#53") }, 2,
	    FAILURE_STUB_RESOLVER_DOWN },
	{ "resolver-down before authoritative-down", {
	    F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.1#53"),
	    F(AUTHORITATIVE, AUTH_TIMEOUT, "127.0.4.1#53") }, 2,
	    FAILURE_RESOLVER_DOWN },
	{ "one silent and one refusing: refused, not down", {
	    F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.1#53"),
	    F(RESOLVERS, RESOLVER_REFUSED, "127.0.0.2#53") }, 2,
	    FAILURE_RESOLVER_REFUSED },
	{ "refused before authoritative-down", {
	    F(RESOLVERS, RESOLVER_REFUSED, "127.0.0.1#53"),
	    F(AUTHORITATIVE, AUTH_TIMEOUT, "127.0.4.1#53") }, 2,
	    FAILURE_RESOLVER_REFUSED },
	{ "dnssec-bogus explains the resolver SERVFAIL", {
	    F(RESOLVERS, RESOLVER_SERVFAIL, "127.0.0.1#53"),
	    F(AUTHORITATIVE, AUTH_ANSWERS, "127.0.4.1#53"),
	    F(AUTHORITATIVE, AUTH_TIMEOUT, "127.0.4.2#53"),
	    F(DNSSEC, VALIDATION_FAILURE, "127.0.0.1#53") }, 4,
	    FAILURE_DNSSEC_BOGUS },
	{ "authoritative-down explains the resolver SERVFAIL", {
	    F(RESOLVERS, RESOLVER_SERVFAIL, "127.0.0.1#53"),
	    F(AUTHORITATIVE, AUTH_TIMEOUT, "127.0.4.1#53") }, 2,
	    FAILURE_AUTHORITATIVE_DOWN },
	{ "an expired secondary before a partial outage", {
	    F(AUTHORITATIVE, AUTH_SERVFAIL, "127.0.4.1#53"),
	    F(AUTHORITATIVE, AUTH_TIMEOUT, "127.0.4.2#53") }, 2,
	    FAILURE_ZONE_EXPIRED_SECONDARY },
	{ "a lame server explains the resolver SERVFAIL", {
	    F(RESOLVERS, RESOLVER_SERVFAIL, "127.0.0.1#53"),
	    F(AUTHORITATIVE, AUTH_ANSWERS, "127.0.4.1#53"),
	    F(AUTHORITATIVE, AUTH_LAME, "127.0.4.2#53") }, 3,
	    FAILURE_LAME_DELEGATION },
	{ "wrong answers before degraded redundancy", {
	    F(AUTHORITATIVE, AUTH_ANSWERS, "127.0.4.1#53"),
	    F(AUTHORITATIVE, AUTH_TIMEOUT, "127.0.4.2#53"),
	    F(AUTHORITATIVE, STALE_NEGATIVE, "127.0.0.1#53") }, 3,
	    FAILURE_STALE_NEGATIVE_CACHE },
	{ "failover needs a working resolver", {
	    F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.1#53"),
	    F(RESOLVERS, RESOLVER_SERVFAIL, "127.0.0.2#53") }, 2,
	    FAILURE_RESOLVER_SERVFAIL },
	{ "critical before warnings", {
	    F(DNSSEC, SIG_EXPIRING, NULL),
	    F(SERIALS, SERIAL_BEHIND, NULL),
	    F(AUTHORITATIVE, AUTH_NXDOMAIN, "127.0.4.1#53") }, 3,
	    FAILURE_NXDOMAIN },
	{ "failover before serials and expiry", {
	    F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.1#53"),
	    F(RESOLVERS, RESOLVER_ANSWERS, "127.0.0.2#53"),
	    F(SERIALS, SERIAL_BEHIND, NULL),
	    F(DNSSEC, SIG_EXPIRING, NULL) }, 4, FAILURE_RESOLVER_FAILOVER },

	/* Severity: only warnings and criticals are evidence. */
	{ "an info finding supports nothing", {
	    FS(AUTHORITATIVE, AUTH_TIMEOUT, "127.0.4.1#53", INFO),
	    F(AUTHORITATIVE, AUTH_ANSWERS, "127.0.4.2#53") }, 2,
	    FAILURE_HEALTHY },
	{ "a symptom alone has no known cause", {
	    F(SCOPE, NAME_FAILS, NULL) }, 1, FAILURE_UNKNOWN },
	{ "every check passed", {
	    F(SCOPE, NAME_RESOLVES, NULL),
	    F(RESOLVERS, RESOLVER_ANSWERS, "127.0.0.1#53"),
	    F(DNSSEC, DNSSEC_INSECURE, NULL) }, 3, FAILURE_HEALTHY },
};

static void
test_each_rule_and_order(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct triage *t = build(cases[i].findings, cases[i].n);

		verdict_choose(t);
		if (t->verdict.code != cases[i].want)
			fail_msg("%s: got %s, want %s", cases[i].why,
			    verdict_code_str(&t->verdict),
			    knowledge_failure(cases[i].want)->name);
		assert_true(t->verdict.decided);
		triage_free(t);
	}
}

/* Every failure but healthy and unknown has exactly one rule. */
static void
test_table_has_one_rule_per_failure(void **state)
{
	size_t f, i, n;

	(void)state;
	for (f = 0; f < FAILURE_COUNT; f++) {
		for (i = 0, n = 0; i < verdict_rule_count(); i++)
			n += verdict_rule_at(i)->failure == f;
		if (f == FAILURE_HEALTHY || f == FAILURE_UNKNOWN)
			assert_int_equal(n, 0);
		else if (n != 1)
			fail_msg("%s has %zu rules", knowledge_failure(f)->name,
			    n);
	}
	assert_null(verdict_rule_at(verdict_rule_count()));
	/* The order the design asks for. */
	assert_int_equal(verdict_rule_at(0)->failure, FAILURE_NOT_DNS);
}

static size_t
rule_index(enum failure_code f)
{
	size_t i;

	for (i = 0; i < verdict_rule_count(); i++)
		if (verdict_rule_at(i)->failure == f)
			return i;
	return (size_t)-1;
}

static void
test_documented_precedence(void **state)
{
	(void)state;
	assert_true(rule_index(FAILURE_RESOLVER_DOWN) <
	    rule_index(FAILURE_RESOLVER_REFUSED));
	assert_true(rule_index(FAILURE_RESOLVER_REFUSED) <
	    rule_index(FAILURE_AUTHORITATIVE_DOWN));
	assert_true(rule_index(FAILURE_DNSSEC_BOGUS) <
	    rule_index(FAILURE_AUTHORITATIVE_PARTIAL));
	assert_true(rule_index(FAILURE_DNSSEC_BOGUS) <
	    rule_index(FAILURE_RESOLVER_SERVFAIL));
	assert_true(rule_index(FAILURE_STUB_RESOLVER_DOWN) <
	    rule_index(FAILURE_RESOLVER_DOWN));
}

static void
test_nothing_ran_is_unknown(void **state)
{
	struct triage *t = triage_new("www.example.test");
	struct step_result *s;

	(void)state;
	assert_int_equal(verdict_exit_status(&t->verdict), 3);
	verdict_choose(t);
	assert_int_equal(t->verdict.code, FAILURE_UNKNOWN);
	assert_int_equal(t->verdict.severity, SEVERITY_UNKNOWN);
	assert_int_equal(verdict_exit_status(&t->verdict), 3);
	/* Skipped steps are not results either. */
	s = triage_step(t, STEP_DNSSEC);
	step_skip(s, "later", NULL);
	verdict_choose(t);
	assert_int_equal(t->verdict.code, FAILURE_UNKNOWN);
	/* An ok finding in a step that never finished proves nothing. */
	triage_add_finding(t, STEP_SCOPE, FINDING_NAME_RESOLVES);
	verdict_choose(t);
	assert_int_equal(t->verdict.code, FAILURE_UNKNOWN);
	step_finish(triage_step(t, STEP_SCOPE));
	/* Steps still pending: "no problem found" is not healthy yet. */
	verdict_choose(t);
	assert_int_equal(t->verdict.code, FAILURE_UNKNOWN);
	step_skip(triage_step(t, STEP_RESOLVERS), "later", NULL);
	step_skip(triage_step(t, STEP_AUTHORITATIVE), "later", NULL);
	triage_step(t, STEP_SERIALS)->status = STEP_RUNNING;
	verdict_choose(t);
	assert_int_equal(t->verdict.code, FAILURE_UNKNOWN);
	step_finish(triage_step(t, STEP_SERIALS));
	verdict_choose(t);
	assert_int_equal(t->verdict.code, FAILURE_HEALTHY);
	assert_int_equal(t->verdict.severity, SEVERITY_OK);
	assert_int_equal(verdict_exit_status(&t->verdict), 0);
	triage_free(t);
}

static void
test_exit_status_follows_severity(void **state)
{
	static const struct spec warn[] = { F(SERIALS, SERIAL_BEHIND, NULL) };
	static const struct spec crit[] = {
		F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.1#53"),
	};
	static const struct spec symptom[] = { F(SCOPE, NAME_FAILS, NULL) };
	struct triage *t;

	(void)state;
	t = build(warn, 1);
	verdict_choose(t);
	assert_int_equal(t->verdict.severity, SEVERITY_WARNING);
	assert_int_equal(verdict_exit_status(&t->verdict), 1);
	triage_free(t);
	t = build(crit, 1);
	verdict_choose(t);
	assert_int_equal(verdict_exit_status(&t->verdict), 2);
	triage_free(t);
	/* Unknown cause of a critical symptom: still critical. */
	t = build(symptom, 1);
	verdict_choose(t);
	assert_int_equal(t->verdict.code, FAILURE_UNKNOWN);
	assert_int_equal(t->verdict.severity, SEVERITY_CRITICAL);
	assert_int_equal(verdict_exit_status(&t->verdict), 2);
	assert_int_equal(t->verdict.ncauses, 1);
	triage_free(t);
}

/* A critical-by-default finding does not make a warning verdict critical:
 * the failure code decides the severity. */
static void
test_severity_is_the_failure_codes(void **state)
{
	static const struct spec failover[] = {
		F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.1#53"),
		F(RESOLVERS, RESOLVER_ANSWERS, "127.0.0.2#53"),
	};
	struct triage *t = build(failover, 2);

	(void)state;
	verdict_choose(t);
	assert_int_equal(t->verdict.code, FAILURE_RESOLVER_FAILOVER);
	assert_int_equal(t->verdict.severity, SEVERITY_WARNING);
	triage_free(t);
}

static void
test_facts_from_causes_and_run(void **state)
{
	struct triage *t = triage_new("www.example.test");
	struct finding *f;
	char *s;

	(void)state;
	triage_add_type(t, "AAAA");
	f = triage_add_finding(t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS);
	finding_set_server(f, "127.0.0.9#53");
	finding_set_fact(f, FACT_RESOLVER, "127.0.0.9");
	f = triage_add_finding(t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT);
	finding_set_server(f, "127.0.0.1#53");
	finding_set_fact(f, FACT_SECONDS, "4");
	f = triage_add_finding(t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT);
	finding_set_server(f, "127.0.0.2#53");
	f = triage_add_finding(t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT);
	finding_set_server(f, "127.0.0.1#53");
	step_finish(triage_step(t, STEP_RESOLVERS));
	verdict_choose(t);

	assert_int_equal(t->verdict.code, FAILURE_RESOLVER_FAILOVER);
	assert_int_equal(t->verdict.ncauses, 3);
	/* Servers at fault: every distinct one, joined. */
	assert_string_equal(verdict_fact(&t->verdict, FACT_SERVER),
	    "127.0.0.1#53, 127.0.0.2#53");
	/* An address for commands: the first cause's. */
	assert_string_equal(verdict_fact(&t->verdict, FACT_ADDRESS),
	    "127.0.0.1");
	/* Facts of the run: from any finding, then the run itself. */
	assert_string_equal(verdict_fact(&t->verdict, FACT_RESOLVER),
	    "127.0.0.9");
	assert_string_equal(verdict_fact(&t->verdict, FACT_NAME),
	    "www.example.test");
	assert_string_equal(verdict_fact(&t->verdict, FACT_TYPE), "AAAA");
	assert_string_equal(verdict_fact(&t->verdict, FACT_SECONDS), "4");
	assert_null(verdict_fact(&t->verdict, FACT_ZONE));

	s = verdict_summary(&t->verdict);
	assert_string_equal(s, "Not every resolver answers (dead: "
	    "127.0.0.1#53, 127.0.0.2#53); lookups still work through another "
	    "one, but every lookup that tries a silent one first waits out its "
	    "timeout.");
	free(s);
	s = verdict_recovery_text(&t->verdict, 0);
	assert_non_null(strstr(s, "Promote the working resolver 127.0.0.9:"));
	free(s);
	s = verdict_recovery_line(&t->verdict, 1);
	assert_non_null(strstr(s, "dig @127.0.0.1 . SOA +time=2 +tries=1"));
	free(s);
	assert_null(verdict_recovery_command(&t->verdict, 0));
	assert_null(verdict_recovery_command(&t->verdict, 99));
	s = verdict_recovery_text(&t->verdict, 99);
	assert_string_equal(s, "");
	free(s);
	triage_free(t);
}

static void
test_recovery_names_the_run_and_marks_gaps(void **state)
{
	struct triage *t = triage_new("www.example.test");
	struct finding *f;
	char *cmd;
	size_t i, n;
	bool flush = false;

	(void)state;
	f = triage_add_finding(t, STEP_AUTHORITATIVE, FINDING_STALE_ANSWER);
	finding_set_server(f, "127.0.3.2#53");
	step_finish(triage_step(t, STEP_AUTHORITATIVE));
	verdict_choose(t);
	assert_int_equal(t->verdict.code, FAILURE_STALE_CACHE);
	n = verdict_recovery_count(&t->verdict);
	assert_true(n >= 5);
	for (i = 0; i < n; i++) {
		cmd = verdict_recovery_command(&t->verdict, i);
		if (cmd != NULL && strcmp(cmd,
		    "rndc flushname www.example.test") == 0)
			flush = true;
		free(cmd);
	}
	assert_true(flush);
	/* No finding said how long: the gap shows as <seconds>. */
	cmd = verdict_recovery_text(&t->verdict, n - 1);
	assert_non_null(strstr(cmd, "<seconds>"));
	free(cmd);
	triage_free(t);
}

static void
test_choose_replaces_derive_leaves_run(void **state)
{
	static const struct spec crit[] = {
		F(RESOLVERS, RESOLVER_TIMEOUT, "127.0.0.1#53"),
	};
	struct triage *t = build(crit, 1);
	struct verdict v;

	(void)state;
	verdict_choose(t);
	verdict_choose(t);
	assert_int_equal(t->verdict.code, FAILURE_RESOLVER_DOWN);
	memset(&v, 0, sizeof(v));
	verdict_derive(t, &v);
	assert_int_equal(v.code, FAILURE_RESOLVER_DOWN);
	assert_ptr_equal(v.causes[0], t->steps[STEP_RESOLVERS].findings[0]);
	verdict_clear(&v);
	assert_false(v.decided);
	triage_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_rule_and_order),
		cmocka_unit_test(test_table_has_one_rule_per_failure),
		cmocka_unit_test(test_documented_precedence),
		cmocka_unit_test(test_nothing_ran_is_unknown),
		cmocka_unit_test(test_exit_status_follows_severity),
		cmocka_unit_test(test_severity_is_the_failure_codes),
		cmocka_unit_test(test_facts_from_causes_and_run),
		cmocka_unit_test(test_recovery_names_the_run_and_marks_gaps),
		cmocka_unit_test(test_choose_replaces_derive_leaves_run),
	};

	setenv("LC_ALL", "C", 1);
	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
