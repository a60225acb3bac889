/* knowledge.h - what dnstriage knows about DNS failures, written once and
 * shared by the steps, the verdict and every view: severities, failure
 * codes with their recovery steps, finding codes and the failure codes they
 * support, RCODE and Extended DNS Error explanations.
 *
 * The identity of each code (enum value and stable string) is defined here
 * with X-macros; the prose lives in src/knowledge_tables.h, keyed by the
 * same identifiers. Stable strings are never translated; prose is returned
 * untranslated (marked N_) and translated by whoever shows it. */
#ifndef DNSTRIAGE_KNOWLEDGE_H
#define DNSTRIAGE_KNOWLEDGE_H

#include <stdbool.h>
#include <stddef.h>

/* --- severities --------------------------------------------------------- */

/* X(ID, json string). Order is rank: a later one is more severe. UNKNOWN
 * is only ever a verdict's severity (nothing ran); findings never carry it. */
#define SEVERITY_TABLE(X)						\
	X(INFO, "info")							\
	X(OK, "ok")							\
	X(WARNING, "warning")						\
	X(CRITICAL, "critical")						\
	X(UNKNOWN, "unknown")

enum severity {
#define X(id, str) SEVERITY_##id,
	SEVERITY_TABLE(X)
#undef X
	SEVERITY_COUNT
};

const char *severity_str(enum severity s);	/* stable: "critical" */
const char *severity_label(enum severity s);	/* translated */
bool severity_is_problem(enum severity s);	/* warning or critical */

/* --- failure codes (DESIGN.md, stable contract) ------------------------- */

/* X(ID, stable code, severity of a verdict of this code). Never rename a
 * code; add new ones where they belong. */
#define FAILURE_TABLE(X)						\
	X(HEALTHY, "healthy", SEVERITY_OK)				\
	X(NOT_DNS, "not-dns", SEVERITY_CRITICAL)			\
	X(HOSTS_OVERRIDE, "hosts-override", SEVERITY_WARNING)		\
	X(STUB_RESOLVER_DOWN, "stub-resolver-down", SEVERITY_CRITICAL)	\
	X(RESOLVER_DOWN, "resolver-down", SEVERITY_CRITICAL)		\
	X(RESOLVER_FAILOVER, "resolver-failover", SEVERITY_WARNING)	\
	X(RESOLVER_REFUSED, "resolver-refused", SEVERITY_CRITICAL)	\
	X(RESOLVER_SERVFAIL, "resolver-servfail", SEVERITY_CRITICAL)	\
	X(AUTHORITATIVE_DOWN, "authoritative-down", SEVERITY_CRITICAL)	\
	X(AUTHORITATIVE_PARTIAL, "authoritative-partial", SEVERITY_WARNING) \
	X(LAME_DELEGATION, "lame-delegation", SEVERITY_WARNING)		\
	X(ZONE_EXPIRED_SECONDARY, "zone-expired-secondary", SEVERITY_CRITICAL) \
	X(SECONDARY_EXPIRING, "secondary-expiring", SEVERITY_WARNING)	\
	X(SERIAL_MISMATCH, "serial-mismatch", SEVERITY_WARNING)		\
	X(DNSSEC_BOGUS, "dnssec-bogus", SEVERITY_CRITICAL)		\
	X(DNSSEC_EXPIRING, "dnssec-expiring", SEVERITY_WARNING)		\
	X(STALE_NEGATIVE_CACHE, "stale-negative-cache", SEVERITY_CRITICAL) \
	X(STALE_CACHE, "stale-cache", SEVERITY_CRITICAL)		\
	X(NXDOMAIN, "nxdomain", SEVERITY_CRITICAL)			\
	X(NODATA, "nodata", SEVERITY_CRITICAL)				\
	X(SPLIT_HORIZON, "split-horizon", SEVERITY_WARNING)		\
	X(EDNS_UNSUPPORTED, "edns-unsupported", SEVERITY_WARNING)	\
	X(CNAME_LOOP, "cname-loop", SEVERITY_CRITICAL)			\
	X(UNKNOWN, "unknown", SEVERITY_UNKNOWN)

enum failure_code {
#define X(id, str, sev) FAILURE_##id,
	FAILURE_TABLE(X)
#undef X
	FAILURE_COUNT
};

