/* verdict.c - choose one primary verdict from the findings of a run, by the
 * precedence table below, and render its summary and recovery steps with
 * the facts of the run. See verdict.h for the procedure. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dnstriage/finding.h"
#include "dnstriage/i18n.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/verdict.h"

#define END FINDING_CODE_COUNT

/* The name resolved the way applications resolve it. */
static const enum finding_code name_resolved[] = {
	FINDING_NAME_RESOLVES, FINDING_TARGET_ADDRESS, END
};
/* The resolved address may be wrong, so a dead service proves nothing. */
static const enum finding_code address_doubtful[] = {
	FINDING_HOSTS_OVERRIDE, FINDING_STALE_ANSWER, FINDING_ANSWERS_DIFFER,
	END
};
/* Some resolver answered at all, whatever it said. */
static const enum finding_code resolver_answered[] = {
	FINDING_RESOLVER_ANSWERS, FINDING_RESOLVER_REFUSED,
	FINDING_RESOLVER_NO_RECURSION, FINDING_RESOLVER_SERVFAIL,
	FINDING_RESOLVER_NXDOMAIN, FINDING_RESOLVER_NO_ANSWER,
	FINDING_ANSWERS_DIFFER, FINDING_STALE_NEGATIVE, FINDING_STALE_ANSWER,
	FINDING_FAILOVER_PENALTY, END
};
/* Some resolver works: lookups succeed after the failover. */
static const enum finding_code resolver_works[] = {
	FINDING_RESOLVER_ANSWERS, FINDING_FAILOVER_PENALTY, END
};
/* Some authoritative server answered at all, whatever it said. */
static const enum finding_code authoritative_answered[] = {
	FINDING_AUTH_ANSWERS, FINDING_AUTH_LAME, FINDING_AUTH_SERVFAIL,
	FINDING_AUTH_NXDOMAIN, FINDING_AUTH_NODATA, FINDING_SERIALS_AGREE,
	FINDING_SERIAL_BEHIND, FINDING_EXPIRE_SOON, FINDING_SERIALS_INCOMPARABLE,
	FINDING_SOA_SERVFAIL, FINDING_SOA_NOT_AUTH, FINDING_EDNS_EXPIRE, END
};

/* The name is an alias into a zone this run did not check: a resolver's
 * failure may come from there, so it proves nothing about the resolver. */
static const enum finding_code checked_elsewhere[] = {
	FINDING_ALIAS_ELSEWHERE, END
};

/* First match wins. The order puts the root cause before the symptoms it
 * explains and, between independent causes, the more severe first. */
