/* step_authoritative.c - the authoritative step: where the zone cut is
 * (found by the walk from the root hints, not through the resolver), what
 * every address of every NS of the zone answers when asked directly, and
 * how the resolvers' answers compare with theirs (stale cache, stale
 * negative cache, split horizon, a name that does not exist). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/i18n.h"
#include "dnstriage/referral.h"
#include "dnstriage/textfmt.h"
#include "step_util.h"

static int
cmp_text(const void *a, const void *b)
{
	return strcasecmp(*(char *const *)a, *(char *const *)b);
}

/* --- what one answer says ----------------------------------------------- */

enum answer_kind {
	AK_PENDING,		/* not back yet */
	AK_NONE,		/* no DNS answer at all */
	AK_DATA,		/* NOERROR with the RRset (or a CNAME) */
	AK_NODATA,		/* NOERROR, name exists, no such RRset */
	AK_NXDOMAIN,
	AK_OTHER,		/* SERVFAIL, REFUSED, ... */
};

/* The answer at qname for one type: its kind, its data as text (the
 * sorted rdata, or "CNAME target"), its TTL. */
struct answer_key {
	enum answer_kind kind;
	char *data;		/* AK_DATA only */
	uint32_t ttl;
	uint32_t negative_ttl;	/* AK_NXDOMAIN, AK_NODATA with an SOA */
	bool have_negative_ttl;
};

static void
answer_key(const struct survey *sv, const struct probe_result *res,
    ldns_rr_type type, struct answer_key *k)
{
	char zone[LDNS_MAX_DOMAINLEN + 2];
	int rcode;

	memset(k, 0, sizeof(*k));
	if (res == NULL) {
		k->kind = AK_PENDING;
		return;
	}
	if (!result_answered(res)) {
		k->kind = AK_NONE;
		return;
	}
	rcode = result_rcode(res);
	if (rcode == LDNS_RCODE_NXDOMAIN) {
		k->kind = AK_NXDOMAIN;
	} else if (rcode != LDNS_RCODE_NOERROR) {
		k->kind = AK_OTHER;
		return;
	} else if ((k->data = dnsmsg_answer_text(res->pkt, sv->qname,
	    type)) != NULL) {
		k->kind = AK_DATA;
		dnsmsg_answer_ttl(res->pkt, sv->qname, type, &k->ttl);
		return;
	} else {
		char *target = dnsmsg_cname_target(res->pkt, sv->qname);

		if (target != NULL) {
			struct strbuf sb = STRBUF_INIT;

			strbuf_addf(&sb, "CNAME %s", target);
			k->data = strbuf_detach(&sb);
			k->kind = AK_DATA;
			dnsmsg_answer_ttl(res->pkt, sv->qname,
			    LDNS_RR_TYPE_CNAME, &k->ttl);
			free(target);
			return;
		}
		k->kind = AK_NODATA;
	}
	k->have_negative_ttl = dnsmsg_negative_soa(res->pkt, zone, sizeof(zone),
	    &k->negative_ttl);
}

static void
answer_key_free(struct answer_key *k)
{
	free(k->data);
	k->data = NULL;
}

/* "127.0.80.80", "NODATA", "NXDOMAIN": the key for people, in DNS terms. */
static const char *
key_text(const struct answer_key *k)
{
	switch (k->kind) {
	case AK_DATA:
		return k->data;
	case AK_NODATA:
		return "NODATA";
	case AK_NXDOMAIN:
		return "NXDOMAIN";
	default:
		return "-";
	}
}

/* --- each address of each NS -------------------------------------------- */

enum auth_state {
	AS_PENDING,
	AS_OK,
	AS_SILENT,
	AS_LAME,
	AS_SERVFAIL,
};

struct auth_view {
	enum auth_state state;
	const struct probe_result *shown;
	/* AS_OK, but silent for some type (a filter that drops AAAA, say) */
	const struct probe_result *silent_for;
	enum referral_kind lame_kind;
	char referral_to[LDNS_MAX_DOMAINLEN + 2];
};

static void
auth_view(const struct survey *sv, const struct survey_auth *a,
    struct auth_view *v)
{
	bool any_silent = false, any_ok = false;
	size_t t;

