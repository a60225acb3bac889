/* survey.c - a triage run's probes: the resolvers, the compare resolvers
 * and the service connections; the walk and the zone's servers are in
 * survey_walk.c. Everything is submitted as soon as its inputs are known
 * and lands in struct survey; nothing here judges an answer. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/textfmt.h"
#include "survey_private.h"

/* --- asks --------------------------------------------------------------- */

struct ask {
	struct survey *sv;
	struct probe *probe;
	struct probe_result **slot;
	survey_then_fn *then;
	void *arg;
	struct ask *prev, *next;	/* sv->priv->asks */
};

static void
ask_unlink(struct survey_private *p, struct ask *a)
{
	if (a->prev != NULL)
		a->prev->next = a->next;
	else
		p->asks = a->next;
	if (a->next != NULL)
		a->next->prev = a->prev;
}

static void
ask_done(struct probe_result *res, void *user)
{
	struct ask *a = user;
	struct survey *sv = a->sv;

	ask_unlink(sv->priv, a);
	sv->priv->completed++;
	if (a->slot != NULL) {
		probe_result_free(*a->slot);	/* a re-asked probe */
		*a->slot = res;
	}
	if (a->then != NULL)
		a->then(sv, res, a->arg);
	else if (a->slot == NULL)
		probe_result_free(res);
	free(a);
}

static struct probe_result *
refused_result(const struct probe_spec *spec, int err)
{
	struct probe_result *res = xcalloc(1, sizeof(*res));

	res->outcome = PROBE_LOCAL_ERROR;
	res->error = err;
	res->spec = *spec;
	res->spec.name = NULL;
	res->spec.qname = NULL;
	res->spec.edns_options = NULL;
	res->spec.n_edns_options = 0;
	res->rtt_ms = -1;
	probe_format_server((const struct sockaddr *)&spec->server,
	    spec->server_len, res->server, sizeof(res->server));
	return res;
}

struct ask *
survey_ask(struct survey *sv, const struct probe_spec *spec,
    struct probe_result **slot, survey_then_fn *then, void *arg)
{
	struct ask *a = xcalloc(1, sizeof(*a));

	a->sv = sv;
	a->slot = slot;
	a->then = then;
	a->arg = arg;
	a->probe = probe_submit(sv->priv->engine, spec, ask_done, a);
	if (a->probe == NULL) {
		/* Never a hole in the survey: the analyses read a NULL
		 * result as "still out", so a query the engine refused is
		 * on record as a local error. */
		if (slot != NULL && *slot == NULL)
			*slot = refused_result(spec, errno);
		free(a);
		return NULL;
	}
	a->next = sv->priv->asks;
	if (a->next != NULL)
		a->next->prev = a;
	sv->priv->asks = a;
	sv->priv->submitted++;
	return a;
}

void
survey_cancel(struct survey *sv, struct ask *a)
{
	if (a == NULL)
		return;
	probe_cancel(sv->priv->engine, a->probe);
	ask_unlink(sv->priv, a);
	/* Cancelled work counts as done for the progress figure. */
	sv->priv->completed++;
	free(a);
}

void
survey_spec(const struct survey *sv, struct probe_spec *spec,
    const struct sockaddr_storage *addr, socklen_t len)
{
	probe_spec_init(spec);
	memcpy(&spec->server, addr, len);
	spec->server_len = len;
	spec->timeout_ms = sv->priv->timeout_ms;
	spec->tries = sv->priv->tries;
}

bool
survey_rr_address(const ldns_rr *rr, struct sockaddr_storage *ss,
    socklen_t *len)
{
	const ldns_rdf *rd = ldns_rr_rd_count(rr) > 0 ? ldns_rr_rdf(rr, 0) :
	    NULL;

	memset(ss, 0, sizeof(*ss));
	if (rd == NULL)
		return false;
	if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_A &&
	    ldns_rdf_size(rd) == 4) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;

		sin->sin_family = AF_INET;
		sin->sin_port = htons(53);
		memcpy(&sin->sin_addr, ldns_rdf_data(rd), 4);
		*len = sizeof(*sin);
		return true;
	}
	if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_AAAA &&
	    ldns_rdf_size(rd) == 16) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons(53);
		memcpy(&sin6->sin6_addr, ldns_rdf_data(rd), 16);
		*len = sizeof(*sin6);
		return true;
	}
	return false;
}

