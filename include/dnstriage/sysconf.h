/* sysconf.h - the local resolver configuration as glibc 2.36 reads it
 * (resolv.conf, the hosts: line of nsswitch.conf, the hosts file) and the
 * facts the steps derive from it: which nameservers are queried, in which
 * order, which are stubs on this host, what a dead one costs per lookup.
 * Nothing here touches the network or prints: problems are diagnostics. */
#ifndef DNSTRIAGE_SYSCONF_H
#define DNSTRIAGE_SYSCONF_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <net/if.h>

#define SYSCONF_PATH_MAX 256		/* longer paths are cut in diagnostics */
#define SYSCONF_DIAG_MAX_ARGS 3	/* arguments of a remark */
#define SYSCONF_DIAG_ARG_MAX 64		/* longer arguments are cut */
#define SYSCONF_MAX_DIAGS 32		/* per file; more are counted in dropped */
#define SYSCONF_LINE_MAX 8192		/* longer lines are skipped, with a diagnostic */
#define SYSCONF_CONF_MAX_BYTES ((size_t)1024 * 1024)	/* resolv.conf, nsswitch.conf */
#define SYSCONF_MAX_NAMESERVERS 32	/* listed, used by glibc or not */
#define SYSCONF_MAX_SEARCH 32
#define SYSCONF_NAME_MAX 254		/* a domain name in text, trailing dot included */
#define SYSCONF_GLIBC_MAXNS 3		/* glibc queries only the first three */
#define SYSCONF_NSS_MAX_SOURCES 16
#define SYSCONF_NSS_NAME_MAX 32
#define SYSCONF_NSS_CRITERIA_MAX 64
#define SYSCONF_HOSTS_MAX_BYTES ((size_t)16 * 1024 * 1024)
#define SYSCONF_HOSTS_MAX_NAMES 200000u

enum sysconf_severity {
	SYSCONF_INFO,		/* worth knowing, harmless */
	SYSCONF_WARNING,	/* glibc ignores or misreads what was likely meant */
	SYSCONF_ERROR,		/* file unreadable, or lookups fail because of it */
};

/* Diagnostic codes: enum name, stable identifier (JSON, tests). */
#define SYSCONF_DIAG_CODES(X) \
	X(UNREADABLE, "unreadable") \
	X(TRUNCATED, "truncated") \
	X(LINE_TOO_LONG, "line-too-long") \
	X(BINARY, "binary") \
	X(CRLF, "crlf") \
	X(IGNORED_LINE, "ignored-line") \
	X(UNKNOWN_KEYWORD, "unknown-keyword") \
	X(MISSING_VALUE, "missing-value") \
	X(BAD_ADDRESS, "bad-address") \
	X(ODD_ADDRESS, "odd-address") \
	X(BAD_SCOPE, "bad-scope") \
	X(BEYOND_MAXNS, "beyond-maxns") \
	X(TOO_MANY, "too-many") \
	X(DEFAULT_NAMESERVER, "default-nameserver") \
	X(REPLACED, "replaced") \
	X(BAD_NAME, "bad-name") \
	X(NOT_A_COMMENT, "not-a-comment") \
	X(UNKNOWN_OPTION, "unknown-option") \
	X(OPTION_VALUE, "option-value") \
	X(NO_QUERIES, "no-queries") \
	X(GLIBC_ABORT, "glibc-abort") \
	X(NSS_SYNTAX, "nss-syntax") \
	X(NSS_NO_NEWLINE, "nss-no-newline") \
	X(NSS_EMPTY, "nss-empty") \
	X(NSS_DEFAULT, "nss-default") \
	X(NO_NAME, "no-name")

enum sysconf_diag_code {
#define SYSCONF_DIAG_ENUM(name, id) SYSCONF_D_##name,
	SYSCONF_DIAG_CODES(SYSCONF_DIAG_ENUM)
#undef SYSCONF_DIAG_ENUM
};