	memset(v, 0, sizeof(*v));
	for (t = 0; t < sv->ntypes; t++) {
		const struct probe_result *res = a->answer[t];
		struct referral ref;
		enum referral_kind k;

		if (res == NULL) {
			v->state = AS_PENDING;
			return;
		}
		if (!result_answered(res)) {
			any_silent = true;
			if (v->shown == NULL)
				v->shown = res;
			continue;
		}
		memset(&ref, 0, sizeof(ref));
		k = referral_classify(res->pkt, sv->zone->apex, sv->qname,
		    sv->types[t], &ref);
		if (k == REFERRAL_ERROR && result_rcode(res) ==
		    LDNS_RCODE_SERVFAIL) {
			v->state = AS_SERVFAIL;
			v->shown = res;
		} else if (k != REFERRAL_ANSWER && k != REFERRAL_NODATA &&
		    k != REFERRAL_NXDOMAIN && v->state != AS_SERVFAIL) {
			v->state = AS_LAME;
			v->shown = res;
			v->lame_kind = k;
			if (ref.child != NULL)
				dnsmsg_dname_text(ref.child, v->referral_to,
				    sizeof(v->referral_to));
		} else if (k == REFERRAL_ANSWER || k == REFERRAL_NODATA ||
		    k == REFERRAL_NXDOMAIN) {
			any_ok = true;
		}
		referral_free(&ref);
	}
	if (v->state == AS_SERVFAIL || v->state == AS_LAME)
		return;
	if (any_ok) {
		v->shown = NULL;
		v->state = AS_OK;
		/* The evidence is an answer, not a silent type's timeout. */
		for (t = 0; t < sv->ntypes; t++) {
			if (result_answered(a->answer[t]) && v->shown == NULL)
				v->shown = a->answer[t];
			else if (!result_answered(a->answer[t]) &&
			    v->silent_for == NULL)
				v->silent_for = a->answer[t];
		}
		if (v->shown == NULL)
			v->shown = a->answer[0];
	} else if (any_silent) {
		v->state = AS_SILENT;
	}
}

/* "ns1.example.test (127.0.3.1#53)", or the address alone. */
static void
auth_label(const struct survey_auth *a, char *buf, size_t len)
{
	if (a->nsname[0] != '\0')
		snprintf(buf, len, "%s (%s)", a->nsname, a->text);
	else
		snprintf(buf, len, "%s", a->text);
}

static char *
auth_summary(const struct survey *sv, const struct survey_auth *a)
{
	struct strbuf sb = STRBUF_INIT;
	size_t t;

	for (t = 0; t < sv->ntypes; t++) {
		struct answer_key k;
		char type[16];

		answer_key(sv, a->answer[t], sv->types[t], &k);
		type_text(sv->types[t], type, sizeof(type));
		if (t > 0)
			strbuf_adds(&sb, "; ");
		if (k.kind == AK_DATA) {
			char *shown = data_list_summary(k.data);

			strbuf_addf(&sb, "%s %s", type, shown);
			free(shown);
		} else {
			strbuf_addf(&sb, "%s %s", type, key_text(&k));
		}
		if (k.kind == AK_DATA)
			strbuf_addf(&sb, " (TTL %lu)", (unsigned long)k.ttl);
		answer_key_free(&k);
	}
	return strbuf_detach(&sb);
}

