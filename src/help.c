/* help.c - the help pages (built from knowledge.h and help_tables.h,
 * translated when built) and their layout in lines of a given width. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/help.h"
#include "dnstriage/i18n.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/verdict.h"
#include "help_tables.h"

/* --- the tables --------------------------------------------------------- */

static const char *const step_texts[STEP_COUNT] = {
#define X(id, text) [STEP_##id] = (text),
	STEP_HELP_TABLE(X)
#undef X
};

static const struct {
	enum finding_code code;
	enum step_id step;
} finding_steps[] = {
#define X(fid, sid) { FINDING_##fid, STEP_##sid },
	FINDING_STEP_TABLE(X)
#undef X
};

#define NFINDING_STEPS (sizeof(finding_steps) / sizeof(finding_steps[0]))

static const struct {
	const char *keys;
	const char *what;
} help_keys[] = {
#define X(keys, what) { keys, what },
	HELP_KEY_TABLE(X)
#undef X
};

const char *
help_step_text(enum step_id step)
{
	return (unsigned)step < STEP_COUNT ? step_texts[step] : NULL;
}

bool
help_finding_step(enum finding_code c, enum step_id *step)
{
	size_t i;

	for (i = 0; i < NFINDING_STEPS; i++) {
		if (finding_steps[i].code == c) {
			*step = finding_steps[i].step;
			return true;
		}
	}
	return false;
}

bool
help_finding_in_step(enum finding_code c, enum step_id step)
{
	size_t i;

	for (i = 0; i < NFINDING_STEPS; i++)
		if (finding_steps[i].code == c && finding_steps[i].step == step)
			return true;
	return false;
}

bool
help_step_leads_to(enum step_id step, enum failure_code f)
{
	size_t i;

	for (i = 0; i < NFINDING_STEPS; i++)
		if (finding_steps[i].step == step &&
		    knowledge_supports(finding_steps[i].code, f))
			return true;
	return false;
}

/* --- building pages ----------------------------------------------------- */

struct page_builder {
	struct help_page *page;
	size_t cap;
};

/* Takes text (and a copy of term). */
static void
add_block(struct page_builder *b, enum help_block_kind kind,
    const char *term, char *text)
{
	struct help_page *p = b->page;

	if (p->nblocks == b->cap) {
		b->cap = b->cap == 0 ? 32 : b->cap * 2;
		p->blocks = xreallocarray(p->blocks, b->cap,
		    sizeof(*p->blocks));
	}
	/* blocks has room: it grew above when it was full (or NULL). */
	p->blocks[p->nblocks].kind = kind;	/* NOLINT(clang-analyzer-core.NullDereference) */
	p->blocks[p->nblocks].term = xstrdup(term);
	p->blocks[p->nblocks].text = text;
	p->nblocks++;
}

/* {fact} placeholders of the run have no value on a help page: they show
 * as <fact>, what the reader fills in. Other braces stay. */
static const char *
no_facts(const char *key, size_t keylen, bool *known, void *arg)
{
	enum fact f;

	(void)arg;
	if (!fact_by_key(key, keylen, &f))
		*known = false;
	return NULL;
}

static char *
shown(const char *text)
{
	struct strbuf sb = STRBUF_INIT;

	textfmt_named(&sb, text, no_facts, NULL);
	return strbuf_detach(&sb);
}

/* The msgid translated, placeholders shown. */
static char *
tr(const char *msgid)
{
	return shown(_(msgid));
}

/* fmt is translated by the caller (or a literal); args are plain text. */
static char *
format(const char *fmt, const char *a1, const char *a2, const char *a3)
{
	const char *args[3] = { a1, a2, a3 };

	return textfmt_args_str(fmt, args, 3);
}

static struct help_page *
page_new(struct page_builder *b)
{
	b->page = xcalloc(1, sizeof(*b->page));
	b->page->blocks = NULL;
	b->cap = 0;
	return b->page;
}

static void
add_failure_help(struct page_builder *b, enum failure_code code,
    bool with_recovery)
{
	const struct failure_info *fi = knowledge_failure(code);
	size_t i;

	add_block(b, HELP_TERM, fi->name, tr(fi->help));
	if (!with_recovery || fi->nrecovery == 0)
		return;
	add_block(b, HELP_PARAGRAPH, NULL, xstrdup(_("What to do:")));
	for (i = 0; i < fi->nrecovery; i++) {
		const struct recovery_step *rs = &fi->recovery[i];
		char num[24], *text = tr(rs->text);

		snprintf(num, sizeof(num), "%zu", i + 1);
		add_block(b, HELP_PARAGRAPH, NULL,
		    format("%1$s. %2$s", num, text, NULL));
		free(text);
		if (rs->command != NULL)
			add_block(b, HELP_COMMAND, NULL, shown(rs->command));
	}
}

