/* test_cli.c - the command-line contract: every option, every rejection. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "dnstriage/cli.h"

#define ARGC(a) ((int)(sizeof(a) / sizeof((a)[0])) - 1)

static struct cli_options opts;
static char err[CLI_ERR_MAX];

static enum cli_result
parse(int argc, char **argv)
{
	return cli_parse(argc, argv, &opts, err, sizeof(err));
}

static void
test_defaults_without_arguments(void **state)
{
	char *argv[] = { "dnstriage", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv), CLI_RUN);
	assert_int_equal(opts.output, CLI_OUTPUT_AUTO);
	assert_null(opts.target);
	assert_int_equal(opts.ntypes, 0);
	assert_int_equal(opts.timeout_ms, 2000);
	assert_int_equal(opts.tries, 2);
	assert_string_equal(opts.resolv_conf, "/etc/resolv.conf");
	assert_false(opts.resolv_conf_given);
	assert_false(opts.lab);
}

static void
test_report_with_all_options(void **state)
{
	char *argv[] = { "dnstriage", "--report", "-o", "/tmp/x.txt", "-t", "MX",
	    "--type=aaaa", "-p", "443", "--expect-ip", "2001:db8::1",
	    "-r", "127.0.0.1", "--resolver=::1#5353", "--compare-resolver",
	    "127.0.9.9#53", "--timeout", "500", "--tries", "3",
	    "--at", "2026-12-01", "www.example.test", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv), CLI_RUN);
	assert_int_equal(opts.output, CLI_OUTPUT_REPORT);
	assert_string_equal(opts.output_path, "/tmp/x.txt");
	assert_int_equal(opts.ntypes, 2);
	assert_int_equal(opts.types[0], LDNS_RR_TYPE_MX);
	assert_int_equal(opts.types[1], LDNS_RR_TYPE_AAAA);
	assert_int_equal(opts.service_port, 443);
	assert_true(opts.have_expect_ip);
	assert_int_equal(opts.expect_ip.ss_family, AF_INET6);
	assert_int_equal(opts.nresolvers, 2);
	assert_string_equal(opts.resolvers[0].text, "127.0.0.1#53");
	assert_string_equal(opts.resolvers[1].text, "::1#5353");
	assert_int_equal(ntohs(((struct sockaddr_in6 *)&opts.resolvers[1].addr)->sin6_port), 5353);
	assert_int_equal(opts.ncompare, 1);
	assert_int_equal(opts.timeout_ms, 500);
	assert_int_equal(opts.tries, 3);
	assert_true(opts.have_at);
	assert_int_equal(opts.at, 1796083200);	/* 2026-12-01T00:00:00Z */
	assert_string_equal(opts.name, "www.example.test");
}

static void
test_json_and_report_exclude_each_other(void **state)
{
	char *argv[] = { "dnstriage", "--json", "--report", "a.test", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv), CLI_USAGE_ERROR);
	assert_non_null(strstr(err, "--report"));
}

static void
test_report_lang(void **state)
{
	char *de[] = { "dnstriage", "--report", "--report-lang", "de_DE.UTF-8",
	    "a.test", NULL };
	char *c[] = { "dnstriage", "--json", "--report-lang=C", "a.test", NULL };
	char *bad[] = { "dnstriage", "--report", "--report-lang", "de:fr",
	    "a.test", NULL };
	char *path[] = { "dnstriage", "--report-lang", "../../x", NULL };
	char *none[] = { "dnstriage", "--report", "a.test", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(de), de), CLI_RUN);
	assert_string_equal(opts.report_lang, "de_DE.UTF-8");
	assert_int_equal(parse(ARGC(c), c), CLI_RUN);
	assert_string_equal(opts.report_lang, "C");
	assert_int_equal(parse(ARGC(bad), bad), CLI_USAGE_ERROR);
	assert_non_null(strstr(err, "'de:fr'"));
	assert_non_null(strstr(err, "--report-lang"));
	assert_int_equal(parse(ARGC(path), path), CLI_USAGE_ERROR);
	assert_non_null(strstr(err, "../../x"));
	/* Not given: the screen's language. */
	assert_int_equal(parse(ARGC(none), none), CLI_RUN);
	assert_null(opts.report_lang);
}

static void
test_report_needs_a_name(void **state)
{
	char *argv[] = { "dnstriage", "--json", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv), CLI_USAGE_ERROR);
}

