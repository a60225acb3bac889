/* tui_form.c - what the wizard asks the user: the start form (name or
 * URL, types, port, expected address, resolvers) and one-line questions
 * (a report's file name, yes or no). Fields are ncurses form fields; what
 * is typed is checked by the command-line parser itself, so the form and
 * the options can never accept different things. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <form.h>

#include "dnstriage/i18n.h"
#include "dnstriage/textfmt.h"
#include "tui_private.h"

#define FIELD_MAX 255

/* The field's text without the padding libform keeps. */
static void
field_text(FIELD *f, char *out, size_t outlen)
{
	const char *buf = field_buffer(f, 0);
	size_t n;

	if (buf == NULL) {
		out[0] = '\0';
		return;
	}
	while (*buf == ' ')
		buf++;
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, buf, n);
	out[n] = '\0';
}

/* Edit keys common to every form; false: not an edit key. */
static bool
form_edit(FORM *form, int key)
{
	switch (key) {
	case KEY_LEFT:
		form_driver(form, REQ_PREV_CHAR);
		return true;
	case KEY_RIGHT:
		form_driver(form, REQ_NEXT_CHAR);
		return true;
	case KEY_HOME:
	case 1:		/* ^A */
		form_driver(form, REQ_BEG_LINE);
		return true;
	case KEY_END:
	case 5:		/* ^E */
		form_driver(form, REQ_END_LINE);
		return true;
	case KEY_BACKSPACE:
	case 127:
	case 8:
		form_driver(form, REQ_DEL_PREV);
		return true;
	case KEY_DC:
		form_driver(form, REQ_DEL_CHAR);
		return true;
	case 21:	/* ^U */
		form_driver(form, REQ_CLR_FIELD);
		return true;
	default:
		/* Names, types, addresses and file names here are ASCII. */
		if (key >= 32 && key < 127) {
			form_driver(form, key);
			return true;
		}
		return false;
	}
}

static FIELD *
new_input(int row, int col, int width, const char *initial)
{
	FIELD *f = new_field(1, width, row, col, 0, 0);

	if (f == NULL)
		return NULL;
	set_field_back(f, A_UNDERLINE);
	field_opts_off(f, O_AUTOSKIP | O_STATIC);
	set_max_field(f, FIELD_MAX);
	set_field_buffer(f, 0, initial != NULL ? initial : "");
	return f;
}

/* Show the form's window on top with the cursor in its field, and wait
 * for a key (the probes go on meanwhile). */
static int
form_wait_key(struct tui *t, PANEL *p, FORM *form)
{
	top_panel(p);
	curs_set(1);
	update_panels();
	pos_form_cursor(form);
	doupdate();
	return tui_getkey(t);
}

/* --- one-line questions ------------------------------------------------- */

bool
tui_ask_line(struct tui *t, const char *title, const char *prompt,
    const char *initial, char *out, size_t outlen)
{
	WINDOW *w = NULL, *sub = NULL;
	PANEL *p = NULL;
	FIELD *fields[2] = { NULL, NULL };
	FORM *form = NULL;
	bool ok = false, redo = true;
	char text[FIELD_MAX + 1];

	snprintf(text, sizeof(text), "%s", initial != NULL ? initial : "");
	for (;;) {
		int key, width;

		if (redo) {
			if (form != NULL) {
				field_text(fields[0], text, sizeof(text));
				unpost_form(form);
				free_form(form);
				free_field(fields[0]);
				fields[0] = NULL;	/* freed again below otherwise */
				form = NULL;
			}
			tui_window_close(t, &sub, &p, &w);
			if (t->lay.too_small)
				break;
			w = newwin(t->lay.dialog.h, t->lay.dialog.w,
			    t->lay.dialog.y, t->lay.dialog.x);
			if (w == NULL)
				break;
			p = new_panel(w);
			keypad(w, TRUE);
			t->keywin = w;
			width = t->lay.dialog.w - 4;
			sub = derwin(w, 1, width, 3, 2);
			fields[0] = new_input(0, 0, width, text);
			form = new_form(fields);
			if (sub == NULL || form == NULL)
				break;
			set_form_win(form, w);
			set_form_sub(form, sub);
			post_form(form);
			form_driver(form, REQ_END_LINE);
			redo = false;
		}
		width = t->lay.dialog.w - 4;
		tui_box(t, w);
		tui_put(w, 0, 2, width, title, A_BOLD);
		{
			/* The question may take two lines above the field. */
			char **lines;
			size_t n, i;

			n = textfmt_wrap(prompt, (size_t)width, 0, 0, &lines);
			for (i = 0; i < n && i < 2; i++)
				tui_put(w, 1 + (int)i, 2, width, lines[i],
				    A_NORMAL);
			textfmt_lines_free(lines, n);
		}
		tui_put(w, 5, 2, width, _("Enter: accept   Esc: cancel"), A_DIM);
		key = form_wait_key(t, p, form);
		if (key == KEY_RESIZE) {
			redo = true;
			continue;
		}
		if (key == 27) {
			break;
		}
		if (key == '\n' || key == '\r' || key == KEY_ENTER) {
			form_driver(form, REQ_VALIDATION);
			field_text(fields[0], out, outlen);
			ok = true;
			break;
		}
		(void)form_edit(form, key);
	}
	curs_set(0);
	t->keywin = NULL;
	if (form != NULL) {
		unpost_form(form);
		free_form(form);
	}
	if (fields[0] != NULL)
		free_field(fields[0]);
	tui_window_close(t, &sub, &p, &w);
	tui_draw(t);
	return ok;
}