static void
add_rcodes(struct page_builder *b)
{
	size_t i;

	add_block(b, HELP_HEADING, NULL,
	    xstrdup(_("Response codes (RCODE)")));
	add_block(b, HELP_PARAGRAPH, NULL, tr(HELP_RCODE_TEXT));
	for (i = 0; i < knowledge_rcode_count(); i++) {
		const struct rcode_info *ri = knowledge_rcode_at(i);
		char *term = ri->alias != NULL ?
		    format("%1$s/%2$s", ri->name, ri->alias, NULL) :
		    xstrdup(ri->name);

		/* TRANSLATORS: an RCODE's meaning, then what to check. */
		add_block(b, HELP_TERM, term, format(_("%1$s What to check: "
		    "%2$s"), _(ri->meaning), _(ri->next), NULL));
		free(term);
	}
}

static void
add_edes(struct page_builder *b)
{
	size_t i;

	add_block(b, HELP_HEADING, NULL,
	    xstrdup(_("Extended DNS Errors (EDE)")));
	add_block(b, HELP_PARAGRAPH, NULL, tr(HELP_EDE_TEXT));
	for (i = 0; i < knowledge_ede_count(); i++) {
		const struct ede_info *ei = knowledge_ede_at(i);
		char num[24], *term;

		/* As the reports and dig show it: "7 (Signature Expired)". */
		snprintf(num, sizeof(num), "%d", ei->code);
		term = format("%1$s (%2$s)", num, ei->name, NULL);
		add_block(b, HELP_TERM, term, tr(ei->meaning));
		free(term);
	}
}

struct help_page *
help_page_step(enum step_id step)
{
	struct page_builder b;
	struct help_page *p;
	char num[24], of[24];
	size_t i;

	if ((unsigned)step >= STEP_COUNT)
		return NULL;
	p = page_new(&b);
	snprintf(num, sizeof(num), "%d", (int)step + 1);
	snprintf(of, sizeof(of), "%d", STEP_COUNT);
	/* TRANSLATORS: "Help for step 4 of 5: DNSSEC". */
	add_block(&b, HELP_TITLE, NULL, format(_("Help for step %1$s of %2$s: "
	    "%3$s"), num, of, step_title(step)));
	add_block(&b, HELP_PARAGRAPH, NULL, tr(step_texts[step]));

	add_block(&b, HELP_HEADING, NULL,
	    xstrdup(_("What each finding means")));
	for (i = 0; i < FINDING_CODE_COUNT; i++) {
		const struct finding_code_info *fc = knowledge_finding_code(i);

		if (!help_finding_in_step(fc->code, step))
			continue;
		/* TRANSLATORS: a finding's title, then its explanation. */
		add_block(&b, HELP_TERM, fc->name, format(_("%1$s. %2$s"),
		    _(fc->title), _(knowledge_finding_help(fc->code)), NULL));
	}

	add_block(&b, HELP_HEADING, NULL,
	    xstrdup(_("What this step can lead to")));
	add_block(&b, HELP_PARAGRAPH, NULL, xstrdup(_("The verdicts the "
	    "findings of this step can support, and what to do about each.")));
	for (i = 0; i < FAILURE_COUNT; i++)
		if (help_step_leads_to(step, (enum failure_code)i))
			add_failure_help(&b, (enum failure_code)i, true);

	if (step == STEP_RESOLVERS || step == STEP_AUTHORITATIVE ||
	    step == STEP_DNSSEC)
		add_rcodes(&b);
	if (step == STEP_DNSSEC)
		add_edes(&b);
	return p;
}

static void
add_verdict_entry(struct page_builder *b, enum failure_code code,
    bool *listed)
{
	const struct failure_info *fi;

	if ((unsigned)code >= FAILURE_COUNT || listed[code])
		return;
	listed[code] = true;
	fi = knowledge_failure(code);
	add_block(b, HELP_TERM, fi->name, tr(fi->summary));
	add_block(b, HELP_PARAGRAPH, NULL, tr(fi->help));
}

