/* sysconf.c - read resolv.conf, nsswitch.conf and the hosts file the way
 * glibc 2.36 does, and say where the file and glibc disagree with what its
 * author likely meant. No networking, no printing.
 *
 * Why not ldns's readers: ldns_resolver_new_frm_fp_l() tokenizes like a
 * zone file (';' comments, parentheses join lines), skips `options` and
 * `sortlist`, keeps both `domain` and `search`, follows an `anchor FILE`
 * keyword to open another file, drops the %scope of IPv6 addresses, and
 * rejects the whole file on the first bad nameserver with one status.
 * ldns_get_rr_list_hosts_frm_fp_l() silently skips bad lines, stops at
 * a line longer than LDNS_MAX_LINELEN, and reads without bound. glibc
 * reads lines, so we do; ldns still checks domain name syntax. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ldns/ldns.h>

#include "dnstriage/i18n.h"
#include "dnstriage/sysconf.h"

#define QUOTE_MAX 48		/* file text quoted in a message */
#define DNS_PORT 53

/* --- diagnostics ---------------------------------------------------------- */

static const char *const diag_code_names[] = {
#define SYSCONF_DIAG_NAME(name, id) id,
	SYSCONF_DIAG_CODES(SYSCONF_DIAG_NAME)
#undef SYSCONF_DIAG_NAME
};

const char *
sysconf_diag_code_name(enum sysconf_diag_code code)
{
	if ((size_t)code >= sizeof(diag_code_names) / sizeof(diag_code_names[0]))
		return "unknown";
	return diag_code_names[code];
}

/* glibc parses in the C locale; so do we, whatever setlocale() chose. */
static bool
c_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	    c == '\r';
}

static bool
c_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static int
c_tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool
ascii_ncaseeq(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (c_tolower((unsigned char)a[i]) != c_tolower((unsigned char)b[i]))
			return false;
	return true;
}

static int
ascii_casecmp(const char *a, const char *b)
{
	while (*a != '\0' && c_tolower((unsigned char)*a) ==
	    c_tolower((unsigned char)*b)) {
		a++;
		b++;
	}
	return c_tolower((unsigned char)*a) - c_tolower((unsigned char)*b);
}

/* File bytes end up on a terminal: keep printable ASCII only. */
static const char *
quote(char *dst, size_t dstlen, const char *src, size_t srclen)
{
	size_t i, n = 0;

	for (i = 0; i < srclen && n + 4 < dstlen; i++) {
		unsigned char c = (unsigned char)src[i];

		if (i == QUOTE_MAX) {
			memcpy(dst + n, "...", 3);
			n += 3;
			break;
		}
		dst[n++] = (char)(c >= 0x20 && c < 0x7f ? c : '?');
	}
	dst[n] = '\0';
	return dst;
}

static const char *
quote_str(char *dst, size_t dstlen, const char *src)
{
	return quote(dst, dstlen, src, strlen(src));
}

/* Long paths keep their tail: the file name is the useful part. */
static void
copy_path(char *dst, const char *path)
{
	size_t len = strlen(path), i, n = 0;
	const char *p = path;

	if (len >= SYSCONF_PATH_MAX) {
		memcpy(dst, "...", 3);
		n = 3;
		p = path + len - (SYSCONF_PATH_MAX - 4);
	}
	for (i = 0; p[i] != '\0' && n < SYSCONF_PATH_MAX - 1; i++) {
		unsigned char c = (unsigned char)p[i];

		dst[n++] = (char)(c >= 0x20 && c != 0x7f ? c : '?');
	}
	dst[n] = '\0';
}

/* A remark: msgid (N_(), a format of textfmt.h: %s and %N$s only), with
 * plural forms when msgid_plural is set, and string arguments ended by
 * NULL. It is translated when shown (sysconf_diag_message()). */
static void
diag_vadd(struct sysconf_diags *dg, const char *file, unsigned line,
    enum sysconf_severity sev, enum sysconf_diag_code code,
    const char *msgid, const char *msgid_plural, unsigned long n, va_list ap)
{
	struct sysconf_diag *d;
	const char *a;

	if (dg->n == SYSCONF_MAX_DIAGS) {
		dg->dropped++;
		return;
	}
	d = &dg->d[dg->n++];
	memset(d, 0, sizeof(*d));
	copy_path(d->file, file);
	d->line = line;
	d->sev = sev;
	d->code = code;
	d->msgid = msgid;
	d->msgid_plural = msgid_plural;
	d->n = n;
	while ((a = va_arg(ap, const char *)) != NULL)
		if (d->nargs < SYSCONF_DIAG_MAX_ARGS)
			snprintf(d->args[d->nargs++], sizeof(d->args[0]), "%s", a);
}

static void diag_add(struct sysconf_diags *dg, const char *file, unsigned line,
    enum sysconf_severity sev, enum sysconf_diag_code code,
    const char *msgid, ...) __attribute__((sentinel));
static void diag_add_plural(struct sysconf_diags *dg, const char *file,
    unsigned line, enum sysconf_severity sev, enum sysconf_diag_code code,
    const char *msgid, const char *msgid_plural, unsigned long n, ...)
    __attribute__((sentinel));

static void
diag_add(struct sysconf_diags *dg, const char *file, unsigned line,
    enum sysconf_severity sev, enum sysconf_diag_code code,
    const char *msgid, ...)
{
	va_list ap;

	va_start(ap, msgid);
	diag_vadd(dg, file, line, sev, code, msgid, NULL, 0, ap);
	va_end(ap);
}

static void
diag_add_plural(struct sysconf_diags *dg, const char *file, unsigned line,
    enum sysconf_severity sev, enum sysconf_diag_code code,
    const char *msgid, const char *msgid_plural, unsigned long n, ...)
{
	va_list ap;

	va_start(ap, n);
	diag_vadd(dg, file, line, sev, code, msgid, msgid_plural, n, ap);
	va_end(ap);
}

char *
sysconf_diag_message(const struct sysconf_diag *d)
{
	const char *args[SYSCONF_DIAG_MAX_ARGS];
	size_t i;

	for (i = 0; i < d->nargs; i++)
		args[i] = d->args[i];
	return i18n_render(d->msgid, d->msgid_plural, d->n, args, d->nargs);
}

char *
sysconf_diag_message_arg(const struct sysconf_diag *d)
{
	const char *args[SYSCONF_DIAG_MAX_ARGS];
	size_t i;

	for (i = 0; i < d->nargs; i++)
		args[i] = d->args[i];
	return i18n_arg_format(d->msgid, d->msgid_plural, d->n, args,
	    d->nargs);
}

/* A number as a message argument. */
static const char *
num(char *buf, size_t len, unsigned long long v)
{
	snprintf(buf, len, "%llu", v);
	return buf;
}

/* --- bounded line reader ------------------------------------------------- */

struct reader {
	FILE *fp;
	const char *path;
	size_t max_bytes;
	size_t nbytes;
	unsigned lineno;
	char line[SYSCONF_LINE_MAX + 1];
	size_t len;
	bool too_long;		/* this line is longer than SYSCONF_LINE_MAX */
	bool no_newline;	/* last line, not terminated */
	unsigned binary_line;	/* first line with NUL or control bytes */
	bool capped;		/* more bytes than max_bytes */
	bool eof;
	int error;		/* errno of a read error */
	char chunk[16384];
	size_t cpos, clen;
};

static bool
reader_open(struct reader *r, const char *path, size_t max_bytes)
{
	memset(r, 0, offsetof(struct reader, chunk));
	r->cpos = r->clen = 0;
	r->path = path;
	r->max_bytes = max_bytes;
	r->fp = fopen(path, "re");
	if (r->fp == NULL) {
		r->error = errno;
		return false;
	}
	return true;
}

