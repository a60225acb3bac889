/* rootdata.c - load root hints and trust anchors with ldns, refusing files
 * that are not what they claim to be (wrong types, garbage, huge). */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "dnstriage/i18n.h"
#include "dnstriage/rootdata.h"
#include "dnstriage/textfmt.h"

enum rootdata_kind { KIND_HINTS, KIND_ANCHOR };

static bool
type_allowed(enum rootdata_kind kind, ldns_rr_type t)
{
	if (kind == KIND_HINTS)
		return t == LDNS_RR_TYPE_NS || t == LDNS_RR_TYPE_A ||
		    t == LDNS_RR_TYPE_AAAA;
	return t == LDNS_RR_TYPE_DS || t == LDNS_RR_TYPE_DNSKEY;
}

/* What makes a loaded list usable: hints need an NS of the root with at
 * least one address; an anchor needs at least one DS or DNSKEY. */
static bool
check_complete(enum rootdata_kind kind, const ldns_rr_list *rrs,
    const char *source, char *err, size_t errlen)
{
	size_t i, ns = 0, addr = 0;

	for (i = 0; i < ldns_rr_list_rr_count(rrs); i++) {
		ldns_rr_type t = ldns_rr_get_type(ldns_rr_list_rr(rrs, i));

		if (t == LDNS_RR_TYPE_NS)
			ns++;
		else if (t == LDNS_RR_TYPE_A || t == LDNS_RR_TYPE_AAAA)
			addr++;
	}
	if (kind == KIND_HINTS && (ns == 0 || addr == 0)) {
		textfmt_err(err, errlen,
		    _("%s: no root server with an address (need NS records and their A or AAAA)"),
		    source);
		return false;
	}
	if (kind == KIND_ANCHOR && ldns_rr_list_rr_count(rrs) == 0) {
		textfmt_err(err, errlen, _("%s: no DS or DNSKEY record"), source);
		return false;
	}
	return true;
}

static bool
parse_stream(FILE *fp, enum rootdata_kind kind, const char *source,
    struct rootdata *out, char *err, size_t errlen)
{
	ldns_rr_list *rrs = ldns_rr_list_new();
	ldns_rdf *origin = NULL, *prev = NULL;
	uint32_t default_ttl = 3600;
	int line = 1;
	bool ok = true;

	while (ok && !feof(fp)) {
		ldns_rr *rr = NULL;
		int at = line;
		ldns_status st = ldns_rr_new_frm_fp_l(&rr, fp, &default_ttl,
		    &origin, &prev, &line);

		if (st == LDNS_STATUS_SYNTAX_EMPTY || st == LDNS_STATUS_SYNTAX_TTL ||
		    st == LDNS_STATUS_SYNTAX_ORIGIN)
			continue;
		if (st != LDNS_STATUS_OK) {
			if (feof(fp) && st == LDNS_STATUS_SYNTAX_ERR)
				break;	/* trailing blank at end of file */
			textfmt_err(err, errlen, _("%s:%d: %s"), source, at,
			    ldns_get_errorstr_by_id(st));
			ok = false;
			break;
		}
		if (!type_allowed(kind, ldns_rr_get_type(rr))) {
			char *type = ldns_rr_type2str(ldns_rr_get_type(rr));

			textfmt_err(err, errlen, kind == KIND_HINTS ?
			    _("%s:%d: unexpected %s record in root hints (only NS, A and AAAA)") :
			    _("%s:%d: unexpected %s record in a trust anchor (only DS and DNSKEY)"),
			    source, at, type ? type : "?");
			LDNS_FREE(type);
			ldns_rr_free(rr);
			ok = false;
			break;
		}
		if (ldns_rr_list_rr_count(rrs) >= ROOTDATA_MAX_RRS) {
			textfmt_err(err, errlen, _("%s:%d: more than %d records"), source,
			    at, ROOTDATA_MAX_RRS);
			ldns_rr_free(rr);
			ok = false;
			break;
		}
		ldns_rr_list_push_rr(rrs, rr);
	}
	ldns_rdf_deep_free(origin);
	ldns_rdf_deep_free(prev);
	if (ok)
		ok = check_complete(kind, rrs, source, err, errlen);
	if (!ok) {
		ldns_rr_list_deep_free(rrs);
		return false;
	}
	out->rrs = rrs;
	snprintf(out->source, sizeof(out->source), "%s", source);
	return true;
}

