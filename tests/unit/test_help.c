/* test_help.c - the help pages: which step makes which finding (checked
 * against the step sources themselves), what each page must hold, and a
 * layout that never passes its width, whatever the text. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/help.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/verdict.h"

#define SRC FIXTURES "/../../src"

static const char *const finding_ids[FINDING_CODE_COUNT] = {
#define X(id, str, sev) [FINDING_##id] = "FINDING_" #id,
	FINDING_CODE_TABLE(X)
#undef X
};

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;

	if (fp == NULL)
		fail_msg("cannot open %s", path);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(fp);
	return strbuf_detach(&sb);
}

/* --- the step table ----------------------------------------------------- */

static void
test_every_finding_code_has_a_step(void **state)
{
	enum step_id step;
	size_t i;

	(void)state;
	for (i = 0; i < FINDING_CODE_COUNT; i++) {
		if (!help_finding_step((enum finding_code)i, &step))
			fail_msg("finding code %s has no step in "
			    "FINDING_STEP_TABLE", finding_ids[i]);
		assert_true((unsigned)step < STEP_COUNT);
	}
	assert_false(help_finding_step(FINDING_CODE_COUNT, &step));
}

/* Every FINDING_ identifier in src/step_NAME.c belongs to step NAME in the
 * table, and every code the table gives a step occurs in its source: the
 * table cannot drift from what the steps really make. */
static void
test_step_table_matches_step_sources(void **state)
{
	bool seen[FINDING_CODE_COUNT] = { false };
	size_t s, i;

	(void)state;
	for (s = 0; s < STEP_COUNT; s++) {
		char path[512], *src, *p;

		snprintf(path, sizeof(path), "%s/step_%s.c", SRC,
		    step_id_str((enum step_id)s));
		src = slurp(path);
		for (p = strstr(src, "FINDING_"); p != NULL;
		    p = strstr(p + 1, "FINDING_")) {
			size_t n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
			enum step_id step;
			bool known = false;

			if (p > src && (isalnum((unsigned char)p[-1]) ||
			    p[-1] == '_'))
				continue;
			if (n == strlen("FINDING_CODE_COUNT") &&
			    strncmp(p, "FINDING_CODE_COUNT", n) == 0)
				continue;
			for (i = 0; i < FINDING_CODE_COUNT; i++) {
				if (strlen(finding_ids[i]) != n ||
				    strncmp(p, finding_ids[i], n) != 0)
					continue;
				known = true;
				seen[i] = true;
				assert_true(help_finding_step(
				    (enum finding_code)i, &step));
				if (!help_finding_in_step((enum finding_code)i,
				    (enum step_id)s))
					fail_msg("%s is made in %s, the table "
					    "says step %s", finding_ids[i],
					    path, step_id_str(step));
			}
			if (!known)
				fail_msg("%.*s in %s is no finding code",
				    (int)n, p, path);
		}
		free(src);
	}
	/* The checks of every answer (step_answers.c) add their findings to
	 * the step of the server that answered: the resolvers' or the
	 * authoritative one. */
	{
		char path[512], *src, *p;

		snprintf(path, sizeof(path), "%s/step_answers.c", SRC);
		src = slurp(path);
		for (p = strstr(src, "FINDING_"); p != NULL;
		    p = strstr(p + 1, "FINDING_")) {
			size_t n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

			if (p > src && (isalnum((unsigned char)p[-1]) ||
			    p[-1] == '_'))
				continue;
			for (i = 0; i < FINDING_CODE_COUNT; i++) {
				if (strlen(finding_ids[i]) != n ||
				    strncmp(p, finding_ids[i], n) != 0)
					continue;
				seen[i] = true;
				if (!help_finding_in_step((enum finding_code)i,
				    STEP_RESOLVERS) && !help_finding_in_step(
				    (enum finding_code)i, STEP_AUTHORITATIVE))
					fail_msg("%s is made in %s, the table "
					    "gives it neither resolvers nor "
					    "authoritative", finding_ids[i],
					    path);
			}
		}
		free(src);
	}
	for (i = 0; i < FINDING_CODE_COUNT; i++)
		if (!seen[i])
			fail_msg("no step source makes %s", finding_ids[i]);
}

/* Every failure but healthy and unknown is reachable from some step, and
 * the steps lead where their findings point. */
