/* canned.c - surveys, probe results and TCP results made by hand, for the
 * step analyses' unit tests (see canned.h). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/textfmt.h"
#include "canned.h"

/* --- packets ------------------------------------------------------------ */

static void
push_rr(ldns_pkt *pkt, const char *line)
{
	ldns_pkt_section section = LDNS_SECTION_ANSWER;
	ldns_status st;
	ldns_rr *rr = NULL;

	if (strncmp(line, "an ", 3) == 0)
		section = LDNS_SECTION_ANSWER;
	else if (strncmp(line, "au ", 3) == 0)
		section = LDNS_SECTION_AUTHORITY;
	else if (strncmp(line, "ad ", 3) == 0)
		section = LDNS_SECTION_ADDITIONAL;
	else {
		fail_msg("canned RR without a section: %s", line);
		return;
	}
	st = ldns_rr_new_frm_str(&rr, line + 3, 0, NULL, NULL);
	if (st != LDNS_STATUS_OK) {
		fail_msg("canned RR does not parse (%s): %s",
		    ldns_get_errorstr_by_id(st), line);
		return;
	}
	assert_true(ldns_pkt_push_rr(pkt, section, rr));
}

ldns_pkt *
canned_pkt(const char *qname, ldns_rr_type qtype, ldns_pkt_rcode rcode,
    unsigned flags, ...)
{
	ldns_rdf *name = ldns_dname_new_frm_str(qname);
	const char *line;
	ldns_pkt *pkt;
	va_list ap;

	assert_non_null(name);
	pkt = ldns_pkt_query_new(name, qtype, LDNS_RR_CLASS_IN, 0);
	assert_non_null(pkt);
	ldns_pkt_set_id(pkt, 4242);
	ldns_pkt_set_qr(pkt, true);
	ldns_pkt_set_rcode(pkt, (uint8_t)rcode);
	ldns_pkt_set_aa(pkt, (flags & CANNED_AA) != 0);
	ldns_pkt_set_ra(pkt, (flags & CANNED_RA) != 0);
	ldns_pkt_set_ad(pkt, (flags & CANNED_AD) != 0);
	ldns_pkt_set_rd(pkt, (flags & CANNED_RD) != 0);
	va_start(ap, flags);
	while ((line = va_arg(ap, const char *)) != NULL)
		push_rr(pkt, line);
	va_end(ap);
	return pkt;
}

/* --- results ------------------------------------------------------------ */

/* A result for server "ADDR#PORT" asked qname/qtype, with the dig
 * command the engine would have rendered for it. */
static struct probe_result *
result_new(const char *server, const char *qname, ldns_rr_type qtype)
{
	struct probe_result *res = xcalloc(1, sizeof(*res));
	char addr[PROBE_SERVER_STRLEN], dig[512];
	const char *hash = strrchr(server, '#');
	unsigned port = hash != NULL ? (unsigned)atoi(hash + 1) : 53;
	size_t n = hash != NULL ? (size_t)(hash - server) : strlen(server);

	assert_true(n < sizeof(addr));
	memcpy(addr, server, n);
	addr[n] = '\0';
	probe_spec_init(&res->spec);
	assert_true(probe_spec_set_server(&res->spec, addr, (uint16_t)port));
	res->spec.name = xstrdup(qname);
	res->spec.type = qtype;
	snprintf(res->server, sizeof(res->server), "%s", server);
	if (probe_render_dig(&res->spec, dig, sizeof(dig)))
		res->reproduce = xstrdup(dig);
	res->rtt_ms = -1;
	res->elapsed_ms = -1;
	res->transmissions = 1;
	return res;
}

