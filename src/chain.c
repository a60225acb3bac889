/* chain.c - the chain of trust of a survey, verified with ldns: keys
 * against the anchor or the parent's DS, DS against the parent's keys,
 * answers and proofs of non-existence against the zone's keys. See
 * chain.h for the order and for what happens after a broken link. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dnstriage/chain.h"
#include "dnstriage/dnsmsg.h"
#include "dnstriage/textfmt.h"

#define DNSKEY_ZONE_BIT 0x0100u		/* RFC 4034 2.1.1 */
#define DNSKEY_REVOKE_BIT 0x0080u	/* RFC 5011 7 */

static const char *const problem_names[CHAIN_PROBLEM_COUNT] = {
#define X(id, str) [CHAIN_##id] = (str),
	CHAIN_PROBLEM_TABLE(X)
#undef X
};

const char *
chain_problem_str(enum chain_problem p)
{
	return (unsigned)p < CHAIN_PROBLEM_COUNT ? problem_names[p] : "unknown";
}

bool
chain_problem_breaks(enum chain_problem p)
{
	return p != CHAIN_OK && p != CHAIN_UNSUPPORTED &&
	    (unsigned)p < CHAIN_PROBLEM_COUNT;
}

time_t
chain_rrsig_time(uint32_t t, time_t now)
{
	uint32_t d = t - (uint32_t)now;

	/* d is t - now modulo 2^32; below 2^31 it lies ahead of now. */
	if (d < 0x80000000u)
		return now + (time_t)d;
	return now - (time_t)(0x100000000ull - d);
}

/* --- links -------------------------------------------------------------- */

static struct chain_link *
link_add(struct chain *c, enum chain_link_kind kind, size_t level,
    const ldns_rdf *owner, ldns_rr_type type, const ldns_rdf *signer)
{
	struct chain_link *l;

	if (c->nlinks == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 8;
		c->links = xreallocarray(c->links, c->cap, sizeof(*c->links));
	}
	l = &c->links[c->nlinks++];
	memset(l, 0, sizeof(*l));
	l->kind = kind;
	l->level = level;
	l->type = type;
	l->auth = l->type_index = SIZE_MAX;
	l->status = LDNS_STATUS_OK;
	if (owner != NULL)
		dnsmsg_dname_text(owner, l->owner, sizeof(l->owner));
	if (signer != NULL)
		dnsmsg_dname_text(signer, l->signer, sizeof(l->signer));
	return l;
}

static void
tag_add(uint16_t *tags, size_t *n, uint16_t tag)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (tags[i] == tag)
			return;
	if (*n < CHAIN_MAX_TAGS)
		tags[(*n)++] = tag;
}

/* The zone's keys, for messages: tag and flags of each. */
static void
link_set_keys(struct chain_link *l, const ldns_rr_list *keys)
{
	size_t i;

	l->nkeys = 0;
	for (i = 0; keys != NULL && i < ldns_rr_list_rr_count(keys) &&
	    l->nkeys < CHAIN_MAX_TAGS; i++) {
		const ldns_rr *k = ldns_rr_list_rr(keys, i);

		l->key_tags[l->nkeys] = ldns_calc_keytag(k);
		l->key_flags[l->nkeys] = ldns_rdf2native_int16(ldns_rr_rdf(k, 0));
		l->nkeys++;
	}
}

/* --- RRsets out of messages --------------------------------------------- */

static bool
rr_well_formed(const ldns_rr *rr)
{
	switch (ldns_rr_get_type(rr)) {
	case LDNS_RR_TYPE_RRSIG:
		return ldns_rr_rd_count(rr) >= 9;
	case LDNS_RR_TYPE_DNSKEY:
	case LDNS_RR_TYPE_DS:
		return ldns_rr_rd_count(rr) >= 4;
	case LDNS_RR_TYPE_NSEC:
		return ldns_rr_rd_count(rr) >= 2;
	case LDNS_RR_TYPE_NSEC3:
		return ldns_rr_rd_count(rr) >= 6;
	default:
		return true;
	}
}

/* Clones of the RRs of list with this owner and type (class IN); NULL if
 * none. For RRSIG, covered selects the type covered. */
