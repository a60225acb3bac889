/* tui.c - the wizard's event loop: the terminal and the survey's sockets
 * in one poll(), the keys, the guided flow, report files, and restoring
 * the terminal however the program ends. */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dnstriage/i18n.h"
#include "dnstriage/probe.h"
#include "dnstriage/report.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/tui.h"
#include "dnstriage/verdict.h"
#include "tui_private.h"

/* How often the model is re-analysed while answers pour in, and how often
 * the spinner turns: fast enough to look live, cheap enough to leave the
 * CPU idle. */
#define TUI_UPDATE_US 100000u
#define TUI_SPIN_MS 100
#define TUI_MAX_WRITTEN 8

static volatile sig_atomic_t caught_signal;
static bool curses_active;

static const char *const spinner_utf8[] = { "\u280b", "\u2819", "\u2839",
	"\u2838", "\u283c", "\u2834", "\u2826", "\u2827", "\u2807", "\u280f" };
static const char *const spinner_ascii[] = { "|", "/", "-", "\\" };

static const struct tui_marks marks_utf8 = {
	"\u00b7", "\u2714", "\u25b2", "\u2716", "\u2013", "\u2022",
	spinner_utf8, 10, "\u25b8", " ",
};
static const struct tui_marks marks_ascii = {
	".", "+", "!", "X", "-", "*", spinner_ascii, 4, ">", " ",
};

static void
on_signal(int sig)
{
	caught_signal = sig;
}

/* Leave curses: the terminal as it was (cursor shown, normal screen). */
static void
restore_terminal(void)
{
	if (!curses_active)
		return;
	curses_active = false;
	curs_set(1);
	endwin();
	fflush(stdout);
}

static void
die_on_signal(int sig)
{
	restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

bool
tui_available(char *why, size_t whylen)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(why, whylen, "%s", _("no terminal: writing the text "
		    "report instead"));
		return false;
	}
	if (term == NULL || term[0] == '\0' || strcmp(term, "dumb") == 0) {
		snprintf(why, whylen, "%s", _("TERM is unset or dumb: writing "
		    "the text report instead"));
		return false;
	}
	return true;
}

/* --- the model ---------------------------------------------------------- */

static unsigned
bit(enum wizard_state s)
{
	return 1u << s;
}

static int
row_of(enum wizard_state s)
{
	int step = wizard_state_step(s);

	return step >= 0 ? step : TUI_ROW_VERDICT;
}

/* One move of the guide: from the step it is at to the next one the table
 * names, once that step's findings are in. false: still waiting. */
static bool
flow_advance(struct tui *t, bool follow_selection)
{
	const struct step_result *r;
	struct wizard_move m;
	enum wizard_outcome out;
	int step;

	if (t->flow == WIZ_DONE)
		return false;
	step = wizard_state_step(t->flow);
	r = step >= 0 ? &t->session->t->steps[step] : NULL;
	if (t->flow == WIZ_VERDICT && !t->survey_done)
		return false;
	if (!wizard_outcome_of(t->flow, r, &out))
		return false;
	m = wizard_next(t->flow, out);
	t->passed |= bit(t->flow);
	t->skipped |= m.skipped;
	t->reason = m.reason;
	t->reason_from = t->flow;
	t->flow = m.next;
	if (follow_selection) {
		t->row = row_of(t->flow);
		t->evidence_scroll = 0;
	}
	return true;
}

static void
clamp_selection(struct tui *t)
{
	int row;

	for (row = 0; row < TUI_ROWS; row++) {
		size_t n = tui_row_nfindings(t, row);

		if (t->finding[row] >= n)
			t->finding[row] = n > 0 ? n - 1 : 0;
	}
}

static void
model_update(struct tui *t)
{
	if (t->session == NULL)
		return;
	triage_session_update(t->session);
	t->survey_done = survey_done(t->session->sv);
	t->last_update_us = probe_now_us();
	if (t->advance_pending && flow_advance(t, true))
		t->advance_pending = false;
	if (t->run_all && t->survey_done) {
		int guard = WIZ_STATE_COUNT;

		while (t->flow != WIZ_VERDICT && t->flow != WIZ_DONE &&
		    guard-- > 0 && flow_advance(t, false))
			;
		t->row = TUI_ROW_VERDICT;
		t->run_all = false;
	}
	clamp_selection(t);
}

