/* survey_walk.c - the resolver-independent half of a survey: an iterative
 * walk from the root hints to the zone of the name, look-ups of name
 * servers that came without glue, and the fan-out to every address of
 * every NS of the zone.
 *
 * A level asks up to SURVEY_LEVEL_FANOUT of its servers at once and goes
 * on with the first answer that moves the walk (a referral downwards, or
 * an authoritative answer); the queries still out at that level are
 * cancelled, so a dead server costs nothing while a live one answers. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/referral.h"
#include "dnstriage/textfmt.h"
#include "survey_private.h"

/* Look-ups nest at most this deep (a name server whose own zone's name
 * servers have no glue either); more is a misconfiguration or a trap. */
#define LOOKUP_MAX_DEPTH 2
/* DNSKEY is asked of this many servers of a level at once. */
#define DNSKEY_FANOUT 2

struct level_ask {
	struct walk *w;
	size_t level, idx;
};

/* The per-walk storage of the asks' arguments: no allocation per query,
 * and nothing to free when one is cancelled. */
struct walk_storage {
	struct walk w;
	struct level_ask args[SURVEY_MAX_LEVELS][SURVEY_MAX_LEVEL_SERVERS];
	struct level_ask dnskey_args[SURVEY_MAX_LEVELS][SURVEY_MAX_LEVEL_SERVERS];
};

static void level_start(struct walk *w, size_t L);
static void level_pump(struct walk *w, size_t L);
static void level_check_failed(struct walk *w, size_t L);
static void fanout_add(struct survey *sv, const struct survey_level_server *s);
static void lookup_start(struct walk *w, size_t L, size_t nsname);
static void dnskey_pump(struct walk *w, size_t L);
static void dnskey_ask_winner(struct walk *w, size_t L, size_t winner);

static struct level_ask *
arg_of(struct walk *w, size_t L, size_t i, bool dnskey)
{
	struct walk_storage *st = (struct walk_storage *)w;

	return dnskey ? &st->dnskey_args[L][i] : &st->args[L][i];
}

static void
name_text(const ldns_rdf *d, char *buf, size_t len)
{
	dnsmsg_dname_text(d, buf, len);
}

/* --- levels ------------------------------------------------------------- */

void
survey_level_free(struct survey_level *l)
{
	size_t i;

	ldns_rdf_deep_free(l->apex);
	ldns_rr_list_deep_free(l->delegation_ns);
	ldns_rr_list_deep_free(l->ds);
	ldns_rr_list_deep_free(l->ds_sigs);
	ldns_rr_list_deep_free(l->ds_denial);
	for (i = 0; i < l->nservers; i++) {
		free(l->servers[i].nsname);
		probe_result_free(l->servers[i].result);
	}
	probe_result_free(l->dnskey);
	memset(l, 0, sizeof(*l));
}

static size_t
nsname_find(const struct survey_level *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->nnsnames; i++)
		if (strcasecmp(l->nsnames[i].name, name) == 0)
			return i;
	return SIZE_MAX;
}

static size_t
nsname_add(struct survey_level *l, const char *name, bool in_delegation)
{
	size_t i = nsname_find(l, name);

	if (i != SIZE_MAX || l->nnsnames >= SURVEY_MAX_NSNAMES)
		return i;
	i = l->nnsnames++;
	memset(&l->nsnames[i], 0, sizeof(l->nsnames[i]));
	snprintf(l->nsnames[i].name, sizeof(l->nsnames[i].name), "%s", name);
	l->nsnames[i].in_delegation = in_delegation;
	l->nsnames[i].in_zone_ns = !in_delegation;
	l->nsnames[i].state = SURVEY_NSNAME_UNRESOLVED;
	return i;
}

