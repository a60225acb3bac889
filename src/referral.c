/* referral.c - classify one server's response during an iterative walk;
 * the rules are in referral.h. Every record taken is cloned, so a result
 * outlives its packet. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/referral.h"

static const char *const kind_codes[REFERRAL_KIND_COUNT] = {
#define X(id, str) str,
	REFERRAL_KIND_TABLE(X)
#undef X
};

/* Like textfmt's allocators: a triage without memory cannot go on. */
static void
nomem(void)
{
	fputs("dnstriage: out of memory\n", stderr);
	abort();
}

/* --- names -------------------------------------------------------------- */

static bool
is_name(const ldns_rdf *d)
{
	return dnsmsg_is_name(d);
}

static bool
name_eq(const ldns_rdf *a, const ldns_rdf *b)
{
	return is_name(a) && is_name(b) && ldns_dname_compare(a, b) == 0;
}

static bool
name_at_or_below(const ldns_rdf *name, const ldns_rdf *parent)
{
	return dnsmsg_name_at_or_below(name, parent);
}

static bool
name_below(const ldns_rdf *name, const ldns_rdf *parent)
{
	return dnsmsg_name_below(name, parent);
}

/* qname with the labels of owner replaced by target (RFC 6672 2.2);
 * NULL when the result would be longer than a name may be. */
static ldns_rdf *
dname_substitute(const ldns_rdf *qname, const ldns_rdf *owner,
    const ldns_rdf *target)
{
	uint8_t buf[LDNS_MAX_DOMAINLEN];
	const uint8_t *q = ldns_rdf_data(qname);
	size_t qlen = ldns_rdf_size(qname), keep = 0;
	size_t tlen = ldns_rdf_size(target);
	int skip;
	ldns_rdf *d;

	skip = ldns_dname_label_count(qname) - ldns_dname_label_count(owner);
	for (; skip > 0; skip--) {
		if (keep >= qlen)
			return NULL;
		keep += (size_t)q[keep] + 1;
	}
	if (keep > qlen || keep + tlen > sizeof(buf))
		return NULL;
	memcpy(buf, q, keep);
	memcpy(buf + keep, ldns_rdf_data(target), tlen);
	if ((d = ldns_dname_new_frm_data((uint16_t)(keep + tlen), buf)) == NULL)
		nomem();
	return d;
}

/* --- records ------------------------------------------------------------ */

static bool
rr_is(const ldns_rr *rr, ldns_rr_type t)
{
	return rr != NULL && ldns_rr_get_type(rr) == t;
}

/* The name an NS, CNAME or DNAME holds; NULL when a broken one (empty
 * RDATA is valid on the wire) holds none. */
static const ldns_rdf *
rr_target(const ldns_rr *rr)
{
	const ldns_rdf *d = ldns_rr_rdf(rr, 0);

	return is_name(d) ? d : NULL;
}

/* The type an RRSIG covers; 0 for a broken one. */
static ldns_rr_type
rrsig_covers(const ldns_rr *rr)
{
	const ldns_rdf *d;

	if (!rr_is(rr, LDNS_RR_TYPE_RRSIG) ||
	    (d = ldns_rr_rdf(rr, 0)) == NULL ||
	    ldns_rdf_get_type(d) != LDNS_RDF_TYPE_TYPE || ldns_rdf_size(d) != 2)
		return 0;
	return ldns_rdf2rr_type(d);
}

/* Append a clone of rr, making the list on first use. */
static void
list_push_clone(ldns_rr_list **list, const ldns_rr *rr)
{
	ldns_rr *c;

	if (*list == NULL && (*list = ldns_rr_list_new()) == NULL)
		nomem();
	if ((c = ldns_rr_clone(rr)) == NULL || !ldns_rr_list_push_rr(*list, c))
		nomem();
}

/* Whether one of the NS RRs in ns names nsname. */
static bool
ns_names(const ldns_rr_list *ns, const ldns_rdf *nsname)
{
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(ns); i++)
		if (name_eq(rr_target(ldns_rr_list_rr(ns, i)), nsname))
			return true;
	return false;
}

/* --- what the sections hold --------------------------------------------- */

enum answer_match {
	MATCH_NONE,
	MATCH_DATA,	/* RRs of qtype for qname */
	MATCH_CNAME,	/* a CNAME for qname */
	MATCH_DNAME,	/* a DNAME in zone above qname */
};

