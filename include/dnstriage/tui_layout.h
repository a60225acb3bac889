/* tui_layout.h - where the wizard's panes go on a screen of a given size:
 * pure arithmetic, so every size from the smallest supported terminal up
 * is unit tested without a terminal.
 *
 *   header (1 line: name, resolvers, clock)
 *   +- steps ------+- findings of the selected step ---------------+
 *   | marks, titles|                                               |
 *   +- verdict ----+- evidence: raw answer, reproduce command -----+
 *   | code, words  |                                               |
 *   +--------------+-----------------------------------------------+
 *   narrative (2 lines: what the flow found and where it goes next)
 *   status bar (1 line: the keys) */
#ifndef DNSTRIAGE_TUI_LAYOUT_H
#define DNSTRIAGE_TUI_LAYOUT_H

#include <stdbool.h>

#define TUI_MIN_COLS 60
#define TUI_MIN_LINES 16
/* Steps box: the five steps and the verdict row, inside a border. */
#define TUI_STEP_ROWS 6

struct tui_rect {
	int y, x, h, w;
};

struct tui_layout {
	bool too_small;		/* below TUI_MIN_COLS x TUI_MIN_LINES */
	struct tui_rect header;
	struct tui_rect steps;
	struct tui_rect verdict;
	struct tui_rect findings;
	struct tui_rect evidence;
	struct tui_rect narrative;
	struct tui_rect status;
	/* A dialog or help window, centred. */
	struct tui_rect help;
	struct tui_rect dialog;
};

void tui_layout_compute(int lines, int cols, struct tui_layout *l);

#endif
