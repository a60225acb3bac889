/* steps.c - all five analyses in order, then the verdict. */
#include "config.h"

#include "dnstriage/steps.h"
#include "dnstriage/verdict.h"

void
steps_analyze_all(const struct step_input *in, struct triage *t)
{
	step_scope_analyze(in, t);
	step_resolvers_analyze(in, t);
	step_authoritative_analyze(in, t);
	step_answers_analyze(in, t);
	step_dnssec_analyze(in, t);
	step_serials_analyze(in, t);
	verdict_choose(t);
}