/* What the answer section holds for qname; *via is the CNAME or DNAME.
 * Records for other names are ignored, not followed. */
static enum answer_match
answer_scan(const ldns_rr_list *an, const ldns_rdf *zone,
    const ldns_rdf *qname, ldns_rr_type qtype, const ldns_rr **via)
{
	const ldns_rr *cname = NULL, *dname = NULL;
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(an); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(an, i);
		const ldns_rdf *owner = ldns_rr_owner(rr);
		ldns_rr_type t = ldns_rr_get_type(rr);

		if (name_eq(owner, qname) &&
		    (t == qtype || qtype == LDNS_RR_TYPE_ANY))
			return MATCH_DATA;
		if (t == LDNS_RR_TYPE_CNAME && cname == NULL &&
		    rr_target(rr) != NULL && name_eq(owner, qname))
			cname = rr;
		if (t == LDNS_RR_TYPE_DNAME && dname == NULL &&
		    rr_target(rr) != NULL && name_below(qname, owner) &&
		    name_at_or_below(owner, zone))
			dname = rr;
	}
	/* Below a DNAME nothing else exists: its CNAME is only synthesis. */
	if ((*via = dname) != NULL)
		return MATCH_DNAME;
	if ((*via = cname) != NULL)
		return MATCH_CNAME;
	return MATCH_NONE;
}

/* The owners of the authority section's NS RRsets, by where they sit
 * relative to the path from zone down to qname. */
struct ns_owners {
	const ldns_rdf *down;	/* deepest strictly below zone, at or above qname */
	const ldns_rdf *up;	/* deepest at or above zone */
	const ldns_rdf *side;	/* first of any other */
};

static void
ns_owners_scan(const ldns_rr_list *auth, const ldns_rdf *zone,
    const ldns_rdf *qname, struct ns_owners *o)
{
	size_t i;

	memset(o, 0, sizeof(*o));
	for (i = 0; i < ldns_rr_list_rr_count(auth); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(auth, i);
		const ldns_rdf *owner = ldns_rr_owner(rr);

		if (!rr_is(rr, LDNS_RR_TYPE_NS) || rr_target(rr) == NULL ||
		    !is_name(owner))
			continue;
		if (name_below(owner, zone) && name_at_or_below(qname, owner)) {
			if (o->down == NULL || ldns_dname_label_count(owner) >
			    ldns_dname_label_count(o->down))
				o->down = owner;
		} else if (name_at_or_below(zone, owner)) {
			if (o->up == NULL || ldns_dname_label_count(owner) >
			    ldns_dname_label_count(o->up))
				o->up = owner;
		} else if (o->side == NULL)
			o->side = owner;
	}
}

/* The first usable SOA of a zone at or above qname. */
static const ldns_rr *
find_soa(const ldns_rr_list *auth, const ldns_rdf *qname)
{
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(auth); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(auth, i);
		const ldns_rdf *min = ldns_rr_rdf(rr, 6);

		if (rr_is(rr, LDNS_RR_TYPE_SOA) && min != NULL &&
		    ldns_rdf_size(min) == 4 &&
		    name_at_or_below(qname, ldns_rr_owner(rr)))
			return rr;
	}
	return NULL;
}

/* --- filling the result ------------------------------------------------- */

static void
take_ns(struct referral *out, const ldns_pkt *pkt, const ldns_rdf *zone,
    const ldns_rdf *owner)
{
	const ldns_rr_list *auth = ldns_pkt_authority(pkt);
	const ldns_rr_list *add = ldns_pkt_additional(pkt);
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(auth); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(auth, i);

		if (rr_is(rr, LDNS_RR_TYPE_NS) && rr_target(rr) != NULL &&
		    name_eq(ldns_rr_owner(rr), owner))
			list_push_clone(&out->ns, rr);
	}
	if (out->ns == NULL)
		return;
	for (i = 0; i < ldns_rr_list_rr_count(add); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(add, i);
		const ldns_rdf *name = ldns_rr_owner(rr);

		if ((rr_is(rr, LDNS_RR_TYPE_A) || rr_is(rr, LDNS_RR_TYPE_AAAA)) &&
		    ldns_rr_rdf(rr, 0) != NULL && name_at_or_below(name, zone) &&
		    ns_names(out->ns, name))
			list_push_clone(&out->glue, rr);
	}
}

