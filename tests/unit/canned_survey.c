/* canned_survey.c - see canned_survey.h. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/textfmt.h"
#include "dnstriage/verdict.h"
#include "canned_survey.h"

#define DEFAULT_FROM (-3600L)
#define DEFAULT_TO (30L * CANNED_DAY)

/* --- packets and results ------------------------------------------------ */

static ldns_rdf *
dname(const char *text)
{
	ldns_rdf *d = ldns_dname_new_frm_str(text);

	assert_non_null(d);
	return d;
}

static ldns_rr *
rr_new(const char *text)
{
	ldns_rr *rr = NULL;

	if (ldns_rr_new_frm_str(&rr, text, 3600, NULL, NULL) != LDNS_STATUS_OK)
		fail_msg("bad RR \"%s\"", text);
	return rr;
}

ldns_pkt *
canned_pkt(const char *qname, ldns_rr_type qtype, bool aa, int rcode)
{
	ldns_pkt *p = ldns_pkt_new();
	ldns_rr *q = ldns_rr_new();

	assert_non_null(p);
	ldns_pkt_set_qr(p, true);
	ldns_pkt_set_aa(p, aa);
	ldns_pkt_set_rcode(p, (uint8_t)rcode);
	ldns_rr_set_question(q, true);
	ldns_rr_set_owner(q, dname(qname));
	ldns_rr_set_type(q, qtype);
	ldns_rr_set_class(q, LDNS_RR_CLASS_IN);
	ldns_pkt_push_rr(p, LDNS_SECTION_QUESTION, q);
	ldns_pkt_set_edns_udp_size(p, 1232);
	ldns_pkt_set_edns_do(p, true);
	return p;
}

void
canned_pkt_add(ldns_pkt *p, ldns_pkt_section sec, const char *rr)
{
	ldns_pkt_push_rr(p, sec, rr_new(rr));
}

void
canned_pkt_add_list(ldns_pkt *p, ldns_pkt_section sec,
    const ldns_rr_list *list)
{
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(list); i++)
		ldns_pkt_push_rr(p, sec, ldns_rr_clone(ldns_rr_list_rr(list, i)));
}

/* Append one option to the OPT record's data. */
static void
pkt_option(ldns_pkt *p, uint16_t code, const uint8_t *data, uint16_t len)
{
	ldns_rdf *old = ldns_pkt_edns_data(p);
	size_t oldlen = old != NULL ? ldns_rdf_size(old) : 0;
	uint8_t *buf = xcalloc(1, oldlen + 4 + len);

	if (old != NULL)
		memcpy(buf, ldns_rdf_data(old), oldlen);
	buf[oldlen] = (uint8_t)(code >> 8);
	buf[oldlen + 1] = (uint8_t)code;
	buf[oldlen + 2] = (uint8_t)(len >> 8);
	buf[oldlen + 3] = (uint8_t)len;
	memcpy(buf + oldlen + 4, data, len);
	ldns_pkt_set_edns_data(p, ldns_rdf_new_frm_data(LDNS_RDF_TYPE_UNKNOWN,
	    oldlen + 4 + len, buf));
	ldns_rdf_deep_free(old);
	free(buf);
}

void
canned_pkt_expire(ldns_pkt *p, uint32_t seconds)
{
	uint8_t v[4] = { (uint8_t)(seconds >> 24), (uint8_t)(seconds >> 16),
	    (uint8_t)(seconds >> 8), (uint8_t)seconds };

	pkt_option(p, LDNS_EDNS_EXPIRE, v, 4);
}

void
canned_pkt_ede(ldns_pkt *p, uint16_t code, const char *text)
{
	size_t n = text != NULL ? strlen(text) : 0;
	uint8_t *v = xcalloc(1, 2 + n);

	v[0] = (uint8_t)(code >> 8);
	v[1] = (uint8_t)code;
	if (n > 0)
		memcpy(v + 2, text, n);
	pkt_option(p, 15, v, (uint16_t)(2 + n));
	free(v);
}

struct probe_result *
canned_result(ldns_pkt *pkt, const char *server)
{
	struct probe_result *r = xcalloc(1, sizeof(*r));

	r->outcome = PROBE_ANSWER;
	r->pkt = pkt;
	r->rtt_ms = 1.0;
	snprintf(r->server, sizeof(r->server), "%s", server);
	r->reproduce = xstrdup("dig @server");
	return r;
}

struct probe_result *
canned_timeout(const char *server)
{
	struct probe_result *r = canned_result(NULL, server);

	r->outcome = PROBE_TIMEOUT;
	r->rtt_ms = -1;
	return r;
}