static void
report_auth(struct step_result *s, const struct survey *sv,
    const struct survey_auth *a, const struct auth_view *v, bool some_ok,
    unsigned timeout_ms)
{
	char label[LDNS_MAX_DOMAINLEN + PROBE_SERVER_STRLEN + 8];
	char addr[PROBE_SERVER_STRLEN], ms[32], rcode[16];
	const char *zone = sv->zone->apex_text;
	struct finding *f = NULL;

	auth_label(a, label, sizeof(label));
	server_address(a->text, addr, sizeof(addr));
	switch (v->state) {
	case AS_OK: {
		char *summary = auth_summary(sv, a);

		f = step_add_finding(s, FINDING_AUTH_ANSWERS);
		finding_from_probe(f, v->shown);
		snprintf(ms, sizeof(ms), "%ld", v->shown->rtt_ms >= 0 ?
		    (long)(v->shown->rtt_ms + 0.5) : 0L);
		/* TRANSLATORS: %1$s: a name server as "ns1.example.test
		 * (192.0.2.1#53)"; %2$s: milliseconds; %3$s: the answer
		 * (addresses or NXDOMAIN/NODATA). */
		finding_set_message(f, N_("%1$s answers with authority in %2$s "
		    "ms: %3$s."), label, ms, summary, NULL);
		free(summary);
		if (v->silent_for != NULL) {
			char type[16], *why;

			finding_set_server(f, a->text);
			finding_set_fact(f, FACT_ZONE, zone);
			finding_set_fact(f, FACT_ADDRESS, addr);
			type_text((int)v->silent_for->spec.type, type,
			    sizeof(type));
			why = result_failure_text(v->silent_for, timeout_ms);
			f = step_add_finding(s, FINDING_AUTH_TIMEOUT);
			finding_from_probe(f, v->silent_for);
			/* TRANSLATORS: %1$s: a name server as
			 * "ns1.example.test (192.0.2.1#53)"; %2$s: the
			 * name; %3$s: a record type; %4$s: why ("no answer
			 * within the timeout"). */
			finding_set_message(f, N_("%1$s answers other questions "
			    "but not %2$s %3$s: %4$s. Something on the way drops "
			    "that type, or the server fails on it."), label,
			    sv->name, type, why, NULL);
			finding_set_severity(f, SEVERITY_WARNING);
			free(why);
		}
		break;
	}
	case AS_SILENT: {
		char *why = result_failure_text(v->shown, timeout_ms);

		f = step_add_finding(s, FINDING_AUTH_TIMEOUT);
		finding_from_probe(f, v->shown);
		/* TRANSLATORS: %1$s: a name server as "ns1.example.test
		 * (192.0.2.1#53)"; %2$s: the zone; %3$s: why ("no answer
		 * within the timeout"). */
		finding_set_message(f, N_("%1$s, a name server of %2$s, does not "
		    "answer: %3$s."), label, zone, why, NULL);
		if (some_ok)
			finding_set_severity(f, SEVERITY_WARNING);
		free(why);
		break;
	}
	case AS_SERVFAIL:
		f = step_add_finding(s, FINDING_AUTH_SERVFAIL);
		finding_from_probe(f, v->shown);
		/* TRANSLATORS: %1$s: a name server as "ns1.example.test
		 * (192.0.2.1#53)"; %2$s: the name; %3$s: the zone. */
		finding_set_message(f, N_("%1$s answers SERVFAIL for %2$s in its "
		    "own zone %3$s: its copy of the zone is expired or broken."),
		    label, sv->name, zone, NULL);
		break;
	case AS_LAME:
		f = step_add_finding(s, FINDING_AUTH_LAME);
		finding_from_probe(f, v->shown);
		if (v->lame_kind == REFERRAL_UPWARD ||
		    v->lame_kind == REFERRAL_SIDEWAYS ||
		    v->lame_kind == REFERRAL_DELEGATION)
			/* TRANSLATORS: %1$s: a name server as
			 * "ns1.example.test (192.0.2.1#53)"; %2$s: the
			 * zone; %3$s: the zone it refers to. */
			finding_set_message(f, N_("%1$s is listed as a name server "
			    "of %2$s, but answers with a referral to %3$s instead "
			    "of answering with authority."), label, zone,
			    v->referral_to[0] != '\0' ? v->referral_to : "?",
			    NULL);
		else if (result_rcode(v->shown) != LDNS_RCODE_NOERROR)
			/* TRANSLATORS: %1$s: a name server as
			 * "ns1.example.test (192.0.2.1#53)"; %2$s: the
			 * zone; %3$s: an RCODE such as REFUSED (never
			 * translated). */
			finding_set_message(f, N_("%1$s is listed as a name server "
			    "of %2$s, but answers %3$s: it does not serve the "
			    "zone."), label, zone, knowledge_rcode_str(
			    result_rcode(v->shown), rcode, sizeof(rcode)), NULL);
		else
			finding_set_message(f, N_("%1$s is listed as a name server "
			    "of %2$s, but answers without the AA flag: it does not "
			    "serve the zone with authority."), label, zone, NULL);
		break;
	default:
		return;
	}
	finding_set_server(f, a->text);
	finding_set_fact(f, FACT_ZONE, zone);
	finding_set_fact(f, FACT_ADDRESS, addr);
}

/* --- the zone cut ------------------------------------------------------- */

static int
nsname_order(const void *a, const void *b)
{
	const struct survey_nsname *const *x = a, *const *y = b;

	return strcasecmp((*x)->name, (*y)->name);
}

/* The NS names in name order, with their addresses (delegation) or not. */
static char *
ns_list_text(const struct survey_level *z, bool delegation)
{
	const struct survey_nsname *sorted[SURVEY_MAX_NSNAMES];
	struct strbuf sb = STRBUF_INIT;
	size_t i, k, n = 0;

	for (i = 0; i < z->nnsnames; i++)
		sorted[i] = &z->nsnames[i];
	qsort(sorted, z->nnsnames, sizeof(sorted[0]), nsname_order);
	for (i = 0; i < z->nnsnames; i++) {
		const struct survey_nsname *ns = sorted[i];
		size_t nad = 0;

		if (delegation ? !ns->in_delegation : !ns->in_zone_ns)
			continue;
		if (n++ > 0)
			strbuf_adds(&sb, ", ");
		strbuf_adds(&sb, ns->name);
		if (!delegation)
			continue;
		for (k = 0; k < z->nservers; k++) {
			char addr[PROBE_SERVER_STRLEN];

			if (z->servers[k].nsname == NULL ||
			    strcasecmp(z->servers[k].nsname, ns->name) != 0)
				continue;
			server_address(z->servers[k].text, addr, sizeof(addr));
			strbuf_addf(&sb, "%s%s", nad++ == 0 ? " (" : ", ", addr);
		}
		if (nad > 0)
			strbuf_addc(&sb, ')');
	}
	return strbuf_detach(&sb);
}