static int
reader_getc(struct reader *r)
{
	if (r->cpos == r->clen) {
		if (r->eof)
			return EOF;
		errno = 0;
		r->clen = fread(r->chunk, 1, sizeof(r->chunk), r->fp);
		r->cpos = 0;
		if (r->clen == 0) {
			if (ferror(r->fp))
				r->error = errno != 0 ? errno : EIO;
			r->eof = true;
			return EOF;
		}
	}
	/* Only know we are over the limit once a byte beyond it exists. */
	if (r->nbytes == r->max_bytes) {
		r->capped = true;
		r->eof = true;
		return EOF;
	}
	r->nbytes++;
	return (unsigned char)r->chunk[r->cpos++];
}

/* Next line into r->line, without '\n'; false at the end of the input.
 * A NUL ends the line's text, as it does for glibc's string functions. */
static bool
reader_next(struct reader *r)
{
	bool any = false, nul = false;
	int c = EOF;

	r->len = 0;
	r->too_long = false;
	while ((c = reader_getc(r)) != EOF) {
		any = true;
		if (c == '\n')
			break;
		if (c == 0 || (c < 0x20 && c != '\t' && c != '\r') || c == 0x7f)
			if (r->binary_line == 0)
				r->binary_line = r->lineno + 1;
		if (c == 0)
			nul = true;
		if (nul)
			continue;
		if (r->len < SYSCONF_LINE_MAX)
			r->line[r->len++] = (char)c;
		else
			r->too_long = true;
	}
	if (!any)
		return false;
	/* A line cut by the size limit or a read error is not a line. */
	if (c == EOF && (r->capped || r->error != 0))
		return false;
	r->no_newline = (c == EOF);
	r->line[r->len] = '\0';
	r->lineno++;
	return true;
}

static void line_diag(struct sysconf_diags *dg, const struct reader *r,
    enum sysconf_severity sev, enum sysconf_diag_code code,
    const char *msgid, ...) __attribute__((sentinel));
static void line_diag_plural(struct sysconf_diags *dg, const struct reader *r,
    enum sysconf_severity sev, enum sysconf_diag_code code,
    const char *msgid, const char *msgid_plural, unsigned long n, ...)
    __attribute__((sentinel));

/* A remark on the line just read. */
static void
line_diag(struct sysconf_diags *dg, const struct reader *r,
    enum sysconf_severity sev, enum sysconf_diag_code code,
    const char *msgid, ...)
{
	va_list ap;

	va_start(ap, msgid);
	diag_vadd(dg, r->path, r->lineno, sev, code, msgid, NULL, 0, ap);
	va_end(ap);
}

static void
line_diag_plural(struct sysconf_diags *dg, const struct reader *r,
    enum sysconf_severity sev, enum sysconf_diag_code code,
    const char *msgid, const char *msgid_plural, unsigned long n, ...)
{
	va_list ap;

	va_start(ap, n);
	diag_vadd(dg, r->path, r->lineno, sev, code, msgid, msgid_plural, n,
	    ap);
	va_end(ap);
}

static void
diag_unreadable(struct sysconf_diags *dg, const char *path, unsigned line,
    enum sysconf_severity sev, int err, bool opening)
{
	/* The system's reason too is worded when the remark is shown. */
	char *why = i18n_arg_errno(err);

	if (opening)
		diag_add(dg, path, line, sev, SYSCONF_D_UNREADABLE,
		    N_("cannot open the file: %s"), why, NULL);
	else
		diag_add(dg, path, line, sev, SYSCONF_D_UNREADABLE,
		    N_("cannot read the file: %s"), why, NULL);
	free(why);
}

/* What is said of the file as a whole must not be lost to the limit on
 * diagnostics: it takes the place of the last line's (counted as
 * dropped). A file of garbage makes a remark per line first. */
static void
diag_make_room(struct sysconf_diags *dg)
{
	if (dg->n == SYSCONF_MAX_DIAGS) {
		dg->n--;
		dg->dropped++;
	}
}

/* Close the file and report what stopped or disturbed the reading;
 * returns 0 or -1 for a read error. */
static int
reader_close(struct reader *r, struct sysconf_diags *dg)
{
	if (r->binary_line != 0) {
		diag_make_room(dg);
		diag_add(dg, r->path, r->binary_line, SYSCONF_WARNING,
		    SYSCONF_D_BINARY, N_("binary data (NUL or control bytes) from "
		    "this line on: glibc ignores the rest of a line after a NUL"), NULL);
	}
	if (r->capped) {
		char n[24];

		diag_make_room(dg);
		diag_add_plural(dg, r->path, r->lineno, SYSCONF_WARNING,
		    SYSCONF_D_TRUNCATED, "only the first %s byte was read; "
		    "the rest of the file was not checked",
		    "only the first %s bytes were read; the rest of the file "
		    "was not checked", r->max_bytes,
		    num(n, sizeof(n), r->max_bytes), NULL);
	}
	if (r->fp != NULL)
		fclose(r->fp);
	r->fp = NULL;
	if (r->error != 0) {
		diag_make_room(dg);
		diag_unreadable(dg, r->path, r->lineno, SYSCONF_ERROR, r->error,
		    false);
		return -1;
	}
	return 0;
}

static void
diag_too_long(struct sysconf_diags *dg, const struct reader *r)
{
	char n[24];

	line_diag_plural(dg, r, SYSCONF_WARNING, SYSCONF_D_LINE_TOO_LONG,
	    "line longer than %s byte: not checked",
	    "line longer than %s bytes: not checked", SYSCONF_LINE_MAX,
	    num(n, sizeof(n), SYSCONF_LINE_MAX), NULL);
}

/* --- stub resolvers ------------------------------------------------------- */

static enum sysconf_stub
stub_kind_v4(uint32_t a)
{
	if (a == 0x7f000035)
		return SYSCONF_STUB_RESOLVED;
	if (a == 0x7f000036)
		return SYSCONF_STUB_RESOLVED_PROXY;
	/* Linux delivers packets for 0.0.0.0 to this host, like loopback. */
	if ((a >> 24) == 127 || a == 0)
		return SYSCONF_STUB_LOCAL;
	return SYSCONF_STUB_NONE;
}

enum sysconf_stub
sysconf_stub_kind(const struct sockaddr *sa)
{
	struct sockaddr_in sin;
	struct sockaddr_in6 sin6;
	uint32_t a;

	if (sa == NULL)
		return SYSCONF_STUB_NONE;
	if (sa->sa_family == AF_INET) {
		memcpy(&sin, sa, sizeof(sin));
		return stub_kind_v4(ntohl(sin.sin_addr.s_addr));
	}
	if (sa->sa_family != AF_INET6)
		return SYSCONF_STUB_NONE;
	memcpy(&sin6, sa, sizeof(sin6));
	if (IN6_IS_ADDR_LOOPBACK(&sin6.sin6_addr) ||
	    IN6_IS_ADDR_UNSPECIFIED(&sin6.sin6_addr))
		return SYSCONF_STUB_LOCAL;
	if (IN6_IS_ADDR_V4MAPPED(&sin6.sin6_addr)) {
		memcpy(&a, &sin6.sin6_addr.s6_addr[12], sizeof(a));
		return stub_kind_v4(ntohl(a));
	}
	return SYSCONF_STUB_NONE;
}

bool
sysconf_is_local_stub(const struct sockaddr *sa)
{
	return sysconf_stub_kind(sa) != SYSCONF_STUB_NONE;
}

const char *
sysconf_stub_label_arg(enum sysconf_stub kind)
{
	switch (kind) {
	case SYSCONF_STUB_RESOLVED:
		return NA_("systemd-resolved stub");
	case SYSCONF_STUB_RESOLVED_PROXY:
		return NA_("systemd-resolved proxy stub");
	case SYSCONF_STUB_LOCAL:
		return NA_("a resolver on this host");
	case SYSCONF_STUB_NONE:
		break;
	}
	return NA_("a remote resolver");
}

const char *
sysconf_stub_label(enum sysconf_stub kind)
{
	return _(sysconf_stub_label_arg(kind) + 1);
}

/* --- resolv.conf ---------------------------------------------------------- */

struct resolv_ctx {
	struct sysconf_resolv *rc;
	const struct reader *r;
	size_t accepted;		/* nameservers glibc accepted */
	bool beyond_reported, full_reported;
	unsigned ndots_line, timeout_line, attempts_line;
};