static bool
same_sockaddr(const struct sockaddr_storage *a, socklen_t alen,
    const struct sockaddr_storage *b, socklen_t blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

/* Add a server to level L (once per address); ask it if the level is
 * still looking, hand it to the fan-out if the level is the zone. */
static void
level_add_server(struct walk *w, size_t L, const char *nsname,
    const struct sockaddr_storage *ss, socklen_t len, bool from_glue)
{
	struct survey_level *l = &w->levels[L];
	struct survey_level_server *s;
	size_t i;

	for (i = 0; i < l->nservers; i++)
		if (same_sockaddr(&l->servers[i].addr, l->servers[i].addrlen,
		    ss, len)) {
			/* Another name of a server already asked: the name
			 * has an address all the same. */
			if (nsname != NULL && (i = nsname_find(l, nsname)) !=
			    SIZE_MAX && l->nsnames[i].naddrs == 0)
				l->nsnames[i].naddrs = 1;
			return;
		}
	if (l->nservers >= SURVEY_MAX_LEVEL_SERVERS) {
		if (w->depth == 0 && l == w->sv->zone)
			w->sv->auth_dropped++;
		return;
	}
	s = &l->servers[l->nservers++];
	memset(s, 0, sizeof(*s));
	s->nsname = nsname != NULL ? xstrdup(nsname) : NULL;
	memcpy(&s->addr, ss, len);
	s->addrlen = len;
	s->from_glue = from_glue;
	probe_format_server((const struct sockaddr *)ss, len, s->text,
	    sizeof(s->text));
	if (nsname != NULL && (i = nsname_find(l, nsname)) != SIZE_MAX)
		l->nsnames[i].naddrs++;
	if (l->end == SURVEY_LEVEL_RUNNING && L + 1 == *w->nlevels)
		level_pump(w, L);
	if (w->depth == 0)
		dnskey_pump(w, L);
	if (w->depth == 0 && l == w->sv->zone && w->sv->priv->fanout_started)
		fanout_add(w->sv, s);
}

/* Look-ups for the NS names of level L that have no address yet. */
static void
level_lookup_missing(struct walk *w, size_t L)
{
	struct survey_level *l = &w->levels[L];
	size_t i;

	for (i = 0; i < l->nnsnames; i++)
		if (l->nsnames[i].naddrs == 0 &&
		    l->nsnames[i].state == SURVEY_NSNAME_UNRESOLVED)
			lookup_start(w, L, i);
}

/* The NS names of a referral with the glue of each; then look-ups for
 * the names without any. */
static void
level_servers_from(struct walk *w, size_t L, const struct referral *ref,
    const ldns_rr_list *ns)
{
	struct survey_level *l = &w->levels[L];
	size_t i, k;

	for (i = 0; ns != NULL && i < ldns_rr_list_rr_count(ns); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(ns, i);
		ldns_rr *glue[SURVEY_MAX_LEVEL_SERVERS];
		char name[LDNS_MAX_DOMAINLEN + 2];
		size_t ng, idx;

		if (ldns_rr_get_type(rr) != LDNS_RR_TYPE_NS ||
		    ldns_rr_rd_count(rr) < 1)
			continue;
		name_text(ldns_rr_rdf(rr, 0), name, sizeof(name));
		if ((idx = nsname_add(l, name, true)) == SIZE_MAX)
			continue;
		ng = ref != NULL ? referral_glue_for(ref, ldns_rr_rdf(rr, 0),
		    glue, SURVEY_MAX_LEVEL_SERVERS) : 0;
		if (ng > 0)
			l->nsnames[idx].state = SURVEY_NSNAME_GLUE;
		for (k = 0; k < ng; k++) {
			struct sockaddr_storage ss;
			socklen_t len;

			if (survey_rr_address(glue[k], &ss, &len))
				level_add_server(w, L, name, &ss, len, true);
		}
	}
	if (ref != NULL)
		level_lookup_missing(w, L);
}

static void
cancel_level(struct walk *w, size_t L, bool dnskey)
{
	size_t i;

	for (i = 0; i < SURVEY_MAX_LEVEL_SERVERS; i++) {
		struct ask **a = dnskey ? &w->pending_dnskey[L][i] :
		    &w->pending[L][i];

		if (*a != NULL) {
			survey_cancel(w->sv, *a);
			*a = NULL;
		}
	}
}

static size_t
level_outstanding(const struct walk *w, size_t L)
{
	size_t i, n = 0;

	for (i = 0; i < SURVEY_MAX_LEVEL_SERVERS; i++)
		n += w->pending[L][i] != NULL;
	return n;
}

static void
walk_fail(struct walk *w, const char *why)
{
	if (w->done)
		return;
	w->done = true;
	if (w->on_fail != NULL)
		w->on_fail(w, why);
}

/* A zone below level L, from a referral: level L+1. */
static void
level_descend(struct walk *w, size_t L, size_t winner, struct referral *ref)
{
	struct survey_level *l = &w->levels[L], *c;
	size_t C = L + 1;

	l->end = SURVEY_LEVEL_REFERRAL;
	l->winner = winner;
	cancel_level(w, L, false);
	dnskey_ask_winner(w, L, winner);
	if (C >= SURVEY_MAX_LEVELS) {
		walk_fail(w, "too-deep");
		return;
	}
	c = &w->levels[C];
	memset(c, 0, sizeof(*c));
	c->apex = ldns_rdf_clone(ref->child);
	name_text(c->apex, c->apex_text, sizeof(c->apex_text));
	c->delegation_ns = ref->ns != NULL ? ldns_rr_list_clone(ref->ns) : NULL;
	c->ds = ref->ds != NULL ? ldns_rr_list_clone(ref->ds) : NULL;
	c->ds_sigs = ref->ds_sigs != NULL ? ldns_rr_list_clone(ref->ds_sigs) :
	    NULL;
	c->ds_denied = ref->ds_denied;
	c->ds_denial = ref->denial != NULL ? ldns_rr_list_clone(ref->denial) :
	    NULL;
	snprintf(c->ds_from, sizeof(c->ds_from), "%s", l->servers[winner].text);
	*w->nlevels = C + 1;
	level_servers_from(w, C, ref, c->delegation_ns);
	level_start(w, C);
}

static void
level_is_zone(struct walk *w, size_t L, size_t winner)
{
	struct survey_level *l = &w->levels[L];

	l->end = SURVEY_LEVEL_ZONE;
	l->winner = winner;
	cancel_level(w, L, false);
	dnskey_ask_winner(w, L, winner);
	if (w->done)
		return;
	w->done = true;
	if (w->on_zone != NULL)
		w->on_zone(w, l, l->servers[winner].result);
}

/* The DS of a zone found without a referral (its parent's servers serve
 * it too): asked of the parent's server directly, as a referral would
 * have carried it. A signed NODATA with NSEC/NSEC3 proves there is none. */
static void
ds_done(struct survey *sv, struct probe_result *res, void *arg)
{
	struct survey_level *c = arg;
	ldns_rr_list *auth;
	size_t i;

	(void)sv;
	if (res->outcome != PROBE_ANSWER || res->pkt == NULL ||
	    !ldns_pkt_aa(res->pkt)) {
		probe_result_free(res);
		return;
	}
	c->ds = dnsmsg_answer_rrset(res->pkt, c->apex, LDNS_RR_TYPE_DS);
	if (c->ds != NULL) {
		ldns_rr_list *an = ldns_pkt_answer(res->pkt);

		for (i = 0; i < ldns_rr_list_rr_count(an); i++) {
			ldns_rr *rr = ldns_rr_list_rr(an, i);

			if (ldns_rr_get_type(rr) != LDNS_RR_TYPE_RRSIG ||
			    ldns_rdf2rr_type(ldns_rr_rrsig_typecovered(rr)) !=
			    LDNS_RR_TYPE_DS)
				continue;
			if (c->ds_sigs == NULL)
				c->ds_sigs = ldns_rr_list_new();
			ldns_rr_list_push_rr(c->ds_sigs, ldns_rr_clone(rr));
		}
	} else if (dnsmsg_rcode(res->pkt) == LDNS_RCODE_NOERROR &&
	    (auth = ldns_pkt_authority(res->pkt)) != NULL) {
		for (i = 0; i < ldns_rr_list_rr_count(auth); i++) {
			ldns_rr *rr = ldns_rr_list_rr(auth, i);
			ldns_rr_type t = ldns_rr_get_type(rr);

			if (t != LDNS_RR_TYPE_NSEC && t != LDNS_RR_TYPE_NSEC3 &&
			    t != LDNS_RR_TYPE_RRSIG)
				continue;
			if (c->ds_denial == NULL)
				c->ds_denial = ldns_rr_list_new();
			ldns_rr_list_push_rr(c->ds_denial, ldns_rr_clone(rr));
			c->ds_denied |= t != LDNS_RR_TYPE_RRSIG;
		}
	}
	probe_result_free(res);
}

static void
ds_ask(struct walk *w, struct survey_level *c, const struct survey_level_server *s)
{
	struct probe_spec spec;

	survey_spec(w->sv, &spec, &s->addr, s->addrlen);
	spec.qname = c->apex;
	spec.type = LDNS_RR_TYPE_DS;
	spec.rd = false;
	spec.ad = false;
	spec.dnssec_ok = true;
	survey_ask(w->sv, &spec, NULL, ds_done, c);
}

/* An authoritative answer from a server of level L whose authority or SOA
 * names a zone below L: the server also serves a child zone, and that
 * child is the zone of the name. It becomes a level of its own. */
static bool
deeper_zone(struct walk *w, size_t L, size_t winner, const struct referral *ref)
{
	struct survey_level *l = &w->levels[L], *c;
	const ldns_rdf *apex = NULL;
	size_t C = L + 1;

	if (ref->soa != NULL)
		apex = ldns_rr_owner(ref->soa);
	else if (ref->ns != NULL && ldns_rr_list_rr_count(ref->ns) > 0)
		apex = ldns_rr_owner(ldns_rr_list_rr(ref->ns, 0));
	if (apex == NULL || !dnsmsg_name_below(apex, l->apex) ||
	    !dnsmsg_name_at_or_below(w->qname, apex) || C >= SURVEY_MAX_LEVELS)
		return false;
	l->end = SURVEY_LEVEL_REFERRAL;
	l->winner = winner;
	cancel_level(w, L, false);
	dnskey_ask_winner(w, L, winner);
	c = &w->levels[C];
	memset(c, 0, sizeof(*c));
	c->apex = ldns_rdf_clone(apex);
	ldns_dname2canonical(c->apex);
	name_text(c->apex, c->apex_text, sizeof(c->apex_text));
	c->delegation_ns = ref->ns != NULL ? ldns_rr_list_clone(ref->ns) : NULL;
	snprintf(c->ds_from, sizeof(c->ds_from), "%s", l->servers[winner].text);
	*w->nlevels = C + 1;
	/* Decided already: its servers are for the fan-out, not the walk. */
	c->end = SURVEY_LEVEL_ZONE;
	c->winner = 0;
	/* The same server answers for the child: it is one of its servers. */
	level_add_server(w, C, l->servers[winner].nsname,
	    &l->servers[winner].addr, l->servers[winner].addrlen, false);
	level_servers_from(w, C, ref, c->delegation_ns);
	if (w->depth == 0) {
		dnskey_pump(w, C);
		ds_ask(w, c, &l->servers[winner]);
	}
	if (!w->done) {
		w->done = true;
		if (w->on_zone != NULL)
			w->on_zone(w, c, l->servers[winner].result);
	}
	return true;
}

static void
level_server_done(struct survey *sv, struct probe_result *res, void *arg)
{
	struct level_ask *la = arg;
	struct walk *w = la->w;
	struct survey_level *l = &w->levels[la->level];
	struct referral ref;

	(void)sv;
	(void)res;
	w->pending[la->level][la->idx] = NULL;
	if (l->end != SURVEY_LEVEL_RUNNING || w->done)
		return;
	res = l->servers[la->idx].result;
	if (res->outcome != PROBE_ANSWER || res->pkt == NULL) {
		level_pump(w, la->level);
		level_check_failed(w, la->level);
		return;
	}
	memset(&ref, 0, sizeof(ref));
	switch (referral_classify(res->pkt, l->apex, w->qname, w->qtype, &ref)) {
	case REFERRAL_DELEGATION:
		level_descend(w, la->level, la->idx, &ref);
		break;
	case REFERRAL_ANSWER:
	case REFERRAL_NODATA:
	case REFERRAL_NXDOMAIN:
		if (w->depth == 0 && res->pkt != NULL)
			survey_note_answer_addresses(w->sv, res->pkt);
		if (!deeper_zone(w, la->level, la->idx, &ref))
			level_is_zone(w, la->level, la->idx);
		break;
	default:
		level_pump(w, la->level);
		level_check_failed(w, la->level);
		break;
	}
	referral_free(&ref);
}

static void
level_pump(struct walk *w, size_t L)
{
	struct survey_level *l = &w->levels[L];
	size_t i;

	if (l->end != SURVEY_LEVEL_RUNNING || w->done)
		return;
	for (i = 0; i < l->nservers &&
	    level_outstanding(w, L) < SURVEY_LEVEL_FANOUT; i++) {
		struct survey_level_server *s = &l->servers[i];
		struct level_ask *la;
		struct probe_spec spec;

		if (s->asked)
			continue;
		s->asked = true;
		la = arg_of(w, L, i, false);
		la->w = w;
		la->level = L;
		la->idx = i;
		survey_spec(w->sv, &spec, &s->addr, s->addrlen);
		spec.qname = w->qname;
		spec.type = w->qtype;
		spec.rd = false;
		spec.ad = false;
		spec.dnssec_ok = true;
		w->pending[L][i] = survey_ask(w->sv, &spec, &s->result,
		    level_server_done, la);
	}
}

/* Every server asked failed and none is left, nor any look-up. */
static void
level_check_failed(struct walk *w, size_t L)
{
	struct survey_level *l = &w->levels[L];
	size_t i;

	if (l->end != SURVEY_LEVEL_RUNNING || w->done ||
	    level_outstanding(w, L) > 0 || l->lookups > 0)
		return;
	for (i = 0; i < l->nservers; i++)
		if (!l->servers[i].asked)
			return;
	l->end = SURVEY_LEVEL_FAILED;
	walk_fail(w, l->nservers == 0 ? "no-servers" : "all-failed");
}

/* --- DNSKEY of each zone on the path ------------------------------------ */

static bool
dnskey_good(const struct probe_result *r)
{
	return r != NULL && r->outcome == PROBE_ANSWER && r->pkt != NULL &&
	    ldns_pkt_get_rcode(r->pkt) == LDNS_RCODE_NOERROR &&
	    ldns_pkt_aa(r->pkt);
}

static void
dnskey_done(struct survey *sv, struct probe_result *res, void *arg)
{
	struct level_ask *la = arg;
	struct walk *w = la->w;
	struct survey_level *l = &w->levels[la->level];

	(void)sv;
	w->pending_dnskey[la->level][la->idx] = NULL;
	if (dnskey_good(l->dnskey)) {
		probe_result_free(res);
		return;
	}
	probe_result_free(l->dnskey);
	l->dnskey = res;
	if (dnskey_good(res))
		cancel_level(w, la->level, true);
	else
		dnskey_pump(w, la->level);
}

/* Ask server i of level L for the zone's DNSKEY, unless asked already. */
static bool
dnskey_ask(struct walk *w, size_t L, size_t i)
{
	struct survey_level *l = &w->levels[L];
	struct level_ask *la = arg_of(w, L, i, true);
	struct probe_spec spec;

	if (la->w != NULL)
		return false;
	la->w = w;
	la->level = L;
	la->idx = i;
	survey_spec(w->sv, &spec, &l->servers[i].addr, l->servers[i].addrlen);
	spec.qname = l->apex;
	spec.type = LDNS_RR_TYPE_DNSKEY;
	spec.rd = false;
	spec.ad = false;
	spec.dnssec_ok = true;
	w->pending_dnskey[L][i] = survey_ask(w->sv, &spec, NULL, dnskey_done,
	    la);
	return w->pending_dnskey[L][i] != NULL;
}

static void
dnskey_pump(struct walk *w, size_t L)
{
	struct survey_level *l = &w->levels[L];
	size_t i, out = 0;

	if (dnskey_good(l->dnskey))
		return;
	for (i = 0; i < SURVEY_MAX_LEVEL_SERVERS; i++)
		out += w->pending_dnskey[L][i] != NULL;
	for (i = 0; i < l->nservers && out < DNSKEY_FANOUT; i++)
		out += dnskey_ask(w, L, i);
}

/* The level's winner has just answered: it is alive. If the DNSKEY is
 * still out (the servers first asked may be dead), ask the winner too, so
 * that dead servers cost one timeout in parallel, not one each in turn. */
static void
dnskey_ask_winner(struct walk *w, size_t L, size_t winner)
{
	if (w->depth == 0 && !dnskey_good(w->levels[L].dnskey))
		(void)dnskey_ask(w, L, winner);
}

static void
level_start(struct walk *w, size_t L)
{
	level_pump(w, L);
	/* The chain of trust needs every zone's keys; only the main walk
	 * builds one. */
	if (w->depth == 0)
		dnskey_pump(w, L);
	level_check_failed(w, L);
}

/* --- walks -------------------------------------------------------------- */

static struct walk *
walk_new(struct survey *sv, const ldns_rdf *qname, ldns_rr_type qtype,
    int depth)
{
	struct walk_storage *st = xcalloc(1, sizeof(*st));
	struct walk *w = &st->w;

	w->sv = sv;
	w->qname = ldns_rdf_clone(qname);
	ldns_dname2canonical(w->qname);
	w->qtype = qtype;
	w->depth = depth;
	return w;
}

static void
walk_destroy(struct walk *w)
{
	size_t i;

	if (w == NULL)
		return;
	for (i = 0; w->own_levels != NULL && i < SURVEY_MAX_LEVELS; i++)
		survey_level_free(&w->own_levels[i]);
	free(w->own_levels);
	ldns_rdf_deep_free(w->qname);
	free(w);
}

/* Level 0 from the root hints: every address, named after its owner. */
static void
walk_begin(struct walk *w)
{
	const struct rootdata *hints = w->sv->priv->hints;
	struct survey_level *root = &w->levels[0];
	size_t i;

	memset(root, 0, sizeof(*root));
	root->apex = ldns_dname_new_frm_str(".");
	snprintf(root->apex_text, sizeof(root->apex_text), ".");
	*w->nlevels = 1;
	if (hints != NULL && hints->rrs != NULL) {
		root->delegation_ns = ldns_rr_list_new();
		for (i = 0; i < ldns_rr_list_rr_count(hints->rrs); i++) {
			const ldns_rr *rr = ldns_rr_list_rr(hints->rrs, i);

			if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_NS)
				ldns_rr_list_push_rr(root->delegation_ns,
				    ldns_rr_clone(rr));
		}
		level_servers_from(w, 0, NULL, root->delegation_ns);
		for (i = 0; i < ldns_rr_list_rr_count(hints->rrs); i++) {
			const ldns_rr *rr = ldns_rr_list_rr(hints->rrs, i);
			struct sockaddr_storage ss;
			char name[LDNS_MAX_DOMAINLEN + 2];
			socklen_t len;
			size_t k;

			if (!survey_rr_address(rr, &ss, &len))
				continue;
			name_text(ldns_rr_owner(rr), name, sizeof(name));
			if ((k = nsname_find(root, name)) != SIZE_MAX)
				root->nsnames[k].state = SURVEY_NSNAME_GLUE;
			level_add_server(w, 0, name, &ss, len, true);
		}
	}
	level_start(w, 0);
}

