/* step_dnssec.c - the DNSSEC step: what validating resolvers say (AD, a
 * SERVFAIL that goes away with CD=1, Extended DNS Errors), and the chain
 * of trust from the trust anchor down to the answer, verified here
 * (chain.h), with the link that breaks it named exactly and every
 * signature that expires soon. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/chain.h"
#include "dnstriage/dnsmsg.h"
#include "dnstriage/i18n.h"
#include "dnstriage/textfmt.h"
#include "step_util.h"

#define DAY_SECONDS 86400

/* --- text pieces (DNS notation, never translated) ----------------------- */

static void
algorithm_text(uint8_t alg, char *buf, size_t len)
{
	const ldns_lookup_table *lt = ldns_lookup_by_id(ldns_algorithms, alg);

	if (lt != NULL && lt->name != NULL)
		snprintf(buf, len, "%s", lt->name);
	else
		snprintf(buf, len, "%u", (unsigned)alg);
}

static const char *
digest_name(uint8_t d)
{
	switch (d) {
	case 1: return "SHA-1";
	case 2: return "SHA-256";
	case 3: return "GOST";
	case 4: return "SHA-384";
	default: return NULL;
	}
}

/* "60485/SHA-256, 11111/SHA-1" or, for a DNSKEY anchor, "20326". */
static char *
ds_tags_text(const struct chain_link *l)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < l->nds; i++) {
		const char *d = digest_name(l->ds_digests[i]);

		strbuf_addf(&sb, "%s%u", i > 0 ? ", " : "", (unsigned)l->ds_tags[i]);
		if (l->ds_digests[i] != 0 && d != NULL)
			strbuf_addf(&sb, "/%s", d);
		else if (l->ds_digests[i] != 0)
			strbuf_addf(&sb, "/digest-%u", (unsigned)l->ds_digests[i]);
	}
	if (sb.len == 0)
		strbuf_adds(&sb, "-");
	return strbuf_detach(&sb);
}

/* "12345/KSK, 54321/ZSK" */
static char *
key_tags_text(const struct chain_link *l)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < l->nkeys; i++)
		strbuf_addf(&sb, "%s%u/%s", i > 0 ? ", " : "",
		    (unsigned)l->key_tags[i], l->key_flags[i] & 1 ? "KSK" : "ZSK");
	if (sb.len == 0)
		strbuf_adds(&sb, "-");
	return strbuf_detach(&sb);
}

static char *
tags_text(const uint16_t *tags, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%u", i > 0 ? ", " : "", (unsigned)tags[i]);
	if (sb.len == 0)
		strbuf_adds(&sb, "-");
	return strbuf_detach(&sb);
}

/* The RRset a link's signature problem is about: owner and type. */
static void
link_rrset(const struct chain_link *l, const char **owner, char *type,
    size_t typelen)
{
	if (l->proof_owner[0] != '\0') {
		*owner = l->proof_owner;
		type_text(l->proof_type, type, typelen);
	} else {
		*owner = l->owner;
		type_text(l->type, type, typelen);
	}
}

/* "ns1.nic.test (127.0.2.1#53)" for a server of level L, or the address. */
static void
level_server_label(const struct survey_level *lv, const char *server,
    char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < lv->nservers; i++)
		if (lv->servers[i].nsname != NULL &&
		    strcmp(lv->servers[i].text, server) == 0) {
			snprintf(buf, len, "%s (%s)", lv->servers[i].nsname,
			    server);
			return;
		}
	snprintf(buf, len, "%s", server);
}

/* Where a link's data came from, for people. */
static void
link_source(const struct survey *sv, const struct chain_link *l, char *buf,
    size_t len)
{
	size_t from = l->kind == CHAIN_LINK_KEYS || l->level == 0 ? l->level :
	    l->level - 1;

	if (l->auth < sv->nauth)
		auth_server_label(&sv->auth[l->auth], buf, len);
	else if (l->probe != NULL)
		level_server_label(&sv->levels[from], l->probe->server, buf, len);
	else if (l->kind == CHAIN_LINK_DS || l->kind == CHAIN_LINK_NO_DS)
		snprintf(buf, len, "%s", sv->levels[l->level].ds_from);
	else
		snprintf(buf, len, "?");
}

/* Links of answers from different servers that say the same thing make
 * one finding. */
static bool
same_story(const struct chain_link *a, const struct chain_link *b)
{
	return a->kind == b->kind && a->problem == b->problem &&
	    a->type == b->type && a->level == b->level &&
	    a->have_sig == b->have_sig && a->keytag == b->keytag &&
	    a->expiration == b->expiration && a->inception == b->inception &&
	    a->valid_until == b->valid_until &&
	    strcmp(a->proof_owner, b->proof_owner) == 0 &&
	    strcmp(a->owner, b->owner) == 0;
}

static bool
told_before(const struct chain *c, size_t i)
{
	size_t k;

	if (c->links[i].auth == SIZE_MAX)
		return false;
	for (k = 0; k < i; k++)
		if (c->links[k].auth != SIZE_MAX &&
		    same_story(&c->links[k], &c->links[i]))
			return true;
	return false;
}