struct probe_result *
canned_soa(const char *server, uint32_t serial, uint32_t refresh,
    uint32_t retry, uint32_t expire, uint32_t minimum)
{
	ldns_pkt *p = canned_pkt("example.test", LDNS_RR_TYPE_SOA, true,
	    LDNS_RCODE_NOERROR);
	char text[256];

	snprintf(text, sizeof(text), "example.test. 3600 IN SOA "
	    "ns1.example.test. hostmaster.example.test. %lu %lu %lu %lu %lu",
	    (unsigned long)serial, (unsigned long)refresh, (unsigned long)retry,
	    (unsigned long)expire, (unsigned long)minimum);
	canned_pkt_add(p, LDNS_SECTION_ANSWER, text);
	return canned_result(p, server);
}

struct probe_result *
canned_a(const char *server)
{
	ldns_pkt *p = canned_pkt("www.example.test", LDNS_RR_TYPE_A, true,
	    LDNS_RCODE_NOERROR);

	canned_pkt_add(p, LDNS_SECTION_ANSWER,
	    "www.example.test. 3600 IN A 127.0.80.80");
	return canned_result(p, server);
}

/* --- surveys ------------------------------------------------------------ */

static void
level_init(struct survey_level *l, const char *apex, const char *server)
{
	l->apex = dname(apex);
	snprintf(l->apex_text, sizeof(l->apex_text), "%s",
	    strcmp(apex, ".") == 0 ? "." : apex);
	l->nservers = 1;
	snprintf(l->servers[0].text, sizeof(l->servers[0].text), "%s", server);
	l->servers[0].asked = true;
	l->end = SURVEY_LEVEL_REFERRAL;
}

static void
auth_init(struct survey_auth *a, unsigned n)
{
	snprintf(a->nsname, sizeof(a->nsname), "ns%u.example.test", n);
	snprintf(a->text, sizeof(a->text), "127.0.3.%u#53", n);
}

struct survey *
canned_zone_survey(size_t nauth)
{
	struct survey *sv = xcalloc(1, sizeof(*sv));
	size_t i;

	sv->qname = dname("www.example.test");
	snprintf(sv->name, sizeof(sv->name), "www.example.test");
	sv->types[0] = LDNS_RR_TYPE_A;
	sv->ntypes = 1;
	level_init(&sv->levels[0], ".", "127.0.1.1#53");
	level_init(&sv->levels[1], "test", "127.0.2.1#53");
	level_init(&sv->levels[2], "example.test", "127.0.3.1#53");
	snprintf(sv->levels[1].ds_from, sizeof(sv->levels[1].ds_from),
	    "127.0.1.1#53");
	snprintf(sv->levels[2].ds_from, sizeof(sv->levels[2].ds_from),
	    "127.0.2.1#53");
	sv->levels[2].end = SURVEY_LEVEL_ZONE;
	sv->nlevels = 3;
	sv->zone = &sv->levels[2];
	sv->walk_done = true;
	for (i = 0; i < nauth && i < SURVEY_MAX_AUTH; i++)
		auth_init(&sv->auth[i], (unsigned)i + 1);
	sv->nauth = nauth;
	return sv;
}

/* A hand-built survey has no engine: survey_free() takes it all. */
void
canned_survey_free(struct survey *sv)
{
	survey_free(sv);
}

/* --- a signed world ----------------------------------------------------- */

static ldns_key_list *
make_key(const char *owner, uint16_t flags)
{
	ldns_key_list *kl = ldns_key_list_new();
	ldns_key *k = ldns_key_new_frm_algorithm(LDNS_SIGN_ECDSAP256SHA256, 256);
	ldns_rr *rr;

	assert_non_null(kl);
	assert_non_null(k);
	ldns_key_set_pubkey_owner(k, dname(owner));
	ldns_key_set_flags(k, flags);
	rr = ldns_key2rr(k);
	assert_non_null(rr);
	ldns_key_set_keytag(k, ldns_calc_keytag(rr));
	ldns_rr_free(rr);
	ldns_key_list_push_key(kl, k);
	return kl;
}

static ldns_rr *
key_rr(const struct canned_world *w, enum canned_key k)
{
	ldns_rr *rr = ldns_key2rr(ldns_key_list_key(w->keys[k], 0));

	ldns_rr_set_ttl(rr, 3600);
	return rr;
}

static struct canned_window
window(struct canned_window win)
{
	if (win.from == 0 && win.to == 0) {
		win.from = DEFAULT_FROM;
		win.to = DEFAULT_TO;
	}
	return win;
}

