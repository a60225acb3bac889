/* test_textfmt.c - the safe formatter of translated messages, the {fact}
 * template expander, UTF-8 decoding, display width and wrapping. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

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

/* --- wrapping ------------------------------------------------------------ */

static bool
utf8_locale(void)
{
	return setlocale(LC_CTYPE, "C.UTF-8") != NULL ||
	    setlocale(LC_CTYPE, "en_US.UTF-8") != NULL;
}

/* The text without spaces, tabs and newlines: what wrapping must keep. */
static char *
letters_of(const char *s)
{
	char *out = xcalloc(strlen(s) + 1, 1), *o = out;

	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			*o++ = *s;
	return out;
}

/* The rules every wrap must keep, whatever the text: no line wider than
 * the width, every line whole UTF-8, no line starting with a combining
 * mark, the indents in place, no trailing space, and no letter lost. */
static size_t
check_wrap(const char *text, size_t width, size_t first, size_t indent,
    char ***out)
{
	char **lines;
	size_t n = textfmt_wrap(text, width, first, indent, &lines), i;
	size_t eff = width < indent + 1 ? indent + 1 : width;
	struct strbuf all = STRBUF_INIT;
	char *want, *got;

	for (i = 0; i < n; i++) {
		const char *l = lines[i];
		size_t len = strlen(l), pos = 0, pfx = i == 0 ? first : indent;
		unsigned long cp;

		assert_true(textfmt_width(l, len) <= eff);
		while (pos < len) {
			size_t k = textfmt_utf8_decode(l + pos, len - pos, &cp);

			assert_int_not_equal(k, 0);
			pos += k;
		}
		if (len > 0) {
			assert_true(l[len - 1] != ' ');
			if (pfx < eff)
				assert_true(len >= pfx &&
				    strspn(l, " ") >= pfx);
			pos = pfx;
			if (pos < len) {
				textfmt_utf8_decode(l + pos, len - pos, &cp);
				assert_true(cp < 0x80 || wcwidth((wchar_t)cp) != 0);
			}
		}
		strbuf_adds(&all, l);
		strbuf_addc(&all, '\n');
	}
	if (strchr(text, '?') == NULL && strstr(all.s == NULL ? "" : all.s,
	    "?") == NULL) {
		want = letters_of(text);
		got = letters_of(all.s == NULL ? "" : all.s);
		assert_string_equal(got, want);
		free(want);
		free(got);
	}
	strbuf_free(&all);
	if (out != NULL)
		*out = lines;
	else
		textfmt_lines_free(lines, n);
	return n;
}

static void
expect_wrap(const char *text, size_t width, size_t first, size_t indent,
    const char *const *want, size_t nwant)
{
	char **lines;
	size_t n = check_wrap(text, width, first, indent, &lines), i;

	for (i = 0; i < n && i < nwant; i++)
		assert_string_equal(lines[i], want[i]);
	assert_int_equal(n, nwant);
	textfmt_lines_free(lines, n);
}

static void
test_wrap_ascii_breaks_at_spaces(void **state)
{
	const char *const w1[] = { "the resolver", "did not", "answer" };
	const char *const w2[] = { "the resolver did not answer" };
	const char *const w3[] = { "  dig +norec", "    @192.0.2.1", "    SOA" };
	const char *const w4[] = { "a  b", "c" };

	(void)state;
	expect_wrap("the resolver did not answer", 12, 0, 0, w1, 3);
	expect_wrap("the resolver did not answer", 27, 0, 0, w2, 1);
	/* Spaces at a break vanish; inside a line they stay as they were. */
	expect_wrap("the resolver  did not   answer", 12, 0, 0, w1, 3);
	expect_wrap("a  b c", 4, 0, 0, w4, 2);
	expect_wrap("dig +norec @192.0.2.1 SOA", 15, 2, 4, w3, 3);
}

static void
test_wrap_long_word_cut(void **state)
{
	const char *const w1[] = { "abcde", "fghij", "k" };
	const char *const w2[] = { "see abcdefg", "hijklmnopqr", "stu end" };
	const char *const w3[] = { "  abc", "  def", "  g" };

	(void)state;
	expect_wrap("abcdefghijk", 5, 0, 0, w1, 3);
	/* A word too long for any line starts where the line has room. */
	expect_wrap("see abcdefghijklmnopqrstu end", 11, 0, 0, w2, 3);
	expect_wrap("abcdefg", 5, 2, 2, w3, 3);
}