struct help_page *
help_page_verdict(void)
{
	struct page_builder b;
	struct help_page *p = page_new(&b);
	bool listed[FAILURE_COUNT] = { false };
	size_t i;

	add_block(&b, HELP_TITLE, NULL, xstrdup(_("Help: the verdict")));
	add_block(&b, HELP_PARAGRAPH, NULL, tr(HELP_VERDICT_TEXT));
	add_block(&b, HELP_HEADING, NULL,
	    xstrdup(_("Failure types, in the order they are weighed")));
	/* The rules in order (a code with several rules counts at its
	 * first), then the codes no rule names: healthy, unknown. */
	for (i = 0; i < verdict_rule_count(); i++)
		add_verdict_entry(&b, verdict_rule_at(i)->failure, listed);
	for (i = 0; i < FAILURE_COUNT; i++)
		add_verdict_entry(&b, (enum failure_code)i, listed);

	add_block(&b, HELP_HEADING, NULL, xstrdup(_("Keys")));
	for (i = 0; i < sizeof(help_keys) / sizeof(help_keys[0]); i++)
		add_block(&b, HELP_TERM, _(help_keys[i].keys),
		    xstrdup(_(help_keys[i].what)));
	return p;
}

void
help_page_free(struct help_page *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nblocks; i++) {
		free(p->blocks[i].term);
		free(p->blocks[i].text);
	}
	free(p->blocks);
	free(p);
}

/* --- layout ------------------------------------------------------------- */

/* Indents, in columns at 40 columns and more. */
#define TERM_TEXT_INDENT 4
#define COMMAND_INDENT 4	/* beyond the text it belongs to */
#define CONTINUATION_INDENT 2	/* beyond the command's first line */
#define FULL_INDENT_WIDTH 40

struct lines {
	char **v;
	size_t n, cap;
};

static void
lines_add(struct lines *l, char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap == 0 ? 64 : l->cap * 2;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n++] = s;
}

static void
lines_wrap(struct lines *l, const char *text, size_t width, size_t first,
    size_t indent)
{
	char **w;
	size_t n = textfmt_wrap(text, width, first, indent, &w), i;

	for (i = 0; i < n; i++)
		lines_add(l, w[i]);
	free(w);		/* the strings now belong to l */
}

/* One blank line between blocks, never two, none at the top. */
static void
lines_blank(struct lines *l)
{
	if (l->n > 0 && l->v[l->n - 1][0] != '\0')
		lines_add(l, xstrdup(""));
}

/* A line of c under the lines from index from, as wide as the widest. */
static void
lines_underline(struct lines *l, size_t from, char c)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, w = 0;

	for (i = from; i < l->n; i++) {
		size_t lw = textfmt_width(l->v[i], strlen(l->v[i]));

		if (lw > w)
			w = lw;
	}
	for (i = 0; i < w; i++)
		strbuf_addc(&sb, c);
	if (w > 0)
		lines_add(l, strbuf_detach(&sb));
}

static size_t
indent_for(size_t cols, size_t width)
{
	return width >= FULL_INDENT_WIDTH ? cols :
	    cols * width / FULL_INDENT_WIDTH;
}

/* The words of a command for a shell: split at spaces outside quotes, so
 * a break never lands inside '1 hour ago'. */
static size_t
command_word(const char *s, size_t *skip)
{
	size_t i = 0;
	char quote = 0;

	*skip = strspn(s, " ");
	s += *skip;
	for (; s[i] != '\0'; i++) {
		if (quote != 0) {
			if (s[i] == quote)
				quote = 0;
		} else if (s[i] == '\'' || s[i] == '"')
			quote = s[i];
		else if (s[i] == ' ')
			break;
	}
	return i;
}

struct command_line {
	struct lines *out;
	struct strbuf line;
	size_t cols;
	bool has_word;
	size_t cont;		/* indent of continuation lines */
};

static void
command_start(struct command_line *c, size_t indent)
{
	size_t i;

	for (i = 0; i < indent; i++)
		strbuf_addc(&c->line, ' ');
	c->cols = indent;
	c->has_word = false;
}

static void
command_end(struct command_line *c, const char *mark)
{
	/* A cut inside quotes may end at a space; no trailing blanks. */
	while (c->line.len > 0 && c->line.s[c->line.len - 1] == ' ')
		c->line.s[--c->line.len] = '\0';
	strbuf_adds(&c->line, mark);
	lines_add(c->out, strbuf_detach(&c->line));
	command_start(c, c->cont);
}