static void
test_steps_lead_to_failures(void **state)
{
	size_t f, s;

	(void)state;
	for (f = 0; f < FAILURE_COUNT; f++) {
		bool any = false;

		for (s = 0; s < STEP_COUNT; s++)
			any |= help_step_leads_to((enum step_id)s,
			    (enum failure_code)f);
		if (f == FAILURE_HEALTHY || f == FAILURE_UNKNOWN)
			assert_false(any);
		else if (!any)
			fail_msg("no step leads to %s",
			    knowledge_failure(f)->name);
	}
	assert_true(help_step_leads_to(STEP_DNSSEC, FAILURE_DNSSEC_BOGUS));
	assert_true(help_step_leads_to(STEP_SCOPE, FAILURE_NOT_DNS));
	assert_true(help_step_leads_to(STEP_SERIALS,
	    FAILURE_ZONE_EXPIRED_SECONDARY));
	assert_true(help_step_leads_to(STEP_AUTHORITATIVE,
	    FAILURE_ZONE_EXPIRED_SECONDARY));
	assert_false(help_step_leads_to(STEP_SCOPE, FAILURE_DNSSEC_BOGUS));
	assert_false(help_step_leads_to(STEP_RESOLVERS, FAILURE_NXDOMAIN));
}

/* --- the pages ---------------------------------------------------------- */

static size_t
find_term(const struct help_page *p, const char *term, size_t from)
{
	size_t i;

	for (i = from; i < p->nblocks; i++)
		if (p->blocks[i].kind == HELP_TERM &&
		    strcmp(p->blocks[i].term, term) == 0)
			return i;
	return SIZE_MAX;
}

static size_t
count_terms(const struct help_page *p, const char *term)
{
	size_t i, n = 0;

	for (i = 0; i < p->nblocks; i++)
		if (p->blocks[i].kind == HELP_TERM &&
		    strcmp(p->blocks[i].term, term) == 0)
			n++;
	return n;
}

static bool
has_block(const struct help_page *p, enum help_block_kind kind,
    const char *text)
{
	size_t i;

	for (i = 0; i < p->nblocks; i++)
		if (p->blocks[i].kind == kind &&
		    strcmp(p->blocks[i].text, text) == 0)
			return true;
	return false;
}

static void
check_blocks_sane(const struct help_page *p)
{
	size_t i;

	assert_non_null(p);
	assert_true(p->nblocks > 3);
	assert_int_equal(p->blocks[0].kind, HELP_TITLE);
	for (i = 0; i < p->nblocks; i++) {
		const struct help_block *b = &p->blocks[i];

		assert_non_null(b->text);
		assert_true(b->text[0] != '\0');
		if (b->kind == HELP_TERM)
			assert_non_null(b->term);
		else
			assert_null(b->term);
		/* facts of a run have no value here: <zone>, not {zone} */
		assert_null(strstr(b->text, "{zone}"));
		assert_null(strstr(b->text, "{name}"));
		assert_null(strstr(b->text, "{address}"));
	}
}

static void
test_step_pages_hold_their_findings_and_failures(void **state)
{
	size_t s, i;

	(void)state;
	for (s = 0; s < STEP_COUNT; s++) {
		struct help_page *p = help_page_step((enum step_id)s);
		size_t at = 0, nfindings = 0;

		check_blocks_sane(p);
		assert_true(has_block(p, HELP_PARAGRAPH,
		    help_step_text((enum step_id)s)));
		/* every finding of the step, in the order of the table */
		for (i = 0; i < FINDING_CODE_COUNT; i++) {
			const struct finding_code_info *fc =
			    knowledge_finding_code(i);
			enum step_id step;
			size_t where;

			assert_true(help_finding_step(fc->code, &step));
			if (!help_finding_in_step(fc->code, (enum step_id)s)) {
				/* Not here, unless as the failure code of
				 * the same name ("resolver-refused"). */
				bool as_failure =
				    knowledge_failure_exists(fc->name) &&
				    help_step_leads_to((enum step_id)s,
				    knowledge_failure_by_name(fc->name)->code);

				assert_int_equal(count_terms(p, fc->name),
				    as_failure ? 1 : 0);
				continue;
			}
			where = find_term(p, fc->name, at);
			if (where == SIZE_MAX)
				fail_msg("step %s: no term for %s",
				    step_id_str(step), fc->name);
			assert_non_null(strstr(p->blocks[where].text,
			    knowledge_finding_help(fc->code)));
			assert_non_null(strstr(p->blocks[where].text,
			    fc->title));
			at = where + 1;
			nfindings++;
		}
		assert_true(nfindings > 0);
		/* every failure it can lead to, with its recovery, after
		 * the findings (hosts-override is both) */
		for (i = 0; i < FAILURE_COUNT; i++) {
			const struct failure_info *fi = knowledge_failure(i);
			size_t where = find_term(p, fi->name, at);

			if (!help_step_leads_to((enum step_id)s, i))
				continue;
			if (where == SIZE_MAX)
				fail_msg("step %s: no term for failure %s",
				    step_id_str((enum step_id)s), fi->name);
			assert_string_equal(p->blocks[where].text, fi->help);
			assert_true(where + 1 < p->nblocks);
			assert_int_equal(p->blocks[where + 1].kind,
			    HELP_PARAGRAPH);
		}
		help_page_free(p);
	}
	assert_null(help_page_step(STEP_COUNT));
	help_page_free(NULL);
}