struct probe_result *
canned_answer(const char *server, ldns_pkt *pkt, double rtt_ms)
{
	const ldns_rr *q = ldns_rr_list_rr(ldns_pkt_question(pkt), 0);
	char qname[LDNS_MAX_DOMAINLEN + 2];
	struct probe_result *res;

	assert_non_null(q);
	dnsmsg_dname_text(ldns_rr_owner(q), qname, sizeof(qname));
	res = result_new(server, qname, ldns_rr_get_type(q));
	res->outcome = PROBE_ANSWER;
	res->pkt = pkt;
	res->id = ldns_pkt_id(pkt);
	res->rtt_ms = rtt_ms;
	res->elapsed_ms = rtt_ms;
	return res;
}

struct probe_result *
canned_failure(const char *server, const char *qname, ldns_rr_type qtype,
    enum probe_outcome outcome)
{
	struct probe_result *res = result_new(server, qname, qtype);

	res->outcome = outcome;
	res->elapsed_ms = outcome == PROBE_TIMEOUT ? 2000 : 0.1;
	res->transmissions = outcome == PROBE_TIMEOUT ? 2 : 1;
	return res;
}

void
canned_put(struct probe_result **slot, struct probe_result *res)
{
	probe_result_free(*slot);
	*slot = res;
}

/* --- the survey --------------------------------------------------------- */

struct survey *
canned_survey(const char *name, const ldns_rr_type *types, size_t ntypes)
{
	struct survey *sv = xcalloc(1, sizeof(*sv));

	assert_true(ntypes > 0 && ntypes <= SURVEY_MAX_TYPES);
	sv->qname = ldns_dname_new_frm_str(name);
	assert_non_null(sv->qname);
	ldns_dname2canonical(sv->qname);
	snprintf(sv->name, sizeof(sv->name), "%s", name);
	memcpy(sv->types, types, ntypes * sizeof(types[0]));
	sv->ntypes = ntypes;
	return sv;
}

void
canned_survey_free(struct survey *sv)
{
	if (sv == NULL)
		return;
	assert_null(sv->priv);
	survey_free(sv);
}

void
canned_resolvers_from(struct survey *sv, const struct sysconf_resolv *rc)
{
	size_t i;

	for (i = 0; i < rc->nns && sv->nresolvers < SURVEY_MAX_RESOLVERS; i++) {
		const struct sysconf_nameserver *ns = &rc->ns[i];
		struct survey_resolver *r = &sv->resolvers[sv->nresolvers++];

		memset(r, 0, sizeof(*r));
		snprintf(r->text, sizeof(r->text), "%s", ns->text);
		memcpy(&r->addr, &ns->addr, ns->addrlen);
		r->addrlen = ns->addrlen;
		r->origin = SURVEY_FROM_RESOLV_CONF;
		r->ns_index = (int)i;
		r->used = ns->used;
		r->stub = ns->stub;
	}
}

struct survey_resolver *
canned_resolver_option(struct survey *sv, const char *addr)
{
	struct survey_resolver *r;

	assert_true(sv->nresolvers < SURVEY_MAX_RESOLVERS);
	r = &sv->resolvers[sv->nresolvers++];
	memset(r, 0, sizeof(*r));
	assert_true(probe_sockaddr_from_text(addr, 53, &r->addr, &r->addrlen));
	assert_true(probe_format_server((const struct sockaddr *)&r->addr,
	    r->addrlen, r->text, sizeof(r->text)));
	r->origin = SURVEY_FROM_OPTION;
	r->ns_index = -1;
	r->used = true;
	r->stub = sysconf_stub_kind((const struct sockaddr *)&r->addr);
	return r;
}

struct survey_compare *
canned_compare(struct survey *sv, const char *addr)
{
	struct survey_compare *c;

	assert_true(sv->ncompare < CLI_MAX_SERVERS);
	c = &sv->compare[sv->ncompare++];
	memset(c, 0, sizeof(*c));
	assert_true(probe_sockaddr_from_text(addr, 53, &c->addr, &c->addrlen));
	assert_true(probe_format_server((const struct sockaddr *)&c->addr,
	    c->addrlen, c->text, sizeof(c->text)));
	return c;
}