/* --- service connections ------------------------------------------------ */

static void
tcp_done(struct tcpcheck_result *res, void *user)
{
	struct survey_tcp *t = user;

	t->result = res;
}

static bool
same_address(const struct sockaddr_storage *a, const struct sockaddr_storage *b)
{
	if (a->ss_family != b->ss_family)
		return false;
	if (a->ss_family == AF_INET)
		return memcmp(&((const struct sockaddr_in *)a)->sin_addr,
		    &((const struct sockaddr_in *)b)->sin_addr,
		    sizeof(struct in_addr)) == 0;
	if (a->ss_family == AF_INET6)
		return memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
		    &((const struct sockaddr_in6 *)b)->sin6_addr,
		    sizeof(struct in6_addr)) == 0;
	return false;
}

static void
connect_to(struct survey *sv, const struct sockaddr_storage *ss,
    socklen_t len, bool expected)
{
	struct survey_private *p = sv->priv;
	struct sockaddr_storage target;
	struct survey_tcp *t;
	size_t i;

	if (p->service_port == 0 || sv->ntcp >= SURVEY_MAX_TCP)
		return;
	for (i = 0; i < sv->ntcp; i++) {
		if (same_address(&sv->tcp[i].addr, ss)) {
			sv->tcp[i].expected |= expected;
			return;
		}
	}
	memcpy(&target, ss, len);
	if (target.ss_family == AF_INET)
		((struct sockaddr_in *)&target)->sin_port =
		    htons(p->service_port);
	else
		((struct sockaddr_in6 *)&target)->sin6_port =
		    htons(p->service_port);
	t = &sv->tcp[sv->ntcp];
	memset(t, 0, sizeof(*t));
	memcpy(&t->addr, &target, len);
	t->addrlen = len;
	t->expected = expected;
	probe_format_server((const struct sockaddr *)&target, len, t->text,
	    sizeof(t->text));
	if (!tcpcheck_start(p->tcp, (const struct sockaddr *)&target, len,
	    p->timeout_ms, tcp_done, t))
		return;
	sv->ntcp++;
}

void
survey_note_address(struct survey *sv, const struct sockaddr_storage *ss,
    socklen_t len)
{
	connect_to(sv, ss, len, false);
}

/* Owner names that lead to the data of qname through the CNAMEs of this
 * answer, qname first; a chain longer than this is a loop or an abuse. */
#define CNAME_HOPS 8

void
survey_note_answer_addresses(struct survey *sv, const ldns_pkt *pkt)
{
	const ldns_rdf *owners[CNAME_HOPS + 1];
	ldns_rr_list *answer;
	size_t nowners = 1, i, k;

	if (sv->priv->service_port == 0 || pkt == NULL ||
	    (answer = ldns_pkt_answer(pkt)) == NULL)
		return;
	owners[0] = sv->qname;
	for (k = 0; k < nowners && nowners <= CNAME_HOPS; k++) {
		for (i = 0; i < ldns_rr_list_rr_count(answer); i++) {
			ldns_rr *rr = ldns_rr_list_rr(answer, i);

			if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_CNAME &&
			    ldns_rr_rd_count(rr) > 0 &&
			    ldns_dname_compare(ldns_rr_owner(rr), owners[k]) == 0 &&
			    nowners <= CNAME_HOPS) {
				owners[nowners++] = ldns_rr_rdf(rr, 0);
				break;
			}
		}
	}
	for (i = 0; i < ldns_rr_list_rr_count(answer); i++) {
		ldns_rr *rr = ldns_rr_list_rr(answer, i);
		struct sockaddr_storage ss;
		socklen_t len;

		for (k = 0; k < nowners; k++)
			if (ldns_dname_compare(ldns_rr_owner(rr), owners[k]) == 0)
				break;
		if (k < nowners && survey_rr_address(rr, &ss, &len))
			connect_to(sv, &ss, len, false);
	}
}

/* --- resolvers ---------------------------------------------------------- */

/* A SERVFAIL may be a validation failure: the same question with CD=1
 * tells (DESIGN.md, DNSSEC). */
