/* probe_wire.c - the probe engine's pure half: query specs, the query on
 * the wire, whether a message is the answer, the equivalent dig command.
 * No sockets and no clock here, so unit tests reach every branch. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/i18n.h"
#include "dnstriage/probe.h"
#include "dnstriage/textfmt.h"
#include "probe_private.h"

/* dig's defaults (BIND 9.16 and later) for what probe_render_dig omits. */
#define DIG_PORT 53
#define DIG_TIME_S 5u
#define DIG_TRIES 3u

#define PROBE_CODE_ENTRY(e, code, text) code,
#define PROBE_TEXT_ENTRY(e, code, text) text,

static const char *const outcome_codes[] = { PROBE_OUTCOMES(PROBE_CODE_ENTRY) };
static const char *const outcome_texts[] = { PROBE_OUTCOMES(PROBE_TEXT_ENTRY) };
static const char *const match_codes[] = { PROBE_MATCHES(PROBE_CODE_ENTRY) };
static const char *const match_texts[] = { PROBE_MATCHES(PROBE_TEXT_ENTRY) };

const char *
probe_outcome_code(enum probe_outcome o)
{
	return (unsigned)o < PROBE_OUTCOME_COUNT ? outcome_codes[o] : "?";
}

const char *
probe_outcome_msgid(enum probe_outcome o)
{
	return (unsigned)o < PROBE_OUTCOME_COUNT ? outcome_texts[o] : "";
}

const char *
probe_match_code(enum probe_match m)
{
	return (unsigned)m < PROBE_MATCH_COUNT ? match_codes[m] : "?";
}

const char *
probe_match_msgid(enum probe_match m)
{
	return (unsigned)m < PROBE_MATCH_COUNT ? match_texts[m] : "";
}

/* --- specs -------------------------------------------------------------- */

void
probe_spec_init(struct probe_spec *spec)
{
	memset(spec, 0, sizeof(*spec));
	spec->type = LDNS_RR_TYPE_A;
	spec->rr_class = LDNS_RR_CLASS_IN;
	spec->rd = true;
	spec->ad = true;
	spec->edns_bufsize = PROBE_DEFAULT_BUFSIZE;
	spec->transport = PROBE_UDP;
	spec->timeout_ms = PROBE_DEFAULT_TIMEOUT_MS;
	spec->tries = PROBE_DEFAULT_TRIES;
}

bool
probe_sockaddr_from_text(const char *addr, uint16_t port,
    struct sockaddr_storage *ss, socklen_t *len)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	*len = 0;
	if (inet_pton(AF_INET, addr, &sin->sin_addr) == 1) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons(port);
		*len = sizeof(*sin);
		return true;
	}
	if (inet_pton(AF_INET6, addr, &sin6->sin6_addr) == 1) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons(port);
		*len = sizeof(*sin6);
		return true;
	}
	return false;
}

bool
probe_spec_set_server(struct probe_spec *spec, const char *addr,
    uint16_t port)
{
	return probe_sockaddr_from_text(addr, port, &spec->server,
	    &spec->server_len);
}

unsigned
probe_spec_timeout(const struct probe_spec *spec)
{
	return spec->timeout_ms == 0 ? PROBE_DEFAULT_TIMEOUT_MS :
	    spec->timeout_ms;
}

unsigned
probe_spec_tries(const struct probe_spec *spec)
{
	if (spec->tries == 0)
		return PROBE_DEFAULT_TRIES;
	return spec->tries > PROBE_MAX_TRIES ? PROBE_MAX_TRIES : spec->tries;
}

/* The name to ask for, newly allocated; NULL if it does not parse. */
ldns_rdf *
probe_spec_dname(const struct probe_spec *spec)
{
	ldns_rdf *d = NULL;

	if (spec->qname != NULL) {
		if (ldns_rdf_get_type(spec->qname) != LDNS_RDF_TYPE_DNAME)
			return NULL;
		return ldns_rdf_clone(spec->qname);
	}
	if (spec->name == NULL || spec->name[0] == '\0')
		return NULL;
	if (ldns_str2rdf_dname(&d, spec->name) != LDNS_STATUS_OK)
		return NULL;
	return d;
}

static bool
server_valid(const struct sockaddr_storage *ss, socklen_t len)
{
	if (ss->ss_family == AF_INET)
		return len >= (socklen_t)sizeof(struct sockaddr_in);
	if (ss->ss_family == AF_INET6)
		return len >= (socklen_t)sizeof(struct sockaddr_in6);
	return false;
}

/* Everything but the name, which probe_spec_dname() checks. DO and options
 * live in the OPT record, so they need EDNS. */
