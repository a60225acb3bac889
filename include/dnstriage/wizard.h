/* wizard.h - the triage flow as an explicit transition table:
 * (state, outcome) -> next state, with the reason said to the user.
 * Pure: no curses, no sockets. The wizard view and report mode both walk
 * it, so both explain the same path through the steps. */
#ifndef DNSTRIAGE_WIZARD_H
#define DNSTRIAGE_WIZARD_H

#include <stdbool.h>

#define WIZARD_STATE_TABLE(X)			\
	X(SCOPE, "scope")			\
	X(RESOLVERS, "resolvers")		\
	X(AUTHORITATIVE, "authoritative")	\
	X(DNSSEC, "dnssec")			\
	X(SERIALS, "serials")			\
	X(VERDICT, "verdict")			\
	X(DONE, "done")

enum wizard_state {
#define X(id, str) WIZ_##id,
	WIZARD_STATE_TABLE(X)
#undef X
	WIZ_STATE_COUNT
};

/* What a finished step tells the flow; the findings themselves live in the
 * model, this is only what decides where to go next. */
#define WIZARD_OUTCOME_TABLE(X)						\
	X(CLEAN, "clean")		/* nothing wrong found */	\
	X(PROBLEM, "problem")		/* something wrong, go on */	\
	X(ADDRESS_TARGET, "address-target") /* scope: target is an IP */ \
	X(LOCAL_ANSWER, "local-answer")	/* scope: hosts file answers first */ \
	X(NO_RESOLVER, "no-resolver")	/* resolvers: none answers */	\
	X(NAME_MISSING, "name-missing")	/* authoritative: NXDOMAIN */	\
	X(NO_AUTHORITATIVE, "no-authoritative") /* none answers */	\
	X(UNSIGNED, "unsigned")		/* dnssec: chain ends, insecure */

enum wizard_outcome {
#define X(id, str) WIZ_OUT_##id,
	WIZARD_OUTCOME_TABLE(X)
#undef X
	WIZ_OUTCOME_COUNT
};

struct wizard_move {
	enum wizard_state next;
	/* States passed over on the way, to be shown as skipped with the
	 * reason; a bit per state (1u << state). */
	unsigned skipped;
	const char *reason;	/* untranslated (N_), for _() at display */
	bool valid;		/* false: outcome impossible in this state */
};

/* Where to go after STATE ended with OUTCOME, and why. An outcome that a
 * state cannot produce gives valid=false and the next state in order, so a
 * caller bug never stalls the flow. */
struct wizard_move wizard_next(enum wizard_state state,
    enum wizard_outcome outcome);
/* The first state, and the state after STATE in plain order (for "run
 * everything" and free movement). */
enum wizard_state wizard_first(void);
enum wizard_state wizard_following(enum wizard_state state);
bool wizard_is_step(enum wizard_state state);	/* a probing step */

/* The step a probing state shows (WIZ_SCOPE..WIZ_SERIALS map one to one
 * onto STEP_SCOPE..STEP_SERIALS). */
int wizard_state_step(enum wizard_state state);	/* enum step_id, or -1 */

struct step_result;
/* What a concluded step tells the flow, read from its status and findings
 * (the same model every view shows). false while the step is still
 * pending or running: the flow waits. */
bool wizard_outcome_of(enum wizard_state state,
    const struct step_result *result, enum wizard_outcome *out);

const char *wizard_state_str(enum wizard_state s);	/* "scope", stable */
const char *wizard_outcome_str(enum wizard_outcome o);

#endif
