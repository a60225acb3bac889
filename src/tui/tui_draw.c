/* tui_draw.c - the wizard's panes: windows in panels (the panel library
 * keeps dialogs and help on top), each pane drawn from the triage model and
 * the screen state, nothing computed here that a report would not show. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dnstriage/help.h"
#include "dnstriage/i18n.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/verdict.h"
#include "tui_private.h"

/* --- small helpers ------------------------------------------------------ */

void
tui_put(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	size_t cols, n;

	if (w == NULL || s == NULL || width <= 0)
		return;
	n = textfmt_fit(s, (size_t)width, &cols);
	wattr_on(w, attr, NULL);
	mvwaddnstr(w, y, x, s, (int)n);
	wattr_off(w, attr, NULL);
}

/* Put s and fill the rest of the width with spaces in the same attribute
 * (selection bars). */
static void
put_bar(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	size_t cols = 0, n;
	int i;

	if (width <= 0)
		return;
	n = textfmt_fit(s, (size_t)width, &cols);
	wattr_on(w, attr, NULL);
	mvwaddnstr(w, y, x, s, (int)n);
	for (i = (int)cols; i < width; i++)
		waddch(w, ' ');
	wattr_off(w, attr, NULL);
}

attr_t
tui_severity_attr(const struct tui *t, enum severity s)
{
	switch (s) {
	case SEVERITY_CRITICAL:
		return t->color ? COLOR_PAIR(PAIR_CRITICAL) | A_BOLD : A_BOLD;
	case SEVERITY_WARNING:
		return t->color ? COLOR_PAIR(PAIR_WARNING) | A_BOLD :
		    A_BOLD | A_UNDERLINE;
	case SEVERITY_OK:
		return t->color ? COLOR_PAIR(PAIR_OK) : A_NORMAL;
	case SEVERITY_UNKNOWN:
		return t->color ? COLOR_PAIR(PAIR_WARNING) : A_BOLD;
	default:
		return t->color ? COLOR_PAIR(PAIR_INFO) : A_NORMAL;
	}
}

static enum severity
status_severity(enum step_status s)
{
	switch (s) {
	case STEP_OK:
		return SEVERITY_OK;
	case STEP_WARNING:
		return SEVERITY_WARNING;
	case STEP_CRITICAL:
		return SEVERITY_CRITICAL;
	default:
		return SEVERITY_INFO;
	}
}

static const char *
status_mark(const struct tui *t, enum step_status s)
{
	switch (s) {
	case STEP_RUNNING:
		return t->marks.spinner[t->spin % t->marks.nspinner];
	case STEP_OK:
		return t->marks.ok;
	case STEP_WARNING:
		return t->marks.warning;
	case STEP_CRITICAL:
		return t->marks.critical;
	case STEP_SKIPPED:
		return t->marks.skipped;
	default:
		return t->marks.pending;
	}
}

static const char *
severity_mark(const struct tui *t, enum severity s)
{
	switch (s) {
	case SEVERITY_OK:
		return t->marks.ok;
	case SEVERITY_WARNING:
		return t->marks.warning;
	case SEVERITY_CRITICAL:
		return t->marks.critical;
	default:
		return t->marks.info;
	}
}

const struct step_result *
tui_row_step(const struct tui *t, int row)
{
	if (t->session == NULL || row < 0 || row >= STEP_COUNT)
		return NULL;
	return &t->session->t->steps[row];
}

size_t
tui_row_nfindings(const struct tui *t, int row)
{
	const struct step_result *s = tui_row_step(t, row);

	if (s != NULL)
		return s->nfindings;
	if (row == TUI_ROW_VERDICT && t->session != NULL && t->survey_done)
		return t->session->t->verdict.ncauses;
	return 0;
}

static const struct finding *
selected_finding(const struct tui *t)
{
	const struct step_result *s = tui_row_step(t, t->row);
	size_t i = t->finding[t->row];

	if (s != NULL)
		return i < s->nfindings ? s->findings[i] : NULL;
	if (t->row == TUI_ROW_VERDICT && t->session != NULL &&
	    t->survey_done && i < t->session->t->verdict.ncauses)
		return t->session->t->verdict.causes[i];
	return NULL;
}