static void
test_wrap_newlines_and_empty(void **state)
{
	const char *const w1[] = { "one", "", "two" };
	const char *const w2[] = { "a", "" };
	const char *const w3[] = { "  - item", "    more" };
	const char *const w4[] = { "" };
	char **lines = NULL;

	(void)state;
	assert_int_equal(textfmt_wrap("", 10, 2, 2, &lines), 0);
	assert_non_null(lines);
	textfmt_lines_free(lines, 0);
	textfmt_lines_free(NULL, 0);
	expect_wrap("one\n\ntwo", 10, 0, 0, w1, 3);
	expect_wrap("a\n", 10, 0, 0, w2, 2);
	/* Leading spaces of a part are the author's; they stay. */
	expect_wrap("  - item more", 9, 0, 4, w3, 2);
	expect_wrap("   ", 10, 0, 0, w4, 1);
	expect_wrap("\t", 10, 3, 3, w4, 1);
}

static void
test_wrap_indents(void **state)
{
	const char *const w1[] = { "NXDOMAIN  the name", "          does not",
		"          exist" };
	const char *const w2[] = { "  a", "b" };

	(void)state;
	expect_wrap("NXDOMAIN  the name does not exist", 18, 0, 10, w1, 3);
	expect_wrap("a b", 3, 2, 0, w2, 2);
	/* A width below indent + 1 is indent + 1: one letter a line. */
	expect_wrap("a b", 2, 4, 4, (const char *const[]){ "    a", "    b" },
	    2);
}

static void
test_wrap_width_one(void **state)
{
	const char *const w1[] = { "a", "b", "c" };
	char **lines;
	size_t n, i;

	(void)state;
	expect_wrap("ab c", 1, 0, 0, w1, 3);
	expect_wrap("ab c", 0, 0, 0, w1, 3);
	expect_wrap("ab c", 1, 5, 0, w1, 3);
	/* Double-width characters cannot fit one column: each shows as ?. */
	if (!utf8_locale())
		skip();
	n = check_wrap("\xe6\xa8\xa9\xe5\xa8\x81", 1, 0, 0, &lines);
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++)
		assert_string_equal(lines[i], "?");
	textfmt_lines_free(lines, n);
	setlocale(LC_CTYPE, "C");
}

static void
test_wrap_umlauts(void **state)
{
	const char *const w1[] = { "Gr\xc3\xb6\xc3\x9f" "e", "\xc3\xa4ndern",
		"\xc3\xbc" "ber P", "r\xc3\xbc" "f-su", "mmen" };
	const char *const w2[] = { "Gr\xc3\xb6\xc3\x9f" "e \xc3\xa4ndern",
		"\xc3\xbc" "ber", "Pr\xc3\xbc" "f-summen" };
	const char *text = "Gr\xc3\xb6\xc3\x9f" "e \xc3\xa4ndern \xc3\xbc"
	    "ber Pr\xc3\xbc" "f-summen";
	size_t width;

	(void)state;
	if (!utf8_locale())
		skip();
	/* 2 columns for "ö", not 2 bytes: "Größe" is 5 wide, 7 long. */
	expect_wrap("Gr\xc3\xb6\xc3\x9f" "e", 5, 0, 0,
	    (const char *const[]){ "Gr\xc3\xb6\xc3\x9f" "e" }, 1);
	expect_wrap(text, 6, 0, 0, w1, 5);
	expect_wrap(text, 12, 0, 0, w2, 3);
	for (width = 1; width <= 30; width++)
		check_wrap(text, width, 1, 2, NULL);
	setlocale(LC_CTYPE, "C");
}

/* "The authoritative server does not answer": 13 characters, 26 columns. */
#define JA_TEXT "\xe6\xa8\xa9\xe5\xa8\x81\xe3\x82\xb5\xe3\x83\xbc\xe3\x83" \
	"\x90\xe3\x83\xbc\xe3\x81\x8c\xe5\xbf\x9c\xe7\xad\x94\xe3\x81\x97" \
	"\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93"

