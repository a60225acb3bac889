/* rootdata.h - where an independent walk starts and what it trusts:
 * root hints (--root-hints) and DNSSEC trust anchors (--trust-anchor). */
#ifndef DNSTRIAGE_ROOTDATA_H
#define DNSTRIAGE_ROOTDATA_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>
#include <ldns/ldns.h>

/* Both files are a few KB; anything far larger is not what it claims. */
#define ROOTDATA_MAX_FILE_BYTES (1024L * 1024L)
#define ROOTDATA_MAX_RRS 4096

struct rootdata {
	ldns_rr_list *rrs;	/* hints: NS, A, AAAA; anchor: DS, DNSKEY */
	char source[512];	/* the file read, or "built in" */
	bool builtin;
};

/* Load the root hints. If the path was given by the user, it must be
 * readable and valid; a default path that does not exist falls back to
 * the built-in hints. On error, err holds "FILE:LINE: reason" and the
 * function returns false. */
bool rootdata_load_hints(const char *path, bool path_given,
    struct rootdata *out, char *err, size_t errlen);
/* Same for the trust anchor: DS or DNSKEY records in zone-file form. */
bool rootdata_load_anchor(const char *path, bool path_given,
    struct rootdata *out, char *err, size_t errlen);
/* Parse hints or anchor from memory (used for the built-in data and tests). */
bool rootdata_parse_hints(const char *text, const char *source,
    struct rootdata *out, char *err, size_t errlen);
bool rootdata_parse_anchor(const char *text, const char *source,
    struct rootdata *out, char *err, size_t errlen);
void rootdata_free(struct rootdata *rd);

/* The root server addresses of loaded hints, port 53, in file order.
 * Returns how many were written (at most cap). */
size_t rootdata_hint_addresses(const struct rootdata *hints,
    struct sockaddr_storage *out, socklen_t *lens, size_t cap);

extern const char rootdata_builtin_hints[];
extern const char rootdata_builtin_anchor[];

#endif