static const struct verdict_rule rules[] = {
	/* The name resolves and the service is dead by IP too: DNS is not
	 * the fault, so nothing below matters for the outage. */
	{ FAILURE_NOT_DNS, name_resolved, address_doubtful },
	/* The hosts file answers before any DNS query: for this name it
	 * decides what applications get, whatever DNS says. */
	{ FAILURE_HOSTS_OVERRIDE, NULL, NULL },
	/* The local stub is the first hop of every lookup on this host:
	 * nothing behind it is seen until it answers. */
	{ FAILURE_STUB_RESOLVER_DOWN, NULL, NULL },
	/* No resolver answers: every lookup fails here, and no upstream
	 * problem can even be observed through them. */
	{ FAILURE_RESOLVER_DOWN, NULL, resolver_answered },
	/* The resolver answers but will not serve this host: a policy fault
	 * at the first DNS hop, before anything upstream. */
	{ FAILURE_RESOLVER_REFUSED, NULL, NULL },
	/* Validation failure turns good authoritative answers into SERVFAIL:
	 * it explains a resolver SERVFAIL before any fault of the servers. */
	{ FAILURE_DNSSEC_BOGUS, NULL, NULL },
	/* No authoritative server answers: resolvers live on their caches
	 * until the TTLs run out, then SERVFAIL. */
	{ FAILURE_AUTHORITATIVE_DOWN, NULL, authoritative_answered },
	/* A server SERVFAILs its own zone: every resolver that picks it
	 * fails, and the fix (retransfer) is specific. */
	{ FAILURE_ZONE_EXPIRED_SECONDARY, NULL, NULL },
	/* The resolver denies a name the authoritative servers serve: its
	 * clients fail until the negative TTL runs out. */
	{ FAILURE_STALE_NEGATIVE_CACHE, NULL, NULL },
	/* The resolver serves data no authoritative server has: its clients
	 * go to old addresses until the TTL runs out. */
	{ FAILURE_STALE_CACHE, NULL, NULL },
	/* The authoritative servers say the name does not exist: an answer,
	 * the same everywhere; the zone data is what needs fixing. */
	{ FAILURE_NXDOMAIN, NULL, NULL },
	/* The name exists without the records asked for: an answer too. */
	{ FAILURE_NODATA, NULL, NULL },
	/* The alias chain loops: the zone data again, and what makes a
	 * resolver fail on the name. */
	{ FAILURE_CNAME_LOOP, NULL, NULL },
	/* A listed server answers without authority: resolvers that pick it
	 * get errors or referrals; it can explain a resolver SERVFAIL. */
	{ FAILURE_LAME_DELEGATION, NULL, NULL },
	/* Some servers are silent: resolvers retry the others; it can
	 * explain a resolver that gave up. */
	{ FAILURE_AUTHORITATIVE_PARTIAL, authoritative_answered, NULL },
	/* A server answers only without EDNS: current resolvers treat it
	 * as dead, which can explain their SERVFAIL. */
	{ FAILURE_EDNS_UNSUPPORTED, NULL, NULL },
	/* The resolver fails and nothing upstream explains it: the resolver
	 * itself is broken. After every upstream cause on purpose. */
	{ FAILURE_RESOLVER_SERVFAIL, NULL, checked_elsewhere },
	/* Vantage points disagree: often deliberate, a fault when a client
	 * lands in the wrong view. */
	{ FAILURE_SPLIT_HORIZON, NULL, NULL },
	/* Lookups work but each first pays the dead resolver's timeout:
	 * slow, not failing. */
	{ FAILURE_RESOLVER_FAILOVER, resolver_works, NULL },
	/* Servers serve different versions: answers depend on the server
	 * asked; nothing fails yet. */
	{ FAILURE_SERIAL_MISMATCH, NULL, NULL },
	/* A secondary's copy expires at a known time: it still answers. */
	{ FAILURE_SECONDARY_EXPIRING, NULL, NULL },
	/* Signatures are valid now and expire at a known time. */
	{ FAILURE_DNSSEC_EXPIRING, NULL, NULL },
};

#define NRULES (sizeof(rules) / sizeof(rules[0]))

size_t
verdict_rule_count(void)
{
	return NRULES;
}

const struct verdict_rule *
verdict_rule_at(size_t i)
{
	return i < NRULES ? &rules[i] : NULL;
}

/* --- choosing ----------------------------------------------------------- */

static bool
code_in(enum finding_code c, const enum finding_code *list)
{
	for (; list != NULL && *list != END; list++)
		if (*list == c)
			return true;
	return false;
}

static bool
run_has_code(const struct triage *t, const enum finding_code *list)
{
	size_t s, i;

	for (s = 0; s < STEP_COUNT; s++)
		for (i = 0; i < t->steps[s].nfindings; i++)
			if (code_in(t->steps[s].findings[i]->code, list))
				return true;
	return false;
}

static bool
supports(const struct finding *f, enum failure_code code)
{
	return severity_is_problem(f->severity) &&
	    knowledge_supports(f->code, code);
}

static bool
has_support(const struct triage *t, enum failure_code code)
{
	size_t s, i;

	for (s = 0; s < STEP_COUNT; s++)
		for (i = 0; i < t->steps[s].nfindings; i++)
			if (supports(t->steps[s].findings[i], code))
				return true;
	return false;
}