/* The RRSIGs of set by key k over window win. */
static ldns_rr_list *
sign(const struct canned_world *w, const ldns_rr_list *set,
    enum canned_key k, struct canned_window win)
{
	ldns_key *key = ldns_key_list_key(w->keys[k], 0);
	ldns_rr_list *sigs;

	win = window(win);
	ldns_key_set_inception(key, (uint32_t)(CANNED_NOW + win.from));
	ldns_key_set_expiration(key, (uint32_t)(CANNED_NOW + win.to));
	sigs = ldns_sign_public((ldns_rr_list *)set, w->keys[k]);
	assert_non_null(sigs);
	assert_int_equal(ldns_rr_list_rr_count(sigs), 1);
	return sigs;
}

static ldns_rr_list *
list_of(ldns_rr *first, ...)
{
	ldns_rr_list *l = ldns_rr_list_new();
	va_list ap;
	ldns_rr *rr;

	va_start(ap, first);
	for (rr = first; rr != NULL; rr = va_arg(ap, ldns_rr *))
		ldns_rr_list_push_rr(l, rr);
	va_end(ap);
	return l;
}

void
canned_add_signed(const struct canned_world *w, ldns_pkt *p,
    ldns_pkt_section sec, const char *rr, enum canned_key k,
    struct canned_window win)
{
	ldns_rr_list *set = list_of(rr_new(rr), NULL);
	ldns_rr_list *sigs = sign(w, set, k, win);

	canned_pkt_add_list(p, sec, set);
	canned_pkt_add_list(p, sec, sigs);
	ldns_rr_list_deep_free(set);
	ldns_rr_list_deep_free(sigs);
}

/* A DNSKEY answer of apex with its keys, signed by the KSK. */
static struct probe_result *
dnskey_answer(const struct canned_world *w, const char *apex,
    enum canned_key ksk, enum canned_key zsk, struct canned_window win,
    const char *server)
{
	ldns_pkt *p = canned_pkt(apex, LDNS_RR_TYPE_DNSKEY, true,
	    LDNS_RCODE_NOERROR);
	ldns_rr_list *set = list_of(key_rr(w, ksk), key_rr(w, zsk), NULL);
	ldns_rr_list *sigs = sign(w, set, ksk, win);

	canned_pkt_add_list(p, LDNS_SECTION_ANSWER, set);
	canned_pkt_add_list(p, LDNS_SECTION_ANSWER, sigs);
	ldns_rr_list_deep_free(set);
	ldns_rr_list_deep_free(sigs);
	return canned_result(p, server);
}

/* The referral from parent to child: NS, glue, and DS (with RRSIG) or
 * the NSEC that proves there is none. */
static void
delegate(struct canned_world *w, struct survey_level *parent,
    struct survey_level *child, const char *child_name, const char *ns,
    const char *glue, enum canned_key parent_zsk, struct canned_window win,
    const ldns_rr *child_ksk, bool insecure)
{
	ldns_pkt *p = canned_pkt("www.example.test", LDNS_RR_TYPE_A, false,
	    LDNS_RCODE_NOERROR);
	char text[512];

	snprintf(text, sizeof(text), "%s. 3600 IN NS %s.", child_name, ns);
	canned_pkt_add(p, LDNS_SECTION_AUTHORITY, text);
	snprintf(text, sizeof(text), "%s. 3600 IN A %s", ns, glue);
	canned_pkt_add(p, LDNS_SECTION_ADDITIONAL, text);
	if (!insecure) {
		ldns_rr *ds = ldns_key_rr2ds(child_ksk, LDNS_SHA256);

		ldns_rr_set_ttl(ds, 3600);
		child->ds = list_of(ds, NULL);
		child->ds_sigs = sign(w, child->ds, parent_zsk, win);
		canned_pkt_add_list(p, LDNS_SECTION_AUTHORITY, child->ds);
		canned_pkt_add_list(p, LDNS_SECTION_AUTHORITY, child->ds_sigs);
	} else {
		ldns_rr_list *nsec, *sigs;

		snprintf(text, sizeof(text), "%s. 3600 IN NSEC nic.test. NS RRSIG "
		    "NSEC", child_name);
		nsec = list_of(rr_new(text), NULL);
		sigs = sign(w, nsec, parent_zsk, win);
		child->ds_denied = true;
		child->ds_denial = ldns_rr_list_clone(nsec);
		ldns_rr_list_cat(child->ds_denial, sigs);
		canned_pkt_add_list(p, LDNS_SECTION_AUTHORITY, child->ds_denial);
		ldns_rr_list_deep_free(nsec);
		ldns_rr_list_free(sigs);
	}
	parent->servers[0].result = canned_result(p, parent->servers[0].text);
	parent->winner = 0;
}