static bool
session_begin(struct tui *t, char *err, size_t errlen)
{
	if (!t->cfg_loaded) {
		if (!triage_config_load(&t->cfg, &t->opts, err, errlen))
			return false;
		t->cfg_loaded = true;
	}
	t->session = triage_session_new(&t->cfg, t->run_argc, t->run_argv);
	if (t->session == NULL) {
		snprintf(err, errlen, "%s",
		    _("the name is not a valid domain name"));
		return false;
	}
	triage_session_start(t->session);
	t->survey_done = false;
	model_update(t);
	return true;
}

/* 'r': everything asked again, the files read again (the user may just
 * have fixed resolv.conf); the guide stays where it is. */
static void
session_rerun(struct tui *t)
{
	char err[TRIAGE_ERR_MAX];

	triage_session_free(t->session);
	t->session = NULL;
	triage_config_free(&t->cfg);
	t->cfg_loaded = false;
	if (!session_begin(t, err, sizeof(err))) {
		snprintf(t->note, sizeof(t->note), "%s", err);
		t->note_is_error = true;
		return;
	}
	snprintf(t->note, sizeof(t->note), "%s", _("Every probe was sent "
	    "again; the findings fill in as the answers come."));
	t->note_is_error = false;
}

/* --- the loop ----------------------------------------------------------- */

static void
handle_resize(struct tui *t)
{
	/* Offsets kept from another pane height could hide the top of a
	 * page for good (the selection alone decides the scroll): start
	 * from the top, the selection is scrolled into view again. */
	memset(t->findings_scroll, 0, sizeof(t->findings_scroll));
	tui_draw_create(t);
	tui_draw(t);
}

int
tui_getkey(struct tui *t)
{
	struct pollfd *fds = NULL;
	size_t cap = 0;
	WINDOW *kw = t->keywin != NULL ? t->keywin : t->input;
	int key;

	for (;;) {
		size_t n = 0;
		int timeout, spin_left;
		uint64_t now;

		if (caught_signal != 0)
			die_on_signal(caught_signal);
		nodelay(kw, TRUE);
		key = wgetch(kw);
		if (key == KEY_RESIZE)
			handle_resize(t);
		if (key != ERR) {
			free(fds);
			return key;
		}
		/* Nothing typed: wait for a key, an answer or a tick. */
		if (t->session != NULL && !t->survey_done) {
			n = survey_pollfds(t->session->sv, NULL, 0);
			if (n + 1 > cap) {
				cap = n + 17;
				fds = xreallocarray(fds, cap, sizeof(*fds));
			}
			n = survey_pollfds(t->session->sv, fds + 1, cap - 1);
		} else if (cap == 0) {
			cap = 1;
			fds = xreallocarray(fds, cap, sizeof(*fds));
		}
		fds[0].fd = STDIN_FILENO;
		fds[0].events = POLLIN;
		fds[0].revents = 0;
		spin_left = t->session != NULL && !t->survey_done ?
		    TUI_SPIN_MS : 1000 - (int)((probe_now_us() / 1000u) % 1000u);
		timeout = t->session != NULL && !t->survey_done ?
		    survey_timeout_ms(t->session->sv) : -1;
		if (timeout < 0 || timeout > spin_left)
			timeout = spin_left;
		if (poll(fds, n + 1, timeout) < 0 && errno != EINTR)
			continue;
		if (t->session != NULL && !t->survey_done) {
			survey_handle(t->session->sv, fds + 1, n);
			now = probe_now_us();
			if (survey_done(t->session->sv) ||
			    now - t->last_update_us >= TUI_UPDATE_US)
				model_update(t);
		}
		t->spin++;
		tui_draw(t);
		/* keep the modal window on top */
		if (t->keywin != NULL) {
			update_panels();
			doupdate();
		}
	}
}

static void
note(struct tui *t, bool error, const char *fmt, const char *arg)
{
	const char *args[1] = { arg };
	char *s = textfmt_args_str(fmt, args, 1);

	snprintf(t->note, sizeof(t->note), "%s", s);
	t->note_is_error = error;
	free(s);
}

/* The report file in --report-lang's language (teams often file tickets
 * in English), whatever the screen speaks. */
static enum report_write_result
write_file(struct tui *t, const char *path, bool json, bool overwrite,
    char *resolved, size_t resolvedlen, char *err, size_t errlen)
{
	struct i18n_saved saved;
	enum report_write_result r;
	bool pushed = i18n_push_language(t->opts.report_lang, &saved);

	r = report_write_file(path, t->session->t, json, overwrite, resolved,
	    resolvedlen, err, errlen);
	if (pushed)
		i18n_pop_language(&saved);
	return r;
}

/* A file replaced is still one file: the epilogue names it once. */
static bool
already_written(char written[][PATH_MAX], size_t n, const char *path)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(written[i], path) == 0)
			return true;
	return false;
}