/* One recovery step: prose (translatable, may name {facts}) and an optional
 * command (never translated, may name {facts}). */
struct recovery_step {
	const char *text;
	const char *command;	/* NULL: prose only */
};

struct failure_info {
	enum failure_code code;
	const char *name;		/* stable: "dnssec-bogus" */
	enum severity severity;		/* of a verdict of this code */
	const char *summary;		/* N_: plain words, may name {facts} */
	const char *help;		/* N_: a paragraph for help screens */
	const struct recovery_step *recovery;	/* nrecovery entries */
	size_t nrecovery;
};

/* Never NULL: an out-of-range code gives the entry of FAILURE_UNKNOWN. */
const struct failure_info *knowledge_failure(enum failure_code code);
/* By stable name; an unknown name gives the entry of FAILURE_UNKNOWN. */
const struct failure_info *knowledge_failure_by_name(const char *name);
bool knowledge_failure_exists(const char *name);

/* --- facts: what recovery templates may name ---------------------------- */

/* What each fact holds: name and type of the query; the zone apex; server:
 * ADDR#PORT of a server at fault; address: an address for commands (dig
 * @{address}); resolver: the address of a resolver that works; port: the
 * service's port; file: a file read (the hosts file); expected: what DNS
 * or --expect-ip says; seconds: a duration; when: a UTC time.
 *
 * X(ID, placeholder, how the verdict gathers it from the findings):
 *   CAUSE_JOIN   every distinct value of the findings that caused the
 *                verdict, joined with ", " (prose: the servers at fault)
 *   CAUSE_FIRST  the first value among those findings (for commands)
 *   RUN_FIRST    the first value among the causes, then every finding of
 *                the run, then the run itself (name, type) */
#define FACT_TABLE(X)							\
	X(NAME, "name", FACT_RUN_FIRST)					\
	X(TYPE, "type", FACT_RUN_FIRST)					\
	X(ZONE, "zone", FACT_RUN_FIRST)					\
	X(SERVER, "server", FACT_CAUSE_JOIN)				\
	X(ADDRESS, "address", FACT_CAUSE_FIRST)				\
	X(RESOLVER, "resolver", FACT_RUN_FIRST)				\
	X(PORT, "port", FACT_RUN_FIRST)					\
	X(FILE, "file", FACT_RUN_FIRST)					\
	X(EXPECTED, "expected", FACT_RUN_FIRST)				\
	X(SECONDS, "seconds", FACT_CAUSE_FIRST)				\
	X(WHEN, "when", FACT_CAUSE_FIRST)

enum fact_gather { FACT_CAUSE_JOIN, FACT_CAUSE_FIRST, FACT_RUN_FIRST };

enum fact {
#define X(id, key, gather) FACT_##id,
	FACT_TABLE(X)
#undef X
	FACT_COUNT
};

const char *fact_key(enum fact f);		/* "zone" */
enum fact_gather fact_gather(enum fact f);
/* "zone" -> FACT_ZONE; false for an unknown key. */
bool fact_by_key(const char *key, size_t keylen, enum fact *out);

/* --- finding codes ------------------------------------------------------ */

/* X(ID, stable code, default severity). Steps emit these; codes are free to
 * grow. Which failure codes a finding supports is data in
 * src/knowledge_tables.h (FINDING_SUPPORTS). */