static void
test_output_needs_report_mode(void **state)
{
	char *argv[] = { "dnstriage", "-o", "x", "a.test", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv), CLI_USAGE_ERROR);
}

static void
test_help_and_version(void **state)
{
	char *help[] = { "dnstriage", "--help", NULL };
	char *version[] = { "dnstriage", "-V", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(help), help), CLI_SHOW_HELP);
	assert_int_equal(parse(ARGC(version), version), CLI_SHOW_VERSION);
}

static void
test_unknown_option_is_named(void **state)
{
	char *argv[] = { "dnstriage", "--frobnicate", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv), CLI_USAGE_ERROR);
	assert_non_null(strstr(err, "--frobnicate"));
}

static void
test_missing_argument_is_named(void **state)
{
	char *argv[] = { "dnstriage", "a.test", "--timeout", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv), CLI_USAGE_ERROR);
	assert_non_null(strstr(err, "--timeout"));
}

static void
test_bad_numbers_are_rejected(void **state)
{
	char *bad[][4] = {
		{ "dnstriage", "--timeout", "0", NULL },
		{ "dnstriage", "--timeout", "-5", NULL },
		{ "dnstriage", "--timeout", "12ms", NULL },
		{ "dnstriage", "--tries", "0", NULL },
		{ "dnstriage", "--tries", "99", NULL },
		{ "dnstriage", "-p", "65536", NULL },
		{ "dnstriage", "-p", "http", NULL },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(parse(3, bad[i]), CLI_USAGE_ERROR);
}

static void
test_host_names_are_not_servers(void **state)
{
	char *argv[] = { "dnstriage", "-r", "ns1.example.test", "a.test", NULL };
	struct cli_server s;

	(void)state;
	/* The resolver may be broken: servers are addresses, never names. */
	assert_int_equal(parse(ARGC(argv), argv), CLI_USAGE_ERROR);
	assert_non_null(strstr(err, "ns1.example.test"));
	assert_false(cli_parse_server("127.0.0.1#0", 53, &s));
	assert_false(cli_parse_server("127.0.0.1#", 53, &s));
	assert_false(cli_parse_server("#53", 53, &s));
	assert_true(cli_parse_server("[::1]#53", 53, &s));
	assert_string_equal(s.text, "::1#53");
}

static void
test_record_types(void **state)
{
	char *ok[] = { "dnstriage", "-t", "TYPE65", "-t", "ds", "a.test", NULL };
	char *bad[] = { "dnstriage", "-t", "NOTATYPE", "a.test", NULL };
	char *xfr[] = { "dnstriage", "-t", "AXFR", "a.test", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(ok), ok), CLI_RUN);
	assert_int_equal(opts.types[0], 65);
	assert_int_equal(opts.types[1], LDNS_RR_TYPE_DS);
	assert_int_equal(parse(ARGC(bad), bad), CLI_USAGE_ERROR);
	assert_non_null(strstr(err, "NOTATYPE"));
	assert_int_equal(parse(ARGC(xfr), xfr), CLI_USAGE_ERROR);
}

static void
test_url_gives_name_and_port(void **state)
{
	char name[300];
	uint16_t port;
	char e[200];

	(void)state;
	assert_true(cli_parse_target("https://www.example.test/path?q=1", name,
	    sizeof(name), &port, e, sizeof(e)));
	assert_string_equal(name, "www.example.test");
	assert_int_equal(port, 443);
	assert_true(cli_parse_target("http://user:pw@api.example.test:8080/", name,
	    sizeof(name), &port, e, sizeof(e)));
	assert_string_equal(name, "api.example.test");
	assert_int_equal(port, 8080);
	assert_true(cli_parse_target("http://[::1]:8080/", name, sizeof(name),
	    &port, e, sizeof(e)));
	assert_string_equal(name, "::1");
	assert_true(cli_parse_target("www.example.test.", name, sizeof(name),
	    &port, e, sizeof(e)));
	assert_int_equal(port, 0);
	assert_false(cli_parse_target("gopherx://a.test/", name, sizeof(name),
	    &port, e, sizeof(e)));
	assert_false(cli_parse_target("http://a.test:99999/", name, sizeof(name),
	    &port, e, sizeof(e)));
	assert_false(cli_parse_target("https:///x", name, sizeof(name),
	    &port, e, sizeof(e)));
}

