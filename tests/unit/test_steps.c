/* test_steps.c - the analyses of the scope, resolvers and authoritative
 * steps, rule by rule, on canned surveys (canned.h): no socket, no engine.
 *
 * Every test starts from one healthy world and breaks one thing in it:
 *   www.example.test   A 127.0.80.80, AAAA 2001:db8::80 (when asked)
 *   resolv.conf        127.0.2.1, 127.0.2.2 (tests/fixtures/steps/)
 *   the walk           . -> test -> example.test
 *   example.test       ns1.example.test 127.0.4.1, ns2.example.test 127.0.4.2
 * then runs all five analyses and the verdict (steps_analyze_all) and
 * checks the findings, their facts, the step status and the verdict. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dnstriage/finding.h"
#include "dnstriage/report.h"
#include "dnstriage/steps.h"
#include "dnstriage/survey.h"
#include "dnstriage/sysconf.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/verdict.h"
#include "canned.h"

#define FX(name) FIXTURES "/steps/" name

#define NAME "www.example.test"
#define ZONE "example.test"
#define ADDR4 "127.0.80.80"
#define ADDR6 "2001:db8::80"
#define R1 "127.0.2.1#53"
#define R2 "127.0.2.2#53"
#define NS1 "127.0.4.1"
#define NS2 "127.0.4.2"
#define NS_RRS "au example.test. 3600 IN NS ns1.example.test.", \
	"au example.test. 3600 IN NS ns2.example.test."
#define SOA_DATA "ns1.example.test. hostmaster.example.test. " \
	"2026112401 3600 600 86400 300"

/* --- the world ---------------------------------------------------------- */

struct world_opts {
	const char *resolv;	/* default two.resolv.conf */
	const char *nsswitch;	/* default files-dns.nsswitch */
	const char *hosts;	/* default plain.hosts */
	bool aaaa;		/* ask AAAA as well as A */
	uint16_t port;		/* service port; its addresses connect */
	bool walk_failed;	/* the walk died at the root */
};

struct world {
	struct survey *sv;
	struct sysconf_resolv resolv;
	struct sysconf_nsswitch nss;
	struct sysconf_hosts hosts;
	struct step_input in;
	struct triage *t;
};

static time_t
fixed_time(void)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 2026 - 1900;
	tm.tm_mon = 10;
	tm.tm_mday = 24;
	tm.tm_hour = 10;
	tm.tm_min = 2;
	tm.tm_sec = 3;
	return timegm(&tm);
}

static const char *
type_addr(ldns_rr_type type)
{
	return type == LDNS_RR_TYPE_AAAA ? ADDR6 : ADDR4;
}

static const char *
type_name(ldns_rr_type type)
{
	return type == LDNS_RR_TYPE_AAAA ? "AAAA" : "A";
}

/* NAME's data of type as a resolver (flags RA...) gives it. */
static ldns_pkt *
data_pkt(ldns_rr_type type, unsigned flags, unsigned ttl, const char *addr)
{
	char rr[256];

	snprintf(rr, sizeof(rr), "an " NAME ". %u IN %s %s", ttl,
	    type_name(type), addr);
	return canned_pkt(NAME, type, LDNS_RCODE_NOERROR, flags, rr, NULL);
}

/* The same as an authoritative server of the zone gives it. */
static ldns_pkt *
auth_data_pkt(ldns_rr_type type, const char *addr)
{
	char rr[256];

	snprintf(rr, sizeof(rr), "an " NAME ". 3600 IN %s %s", type_name(type),
	    addr);
	return canned_pkt(NAME, type, LDNS_RCODE_NOERROR, CANNED_AA, rr,
	    NS_RRS, NULL);
}

/* NXDOMAIN or NODATA with the zone's SOA, its TTL as given (a resolver
 * counts it down; the negative TTL is min(TTL, MINIMUM 300)). */
static ldns_pkt *
negative_pkt(ldns_rr_type type, ldns_pkt_rcode rcode, unsigned flags,
    unsigned soa_ttl)
{
	char soa[256];

	snprintf(soa, sizeof(soa), "au " ZONE ". %u IN SOA " SOA_DATA, soa_ttl);
	return canned_pkt(NAME, type, rcode, flags, soa, NULL);
}

static ldns_pkt *
root_soa_pkt(void)
{
	return canned_pkt(".", LDNS_RR_TYPE_SOA, LDNS_RCODE_NOERROR,
	    CANNED_RA | CANNED_RD, "an . 86400 IN SOA a.root.test. "
	    "nstld.test. 2026112400 1800 900 604800 86400", NULL);
}

static void
resolver_healthy(struct world *w, size_t i)
{
	struct survey_resolver *r = &w->sv->resolvers[i];
	size_t t;

	canned_put(&r->soa_udp, canned_answer(r->text, root_soa_pkt(), 1.2));
	canned_put(&r->soa_tcp, canned_answer(r->text, root_soa_pkt(), 1.6));
	for (t = 0; t < w->sv->ntypes; t++) {
		ldns_rr_type type = w->sv->types[t];

		canned_put(&r->answer[t], canned_answer(r->text,
		    data_pkt(type, CANNED_RA | CANNED_RD, 300, type_addr(type)),
		    3.0));
	}
}

static void
auth_healthy(struct world *w, size_t i)
{
	struct survey_auth *a = &w->sv->auth[i];
	size_t t;

	for (t = 0; t < w->sv->ntypes; t++)
		canned_put(&a->answer[t], canned_answer(a->text,
		    auth_data_pkt(w->sv->types[t], type_addr(w->sv->types[t])),
		    0.5));
	canned_put(&a->soa, canned_answer(a->text, canned_pkt(ZONE,
	    LDNS_RR_TYPE_SOA, LDNS_RCODE_NOERROR, CANNED_AA,
	    "an " ZONE ". 3600 IN SOA " SOA_DATA, NS_RRS, NULL), 0.5));
}

static void
walk_to_zone(struct world *w)
{
	struct survey *sv = w->sv;
	struct survey_level *z;

	canned_level(sv, ".", SURVEY_LEVEL_REFERRAL, "127.0.1.1#53",
	    "a.root.test");
	canned_level(sv, "test", SURVEY_LEVEL_REFERRAL, "127.0.1.2#53",
	    "ns.nic.test");
	z = canned_level(sv, ZONE, SURVEY_LEVEL_ZONE, NS1 "#53",
	    "ns1.example.test");
	canned_level_server(z, NS2 "#53", "ns2.example.test");
	canned_nsname(z, "ns1.example.test", 1);
	canned_nsname(z, "ns2.example.test", 1);
	sv->zone = z;
	sv->walk_done = true;
	canned_auth(sv, "ns1.example.test", NS1);
	canned_auth(sv, "ns2.example.test", NS2);
	auth_healthy(w, 0);
	auth_healthy(w, 1);
}

static void
walk_fails(struct world *w)
{
	struct survey *sv = w->sv;
	struct survey_level *root;

	root = canned_level(sv, ".", SURVEY_LEVEL_FAILED, NULL, NULL);
	canned_level_server(root, "127.0.1.1#53", "a.root.test");
	canned_put(&root->servers[0].result, canned_failure("127.0.1.1#53",
	    NAME, LDNS_RR_TYPE_A, PROBE_TIMEOUT));
	sv->zone = NULL;
	sv->walk_done = true;
	sv->walk_error = "all-failed";
}

static void
world_build(struct world *w, const struct world_opts *o)
{
	static const ldns_rr_type types[] = {
		LDNS_RR_TYPE_A, LDNS_RR_TYPE_AAAA
	};
	char path[PATH_MAX];
	size_t i;

	snprintf(path, sizeof(path), FX("%s"), o->resolv != NULL ? o->resolv :
	    "two.resolv.conf");
	assert_int_equal(sysconf_load_resolv_conf(path, &w->resolv), 0);
	snprintf(path, sizeof(path), FX("%s"), o->nsswitch != NULL ?
	    o->nsswitch : "files-dns.nsswitch");
	assert_int_equal(sysconf_load_nsswitch_hosts(path, &w->nss), 0);
	snprintf(path, sizeof(path), FX("%s"), o->hosts != NULL ? o->hosts :
	    "plain.hosts");
	assert_int_equal(sysconf_load_hosts(path, NULL, &w->hosts), 0);

	w->sv = canned_survey(NAME, types, o->aaaa ? 2 : 1);
	canned_resolvers_from(w->sv, &w->resolv);
	for (i = 0; i < w->sv->nresolvers; i++)
		resolver_healthy(w, i);
	if (o->walk_failed)
		walk_fails(w);
	else
		walk_to_zone(w);
	if (o->port != 0)
		for (i = 0; i < w->sv->ntypes; i++)
			canned_tcp(w->sv, type_addr(w->sv->types[i]), o->port,
			    TCPCHECK_CONNECTED, false);

	w->in.sv = w->sv;
	w->in.final = true;
	w->in.resolv = &w->resolv;
	w->in.nss = &w->nss;
	w->in.hosts = &w->hosts;
	w->in.service_port = o->port;
	w->in.timeout_ms = 2000;
	w->in.now = fixed_time();
	w->in.expiry_warn_days = 14;
	w->t = triage_new(NAME);
	for (i = 0; i < w->sv->ntypes; i++)
		triage_add_type(w->t, type_name(w->sv->types[i]));
	w->t->started = fixed_time();
	w->t->duration_ms = 412;
	triage_set_host(w->t, "sw-01");
	triage_set_version(w->t, "0.1.0");
}

static void
world_default(struct world *w)
{
	struct world_opts o;

	memset(&o, 0, sizeof(o));
	world_build(w, &o);
}