static void
test_step_pages_codes_where_they_matter(void **state)
{
	struct help_page *p;
	size_t s;

	(void)state;
	for (s = 0; s < STEP_COUNT; s++) {
		bool rcodes = s == STEP_RESOLVERS || s == STEP_AUTHORITATIVE ||
		    s == STEP_DNSSEC;

		p = help_page_step((enum step_id)s);
		assert_int_equal(count_terms(p, "SERVFAIL"), rcodes ? 1 : 0);
		assert_int_equal(count_terms(p, "NXDOMAIN"), rcodes ? 1 : 0);
		assert_int_equal(count_terms(p, "BADVERS/BADSIG"),
		    rcodes ? 1 : 0);
		assert_int_equal(count_terms(p, "7 (Signature Expired)"),
		    s == STEP_DNSSEC ? 1 : 0);
		assert_int_equal(count_terms(p, "22 (No Reachable Authority)"),
		    s == STEP_DNSSEC ? 1 : 0);
		if (rcodes) {
			size_t i = find_term(p, "REFUSED", 0);

			assert_true(i != SIZE_MAX);
			assert_non_null(strstr(p->blocks[i].text,
			    knowledge_rcode(5)->meaning));
			assert_non_null(strstr(p->blocks[i].text,
			    knowledge_rcode(5)->next));
		}
		help_page_free(p);
	}
}

/* Recovery steps come numbered, their commands as commands, with the
 * placeholders shown as <fact> and foreign braces left alone. */
static void
test_recovery_steps_and_commands(void **state)
{
	struct help_page *p = help_page_step(STEP_AUTHORITATIVE);
	size_t i = find_term(p, "stale-negative-cache", 0);

	(void)state;
	assert_true(i != SIZE_MAX);
	assert_true(has_block(p, HELP_PARAGRAPH, "1. On BIND, flush the name:"));
	assert_true(has_block(p, HELP_COMMAND, "rndc flushname <name>"));
	assert_true(has_block(p, HELP_COMMAND, "cache.clear('<zone>.')"));
	assert_true(has_block(p, HELP_COMMAND,
	    "dig @<address> <zone> SOA +norec"));
	assert_true(has_block(p, HELP_PARAGRAPH,
	    "7. Or wait: the entry expires within <seconds> s."));
	help_page_free(p);

	p = help_page_step(STEP_DNSSEC);
	assert_true(has_block(p, HELP_COMMAND, "unbound-control flush_bogus"));
	assert_int_equal(count_terms(p, "dnssec-bogus"), 1);
	assert_int_equal(count_terms(p, "dnssec-expiring"), 1);
	assert_int_equal(count_terms(p, "nxdomain"), 0);
	help_page_free(p);
}

