/* test_knowledge.c - the knowledge tables are complete and consistent:
 * every failure code of DESIGN.md with its prose and recovery steps, every
 * placeholder a known fact, every finding code titled, RCODEs 0-10 and
 * 16-23, EDE 0-30, and lookups that never return NULL. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "dnstriage/knowledge.h"

/* The failure codes of DESIGN.md's table: the contract. */
static const char *const design_codes[] = {
	"healthy", "not-dns", "hosts-override", "stub-resolver-down",
	"resolver-down", "resolver-failover", "resolver-refused",
	"authoritative-down", "authoritative-partial", "lame-delegation",
	"zone-expired-secondary", "serial-mismatch", "dnssec-bogus",
	"dnssec-expiring", "stale-negative-cache", "stale-cache", "nxdomain",
	"split-horizon",
};

static void
test_every_design_code_exists(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(design_codes) / sizeof(design_codes[0]); i++) {
		const struct failure_info *fi =
		    knowledge_failure_by_name(design_codes[i]);

		assert_true(knowledge_failure_exists(design_codes[i]));
		assert_string_equal(fi->name, design_codes[i]);
	}
}

static void
test_failure_codes_have_prose_and_steps(void **state)
{
	size_t i, j, r;

	(void)state;
	for (i = 0; i < FAILURE_COUNT; i++) {
		const struct failure_info *fi = knowledge_failure(i);

		assert_int_equal(fi->code, i);
		assert_non_null(fi->name);
		assert_non_null(fi->summary);
		assert_true(strlen(fi->summary) > 20);
		assert_non_null(fi->help);
		assert_true(strlen(fi->help) > 40);
		assert_true(fi->nrecovery >= 1);
		for (r = 0; r < fi->nrecovery; r++) {
			assert_non_null(fi->recovery[r].text);
			assert_true(fi->recovery[r].text[0] != '\0');
		}
		for (j = i + 1; j < FAILURE_COUNT; j++)
			assert_string_not_equal(fi->name,
			    knowledge_failure(j)->name);
	}
}

static void
test_failure_severities(void **state)
{
	(void)state;
	assert_int_equal(knowledge_failure(FAILURE_HEALTHY)->severity,
	    SEVERITY_OK);
	assert_int_equal(knowledge_failure(FAILURE_RESOLVER_DOWN)->severity,
	    SEVERITY_CRITICAL);
	assert_int_equal(knowledge_failure(FAILURE_RESOLVER_FAILOVER)->severity,
	    SEVERITY_WARNING);
	assert_int_equal(knowledge_failure(FAILURE_DNSSEC_EXPIRING)->severity,
	    SEVERITY_WARNING);
	assert_int_equal(knowledge_failure(FAILURE_UNKNOWN)->severity,
	    SEVERITY_UNKNOWN);
}

static void
test_unknown_failure_lookups_are_not_null(void **state)
{
	(void)state;
	assert_false(knowledge_failure_exists("no-such-code"));
	assert_false(knowledge_failure_exists(NULL));
	assert_int_equal(knowledge_failure_by_name("no-such-code")->code,
	    FAILURE_UNKNOWN);
	assert_int_equal(knowledge_failure_by_name(NULL)->code,
	    FAILURE_UNKNOWN);
	assert_int_equal(knowledge_failure((enum failure_code)999)->code,
	    FAILURE_UNKNOWN);
}

/* Every {placeholder} in a template names a fact of FACT_TABLE. */
static void
assert_placeholders_known(const char *tmpl)
{
	const char *p = tmpl;
	enum fact f;

	while (tmpl != NULL && (p = strchr(p, '{')) != NULL) {
		const char *end = p + 1;

		while ((*end >= 'a' && *end <= 'z') || *end == '_')
			end++;
		if (*end == '}' && end > p + 1) {
			if (!fact_by_key(p + 1, (size_t)(end - p - 1), &f))
				fail_msg("unknown placeholder in \"%s\"", tmpl);
		}
		p++;
	}
}

static void
test_placeholders_are_facts(void **state)
{
	size_t i, r;

	(void)state;
	for (i = 0; i < FAILURE_COUNT; i++) {
		const struct failure_info *fi = knowledge_failure(i);

		assert_placeholders_known(fi->summary);
		for (r = 0; r < fi->nrecovery; r++) {
			assert_placeholders_known(fi->recovery[r].text);
			assert_placeholders_known(fi->recovery[r].command);
		}
	}
}

static bool
has_command(enum failure_code code, const char *command)
{
	const struct failure_info *fi = knowledge_failure(code);
	size_t r;

	for (r = 0; r < fi->nrecovery; r++)
		if (fi->recovery[r].command != NULL &&
		    strcmp(fi->recovery[r].command, command) == 0)
			return true;
	return false;
}