static int
world_setup(void **state)
{
	*state = xcalloc(1, sizeof(struct world));
	return 0;
}

static int
world_teardown(void **state)
{
	struct world *w = *state;

	triage_free(w->t);
	canned_survey_free(w->sv);
	sysconf_hosts_free(&w->hosts);
	free(w);
	return 0;
}

static void
analyze(struct world *w)
{
	steps_analyze_all(&w->in, w->t);
}

/* Every probe of resolver i fails with outcome. */
static void
resolver_fails(struct world *w, size_t i, enum probe_outcome outcome)
{
	struct survey_resolver *r = &w->sv->resolvers[i];
	size_t t;

	canned_put(&r->soa_udp, canned_failure(r->text, ".", LDNS_RR_TYPE_SOA,
	    outcome));
	canned_put(&r->soa_tcp, canned_failure(r->text, ".", LDNS_RR_TYPE_SOA,
	    outcome));
	for (t = 0; t < w->sv->ntypes; t++)
		canned_put(&r->answer[t], canned_failure(r->text, NAME,
		    w->sv->types[t], outcome));
}

/* Resolver i answers pkt for the type at index t. */
static void
resolver_gets(struct world *w, size_t i, size_t t, ldns_pkt *pkt)
{
	struct survey_resolver *r = &w->sv->resolvers[i];

	canned_put(&r->answer[t], canned_answer(r->text, pkt, 4.0));
}

static void
auth_gets(struct world *w, size_t i, size_t t, ldns_pkt *pkt)
{
	struct survey_auth *a = &w->sv->auth[i];

	canned_put(&a->answer[t], canned_answer(a->text, pkt, 0.7));
}

/* Every probe of authoritative address i times out. */
static void
auth_silent(struct world *w, size_t i)
{
	struct survey_auth *a = &w->sv->auth[i];
	size_t t;

	for (t = 0; t < w->sv->ntypes; t++)
		canned_put(&a->answer[t], canned_failure(a->text, NAME,
		    w->sv->types[t], PROBE_TIMEOUT));
	canned_put(&a->soa, canned_failure(a->text, ZONE, LDNS_RR_TYPE_SOA,
	    PROBE_TIMEOUT));
}

/* Both resolvers answer SERVFAIL for A, with checking disabled too (so
 * not a DNSSEC failure). */
static void
resolvers_servfail(struct world *w)
{
	size_t i;

	for (i = 0; i < 2; i++) {
		struct survey_resolver *r = &w->sv->resolvers[i];

		resolver_gets(w, i, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
		    LDNS_RCODE_SERVFAIL, CANNED_RA | CANNED_RD, NULL));
		canned_put(&r->answer_cd[0], canned_answer(r->text,
		    canned_pkt(NAME, LDNS_RR_TYPE_A, LDNS_RCODE_SERVFAIL,
		    CANNED_RA | CANNED_RD, NULL), 4.0));
	}
}

/* --- looking at the results --------------------------------------------- */

static void
dump_step(const struct triage *t, enum step_id id)
{
	const struct step_result *s = &t->steps[id];
	size_t i;

	print_message("  step %s (%s):\n", step_id_str(id),
	    step_status_str(s->status));
	for (i = 0; i < s->nfindings; i++) {
		const struct finding *f = s->findings[i];
		char *m = finding_message(f);

		print_message("    %s %s %s: %s\n", finding_code_str(f),
		    severity_str(f->severity), f->server ? f->server : "-", m);
		free(m);
	}
}

static void
dump_run(const struct triage *t)
{
	size_t s;

	print_message("  verdict %s\n", verdict_code_str(&t->verdict));
	for (s = 0; s < STEP_COUNT; s++)
		dump_step(t, (enum step_id)s);
}

static const struct finding *
finding_in(const struct triage *t, enum step_id id, enum finding_code code,
    const char *server)
{
	const struct step_result *s = &t->steps[id];
	size_t i;

	for (i = 0; i < s->nfindings; i++) {
		const struct finding *f = s->findings[i];

		if (f->code == code && (server == NULL || (f->server != NULL &&
		    strcmp(f->server, server) == 0)))
			return f;
	}
	return NULL;
}

static size_t
count_in(const struct triage *t, enum step_id id, enum finding_code code)
{
	const struct step_result *s = &t->steps[id];
	size_t i, n = 0;

	for (i = 0; i < s->nfindings; i++)
		n += s->findings[i]->code == code;
	return n;
}

/* The finding of that code (and server, unless NULL) in step id. */
static const struct finding *
must_find(const struct triage *t, enum step_id id, enum finding_code code,
    const char *server)
{
	const struct finding *f = finding_in(t, id, code, server);

	if (f == NULL) {
		print_error("no %s finding%s%s in step %s\n",
		    knowledge_finding_code(code)->name, server ? " for " : "",
		    server ? server : "", step_id_str(id));
		dump_run(t);
		fail();
	}
	return f;
}

static void
must_not_find(const struct triage *t, enum step_id id, enum finding_code code)
{
	if (finding_in(t, id, code, NULL) != NULL) {
		print_error("unexpected %s finding in step %s\n",
		    knowledge_finding_code(code)->name, step_id_str(id));
		dump_run(t);
		fail();
	}
}

static void
assert_fact(const struct finding *f, enum fact k, const char *want)
{
	char buf[128];
	const char *got = finding_fact(f, k, buf, sizeof(buf));

	if (want == NULL) {
		assert_null(got);
		return;
	}
	if (got == NULL)
		fail_msg("%s: no fact {%s}, want \"%s\"", finding_code_str(f),
		    fact_key(k), want);
	assert_string_equal(got, want);
}

static void
assert_message_has(const struct finding *f, const char *needle)
{
	char *m = finding_message(f);

	if (strstr(m, needle) == NULL) {
		print_error("%s: message \"%s\" lacks \"%s\"\n",
		    finding_code_str(f), m, needle);
		free(m);
		fail();
	}
	free(m);
}

static void
assert_message_lacks(const struct finding *f, const char *needle)
{
	char *m = finding_message(f);

	if (strstr(m, needle) != NULL) {
		print_error("%s: message \"%s\" has \"%s\"\n",
		    finding_code_str(f), m, needle);
		free(m);
		fail();
	}
	free(m);
}

static void
assert_verdict(const struct triage *t, enum failure_code want)
{
	if (!t->verdict.decided || t->verdict.code != want) {
		print_error("verdict %s, want %s\n",
		    verdict_code_str(&t->verdict),
		    knowledge_failure(want)->name);
		dump_run(t);
		fail();
	}
}

static void
assert_status(const struct triage *t, enum step_id id, enum step_status want)
{
	if (t->steps[id].status != want) {
		print_error("step %s is %s, want %s\n", step_id_str(id),
		    step_status_str(t->steps[id].status),
		    step_status_str(want));
		dump_run(t);
		fail();
	}
}

/* "A world where nothing is broken must raise no alarm." */
static void
assert_no_alarm(const struct triage *t)
{
	size_t s, i;

	for (s = 0; s < STEP_COUNT; s++)
		for (i = 0; i < t->steps[s].nfindings; i++) {
			const struct finding *f = t->steps[s].findings[i];

			if (!severity_is_problem(f->severity))
				continue;
			print_error("alarm in a healthy world: %s (%s)\n",
			    finding_code_str(f), severity_str(f->severity));
			dump_run(t);
			fail();
		}
}

/* --- resolvers ---------------------------------------------------------- */

static void
test_resolvers_all_silent_is_resolver_down(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	resolver_fails(w, 0, PROBE_TIMEOUT);
	resolver_fails(w, 1, PROBE_TIMEOUT);
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT, R1);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_fact(f, FACT_ADDRESS, "127.0.2.1");
	assert_message_has(f, "no answer within the timeout");
	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT, R2);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_int_equal(count_in(w->t, STEP_RESOLVERS,
	    FINDING_RESOLVER_TIMEOUT), 2);
	/* Nobody answers, so there is nothing to fail over to. */
	must_not_find(w->t, STEP_RESOLVERS, FINDING_FAILOVER_PENALTY);
	assert_status(w->t, STEP_RESOLVERS, STEP_CRITICAL);
	f = must_find(w->t, STEP_SCOPE, FINDING_NAME_FAILS, NULL);
	assert_message_has(f, "no configured resolver gives an answer");
	assert_verdict(w->t, FAILURE_RESOLVER_DOWN);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_SERVER),
	    R1 ", " R2);
	assert_int_equal(verdict_exit_status(&w->t->verdict), 2);
}

/* alive[] as step_resolvers sees the world: the first silent. */
static void
expected_failover(const struct sysconf_resolv *rc, size_t ndead,
    struct sysconf_failover *fo)
{
	bool alive[SYSCONF_MAX_NAMESERVERS];
	size_t i;

	for (i = 0; i < rc->nns; i++)
		alive[i] = i >= ndead;
	sysconf_failover(rc, alive, rc->nns, fo);
}

