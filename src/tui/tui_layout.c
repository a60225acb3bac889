/* tui_layout.c - pane geometry for a screen size (see tui_layout.h). */
#include "config.h"

#include <string.h>

#include "dnstriage/tui_layout.h"

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

static struct tui_rect
rect(int y, int x, int h, int w)
{
	struct tui_rect r = { y, x, h, w };

	return r;
}

void
tui_layout_compute(int lines, int cols, struct tui_layout *l)
{
	int mid, left, findings_h;

	memset(l, 0, sizeof(*l));
	if (lines < TUI_MIN_LINES || cols < TUI_MIN_COLS) {
		l->too_small = true;
		return;
	}
	/* One header line, then the panes, two narrative lines, the keys. */
	mid = lines - 4;
	/* Wide enough for "x 3 Authoritative servers" plus borders, more on
	 * wide screens, never more than a third. */
	left = clamp(cols / 3, 28, 36);
	l->header = rect(0, 0, 1, cols);
	l->steps = rect(1, 0, TUI_STEP_ROWS + 2, left);
	l->verdict = rect(1 + TUI_STEP_ROWS + 2, 0, mid - (TUI_STEP_ROWS + 2),
	    left);
	/* Findings get a little more than half, the evidence the rest. */
	findings_h = clamp((mid * 11 + 10) / 20, 5, mid - 4);
	l->findings = rect(1, left, findings_h, cols - left);
	l->evidence = rect(1 + findings_h, left, mid - findings_h, cols - left);
	l->narrative = rect(lines - 3, 0, 2, cols);
	l->status = rect(lines - 1, 0, 1, cols);
	l->help = rect(1, clamp((cols - 100) / 2, 0, cols), lines - 2,
	    clamp(cols, TUI_MIN_COLS, 100));
	l->dialog = rect((lines - 7) / 2, (cols - clamp(cols - 8, 52, 72)) / 2,
	    7, clamp(cols - 8, 52, 72));
}