struct sysconf_diag {
	char file[SYSCONF_PATH_MAX];
	unsigned line;			/* 0: the file as a whole */
	enum sysconf_severity sev;
	enum sysconf_diag_code code;
	/* The remark, untranslated (a N_() msgid with %s and %N$s only,
	 * textfmt.h) and its arguments: file bytes quoted as printable
	 * ASCII, numbers in decimal, errno values as I18N_ARG_ERRNO (i18n.h).
	 * Translated when shown: sysconf_diag_message(). */
	const char *msgid;
	const char *msgid_plural;	/* NULL unless it has plural forms */
	unsigned long n;		/* chooses the plural form */
	char args[SYSCONF_DIAG_MAX_ARGS][SYSCONF_DIAG_ARG_MAX];
	size_t nargs;
};

struct sysconf_diags {
	struct sysconf_diag d[SYSCONF_MAX_DIAGS];
	size_t n;
	size_t dropped;			/* diagnostics beyond SYSCONF_MAX_DIAGS */
};

/* What a nameserver address says about where the resolver runs. */
enum sysconf_stub {
	SYSCONF_STUB_NONE,		/* another host */
	SYSCONF_STUB_RESOLVED,		/* 127.0.0.53: systemd-resolved's stub */
	SYSCONF_STUB_RESOLVED_PROXY,	/* 127.0.0.54: systemd-resolved's proxy stub */
	SYSCONF_STUB_LOCAL,		/* other loopback (127/8, ::1) or unspecified
					 * address: a resolver on this host */
};

struct sysconf_nameserver {
	struct sockaddr_storage addr;	/* port 53, IPv6 scope id set */
	socklen_t addrlen;
	char text[INET6_ADDRSTRLEN + IF_NAMESIZE + 8];	/* "ADDR#53", "fe80::1%eth0#53" */
	unsigned line;			/* 0: glibc's default, not in the file */
	bool used;			/* glibc queries it (the first 3 it accepts) */
	enum sysconf_stub stub;
};

struct sysconf_resolv {
	char path[SYSCONF_PATH_MAX];
	/* File order. Entries glibc does not query (beyond the first three,
	 * CRLF lines) stay listed with used = false so the steps can probe
	 * them; the order of the used ones is glibc's query order. */
	struct sysconf_nameserver ns[SYSCONF_MAX_NAMESERVERS];
	size_t nns;
	size_t nused;			/* 1..3 once loaded */
	/* The last domain or search line; empty if none (glibc then takes
	 * the domain of the host name, which this module does not look up). */
	char search[SYSCONF_MAX_SEARCH][SYSCONF_NAME_MAX + 1];
	size_t nsearch;
	unsigned search_line;
	unsigned ndots;			/* default 1, glibc max 15 */
	unsigned timeout_s;		/* default 5, glibc max 30; 0 acts as 1 */
	unsigned attempts;		/* default 2, glibc max 5; 0: no query at all */
	bool rotate, use_vc, edns0, trust_ad, no_aaaa, no_tld_query;
	bool single_request, single_request_reopen;
	struct sysconf_diags diags;
};

/* nsswitch.conf: what a source does after each lookup status. */
enum sysconf_nss_status {
	SYSCONF_NSS_SUCCESS,
	SYSCONF_NSS_NOTFOUND,
	SYSCONF_NSS_UNAVAIL,
	SYSCONF_NSS_TRYAGAIN,
	SYSCONF_NSS_NSTATUS,
};

enum sysconf_nss_action {
	SYSCONF_NSS_CONTINUE,
	SYSCONF_NSS_RETURN,
	SYSCONF_NSS_MERGE,
};

struct sysconf_nss_source {
	char name[SYSCONF_NSS_NAME_MAX];	/* "files", "dns", "resolve", ... */
	enum sysconf_nss_action on[SYSCONF_NSS_NSTATUS];
	char criteria[SYSCONF_NSS_CRITERIA_MAX];	/* "[!UNAVAIL=return]" as written, or "" */
};

struct sysconf_nsswitch {
	char path[SYSCONF_PATH_MAX];
	struct sysconf_nss_source src[SYSCONF_NSS_MAX_SOURCES];
	size_t nsrc;
	unsigned line;			/* the hosts: line; 0: glibc default "files dns" */
	bool broken;			/* glibc fails every hosts lookup */
	struct sysconf_diags diags;
};