#define FINDING_CODE_TABLE(X)						\
	/* scope: is it DNS at all? */					\
	X(NAME_RESOLVES, "name-resolves", SEVERITY_OK)			\
	X(TARGET_ADDRESS, "target-is-address", SEVERITY_INFO)		\
	X(SYSTEM_LOOKUP, "system-lookup", SEVERITY_INFO)		\
	X(CONFIG_NOTE, "local-config", SEVERITY_INFO)			\
	X(NAME_FAILS, "name-does-not-resolve", SEVERITY_CRITICAL)	\
	X(SERVICE_REACHABLE, "service-reachable", SEVERITY_OK)		\
	X(SERVICE_UNREACHABLE, "service-unreachable", SEVERITY_CRITICAL) \
	X(HOSTS_OVERRIDE, "hosts-override", SEVERITY_WARNING)		\
	X(STUB_TIMEOUT, "stub-resolver-timeout", SEVERITY_CRITICAL)	\
	/* resolvers */							\
	X(RESOLVER_ANSWERS, "resolver-answers", SEVERITY_OK)		\
	X(RESOLVER_TIMEOUT, "resolver-timeout", SEVERITY_CRITICAL)	\
	X(RESOLVER_UNREACHABLE, "resolver-unreachable", SEVERITY_CRITICAL) \
	X(FAILOVER_PENALTY, "failover-penalty", SEVERITY_WARNING)	\
	X(RESOLVER_REFUSED, "resolver-refused", SEVERITY_CRITICAL)	\
	X(RESOLVER_NO_RECURSION, "resolver-no-recursion", SEVERITY_CRITICAL) \
	X(RESOLVER_SERVFAIL, "resolver-servfail", SEVERITY_CRITICAL)	\
	X(RESOLVER_NXDOMAIN, "resolver-nxdomain", SEVERITY_WARNING)	\
	X(RESOLVER_NO_ANSWER, "resolver-no-answer", SEVERITY_CRITICAL)	\
	X(RESOLVER_NO_TCP, "resolver-tcp-fails", SEVERITY_INFO)		\
	X(RESOLVER_UNUSED, "resolver-unused", SEVERITY_INFO)		\
	X(RESOLVER_SLOW, "resolver-slow", SEVERITY_INFO)		\
	X(RESOLVER_WAITING, "resolver-no-answer-yet", SEVERITY_INFO)	\
	X(ANSWERS_DIFFER, "answers-differ", SEVERITY_WARNING)		\
	/* authoritative */						\
	X(ZONE_CUT, "zone-cut", SEVERITY_INFO)				\
	X(ALIAS_ELSEWHERE, "alias-elsewhere", SEVERITY_INFO)		\
	X(WALK_FAILED, "walk-failed", SEVERITY_INFO)			\
	X(NS_SET_DIFFERS, "ns-set-differs", SEVERITY_INFO)		\
	X(AUTH_ANSWERS, "authoritative-answers", SEVERITY_OK)		\
	X(AUTH_TIMEOUT, "authoritative-timeout", SEVERITY_CRITICAL)	\
	X(AUTH_WAITING, "authoritative-no-answer-yet", SEVERITY_INFO)	\
	X(AUTH_LAME, "lame-delegation", SEVERITY_WARNING)		\
	X(AUTH_SERVFAIL, "authoritative-servfail", SEVERITY_CRITICAL)	\
	X(AUTH_NXDOMAIN, "authoritative-nxdomain", SEVERITY_CRITICAL)	\
	X(AUTH_NODATA, "authoritative-nodata", SEVERITY_CRITICAL)	\
	X(STALE_NEGATIVE, "stale-negative-answer", SEVERITY_CRITICAL)	\
	X(STALE_ANSWER, "stale-answer", SEVERITY_CRITICAL)		\
	X(CACHE_REMAINS, "cache-remaining", SEVERITY_INFO)		\
	/* dnssec */							\
	X(DNSSEC_SECURE, "dnssec-secure", SEVERITY_OK)			\
	X(DNSSEC_INSECURE, "dnssec-insecure", SEVERITY_INFO)		\
	X(VALIDATION_FAILURE, "validation-failure", SEVERITY_CRITICAL)	\
	X(SIG_EXPIRED, "signature-expired", SEVERITY_CRITICAL)		\
	X(SIG_NOT_YET_VALID, "signature-not-yet-valid", SEVERITY_CRITICAL) \
	X(DS_MISMATCH, "ds-mismatch", SEVERITY_CRITICAL)		\
	X(DNSKEY_MISSING, "dnskey-missing", SEVERITY_CRITICAL)		\
	X(BAD_DENIAL, "bad-denial-proof", SEVERITY_CRITICAL)		\
	X(SIG_EXPIRING, "signature-expiring", SEVERITY_WARNING)		\
	X(SIG_INVALID, "signature-invalid", SEVERITY_CRITICAL)		\
	X(RRSIG_MISSING, "rrsig-missing", SEVERITY_CRITICAL)		\
	X(DNSSEC_UNVERIFIED, "dnssec-unverified", SEVERITY_INFO)	\
	X(RESOLVER_AD, "resolver-validates", SEVERITY_OK)		\
	X(AD_UNSUPPORTED, "ad-unsupported", SEVERITY_WARNING)		\
	/* serials */							\
	X(SERIALS_AGREE, "serials-agree", SEVERITY_OK)			\
	X(PRIMARY_SOA, "primary-soa", SEVERITY_INFO)			\
	X(SERIAL_BEHIND, "serial-behind", SEVERITY_WARNING)		\
	X(EXPIRE_SOON, "zone-expire-soon", SEVERITY_WARNING)		\
	X(SOA_TIMERS, "soa-timers", SEVERITY_INFO)			\
	X(SERIALS_INCOMPARABLE, "serials-incomparable", SEVERITY_WARNING) \
	X(SOA_SERVFAIL, "soa-servfail", SEVERITY_CRITICAL)		\
	X(SOA_NOT_AUTH, "soa-not-authoritative", SEVERITY_CRITICAL)	\
	X(EDNS_EXPIRE, "edns-expire", SEVERITY_INFO)			\
	/* the answers themselves (step_answers.c), in either step */	\
	X(MALFORMED_ANSWER, "malformed-answer", SEVERITY_INFO)		\
	X(TCP_FALLBACK_FAILED, "tcp-fallback-failed", SEVERITY_INFO)	\
	X(ANSWER_MISMATCH, "answer-mismatch", SEVERITY_INFO)		\
	X(EDNS_UNSUPPORTED, "edns-unsupported", SEVERITY_WARNING)	\
	X(OVERSIZED_ANSWER, "oversized-answer", SEVERITY_INFO)		\
	X(CNAME_LOOP, "cname-loop", SEVERITY_CRITICAL)			\
	X(RRSIG_DATES, "rrsig-dates-absurd", SEVERITY_INFO)		\
	X(NS_SET_LARGE, "ns-set-large", SEVERITY_INFO)