/* The walk, one line a level, for the evidence. */
static char *
walk_text(const struct survey *sv)
{
	struct strbuf sb = STRBUF_INIT;
	size_t L;

	for (L = 0; L < sv->nlevels; L++) {
		const struct survey_level *l = &sv->levels[L];
		const char *end = l->end == SURVEY_LEVEL_REFERRAL ? "referral" :
		    l->end == SURVEY_LEVEL_ZONE ? "authoritative answer" :
		    l->end == SURVEY_LEVEL_FAILED ? "no usable answer" :
		    "running";

		strbuf_addf(&sb, "%-24s", L == 0 ? "." : l->apex_text);
		if (l->end == SURVEY_LEVEL_REFERRAL || l->end == SURVEY_LEVEL_ZONE)
			strbuf_addf(&sb, " %s: %s", l->servers[l->winner].text, end);
		else
			strbuf_addf(&sb, " %s", end);
		strbuf_addc(&sb, '\n');
	}
	return strbuf_detach(&sb);
}

static void
report_zone(struct step_result *s, const struct survey *sv)
{
	const struct survey_level *z = sv->zone;
	const struct survey_level *parent = z > sv->levels ? z - 1 : NULL;
	char *ns = ns_list_text(z, true), *path = walk_text(sv);
	struct finding *f = step_add_finding(s, FINDING_ZONE_CUT);
	size_t i;

	if (parent != NULL && parent->end == SURVEY_LEVEL_REFERRAL)
		/* TRANSLATORS: %1$s: the name; %2$s: its zone; %3$s: the
		 * parent zone; %4$s: the servers that gave the delegation;
		 * %5$s: the name servers of the zone. */
		finding_set_message(f, N_("%1$s is in the zone %2$s, delegated "
		    "by %3$s (%4$s) to %5$s."), sv->name, z->apex_text,
		    parent->apex_text, z->ds_from, ns, NULL);
	else
		/* TRANSLATORS: %1$s: the name; %2$s: its zone; %3$s: its
		 * name servers. */
		finding_set_message(f, N_("%1$s is in the zone %2$s, served by "
		    "%3$s."), sv->name, z->apex_text, ns, NULL);
	finding_set_fact(f, FACT_ZONE, z->apex_text);
	finding_set_evidence(f, path);
	free(ns);
	free(path);

	/* Names without an address cannot be asked by anyone. */
	for (i = 0; i < z->nnsnames; i++) {
		const struct survey_nsname *n = &z->nsnames[i];

		if (n->naddrs > 0 || n->state == SURVEY_NSNAME_LOOKUP)
			continue;
		f = step_add_finding(s, FINDING_NS_SET_DIFFERS);
		finding_set_message(f, N_("The name server %1$s of %2$s has no "
		    "address: the delegation gives no glue for it and it could "
		    "not be looked up."), n->name, z->apex_text, NULL);
		finding_set_fact(f, FACT_ZONE, z->apex_text);
	}
	/* The parent's NS set and the zone's own should name the same
	 * servers (RFC 1034 4.2.2). */
	for (i = 0; i < z->nnsnames; i++)
		if (!z->nsnames[i].in_delegation || !z->nsnames[i].in_zone_ns)
			break;
	if (i < z->nnsnames && sv->nauth > 0) {
		bool have_zone_ns = false;

		for (i = 0; i < z->nnsnames; i++)
			have_zone_ns |= z->nsnames[i].in_zone_ns;
		if (have_zone_ns) {
			char *own = ns_list_text(z, false);
			char *del = ns_list_text(z, true);

			f = step_add_finding(s, FINDING_NS_SET_DIFFERS);
			/* TRANSLATORS: %1$s: the parent zone; %2$s and
			 * %3$s: lists of name server names. */
			finding_set_message(f, N_("The delegation from %1$s lists "
			    "%2$s; the zone's own NS set lists %3$s."),
			    parent != NULL ? parent->apex_text : ".", del, own,
			    NULL);
			finding_set_fact(f, FACT_ZONE, z->apex_text);
			free(own);
			free(del);
		}
	}
}

/* The names of an NS RRset of the zone in an answer, sorted and joined;
 * NULL if the answer has none. */
static char *
ns_names_of(const struct survey *sv, const struct probe_result *res)
{
	ldns_rr_list *set;
	char *names[SURVEY_MAX_NSNAMES];
	struct strbuf sb = STRBUF_INIT;
	size_t i, n = 0;

	if (!result_answered(res) || (set = dnsmsg_answer_rrset(res->pkt,
	    sv->zone->apex, LDNS_RR_TYPE_NS)) == NULL)
		return NULL;
	for (i = 0; i < ldns_rr_list_rr_count(set) && n < SURVEY_MAX_NSNAMES;
	    i++) {
		char buf[LDNS_MAX_DOMAINLEN + 2];
		const ldns_rr *rr = ldns_rr_list_rr(set, i);

		if (ldns_rr_rd_count(rr) < 1)
			continue;
		dnsmsg_dname_text(ldns_rr_rdf(rr, 0), buf, sizeof(buf));
		names[n++] = xstrdup(buf);
	}
	ldns_rr_list_deep_free(set);
	qsort(names, n, sizeof(names[0]), cmp_text);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_adds(&sb, ", ");
		strbuf_adds(&sb, names[i]);
		free(names[i]);
	}
	return strbuf_detach(&sb);
}