/* The sources of link i and of every later link with the same story. */
static char *
sources_text(const struct survey *sv, const struct chain *c, size_t i)
{
	struct strbuf sb = STRBUF_INIT;
	char label[LDNS_MAX_DOMAINLEN + PROBE_SERVER_STRLEN + 8];
	size_t k;

	link_source(sv, &c->links[i], label, sizeof(label));
	strbuf_adds(&sb, label);
	if (c->links[i].auth == SIZE_MAX)
		return strbuf_detach(&sb);
	for (k = i + 1; k < c->nlinks; k++) {
		if (c->links[k].auth == SIZE_MAX || c->links[k].auth ==
		    c->links[i].auth || !same_story(&c->links[k], &c->links[i]))
			continue;
		link_source(sv, &c->links[k], label, sizeof(label));
		if (strstr(sb.s, label) == NULL) {
			strbuf_adds(&sb, ", ");
			strbuf_adds(&sb, label);
		}
	}
	return strbuf_detach(&sb);
}

/* The zone whose operator repairs the link. */
static const char *
fix_zone(const struct survey *sv, const struct chain_link *l)
{
	if (l->problem == CHAIN_DS_MISMATCH || l->problem == CHAIN_NO_DNSKEY)
		return sv->levels[l->level].apex_text;
	return l->signer[0] != '\0' ? l->signer : l->owner;
}

/* The chain, one line per link, for the evidence. */
static char *
chain_text(const struct survey *sv, const struct chain *c)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < c->nlinks; i++) {
		const struct chain_link *l = &c->links[i];
		char type[16], alg[32], from[UTC_TEXT_LEN], to[UTC_TEXT_LEN];
		char src[LDNS_MAX_DOMAINLEN + PROBE_SERVER_STRLEN + 8];
		const char *owner;

		if (told_before(c, i))
			continue;
		link_rrset(l, &owner, type, sizeof(type));
		link_source(sv, l, src, sizeof(src));
		strbuf_addf(&sb, "%-24s %-7s %-14s", owner, type,
		    chain_problem_str(l->problem));
		if (l->have_sig) {
			algorithm_text(l->algorithm, alg, sizeof(alg));
			utc_text(l->inception, from, sizeof(from));
			utc_text(l->expiration, to, sizeof(to));
			strbuf_addf(&sb, " key %u %s by %s, %s .. %s",
			    (unsigned)l->keytag, alg, l->signer, from, to);
		} else if (l->kind == CHAIN_LINK_NO_DS) {
			strbuf_addf(&sb, " no DS at %s%s", l->signer,
			    l->proven ? (l->nsec3 ? " (NSEC3)" : " (NSEC)") : "");
		}
		strbuf_addf(&sb, "  [%s]\n", src);
	}
	return strbuf_detach(&sb);
}

/* --- the chain's verdict ------------------------------------------------ */

static struct finding *
problem_finding(struct step_result *s, enum finding_code code,
    const struct chain_link *l)
{
	struct finding *f = step_add_finding(s, code);

	finding_from_probe(f, l->probe);
	return f;
}

/* What a message says of a link's signature. */
struct sig_words {
	const char *owner;
	char type[16], tag[8], alg[32];
};

static void
sig_words(const struct chain_link *l, struct sig_words *w)
{
	link_rrset(l, &w->owner, w->type, sizeof(w->type));
	snprintf(w->tag, sizeof(w->tag), "%u", (unsigned)l->keytag);
	algorithm_text(l->algorithm, w->alg, sizeof(w->alg));
}

static void
report_time_problem(struct step_result *s, const struct survey *sv,
    const struct chain_link *l, const char *servers)
{
	struct sig_words w;
	char when[UTC_TEXT_LEN];
	struct finding *f;

	sig_words(l, &w);
	if (l->problem == CHAIN_EXPIRED) {
		utc_text(l->expiration, when, sizeof(when));
		f = problem_finding(s, FINDING_SIG_EXPIRED, l);
		/* TRANSLATORS: %1$s: a record type; %2$s: its owner name;
		 * %3$s: a key tag (number); %4$s: the algorithm
		 * (ECDSAP256SHA256); %5$s: the signing zone; %6$s: a UTC
		 * date and time; %7$s: the servers that served it. */
		finding_set_message(f, N_("The signature of the %1$s RRset of %2$s "
		    "by key %3$s (%4$s) of %5$s expired on %6$s: validating "
		    "resolvers reject it until %5$s is signed again. Served by "
		    "%7$s."), w.type, w.owner, w.tag, w.alg, l->signer, when,
		    servers, NULL);
	} else {
		utc_text(l->inception, when, sizeof(when));
		f = problem_finding(s, FINDING_SIG_NOT_YET_VALID, l);
		/* TRANSLATORS: %1$s: a record type; %2$s: its owner name;
		 * %3$s: a key tag (number); %4$s: the algorithm; %5$s: the
		 * signing zone; %6$s: a UTC date and time; %7$s: the
		 * servers that served it. */
		finding_set_message(f, N_("The signature of the %1$s RRset of %2$s "
		    "by key %3$s (%4$s) of %5$s is not valid before %6$s: "
		    "validating resolvers reject it until then. The signer's "
		    "clock may run ahead, or the zone was signed with an "
		    "inception in the future. Served by %7$s."), w.type,
		    w.owner, w.tag, w.alg, l->signer, when, servers, NULL);
	}
	finding_set_fact(f, FACT_ZONE, fix_zone(sv, l));
	finding_set_fact(f, FACT_WHEN, when);
}