static void
test_resolvers_dead_first_costs_failover_penalty(void **state)
{
	struct world *w = *state;
	struct sysconf_failover fo;
	const struct finding *f;

	world_default(w);
	assert_int_equal(w->resolv.timeout_s, 1);
	assert_int_equal(w->resolv.attempts, 2);
	resolver_fails(w, 0, PROBE_TIMEOUT);
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT, R1);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS, R2);
	assert_int_equal(f->severity, SEVERITY_OK);
	/* glibc waits timeout << 0 = 1 s on the first server of one try,
	 * then asks the second, which answers. */
	expected_failover(&w->resolv, 1, &fo);
	assert_int_equal(fo.penalty_ms, 1000);
	assert_int_equal(fo.penalty_ms, sysconf_glibc_wait_ms(1, 0, 2));
	f = must_find(w->t, STEP_RESOLVERS, FINDING_FAILOVER_PENALTY, R1);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_fact(f, FACT_SECONDS, "1");
	assert_fact(f, FACT_RESOLVER, "127.0.2.2");
	assert_message_has(f, "waits about 1 s for the dead resolver "
	    R1 " before " R2);
	assert_message_has(f, "timeout:1 attempts:2");
	assert_status(w->t, STEP_RESOLVERS, STEP_WARNING);
	assert_verdict(w->t, FAILURE_RESOLVER_FAILOVER);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_SECONDS), "1");
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_RESOLVER),
	    "127.0.2.2");
	assert_int_equal(verdict_exit_status(&w->t->verdict), 1);
}

static void
test_resolvers_rotate_averages_failover_penalty(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .resolv = "rotate.resolv.conf" };
	struct sysconf_failover fo;
	const struct finding *f;

	world_build(w, &o);
	assert_int_equal(w->sv->nresolvers, 3);
	assert_true(w->resolv.rotate);
	resolver_fails(w, 0, PROBE_TIMEOUT);
	analyze(w);

	/* Starting at the dead one costs timeout << 0 = 2 s; starting at
	 * either live one costs nothing: 2/3 s on average. */
	expected_failover(&w->resolv, 1, &fo);
	assert_int_equal(fo.penalty_ms, 667);
	assert_int_equal(fo.penalty_worst_ms, 2000);
	f = must_find(w->t, STEP_RESOLVERS, FINDING_FAILOVER_PENALTY, R1);
	assert_fact(f, FACT_SECONDS, "0.7");
	assert_message_has(f, "wait 0.7 s on average (2 s at worst)");
	assert_verdict(w->t, FAILURE_RESOLVER_FAILOVER);
}

static void
test_resolvers_udp_dropped_tcp_reset_costs_failover_penalty(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	/* A firewall drops the datagrams; TCP gets a reset. glibc asks
	 * over UDP and waits out its timeout all the same. */
	resolver_fails(w, 0, PROBE_TIMEOUT);
	canned_put(&w->sv->resolvers[0].soa_tcp, canned_failure(R1, ".",
	    LDNS_RR_TYPE_SOA, PROBE_REFUSED_PORT));
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT, R1);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_UNREACHABLE);
	f = must_find(w->t, STEP_RESOLVERS, FINDING_FAILOVER_PENALTY, R1);
	assert_fact(f, FACT_SECONDS, "1");
	assert_verdict(w->t, FAILURE_RESOLVER_FAILOVER);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_SECONDS), "1");
}

static void
test_resolvers_refused_port_is_unreachable_without_penalty(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	resolver_fails(w, 0, PROBE_REFUSED_PORT);
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_UNREACHABLE, R1);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_fact(f, FACT_ADDRESS, "127.0.2.1");
	assert_message_has(f, "port unreachable");
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT);
	/* An ICMP error makes glibc move on at once: nothing to wait for. */
	must_not_find(w->t, STEP_RESOLVERS, FINDING_FAILOVER_PENALTY);
	assert_verdict(w->t, FAILURE_RESOLVER_FAILOVER);
	assert_null(verdict_fact(&w->t->verdict, FACT_SECONDS));
}

static void
test_resolvers_every_port_refused_is_resolver_down(void **state)
{
	struct world *w = *state;

	world_default(w);
	resolver_fails(w, 0, PROBE_REFUSED_PORT);
	resolver_fails(w, 1, PROBE_NET_UNREACHABLE);
	analyze(w);

	assert_int_equal(must_find(w->t, STEP_RESOLVERS,
	    FINDING_RESOLVER_UNREACHABLE, R1)->severity, SEVERITY_CRITICAL);
	assert_int_equal(must_find(w->t, STEP_RESOLVERS,
	    FINDING_RESOLVER_UNREACHABLE, R2)->severity, SEVERITY_CRITICAL);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_FAILOVER_PENALTY);
	assert_verdict(w->t, FAILURE_RESOLVER_DOWN);
}

static void
test_resolvers_refused_rcode(void **state)
{
	struct world *w = *state;
	struct survey_resolver *r;
	const struct finding *f;

	world_default(w);
	r = &w->sv->resolvers[0];
	canned_put(&r->soa_udp, canned_answer(r->text, canned_pkt(".",
	    LDNS_RR_TYPE_SOA, LDNS_RCODE_REFUSED, CANNED_RD, NULL), 0.3));
	canned_put(&r->soa_tcp, canned_answer(r->text, canned_pkt(".",
	    LDNS_RR_TYPE_SOA, LDNS_RCODE_REFUSED, CANNED_RD, NULL), 0.3));
	resolver_gets(w, 0, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
	    LDNS_RCODE_REFUSED, CANNED_RD, NULL));
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_REFUSED, R1);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_int_equal(f->rcode, LDNS_RCODE_REFUSED);
	assert_fact(f, FACT_ADDRESS, "127.0.2.1");
	assert_message_has(f, "refuses to answer " NAME " A (REFUSED)");
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_UNREACHABLE);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_FAILOVER_PENALTY);
	must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS, R2);
	assert_verdict(w->t, FAILURE_RESOLVER_REFUSED);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_SERVER), R1);
}

static void
test_resolvers_no_ra_is_no_recursion(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	/* An authoritative-only server: a referral to the root, no RA. */
	resolver_gets(w, 0, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
	    LDNS_RCODE_NOERROR, CANNED_RD,
	    "au . 518400 IN NS a.root.test.", NULL));
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_NO_RECURSION,
	    R1);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_int_equal(f->rcode, LDNS_RCODE_NOERROR);
	assert_string_equal(f->flags, "qr rd");
	assert_message_has(f, "without recursion (no RA flag)");
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_REFUSED);
	/* Its answer is no resolver's word: no stale-cache judgement. */
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_STALE_NEGATIVE);
	assert_verdict(w->t, FAILURE_RESOLVER_REFUSED);
}

/* Slow for the name, fast for . SOA: something upstream costs time. */
static void
test_resolvers_slow_for_the_name_is_info(void **state)
{
	struct world *w = *state;
	struct survey_resolver *r;
	const struct finding *f;

	world_default(w);
	r = &w->sv->resolvers[0];
	canned_put(&r->answer[0], canned_answer(r->text, data_pkt(
	    LDNS_RR_TYPE_A, CANNED_RA | CANNED_RD, 300, ADDR4), 756.0));
	/* The other one is a little slow, not slow. */
	r = &w->sv->resolvers[1];
	canned_put(&r->answer[0], canned_answer(r->text, data_pkt(
	    LDNS_RR_TYPE_A, CANNED_RA | CANNED_RD, 300, ADDR4), 120.0));
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_SLOW, R1);
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_message_has(f, R1 " took 756 ms to answer for " NAME ", but 1 ms "
	    "for . SOA");
	assert_null(finding_in(w->t, STEP_RESOLVERS, FINDING_RESOLVER_SLOW, R2));
	assert_verdict(w->t, FAILURE_HEALTHY);
}

static void
test_resolvers_servfail(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	resolvers_servfail(w);
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_SERVFAIL, R1);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_int_equal(f->rcode, LDNS_RCODE_SERVFAIL);
	assert_message_has(f, "answered SERVFAIL for " NAME " A");
	must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_SERVFAIL, R2);
	must_not_find(w->t, STEP_DNSSEC, FINDING_VALIDATION_FAILURE);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_FAILOVER_PENALTY);
	assert_verdict(w->t, FAILURE_RESOLVER_SERVFAIL);
}

static void
test_resolvers_up_but_name_times_out_is_no_answer(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	canned_put(&w->sv->resolvers[0].answer[0], canned_failure(R1, NAME,
	    LDNS_RR_TYPE_A, PROBE_TIMEOUT));
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_NO_ANSWER, R1);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_fact(f, FACT_ADDRESS, "127.0.2.1");
	assert_message_has(f, "is up (it answers . SOA), but gave no answer "
	    "for " NAME " A: no answer within the timeout");
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT);
	assert_verdict(w->t, FAILURE_RESOLVER_SERVFAIL);
}

static void
test_resolvers_nxdomain_keeps_negative_ttl(void **state)
{
	struct world *w = *state;
	const struct finding *f;
	size_t i;

	world_default(w);
	/* SOA TTL 900 > MINIMUM 300: 300 s. TTL 120 < MINIMUM: 120 s. */
	resolver_gets(w, 0, 0, negative_pkt(LDNS_RR_TYPE_A,
	    LDNS_RCODE_NXDOMAIN, CANNED_RA | CANNED_RD, 900));
	resolver_gets(w, 1, 0, negative_pkt(LDNS_RR_TYPE_A,
	    LDNS_RCODE_NXDOMAIN, CANNED_RA | CANNED_RD, 120));
	for (i = 0; i < 2; i++)
		auth_gets(w, i, 0, negative_pkt(LDNS_RR_TYPE_A,
		    LDNS_RCODE_NXDOMAIN, CANNED_AA, 300));
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_NXDOMAIN, R1);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_int_equal(f->rcode, LDNS_RCODE_NXDOMAIN);
	assert_fact(f, FACT_SECONDS, "300");
	assert_message_has(f, "(NXDOMAIN, from zone " ZONE "; it may keep "
	    "that answer for 300 s)");
	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_NXDOMAIN, R2);
	assert_fact(f, FACT_SECONDS, "120");
	assert_verdict(w->t, FAILURE_NXDOMAIN);
}