static void
test_invalid_names_are_rejected(void **state)
{
	char name[300], e[200], label[80], longname[400];
	uint16_t port;

	(void)state;
	memset(label, 'a', 64);
	label[64] = '\0';
	snprintf(longname, sizeof(longname), "%s.test", label);
	assert_false(cli_parse_target(longname, name, sizeof(name), &port, e, sizeof(e)));
	memset(longname, 'a', 299);
	longname[299] = '\0';
	assert_false(cli_parse_target(longname, name, sizeof(name), &port, e, sizeof(e)));
	assert_non_null(strstr(e, "too long"));
	assert_false(cli_parse_target("a..test", name, sizeof(name), &port, e, sizeof(e)));
}

static void
test_explicit_port_wins_over_url(void **state)
{
	char *argv[] = { "dnstriage", "https://a.test/", "-p", "8443", NULL };

	(void)state;
	/* getopt permutes: the option is read first, the URL's port after. */
	assert_int_equal(parse(ARGC(argv), argv), CLI_RUN);
	assert_int_equal(opts.service_port, 8443);
}

static void
test_times_for_at(void **state)
{
	time_t t;
	const time_t now = 1790000000;

	(void)state;
	assert_true(cli_parse_time("20261201120000", now, &t));
	assert_int_equal(t, 1796083200 + 12 * 3600);
	assert_true(cli_parse_time("2026-12-01T12:00:00Z", now, &t));
	assert_int_equal(t, 1796083200 + 12 * 3600);
	assert_true(cli_parse_time("@1700000000", now, &t));
	assert_int_equal(t, 1700000000);
	assert_true(cli_parse_time("+14d", now, &t));
	assert_int_equal(t, now + 14 * 86400);
	assert_true(cli_parse_time("+90", now, &t));
	assert_int_equal(t, now + 90);
	assert_false(cli_parse_time("tomorrow", now, &t));
	assert_false(cli_parse_time("2026-13-45", now, &t));
	assert_false(cli_parse_time("+", now, &t));
	assert_false(cli_parse_time("+-3d", now, &t));
	assert_false(cli_parse_time("", now, &t));
}

static void
test_unreadable_file_is_a_usage_error(void **state)
{
	char *argv[] = { "dnstriage", "--resolv-conf", "/nonexistent/resolv.conf",
	    "a.test", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv), CLI_USAGE_ERROR);
	assert_non_null(strstr(err, "/nonexistent/resolv.conf"));
	assert_null(strchr(err, '\n'));
}

static void
test_lab_takes_a_scenario(void **state)
{
	char *list[] = { "dnstriage", "--lab", NULL };
	char *one[] = { "dnstriage", "--lab", "healthy", NULL };
	char *eq[] = { "dnstriage", "--lab=dnssec-bogus", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(list), list), CLI_RUN);
	assert_true(opts.lab);
	assert_null(opts.lab_scenario);
	assert_int_equal(parse(ARGC(one), one), CLI_RUN);
	assert_string_equal(opts.lab_scenario, "healthy");
	assert_int_equal(parse(ARGC(eq), eq), CLI_RUN);
	assert_string_equal(opts.lab_scenario, "dnssec-bogus");
}

static void
test_one_name_at_a_time(void **state)
{
	char *argv[] = { "dnstriage", "a.test", "b.test", NULL };

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv), CLI_USAGE_ERROR);
	assert_non_null(strstr(err, "b.test"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_without_arguments),
		cmocka_unit_test(test_report_with_all_options),
		cmocka_unit_test(test_json_and_report_exclude_each_other),
		cmocka_unit_test(test_report_lang),
		cmocka_unit_test(test_report_needs_a_name),
		cmocka_unit_test(test_output_needs_report_mode),
		cmocka_unit_test(test_help_and_version),
		cmocka_unit_test(test_unknown_option_is_named),
		cmocka_unit_test(test_missing_argument_is_named),
		cmocka_unit_test(test_bad_numbers_are_rejected),
		cmocka_unit_test(test_host_names_are_not_servers),
		cmocka_unit_test(test_record_types),
		cmocka_unit_test(test_url_gives_name_and_port),
		cmocka_unit_test(test_invalid_names_are_rejected),
		cmocka_unit_test(test_explicit_port_wins_over_url),
		cmocka_unit_test(test_times_for_at),
		cmocka_unit_test(test_unreadable_file_is_a_usage_error),
		cmocka_unit_test(test_lab_takes_a_scenario),
		cmocka_unit_test(test_one_name_at_a_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