void
tui_box(const struct tui *t, WINDOW *w)
{
	if (t->ascii)
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
	else
		box(w, 0, 0);
}

void
tui_window_close(struct tui *t, WINDOW **sub, PANEL **p, WINDOW **w)
{
	if (sub != NULL && *sub != NULL)
		delwin(*sub);
	if (*p != NULL)
		del_panel(*p);
	if (*w != NULL) {
		if (t->keywin == *w)
			t->keywin = NULL;
		delwin(*w);
	}
	if (sub != NULL)
		*sub = NULL;
	*p = NULL;
	*w = NULL;
}

/* A boxed pane with a title in its top border; focus shows in bold. */
static void
frame(const struct tui *t, WINDOW *w, const char *title, bool focused)
{
	int h, wd;

	getmaxyx(w, h, wd);
	(void)h;
	werase(w);
	if (focused)
		wattr_on(w, A_BOLD, NULL);
	tui_box(t, w);
	if (title != NULL && wd > 6) {
		mvwaddch(w, 0, 2, ' ');
		tui_put(w, 0, 3, wd - 6, title, focused ? A_BOLD : A_NORMAL);
		{
			int y, x;

			getyx(w, y, x);
			(void)y;
			if (x < wd - 1)
				waddch(w, ' ');
		}
	}
	if (focused)
		wattr_off(w, A_BOLD, NULL);
}

/* --- windows ------------------------------------------------------------ */

void
tui_draw_destroy(struct tui *t)
{
	int i;

	for (i = 0; i < PANE_COUNT; i++) {
		if (t->panel[i] != NULL)
			del_panel(t->panel[i]);
		if (t->win[i] != NULL)
			delwin(t->win[i]);
		t->panel[i] = NULL;
		t->win[i] = NULL;
	}
}

void
tui_draw_create(struct tui *t)
{
	const struct tui_rect *r[PANE_COUNT];
	int i;

	tui_draw_destroy(t);
	tui_layout_compute(LINES, COLS, &t->lay);
	if (t->lay.too_small)
		return;
	r[PANE_HEADER] = &t->lay.header;
	r[PANE_STEPS] = &t->lay.steps;
	r[PANE_VERDICT] = &t->lay.verdict;
	r[PANE_FINDINGS] = &t->lay.findings;
	r[PANE_EVIDENCE] = &t->lay.evidence;
	r[PANE_NARRATIVE] = &t->lay.narrative;
	r[PANE_STATUS] = &t->lay.status;
	for (i = 0; i < PANE_COUNT; i++) {
		t->win[i] = newwin(r[i]->h, r[i]->w, r[i]->y, r[i]->x);
		if (t->win[i] == NULL)
			continue;
		t->panel[i] = new_panel(t->win[i]);
		/* Panes only ever show text: keep them from scrolling. */
		scrollok(t->win[i], FALSE);
	}
}

/* --- the panes ---------------------------------------------------------- */

static void
draw_header(struct tui *t)
{
	WINDOW *w = t->win[PANE_HEADER];
	struct strbuf sb = STRBUF_INIT;
	const struct triage *m = t->session != NULL ? t->session->t : NULL;
	char clock[32];
	time_t now = time(NULL);
	struct tm tm;
	size_t i, cw;
	attr_t a = t->color ? COLOR_PAIR(PAIR_HEADER) | A_BOLD : A_REVERSE;

	werase(w);
	put_bar(w, 0, 0, t->lay.header.w, "", a);
	strbuf_addf(&sb, " %s", PACKAGE);
	if (m != NULL) {
		strbuf_addf(&sb, "  %s", m->name);
		for (i = 0; i < m->ntypes; i++)
			strbuf_addf(&sb, "%s%s", i == 0 ? " (" : " ", m->types[i]);
		if (m->ntypes > 0)
			strbuf_adds(&sb, ")");
		if (t->cfg.nresolvers > 0) {
			strbuf_adds(&sb, "  ");
			/* TRANSLATORS: header, before the list of resolvers. */
			strbuf_adds(&sb, _("resolvers:"));
			for (i = 0; i < t->cfg.nresolvers; i++)
				strbuf_addf(&sb, " %s", t->cfg.resolvers[i].text);
		}
	}
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(clock, sizeof(clock), "%H:%M:%S UTC ", &tm) == 0)
		clock[0] = '\0';
	cw = textfmt_width(clock, strlen(clock));
	tui_put(w, 0, 0, t->lay.header.w - (int)cw - 1, sb.s != NULL ? sb.s : "",
	    a);
	tui_put(w, 0, t->lay.header.w - (int)cw, (int)cw, clock, a);
	strbuf_free(&sb);
}