static void
test_resolvers_udp_without_tcp_is_info(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	canned_put(&w->sv->resolvers[0].soa_tcp, canned_failure(R1, ".",
	    LDNS_RR_TYPE_SOA, PROBE_TIMEOUT));
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_NO_TCP, R1);
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_message_has(f, "answers over UDP but not over TCP (no answer "
	    "within the timeout)");
	must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS, R1);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT);
	assert_status(w->t, STEP_RESOLVERS, STEP_OK);
	assert_verdict(w->t, FAILURE_HEALTHY);
}

static void
test_resolvers_ad_flag_reported(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	resolver_gets(w, 0, 0, data_pkt(LDNS_RR_TYPE_A, CANNED_RA | CANNED_RD |
	    CANNED_AD, 300, ADDR4));
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS, R1);
	assert_message_has(f, R1 " answers in 4 ms, validated (AD): "
	    "A " ADDR4 " (TTL 300).");
	assert_message_lacks(f, "not validated");
	assert_string_equal(f->flags, "qr rd ra ad");
	assert_fact(f, FACT_RESOLVER, "127.0.2.1");
	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS, R2);
	assert_message_has(f, "not validated (no AD flag)");
	must_find(w->t, STEP_DNSSEC, FINDING_RESOLVER_AD, R1);
	assert_verdict(w->t, FAILURE_HEALTHY);
}

static void
test_resolvers_none_is_skipped(void **state)
{
	struct world *w = *state;

	world_default(w);
	/* Results stay owned by the survey: only hide the resolvers. */
	w->sv->nresolvers = 0;
	step_resolvers_analyze(&w->in, w->t);
	w->sv->nresolvers = 2;
	assert_status(w->t, STEP_RESOLVERS, STEP_SKIPPED);
	assert_int_equal(w->t->steps[STEP_RESOLVERS].nfindings, 0);
}

static void
test_resolvers_dead_nameserver_glibc_never_asks_is_info(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .resolv = "four.resolv.conf" };
	const struct finding *f;

	world_build(w, &o);
	assert_false(w->sv->resolvers[3].used);
	resolver_fails(w, 3, PROBE_TIMEOUT);
	analyze(w);

	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_UNUSED,
	    "127.0.2.4#53");
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_message_has(f, "does not answer");
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_FAILOVER_PENALTY);
	assert_status(w->t, STEP_RESOLVERS, STEP_OK);
	assert_verdict(w->t, FAILURE_HEALTHY);
}

/* The first three dead, a live fourth that glibc never asks: every
 * lookup fails, whatever the fourth would say. */
static void
test_resolvers_live_unused_nameserver_does_not_save_lookups(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .resolv = "four.resolv.conf" };

	world_build(w, &o);
	resolver_fails(w, 0, PROBE_TIMEOUT);
	resolver_fails(w, 1, PROBE_TIMEOUT);
	resolver_fails(w, 2, PROBE_TIMEOUT);
	analyze(w);

	must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_UNUSED, "127.0.2.4#53");
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS);
	assert_verdict(w->t, FAILURE_RESOLVER_DOWN);
}

/* --- scope -------------------------------------------------------------- */

/* What the loaders say of resolv.conf is on record, as info: glibc
 * reads the same line the same way. */
static void
test_scope_config_remarks_are_info(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .resolv = "remark.resolv.conf" };
	const struct finding *f;

	world_build(w, &o);
	analyze(w);

	f = must_find(w->t, STEP_SCOPE, FINDING_CONFIG_NOTE, NULL);
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_message_has(f, "remark.resolv.conf, line 5: ");
	assert_message_has(f, "frobnicate");
	assert_fact(f, FACT_FILE, FX("remark.resolv.conf"));
	assert_verdict(w->t, FAILURE_HEALTHY);
}

static void
test_scope_hosts_entry_overrides_dns(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .hosts = "override.hosts" };
	const struct finding *f;

	world_build(w, &o);
	analyze(w);

	f = must_find(w->t, STEP_SCOPE, FINDING_HOSTS_OVERRIDE, NULL);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_fact(f, FACT_FILE, FX("override.hosts"));
	assert_fact(f, FACT_ADDRESS, "127.0.80.99");
	assert_fact(f, FACT_EXPECTED, ADDR4);
	assert_message_has(f, "(line 4) maps " NAME " to 127.0.80.99, but DNS "
	    "answers " ADDR4);
	f = must_find(w->t, STEP_SCOPE, FINDING_NAME_RESOLVES, NULL);
	assert_message_has(f, "from the hosts file");
	assert_verdict(w->t, FAILURE_HOSTS_OVERRIDE);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_ADDRESS),
	    "127.0.80.99");
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_EXPECTED),
	    ADDR4);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_FILE),
	    FX("override.hosts"));
}

static void
test_scope_hosts_entry_equal_to_dns_is_no_override(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .hosts = "same.hosts" };

	world_build(w, &o);
	analyze(w);

	must_not_find(w->t, STEP_SCOPE, FINDING_HOSTS_OVERRIDE);
	assert_message_has(must_find(w->t, STEP_SCOPE, FINDING_NAME_RESOLVES,
	    NULL), "from the hosts file");
	assert_verdict(w->t, FAILURE_HEALTHY);
}

static void
test_scope_dns_before_files_is_no_override(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .nsswitch = "dns-files.nsswitch",
	    .hosts = "override.hosts" };
	const struct finding *f;

	world_build(w, &o);
	analyze(w);

	must_not_find(w->t, STEP_SCOPE, FINDING_HOSTS_OVERRIDE);
	f = must_find(w->t, STEP_SCOPE, FINDING_NAME_RESOLVES, R1);
	assert_message_has(f, "Applications get " ADDR4 " for " NAME
	    " from DNS, through " R1);
	assert_verdict(w->t, FAILURE_HEALTHY);
}

static void
test_scope_ipv4_hosts_entry_against_dual_stack_dns(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .hosts = "same.hosts", .aaaa = true };

	/* The hosts file has only the A; DNS has the AAAA too. */
	world_build(w, &o);
	analyze(w);
	must_not_find(w->t, STEP_SCOPE, FINDING_HOSTS_OVERRIDE);
	assert_verdict(w->t, FAILURE_HEALTHY);
}

static void
test_scope_ipv4_override_names_only_ipv4(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .hosts = "override.hosts", .aaaa = true };
	const struct finding *f;

	world_build(w, &o);
	analyze(w);
	f = must_find(w->t, STEP_SCOPE, FINDING_HOSTS_OVERRIDE, NULL);
	assert_fact(f, FACT_ADDRESS, "127.0.80.99");
	assert_fact(f, FACT_EXPECTED, ADDR4);
	assert_int_equal(count_in(w->t, STEP_SCOPE, FINDING_HOSTS_OVERRIDE),
	    1);
}

static void
test_scope_stub_silent(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .resolv = "stub.resolv.conf" };
	const struct finding *f;

	world_build(w, &o);
	assert_int_equal(w->sv->resolvers[0].stub, SYSCONF_STUB_RESOLVED);
	resolver_fails(w, 0, PROBE_TIMEOUT);
	analyze(w);

	f = must_find(w->t, STEP_SCOPE, FINDING_STUB_TIMEOUT, "127.0.0.53#53");
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_message_has(f, "resolv.conf points at 127.0.0.53#53, "
	    "systemd-resolved");
	assert_message_has(f, "no answer within the timeout");
	must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT,
	    "127.0.0.53#53");
	assert_verdict(w->t, FAILURE_STUB_RESOLVER_DOWN);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_SERVER),
	    "127.0.0.53#53");
}

static void
test_scope_stub_port_closed(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .resolv = "stub.resolv.conf" };
	const struct finding *f;

	/* systemd-resolved is not running: the port refuses at once. */
	world_build(w, &o);
	resolver_fails(w, 0, PROBE_REFUSED_PORT);
	analyze(w);

	f = must_find(w->t, STEP_SCOPE, FINDING_STUB_TIMEOUT, "127.0.0.53#53");
	assert_message_has(f, "port unreachable");
	must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_UNREACHABLE,
	    "127.0.0.53#53");
	assert_verdict(w->t, FAILURE_STUB_RESOLVER_DOWN);
}

static void
test_scope_other_local_resolver_is_no_stub(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .resolv = "local.resolv.conf" };

	world_build(w, &o);
	assert_int_equal(w->sv->resolvers[0].stub, SYSCONF_STUB_LOCAL);
	resolver_fails(w, 0, PROBE_TIMEOUT);
	analyze(w);

	must_not_find(w->t, STEP_SCOPE, FINDING_STUB_TIMEOUT);
	must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT,
	    "127.0.0.1#53");
	assert_verdict(w->t, FAILURE_RESOLVER_DOWN);
}

static void
test_scope_service_connects(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .port = 443 };
	const struct finding *f;

	world_build(w, &o);
	analyze(w);

	f = must_find(w->t, STEP_SCOPE, FINDING_SERVICE_REACHABLE,
	    ADDR4 "#443");
	assert_int_equal(f->severity, SEVERITY_OK);
	assert_fact(f, FACT_ADDRESS, ADDR4);
	assert_fact(f, FACT_PORT, "443");
	assert_message_has(f, ADDR4 ", an address applications get, accepts "
	    "TCP connections on port 443");
	assert_non_null(f->reproduce);
	must_not_find(w->t, STEP_SCOPE, FINDING_SERVICE_UNREACHABLE);
	assert_verdict(w->t, FAILURE_HEALTHY);
}