static ldns_rr_list *
select_rrs(const ldns_rr_list *list, const ldns_rdf *owner,
    ldns_rr_type type, ldns_rr_type covered)
{
	ldns_rr_list *out = NULL;
	size_t i;

	for (i = 0; list != NULL && i < ldns_rr_list_rr_count(list); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(list, i);

		if (ldns_rr_get_type(rr) != type ||
		    ldns_rr_get_class(rr) != LDNS_RR_CLASS_IN ||
		    !rr_well_formed(rr) ||
		    (owner != NULL &&
		    ldns_dname_compare(ldns_rr_owner(rr), owner) != 0))
			continue;
		if (type == LDNS_RR_TYPE_RRSIG &&
		    ldns_rdf2rr_type(ldns_rr_rrsig_typecovered(rr)) != covered)
			continue;
		if (out == NULL)
			out = ldns_rr_list_new();
		ldns_rr_list_push_rr(out, ldns_rr_clone(rr));
	}
	return out;
}

static ldns_rr_list *
answer_rrs(const ldns_pkt *pkt, const ldns_rdf *owner, ldns_rr_type type)
{
	return select_rrs(ldns_pkt_answer(pkt), owner, type, 0);
}

static ldns_rr_list *
answer_sigs(const ldns_pkt *pkt, const ldns_rdf *owner, ldns_rr_type type)
{
	return select_rrs(ldns_pkt_answer(pkt), owner, LDNS_RR_TYPE_RRSIG, type);
}

static bool
good_answer(const struct probe_result *res)
{
	return res != NULL && res->outcome == PROBE_ANSWER && res->pkt != NULL &&
	    ldns_pkt_aa(res->pkt);
}

/* --- one RRset against its signatures ----------------------------------- */

struct sig_pick {
	const ldns_rr *sig;
	time_t inception, expiration;
	ldns_status status;
};

static void
pick_keep(struct sig_pick *p, const ldns_rr *sig, time_t inc, time_t exp,
    ldns_status st, bool later_wins)
{
	if (p->sig != NULL && (later_wins ? exp <= p->expiration :
	    inc >= p->inception))
		return;
	p->sig = sig;
	p->inception = inc;
	p->expiration = exp;
	p->status = st;
}

static void
link_set_sig(struct chain_link *l, const struct sig_pick *p)
{
	l->have_sig = true;
	l->keytag = ldns_rdf2native_int16(ldns_rr_rrsig_keytag(p->sig));
	l->algorithm = ldns_rdf2native_int8(ldns_rr_rrsig_algorithm(p->sig));
	l->inception = p->inception;
	l->expiration = p->expiration;
	l->status = p->status;
}

/* Verify rrset with those of sigs that signer made, with keys, at now.
 * Sets the link's problem, its signature, valid_until and sig_tags.
 * Returns false when no signature is by signer but some are by another
 * zone (the caller decides what that means). */