/* --- look-ups of name servers without glue ------------------------------ */

static void
lookup_finish(struct walk *lw)
{
	struct walk *w = lw->for_walk;
	struct survey_level *l = lw->for_level;
	size_t L = (size_t)(l - w->levels);
	struct survey_nsname *n = &l->nsnames[lw->for_nsname];

	n->state = n->naddrs > 0 ? SURVEY_NSNAME_RESOLVED :
	    SURVEY_NSNAME_UNRESOLVED;
	if (l->lookups > 0)
		l->lookups--;
	level_check_failed(w, L);
}

static void
lookup_add_addresses(struct walk *lw, const ldns_pkt *pkt, ldns_rr_type type)
{
	struct walk *w = lw->for_walk;
	struct survey_level *l = lw->for_level;
	ldns_rr_list *set = dnsmsg_answer_rrset(pkt, lw->qname, type);
	size_t i;

	for (i = 0; set != NULL && i < ldns_rr_list_rr_count(set); i++) {
		struct sockaddr_storage ss;
		socklen_t len;

		if (survey_rr_address(ldns_rr_list_rr(set, i), &ss, &len)) {
			level_add_server(w, (size_t)(l - w->levels),
			    l->nsnames[lw->for_nsname].name, &ss, len, false);
			lw->naddrs++;
		}
	}
	ldns_rr_list_deep_free(set);
}