/* NAME has two A records, .80 and .81; the service answers on .80. */
static void
two_addresses(struct world *w, enum tcpcheck_outcome second)
{
	size_t i;

	for (i = 0; i < 2; i++) {
		resolver_gets(w, i, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
		    LDNS_RCODE_NOERROR, CANNED_RA | CANNED_RD,
		    "an " NAME ". 300 IN A 127.0.80.80",
		    "an " NAME ". 300 IN A 127.0.80.81", NULL));
		auth_gets(w, i, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
		    LDNS_RCODE_NOERROR, CANNED_AA,
		    "an " NAME ". 3600 IN A 127.0.80.80",
		    "an " NAME ". 3600 IN A 127.0.80.81", NS_RRS, NULL));
	}
	canned_tcp(w->sv, "127.0.80.81", 443, second, false);
}

static void
test_scope_service_unreachable_on_one_address_is_warning(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .port = 443 };
	const struct finding *f;

	world_build(w, &o);
	two_addresses(w, TCPCHECK_REFUSED);
	analyze(w);

	f = must_find(w->t, STEP_SCOPE, FINDING_SERVICE_UNREACHABLE,
	    "127.0.80.81#443");
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_fact(f, FACT_ADDRESS, "127.0.80.81");
	assert_fact(f, FACT_PORT, "443");
	assert_message_has(f, "does not accept TCP connections on port 443: "
	    "connection refused");
	must_find(w->t, STEP_SCOPE, FINDING_SERVICE_REACHABLE, ADDR4 "#443");
	assert_status(w->t, STEP_SCOPE, STEP_WARNING);
}

static void
test_scope_service_unreachable_everywhere_is_not_dns(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .port = 443 };
	const struct finding *f;

	world_build(w, &o);
	w->sv->tcp[0].result->outcome = TCPCHECK_TIMEOUT;
	analyze(w);

	f = must_find(w->t, STEP_SCOPE, FINDING_SERVICE_UNREACHABLE,
	    ADDR4 "#443");
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_message_has(f, "no answer within the timeout");
	must_find(w->t, STEP_SCOPE, FINDING_NAME_RESOLVES, R1);
	assert_status(w->t, STEP_SCOPE, STEP_CRITICAL);
	assert_verdict(w->t, FAILURE_NOT_DNS);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_PORT), "443");
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_ADDRESS), ADDR4);
}

static void
test_scope_broken_nsswitch_fails_every_lookup(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .nsswitch = "broken.nsswitch",
	    .hosts = "override.hosts" };
	const struct finding *f;

	world_build(w, &o);
	/* glibc read the hosts line before the bad one. */
	assert_true(w->nss.broken);
	assert_int_equal(w->nss.nsrc, 2);
	analyze(w);

	f = must_find(w->t, STEP_SCOPE, FINDING_NAME_FAILS, NULL);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_message_has(f, FX("broken.nsswitch") " has a syntax error");
	must_not_find(w->t, STEP_SCOPE, FINDING_NAME_RESOLVES);
	/* Nothing resolves, through the hosts file or not. */
	must_not_find(w->t, STEP_SCOPE, FINDING_HOSTS_OVERRIDE);
	assert_status(w->t, STEP_SCOPE, STEP_CRITICAL);
	assert_true(w->t->verdict.code != FAILURE_HOSTS_OVERRIDE);
}

static void
test_scope_nxdomain_names_the_resolver(void **state)
{
	struct world *w = *state;
	const struct finding *f;
	size_t i;

	world_default(w);
	for (i = 0; i < 2; i++)
		resolver_gets(w, i, 0, negative_pkt(LDNS_RR_TYPE_A,
		    LDNS_RCODE_NXDOMAIN, CANNED_RA | CANNED_RD, 300));
	/* Debian's line: mdns4_minimal (not imitated) before dns, and
	 * myhostname after it. */
	assert_int_equal(sysconf_load_nsswitch_hosts(FIXTURES
	    "/sysconf/nsswitch.debian", &w->nss), 0);
	assert_int_equal(w->nss.nsrc, 4);
	analyze(w);

	f = must_find(w->t, STEP_SCOPE, FINDING_NAME_FAILS, NULL);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_message_has(f, "Applications cannot resolve " NAME ": " R1
	    " answers that it does not exist (NXDOMAIN).");
	/* The source this program does not imitate is named, as info. */
	assert_int_equal(count_in(w->t, STEP_SCOPE, FINDING_NAME_FAILS), 2);
	f = w->t->steps[STEP_SCOPE].findings[1];
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_message_has(f, "'mdns4_minimal'");
}

/* --- authoritative ------------------------------------------------------ */

static void
test_auth_one_silent_is_partial(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	auth_silent(w, 1);
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_TIMEOUT,
	    NS2 "#53");
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_fact(f, FACT_ZONE, ZONE);
	assert_fact(f, FACT_ADDRESS, NS2);
	assert_message_has(f, "ns2.example.test (" NS2 "#53), a name server "
	    "of " ZONE ", does not answer: no answer within the timeout");
	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_ANSWERS,
	    NS1 "#53");
	assert_message_has(f, "answers with authority in 1 ms: A " ADDR4
	    " (TTL 3600)");
	assert_status(w->t, STEP_AUTHORITATIVE, STEP_WARNING);
	assert_verdict(w->t, FAILURE_AUTHORITATIVE_PARTIAL);
}

/* A server that answers A and drops AAAA: the zone works for half the
 * world (a filter on the way, or a server that fails on the type). */
static void
test_auth_silent_for_one_type_is_partial(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .aaaa = true };
	const struct finding *f;

	world_build(w, &o);
	canned_put(&w->sv->auth[1].answer[1], canned_failure(w->sv->auth[1].text,
	    NAME, LDNS_RR_TYPE_AAAA, PROBE_TIMEOUT));
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_ANSWERS, NS2 "#53");
	assert_int_equal(f->severity, SEVERITY_OK);
	/* The evidence of the answer is an answer, with its round trip. */
	assert_true(f->rtt_ms >= 0);
	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_TIMEOUT, NS2 "#53");
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_message_has(f, "but not " NAME " AAAA");
	assert_verdict(w->t, FAILURE_AUTHORITATIVE_PARTIAL);
}

/* Every NS name of the zone without an address: nobody can ask any. */
static void
test_auth_no_address_at_all_is_down(void **state)
{
	struct world *w = *state;
	size_t i;

	world_default(w);
	for (i = 0; i < w->sv->nauth; i++) {
		struct survey_auth *a = &w->sv->auth[i];
		size_t t;

		for (t = 0; t < SURVEY_MAX_TYPES; t++)
			canned_put(&a->answer[t], NULL);
		canned_put(&a->soa, NULL);
		canned_put(&a->dnskey, NULL);
		canned_put(&a->ns, NULL);
	}
	w->sv->nauth = 0;
	analyze(w);

	must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_TIMEOUT, NULL);
	assert_verdict(w->t, FAILURE_AUTHORITATIVE_DOWN);
}

static void
test_auth_all_silent_is_down(void **state)
{
	struct world *w = *state;

	world_default(w);
	auth_silent(w, 0);
	auth_silent(w, 1);
	analyze(w);

	assert_int_equal(must_find(w->t, STEP_AUTHORITATIVE,
	    FINDING_AUTH_TIMEOUT, NS1 "#53")->severity, SEVERITY_CRITICAL);
	assert_int_equal(must_find(w->t, STEP_AUTHORITATIVE,
	    FINDING_AUTH_TIMEOUT, NS2 "#53")->severity, SEVERITY_CRITICAL);
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_ANSWERS);
	/* Nothing to compare the resolvers' cached answers with. */
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_STALE_ANSWER);
	assert_status(w->t, STEP_AUTHORITATIVE, STEP_CRITICAL);
	assert_verdict(w->t, FAILURE_AUTHORITATIVE_DOWN);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_SERVER),
	    NS1 "#53, " NS2 "#53");
}

static void
test_auth_refused_is_lame(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	auth_gets(w, 1, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
	    LDNS_RCODE_REFUSED, 0, NULL));
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_LAME, NS2 "#53");
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_int_equal(f->rcode, LDNS_RCODE_REFUSED);
	assert_fact(f, FACT_ZONE, ZONE);
	assert_fact(f, FACT_ADDRESS, NS2);
	assert_message_has(f, "but answers REFUSED: it does not serve the "
	    "zone");
	assert_verdict(w->t, FAILURE_LAME_DELEGATION);
}

static void
test_auth_answer_without_aa_is_lame(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	auth_gets(w, 1, 0, data_pkt(LDNS_RR_TYPE_A, 0, 3600, ADDR4));
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_LAME, NS2 "#53");
	assert_string_equal(f->flags, "qr");
	assert_message_has(f, "answers without the AA flag");
	assert_verdict(w->t, FAILURE_LAME_DELEGATION);
}

static void
test_auth_upward_referral_is_lame(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	auth_gets(w, 1, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
	    LDNS_RCODE_NOERROR, 0, "au test. 172800 IN NS ns.nic.test.",
	    NULL));
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_LAME, NS2 "#53");
	assert_message_has(f, "is listed as a name server of " ZONE ", but "
	    "answers with a referral to test instead of answering with "
	    "authority");
	assert_verdict(w->t, FAILURE_LAME_DELEGATION);
}