static bool
parse_text(const char *text, enum rootdata_kind kind, const char *source,
    struct rootdata *out, char *err, size_t errlen)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	bool ok;

	if (fp == NULL) {
		textfmt_err(err, errlen, "%s: %s", source, strerror(errno));
		return false;
	}
	ok = parse_stream(fp, kind, source, out, err, errlen);
	fclose(fp);
	return ok;
}

static bool
load(const char *path, bool given, enum rootdata_kind kind,
    struct rootdata *out, char *err, size_t errlen)
{
	const char *builtin = kind == KIND_HINTS ? rootdata_builtin_hints :
	    rootdata_builtin_anchor;
	struct stat st;
	FILE *fp;
	bool ok;

	memset(out, 0, sizeof(*out));
	fp = fopen(path, "r");
	if (fp == NULL && !given && errno == ENOENT) {
		out->builtin = true;
		return parse_text(builtin, kind, _("built in"), out, err, errlen);
	}
	if (fp == NULL) {
		textfmt_err(err, errlen, _("cannot read '%s': %s"), path, strerror(errno));
		return false;
	}
	if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
		textfmt_err(err, errlen, _("'%s' is not a regular file"), path);
		fclose(fp);
		return false;
	}
	if (st.st_size > ROOTDATA_MAX_FILE_BYTES) {
		textfmt_err(err, errlen, _("'%s' is too large (%lld bytes; at most %ld)"),
		    path, (long long)st.st_size, ROOTDATA_MAX_FILE_BYTES);
		fclose(fp);
		return false;
	}
	ok = parse_stream(fp, kind, path, out, err, errlen);
	fclose(fp);
	return ok;
}

bool
rootdata_load_hints(const char *path, bool path_given, struct rootdata *out,
    char *err, size_t errlen)
{
	return load(path, path_given, KIND_HINTS, out, err, errlen);
}

bool
rootdata_load_anchor(const char *path, bool path_given, struct rootdata *out,
    char *err, size_t errlen)
{
	return load(path, path_given, KIND_ANCHOR, out, err, errlen);
}

bool
rootdata_parse_hints(const char *text, const char *source,
    struct rootdata *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	return parse_text(text, KIND_HINTS, source, out, err, errlen);
}

bool
rootdata_parse_anchor(const char *text, const char *source,
    struct rootdata *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	return parse_text(text, KIND_ANCHOR, source, out, err, errlen);
}

void
rootdata_free(struct rootdata *rd)
{
	if (rd == NULL)
		return;
	ldns_rr_list_deep_free(rd->rrs);
	rd->rrs = NULL;
}

size_t
rootdata_hint_addresses(const struct rootdata *hints,
    struct sockaddr_storage *out, socklen_t *lens, size_t cap)
{
	size_t i, n = 0;

	for (i = 0; hints->rrs != NULL && i < ldns_rr_list_rr_count(hints->rrs) &&
	    n < cap; i++) {
		const ldns_rr *rr = ldns_rr_list_rr(hints->rrs, i);
		const ldns_rdf *rd = ldns_rr_rdf(rr, 0);

		if (rd == NULL)
			continue;
		memset(&out[n], 0, sizeof(out[n]));
		if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_A &&
		    ldns_rdf_size(rd) == 4) {
			struct sockaddr_in *sin = (struct sockaddr_in *)&out[n];

			sin->sin_family = AF_INET;
			sin->sin_port = htons(53);
			memcpy(&sin->sin_addr, ldns_rdf_data(rd), 4);
			lens[n++] = sizeof(*sin);
		} else if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_AAAA &&
		    ldns_rdf_size(rd) == 16) {
			struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&out[n];

			sin6->sin6_family = AF_INET6;
			sin6->sin6_port = htons(53);
			memcpy(&sin6->sin6_addr, ldns_rdf_data(rd), 16);
			lens[n++] = sizeof(*sin6);
		}
	}
	return n;
}