static void
take_denial(struct referral *out, const ldns_pkt *pkt, const ldns_rdf *zone)
{
	const ldns_rr_list *auth = ldns_pkt_authority(pkt);
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(auth); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(auth, i);
		ldns_rr_type t = ldns_rr_get_type(rr);

		if (t == LDNS_RR_TYPE_RRSIG)
			t = rrsig_covers(rr);
		if ((t == LDNS_RR_TYPE_NSEC || t == LDNS_RR_TYPE_NSEC3) &&
		    name_at_or_below(ldns_rr_owner(rr), zone))
			list_push_clone(&out->denial, rr);
	}
}

static bool
has_nsec(const ldns_rr_list *l)
{
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(l); i++)
		if (rr_is(ldns_rr_list_rr(l, i), LDNS_RR_TYPE_NSEC) ||
		    rr_is(ldns_rr_list_rr(l, i), LDNS_RR_TYPE_NSEC3))
			return true;
	return false;
}

/* A referral to child: its NS, their glue, and DS or the denial of DS. */
static enum referral_kind
take_referral(struct referral *out, enum referral_kind kind,
    const ldns_pkt *pkt, const ldns_rdf *zone, const ldns_rdf *child)
{
	const ldns_rr_list *auth = ldns_pkt_authority(pkt);
	size_t i;

	if ((out->child = ldns_rdf_clone(child)) == NULL)
		nomem();
	ldns_dname2canonical(out->child);
	take_ns(out, pkt, zone, child);
	for (i = 0; i < ldns_rr_list_rr_count(auth); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(auth, i);

		if (!name_eq(ldns_rr_owner(rr), child))
			continue;
		if (rr_is(rr, LDNS_RR_TYPE_DS))
			list_push_clone(&out->ds, rr);
		else if (rrsig_covers(rr) == LDNS_RR_TYPE_DS)
			list_push_clone(&out->ds_sigs, rr);
	}
	take_denial(out, pkt, zone);
	out->ds_denied = out->ds == NULL && has_nsec(out->denial);
	return out->kind = kind;
}

/* An authoritative answer: the NS of the zone it came from, its glue,
 * and the denial records (NXDOMAIN, NODATA, wildcard answers). */
static enum referral_kind
take_authoritative(struct referral *out, enum referral_kind kind,
    const ldns_pkt *pkt, const ldns_rdf *zone, const struct ns_owners *o)
{
	const ldns_rdf *apex = o->down;

	if (apex == NULL && name_eq(o->up, zone))
		apex = o->up;
	if (apex != NULL)
		take_ns(out, pkt, zone, apex);
	take_denial(out, pkt, zone);
	return out->kind = kind;
}

static void
take_soa(struct referral *out, const ldns_rr *soa)
{
	uint32_t min;

	if (soa == NULL)
		return;
	if ((out->soa = ldns_rr_clone(soa)) == NULL)
		nomem();
	min = ldns_rdf2native_int32(ldns_rr_rdf(out->soa, 6));
	out->negative_ttl = ldns_rr_ttl(out->soa) < min ?
	    ldns_rr_ttl(out->soa) : min;
}

/* --- classification ----------------------------------------------------- */

static enum referral_kind
classify_authoritative(const ldns_pkt *pkt, const ldns_rdf *zone,
    const ldns_rdf *qname, ldns_rr_type qtype, struct referral *out)
{
	const ldns_rr_list *auth = ldns_pkt_authority(pkt);
	const ldns_rr *via = NULL, *soa;
	struct ns_owners o;
	enum answer_match m;

	m = answer_scan(ldns_pkt_answer(pkt), zone, qname, qtype, &via);
	ns_owners_scan(auth, zone, qname, &o);
	/* RFC 6604: an NXDOMAIN after a CNAME is about its target. */
	if (m != MATCH_NONE) {
		if (m == MATCH_CNAME &&
		    (out->cname_target = ldns_rdf_clone(rr_target(via))) == NULL)
			nomem();
		if (m == MATCH_DNAME)
			out->cname_target = dname_substitute(qname,
			    ldns_rr_owner(via), rr_target(via));
		return take_authoritative(out, REFERRAL_ANSWER, pkt, zone, &o);
	}
	soa = find_soa(auth, qname);
	if (out->rcode == LDNS_RCODE_NXDOMAIN) {
		take_soa(out, soa);
		return take_authoritative(out, REFERRAL_NXDOMAIN, pkt, zone, &o);
	}
	if (soa != NULL) {
		take_soa(out, soa);
		return take_authoritative(out, REFERRAL_NODATA, pkt, zone, &o);
	}
	/* No SOA: a referral with AA set (Unbound follows those too), or a
	 * NODATA that names the zone's own NS instead of its SOA. */
	if (o.down != NULL)
		return take_referral(out, REFERRAL_DELEGATION, pkt, zone, o.down);
	if (o.up != NULL && !name_eq(o.up, zone))
		return take_referral(out, REFERRAL_UPWARD, pkt, zone, o.up);
	if (o.up == NULL && o.side != NULL)
		return take_referral(out, REFERRAL_SIDEWAYS, pkt, zone, o.side);
	return take_authoritative(out, REFERRAL_NODATA, pkt, zone, &o);
}