static void
lookup_aaaa_done(struct survey *sv, struct probe_result *res, void *arg)
{
	struct walk *lw = arg;

	(void)sv;
	if (res->outcome == PROBE_ANSWER && res->pkt != NULL)
		lookup_add_addresses(lw, res->pkt, LDNS_RR_TYPE_AAAA);
	probe_result_free(res);
	lookup_finish(lw);
}

static void
lookup_zone(struct walk *lw, struct survey_level *zl,
    const struct probe_result *res)
{
	const struct survey_level_server *s = &zl->servers[zl->winner];
	struct probe_spec spec;

	if (res != NULL && res->pkt != NULL)
		lookup_add_addresses(lw, res->pkt, LDNS_RR_TYPE_A);
	/* The same server, for the other family. */
	survey_spec(lw->sv, &spec, &s->addr, s->addrlen);
	spec.qname = lw->qname;
	spec.type = LDNS_RR_TYPE_AAAA;
	spec.rd = false;
	spec.ad = false;
	if (survey_ask(lw->sv, &spec, NULL, lookup_aaaa_done, lw) == NULL)
		lookup_finish(lw);
}

static void
lookup_fail(struct walk *lw, const char *why)
{
	(void)why;
	lookup_finish(lw);
}

static void
lookup_start(struct walk *w, size_t L, size_t idx)
{
	struct survey *sv = w->sv;
	struct survey_private *p = sv->priv;
	struct survey_level *l = &w->levels[L];
	struct survey_nsname *n = &l->nsnames[idx];
	ldns_rdf *name;
	struct walk *lw;

	n->state = SURVEY_NSNAME_SKIPPED;
	if (w->depth >= LOOKUP_MAX_DEPTH || p->nlookups >= SURVEY_MAX_SUBWALKS)
		return;
	if ((name = ldns_dname_new_frm_str(n->name)) == NULL) {
		n->state = SURVEY_NSNAME_UNRESOLVED;
		return;
	}
	/* A name inside the zone it serves needs glue: without it, nobody
	 * can find it (the walk would come back here). */
	if (l->apex != NULL && dnsmsg_name_at_or_below(name, l->apex)) {
		n->state = SURVEY_NSNAME_UNRESOLVED;
		ldns_rdf_deep_free(name);
		return;
	}
	lw = walk_new(sv, name, LDNS_RR_TYPE_A, w->depth + 1);
	ldns_rdf_deep_free(name);
	lw->own_levels = xcalloc(SURVEY_MAX_LEVELS, sizeof(*lw->own_levels));
	lw->levels = lw->own_levels;
	lw->nlevels = &lw->own_nlevels;
	lw->on_zone = lookup_zone;
	lw->on_fail = lookup_fail;
	lw->for_walk = w;
	lw->for_level = l;
	lw->for_nsname = idx;
	p->lookups[p->nlookups++] = lw;
	n->state = SURVEY_NSNAME_LOOKUP;
	l->lookups++;
	walk_begin(lw);
}