bool
tui_ask_yes_no(struct tui *t, const char *question, bool dflt)
{
	WINDOW *w = NULL;
	PANEL *p = NULL;
	bool answer = dflt, redo = true;

	for (;;) {
		int key, width;
		char **lines;
		size_t n, i;

		if (redo) {
			tui_window_close(t, NULL, &p, &w);
			if (t->lay.too_small)
				break;
			w = newwin(t->lay.dialog.h, t->lay.dialog.w,
			    t->lay.dialog.y, t->lay.dialog.x);
			if (w == NULL)
				break;
			p = new_panel(w);
			redo = false;
		}
		width = t->lay.dialog.w - 4;
		werase(w);
		tui_box(t, w);
		n = textfmt_wrap(question, (size_t)width, 0, 0, &lines);
		for (i = 0; i < n && i < 3; i++)
			tui_put(w, 1 + (int)i, 2, width, lines[i], A_BOLD);
		textfmt_lines_free(lines, n);
		tui_put(w, 5, 2, width, dflt ? _("y: yes (Enter)   n: no") :
		    _("y: yes   n: no (Enter, Esc)"), A_DIM);
		top_panel(p);
		update_panels();
		doupdate();
		key = tui_getkey(t);
		if (key == KEY_RESIZE) {
			redo = true;
			continue;
		}
		if (key == 'y' || key == 'Y') {
			answer = true;
			break;
		}
		if (key == 'n' || key == 'N' || key == 27) {
			answer = false;
			break;
		}
		if (key == '\n' || key == '\r' || key == KEY_ENTER) {
			answer = dflt;
			break;
		}
	}
	tui_window_close(t, NULL, &p, &w);
	tui_draw(t);
	return answer;
}

/* --- the start form ----------------------------------------------------- */

enum form_field { FF_TARGET, FF_TYPES, FF_PORT, FF_EXPECT, FF_RESOLVERS,
	FF_COMPARE, FF_COUNT };

static const char *const field_labels[FF_COUNT] = {
	/* TRANSLATORS: labels of the start form; keep them short. */
	N_("Name or URL"),
	N_("Record types"),
	N_("Service port"),
	N_("Expected IP"),
	N_("Resolvers"),
	N_("Compare with"),
};

static const char *const field_hints[FF_COUNT] = {
	N_("the name that does not resolve, or a URL (gives the port too)"),
	N_("space-separated, e.g. A AAAA MX; empty: A and AAAA"),
	N_("TCP port of the service, for the IP-versus-name test; may be empty"),
	N_("the address the name should have, if you know it; may be empty"),
	N_("resolver addresses to check instead of resolv.conf's; may be empty"),
	N_("independent resolvers to compare answers with; may be empty"),
};

