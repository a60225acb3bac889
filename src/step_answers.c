/* step_answers.c - what was wrong with the answers themselves, whoever
 * sent them: messages that do not parse (and why), a TC=1 answer whose
 * TCP retry fails, stray messages that were ignored, a server that
 * answers only without EDNS, answers of absurd size, CNAME chains that
 * loop, RRSIGs with absurd dates, NS sets beyond what a run checks.
 *
 * It reads every probe of the survey; findings about resolvers go to the
 * resolvers step, the others (root, walk, zone servers) to the
 * authoritative step. One finding per server and kind, with the first
 * probe that showed it as evidence. The other steps still judge whether a
 * server answers at all; this one says what was wrong with what came. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/i18n.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/wirecheck.h"
#include "step_util.h"

/* Larger than this, an answer is far beyond what one name needs. */
#define BIG_ANSWER_BYTES 16384u
#define BIG_ANSWER_RRS 500u
/* CNAMEs followed inside one answer before calling the chain a loop. */
#define MAX_CNAME_CHAIN 16
/* An RRSIG valid from more than a year ahead, or that expired more than
 * twenty years ago, was not made by a signer with a sane clock. */
#define FUTURE_SLACK (366L * 86400L)
#define PAST_SLACK (20L * 366L * 86400L)
#define MAX_SEEN 256

/* (server, code) pairs already reported. */
struct seen {
	char server[MAX_SEEN][PROBE_SERVER_STRLEN];
	enum finding_code code[MAX_SEEN];
	size_t n;
};

struct ctx {
	const struct step_input *in;
	const struct survey *sv;
	struct triage *t;
	struct seen seen;
};

/* True the first time this server shows this kind of fault. */
static bool
first_time(struct ctx *c, const char *server, enum finding_code code)
{
	size_t i;

	for (i = 0; i < c->seen.n; i++)
		if (c->seen.code[i] == code &&
		    strcmp(c->seen.server[i], server) == 0)
			return false;
	if (c->seen.n < MAX_SEEN) {
		snprintf(c->seen.server[c->seen.n], PROBE_SERVER_STRLEN, "%s",
		    server);
		c->seen.code[c->seen.n++] = code;
	}
	return true;
}

static struct finding *
add(struct ctx *c, enum step_id step, const struct probe_result *res,
    enum finding_code code)
{
	struct finding *f;
	char addr[PROBE_SERVER_STRLEN];

	if (!first_time(c, res->server, code))
		return NULL;
	f = triage_add_finding(c->t, step, code);
	finding_from_probe(f, res);
	finding_set_server(f, res->server);
	server_address(res->server, addr, sizeof(addr));
	finding_set_fact(f, FACT_ADDRESS, addr);
	return f;
}

/* "www.hostile.test A" */
static void
question_text(const struct probe_result *res, char *buf, size_t len)
{
	char name[LDNS_MAX_DOMAINLEN + 2], type[16];

	name[0] = '\0';
	if (res->spec.qname != NULL)
		dnsmsg_dname_text(res->spec.qname, name, sizeof(name));
	type_text((int)res->spec.type, type, sizeof(type));
	snprintf(buf, len, "%s %s", name, type);
}

static const char *
transport_text(const struct probe_result *res)
{
	return res->tcp_fallback || res->spec.transport == PROBE_TCP ?
	    NA_("over TCP") : NA_("over UDP");
}

/* --- messages that are no answer ---------------------------------------- */

static void
check_malformed(struct ctx *c, enum step_id step,
    const struct probe_result *res, const char *who)
{
	enum wirecheck w;
	struct finding *f;
	char q[LDNS_MAX_DOMAINLEN + 24], bytes[24], *why;

	if (res->outcome != PROBE_MALFORMED ||
	    (f = add(c, step, res, FINDING_MALFORMED_ANSWER)) == NULL)
		return;
	question_text(res, q, sizeof(q));
	w = wirecheck_message(res->wire, res->wire_len, NULL);
	if (w == WIRECHECK_OK)
		w = WIRECHECK_OTHER;
	why = message_arg_msgid(wirecheck_msgid(w));
	snprintf(bytes, sizeof(bytes), "%zu", res->wire_len);
	finding_set_message(f, N_("%1$s answered %2$s %3$s with a message that "
	    "is not valid DNS (%4$s bytes): %5$s. Nothing in it can be used; "
	    "a resolver treats the server as broken."), who, q,
	    transport_text(res), bytes, why, NULL);
	free(why);
}

