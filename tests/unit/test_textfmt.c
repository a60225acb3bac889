/* test_textfmt.c - the safe formatter of translated messages, the {fact}
 * template expander, UTF-8 decoding and display width. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/textfmt.h"

static void
expect_args(const char *fmt, const char *const *args, size_t nargs,
    const char *want)
{
	char *got = textfmt_args_str(fmt, args, nargs);

	assert_string_equal(got, want);
	free(got);
}

static void
test_sequential_s(void **state)
{
	const char *args[] = { "127.0.0.1#53", "2000" };

	(void)state;
	expect_args("resolver %s silent for %s ms", args, 2,
	    "resolver 127.0.0.1#53 silent for 2000 ms");
}

static void
test_positional_swapped_like_a_translation(void **state)
{
	const char *args[] = { "www.example.test", "127.0.3.2#53" };

	(void)state;
	/* The msgid says name then server; a translation may turn it round. */
	expect_args("%1$s answered by %2$s", args, 2,
	    "www.example.test answered by 127.0.3.2#53");
	expect_args("%2$s hat %1$s beantwortet", args, 2,
	    "127.0.3.2#53 hat www.example.test beantwortet");
	expect_args("%2$s %2$s %1$s", args, 2,
	    "127.0.3.2#53 127.0.3.2#53 www.example.test");
}

static void
test_missing_args_render_as_question_mark(void **state)
{
	const char *args[] = { "a", NULL };

	(void)state;
	expect_args("%s %s %s", args, 2, "a ? ?");
	expect_args("%9$s|%3$s", args, 2, "?|?");
	expect_args("%s", NULL, 0, "?");
}

static void
test_percent_and_foreign_directives_copied(void **state)
{
	const char *args[] = { "x" };

	(void)state;
	expect_args("100%% sure", args, 1, "100% sure");
	/* Only %s and %N$s are ours; nothing else is ever interpreted. */
	expect_args("%d %n %x %p %.99s %0$s %10$s %1$d", args, 1,
	    "%d %n %x %p %.99s %0$s %10$s %1$d");
	expect_args("trailing %", args, 1, "trailing %");
	expect_args("%", args, 1, "%");
	expect_args("%%s", args, 1, "%s");
	expect_args("", args, 1, "");
}

static void
test_null_format_gives_empty_string(void **state)
{
	(void)state;
	expect_args(NULL, NULL, 0, "");
}

static const char *
lookup(const char *key, size_t keylen, bool *known, void *arg)
{
	(void)arg;
	if (keylen == 4 && memcmp(key, "name", 4) == 0)
		return "www.example.test";
	if (keylen == 4 && memcmp(key, "zone", 4) == 0)
		return NULL;		/* known, no value */
	*known = false;
	return NULL;
}

static void
expect_named(const char *tmpl, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	char *got;

	textfmt_named(&sb, tmpl, lookup, NULL);
	got = strbuf_detach(&sb);
	assert_string_equal(got, want);
	free(got);
}

static void
test_named_known_missing_and_foreign(void **state)
{
	(void)state;
	expect_named("rndc flushname {name}",
	    "rndc flushname www.example.test");
	expect_named("rndc retransfer {zone}", "rndc retransfer <zone>");
	expect_named("{other} {name}", "{other} www.example.test");
	expect_named("awk '{print $3}' {", "awk '{print $3}' {");
	expect_named("{Name}{}{{name}}", "{Name}{}{www.example.test}");
	expect_named("", "");
}

static void
test_strbuf_grows_and_detaches(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;
	int i;

	(void)state;
	s = strbuf_detach(&sb);
	assert_string_equal(s, "");
	free(s);
	for (i = 0; i < 1000; i++)
		strbuf_addc(&sb, 'x');
	strbuf_addf(&sb, "%d", 42);
	assert_int_equal(sb.len, 1002);
	assert_string_equal(sb.s + 1000, "42");
	strbuf_free(&sb);
	assert_null(sb.s);
}

static void
test_utf8_decode_strict(void **state)
{
	unsigned long cp = 0;

	(void)state;
	assert_int_equal(textfmt_utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(textfmt_utf8_decode("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(textfmt_utf8_decode("\xe2\x82\xac", 3, &cp), 3);
	assert_int_equal(cp, 0x20ac);
	assert_int_equal(textfmt_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	/* overlong, surrogate, above U+10FFFF, truncated, lone continuation */
	assert_int_equal(textfmt_utf8_decode("\xc0\x80", 2, &cp), 0);
	assert_int_equal(textfmt_utf8_decode("\xe0\x80\x80", 3, &cp), 0);
	assert_int_equal(textfmt_utf8_decode("\xed\xa0\x80", 3, &cp), 0);
	assert_int_equal(textfmt_utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0);
	assert_int_equal(textfmt_utf8_decode("\xe2\x82", 2, &cp), 0);
	assert_int_equal(textfmt_utf8_decode("\x80", 1, &cp), 0);
	assert_int_equal(textfmt_utf8_decode("\xff", 1, &cp), 0);
	assert_int_equal(textfmt_utf8_len("\xff" "a", 2), 1);
}

static void
test_width_counts_characters_not_bytes(void **state)
{
	(void)state;
	assert_int_equal(textfmt_width("abc", 3), 3);
	assert_int_equal(textfmt_width("\xc3\xa9t\xc3\xa9", 5), 3);
	assert_int_equal(textfmt_width("\xff\xfe", 2), 2);
	assert_int_equal(textfmt_width("", 0), 0);
}

/* In a UTF-8 locale, wide characters (CJK) take two columns. */
static void
test_width_of_wide_characters(void **state)
{
	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "en_US.UTF-8") == NULL)
		skip();
	assert_int_equal(textfmt_width("\xe4\xb8\xad\xe6\x96\x87", 6), 4);
	assert_int_equal(textfmt_width("a\xc3\xa9", 3), 2);
	setlocale(LC_CTYPE, "C");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sequential_s),
		cmocka_unit_test(test_positional_swapped_like_a_translation),
		cmocka_unit_test(test_missing_args_render_as_question_mark),
		cmocka_unit_test(test_percent_and_foreign_directives_copied),
		cmocka_unit_test(test_null_format_gives_empty_string),
		cmocka_unit_test(test_named_known_missing_and_foreign),
		cmocka_unit_test(test_strbuf_grows_and_detaches),
		cmocka_unit_test(test_utf8_decode_strict),
		cmocka_unit_test(test_width_counts_characters_not_bytes),
		cmocka_unit_test(test_width_of_wide_characters),
	};

	setlocale(LC_ALL, "C");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
