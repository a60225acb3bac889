/* wizard.c - the transition table of the triage flow and its lookups. */
#include "config.h"

#include <stddef.h>

#include "dnstriage/i18n.h"
#include "dnstriage/finding.h"
#include "dnstriage/wizard.h"

#define BIT(s) (1u << (s))

struct transition {
	enum wizard_state state;
	enum wizard_outcome outcome;
	enum wizard_state next;
	unsigned skipped;
	const char *reason;
};

/* Every possible (state, outcome) pair is listed; anything else is a caller
 * bug. The reasons are what the wizard says between steps. */
static const struct transition transitions[] = {
	{ WIZ_SCOPE, WIZ_OUT_CLEAN, WIZ_RESOLVERS, 0,
	  N_("The name resolves the way applications resolve it; next, check each resolver on its own.") },
	{ WIZ_SCOPE, WIZ_OUT_PROBLEM, WIZ_RESOLVERS, 0,
	  N_("Applications do not get a good answer for this name; next, find out which resolver fails.") },
	{ WIZ_SCOPE, WIZ_OUT_ADDRESS_TARGET, WIZ_VERDICT,
	  BIT(WIZ_RESOLVERS) | BIT(WIZ_AUTHORITATIVE) | BIT(WIZ_DNSSEC) | BIT(WIZ_SERIALS),
	  N_("The target is an IP address, so DNS is not involved; the DNS steps are skipped.") },
	{ WIZ_SCOPE, WIZ_OUT_LOCAL_ANSWER, WIZ_RESOLVERS, 0,
	  N_("The hosts file answers for this name before DNS is asked; the DNS steps still run, to compare its answer with DNS.") },
	{ WIZ_RESOLVERS, WIZ_OUT_CLEAN, WIZ_AUTHORITATIVE, 0,
	  N_("Every resolver answers; next, ask the authoritative servers directly and compare.") },
	{ WIZ_RESOLVERS, WIZ_OUT_PROBLEM, WIZ_AUTHORITATIVE, 0,
	  N_("Some resolvers fail; next, ask the authoritative servers directly to see whether the data itself is sound.") },
	{ WIZ_RESOLVERS, WIZ_OUT_NO_RESOLVER, WIZ_AUTHORITATIVE, 0,
	  N_("No resolver answers, so the authoritative step walks from the root hints on its own instead.") },
	{ WIZ_AUTHORITATIVE, WIZ_OUT_CLEAN, WIZ_DNSSEC, 0,
	  N_("The authoritative servers agree; next, check that the chain of trust validates.") },
	{ WIZ_AUTHORITATIVE, WIZ_OUT_PROBLEM, WIZ_DNSSEC, 0,
	  N_("The authoritative servers disagree or fail in part; next, check the chain of trust of what they serve.") },
	{ WIZ_AUTHORITATIVE, WIZ_OUT_NAME_MISSING, WIZ_DNSSEC, 0,
	  N_("The authoritative servers say the name does not exist; next, check that the denial is validly signed.") },
	{ WIZ_AUTHORITATIVE, WIZ_OUT_NO_AUTHORITATIVE, WIZ_VERDICT,
	  BIT(WIZ_DNSSEC) | BIT(WIZ_SERIALS),
	  N_("No authoritative server answers, so there is no zone data to validate or compare; DNSSEC and serials are skipped.") },
	{ WIZ_DNSSEC, WIZ_OUT_CLEAN, WIZ_SERIALS, 0,
	  N_("The chain of trust validates; next, compare the SOA serial on every nameserver.") },
	{ WIZ_DNSSEC, WIZ_OUT_PROBLEM, WIZ_SERIALS, 0,
	  N_("The chain of trust has a problem; next, compare the SOA serials, since a stale copy can hold old signatures.") },
	{ WIZ_DNSSEC, WIZ_OUT_UNSIGNED, WIZ_SERIALS, 0,
	  N_("The zone is not signed, which is not an error; next, compare the SOA serial on every nameserver.") },
	{ WIZ_SERIALS, WIZ_OUT_CLEAN, WIZ_VERDICT, 0,
	  N_("Every nameserver serves the same copy of the zone; all checks are done.") },
	{ WIZ_SERIALS, WIZ_OUT_PROBLEM, WIZ_VERDICT, 0,
	  N_("The nameservers do not all serve the same zone; all checks are done.") },
	{ WIZ_VERDICT, WIZ_OUT_CLEAN, WIZ_DONE, 0,
	  N_("The verdict is in.") },
};

static const char *const state_names[] = {
#define X(id, str) str,
	WIZARD_STATE_TABLE(X)
#undef X
};

static const char *const outcome_names[] = {
#define X(id, str) str,
	WIZARD_OUTCOME_TABLE(X)
#undef X
};

enum wizard_state
wizard_first(void)
{
	return WIZ_SCOPE;
}

enum wizard_state
wizard_following(enum wizard_state state)
{
	if (state >= WIZ_DONE)
		return WIZ_DONE;
	return (enum wizard_state)(state + 1);
}

