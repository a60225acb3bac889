/* report_text.c - the text report for a ticket: header, verdict and
 * recovery first, then every step with its findings and their evidence.
 * No line is wider than REPORT_TEXT_WIDTH columns: prose wraps at spaces,
 * commands wrap with shell continuations, evidence keeps its lines and
 * cuts only what is too wide. Control characters from the network or the
 * translations are shown as '?', never sent to the terminal. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dnstriage/finding.h"
#include "dnstriage/i18n.h"
#include "dnstriage/report.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/verdict.h"

#define WIDTH REPORT_TEXT_WIDTH
#define TABSTOP 8

/* --- characters --------------------------------------------------------- */

/* One character of s[0..n): how many bytes it takes, the bytes to print
 * (a '?' for control characters and invalid UTF-8) and its width. */
struct ch {
	size_t len;
	const char *bytes;
	size_t blen;
	size_t width;
};

static void
next_ch(const char *s, size_t n, struct ch *c)
{
	unsigned long cp;
	size_t len = textfmt_utf8_decode(s, n, &cp);

	if (len == 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
		c->len = len == 0 ? 1 : len;
		c->bytes = "?";
		c->blen = 1;
		c->width = 1;
		return;
	}
	c->len = len;
	c->bytes = s;
	c->blen = len;
	c->width = textfmt_width(s, len);
}

static size_t
width_of(const char *s, size_t n)
{
	struct ch c;
	size_t i = 0, w = 0;

	while (i < n) {
		next_ch(s + i, n - i, &c);
		w += c.width;
		i += c.len;
	}
	return w;
}

static void
pad(FILE *out, size_t n)
{
	while (n-- > 0)
		fputc(' ', out);
}

static void
newline(FILE *out, size_t indent, size_t *col)
{
	fputc('\n', out);
	pad(out, indent);
	*col = indent;
}

/* Write s[0..n), breaking (with mark, which takes its width in columns)
 * whenever the next character would pass the limit. */
static void
put_cut(FILE *out, const char *s, size_t n, size_t indent, size_t *col,
    const char *mark)
{
	size_t i = 0, markw = strlen(mark);
	struct ch c;

	while (i < n) {
		next_ch(s + i, n - i, &c);
		if (*col + c.width + markw > WIDTH && *col > indent) {
			fputs(mark, out);
			newline(out, indent, col);
		}
		fwrite(c.bytes, 1, c.blen, out);
		*col += c.width;
		i += c.len;
	}
}

/* --- layouts ------------------------------------------------------------ */

/* A run with double-width characters (Chinese, Japanese, Korean text has
 * no spaces): a line may break between its characters, so it goes on the
 * current line and is cut where the line ends. */
static bool
has_wide(const char *s, size_t n)
{
	struct ch c;
	size_t i = 0;

	while (i < n) {
		next_ch(s + i, n - i, &c);
		if (c.width == 2)
			return true;
		i += c.len;
	}
	return false;
}

/* Words of text wrapped at spaces. The cursor is at *col; continuation
 * lines start at indent. With command set, a break is written as " \" so
 * the lines still paste into a shell. Newlines in text are kept. */
static void
put_words(FILE *out, const char *text, size_t indent, size_t *col,
    bool command)
{
	const char *p = text;
	bool at_start = true, pending = false;
	size_t reserve = command ? 2 : 0;

	while (*p != '\0') {
		size_t n, w;

		if (*p == '\n') {
			/* Indent only once something follows: no trailing
			 * blanks on empty lines. */
			fputc('\n', out);
			*col = indent;
			at_start = pending = true;
			p++;
			continue;
		}
		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		n = strcspn(p, " \t\n");
		w = width_of(p, n);
		if (!command && has_wide(p, n) && *col + 1 + 2 <= WIDTH)
			w = 2;	/* its first character is what must fit */
		if (!at_start && *col + 1 + w + reserve > WIDTH) {
			if (command)
				fputs(" \\", out);
			newline(out, indent, col);
			at_start = true;
		}
		if (pending) {
			pad(out, indent);
			pending = false;
		}
		if (!at_start) {
			fputc(' ', out);
			(*col)++;
		}
		put_cut(out, p, n, indent, col, command ? "\\" : "");
		at_start = false;
		p += n;
	}
}

