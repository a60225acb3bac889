/* verdict.h - one primary verdict per run, derived from the findings by an
 * explicit precedence table, with the recovery steps of its failure code
 * filled in with the facts of the run (servers, name, zone, seconds).
 *
 * How a verdict is chosen:
 *  1. A finding at warning or critical supports the failure codes the
 *     FINDING_SUPPORTS table names (knowledge_supports()).
 *  2. Each rule of the precedence table holds when its failure code has
 *     support and the other findings it needs or excludes agree.
 *  3. The first rule that holds wins: the table puts the root cause
 *     before the symptoms it explains and, between independent causes,
 *     the more severe first. A verdict has its failure code's severity,
 *     so the exit status of a failure type never varies.
 *  4. No rule holds: healthy when no finding is a warning or critical,
 *     no step is pending or running, and at least one step produced a
 *     result; otherwise unknown. */
#ifndef DNSTRIAGE_VERDICT_H
#define DNSTRIAGE_VERDICT_H

#include <stdbool.h>
#include <stddef.h>

#include "dnstriage/knowledge.h"

struct finding;
struct triage;

struct verdict {
	bool decided;
	enum failure_code code;
	enum severity severity;
	char *facts[FACT_COUNT];	/* owned; NULL: not known */
	/* The findings that caused it: not owned, they belong to the run. */
	const struct finding **causes;
	size_t ncauses;
};

/* One row of the precedence table. The rule holds when some warning or
 * critical finding supports its failure code, some finding has a code in
 * needs (when given) and no finding has a code in unless (when given).
 * Both lists end with FINDING_CODE_COUNT. */
struct verdict_rule {
	enum failure_code failure;
	const enum finding_code *needs;		/* NULL: nothing needed */
	const enum finding_code *unless;	/* NULL: nothing excluded */
};

/* Decide t's verdict from its findings (replaces an earlier one). */
void verdict_choose(struct triage *t);
/* The same, into v, without touching t. */
void verdict_derive(const struct triage *t, struct verdict *v);
void verdict_clear(struct verdict *v);

/* 0 healthy, 1 warning, 2 critical, 3 unknown (also undecided). */
int verdict_exit_status(const struct verdict *v);
const char *verdict_code_str(const struct verdict *v);	/* "dnssec-bogus" */
const char *verdict_fact(const struct verdict *v, enum fact f);

/* Rendered now, in the current language, facts filled in; free() them.
 * A fact the run does not know shows as "<zone>". */
char *verdict_summary(const struct verdict *v);
size_t verdict_recovery_count(const struct verdict *v);
char *verdict_recovery_text(const struct verdict *v, size_t i);
char *verdict_recovery_command(const struct verdict *v, size_t i); /* or NULL */
/* Text and command on one line, for the JSON report. */
char *verdict_recovery_line(const struct verdict *v, size_t i);

/* The precedence table, first rule first. */
size_t verdict_rule_count(void);
const struct verdict_rule *verdict_rule_at(size_t i);

#endif