static void
resolv_defaults(struct sysconf_resolv *rc, const char *path)
{
	memset(rc, 0, sizeof(*rc));
	copy_path(rc->path, path);
	rc->ndots = 1;
	rc->timeout_s = 5;
	rc->attempts = 2;
}

/* "keyword" then a blank, at column 0 and in lower case: glibc's MATCH(). */
static const char *
keyword_value(const char *line, const char *kw)
{
	size_t n = strlen(kw);

	if (strncmp(line, kw, n) != 0 || (line[n] != ' ' && line[n] != '\t'))
		return NULL;
	line += n;
	while (*line == ' ' || *line == '\t')
		line++;
	return line;
}

static void
rdiag(struct resolv_ctx *cx, enum sysconf_severity sev,
    enum sysconf_diag_code code, const char *msg)
{
	line_diag(&cx->rc->diags, cx->r, sev, code, msg, NULL);
}

/* glibc resolves an interface name only for link-local scopes, else a
 * number; on failure it sends without a scope. */
static void
set_scope(struct resolv_ctx *cx, struct sockaddr_in6 *sin6, const char *scope,
    bool cr, char *text, size_t textlen)
{
	const struct in6_addr *a = &sin6->sin6_addr;
	bool linklocal = IN6_IS_ADDR_LINKLOCAL(a) ||
	    IN6_IS_ADDR_MC_NODELOCAL(a) || IN6_IS_ADDR_MC_LINKLOCAL(a);
	char q[QUOTE_MAX + 8];
	unsigned long scope_num;
	char *end;

	if (scope == NULL) {
		if (IN6_IS_ADDR_LINKLOCAL(a))
			rdiag(cx, SYSCONF_WARNING, SYSCONF_D_BAD_SCOPE,
			    N_("link-local address without an interface "
			    "scope: the kernel cannot send to it"));
		return;
	}
	/* The CR lands in the scope, which glibc then fails to parse. */
	if (cr) {
		rdiag(cx, SYSCONF_WARNING, SYSCONF_D_CRLF,
		    N_("line ends with a carriage return (CRLF): glibc cannot "
		    "read the interface scope and sends without one"));
		return;
	}
	quote_str(q, sizeof(q), scope);
	if (linklocal && strlen(scope) < IF_NAMESIZE)
		sin6->sin6_scope_id = if_nametoindex(scope);
	if (sin6->sin6_scope_id == 0 && c_isdigit((unsigned char)scope[0])) {
		errno = 0;
		scope_num = strtoul(scope, &end, 10);
		if (errno == 0 && *end == '\0' && scope_num <= UINT32_MAX)
			sin6->sin6_scope_id = (uint32_t)scope_num;
	}
	if (sin6->sin6_scope_id == 0) {
		line_diag(&cx->rc->diags, cx->r,
		    SYSCONF_WARNING, SYSCONF_D_BAD_SCOPE,
		    N_("unknown interface '%s': glibc sends without a scope"), q, NULL);
		return;
	}
	snprintf(text + strlen(text), textlen - strlen(text), "%%%s", q);
}

/* glibc: inet_aton (so "127.1" and octal "010.0.0.1" pass), else IPv6
 * with an optional %scope. */
static bool
parse_ns_address(struct resolv_ctx *cx, const char *tok, bool cr,
    struct sysconf_nameserver *ns)
{
	struct sockaddr_in sin;
	struct sockaddr_in6 sin6;
	struct in_addr strict;
	char addr[INET6_ADDRSTRLEN + IF_NAMESIZE + 8], q[QUOTE_MAX + 8];
	char *pct;

	memset(ns, 0, sizeof(*ns));
	if (inet_aton(tok, &sin.sin_addr) != 0) {
		sin.sin_family = AF_INET;
		sin.sin_port = htons(DNS_PORT);
		memset(sin.sin_zero, 0, sizeof(sin.sin_zero));
		memcpy(&ns->addr, &sin, sizeof(sin));
		ns->addrlen = sizeof(sin);
		inet_ntop(AF_INET, &sin.sin_addr, addr, sizeof(addr));
		if (inet_pton(AF_INET, tok, &strict) != 1) {
			quote_str(q, sizeof(q), tok);
			line_diag(&cx->rc->diags, cx->r,
			    SYSCONF_WARNING, SYSCONF_D_ODD_ADDRESS,
			    N_("'%s' is not a dotted quad: glibc reads it as %s"),
			    q, addr, NULL);
		}
		snprintf(ns->text, sizeof(ns->text), "%s#%d", addr, DNS_PORT);
		return true;
	}
	if (strlen(tok) >= sizeof(addr))
		return false;
	memcpy(addr, tok, strlen(tok) + 1);
	pct = strchr(addr, '%');
	if (pct != NULL)
		*pct++ = '\0';
	memset(&sin6, 0, sizeof(sin6));
	if (inet_pton(AF_INET6, addr, &sin6.sin6_addr) != 1)
		return false;
	sin6.sin6_family = AF_INET6;
	sin6.sin6_port = htons(DNS_PORT);
	inet_ntop(AF_INET6, &sin6.sin6_addr, ns->text, sizeof(ns->text));
	set_scope(cx, &sin6, pct, cr, ns->text, sizeof(ns->text));
	snprintf(ns->text + strlen(ns->text), sizeof(ns->text) - strlen(ns->text),
	    "#%d", DNS_PORT);
	memcpy(&ns->addr, &sin6, sizeof(sin6));
	ns->addrlen = sizeof(sin6);
	return true;
}

static void
resolv_add_ns(struct resolv_ctx *cx, struct sysconf_nameserver *ns, bool cr)
{
	struct sysconf_resolv *rc = cx->rc;

	/* Keep the last slot for glibc's default 127.0.0.1. */
	if (rc->nns >= SYSCONF_MAX_NAMESERVERS - 1) {
		char n[24];

		if (!cx->full_reported)
			line_diag_plural(&rc->diags, cx->r,
			    SYSCONF_WARNING, SYSCONF_D_TOO_MANY,
			    "more than %s nameserver: this one and later ones "
			    "are not checked",
			    "more than %s nameservers: this one and later "
			    "ones are not checked", SYSCONF_MAX_NAMESERVERS - 1,
			    num(n, sizeof(n), SYSCONF_MAX_NAMESERVERS - 1), NULL);
		cx->full_reported = true;
		return;
	}
	ns->line = cx->r->lineno;
	if (cr) {
		rdiag(cx, SYSCONF_WARNING, SYSCONF_D_CRLF,
		    N_("line ends with a carriage return (CRLF): glibc does not "
		    "accept the address and ignores this nameserver"));
	} else if (cx->accepted >= SYSCONF_GLIBC_MAXNS) {
		char n[24];

		if (!cx->beyond_reported)
			line_diag_plural(&rc->diags, cx->r,
			    SYSCONF_WARNING, SYSCONF_D_BEYOND_MAXNS,
			    "glibc queries only the first %s nameserver: "
			    "this one and later ones are never asked",
			    "glibc queries only the first %s nameservers: "
			    "this one and later ones are never asked",
			    SYSCONF_GLIBC_MAXNS,
			    num(n, sizeof(n), SYSCONF_GLIBC_MAXNS), NULL);
		cx->beyond_reported = true;
	} else {
		ns->used = true;
		cx->accepted++;
	}
	rc->ns[rc->nns++] = *ns;
}

