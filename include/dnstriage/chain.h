/* chain.h - the DNSSEC chain of trust of a survey, verified with ldns from
 * the trust anchor down to the answers of the authoritative servers, at a
 * chosen moment (--at forecasts). Pure: it reads the survey, sends nothing
 * and translates nothing; the dnssec step turns its links into findings.
 *
 * Level by level, from the zone the anchor names (normally the root):
 *  - the zone's DNSKEY RRset holds a key that the anchor names (DS or
 *    DNSKEY form) or that a DS of the parent's referral matches, and is
 *    signed by such a key;
 *  - the child's DS RRset, from the parent's referral, is signed by the
 *    parent's keys; a referral without DS proves with NSEC or NSEC3 (signed
 *    by the parent) that there is none: the child is insecure;
 *  - in the zone of the name, each authoritative server's answer RRset,
 *    or for NXDOMAIN and NODATA its NSEC/NSEC3 proof, is signed by the
 *    zone's keys.
 * Signatures are checked with ldns_verify_rrsig_keylist_time() at `now`.
 * RRSIG times are 32-bit serial numbers (RFC 4034 3.1.5), read as the
 * moment nearest to `now`.
 *
 * After a link that fails only in time (a signature expired or not yet
 * valid, data and keys otherwise sound) the walk goes on with the keys it
 * has, so every RRset that needs re-signing is named; after any other
 * failure it stops: nothing below can be trusted. */
#ifndef DNSTRIAGE_CHAIN_H
#define DNSTRIAGE_CHAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <ldns/ldns.h>

#include "dnstriage/rootdata.h"
#include "dnstriage/survey.h"

#define CHAIN_MAX_TAGS 16
/* NSEC3 with more iterations is not checked (RFC 9276 3.2: validators
 * treat it as insecure). */
#define CHAIN_MAX_NSEC3_ITERATIONS 150

enum chain_link_kind {
	CHAIN_LINK_KEYS,	/* a zone's DNSKEY RRset, against anchor or DS */
	CHAIN_LINK_DS,		/* a child's DS RRset in the parent's referral */
	CHAIN_LINK_NO_DS,	/* a referral without DS: the parent's proof */
	CHAIN_LINK_ANSWER,	/* the RRset of the name from one server */
	CHAIN_LINK_DENIAL,	/* the NSEC/NSEC3 proof of a negative answer */
};

/* X(ID, stable string) */
#define CHAIN_PROBLEM_TABLE(X)						\
	X(OK, "ok")							\
	/* the signature verifies, but its expiration has passed */	\
	X(EXPIRED, "expired")						\
	/* the signature verifies, but its inception lies ahead */	\
	X(NOT_YET_VALID, "not-yet-valid")				\
	/* a signature by a key of the set does not verify */		\
	X(BAD_SIGNATURE, "bad-signature")				\
	/* no signature by the signer (KEYS: by a key the DS names) */	\
	X(NO_SIGNATURE, "no-signature")					\
	/* the signatures name only keys the DNSKEY set lacks */	\
	X(UNKNOWN_KEY, "unknown-key")					\
	/* no DNSKEY matches a DS of the parent (or the anchor) */	\
	X(DS_MISMATCH, "ds-mismatch")					\
	/* the zone answers its DNSKEY query without any DNSKEY */	\
	X(NO_DNSKEY, "no-dnskey")					\
	/* NSEC/NSEC3 present and signed, but they prove nothing */	\
	X(BAD_DENIAL, "bad-denial")					\
	/* a negative answer of a signed zone without NSEC/NSEC3 */	\
	X(NO_DENIAL, "no-denial")					\
	/* algorithms, digests or NSEC3 parameters not checked: no	\
	 * fault, the chain is left unverified */			\
	X(UNSUPPORTED, "unsupported")

enum chain_problem {
#define X(id, str) CHAIN_##id,
	CHAIN_PROBLEM_TABLE(X)
#undef X
	CHAIN_PROBLEM_COUNT
};

enum chain_status {
	CHAIN_PENDING,		/* data still out */
	CHAIN_SECURE,		/* every link holds */
	CHAIN_INSECURE,		/* a delegation without DS ends the chain */
	CHAIN_BOGUS,		/* some link is broken */
	CHAIN_UNVERIFIED,	/* cannot tell: see gap */
};