/* The signed answer of one server of example.test. */
static struct probe_result *
zone_answer(const struct canned_world *w, const struct canned_spec *spec,
    const char *server)
{
	static const char *const nsec_full[] = {
		"example.test. 3600 IN NSEC mail.example.test. NS SOA MX RRSIG "
		"NSEC DNSKEY",
		"mail.example.test. 3600 IN NSEC ns1.example.test. A RRSIG NSEC",
		NULL
	};
	static const char *const nsec_broken[] = {
		"ns2.example.test. 3600 IN NSEC www.example.test. A RRSIG NSEC",
		NULL
	};
	const char *const *nsecs;
	ldns_pkt *p;
	ldns_rr_list *set, *sigs;
	size_t i;

	if (spec->answer == CANNED_A) {
		p = canned_pkt("www.example.test", LDNS_RR_TYPE_A, true,
		    LDNS_RCODE_NOERROR);
		set = list_of(rr_new("www.example.test. 3600 IN A 127.0.80.80"),
		    NULL);
		sigs = sign(w, set, KEY_ZONE_ZSK, spec->zone);
		if (spec->tamper_answer) {
			ldns_rr_list_deep_free(set);
			set = list_of(rr_new("www.example.test. 3600 IN A "
			    "127.0.80.81"), NULL);
		}
		canned_pkt_add_list(p, LDNS_SECTION_ANSWER, set);
		canned_pkt_add_list(p, LDNS_SECTION_ANSWER, sigs);
		ldns_rr_list_deep_free(set);
		ldns_rr_list_deep_free(sigs);
		return canned_result(p, server);
	}
	p = canned_pkt("nosuch.example.test", LDNS_RR_TYPE_A, true,
	    LDNS_RCODE_NXDOMAIN);
	canned_add_signed(w, p, LDNS_SECTION_AUTHORITY, "example.test. 3600 IN "
	    "SOA ns1.example.test. hostmaster.example.test. 2026010100 3600 600 "
	    "1209600 3600", KEY_ZONE_ZSK, spec->zone);
	nsecs = spec->answer == CANNED_NXDOMAIN ? nsec_full : nsec_broken;
	for (i = 0; nsecs[i] != NULL; i++)
		canned_add_signed(w, p, LDNS_SECTION_AUTHORITY, nsecs[i],
		    KEY_ZONE_ZSK, spec->zone);
	return canned_result(p, server);
}

/* NODATA for www.example.test AAAA: the SOA and the NSEC at the name. */
static struct probe_result *
nodata_answer(const struct canned_world *w, const struct canned_spec *spec,
    const char *server)
{
	static const char *const rrs[] = {
		"example.test. 3600 IN SOA ns1.example.test. "
		"hostmaster.example.test. 2026010100 3600 600 1209600 3600",
		"www.example.test. 3600 IN NSEC example.test. A RRSIG NSEC",
		NULL
	};
	ldns_pkt *p = canned_pkt("www.example.test", LDNS_RR_TYPE_AAAA, true,
	    LDNS_RCODE_NOERROR);
	size_t i;

	for (i = 0; rrs[i] != NULL; i++)
		canned_add_signed(w, p, LDNS_SECTION_AUTHORITY, rrs[i],
		    KEY_ZONE_ZSK, spec->zone);
	return canned_result(p, server);
}

static void
world_anchor(struct canned_world *w, bool dnskey_form)
{
	ldns_rr *ksk = key_rr(w, KEY_ROOT_KSK);

	memset(&w->anchor, 0, sizeof(w->anchor));
	snprintf(w->anchor.source, sizeof(w->anchor.source), "canned");
	if (dnskey_form) {
		w->anchor.rrs = list_of(ksk, NULL);
		return;
	}
	w->anchor.rrs = list_of(ldns_key_rr2ds(ksk, LDNS_SHA256), NULL);
	ldns_rr_free(ksk);
}