static void
report_key_problem(struct step_result *s, const struct survey *sv,
    const struct chain_link *l, const char *servers)
{
	const char *parent = l->level > 0 ? sv->levels[l->level - 1].apex_text :
	    ".";
	char *ds = ds_tags_text(l), *keys = key_tags_text(l);
	char *sigs = tags_text(l->sig_tags, l->nsig_tags);
	struct finding *f;

	switch (l->problem) {
	case CHAIN_DS_MISMATCH:
		f = problem_finding(s, FINDING_DS_MISMATCH, l);
		if (l->anchor)
			/* TRANSLATORS: %1$s: key tags (numbers); %2$s: the
			 * zone (usually the root, "."); %3$s: the key tags
			 * of its DNSKEY set; %4$s: the servers that served
			 * it. */
			finding_set_message(f, N_("None of the keys of the trust "
			    "anchor (key tags %1$s) is in the DNSKEY set of %2$s "
			    "(%3$s): the anchor is out of date or belongs to "
			    "another DNS tree, and nothing below %2$s can be "
			    "validated. Served by %4$s."), ds, l->owner, keys,
			    servers, NULL);
		else if (l->digest_mismatch)
			/* TRANSLATORS: %1$s: the zone; %2$s: its parent
			 * zone; %3$s: the DS records (key tags); %4$s: the
			 * key tags of the zone's DNSKEY set; %5$s: the
			 * servers that served it. KSK: key signing key. */
			finding_set_message(f, N_("The DS of %1$s at %2$s (%3$s) "
			    "names a key of %1$s by its tag, but its digest does "
			    "not match that key (the zone's keys: %4$s): the DS "
			    "was made from another key or is damaged, and "
			    "validating resolvers reject the whole zone. Upload "
			    "the DS of the current KSK to %2$s. Served by %5$s."),
			    l->owner, parent, ds, keys, servers, NULL);
		else
			/* TRANSLATORS: %1$s: the zone; %2$s: its parent
			 * zone; %3$s: the DS records (key tags); %4$s: the
			 * key tags of the zone's DNSKEY set; %5$s: the
			 * servers that served it. KSK: key signing key. */
			finding_set_message(f, N_("The DS records of %1$s at %2$s "
			    "(%3$s) match no DNSKEY of %1$s (%4$s): validating "
			    "resolvers reject the whole zone. Upload the DS of "
			    "the current KSK to %2$s, or roll back to the key "
			    "the DS names. Served by %5$s."), l->owner, parent, ds,
			    keys, servers, NULL);
		break;
	case CHAIN_NO_SIGNATURE:
		f = problem_finding(s, FINDING_DS_MISMATCH, l);
		if (l->anchor)
			/* TRANSLATORS: %1$s: the zone; %2$s: the key tags
			 * the trust anchor names; %3$s: the key tags of
			 * the signatures; %4$s: the servers that served
			 * it. */
			finding_set_message(f, N_("The DNSKEY RRset of %1$s "
			    "carries no valid signature by the key the trust "
			    "anchor names (key tags %2$s; signatures by %3$s): "
			    "validating resolvers cannot start the chain of "
			    "trust. Served by %4$s."), l->owner, ds, sigs, servers,
			    NULL);
		else
			/* TRANSLATORS: %1$s: the zone; %2$s: its parent
			 * zone; %3$s: the DS records (key tags); %4$s: the
			 * key tags of the signatures; %5$s: the servers
			 * that served it. KSK: key signing key. */
			finding_set_message(f, N_("The DS of %1$s at %2$s (%3$s) "
			    "names a key of the DNSKEY set, but that key signs "
			    "no valid signature of the DNSKEY RRset (signatures "
			    "by key tags %4$s): validating resolvers reject the "
			    "whole zone. Sign the DNSKEY RRset with the KSK the "
			    "DS names, or upload the DS of the KSK in use to %2$s. "
			    "Served by %5$s."), l->owner, parent, ds, sigs, servers,
			    NULL);
		break;
	case CHAIN_NO_DNSKEY:
	default:
		f = problem_finding(s, FINDING_DNSKEY_MISSING, l);
		if (l->anchor)
			/* TRANSLATORS: %1$s: the zone (usually the root,
			 * "."); %2$s: key tags (numbers); %3$s: the
			 * servers asked. */
			finding_set_message(f, N_("The trust anchor names keys of "
			    "%1$s (key tags %2$s), but %3$s answers its DNSKEY "
			    "query without any DNSKEY: nothing below %1$s can be "
			    "validated."), l->owner, ds, servers, NULL);
		else
			/* TRANSLATORS: %1$s: the zone; %2$s: its parent
			 * zone; %3$s: the DS records (key tags); %4$s: the
			 * servers asked. */
			finding_set_message(f, N_("%1$s has DS records at %2$s "
			    "(%3$s), but %4$s answers its DNSKEY query without "
			    "any DNSKEY: validating resolvers reject the whole "
			    "zone. Publish the keys again, or remove the DS at %2$s "
			    "to make the zone unsigned."), l->owner, parent, ds,
			    servers, NULL);
		break;
	}
	finding_set_fact(f, FACT_ZONE, fix_zone(sv, l));
	free(ds);
	free(keys);
	free(sigs);
}