static void
resolver_answer_done(struct survey *sv, struct probe_result *res, void *arg)
{
	struct resolver_ask *ra = arg;
	struct probe_spec spec;

	if (res->outcome == PROBE_ANSWER && res->pkt != NULL) {
		survey_note_answer_addresses(sv, res->pkt);
		if (ldns_pkt_get_rcode(res->pkt) == LDNS_RCODE_SERVFAIL) {
			spec = res->spec;
			spec.cd = true;
			(void)survey_ask(sv, &spec, &ra->r->answer_cd[ra->type],
			    NULL, NULL);
		}
	}
}

static void
resolver_start(struct survey *sv, struct survey_resolver *r)
{
	struct probe_spec spec;
	size_t t;

	survey_spec(sv, &spec, &r->addr, r->addrlen);
	spec.name = ".";
	spec.type = LDNS_RR_TYPE_SOA;
	survey_ask(sv, &spec, &r->soa_udp, NULL, NULL);
	spec.transport = PROBE_TCP;
	survey_ask(sv, &spec, &r->soa_tcp, NULL, NULL);
	for (t = 0; !sv->address_target && t < sv->ntypes; t++) {
		struct resolver_ask *ra =
		    &sv->priv->resolver_asks[r - sv->resolvers][t];

		survey_spec(sv, &spec, &r->addr, r->addrlen);
		spec.name = sv->name;
		spec.type = sv->types[t];
		spec.dnssec_ok = true;
		ra->r = r;
		ra->type = t;
		(void)survey_ask(sv, &spec, &r->answer[t], resolver_answer_done,
		    ra);
	}
}

void
survey_zone_known(struct survey *sv)
{
	struct probe_spec spec;
	size_t i;

	if (sv->priv->zone_ns_asked || sv->zone == NULL)
		return;
	sv->priv->zone_ns_asked = true;
	for (i = 0; i < sv->nresolvers; i++) {
		struct survey_resolver *r = &sv->resolvers[i];

		survey_spec(sv, &spec, &r->addr, r->addrlen);
		spec.qname = sv->zone->apex;
		spec.name = sv->zone->apex_text;
		spec.type = LDNS_RR_TYPE_NS;
		survey_ask(sv, &spec, &r->zone_ns, NULL, NULL);
	}
}

static void
compare_answer_done(struct survey *sv, struct probe_result *res, void *arg)
{
	(void)arg;
	if (res->outcome == PROBE_ANSWER)
		survey_note_answer_addresses(sv, res->pkt);
}

static void
compare_start(struct survey *sv, struct survey_compare *c)
{
	struct probe_spec spec;
	size_t t;

	for (t = 0; t < sv->ntypes; t++) {
		survey_spec(sv, &spec, &c->addr, c->addrlen);
		spec.name = sv->name;
		spec.type = sv->types[t];
		spec.dnssec_ok = true;
		survey_ask(sv, &spec, &c->answer[t], compare_answer_done, NULL);
	}
}

/* --- lifecycle ---------------------------------------------------------- */