static bool
verify_rrset(struct chain_link *l, const ldns_rr_list *rrset,
    const ldns_rr_list *sigs, const ldns_rdf *signer,
    const ldns_rr_list *keys, time_t now)
{
	struct sig_pick ok = { 0 }, expired = { 0 }, early = { 0 }, bad = { 0 },
	    unknown = { 0 }, unsupported = { 0 };
	size_t i, mine = 0, others = 0;

	for (i = 0; sigs != NULL && i < ldns_rr_list_rr_count(sigs); i++) {
		const ldns_rr *sig = ldns_rr_list_rr(sigs, i);
		time_t inc, exp;
		ldns_status st;

		if (ldns_dname_compare(ldns_rr_rrsig_signame(sig), signer) != 0) {
			others++;
			continue;
		}
		mine++;
		tag_add(l->sig_tags, &l->nsig_tags,
		    ldns_rdf2native_int16(ldns_rr_rrsig_keytag(sig)));
		inc = chain_rrsig_time(ldns_rdf2native_int32(
		    ldns_rr_rrsig_inception(sig)), now);
		exp = chain_rrsig_time(ldns_rdf2native_int32(
		    ldns_rr_rrsig_expiration(sig)), now);
		st = keys != NULL && ldns_rr_list_rr_count(keys) > 0 ?
		    ldns_verify_rrsig_keylist_time(rrset, sig, keys, now, NULL) :
		    LDNS_STATUS_CRYPTO_NO_MATCHING_KEYTAG_DNSKEY;
		switch (st) {
		case LDNS_STATUS_OK:
			pick_keep(&ok, sig, inc, exp, st, true);
			break;
		case LDNS_STATUS_CRYPTO_SIG_EXPIRED:
			pick_keep(&expired, sig, inc, exp, st, true);
			break;
		case LDNS_STATUS_CRYPTO_SIG_NOT_INCEPTED:
			pick_keep(&early, sig, inc, exp, st, false);
			break;
		case LDNS_STATUS_CRYPTO_NO_MATCHING_KEYTAG_DNSKEY:
			pick_keep(&unknown, sig, inc, exp, st, true);
			break;
		case LDNS_STATUS_CRYPTO_UNKNOWN_ALGO:
		case LDNS_STATUS_CRYPTO_ALGO_NOT_IMPL:
			pick_keep(&unsupported, sig, inc, exp, st, true);
			break;
		default:
			pick_keep(&bad, sig, inc, exp, st, true);
			break;
		}
	}
	if (ok.sig != NULL) {
		link_set_sig(l, &ok);
		l->problem = CHAIN_OK;
		l->valid_until = ok.expiration;
	} else if (expired.sig != NULL) {
		link_set_sig(l, &expired);
		l->problem = CHAIN_EXPIRED;
	} else if (early.sig != NULL) {
		link_set_sig(l, &early);
		l->problem = CHAIN_NOT_YET_VALID;
	} else if (bad.sig != NULL) {
		link_set_sig(l, &bad);
		l->problem = CHAIN_BAD_SIGNATURE;
	} else if (unknown.sig != NULL) {
		link_set_sig(l, &unknown);
		l->problem = CHAIN_UNKNOWN_KEY;
	} else if (unsupported.sig != NULL) {
		link_set_sig(l, &unsupported);
		l->problem = CHAIN_UNSUPPORTED;
	} else {
		l->problem = CHAIN_NO_SIGNATURE;
		l->status = LDNS_STATUS_CRYPTO_NO_RRSIG;
	}
	return mine > 0 || others == 0;
}

/* --- keys of a zone ----------------------------------------------------- */

static bool
digest_supported(uint8_t digest)
{
	return digest == LDNS_SHA1 || digest == LDNS_SHA256 ||
	    digest == LDNS_SHA384;
}

/* Of the zone keys in set, those that a DS or DNSKEY of refs names. */
static ldns_rr_list *
entry_keys(struct chain_link *l, const ldns_rr_list *set,
    const ldns_rr_list *refs, bool *any_supported)
{
	ldns_rr_list *out = ldns_rr_list_new();
	size_t i, k;

	*any_supported = false;
	for (k = 0; refs != NULL && k < ldns_rr_list_rr_count(refs); k++) {
		const ldns_rr *ref = ldns_rr_list_rr(refs, k);
		bool is_ds = ldns_rr_get_type(ref) == LDNS_RR_TYPE_DS;
		uint16_t tag;

		if (!rr_well_formed(ref))
			continue;
		if (is_ds) {
			uint8_t digest = ldns_rdf2native_int8(ldns_rr_rdf(ref, 2));

			tag = ldns_rdf2native_int16(ldns_rr_rdf(ref, 0));
			if (l->nds < CHAIN_MAX_TAGS) {
				l->ds_tags[l->nds] = tag;
				l->ds_digests[l->nds++] = digest;
			}
			if (!digest_supported(digest))
				continue;
		} else {
			if (ldns_rdf2native_int16(ldns_rr_rdf(ref, 0)) &
			    DNSKEY_REVOKE_BIT)
				continue;
			tag = ldns_calc_keytag(ref);
			if (l->nds < CHAIN_MAX_TAGS) {
				l->ds_tags[l->nds] = tag;
				l->ds_digests[l->nds++] = 0;
			}
		}
		*any_supported = true;
		for (i = 0; i < ldns_rr_list_rr_count(set); i++) {
			ldns_rr *key = ldns_rr_list_rr(set, i);
			uint16_t flags = ldns_rdf2native_int16(ldns_rr_rdf(key, 0));

			if (!(flags & DNSKEY_ZONE_BIT) || (flags & DNSKEY_REVOKE_BIT))
				continue;
			if (ldns_rr_compare_ds(key, ref)) {
				if (!ldns_rr_list_contains_rr(out, key))
					ldns_rr_list_push_rr(out, key);
			} else if (is_ds && ldns_calc_keytag(key) == tag &&
			    ldns_rdf2native_int8(ldns_rr_rdf(key, 2)) ==
			    ldns_rdf2native_int8(ldns_rr_rdf(ref, 1))) {
				l->digest_mismatch = true;
			}
		}
	}
	return out;
}