static void
report_denial_problem(struct step_result *s, const struct survey *sv,
    const struct chain_link *l, const char *servers)
{
	char type[16];
	const char *what = l->rcode == LDNS_RCODE_NXDOMAIN ? "NXDOMAIN" :
	    "NODATA";
	const char *why = ldns_get_errorstr_by_id(l->status);
	struct finding *f = problem_finding(s, FINDING_BAD_DENIAL, l);

	type_text(l->type, type, sizeof(type));
	if (why == NULL)
		why = "?";
	if (l->kind == CHAIN_LINK_NO_DS)
		/* TRANSLATORS: %1$s: the parent zone; %2$s: the servers
		 * that gave the referral; %3$s: the child zone; %4$s: why
		 * the proof fails. */
		finding_set_message(f, N_("The referral from %1$s (%2$s) for %3$s "
		    "has no DS, but its NSEC/NSEC3 records do not prove that "
		    "there is none (%4$s): validating resolvers reject %3$s."),
		    l->signer, servers, l->owner, why, NULL);
	else if (l->problem == CHAIN_NO_DENIAL)
		/* TRANSLATORS: %1$s: NXDOMAIN or NODATA (never
		 * translated); %2$s: the name; %3$s: a record type; %4$s:
		 * the servers; %5$s: the signed zone. */
		finding_set_message(f, N_("The %1$s answer for %2$s %3$s from %4$s "
		    "carries no NSEC or NSEC3 record, although %5$s is signed: "
		    "validating resolvers cannot accept it."), what, l->owner,
		    type, servers, l->signer, NULL);
	else
		/* TRANSLATORS: %1$s: NXDOMAIN or NODATA (never
		 * translated); %2$s: the name; %3$s: a record type; %4$s:
		 * the servers; %5$s: why the proof fails; %6$s: the signed
		 * zone. */
		finding_set_message(f, N_("The %1$s answer for %2$s %3$s from %4$s "
		    "carries NSEC/NSEC3 records that do not prove it (%5$s): "
		    "validating resolvers reject it. Re-sign %6$s so that its "
		    "NSEC chain is complete."), what, l->owner, type, servers,
		    why, l->signer, NULL);
	finding_set_fact(f, FACT_ZONE, fix_zone(sv, l));
}

static void
report_rrset_problem(struct step_result *s, const struct survey *sv,
    const struct chain_link *l, const char *servers)
{
	struct sig_words w;
	struct finding *f;

	sig_words(l, &w);
	if (l->problem == CHAIN_BAD_SIGNATURE) {
		const char *why = ldns_get_errorstr_by_id(l->status);

		f = problem_finding(s, FINDING_SIG_INVALID, l);
		/* TRANSLATORS: %1$s: a record type; %2$s: its owner name;
		 * %3$s: a key tag (number); %4$s: the algorithm; %5$s: the
		 * signing zone; %6$s: the reason given by the validator
		 * (ldns, English); %7$s: the servers that served it. */
		finding_set_message(f, N_("The signature of the %1$s RRset of %2$s "
		    "by key %3$s (%4$s) of %5$s does not verify (%6$s): the data "
		    "was changed after signing, or signed with another key. "
		    "Served by %7$s."), w.type, w.owner, w.tag, w.alg, l->signer,
		    why != NULL ? why : "?", servers, NULL);
	} else if (l->problem == CHAIN_UNKNOWN_KEY) {
		char *keys = key_tags_text(l);

		f = problem_finding(s, FINDING_DNSKEY_MISSING, l);
		/* TRANSLATORS: %1$s: a record type; %2$s: its owner name;
		 * %3$s: a key tag (number); %4$s: the algorithm; %5$s: the
		 * signing zone; %6$s: the key tags of its DNSKEY set;
		 * %7$s: the servers that served it. */
		finding_set_message(f, N_("The %1$s RRset of %2$s is signed by key "
		    "%3$s (%4$s) of %5$s, which is not in the DNSKEY set of %5$s "
		    "(%6$s): validating resolvers reject it. Publish the key "
		    "again, or re-sign with a published one. Served by %7$s."),
		    w.type, w.owner, w.tag, w.alg, l->signer, keys, servers,
		    NULL);
		free(keys);
	} else {
		f = problem_finding(s, FINDING_RRSIG_MISSING, l);
		/* TRANSLATORS: %1$s: a record type; %2$s: its owner name;
		 * %3$s: the signed zone; %4$s: the servers that served it. */
		finding_set_message(f, N_("The %1$s RRset of %2$s carries no "
		    "signature by %3$s, although %3$s is signed: validating "
		    "resolvers reject it. Served by %4$s."), w.type, w.owner,
		    l->signer, servers, NULL);
	}
	finding_set_fact(f, FACT_ZONE, fix_zone(sv, l));
}

