/* step_resolvers.c - the resolvers step: does every configured resolver
 * answer (UDP, TCP), how fast, with which RCODE and flags, and what a dead
 * one costs each lookup (glibc's failover, from resolv.conf's options). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/i18n.h"
#include "dnstriage/textfmt.h"
#include "step_util.h"

/* What one resolver's answers for the name say, worst first. */
enum resolver_state {
	RS_REFUSED,
	RS_NO_RECURSION,
	RS_SERVFAIL,
	RS_NO_ANSWER,
	RS_NXDOMAIN,
	RS_OK,
	RS_PENDING,
};

static enum resolver_state
answer_state(const struct probe_result *res)
{
	int rcode;

	if (res == NULL)
		return RS_PENDING;
	if (!result_answered(res))
		return RS_NO_ANSWER;
	rcode = result_rcode(res);
	if (rcode == LDNS_RCODE_REFUSED)
		return RS_REFUSED;
	if (rcode == LDNS_RCODE_SERVFAIL)
		return RS_SERVFAIL;
	/* An answer without RA comes from a server that does not recurse
	 * for us: an authoritative-only server, or a policy. */
	if (!ldns_pkt_ra(res->pkt) && (rcode == LDNS_RCODE_NOERROR ||
	    rcode == LDNS_RCODE_NXDOMAIN))
		return RS_NO_RECURSION;
	if (rcode == LDNS_RCODE_NXDOMAIN)
		return RS_NXDOMAIN;
	if (rcode == LDNS_RCODE_NOERROR)
		return RS_OK;
	return RS_SERVFAIL;	/* FORMERR, NOTIMP...: it fails us */
}

/* Every probe of the resolver, for "is it alive at all". */
static size_t
resolver_results(const struct survey *sv, const struct survey_resolver *r,
    const struct probe_result **out)
{
	size_t n = 0, t;

	out[n++] = r->soa_udp;
	out[n++] = r->soa_tcp;
	for (t = 0; !sv->address_target && t < sv->ntypes; t++)
		out[n++] = r->answer[t];
	return n;
}

struct resolver_view {
	bool pending;		/* some probe not back */
	bool alive;		/* some probe got a DNS message */
	bool silent;		/* every probe timed out: glibc waits */
	/* glibc waits for it on this name: every answer for the name timed
	 * out (alive or not: a resolver too slow to recurse costs the same) */
	bool name_silent;
	const struct probe_result *first_failure;
};

static void
resolver_view(const struct survey *sv, const struct survey_resolver *r,
    bool final, struct resolver_view *v)
{
	const struct probe_result *res[2 + SURVEY_MAX_TYPES];
	size_t i, t, n = resolver_results(sv, r, res);
	bool any_timeout_only = true;

	memset(v, 0, sizeof(*v));
	for (i = 0; i < n; i++) {
		if (res[i] == NULL) {
			/* Once the survey is done, NULL was never sent. */
			v->pending |= !final;
			continue;
		}
		if (res[i]->outcome == PROBE_ANSWER)
			v->alive = true;
		else if (v->first_failure == NULL)
			v->first_failure = res[i];
		/* glibc asks over UDP: a reset on the TCP port does not
		 * spare it the wait for a server that drops datagrams. */
		if (res[i]->outcome != PROBE_TIMEOUT && res[i] != r->soa_tcp)
			any_timeout_only = false;
	}
	v->silent = !v->alive && any_timeout_only && !v->pending;
	v->name_silent = v->silent;
	if (!sv->address_target && !v->pending) {
		v->name_silent = true;
		for (t = 0; t < sv->ntypes; t++)
			if (r->answer[t] == NULL ||
			    r->answer[t]->outcome != PROBE_TIMEOUT)
				v->name_silent = false;
	}
}

/* A nameserver glibc never asks (beyond the first three): what it does
 * costs no lookup anything, so it is on record and nothing more. */
static void
report_unused(struct step_result *s, const struct survey_resolver *r,
    const struct resolver_view *v, const struct sysconf_resolv *rc)
{
	struct finding *f = step_add_finding(s, FINDING_RESOLVER_UNUSED);
	char line[16];

	snprintf(line, sizeof(line), "%u", rc != NULL && r->ns_index >= 0 ?
	    rc->ns[r->ns_index].line : 0u);
	finding_from_probe(f, v->alive ? r->soa_udp : v->first_failure);
	finding_set_server(f, r->text);
	/* Whole sentences: a verb alone ("It %s.") does not translate. */
	if (v->alive)
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s: a line
		 * number. */
		finding_set_message(f, N_("%1$s (resolv.conf line %2$s) is "
		    "never asked: glibc uses only the first three nameservers. "
		    "It answers."), r->text, line, NULL);
	else
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s: a line
		 * number. */
		finding_set_message(f, N_("%1$s (resolv.conf line %2$s) is "
		    "never asked: glibc uses only the first three nameservers. "
		    "It does not answer."), r->text, line, NULL);
}