static void
test_wrap_japanese_odd_widths(void **state)
{
	/* A line may break between any two of these characters, but the
	 * long-vowel mark (U+30FC) never begins a line: "サー" and "バー"
	 * stay whole. */
	const char *const w7[] = { "\xe6\xa8\xa9\xe5\xa8\x81",
		"\xe3\x82\xb5\xe3\x83\xbc",
		"\xe3\x83\x90\xe3\x83\xbc\xe3\x81\x8c",
		"\xe5\xbf\x9c\xe7\xad\x94\xe3\x81\x97",
		"\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93" };
	char **lines;
	size_t width, n, i;

	(void)state;
	if (!utf8_locale())
		skip();
	assert_int_equal(textfmt_width(JA_TEXT, strlen(JA_TEXT)), 26);
	expect_wrap(JA_TEXT, 7, 0, 0, w7, 5);
	for (width = 1; width <= 40; width++) {
		size_t total = 0;

		n = check_wrap(JA_TEXT, width, 0, 0, &lines);
		for (i = 0; i < n; i++)
			total += strlen(lines[i]);
		if (width >= 2)
			assert_int_equal(total, strlen(JA_TEXT));
		textfmt_lines_free(lines, n);
		check_wrap("DNS: " JA_TEXT " (SERVFAIL) " JA_TEXT, width, 2, 4,
		    NULL);
	}
	/* No line begins with the long-vowel mark or an ideographic comma,
	 * at any width where it fits with the word before it ("DNSSEC、"
	 * takes 8 columns; narrower, that word is cut anyway). */
	for (width = 8; width <= 40; width++) {
		n = check_wrap("DNSSEC\xe3\x80\x81" JA_TEXT, width, 0, 0, &lines);
		for (i = 0; i < n; i++)
			if (strncmp(lines[i], "\xe3\x83\xbc", 3) == 0 ||
			    strncmp(lines[i], "\xe3\x80\x81", 3) == 0)
				fail_msg("width %zu: line %zu begins with a mark "
				    "that may not begin a line: %s", width, i,
				    lines[i]);
		textfmt_lines_free(lines, n);
	}
	/* A line that ends one column short of a double-width character. */
	n = check_wrap("a " JA_TEXT, 6, 0, 0, &lines);
	assert_string_equal(lines[0], "a \xe6\xa8\xa9\xe5\xa8\x81");
	textfmt_lines_free(lines, n);
	setlocale(LC_CTYPE, "C");
}

/* e + U+0301 COMBINING ACUTE ACCENT, four times: 4 columns. */
#define COMBINED "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"

static void
test_wrap_keeps_combining_marks(void **state)
{
	const char *const w3[] = { "e\xcc\x81" "e\xcc\x81" "e\xcc\x81",
		"e\xcc\x81" };
	size_t width;

	(void)state;
	if (!utf8_locale())
		skip();
	expect_wrap(COMBINED, 3, 0, 0, w3, 2);
	for (width = 1; width <= 10; width++) {
		check_wrap("caf" COMBINED " " COMBINED "x " JA_TEXT "\xcc\x81",
		    width, 0, 1, NULL);
		/* A mark on a space joins the words: no break there. */
		check_wrap("ab \xcc\x81" "cd ef", width, 0, 0, NULL);
	}
	expect_wrap("ab \xcc\x81" "cd ef", 6, 0, 0,
	    (const char *const[]){ "ab \xcc\x81" "cd", "ef" }, 2);
	setlocale(LC_CTYPE, "C");
}

static void
test_fit(void **state)
{
	size_t cols = 99;

	(void)state;
	assert_int_equal(textfmt_fit("abcdef", 4, &cols), 4);
	assert_int_equal(cols, 4);
	assert_int_equal(textfmt_fit("abc", 10, &cols), 3);
	assert_int_equal(cols, 3);
	assert_int_equal(textfmt_fit("", 10, &cols), 0);
	assert_int_equal(cols, 0);
	assert_int_equal(textfmt_fit("abc", 0, NULL), 0);
	if (!utf8_locale())
		skip();
	/* never half a character, never a base without its marks */
	assert_int_equal(textfmt_fit(JA_TEXT, 5, &cols), 6);
	assert_int_equal(cols, 4);
	assert_int_equal(textfmt_fit(JA_TEXT, 1, &cols), 0);
	assert_int_equal(cols, 0);
	assert_int_equal(textfmt_fit(COMBINED, 2, &cols), 6);
	assert_int_equal(cols, 2);
	assert_int_equal(textfmt_fit("\xc3\xbc" "ber", 1, &cols), 2);
	assert_int_equal(cols, 1);
	/* an invalid byte is one column, like textfmt_width says */
	assert_int_equal(textfmt_fit("\xff\xfe" "a", 2, &cols), 2);
	assert_int_equal(cols, 2);
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
		cmocka_unit_test(test_wrap_ascii_breaks_at_spaces),
		cmocka_unit_test(test_wrap_long_word_cut),
		cmocka_unit_test(test_wrap_newlines_and_empty),
		cmocka_unit_test(test_wrap_indents),
		cmocka_unit_test(test_wrap_width_one),
		cmocka_unit_test(test_wrap_umlauts),
		cmocka_unit_test(test_wrap_japanese_odd_widths),
		cmocka_unit_test(test_wrap_keeps_combining_marks),
		cmocka_unit_test(test_fit),
	};

	setlocale(LC_ALL, "C");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
