/* report.h - the text report (for a ticket) and the JSON report (for
 * machines): two views of one model, struct triage. They render it and
 * compute nothing; the verdict must have been chosen (verdict_choose())
 * before, else the report says "unknown".
 *
 * Language. The text report is translated (LC_MESSAGES). In the JSON
 * report the keys, the schema, the codes, the severities and the step ids
 * never are; "summary", "recovery" and each finding's "message" are in
 * the language of the messages, like the text report, so the JSON a user
 * attaches to a ticket says what the screen said. Programs that consume it
 * should read the codes, not the prose (or run with LC_ALL=C). Both
 * render in the language of the moment: to write a report in another
 * language than the screen (--report-lang), wrap the call in
 * i18n_push_language()/i18n_pop_language() (i18n.h).
 *
 * Steps still pending or running when a report is written show as
 * "skipped" (with the reason in the text report), never as "ok". */
#ifndef DNSTRIAGE_REPORT_H
#define DNSTRIAGE_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "dnstriage/finding.h"

#define REPORT_SCHEMA "dnstriage-report/1"
/* No line of the text report is wider than this (terminal columns). */
#define REPORT_TEXT_WIDTH 100

/* Both return 0, or -1 when writing to out failed. */
int report_text(FILE *out, const struct triage *t);
int report_json(FILE *out, const struct triage *t);

/* One JSON string with its quotes: control characters, quotes and
 * backslashes escaped, valid UTF-8 passed through, each invalid byte
 * replaced by U+FFFD. NULL writes null. */
void report_json_string(FILE *out, const char *s);

/* --- report files (the wizard's w and j keys) --------------------------- */

/* "dnstriage-NAME-YYYYMMDDTHHMMSSZ.EXT" for a run of NAME at when (UTC);
 * characters of NAME that do not belong in a file name become '_'. */
void report_default_filename(const char *name, time_t when, const char *ext,
    char *buf, size_t buflen);

enum report_write_result {
	REPORT_WRITTEN,
	REPORT_EXISTS,		/* the file exists and overwrite was false */
	REPORT_FAILED,		/* err says why */
};

/* Write t's report (JSON or text) to path. Never through a symbolic link;
 * an existing file is replaced only when overwrite is true (the wizard
 * asks first). On REPORT_WRITTEN, resolved gets the absolute path when it
 * can be found (else path as given). */
enum report_write_result report_write_file(const char *path,
    const struct triage *t, bool json, bool overwrite, char *resolved,
    size_t resolvedlen, char *err, size_t errlen);

#endif
