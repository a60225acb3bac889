/* test_finding.c - the triage model: defaults, messages kept untranslated
 * and rendered later, facts, step status, ownership (run under valgrind),
 * and the field table the views share. */
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
#include "dnstriage/i18n.h"

static void
test_new_triage_is_pending_and_undecided(void **state)
{
	struct triage *t = triage_new("www.example.test");
	size_t i;

	(void)state;
	assert_string_equal(t->name, "www.example.test");
	for (i = 0; i < STEP_COUNT; i++) {
		assert_int_equal(t->steps[i].id, i);
		assert_int_equal(t->steps[i].status, STEP_PENDING);
		assert_int_equal(t->steps[i].nfindings, 0);
	}
	assert_false(t->verdict.decided);
	assert_int_equal(t->verdict.code, FAILURE_UNKNOWN);
	assert_int_equal(t->duration_ms, -1);
	triage_free(t);
	triage_free(NULL);
}

static void
test_finding_defaults_from_code(void **state)
{
	struct triage *t = triage_new("x.test");
	struct finding *f = triage_add_finding(t, STEP_RESOLVERS,
	    FINDING_RESOLVER_TIMEOUT);
	struct finding *g = triage_add_finding(t, STEP_RESOLVERS,
	    FINDING_RESOLVER_ANSWERS);

	(void)state;
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_int_equal(g->severity, SEVERITY_OK);
	assert_int_equal(f->rcode, -1);
	assert_int_equal(f->rtt_ms, -1);
	assert_null(f->server);
	assert_string_equal(finding_code_str(f), "resolver-timeout");
	assert_int_equal(t->steps[STEP_RESOLVERS].nfindings, 2);
	assert_ptr_equal(t->steps[STEP_RESOLVERS].findings[0], f);
	finding_set_severity(f, SEVERITY_UNKNOWN);
	assert_int_equal(f->severity, SEVERITY_INFO);
	triage_free(t);
}

static void
test_message_untranslated_until_rendered(void **state)
{
	struct triage *t = triage_new("www.example.test");
	struct finding *f = triage_add_finding(t, STEP_RESOLVERS,
	    FINDING_RESOLVER_SERVFAIL);
	const char *msgid = N_("%2$s answered %1$s for the name");
	char *s;

	(void)state;
	finding_set_message(f, msgid, "SERVFAIL", "127.0.3.2#53", NULL);
	/* Stored as the msgid and its arguments, not as formatted text. */
	assert_string_equal(f->message.msgid, msgid);
	assert_int_equal(f->message.nargs, 2);
	assert_string_equal(f->message.args[1], "127.0.3.2#53");
	s = finding_message(f);
	assert_string_equal(s, "127.0.3.2#53 answered SERVFAIL for the name");
	free(s);
	/* Setting it again replaces it (no leak under valgrind). */
	finding_set_message(f, N_("%s and %s"), "one", NULL);
	s = finding_message(f);
	assert_string_equal(s, "one and ?");
	free(s);
	triage_free(t);
}

static void
test_message_plural_and_empty(void **state)
{
	struct message m;
	const char *args[] = { "3" };
	char *s;

	(void)state;
	memset(&m, 0, sizeof(m));
	s = message_render(&m);
	assert_string_equal(s, "");
	free(s);
	message_set_plural(&m, N_("%s day"), N_("%s days"), 3, args, 1);
	s = message_render(&m);
	assert_string_equal(s, "3 days");
	free(s);
	args[0] = "1";
	message_set_plural(&m, N_("%s day"), N_("%s days"), 1, args, 1);
	s = message_render(&m);
	assert_string_equal(s, "1 day");
	free(s);
	/* gettext("") would return the catalogue header: never. */
	message_set(&m, "", NULL, 0);
	s = message_render(&m);
	assert_string_equal(s, "");
	free(s);
	message_clear(&m);
}

static void
test_message_keeps_at_most_nine_args(void **state)
{
	struct triage *t = triage_new("n");
	struct finding *f = triage_add_finding(t, STEP_SCOPE,
	    FINDING_NAME_FAILS);
	char *s;

	(void)state;
	finding_set_message(f, "%9$s%1$s", "1", "2", "3", "4", "5", "6", "7",
	    "8", "9", "10", "11", NULL);
	assert_int_equal(f->message.nargs, MESSAGE_MAX_ARGS);
	s = finding_message(f);
	assert_string_equal(s, "91");
	free(s);
	triage_free(t);
}