static bool
rule_holds(const struct triage *t, const struct verdict_rule *r)
{
	if (!has_support(t, r->failure))
		return false;
	if (r->needs != NULL && !run_has_code(t, r->needs))
		return false;
	if (r->unless != NULL && run_has_code(t, r->unless))
		return false;
	return true;
}

static void
add_cause(struct verdict *v, const struct finding *f)
{
	v->causes = xreallocarray(v->causes, v->ncauses + 1,
	    sizeof(*v->causes));
	v->causes[v->ncauses++] = f;
}

/* The causes: every problem finding supporting code, or with code ==
 * FAILURE_UNKNOWN every problem finding. */
static void
collect_causes(const struct triage *t, struct verdict *v)
{
	size_t s, i;

	for (s = 0; s < STEP_COUNT; s++) {
		for (i = 0; i < t->steps[s].nfindings; i++) {
			const struct finding *f = t->steps[s].findings[i];

			if (v->code == FAILURE_UNKNOWN ?
			    severity_is_problem(f->severity) :
			    supports(f, v->code))
				add_cause(v, f);
		}
	}
}

static enum severity
worst_problem(const struct triage *t)
{
	enum severity worst = SEVERITY_OK;
	size_t s, i;

	for (s = 0; s < STEP_COUNT; s++)
		for (i = 0; i < t->steps[s].nfindings; i++) {
			enum severity sev = t->steps[s].findings[i]->severity;

			if (severity_is_problem(sev) && sev > worst)
				worst = sev;
		}
	return worst;
}

/* Every step finished or was skipped, and at least one gave a result:
 * only then may "no problem found" mean healthy. */
static bool
run_complete(const struct triage *t)
{
	bool result = false;
	size_t s;

	for (s = 0; s < STEP_COUNT; s++) {
		if (t->steps[s].status == STEP_PENDING ||
		    t->steps[s].status == STEP_RUNNING)
			return false;
		result |= step_status_is_result(t->steps[s].status);
	}
	return result;
}

/* --- facts -------------------------------------------------------------- */

static void
join_distinct(struct strbuf *sb, const char *value)
{
	const char *p = sb->s;
	size_t len = strlen(value);

	/* Already in the ", "-separated list? */
	while (p != NULL && *p != '\0') {
		const char *comma = strstr(p, ", ");
		size_t n = comma ? (size_t)(comma - p) : strlen(p);

		if (n == len && memcmp(p, value, len) == 0)
			return;
		p = comma ? comma + 2 : NULL;
	}
	if (sb->len > 0)
		strbuf_adds(sb, ", ");
	strbuf_adds(sb, value);
}

static char *
gather_fact(const struct triage *t, const struct verdict *v, enum fact k)
{
	struct strbuf sb = STRBUF_INIT;
	enum fact_gather how = fact_gather(k);
	char buf[128];
	const char *val;
	size_t s, i;

	for (i = 0; i < v->ncauses; i++) {
		if ((val = finding_fact(v->causes[i], k, buf, sizeof(buf))) ==
		    NULL)
			continue;
		if (how != FACT_CAUSE_JOIN)
			return xstrdup(val);
		join_distinct(&sb, val);
	}
	if (how == FACT_CAUSE_JOIN)
		return sb.len > 0 ? strbuf_detach(&sb) : NULL;
	if (how == FACT_CAUSE_FIRST)
		return NULL;
	for (s = 0; s < STEP_COUNT; s++)
		for (i = 0; i < t->steps[s].nfindings; i++)
			if ((val = finding_fact(t->steps[s].findings[i], k, buf,
			    sizeof(buf))) != NULL)
				return xstrdup(val);
	if (k == FACT_NAME && t->name != NULL && t->name[0] != '\0')
		return xstrdup(t->name);
	if (k == FACT_TYPE && t->ntypes > 0)
		return xstrdup(t->types[0]);
	return NULL;
}