static void
test_recovery_names_real_commands(void **state)
{
	(void)state;
	assert_true(has_command(FAILURE_STALE_CACHE, "rndc flushname {name}"));
	assert_true(has_command(FAILURE_STALE_CACHE,
	    "unbound-control flush {name}"));
	assert_true(has_command(FAILURE_STALE_CACHE,
	    "kresctl cache clear --exact-name {name}"));
	assert_true(has_command(FAILURE_STALE_CACHE,
	    "cache.clear('{name}.', true)"));
	assert_true(has_command(FAILURE_STALE_CACHE,
	    "resolvectl flush-caches"));
	assert_true(has_command(FAILURE_STALE_NEGATIVE_CACHE,
	    "unbound-control flush_negative"));
	assert_true(has_command(FAILURE_STALE_NEGATIVE_CACHE,
	    "unbound-control flush_type {name} {type}"));
	assert_true(has_command(FAILURE_ZONE_EXPIRED_SECONDARY,
	    "rndc retransfer {zone}"));
	assert_true(has_command(FAILURE_SERIAL_MISMATCH,
	    "rndc retransfer {zone}"));
	assert_true(has_command(FAILURE_DNSSEC_BOGUS, "rndc sign {zone}"));
	assert_true(has_command(FAILURE_DNSSEC_BOGUS,
	    "unbound-control flush_bogus"));
	assert_true(has_command(FAILURE_STUB_RESOLVER_DOWN,
	    "systemctl restart systemd-resolved"));
}

static void
test_facts_by_key(void **state)
{
	enum fact f;
	size_t i;

	(void)state;
	for (i = 0; i < FACT_COUNT; i++) {
		const char *key = fact_key(i);

		assert_true(fact_by_key(key, strlen(key), &f));
		assert_int_equal(f, i);
	}
	assert_false(fact_by_key("nam", 3, &f));
	assert_false(fact_by_key("names", 5, &f));
	assert_int_equal(fact_gather(FACT_SERVER), FACT_CAUSE_JOIN);
	assert_int_equal(fact_gather(FACT_ZONE), FACT_RUN_FIRST);
}

static void
test_finding_codes_titled_and_unique(void **state)
{
	enum finding_code c;
	size_t i, j;

	(void)state;
	for (i = 0; i < FINDING_CODE_COUNT; i++) {
		const struct finding_code_info *fc = knowledge_finding_code(i);

		assert_int_equal(fc->code, i);
		assert_non_null(fc->title);
		assert_true(fc->severity != SEVERITY_UNKNOWN);
		assert_true(knowledge_finding_code_by_name(fc->name, &c));
		assert_int_equal(c, i);
		for (j = i + 1; j < FINDING_CODE_COUNT; j++)
			assert_string_not_equal(fc->name,
			    knowledge_finding_code(j)->name);
	}
	assert_false(knowledge_finding_code_by_name("no-such-finding", &c));
	assert_string_equal(knowledge_finding_code(
	    (enum finding_code)999)->name, "unknown-finding");
}

/* Every finding code has its own explanation, and no two share one. */
static void
test_finding_codes_explained(void **state)
{
	const char *generic = knowledge_finding_help((enum finding_code)999);
	size_t i, j;

	(void)state;
	assert_non_null(generic);
	for (i = 0; i < FINDING_CODE_COUNT; i++) {
		const char *help = knowledge_finding_help(i);

		assert_non_null(help);
		assert_true(help != generic);
		assert_true(strlen(help) > 40);
		assert_null(strchr(help, '{'));	/* no facts to fill in */
		for (j = i + 1; j < FINDING_CODE_COUNT; j++)
			assert_string_not_equal(help,
			    knowledge_finding_help(j));
	}
}

/* Every failure but healthy and unknown can be reached from a finding;
 * every finding that is a problem by default supports a failure, except
 * the two symptoms that need another step to explain them. */
static void
test_supports_cover_every_failure(void **state)
{
	size_t c, f;

	(void)state;
	for (f = 0; f < FAILURE_COUNT; f++) {
		bool reached = false;

		for (c = 0; c < FINDING_CODE_COUNT; c++)
			reached |= knowledge_supports(c, f);
		if (f == FAILURE_HEALTHY || f == FAILURE_UNKNOWN)
			assert_false(reached);
		else if (!reached)
			fail_msg("no finding supports %s",
			    knowledge_failure(f)->name);
	}
	for (c = 0; c < FINDING_CODE_COUNT; c++) {
		bool supports_any = false;

		for (f = 0; f < FAILURE_COUNT; f++)
			supports_any |= knowledge_supports(c, f);
		if (!severity_is_problem(knowledge_finding_code(c)->severity))
			assert_false(supports_any);
		else if (!supports_any && c != FINDING_NAME_FAILS &&
		    c != FINDING_RESOLVER_NXDOMAIN)
			fail_msg("%s supports nothing",
			    knowledge_finding_code(c)->name);
	}
	assert_true(knowledge_supports(FINDING_RESOLVER_TIMEOUT,
	    FAILURE_RESOLVER_DOWN));
	assert_true(knowledge_supports(FINDING_RESOLVER_TIMEOUT,
	    FAILURE_RESOLVER_FAILOVER));
	assert_false(knowledge_supports(FINDING_RESOLVER_TIMEOUT,
	    FAILURE_DNSSEC_BOGUS));
}