static void
report_problems(struct step_result *s, const struct survey *sv,
    const struct chain *c)
{
	size_t i;

	for (i = 0; i < c->nlinks; i++) {
		const struct chain_link *l = &c->links[i];
		char *servers;

		if (!chain_problem_breaks(l->problem) || told_before(c, i))
			continue;
		servers = sources_text(sv, c, i);
		if (l->problem == CHAIN_EXPIRED ||
		    l->problem == CHAIN_NOT_YET_VALID)
			report_time_problem(s, sv, l, servers);
		else if (l->kind == CHAIN_LINK_KEYS)
			report_key_problem(s, sv, l, servers);
		else if (l->problem == CHAIN_BAD_DENIAL ||
		    l->problem == CHAIN_NO_DENIAL)
			report_denial_problem(s, sv, l, servers);
		else
			report_rrset_problem(s, sv, l, servers);
		free(servers);
	}
}

/* Zones from the anchored one down to the chain's end: ". test example.test" */
static char *
zones_text(const struct survey *sv, const struct chain *c)
{
	struct strbuf sb = STRBUF_INIT;
	size_t L;

	for (L = c->top; L <= c->end && L < sv->nlevels; L++)
		strbuf_addf(&sb, "%s%s", L > c->top ? ", " : "",
		    sv->levels[L].apex_text);
	return strbuf_detach(&sb);
}

static char *
types_checked(const struct survey *sv, const struct chain *c)
{
	struct strbuf sb = STRBUF_INIT;
	size_t t, i;

	for (t = 0; t < sv->ntypes; t++) {
		for (i = 0; i < c->nlinks; i++)
			if (c->links[i].type_index == t)
				break;
		if (i < c->nlinks) {
			char type[16];

			type_text(sv->types[t], type, sizeof(type));
			strbuf_addf(&sb, "%s%s", sb.len > 0 ? ", " : "", type);
		}
	}
	return strbuf_detach(&sb);
}

static void
report_insecure(struct step_result *s, const struct survey *sv,
    const struct chain *c)
{
	const struct chain_link *l = &c->links[c->nlinks - 1];
	struct finding *f = step_add_finding(s, FINDING_DNSSEC_INSECURE);
	char src[LDNS_MAX_DOMAINLEN + PROBE_SERVER_STRLEN + 8];

	link_source(sv, l, src, sizeof(src));
	finding_from_probe(f, l->probe);
	if (l->proven)
		/* TRANSLATORS: %1$s: the unsigned zone; %2$s: its parent
		 * zone; %3$s: the servers of the parent; %4$s: NSEC or
		 * NSEC3; %5$s: the name triaged. */
		finding_set_message(f, N_("%1$s is not signed: the delegation "
		    "from %2$s (%3$s) has no DS record, and %2$s proves it with "
		    "%4$s. The chain of trust holds down to %2$s and ends there: "
		    "validating resolvers accept %5$s without validation."),
		    l->owner, l->signer, src, l->nsec3 ? "NSEC3" : "NSEC",
		    sv->name, NULL);
	else
		/* TRANSLATORS: %1$s: the unsigned zone; %2$s: its parent
		 * zone; %3$s: the servers of the parent; %4$s: the name
		 * triaged. */
		finding_set_message(f, N_("%1$s is not signed: the delegation "
		    "from %2$s (%3$s) carries no DS record. The chain of trust "
		    "ends at %2$s: validating resolvers accept %4$s without "
		    "validation."), l->owner, l->signer, src, sv->name, NULL);
	finding_set_fact(f, FACT_ZONE, l->owner);
}

static void
report_unverified(struct step_result *s, const struct step_input *in,
    const struct chain *c)
{
	const struct survey *sv = in->sv;
	const struct survey_level *at = c->end < sv->nlevels ?
	    &sv->levels[c->end] : NULL;
	const char *zone = at != NULL ? at->apex_text : "?";
	struct finding *f = step_add_finding(s, FINDING_DNSSEC_UNVERIFIED);
	char *why;

	switch (c->gap) {
	case CHAIN_GAP_NO_ZONE:
		finding_set_message(f, N_("The chain of trust was not checked: "
		    "the walk from the root did not reach the zone of %1$s."),
		    sv->name, NULL);
		break;
	case CHAIN_GAP_NO_ANCHOR:
		if (in->anchor == NULL || in->anchor->rrs == NULL)
			finding_set_message(f, N_("The chain of trust was not "
			    "checked: no trust anchor is loaded."), NULL);
		else
			finding_set_message(f, N_("The chain of trust was not "
			    "checked: the trust anchor (%1$s) names no zone on "
			    "the path to %2$s."), in->anchor->builtin ?
			    NA_("built in") : in->anchor->source, sv->name,
			    NULL);
		break;
	case CHAIN_GAP_NO_DNSKEY_ANSWER:
		finding_from_probe(f, at != NULL ? at->dnskey : NULL);
		why = at != NULL && at->dnskey != NULL &&
		    !result_answered(at->dnskey) ?
		    result_failure_text(at->dnskey, in->timeout_ms) :
		    message_arg_msgid(N_("no answer with authority"));
		finding_set_message(f, N_("The chain of trust could not be "
		    "checked at %1$s: no server of %1$s answered its DNSKEY query "
		    "with authority (%2$s)."), zone, why, NULL);
		free(why);
		break;
	case CHAIN_GAP_NO_DS_INFO:
		finding_set_message(f, N_("The chain of trust could not be "
		    "checked at %1$s: the zone has DNSKEY records, but the "
		    "referral from its parent carried neither DS records nor a "
		    "proof that there are none."), zone, NULL);
		break;
	case CHAIN_GAP_UNSUPPORTED:
		finding_set_message(f, N_("The chain of trust could not be "
		    "checked at %1$s: it uses an algorithm, a digest type or "
		    "NSEC3 parameters this program does not check. Validating "
		    "resolvers that cannot check them either treat the zone as "
		    "unsigned."), zone, NULL);
		break;
	case CHAIN_GAP_OTHER_SIGNER:
		finding_set_message(f, N_("The answers for %1$s are signed by "
		    "another zone than %2$s, where the walk from the root ended: "
		    "the chain of trust was not checked."), sv->name, zone, NULL);
		break;
	case CHAIN_GAP_NO_ANSWER:
	default:
		finding_set_message(f, N_("The keys of %1$s validate, but no "
		    "authoritative server gave an answer for %2$s to check."),
		    zone, sv->name, NULL);
		break;
	}
	if (at != NULL)
		finding_set_fact(f, FACT_ZONE, zone);
}