/* Lines kept as they are, tabs expanded; a line too wide is cut and its
 * remainder continues on the next line after a "\". */
static void
put_verbatim(FILE *out, const char *text, size_t indent)
{
	struct strbuf line = STRBUF_INIT;
	const char *p = text;
	size_t col;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n"), i, w = 0;

		line.len = 0;
		strbuf_add(&line, "", 0);
		for (i = 0; i < n; i++) {
			if (p[i] == '\t') {
				do {
					strbuf_addc(&line, ' ');
				} while (++w % TABSTOP != 0);
			} else {
				strbuf_addc(&line, p[i]);
				/* Column for tab stops: count lead bytes. */
				if (((unsigned char)p[i] & 0xc0) != 0x80)
					w++;
			}
		}
		if (line.len > 0) {
			pad(out, indent);
			col = indent;
			put_cut(out, line.s, line.len, indent, &col, "\\");
		}
		fputc('\n', out);
		p += n;
		if (*p == '\n')
			p++;
	}
	strbuf_free(&line);
}

/* A paragraph of prose starting at column indent. */
static void
put_paragraph(FILE *out, size_t indent, const char *text)
{
	size_t col = indent;

	pad(out, indent);
	put_words(out, text, indent, &col, false);
	fputc('\n', out);
}

/* Text on one line, as it is (sanitised); the caller knows it fits. */
static size_t
put_plain(FILE *out, const char *s)
{
	size_t i = 0, n = strlen(s), w = 0;
	struct ch c;

	while (i < n) {
		next_ch(s + i, n - i, &c);
		fwrite(c.bytes, 1, c.blen, out);
		w += c.width;
		i += c.len;
	}
	return w;
}

/* "label:" then, unless the value starts on the next line, padding to
 * labelw columns; returns the column reached. */
static size_t
put_label(FILE *out, size_t indent, size_t labelw, const char *label,
    bool value_follows)
{
	size_t col = indent;

	pad(out, indent);
	col += put_plain(out, label);
	fputc(':', out);
	col++;
	if (!value_follows)
		return col;
	do {
		fputc(' ', out);
	} while (++col < labelw);
	return col;
}

static size_t
label_width(const char *const *labels, size_t n)
{
	size_t i, w, max = 0;

	for (i = 0; i < n; i++) {
		w = width_of(labels[i], strlen(labels[i])) + 2;
		if (w > max)
			max = w;
	}
	/* Keep room for values on narrow translations of long labels. */
	return max > WIDTH / 3 ? WIDTH / 3 : max;
}

static void
put_value(FILE *out, size_t col, size_t indent, const char *value,
    enum field_style style)
{
	switch (style) {
	case FIELD_PROSE:
		put_words(out, value, indent, &col, false);
		fputc('\n', out);
		break;
	case FIELD_COMMAND:
		put_words(out, value, indent + 2, &col, true);
		fputc('\n', out);
		break;
	case FIELD_VERBATIM:
		fputc('\n', out);
		put_verbatim(out, value, indent);
		break;
	}
}

/* --- sections ----------------------------------------------------------- */