/* --- the zone's servers ------------------------------------------------- */

static void auth_ns_done(struct survey *sv, struct probe_result *res,
    void *arg);
static void auth_soa_done(struct survey *sv, struct probe_result *res,
    void *arg);

static void
auth_answer_done(struct survey *sv, struct probe_result *res, void *arg)
{
	(void)arg;
	if (res->outcome == PROBE_ANSWER)
		survey_note_answer_addresses(sv, res->pkt);
}

static void
fanout_add(struct survey *sv, const struct survey_level_server *s)
{
	static const struct probe_edns_option soa_options[] = {
		{ LDNS_EDNS_EXPIRE, 0, NULL }, { LDNS_EDNS_NSID, 0, NULL },
	};
	const struct survey_level *z = sv->zone;
	struct survey_auth *a;
	struct probe_spec spec;
	size_t i;

	for (i = 0; i < sv->nauth; i++)
		if (same_sockaddr(&sv->auth[i].addr, sv->auth[i].addrlen,
		    &s->addr, s->addrlen))
			return;
	if (sv->nauth >= SURVEY_MAX_AUTH) {
		sv->auth_dropped++;
		return;
	}
	a = &sv->auth[sv->nauth++];
	memset(a, 0, sizeof(*a));
	snprintf(a->nsname, sizeof(a->nsname), "%s",
	    s->nsname != NULL ? s->nsname : "");
	memcpy(&a->addr, &s->addr, s->addrlen);
	a->addrlen = s->addrlen;
	a->from_glue = s->from_glue;
	snprintf(a->text, sizeof(a->text), "%s", s->text);
	a->asked_us = probe_now_us();

	for (i = 0; i < sv->ntypes; i++) {
		survey_spec(sv, &spec, &a->addr, a->addrlen);
		spec.qname = sv->qname;
		spec.type = sv->types[i];
		spec.rd = false;
		spec.ad = false;
		spec.dnssec_ok = true;
		survey_ask(sv, &spec, &a->answer[i], auth_answer_done, NULL);
	}
	survey_spec(sv, &spec, &a->addr, a->addrlen);
	spec.qname = z->apex;
	spec.type = LDNS_RR_TYPE_SOA;
	spec.rd = false;
	spec.ad = false;
	spec.dnssec_ok = true;
	spec.edns_options = soa_options;
	spec.n_edns_options = sizeof(soa_options) / sizeof(soa_options[0]);
	survey_ask(sv, &spec, &a->soa, auth_soa_done, NULL);
	spec.edns_options = NULL;
	spec.n_edns_options = 0;
	spec.type = LDNS_RR_TYPE_DNSKEY;
	survey_ask(sv, &spec, &a->dnskey, NULL, NULL);
	spec.type = LDNS_RR_TYPE_NS;
	spec.dnssec_ok = false;
	survey_ask(sv, &spec, &a->ns, auth_ns_done, NULL);
}