/* The form's initial values, from the options already given. */
static void
prefill(const struct cli_options *o, char vals[FF_COUNT][FIELD_MAX + 1])
{
	size_t i;
	struct strbuf sb = STRBUF_INIT;
	char *s;

	snprintf(vals[FF_TARGET], FIELD_MAX + 1, "%s",
	    o->target != NULL ? o->target : "");
	for (i = 0; i < o->ntypes; i++) {
		char *ty = ldns_rr_type2str(o->types[i]);

		strbuf_addf(&sb, "%s%s", i > 0 ? " " : "", ty != NULL ? ty : "");
		free(ty);
	}
	s = strbuf_detach(&sb);
	snprintf(vals[FF_TYPES], FIELD_MAX + 1, "%s", s);
	free(s);
	if (o->service_port != 0)
		snprintf(vals[FF_PORT], FIELD_MAX + 1, "%u", o->service_port);
	else
		vals[FF_PORT][0] = '\0';
	vals[FF_EXPECT][0] = '\0';
	if (o->have_expect_ip) {
		char host[INET6_ADDRSTRLEN];
		const void *a = o->expect_ip.ss_family == AF_INET6 ?
		    (const void *)&((const struct sockaddr_in6 *)&o->expect_ip)->sin6_addr :
		    (const void *)&((const struct sockaddr_in *)&o->expect_ip)->sin_addr;

		if (inet_ntop(o->expect_ip.ss_family, a, host, sizeof(host)))
			snprintf(vals[FF_EXPECT], FIELD_MAX + 1, "%s", host);
	}
	for (i = 0; i < o->nresolvers; i++)
		strbuf_addf(&sb, "%s%s", i > 0 ? " " : "", o->resolvers[i].text);
	s = strbuf_detach(&sb);
	snprintf(vals[FF_RESOLVERS], FIELD_MAX + 1, "%s", s);
	free(s);
	for (i = 0; i < o->ncompare; i++)
		strbuf_addf(&sb, "%s%s", i > 0 ? " " : "", o->compare[i].text);
	s = strbuf_detach(&sb);
	snprintf(vals[FF_COMPARE], FIELD_MAX + 1, "%s", s);
	free(s);
}

/* Split on spaces and commas into argv words after an option. */
static void
add_words(char **argv, int *argc, int max, const char *option, char *text)
{
	char *save = NULL, *w;

	for (w = strtok_r(text, " ,", &save); w != NULL && *argc < max - 2;
	    w = strtok_r(NULL, " ,", &save)) {
		argv[(*argc)++] = (char *)option;
		argv[(*argc)++] = w;
	}
}

/* Check the form with the command-line parser; on success copy what the
 * form covers into t->opts. err gets the parser's reason. */
static bool
apply_form(struct tui *t, char vals[FF_COUNT][FIELD_MAX + 1], char *err,
    size_t errlen)
{
	char copy[FF_COUNT][FIELD_MAX + 1];
	char *argv[4 * CLI_MAX_SERVERS + 2 * CLI_MAX_TYPES + 16];
	int argc = 0, max = (int)(sizeof(argv) / sizeof(argv[0]));
	struct cli_options f;

	if (vals[FF_TARGET][0] == '\0') {
		snprintf(err, errlen, "%s", _("a name or URL is needed"));
		return false;
	}
	memcpy(copy, vals, sizeof(copy));
	argv[argc++] = (char *)t->prog;
	add_words(argv, &argc, max, "--type", copy[FF_TYPES]);
	add_words(argv, &argc, max, "--port", copy[FF_PORT]);
	add_words(argv, &argc, max, "--expect-ip", copy[FF_EXPECT]);
	add_words(argv, &argc, max, "--resolver", copy[FF_RESOLVERS]);
	add_words(argv, &argc, max, "--compare-resolver", copy[FF_COMPARE]);
	argv[argc++] = copy[FF_TARGET];
	argv[argc] = NULL;
	if (cli_parse(argc, argv, &f, err, errlen) != CLI_RUN) {
		if (err[0] == '\0')
			snprintf(err, errlen, "%s", _("not valid"));
		return false;
	}
	/* The target must outlive the form: keep it in the tui. */
	snprintf(t->target, sizeof(t->target), "%s", vals[FF_TARGET]);
	t->opts.target = t->target;
	memcpy(t->opts.name, f.name, sizeof(t->opts.name));
	memcpy(t->opts.types, f.types, sizeof(t->opts.types));
	t->opts.ntypes = f.ntypes;
	t->opts.service_port = f.service_port;
	t->opts.have_expect_ip = f.have_expect_ip;
	t->opts.expect_ip = f.expect_ip;
	t->opts.expect_ip_len = f.expect_ip_len;
	memcpy(t->opts.resolvers, f.resolvers, sizeof(f.resolvers));
	t->opts.nresolvers = f.nresolvers;
	memcpy(t->opts.compare, f.compare, sizeof(f.compare));
	t->opts.ncompare = f.ncompare;
	return true;
}