/* The NS set as each resolver has it, against the zone's own: a resolver
 * that holds another set asks other servers than the zone names. */
static void
report_resolver_ns(struct step_result *s, const struct survey *sv)
{
	char *own = NULL;
	size_t i;

	for (i = 0; i < sv->nauth && own == NULL; i++)
		if (result_answered(sv->auth[i].ns) &&
		    ldns_pkt_aa(sv->auth[i].ns->pkt))
			own = ns_names_of(sv, sv->auth[i].ns);
	if (own == NULL)
		return;
	for (i = 0; i < sv->nresolvers; i++) {
		const struct survey_resolver *r = &sv->resolvers[i];
		char *theirs;
		struct finding *f;

		if (result_rcode(r->zone_ns) != LDNS_RCODE_NOERROR ||
		    (theirs = ns_names_of(sv, r->zone_ns)) == NULL)
			continue;
		if (strcasecmp(theirs, own) != 0) {
			f = step_add_finding(s, FINDING_NS_SET_DIFFERS);
			finding_from_probe(f, r->zone_ns);
			/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT;
			 * %2$s: the zone; %3$s and %4$s: lists of name
			 * server names. */
			finding_set_message(f, N_("%1$s holds the NS set of %2$s as "
			    "%3$s; the zone's own servers list %4$s."), r->text,
			    sv->zone->apex_text, theirs, own, NULL);
			finding_set_fact(f, FACT_ZONE, sv->zone->apex_text);
		}
		free(theirs);
	}
	free(own);
}

static void
report_walk_failure(struct step_result *s, const struct survey *sv)
{
	const struct survey_level *last = sv->nlevels > 0 ?
	    &sv->levels[sv->nlevels - 1] : NULL;
	struct finding *f = step_add_finding(s, FINDING_WALK_FAILED);
	const char *why;
	char *path = walk_text(sv);

	if (sv->walk_error != NULL && strcmp(sv->walk_error, "too-deep") == 0)
		why = NA_("the delegations go deeper than this "
		    "program follows");
	else if (sv->walk_error != NULL &&
	    strcmp(sv->walk_error, "no-servers") == 0)
		why = NA_("no server address to ask");
	else
		why = NA_("no server gave a usable answer");
	finding_set_message(f, N_("The walk from the root hints stopped at %1$s: "
	    "%2$s. The checks of the authoritative servers cannot run without "
	    "it."), last != NULL ? last->apex_text : ".", why, NULL);
	finding_set_evidence(f, path);
	free(path);
}

/* --- the resolvers against the authoritative servers -------------------- */

struct auth_consensus {
	bool any_ok;			/* some server answered with authority */
	bool exists;			/* some server: NOERROR for some type */
	bool all_nxdomain;		/* every server: NXDOMAIN for all */
	bool all_nodata;		/* every server: NODATA for all */
	char *data[SURVEY_MAX_TYPES][SURVEY_MAX_AUTH];	/* per type, per server */
	size_t ndata[SURVEY_MAX_TYPES];
	uint32_t max_ttl[SURVEY_MAX_TYPES];
	bool any_answer[SURVEY_MAX_TYPES];
	const struct survey_auth *first_ok;
	char data_text[SURVEY_MAX_TYPES][256];
};

static void
consensus(const struct survey *sv, const struct auth_view *views,
    struct auth_consensus *c)
{
	size_t i, t;

	memset(c, 0, sizeof(*c));
	c->all_nxdomain = true;
	c->all_nodata = true;
	for (i = 0; i < sv->nauth; i++) {
		if (views[i].state != AS_OK)
			continue;
		if (c->first_ok == NULL)
			c->first_ok = &sv->auth[i];
		c->any_ok = true;
		for (t = 0; t < sv->ntypes; t++) {
			struct answer_key k;

			answer_key(sv, sv->auth[i].answer[t], sv->types[t], &k);
			if (k.kind == AK_DATA || k.kind == AK_NODATA)
				c->exists = true;
			if (k.kind != AK_NXDOMAIN)
				c->all_nxdomain = false;
			if (k.kind != AK_NODATA)
				c->all_nodata = false;
			if (k.kind == AK_DATA || k.kind == AK_NODATA ||
			    k.kind == AK_NXDOMAIN)
				c->any_answer[t] = true;
			if (k.kind == AK_DATA) {
				if (k.ttl > c->max_ttl[t])
					c->max_ttl[t] = k.ttl;
				if (c->data_text[t][0] == '\0')
					snprintf(c->data_text[t],
					    sizeof(c->data_text[t]), "%s", k.data);
				c->data[t][c->ndata[t]++] = k.data;
				k.data = NULL;
			}
			answer_key_free(&k);
		}
	}
	if (!c->any_ok)
		c->all_nxdomain = c->all_nodata = false;
}

static void
consensus_free(struct auth_consensus *c)
{
	size_t t, i;

	for (t = 0; t < SURVEY_MAX_TYPES; t++)
		for (i = 0; i < c->ndata[t]; i++)
			free(c->data[t][i]);
}