static void
test_auth_servfail_is_expired_secondary(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	auth_gets(w, 1, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
	    LDNS_RCODE_SERVFAIL, 0, NULL));
	canned_put(&w->sv->auth[1].soa, canned_answer(NS2 "#53",
	    canned_pkt(ZONE, LDNS_RR_TYPE_SOA, LDNS_RCODE_SERVFAIL, 0, NULL),
	    0.4));
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_SERVFAIL,
	    NS2 "#53");
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_int_equal(f->rcode, LDNS_RCODE_SERVFAIL);
	assert_fact(f, FACT_ZONE, ZONE);
	assert_message_has(f, "answers SERVFAIL for " NAME " in its own zone "
	    ZONE);
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_LAME);
	assert_verdict(w->t, FAILURE_ZONE_EXPIRED_SECONDARY);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_ZONE), ZONE);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_ADDRESS), NS2);
}

static void
test_auth_all_nxdomain_is_nxdomain(void **state)
{
	struct world *w = *state;
	const struct finding *f;
	size_t i;

	world_default(w);
	for (i = 0; i < 2; i++) {
		resolver_gets(w, i, 0, negative_pkt(LDNS_RR_TYPE_A,
		    LDNS_RCODE_NXDOMAIN, CANNED_RA | CANNED_RD, 300));
		auth_gets(w, i, 0, negative_pkt(LDNS_RR_TYPE_A,
		    LDNS_RCODE_NXDOMAIN, CANNED_AA, 300));
	}
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_NXDOMAIN, NULL);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_fact(f, FACT_ZONE, ZONE);
	assert_message_has(f, "Every authoritative server of " ZONE " that "
	    "answers says " NAME " does not exist");
	assert_int_equal(count_in(w->t, STEP_AUTHORITATIVE,
	    FINDING_AUTH_NXDOMAIN), 1);
	/* The resolvers say the same: nothing is stale. */
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_STALE_NEGATIVE);
	f = must_find(w->t, STEP_SCOPE, FINDING_NAME_FAILS, NULL);
	assert_message_has(f, "does not exist (NXDOMAIN)");
	assert_verdict(w->t, FAILURE_NXDOMAIN);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_ZONE), ZONE);
}

static void
test_auth_resolver_nxdomain_for_existing_name_is_stale_negative(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	/* Cached 180 s ago with the SOA's 300: 120 s left. */
	resolver_gets(w, 0, 0, negative_pkt(LDNS_RR_TYPE_A,
	    LDNS_RCODE_NXDOMAIN, CANNED_RA | CANNED_RD, 120));
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_STALE_NEGATIVE, R1);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_fact(f, FACT_SECONDS, "120");
	assert_fact(f, FACT_ADDRESS, "127.0.2.1");
	assert_fact(f, FACT_TYPE, "A");
	assert_fact(f, FACT_ZONE, ZONE);
	assert_message_has(f, R1 " answers NXDOMAIN for " NAME " A, but the "
	    "authoritative servers answer " ADDR4 ": a cached negative "
	    "answer, kept for 120 s more.");
	assert_null(finding_in(w->t, STEP_AUTHORITATIVE,
	    FINDING_STALE_NEGATIVE, R2));
	assert_verdict(w->t, FAILURE_STALE_NEGATIVE_CACHE);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_SECONDS), "120");
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_SERVER), R1);
}

static void
test_auth_resolver_nodata_for_existing_record_is_stale_negative(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	resolver_gets(w, 1, 0, negative_pkt(LDNS_RR_TYPE_A,
	    LDNS_RCODE_NOERROR, CANNED_RA | CANNED_RD, 200));
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_STALE_NEGATIVE, R2);
	assert_fact(f, FACT_SECONDS, "200");
	assert_message_has(f, R2 " answers NODATA for " NAME " A");
	assert_verdict(w->t, FAILURE_STALE_NEGATIVE_CACHE);
}

static void
test_auth_resolver_data_no_server_has_is_stale_answer(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_default(w);
	resolver_gets(w, 0, 0, data_pkt(LDNS_RR_TYPE_A, CANNED_RA | CANNED_RD,
	    1234, "127.0.80.99"));
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_STALE_ANSWER, R1);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_fact(f, FACT_SECONDS, "1234");
	assert_fact(f, FACT_ADDRESS, "127.0.2.1");
	assert_fact(f, FACT_TYPE, "A");
	assert_fact(f, FACT_ZONE, ZONE);
	assert_message_has(f, R1 " answers " NAME " A with 127.0.80.99, which "
	    "no authoritative server serves (they answer " ADDR4 "): a stale "
	    "copy, cached for 1234 s more.");
	assert_null(finding_in(w->t, STEP_AUTHORITATIVE, FINDING_STALE_ANSWER,
	    R2));
	assert_verdict(w->t, FAILURE_STALE_CACHE);
	assert_string_equal(verdict_fact(&w->t->verdict, FACT_SERVER), R1);
}

static void
test_auth_resolver_matching_one_server_is_not_stale(void **state)
{
	struct world *w = *state;

	world_default(w);
	/* Mid-change: ns2 has the new address already, R1 has it too. */
	auth_gets(w, 1, 0, auth_data_pkt(LDNS_RR_TYPE_A, "127.0.80.81"));
	resolver_gets(w, 0, 0, data_pkt(LDNS_RR_TYPE_A, CANNED_RA | CANNED_RD,
	    300, "127.0.80.81"));
	analyze(w);

	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_STALE_ANSWER);
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_STALE_NEGATIVE);
	assert_no_alarm(w->t);
	assert_verdict(w->t, FAILURE_HEALTHY);
}

static void
test_auth_compare_resolver_differs_is_split_horizon(void **state)
{
	struct world *w = *state;
	struct survey_compare *c;
	const struct finding *f;

	world_default(w);
	c = canned_compare(w->sv, "127.0.9.1");
	canned_put(&c->answer[0], canned_answer(c->text,
	    data_pkt(LDNS_RR_TYPE_A, CANNED_RA | CANNED_RD, 300, "10.0.80.80"),
	    2.0));
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_ANSWERS_DIFFER, R1);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_fact(f, FACT_RESOLVER, "127.0.9.1");
	assert_fact(f, FACT_ADDRESS, "127.0.2.1");
	assert_fact(f, FACT_TYPE, "A");
	assert_message_has(f, R1 " answers " NAME " A with " ADDR4 ", but "
	    "127.0.9.1#53 answers 10.0.80.80.");
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_STALE_ANSWER);
	assert_verdict(w->t, FAILURE_SPLIT_HORIZON);
}

static void
test_auth_cname_out_of_zone_is_not_stale(void **state)
{
	struct world *w = *state;
	const struct finding *f;
	size_t i;

	world_default(w);
	/* The servers of the zone have the CNAME only; a resolver follows
	 * it to the other zone. Both say "CNAME www.cdn.test". */
	for (i = 0; i < 2; i++) {
		resolver_gets(w, i, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
		    LDNS_RCODE_NOERROR, CANNED_RA | CANNED_RD,
		    "an " NAME ". 300 IN CNAME www.cdn.test.",
		    "an www.cdn.test. 60 IN A 127.0.81.1", NULL));
		auth_gets(w, i, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
		    LDNS_RCODE_NOERROR, CANNED_AA,
		    "an " NAME ". 3600 IN CNAME www.cdn.test.", NS_RRS, NULL));
	}
	analyze(w);

	assert_message_has(must_find(w->t, STEP_SCOPE, FINDING_NAME_RESOLVES,
	    R1), "Applications get 127.0.81.1 for " NAME);
	assert_message_has(must_find(w->t, STEP_AUTHORITATIVE,
	    FINDING_AUTH_ANSWERS, NS1 "#53"), "A CNAME www.cdn.test (TTL 3600)");
	/* The target's zone is not checked here: said, with the command. */
	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_ALIAS_ELSEWHERE, NULL);
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_message_has(f, NAME " is an alias (CNAME) of www.cdn.test, "
	    "outside the zone " ZONE);
	assert_string_equal(f->reproduce, "dnstriage --report www.cdn.test");
	assert_no_alarm(w->t);
	assert_verdict(w->t, FAILURE_HEALTHY);
}

/* An alias inside the same zone: everything is checked already. */
static void
test_auth_cname_in_zone_is_no_note(void **state)
{
	struct world *w = *state;
	size_t i;

	world_default(w);
	for (i = 0; i < 2; i++) {
		resolver_gets(w, i, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
		    LDNS_RCODE_NOERROR, CANNED_RA | CANNED_RD,
		    "an " NAME ". 300 IN CNAME web." ZONE ".",
		    "an web." ZONE ". 300 IN A " ADDR4, NULL));
		auth_gets(w, i, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
		    LDNS_RCODE_NOERROR, CANNED_AA,
		    "an " NAME ". 3600 IN CNAME web." ZONE ".",
		    "an web." ZONE ". 3600 IN A " ADDR4, NS_RRS, NULL));
	}
	analyze(w);

	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_ALIAS_ELSEWHERE);
	assert_no_alarm(w->t);
	assert_verdict(w->t, FAILURE_HEALTHY);
}

/* The resolvers fail for an alias whose target lives in a zone this run
 * does not check: that proves nothing against the resolvers. */
static void
test_servfail_for_alias_elsewhere_blames_no_resolver(void **state)
{
	struct world *w = *state;
	size_t i;

	world_default(w);
	resolvers_servfail(w);
	for (i = 0; i < 2; i++) {
		auth_gets(w, i, 0, canned_pkt(NAME, LDNS_RR_TYPE_A,
		    LDNS_RCODE_NOERROR, CANNED_AA,
		    "an " NAME ". 3600 IN CNAME www.cdn.test.", NS_RRS, NULL));
	}
	analyze(w);

	must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_SERVFAIL, R1);
	must_find(w->t, STEP_AUTHORITATIVE, FINDING_ALIAS_ELSEWHERE, NULL);
	assert_verdict(w->t, FAILURE_UNKNOWN);
}