static void
check_tcp_fallback(struct ctx *c, enum step_id step,
    const struct probe_result *res, const char *who)
{
	struct finding *f;
	char q[LDNS_MAX_DOMAINLEN + 24], *why;

	if (!res->tcp_fallback || (res->outcome != PROBE_TIMEOUT &&
	    res->outcome != PROBE_CLOSED && res->outcome != PROBE_MALFORMED &&
	    res->outcome != PROBE_REFUSED_PORT) ||
	    (f = add(c, step, res, FINDING_TCP_FALLBACK_FAILED)) == NULL)
		return;
	question_text(res, q, sizeof(q));
	why = result_failure_text(res, c->in->timeout_ms);
	finding_set_message(f, N_("%1$s answered %2$s over UDP with TC=1 (the "
	    "answer does not fit), but asked again over TCP: %3$s. Clients that "
	    "need the whole answer never get it."), who, q, why, NULL);
	free(why);
}

static void
check_ignored(struct ctx *c, enum step_id step,
    const struct probe_result *res, const char *who)
{
	struct finding *f;
	char q[LDNS_MAX_DOMAINLEN + 24], n[16], *why;

	if (res->ignored == 0 ||
	    (f = add(c, step, res, FINDING_ANSWER_MISMATCH)) == NULL)
		return;
	question_text(res, q, sizeof(q));
	snprintf(n, sizeof(n), "%u", res->ignored);
	why = message_arg_msgid(probe_match_msgid(res->ignored_why));
	/* Not N_(): xgettext takes both forms from this call as one plural
	 * entry (keyword finding_set_message_plural:2,3). */
	finding_set_message_plural(f, "A message arrived for the query "
	    "%2$s to %1$s that does not answer it, and was ignored: %4$s. A "
	    "server that garbles its answers, or packets forged by someone "
	    "else.", "%3$s messages arrived for the query %2$s to %1$s that "
	    "do not answer it, and were ignored (the last: %4$s). A server that "
	    "garbles its answers, or packets forged by someone else.",
	    res->ignored, who, q, n, why, NULL);
	free(why);
}

static void
check_edns(struct ctx *c, enum step_id step, const struct probe_result *res,
    const char *who)
{
	struct finding *f;
	char q[LDNS_MAX_DOMAINLEN + 24];

	if (!res->edns_fallback ||
	    (f = add(c, step, res, FINDING_EDNS_UNSUPPORTED)) == NULL)
		return;
	question_text(res, q, sizeof(q));
	finding_set_message(f, N_("%1$s does not support EDNS: it rejected or "
	    "ignored %2$s with an OPT record and answered only when asked again "
	    "without. Resolvers no longer retry without EDNS (DNS Flag Day "
	    "2019), so they fail on it; it cannot serve DNSSEC or answers over "
	    "512 bytes over UDP either."), who, q, NULL);
}

/* --- answers that parse but make no sense ------------------------------- */

static size_t
rr_total(const ldns_pkt *pkt)
{
	return (size_t)ldns_pkt_ancount(pkt) + ldns_pkt_nscount(pkt) +
	    ldns_pkt_arcount(pkt);
}

static void
check_size(struct ctx *c, enum step_id step, const struct probe_result *res,
    const char *who)
{
	struct finding *f;
	char q[LDNS_MAX_DOMAINLEN + 24], bytes[24], rrs[24];

	if (!result_answered(res) || (res->wire_len <= BIG_ANSWER_BYTES &&
	    rr_total(res->pkt) <= BIG_ANSWER_RRS) ||
	    (f = add(c, step, res, FINDING_OVERSIZED_ANSWER)) == NULL)
		return;
	question_text(res, q, sizeof(q));
	snprintf(bytes, sizeof(bytes), "%zu", res->wire_len);
	snprintf(rrs, sizeof(rrs), "%zu", rr_total(res->pkt));
	finding_set_message(f, N_("%1$s answered %2$s with %3$s bytes and %4$s "
	    "records, far more than a name needs: such answers fit only over "
	    "TCP, and resolvers and firewalls may drop them."), who, q, bytes,
	    rrs, NULL);
	/* The evidence would be the whole answer: too much to show. */
	finding_set_evidence(f, NULL);
}

/* The chain of CNAMEs from the question's name inside the answer
 * section, as "a -> b -> a" into sb; true if it comes back to a name
 * already in it. */