struct canned_world *
canned_world_new(const struct canned_spec *spec)
{
	static const char *const owners[KEY_COUNT] = {
		".", ".", "test", "test", "example.test", "example.test",
		"example.test"
	};
	static const uint16_t flags[KEY_COUNT] = { 257, 256, 257, 256, 257,
		256, 257 };
	struct canned_world *w = xcalloc(1, sizeof(*w));
	struct survey *sv;
	ldns_rr *ksk;
	size_t i;

	for (i = 0; i < KEY_COUNT; i++) {
		w->keys[i] = make_key(owners[i], flags[i]);
		w->tags[i] = ldns_key_keytag(ldns_key_list_key(w->keys[i], 0));
	}
	sv = w->sv = canned_zone_survey(2);
	if (spec->answer != CANNED_A) {
		ldns_rdf_deep_free(sv->qname);
		sv->qname = dname("nosuch.example.test");
		snprintf(sv->name, sizeof(sv->name), "nosuch.example.test");
	}
	world_anchor(w, spec->anchor_dnskey);

	sv->levels[0].dnskey = dnskey_answer(w, ".", KEY_ROOT_KSK,
	    KEY_ROOT_ZSK, spec->root, "127.0.1.1#53");
	ksk = key_rr(w, KEY_TLD_KSK);
	delegate(w, &sv->levels[0], &sv->levels[1], "test", "ns1.nic.test",
	    "127.0.2.1", KEY_ROOT_ZSK, spec->root, ksk, false);
	ldns_rr_free(ksk);
	sv->levels[1].dnskey = dnskey_answer(w, "test", KEY_TLD_KSK,
	    KEY_TLD_ZSK, spec->tld, "127.0.2.1#53");
	ksk = key_rr(w, spec->rogue_ds ? KEY_ROGUE : KEY_ZONE_KSK);
	delegate(w, &sv->levels[1], &sv->levels[2], "example.test",
	    "ns1.example.test", "127.0.3.1", KEY_TLD_ZSK, spec->tld, ksk,
	    spec->insecure);
	ldns_rr_free(ksk);
	if (spec->zone_no_dnskey || spec->insecure) {
		ldns_pkt *p = canned_pkt("example.test", LDNS_RR_TYPE_DNSKEY,
		    true, LDNS_RCODE_NOERROR);

		canned_pkt_add(p, LDNS_SECTION_AUTHORITY, "example.test. 3600 IN "
		    "SOA ns1.example.test. hostmaster.example.test. 2026010100 "
		    "3600 600 1209600 3600");
		sv->levels[2].dnskey = canned_result(p, "127.0.3.1#53");
	} else {
		sv->levels[2].dnskey = dnskey_answer(w, "example.test",
		    KEY_ZONE_KSK, KEY_ZONE_ZSK, spec->zone, "127.0.3.1#53");
	}
	if (spec->with_aaaa) {
		sv->types[1] = LDNS_RR_TYPE_AAAA;
		sv->ntypes = 2;
	}
	for (i = 0; i < sv->nauth; i++) {
		sv->auth[i].answer[0] = zone_answer(w, spec, sv->auth[i].text);
		if (spec->with_aaaa)
			sv->auth[i].answer[1] = nodata_answer(w, spec,
			    sv->auth[i].text);
	}
	return w;
}

void
canned_world_free(struct canned_world *w)
{
	size_t i;

	if (w == NULL)
		return;
	canned_survey_free(w->sv);
	rootdata_free(&w->anchor);
	for (i = 0; i < KEY_COUNT; i++)
		ldns_key_list_free(w->keys[i]);
	free(w);
}

struct step_input
canned_input(const struct canned_world *w)
{
	struct step_input in;

	memset(&in, 0, sizeof(in));
	in.sv = w->sv;
	in.final = true;
	in.anchor = &w->anchor;
	in.timeout_ms = 2000;
	in.now = CANNED_NOW;
	in.expiry_warn_days = 14;
	return in;
}

/* --- assertions --------------------------------------------------------- */

enum failure_code
canned_verdict_alone(struct triage *t, enum step_id only)
{
	size_t s;

	for (s = 0; s < STEP_COUNT; s++)
		if (s != only)
			step_skip(&t->steps[s], "not part of this test", NULL);
	verdict_choose(t);
	return t->verdict.code;
}

size_t
canned_count(const struct step_result *s, enum finding_code c)
{
	size_t i, n = 0;

	for (i = 0; i < s->nfindings; i++)
		n += s->findings[i]->code == c;
	return n;
}

const struct finding *
canned_nth(const struct step_result *s, enum finding_code c, size_t n)
{
	size_t i;

	for (i = 0; i < s->nfindings; i++)
		if (s->findings[i]->code == c && n-- == 0)
			return s->findings[i];
	fail_msg("no finding %s", knowledge_finding_code(c)->name);
	return NULL;
}

size_t
canned_problems(const struct step_result *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->nfindings; i++)
		n += severity_is_problem(s->findings[i]->severity);
	return n;
}

void
canned_assert_fact(const struct finding *f, enum fact k, const char *want)
{
	char buf[128];
	const char *got = finding_fact(f, k, buf, sizeof(buf));

	assert_non_null(got);
	assert_string_equal(got, want);
}
