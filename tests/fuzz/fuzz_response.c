/* fuzz_response.c - libFuzzer target: DNS answers as they come off the
 * wire, through everything that reads them, into findings and reports.
 *
 * Input: a 4-byte big-endian time (the "now" signatures are judged at),
 * then messages, each led by a 2-byte big-endian length as over TCP.
 * Every message is first read on its own (dnsmsg.h, referral.h against
 * each zone of the path). Then the messages fill, in order, the probe
 * slots of a survey of www.example.test A, as the engine would: a walk
 * from the root (one answer per level, classified by referral.h; a
 * delegation opens the next level), the DNSKEY of each level, four
 * answers from each of two name servers of the zone (the name, SOA,
 * DNSKEY, NS), five from a resolver (". SOA" over UDP and TCP, the name,
 * the name with CD, the zone's NS) and one from a compare resolver. A
 * message passes the engine's own acceptance check first
 * (probe_match_reply(): header, question); one of length 0 is a timeout,
 * of length 1 to 11 another failure. The five steps analyse the survey
 * and both reports are rendered. The root's KSKs are the trust anchor.
 *
 * Built with -fsanitize=fuzzer for libFuzzer, or with replay.c for
 * `make check` over the committed corpus. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include <ldns/ldns.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/finding.h"
#include "dnstriage/probe.h"
#include "dnstriage/referral.h"
#include "dnstriage/report.h"
#include "dnstriage/rootdata.h"
#include "dnstriage/steps.h"
#include "dnstriage/survey.h"
#include "dnstriage/sysconf.h"
#include "dnstriage/textfmt.h"

#include "fuzz.h"

#define QNAME "www.example.test"
#define MAX_WALK 4		/* levels of the walk the input may open */
#define NAUTH 2

struct input {
	const uint8_t *p;
	size_t left;
};

/* The next message; false at the end of the input. */
static bool
next_msg(struct input *in, const uint8_t **msg, size_t *len)
{
	size_t n;

	if (in->left < 2)
		return false;
	n = (size_t)in->p[0] << 8 | in->p[1];
	in->p += 2;
	in->left -= 2;
	if (n > in->left)
		n = in->left;
	*msg = in->p;
	*len = n;
	in->p += n;
	in->left -= n;
	return true;
}

/* Everything pure that reads one message. */
static void
read_alone(const ldns_pkt *pkt, const ldns_rdf *qname, const ldns_rdf *zone)
{
	char flags[DNSMSG_FLAGS_STRLEN], text[256];
	uint16_t ede[DNSMSG_MAX_EDE];
	struct referral ref;
	uint32_t u32;
	ldns_rr_list *l;

	dnsmsg_flags(pkt, flags, sizeof(flags));
	(void)dnsmsg_rcode(pkt);
	(void)dnsmsg_ede(pkt, ede, DNSMSG_MAX_EDE);
	(void)dnsmsg_ede_text(pkt, text, sizeof(text));
	(void)dnsmsg_edns_expire(pkt, &u32);
	(void)dnsmsg_nsid(pkt, text, sizeof(text));
	l = dnsmsg_answer_rrset(pkt, qname, LDNS_RR_TYPE_A);
	ldns_rr_list_deep_free(l);
	free(dnsmsg_answer_text(pkt, qname, LDNS_RR_TYPE_A));
	(void)dnsmsg_answer_ttl(pkt, qname, LDNS_RR_TYPE_A, &u32);
	free(dnsmsg_cname_target(pkt, qname));
	(void)dnsmsg_negative_soa(pkt, text, sizeof(text), &u32);
	free(dnsmsg_render(pkt));
	if (ldns_rr_list_rr_count(ldns_pkt_question(pkt)) > 0) {
		const ldns_rr *q = ldns_rr_list_rr(ldns_pkt_question(pkt), 0);
		const ldns_rdf *owner = ldns_rr_owner(q);

		if (owner != NULL && dnsmsg_is_name(owner)) {
			dnsmsg_dname_text(owner, text, sizeof(text));
			free(dnsmsg_answer_text(pkt, owner,
			    ldns_rr_get_type(q)));
			(void)dnsmsg_name_at_or_below(owner, zone);
			(void)dnsmsg_name_below(owner, zone);
		}
	}
	memset(&ref, 0, sizeof(ref));
	if (referral_classify(pkt, zone, qname, LDNS_RR_TYPE_A, &ref) !=
	    REFERRAL_ERROR && ref.ns != NULL &&
	    ldns_rr_list_rr_count(ref.ns) > 0) {
		ldns_rr *glue[8];

		(void)referral_glue_for(&ref,
		    ldns_rr_rdf(ldns_rr_list_rr(ref.ns, 0), 0), glue, 8);
	}
	(void)referral_kind_str(ref.kind);
	referral_free(&ref);
}

