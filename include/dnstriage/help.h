/* help.h - the content of the wizard's help screens, as data a view can
 * draw: a page is a list of blocks (title, heading, paragraph, term and its
 * explanation, command), translated when the page is built. Pure: no
 * curses; help_page_layout() turns a page into lines of a given width for
 * any text view.
 *
 * The prose comes from knowledge.h (failure codes, recovery steps, finding
 * codes, RCODE and EDE meanings) and src/help_tables.h (steps, keys). */
#ifndef DNSTRIAGE_HELP_H
#define DNSTRIAGE_HELP_H

#include <stdbool.h>
#include <stddef.h>

#include "dnstriage/finding.h"
#include "dnstriage/knowledge.h"

enum help_block_kind {
	HELP_TITLE,
	HELP_HEADING,
	HELP_PARAGRAPH,
	HELP_TERM,
	HELP_COMMAND,
};

/* A term owns the paragraphs and commands that follow it, up to the next
 * term, heading or title: the layout indents them under the term. */
struct help_block {
	enum help_block_kind kind;
	/* HELP_TERM: the term ("SERVFAIL", "resolver-timeout"), else NULL */
	char *term;
	char *text;	/* translated; for a term, its explanation */
};

struct help_page {
	struct help_block *blocks;
	size_t nblocks;
};

/* The help screen of a wizard step, translated now (LC_MESSAGES): what the
 * step checks and why it matters; every finding the step can make, with
 * its code as term and what it means; the failure types (verdict codes)
 * this step can lead to with their help paragraph and recovery steps
 * (prose + commands as in knowledge_tables.h, {zone} shown as <zone>); for
 * the resolvers, authoritative and dnssec steps the RCODE meanings, and
 * for dnssec the EDE meanings. NULL for a step that does not exist. */
struct help_page *help_page_step(enum step_id step);
/* The verdict page: how the verdict is chosen, every failure code with its
 * summary and help, in precedence order (verdict.h; healthy and unknown,
 * which no rule names, last), and the wizard's keys. */
struct help_page *help_page_verdict(void);
void help_page_free(struct help_page *p);	/* NULL is fine */

/* The page as lines of at most width display columns (textfmt_width):
 * the title underlined with '=', headings with '-', each after a blank
 * line; paragraphs wrapped (one that starts "1. " hangs under its text);
 * a term on its own line and its text (and the paragraphs it owns)
 * indented below it; commands indented further, broken
 * only between words (outside quotes) with " \" continuations, and a word
 * wider than the line cut with textfmt_fit. Below 40 columns the indents
 * shrink in proportion; width 0 is taken as 1. Free with
 * textfmt_lines_free(). */
size_t help_page_layout(const struct help_page *p, size_t width,
    char ***lines);

/* --- the tables behind the pages ---------------------------------------- */

/* The paragraph about a step (N_, untranslated); NULL for no such step. */
const char *help_step_text(enum step_id step);
/* The (first) step whose analysis makes findings of code c; false for a code no
 * step makes (a table out of date: test_help catches it). */
bool help_finding_step(enum finding_code c, enum step_id *step);
/* Whether findings of code c belong to step (some codes, the checks of
 * every answer, belong to the resolvers and the authoritative step). */
bool help_finding_in_step(enum finding_code c, enum step_id step);
/* Can findings of the step support a verdict of failure f (a finding code
 * of the step that knowledge_supports() f)? */
bool help_step_leads_to(enum step_id step, enum failure_code f);

#endif