/* The zone's own NS set may name servers the delegation does not: they
 * are servers of the zone too, and resolvers that learn them use them. */
static void
auth_ns_done(struct survey *sv, struct probe_result *res, void *arg)
{
	struct walk *w = sv->priv->main_walk;
	struct survey_level *z;
	ldns_rr_list *set, *add;
	size_t L, i, k;

	(void)arg;
	if (sv->zone == NULL || res->outcome != PROBE_ANSWER ||
	    res->pkt == NULL || !ldns_pkt_aa(res->pkt))
		return;
	z = (struct survey_level *)sv->zone;
	L = (size_t)(z - w->levels);
	set = dnsmsg_answer_rrset(res->pkt, z->apex, LDNS_RR_TYPE_NS);
	add = ldns_pkt_additional(res->pkt);
	for (i = 0; set != NULL && i < ldns_rr_list_rr_count(set); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(set, i);
		char name[LDNS_MAX_DOMAINLEN + 2];
		size_t idx, found = 0;

		if (ldns_rr_rd_count(rr) < 1)
			continue;
		name_text(ldns_rr_rdf(rr, 0), name, sizeof(name));
		idx = nsname_find(z, name);
		if (idx != SIZE_MAX) {
			z->nsnames[idx].in_zone_ns = true;
			continue;
		}
		if ((idx = nsname_add(z, name, false)) == SIZE_MAX)
			continue;
		/* Addresses from the additional section, only inside the
		 * zone (the server is authoritative there). */
		for (k = 0; add != NULL && k < ldns_rr_list_rr_count(add); k++) {
			const ldns_rr *g = ldns_rr_list_rr(add, k);
			struct sockaddr_storage ss;
			socklen_t len;

			if (ldns_dname_compare(ldns_rr_owner(g),
			    ldns_rr_rdf(rr, 0)) != 0 ||
			    !dnsmsg_name_at_or_below(ldns_rr_owner(g), z->apex) ||
			    !survey_rr_address(g, &ss, &len))
				continue;
			level_add_server(w, L, name, &ss, len, true);
			found++;
		}
		if (found > 0)
			z->nsnames[idx].state = SURVEY_NSNAME_GLUE;
		else
			lookup_start(w, L, idx);
	}
	ldns_rr_list_deep_free(set);
}