struct survey *
survey_new(const struct survey_input *in)
{
	struct survey *sv;
	struct survey_private *p;
	size_t i;

	if (in->name == NULL || in->ntypes == 0 ||
	    in->ntypes > SURVEY_MAX_TYPES)
		return NULL;
	sv = xcalloc(1, sizeof(*sv));
	/* An address target is no name, but the model keeps one. */
	sv->qname = ldns_dname_new_frm_str(in->address_target ? "." : in->name);
	if (sv->qname == NULL) {
		free(sv);
		return NULL;
	}
	ldns_dname2canonical(sv->qname);
	snprintf(sv->name, sizeof(sv->name), "%s", in->name);
	sv->address_target = in->address_target;
	sv->syslookup_wanted = in->system_lookup && !in->address_target;
	memcpy(sv->types, in->types, in->ntypes * sizeof(in->types[0]));
	sv->ntypes = in->ntypes;
	sv->nresolvers = in->nresolvers < SURVEY_MAX_RESOLVERS ?
	    in->nresolvers : SURVEY_MAX_RESOLVERS;
	for (i = 0; i < sv->nresolvers; i++) {
		sv->resolvers[i] = in->resolvers[i];
		memset(sv->resolvers[i].answer, 0,
		    sizeof(sv->resolvers[i].answer));
		memset(sv->resolvers[i].answer_cd, 0,
		    sizeof(sv->resolvers[i].answer_cd));
		sv->resolvers[i].soa_udp = sv->resolvers[i].soa_tcp = NULL;
		sv->resolvers[i].zone_ns = NULL;
	}
	sv->ncompare = in->ncompare < CLI_MAX_SERVERS ? in->ncompare :
	    CLI_MAX_SERVERS;
	for (i = 0; i < sv->ncompare; i++) {
		sv->compare[i] = in->compare[i];
		memset(sv->compare[i].answer, 0, sizeof(sv->compare[i].answer));
	}

	p = sv->priv = xcalloc(1, sizeof(*p));
	p->engine = probe_engine_new();
	p->tcp = tcpcheck_new();
	if (p->engine == NULL || p->tcp == NULL) {
		survey_free(sv);
		return NULL;
	}
	p->timeout_ms = in->timeout_ms ? in->timeout_ms :
	    PROBE_DEFAULT_TIMEOUT_MS;
	p->tries = in->tries ? in->tries : PROBE_DEFAULT_TRIES;
	p->hints = in->hints;
	p->sys_ms = in->system_lookup_ms;
	p->service_port = in->service_port;
	if (in->expect_ip != NULL) {
		p->have_expect_ip = true;
		memcpy(&p->expect_ip, in->expect_ip, in->expect_ip_len);
		p->expect_ip_len = in->expect_ip_len;
	}
	if (in->nextra_addrs > 0) {
		p->extra_addrs = xcalloc(in->nextra_addrs,
		    sizeof(*p->extra_addrs));
		memcpy(p->extra_addrs, in->extra_addrs,
		    in->nextra_addrs * sizeof(*p->extra_addrs));
		p->nextra_addrs = in->nextra_addrs;
	}
	return sv;
}

void
survey_start(struct survey *sv)
{
	struct survey_private *p = sv->priv;
	size_t i;

	sv->started_us = probe_now_us();
	if (sv->syslookup_wanted &&
	    (p->sys = syslookup_start(sv->name, p->sys_ms)) == NULL)
		sv->syslookup_wanted = false;
	if (p->have_expect_ip)
		connect_to(sv, &p->expect_ip, p->expect_ip_len, true);
	for (i = 0; i < p->nextra_addrs; i++)
		connect_to(sv, &p->extra_addrs[i],
		    p->extra_addrs[i].ss_family == AF_INET ?
		    sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6),
		    false);
	for (i = 0; i < sv->nresolvers; i++)
		resolver_start(sv, &sv->resolvers[i]);
	if (sv->address_target) {
		struct sockaddr_storage ss;
		socklen_t len;

		if (probe_sockaddr_from_text(sv->name, 53, &ss, &len))
			connect_to(sv, &ss, len, false);
		sv->walk_done = true;
		return;
	}
	for (i = 0; i < sv->ncompare; i++)
		compare_start(sv, &sv->compare[i]);
	survey_walk_start(sv);
}

static void
free_results(struct probe_result **r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		probe_result_free(r[i]);
		r[i] = NULL;
	}
}

void
survey_free(struct survey *sv)
{
	struct survey_private *p;
	size_t i;

	if (sv == NULL)
		return;
	p = sv->priv;
	if (p != NULL) {
		/* Pending asks die with the engine, without callbacks. */
		while (p->asks != NULL) {
			struct ask *a = p->asks;

			p->asks = a->next;
			free(a);
		}
		probe_engine_free(p->engine);
		tcpcheck_free(p->tcp);
		syslookup_free(p->sys);
		survey_walk_free(sv);
		free(p->extra_addrs);
		free(p);
	}
	for (i = 0; i < SURVEY_MAX_LEVELS; i++)
		survey_level_free(&sv->levels[i]);
	for (i = 0; i < sv->nresolvers; i++) {
		struct survey_resolver *r = &sv->resolvers[i];

		free_results(&r->soa_udp, 1);
		free_results(&r->soa_tcp, 1);
		free_results(r->answer, SURVEY_MAX_TYPES);
		free_results(r->answer_cd, SURVEY_MAX_TYPES);
		free_results(&r->zone_ns, 1);
	}
	for (i = 0; i < sv->ncompare; i++)
		free_results(sv->compare[i].answer, SURVEY_MAX_TYPES);
	for (i = 0; i < sv->nauth; i++) {
		struct survey_auth *a = &sv->auth[i];

		free_results(a->answer, SURVEY_MAX_TYPES);
		free_results(&a->soa, 1);
		free_results(&a->dnskey, 1);
		free_results(&a->ns, 1);
	}
	free_results(&sv->primary.soa, 1);
	for (i = 0; i < sv->ntcp; i++)
		tcpcheck_result_free(sv->tcp[i].result);
	ldns_rdf_deep_free(sv->qname);
	free(sv);
}