bool
probe_spec_valid(const struct probe_spec *spec)
{
	if (!server_valid(&spec->server, spec->server_len))
		return false;
	if (spec->transport != PROBE_UDP && spec->transport != PROBE_TCP)
		return false;
	if (spec->edns_bufsize == 0 &&
	    (spec->dnssec_ok || spec->n_edns_options > 0))
		return false;
	if (spec->n_edns_options > 0 && spec->edns_options == NULL)
		return false;
	return true;
}

bool
probe_sockaddr_equal(const struct sockaddr *a, socklen_t alen,
    const struct sockaddr *b, socklen_t blen)
{
	const struct sockaddr_in *a4, *b4;
	const struct sockaddr_in6 *a6, *b6;

	if (a == NULL || b == NULL || a->sa_family != b->sa_family)
		return false;
	if (a->sa_family == AF_INET) {
		if (alen < (socklen_t)sizeof(*a4) ||
		    blen < (socklen_t)sizeof(*b4))
			return false;
		a4 = (const struct sockaddr_in *)a;
		b4 = (const struct sockaddr_in *)b;
		return a4->sin_port == b4->sin_port &&
		    a4->sin_addr.s_addr == b4->sin_addr.s_addr;
	}
	if (a->sa_family == AF_INET6) {
		if (alen < (socklen_t)sizeof(*a6) ||
		    blen < (socklen_t)sizeof(*b6))
			return false;
		a6 = (const struct sockaddr_in6 *)a;
		b6 = (const struct sockaddr_in6 *)b;
		return a6->sin6_port == b6->sin6_port &&
		    memcmp(&a6->sin6_addr, &b6->sin6_addr,
		    sizeof(a6->sin6_addr)) == 0;
	}
	return false;
}

bool
probe_format_server(const struct sockaddr *sa, socklen_t len, char *buf,
    size_t buflen)
{
	char host[NI_MAXHOST];
	uint16_t port;
	int n;

	if (sa == NULL || buflen == 0)
		return false;
	buf[0] = '\0';
	if (sa->sa_family == AF_INET &&
	    len >= (socklen_t)sizeof(struct sockaddr_in))
		port = ntohs(((const struct sockaddr_in *)sa)->sin_port);
	else if (sa->sa_family == AF_INET6 &&
	    len >= (socklen_t)sizeof(struct sockaddr_in6))
		port = ntohs(((const struct sockaddr_in6 *)sa)->sin6_port);
	else
		return false;
	if (getnameinfo(sa, len, host, sizeof(host), NULL, 0,
	    NI_NUMERICHOST) != 0)
		return false;
	n = snprintf(buf, buflen, "%s#%u", host, (unsigned)port);
	return n > 0 && (size_t)n < buflen;
}

/* --- the query on the wire ---------------------------------------------- */

static bool
add_edns_options(ldns_pkt *pkt, const struct probe_spec *spec)
{
	ldns_edns_option_list *list;
	ldns_edns_option *opt;
	size_t i;

	if (spec->n_edns_options == 0)
		return true;
	if ((list = ldns_edns_option_list_new()) == NULL)
		return false;
	for (i = 0; i < spec->n_edns_options; i++) {
		const struct probe_edns_option *o = &spec->edns_options[i];

		opt = ldns_edns_new_from_data(o->code, o->len, o->data);
		if (opt == NULL || !ldns_edns_option_list_push(list, opt)) {
			if (opt != NULL)
				ldns_edns_deep_free(opt);
			ldns_edns_option_list_deep_free(list);
			return false;
		}
	}
	ldns_pkt_set_edns_option_list(pkt, list);
	return true;
}

static ldns_pkt *
query_pkt(const struct probe_spec *spec, uint16_t id)
{
	ldns_rdf *qname;
	ldns_pkt *pkt;
	ldns_rr_class cls = spec->rr_class == 0 ? LDNS_RR_CLASS_IN :
	    spec->rr_class;

	if ((qname = probe_spec_dname(spec)) == NULL)
		return NULL;
	pkt = ldns_pkt_query_new(qname, spec->type, cls,
	    spec->rd ? LDNS_RD : 0);
	if (pkt == NULL)
		return NULL;
	ldns_pkt_set_id(pkt, id);
	ldns_pkt_set_cd(pkt, spec->cd);
	ldns_pkt_set_ad(pkt, spec->ad);
	if (spec->edns_bufsize > 0) {
		ldns_pkt_set_edns_udp_size(pkt, spec->edns_bufsize);
		ldns_pkt_set_edns_do(pkt, spec->dnssec_ok);
		if (!add_edns_options(pkt, spec)) {
			ldns_pkt_free(pkt);
			return NULL;
		}
	}
	return pkt;
}