/* A probe result for server/qname/qtype as the engine would deliver it
 * from this message (NULL message: never answered). */
static struct probe_result *
result_from(const char *server, const ldns_rdf *qname, ldns_rr_type qtype,
    bool rd, const uint8_t *msg, size_t len, bool have)
{
	struct probe_result *res = xcalloc(1, sizeof(*res));
	char addr[PROBE_SERVER_STRLEN], dig[1024];
	const char *hash = strrchr(server, '#');
	size_t n = hash != NULL ? (size_t)(hash - server) : strlen(server);
	struct probe_expect x;
	ldns_pkt *pkt = NULL;
	enum probe_match m;

	memcpy(addr, server, n);
	addr[n] = '\0';
	probe_spec_init(&res->spec);
	(void)probe_spec_set_server(&res->spec, addr, 53);
	res->spec.qname = ldns_rdf_clone(qname);
	res->spec.name = ldns_rdf2str(qname);
	res->spec.type = qtype;
	res->spec.rr_class = LDNS_RR_CLASS_IN;
	res->spec.rd = rd;
	res->spec.dnssec_ok = true;
	res->spec.edns_bufsize = 1232;
	snprintf(res->server, sizeof(res->server), "%s", server);
	if (probe_render_dig(&res->spec, dig, sizeof(dig)))
		res->reproduce = xstrdup(dig);
	res->rtt_ms = -1;
	res->elapsed_ms = 2000;
	res->transmissions = 2;
	res->outcome = PROBE_TIMEOUT;
	if (!have || len == 0)
		return res;
	if (len < LDNS_HEADER_SIZE) {
		res->outcome = (enum probe_outcome)(1 + msg[0] %
		    (PROBE_OUTCOME_COUNT - 1));
		res->elapsed_ms = 0.2;
		return res;
	}
	memset(&x, 0, sizeof(x));
	x.id = ldns_read_uint16(msg);
	x.qname = qname;
	x.type = qtype;
	x.rr_class = LDNS_RR_CLASS_IN;
	m = probe_match_reply(&x, msg, len, NULL, 0, &pkt);
	if (m == PROBE_MATCH_OK && pkt == NULL)
		m = PROBE_MATCH_MALFORMED;
	if (m != PROBE_MATCH_OK && m != PROBE_MATCH_MALFORMED) {
		res->ignored = 1;
		return res;
	}
	res->wire = xcalloc(1, len);
	memcpy(res->wire, msg, len);
	res->wire_len = len;
	res->pkt = pkt;
	res->id = x.id;
	res->outcome = m == PROBE_MATCH_OK ? PROBE_ANSWER : PROBE_MALFORMED;
	res->rtt_ms = 1.5;
	res->elapsed_ms = 1.5;
	res->transmissions = 1;
	return res;
}

static struct probe_result *
take(struct input *in, const char *server, const ldns_rdf *qname,
    ldns_rr_type qtype, bool rd)
{
	const uint8_t *msg = NULL;
	size_t len = 0;
	bool have = next_msg(in, &msg, &len);

	return result_from(server, qname, qtype, rd, msg, len, have);
}

/* The server of a level: the first glue address of the referral that
 * opened it, else a made-up loopback address. */
