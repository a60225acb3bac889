/* test_report.c - the text and JSON reports against golden files in
 * tests/fixtures/report/, built from models made by hand with a fixed
 * time, host and duration, rendered under LC_ALL=C. Also: JSON string
 * escaping, the 100-column limit, no control characters in the text,
 * optional JSON keys left out, write errors reported.
 *
 * To accept a deliberate change of layout, run the test with
 * DNSTRIAGE_UPDATE_GOLDEN=1 and review the diff of the fixtures. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <langinfo.h>
#include <string.h>
#include <time.h>

#include "dnstriage/finding.h"
#include "dnstriage/i18n.h"
#include "dnstriage/report.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/verdict.h"

#define GOLDEN FIXTURES "/report/"

static time_t
fixed_time(void)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 2026 - 1900;
	tm.tm_mon = 10;
	tm.tm_mday = 24;
	tm.tm_hour = 10;
	tm.tm_min = 2;
	tm.tm_sec = 3;
	return timegm(&tm);
}

static void
set_run(struct triage *t, int argc, char **argv)
{
	t->started = fixed_time();
	t->duration_ms = 412;
	triage_set_host(t, "sw-01");
	triage_set_version(t, "0.1.0");
	triage_set_command_line(t, argc, argv);
}

static const char servfail_evidence[] =
    ";; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 4242\n"
    ";; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1\n"
    "\n"
    ";; OPT PSEUDOSECTION:\n"
    "; EDNS: version: 0, flags: do; udp: 1232\n"
    "; EDE: 7 (Signature Expired): (validation failure <www.example.test. "
    "A IN>: signature expired from 127.0.4.1 for key example.test. while "
    "building chain of trust)\n"
    ";; QUESTION SECTION:\n"
    ";www.example.test.\t\tIN\tA\n";

static const char answer_evidence[] =
    ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 777\n"
    ";; flags: qr aa; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 1\n"
    "\n"
    ";; ANSWER SECTION:\n"
    "www.example.test.\t300\tIN\tA\t192.0.2.80\n"
    "www.example.test.\t300\tIN\tRRSIG\tA 13 3 300 20261101000000 "
    "20261018000000 4711 example.test. oJB1W6WNGv+ldvQ3WDG0MQkg5IEhjRip8WTrP"
    "YGv07h+GiGPVvKfuhn9YfBmXLspZGjBYY4Ym5g4dqCK7gLTHA==\n";

/* A validation failure: the resolver SERVFAILs, the authoritative servers
 * answer, a signature expired. The serials step is not written yet. */