/* "5", "2.5": seconds for people, from milliseconds. */
static void
seconds_text(unsigned ms, char *buf, size_t len)
{
	if (ms % 1000 == 0)
		snprintf(buf, len, "%u", ms / 1000);
	else
		snprintf(buf, len, "%.1f", ms / 1000.0);
}

/* "A 127.0.80.80 (TTL 3600); AAAA NODATA": what the answers hold, in DNS
 * notation (no words to translate). */
static char *
answers_summary(const struct survey *sv, struct probe_result *const *answers)
{
	struct strbuf sb = STRBUF_INIT;
	size_t t;

	for (t = 0; t < sv->ntypes; t++) {
		const struct probe_result *res = answers[t];
		char type[16], rcode[16];
		uint32_t ttl;
		char *data, *shown;

		type_text(sv->types[t], type, sizeof(type));
		if (t > 0)
			strbuf_adds(&sb, "; ");
		strbuf_adds(&sb, type);
		if (!result_answered(res)) {
			strbuf_adds(&sb, " -");
			continue;
		}
		if (result_rcode(res) != LDNS_RCODE_NOERROR) {
			strbuf_addf(&sb, " %s", knowledge_rcode_str(
			    result_rcode(res), rcode, sizeof(rcode)));
			continue;
		}
		data = dnsmsg_answer_text(res->pkt, sv->qname, sv->types[t]);
		if (data == NULL) {
			char *target = dnsmsg_cname_target(res->pkt, sv->qname);

			if (target != NULL)
				strbuf_addf(&sb, " CNAME %s", target);
			else
				strbuf_adds(&sb, " NODATA");
			free(target);
			continue;
		}
		shown = data_list_summary(data);
		strbuf_addf(&sb, " %s", shown);
		free(shown);
		if (dnsmsg_answer_ttl(res->pkt, sv->qname, sv->types[t], &ttl))
			strbuf_addf(&sb, " (TTL %lu)", (unsigned long)ttl);
		free(data);
	}
	return strbuf_detach(&sb);
}

static bool
any_ad(const struct survey *sv, struct probe_result *const *answers)
{
	size_t t;

	for (t = 0; t < sv->ntypes; t++)
		if (result_answered(answers[t]) && ldns_pkt_ad(answers[t]->pkt))
			return true;
	return false;
}

static void
report_dead(struct step_result *s, const struct survey_resolver *r,
    const struct resolver_view *v, bool others_alive, unsigned timeout_ms)
{
	const struct probe_result *shown = v->first_failure != NULL ?
	    v->first_failure : r->soa_udp;
	struct finding *f = step_add_finding(s, v->silent ?
	    FINDING_RESOLVER_TIMEOUT : FINDING_RESOLVER_UNREACHABLE);
	char *why = result_failure_text(shown, timeout_ms);
	char addr[PROBE_SERVER_STRLEN];

	finding_from_probe(f, shown);
	finding_set_server(f, r->text);
	if (v->silent)
		finding_set_message(f, N_("%1$s does not answer, over UDP or "
		    "TCP: %2$s."), r->text, why, NULL);
	else
		finding_set_message(f, N_("%1$s cannot be reached: %2$s."),
		    r->text, why, NULL);
	if (others_alive)
		finding_set_severity(f, SEVERITY_WARNING);
	server_address(r->text, addr, sizeof(addr));
	finding_set_fact(f, FACT_ADDRESS, addr);
	free(why);
}

static void report_slow(struct step_result *s, const struct survey *sv,
    const struct survey_resolver *r);