static void
test_rcodes_0_to_10_and_16_to_23(void **state)
{
	static const char *const names[] = {
		"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP",
		"REFUSED", "YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH",
		"NOTZONE",
	};
	static const char *const tsig[] = {
		"BADVERS", "BADKEY", "BADTIME", "BADMODE", "BADNAME", "BADALG",
		"BADTRUNC", "BADCOOKIE",
	};
	int i;

	(void)state;
	for (i = 0; i <= 10; i++) {
		const struct rcode_info *r = knowledge_rcode(i);

		assert_true(r->known);
		assert_int_equal(r->code, i);
		assert_string_equal(r->name, names[i]);
		assert_non_null(r->meaning);
		assert_non_null(r->next);
	}
	for (i = 16; i <= 23; i++) {
		assert_true(knowledge_rcode(i)->known);
		assert_string_equal(knowledge_rcode(i)->name, tsig[i - 16]);
	}
	for (i = 11; i <= 15; i++)
		assert_false(knowledge_rcode(i)->known);
	assert_int_equal(knowledge_rcode_count(), 19);
}

static void
test_rcode_lookups_never_null(void **state)
{
	char buf[16];

	(void)state;
	assert_false(knowledge_rcode(-1)->known);
	assert_false(knowledge_rcode(4095)->known);
	assert_non_null(knowledge_rcode(24)->meaning);
	assert_int_equal(knowledge_rcode_by_name("servfail")->code, 2);
	assert_int_equal(knowledge_rcode_by_name("BADSIG")->code, 16);
	assert_false(knowledge_rcode_by_name("NOPE")->known);
	assert_false(knowledge_rcode_by_name(NULL)->known);
	assert_string_equal(knowledge_rcode_str(3, buf, sizeof(buf)),
	    "NXDOMAIN");
	assert_string_equal(knowledge_rcode_str(42, buf, sizeof(buf)),
	    "RCODE42");
	assert_false(knowledge_rcode_at(1000)->known);
}

static void
test_ede_0_to_30(void **state)
{
	int i;

	(void)state;
	for (i = 0; i <= 30; i++) {
		const struct ede_info *e = knowledge_ede(i);

		assert_true(e->known);
		assert_int_equal(e->code, i);
		assert_non_null(e->name);
		assert_non_null(e->meaning);
	}
	assert_string_equal(knowledge_ede(7)->name, "Signature Expired");
	assert_string_equal(knowledge_ede(22)->name, "No Reachable Authority");
	assert_string_equal(knowledge_ede(25)->name,
	    "Signature Expired before Valid");
	assert_string_equal(knowledge_ede(27)->name,
	    "Unsupported NSEC3 Iterations Value");
	assert_string_equal(knowledge_ede(30)->name, "Invalid Query Type");
	assert_int_equal(knowledge_ede_count(), 31);
}

static void
test_ede_lookups_never_null(void **state)
{
	(void)state;
	assert_false(knowledge_ede(31)->known);
	assert_false(knowledge_ede(-5)->known);
	assert_false(knowledge_ede(65535)->known);
	assert_non_null(knowledge_ede(65535)->meaning);
	assert_int_equal(knowledge_ede_by_name("signature expired")->code, 7);
	assert_false(knowledge_ede_by_name("Nope")->known);
	assert_false(knowledge_ede_at(31)->known);
}

static void
test_severity_strings(void **state)
{
	(void)state;
	assert_string_equal(severity_str(SEVERITY_INFO), "info");
	assert_string_equal(severity_str(SEVERITY_OK), "ok");
	assert_string_equal(severity_str(SEVERITY_WARNING), "warning");
	assert_string_equal(severity_str(SEVERITY_CRITICAL), "critical");
	assert_string_equal(severity_str((enum severity)99), "unknown");
	assert_string_equal(severity_label(SEVERITY_CRITICAL), "critical");
	assert_true(severity_is_problem(SEVERITY_WARNING));
	assert_false(severity_is_problem(SEVERITY_OK));
	assert_false(severity_is_problem(SEVERITY_UNKNOWN));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_design_code_exists),
		cmocka_unit_test(test_failure_codes_have_prose_and_steps),
		cmocka_unit_test(test_failure_severities),
		cmocka_unit_test(test_unknown_failure_lookups_are_not_null),
		cmocka_unit_test(test_placeholders_are_facts),
		cmocka_unit_test(test_recovery_names_real_commands),
		cmocka_unit_test(test_facts_by_key),
		cmocka_unit_test(test_finding_codes_titled_and_unique),
		cmocka_unit_test(test_finding_codes_explained),
		cmocka_unit_test(test_supports_cover_every_failure),
		cmocka_unit_test(test_rcodes_0_to_10_and_16_to_23),
		cmocka_unit_test(test_rcode_lookups_never_null),
		cmocka_unit_test(test_ede_0_to_30),
		cmocka_unit_test(test_ede_lookups_never_null),
		cmocka_unit_test(test_severity_strings),
	};

	setlocale(LC_ALL, "C");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