static struct triage *
model_dnssec_bogus(void)
{
	char *argv[] = { "dnstriage", "--report", "www.example.test", NULL };
	struct triage *t = triage_new("www.example.test");
	struct finding *f;

	triage_add_type(t, "A");
	triage_add_type(t, "AAAA");
	set_run(t, 3, argv);

	f = triage_add_finding(t, STEP_SCOPE, FINDING_NAME_FAILS);
	finding_set_message(f, N_("Applications cannot resolve %1$s: %2$s."),
	    "www.example.test", "Temporary failure in name resolution", NULL);
	step_finish(triage_step(t, STEP_SCOPE));

	f = triage_add_finding(t, STEP_RESOLVERS, FINDING_RESOLVER_SERVFAIL);
	finding_set_message(f, N_("%1$s answered %2$s for %3$s %4$s."),
	    "127.0.3.2#53", "SERVFAIL", "www.example.test", "A", NULL);
	finding_set_server(f, "127.0.3.2#53");
	finding_set_rcode(f, 2);
	finding_add_ede(f, 7);
	finding_set_rtt(f, 3);
	finding_set_flags(f, "qr rd ra");
	finding_set_reproduce(f, "dig @127.0.3.2 www.example.test A");
	finding_set_evidence(f, servfail_evidence);
	step_finish(triage_step(t, STEP_RESOLVERS));

	f = triage_add_finding(t, STEP_AUTHORITATIVE, FINDING_ZONE_CUT);
	finding_set_message(f, N_("%1$s is delegated to %2$s."), "example.test",
	    "ns1.example.test (127.0.4.1), ns2.example.test (127.0.4.2)", NULL);
	finding_set_fact(f, FACT_ZONE, "example.test");
	f = triage_add_finding(t, STEP_AUTHORITATIVE, FINDING_AUTH_ANSWERS);
	finding_set_message(f, N_("%1$s answers with authority in %2$s ms."),
	    "127.0.4.1#53", "1", NULL);
	finding_set_server(f, "127.0.4.1#53");
	finding_set_rcode(f, 0);
	finding_set_rtt(f, 1);
	finding_set_flags(f, "qr aa");
	finding_set_reproduce(f,
	    "dig @127.0.4.1 www.example.test A +norec +dnssec");
	finding_set_evidence(f, answer_evidence);
	f = triage_add_finding(t, STEP_AUTHORITATIVE, FINDING_AUTH_ANSWERS);
	finding_set_message(f, N_("%1$s answers with authority in %2$s ms."),
	    "127.0.4.2#53", "2", NULL);
	finding_set_server(f, "127.0.4.2#53");
	finding_set_rcode(f, 0);
	finding_set_rtt(f, 2);
	step_finish(triage_step(t, STEP_AUTHORITATIVE));

	f = triage_add_finding(t, STEP_DNSSEC, FINDING_VALIDATION_FAILURE);
	finding_set_message(f, N_("%1$s answers SERVFAIL, but with checking "
	    "disabled (+cd) it returns the records: the resolver rejects them "
	    "because DNSSEC validation of %2$s fails."), "127.0.3.2#53",
	    "www.example.test", NULL);
	finding_set_server(f, "127.0.3.2#53");
	finding_set_rcode(f, 2);
	finding_add_ede(f, 6);
	finding_add_ede(f, 7);
	finding_set_rtt(f, 4);
	finding_set_reproduce(f, "dig @127.0.3.2 www.example.test A +cd");
	f = triage_add_finding(t, STEP_DNSSEC, FINDING_SIG_EXPIRED);
	finding_set_message(f, N_("The RRSIG over %1$s %2$s expired at %3$s, "
	    "%4$s ago."), "www.example.test", "A", "2026-11-01 00:00:00 UTC",
	    "23 days", NULL);
	finding_set_server(f, "127.0.4.1#53");
	finding_set_fact(f, FACT_ZONE, "example.test");
	finding_set_reproduce(f, "dig @127.0.4.1 www.example.test A +norec "
	    "+dnssec +multiline +nocrypto +noall +answer +comments +ttlunits "
	    "+identify +nsid");
	step_finish(triage_step(t, STEP_DNSSEC));

	step_skip(triage_step(t, STEP_SERIALS),
	    N_("not available in this version yet."), NULL);
	verdict_choose(t);
	return t;
}

/* Nothing finished: a report written while the steps still ran. */
static struct triage *
model_unfinished(void)
{
	char *argv[] = { "dnstriage", "--json", "db.internal.test", NULL };
	struct triage *t = triage_new("db.internal.test");

	set_run(t, 3, argv);
	t->steps[STEP_SCOPE].status = STEP_RUNNING;
	step_skip(triage_step(t, STEP_SERIALS),
	    N_("not available in this version yet."), NULL);
	verdict_choose(t);
	return t;
}

/* Hostile strings everywhere a server or a file could put them. */
static struct triage *
model_hostile(void)
{
	char *argv[] = { "dnstriage", "--report", "-r", "127.0.0.1#53",
	    "we\"ird\\name", NULL };
	struct triage *t = triage_new("we\"ird\\name");
	struct finding *f;

	triage_add_type(t, "TXT");
	set_run(t, 5, argv);
	triage_set_host(t, "host\twith\ttabs");
	f = triage_add_finding(t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS);
	finding_set_message(f, N_("The answer was %1$s."),
	    "\"quoted\" \\ back\\slash \x1b[31mred\x1b[0m\r\nnew line "
	    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 bad\xff\xfe "
	    "overlong\xc0\x80 cut\xe2\x82\n\nafter a blank line\n", NULL);
	finding_set_server(f, "127.0.0.1#53");
	finding_set_rcode(f, 0);
	finding_set_evidence(f, "txt.test.\t60\tIN\tTXT\t\"\x07\x08\x7f\"\n"
	    "Averyveryveryveryveryveryveryveryveryveryveryveryveryveryvery"
	    "veryveryveryveryveryveryveryveryveryveryveryverylongtoken\n");
	finding_set_reproduce(f, "dig @127.0.0.1 "
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaa"
	    ".test TXT");
	step_finish(triage_step(t, STEP_RESOLVERS));
	step_skip(triage_step(t, STEP_SCOPE), N_("%s was given."), "-r", NULL);
	step_skip(triage_step(t, STEP_AUTHORITATIVE), N_("not asked for."),
	    NULL);
	step_skip(triage_step(t, STEP_DNSSEC), N_("not asked for."), NULL);
	step_skip(triage_step(t, STEP_SERIALS), N_("not asked for."), NULL);
	verdict_choose(t);
	return t;
}