/* The hosts file: one entry per (name, address) pair, file order. */
struct sysconf_hosts_entry {
	int family;			/* AF_INET or AF_INET6 */
	union {
		struct in_addr v4;
		struct in6_addr v6;
	} addr;
	const char *name;		/* owned by the sysconf_hosts */
	unsigned line;
	bool alias;			/* not the first name of its line */
};

struct sysconf_hosts {
	char path[SYSCONF_PATH_MAX];
	struct sysconf_hosts_entry *entries;
	size_t nentries;
	char *names;			/* storage behind entries[].name */
	bool truncated;			/* a limit stopped the reading */
	struct sysconf_diags diags;
};

/* Bounds for reading a hosts file (a few blocklists run to megabytes). */
struct sysconf_hosts_limits {
	size_t max_bytes;
	size_t max_names;
};

/* Each loader fills *out with what glibc would use, diagnostics included,
 * and returns 0. When the file cannot be opened or read it returns -1,
 * *out holds what was read before (glibc's defaults if nothing) and an
 * UNREADABLE diagnostic names the file and the system error. No loader
 * prints, and none reads more than its byte limit. */
int sysconf_load_resolv_conf(const char *path, struct sysconf_resolv *out);
/* Only the hosts: line is kept, but every line is checked: in glibc 2.36
 * a syntax error in any database line fails every hosts lookup. */
int sysconf_load_nsswitch_hosts(const char *path, struct sysconf_nsswitch *out);
/* limits may be NULL for the defaults. Free with sysconf_hosts_free(),
 * also after a failed load. */
int sysconf_load_hosts(const char *path, const struct sysconf_hosts_limits *limits,
    struct sysconf_hosts *out);
void sysconf_hosts_free(struct sysconf_hosts *hosts);

/* The entries for name (case-insensitive, as glibc), file order: all
 * lines count, as for getaddrinfo. Stores up to max pointers in found
 * and returns how many entries match (possibly more than max). */
size_t sysconf_hosts_lookup(const struct sysconf_hosts *hosts, const char *name,
    const struct sysconf_hosts_entry **found, size_t max);

/* Index of a source in the hosts: line, or -1. */
int sysconf_nss_find(const struct sysconf_nsswitch *nss, const char *name);

enum sysconf_stub sysconf_stub_kind(const struct sockaddr *sa);
bool sysconf_is_local_stub(const struct sockaddr *sa);
/* Short translated label: "systemd-resolved stub", "a resolver on this host". */
const char *sysconf_stub_label(enum sysconf_stub kind);
/* The same as a message argument (NA_()), translated when rendered. */
const char *sysconf_stub_label_arg(enum sysconf_stub kind);

const char *sysconf_diag_code_name(enum sysconf_diag_code code);
/* The remark in the language of the moment. free() it. */
char *sysconf_diag_message(const struct sysconf_diag *d);
/* The remark as an argument of a message, translated when that message
 * is rendered (I18N_ARG_FORMAT, i18n.h). free() it. */
char *sysconf_diag_message_arg(const struct sysconf_diag *d);

/* What silent (blackholed) nameservers cost a lookup, per glibc 2.36's
 * res_send.c; see sysconf.c for the formula. "Dead" means no answer at
 * all: a refused port or an error RCODE makes glibc move on at once. */
struct sysconf_failover {
	unsigned nservers;		/* nameservers glibc queries (<= 3) */
	bool any_alive;
	unsigned penalty_ms;		/* wait before a live server is asked; with
					 * rotate the average over starting servers */
	unsigned penalty_worst_ms;	/* worst starting server (= penalty_ms without rotate) */
	unsigned fail_ms;		/* all dead: time until the lookup fails */
};

/* How long glibc waits for the server at index (0-based among the
 * nscount it queries) in one try: (timeout << index), divided by nscount
 * when index > 0, at least 1 second. */
unsigned sysconf_glibc_wait_ms(unsigned timeout_s, unsigned index, unsigned nscount);
/* alive[i] tells whether rc->ns[i] answers; entries past nalive count as
 * dead. With no live server, both penalties equal fail_ms. With attempts
 * 0 every figure is 0: glibc sends nothing and fails at once. */
void sysconf_failover(const struct sysconf_resolv *rc, const bool *alive,
    size_t nalive, struct sysconf_failover *out);

#endif
