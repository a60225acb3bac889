/* hostile_responder.c - lying and broken DNS servers for
 * tests/hostile/test_hostile.sh, inside a private network namespace only
 * (tests/nsrun): it binds port 53 of addresses in 127.77.0.0/16.
 *
 *   hostile_responder list            "INDEX MODE" per case
 *   hostile_responder serve [SECONDS] serve every case, each in a process
 *                                     of its own; prints "ready" once
 *                                     bound; exits after SECONDS (60) or
 *                                     on SIGTERM, with its children
 *
 * Every case at once, case m (1..) on its own /24:
 *   127.77.m.1  a sound root server: delegates hostile.test to
 *               ns1.hostile.test (127.77.m.2); in the ns-100 case, to 100
 *   127.77.m.2  the zone's name server, broken as the mode says
 *   127.77.m.3  a recursive resolver (RA=1), broken the same way for the
 *               modes that concern packets; sound for the ones about the
 *               zone's delegation
 *   127.77.m.4  the address the other-source mode answers from
 * The referral modes: .2 refers to itself (loop), to the root (upward),
 * to another tree (sideways), or delegates www.hostile.test to the root
 * server, which refers back to .2 (cycle). In root-truncated, the root
 * server cuts its answers short and the others are sound. control-chars
 * puts terminal escapes in a name, a TXT record and the NSID.
 * The zone: www A 127.0.0.80, no AAAA, ns1 A 127.77.m.2, unsigned. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <time.h>
#include <unistd.h>
#include <ldns/ldns.h>

#define ZONE "hostile.test."
#define TTL 300
#define MAX_MSG 65535
#define MAX_SILENT 64		/* TCP connections kept open and mute */

/* X(id, name, also the resolver). Case m is the m-th row, from 1. */
#define MODE_TABLE(X)							\
	X(TRUNCATED, "truncated", true)					\
	X(WRONG_ID, "wrong-id", true)					\
	X(WRONG_QUESTION, "wrong-question", true)			\
	X(OTHER_SOURCE, "other-source", true)				\
	X(POINTER_LOOP, "pointer-loop", true)				\
	X(LABEL_TOO_LONG, "label-too-long", true)			\
	X(NAME_TOO_LONG, "name-too-long", true)				\
	X(TC_TCP_TRUNCATED, "tc-tcp-truncated", true)			\
	X(TCP_SHORT, "tcp-short", true)					\
	X(TCP_SILENCE, "tcp-silence", true)				\
	X(HUGE, "huge-64k", true)					\
	X(MANY_RRS, "many-rrs", true)					\
	X(RRSIG_DATES, "rrsig-dates", true)				\
	X(NS_100, "ns-100", false)					\
	X(CNAME_LOOP, "cname-loop", true)				\
	X(REFERRAL_LOOP, "referral-loop", false)			\
	X(REFERRAL_UP, "referral-upward", false)			\
	X(REFERRAL_SIDEWAYS, "referral-sideways", false)		\
	X(REFERRAL_CYCLE, "referral-cycle", false)			\
	X(ROOT_TRUNCATED, "root-truncated", false)			\
	X(CONTROL_CHARS, "control-chars", true)				\
	X(EDNS_FORMERR, "edns-formerr", true)				\
	X(EDNS_DROP, "edns-drop", false)

enum mode {
#define X(id, name, res) MODE_##id,
	MODE_TABLE(X)
#undef X
	MODE_COUNT
};

static const struct {
	const char *name;
	bool resolver;
} modes[] = {
#define X(id, name, res) { name, res },
	MODE_TABLE(X)
#undef X
};

enum role { ROLE_ROOT = 1, ROLE_AUTH = 2, ROLE_RESOLVER = 3, ROLE_SPOOF = 4 };

struct sock {
	int fd;
	int type;			/* SOCK_DGRAM, SOCK_STREAM */
	enum mode mode;
	enum role role;
	unsigned m;			/* case number, from 1 */
};

static struct sock socks[MODE_COUNT * 7];
static size_t nsocks;
static int silent[MAX_SILENT];
static size_t nsilent;