/* Without AA only a referral is worth anything; an answer (a cache, a
 * recursive server) or NXDOMAIN from it is not the zone's word. */
static enum referral_kind
classify_unauthoritative(const ldns_pkt *pkt, const ldns_rdf *zone,
    const ldns_rdf *qname, struct referral *out)
{
	struct ns_owners o;

	if (out->rcode != LDNS_RCODE_NOERROR ||
	    ldns_rr_list_rr_count(ldns_pkt_answer(pkt)) > 0)
		return out->kind = REFERRAL_LAME;
	ns_owners_scan(ldns_pkt_authority(pkt), zone, qname, &o);
	if (o.down != NULL)
		return take_referral(out, REFERRAL_DELEGATION, pkt, zone, o.down);
	if (o.up != NULL)
		return take_referral(out, REFERRAL_UPWARD, pkt, zone, o.up);
	if (o.side != NULL)
		return take_referral(out, REFERRAL_SIDEWAYS, pkt, zone, o.side);
	return out->kind = REFERRAL_LAME;
}

enum referral_kind
referral_classify(const ldns_pkt *pkt, const ldns_rdf *zone,
    const ldns_rdf *qname, ldns_rr_type qtype, struct referral *out)
{
	if (out == NULL)
		return REFERRAL_ERROR;
	memset(out, 0, sizeof(*out));
	out->kind = REFERRAL_ERROR;
	out->rcode = -1;
	if (pkt == NULL || !is_name(zone) || !is_name(qname))
		return REFERRAL_ERROR;
	/* BADVERS and friends live in the OPT record's upper bits. */
	out->rcode = ((int)ldns_pkt_edns_extended_rcode(pkt) << 4) |
	    (int)ldns_pkt_get_rcode(pkt);
	out->aa = ldns_pkt_aa(pkt);
	switch (out->rcode) {
	case LDNS_RCODE_NOERROR:
	case LDNS_RCODE_NXDOMAIN:
		break;
	case LDNS_RCODE_REFUSED:
	case LDNS_RCODE_NOTAUTH:
		return out->kind = REFERRAL_LAME;
	default:
		return REFERRAL_ERROR;
	}
	if (out->aa)
		return classify_authoritative(pkt, zone, qname, qtype, out);
	return classify_unauthoritative(pkt, zone, qname, out);
}

void
referral_free(struct referral *r)
{
	if (r == NULL)
		return;
	ldns_rdf_deep_free(r->child);
	ldns_rr_list_deep_free(r->ns);
	ldns_rr_list_deep_free(r->glue);
	ldns_rr_list_deep_free(r->ds);
	ldns_rr_list_deep_free(r->ds_sigs);
	ldns_rr_list_deep_free(r->denial);
	ldns_rdf_deep_free(r->cname_target);
	ldns_rr_free(r->soa);
	memset(r, 0, sizeof(*r));
}

const char *
referral_kind_str(enum referral_kind k)
{
	if ((unsigned)k >= REFERRAL_KIND_COUNT)
		return "unknown";
	return kind_codes[k];
}

size_t
referral_glue_for(const struct referral *r, const ldns_rdf *nsname,
    ldns_rr **out, size_t cap)
{
	size_t i, n = 0;

	if (r == NULL || out == NULL || !is_name(nsname))
		return 0;
	for (i = 0; i < ldns_rr_list_rr_count(r->glue) && n < cap; i++) {
		ldns_rr *rr = ldns_rr_list_rr(r->glue, i);

		if (name_eq(ldns_rr_owner(rr), nsname))
			out[n++] = rr;
	}
	return n;
}