static void
test_address_fact_derives_from_server(void **state)
{
	struct triage *t = triage_new("n");
	struct finding *f = triage_add_finding(t, STEP_RESOLVERS,
	    FINDING_RESOLVER_TIMEOUT);
	char buf[64];

	(void)state;
	assert_null(finding_fact(f, FACT_ADDRESS, buf, sizeof(buf)));
	finding_set_server(f, "127.0.3.2#53");
	assert_string_equal(finding_fact(f, FACT_ADDRESS, buf, sizeof(buf)),
	    "127.0.3.2");
	assert_string_equal(finding_fact(f, FACT_SERVER, buf, sizeof(buf)),
	    "127.0.3.2#53");
	finding_set_server(f, "::1#5353");
	assert_string_equal(finding_fact(f, FACT_ADDRESS, buf, sizeof(buf)),
	    "::1");
	finding_set_fact(f, FACT_ADDRESS, "192.0.2.7");
	assert_string_equal(finding_fact(f, FACT_ADDRESS, buf, sizeof(buf)),
	    "192.0.2.7");
	finding_set_fact(f, FACT_SERVER, "10.0.0.1#53");
	assert_string_equal(f->server, "10.0.0.1#53");
	finding_set_fact(f, FACT_ZONE, "example.test");
	finding_set_fact(f, FACT_ZONE, NULL);
	assert_null(finding_fact(f, FACT_ZONE, buf, sizeof(buf)));
	triage_free(t);
}

static void
test_step_finish_takes_the_worst(void **state)
{
	struct triage *t = triage_new("n");
	struct step_result *s = triage_step(t, STEP_AUTHORITATIVE);

	(void)state;
	assert_int_equal(step_finish(s), STEP_OK);
	step_add_finding(s, FINDING_ZONE_CUT);
	step_add_finding(s, FINDING_AUTH_ANSWERS);
	assert_int_equal(step_finish(s), STEP_OK);
	step_add_finding(s, FINDING_AUTH_LAME);
	assert_int_equal(step_finish(s), STEP_WARNING);
	step_add_finding(s, FINDING_AUTH_TIMEOUT);
	assert_int_equal(step_finish(s), STEP_CRITICAL);
	step_add_finding(s, FINDING_AUTH_LAME);
	assert_int_equal(s->status, STEP_CRITICAL);
	assert_int_equal(step_finish(s), STEP_CRITICAL);
	triage_free(t);
}

static void
test_step_skip_keeps_reason(void **state)
{
	struct triage *t = triage_new("n");
	struct step_result *s = triage_step(t, STEP_SERIALS);
	char *r;

	(void)state;
	step_skip(s, N_("needs %s"), "the authoritative step", NULL);
	assert_int_equal(s->status, STEP_SKIPPED);
	r = message_render(&s->skip_reason);
	assert_string_equal(r, "needs the authoritative step");
	free(r);
	assert_null(triage_step(t, (enum step_id)STEP_COUNT));
	triage_free(t);
}

static void
test_step_and_status_strings(void **state)
{
	(void)state;
	assert_string_equal(step_id_str(STEP_SCOPE), "scope");
	assert_string_equal(step_id_str(STEP_RESOLVERS), "resolvers");
	assert_string_equal(step_id_str(STEP_AUTHORITATIVE), "authoritative");
	assert_string_equal(step_id_str(STEP_DNSSEC), "dnssec");
	assert_string_equal(step_id_str(STEP_SERIALS), "serials");
	assert_string_equal(step_status_str(STEP_SKIPPED), "skipped");
	assert_string_equal(step_status_str(STEP_PENDING), "pending");
	assert_true(step_status_is_result(STEP_WARNING));
	assert_false(step_status_is_result(STEP_RUNNING));
	assert_false(step_status_is_result(STEP_SKIPPED));
}

static void
test_command_line_is_quoted_for_a_shell(void **state)
{
	char *argv[] = { "dnstriage", "--report", "-r", "127.0.0.1#53",
	    "it's here", "", "a b", NULL };
	struct triage *t = triage_new("n");

	(void)state;
	triage_set_command_line(t, 7, argv);
	assert_string_equal(t->command_line,
	    "dnstriage --report -r 127.0.0.1#53 'it'\\''s here' '' 'a b'");
	triage_set_command_line(t, 1, argv);
	assert_string_equal(t->command_line, "dnstriage");
	triage_free(t);
}

static void
test_types_are_bounded(void **state)
{
	struct triage *t = triage_new("n");
	size_t i;

	(void)state;
	for (i = 0; i < TRIAGE_MAX_TYPES; i++)
		assert_true(triage_add_type(t, "A"));
	assert_false(triage_add_type(t, "AAAA"));
	assert_false(triage_add_type(t, NULL));
	triage_free(t);
}

/* The JSON keys of a finding are exactly those of DESIGN.md. */
static void
test_field_table_matches_schema(void **state)
{
	static const char *const keys[] = { "code", "severity", "message",
	    "server", "rcode", "ede", "rtt_ms", "reproduce" };
	size_t i, k = 0;

	(void)state;
	for (i = 0; i < finding_nfields; i++) {
		if (finding_fields[i].json_key == NULL)
			continue;
		assert_true(k < sizeof(keys) / sizeof(keys[0]));
		assert_string_equal(finding_fields[i].json_key, keys[k++]);
	}
	assert_int_equal(k, sizeof(keys) / sizeof(keys[0]));
}