/* --- the primary named in the SOA --------------------------------------- */

static const struct probe_edns_option primary_options[] = {
	{ LDNS_EDNS_EXPIRE, 0, NULL }, { LDNS_EDNS_NSID, 0, NULL },
};

static void
primary_ask(struct survey *sv, const struct sockaddr_storage *ss,
    socklen_t len)
{
	struct survey_auth *p = &sv->primary;
	struct probe_spec spec;

	memcpy(&p->addr, ss, len);
	p->addrlen = len;
	probe_format_server((const struct sockaddr *)ss, len, p->text,
	    sizeof(p->text));
	survey_spec(sv, &spec, ss, len);
	spec.qname = sv->zone->apex;
	spec.type = LDNS_RR_TYPE_SOA;
	spec.rd = false;
	spec.ad = false;
	spec.dnssec_ok = true;
	spec.edns_options = primary_options;
	spec.n_edns_options = sizeof(primary_options) /
	    sizeof(primary_options[0]);
	survey_ask(sv, &spec, &p->soa, NULL, NULL);
}

/* The first address of the primary a look-up found: A before AAAA. */
static bool
primary_address(struct survey *sv, const ldns_pkt *pkt, ldns_rdf *name,
    ldns_rr_type type)
{
	ldns_rr_list *set = dnsmsg_answer_rrset(pkt, name, type);
	struct sockaddr_storage ss;
	socklen_t len;
	bool found = false;

	if (set != NULL && survey_rr_address(ldns_rr_list_rr(set, 0), &ss,
	    &len)) {
		sv->primary_state = SURVEY_NSNAME_RESOLVED;
		primary_ask(sv, &ss, len);
		found = true;
	}
	ldns_rr_list_deep_free(set);
	return found;
}

static void
primary_aaaa_done(struct survey *sv, struct probe_result *res, void *arg)
{
	struct walk *lw = arg;

	if (res->outcome != PROBE_ANSWER || res->pkt == NULL ||
	    !primary_address(sv, res->pkt, lw->qname, LDNS_RR_TYPE_AAAA))
		sv->primary_state = SURVEY_NSNAME_UNRESOLVED;
	probe_result_free(res);
}