/* What the walk does after a check. */
enum walk_next { WALK_ON, WALK_STOP, WALK_WAIT };

/* Past a sound link, or one that fails only in time (its data and keys
 * are authentic), the walk goes on; past anything else it stops there. */
static enum walk_next
after_link(struct chain *c, const struct chain_link *l, size_t level)
{
	if (l->problem == CHAIN_OK || l->problem == CHAIN_EXPIRED ||
	    l->problem == CHAIN_NOT_YET_VALID)
		return WALK_ON;
	if (l->problem == CHAIN_UNSUPPORTED)
		c->gap = CHAIN_GAP_UNSUPPORTED;
	c->end = level;
	return WALK_STOP;
}

struct walk_state {
	const struct survey *sv;
	time_t now;
	bool final;
	struct chain *c;
	ldns_rr_list *keys;		/* the trusted keys of the level */
	ldns_rr_list *refs;		/* what names the next level's keys */
	bool refs_owned;
	bool insecure;			/* a delegation without DS ended it */
};

/* The DNSKEY RRset of level L against w->refs: sets w->keys. */
static enum walk_next
check_keys(struct walk_state *w, size_t L, bool anchor)
{
	const struct survey_level *lv = &w->sv->levels[L];
	const struct probe_result *res = lv->dnskey;
	struct chain *c = w->c;
	ldns_rr_list *set, *sigs, *entry;
	struct chain_link *l;
	bool supported;

	if (!good_answer(res) || ldns_pkt_get_rcode(res->pkt) !=
	    LDNS_RCODE_NOERROR) {
		if (!w->final)
			return WALK_WAIT;
		c->gap = CHAIN_GAP_NO_DNSKEY_ANSWER;
		c->end = L;
		return WALK_STOP;
	}
	l = link_add(c, CHAIN_LINK_KEYS, L, lv->apex, LDNS_RR_TYPE_DNSKEY,
	    lv->apex);
	l->probe = res;
	l->anchor = anchor;
	set = answer_rrs(res->pkt, lv->apex, LDNS_RR_TYPE_DNSKEY);
	if (set == NULL) {
		bool dummy;

		ldns_rr_list_free(entry_keys(l, NULL, w->refs, &dummy));
		l->problem = CHAIN_NO_DNSKEY;
		c->end = L;
		return WALK_STOP;
	}
	link_set_keys(l, set);
	entry = entry_keys(l, set, w->refs, &supported);
	if (!supported) {
		l->problem = CHAIN_UNSUPPORTED;
		c->gap = CHAIN_GAP_UNSUPPORTED;
		c->end = L;
		ldns_rr_list_free(entry);
		ldns_rr_list_deep_free(set);
		return WALK_STOP;
	}
	if (ldns_rr_list_rr_count(entry) == 0) {
		l->problem = CHAIN_DS_MISMATCH;
		c->end = L;
		ldns_rr_list_free(entry);
		ldns_rr_list_deep_free(set);
		return WALK_STOP;
	}
	sigs = answer_sigs(res->pkt, lv->apex, LDNS_RR_TYPE_DNSKEY);
	verify_rrset(l, set, sigs, lv->apex, entry, w->now);
	/* The DNSKEY RRset needs a signature by a key the DS names; one by
	 * another key of the set does not count. */
	if (l->problem == CHAIN_UNKNOWN_KEY)
		l->problem = CHAIN_NO_SIGNATURE;
	ldns_rr_list_free(entry);
	ldns_rr_list_deep_free(sigs);
	ldns_rr_list_deep_free(w->keys);
	w->keys = set;
	return after_link(c, l, L);
}

/* --- proofs of non-existence -------------------------------------------- */