static const struct finding_field *
field(const char *label)
{
	size_t i;

	for (i = 0; i < finding_nfields; i++)
		if (finding_fields[i].label != NULL &&
		    strcmp(finding_fields[i].label, label) == 0)
			return &finding_fields[i];
	fail_msg("no field %s", label);
	return NULL;
}

static void
test_field_values(void **state)
{
	struct triage *t = triage_new("n");
	struct finding *f = triage_add_finding(t, STEP_DNSSEC,
	    FINDING_VALIDATION_FAILURE);
	struct field_value v;

	(void)state;
	finding_field_get(field("RCODE"), f, &v);
	assert_int_equal(v.kind, FIELD_ABSENT);
	field_value_clear(&v);
	finding_set_rcode(f, 2);
	finding_add_ede(f, 6);
	finding_add_ede(f, 7);
	finding_set_rtt(f, 3);
	finding_field_get(field("RCODE"), f, &v);
	assert_int_equal(v.kind, FIELD_STRING);
	assert_string_equal(v.str, "SERVFAIL");
	field_value_clear(&v);
	finding_field_text(field("RCODE"), f, &v);
	assert_non_null(strstr(v.str, "SERVFAIL - "));
	field_value_clear(&v);
	finding_field_get(field("EDE"), f, &v);
	assert_int_equal(v.kind, FIELD_NUMBER_LIST);
	assert_int_equal(v.nlist, 2);
	assert_int_equal(v.list[1], 7);
	field_value_clear(&v);
	finding_field_text(field("EDE"), f, &v);
	assert_string_equal(v.str, "6 (DNSSEC Bogus); 7 (Signature Expired)");
	field_value_clear(&v);
	finding_field_text(field("RTT"), f, &v);
	assert_string_equal(v.str, "3 ms");
	field_value_clear(&v);
	finding_set_rcode(f, 42);
	finding_add_ede(f, 999);
	finding_field_get(field("RCODE"), f, &v);
	assert_string_equal(v.str, "RCODE42");
	field_value_clear(&v);
	finding_field_text(field("EDE"), f, &v);
	assert_non_null(strstr(v.str, "999 (unassigned)"));
	field_value_clear(&v);
	triage_free(t);
}

/* Everything a run holds, freed by one call (valgrind checks the rest). */
static void
test_full_run_frees_everything(void **state)
{
	char *argv[] = { "dnstriage", "--json", "x.test", NULL };
	struct triage *t = triage_new("x.test");
	size_t s, i;

	(void)state;
	triage_add_type(t, "A");
	triage_add_type(t, "AAAA");
	triage_set_host(t, "sw-01");
	triage_set_version(t, "0.1.0");
	triage_set_command_line(t, 3, argv);
	for (s = 0; s < STEP_COUNT; s++) {
		for (i = 0; i < 20; i++) {
			struct finding *f = triage_add_finding(t, s,
			    (enum finding_code)(i % FINDING_CODE_COUNT));

			finding_set_message(f, N_("%s"), "m", NULL);
			finding_set_server(f, "127.0.0.1#53");
			finding_add_ede(f, 3);
			finding_set_flags(f, "qr");
			finding_set_reproduce(f, "dig");
			finding_set_evidence(f, "e\ne");
			finding_set_fact(f, FACT_ZONE, "x.test");
		}
		step_finish(&t->steps[s]);
	}
	step_skip(&t->steps[STEP_SERIALS], N_("later"), NULL);
	verdict_choose(t);
	verdict_choose(t);
	assert_true(t->verdict.decided);
	triage_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_triage_is_pending_and_undecided),
		cmocka_unit_test(test_finding_defaults_from_code),
		cmocka_unit_test(test_message_untranslated_until_rendered),
		cmocka_unit_test(test_message_plural_and_empty),
		cmocka_unit_test(test_message_keeps_at_most_nine_args),
		cmocka_unit_test(test_address_fact_derives_from_server),
		cmocka_unit_test(test_step_finish_takes_the_worst),
		cmocka_unit_test(test_step_skip_keeps_reason),
		cmocka_unit_test(test_step_and_status_strings),
		cmocka_unit_test(test_command_line_is_quoted_for_a_shell),
		cmocka_unit_test(test_types_are_bounded),
		cmocka_unit_test(test_field_table_matches_schema),
		cmocka_unit_test(test_field_values),
		cmocka_unit_test(test_full_run_frees_everything),
	};

	setenv("LC_ALL", "C", 1);
	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