static bool
cname_loops(const ldns_pkt *pkt, const ldns_rdf *qname, struct strbuf *sb)
{
	const ldns_rdf *chain[MAX_CNAME_CHAIN + 1];
	ldns_rr_list *an = ldns_pkt_answer(pkt);
	const ldns_rdf *at = qname;
	size_t n = 0, i, k;
	char text[LDNS_MAX_DOMAINLEN + 2];

	chain[n++] = qname;
	while (n <= MAX_CNAME_CHAIN) {
		const ldns_rdf *next = NULL;

		for (i = 0; i < ldns_rr_list_rr_count(an) && next == NULL; i++) {
			const ldns_rr *rr = ldns_rr_list_rr(an, i);

			if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_CNAME &&
			    ldns_rr_rd_count(rr) == 1 &&
			    dnsmsg_is_name(ldns_rr_rdf(rr, 0)) &&
			    ldns_dname_compare(ldns_rr_owner(rr), at) == 0)
				next = ldns_rr_rdf(rr, 0);
		}
		if (next == NULL)
			return false;
		for (k = 0; k < n; k++)
			if (ldns_dname_compare(chain[k], next) == 0)
				break;
		chain[n++] = next;
		if (k < n - 1) {
			for (i = 0; i < n; i++) {
				dnsmsg_dname_text(chain[i], text, sizeof(text));
				strbuf_addf(sb, "%s%s", i > 0 ? " -> " : "",
				    text);
			}
			return true;
		}
		at = next;
	}
	return false;
}

static void
check_cname_loop(struct ctx *c, enum step_id step,
    const struct probe_result *res, const char *who)
{
	struct strbuf chain = STRBUF_INIT;
	struct finding *f;
	char name[LDNS_MAX_DOMAINLEN + 2];

	if (!result_answered(res) || res->spec.qname == NULL ||
	    !cname_loops(res->pkt, res->spec.qname, &chain)) {
		strbuf_free(&chain);
		return;
	}
	if ((f = add(c, step, res, FINDING_CNAME_LOOP)) != NULL) {
		dnsmsg_dname_text(res->spec.qname, name, sizeof(name));
		finding_set_message(f, N_("%1$s answers %2$s with CNAME records "
		    "that loop: %3$s. The name can never resolve to an "
		    "address."), who, name, chain.s, NULL);
		finding_set_fact(f, FACT_NAME, name);
		if (c->sv->zone != NULL)
			finding_set_fact(f, FACT_ZONE, c->sv->zone->apex_text);
	}
	strbuf_free(&chain);
}

/* The signature times as absolute moments (RFC 4034 3.1.5 compares them
 * in serial arithmetic, which makes any pair look like a window: the
 * absurd is in what they say against the clock). */
static bool
rrsig_absurd(const ldns_rr *sig, time_t now, time_t *from, time_t *until)
{
	const ldns_rdf *exp = ldns_rr_rrsig_expiration(sig);
	const ldns_rdf *inc = ldns_rr_rrsig_inception(sig);

	if (exp == NULL || inc == NULL)
		return false;
	*until = (time_t)ldns_rdf2native_time_t(exp);
	*from = (time_t)ldns_rdf2native_time_t(inc);
	return *until < *from || *from > now + FUTURE_SLACK ||
	    *until < now - PAST_SLACK;
}

static void
check_rrsig_dates(struct ctx *c, enum step_id step,
    const struct probe_result *res, const char *who)
{
	ldns_rr_list *secs[2];
	size_t s, i;

	if (!result_answered(res))
		return;
	secs[0] = ldns_pkt_answer(res->pkt);
	secs[1] = ldns_pkt_authority(res->pkt);
	for (s = 0; s < 2; s++)
		for (i = 0; i < ldns_rr_list_rr_count(secs[s]); i++) {
			const ldns_rr *rr = ldns_rr_list_rr(secs[s], i);
			char owner[LDNS_MAX_DOMAINLEN + 2], type[16];
			char from_s[UTC_TEXT_LEN], until_s[UTC_TEXT_LEN];
			time_t from, until;
			struct finding *f;

			if (ldns_rr_get_type(rr) != LDNS_RR_TYPE_RRSIG ||
			    ldns_rr_rd_count(rr) < 9 ||
			    !rrsig_absurd(rr, c->in->now, &from, &until) ||
			    (f = add(c, step, res, FINDING_RRSIG_DATES)) == NULL)
				continue;
			dnsmsg_dname_text(ldns_rr_owner(rr), owner,
			    sizeof(owner));
			type_text((int)ldns_rdf2rr_type(
			    ldns_rr_rrsig_typecovered(rr)), type, sizeof(type));
			utc_text(from, from_s, sizeof(from_s));
			utc_text(until, until_s, sizeof(until_s));
			finding_set_message(f, N_("%1$s serves a signature (RRSIG) "
			    "of %2$s %3$s with absurd dates: valid from %4$s "
			    "until %5$s. The signer's clock or its signing "
			    "policy is broken; a validating resolver rejects "
			    "the data."), who, owner, type, from_s, until_s,
			    NULL);
			finding_set_fact(f, FACT_WHEN, until_s);
			return;
		}
}

/* --- every probe -------------------------------------------------------- */

static void
check(struct ctx *c, enum step_id step, const struct probe_result *res,
    const char *label)
{
	const char *who;

	if (res == NULL || res->skipped_known_dead)
		return;
	who = label != NULL && label[0] != '\0' ? label : res->server;
	check_malformed(c, step, res, who);
	check_tcp_fallback(c, step, res, who);
	check_ignored(c, step, res, who);
	check_edns(c, step, res, who);
	check_size(c, step, res, who);
	check_cname_loop(c, step, res, who);
	check_rrsig_dates(c, step, res, who);
}