static bool
nsec3_checkable(const ldns_rr_list *nsecs)
{
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(nsecs); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(nsecs, i);

		if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_NSEC3 &&
		    (ldns_nsec3_algorithm(rr) != 1 ||
		    ldns_nsec3_iterations(rr) > CHAIN_MAX_NSEC3_ITERATIONS))
			return false;
	}
	return true;
}

/* Check each NSEC/NSEC3 RRset of list (records and their RRSIGs mixed)
 * with keys, then whether they prove that qname/qtype does not exist.
 * rcode: NXDOMAIN, or NOERROR for NODATA. Fills l. */
static void
verify_denial(struct chain_link *l, const ldns_rr_list *list,
    const ldns_rdf *qname, ldns_rr_type qtype, ldns_pkt_rcode rcode,
    const ldns_rdf *signer, const ldns_rr_list *keys, time_t now)
{
	ldns_rr_list *nsecs = select_rrs(list, NULL, LDNS_RR_TYPE_NSEC, 0);
	ldns_rr_list *nsec3s = select_rrs(list, NULL, LDNS_RR_TYPE_NSEC3, 0);
	ldns_rr_list *proof = nsecs != NULL ? nsecs : nsec3s;
	ldns_rr_type ptype = nsecs != NULL ? LDNS_RR_TYPE_NSEC :
	    LDNS_RR_TYPE_NSEC3;
	ldns_rr_list *allsigs = select_rrs(list, NULL, LDNS_RR_TYPE_RRSIG,
	    ptype);
	time_t until = 0;
	ldns_rr *query;
	ldns_status st;
	size_t i;

	l->rcode = rcode;
	if (proof == NULL) {
		l->problem = CHAIN_NO_DENIAL;
		l->status = LDNS_STATUS_DNSSEC_NSEC_RR_NOT_COVERED;
		goto out;
	}
	l->nsec3 = ptype == LDNS_RR_TYPE_NSEC3;
	if (l->nsec3 && !nsec3_checkable(proof)) {
		l->problem = CHAIN_UNSUPPORTED;
		goto out;
	}
	/* Every NSEC/NSEC3 is an RRset of its own. */
	for (i = 0; i < ldns_rr_list_rr_count(proof); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(proof, i);
		ldns_rr_list *set = select_rrs(proof, ldns_rr_owner(rr), ptype, 0);
		ldns_rr_list *sigs = select_rrs(allsigs, ldns_rr_owner(rr),
		    LDNS_RR_TYPE_RRSIG, ptype);
		struct chain_link one;

		memset(&one, 0, sizeof(one));
		verify_rrset(&one, set, sigs, signer, keys, now);
		ldns_rr_list_deep_free(set);
		ldns_rr_list_deep_free(sigs);
		if (one.problem != CHAIN_OK) {
			l->problem = one.problem;
			l->have_sig = one.have_sig;
			l->keytag = one.keytag;
			l->algorithm = one.algorithm;
			l->inception = one.inception;
			l->expiration = one.expiration;
			l->status = one.status;
			memcpy(l->sig_tags, one.sig_tags, sizeof(l->sig_tags));
			l->nsig_tags = one.nsig_tags;
			dnsmsg_dname_text(ldns_rr_owner(rr), l->proof_owner,
			    sizeof(l->proof_owner));
			l->proof_type = ptype;
			goto out;
		}
		/* The proof lasts as long as its shortest-lived part. */
		if (until == 0 || one.valid_until < until) {
			until = one.valid_until;
			l->have_sig = true;
			l->keytag = one.keytag;
			l->algorithm = one.algorithm;
			l->inception = one.inception;
			l->expiration = one.expiration;
			dnsmsg_dname_text(ldns_rr_owner(rr), l->proof_owner,
			    sizeof(l->proof_owner));
			l->proof_type = ptype;
		}
	}
	query = ldns_rr_new();
	ldns_rr_set_owner(query, ldns_rdf_clone(qname));
	ldns_rr_set_type(query, qtype);
	ldns_rr_set_class(query, LDNS_RR_CLASS_IN);
	if (!l->nsec3)
		st = ldns_dnssec_verify_denial(query, proof, allsigs);
	else
		st = ldns_dnssec_verify_denial_nsec3(query, proof, allsigs,
		    rcode, qtype, rcode == LDNS_RCODE_NOERROR);
	/* ldns accepts an NSEC matching the name as NODATA proof; for
	 * NXDOMAIN such an NSEC says the name exists. */
	if (st == LDNS_STATUS_OK && !l->nsec3 && rcode == LDNS_RCODE_NXDOMAIN)
		for (i = 0; i < ldns_rr_list_rr_count(proof); i++)
			if (ldns_dname_compare(ldns_rr_owner(ldns_rr_list_rr(proof,
			    i)), qname) == 0)
				st = LDNS_STATUS_DNSSEC_NSEC_RR_NOT_COVERED;
	ldns_rr_free(query);
	if (st != LDNS_STATUS_OK) {
		l->problem = CHAIN_BAD_DENIAL;
		l->status = st;
		l->proof_owner[0] = '\0';
		goto out;
	}
	l->problem = CHAIN_OK;
	l->valid_until = until;
out:
	ldns_rr_list_deep_free(nsecs);
	ldns_rr_list_deep_free(nsec3s);
	ldns_rr_list_deep_free(allsigs);
}