typedef int render_fn(FILE *, const struct triage *);

static char *
render(render_fn *fn, const struct triage *t, size_t *len)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);

	assert_non_null(fp);
	assert_int_equal(fn(fp, t), 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	*len = fread(buf, 1, (size_t)n, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

static void
spill(const char *path, const char *buf, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	fwrite(buf, 1, len, fp);
	assert_int_equal(fclose(fp), 0);
}

static void
compare_golden(const char *file, const char *got, size_t gotlen)
{
	char path[1024], actual[1024];
	size_t wantlen = 0;
	char *want;

	snprintf(path, sizeof(path), "%s%s", GOLDEN, file);
	if (getenv("DNSTRIAGE_UPDATE_GOLDEN") != NULL) {
		spill(path, got, gotlen);
		return;
	}
	want = slurp(path, &wantlen);
	if (want == NULL)
		fail_msg("missing golden file %s", path);
	if (wantlen != gotlen || memcmp(want, got, gotlen) != 0) {
		snprintf(actual, sizeof(actual), "%s.actual", file);
		spill(actual, got, gotlen);
		free(want);
		fail_msg("%s differs from the golden file; see %s "
		    "(diff -u %s %s)", file, actual, path, actual);
	}
	free(want);
}

/* Every line within REPORT_TEXT_WIDTH columns, no control characters but
 * the newline, no trailing spaces, the last line ended. */
static void
assert_text_clean(const char *text, size_t len)
{
	size_t i, start = 0, lineno = 1;

	assert_true(len > 0);
	assert_int_equal(text[len - 1], '\n');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c != '\n' && (c < 0x20 || c == 0x7f))
			fail_msg("control character 0x%02x on line %zu", c,
			    lineno);
		if (c != '\n')
			continue;
		if (i > start && text[i - 1] == ' ')
			fail_msg("trailing space on line %zu", lineno);
		if (textfmt_width(text + start, i - start) > REPORT_TEXT_WIDTH)
			fail_msg("line %zu is wider than %d columns: %.*s",
			    lineno, REPORT_TEXT_WIDTH, (int)(i - start),
			    text + start);
		start = i + 1;
		lineno++;
	}
}

static void
check_model(struct triage *t, const char *base)
{
	char name[256];
	size_t len;
	char *out;

	out = render(report_text, t, &len);
	assert_text_clean(out, len);
	snprintf(name, sizeof(name), "%s.txt", base);
	compare_golden(name, out, len);
	free(out);
	out = render(report_json, t, &len);
	snprintf(name, sizeof(name), "%s.json", base);
	compare_golden(name, out, len);
	free(out);
}

static void
test_golden_dnssec_bogus(void **state)
{
	struct triage *t = model_dnssec_bogus();

	(void)state;
	assert_int_equal(t->verdict.code, FAILURE_DNSSEC_BOGUS);
	check_model(t, "dnssec-bogus");
	triage_free(t);
}

static void
test_golden_unfinished_steps_are_skipped(void **state)
{
	struct triage *t = model_unfinished();
	size_t len;
	char *out;

	(void)state;
	check_model(t, "unfinished");
	out = render(report_json, t, &len);
	assert_null(strstr(out, "\"running\""));
	assert_null(strstr(out, "\"pending\""));
	assert_null(strstr(out, "\"status\": \"ok\""));
	free(out);
	out = render(report_text, t, &len);
	assert_null(strstr(out, "[ok]"));
	free(out);
	triage_free(t);
}

static void
test_golden_hostile_strings(void **state)
{
	struct triage *t = model_hostile();

	(void)state;
	check_model(t, "hostile");
	triage_free(t);
}

static void
expect_json_string(const char *in, const char *want)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	report_json_string(fp, in);
	fclose(fp);
	assert_string_equal(buf, want);
	free(buf);
}