static void
draw_steps(struct tui *t)
{
	WINDOW *w = t->win[PANE_STEPS];
	int width = t->lay.steps.w - 2, row;

	frame(t, w, _("Steps"), t->focus == FOCUS_STEPS);
	for (row = 0; row < TUI_ROWS; row++) {
		struct strbuf sb = STRBUF_INIT;
		const struct step_result *s = tui_row_step(t, row);
		bool at_flow;
		enum severity sev;
		attr_t a;
		const char *mark;

		if (row < STEP_COUNT) {
			/* before the form is filled in there is no session
			 * yet: the steps are all still to come */
			mark = s != NULL ? status_mark(t, s->status) :
			    t->marks.pending;
			sev = s != NULL ? status_severity(s->status) :
			    SEVERITY_INFO;
			at_flow = wizard_state_step(t->flow) == row;
			strbuf_addf(&sb, "%s%s %d %s", at_flow ? t->marks.expanded :
			    " ", mark, row + 1, step_title((enum step_id)row));
		} else {
			const struct verdict *v = t->session != NULL ?
			    &t->session->t->verdict : NULL;
			bool done = t->survey_done && v != NULL;

			at_flow = t->flow == WIZ_VERDICT || t->flow == WIZ_DONE;
			sev = done ? v->severity : SEVERITY_INFO;
			mark = done ? (v->severity == SEVERITY_UNKNOWN ?
			    t->marks.warning : severity_mark(t, v->severity)) :
			    (t->session != NULL ? t->marks.spinner[t->spin %
			    t->marks.nspinner] : t->marks.pending);
			strbuf_addf(&sb, "%s%s %d %s", at_flow ? t->marks.expanded :
			    " ", mark, row + 1, _("Verdict"));
			if (done) {
				strbuf_adds(&sb, ": ");
				strbuf_adds(&sb, verdict_code_str(v));
			}
		}
		a = row == t->row ? (t->focus == FOCUS_STEPS ? A_REVERSE :
		    A_BOLD) : A_NORMAL;
		if (row != t->row || t->focus != FOCUS_STEPS)
			a |= tui_severity_attr(t, sev) & ~A_UNDERLINE;
		put_bar(w, 1 + row, 1, width, sb.s, a);
		strbuf_free(&sb);
	}
}

static void
draw_verdict_box(struct tui *t)
{
	WINDOW *w = t->win[PANE_VERDICT];
	int width = t->lay.verdict.w - 2, rows = t->lay.verdict.h - 2, y = 1;
	const struct verdict *v;

	frame(t, w, _("Verdict"), false);
	if (rows <= 0)
		return;
	if (t->session == NULL) {
		tui_put(w, 1, 1, width, _("not started"), A_NORMAL);
		return;
	}
	v = &t->session->t->verdict;
	if (!t->survey_done) {
		size_t done, total;
		char buf[128];
		const char *args[2];
		char *line;

		survey_progress(t->session->sv, &done, &total);
		snprintf(buf, sizeof(buf), "%zu", done);
		args[0] = buf;
		snprintf(buf + 64, 64, "%zu", total);
		args[1] = buf + 64;
		/* TRANSLATORS: progress of the probes: "12/40 answers in". */
		line = textfmt_args_str(_("%1$s/%2$s answers in"), args, 2);
		tui_put(w, 1, 1, width, line, A_NORMAL);
		free(line);
		if (rows > 1)
			tui_put(w, 2, 1, width, _("the verdict follows"), A_NORMAL);
		return;
	}
	tui_put(w, y++, 1, width, verdict_code_str(v),
	    tui_severity_attr(t, v->severity) | A_BOLD);
	if (y <= rows) {
		char *summary = verdict_summary(v);
		char **lines;
		size_t n, i;

		n = textfmt_wrap(summary, (size_t)width, 0, 0, &lines);
		for (i = 0; i < n && y <= rows; i++)
			tui_put(w, y++, 1, width, lines[i], A_NORMAL);
		textfmt_lines_free(lines, n);
		free(summary);
	}
}