static void
test_verdict_page(void **state)
{
	struct help_page *p = help_page_verdict();
	const char *keys[] = { "Enter", "a", "r", "Tab, Left, Right", "Up, Down, 1-6",
		"Space, Enter", "F1, ?", "w", "j", "q" };
	size_t i, at = 0, healthy, unknown;

	(void)state;
	check_blocks_sane(p);
	for (i = 0; i < FAILURE_COUNT; i++)
		assert_int_equal(count_terms(p, knowledge_failure(i)->name), 1);
	/* precedence order: each rule's code after the one before */
	for (i = 0; i < verdict_rule_count(); i++) {
		const struct failure_info *fi =
		    knowledge_failure(verdict_rule_at(i)->failure);
		size_t where = find_term(p, fi->name, 0);

		assert_true(where != SIZE_MAX);
		if (where < at)
			fail_msg("%s is out of precedence order", fi->name);
		at = where;
		assert_true(strlen(p->blocks[where].text) > 20);
		assert_string_equal(p->blocks[where + 1].text, fi->help);
	}
	healthy = find_term(p, "healthy", 0);
	unknown = find_term(p, "unknown", 0);
	assert_true(healthy > at && unknown > at);
	/* summaries show their facts as <fact> */
	i = find_term(p, "dnssec-bogus", 0);
	assert_non_null(strstr(p->blocks[i].text, "<name>"));
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (count_terms(p, keys[i]) != 1)
			fail_msg("key %s is not on the verdict page", keys[i]);
	help_page_free(p);
}

/* --- layout ------------------------------------------------------------- */

static void
check_lines(char **lines, size_t n, size_t width)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t len = strlen(lines[i]), pos = 0;

		if (textfmt_width(lines[i], len) > width)
			fail_msg("width %zu, line %zu is %zu wide: '%s'", width,
			    i, textfmt_width(lines[i], len), lines[i]);
		while (pos < len) {
			unsigned long cp;
			size_t k = textfmt_utf8_decode(lines[i] + pos,
			    len - pos, &cp);

			assert_int_not_equal(k, 0);
			pos += k;
		}
		assert_true(len == 0 || lines[i][len - 1] != ' ');
	}
}

static size_t
layout_checked(const struct help_page *p, size_t width, char ***out)
{
	char **lines;
	size_t n = help_page_layout(p, width, &lines);

	check_lines(lines, n, width == 0 ? 1 : width);
	if (out != NULL)
		*out = lines;
	else
		textfmt_lines_free(lines, n);
	return n;
}

static void
test_layout_never_exceeds_width(void **state)
{
	struct help_page *pages[STEP_COUNT + 1];
	size_t i, width;

	(void)state;
	for (i = 0; i < STEP_COUNT; i++)
		pages[i] = help_page_step((enum step_id)i);
	pages[STEP_COUNT] = help_page_verdict();
	for (i = 0; i <= STEP_COUNT; i++) {
		size_t prev = SIZE_MAX;

		for (width = 20; width <= 200; width++) {
			size_t n = layout_checked(pages[i], width, NULL);

			assert_true(n > 10);
			/* Wider never needs more lines, once the indents
			 * stop growing with the width. */
			if (width > 40)
				assert_true(n <= prev);
			prev = n;
		}
		help_page_free(pages[i]);
	}
}

static char *
repeat(const char *s, size_t times)
{
	struct strbuf sb = STRBUF_INIT;

	while (times-- > 0)
		strbuf_adds(&sb, s);
	return strbuf_detach(&sb);
}

/* A page no translation would make, to push every path of the layout. */
static struct help_page *
hostile_page(const char *word)
{
	struct help_page *p = xcalloc(1, sizeof(*p));
	char *w = repeat(word, 150);
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0;

	p->blocks = xcalloc(8, sizeof(*p->blocks));
	p->blocks[i].kind = HELP_TITLE;
	p->blocks[i++].text = xstrdup(w);
	p->blocks[i].kind = HELP_PARAGRAPH;
	strbuf_adds(&sb, "before ");
	strbuf_adds(&sb, w);
	strbuf_adds(&sb, " after\n\nnext part");
	p->blocks[i++].text = strbuf_detach(&sb);
	p->blocks[i].kind = HELP_HEADING;
	p->blocks[i++].text = xstrdup("short");
	p->blocks[i].kind = HELP_TERM;
	p->blocks[i].term = xstrdup(w);
	p->blocks[i++].text = xstrdup(w);
	p->blocks[i].kind = HELP_PARAGRAPH;
	p->blocks[i++].text = xstrdup(w);
	p->blocks[i].kind = HELP_COMMAND;
	strbuf_adds(&sb, "dig @");
	strbuf_adds(&sb, w);
	strbuf_adds(&sb, " x  'quoted ");
	strbuf_adds(&sb, w);
	strbuf_adds(&sb, " text' y");
	p->blocks[i++].text = strbuf_detach(&sb);
	p->blocks[i].kind = HELP_COMMAND;
	p->blocks[i++].text = xstrdup(w);
	p->nblocks = i;
	free(w);
	return p;
}