/* --- delegations -------------------------------------------------------- */

static const struct probe_result *
referral_probe(const struct survey *sv, size_t parent)
{
	const struct survey_level *p = &sv->levels[parent];

	if (p->end != SURVEY_LEVEL_REFERRAL || p->winner >= p->nservers)
		return NULL;
	return p->servers[p->winner].result;
}

static bool
has_dnskeys(const struct probe_result *res, const ldns_rdf *apex)
{
	ldns_rr_list *set;

	if (!good_answer(res))
		return false;
	set = answer_rrs(res->pkt, apex, LDNS_RR_TYPE_DNSKEY);
	ldns_rr_list_deep_free(set);
	return set != NULL;
}

/* The delegation from level P to level C = P + 1, with w->keys those of
 * P: sets w->refs to the child's DS. */
static enum walk_next
check_delegation(struct walk_state *w, size_t C)
{
	const struct survey_level *child = &w->sv->levels[C];
	const struct survey_level *parent = &w->sv->levels[C - 1];
	struct chain *c = w->c;
	struct chain_link *l;
	ldns_rr_list *sigs;

	if (child->ds != NULL && ldns_rr_list_rr_count(child->ds) > 0) {
		l = link_add(c, CHAIN_LINK_DS, C, child->apex, LDNS_RR_TYPE_DS,
		    parent->apex);
		l->probe = referral_probe(w->sv, C - 1);
		link_set_keys(l, w->keys);
		sigs = select_rrs(child->ds_sigs, child->apex,
		    LDNS_RR_TYPE_RRSIG, LDNS_RR_TYPE_DS);
		verify_rrset(l, child->ds, sigs, parent->apex, w->keys, w->now);
		ldns_rr_list_deep_free(sigs);
		if (w->refs_owned)
			ldns_rr_list_deep_free(w->refs);
		w->refs = child->ds;
		w->refs_owned = false;
		return after_link(c, l, C);
	}
	if (child->ds_denied && child->ds_denial != NULL) {
		l = link_add(c, CHAIN_LINK_NO_DS, C, child->apex, LDNS_RR_TYPE_DS,
		    parent->apex);
		l->probe = referral_probe(w->sv, C - 1);
		verify_denial(l, child->ds_denial, child->apex, LDNS_RR_TYPE_DS,
		    LDNS_RCODE_NOERROR, parent->apex, w->keys, w->now);
		l->proven = l->problem == CHAIN_OK;
		w->insecure = l->proven;
		c->end = C;
		return WALK_STOP;
	}
	/* Neither DS nor proof: an unsigned child, unless it has keys (then
	 * the referral, or the lack of one, hid its DS from us). */
	if (child->dnskey == NULL && !w->final)
		return WALK_WAIT;
	c->end = C;
	if (has_dnskeys(child->dnskey, child->apex)) {
		c->gap = CHAIN_GAP_NO_DS_INFO;
		return WALK_STOP;
	}
	l = link_add(c, CHAIN_LINK_NO_DS, C, child->apex, LDNS_RR_TYPE_DS,
	    parent->apex);
	l->probe = referral_probe(w->sv, C - 1);
	l->proven = false;
	w->insecure = true;
	return WALK_STOP;
}

