/* steps.h - the five triage steps as analyses: each reads what the survey
 * collected (and the local configuration) and fills its step result with
 * findings. They send nothing and print nothing, so they can run again on
 * partial data while probes are still out (the wizard shows rows filling
 * in), and a unit test can feed them canned answers.
 *
 * A step whose probes are not all back leaves its status RUNNING; once
 * the survey is done it finishes (step_finish()) or skips with a reason. */
#ifndef DNSTRIAGE_STEPS_H
#define DNSTRIAGE_STEPS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "dnstriage/finding.h"
#include "dnstriage/rootdata.h"
#include "dnstriage/survey.h"
#include "dnstriage/sysconf.h"

/* What the steps know besides the survey. */
struct step_input {
	const struct survey *sv;
	bool final;			/* the survey is done: NULL = never sent */
	const struct sysconf_resolv *resolv;	/* NULL: -r given instead */
	const struct sysconf_nsswitch *nss;
	const struct sysconf_hosts *hosts;
	/* --trust-anchor, where the chain of trust starts; NULL: none. */
	const struct rootdata *anchor;
	uint16_t service_port;		/* 0: no service test */
	unsigned timeout_ms;
	time_t now;			/* the time signatures are judged at */
	/* probe_now_us() when the analysis runs, 0: unknown; with the
	 * survey's start it tells how long a pending server has been
	 * silent (no-answer-yet, while answers still come). */
	uint64_t now_us;
	bool at_given;			/* --at */
	unsigned expiry_warn_days;	/* dnssec-expiring threshold */
};

/* Each replaces the findings of its step in t. */
void step_scope_analyze(const struct step_input *in, struct triage *t);
void step_resolvers_analyze(const struct step_input *in, struct triage *t);
void step_authoritative_analyze(const struct step_input *in,
    struct triage *t);
/* What was wrong with the answers themselves (malformed, stray, without
 * EDNS, absurd): adds to the resolvers and authoritative steps, so it runs
 * after both. */
void step_answers_analyze(const struct step_input *in, struct triage *t);
void step_dnssec_analyze(const struct step_input *in, struct triage *t);
void step_serials_analyze(const struct step_input *in, struct triage *t);

/* All five, in order (with step_answers_analyze() after the
 * authoritative step), then the verdict. */
void steps_analyze_all(const struct step_input *in, struct triage *t);

#endif