static void
report_chain(struct step_result *s, const struct step_input *in,
    const struct chain *c)
{
	const struct survey *sv = in->sv;
	char when[UTC_TEXT_LEN];
	char *evidence = chain_text(sv, c);
	struct finding *f = NULL;

	switch (c->status) {
	case CHAIN_SECURE: {
		char *zones = zones_text(sv, c), *types = types_checked(sv, c);

		f = step_add_finding(s, FINDING_DNSSEC_SECURE);
		utc_text(in->now, when, sizeof(when));
		/* TRANSLATORS: %1$s: the name; %2$s: record types; %3$s:
		 * the zones of the chain; %4$s: a UTC date and time. */
		finding_set_message(f, N_("The chain of trust holds from the trust "
		    "anchor down to %1$s %2$s (zones %3$s): every signature on it "
		    "is valid at %4$s."), sv->name, types, zones, when, NULL);
		finding_set_fact(f, FACT_ZONE, sv->zone->apex_text);
		free(zones);
		free(types);
		break;
	}
	case CHAIN_INSECURE:
		report_insecure(s, sv, c);
		f = s->findings[s->nfindings - 1];
		break;
	case CHAIN_BOGUS:
		report_problems(s, sv, c);
		break;
	case CHAIN_UNVERIFIED:
		report_unverified(s, in, c);
		f = s->findings[s->nfindings - 1];
		break;
	default:
		break;
	}
	/* A finding of its own carries its answer as evidence; the summary
	 * carries the chain. */
	if (f != NULL && evidence[0] != '\0')
		finding_set_evidence(f, evidence);
	free(evidence);
}

/* --- signatures that expire soon ---------------------------------------- */

static int
by_valid_until(const void *a, const void *b)
{
	const struct chain_link *x = *(const struct chain_link *const *)a;
	const struct chain_link *y = *(const struct chain_link *const *)b;

	/* Ties keep the chain's order (top down): qsort() is not stable. */
	if (x->valid_until != y->valid_until)
		return x->valid_until > y->valid_until ? 1 : -1;
	return (x > y) - (x < y);
}

static void
report_expiring_link(struct step_result *s, const struct survey *sv,
    const struct chain *c, const struct chain_link *l, time_t now)
{
	long long left = (long long)(l->valid_until - now);
	char when[UTC_TEXT_LEN], secs[24], days[24];
	char *servers = sources_text(sv, c, (size_t)(l - c->links));
	struct finding *f = problem_finding(s, FINDING_SIG_EXPIRING, l);
	struct sig_words w;

	sig_words(l, &w);
	utc_text(l->valid_until, when, sizeof(when));
	snprintf(secs, sizeof(secs), "%lld", left);
	snprintf(days, sizeof(days), "%lld", left / DAY_SECONDS);
	finding_set_message_plural(f,
	    /* TRANSLATORS: %1$s: a record type; %2$s: its owner name;
	     * %3$s: a key tag (number); %4$s: the signing zone; %5$s: a
	     * UTC date and time; %6$s: a number of days; %7$s: the servers
	     * that served it. */
	    "The signatures of the %1$s RRset of %2$s (key %3$s of %4$s) "
	    "expire on %5$s, in %6$s day: re-sign %4$s before then, or "
	    "validating resolvers will reject it. Served by %7$s.",
	    "The signatures of the %1$s RRset of %2$s (key %3$s of %4$s) "
	    "expire on %5$s, in %6$s days: re-sign %4$s before then, or "
	    "validating resolvers will reject it. Served by %7$s.",
	    (unsigned long)(left / DAY_SECONDS), w.type, w.owner, w.tag,
	    l->signer, when, days, servers, NULL);
	finding_set_fact(f, FACT_ZONE, fix_zone(sv, l));
	finding_set_fact(f, FACT_WHEN, when);
	finding_set_fact(f, FACT_SECONDS, secs);
	free(servers);
}

/* Every RRset whose last valid signature ends within the warning window,
 * the earliest first: the verdict takes its date from the first. */