/* Lines of a scrollable text pane, built then shown from an offset. */
struct textlines {
	char **line;
	attr_t *attr;
	size_t *owner;		/* which item a line belongs to */
	size_t n, cap;
};

static void
tl_add(struct textlines *tl, const char *s, attr_t a, size_t owner)
{
	if (tl->n == tl->cap) {
		tl->cap = tl->cap ? tl->cap * 2 : 32;
		tl->line = xreallocarray(tl->line, tl->cap, sizeof(*tl->line));
		tl->attr = xreallocarray(tl->attr, tl->cap, sizeof(*tl->attr));
		tl->owner = xreallocarray(tl->owner, tl->cap,
		    sizeof(*tl->owner));
	}
	tl->line[tl->n] = xstrdup(s);
	tl->attr[tl->n] = a;
	tl->owner[tl->n] = owner;
	tl->n++;
}

static void
tl_wrap(struct textlines *tl, const char *text, size_t width, size_t first,
    size_t indent, attr_t a, size_t owner)
{
	char **lines;
	size_t n, i;

	n = textfmt_wrap(text, width, first, indent, &lines);
	for (i = 0; i < n; i++)
		tl_add(tl, lines[i], a, owner);
	textfmt_lines_free(lines, n);
}

/* Verbatim text (evidence): keep the lines, cut what is too wide. */
static void
tl_verbatim(struct textlines *tl, const char *text, size_t indent, attr_t a,
    size_t owner)
{
	const char *p = text, *nl;
	struct strbuf sb = STRBUF_INIT;

	while (p != NULL && *p != '\0') {
		nl = strchr(p, '\n');
		strbuf_free(&sb);
		strbuf_addf(&sb, "%*s", (int)indent, "");
		strbuf_add(&sb, p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		tl_add(tl, sb.s, a, owner);
		p = nl != NULL ? nl + 1 : NULL;
	}
	strbuf_free(&sb);
}

static void
tl_free(struct textlines *tl)
{
	size_t i;

	for (i = 0; i < tl->n; i++)
		free(tl->line[i]);
	free(tl->line);
	free(tl->attr);
	free(tl->owner);
	memset(tl, 0, sizeof(*tl));
}

/* Show lines [top, top + rows) of tl in w, inside its border. */
static void
tl_show(WINDOW *w, const struct textlines *tl, size_t top, int rows,
    int width, attr_t selected_attr, size_t selected_owner, bool select)
{
	int y;

	for (y = 0; y < rows && top + (size_t)y < tl->n; y++) {
		size_t i = top + (size_t)y;

		if (select && tl->owner[i] == selected_owner)
			put_bar(w, 1 + y, 1, width, tl->line[i],
			    tl->attr[i] | selected_attr);
		else
			tui_put(w, 1 + y, 1, width, tl->line[i], tl->attr[i]);
	}
}

static void
finding_headline(const struct tui *t, const struct finding *f, bool open,
    struct strbuf *sb)
{
	strbuf_adds(sb, open ? t->marks.expanded : t->marks.collapsed);
	strbuf_adds(sb, severity_mark(t, f->severity));
	strbuf_addc(sb, ' ');
	strbuf_adds(sb, _(knowledge_finding_code(f->code)->title));
	if (f->server != NULL) {
		strbuf_adds(sb, "  ");
		strbuf_adds(sb, f->server);
	}
}

static void
findings_lines(struct tui *t, const struct step_result *s, size_t width,
    struct textlines *tl)
{
	size_t i;

	if (s->status == STEP_SKIPPED) {
		char *reason = message_render(&s->skip_reason);
		const char *args[1];
		char *line;

		args[0] = reason[0] != '\0' ? reason : _("no reason was given.");
		line = textfmt_args_str(_("Skipped: %s"), args, 1);
		tl_wrap(tl, line, width, 0, 2, A_NORMAL, SIZE_MAX);
		free(line);
		free(reason);
	}
	if (s->nfindings == 0 && s->status != STEP_SKIPPED)
		tl_add(tl, s->status == STEP_RUNNING || s->status == STEP_PENDING ?
		    _("Waiting for answers...") : _("No findings."), A_NORMAL,
		    SIZE_MAX);
	for (i = 0; i < s->nfindings; i++) {
		const struct finding *f = s->findings[i];
		bool open = i < TUI_MAX_FINDINGS && t->expanded[s->id][i];
		struct strbuf sb = STRBUF_INIT;

		finding_headline(t, f, open, &sb);
		tl_add(tl, sb.s, tui_severity_attr(t, f->severity), i);
		strbuf_free(&sb);
		if (open) {
			char *msg = finding_message(f);

			/* The code, for the help screen and the report. */
			tl_wrap(tl, finding_code_str(f), width, 4, 4, A_DIM, i);
			if (msg[0] != '\0')
				tl_wrap(tl, msg, width, 4, 4, A_NORMAL, i);
			free(msg);
			/* What this kind of finding means, as help says. */
			tl_wrap(tl, _(knowledge_finding_help(f->code)), width, 4,
			    4, A_DIM, i);
		}
	}
}

static void
verdict_lines(struct tui *t, size_t width, struct textlines *tl)
{
	const struct verdict *v = &t->session->t->verdict;
	char *summary, *line;
	const char *args[2];
	size_t i, n;

	args[0] = verdict_code_str(v);
	args[1] = severity_label(v->severity);
	line = textfmt_args_str(_("VERDICT: %1$s (%2$s)"), args, 2);
	tl_add(tl, line, tui_severity_attr(t, v->severity) | A_BOLD, SIZE_MAX);
	free(line);
	summary = verdict_summary(v);
	tl_wrap(tl, summary, width, 2, 2, A_NORMAL, SIZE_MAX);
	free(summary);
	if (v->ncauses > 0)
		tl_add(tl, _("Based on (select one for its evidence):"),
		    A_NORMAL, SIZE_MAX);
	for (i = 0; i < v->ncauses; i++) {
		struct strbuf sb = STRBUF_INIT;

		finding_headline(t, v->causes[i], false, &sb);
		tl_add(tl, sb.s, tui_severity_attr(t, v->causes[i]->severity), i);
		strbuf_free(&sb);
	}
	n = verdict_recovery_count(v);
	if (n > 0) {
		tl_add(tl, "", A_NORMAL, SIZE_MAX);
		tl_add(tl, _("WHAT TO DO NOW"), A_BOLD, SIZE_MAX);
	}
	for (i = 0; i < n; i++) {
		char num[32], *text = verdict_recovery_text(v, i);
		char *cmd = verdict_recovery_command(v, i);
		struct strbuf sb = STRBUF_INIT;

		snprintf(num, sizeof(num), "%2zu. ", i + 1);
		strbuf_adds(&sb, num);
		strbuf_adds(&sb, text);
		tl_wrap(tl, sb.s, width, 0, 4, A_NORMAL, SIZE_MAX);
		if (cmd != NULL)
			tl_wrap(tl, cmd, width, 6, 8, A_BOLD, SIZE_MAX);
		strbuf_free(&sb);
		free(text);
		free(cmd);
	}
}

/* The first line of the selected item, scrolled into view. */
static size_t
scroll_to(const struct textlines *tl, size_t owner, int rows, int *scroll)
{
	size_t first = SIZE_MAX, last = 0, i;

	for (i = 0; i < tl->n; i++) {
		if (tl->owner[i] == owner) {
			if (first == SIZE_MAX)
				first = i;
			last = i;
		}
	}
	if (rows <= 0)
		return 0;
	if (first != SIZE_MAX) {
		if ((size_t)*scroll > first)
			*scroll = (int)first;
		if (last >= (size_t)*scroll + (size_t)rows)
			*scroll = (int)(last + 1 - (size_t)rows);
		if ((size_t)*scroll > first)
			*scroll = (int)first;
	}
	if (*scroll < 0 || tl->n <= (size_t)rows)
		*scroll = 0;
	else if ((size_t)*scroll > tl->n - (size_t)rows)
		*scroll = (int)(tl->n - (size_t)rows);
	return (size_t)*scroll;
}

static void
draw_findings(struct tui *t)
{
	WINDOW *w = t->win[PANE_FINDINGS];
	int width = t->lay.findings.w - 2, rows = t->lay.findings.h - 2;
	struct textlines tl = { 0 };
	const struct step_result *s = tui_row_step(t, t->row);
	char title[160];
	size_t top;

	if (t->row < STEP_COUNT)
		snprintf(title, sizeof(title), "%d/%d %s", t->row + 1, STEP_COUNT,
		    step_title((enum step_id)t->row));
	else
		snprintf(title, sizeof(title), "%s", _("Verdict"));
	frame(t, w, title, t->focus == FOCUS_FINDINGS);
	if (t->session == NULL)
		return;
	if (s != NULL)
		findings_lines(t, s, (size_t)width, &tl);
	else if (t->survey_done)
		verdict_lines(t, (size_t)width, &tl);
	else
		tl_add(&tl, _("The verdict comes when every answer is in."),
		    A_NORMAL, SIZE_MAX);
	if (t->findings_free_scroll) {
		int *sc = &t->findings_scroll[t->row];

		if (tl.n <= (size_t)rows || *sc < 0)
			*sc = 0;
		else if ((size_t)*sc > tl.n - (size_t)rows)
			*sc = (int)(tl.n - (size_t)rows);
		top = (size_t)*sc;
	} else {
		top = scroll_to(&tl, t->finding[t->row], rows,
		    &t->findings_scroll[t->row]);
	}
	tl_show(w, &tl, top, rows, width,
	    t->focus == FOCUS_FINDINGS ? A_REVERSE : A_BOLD,
	    t->finding[t->row], true);
	tl_free(&tl);
}

static void
draw_evidence(struct tui *t)
{
	WINDOW *w = t->win[PANE_EVIDENCE];
	int width = t->lay.evidence.w - 2, rows = t->lay.evidence.h - 2;
	const struct finding *f = selected_finding(t);
	struct textlines tl = { 0 };
	size_t i;

	frame(t, w, _("Evidence"), t->focus == FOCUS_EVIDENCE);
	if (f == NULL) {
		tui_put(w, 1, 1, width, _("Select a finding to see what the "
		    "server said."), A_NORMAL);
		return;
	}
	/* The same fields, labels and order as the text report. */
	for (i = 0; i < finding_nfields; i++) {
		const struct finding_field *field = &finding_fields[i];
		struct field_value v;

		if (field->label == NULL)
			continue;
		finding_field_text(field, f, &v);
		if (v.kind == FIELD_STRING && v.str != NULL && v.str[0] != '\0') {
			struct strbuf sb = STRBUF_INIT;

			strbuf_adds(&sb, _(field->label));
			strbuf_adds(&sb, ":");
			if (field->style == FIELD_VERBATIM) {
				tl_add(&tl, sb.s, A_BOLD, 0);
				tl_verbatim(&tl, v.str, 2, A_NORMAL, 0);
			} else {
				strbuf_addc(&sb, ' ');
				strbuf_adds(&sb, v.str);
				tl_wrap(&tl, sb.s, (size_t)width, 0, 2,
				    field->style == FIELD_COMMAND ? A_BOLD :
				    A_NORMAL, 0);
			}
			strbuf_free(&sb);
		}
		field_value_clear(&v);
	}
	if (tl.n == 0)
		tl_add(&tl, _("No server answer belongs to this finding: it sums "
		    "up what the others show."), A_NORMAL, 0);
	if (t->evidence_scroll < 0)
		t->evidence_scroll = 0;
	if (tl.n > (size_t)rows && (size_t)t->evidence_scroll > tl.n -
	    (size_t)rows)
		t->evidence_scroll = (int)(tl.n - (size_t)rows);
	if (tl.n <= (size_t)rows)
		t->evidence_scroll = 0;
	tl_show(w, &tl, (size_t)t->evidence_scroll, rows, width, A_NORMAL, 0,
	    false);
	tl_free(&tl);
}

/* What the guide says: what the step it left found, why it goes where it
 * goes; a one-off note (a file written, an error) takes the last line. */
static void
draw_narrative(struct tui *t)
{
	WINDOW *w = t->win[PANE_NARRATIVE];
	int width = t->lay.narrative.w - 1;
	struct strbuf sb = STRBUF_INIT;
	char **lines, **nlines;
	size_t n, nn = 0, i, room;

	werase(w);
	if (t->reason != NULL) {
		int step = wizard_state_step(t->reason_from);

		strbuf_adds(&sb, t->marks.expanded);
		strbuf_addc(&sb, ' ');
		if (step >= 0 && t->session != NULL) {
			const char *args[2];
			char *found;

			args[0] = step_title((enum step_id)step);
			args[1] = step_status_label(t->session->t->steps[step].status);
			/* TRANSLATORS: "Resolvers: critical." before the reason
			 * the guide gives for its next step. */
			found = textfmt_args_str(_("%1$s: %2$s."), args, 2);
			strbuf_adds(&sb, found);
			strbuf_addc(&sb, ' ');
			free(found);
		}
		strbuf_adds(&sb, _(t->reason));
	} else if (t->session != NULL) {
		strbuf_adds(&sb, _("All probes run at once; the guide shows "
		    "the steps one by one. Enter goes on, a runs everything, "
		    "? explains the step."));
	}
	if (t->advance_pending || (t->run_all && !t->survey_done)) {
		if (sb.len > 0)
			strbuf_addc(&sb, ' ');
		strbuf_adds(&sb, _("Waiting for the answers of this step..."));
	}
	if (t->note[0] != '\0')
		nn = textfmt_wrap(t->note, (size_t)width, 1, 3, &nlines);
	room = nn >= 2 ? 0 : 2 - nn;
	n = textfmt_wrap(sb.s != NULL ? sb.s : "", (size_t)width, 1, 3, &lines);
	for (i = 0; i < n && i < room; i++)
		tui_put(w, (int)i, 0, width, lines[i], A_NORMAL);
	for (i = 0; i < nn && i < 2; i++)
		tui_put(w, (int)(room + i), 0, width, nlines[i],
		    t->note_is_error ? tui_severity_attr(t, SEVERITY_CRITICAL) :
		    A_BOLD);
	textfmt_lines_free(lines, n);
	if (nn > 0)
		textfmt_lines_free(nlines, nn);
	strbuf_free(&sb);
}

static void
draw_status(struct tui *t)
{
	WINDOW *w = t->win[PANE_STATUS];
	attr_t a = t->color ? COLOR_PAIR(PAIR_STATUS) : A_REVERSE;

	werase(w);
	/* TRANSLATORS: the status bar; keep the key names (Enter, Tab, q...)
	 * and make it fit 80 columns. */
	put_bar(w, 0, 0, t->lay.status.w, _(" Enter:next a:all r:rerun "
	    "Tab:pane 1-6:step ?:help w:report j:JSON q:quit"), a);
}

static void
draw_too_small(void)
{
	char buf[160];
	const char *args[4];
	char a0[16], a1[16], a2[16], a3[16];
	char *line;

	erase();
	snprintf(a0, sizeof(a0), "%d", TUI_MIN_COLS);
	snprintf(a1, sizeof(a1), "%d", TUI_MIN_LINES);
	snprintf(a2, sizeof(a2), "%d", COLS);
	snprintf(a3, sizeof(a3), "%d", LINES);
	args[0] = a0;
	args[1] = a1;
	args[2] = a2;
	args[3] = a3;
	/* TRANSLATORS: %1$sx%2$s is the smallest size, %3$sx%4$s the size
	 * of the terminal now. */
	line = textfmt_args_str(_("Terminal too small: %1$sx%2$s needed, this "
	    "one is %3$sx%4$s. Enlarge it, or press q to quit."), args, 4);
	snprintf(buf, sizeof(buf), "%s", line);
	free(line);
	{
		char **lines;
		size_t n, i;
		int width = COLS > 2 ? COLS - 1 : 1;

		n = textfmt_wrap(buf, (size_t)width, 0, 0, &lines);
		for (i = 0; i < n && (int)i < LINES; i++) {
			size_t cols, len = textfmt_fit(lines[i], (size_t)width,
			    &cols);

			mvaddnstr((int)i, 0, lines[i], (int)len);
		}
		textfmt_lines_free(lines, n);
	}
	refresh();
}

void
tui_draw(struct tui *t)
{
	if (t->lay.too_small || t->win[PANE_STATUS] == NULL) {
		draw_too_small();
		return;
	}
	draw_header(t);
	draw_steps(t);
	draw_verdict_box(t);
	draw_findings(t);
	draw_evidence(t);
	draw_narrative(t);
	draw_status(t);
	update_panels();
	doupdate();
}

/* --- help --------------------------------------------------------------- */

void
tui_help(struct tui *t)
{
	struct help_page *page = t->row < STEP_COUNT ?
	    help_page_step((enum step_id)t->row) : help_page_verdict();
	WINDOW *w = NULL;
	PANEL *p = NULL;
	char **lines = NULL;
	size_t n = 0, top = 0;
	bool redo = true;

	for (;;) {
		int rows, width, key;
		size_t i;

		if (redo) {
			tui_window_close(t, NULL, &p, &w);
			textfmt_lines_free(lines, n);
			lines = NULL;
			n = 0;
			if (t->lay.too_small)
				break;
			w = newwin(t->lay.help.h, t->lay.help.w, t->lay.help.y,
			    t->lay.help.x);
			if (w == NULL)
				break;
			p = new_panel(w);
			n = help_page_layout(page, (size_t)(t->lay.help.w - 4),
			    &lines);
			redo = false;
		}
		rows = t->lay.help.h - 3;
		width = t->lay.help.w - 4;
		if (n > (size_t)rows && top > n - (size_t)rows)
			top = n - (size_t)rows;
		if (n <= (size_t)rows)
			top = 0;
		frame(t, w, _("Help"), true);
		for (i = 0; i < (size_t)rows && top + i < n; i++)
			tui_put(w, 1 + (int)i, 2, width, lines[top + i],
			    i + top == 0 ? A_BOLD : A_NORMAL);
		tui_put(w, t->lay.help.h - 2, 2, width,
		    _("Up/Down, PgUp/PgDn: scroll   Esc or q: close"), A_DIM);
		top_panel(p);
		update_panels();
		doupdate();
		key = tui_getkey(t);
		if (key == 27 || key == 'q' || key == 'Q' || key == KEY_F(1) ||
		    key == '?')
			break;
		switch (key) {
		case KEY_RESIZE:
			redo = true;
			break;
		case KEY_UP:
			if (top > 0)
				top--;
			break;
		case KEY_DOWN:
		case ' ':
			if (top + (size_t)rows < n)
				top++;
			break;
		case KEY_PPAGE:
			top = top > (size_t)rows ? top - (size_t)rows : 0;
			break;
		case KEY_NPAGE:
			top += (size_t)rows;
			break;
		case KEY_HOME:
			top = 0;
			break;
		case KEY_END:
			top = n;
			break;
		default:
			break;
		}
	}
	textfmt_lines_free(lines, n);
	tui_window_close(t, NULL, &p, &w);
	help_page_free(page);
	tui_draw(t);
}