static void
level_server(struct survey_level *l, size_t L, const struct referral *ref)
{
	struct survey_level_server *s = &l->servers[l->nservers++];
	ldns_rr *glue[1];
	char name[LDNS_MAX_DOMAINLEN + 2] = "ns.invalid";

	memset(s, 0, sizeof(*s));
	snprintf(s->text, sizeof(s->text), "127.0.%u.1#53", (unsigned)L + 1);
	if (ref != NULL && ref->ns != NULL &&
	    ldns_rr_list_rr_count(ref->ns) > 0) {
		const ldns_rdf *ns =
		    ldns_rr_rdf(ldns_rr_list_rr(ref->ns, 0), 0);

		dnsmsg_dname_text(ns, name, sizeof(name));
		if (referral_glue_for(ref, ns, glue, 1) == 1 &&
		    ldns_rr_rd_count(glue[0]) == 1) {
			size_t sslen = 0;
			struct sockaddr_storage *ss =
			    ldns_rdf2native_sockaddr_storage(
			    ldns_rr_rdf(glue[0], 0), 53, &sslen);

			if (ss != NULL) {
				memcpy(&s->addr, ss, sslen);
				s->addrlen = (socklen_t)sslen;
				(void)probe_format_server((const struct
				    sockaddr *)&s->addr, s->addrlen, s->text,
				    sizeof(s->text));
			}
			free(ss);
		}
	}
	s->nsname = xstrdup(name);
	s->asked = true;
	s->from_glue = ref != NULL;
}

static void
walk(struct survey *sv, struct input *in)
{
	struct referral ref;
	size_t L;

	memset(&ref, 0, sizeof(ref));
	for (L = 0; L < MAX_WALK; L++) {
		struct survey_level *l = &sv->levels[L];
		struct survey_level_server *s;
		enum referral_kind k;

		memset(l, 0, sizeof(*l));
		if (L == 0)
			l->apex = ldns_dname_new_frm_str(".");
		else {
			struct survey_level *p = &sv->levels[L - 1];

			l->apex = ldns_rdf_clone(ref.child);
			l->delegation_ns = ref.ns != NULL ?
			    ldns_rr_list_clone(ref.ns) : NULL;
			l->ds = ref.ds != NULL ? ldns_rr_list_clone(ref.ds) :
			    NULL;
			l->ds_sigs = ref.ds_sigs != NULL ?
			    ldns_rr_list_clone(ref.ds_sigs) : NULL;
			l->ds_denied = ref.ds_denied;
			l->ds_denial = ref.denial != NULL ?
			    ldns_rr_list_clone(ref.denial) : NULL;
			memcpy(l->ds_from, p->servers[p->winner].text,
			    sizeof(l->ds_from));
		}
		dnsmsg_dname_text(l->apex, l->apex_text, sizeof(l->apex_text));
		sv->nlevels = L + 1;
		level_server(l, L, L == 0 ? NULL : &ref);
		referral_free(&ref);
		s = &l->servers[0];
		s->result = take(in, s->text, sv->qname, LDNS_RR_TYPE_A,
		    false);
		l->end = SURVEY_LEVEL_FAILED;
		if (s->result->outcome != PROBE_ANSWER)
			break;
		k = referral_classify(s->result->pkt, l->apex, sv->qname,
		    LDNS_RR_TYPE_A, &ref);
		if (k == REFERRAL_DELEGATION && L + 1 < MAX_WALK) {
			l->end = SURVEY_LEVEL_REFERRAL;
			continue;
		}
		if (k == REFERRAL_ANSWER || k == REFERRAL_NODATA ||
		    k == REFERRAL_NXDOMAIN) {
			l->end = SURVEY_LEVEL_ZONE;
			sv->zone = l;
			if (l->delegation_ns == NULL && ref.ns != NULL)
				l->delegation_ns = ldns_rr_list_clone(ref.ns);
		}
		break;
	}
	referral_free(&ref);
	if (sv->zone == NULL)
		sv->walk_error = "all-failed";
	sv->walk_done = true;
	for (L = 0; L < sv->nlevels; L++)
		sv->levels[L].dnskey = take(in, sv->levels[L].servers[0].text,
		    sv->levels[L].apex, LDNS_RR_TYPE_DNSKEY, false);
}