static bool
served_by_some(const struct auth_consensus *c, size_t t, const char *data)
{
	size_t i;

	for (i = 0; i < c->ndata[t]; i++)
		if (strcmp(c->data[t][i], data) == 0)
			return true;
	return false;
}

/* A resolver that recursed for us and gave a real answer. */
static bool
resolver_answer_usable(const struct probe_result *res)
{
	int rc = result_rcode(res);

	return (rc == LDNS_RCODE_NOERROR || rc == LDNS_RCODE_NXDOMAIN) &&
	    ldns_pkt_ra(res->pkt);
}

static void
compare_resolver(struct step_result *s, const struct survey *sv,
    const struct survey_resolver *r, const struct auth_consensus *c)
{
	char addr[PROBE_SERVER_STRLEN], type[16], secs[16];
	size_t t;

	server_address(r->text, addr, sizeof(addr));
	for (t = 0; t < sv->ntypes; t++) {
		const struct probe_result *res = r->answer[t];
		struct answer_key k;
		struct finding *f = NULL;

		if (!resolver_answer_usable(res) || !c->any_answer[t])
			continue;
		answer_key(sv, res, sv->types[t], &k);
		type_text(sv->types[t], type, sizeof(type));
		if ((k.kind == AK_NXDOMAIN && c->exists) ||
		    (k.kind == AK_NODATA && c->ndata[t] > 0)) {
			f = step_add_finding(s, FINDING_STALE_NEGATIVE);
			finding_from_probe(f, res);
			if (k.have_negative_ttl) {
				snprintf(secs, sizeof(secs), "%lu",
				    (unsigned long)k.negative_ttl);
				finding_set_fact(f, FACT_SECONDS, secs);
				/* TRANSLATORS: %1$s: a resolver as
				 * ADDRESS#PORT; %2$s: NXDOMAIN or NODATA
				 * (never translated); %3$s: the name;
				 * %4$s: a record type; %5$s: what the
				 * authoritative servers answer (addresses
				 * or NOERROR); %6$s: seconds. */
				finding_set_message(f, N_("%1$s answers %2$s for "
				    "%3$s %4$s, but the authoritative servers "
				    "answer %5$s: a cached negative answer, kept "
				    "for %6$s s more."), r->text, key_text(&k),
				    sv->name, type, c->data_text[t][0] != '\0' ?
				    c->data_text[t] : "NOERROR", secs, NULL);
			} else {
				/* TRANSLATORS: %1$s: a resolver as
				 * ADDRESS#PORT; %2$s: NXDOMAIN or NODATA
				 * (never translated); %3$s: the name;
				 * %4$s: a record type; %5$s: what the
				 * authoritative servers answer (addresses
				 * or NOERROR). */
				finding_set_message(f, N_("%1$s answers %2$s for "
				    "%3$s %4$s, but the authoritative servers "
				    "answer %5$s: a cached negative answer."),
				    r->text, key_text(&k), sv->name, type,
				    c->data_text[t][0] != '\0' ?
				    c->data_text[t] : "NOERROR", NULL);
			}
		} else if (k.kind == AK_DATA && !served_by_some(c, t, k.data)) {
			const char *now = c->ndata[t] > 0 ? c->data_text[t] :
			    c->all_nxdomain ? "NXDOMAIN" : "NODATA";

			f = step_add_finding(s, FINDING_STALE_ANSWER);
			finding_from_probe(f, res);
			snprintf(secs, sizeof(secs), "%lu", (unsigned long)k.ttl);
			finding_set_fact(f, FACT_SECONDS, secs);
			/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT;
			 * %2$s: the name; %3$s: a record type; %4$s: the
			 * stale data; %5$s: what the authoritative servers
			 * answer now; %6$s: seconds. */
			finding_set_message(f, N_("%1$s answers %2$s %3$s with %4$s, "
			    "which no authoritative server serves (they answer "
			    "%5$s): a stale copy, cached for %6$s s more."),
			    r->text, sv->name, type, k.data, now, secs, NULL);
		}
		if (f != NULL) {
			finding_set_server(f, r->text);
			finding_set_fact(f, FACT_ADDRESS, addr);
			finding_set_fact(f, FACT_TYPE, type);
			if (sv->zone != NULL)
				finding_set_fact(f, FACT_ZONE, sv->zone->apex_text);
		}
		answer_key_free(&k);
	}
}

/* The first resolver with a usable answer against every compare
 * resolver: a different answer means the vantage point matters. */