/* A word too wide for any line: in pieces that fill the lines. */
static void
command_cut(struct command_line *c, const char *w, size_t n, size_t room)
{
	struct strbuf piece = STRBUF_INIT;

	strbuf_add(&piece, w, n);
	w = piece.s;
	while (*w != '\0') {
		size_t cols, len;

		if (c->cols >= room)
			command_end(c, "");
		len = textfmt_fit(w, room - c->cols, &cols);
		if (len == 0) {
			/* Wider than a whole line (a double-width character
			 * in one column): shown as '?'. */
			if (c->has_word) {
				command_end(c, "");
				continue;
			}
			len = textfmt_utf8_len(w, strlen(w));
			strbuf_addc(&c->line, '?');
			cols = 1;
		} else
			strbuf_add(&c->line, w, len);
		c->cols += cols;
		c->has_word = true;
		w += len;
	}
	strbuf_free(&piece);
}

static void
lines_command(struct lines *l, const char *cmd, size_t width, size_t indent)
{
	struct command_line c = { l, STRBUF_INIT, 0, false, 0 };
	size_t cont = indent + indent_for(CONTINUATION_INDENT, width);
	size_t reserve, skip, n;
	const char *p = cmd;

	if (cont >= width)
		cont = width - 1;
	if (indent > cont)
		indent = cont;
	c.cont = cont;
	/* Room kept for " \" on lines that go on; none when too narrow. */
	reserve = width - cont > 4 ? 2 : 0;
	command_start(&c, indent);
	while ((n = command_word(p, &skip)) > 0) {
		const char *w = p + skip;
		size_t ww = textfmt_width(w, n), next_skip;
		bool last = command_word(w + n, &next_skip) == 0;
		size_t room = width - (last ? 0 : reserve);
		size_t need = c.cols + (c.has_word ? 1 : 0) + ww;

		if (c.has_word && need > room) {
			command_end(&c, reserve > 0 ? " \\" : "");
			need = c.cols + ww;
		}
		if (need <= room) {
			if (c.has_word)
				strbuf_addc(&c.line, ' ');
			strbuf_add(&c.line, w, n);
			c.cols = need;
			c.has_word = true;
		} else
			command_cut(&c, w, n, room);
		p = w + n;
	}
	if (c.has_word)
		lines_add(l, strbuf_detach(&c.line));
	strbuf_free(&c.line);
}

/* "12. " starting a paragraph (a recovery step): its lines hang under the
 * text after the number, while the line is wide enough for that. */
static size_t
number_width(const char *text, size_t width)
{
	size_t n = strspn(text, "0123456789");

	if (n == 0 || n > 3 || text[n] != '.' || text[n + 1] != ' ' ||
	    width < FULL_INDENT_WIDTH)
		return 0;
	return n + 2;
}

size_t
help_page_layout(const struct help_page *p, size_t width, char ***lines)
{
	struct lines l = { NULL, 0, 0 };
	size_t i, text_indent, from;
	bool in_term = false;

	if (width == 0)
		width = 1;
	text_indent = indent_for(TERM_TEXT_INDENT, width);
	for (i = 0; p != NULL && i < p->nblocks; i++) {
		const struct help_block *b = &p->blocks[i];
		const char *text = b->text != NULL ? b->text : "";
		size_t own = in_term ? text_indent : 0;

		switch (b->kind) {
		case HELP_TITLE:
		case HELP_HEADING:
			lines_blank(&l);
			from = l.n;
			lines_wrap(&l, text, width, 0, 0);
			lines_underline(&l, from, b->kind == HELP_TITLE ?
			    '=' : '-');
			in_term = false;
			break;
		case HELP_PARAGRAPH:
			if (!in_term)
				lines_blank(&l);
			lines_wrap(&l, text, width, own,
			    own + number_width(text, width));
			break;
		case HELP_TERM:
			lines_blank(&l);
			lines_wrap(&l, b->term != NULL ? b->term : "", width,
			    0, text_indent);
			lines_wrap(&l, text, width, text_indent, text_indent);
			in_term = true;
			break;
		case HELP_COMMAND:
			lines_command(&l, text, width,
			    own + indent_for(COMMAND_INDENT, width));
			break;
		}
	}
	*lines = l.v != NULL ? l.v : xcalloc(1, sizeof(char *));
	return l.n;
}