static void
primary_zone(struct walk *lw, struct survey_level *zl,
    const struct probe_result *res)
{
	struct survey *sv = lw->sv;
	const struct survey_level_server *s = &zl->servers[zl->winner];
	struct probe_spec spec;

	if (res != NULL && res->pkt != NULL &&
	    primary_address(sv, res->pkt, lw->qname, LDNS_RR_TYPE_A))
		return;
	survey_spec(sv, &spec, &s->addr, s->addrlen);
	spec.qname = lw->qname;
	spec.type = LDNS_RR_TYPE_AAAA;
	spec.rd = false;
	spec.ad = false;
	if (survey_ask(sv, &spec, NULL, primary_aaaa_done, lw) == NULL)
		sv->primary_state = SURVEY_NSNAME_UNRESOLVED;
}

static void
primary_fail(struct walk *lw, const char *why)
{
	(void)why;
	lw->sv->primary_state = SURVEY_NSNAME_UNRESOLVED;
}

/* The first authoritative SOA names the primary: if the NS set lists it,
 * it is asked already; else it gets a look-up of its own (bounded like
 * the glueless ones) and an SOA query. */
static void
auth_soa_done(struct survey *sv, struct probe_result *res, void *arg)
{
	struct survey_private *p = sv->priv;
	const struct survey_level *z = sv->zone;
	ldns_rr_list *set;
	ldns_rdf *mname;
	struct walk *lw;

	(void)arg;
	if (sv->mname[0] != '\0' || z == NULL || res->outcome != PROBE_ANSWER ||
	    res->pkt == NULL || !ldns_pkt_aa(res->pkt) ||
	    (set = dnsmsg_answer_rrset(res->pkt, z->apex,
	    LDNS_RR_TYPE_SOA)) == NULL)
		return;
	mname = ldns_rr_rd_count(ldns_rr_list_rr(set, 0)) > 0 ?
	    ldns_rdf_clone(ldns_rr_rdf(ldns_rr_list_rr(set, 0), 0)) : NULL;
	ldns_rr_list_deep_free(set);
	if (mname == NULL || !dnsmsg_is_name(mname)) {
		ldns_rdf_deep_free(mname);
		return;
	}
	name_text(mname, sv->mname, sizeof(sv->mname));
	if (nsname_find(z, sv->mname) != SIZE_MAX) {
		sv->primary_listed = true;
	} else if (p->nlookups < SURVEY_MAX_SUBWALKS) {
		snprintf(sv->primary.nsname, sizeof(sv->primary.nsname), "%s",
		    sv->mname);
		sv->primary_state = SURVEY_NSNAME_LOOKUP;
		lw = walk_new(sv, mname, LDNS_RR_TYPE_A, 1);
		lw->own_levels = xcalloc(SURVEY_MAX_LEVELS,
		    sizeof(*lw->own_levels));
		lw->levels = lw->own_levels;
		lw->nlevels = &lw->own_nlevels;
		lw->on_zone = primary_zone;
		lw->on_fail = primary_fail;
		p->lookups[p->nlookups++] = lw;
		walk_begin(lw);
	} else {
		sv->primary_state = SURVEY_NSNAME_SKIPPED;
	}
	ldns_rdf_deep_free(mname);
}

static void
fanout_start(struct survey *sv)
{
	const struct survey_level *z = sv->zone;
	size_t i;

	sv->priv->fanout_started = true;
	for (i = 0; i < z->nservers; i++)
		fanout_add(sv, &z->servers[i]);
}

static void
main_zone(struct walk *w, struct survey_level *level,
    const struct probe_result *res)
{
	struct survey *sv = w->sv;

	(void)res;
	sv->zone = level;
	sv->walk_done = true;
	fanout_start(sv);
	survey_zone_known(sv);
}

/* The walk stopped. If it got as far as a delegation (below the root),
 * the last level is where the name's zone is, as far as anyone can tell;
 * its servers are asked anyway, so each one's silence is on record. */
static void
main_fail(struct walk *w, const char *why)
{
	struct survey *sv = w->sv;

	sv->walk_done = true;
	sv->walk_error = why;
	if (*w->nlevels > 1) {
		sv->zone = &w->levels[*w->nlevels - 1];
		fanout_start(sv);
		survey_zone_known(sv);
	}
}

void
survey_walk_start(struct survey *sv)
{
	struct walk *w = walk_new(sv, sv->qname, sv->types[0], 0);

	w->levels = sv->levels;
	w->nlevels = &sv->nlevels;
	w->on_zone = main_zone;
	w->on_fail = main_fail;
	sv->priv->main_walk = w;
	walk_begin(w);
}

void
survey_walk_free(struct survey *sv)
{
	struct survey_private *p = sv->priv;
	size_t i;

	for (i = 0; i < p->nlookups; i++)
		walk_destroy(p->lookups[i]);
	p->nlookups = 0;
	walk_destroy(p->main_walk);
	p->main_walk = NULL;
}