/* --- the loop ----------------------------------------------------------- */

static int
auth_order(const void *a, const void *b)
{
	const struct survey_auth *x = a, *y = b;
	int c = strcasecmp(x->nsname, y->nsname);

	return c != 0 ? c : strcmp(x->text, y->text);
}

/* Once nothing is in flight (no ask points into auth[] any more), the
 * zone's servers go in name order: reports of the same world read the
 * same whatever order the answers came in. */
static void
survey_finish(struct survey *sv)
{
	if (sv->finished_us != 0)
		return;
	sv->finished_us = probe_now_us();
	qsort(sv->auth, sv->nauth, sizeof(sv->auth[0]), auth_order);
}

size_t
survey_pollfds(struct survey *sv, struct pollfd *fds, size_t cap)
{
	size_t n = probe_engine_pollfds(sv->priv->engine, fds, cap);

	return n + tcpcheck_pollfds(sv->priv->tcp, n < cap ? fds + n : NULL,
	    n < cap ? cap - n : 0);
}

int
survey_timeout_ms(const struct survey *sv)
{
	int t[3], best = -1;
	size_t i;

	t[0] = probe_engine_timeout_ms(sv->priv->engine);
	t[1] = tcpcheck_timeout_ms(sv->priv->tcp);
	t[2] = syslookup_timeout_ms(sv->priv->sys);
	for (i = 0; i < 3; i++)
		if (t[i] >= 0 && (best < 0 || t[i] < best))
			best = t[i];
	return best;
}

void
survey_handle(struct survey *sv, const struct pollfd *fds, size_t n)
{
	probe_engine_handle(sv->priv->engine, fds, n);
	tcpcheck_handle(sv->priv->tcp, fds, n);
	if (sv->priv->sys != NULL && sv->syslookup == NULL &&
	    syslookup_check(sv->priv->sys))
		sv->syslookup = syslookup_result(sv->priv->sys);
	if (survey_done(sv))
		survey_finish(sv);
}

bool
survey_done(const struct survey *sv)
{
	return probe_engine_pending(sv->priv->engine) == 0 &&
	    tcpcheck_pending(sv->priv->tcp) == 0 &&
	    (sv->priv->sys == NULL || sv->syslookup != NULL);
}

bool
survey_run(struct survey *sv, int max_wait_ms)
{
	uint64_t end = max_wait_ms < 0 ? 0 :
	    probe_now_us() + (uint64_t)max_wait_ms * 1000u;
	struct pollfd *fds = NULL;
	size_t cap = 0;

	while (!survey_done(sv)) {
		size_t n = survey_pollfds(sv, fds, cap);
		int timeout = survey_timeout_ms(sv);

		if (n == 0 && timeout < 0)
			break;		/* nothing to wait for: cannot happen */
		if (n > cap) {
			cap = n + 16;
			fds = xreallocarray(fds, cap, sizeof(*fds));
			continue;
		}
		if (end != 0) {
			uint64_t now = probe_now_us();
			int left;

			if (now >= end)
				break;
			left = (int)((end - now + 999) / 1000);
			if (timeout < 0 || timeout > left)
				timeout = left;
		}
		if (poll(fds, n, timeout) < 0 && errno != EINTR)
			break;
		survey_handle(sv, fds, n);
	}
	free(fds);
	if (survey_done(sv))
		survey_finish(sv);
	return survey_done(sv);
}

void
survey_progress(const struct survey *sv, size_t *done, size_t *total)
{
	*done = sv->priv->completed;
	*total = sv->priv->submitted;
}

const struct probe_engine *
survey_engine(const struct survey *sv)
{
	return sv->priv->engine;
}