enum finding_code {
#define X(id, str, sev) FINDING_##id,
	FINDING_CODE_TABLE(X)
#undef X
	FINDING_CODE_COUNT
};

struct finding_code_info {
	enum finding_code code;
	const char *name;		/* stable: "resolver-timeout" */
	enum severity severity;		/* default for a new finding */
	const char *title;		/* N_: a few words for lists */
};

/* Never NULL; out of range gives a generic entry (name "unknown-finding"). */
const struct finding_code_info *knowledge_finding_code(enum finding_code c);
/* By stable name: true and *out set when known. */
bool knowledge_finding_code_by_name(const char *name, enum finding_code *out);
/* What a finding of this code means and what to look at next: a paragraph
 * (N_, untranslated) for help screens. Never NULL; out of range gives a
 * generic paragraph. */
const char *knowledge_finding_help(enum finding_code c);
/* Does a finding of this code support that failure code? */
bool knowledge_supports(enum finding_code c, enum failure_code f);

/* --- RCODE and EDE ------------------------------------------------------ */

struct rcode_info {
	int code;		/* -1 for the generic entry */
	const char *name;	/* "SERVFAIL"; never translated */
	const char *alias;	/* second meaning of the number, or NULL */
	const char *meaning;	/* N_ */
	const char *next;	/* N_: what to check next */
	bool known;
};

/* Never NULL; unknown numbers give a generic entry (known == false). */
const struct rcode_info *knowledge_rcode(int code);
/* Case-insensitive, aliases too ("BADSIG" finds 16). */
const struct rcode_info *knowledge_rcode_by_name(const char *name);
/* "SERVFAIL", or "RCODE42" for an unknown number; buf >= 16 bytes. */
const char *knowledge_rcode_str(int code, char *buf, size_t buflen);

struct ede_info {
	int code;		/* -1 for the generic entry */
	const char *name;	/* IANA purpose: "Signature Expired" */
	const char *meaning;	/* N_ */
	bool known;
};

const struct ede_info *knowledge_ede(int code);
const struct ede_info *knowledge_ede_by_name(const char *name);

/* Tables for views that list everything (help screen, man page checks). */
size_t knowledge_rcode_count(void);
const struct rcode_info *knowledge_rcode_at(size_t i);
size_t knowledge_ede_count(void);
const struct ede_info *knowledge_ede_at(size_t i);

#endif