static void
write_report(struct tui *t, bool json, char written[][PATH_MAX],
    size_t *nwritten)
{
	char path[PATH_MAX], resolved[PATH_MAX], err[PATH_MAX + 128];
	char dflt[PATH_MAX];
	enum report_write_result r;
	int tries = 8;

	if (t->session == NULL)
		return;
	report_default_filename(t->session->t->name, t->session->t->started,
	    json ? "json" : "txt", dflt, sizeof(dflt));
	while (tries-- > 0) {
		if (!tui_ask_line(t, json ? _("Write the JSON report") :
		    _("Write the text report"), t->survey_done ?
		    _("File name (in the current directory unless a path is "
		    "given):") : _("Probes are still running: the report will "
		    "show what has arrived. File name:"), dflt, path,
		    sizeof(path))) {
			note(t, false, _("No report written."), NULL);
			return;
		}
		if (path[0] == '\0')
			continue;
		r = write_file(t, path, json, false, resolved,
		    sizeof(resolved), err, sizeof(err));
		if (r == REPORT_EXISTS) {
			const char *args[1] = { path };
			char *q = textfmt_args_str(_("%s exists. Replace it?"),
			    args, 1);
			bool yes = tui_ask_yes_no(t, q, false);

			free(q);
			if (!yes) {
				snprintf(dflt, sizeof(dflt), "%s", path);
				continue;
			}
			r = write_file(t, path, json, true, resolved,
			    sizeof(resolved), err, sizeof(err));
		}
		if (r == REPORT_WRITTEN) {
			note(t, false, json ? _("Wrote the JSON report to %s") :
			    _("Wrote the text report to %s"), resolved);
			if (*nwritten < TUI_MAX_WRITTEN &&
			    !already_written(written, *nwritten, resolved))
				snprintf(written[(*nwritten)++], PATH_MAX, "%s",
				    resolved);
		} else {
			note(t, true, "%s", err);
		}
		return;
	}
}

static void
move_row(struct tui *t, int row)
{
	if (row < 0 || row >= TUI_ROWS || row == t->row)
		return;
	t->row = row;
	t->findings_free_scroll = false;
	t->evidence_scroll = 0;
}

/* Up/Down in the findings: the next finding; past the first or the last
 * one, the pane scrolls on by hand (what is above the first finding or
 * below the last, like the verdict's recovery steps, stays readable). */
static void
move_finding(struct tui *t, int delta)
{
	size_t n = tui_row_nfindings(t, t->row);
	size_t *i = &t->finding[t->row];

	if (n > 0 && delta < 0 && *i > 0) {
		(*i)--;
		t->findings_free_scroll = false;
	} else if (n > 0 && delta > 0 && *i + 1 < n) {
		(*i)++;
		t->findings_free_scroll = false;
	} else {
		t->findings_free_scroll = true;
		t->findings_scroll[t->row] += delta;
	}
	t->evidence_scroll = 0;
}

static void
page_findings(struct tui *t, int pages)
{
	t->findings_free_scroll = true;
	t->findings_scroll[t->row] += pages * (t->lay.findings.h - 3);
}

static void
toggle_finding(struct tui *t)
{
	size_t i = t->finding[t->row];

	if (t->row < STEP_COUNT && i < TUI_MAX_FINDINGS &&
	    i < tui_row_nfindings(t, t->row))
		t->expanded[t->row][i] ^= 1;
}

static void
enter_pressed(struct tui *t)
{
	t->note[0] = '\0';
	if (t->flow == WIZ_DONE) {
		snprintf(t->note, sizeof(t->note), "%s", _("The triage is "
		    "complete: w writes the report, q quits."));
		t->note_is_error = false;
		t->row = TUI_ROW_VERDICT;
		return;
	}
	if (!flow_advance(t, true)) {
		t->advance_pending = true;
		t->row = row_of(t->flow);
	}
}