static void
test_layout_of_long_words(void **state)
{
	struct help_page *p = hostile_page("x");
	size_t width;

	(void)state;
	for (width = 0; width <= 200; width++)
		layout_checked(p, width, NULL);
	help_page_free(p);
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "en_US.UTF-8") == NULL)
		skip();
	/* double-width and combining: "権", "é" as e + U+0301 */
	p = hostile_page("\xe6\xa8\xa9" "e\xcc\x81");
	for (width = 0; width <= 200; width++)
		layout_checked(p, width, NULL);
	help_page_free(p);
	setlocale(LC_CTYPE, "C");
}

/* Join a command's lines back: continuation marks and indents go, and
 * what is left is the command. */
static void
expect_command_lines(const char *cmd, size_t width, size_t want_lines,
    const char *const *want)
{
	struct help_page p;
	struct help_block b = { HELP_COMMAND, NULL, (char *)cmd };
	char **lines;
	size_t n, i;

	p.blocks = &b;
	p.nblocks = 1;
	n = layout_checked(&p, width, &lines);
	for (i = 0; i < n && i < want_lines; i++)
		assert_string_equal(lines[i], want[i]);
	assert_int_equal(n, want_lines);
	textfmt_lines_free(lines, n);
}

static void
test_layout_commands(void **state)
{
	const char *cmd = "journalctl -u named -u unbound --since '1 hour ago'";
	const char *const one[] = { "    journalctl -u named -u unbound "
		"--since '1 hour ago'" };
	const char *const at40[] = { "    journalctl -u named -u unbound \\",
		"      --since '1 hour ago'" };
	const char *const at24[] = { "  journalctl -u named \\",
		"   -u unbound --since \\", "   '1 hour ago'" };
	const char *const cut[] = { "  xxxxxxxxxxxxxxxxxx", "   xxxxxxxxxxx" };

	(void)state;
	expect_command_lines(cmd, 80, 1, one);
	expect_command_lines(cmd, 40, 2, at40);
	/* never inside the quotes, even when that leaves a line short */
	expect_command_lines(cmd, 24, 3, at24);
	/* a word wider than any line is cut, and goes on below */
	expect_command_lines("xxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 20, 2, cut);
}

static void
test_layout_structure(void **state)
{
	struct help_page *p = help_page_step(STEP_SERIALS);
	char **lines;
	size_t n = layout_checked(p, 80, &lines), i;
	bool term_seen = false;

	(void)state;
	assert_true(strncmp(lines[0], "Help for step 5 of 5: Serials", 29) == 0);
	assert_int_equal(strspn(lines[1], "="), strlen(lines[0]));
	assert_int_equal(strlen(lines[1]), strlen(lines[0]));
	assert_string_equal(lines[2], "");
	for (i = 0; i + 1 < n; i++) {
		if (strcmp(lines[i], "serial-behind") == 0) {
			term_seen = true;
			/* title and text indented under the term */
			assert_true(strncmp(lines[i + 1], "    Serial behind. ",
			    19) == 0);
		}
		/* one blank line at a time */
		assert_false(lines[i][0] == '\0' && lines[i + 1][0] == '\0');
	}
	assert_true(term_seen);
	textfmt_lines_free(lines, n);
	help_page_free(p);

	/* an empty page lays out as nothing */
	{
		struct help_page empty = { NULL, 0 };

		assert_int_equal(help_page_layout(&empty, 80, &lines), 0);
		textfmt_lines_free(lines, 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_finding_code_has_a_step),
		cmocka_unit_test(test_step_table_matches_step_sources),
		cmocka_unit_test(test_steps_lead_to_failures),
		cmocka_unit_test(test_step_pages_hold_their_findings_and_failures),
		cmocka_unit_test(test_step_pages_codes_where_they_matter),
		cmocka_unit_test(test_recovery_steps_and_commands),
		cmocka_unit_test(test_verdict_page),
		cmocka_unit_test(test_layout_never_exceeds_width),
		cmocka_unit_test(test_layout_of_long_words),
		cmocka_unit_test(test_layout_commands),
		cmocka_unit_test(test_layout_structure),
	};

	setlocale(LC_ALL, "C");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