static void
compare_vantage(struct step_result *s, const struct survey *sv)
{
	const struct survey_resolver *r = NULL;
	size_t i, t;

	for (i = 0; i < sv->nresolvers && r == NULL; i++)
		for (t = 0; t < sv->ntypes; t++)
			if (resolver_answer_usable(sv->resolvers[i].answer[t])) {
				r = &sv->resolvers[i];
				break;
			}
	if (r == NULL)
		return;
	for (i = 0; i < sv->ncompare; i++) {
		const struct survey_compare *c = &sv->compare[i];

		for (t = 0; t < sv->ntypes; t++) {
			struct answer_key a, b;
			char type[16], addr[PROBE_SERVER_STRLEN];
			struct finding *f;

			if (!resolver_answer_usable(r->answer[t]) ||
			    !resolver_answer_usable(c->answer[t]))
				continue;
			answer_key(sv, r->answer[t], sv->types[t], &a);
			answer_key(sv, c->answer[t], sv->types[t], &b);
			if (a.kind != b.kind || (a.kind == AK_DATA &&
			    strcmp(a.data, b.data) != 0)) {
				type_text(sv->types[t], type, sizeof(type));
				server_address(c->text, addr, sizeof(addr));
				f = step_add_finding(s, FINDING_ANSWERS_DIFFER);
				finding_from_probe(f, c->answer[t]);
				/* TRANSLATORS: %1$s and %5$s: resolvers
				 * (ADDRESS#PORT); %2$s: the name; %3$s: a
				 * record type; %4$s and %6$s: their
				 * answers (addresses, NXDOMAIN or NODATA). */
				finding_set_message(f, N_("%1$s answers %2$s %3$s "
				    "with %4$s, but %5$s answers %6$s."),
				    r->text, sv->name, type, key_text(&a),
				    c->text, key_text(&b), NULL);
				finding_set_server(f, r->text);
				finding_set_fact(f, FACT_RESOLVER, addr);
				server_address(r->text, addr, sizeof(addr));
				finding_set_fact(f, FACT_ADDRESS, addr);
				finding_set_fact(f, FACT_TYPE, type);
			}
			answer_key_free(&a);
			answer_key_free(&b);
		}
	}
}

/* No authoritative server answers: what the resolvers still serve from
 * their caches, and for how long (then their clients fail too). */
static void
report_cache_left(struct step_result *s, const struct survey *sv)
{
	char type[16], secs[16];
	size_t i, t;

	for (i = 0; i < sv->nresolvers; i++) {
		const struct survey_resolver *r = &sv->resolvers[i];

		for (t = 0; t < sv->ntypes; t++) {
			struct answer_key k;
			struct finding *f;

			if (!resolver_answer_usable(r->answer[t]))
				continue;
			answer_key(sv, r->answer[t], sv->types[t], &k);
			if (k.kind == AK_DATA) {
				type_text(sv->types[t], type, sizeof(type));
				snprintf(secs, sizeof(secs), "%lu",
				    (unsigned long)k.ttl);
				f = step_add_finding(s, FINDING_CACHE_REMAINS);
				finding_from_probe(f, r->answer[t]);
				/* TRANSLATORS: %1$s: a resolver as
				 * ADDRESS#PORT; %2$s: the name; %3$s: a
				 * record type; %4$s: the cached data;
				 * %5$s: seconds. */
				finding_set_message(f, N_("%1$s still answers %2$s "
				    "%3$s from its cache (%4$s) for %5$s s more; "
				    "then its clients fail too."), r->text, sv->name,
				    type, k.data, secs, NULL);
				finding_set_fact(f, FACT_SECONDS, secs);
			}
			answer_key_free(&k);
		}
	}
}

/* The name is an alias (CNAME) of a name outside its zone: the records
 * applications get live there, and this run does not walk to that zone.
 * Said once, with the command that triages the target. */
static void
report_alias(struct step_result *s, const struct survey *sv,
    const struct auth_consensus *c)
{
	struct strbuf cmd = STRBUF_INIT;
	const char *target;
	ldns_rdf *t;
	size_t i;
	struct finding *f;

	for (i = 0; i < sv->ntypes; i++)
		if (strncmp(c->data_text[i], "CNAME ", 6) == 0)
			break;
	if (i == sv->ntypes)
		return;
	target = c->data_text[i] + 6;
	if ((t = ldns_dname_new_frm_str(target)) == NULL)
		return;
	if (!dnsmsg_name_at_or_below(t, sv->zone->apex)) {
		f = step_add_finding(s, FINDING_ALIAS_ELSEWHERE);
		/* TRANSLATORS: %1$s: the name; %2$s: the CNAME target;
		 * %3$s: the zone of the name. */
		finding_set_message(f, N_("%1$s is an alias (CNAME) of %2$s, "
		    "outside the zone %3$s: the records applications get are "
		    "served there, and that zone is not checked in this run."),
		    sv->name, target, sv->zone->apex_text, NULL);
		strbuf_adds(&cmd, "dnstriage --report ");
		strbuf_add_shell_word(&cmd, target);
		finding_set_reproduce(f, cmd.s);
		strbuf_free(&cmd);
	}
	ldns_rdf_deep_free(t);
}