static void
resolv_nameserver(struct resolv_ctx *cx, const char *v)
{
	struct sysconf_nameserver ns;
	char tok[INET6_ADDRSTRLEN + IF_NAMESIZE + 8], q[QUOTE_MAX + 8];
	size_t n = strcspn(v, " \t");
	bool cr = false;

	/* glibc takes the first word and ignores the rest of the line. */
	if (n >= sizeof(tok)) {
		quote(q, sizeof(q), v, n);
		line_diag(&cx->rc->diags, cx->r,
		    SYSCONF_WARNING, SYSCONF_D_BAD_ADDRESS,
		    N_("'%s' is not an IP address: glibc ignores this nameserver"), q, NULL);
		return;
	}
	memcpy(tok, v, n);
	tok[n] = '\0';
	while (n > 0 && tok[n - 1] == '\r') {
		tok[--n] = '\0';
		cr = true;
	}
	if (n == 0) {
		rdiag(cx, SYSCONF_WARNING, SYSCONF_D_MISSING_VALUE,
		    N_("nameserver without an address: glibc ignores it"));
		return;
	}
	if (strpbrk(tok, "\r\v\f") != NULL ||
	    !parse_ns_address(cx, tok, cr, &ns)) {
		quote_str(q, sizeof(q), tok);
		line_diag(&cx->rc->diags, cx->r,
		    SYSCONF_WARNING, SYSCONF_D_BAD_ADDRESS,
		    N_("'%s' is not an IP address: glibc ignores this nameserver"), q, NULL);
		return;
	}
	/* After a '%' glibc has already accepted the address. */
	resolv_add_ns(cx, &ns, cr && strchr(tok, '%') == NULL);
}

static void
resolv_search_clear(struct resolv_ctx *cx)
{
	struct sysconf_resolv *rc = cx->rc;

	char n[24];

	if (rc->search_line != 0)
		line_diag(&rc->diags, cx->r, SYSCONF_INFO,
		    SYSCONF_D_REPLACED, N_("replaces the domain or search list of "
		    "line %s: glibc uses the last one"),
		    num(n, sizeof(n), rc->search_line), NULL);
	rc->nsearch = 0;
	rc->search_line = cx->r->lineno;
}

static void
resolv_search_add(struct resolv_ctx *cx, const char *name, size_t len)
{
	struct sysconf_resolv *rc = cx->rc;
	char q[QUOTE_MAX + 8];
	ldns_rdf *rdf = NULL;

	quote(q, sizeof(q), name, len);
	if (rc->nsearch == SYSCONF_MAX_SEARCH) {
		char n[24];

		line_diag_plural(&rc->diags, cx->r, SYSCONF_WARNING,
		    /* TRANSLATORS: %1$s is a count, %2$s a domain from the file. */
		    SYSCONF_D_TOO_MANY, "more than %1$s search domain: '%2$s' "
		    "is not checked", "more than %1$s search domains: "
		    "'%2$s' is not checked", SYSCONF_MAX_SEARCH,
		    num(n, sizeof(n), SYSCONF_MAX_SEARCH), q, NULL);
		return;
	}
	if (len > SYSCONF_NAME_MAX - 1 + (name[len - 1] == '.')) {
		line_diag(&rc->diags, cx->r, SYSCONF_WARNING,
		    SYSCONF_D_BAD_NAME, N_("'%s' is too long for a domain name"), q, NULL);
		return;
	}
	memcpy(rc->search[rc->nsearch], name, len);
	rc->search[rc->nsearch][len] = '\0';
	if (ldns_str2rdf_dname(&rdf, rc->search[rc->nsearch]) != LDNS_STATUS_OK)
		line_diag(&rc->diags, cx->r, SYSCONF_WARNING,
		    SYSCONF_D_BAD_NAME, N_("'%s' is not a valid domain name"), q, NULL);
	ldns_rdf_deep_free(rdf);
	rc->nsearch++;
}

/* glibc 2.36 copies the search list into the 256-byte defdname and then
 * asserts that the copy matches (update_from_conf); for a domain that did
 * not fit, the check compares the bytes before it with sizeof(dnsrch)
 * (7 pointers) instead of 256, so it fails and the program aborts.
 * Words as glibc splits them: blanks only, a CR stays in the word. */
static void
resolv_check_glibc_abort(struct resolv_ctx *cx, const char *v, bool single)
{
	const size_t defdname = 256, dnsrch = (6 + 1) * sizeof(char *);
	size_t used = 0, n, i;

	for (i = 0; i < 6; i++) {
		v += strspn(v, " \t");
		if ((n = strcspn(v, " \t")) == 0)
			return;
		if (used + n + 1 > defdname) {
			if (used <= dnsrch)
				rdiag(cx, SYSCONF_ERROR, SYSCONF_D_GLIBC_ABORT,
				    N_("the search list does not fit glibc's 256-byte "
				    "buffer: glibc 2.36 aborts every program that "
				    "resolves a name (assertion in update_from_conf)"));
			return;
		}
		used += n + 1;
		v += n;
		if (single)
			return;
	}
}

/* Strip the CR glibc would keep on the last word, and say so. */
static size_t
strip_cr(struct resolv_ctx *cx, const char *v, size_t len)
{
	if (len == 0 || v[len - 1] != '\r')
		return len;
	while (len > 0 && v[len - 1] == '\r')
		len--;
	rdiag(cx, SYSCONF_WARNING, SYSCONF_D_CRLF,
	    N_("line ends with a carriage return (CRLF): glibc keeps it in the "
	    "domain name, which then never matches"));
	return len;
}

static void
resolv_domain(struct resolv_ctx *cx, const char *v)
{
	size_t n = strip_cr(cx, v, strcspn(v, " \t"));

	resolv_check_glibc_abort(cx, v, true);
	if (n == 0) {
		rdiag(cx, SYSCONF_WARNING, SYSCONF_D_MISSING_VALUE,
		    N_("domain without a name: glibc ignores it"));
		return;
	}
	resolv_search_clear(cx);
	resolv_search_add(cx, v, n);
}

static void
resolv_search(struct resolv_ctx *cx, const char *v)
{
	size_t len = strip_cr(cx, v, strlen(v)), n;
	const char *end = v + len;
	bool comment = false;

	resolv_check_glibc_abort(cx, v, false);
	if (strspn(v, " \t") >= len) {
		rdiag(cx, SYSCONF_WARNING, SYSCONF_D_MISSING_VALUE,
		    N_("search without a domain: glibc ignores it"));
		return;
	}
	resolv_search_clear(cx);
	while (v < end) {
		v += strspn(v, " \t");
		n = strcspn(v, " \t");
		if (v + n > end)
			n = (size_t)(end - v);
		if (n == 0)
			break;
		if ((v[0] == '#' || v[0] == ';') && !comment) {
			rdiag(cx, SYSCONF_WARNING, SYSCONF_D_NOT_A_COMMENT,
			    N_("'#' or ';' after a value does not start a comment: "
			    "glibc searches the following words as domains"));
			comment = true;
		}
		resolv_search_add(cx, v, n);
		v += n;
	}
}

/* atoi() as glibc calls it, but saturating instead of overflowing. */
static long
option_number(struct resolv_ctx *cx, const char *tok, const char *text)
{
	char q[QUOTE_MAX + 8];
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (v > INT_MAX)
		v = INT_MAX;
	if (v < INT_MIN)
		v = INT_MIN;
	if (end == text || *end != '\0') {
		char n[24];

		quote_str(q, sizeof(q), tok);
		snprintf(n, sizeof(n), "%ld", v);
		line_diag(&cx->rc->diags, cx->r,
		    SYSCONF_WARNING, SYSCONF_D_OPTION_VALUE,
		    /* TRANSLATORS: %1$s is the value as written, %2$s the
		     * number glibc makes of it. */
		    N_("'%1$s' is not a plain number: glibc reads %2$s"), q, n,
		    NULL);
	}
	return v;
}

static void
option_repeated(struct resolv_ctx *cx, const char *name, unsigned *line)
{
	char n[24];

	if (*line != 0)
		line_diag(&cx->rc->diags, cx->r,
		    SYSCONF_INFO,
		    /* TRANSLATORS: %1$s is an option of resolv.conf (ndots, timeout,
		     * attempts), %2$s a line number. */
		    SYSCONF_D_REPLACED, N_("%1$s is set again (before on line "
		    "%2$s): the last value wins"), name,
		    num(n, sizeof(n), *line), NULL);
	*line = cx->r->lineno;
}