static void
put_header(FILE *out, const struct triage *t)
{
	const char *labels[5] = {
		/* TRANSLATORS: labels of the text report's header. */
		_("Started"), _("Duration"), _("Host"), _("Version"),
		_("Command"),
	};
	struct strbuf sb = STRBUF_INIT;
	char started[64] = "?", ms[32];
	const char *args[2];
	struct tm tm;
	size_t i, col, labelw = label_width(labels, 5);

	strbuf_adds(&sb, t->name);
	if (t->ntypes > 0) {
		strbuf_adds(&sb, " (");
		for (i = 0; i < t->ntypes; i++) {
			if (i > 0)
				strbuf_adds(&sb, ", ");
			strbuf_adds(&sb, t->types[i]);
		}
		strbuf_addc(&sb, ')');
	}
	args[0] = sb.s;
	{
		/* TRANSLATORS: %s is the name triaged and its record types. */
		char *title = textfmt_args_str(_("DNS triage report: %s"),
		    args, 1);

		put_paragraph(out, 0, title);
		free(title);
	}
	strbuf_free(&sb);
	fputc('\n', out);

	if (gmtime_r(&t->started, &tm) != NULL)
		strftime(started, sizeof(started), "%Y-%m-%d %H:%M:%S UTC",
		    &tm);
	col = put_label(out, 0, labelw, labels[0], true);
	put_value(out, col, labelw, started, FIELD_PROSE);

	col = put_label(out, 0, labelw, labels[1], true);
	if (t->duration_ms >= 0) {
		char *d;

		snprintf(ms, sizeof(ms), "%ld", t->duration_ms);
		args[0] = ms;
		d = textfmt_args_str(_("%s ms"), args, 1);
		put_value(out, col, labelw, d, FIELD_PROSE);
		free(d);
	} else
		put_value(out, col, labelw, "?", FIELD_PROSE);

	col = put_label(out, 0, labelw, labels[2], true);
	put_value(out, col, labelw, t->host ? t->host : "?", FIELD_PROSE);

	col = put_label(out, 0, labelw, labels[3], true);
	strbuf_adds(&sb, PACKAGE_NAME " ");
	strbuf_adds(&sb, t->version ? t->version : "?");
	put_value(out, col, labelw, sb.s, FIELD_PROSE);
	strbuf_free(&sb);

	col = put_label(out, 0, labelw, labels[4], true);
	put_value(out, col, labelw,
	    t->command_line ? t->command_line : "?", FIELD_COMMAND);
}

static void
put_verdict(FILE *out, const struct verdict *v)
{
	const char *args[2];
	char *line, *summary;
	size_t i, n;

	fputc('\n', out);
	args[0] = verdict_code_str(v);
	args[1] = severity_label(v->severity);
	/* TRANSLATORS: %1$s is a failure code such as dnssec-bogus (never
	 * translated), %2$s its severity. */
	line = textfmt_args_str(_("VERDICT: %1$s (%2$s)"), args, 2);
	put_paragraph(out, 0, line);
	free(line);
	summary = verdict_summary(v);
	put_paragraph(out, 2, summary);
	free(summary);

	if (v->ncauses > 0) {
		struct strbuf sb = STRBUF_INIT;

		for (i = 0; i < v->ncauses; i++) {
			if (i > 0)
				strbuf_adds(&sb, ", ");
			strbuf_adds(&sb, finding_code_str(v->causes[i]));
			if (v->causes[i]->server != NULL) {
				strbuf_adds(&sb, " (");
				strbuf_adds(&sb, v->causes[i]->server);
				strbuf_addc(&sb, ')');
			}
		}
		args[0] = sb.s;
		/* TRANSLATORS: %s lists the findings behind the verdict. */
		line = textfmt_args_str(_("Based on: %s"), args, 1);
		put_paragraph(out, 2, line);
		free(line);
		strbuf_free(&sb);
	}

	n = verdict_recovery_count(v);
	if (n == 0)
		return;
	fputc('\n', out);
	put_paragraph(out, 0, _("WHAT TO DO NOW"));
	for (i = 0; i < n; i++) {
		char num[32], *text = verdict_recovery_text(v, i);
		char *cmd = verdict_recovery_command(v, i);
		size_t col, numw;

		snprintf(num, sizeof(num), "%2zu. ", i + 1);
		numw = 2 + strlen(num);
		pad(out, 2);
		fputs(num, out);
		col = numw;
		put_words(out, text, numw, &col, false);
		fputc('\n', out);
		if (cmd != NULL) {
			pad(out, numw + 2);
			col = numw + 2;
			put_words(out, cmd, numw + 6, &col, true);
			fputc('\n', out);
		}
		free(text);
		free(cmd);
	}
}