void
verdict_clear(struct verdict *v)
{
	size_t i;

	for (i = 0; i < FACT_COUNT; i++)
		free(v->facts[i]);
	free(v->causes);
	memset(v, 0, sizeof(*v));
	v->code = FAILURE_UNKNOWN;
	v->severity = SEVERITY_UNKNOWN;
}

void
verdict_derive(const struct triage *t, struct verdict *v)
{
	const struct verdict_rule *match = NULL;
	size_t i;

	verdict_clear(v);
	for (i = 0; i < NRULES && match == NULL; i++)
		if (rule_holds(t, &rules[i]))
			match = &rules[i];
	if (match != NULL) {
		v->code = match->failure;
		v->severity = knowledge_failure(match->failure)->severity;
	} else if (worst_problem(t) != SEVERITY_OK) {
		v->code = FAILURE_UNKNOWN;
		v->severity = worst_problem(t);
	} else if (run_complete(t)) {
		v->code = FAILURE_HEALTHY;
		v->severity = SEVERITY_OK;
	} else {
		v->code = FAILURE_UNKNOWN;
		v->severity = SEVERITY_UNKNOWN;
	}
	collect_causes(t, v);
	for (i = 0; i < FACT_COUNT; i++)
		v->facts[i] = gather_fact(t, v, (enum fact)i);
	v->decided = true;
}

void
verdict_choose(struct triage *t)
{
	verdict_derive(t, &t->verdict);
}

int
verdict_exit_status(const struct verdict *v)
{
	if (!v->decided)
		return 3;
	switch (v->severity) {
	case SEVERITY_INFO:
	case SEVERITY_OK:
		return 0;
	case SEVERITY_WARNING:
		return 1;
	case SEVERITY_CRITICAL:
		return 2;
	default:
		return 3;
	}
}

const char *
verdict_code_str(const struct verdict *v)
{
	return knowledge_failure(v->code)->name;
}

const char *
verdict_fact(const struct verdict *v, enum fact f)
{
	return (unsigned)f < FACT_COUNT ? v->facts[f] : NULL;
}

/* --- rendering ---------------------------------------------------------- */

static const char *
lookup_fact(const char *key, size_t keylen, bool *known, void *arg)
{
	const struct verdict *v = arg;
	enum fact f;

	if (!fact_by_key(key, keylen, &f)) {
		*known = false;
		return NULL;
	}
	return v->facts[f];
}

static char *
expand(const struct verdict *v, const char *tmpl)
{
	struct strbuf sb = STRBUF_INIT;

	textfmt_named(&sb, tmpl, lookup_fact, (void *)v);
	return strbuf_detach(&sb);
}

char *
verdict_summary(const struct verdict *v)
{
	return expand(v, _(knowledge_failure(v->code)->summary));
}

size_t
verdict_recovery_count(const struct verdict *v)
{
	return knowledge_failure(v->code)->nrecovery;
}

char *
verdict_recovery_text(const struct verdict *v, size_t i)
{
	const struct failure_info *fi = knowledge_failure(v->code);

	if (i >= fi->nrecovery)
		return xstrdup("");
	return expand(v, _(fi->recovery[i].text));
}

char *
verdict_recovery_command(const struct verdict *v, size_t i)
{
	const struct failure_info *fi = knowledge_failure(v->code);

	if (i >= fi->nrecovery || fi->recovery[i].command == NULL)
		return NULL;
	return expand(v, fi->recovery[i].command);
}

char *
verdict_recovery_line(const struct verdict *v, size_t i)
{
	struct strbuf sb = STRBUF_INIT;
	char *text = verdict_recovery_text(v, i);
	char *cmd = verdict_recovery_command(v, i);

	strbuf_adds(&sb, text);
	if (cmd != NULL) {
		strbuf_addc(&sb, ' ');
		strbuf_adds(&sb, cmd);
	}
	free(text);
	free(cmd);
	return strbuf_detach(&sb);
}