static void
option_clamped(struct resolv_ctx *cx, const char *name, long v, unsigned max)
{
	char value[24], m[24];

	snprintf(value, sizeof(value), "%ld", v);
	line_diag(&cx->rc->diags, cx->r,
	    SYSCONF_WARNING,
	    /* TRANSLATORS: "ndots:20 is above glibc's maximum: glibc uses 15";
	     * %1$s:%2$s is the option as written in resolv.conf. */
	    SYSCONF_D_OPTION_VALUE, N_("%1$s:%2$s is above glibc's maximum: "
	    "glibc uses %3$s"), name, value, num(m, sizeof(m), max), NULL);
}

/* glibc's res_setoptions(): clamps to RES_MAXNDOTS 15, RES_MAXRETRANS 30,
 * RES_MAXRETRY 5 and stores smaller values as they are. */
static bool
option_numeric(struct resolv_ctx *cx, const char *tok)
{
	struct sysconf_resolv *rc = cx->rc;
	const struct {
		const char *name;	/* before the ':' */
		long max;
		unsigned *value, *line;
	} opts[] = {
		{ "ndots", 15, &rc->ndots, &cx->ndots_line },
		{ "timeout", 30, &rc->timeout_s, &cx->timeout_line },
		{ "attempts", 5, &rc->attempts, &cx->attempts_line },
	};
	size_t i, n;
	long v;

	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
		n = strlen(opts[i].name);
		if (strncmp(tok, opts[i].name, n) != 0 || tok[n] != ':')
			continue;
		v = option_number(cx, tok, tok + n + 1);
		option_repeated(cx, opts[i].name, opts[i].line);
		if (v > opts[i].max) {
			option_clamped(cx, opts[i].name, v, (unsigned)opts[i].max);
			v = opts[i].max;
		}
		/* ndots is a 4-bit field (-2 reads 14); a negative timeout
		 * or attempts count acts as 0. */
		if (v < 0)
			v = opts[i].value == &rc->ndots ? (long)((unsigned)v & 15u) : 0;
		*opts[i].value = (unsigned)v;
		return true;
	}
	return false;
}

/* glibc matches flags by prefix, in this order ("rotatefoo" rotates). */
static bool
option_flag(struct resolv_ctx *cx, const char *tok)
{
	struct sysconf_resolv *rc = cx->rc;
	bool dummy;
	const struct {
		const char *name;
		bool *flag;
	} flags[] = {
		{ "rotate", &rc->rotate },
		{ "edns0", &rc->edns0 },
		{ "single-request-reopen", &rc->single_request_reopen },
		{ "single-request", &rc->single_request },
		{ "no_tld_query", &rc->no_tld_query },
		{ "no-tld-query", &rc->no_tld_query },
		{ "no-reload", &dummy },
		{ "use-vc", &rc->use_vc },
		{ "trust-ad", &rc->trust_ad },
		{ "no-aaaa", &rc->no_aaaa },
	};
	size_t i;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (strncmp(tok, flags[i].name, strlen(flags[i].name)) == 0) {
			*flags[i].flag = true;
			return true;
		}
	return false;
}

static void
resolv_options(struct resolv_ctx *cx, const char *v)
{
	char tok[64], q[QUOTE_MAX + 8];
	size_t n;

	for (;;) {
		v += strspn(v, " \t");
		n = strcspn(v, " \t");
		if (n == 0)
			break;
		quote(q, sizeof(q), v, n);
		if (n >= sizeof(tok)) {
			line_diag(&cx->rc->diags, cx->r,
			    SYSCONF_INFO, SYSCONF_D_UNKNOWN_OPTION,
			    N_("unknown option '%s': glibc ignores it"), q, NULL);
			v += n;
			continue;
		}
		memcpy(tok, v, n);
		tok[n] = '\0';
		v += n;
		/* glibc's atoi() and prefix match both ignore a CR. */
		tok[strcspn(tok, "\r")] = '\0';
		if (tok[0] == '\0' || option_numeric(cx, tok) || option_flag(cx, tok))
			continue;
		line_diag(&cx->rc->diags, cx->r,
		    SYSCONF_INFO,
		    SYSCONF_D_UNKNOWN_OPTION,
		    N_("unknown option '%s': glibc ignores it"), q, NULL);
	}
}

static const char *const resolv_keywords[] = {
	"nameserver", "domain", "search", "options", "sortlist",
};

/* A line glibc does not act on: say why, if it looks meant. */
static void
resolv_unmatched(struct resolv_ctx *cx, const char *line)
{
	const char *w = line;
	char word[16], q[QUOTE_MAX + 8];
	size_t n, i;

	while (c_isspace((unsigned char)*w))
		w++;
	if (*w == '\0' || *w == '#' || *w == ';')
		return;
	n = 0;
	while (w[n] != '\0' && !c_isspace((unsigned char)w[n]))
		n++;
	quote(q, sizeof(q), w, n);
	for (i = 0; n < sizeof(word) && i < sizeof(resolv_keywords) /
	    sizeof(resolv_keywords[0]); i++) {
		memcpy(word, w, n);
		word[n] = '\0';
		if (ascii_casecmp(word, resolv_keywords[i]) != 0)
			continue;
		if (w != line)
			line_diag(&cx->rc->diags, cx->r,
			    SYSCONF_WARNING, SYSCONF_D_IGNORED_LINE,
			    N_("'%s' does not start the line: glibc ignores it"), q, NULL);
		else if (strcmp(word, resolv_keywords[i]) != 0)
			line_diag(&cx->rc->diags, cx->r,
			    SYSCONF_WARNING, SYSCONF_D_IGNORED_LINE,
			    N_("'%s' is not in lower case: glibc ignores the line"), q, NULL);
		else
			line_diag(&cx->rc->diags, cx->r,
			    SYSCONF_WARNING, SYSCONF_D_MISSING_VALUE,
			    N_("'%s' without a value: glibc ignores it"), q, NULL);
		return;
	}
	line_diag(&cx->rc->diags, cx->r,
	    SYSCONF_INFO,
	    SYSCONF_D_UNKNOWN_KEYWORD,
	    N_("unknown keyword '%s': glibc ignores the line"), q, NULL);
}

/* glibc's res_vinit_1(): comments only in column 0, keywords in column 0. */
static void
resolv_line(struct resolv_ctx *cx, const char *line)
{
	const char *v;

	if (cx->r->too_long) {
		diag_too_long(&cx->rc->diags, cx->r);
		/* The first SYSCONF_LINE_MAX bytes are enough to tell. */
		if ((v = keyword_value(line, "search")) != NULL)
			resolv_check_glibc_abort(cx, v, false);
		else if ((v = keyword_value(line, "domain")) != NULL)
			resolv_check_glibc_abort(cx, v, true);
		return;
	}
	if (line[0] == ';' || line[0] == '#')
		return;
	if ((v = keyword_value(line, "nameserver")) != NULL)
		resolv_nameserver(cx, v);
	else if ((v = keyword_value(line, "domain")) != NULL)
		resolv_domain(cx, v);
	else if ((v = keyword_value(line, "search")) != NULL)
		resolv_search(cx, v);
	else if ((v = keyword_value(line, "options")) != NULL)
		resolv_options(cx, v);
	else if (keyword_value(line, "sortlist") == NULL)
		resolv_unmatched(cx, line);
}

/* What glibc does when no nameserver was accepted: ask 127.0.0.1. */
static void
resolv_add_default(struct sysconf_resolv *rc, const char *path)
{
	struct sysconf_nameserver *ns = &rc->ns[rc->nns++];
	struct sockaddr_in sin;

	memset(ns, 0, sizeof(*ns));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(DNS_PORT);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	memcpy(&ns->addr, &sin, sizeof(sin));
	ns->addrlen = sizeof(sin);
	snprintf(ns->text, sizeof(ns->text), "127.0.0.1#%d", DNS_PORT);
	ns->used = true;
	diag_add(&rc->diags, path, 0, SYSCONF_WARNING, SYSCONF_D_DEFAULT_NAMESERVER,
	    N_("no nameserver glibc accepts: it asks 127.0.0.1"), NULL);
}