bool
tui_form_start(struct tui *t)
{
	char vals[FF_COUNT][FIELD_MAX + 1];
	char err[CLI_ERR_MAX] = "";
	FIELD *fields[FF_COUNT + 1];
	FORM *form = NULL;
	WINDOW *w = NULL, *sub = NULL;
	PANEL *p = NULL;
	bool ok = false, redo = true;
	int i, labelw = 0, cur = 0;

	prefill(&t->opts, vals);
	for (i = 0; i < FF_COUNT; i++) {
		int lw = (int)textfmt_width(_(field_labels[i]),
		    strlen(_(field_labels[i])));

		if (lw > labelw)
			labelw = lw;
		fields[i] = NULL;
	}
	fields[FF_COUNT] = NULL;
	for (;;) {
		int key, width, inputw, h;

		if (redo) {
			if (form != NULL) {
				cur = field_index(current_field(form));
				for (i = 0; i < FF_COUNT; i++)
					field_text(fields[i], vals[i],
					    sizeof(vals[i]));
				unpost_form(form);
				free_form(form);
				form = NULL;
				for (i = 0; i < FF_COUNT; i++) {
					free_field(fields[i]);
					fields[i] = NULL;
				}
			}
			tui_window_close(t, &sub, &p, &w);
			tui_draw(t);
			if (t->lay.too_small) {
				key = tui_getkey(t);
				if (key == 'q' || key == 27)
					break;
				if (key == KEY_RESIZE)
					redo = true;
				continue;
			}
			h = FF_COUNT * 2 + 6;
			if (h > LINES - 2)
				h = LINES - 2;
			w = newwin(h, t->lay.help.w, (LINES - h) / 2,
			    t->lay.help.x);
			if (w == NULL)
				break;
			p = new_panel(w);
			keypad(w, TRUE);
			t->keywin = w;
			width = t->lay.help.w - 4;
			inputw = width - labelw - 2;
			sub = derwin(w, FF_COUNT, width, 2, 2);
			for (i = 0; i < FF_COUNT; i++)
				fields[i] = new_input(i, labelw + 2, inputw,
				    vals[i]);
			form = new_form(fields);
			if (sub == NULL || form == NULL)
				break;
			set_form_win(form, w);
			set_form_sub(form, sub);
			post_form(form);
			set_current_field(form, fields[cur]);
			redo = false;
		}
		getmaxyx(w, h, width);
		width -= 4;
		for (i = 0; i < FF_COUNT; i++)
			tui_put(sub, i, 0, labelw + 1, _(field_labels[i]),
			    i == field_index(current_field(form)) ? A_BOLD :
			    A_NORMAL);
		wmove(w, FF_COUNT + 3, 2);
		wclrtoeol(w);
		tui_put(w, FF_COUNT + 3, 2, width,
		    _(field_hints[field_index(current_field(form))]), A_DIM);
		wmove(w, FF_COUNT + 4, 2);
		wclrtoeol(w);
		if (err[0] != '\0')
			tui_put(w, FF_COUNT + 4, 2, width, err,
			    tui_severity_attr(t, SEVERITY_CRITICAL));
		if (h > FF_COUNT + 6)
			tui_put(w, h - 2, 2, width, _("Tab/Down: next field   "
			    "Enter: start   Esc: quit"), A_DIM);
		tui_box(t, w);
		tui_put(w, 0, 2, width, _("What should be triaged?"), A_BOLD);
		key = form_wait_key(t, p, form);
		if (key == KEY_RESIZE) {
			redo = true;
			continue;
		}
		if (key == 27)
			break;
		if (key == '\t' || key == KEY_DOWN) {
			form_driver(form, REQ_NEXT_FIELD);
			form_driver(form, REQ_END_LINE);
			continue;
		}
		if (key == KEY_BTAB || key == KEY_UP) {
			form_driver(form, REQ_PREV_FIELD);
			form_driver(form, REQ_END_LINE);
			continue;
		}
		if (key == '\n' || key == '\r' || key == KEY_ENTER) {
			form_driver(form, REQ_VALIDATION);
			for (i = 0; i < FF_COUNT; i++)
				field_text(fields[i], vals[i], sizeof(vals[i]));
			err[0] = '\0';
			if (apply_form(t, vals, err, sizeof(err))) {
				ok = true;
				break;
			}
			continue;
		}
		(void)form_edit(form, key);
	}
	curs_set(0);
	t->keywin = NULL;
	if (form != NULL) {
		unpost_form(form);
		free_form(form);
	}
	for (i = 0; i < FF_COUNT; i++)
		if (fields[i] != NULL)
			free_field(fields[i]);
	tui_window_close(t, &sub, &p, &w);
	return ok;
}