bool
wizard_is_step(enum wizard_state state)
{
	return state >= WIZ_SCOPE && state <= WIZ_SERIALS;
}

struct wizard_move
wizard_next(enum wizard_state state, enum wizard_outcome outcome)
{
	struct wizard_move move = { wizard_following(state), 0,
	    N_("Unexpected step result; going on with the next step."), false };
	size_t i;

	for (i = 0; i < sizeof(transitions) / sizeof(transitions[0]); i++) {
		if (transitions[i].state == state &&
		    transitions[i].outcome == outcome) {
			move.next = transitions[i].next;
			move.skipped = transitions[i].skipped;
			move.reason = transitions[i].reason;
			move.valid = true;
			break;
		}
	}
	return move;
}

const char *
wizard_state_str(enum wizard_state s)
{
	return (s >= 0 && s < WIZ_STATE_COUNT) ? state_names[s] : "?";
}

const char *
wizard_outcome_str(enum wizard_outcome o)
{
	return (o >= 0 && o < WIZ_OUTCOME_COUNT) ? outcome_names[o] : "?";
}

int
wizard_state_step(enum wizard_state state)
{
	static const int steps[] = {
		[WIZ_SCOPE] = STEP_SCOPE,
		[WIZ_RESOLVERS] = STEP_RESOLVERS,
		[WIZ_AUTHORITATIVE] = STEP_AUTHORITATIVE,
		[WIZ_DNSSEC] = STEP_DNSSEC,
		[WIZ_SERIALS] = STEP_SERIALS,
	};

	return wizard_is_step(state) ? steps[state] : -1;
}

static bool
has_finding(const struct step_result *r, enum finding_code code)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++)
		if (r->findings[i]->code == code)
			return true;
	return false;
}

/* Some server gave an answer of any kind, as opposed to none answering. */
static bool
any_finding(const struct step_result *r, const enum finding_code *codes,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (has_finding(r, codes[i]))
			return true;
	return false;
}

bool
wizard_outcome_of(enum wizard_state state, const struct step_result *r,
    enum wizard_outcome *out)
{
	static const enum finding_code resolver_answered[] = {
		FINDING_RESOLVER_ANSWERS, FINDING_RESOLVER_REFUSED,
		FINDING_RESOLVER_NO_RECURSION, FINDING_RESOLVER_SERVFAIL,
		FINDING_RESOLVER_NXDOMAIN, FINDING_RESOLVER_NO_ANSWER,
	};
	static const enum finding_code resolver_silent[] = {
		FINDING_RESOLVER_TIMEOUT, FINDING_RESOLVER_UNREACHABLE,
		FINDING_STUB_TIMEOUT,
	};
	static const enum finding_code auth_answered[] = {
		FINDING_AUTH_ANSWERS, FINDING_AUTH_LAME, FINDING_AUTH_SERVFAIL,
		FINDING_AUTH_NXDOMAIN, FINDING_AUTH_NODATA,
		FINDING_STALE_NEGATIVE, FINDING_STALE_ANSWER,
	};
	bool problem;

	if (state == WIZ_VERDICT || state == WIZ_DONE) {
		*out = WIZ_OUT_CLEAN;
		return true;
	}
	if (r == NULL || r->status == STEP_PENDING ||
	    r->status == STEP_RUNNING)
		return false;
	problem = r->status == STEP_WARNING || r->status == STEP_CRITICAL;
	*out = problem ? WIZ_OUT_PROBLEM : WIZ_OUT_CLEAN;
	switch (state) {
	case WIZ_SCOPE:
		if (has_finding(r, FINDING_TARGET_ADDRESS))
			*out = WIZ_OUT_ADDRESS_TARGET;
		else if (has_finding(r, FINDING_HOSTS_OVERRIDE))
			*out = WIZ_OUT_LOCAL_ANSWER;
		break;
	case WIZ_RESOLVERS:
		if (any_finding(r, resolver_silent, sizeof(resolver_silent) /
		    sizeof(resolver_silent[0])) && !any_finding(r,
		    resolver_answered, sizeof(resolver_answered) /
		    sizeof(resolver_answered[0])))
			*out = WIZ_OUT_NO_RESOLVER;
		break;
	case WIZ_AUTHORITATIVE:
		if (has_finding(r, FINDING_AUTH_NXDOMAIN))
			*out = WIZ_OUT_NAME_MISSING;
		else if (has_finding(r, FINDING_AUTH_TIMEOUT) &&
		    !any_finding(r, auth_answered, sizeof(auth_answered) /
		    sizeof(auth_answered[0])))
			*out = WIZ_OUT_NO_AUTHORITATIVE;
		break;
	case WIZ_DNSSEC:
		if (!problem && has_finding(r, FINDING_DNSSEC_INSECURE))
			*out = WIZ_OUT_UNSIGNED;
		break;
	default:
		break;
	}
	return true;
}