/* The worst answer of a live resolver, with the finding it makes. */
static void
report_alive(struct step_result *s, const struct survey *sv,
    const struct survey_resolver *r, unsigned timeout_ms)
{
	/* Start from RS_PENDING, the largest state: starting from RS_OK made
	 * an answer still out count as a good one ("answers in 0 ms"), and
	 * the return below could never happen. */
	enum resolver_state worst = RS_PENDING;
	const struct probe_result *shown = NULL;
	char type[16], ms[32], addr[PROBE_SERVER_STRLEN], ttl[16];
	struct finding *f;
	size_t t;

	for (t = 0; t < sv->ntypes; t++) {
		enum resolver_state st = answer_state(r->answer[t]);

		if (st < worst)
			worst = st;
	}
	if (sv->address_target) {
		/* No name to ask: ". SOA" shows it answers at all. */
		shown = result_answered(r->soa_udp) ? r->soa_udp : r->soa_tcp;
		f = step_add_finding(s, FINDING_RESOLVER_ANSWERS);
		finding_from_probe(f, shown);
		snprintf(ms, sizeof(ms), "%ld", shown != NULL &&
		    shown->rtt_ms >= 0 ? (long)(shown->rtt_ms + 0.5) : 0L);
		finding_set_message(f, N_("%1$s answers . SOA in %2$s ms."),
		    r->text, ms, NULL);
		server_address(r->text, addr, sizeof(addr));
		finding_set_server(f, r->text);
		finding_set_fact(f, FACT_RESOLVER, addr);
		return;
	}
	if (worst == RS_PENDING)
		return;
	for (t = 0; t < sv->ntypes; t++)
		if (answer_state(r->answer[t]) == worst) {
			shown = r->answer[t];
			break;
		}
	if (shown == NULL)	/* cannot be: worst is the state of one */
		return;
	type_text((int)shown->spec.type, type, sizeof(type));
	server_address(r->text, addr, sizeof(addr));
	switch (worst) {
	case RS_REFUSED:
		f = step_add_finding(s, FINDING_RESOLVER_REFUSED);
		finding_from_probe(f, shown);
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s: the
		 * name; %3$s: a record type (A, AAAA). */
		finding_set_message(f, N_("%1$s refuses to answer %2$s %3$s "
		    "(REFUSED): it does not serve this client."), r->text,
		    sv->name, type, NULL);
		break;
	case RS_NO_RECURSION:
		f = step_add_finding(s, FINDING_RESOLVER_NO_RECURSION);
		finding_from_probe(f, shown);
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s: the
		 * name; %3$s: a record type. RA: the Recursion Available
		 * flag. */
		finding_set_message(f, N_("%1$s answers %2$s %3$s without "
		    "recursion (no RA flag): it does not resolve names for this "
		    "client."), r->text, sv->name, type, NULL);
		break;
	case RS_SERVFAIL: {
		char rcode[16];

		f = step_add_finding(s, FINDING_RESOLVER_SERVFAIL);
		finding_from_probe(f, shown);
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s: an
		 * RCODE such as SERVFAIL (never translated); %3$s: the
		 * name; %4$s: a record type. */
		finding_set_message(f, N_("%1$s answered %2$s for %3$s %4$s."),
		    r->text, knowledge_rcode_str(result_rcode(shown), rcode,
		    sizeof(rcode)), sv->name, type, NULL);
		break;
	}
	case RS_NO_ANSWER: {
		char *why = result_failure_text(shown, timeout_ms);

		f = step_add_finding(s, FINDING_RESOLVER_NO_ANSWER);
		finding_from_probe(f, shown);
		finding_set_server(f, r->text);
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s: the
		 * name; %3$s: a record type; %4$s: why ("no answer within
		 * the timeout"). ". SOA" is the query for the root zone's
		 * SOA record. */
		finding_set_message(f, N_("%1$s is up (it answers . SOA), but "
		    "gave no answer for %2$s %3$s: %4$s. It cannot resolve the "
		    "name in time."), r->text, sv->name, type, why, NULL);
		free(why);
		break;
	}
	case RS_NXDOMAIN: {
		char zone[LDNS_MAX_DOMAINLEN + 2];
		uint32_t neg;

		f = step_add_finding(s, FINDING_RESOLVER_NXDOMAIN);
		finding_from_probe(f, shown);
		if (dnsmsg_negative_soa(shown->pkt, zone, sizeof(zone), &neg)) {
			snprintf(ttl, sizeof(ttl), "%lu", (unsigned long)neg);
			finding_set_fact(f, FACT_SECONDS, ttl);
			/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT;
			 * %2$s: the name; %3$s: the zone that says so;
			 * %4$s: seconds (the negative TTL). */
			finding_set_message(f, N_("%1$s says %2$s does not exist "
			    "(NXDOMAIN, from zone %3$s; it may keep that answer "
			    "for %4$s s)."), r->text, sv->name, zone, ttl, NULL);
		} else {
			finding_set_message(f, N_("%1$s says %2$s does not exist "
			    "(NXDOMAIN)."), r->text, sv->name, NULL);
		}
		break;
	}
	default: {
		char *summary = answers_summary(sv, r->answer);

		f = step_add_finding(s, FINDING_RESOLVER_ANSWERS);
		finding_from_probe(f, shown);
		snprintf(ms, sizeof(ms), "%ld", shown != NULL &&
		    shown->rtt_ms >= 0 ? (long)(shown->rtt_ms + 0.5) : 0L);
		if (any_ad(sv, r->answer))
			/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT;
			 * %2$s: milliseconds; %3$s: the answer (addresses
			 * or NXDOMAIN/NODATA). AD: the Authenticated Data
			 * flag. */
			finding_set_message(f, N_("%1$s answers in %2$s ms, "
			    "validated (AD): %3$s."), r->text, ms, summary, NULL);
		else
			/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT;
			 * %2$s: milliseconds; %3$s: the answer (addresses
			 * or NXDOMAIN/NODATA). AD: the Authenticated Data
			 * flag. */
			finding_set_message(f, N_("%1$s answers in %2$s ms, not "
			    "validated (no AD flag): %3$s."), r->text, ms,
			    summary, NULL);
		finding_set_fact(f, FACT_RESOLVER, addr);
		free(summary);
		report_slow(s, sv, r);
		break;
	}
	}
	finding_set_server(f, r->text);
	finding_set_fact(f, FACT_ADDRESS, addr);
	/* Large answers (DNSSEC, many records) need TCP. */
	if (result_answered(r->soa_udp) && r->soa_tcp != NULL &&
	    !result_answered(r->soa_tcp)) {
		char *why = result_failure_text(r->soa_tcp, timeout_ms);

		f = step_add_finding(s, FINDING_RESOLVER_NO_TCP);
		finding_from_probe(f, r->soa_tcp);
		finding_set_message(f, N_("%1$s answers over UDP but not over "
		    "TCP (%2$s): answers too large for UDP will fail."),
		    r->text, why, NULL);
		free(why);
	}
}

/* A resolver far slower for the name than for ". SOA" (which it answers
 * from its cache) waits for something upstream: a dead or slow name
 * server of the zone, usually; the authoritative step says which. */
#define SLOW_MS 300.0
#define SLOW_FACTOR 10.0

static void
report_slow(struct step_result *s, const struct survey *sv,
    const struct survey_resolver *r)
{
	const struct probe_result *slowest = NULL;
	char ms[32], base[32];
	struct finding *f;
	size_t t;

	if (!result_answered(r->soa_udp) || r->soa_udp->rtt_ms < 0)
		return;
	for (t = 0; t < sv->ntypes; t++)
		if (result_answered(r->answer[t]) && (slowest == NULL ||
		    r->answer[t]->rtt_ms > slowest->rtt_ms))
			slowest = r->answer[t];
	if (slowest == NULL || slowest->rtt_ms < SLOW_MS ||
	    slowest->rtt_ms < SLOW_FACTOR * r->soa_udp->rtt_ms)
		return;
	snprintf(ms, sizeof(ms), "%ld", (long)(slowest->rtt_ms + 0.5));
	snprintf(base, sizeof(base), "%ld", (long)(r->soa_udp->rtt_ms + 0.5));
	f = step_add_finding(s, FINDING_RESOLVER_SLOW);
	finding_from_probe(f, slowest);
	/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s and %4$s:
	 * milliseconds; %3$s: the name. */
	finding_set_message(f, N_("%1$s took %2$s ms to answer for %3$s, but "
	    "%4$s ms for . SOA: it waits for something upstream, often a dead "
	    "or slow name server of the zone."), r->text, ms, sv->name, base,
	    NULL);
}

/* glibc's cost of the dead resolvers ahead of a live one. */
static void
report_failover(struct step_result *s, const struct step_input *in,
    const bool *alive, size_t nalive)
{
	const struct sysconf_resolv *rc = in->resolv;
	const struct survey *sv = in->sv;
	struct sysconf_failover fo;
	char secs[32], worst[32], timeout[16], attempts[16];
	const char *dead = NULL, *live = NULL;
	char live_addr[PROBE_SERVER_STRLEN];
	struct finding *f;
	size_t i;

	sysconf_failover(rc, alive, nalive, &fo);
	if (!fo.any_alive || fo.penalty_worst_ms == 0)
		return;
	for (i = 0; i < sv->nresolvers; i++) {
		const struct survey_resolver *r = &sv->resolvers[i];

		if (r->origin != SURVEY_FROM_RESOLV_CONF || !r->used ||
		    r->ns_index < 0 || (size_t)r->ns_index >= nalive)
			continue;
		if (!alive[r->ns_index] && dead == NULL)
			dead = r->text;
		if (alive[r->ns_index] && live == NULL)
			live = r->text;
	}
	if (dead == NULL || live == NULL)
		return;
	seconds_text(fo.penalty_ms, secs, sizeof(secs));
	seconds_text(fo.penalty_worst_ms, worst, sizeof(worst));
	snprintf(timeout, sizeof(timeout), "%u", rc->timeout_s);
	snprintf(attempts, sizeof(attempts), "%u", rc->attempts);
	server_address(live, live_addr, sizeof(live_addr));
	f = step_add_finding(s, FINDING_FAILOVER_PENALTY);
	if (rc->rotate)
		/* TRANSLATORS: %1$s and %2$s: seconds; %3$s: a resolver as
		 * ADDRESS#PORT that answers; %4$s, %5$s: the values of the
		 * resolv.conf options, keep "options timeout: attempts:"
		 * as it is. */
		finding_set_message(f, N_("With 'rotate', lookups that start at "
		    "a dead resolver wait %1$s s on average (%2$s s at worst) "
		    "before %3$s answers (options timeout:%4$s attempts:%5$s)."),
		    secs, worst, live, timeout, attempts, NULL);
	else
		/* TRANSLATORS: %1$s: seconds; %2$s: the dead resolver,
		 * %3$s: the one that answers (ADDRESS#PORT); %4$s, %5$s:
		 * the values of the resolv.conf options, keep "options
		 * timeout: attempts:" as it is. */
		finding_set_message(f, N_("Every lookup first waits about %1$s s "
		    "for the dead resolver %2$s before %3$s answers (options "
		    "timeout:%4$s attempts:%5$s)."), secs, dead, live, timeout,
		    attempts, NULL);
	finding_set_server(f, dead);
	finding_set_fact(f, FACT_SECONDS, secs);
	finding_set_fact(f, FACT_RESOLVER, live_addr);
}

void
step_resolvers_analyze(const struct step_input *in, struct triage *t)
{
	const struct survey *sv = in->sv;
	struct step_result *s = triage_step(t, STEP_RESOLVERS);
	struct resolver_view views[SURVEY_MAX_RESOLVERS];
	bool alive[SYSCONF_MAX_NAMESERVERS];
	bool any_alive = false, pending = false;
	size_t i, nalive = 0;
	double peer_ms = -1;

	step_reset(s);
	if (sv->nresolvers == 0) {
		step_skip(s, N_("no resolver to check: resolv.conf lists none "
		    "and no -r was given"), NULL);
		return;
	}
	for (i = 0; i < sv->nresolvers; i++) {
		const struct survey_resolver *r = &sv->resolvers[i];

		resolver_view(sv, r, in->final, &views[i]);
		/* Only what glibc asks keeps lookups working. */
		if (r->origin != SURVEY_FROM_RESOLV_CONF || r->used)
			any_alive |= views[i].alive;
		pending |= views[i].pending;
	}
	/* The slowest first answer of a resolver that answered. */
	for (i = 0; i < sv->nresolvers; i++) {
		const struct probe_result *soa = sv->resolvers[i].soa_udp;

		if (soa != NULL && soa->outcome == PROBE_ANSWER &&
		    soa->rtt_ms > peer_ms)
			peer_ms = soa->rtt_ms;
	}
	memset(alive, 0, sizeof(alive));
	for (i = 0; i < sv->nresolvers; i++) {
		const struct survey_resolver *r = &sv->resolvers[i];
		const struct resolver_view *v = &views[i];

		if (r->origin == SURVEY_FROM_RESOLV_CONF && r->ns_index >= 0 &&
		    (size_t)r->ns_index < SYSCONF_MAX_NAMESERVERS) {
			/* glibc moves on at once from an error; only a
			 * silent server makes it wait. */
			alive[r->ns_index] = !v->name_silent;
			if ((size_t)r->ns_index + 1 > nalive)
				nalive = (size_t)r->ns_index + 1;
		}
		if (v->pending && !v->alive) {
			step_note_waiting(s, FINDING_RESOLVER_WAITING, in, r->text, 0,
			    peer_ms);
			continue;
		}
		if (r->origin == SURVEY_FROM_RESOLV_CONF && !r->used)
			report_unused(s, r, v, in->resolv);
		else if (!v->alive)
			report_dead(s, r, v, any_alive, in->timeout_ms);
		else
			report_alive(s, sv, r, in->timeout_ms);
	}
	if (!pending && in->resolv != NULL && nalive > 0)
		report_failover(s, in, alive, nalive);
	step_conclude(s, in->final && !pending);
}