/* The NS names of the zone, and two of their addresses asked directly. */
static void
authoritative(struct survey *sv, struct input *in)
{
	struct survey_level *z = &sv->levels[sv->nlevels - 1];
	const ldns_rr_list *ns = z->delegation_ns;
	size_t i;

	for (i = 0; ns != NULL && i < ldns_rr_list_rr_count(ns) &&
	    z->nnsnames < SURVEY_MAX_NSNAMES; i++) {
		struct survey_nsname *n = &z->nsnames[z->nnsnames++];

		memset(n, 0, sizeof(*n));
		dnsmsg_dname_text(ldns_rr_rdf(ldns_rr_list_rr(ns, i), 0),
		    n->name, sizeof(n->name));
		n->state = i < NAUTH ? SURVEY_NSNAME_GLUE :
		    SURVEY_NSNAME_UNRESOLVED;
		n->in_delegation = true;
		n->in_zone_ns = true;
		n->naddrs = i < NAUTH;
	}
	for (i = 0; i < NAUTH; i++) {
		struct survey_auth *a = &sv->auth[sv->nauth++];
		char addr[INET_ADDRSTRLEN];
		size_t t;

		memset(a, 0, sizeof(*a));
		snprintf(a->nsname, sizeof(a->nsname), "%s",
		    i < z->nnsnames ? z->nsnames[i].name : "ns.invalid");
		snprintf(addr, sizeof(addr), "127.0.3.%u", (unsigned)i + 1);
		(void)probe_sockaddr_from_text(addr, 53, &a->addr,
		    &a->addrlen);
		snprintf(a->text, sizeof(a->text), "%s#53", addr);
		a->from_glue = true;
		for (t = 0; t < sv->ntypes; t++)
			a->answer[t] = take(in, a->text, sv->qname,
			    sv->types[t], false);
		a->soa = take(in, a->text, z->apex, LDNS_RR_TYPE_SOA, false);
		a->dnskey = take(in, a->text, z->apex, LDNS_RR_TYPE_DNSKEY,
		    false);
		a->ns = take(in, a->text, z->apex, LDNS_RR_TYPE_NS, false);
	}
	/* The primary the first SOA names: one of them, or not found. */
	for (i = 0; i < sv->nauth; i++) {
		const struct probe_result *r = sv->auth[i].soa;
		ldns_rr_list *soa;
		size_t k;

		if (r->pkt == NULL || (soa = dnsmsg_answer_rrset(r->pkt,
		    z->apex, LDNS_RR_TYPE_SOA)) == NULL)
			continue;
		dnsmsg_dname_text(ldns_rr_rdf(ldns_rr_list_rr(soa, 0), 0),
		    sv->mname, sizeof(sv->mname));
		ldns_rr_list_deep_free(soa);
		sv->primary_state = SURVEY_NSNAME_UNRESOLVED;
		for (k = 0; k < sv->nauth; k++)
			if (strcasecmp(sv->auth[k].nsname, sv->mname) == 0)
				sv->primary_listed = true;
		break;
	}
}

static void
resolvers(struct survey *sv, struct input *in)
{
	struct survey_resolver *r = &sv->resolvers[sv->nresolvers++];
	struct survey_compare *c = &sv->compare[sv->ncompare++];
	ldns_rdf *root = ldns_dname_new_frm_str(".");
	size_t t;

	memset(r, 0, sizeof(*r));
	(void)probe_sockaddr_from_text("127.0.5.1", 53, &r->addr, &r->addrlen);
	snprintf(r->text, sizeof(r->text), "127.0.5.1#53");
	r->origin = SURVEY_FROM_OPTION;
	r->ns_index = -1;
	r->used = true;
	r->soa_udp = take(in, r->text, root, LDNS_RR_TYPE_SOA, true);
	r->soa_tcp = take(in, r->text, root, LDNS_RR_TYPE_SOA, true);
	for (t = 0; t < sv->ntypes; t++) {
		r->answer[t] = take(in, r->text, sv->qname, sv->types[t], true);
		if (r->answer[t]->pkt != NULL &&
		    ldns_pkt_get_rcode(r->answer[t]->pkt) ==
		    LDNS_RCODE_SERVFAIL)
			r->answer_cd[t] = take(in, r->text, sv->qname,
			    sv->types[t], true);
	}
	if (sv->zone != NULL)
		r->zone_ns = take(in, r->text, sv->zone->apex,
		    LDNS_RR_TYPE_NS, true);
	ldns_rdf_deep_free(root);

	memset(c, 0, sizeof(*c));
	(void)probe_sockaddr_from_text("127.0.5.2", 53, &c->addr, &c->addrlen);
	snprintf(c->text, sizeof(c->text), "127.0.5.2#53");
	for (t = 0; t < sv->ntypes; t++)
		c->answer[t] = take(in, c->text, sv->qname, sv->types[t], true);
}