static void
put_finding(FILE *out, const struct finding *f)
{
	const char *labels[16];
	struct strbuf sb = STRBUF_INIT;
	char *message;
	size_t i, nl = 0, labelw, indent = 4;

	/* "[critical] resolver-servfail: Resolver fails (SERVFAIL)" */
	strbuf_addc(&sb, '[');
	strbuf_adds(&sb, severity_label(f->severity));
	strbuf_adds(&sb, "] ");
	strbuf_adds(&sb, finding_code_str(f));
	strbuf_adds(&sb, ": ");
	strbuf_adds(&sb, _(knowledge_finding_code(f->code)->title));
	fputc('\n', out);
	put_paragraph(out, 2, sb.s);
	strbuf_free(&sb);

	message = finding_message(f);
	if (message[0] != '\0')
		put_paragraph(out, indent, message);
	free(message);

	for (i = 0; i < finding_nfields && nl < 16; i++)
		if (finding_fields[i].label != NULL)
			labels[nl++] = _(finding_fields[i].label);
	labelw = indent + label_width(labels, nl);

	for (i = 0, nl = 0; i < finding_nfields; i++) {
		const struct finding_field *field = &finding_fields[i];
		struct field_value v;

		if (field->label == NULL)
			continue;
		finding_field_text(field, f, &v);
		if (v.kind == FIELD_STRING && v.str != NULL &&
		    v.str[0] != '\0') {
			size_t col = put_label(out, indent, labelw,
			    labels[nl], field->style != FIELD_VERBATIM);

			put_value(out, col, field->style == FIELD_VERBATIM ?
			    indent + 2 : labelw, v.str, field->style);
		}
		field_value_clear(&v);
		nl++;
	}
}

static void
put_step(FILE *out, const struct step_result *s)
{
	enum step_status st = step_status_is_result(s->status) ?
	    s->status : STEP_SKIPPED;
	char num[32], of[32], count[32], *line;
	const char *args[4];
	size_t i;

	snprintf(num, sizeof(num), "%d", (int)s->id + 1);
	snprintf(of, sizeof(of), "%d", STEP_COUNT);
	snprintf(count, sizeof(count), "%zu", s->nfindings);
	fputc('\n', out);
	args[0] = num;
	args[1] = of;
	args[2] = step_title(s->id);
	args[3] = step_status_label(st);
	/* TRANSLATORS: "STEP 2/5: Resolvers [critical]". */
	line = textfmt_args_str(_("STEP %1$s/%2$s: %3$s [%4$s]"), args, 4);
	put_paragraph(out, 0, line);
	free(line);

	if (st == STEP_SKIPPED) {
		char *reason = message_render(&s->skip_reason);
		char *text;

		if (reason[0] == '\0') {
			free(reason);
			reason = xstrdup(s->status == STEP_SKIPPED ?
			    _("no reason was given.") :
			    _("the step did not finish before this report was "
			    "written."));
		}
		args[0] = reason;
		/* TRANSLATORS: %s says why a step was skipped. */
		text = textfmt_args_str(_("Skipped: %s"), args, 1);
		put_paragraph(out, 2, text);
		free(text);
		free(reason);
	}
	if (s->nfindings == 0) {
		if (st != STEP_SKIPPED)
			put_paragraph(out, 2, _("No findings."));
		return;
	}
	args[0] = count;
	line = textfmt_args_str(ngettext("%s finding:", "%s findings:",
	    s->nfindings), args, 1);
	put_paragraph(out, 2, line);
	free(line);
	for (i = 0; i < s->nfindings; i++)
		put_finding(out, s->findings[i]);
}

int
report_text(FILE *out, const struct triage *t)
{
	size_t i;

	put_header(out, t);
	put_verdict(out, &t->verdict);
	for (i = 0; i < STEP_COUNT; i++)
		put_step(out, &t->steps[i]);
	return ferror(out) ? -1 : 0;
}