static void
report_expiring(struct step_result *s, const struct step_input *in,
    const struct chain *c)
{
	time_t horizon = in->now + (time_t)in->expiry_warn_days * DAY_SECONDS;
	const struct chain_link **soon;
	size_t i, n = 0;

	if (in->expiry_warn_days == 0 || c->nlinks == 0)
		return;
	soon = xcalloc(c->nlinks, sizeof(*soon));
	for (i = 0; i < c->nlinks; i++)
		if (c->links[i].problem == CHAIN_OK && c->links[i].have_sig &&
		    c->links[i].valid_until < horizon && !told_before(c, i))
			soon[n++] = &c->links[i];
	qsort(soon, n, sizeof(*soon), by_valid_until);
	for (i = 0; i < n; i++)
		report_expiring_link(s, in->sv, c, soon[i], in->now);
	free(soon);
}

/* --- what the resolvers say --------------------------------------------- */

static bool
ede_is_validation(uint16_t code)
{
	return (code >= 6 && code <= 12) || code == 25;
}

/* SERVFAIL without CD, an answer with it: the resolver validated the
 * data and rejected it. Without a usable CD answer, an Extended DNS
 * Error of validation says the same. */
static bool
validation_failed(const struct probe_result *plain,
    const struct probe_result *cd)
{
	int rc = result_rcode(cd);
	uint16_t ede[DNSMSG_MAX_EDE];
	size_t i, n;

	if (result_rcode(plain) != LDNS_RCODE_SERVFAIL)
		return false;
	if (rc == LDNS_RCODE_NOERROR || rc == LDNS_RCODE_NXDOMAIN)
		return true;
	if (result_answered(cd))
		return false;
	n = dnsmsg_ede(plain->pkt, ede, DNSMSG_MAX_EDE);
	for (i = 0; i < n && i < DNSMSG_MAX_EDE; i++)
		if (ede_is_validation(ede[i]))
			return true;
	return false;
}

/* "7 (Signature Expired), 6 (DNSSEC Bogus)"; NULL without EDE. */
static char *
ede_text(const ldns_pkt *pkt)
{
	uint16_t ede[DNSMSG_MAX_EDE];
	struct strbuf sb = STRBUF_INIT;
	size_t i, n = dnsmsg_ede(pkt, ede, DNSMSG_MAX_EDE);

	if (n == 0)
		return NULL;
	for (i = 0; i < n && i < DNSMSG_MAX_EDE; i++) {
		const struct ede_info *e = knowledge_ede(ede[i]);

		strbuf_addf(&sb, "%s%u", i > 0 ? ", " : "", (unsigned)ede[i]);
		if (e->known)
			strbuf_addf(&sb, " (%s)", e->name);
	}
	return strbuf_detach(&sb);
}

static void
report_validation_failure(struct step_result *s, const struct survey *sv,
    const struct survey_resolver *r, size_t k, const char *zone)
{
	const struct probe_result *plain = r->answer[k];
	const struct probe_result *cd = r->answer_cd[k];
	char type[16], addr[PROBE_SERVER_STRLEN], extra[256];
	char *ede = ede_text(plain->pkt);
	bool have_extra = dnsmsg_ede_text(plain->pkt, extra, sizeof(extra));
	struct finding *f = step_add_finding(s, FINDING_VALIDATION_FAILURE);

	type_text(sv->types[k], type, sizeof(type));
	server_address(r->text, addr, sizeof(addr));
	finding_from_probe(f, plain);
	if (cd != NULL && result_answered(cd))
		finding_set_reproduce(f, cd->reproduce);
	if (!result_answered(cd))
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s: the
		 * name; %3$s: a record type; %4$s: an Extended DNS Error
		 * code and name ("6 (DNSSEC Bogus)"). */
		finding_set_message(f, N_("%1$s answers SERVFAIL for %2$s %3$s "
		    "and names a DNSSEC validation failure as the reason "
		    "(Extended DNS Error %4$s)."), r->text, sv->name, type,
		    ede != NULL ? ede : "?", NULL);
	else if (ede == NULL)
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s: the
		 * name; %3$s: a record type. +cd: dig's option for the CD
		 * (Checking Disabled) flag, keep it. */
		finding_set_message(f, N_("%1$s answers SERVFAIL for %2$s %3$s, "
		    "but with checking disabled (+cd) it returns the records: it "
		    "rejects them because DNSSEC validation fails."), r->text,
		    sv->name, type, NULL);
	else if (!have_extra)
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s: the
		 * name; %3$s: a record type; %4$s: an Extended DNS Error
		 * code and name. +cd: dig's option for the CD flag, keep
		 * it. */
		finding_set_message(f, N_("%1$s answers SERVFAIL for %2$s %3$s, "
		    "but with checking disabled (+cd) it returns the records: it "
		    "rejects them because DNSSEC validation fails (Extended DNS "
		    "Error %4$s)."), r->text, sv->name, type, ede, NULL);
	else
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s: the
		 * name; %3$s: a record type; %4$s: an Extended DNS Error
		 * code and name; %5$s: the resolver's own text (English,
		 * from the network). +cd: dig's option for the CD flag,
		 * keep it. */
		finding_set_message(f, N_("%1$s answers SERVFAIL for %2$s %3$s, "
		    "but with checking disabled (+cd) it returns the records: it "
		    "rejects them because DNSSEC validation fails (Extended DNS "
		    "Error %4$s: \"%5$s\")."), r->text, sv->name, type, ede,
		    extra, NULL);
	finding_set_fact(f, FACT_ADDRESS, addr);
	finding_set_fact(f, FACT_NAME, sv->name);
	finding_set_fact(f, FACT_TYPE, type);
	if (zone != NULL)
		finding_set_fact(f, FACT_ZONE, zone);
	free(ede);
}

