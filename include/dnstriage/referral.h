/* referral.h - what one authoritative server's response means for an
 * iterative walk from the root: the answer, a negative answer, the next
 * zone cut, or a lame, upward or sideways referral. Pure: no I/O, no
 * validation (DNSSEC records are handed on, not checked), nothing
 * translated.
 *
 * The server is asked as a server of `zone`; qname is at or below zone.
 * Names compare without regard to case. The question section is not
 * looked at: the probe engine has matched it already. Hostile data is
 * expected: records that do not fit the walk are left out, never
 * followed, and addresses are kept only inside `zone` (out-of-bailiwick
 * glue is how caches get poisoned). */
#ifndef DNSTRIAGE_REFERRAL_H
#define DNSTRIAGE_REFERRAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <ldns/ldns.h>

/* Kinds: enum name, stable code (reports, JSON). */
#define REFERRAL_KIND_TABLE(X)						\
	/* AA, RRs of qtype for qname, or a CNAME or DNAME for it */	\
	X(ANSWER, "answer")						\
	/* AA, NOERROR, the name exists without RRs of qtype */		\
	X(NODATA, "nodata")						\
	/* AA, NXDOMAIN, and no CNAME or DNAME for qname */		\
	X(NXDOMAIN, "nxdomain")						\
	/* NS for a zone strictly below zone, at or above qname: the	\
	 * next step of the walk (AA or not: some servers set it) */	\
	X(DELEGATION, "delegation")					\
	/* NS for zone itself or an ancestor (the root): lame */	\
	X(UPWARD, "upward")						\
	/* NS for a zone off the path from zone to qname */		\
	X(SIDEWAYS, "sideways")						\
	/* REFUSED, NOTAUTH, or no AA and nothing to follow */		\
	X(LAME, "lame")							\
	/* SERVFAIL, FORMERR, NOTIMP, any other RCODE, or no message */	\
	X(ERROR, "error")

enum referral_kind {
#define X(id, str) REFERRAL_##id,
	REFERRAL_KIND_TABLE(X)
#undef X
	REFERRAL_KIND_COUNT
};

/* What the response says. Every pointer is a clone the struct owns;
 * lists are NULL rather than empty. */
struct referral {
	enum referral_kind kind;
	int rcode;		/* with the EDNS extended bits; -1: no message */
	bool aa;
	/* DELEGATION, UPWARD, SIDEWAYS: the owner of the NS RRset taken,
	 * lower-cased; else NULL. */
	ldns_rdf *child;
	/* The NS RRs of child; for ANSWER, NODATA and NXDOMAIN those of the
	 * deepest zone at or below zone and at or above qname that the
	 * authority section names. Only NS RRs that hold a name. */
	ldns_rr_list *ns;
	/* A and AAAA of the additional section for names in ns, only those
	 * at or below zone. */
	ldns_rr_list *glue;
	/* DS RRs of child in the authority section, and their RRSIGs. */
	ldns_rr_list *ds;
	ldns_rr_list *ds_sigs;
	/* A referral without DS but with NSEC or NSEC3: the parent claims
	 * the child is unsigned. Not verified here. */
	bool ds_denied;
	/* NSEC and NSEC3 RRs at or below zone in the authority section, and
	 * the RRSIGs covering them, for a verifier; any kind but LAME and
	 * ERROR. */
	ldns_rr_list *denial;
	/* ANSWER by CNAME: its target; by DNAME: the target the DNAME
	 * synthesizes for qname (RFC 6672), whatever CNAME the server sent
	 * (NULL if too long). Not chased. NULL for direct data of qtype,
	 * which a CNAME asked for as such is. */
	ldns_rdf *cname_target;
	/* NXDOMAIN, NODATA: the SOA of a zone at or above qname from the
	 * authority section, and min(its TTL, its MINIMUM) (RFC 2308). */
	ldns_rr *soa;
	uint32_t negative_ttl;	/* 0 without soa */
};

/* Classify pkt, the response of a server of zone to qname/qtype. out is
 * overwritten (not freed first); referral_free() it after any return.
 * A NULL pkt, zone or qname gives ERROR with rcode -1. */
enum referral_kind referral_classify(const ldns_pkt *pkt,
    const ldns_rdf *zone, const ldns_rdf *qname, ldns_rr_type qtype,
    struct referral *out);
/* Frees what r owns and zeroes it: safe on a zeroed struct, and twice. */
void referral_free(struct referral *r);
/* The stable code of k; "unknown" out of range. */
const char *referral_kind_str(enum referral_kind k);
/* The A and AAAA of nsname among r's glue, in message order: pointers
 * into r->glue, valid until referral_free(). Returns how many were
 * written, at most cap. */
size_t referral_glue_for(const struct referral *r, const ldns_rdf *nsname,
    ldns_rr **out, size_t cap);

#endif