static void
resolv_finish(struct resolv_ctx *cx, const char *path)
{
	struct sysconf_resolv *rc = cx->rc;
	size_t i;

	if (cx->accepted == 0)
		resolv_add_default(rc, path);
	rc->nused = cx->accepted == 0 ? 1 : cx->accepted;
	for (i = 0; i < rc->nns; i++)
		rc->ns[i].stub = sysconf_stub_kind(
		    (const struct sockaddr *)&rc->ns[i].addr);
	if (rc->timeout_s == 0)
		diag_add(&rc->diags, path, cx->timeout_line, SYSCONF_WARNING,
		    SYSCONF_D_OPTION_VALUE, N_("timeout of 0 or less: glibc waits "
		    "1 second per try instead"), NULL);
	if (rc->attempts == 0)
		diag_add(&rc->diags, path, cx->attempts_line, SYSCONF_ERROR,
		    SYSCONF_D_NO_QUERIES, N_("attempts of 0 or less: glibc sends "
		    "no query at all and every DNS lookup fails"), NULL);
}

int
sysconf_load_resolv_conf(const char *path, struct sysconf_resolv *out)
{
	struct resolv_ctx cx;
	struct reader *r;
	int ret;

	resolv_defaults(out, path);
	memset(&cx, 0, sizeof(cx));
	cx.rc = out;
	r = malloc(sizeof(*r));
	if (r == NULL) {
		diag_unreadable(&out->diags, path, 0, SYSCONF_ERROR, ENOMEM, true);
		resolv_finish(&cx, path);
		return -1;
	}
	cx.r = r;
	if (!reader_open(r, path, SYSCONF_CONF_MAX_BYTES)) {
		diag_unreadable(&out->diags, path, 0, SYSCONF_ERROR, r->error, true);
		ret = -1;
	} else {
		while (reader_next(r))
			resolv_line(&cx, r->line);
		ret = reader_close(r, &out->diags);
	}
	resolv_finish(&cx, path);
	free(r);
	return ret;
}

/* --- nsswitch.conf -------------------------------------------------------- */

struct nss_ctx {
	struct sysconf_nsswitch *nss;
	const struct reader *r;
	bool stop;			/* glibc stopped reading at a syntax error */
};

/* The databases glibc 2.36 knows (nss/databases.def); others are skipped. */
static bool
nss_known_database(const char *name, size_t len)
{
	static const char *const dbs[] = {
		"aliases", "ethers", "group", "group_compat", "gshadow", "hosts",
		"initgroups", "netgroup", "networks", "passwd", "passwd_compat",
		"protocols", "publickey", "rpc", "services", "shadow",
		"shadow_compat",
	};
	size_t i;

	for (i = 0; i < sizeof(dbs) / sizeof(dbs[0]); i++)
		if (strlen(dbs[i]) == len && strncmp(dbs[i], name, len) == 0)
			return true;
	return false;
}

static const char *
skip_ws(const char *s)
{
	while (c_isspace((unsigned char)*s))
		s++;
	return s;
}

static bool
nss_status_named(const char *s, size_t n, enum sysconf_nss_status *st)
{
	static const char *const names[] = {
		"SUCCESS", "NOTFOUND", "UNAVAIL", "TRYAGAIN",
	};
	size_t i;

	for (i = 0; i < SYSCONF_NSS_NSTATUS; i++)
		if (strlen(names[i]) == n && ascii_ncaseeq(names[i], s, n)) {
			*st = (enum sysconf_nss_status)i;
			return true;
		}
	return false;
}

static bool
nss_action_named(const char *s, size_t n, enum sysconf_nss_action *act)
{
	if (n == 6 && ascii_ncaseeq(s, "RETURN", 6))
		*act = SYSCONF_NSS_RETURN;
	else if (n == 8 && ascii_ncaseeq(s, "CONTINUE", 8))
		*act = SYSCONF_NSS_CONTINUE;
	else if (n == 5 && ascii_ncaseeq(s, "MERGE", 5))
		*act = SYSCONF_NSS_MERGE;
	else
		return false;
	return true;
}

static size_t
nss_word(const char *s)
{
	size_t n = 0;

	while (s[n] != '\0' && !c_isspace((unsigned char)s[n]) && s[n] != '=' &&
	    s[n] != ']')
		n++;
	return n;
}

/* One "[!STATUS=action ...]" group, as glibc's nss_action_parse(); *s is
 * just past the '['. Returns false on a syntax error, *s at the fault. */
static bool
nss_criteria(const char **sp, struct sysconf_nss_source *src)
{
	const char *s = skip_ws(*sp);
	enum sysconf_nss_status st;
	enum sysconf_nss_action act, save;
	bool negate;
	size_t n, i;

	do {
		negate = (*s == '!');
		if (negate)
			s++;
		n = nss_word(s);
		if (!nss_status_named(s, n, &st)) {
			*sp = s;
			return false;
		}
		s = skip_ws(s + n);
		if (*s != '=') {
			*sp = s;
			return false;
		}
		s = skip_ws(s + 1);
		n = nss_word(s);
		if (!nss_action_named(s, n, &act)) {
			*sp = s;
			return false;
		}
		s = skip_ws(s + n);
		save = src->on[st];
		if (negate)
			for (i = 0; i < SYSCONF_NSS_NSTATUS; i++)
				src->on[i] = act;
		src->on[st] = negate ? save : act;
	} while (*s != ']');
	*sp = s + 1;
	return true;
}

/* Parse the sources of one database line into list (NULL: check only). */
static bool
nss_sources(struct nss_ctx *cx, const char *s, struct sysconf_nss_source *list,
    size_t *nlist)
{
	struct sysconf_nss_source src;
	const char *name, *crit;
	char q[QUOTE_MAX + 8];
	bool hash = false;
	size_t n, i;

	*nlist = 0;
	for (;;) {
		s = skip_ws(s);
		name = s;
		while (*s != '\0' && !c_isspace((unsigned char)*s) && *s != '[')
			s++;
		/* glibc stops quietly at a '[' where a name should be. */
		if (s == name)
			return true;
		n = (size_t)(s - name);
		memset(&src, 0, sizeof(src));
		for (i = 0; i < SYSCONF_NSS_NSTATUS; i++)
			src.on[i] = SYSCONF_NSS_CONTINUE;
		src.on[SYSCONF_NSS_SUCCESS] = SYSCONF_NSS_RETURN;
		quote(src.name, sizeof(src.name), name, n);
		if (name[0] == '#' && !hash && list != NULL) {
			line_diag(&cx->nss->diags, cx->r,
			    SYSCONF_WARNING, SYSCONF_D_NOT_A_COMMENT,
			    N_("'#' does not start a comment here: glibc 2.36 takes "
			    "'%s' and what follows as sources"), src.name, NULL);
			hash = true;
		}
		s = skip_ws(s);
		if (*s == '[') {
			crit = s++;
			if (!nss_criteria(&s, &src)) {
				line_diag(&cx->nss->diags, cx->r,
				    SYSCONF_ERROR, SYSCONF_D_NSS_SYNTAX,
				    N_("syntax error at '%s': glibc 2.36 stops reading "
				    "the file and every hosts lookup fails"),
				    quote_str(q, sizeof(q), s), NULL);
				return false;
			}
			quote(src.criteria, sizeof(src.criteria), crit,
			    (size_t)(s - crit));
		}
		if (list == NULL)
			continue;
		if (n >= SYSCONF_NSS_NAME_MAX || *nlist == SYSCONF_NSS_MAX_SOURCES) {
			line_diag(&cx->nss->diags, cx->r,
			    SYSCONF_WARNING, SYSCONF_D_TOO_MANY,
			    N_("source '%s' is beyond what dnstriage checks"),
			    src.name, NULL);
			continue;
		}
		list[(*nlist)++] = src;
	}
}

static void
nss_hosts_line(struct nss_ctx *cx, const char *s)
{
	struct sysconf_nsswitch *nss = cx->nss;
	struct sysconf_nss_source list[SYSCONF_NSS_MAX_SOURCES];
	size_t n;

	if (!nss_sources(cx, s, list, &n)) {
		cx->stop = true;
		return;
	}
	char ln[24];

	if (nss->line != 0)
		line_diag(&nss->diags, cx->r, SYSCONF_INFO,
		    SYSCONF_D_REPLACED, N_("replaces the hosts line %s: glibc uses "
		    "the last one"), num(ln, sizeof(ln), nss->line), NULL);
	memcpy(nss->src, list, n * sizeof(list[0]));
	nss->nsrc = n;
	nss->line = cx->r->lineno;
}