/* The first type for which r set AD; SIZE_MAX: none. */
static size_t
ad_type(const struct survey *sv, const struct survey_resolver *r)
{
	size_t k;

	for (k = 0; k < sv->ntypes; k++)
		if (result_answered(r->answer[k]) &&
		    result_rcode(r->answer[k]) != LDNS_RCODE_SERVFAIL &&
		    ldns_pkt_ad(r->answer[k]->pkt))
			return k;
	return SIZE_MAX;
}

static void
report_ad(struct step_result *s, const struct survey *sv,
    const struct survey_resolver *r, size_t k, const struct chain *c)
{
	char type[16], addr[PROBE_SERVER_STRLEN];
	struct finding *f;

	type_text(sv->types[k], type, sizeof(type));
	server_address(r->text, addr, sizeof(addr));
	if (c->status == CHAIN_BOGUS) {
		const char *at = sv->levels[c->end].apex_text;

		f = step_add_finding(s, FINDING_AD_UNSUPPORTED);
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s: the
		 * name; %3$s: a record type; %4$s: the zone where the
		 * chain breaks. AD: the Authenticated Data flag. */
		finding_set_message(f, N_("%1$s sets the AD flag on its answer for "
		    "%2$s %3$s, but the chain of trust is broken at %4$s: it "
		    "serves data it validated earlier from its cache, or it "
		    "trusts another anchor than this check."), r->text, sv->name,
		    type, at, NULL);
		finding_set_fact(f, FACT_ZONE, at);
	} else if (c->status == CHAIN_INSECURE) {
		const char *at = sv->levels[c->end].apex_text;

		f = step_add_finding(s, FINDING_AD_UNSUPPORTED);
		finding_set_severity(f, SEVERITY_INFO);
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s: the
		 * name; %3$s: a record type; %4$s: the zone found
		 * unsigned. AD: the Authenticated Data flag. */
		finding_set_message(f, N_("%1$s sets the AD flag on its answer for "
		    "%2$s %3$s, but with the trust anchor used here %4$s is not "
		    "signed: the resolver trusts another anchor, or forwards to a "
		    "server that sets AD without validating."), r->text,
		    sv->name, type, at, NULL);
	} else {
		f = step_add_finding(s, FINDING_RESOLVER_AD);
		finding_set_message(f, N_("%1$s validates the answer for %2$s "
		    "(AD flag set)."), r->text, sv->name, NULL);
	}
	finding_from_probe(f, r->answer[k]);
	finding_set_fact(f, FACT_ADDRESS, addr);
	finding_set_fact(f, FACT_TYPE, type);
}

/* Validation failures first: they are what users meet, and the verdict
 * takes its first facts (the resolver to ask with +cd) from them. */
static bool
report_resolvers(struct step_result *s, const struct step_input *in,
    const struct chain *c)
{
	const struct survey *sv = in->sv;
	const char *zone = NULL;
	bool pending = false;
	size_t i, k;

	if (c->status == CHAIN_BOGUS)
		zone = fix_zone(sv, &c->links[c->first_problem]);
	else if (sv->zone != NULL)
		zone = sv->zone->apex_text;
	for (i = 0; i < sv->nresolvers; i++) {
		const struct survey_resolver *r = &sv->resolvers[i];

		for (k = 0; k < sv->ntypes; k++) {
			const struct probe_result *plain = r->answer[k];

			if (plain == NULL) {
				pending = true;
				continue;
			}
			if (result_rcode(plain) == LDNS_RCODE_SERVFAIL &&
			    r->answer_cd[k] == NULL && !in->final)
				pending = true;
			if (validation_failed(plain, r->answer_cd[k])) {
				report_validation_failure(s, sv, r, k, zone);
				break;
			}
		}
	}
	return pending;
}

void
step_dnssec_analyze(const struct step_input *in, struct triage *t)
{
	const struct survey *sv = in->sv;
	struct step_result *s = triage_step(t, STEP_DNSSEC);
	struct chain c;
	bool pending;
	size_t i, k;

	step_reset(s);
	if (step_skip_address_target(s, sv))
		return;
	chain_verify(sv, in->anchor, in->now, in->final, &c);
	pending = report_resolvers(s, in, &c);
	if (c.status != CHAIN_PENDING) {
		report_chain(s, in, &c);
		report_expiring(s, in, &c);
		for (i = 0; i < sv->nresolvers; i++)
			if ((k = ad_type(sv, &sv->resolvers[i])) != SIZE_MAX)
				report_ad(s, sv, &sv->resolvers[i], k, &c);
	}
	step_conclude(s, in->final && !pending && c.status != CHAIN_PENDING);
	chain_free(&c);
}