/* One key of the main screen; false when the user wants to quit. */
static bool
main_key(struct tui *t, int key, char written[][PATH_MAX], size_t *nwritten)
{
	if (t->lay.too_small)
		return !(key == 'q' || key == 'Q');
	if (key != KEY_RESIZE && key != ERR)
		t->note[0] = '\0';
	switch (key) {
	case 'q':
	case 'Q':
		if (t->session != NULL && !t->survey_done &&
		    !tui_ask_yes_no(t, _("Probes are still running. Quit "
		    "anyway?"), false))
			return true;
		return false;
	case '\t':
		t->focus = (enum tui_focus)((t->focus + 1) % FOCUS_COUNT);
		break;
	case KEY_BTAB:
		t->focus = (enum tui_focus)((t->focus + FOCUS_COUNT - 1) %
		    FOCUS_COUNT);
		break;
	case KEY_LEFT:
		if (t->focus > FOCUS_STEPS)
			t->focus = (enum tui_focus)(t->focus - 1);
		break;
	case KEY_RIGHT:
		if (t->focus + 1 < FOCUS_COUNT)
			t->focus = (enum tui_focus)(t->focus + 1);
		break;
	case KEY_UP:
		if (t->focus == FOCUS_STEPS)
			move_row(t, t->row - 1);
		else if (t->focus == FOCUS_FINDINGS)
			move_finding(t, -1);
		else if (t->evidence_scroll > 0)
			t->evidence_scroll--;
		break;
	case KEY_DOWN:
		if (t->focus == FOCUS_STEPS)
			move_row(t, t->row + 1);
		else if (t->focus == FOCUS_FINDINGS)
			move_finding(t, 1);
		else
			t->evidence_scroll++;
		break;
	case KEY_PPAGE:
		if (t->focus == FOCUS_FINDINGS)
			page_findings(t, -1);
		else
			t->evidence_scroll -= t->lay.evidence.h - 3;
		break;
	case KEY_NPAGE:
		if (t->focus == FOCUS_FINDINGS)
			page_findings(t, 1);
		else
			t->evidence_scroll += t->lay.evidence.h - 3;
		break;
	case KEY_HOME:
	case KEY_END: {
		bool home = key == KEY_HOME;
		size_t n = tui_row_nfindings(t, t->row);

		if (t->focus == FOCUS_STEPS) {
			move_row(t, home ? 0 : TUI_ROW_VERDICT);
		} else if (t->focus == FOCUS_FINDINGS) {
			t->finding[t->row] = home || n == 0 ? 0 : n - 1;
			t->findings_free_scroll = false;
			t->evidence_scroll = 0;
		} else {
			t->evidence_scroll = home ? 0 : INT_MAX / 2;
		}
		break;
	}
	case ' ':
		if (t->focus == FOCUS_FINDINGS)
			toggle_finding(t);
		break;
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (t->focus == FOCUS_FINDINGS)
			toggle_finding(t);
		else
			enter_pressed(t);
		break;
	case 'a':
	case 'A':
		t->run_all = true;
		t->advance_pending = false;
		model_update(t);
		break;
	case 'r':
	case 'R':
		session_rerun(t);
		break;
	case '?':
	case KEY_F(1):
	case 'h':
		tui_help(t);
		break;
	case 'w':
	case 'W':
		write_report(t, false, written, nwritten);
		break;
	case 'j':
	case 'J':
		write_report(t, true, written, nwritten);
		break;
	case 12:	/* ^L */
		clearok(curscr, TRUE);
		break;
	default:
		if (key >= '1' && key < '1' + TUI_ROWS) {
			move_row(t, key - '1');
			t->focus = FOCUS_STEPS;
		}
		break;
	}
	return true;
}

/* --- start and end ------------------------------------------------------ */

static bool
term_is_plain(void)
{
	static const char *const plain[] = { "linux", "vt100", "vt102",
		"vt220", "vt52", "ansi" };
	const char *term = getenv("TERM");
	size_t i;

	for (i = 0; term != NULL && i < sizeof(plain) / sizeof(plain[0]); i++)
		if (strcmp(term, plain[i]) == 0)
			return true;
	return false;
}

static void
setup_colors(struct tui *t)
{
	const char *no_color = getenv("NO_COLOR");

	t->color = has_colors() && !t->opts.no_color &&
	    (no_color == NULL || no_color[0] == '\0');
	if (!t->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_OK, COLOR_GREEN, -1);
	init_pair(PAIR_WARNING, COLOR_YELLOW, -1);
	init_pair(PAIR_CRITICAL, COLOR_RED, -1);
	init_pair(PAIR_INFO, -1, -1);
	init_pair(PAIR_RUNNING, COLOR_CYAN, -1);
	init_pair(PAIR_HEADER, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_SELECTED, COLOR_BLACK, COLOR_WHITE);
}

/* The command line as the user could have typed it: what was given, plus
 * what the form added (for the report's header). */