/* The KSKs of the root's DNSKEY answer, as the trust anchor. */
static void
anchor_from_root(const struct survey *sv, struct rootdata *anchor)
{
	const struct probe_result *r = sv->levels[0].dnskey;
	ldns_rr_list *keys;
	size_t i;

	memset(anchor, 0, sizeof(*anchor));
	snprintf(anchor->source, sizeof(anchor->source), "fuzz");
	if (r == NULL || r->pkt == NULL || (keys = dnsmsg_answer_rrset(r->pkt,
	    sv->levels[0].apex, LDNS_RR_TYPE_DNSKEY)) == NULL)
		return;
	anchor->rrs = ldns_rr_list_new();
	for (i = 0; i < ldns_rr_list_rr_count(keys); i++) {
		ldns_rr *k = ldns_rr_list_rr(keys, i);

		if (ldns_rr_rd_count(k) == 4 &&
		    (ldns_rdf2native_int16(ldns_rr_rdf(k, 0)) & 1) != 0)
			ldns_rr_list_push_rr(anchor->rrs, ldns_rr_clone(k));
	}
	ldns_rr_list_deep_free(keys);
}

/* Where the reports go: nowhere, or with FUZZ_SHOW_REPORT set (to see
 * what an input makes of the survey) standard output. */
static FILE *
sink(void)
{
	static FILE *out;

	if (out == NULL && getenv("FUZZ_SHOW_REPORT") != NULL)
		out = stdout;
	if (out == NULL && (out = fopen("/dev/null", "w")) == NULL)
		abort();
	return out;
}

/* glibc's usual hosts: line, read once. */
static const struct sysconf_nsswitch *
nsswitch(void)
{
	static const char line[] = "hosts: files dns\n";
	static struct sysconf_nsswitch nss;
	static bool loaded;

	if (!loaded) {
		(void)sysconf_load_nsswitch_hosts(fuzz_input_file(
		    (const uint8_t *)line, sizeof(line) - 1), &nss);
		loaded = true;
	}
	return &nss;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };
	const uint8_t *msg;
	size_t len;
	struct survey *sv;
	struct triage *t;
	struct step_input si;
	struct rootdata anchor;
	ldns_rdf *zones[3];
	time_t now;
	size_t i;

	if (size < 4)
		return 0;
	now = (time_t)((uint32_t)data[0] << 24 | (uint32_t)data[1] << 16 |
	    (uint32_t)data[2] << 8 | data[3]);
	in.p += 4;
	in.left -= 4;

	sv = xcalloc(1, sizeof(*sv));
	sv->qname = ldns_dname_new_frm_str(QNAME);
	snprintf(sv->name, sizeof(sv->name), "%s", QNAME);
	sv->types[0] = LDNS_RR_TYPE_A;
	sv->ntypes = 1;

	/* Each message alone, against each zone of the path. */
	zones[0] = ldns_dname_new_frm_str(".");
	zones[1] = ldns_dname_new_frm_str("test.");
	zones[2] = ldns_dname_new_frm_str("example.test.");
	{
		struct input alone = in;

		for (i = 0; next_msg(&alone, &msg, &len); i++) {
			ldns_pkt *pkt = NULL;

			if (ldns_wire2pkt(&pkt, msg, len) != LDNS_STATUS_OK)
				continue;
			read_alone(pkt, sv->qname, zones[i % 3]);
			ldns_pkt_free(pkt);
		}
	}
	for (i = 0; i < 3; i++)
		ldns_rdf_deep_free(zones[i]);

	/* All of them as one survey. */
	walk(sv, &in);
	if (sv->zone != NULL)
		authoritative(sv, &in);
	resolvers(sv, &in);
	anchor_from_root(sv, &anchor);

	t = triage_new(sv->name);
	triage_add_type(t, "A");
	triage_set_version(t, PACKAGE_VERSION);
	memset(&si, 0, sizeof(si));
	si.sv = sv;
	si.nss = nsswitch();
	si.final = true;
	si.anchor = anchor.rrs != NULL ? &anchor : NULL;
	si.timeout_ms = 2000;
	si.now = now;
	si.at_given = true;
	si.expiry_warn_days = 7;
	t->started = now;
	steps_analyze_all(&si, t);
	(void)report_text(sink(), t);
	(void)report_json(sink(), t);

	triage_free(t);
	rootdata_free(&anchor);
	survey_free(sv);
	return 0;
}