/* --- the answers of the zone -------------------------------------------- */

/* The DNAME RRset of the answer whose owner lies above qname; *owner is
 * set to that owner (the packet's). NULL if none. */
static ldns_rr_list *
dname_rrs(const ldns_pkt *pkt, const ldns_rdf *qname, const ldns_rdf **owner)
{
	const ldns_rr_list *an = ldns_pkt_answer(pkt);
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(an); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(an, i);

		if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_DNAME &&
		    dnsmsg_name_below(qname, ldns_rr_owner(rr))) {
			*owner = ldns_rr_owner(rr);
			return answer_rrs(pkt, *owner, LDNS_RR_TYPE_DNAME);
		}
	}
	return NULL;
}

/* One server's answer for one type, against the zone's keys; false when
 * its signatures are all by another zone (not this chain's to judge). */
static bool
check_answer(struct walk_state *w, size_t Z, size_t i, size_t t)
{
	const struct survey *sv = w->sv;
	const struct survey_level *zone = &sv->levels[Z];
	const struct probe_result *res = sv->auth[i].answer[t];
	ldns_rr_type type = sv->types[t];
	int rcode = ldns_pkt_get_rcode(res->pkt);
	const ldns_rdf *owner = sv->qname;
	ldns_rr_list *set = NULL, *sigs;
	struct chain_link *l;
	bool ours = true;

	if (rcode == LDNS_RCODE_NOERROR)
		set = answer_rrs(res->pkt, sv->qname, type);
	/* An alias answers for the name, whatever the RCODE says of its
	 * target (another RRset, possibly of another zone): the alias is
	 * what this zone signs. A synthesized CNAME is unsigned; its DNAME
	 * is signed (RFC 6672 5.3.3). */
	if (set == NULL && type != LDNS_RR_TYPE_CNAME &&
	    type != LDNS_RR_TYPE_DNAME) {
		if ((set = dname_rrs(res->pkt, sv->qname, &owner)) != NULL)
			type = LDNS_RR_TYPE_DNAME;
		else if ((set = answer_rrs(res->pkt, sv->qname,
		    LDNS_RR_TYPE_CNAME)) != NULL)
			type = LDNS_RR_TYPE_CNAME;
	}
	if (set != NULL) {
		l = link_add(w->c, CHAIN_LINK_ANSWER, Z, owner, type,
		    zone->apex);
		sigs = answer_sigs(res->pkt, owner, type);
		ours = verify_rrset(l, set, sigs, zone->apex, w->keys, w->now);
		ldns_rr_list_deep_free(sigs);
		ldns_rr_list_deep_free(set);
	} else {
		l = link_add(w->c, CHAIN_LINK_DENIAL, Z, sv->qname, type,
		    zone->apex);
		verify_denial(l, ldns_pkt_authority(res->pkt), sv->qname, type,
		    (ldns_pkt_rcode)rcode, zone->apex, w->keys, w->now);
	}
	if (!ours) {
		w->c->nlinks--;
		return false;
	}
	l->probe = res;
	l->auth = i;
	l->type_index = t;
	link_set_keys(l, w->keys);
	return true;
}

/* Every authoritative answer (AA, NOERROR or NXDOMAIN) of zone Z. */
static enum walk_next
check_answers(struct walk_state *w, size_t Z)
{
	const struct survey *sv = w->sv;
	size_t i, t, checked = 0, other_signer = 0;

	for (i = 0; i < sv->nauth; i++) {
		for (t = 0; t < sv->ntypes; t++) {
			const struct probe_result *res = sv->auth[i].answer[t];
			int rcode;

			if (res == NULL) {
				if (!w->final)
					return WALK_WAIT;
				continue;
			}
			rcode = good_answer(res) ? dnsmsg_rcode(res->pkt) : -1;
			if (rcode != LDNS_RCODE_NOERROR &&
			    rcode != LDNS_RCODE_NXDOMAIN)
				continue;
			if (check_answer(w, Z, i, t))
				checked++;
			else
				other_signer++;
		}
	}
	if (checked == 0) {
		w->c->gap = other_signer > 0 ? CHAIN_GAP_OTHER_SIGNER :
		    CHAIN_GAP_NO_ANSWER;
		w->c->end = Z;
	}
	return WALK_STOP;
}

