/* test_tui_layout.c - the wizard's pane geometry on every screen size
 * from the smallest supported up to 300x120: every pane on the screen,
 * no two overlapping, the middle area tiled exactly, the fixed lines where
 * the drawing code expects them; and the exact figures at 80x24. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "dnstriage/tui_layout.h"

#define MAX_COLS 300
#define MAX_LINES 120

static bool
inside(const struct tui_rect *r, int lines, int cols)
{
	return r->y >= 0 && r->x >= 0 && r->h > 0 && r->w > 0 &&
	    r->y + r->h <= lines && r->x + r->w <= cols;
}

static bool
overlap(const struct tui_rect *a, const struct tui_rect *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w &&
	    a->y < b->y + b->h && b->y < a->y + a->h;
}

static void
assert_rect(const struct tui_rect *r, int y, int x, int h, int w)
{
	assert_int_equal(r->y, y);
	assert_int_equal(r->x, x);
	assert_int_equal(r->h, h);
	assert_int_equal(r->w, w);
}

/* Steps, verdict, findings and evidence tile the middle area (lines
 * 1..lines-4, every column) exactly: each lies inside it, no two overlap,
 * and their areas add up to it. */
static void
assert_middle_tiled(const struct tui_layout *l, int lines, int cols)
{
	const struct tui_rect *tiles[] = {
		&l->steps, &l->verdict, &l->findings, &l->evidence
	};
	struct tui_rect middle = { 1, 0, lines - 4, cols };
	const size_t n = sizeof(tiles) / sizeof(tiles[0]);
	long area = 0;
	size_t i, j;

	for (i = 0; i < n; i++) {
		const struct tui_rect *t = tiles[i];

		if (t->h <= 0 || t->w <= 0 || t->y < middle.y ||
		    t->x < middle.x || t->y + t->h > middle.y + middle.h ||
		    t->x + t->w > middle.x + middle.w)
			fail_msg("%dx%d: tile %zu (%d,%d %dx%d) outside the "
			    "middle area", cols, lines, i, t->y, t->x, t->w,
			    t->h);
		for (j = i + 1; j < n; j++)
			if (overlap(t, tiles[j]))
				fail_msg("%dx%d: tiles %zu and %zu overlap",
				    cols, lines, i, j);
		area += (long)t->h * t->w;
	}
	if (area != (long)middle.h * middle.w)
		fail_msg("%dx%d: tiles cover %ld cells of %ld", cols, lines,
		    area, (long)middle.h * middle.w);
}

static void
check_size(int lines, int cols)
{
	struct tui_layout l;
	const struct tui_rect *panes[7];
	size_t i, j;

	memset(&l, 0x5a, sizeof(l));
	tui_layout_compute(lines, cols, &l);
	if (l.too_small)
		fail_msg("%dx%d is supported but too_small is set", cols,
		    lines);
	panes[0] = &l.header;
	panes[1] = &l.steps;
	panes[2] = &l.verdict;
	panes[3] = &l.findings;
	panes[4] = &l.evidence;
	panes[5] = &l.narrative;
	panes[6] = &l.status;
	for (i = 0; i < 7; i++) {
		if (!inside(panes[i], lines, cols))
			fail_msg("%dx%d: pane %zu (%d,%d %dx%d) off screen",
			    cols, lines, i, panes[i]->y, panes[i]->x,
			    panes[i]->w, panes[i]->h);
		for (j = i + 1; j < 7; j++)
			if (overlap(panes[i], panes[j]))
				fail_msg("%dx%d: panes %zu and %zu overlap",
				    cols, lines, i, j);
	}
	assert_middle_tiled(&l, lines, cols);

	/* the full-width lines */
	assert_rect(&l.header, 0, 0, 1, cols);
	assert_rect(&l.narrative, lines - 3, 0, 2, cols);
	assert_rect(&l.status, lines - 1, 0, 1, cols);

	/* steps above the verdict on the left, findings above the evidence
	 * on the right */
	assert_int_equal(l.steps.x, l.verdict.x);
	assert_int_equal(l.steps.w, l.verdict.w);
	assert_int_equal(l.findings.x, l.evidence.x);
	assert_true(l.steps.y < l.verdict.y);
	assert_true(l.findings.y < l.evidence.y);
	/* room for "x 3 Authoritative servers" in a border, the rest for the
	 * findings */
	if (l.steps.w < 28 || l.steps.w > 36)
		fail_msg("%dx%d: steps box %d columns", cols, lines,
		    l.steps.w);
	if (l.steps.h < TUI_STEP_ROWS + 2)
		fail_msg("%dx%d: steps box %d lines, needs %d", cols, lines,
		    l.steps.h, TUI_STEP_ROWS + 2);
	if (l.findings.h < 5 || l.evidence.h < 3)
		fail_msg("%dx%d: findings %d, evidence %d lines", cols, lines,
		    l.findings.h, l.evidence.h);
	/* a verdict box with a border and at least one line in it */
	if (l.verdict.h < 3)
		fail_msg("%dx%d: verdict box %d lines", cols, lines,
		    l.verdict.h);

	if (!inside(&l.dialog, lines, cols))
		fail_msg("%dx%d: dialog (%d,%d %dx%d) off screen", cols, lines,
		    l.dialog.y, l.dialog.x, l.dialog.w, l.dialog.h);
	if (!inside(&l.help, lines, cols))
		fail_msg("%dx%d: help (%d,%d %dx%d) off screen", cols, lines,
		    l.help.y, l.help.x, l.help.w, l.help.h);
}

static void
test_every_supported_size(void **state)
{
	int lines, cols;
	long sizes = 0;

	(void)state;
	for (lines = TUI_MIN_LINES; lines <= MAX_LINES; lines++)
		for (cols = TUI_MIN_COLS; cols <= MAX_COLS; cols++) {
			check_size(lines, cols);
			sizes++;
		}
	assert_int_equal(sizes, (long)(MAX_LINES - TUI_MIN_LINES + 1) *
	    (MAX_COLS - TUI_MIN_COLS + 1));
}

static void
test_too_small(void **state)
{
	struct tui_layout l;
	int lines, cols;

	(void)state;
	assert_int_equal(TUI_MIN_COLS, 60);
	assert_int_equal(TUI_MIN_LINES, 16);
	for (lines = 0; lines <= MAX_LINES; lines += 1)
		for (cols = 0; cols <= MAX_COLS; cols++) {
			if (lines >= TUI_MIN_LINES && cols >= TUI_MIN_COLS)
				continue;
			tui_layout_compute(lines, cols, &l);
			if (!l.too_small)
				fail_msg("%dx%d: too_small not set", cols,
				    lines);
		}
	tui_layout_compute(-1, -1, &l);
	assert_true(l.too_small);
	tui_layout_compute(TUI_MIN_LINES, TUI_MIN_COLS, &l);
	assert_false(l.too_small);
}

static void
test_80x24(void **state)
{
	struct tui_layout l;

	(void)state;
	tui_layout_compute(24, 80, &l);
	assert_false(l.too_small);
	assert_rect(&l.header, 0, 0, 1, 80);
	assert_rect(&l.steps, 1, 0, 8, 28);
	assert_rect(&l.verdict, 9, 0, 12, 28);
	assert_rect(&l.findings, 1, 28, 11, 52);
	assert_rect(&l.evidence, 12, 28, 9, 52);
	assert_rect(&l.narrative, 21, 0, 2, 80);
	assert_rect(&l.status, 23, 0, 1, 80);
	assert_rect(&l.help, 1, 0, 22, 80);
	assert_rect(&l.dialog, 8, 4, 7, 72);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_supported_size),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_80x24),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