bool
probe_build_query(const struct probe_spec *spec, uint16_t id,
    uint8_t **wire, size_t *len)
{
	ldns_pkt *pkt;
	ldns_status st;

	*wire = NULL;
	*len = 0;
	if (!probe_spec_valid(spec) || (pkt = query_pkt(spec, id)) == NULL) {
		errno = EINVAL;
		return false;
	}
	st = ldns_pkt2wire(wire, pkt, len);
	ldns_pkt_free(pkt);
	if (st != LDNS_STATUS_OK) {
		free(*wire);
		*wire = NULL;
		*len = 0;
		errno = st == LDNS_STATUS_MEM_ERR ? ENOMEM : EINVAL;
		return false;
	}
	return true;
}

/* --- is it the answer? -------------------------------------------------- */

/* Servers may leave the question out of an error reply (RFC 1035 does not
 * require it); accept that only where the error itself explains it. */
static bool
empty_question_ok(const uint8_t *wire)
{
	unsigned rcode = LDNS_RCODE_WIRE(wire);

	return rcode == LDNS_RCODE_FORMERR || rcode == LDNS_RCODE_NOTIMPL ||
	    rcode == LDNS_RCODE_REFUSED;
}

static enum probe_match
match_question(const struct probe_expect *x, const uint8_t *wire, size_t len)
{
	ldns_rdf *name = NULL;
	size_t pos = LDNS_HEADER_SIZE;
	uint16_t type, cls;
	int cmp;

	if (LDNS_QDCOUNT(wire) == 0)
		return empty_question_ok(wire) ? PROBE_MATCH_OK :
		    PROBE_MATCH_WRONG_QUESTION;
	if (LDNS_QDCOUNT(wire) != 1)
		return PROBE_MATCH_WRONG_QUESTION;
	if (ldns_wire2dname(&name, wire, len, &pos) != LDNS_STATUS_OK)
		return PROBE_MATCH_MALFORMED;
	if (pos + 4 > len) {
		ldns_rdf_deep_free(name);
		return PROBE_MATCH_MALFORMED;
	}
	type = ldns_read_uint16(wire + pos);
	cls = ldns_read_uint16(wire + pos + 2);
	cmp = ldns_dname_compare(name, x->qname);	/* ignores case */
	ldns_rdf_deep_free(name);
	if (cmp != 0 || type != x->type || cls != x->rr_class)
		return PROBE_MATCH_WRONG_QUESTION;
	return PROBE_MATCH_OK;
}

enum probe_match
probe_match_reply(const struct probe_expect *x, const uint8_t *wire,
    size_t len, const struct sockaddr *from, socklen_t fromlen,
    ldns_pkt **pkt)
{
	enum probe_match m;
	ldns_pkt *p = NULL;

	if (pkt != NULL)
		*pkt = NULL;
	if (from != NULL &&
	    !probe_sockaddr_equal(from, fromlen, x->server, x->server_len))
		return PROBE_MATCH_WRONG_SOURCE;
	if (wire == NULL || len < LDNS_HEADER_SIZE)
		return PROBE_MATCH_MALFORMED;
	if (LDNS_ID_WIRE(wire) != x->id)
		return PROBE_MATCH_WRONG_ID;
	if (!LDNS_QR_WIRE(wire))
		return PROBE_MATCH_NOT_A_RESPONSE;
	if ((m = match_question(x, wire, len)) != PROBE_MATCH_OK)
		return m;
	if (ldns_wire2pkt(&p, wire, len) != LDNS_STATUS_OK) {
		/* Some servers cut a truncated answer mid-record. */
		return LDNS_TC_WIRE(wire) ? PROBE_MATCH_OK :
		    PROBE_MATCH_MALFORMED;
	}
	if (pkt != NULL)
		*pkt = p;
	else
		ldns_pkt_free(p);
	return PROBE_MATCH_OK;
}

bool
probe_should_retry_tcp(enum probe_transport used, const uint8_t *wire,
    size_t len)
{
	return used == PROBE_UDP && wire != NULL && len >= LDNS_HEADER_SIZE &&
	    LDNS_TC_WIRE(wire) != 0;
}

/* --- the equivalent dig command ----------------------------------------- */

struct fixedbuf {
	char *p;
	size_t len;
	size_t off;
	bool overflow;
};