/* --- the walk ----------------------------------------------------------- */

/* The first level (from the root) that the anchor names; SIZE_MAX: none.
 * refs gets the anchor's RRs for it. */
static size_t
anchored_level(const struct survey *sv, const struct rootdata *anchor,
    ldns_rr_list **refs)
{
	size_t L, i;

	*refs = NULL;
	if (anchor == NULL || anchor->rrs == NULL)
		return SIZE_MAX;
	for (L = 0; L < sv->nlevels; L++) {
		const ldns_rdf *apex = sv->levels[L].apex;

		if (apex == NULL)
			continue;
		for (i = 0; i < ldns_rr_list_rr_count(anchor->rrs); i++) {
			const ldns_rr *rr = ldns_rr_list_rr(anchor->rrs, i);
			ldns_rr_type type = ldns_rr_get_type(rr);

			if ((type != LDNS_RR_TYPE_DS &&
			    type != LDNS_RR_TYPE_DNSKEY) || !rr_well_formed(rr) ||
			    ldns_dname_compare(ldns_rr_owner(rr), apex) != 0)
				continue;
			if (*refs == NULL)
				*refs = ldns_rr_list_new();
			ldns_rr_list_push_rr(*refs, ldns_rr_clone(rr));
		}
		if (*refs != NULL)
			return L;
	}
	return SIZE_MAX;
}

/* Broken beats unverified beats insecure beats secure. */
static void
conclude(struct chain *c, bool insecure)
{
	size_t i;

	for (i = 0; i < c->nlinks; i++) {
		if (chain_problem_breaks(c->links[i].problem)) {
			c->status = CHAIN_BOGUS;
			c->first_problem = i;
			c->end = c->links[i].level;
			return;
		}
		if (c->links[i].problem == CHAIN_UNSUPPORTED &&
		    c->gap == CHAIN_GAP_NONE) {
			c->gap = CHAIN_GAP_UNSUPPORTED;
			c->end = c->links[i].level;
		}
	}
	if (c->gap != CHAIN_GAP_NONE)
		c->status = CHAIN_UNVERIFIED;
	else
		c->status = insecure ? CHAIN_INSECURE : CHAIN_SECURE;
}

void
chain_verify(const struct survey *sv, const struct rootdata *anchor,
    time_t now, bool final, struct chain *out)
{
	struct walk_state w;
	enum walk_next r = WALK_ON;
	size_t Z, L, T;

	memset(out, 0, sizeof(*out));
	memset(&w, 0, sizeof(w));
	w.sv = sv;
	w.now = now;
	w.final = final;
	w.c = out;
	if (sv->zone == NULL) {
		out->status = sv->walk_done || final ? CHAIN_UNVERIFIED :
		    CHAIN_PENDING;
		out->gap = CHAIN_GAP_NO_ZONE;
		return;
	}
	Z = (size_t)(sv->zone - sv->levels);
	T = anchored_level(sv, anchor, &w.refs);
	w.refs_owned = true;
	if (T == SIZE_MAX || T > Z) {
		ldns_rr_list_deep_free(w.refs);
		out->status = CHAIN_UNVERIFIED;
		out->gap = CHAIN_GAP_NO_ANCHOR;
		return;
	}
	out->top = T;
	for (L = T; L <= Z && r == WALK_ON; L++) {
		if (L > T && (r = check_delegation(&w, L)) != WALK_ON)
			break;
		r = check_keys(&w, L, L == T);
	}
	if (r == WALK_ON)
		r = check_answers(&w, Z);
	if (w.refs_owned)
		ldns_rr_list_deep_free(w.refs);
	ldns_rr_list_deep_free(w.keys);
	if (r == WALK_WAIT) {
		chain_free(out);
		out->status = CHAIN_PENDING;
		return;
	}
	if (!w.insecure && out->gap == CHAIN_GAP_NONE)
		out->end = Z;
	conclude(out, w.insecure);
}

void
chain_free(struct chain *c)
{
	free(c->links);
	memset(c, 0, sizeof(*c));
}