/* Why a chain is UNVERIFIED. */
enum chain_gap {
	CHAIN_GAP_NONE,
	CHAIN_GAP_NO_ZONE,		/* the walk did not reach a zone */
	CHAIN_GAP_NO_ANCHOR,		/* no anchor for any zone on the path */
	CHAIN_GAP_NO_DNSKEY_ANSWER,	/* no authoritative DNSKEY answer */
	CHAIN_GAP_NO_DS_INFO,		/* signed child, referral without DS
					 * and without proof: not checkable */
	CHAIN_GAP_UNSUPPORTED,		/* see CHAIN_UNSUPPORTED */
	CHAIN_GAP_NO_ANSWER,		/* no authoritative answer to check */
	CHAIN_GAP_OTHER_SIGNER,		/* answers signed by a zone the walk
					 * did not find */
};

struct chain_link {
	enum chain_link_kind kind;
	enum chain_problem problem;
	size_t level;			/* sv->levels: whose data it is */
	char owner[LDNS_MAX_DOMAINLEN + 2];	/* no trailing dot */
	ldns_rr_type type;		/* DNSKEY, DS, the type asked */
	char signer[LDNS_MAX_DOMAINLEN + 2];	/* the zone that signs it */
	/* The answer it came in: the DNSKEY answer, the parent's referral,
	 * sv->auth[auth].answer[type_index]; NULL for none. */
	const struct probe_result *probe;
	size_t auth, type_index;	/* ANSWER, DENIAL; else SIZE_MAX */
	/* OK: the valid signature that lasts longest; a problem: the
	 * signature the problem is about (have_sig false: none). */
	bool have_sig;
	uint16_t keytag;
	uint8_t algorithm;
	time_t inception, expiration;
	/* OK: the RRset (for DENIAL, the whole proof) validates until then. */
	time_t valid_until;
	/* NO_DS, DENIAL: the NSEC/NSEC3 RRset a signature problem is about
	 * (empty: the proof as a whole). */
	char proof_owner[LDNS_MAX_DOMAINLEN + 2];
	ldns_rr_type proof_type;
	bool nsec3;
	int rcode;			/* DENIAL: NXDOMAIN or NOERROR */
	ldns_status status;		/* ldns's word on the problem */
	/* KEYS: the tags the anchor or the DS name, and the zone's keys;
	 * DS, ANSWER: the zone's keys. */
	uint16_t ds_tags[CHAIN_MAX_TAGS];
	uint8_t ds_digests[CHAIN_MAX_TAGS];	/* 0: a DNSKEY anchor */
	size_t nds;
	uint16_t key_tags[CHAIN_MAX_TAGS];
	uint16_t key_flags[CHAIN_MAX_TAGS];
	size_t nkeys;
	/* The key tags of the signatures the RRset carries (right signer). */
	uint16_t sig_tags[CHAIN_MAX_TAGS];
	size_t nsig_tags;
	bool anchor;		/* KEYS: checked against the trust anchor */
	/* DS_MISMATCH: a DS names the tag of a key of the set, but its
	 * digest does not match that key. */
	bool digest_mismatch;
	bool proven;		/* NO_DS: NSEC/NSEC3 prove it */
};

struct chain {
	enum chain_status status;
	enum chain_gap gap;
	size_t top;		/* the anchored level */
	/* SECURE: the zone of the name; INSECURE: the level without DS;
	 * BOGUS: the level of the first broken link; UNVERIFIED: where the
	 * walk stopped. */
	size_t end;
	size_t first_problem;	/* BOGUS: index in links */
	struct chain_link *links;	/* top down, then the answers */
	size_t nlinks, cap;
};

/* Verify sv's chain at now. While !final, missing data makes the chain
 * PENDING; once final, a gap. out is overwritten; chain_free() it. */
void chain_verify(const struct survey *sv, const struct rootdata *anchor,
    time_t now, bool final, struct chain *out);
void chain_free(struct chain *c);

/* A 32-bit RRSIG time as the moment nearest to now (RFC 4034 3.1.5). */
time_t chain_rrsig_time(uint32_t t, time_t now);
/* The stable string of a problem; "unknown" out of range. */
const char *chain_problem_str(enum chain_problem p);
/* A problem that breaks the chain (not OK, not UNSUPPORTED). */
bool chain_problem_breaks(enum chain_problem p);

#endif