/* glibc's process_line(): "database" then blanks or colons, then sources. */
static void
nss_line(struct nss_ctx *cx, const char *line)
{
	const char *s = skip_ws(line), *name = s;
	size_t n, len;

	if (cx->r->too_long) {
		diag_too_long(&cx->nss->diags, cx->r);
		return;
	}
	while (*s != '\0' && !c_isspace((unsigned char)*s) && *s != ':')
		s++;
	len = (size_t)(s - name);
	if (*s == '\0' || len == 0)
		return;
	while (*s != '\0' && (c_isspace((unsigned char)*s) || *s == ':'))
		s++;
	if (!nss_known_database(name, len)) {
		if (len == 5 && ascii_ncaseeq(name, "hosts", 5))
			line_diag(&cx->nss->diags, cx->r,
			    SYSCONF_WARNING, SYSCONF_D_IGNORED_LINE,
			    N_("'%s' is not in lower case: glibc ignores the line"),
			    "hosts", NULL);
		return;
	}
	/* glibc 2.36 drops a last line without '\n' (feof before parsing). */
	if (cx->r->no_newline) {
		line_diag(&cx->nss->diags, cx->r,
		    len == 5 && strncmp(name, "hosts", 5) == 0 ? SYSCONF_WARNING :
		    SYSCONF_INFO, SYSCONF_D_NSS_NO_NEWLINE, N_("the last line has "
		    "no newline at its end: glibc 2.36 ignores it"), NULL);
		return;
	}
	if (len == 5 && strncmp(name, "hosts", 5) == 0)
		nss_hosts_line(cx, s);
	else if (!nss_sources(cx, s, NULL, &n))
		cx->stop = true;
}

static void
nss_finish(struct sysconf_nsswitch *nss, const char *path)
{
	if (nss->broken)
		return;
	if (nss->line == 0) {
		memset(nss->src, 0, sizeof(nss->src));
		strcpy(nss->src[0].name, "files");
		strcpy(nss->src[1].name, "dns");
		nss->src[0].on[SYSCONF_NSS_SUCCESS] = SYSCONF_NSS_RETURN;
		nss->src[1].on[SYSCONF_NSS_SUCCESS] = SYSCONF_NSS_RETURN;
		nss->nsrc = 2;
		diag_add(&nss->diags, path, 0, SYSCONF_INFO, SYSCONF_D_NSS_DEFAULT,
		    N_("no hosts line: glibc uses \"files dns\""), NULL);
	} else if (nss->nsrc == 0) {
		nss->broken = true;
		diag_add(&nss->diags, path, nss->line, SYSCONF_ERROR,
		    SYSCONF_D_NSS_EMPTY, N_("hosts line without a source: every "
		    "hosts lookup fails"), NULL);
	}
}

/* glibc ignores these open errors and uses its defaults. */
static bool
nss_ignorable_errno(int err)
{
	return err == ENOENT || err == EACCES || err == EISDIR ||
	    err == ELOOP || err == ENOTDIR || err == EPERM;
}

int
sysconf_load_nsswitch_hosts(const char *path, struct sysconf_nsswitch *out)
{
	struct nss_ctx cx;
	struct reader *r;
	int ret = 0;

	memset(out, 0, sizeof(*out));
	copy_path(out->path, path);
	memset(&cx, 0, sizeof(cx));
	cx.nss = out;
	r = malloc(sizeof(*r));
	if (r == NULL) {
		diag_unreadable(&out->diags, path, 0, SYSCONF_ERROR, ENOMEM, true);
		nss_finish(out, path);
		return -1;
	}
	cx.r = r;
	if (!reader_open(r, path, SYSCONF_CONF_MAX_BYTES)) {
		diag_unreadable(&out->diags, path, 0,
		    nss_ignorable_errno(r->error) ? SYSCONF_INFO : SYSCONF_ERROR,
		    r->error, true);
		ret = -1;
	} else {
		while (!cx.stop && reader_next(r))
			nss_line(&cx, r->line);
		out->broken = cx.stop;
		ret = reader_close(r, &out->diags);
	}
	nss_finish(out, path);
	free(r);
	return ret;
}