static void
test_auth_name_without_aaaa_is_healthy(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .aaaa = true };
	size_t i;

	world_build(w, &o);
	for (i = 0; i < 2; i++) {
		resolver_gets(w, i, 1, negative_pkt(LDNS_RR_TYPE_AAAA,
		    LDNS_RCODE_NOERROR, CANNED_RA | CANNED_RD, 300));
		auth_gets(w, i, 1, negative_pkt(LDNS_RR_TYPE_AAAA,
		    LDNS_RCODE_NOERROR, CANNED_AA, 300));
	}
	analyze(w);

	assert_message_has(must_find(w->t, STEP_RESOLVERS,
	    FINDING_RESOLVER_ANSWERS, R1), "A " ADDR4 " (TTL 300); AAAA NODATA");
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_STALE_NEGATIVE);
	assert_no_alarm(w->t);
	assert_verdict(w->t, FAILURE_HEALTHY);
}

static void
test_healthy_world_raises_no_alarm(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .aaaa = true, .port = 443,
	    .hosts = "same.hosts" };
	struct survey_compare *c;
	size_t i, s;

	world_build(w, &o);
	for (i = 0; i < 2; i++) {
		resolver_gets(w, i, 0, data_pkt(LDNS_RR_TYPE_A, CANNED_RA |
		    CANNED_RD | CANNED_AD, 300, ADDR4));
		resolver_gets(w, i, 1, data_pkt(LDNS_RR_TYPE_AAAA, CANNED_RA |
		    CANNED_RD | CANNED_AD, 287, ADDR6));
	}
	c = canned_compare(w->sv, "127.0.9.1");
	for (i = 0; i < 2; i++)
		canned_put(&c->answer[i], canned_answer(c->text,
		    data_pkt(w->sv->types[i], CANNED_RA | CANNED_RD, 3600,
		    type_addr(w->sv->types[i])), 2.0));
	analyze(w);

	assert_no_alarm(w->t);
	for (s = 0; s < STEP_COUNT; s++)
		assert_status(w->t, (enum step_id)s, STEP_OK);
	must_find(w->t, STEP_SCOPE, FINDING_NAME_RESOLVES, NULL);
	must_find(w->t, STEP_SCOPE, FINDING_SERVICE_REACHABLE, ADDR4 "#443");
	must_find(w->t, STEP_SCOPE, FINDING_SERVICE_REACHABLE,
	    ADDR6 "#443");
	assert_int_equal(count_in(w->t, STEP_RESOLVERS,
	    FINDING_RESOLVER_ANSWERS), 2);
	assert_int_equal(count_in(w->t, STEP_AUTHORITATIVE,
	    FINDING_AUTH_ANSWERS), 2);
	must_find(w->t, STEP_AUTHORITATIVE, FINDING_ZONE_CUT, NULL);
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_NS_SET_DIFFERS);
	must_find(w->t, STEP_SERIALS, FINDING_SERIALS_AGREE, NULL);
	assert_verdict(w->t, FAILURE_HEALTHY);
	assert_int_equal(w->t->verdict.ncauses, 0);
	assert_int_equal(verdict_exit_status(&w->t->verdict), 0);
}

static void
test_walk_failed_is_info_and_does_not_crash(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .walk_failed = true };
	const struct finding *f;

	world_build(w, &o);
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_WALK_FAILED, NULL);
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_message_has(f, "The walk from the root hints stopped at .: no "
	    "server gave a usable answer.");
	assert_non_null(f->evidence);
	assert_non_null(strstr(f->evidence, "no usable answer"));
	assert_int_equal(w->t->steps[STEP_AUTHORITATIVE].nfindings, 1);
	/* Nothing was checked: skipped with the reason, never "ok". */
	assert_status(w->t, STEP_AUTHORITATIVE, STEP_SKIPPED);
	assert_status(w->t, STEP_SERIALS, STEP_SKIPPED);
	/* A network that lets only its resolvers out is no fault. */
	assert_verdict(w->t, FAILURE_HEALTHY);
}

static void
test_walk_without_any_level_does_not_crash(void **state)
{
	struct world *w = *state;
	struct world_opts o = { .walk_failed = true };
	const struct finding *f;
	size_t i;

	world_build(w, &o);
	/* No root hints at all: the walk never had a level. */
	for (i = 0; i < w->sv->levels[0].nservers; i++) {
		free(w->sv->levels[0].servers[i].nsname);
		probe_result_free(w->sv->levels[0].servers[i].result);
	}
	ldns_rdf_deep_free(w->sv->levels[0].apex);
	memset(&w->sv->levels[0], 0, sizeof(w->sv->levels[0]));
	w->sv->nlevels = 0;
	w->sv->walk_error = "no-servers";
	analyze(w);

	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_WALK_FAILED, NULL);
	assert_message_has(f, "stopped at .: no server address to ask");
}

static void
test_partial_data_leaves_steps_running(void **state)
{
	struct world *w = *state;
	struct survey_resolver *r;
	size_t s;

	world_default(w);
	w->in.final = false;
	r = &w->sv->resolvers[1];
	canned_put(&r->answer[0], NULL);
	canned_put(&r->soa_tcp, NULL);
	canned_put(&w->sv->auth[1].answer[0], NULL);
	canned_put(&w->sv->auth[1].soa, NULL);
	analyze(w);

	assert_status(w->t, STEP_SCOPE, STEP_RUNNING);
	assert_status(w->t, STEP_RESOLVERS, STEP_RUNNING);
	assert_status(w->t, STEP_AUTHORITATIVE, STEP_RUNNING);
	assert_status(w->t, STEP_SERIALS, STEP_RUNNING);
	must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS, R1);
	must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_ANSWERS, NS1 "#53");
	assert_null(finding_in(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_ANSWERS,
	    NS2 "#53"));
	/* No judgement on what has not arrived. */
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_TIMEOUT);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_FAILOVER_PENALTY);
	assert_verdict(w->t, FAILURE_UNKNOWN);
	assert_int_equal(w->t->verdict.severity, SEVERITY_UNKNOWN);

	/* Nothing back at all, and no walk yet. */
	for (s = 0; s < w->sv->nresolvers; s++) {
		r = &w->sv->resolvers[s];
		canned_put(&r->soa_udp, NULL);
		canned_put(&r->soa_tcp, NULL);
		canned_put(&r->answer[0], NULL);
	}
	w->sv->zone = NULL;
	w->sv->walk_done = false;
	analyze(w);
	for (s = 0; s < STEP_COUNT; s++)
		assert_status(w->t, (enum step_id)s, STEP_RUNNING);
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_WALK_FAILED);
	assert_int_equal(w->t->steps[STEP_RESOLVERS].nfindings, 0);
}

static void
test_resolver_answer_not_back_is_not_judged(void **state)
{
	struct world *w = *state;

	world_default(w);
	w->in.final = false;
	/* R2 answered . SOA; its answer for the name is still out. */
	canned_put(&w->sv->resolvers[1].answer[0], NULL);
	analyze(w);

	assert_null(finding_in(w->t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS,
	    R2));
	must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS, R1);
	assert_status(w->t, STEP_RESOLVERS, STEP_RUNNING);
}

/* --- a server slow to answer while the others have ---------------------- */

/* probe_now_us() when the survey started, as the engine would set it. */
#define STARTED_US 5000000000ULL
#define MS_US 1000ULL

/* R1 has answered everything, its first answer (. SOA) in peer_ms; R2 has
 * nothing back yet; the survey is still running. */
static void
world_r2_pending(struct world *w, double peer_ms)
{
	struct survey_resolver *r2;

	world_default(w);
	w->in.final = false;
	w->sv->started_us = STARTED_US;
	canned_put(&w->sv->resolvers[0].soa_udp, canned_answer(R1,
	    root_soa_pkt(), peer_ms));
	r2 = &w->sv->resolvers[1];
	canned_put(&r2->soa_udp, NULL);
	canned_put(&r2->soa_tcp, NULL);
	canned_put(&r2->answer[0], NULL);
}

static void
test_resolver_not_waiting_long_is_not_noted(void **state)
{
	struct world *w = *state;

	world_r2_pending(w, 10);
	w->in.now_us = STARTED_US + 30 * MS_US;
	analyze(w);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_WAITING);
	assert_status(w->t, STEP_RESOLVERS, STEP_RUNNING);
	/* loopback peers answer in no time: never sooner than 100 ms */
	w->in.now_us = STARTED_US + 90 * MS_US;
	analyze(w);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_WAITING);
	/* nor when the time is not known */
	w->in.now_us = 0;
	analyze(w);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_WAITING);
}

static void
test_resolver_waiting_long_is_no_answer_yet(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	world_r2_pending(w, 10);
	w->in.now_us = STARTED_US + 500 * MS_US;
	analyze(w);
	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_WAITING, R2);
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_int_equal(count_in(w->t, STEP_RESOLVERS,
	    FINDING_RESOLVER_WAITING), 1);
	assert_message_has(f, R2 " has not answered after 500 ms");
	assert_message_has(f, "answered within 10 ms");
	assert_message_has(f, "timeout (2000 ms)");
	/* it is no judgement: not silent, not down, the step still runs */
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_TIMEOUT);
	assert_null(finding_in(w->t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS,
	    R2));
	must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_ANSWERS, R1);
	assert_status(w->t, STEP_RESOLVERS, STEP_RUNNING);
	assert_int_equal(w->t->verdict.severity, SEVERITY_UNKNOWN);
}