/* --- building answers --------------------------------------------------- */

static void
add_rr(ldns_pkt *p, ldns_pkt_section sec, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
add_rr(ldns_pkt *p, ldns_pkt_section sec, const char *fmt, ...)
{
	char text[1024];
	ldns_rr *rr = NULL;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (ldns_rr_new_frm_str(&rr, text, TTL, NULL, NULL) != LDNS_STATUS_OK) {
		fprintf(stderr, "hostile_responder: bad RR: %s\n", text);
		exit(1);
	}
	ldns_pkt_push_rr(p, sec, rr);
}

static void
add_soa(ldns_pkt *p, ldns_pkt_section sec, bool root)
{
	if (root)
		add_rr(p, sec, ". SOA a.root.lab. hostmaster.lab. 2026120101 "
		    "1800 900 604800 86400");
	else
		add_rr(p, sec, ZONE " SOA ns1." ZONE " hostmaster." ZONE
		    " 2026120101 3600 900 604800 300");
}

/* An RRSIG that expired in 1970, one second after the epoch, and becomes
 * valid in 2106: expiration before inception. */
static void
add_absurd_rrsig(ldns_pkt *p, ldns_pkt_section sec, const char *owner,
    const char *type, unsigned labels)
{
	add_rr(p, sec, "%s RRSIG %s 13 %u 300 1 4291747200 4711 " ZONE " "
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	    "AAAAAAAAAAAAAAAAAAAAAA==", owner, type, labels);
}

static bool
name_is(const ldns_rdf *n, const char *text)
{
	ldns_rdf *t = ldns_dname_new_frm_str(text);
	bool eq = t != NULL && ldns_dname_compare(n, t) == 0;

	ldns_rdf_deep_free(t);
	return eq;
}

static bool
name_under(const ldns_rdf *n, const char *text)
{
	ldns_rdf *t = ldns_dname_new_frm_str(text);
	bool in = t != NULL && (ldns_dname_compare(n, t) == 0 ||
	    ldns_dname_is_subdomain(n, t));

	ldns_rdf_deep_free(t);
	return in;
}

static void
root_answer(ldns_pkt *r, const ldns_rdf *qn, ldns_rr_type qt, unsigned m,
    enum mode mode)
{
	unsigned i;

	if (name_under(qn, ZONE)) {	/* the referral */
		unsigned n = mode == MODE_NS_100 ? 100 : 1;

		for (i = 1; i <= n; i++) {
			add_rr(r, LDNS_SECTION_AUTHORITY, ZONE " NS ns%u." ZONE, i);
			add_rr(r, LDNS_SECTION_ADDITIONAL, "ns%u." ZONE
			    " A 127.77.%u.2", i, m);
		}
		return;
	}
	ldns_pkt_set_aa(r, true);
	if (name_is(qn, ".") && qt == LDNS_RR_TYPE_SOA) {
		add_soa(r, LDNS_SECTION_ANSWER, true);
	} else if (name_is(qn, ".") && qt == LDNS_RR_TYPE_NS) {
		add_rr(r, LDNS_SECTION_ANSWER, ". NS a.root.lab.");
		add_rr(r, LDNS_SECTION_ADDITIONAL, "a.root.lab. A 127.77.%u.1",
		    m);
	} else if (name_is(qn, "a.root.lab.") && qt == LDNS_RR_TYPE_A) {
		add_rr(r, LDNS_SECTION_ANSWER, "a.root.lab. A 127.77.%u.1", m);
	} else if (name_is(qn, ".") || name_is(qn, "a.root.lab.")) {
		add_soa(r, LDNS_SECTION_AUTHORITY, true);
	} else {
		ldns_pkt_set_rcode(r, LDNS_RCODE_NXDOMAIN);
		add_soa(r, LDNS_SECTION_AUTHORITY, true);
	}
}

/* 4000 A records for www, parsed once: built for every query, they
 * would delay the case's other answers past the client's timeout. */
static void
push_many_a(ldns_pkt *r)
{
	static ldns_rr_list *many;
	size_t i;

	if (many == NULL) {
		ldns_pkt *tmp = ldns_pkt_new();

		for (i = 0; i < 4000; i++)
			add_rr(tmp, LDNS_SECTION_ANSWER, "www." ZONE
			    " A 127.0.%zu.%zu", 100 + i / 250, i % 250);
		many = ldns_rr_list_clone(ldns_pkt_answer(tmp));
		ldns_pkt_free(tmp);
	}
	for (i = 0; i < ldns_rr_list_rr_count(many); i++)
		ldns_pkt_push_rr(r, LDNS_SECTION_ANSWER,
		    ldns_rr_clone(ldns_rr_list_rr(many, i)));
}

/* What the zone's server says, in the modes that concern the data. */
static void
zone_answer(ldns_pkt *r, const ldns_rdf *qn, ldns_rr_type qt, unsigned m,
    enum mode mode, bool resolver)
{
	unsigned i;

	if (!resolver && mode == MODE_REFERRAL_CYCLE &&
	    name_under(qn, "www." ZONE)) {
		add_rr(r, LDNS_SECTION_AUTHORITY, "www." ZONE " NS ns.www." ZONE);
		add_rr(r, LDNS_SECTION_ADDITIONAL, "ns.www." ZONE
		    " A 127.77.%u.1", m);
		return;
	}
	if (!resolver && (mode == MODE_REFERRAL_LOOP || mode == MODE_REFERRAL_UP ||
	    mode == MODE_REFERRAL_SIDEWAYS)) {
		if (mode == MODE_REFERRAL_LOOP) {
			add_rr(r, LDNS_SECTION_AUTHORITY, ZONE " NS ns1." ZONE);
			add_rr(r, LDNS_SECTION_ADDITIONAL, "ns1." ZONE
			    " A 127.77.%u.2", m);
		} else if (mode == MODE_REFERRAL_UP) {
			add_rr(r, LDNS_SECTION_AUTHORITY, ". NS a.root.lab.");
			add_rr(r, LDNS_SECTION_ADDITIONAL,
			    "a.root.lab. A 127.77.%u.1", m);
		} else {
			add_rr(r, LDNS_SECTION_AUTHORITY,
			    "elsewhere.test. NS ns.elsewhere.test.");
			add_rr(r, LDNS_SECTION_ADDITIONAL,
			    "ns.elsewhere.test. A 127.77.%u.2", m);
		}
		return;
	}
	ldns_pkt_set_aa(r, !resolver);
	if (name_is(qn, ZONE) && qt == LDNS_RR_TYPE_SOA) {
		add_soa(r, LDNS_SECTION_ANSWER, false);
		if (mode == MODE_RRSIG_DATES)
			add_absurd_rrsig(r, LDNS_SECTION_ANSWER, ZONE, "SOA",
			    2);
	} else if (name_is(qn, ZONE) && qt == LDNS_RR_TYPE_NS) {
		unsigned n = mode == MODE_NS_100 ? 100 : 1;

		for (i = 1; i <= n; i++)
			add_rr(r, LDNS_SECTION_ANSWER, ZONE " NS ns%u." ZONE, i);
		if (mode == MODE_CONTROL_CHARS)	/* ESC [ 2 J in a name */
			add_rr(r, LDNS_SECTION_ANSWER, ZONE " NS "
			    "\\027[2J\\007." ZONE);
	} else if (name_is(qn, "www." ZONE) && mode == MODE_CNAME_LOOP) {
		add_rr(r, LDNS_SECTION_ANSWER, "www." ZONE " CNAME www2." ZONE);
		add_rr(r, LDNS_SECTION_ANSWER, "www2." ZONE " CNAME www." ZONE);
	} else if (name_is(qn, "www." ZONE) && qt == LDNS_RR_TYPE_A) {
		if (mode == MODE_MANY_RRS)
			push_many_a(r);
		else
			add_rr(r, LDNS_SECTION_ANSWER, "www." ZONE
			    " A 127.0.0.80");
		if (mode == MODE_RRSIG_DATES)
			add_absurd_rrsig(r, LDNS_SECTION_ANSWER,
			    "www." ZONE, "A", 3);
		if (mode == MODE_CONTROL_CHARS)	/* clear screen, set title */
			add_rr(r, LDNS_SECTION_ADDITIONAL, "www." ZONE " TXT "
			    "\"\\027[2J\\027]0;owned\\007\\013\\r\"");
	} else if (name_is(qn, "ns1." ZONE) || (mode == MODE_NS_100 &&
	    name_under(qn, ZONE) && ldns_dname_label_count(qn) == 3 &&
	    strncasecmp((const char *)ldns_rdf_data(qn) + 1, "ns", 2) == 0)) {
		if (qt == LDNS_RR_TYPE_A) {
			char *owner = ldns_rdf2str(qn);

			add_rr(r, LDNS_SECTION_ANSWER, "%s A 127.77.%u.2", owner,
			    m);
			free(owner);
		} else {
			add_soa(r, LDNS_SECTION_AUTHORITY, false);
		}
	} else if (name_is(qn, "www." ZONE) || name_is(qn, ZONE)) {
		add_soa(r, LDNS_SECTION_AUTHORITY, false);	/* NODATA */
	} else if (name_under(qn, ZONE)) {
		ldns_pkt_set_rcode(r, LDNS_RCODE_NXDOMAIN);
		add_soa(r, LDNS_SECTION_AUTHORITY, false);
	} else if (resolver && name_is(qn, ".") && qt == LDNS_RR_TYPE_SOA) {
		add_soa(r, LDNS_SECTION_ANSWER, true);
	} else if (resolver) {
		ldns_pkt_set_rcode(r, LDNS_RCODE_NXDOMAIN);
		add_soa(r, LDNS_SECTION_AUTHORITY, true);
	} else {
		ldns_pkt_set_rcode(r, LDNS_RCODE_REFUSED);
	}
}

/* 255 TXT records of 250 bytes: a valid answer of about 64 KiB. */
static void
pad_to_64k(ldns_pkt *r)
{
	char txt[251];
	unsigned i;

	memset(txt, 'x', 250);
	txt[250] = '\0';
	for (i = 0; i < 240; i++)
		add_rr(r, LDNS_SECTION_ADDITIONAL, "pad." ZONE " TXT \"%s\"", txt);
}

/* --- wire-level damage -------------------------------------------------- */

/* Append one A record with this owner (raw wire bytes) to the additional
 * section. */
static size_t
append_bad_rr(uint8_t *w, size_t len, const uint8_t *owner, size_t olen)
{
	static const uint8_t rest[] = { 0, 1, 0, 1, 0, 0, 1, 44, 0, 4,
	    127, 0, 0, 80 };

	if (len + olen + sizeof(rest) > MAX_MSG)
		return len;
	memcpy(w + len, owner, olen);
	memcpy(w + len + olen, rest, sizeof(rest));
	ldns_write_uint16(w + 10, (uint16_t)(ldns_read_uint16(w + 10) + 1));
	return len + olen + sizeof(rest);
}

static size_t
damage(enum mode mode, uint8_t *w, size_t len)
{
	uint8_t owner[320];
	size_t i, n = 0;

	switch (mode) {
	case MODE_TRUNCATED:
		return len > 40 ? len - 3 : len;	/* inside the last RR */
	case MODE_WRONG_ID:
		ldns_write_uint16(w, (uint16_t)(ldns_read_uint16(w) ^ 0x5a5a));
		return len;
	case MODE_POINTER_LOOP:		/* a name that points at itself */
		owner[0] = (uint8_t)(0xc0 | (len >> 8));
		owner[1] = (uint8_t)(len & 0xff);
		return append_bad_rr(w, len, owner, 2);
	case MODE_LABEL_TOO_LONG:	/* a label of 64 bytes */
		owner[n++] = 64;
		memset(owner + n, 'x', 64);
		n += 64;
		owner[n++] = 0;
		return append_bad_rr(w, len, owner, n);
	case MODE_NAME_TOO_LONG:	/* 5 labels of 60: 306 bytes */
		for (i = 0; i < 5; i++) {
			owner[n++] = 60;
			memset(owner + n, 'y', 60);
			n += 60;
		}
		owner[n++] = 0;
		return append_bad_rr(w, len, owner, n);
	default:
		return len;
	}
}

/* --- one query, one answer ---------------------------------------------- */

enum action { ACT_SEND, ACT_DROP, ACT_TC_ONLY };

/* The answer to query q for this socket, in out; returns its length, 0
 * to stay silent. */
static size_t
respond(const struct sock *s, const uint8_t *q, size_t qlen, bool tcp,
    uint8_t *out, bool *cut_tcp)
{
	ldns_pkt *query = NULL, *r;
	ldns_rr *question;
	const ldns_rdf *qn;
	ldns_rr_type qt;
	uint8_t *wire = NULL;
	size_t len = 0, limit;
	bool edns, hostile = s->mode == MODE_ROOT_TRUNCATED ?
	    s->role == ROLE_ROOT : s->role == ROLE_AUTH ||
	    (s->role == ROLE_RESOLVER && modes[s->mode].resolver);
	enum mode mode = !hostile ? MODE_COUNT :
	    s->mode == MODE_ROOT_TRUNCATED ? MODE_TRUNCATED : s->mode;

	*cut_tcp = false;
	if (ldns_wire2pkt(&query, q, qlen) != LDNS_STATUS_OK)
		return 0;
	if (ldns_pkt_qr(query) || ldns_pkt_qdcount(query) != 1) {
		ldns_pkt_free(query);
		return 0;
	}
	edns = ldns_pkt_edns(query);
	question = ldns_rr_list_rr(ldns_pkt_question(query), 0);
	qn = ldns_rr_owner(question);
	qt = ldns_rr_get_type(question);
	if (mode == MODE_EDNS_DROP && edns) {
		ldns_pkt_free(query);
		return 0;
	}
	r = ldns_pkt_new();
	ldns_pkt_set_id(r, ldns_pkt_id(query));
	ldns_pkt_set_qr(r, true);
	ldns_pkt_set_rd(r, ldns_pkt_rd(query));
	ldns_pkt_set_opcode(r, ldns_pkt_get_opcode(query));
	if (mode == MODE_WRONG_QUESTION) {
		ldns_rr *other = ldns_rr_clone(question);

		ldns_rdf_deep_free(ldns_rr_owner(other));
		ldns_rr_set_owner(other, ldns_dname_new_frm_str(
		    "elsewhere.invalid."));
		ldns_pkt_push_rr(r, LDNS_SECTION_QUESTION, other);
	} else {
		ldns_pkt_push_rr(r, LDNS_SECTION_QUESTION,
		    ldns_rr_clone(question));
	}
	if (mode == MODE_EDNS_FORMERR && edns) {
		ldns_pkt_set_rcode(r, LDNS_RCODE_FORMERR);
		goto encode;
	}
	if (s->role == ROLE_RESOLVER)
		ldns_pkt_set_ra(r, true);
	if (s->role == ROLE_ROOT)
		root_answer(r, qn, qt, s->m, s->mode);
	else
		zone_answer(r, qn, qt, s->m, s->mode,
		    s->role == ROLE_RESOLVER);
	if (mode == MODE_HUGE && tcp)
		pad_to_64k(r);
	if (edns) {
		ldns_pkt_set_edns_udp_size(r, 1232);
		ldns_pkt_set_edns_do(r, ldns_pkt_edns_do(query));
	}
	if (edns && mode == MODE_CONTROL_CHARS) {	/* an NSID that paints */
		static const uint8_t nsid[] = "\033[31mred\033[0m\r\b";
		ldns_edns_option_list *opts = ldns_edns_option_list_new();
		ldns_edns_option *o = ldns_edns_new_from_data(LDNS_EDNS_NSID,
		    sizeof(nsid) - 1, nsid);

		ldns_edns_option_list_push(opts, o);
		ldns_pkt_set_edns_option_list(r, opts);
	}
encode:
	if (ldns_pkt2wire(&wire, r, &len) != LDNS_STATUS_OK || len > MAX_MSG)
		len = 0;
	else
		memcpy(out, wire, len);
	free(wire);
	limit = edns ? ldns_pkt_edns_udp_size(query) : 512;
	ldns_pkt_free(r);
	ldns_pkt_free(query);
	if (len == 0)
		return 0;
	/* Over UDP: TC=1 with the question only, when too large or when
	 * the mode wants TCP. */
	if (!tcp && (len > limit || mode == MODE_TC_TCP_TRUNCATED ||
	    mode == MODE_TCP_SHORT || mode == MODE_TCP_SILENCE ||
	    mode == MODE_HUGE)) {
		size_t qend = 12;

		while (qend < len && out[qend] != 0 && (out[qend] & 0xc0) == 0)
			qend += out[qend] + 1u;
		qend += 5;
		out[2] |= 0x02;
		memset(out + 6, 0, 6);
		return qend <= len ? qend : len;
	}
	if (tcp && mode == MODE_TC_TCP_TRUNCATED) {
		out[2] |= 0x02;
		return len > 40 ? len - 3 : len;	/* cut, and says so */
	}
	if (tcp && (mode == MODE_TCP_SHORT || mode == MODE_TCP_SILENCE))
		*cut_tcp = true;
	return damage(mode, out, len);
}

/* --- sockets ------------------------------------------------------------ */

static int
bind_one(unsigned m, enum role role, int type)
{
	struct sockaddr_in sin;
	int fd, one = 1;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(53);
	sin.sin_addr.s_addr = htonl((127u << 24) | (77u << 16) | (m << 8) |
	    (unsigned)role);
	if ((fd = socket(AF_INET, type | SOCK_CLOEXEC, 0)) < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0 ||
	    (type == SOCK_STREAM && listen(fd, 64) != 0)) {
		fprintf(stderr, "hostile_responder: bind 127.77.%u.%d: %s\n", m,
		    (int)role, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static const struct sock *
spoof_socket(unsigned m)
{
	size_t i;

	for (i = 0; i < nsocks; i++)
		if (socks[i].m == m && socks[i].role == ROLE_SPOOF)
			return &socks[i];
	return NULL;
}

static void
serve_udp(const struct sock *s)
{
	static uint8_t q[MAX_MSG], a[MAX_MSG];
	struct sockaddr_storage from;
	socklen_t fl = sizeof(from);
	const struct sock *out = s;
	bool cut;
	ssize_t n;
	size_t alen;

	n = recvfrom(s->fd, q, sizeof(q), 0, (struct sockaddr *)&from, &fl);
	if (n <= 0 || s->role == ROLE_SPOOF ||
	    (alen = respond(s, q, (size_t)n, false, a, &cut)) == 0)
		return;
	if (s->mode == MODE_OTHER_SOURCE && s->role != ROLE_ROOT &&
	    (out = spoof_socket(s->m)) == NULL)
		return;
	sendto(out->fd, a, alen, 0, (struct sockaddr *)&from, fl);
}

static void
keep_silent(int fd)
{
	if (nsilent == MAX_SILENT) {
		close(silent[0]);
		memmove(silent, silent + 1, (MAX_SILENT - 1) * sizeof(int));
		nsilent--;
	}
	silent[nsilent++] = fd;
}

/* One query per connection: read it (bounded by a receive timeout), answer
 * as the mode says, close, or keep the connection open and mute. */
static void
serve_tcp(const struct sock *s)
{
	static uint8_t q[MAX_MSG + 2], a[MAX_MSG + 2];
	struct timeval tv = { 1, 0 };
	size_t have = 0, need = 2, alen;
	bool cut;
	ssize_t n;
	int fd;

	if ((fd = accept(s->fd, NULL, NULL)) < 0)
		return;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	while (have < need) {
		if ((n = recv(fd, q + have, need - have, 0)) <= 0) {
			close(fd);
			return;
		}
		have += (size_t)n;
		if (have == 2)
			need = 2 + ldns_read_uint16(q);
	}
	alen = respond(s, q + 2, need - 2, true, a + 2, &cut);
	if (alen == 0 && s->mode == MODE_EDNS_DROP) {
		keep_silent(fd);
		return;
	}
	if (alen == 0) {
		close(fd);
		return;
	}
	ldns_write_uint16(a, (uint16_t)alen);
	if (cut && s->mode == MODE_TCP_SILENCE) {
		send(fd, a, 2, MSG_NOSIGNAL);	/* the length, then nothing */
		keep_silent(fd);
		return;
	}
	send(fd, a, cut ? 2 + alen / 2 : 2 + alen, MSG_NOSIGNAL);
	close(fd);
}

static pid_t children[MODE_COUNT];
static volatile sig_atomic_t stop;

static void
on_stop(int sig)
{
	(void)sig;
	stop = 1;
}

static void
stop_children(int status)
{
	size_t i;

	for (i = 0; i < MODE_COUNT; i++)
		if (children[i] > 0)
			kill(children[i], SIGTERM);
	for (i = 0; i < MODE_COUNT; i++)
		if (children[i] > 0)
			waitpid(children[i], NULL, 0);
	exit(status);
}

/* The sockets of case m, until killed (or the parent dies). */
static void
serve_case(unsigned m, int seconds)
{
	struct pollfd fds[8];
	size_t idx[8], n = 0, i;
	int r;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	alarm((unsigned)seconds);
	for (i = 0; i < nsocks && n < 8; i++)
		if (socks[i].m == m) {
			fds[n].fd = socks[i].fd;
			fds[n].events = POLLIN;
			idx[n++] = i;
		}
	for (;;) {
		if ((r = poll(fds, n, -1)) < 0 && errno != EINTR)
			_exit(1);
		for (i = 0; r > 0 && i < n; i++) {
			if (!(fds[i].revents & POLLIN))
				continue;
			if (socks[idx[i]].type == SOCK_DGRAM)
				serve_udp(&socks[idx[i]]);
			else
				serve_tcp(&socks[idx[i]]);
		}
	}
}

static void
serve(int seconds)
{
	unsigned m;
	size_t i;
	static const enum role roles[] = { ROLE_ROOT, ROLE_AUTH, ROLE_RESOLVER };

	for (m = 1; m <= MODE_COUNT; m++) {
		for (i = 0; i < 3; i++) {
			socks[nsocks] = (struct sock){ bind_one(m, roles[i],
			    SOCK_DGRAM), SOCK_DGRAM, (enum mode)(m - 1), roles[i],
			    m };
			socks[nsocks + 1] = (struct sock){ bind_one(m, roles[i],
			    SOCK_STREAM), SOCK_STREAM, (enum mode)(m - 1),
			    roles[i], m };
			if (socks[nsocks].fd < 0 || socks[nsocks + 1].fd < 0)
				exit(1);
			nsocks += 2;
		}
		socks[nsocks] = (struct sock){ bind_one(m, ROLE_SPOOF,
		    SOCK_DGRAM), SOCK_DGRAM, (enum mode)(m - 1), ROLE_SPOOF, m };
		if (socks[nsocks++].fd < 0)
			exit(1);
	}
	/* One process per case: a slow case (4000 records to build) never
	 * delays the answers of another. The parent only waits. */
	for (m = 1; m <= MODE_COUNT; m++) {
		if ((children[m - 1] = fork()) < 0)
			stop_children(1);
		if (children[m - 1] == 0)
			serve_case(m, seconds);
	}
	signal(SIGTERM, on_stop);
	signal(SIGINT, on_stop);
	signal(SIGALRM, on_stop);
	alarm((unsigned)seconds);	/* never outlive a broken test */
	printf("ready\n");
	fflush(stdout);
	while (!stop)
		pause();
	stop_children(0);
}

int
main(int argc, char **argv)
{
	unsigned m;

	if (argc >= 2 && strcmp(argv[1], "list") == 0) {
		for (m = 1; m <= MODE_COUNT; m++)
			printf("%u %s\n", m, modes[m - 1].name);
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "serve") == 0) {
		signal(SIGPIPE, SIG_IGN);
		serve(argc >= 3 ? atoi(argv[2]) : 60);
		return 0;
	}
	fprintf(stderr, "usage: hostile_responder list | serve [SECONDS]\n");
	return 2;
}