int
sysconf_nss_find(const struct sysconf_nsswitch *nss, const char *name)
{
	size_t i;

	for (i = 0; i < nss->nsrc; i++)
		if (strcmp(nss->src[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* --- hosts file ----------------------------------------------------------- */

struct hosts_ctx {
	struct sysconf_hosts *h;
	const struct reader *r;
	const struct sysconf_hosts_limits *lim;
	size_t *name_off;		/* while loading: names may move */
	size_t cap, names_len, names_cap;
	bool full;
};

static bool
hosts_grow(struct hosts_ctx *cx, size_t name_len)
{
	struct sysconf_hosts *h = cx->h;
	void *p;

	if (h->nentries == cx->cap) {
		size_t cap = cx->cap == 0 ? 256 : cx->cap * 2;

		if ((p = realloc(h->entries, cap * sizeof(*h->entries))) == NULL)
			return false;
		h->entries = p;
		if ((p = realloc(cx->name_off, cap * sizeof(size_t))) == NULL)
			return false;
		cx->name_off = p;
		cx->cap = cap;
	}
	if (cx->names_len + name_len + 1 > cx->names_cap) {
		size_t cap = cx->names_cap == 0 ? 4096 : cx->names_cap;

		while (cap < cx->names_len + name_len + 1)
			cap *= 2;
		if ((p = realloc(h->names, cap)) == NULL)
			return false;
		h->names = p;
		cx->names_cap = cap;
	}
	return true;
}

/* Names are kept even when ldns rejects them: glibc matches any string. */
static void
hosts_check_name(struct hosts_ctx *cx, const char *name, size_t n)
{
	char buf[SYSCONF_NAME_MAX + 2], q[QUOTE_MAX + 8];
	ldns_rdf *rdf = NULL;

	if (n > SYSCONF_NAME_MAX - 1 + (name[n - 1] == '.')) {
		line_diag(&cx->h->diags, cx->r,
		    SYSCONF_WARNING, SYSCONF_D_BAD_NAME,
		    N_("'%s' is too long for a domain name"),
		    quote(q, sizeof(q), name, n), NULL);
		return;
	}
	memcpy(buf, name, n);
	buf[n] = '\0';
	if (ldns_str2rdf_dname(&rdf, buf) != LDNS_STATUS_OK)
		line_diag(&cx->h->diags, cx->r,
		    SYSCONF_WARNING, SYSCONF_D_BAD_NAME,
		    N_("'%s' is not a valid domain name"),
		    quote(q, sizeof(q), name, n), NULL);
	ldns_rdf_deep_free(rdf);
}

static bool
hosts_add(struct hosts_ctx *cx, const struct sysconf_hosts_entry *proto,
    const char *name, size_t n)
{
	struct sysconf_hosts *h = cx->h;

	if (h->nentries >= cx->lim->max_names) {
		char max[24];

		line_diag_plural(&h->diags, cx->r, SYSCONF_WARNING,
		    SYSCONF_D_TRUNCATED, "more than %s name: the rest of the "
		    "file was not read", "more than %s names: the rest of "
		    "the file was not read", cx->lim->max_names,
		    num(max, sizeof(max), cx->lim->max_names), NULL);
		cx->full = true;
		return false;
	}
	if (!hosts_grow(cx, n)) {
		line_diag(&h->diags, cx->r, SYSCONF_ERROR,
		    SYSCONF_D_TRUNCATED, N_("out of memory: the rest of the file "
		    "was not read"), NULL);
		cx->full = true;
		return false;
	}
	hosts_check_name(cx, name, n);
	h->entries[h->nentries] = *proto;
	/* hosts_grow() made room in both arrays (the analyzer does not tie
	 * nentries < cap to name_off). */
	cx->name_off[h->nentries] = cx->names_len; /* NOLINT(clang-analyzer-core.NullDereference) */
	memcpy(h->names + cx->names_len, name, n);
	h->names[cx->names_len + n] = '\0';
	cx->names_len += n + 1;
	h->nentries++;
	return true;
}

static size_t
word_len(const char *s)
{
	size_t n = 0;

	while (s[n] != '\0' && !c_isspace((unsigned char)s[n]))
		n++;
	return n;
}

/* glibc's files-hosts.c: '#' ends the line anywhere, the address is strict
 * inet_pton (no "127.1", no %scope), then the canonical name and aliases. */
static void
hosts_line(struct hosts_ctx *cx, char *line)
{
	struct sysconf_hosts_entry e;
	char addr[INET6_ADDRSTRLEN + 1], q[QUOTE_MAX + 8];
	const char *s;
	size_t n;

	if (cx->r->too_long) {
		diag_too_long(&cx->h->diags, cx->r);
		return;
	}
	line[strcspn(line, "#")] = '\0';
	s = skip_ws(line);
	if ((n = word_len(s)) == 0)
		return;
	memset(&e, 0, sizeof(e));
	e.line = cx->r->lineno;
	if (n < sizeof(addr)) {
		memcpy(addr, s, n);
		addr[n] = '\0';
		if (inet_pton(AF_INET, addr, &e.addr.v4) == 1)
			e.family = AF_INET;
		else if (inet_pton(AF_INET6, addr, &e.addr.v6) == 1)
			e.family = AF_INET6;
	}
	if (e.family == 0) {
		line_diag(&cx->h->diags, cx->r,
		    SYSCONF_WARNING, SYSCONF_D_BAD_ADDRESS,
		    N_("'%s' is not an IP address: glibc ignores this line"),
		    quote(q, sizeof(q), s, n), NULL);
		return;
	}
	s = skip_ws(s + n);
	if (*s == '\0') {
		line_diag(&cx->h->diags, cx->r,
		    SYSCONF_WARNING, SYSCONF_D_NO_NAME,
		    N_("address '%s' without a name: glibc ignores this line"),
		    quote_str(q, sizeof(q), addr), NULL);
		return;
	}
	for (; (n = word_len(s)) > 0; s = skip_ws(s + n)) {
		if (!hosts_add(cx, &e, s, n))
			return;
		e.alias = true;
	}
}

static void
hosts_file_size(struct hosts_ctx *cx, FILE *fp)
{
	struct stat st;

	char size[24], max[24];

	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > cx->lim->max_bytes)
		diag_add_plural(&cx->h->diags, cx->r->path, 0, SYSCONF_WARNING,
		    /* TRANSLATORS: %1$s is the size of the file in bytes, %2$s how many
		     * bytes of it dnstriage reads. */
		    SYSCONF_D_TRUNCATED, "the file has %1$s byte: glibc reads "
		    "all of it for every lookup; dnstriage checks the first %2$s",
		    "the file has %1$s bytes: glibc reads all of it for every "
		    "lookup; dnstriage checks the first %2$s",
		    (unsigned long)st.st_size,
		    num(size, sizeof(size), (unsigned long long)st.st_size),
		    num(max, sizeof(max), cx->lim->max_bytes), NULL);
}

static void
hosts_finish(struct hosts_ctx *cx)
{
	struct sysconf_hosts *h = cx->h;
	size_t i;

	for (i = 0; i < h->nentries; i++)	/* name_off has nentries */
		h->entries[i].name = h->names + cx->name_off[i]; /* NOLINT(clang-analyzer-core.NullDereference) */
	free(cx->name_off);
	cx->name_off = NULL;
}

int
sysconf_load_hosts(const char *path, const struct sysconf_hosts_limits *limits,
    struct sysconf_hosts *out)
{
	static const struct sysconf_hosts_limits defaults = {
		SYSCONF_HOSTS_MAX_BYTES, SYSCONF_HOSTS_MAX_NAMES,
	};
	struct hosts_ctx cx;
	struct reader *r;
	int ret;

	memset(out, 0, sizeof(*out));
	copy_path(out->path, path);
	memset(&cx, 0, sizeof(cx));
	cx.h = out;
	cx.lim = limits != NULL ? limits : &defaults;
	if ((r = malloc(sizeof(*r))) == NULL) {
		diag_unreadable(&out->diags, path, 0, SYSCONF_ERROR, ENOMEM, true);
		return -1;
	}
	cx.r = r;
	if (!reader_open(r, path, cx.lim->max_bytes)) {
		diag_unreadable(&out->diags, path, 0, SYSCONF_ERROR, r->error, true);
		free(r);
		return -1;
	}
	hosts_file_size(&cx, r->fp);
	while (!cx.full && reader_next(r))
		hosts_line(&cx, r->line);
	out->truncated = cx.full || r->capped;
	ret = reader_close(r, &out->diags);
	hosts_finish(&cx);
	free(r);
	return ret;
}

void
sysconf_hosts_free(struct sysconf_hosts *hosts)
{
	if (hosts == NULL)
		return;
	free(hosts->entries);
	free(hosts->names);
	hosts->entries = NULL;
	hosts->names = NULL;
	hosts->nentries = 0;
}

size_t
sysconf_hosts_lookup(const struct sysconf_hosts *hosts, const char *name,
    const struct sysconf_hosts_entry **found, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < hosts->nentries; i++) {
		if (ascii_casecmp(hosts->entries[i].name, name) != 0)
			continue;
		if (n < max && found != NULL)
			found[n] = &hosts->entries[i];
		n++;
	}
	return n;
}

/* --- failover penalty ----------------------------------------------------- */

/* glibc 2.36 resolv/res_send.c, send_dg():
 *	int seconds = (statp->retrans << ns);
 *	if (ns > 0) seconds /= statp->nscount;
 *	if (seconds <= 0) seconds = 1;
 * ns is the server's index in the list (after rotation, the real index),
 * not the try number: with timeout:5 and three servers they get 5, 3
 * and 6 seconds, on every try. */
unsigned
sysconf_glibc_wait_ms(unsigned timeout_s, unsigned index, unsigned nscount)
{
	unsigned long seconds;

	if (index >= SYSCONF_GLIBC_MAXNS || timeout_s > 30)
		return 0;
	seconds = (unsigned long)timeout_s << index;
	if (index > 0 && nscount > 0)
		seconds /= nscount;
	if (seconds == 0)
		seconds = 1;
	return (unsigned)(seconds * 1000);
}

/* __res_context_send(): for each try, for each server from ns_offset on
 * (rotate: a global counter, so each start is equally likely), wait for
 * the server; the first answer ends the lookup. */
void
sysconf_failover(const struct sysconf_resolv *rc, const bool *alive,
    size_t nalive, struct sysconf_failover *out)
{
	bool up[SYSCONF_GLIBC_MAXNS];
	unsigned wait[SYSCONF_GLIBC_MAXNS], k = 0, start, nstarts, j, idx;
	unsigned long sum, total = 0, cost;
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < rc->nns && k < SYSCONF_GLIBC_MAXNS; i++)
		if (rc->ns[i].used)
			up[k++] = alive != NULL && i < nalive && alive[i];
	out->nservers = k;
	if (k == 0 || rc->attempts == 0)
		return;
	for (j = 0; j < k; j++) {
		wait[j] = sysconf_glibc_wait_ms(rc->timeout_s, j, k);
		out->fail_ms += rc->attempts * wait[j];
		out->any_alive |= up[j];
	}
	nstarts = rc->rotate ? k : 1;
	for (start = 0; start < nstarts; start++) {
		cost = out->fail_ms;
		for (sum = 0, j = 0; j < k; j++) {
			idx = (start + j) % k;
			if (up[idx]) {
				cost = sum;
				break;
			}
			sum += wait[idx];
		}
		total += cost;
		if (cost > out->penalty_worst_ms)
			out->penalty_worst_ms = (unsigned)cost;
	}
	out->penalty_ms = (unsigned)((total + nstarts / 2) / nstarts);
}