static void
test_resolver_waiting_is_measured_against_the_peers(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	/* a slow peer (50 ms): a few of its round trips are allowed */
	world_r2_pending(w, 50);
	w->in.now_us = STARTED_US + 150 * MS_US;
	analyze(w);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_WAITING);
	w->in.now_us = STARTED_US + 250 * MS_US;
	analyze(w);
	f = must_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_WAITING, R2);
	assert_message_has(f, "after 250 ms");
	assert_message_has(f, "within 50 ms");
}

static void
test_resolver_waiting_not_noted_when_final_or_alone(void **state)
{
	struct world *w = *state;

	/* the survey is done: what is not back was never sent */
	world_r2_pending(w, 10);
	w->in.now_us = STARTED_US + 500 * MS_US;
	w->in.final = true;
	analyze(w);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_WAITING);

	/* no peer has answered yet: there is nothing to compare with */
	w->in.final = false;
	canned_put(&w->sv->resolvers[0].soa_udp, NULL);
	canned_put(&w->sv->resolvers[0].soa_tcp, NULL);
	canned_put(&w->sv->resolvers[0].answer[0], NULL);
	analyze(w);
	must_not_find(w->t, STEP_RESOLVERS, FINDING_RESOLVER_WAITING);
	assert_status(w->t, STEP_RESOLVERS, STEP_RUNNING);
}

/* NS1 has answered (its first answer in 10 ms); NS2, asked at asked_ms
 * after the start, has nothing back yet. */
static void
world_ns2_pending(struct world *w, unsigned asked_ms)
{
	struct survey_auth *a;

	world_default(w);
	w->in.final = false;
	w->sv->started_us = STARTED_US;
	a = &w->sv->auth[0];
	canned_put(&a->answer[0], canned_answer(a->text,
	    auth_data_pkt(LDNS_RR_TYPE_A, ADDR4), 10.0));
	a = &w->sv->auth[1];
	a->asked_us = STARTED_US + asked_ms * MS_US;
	canned_put(&a->answer[0], NULL);
	canned_put(&a->soa, NULL);
}

static void
test_auth_waiting_counts_from_when_it_was_asked(void **state)
{
	struct world *w = *state;
	const struct finding *f;

	/* asked 400 ms after the start (found late in the walk): 50 ms of
	 * waiting is not long */
	world_ns2_pending(w, 400);
	w->in.now_us = STARTED_US + 450 * MS_US;
	analyze(w);
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_WAITING);
	assert_status(w->t, STEP_AUTHORITATIVE, STEP_RUNNING);

	w->in.now_us = STARTED_US + 900 * MS_US;
	analyze(w);
	f = must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_WAITING,
	    NS2 "#53");
	assert_int_equal(f->severity, SEVERITY_INFO);
	assert_int_equal(count_in(w->t, STEP_AUTHORITATIVE,
	    FINDING_AUTH_WAITING), 1);
	assert_message_has(f, NS2 "#53 has not answered after 500 ms");
	assert_message_has(f, "answered within 10 ms");
	assert_message_has(f, "timeout (2000 ms)");
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_TIMEOUT);
	must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_ANSWERS, NS1 "#53");
	assert_status(w->t, STEP_AUTHORITATIVE, STEP_RUNNING);
}

static void
test_auth_waiting_not_noted_when_final_or_alone(void **state)
{
	struct world *w = *state;

	world_ns2_pending(w, 0);
	w->in.now_us = STARTED_US + 30 * MS_US;
	analyze(w);
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_WAITING);
	/* asked_us unknown: counted from the start of the survey */
	w->in.now_us = STARTED_US + 500 * MS_US;
	analyze(w);
	must_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_WAITING, NS2 "#53");

	w->in.final = true;
	analyze(w);
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_WAITING);

	/* NS1 not back either: no peer to compare with */
	w->in.final = false;
	canned_put(&w->sv->auth[0].answer[0], NULL);
	canned_put(&w->sv->auth[0].soa, NULL);
	analyze(w);
	must_not_find(w->t, STEP_AUTHORITATIVE, FINDING_AUTH_WAITING);
	assert_status(w->t, STEP_AUTHORITATIVE, STEP_RUNNING);
}

/* --- the report --------------------------------------------------------- */

static char *
render_text(const struct triage *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(report_text(fp, t), 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void
test_report_text_of_a_canned_run(void **state)
{
	struct world *w = *state;
	char *text;

	world_default(w);
	resolver_gets(w, 0, 0, data_pkt(LDNS_RR_TYPE_A, CANNED_RA | CANNED_RD,
	    1234, "127.0.80.99"));
	auth_silent(w, 1);
	analyze(w);
	assert_verdict(w->t, FAILURE_STALE_CACHE);

	text = render_text(w->t);
	assert_non_null(strstr(text, "DNS triage report: " NAME " (A)"));
	assert_non_null(strstr(text, "\nVERDICT: stale-cache (critical)\n"));
	assert_non_null(strstr(text, "stale-answer (" R1 ")"));
	assert_non_null(strstr(text, "authoritative-timeout"));
	free(text);
}

static void
test_report_text_of_a_healthy_run(void **state)
{
	struct world *w = *state;
	char *text;

	world_default(w);
	analyze(w);
	text = render_text(w->t);
	assert_non_null(strstr(text, "\nVERDICT: healthy ("));
	free(text);
}



#define T(name) cmocka_unit_test_setup_teardown(name, world_setup, \
	world_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_resolvers_all_silent_is_resolver_down),
		T(test_resolvers_dead_first_costs_failover_penalty),
		T(test_resolvers_rotate_averages_failover_penalty),
		T(test_resolvers_udp_dropped_tcp_reset_costs_failover_penalty),
		T(test_resolvers_refused_port_is_unreachable_without_penalty),
		T(test_resolvers_every_port_refused_is_resolver_down),
		T(test_resolvers_refused_rcode),
		T(test_resolvers_no_ra_is_no_recursion),
		T(test_resolvers_servfail),
		T(test_resolvers_slow_for_the_name_is_info),
		T(test_resolvers_up_but_name_times_out_is_no_answer),
		T(test_resolvers_nxdomain_keeps_negative_ttl),
		T(test_resolvers_udp_without_tcp_is_info),
		T(test_resolvers_ad_flag_reported),
		T(test_resolvers_none_is_skipped),
		T(test_resolvers_dead_nameserver_glibc_never_asks_is_info),
		T(test_resolvers_live_unused_nameserver_does_not_save_lookups),
		T(test_resolver_answer_not_back_is_not_judged),
		T(test_resolver_not_waiting_long_is_not_noted),
		T(test_resolver_waiting_long_is_no_answer_yet),
		T(test_resolver_waiting_is_measured_against_the_peers),
		T(test_resolver_waiting_not_noted_when_final_or_alone),
		T(test_auth_waiting_counts_from_when_it_was_asked),
		T(test_auth_waiting_not_noted_when_final_or_alone),
	T(test_resolver_not_waiting_long_is_not_noted),
	T(test_resolver_waiting_long_is_no_answer_yet),
	T(test_resolver_waiting_is_measured_against_the_peers),
	T(test_resolver_waiting_not_noted_when_final_or_alone),
	T(test_auth_waiting_counts_from_when_it_was_asked),
	T(test_auth_waiting_not_noted_when_final_or_alone),
		T(test_scope_config_remarks_are_info),
		T(test_scope_hosts_entry_overrides_dns),
		T(test_scope_hosts_entry_equal_to_dns_is_no_override),
		T(test_scope_dns_before_files_is_no_override),
		T(test_scope_ipv4_hosts_entry_against_dual_stack_dns),
		T(test_scope_ipv4_override_names_only_ipv4),
		T(test_scope_stub_silent),
		T(test_scope_stub_port_closed),
		T(test_scope_other_local_resolver_is_no_stub),
		T(test_scope_service_connects),
		T(test_scope_service_unreachable_on_one_address_is_warning),
		T(test_scope_service_unreachable_everywhere_is_not_dns),
		T(test_scope_broken_nsswitch_fails_every_lookup),
		T(test_scope_nxdomain_names_the_resolver),
		T(test_auth_one_silent_is_partial),
		T(test_auth_silent_for_one_type_is_partial),
		T(test_auth_no_address_at_all_is_down),
		T(test_auth_all_silent_is_down),
		T(test_auth_refused_is_lame),
		T(test_auth_answer_without_aa_is_lame),
		T(test_auth_upward_referral_is_lame),
		T(test_auth_servfail_is_expired_secondary),
		T(test_auth_all_nxdomain_is_nxdomain),
		T(test_auth_resolver_nxdomain_for_existing_name_is_stale_negative),
		T(test_auth_resolver_nodata_for_existing_record_is_stale_negative),
		T(test_auth_resolver_data_no_server_has_is_stale_answer),
		T(test_auth_resolver_matching_one_server_is_not_stale),
		T(test_auth_compare_resolver_differs_is_split_horizon),
		T(test_auth_cname_out_of_zone_is_not_stale),
		T(test_auth_cname_in_zone_is_no_note),
		T(test_servfail_for_alias_elsewhere_blames_no_resolver),
		T(test_auth_name_without_aaaa_is_healthy),
		T(test_healthy_world_raises_no_alarm),
		T(test_walk_failed_is_info_and_does_not_crash),
		T(test_walk_without_any_level_does_not_crash),
		T(test_partial_data_leaves_steps_running),
		T(test_report_text_of_a_canned_run),
		T(test_report_text_of_a_healthy_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