static void
report_nxdomain(struct step_result *s, const struct survey *sv,
    const struct auth_consensus *c)
{
	char addr[PROBE_SERVER_STRLEN];
	struct finding *f;

	if (c->all_nodata && c->first_ok != NULL) {
		char types[64];
		size_t t;

		types[0] = '\0';
		for (t = 0; t < sv->ntypes; t++) {
			char one[16];

			type_text(sv->types[t], one, sizeof(one));
			snprintf(types + strlen(types), sizeof(types) -
			    strlen(types), "%s%s", t > 0 ? ", " : "", one);
		}
		f = step_add_finding(s, FINDING_AUTH_NODATA);
		finding_from_probe(f, c->first_ok->answer[0]);
		/* TRANSLATORS: %1$s: the zone; %2$s: the name; %3$s:
		 * record types (A, AAAA). */
		finding_set_message(f, N_("Every authoritative server of %1$s that "
		    "answers says %2$s exists but has no %3$s record (NODATA)."),
		    sv->zone->apex_text, sv->name, types, NULL);
		finding_set_fact(f, FACT_ZONE, sv->zone->apex_text);
		server_address(c->first_ok->text, addr, sizeof(addr));
		finding_set_fact(f, FACT_ADDRESS, addr);
		return;
	}
	if (!c->all_nxdomain || c->first_ok == NULL)
		return;
	f = step_add_finding(s, FINDING_AUTH_NXDOMAIN);
	finding_from_probe(f, c->first_ok->answer[0]);
	finding_set_message(f, N_("Every authoritative server of %1$s that "
	    "answers says %2$s does not exist (NXDOMAIN)."),
	    sv->zone->apex_text, sv->name, NULL);
	finding_set_fact(f, FACT_ZONE, sv->zone->apex_text);
	server_address(c->first_ok->text, addr, sizeof(addr));
	finding_set_fact(f, FACT_ADDRESS, addr);
}

static bool
compare_pending(const struct survey *sv)
{
	size_t i, t;

	for (i = 0; i < sv->nresolvers; i++)
		for (t = 0; t < sv->ntypes; t++)
			if (sv->resolvers[i].answer[t] == NULL)
				return true;
	for (i = 0; i < sv->ncompare; i++)
		for (t = 0; t < sv->ntypes; t++)
			if (sv->compare[i].answer[t] == NULL)
				return true;
	return false;
}

void
step_authoritative_analyze(const struct step_input *in, struct triage *t)
{
	const struct survey *sv = in->sv;
	struct step_result *s = triage_step(t, STEP_AUTHORITATIVE);
	struct auth_view views[SURVEY_MAX_AUTH];
	struct auth_consensus c;
	bool pending = !sv->walk_done, some_ok = false;
	double peer_ms = -1;
	size_t i;

	step_reset(s);
	if (step_skip_address_target(s, sv))
		return;
	if (sv->zone == NULL) {
		if (!sv->walk_done) {
			step_conclude(s, false);
			return;
		}
		/* Not a fault by itself (a network may let only its
		 * resolvers out), but nothing here was checked. */
		report_walk_failure(s, sv);
		step_skip(s, N_("the walk from the root hints did not reach the "
		    "zone of the name"), NULL);
		return;
	}
	report_zone(s, sv);
	if (sv->nauth == 0 && sv->walk_done) {
		struct finding *f = step_add_finding(s, FINDING_AUTH_TIMEOUT);

		finding_set_message(f, N_("No name server of %1$s can be asked: "
		    "none of them has an address."), sv->zone->apex_text, NULL);
		finding_set_fact(f, FACT_ZONE, sv->zone->apex_text);
	}
	for (i = 0; i < sv->nauth; i++) {
		auth_view(sv, &sv->auth[i], &views[i]);
		if (views[i].state == AS_PENDING)
			pending = true;
		some_ok |= views[i].state == AS_OK;
	}
	for (i = 0; i < sv->nauth; i++) {
		const struct probe_result *first = sv->auth[i].answer[0];

		if (views[i].state != AS_PENDING && first != NULL &&
		    first->outcome == PROBE_ANSWER && first->rtt_ms > peer_ms)
			peer_ms = first->rtt_ms;
	}
	for (i = 0; i < sv->nauth; i++) {
		if (views[i].state == AS_PENDING)
			step_note_waiting(s, FINDING_AUTH_WAITING, in,
			    sv->auth[i].text, sv->auth[i].asked_us, peer_ms);
		else
			report_auth(s, sv, &sv->auth[i], &views[i], some_ok,
			    in->timeout_ms);
	}
	if (pending) {
		step_conclude(s, false);
		return;
	}
	consensus(sv, views, &c);
	report_alias(s, sv, &c);
	if (!some_ok)
		report_cache_left(s, sv);
	report_nxdomain(s, sv, &c);
	for (i = 0; i < sv->nresolvers; i++)
		compare_resolver(s, sv, &sv->resolvers[i], &c);
	compare_vantage(s, sv);
	report_resolver_ns(s, sv);
	consensus_free(&c);
	step_conclude(s, in->final && !compare_pending(sv));
}