static void sb_add(struct fixedbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
sb_add(struct fixedbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (sb->overflow)
		return;
	va_start(ap, fmt);
	n = vsnprintf(sb->p + sb->off, sb->len - sb->off, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sb->len - sb->off) {
		sb->overflow = true;
		return;
	}
	sb->off += (size_t)n;
}

/* A shell word after a space; quoting as textfmt_shell_quote() does. */
static void
sb_add_shell_word(struct fixedbuf *sb, const char *s)
{
	char word[LDNS_MAX_DOMAINLEN * 4 + 16];

	if (!textfmt_shell_quote(s, word, sizeof(word))) {
		sb->overflow = true;
		return;
	}
	sb_add(sb, " %s", word);
}

/* dig takes a lone label such as "ch" or "ns" for a class or type; its
 * trailing dot keeps it a name. Longer names read better without. */
static void
render_name(struct fixedbuf *sb, const ldns_rdf *qname)
{
	char *s = ldns_rdf2str(qname);
	size_t n;

	if (s == NULL) {
		sb->overflow = true;
		return;
	}
	n = strlen(s);
	if (ldns_dname_label_count(qname) >= 2 && n > 1 && s[n - 1] == '.')
		s[n - 1] = '\0';
	sb_add_shell_word(sb, s);
	free(s);
}

static void
render_server(struct fixedbuf *sb, const struct probe_spec *spec)
{
	char host[NI_MAXHOST];
	uint16_t port;

	if (getnameinfo((const struct sockaddr *)&spec->server,
	    spec->server_len, host, sizeof(host), NULL, 0,
	    NI_NUMERICHOST) != 0) {
		sb->overflow = true;
		return;
	}
	port = spec->server.ss_family == AF_INET6 ?
	    ntohs(((const struct sockaddr_in6 *)&spec->server)->sin6_port) :
	    ntohs(((const struct sockaddr_in *)&spec->server)->sin_port);
	sb_add(sb, "dig @%s", host);
	if (port != DIG_PORT)
		sb_add(sb, " -p %u", (unsigned)port);
}

static void
render_type_class(struct fixedbuf *sb, const struct probe_spec *spec)
{
	char *t = ldns_rr_type2str(spec->type);
	char *c = NULL;

	if (spec->rr_class != 0 && spec->rr_class != LDNS_RR_CLASS_IN)
		c = ldns_rr_class2str(spec->rr_class);
	if (t == NULL)
		sb->overflow = true;
	else
		sb_add(sb, " %s", t);
	if (c != NULL)
		sb_add(sb, " %s", c);
	free(t);
	free(c);
}

static void
render_edns(struct fixedbuf *sb, const struct probe_spec *spec)
{
	size_t i, j;

	if (spec->edns_bufsize == 0) {
		sb_add(sb, " +noedns");
		return;
	}
	if (spec->edns_bufsize != PROBE_DEFAULT_BUFSIZE)
		sb_add(sb, " +bufsize=%u", (unsigned)spec->edns_bufsize);
	for (i = 0; i < spec->n_edns_options; i++) {
		const struct probe_edns_option *o = &spec->edns_options[i];

		if (o->code == LDNS_EDNS_NSID && o->len == 0) {
			sb_add(sb, " +nsid");
			continue;
		}
		if (o->code == LDNS_EDNS_EXPIRE && o->len == 0) {
			sb_add(sb, " +expire");
			continue;
		}
		sb_add(sb, " +ednsopt=%u", (unsigned)o->code);
		if (o->len > 0)
			sb_add(sb, ":");
		for (j = 0; j < o->len && o->data != NULL; j++)
			sb_add(sb, "%02x", o->data[j]);
	}
}

/* Our timeout spans all tries; dig's +time is per try, in whole seconds. */
static void
render_timing(struct fixedbuf *sb, const struct probe_spec *spec)
{
	unsigned tries = spec->transport == PROBE_TCP ? 1 :
	    probe_spec_tries(spec);
	unsigned per_try_ms = probe_spec_timeout(spec) / tries;
	unsigned secs = (per_try_ms + 999) / 1000;

	if (secs == 0)
		secs = 1;
	if (secs != DIG_TIME_S)
		sb_add(sb, " +time=%u", secs);
	if (tries != DIG_TRIES)
		sb_add(sb, " +tries=%u", tries);
}

/* dig also sends a DNS COOKIE by default; we do not, and leave +nocookie
 * out: it changes no answer a triage looks at, only the OPT record. */
bool
probe_render_dig(const struct probe_spec *spec, char *buf, size_t len)
{
	struct fixedbuf sb = { buf, len, 0, false };
	ldns_rdf *qname;

	if (buf == NULL || len == 0)
		return false;
	buf[0] = '\0';
	if (!probe_spec_valid(spec) || (qname = probe_spec_dname(spec)) == NULL)
		return false;
	render_server(&sb, spec);
	render_name(&sb, qname);
	ldns_rdf_deep_free(qname);
	render_type_class(&sb, spec);
	if (!spec->rd)
		sb_add(&sb, " +norec");
	if (!spec->ad)
		sb_add(&sb, " +noadflag");
	if (spec->cd)
		sb_add(&sb, " +cd");
	if (spec->dnssec_ok)
		sb_add(&sb, " +dnssec");
	render_edns(&sb, spec);
	if (spec->transport == PROBE_TCP)
		sb_add(&sb, " +tcp");
	render_timing(&sb, spec);
	if (sb.overflow)
		buf[0] = '\0';
	return !sb.overflow;
}
