/* tui_private.h - the wizard's screen state, shared by its event loop
 * (tui.c), its drawing (tui_draw.c) and its forms (tui_form.c). The model
 * it shows is the triage session's struct triage: the screen computes no
 * finding of its own, it only chooses what to show and where. */
#ifndef DNSTRIAGE_TUI_PRIVATE_H
#define DNSTRIAGE_TUI_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>
#include <curses.h>
#include <panel.h>

#include "dnstriage/cli.h"
#include "dnstriage/finding.h"
#include "dnstriage/triage.h"
#include "dnstriage/tui_layout.h"
#include "dnstriage/wizard.h"

/* Rows of the steps list: the five steps, then the verdict. */
#define TUI_ROW_VERDICT STEP_COUNT
#define TUI_ROWS (STEP_COUNT + 1)
#define TUI_MAX_FINDINGS 256

enum tui_pane { PANE_HEADER, PANE_STEPS, PANE_VERDICT, PANE_FINDINGS,
	PANE_EVIDENCE, PANE_NARRATIVE, PANE_STATUS, PANE_COUNT };

enum tui_focus { FOCUS_STEPS, FOCUS_FINDINGS, FOCUS_EVIDENCE, FOCUS_COUNT };

/* Colour pairs (used only when colour is on; monochrome uses attributes). */
enum tui_pair { PAIR_OK = 1, PAIR_WARNING, PAIR_CRITICAL, PAIR_INFO,
	PAIR_RUNNING, PAIR_HEADER, PAIR_STATUS, PAIR_SELECTED };

struct tui_marks {
	const char *pending, *ok, *warning, *critical, *skipped, *info;
	const char *const *spinner;
	unsigned nspinner;
	const char *expanded, *collapsed;
};

struct tui {
	/* the run */
	struct cli_options opts;	/* after the form */
	int argc;
	char **argv;
	const char *prog;
	char target[512];		/* typed into the form */
	char **run_argv;		/* the command line as it would be typed */
	int run_argc;
	struct triage_config cfg;
	bool cfg_loaded;
	struct triage_session *session;
	uint64_t last_update_us;
	bool survey_done;

	/* the guided flow (wizard.h) */
	enum wizard_state flow;		/* the step the guide is at */
	unsigned passed;		/* states the flow has left, a bit each */
	unsigned skipped;		/* states the flow passed over */
	const char *reason;		/* why it went where it is (msgid) */
	enum wizard_state reason_from;	/* the step the reason concludes */
	bool advance_pending;		/* Enter while the step still runs */
	bool run_all;			/* 'a': walk to the verdict when done */

	/* what is shown */
	int row;			/* selected row of the steps list */
	enum tui_focus focus;
	size_t finding[TUI_ROWS];	/* selected finding of each row */
	unsigned char expanded[STEP_COUNT][TUI_MAX_FINDINGS];
	int findings_scroll[TUI_ROWS];
	/* The findings pane keeps the selected finding in view, until the
	 * user scrolls it by hand (a long verdict page). */
	bool findings_free_scroll;
	int evidence_scroll;
	int verdict_scroll;
	char note[512];			/* a one-off line: "Wrote FILE" */
	bool note_is_error;

	/* the screen */
	struct tui_layout lay;
	WINDOW *win[PANE_COUNT];
	WINDOW *input;			/* keys are read here: never drawn */
	WINDOW *keywin;			/* a dialog's window while it asks */
	PANEL *panel[PANE_COUNT];
	bool color;
	bool utf8;			/* UTF-8 marks */
	bool ascii;			/* plain ASCII borders and marks */
	struct tui_marks marks;
	unsigned spin;
	bool quit;
	int exit_status;
};

/* tui.c */
/* Wait for a key while the probes go on and the panes follow them; handles
 * resizes (then returns KEY_RESIZE) and exits cleanly on SIGINT, SIGTERM
 * and SIGHUP. */
int tui_getkey(struct tui *t);

/* tui_draw.c */
void tui_draw_create(struct tui *t);	/* (re)create windows for LINES x COLS */
void tui_draw_destroy(struct tui *t);
void tui_draw(struct tui *t);		/* every pane, then doupdate() */
const struct step_result *tui_row_step(const struct tui *t, int row);
size_t tui_row_nfindings(const struct tui *t, int row);
void tui_help(struct tui *t);		/* modal: the help of the selected row */
/* Put s at (y, x) of w, cut to at most width columns, with attributes. */
void tui_put(WINDOW *w, int y, int x, int width, const char *s, attr_t attr);
attr_t tui_severity_attr(const struct tui *t, enum severity s);
/* The border of a pane or dialog: line drawing, or ASCII with --ascii. */
void tui_box(const struct tui *t, WINDOW *w);
/* Close a dialog's windows (any may be NULL; all become NULL). */
void tui_window_close(struct tui *t, WINDOW **sub, PANEL **p, WINDOW **w);

/* tui_form.c */
/* The start form: fills missing fields of t->opts; false if the user
 * cancelled (Esc/q on an empty form). */
bool tui_form_start(struct tui *t);
/* A one-line question in a centred box, the answer editable from initial.
 * false if cancelled. */
bool tui_ask_line(struct tui *t, const char *title, const char *prompt,
    const char *initial, char *out, size_t outlen);
/* y or n; default when Enter is pressed. */
bool tui_ask_yes_no(struct tui *t, const char *question, bool dflt);

#endif