struct survey_level *
canned_level(struct survey *sv, const char *apex, enum survey_level_end end,
    const char *server, const char *nsname)
{
	struct survey_level *l;

	assert_true(sv->nlevels < SURVEY_MAX_LEVELS);
	l = &sv->levels[sv->nlevels++];
	memset(l, 0, sizeof(*l));
	l->apex = ldns_dname_new_frm_str(apex);
	assert_non_null(l->apex);
	ldns_dname2canonical(l->apex);
	dnsmsg_dname_text(l->apex, l->apex_text, sizeof(l->apex_text));
	l->end = end;
	if (server != NULL)
		canned_level_server(l, server, nsname);
	/* The parent's deciding server gave the referral. */
	if (sv->nlevels > 1)
		memcpy(l->ds_from, sv->levels[sv->nlevels - 2].servers[0].text,
		    sizeof(l->ds_from));
	return l;
}

struct survey_level_server *
canned_level_server(struct survey_level *l, const char *server,
    const char *nsname)
{
	struct survey_level_server *s;

	assert_true(l->nservers < SURVEY_MAX_LEVEL_SERVERS);
	s = &l->servers[l->nservers++];
	memset(s, 0, sizeof(*s));
	s->nsname = xstrdup(nsname);
	snprintf(s->text, sizeof(s->text), "%s", server);
	s->asked = true;
	s->from_glue = true;
	return s;
}

struct survey_nsname *
canned_nsname(struct survey_level *l, const char *name, size_t naddrs)
{
	struct survey_nsname *n;

	assert_true(l->nnsnames < SURVEY_MAX_NSNAMES);
	n = &l->nsnames[l->nnsnames++];
	memset(n, 0, sizeof(*n));
	snprintf(n->name, sizeof(n->name), "%s", name);
	n->state = SURVEY_NSNAME_GLUE;
	n->in_delegation = true;
	n->in_zone_ns = true;
	n->naddrs = naddrs;
	return n;
}

struct survey_auth *
canned_auth(struct survey *sv, const char *nsname, const char *addr)
{
	struct survey_auth *a;

	assert_true(sv->nauth < SURVEY_MAX_AUTH);
	a = &sv->auth[sv->nauth++];
	memset(a, 0, sizeof(*a));
	snprintf(a->nsname, sizeof(a->nsname), "%s", nsname);
	assert_true(probe_sockaddr_from_text(addr, 53, &a->addr, &a->addrlen));
	assert_true(probe_format_server((const struct sockaddr *)&a->addr,
	    a->addrlen, a->text, sizeof(a->text)));
	a->from_glue = true;
	return a;
}

struct survey_tcp *
canned_tcp(struct survey *sv, const char *addr, uint16_t port,
    enum tcpcheck_outcome outcome, bool expected)
{
	struct tcpcheck_result *res = xcalloc(1, sizeof(*res));
	struct survey_tcp *tc;
	char nc[128];

	assert_true(sv->ntcp < SURVEY_MAX_TCP);
	tc = &sv->tcp[sv->ntcp++];
	memset(tc, 0, sizeof(*tc));
	assert_true(probe_sockaddr_from_text(addr, port, &tc->addr,
	    &tc->addrlen));
	assert_true(probe_format_server((const struct sockaddr *)&tc->addr,
	    tc->addrlen, tc->text, sizeof(tc->text)));
	tc->expected = expected;
	res->outcome = outcome;
	memcpy(&res->addr, &tc->addr, tc->addrlen);
	res->addrlen = tc->addrlen;
	snprintf(res->target, sizeof(res->target), "%s", tc->text);
	res->timeout_ms = 2000;
	res->elapsed_ms = outcome == TCPCHECK_TIMEOUT ? 2000 : 0.4;
	if (tcpcheck_render_nc((const struct sockaddr *)&tc->addr, tc->addrlen,
	    res->timeout_ms, nc, sizeof(nc)))
		res->reproduce = xstrdup(nc);
	tc->result = res;
	return tc;
}