static void
build_run_argv(struct tui *t, int argc, char **argv, bool from_form)
{
	int i, n = 0;
	size_t k;

	t->run_argv = xcalloc((size_t)argc + 4 * CLI_MAX_SERVERS +
	    2 * CLI_MAX_TYPES + 8, sizeof(char *));
	for (i = 0; i < argc; i++)
		t->run_argv[n++] = xstrdup(argv[i]);
	if (from_form) {
		for (k = 0; k < t->opts.ntypes; k++) {
			char *ty = ldns_rr_type2str(t->opts.types[k]);

			t->run_argv[n++] = xstrdup("-t");
			t->run_argv[n++] = xstrdup(ty != NULL ? ty : "?");
			free(ty);
		}
		if (t->opts.service_port != 0) {
			char port[16];

			snprintf(port, sizeof(port), "%u", t->opts.service_port);
			t->run_argv[n++] = xstrdup("-p");
			t->run_argv[n++] = xstrdup(port);
		}
		for (k = 0; k < t->opts.nresolvers; k++) {
			t->run_argv[n++] = xstrdup("-r");
			t->run_argv[n++] = xstrdup(t->opts.resolvers[k].text);
		}
		for (k = 0; k < t->opts.ncompare; k++) {
			t->run_argv[n++] = xstrdup("--compare-resolver");
			t->run_argv[n++] = xstrdup(t->opts.compare[k].text);
		}
		t->run_argv[n++] = xstrdup(t->opts.target);
	}
	t->run_argc = n;
}

static void
free_run_argv(struct tui *t)
{
	int i;

	for (i = 0; i < t->run_argc; i++)
		free(t->run_argv[i]);
	free(t->run_argv);
}

/* After the screen is gone, what stays in the scrollback: the verdict and
 * the reports written. */
static void
print_epilogue(const struct tui *t, char written[][PATH_MAX], size_t n)
{
	size_t i;

	if (t->session != NULL && t->survey_done) {
		const struct verdict *v = &t->session->t->verdict;
		char *summary = verdict_summary(v);

		printf("%s: %s (%s): %s\n", t->prog, verdict_code_str(v),
		    severity_label(v->severity), summary);
		free(summary);
	}
	for (i = 0; i < n; i++)
		printf(_("%s: report written to %s\n"), t->prog, written[i]);
	fflush(stdout);
}

int
tui_main(const struct cli_options *opts, int argc, char **argv,
    const char *progname)
{
	static struct tui tui;
	struct tui *t = &tui;
	char written[TUI_MAX_WRITTEN][PATH_MAX];
	char err[TRIAGE_ERR_MAX] = "";
	size_t nwritten = 0;
	struct sigaction sa;
	SCREEN *screen;
	bool from_form = false, started = false;
	int status = 3;

	memset(t, 0, sizeof(*t));
	t->opts = *opts;
	t->argc = argc;
	t->argv = argv;
	t->prog = progname;
	t->flow = wizard_first();
	t->utf8 = !opts->ascii && !term_is_plain() &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	t->ascii = opts->ascii;
	t->marks = t->utf8 ? marks_utf8 : marks_ascii;

	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL) {
		fprintf(stderr, "%s: %s\n", progname, _("this terminal type is "
		    "unknown: writing the text report instead"));
		return -1;
	}
	curses_active = true;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	set_escdelay(25);
	setup_colors(t);
	t->input = newwin(1, 1, 0, 0);
	keypad(t->input, TRUE);
	/* Home and End as some terminals send them without terminfo saying
	 * so (tmux with TERM=xterm-256color): else they read as Esc + keys. */
	define_key("\033[1~", KEY_HOME);
	define_key("\033[4~", KEY_END);
	keypad(stdscr, TRUE);
	tui_draw_create(t);
	tui_draw(t);		/* the first frame, before anything is read */

	if (t->opts.target == NULL) {
		if (!tui_form_start(t))
			goto out;
		from_form = true;
	}
	build_run_argv(t, argc, argv, from_form);
	if (!session_begin(t, err, sizeof(err)))
		goto out;
	started = true;
	tui_draw(t);
	for (;;) {
		int key = tui_getkey(t);

		if (!main_key(t, key, written, &nwritten))
			break;
		tui_draw(t);
	}
	status = t->survey_done && t->session != NULL ?
	    verdict_exit_status(&t->session->t->verdict) : 3;
out:
	tui_draw_destroy(t);
	if (t->input != NULL)
		delwin(t->input);
	restore_terminal();
	delscreen(screen);
	if (err[0] != '\0')
		fprintf(stderr, "%s: %s\n", progname, err);
	else if (started)
		print_epilogue(t, written, nwritten);
	triage_session_free(t->session);
	if (t->cfg_loaded)
		triage_config_free(&t->cfg);
	if (t->run_argv != NULL)
		free_run_argv(t);
	return status;
}