static void
test_json_escaping(void **state)
{
	(void)state;
	expect_json_string("plain", "\"plain\"");
	expect_json_string("a\"b\\c/d", "\"a\\\"b\\\\c/d\"");
	expect_json_string("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"");
	expect_json_string("\x01\x1b\x1f\x7f",
	    "\"\\u0001\\u001b\\u001f\\u007f\"");
	/* Valid UTF-8 passes through. */
	expect_json_string("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
	    "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
	/* Each invalid byte becomes U+FFFD. */
	expect_json_string("\xff", "\"\xef\xbf\xbd\"");
	expect_json_string("a\xc0\x80z", "\"a\xef\xbf\xbd\xef\xbf\xbdz\"");
	expect_json_string("\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\"");
	expect_json_string("\xe2\x82", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	expect_json_string("", "\"\"");
	expect_json_string(NULL, "null");
}

static void
test_json_leaves_out_absent_keys(void **state)
{
	struct triage *t = triage_new("x.test");
	struct finding *f;
	size_t len;
	char *out;
	int s;

	(void)state;
	f = triage_add_finding(t, STEP_SCOPE, FINDING_NAME_RESOLVES);
	finding_set_message(f, N_("resolves"), NULL);
	step_finish(triage_step(t, STEP_SCOPE));
	for (s = STEP_RESOLVERS; s < STEP_COUNT; s++)
		step_skip(triage_step(t, s), N_("not asked for."), NULL);
	verdict_choose(t);
	out = render(report_json, t, &len);
	assert_non_null(strstr(out, "\"code\": \"name-resolves\""));
	assert_null(strstr(out, "\"rcode\""));
	assert_null(strstr(out, "\"ede\""));
	assert_null(strstr(out, "\"rtt_ms\""));
	assert_null(strstr(out, "\"server\""));
	assert_null(strstr(out, "\"reproduce\""));
	assert_non_null(strstr(out, "\"duration_ms\": null"));
	assert_non_null(strstr(out, "\"code\": \"healthy\""));
	free(out);
	triage_free(t);
}

static void
test_write_error_is_reported(void **state)
{
	struct triage *t = model_dnssec_bogus();
	FILE *fp = fopen("/dev/null", "r");

	(void)state;
	assert_non_null(fp);
	assert_int_equal(report_text(fp, t), -1);
	clearerr(fp);
	assert_int_equal(report_json(fp, t), -1);
	fclose(fp);
	triage_free(t);
}

/* Japanese prose (no spaces) fills its lines in the text report: it is
 * cut between characters where a line ends, not moved whole to a line of
 * its own, and no line passes the width. */
static void
test_text_wraps_wide_text(void **state)
{
	/* 権威サーバーが応答しません, ten times, after a short ASCII start */
	static const char ja[] = "\xe6\xa8\xa9\xe5\xa8\x81\xe3\x82\xb5"
	    "\xe3\x83\xbc\xe3\x83\x90\xe3\x83\xbc\xe3\x81\x8c\xe5\xbf\x9c"
	    "\xe7\xad\x94\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93";
	struct strbuf msg = STRBUF_INIT;
	struct triage *t = triage_new("a.test");
	struct finding *f;
	char *out, *line, *save = NULL;
	size_t len, i, longest = 0;

	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL ||
	    strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		strbuf_free(&msg);
		triage_free(t);
		skip();
	}
	strbuf_adds(&msg, "127.0.5.1#53: ");
	for (i = 0; i < 10; i++)
		strbuf_adds(&msg, ja);
	f = triage_add_finding(t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT);
	/* a msgid nobody translates: rendered as it is */
	finding_set_message(f, msg.s, NULL);
	verdict_choose(t);
	out = render(report_text, t, &len);
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		size_t w = textfmt_width(line, strlen(line));

		assert_true(w <= REPORT_TEXT_WIDTH);
		if (strstr(line, "127.0.5.1#53: ") != NULL)
			longest = w;
	}
	/* the Japanese run starts on the line of its ASCII beginning */
	assert_true(longest >= REPORT_TEXT_WIDTH - 2);
	free(out);
	strbuf_free(&msg);
	triage_free(t);
	setlocale(LC_CTYPE, "C");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_dnssec_bogus),
		cmocka_unit_test(test_golden_unfinished_steps_are_skipped),
		cmocka_unit_test(test_golden_hostile_strings),
		cmocka_unit_test(test_json_escaping),
		cmocka_unit_test(test_json_leaves_out_absent_keys),
		cmocka_unit_test(test_write_error_is_reported),
		cmocka_unit_test(test_text_wraps_wide_text),
	};

	setenv("LC_ALL", "C", 1);
	setenv("TZ", "UTC", 1);
	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