static void
check_auth(struct ctx *c, const struct survey_auth *a)
{
	char label[LDNS_MAX_DOMAINLEN + PROBE_SERVER_STRLEN + 8];
	size_t t;

	if (a->text[0] == '\0')
		return;
	auth_server_label(a, label, sizeof(label));
	for (t = 0; t < c->sv->ntypes; t++)
		check(c, STEP_AUTHORITATIVE, a->answer[t], label);
	check(c, STEP_AUTHORITATIVE, a->soa, label);
	check(c, STEP_AUTHORITATIVE, a->dnskey, label);
	check(c, STEP_AUTHORITATIVE, a->ns, label);
}

/* The delegation names more servers than a run asks. */
static void
check_ns_count(struct ctx *c)
{
	const struct survey_level *z = c->sv->zone;
	struct finding *f;
	char n[24], max[24];
	size_t count;

	if (z == NULL || z->delegation_ns == NULL ||
	    (count = ldns_rr_list_rr_count(z->delegation_ns)) <=
	    SURVEY_MAX_NSNAMES)
		return;
	snprintf(n, sizeof(n), "%zu", count);
	snprintf(max, sizeof(max), "%u", (unsigned)SURVEY_MAX_NSNAMES);
	f = triage_add_finding(c->t, STEP_AUTHORITATIVE, FINDING_NS_SET_LARGE);
	finding_set_message(f, N_("The delegation of %1$s (from %2$s) lists %3$s "
	    "name servers; this run checks the first %4$s. Resolvers pick among "
	    "all of them, and so many cannot all be kept in sync."),
	    z->apex_text, z->ds_from[0] != '\0' ? z->ds_from : "?", n, max,
	    NULL);
	if (z->ds_from[0] != '\0')
		finding_set_server(f, z->ds_from);
	finding_set_fact(f, FACT_ZONE, z->apex_text);
}

/* Findings were added after the step concluded: its status again. */
static void
reconclude(struct triage *t, enum step_id id, size_t before)
{
	struct step_result *s = triage_step(t, id);

	if (s->nfindings != before && step_status_is_result(s->status))
		step_finish(s);
}

void
step_answers_analyze(const struct step_input *in, struct triage *t)
{
	const struct survey *sv = in->sv;
	struct ctx *c = calloc(1, sizeof(*c));
	size_t before_res = triage_step(t, STEP_RESOLVERS)->nfindings;
	size_t before_auth = triage_step(t, STEP_AUTHORITATIVE)->nfindings;
	size_t i, k;

	if (c == NULL)
		return;
	c->in = in;
	c->sv = sv;
	c->t = t;
	for (i = 0; i < sv->nresolvers; i++) {
		const struct survey_resolver *r = &sv->resolvers[i];

		check(c, STEP_RESOLVERS, r->soa_udp, r->text);
		check(c, STEP_RESOLVERS, r->soa_tcp, r->text);
		for (k = 0; k < sv->ntypes; k++) {
			check(c, STEP_RESOLVERS, r->answer[k], r->text);
			check(c, STEP_RESOLVERS, r->answer_cd[k], r->text);
		}
		check(c, STEP_RESOLVERS, r->zone_ns, r->text);
	}
	for (i = 0; i < sv->ncompare; i++)
		for (k = 0; k < sv->ntypes; k++)
			check(c, STEP_RESOLVERS, sv->compare[i].answer[k],
			    sv->compare[i].text);
	for (i = 0; i < sv->nauth; i++)
		check_auth(c, &sv->auth[i]);
	if (sv->mname[0] != '\0' && !sv->primary_listed)
		check_auth(c, &sv->primary);
	for (i = 0; i < sv->nlevels; i++) {
		const struct survey_level *l = &sv->levels[i];

		for (k = 0; k < l->nservers; k++) {
			char label[LDNS_MAX_DOMAINLEN + PROBE_SERVER_STRLEN + 8];

			if (l->servers[k].nsname != NULL)
				snprintf(label, sizeof(label), "%s (%s)",
				    l->servers[k].nsname, l->servers[k].text);
			else
				snprintf(label, sizeof(label), "%s",
				    l->servers[k].text);
			check(c, STEP_AUTHORITATIVE, l->servers[k].result,
			    label);
		}
		check(c, STEP_AUTHORITATIVE, l->dnskey, NULL);
	}
	check_ns_count(c);
	reconclude(t, STEP_RESOLVERS, before_res);
	reconclude(t, STEP_AUTHORITATIVE, before_auth);
	free(c);
}
