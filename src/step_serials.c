/* step_serials.c - the serials step: the zone's SOA on every address of
 * every NS, compared with RFC 1982 serial arithmetic (who is behind, by
 * how much); servers that fail their own zone's SOA; how long each copy
 * of the zone lives on (EDNS EXPIRE, RFC 7314); SOA timers against the
 * ranges of RFC 1912. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/i18n.h"
#include "dnstriage/textfmt.h"
#include "step_util.h"

#define DAY_SECONDS 86400u
/* RFC 1912 2.2 and RFC 2308 5: what the SOA timers should not exceed. */
#define MAX_REFRESH DAY_SECONDS
#define MAX_NEGATIVE_TTL (3u * 3600u)

/* --- RFC 1982 ----------------------------------------------------------- */

/* a is behind b (a < b in serial arithmetic). Serials exactly 2^31 apart
 * are neither behind nor ahead of each other: RFC 1982 leaves that
 * undefined. */
static bool
serial_behind(uint32_t a, uint32_t b)
{
	return a != b && ((a < b && b - a < 0x80000000u) ||
	    (a > b && a - b > 0x80000000u));
}

/* A date-style serial (YYYYMMDDnn, RFC 1912 2.2) as "2026-01-31 #02". */
static bool
serial_date(uint32_t serial, char *buf, size_t len)
{
	unsigned y = serial / 1000000u, m = serial / 10000u % 100u,
	    d = serial / 100u % 100u, n = serial % 100u;

	if (y < 1980 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	snprintf(buf, len, "%04u-%02u-%02u #%02u", y, m, d, n);
	return true;
}

/* --- one server's SOA --------------------------------------------------- */

enum soa_state {
	SOA_PENDING,
	SOA_NONE,		/* silent, REFUSED, ...: other steps tell */
	SOA_SERVFAIL,
	SOA_NOT_AUTH,		/* NOERROR without AA */
	SOA_OK,
};

struct soa_view {
	enum soa_state state;
	uint32_t serial, refresh, retry, expire, minimum;
	bool have_expire_option;
	uint32_t expire_option;		/* seconds, RFC 7314 */
};

static void
soa_read(const struct survey *sv, const struct probe_result *res,
    struct soa_view *v)
{
	ldns_rr_list *set;
	ldns_rr *soa;
	int rcode = result_rcode(res);

	memset(v, 0, sizeof(*v));
	if (res == NULL) {
		v->state = SOA_PENDING;
		return;
	}
	v->state = SOA_NONE;
	if (!result_answered(res))
		return;
	v->have_expire_option = dnsmsg_edns_expire(res->pkt, &v->expire_option);
	if (rcode == LDNS_RCODE_SERVFAIL) {
		v->state = SOA_SERVFAIL;
		return;
	}
	if (rcode != LDNS_RCODE_NOERROR)
		return;
	if (!ldns_pkt_aa(res->pkt)) {
		v->state = SOA_NOT_AUTH;
		return;
	}
	if ((set = dnsmsg_answer_rrset(res->pkt, sv->zone->apex,
	    LDNS_RR_TYPE_SOA)) == NULL)
		return;
	soa = ldns_rr_list_rr(set, 0);
	if (ldns_rr_rd_count(soa) >= 7) {
		v->state = SOA_OK;
		v->serial = ldns_rdf2native_int32(ldns_rr_rdf(soa, 2));
		v->refresh = ldns_rdf2native_int32(ldns_rr_rdf(soa, 3));
		v->retry = ldns_rdf2native_int32(ldns_rr_rdf(soa, 4));
		v->expire = ldns_rdf2native_int32(ldns_rr_rdf(soa, 5));
		v->minimum = ldns_rdf2native_int32(ldns_rr_rdf(soa, 6));
	}
	ldns_rr_list_deep_free(set);
}

/* What the authoritative step reports for the server's answers for the
 * name: any SERVFAIL makes it authoritative-servfail there. */
static bool
name_servfail(const struct survey *sv, const struct survey_auth *a)
{
	size_t t;

	for (t = 0; t < sv->ntypes; t++)
		if (result_rcode(a->answer[t]) == LDNS_RCODE_SERVFAIL)
			return true;
	return false;
}

/* The server answered the name with authority (the authoritative step
 * found nothing wrong with it). */
static bool
name_authoritative(const struct survey *sv, const struct survey_auth *a)
{
	size_t t;
	bool any = false;

	for (t = 0; t < sv->ntypes; t++) {
		int rc = result_rcode(a->answer[t]);

		if (rc < 0)
			continue;
		if ((rc != LDNS_RCODE_NOERROR && rc != LDNS_RCODE_NXDOMAIN) ||
		    !ldns_pkt_aa(a->answer[t]->pkt))
			return false;
		any = true;
	}
	return any;
}

static struct finding *
server_finding(struct step_result *s, enum finding_code code,
    const struct survey *sv, const struct survey_auth *a)
{
	struct finding *f = step_add_finding(s, code);
	char addr[PROBE_SERVER_STRLEN];

	finding_from_probe(f, a->soa);
	finding_set_server(f, a->text);
	server_address(a->text, addr, sizeof(addr));
	finding_set_fact(f, FACT_ZONE, sv->zone->apex_text);
	finding_set_fact(f, FACT_ADDRESS, addr);
	return f;
}

/* A server that fails the SOA of its own zone, unless the authoritative
 * step says so already for the name (one finding per fault). */
static void
report_soa_failure(struct step_result *s, const struct survey *sv,
    const struct survey_auth *a, const struct soa_view *v)
{
	char label[LDNS_MAX_DOMAINLEN + PROBE_SERVER_STRLEN + 8];
	struct finding *f;

	auth_server_label(a, label, sizeof(label));
	if (v->state == SOA_SERVFAIL && !name_servfail(sv, a)) {
		f = server_finding(s, FINDING_SOA_SERVFAIL, sv, a);
		finding_set_message(f, N_("%1$s answers SERVFAIL for the SOA of its "
		    "own zone %2$s: its copy of the zone has expired or failed to "
		    "load."), label, sv->zone->apex_text, NULL);
	} else if (v->state == SOA_NOT_AUTH && name_authoritative(sv, a)) {
		f = server_finding(s, FINDING_SOA_NOT_AUTH, sv, a);
		finding_set_message(f, N_("%1$s answers the SOA query for its own "
		    "zone %2$s without the AA flag: it no longer serves the zone "
		    "with authority (its copy expired or was removed)."), label,
		    sv->zone->apex_text, NULL);
	}
}

/* --- the serials -------------------------------------------------------- */

struct behind {
	size_t idx;
	uint32_t distance;
};

static int
by_distance(const void *a, const void *b)
{
	const struct behind *x = a, *y = b;

	return (x->distance < y->distance) - (x->distance > y->distance);
}

/* The servers that serve serial, "ns1.example.test (127.0.3.1#53), ..." */
static char *
holders_text(const struct survey *sv, const struct soa_view *views,
    uint32_t serial)
{
	struct strbuf sb = STRBUF_INIT;
	char label[LDNS_MAX_DOMAINLEN + PROBE_SERVER_STRLEN + 8];
	size_t i;

	for (i = 0; i < sv->nauth; i++) {
		if (views[i].state != SOA_OK || views[i].serial != serial)
			continue;
		auth_server_label(&sv->auth[i], label, sizeof(label));
		strbuf_addf(&sb, "%s%s", sb.len > 0 ? ", " : "", label);
	}
	return strbuf_detach(&sb);
}

static void
report_behind(struct step_result *s, const struct survey *sv,
    const struct survey_auth *a, const struct soa_view *v, uint32_t newest,
    uint32_t distance, const char *holders)
{
	char label[LDNS_MAX_DOMAINLEN + PROBE_SERVER_STRLEN + 8];
	char serial[16], top[16], by[16], d1[24], d2[24];
	struct finding *f = server_finding(s, FINDING_SERIAL_BEHIND, sv, a);

	auth_server_label(a, label, sizeof(label));
	snprintf(serial, sizeof(serial), "%lu", (unsigned long)v->serial);
	snprintf(top, sizeof(top), "%lu", (unsigned long)newest);
	snprintf(by, sizeof(by), "%lu", (unsigned long)distance);
	if (serial_date(v->serial, d1, sizeof(d1)) &&
	    serial_date(newest, d2, sizeof(d2)))
		/* TRANSLATORS: %1$s: a name server as "ns1.example.test
		 * (192.0.2.1#53)"; %2$s: the zone; %3$s and %4$s: SOA
		 * serial numbers; %5$s: the servers with the newer one;
		 * %6$s: the difference; %7$s, %8$s: the serials read as
		 * dates. */
		finding_set_message(f, N_("%1$s serves %2$s with serial %3$s, "
		    "behind %4$s on %5$s by %6$s (date-style serials: %7$s "
		    "against %8$s)."), label, sv->zone->apex_text, serial, top,
		    holders, by, d1, d2, NULL);
	else
		/* TRANSLATORS: %1$s: a name server as "ns1.example.test
		 * (192.0.2.1#53)"; %2$s: the zone; %3$s and %4$s: SOA
		 * serial numbers; %5$s: the servers with the newer one;
		 * %6$s: the difference. */
		finding_set_message(f, N_("%1$s serves %2$s with serial %3$s, "
		    "behind %4$s on %5$s by %6$s."), label, sv->zone->apex_text,
		    serial, top, holders, by, NULL);
}

static void
report_incomparable(struct step_result *s, const struct survey *sv,
    const struct survey_auth *a, const struct soa_view *v, uint32_t newest,
    const char *holders)
{
	char label[LDNS_MAX_DOMAINLEN + PROBE_SERVER_STRLEN + 8];
	char serial[16], top[16];
	struct finding *f = server_finding(s, FINDING_SERIALS_INCOMPARABLE, sv,
	    a);

	auth_server_label(a, label, sizeof(label));
	snprintf(serial, sizeof(serial), "%lu", (unsigned long)v->serial);
	snprintf(top, sizeof(top), "%lu", (unsigned long)newest);
	/* TRANSLATORS: %1$s: a name server as "ns1.example.test
	 * (192.0.2.1#53)"; %2$s: the zone; %3$s and %5$s: SOA serial
	 * numbers; %4$s: the other servers. RFC 1982: serial number
	 * arithmetic. */
	finding_set_message(f, N_("%1$s serves %2$s with serial %3$s, and %4$s "
	    "serves %5$s: RFC 1982 does not say which of the two is newer "
	    "(they are 2^31 apart, or the servers' serials cannot be put in "
	    "one order), so secondaries may never transfer. Raise the serial "
	    "on the primary past both, in steps of less than 2^31."), label,
	    sv->zone->apex_text, serial, holders, top, NULL);
}

/* The newest serial; *holder gets the first server serving it. */
static uint32_t
newest_serial(const struct survey *sv, const struct soa_view *views,
    size_t *holder)
{
	uint32_t newest = 0;
	size_t i;

	*holder = SIZE_MAX;
	for (i = 0; i < sv->nauth; i++) {
		if (views[i].state != SOA_OK)
			continue;
		if (*holder == SIZE_MAX || serial_behind(newest,
		    views[i].serial)) {
			newest = views[i].serial;
			*holder = i;
		}
	}
	return newest;
}

static void
report_serials(struct step_result *s, const struct survey *sv,
    const struct soa_view *views, uint32_t newest)
{
	struct behind behind[SURVEY_MAX_AUTH];
	char *holders = holders_text(sv, views, newest);
	size_t i, n = 0, odd = 0;

	for (i = 0; i < sv->nauth; i++) {
		if (views[i].state != SOA_OK || views[i].serial == newest)
			continue;
		if (serial_behind(views[i].serial, newest)) {
			behind[n].idx = i;
			behind[n++].distance = newest - views[i].serial;
		} else {
			report_incomparable(s, sv, &sv->auth[i], &views[i],
			    newest, holders);
			odd++;
		}
	}
	/* Ranked: the server furthest behind first. */
	qsort(behind, n, sizeof(behind[0]), by_distance);
	for (i = 0; i < n; i++)
		report_behind(s, sv, &sv->auth[behind[i].idx],
		    &views[behind[i].idx], newest, behind[i].distance, holders);
	if (n == 0 && odd == 0) {
		struct finding *f = step_add_finding(s, FINDING_SERIALS_AGREE);
		char top[16];

		snprintf(top, sizeof(top), "%lu", (unsigned long)newest);
		finding_set_message(f, N_("Every name server that answers serves "
		    "%1$s with serial %2$s."), sv->zone->apex_text, top, NULL);
		finding_set_fact(f, FACT_ZONE, sv->zone->apex_text);
	}
	free(holders);
}

/* --- EDNS EXPIRE -------------------------------------------------------- */

static void
report_expire(struct step_result *s, const struct survey *sv,
    const struct survey_auth *a, const struct soa_view *v,
    const struct soa_view *ref, time_t asked)
{
	char label[LDNS_MAX_DOMAINLEN + PROBE_SERVER_STRLEN + 8];
	char secs[16], full[16], when[UTC_TEXT_LEN];
	uint32_t full_expire = v->state == SOA_OK ? v->expire :
	    ref != NULL ? ref->expire : 0;
	struct finding *f;

	auth_server_label(a, label, sizeof(label));
	snprintf(secs, sizeof(secs), "%lu", (unsigned long)v->expire_option);
	snprintf(full, sizeof(full), "%lu", (unsigned long)full_expire);
	utc_text(asked + (time_t)v->expire_option, when, sizeof(when));
	if (full_expire != 0 && v->expire_option >= full_expire) {
		/* A primary answers with the SOA's own expire (RFC 7314 4),
		 * and so does a secondary right after a refresh. */
		f = server_finding(s, FINDING_EDNS_EXPIRE, sv, a);
		/* TRANSLATORS: %1$s: a name server as "ns1.example.test
		 * (192.0.2.1#53)"; %2$s: the zone; %3$s and %4$s: seconds.
		 * EDNS EXPIRE: the EDNS option of RFC 7314, keep it. */
		finding_set_message(f, N_("%1$s answers EDNS EXPIRE for %2$s with "
		    "%3$s s, the full expire time of the SOA (%4$s s): it is the "
		    "primary, or its copy was refreshed just now."), label,
		    sv->zone->apex_text, secs, full, NULL);
	} else if (v->expire_option < DAY_SECONDS) {
		f = server_finding(s, FINDING_EXPIRE_SOON, sv, a);
		/* TRANSLATORS: %1$s: a name server as "ns1.example.test
		 * (192.0.2.1#53)"; %2$s: the zone; %3$s: seconds; %4$s: a
		 * UTC date and time. */
		finding_set_message(f, N_("%1$s has not refreshed %2$s from its "
		    "primary for a long time: its copy expires in %3$s s (%4$s), "
		    "then it answers SERVFAIL for the whole zone."), label,
		    sv->zone->apex_text, secs, when, NULL);
	} else {
		char days[16];

		snprintf(days, sizeof(days), "%lu",
		    (unsigned long)(v->expire_option / DAY_SECONDS));
		f = server_finding(s, FINDING_EDNS_EXPIRE, sv, a);
		finding_set_message_plural(f,
		    /* TRANSLATORS: %1$s: a name server as
		     * "ns1.example.test (192.0.2.1#53)"; %2$s: the zone;
		     * %3$s: seconds; %4$s: days; %5$s: a UTC date and
		     * time. EDNS EXPIRE: the EDNS option of RFC 7314, keep
		     * it. */
		    "%1$s keeps its copy of %2$s for %3$s s more (%4$s day, "
		    "until %5$s) if its refreshes from the primary keep failing "
		    "(EDNS EXPIRE).",
		    "%1$s keeps its copy of %2$s for %3$s s more (%4$s days, "
		    "until %5$s) if its refreshes from the primary keep failing "
		    "(EDNS EXPIRE).",
		    (unsigned long)(v->expire_option / DAY_SECONDS), label,
		    sv->zone->apex_text, secs, days, when, NULL);
	}
	finding_set_fact(f, FACT_SECONDS, secs);
	finding_set_fact(f, FACT_WHEN, when);
}

/* --- SOA timers --------------------------------------------------------- */

static void
report_timers(struct step_result *s, const struct survey *sv,
    const struct survey_auth *a, const struct soa_view *v)
{
	char a1[16], a2[16];
	struct finding *f;

	if ((uint64_t)v->expire < (uint64_t)v->refresh + v->retry) {
		f = server_finding(s, FINDING_SOA_TIMERS, sv, a);
		snprintf(a1, sizeof(a1), "%lu", (unsigned long)v->expire);
		snprintf(a2, sizeof(a2), "%llu",
		    (unsigned long long)v->refresh + v->retry);
		/* TRANSLATORS: %1$s: the zone; %2$s and %3$s: seconds.
		 * expire, refresh, retry: fields of the SOA record. */
		finding_set_message(f, N_("The SOA of %1$s sets expire to %2$s s, "
		    "less than refresh + retry (%3$s s): a secondary can expire "
		    "the zone before its first retry. Set expire to two to four "
		    "weeks (RFC 1912)."), sv->zone->apex_text, a1, a2, NULL);
	}
	if (v->minimum > MAX_NEGATIVE_TTL) {
		f = server_finding(s, FINDING_SOA_TIMERS, sv, a);
		snprintf(a1, sizeof(a1), "%lu", (unsigned long)v->minimum);
		finding_set_message(f, N_("The SOA of %1$s sets the negative TTL "
		    "(MINIMUM) to %2$s s, more than three hours: resolvers keep "
		    "answering that a new name does not exist for that long. Use "
		    "one to three hours (RFC 2308)."), sv->zone->apex_text, a1,
		    NULL);
	}
	if (v->refresh > MAX_REFRESH) {
		f = server_finding(s, FINDING_SOA_TIMERS, sv, a);
		snprintf(a1, sizeof(a1), "%lu", (unsigned long)v->refresh);
		finding_set_message(f, N_("The SOA of %1$s sets refresh to %2$s s, "
		    "more than a day: when a NOTIFY is lost, secondaries notice a "
		    "change that late. Use 20 minutes to 12 hours (RFC 1912)."),
		    sv->zone->apex_text, a1, NULL);
	}
}

/* --- the primary named in the SOA (MNAME) ------------------------------- */

/* The primary is not one of the listed name servers and gave its SOA:
 * true and *v set. */
static bool
primary_view(const struct survey *sv, struct soa_view *v)
{
	if (sv->mname[0] == '\0' || sv->primary_listed ||
	    sv->primary.soa == NULL)
		return false;
	soa_read(sv, sv->primary.soa, v);
	return v->state == SOA_OK;
}

static bool
primary_pending(const struct survey *sv)
{
	return sv->mname[0] != '\0' && !sv->primary_listed &&
	    sv->primary.soa == NULL && sv->primary_state ==
	    SURVEY_NSNAME_LOOKUP;
}

/* Every listed server behind the primary: the changes made there do not
 * reach any of them (NOTIFY, transfers, TSIG). */
static bool
report_behind_primary(struct step_result *s, const struct survey *sv,
    const struct soa_view *views, const struct soa_view *pv)
{
	char label[LDNS_MAX_DOMAINLEN + PROBE_SERVER_STRLEN + 8];
	char serial[16], top[16], by[16], addr[PROBE_SERVER_STRLEN];
	size_t i, n = 0;

	for (i = 0; i < sv->nauth; i++)
		if (views[i].state == SOA_OK &&
		    !serial_behind(views[i].serial, pv->serial))
			return false;
	snprintf(top, sizeof(top), "%lu", (unsigned long)pv->serial);
	for (i = 0; i < sv->nauth; i++) {
		struct finding *f;

		if (views[i].state != SOA_OK)
			continue;
		auth_server_label(&sv->auth[i], label, sizeof(label));
		snprintf(serial, sizeof(serial), "%lu",
		    (unsigned long)views[i].serial);
		snprintf(by, sizeof(by), "%lu",
		    (unsigned long)(pv->serial - views[i].serial));
		f = step_add_finding(s, FINDING_SERIAL_BEHIND);
		finding_from_probe(f, sv->auth[i].soa);
		/* TRANSLATORS: %1$s: a name server as "ns1.example.test
		 * (192.0.2.1#53)"; %2$s: the zone; %3$s and %4$s: SOA
		 * serial numbers; %5$s: the primary's name; %6$s: the
		 * difference. MNAME: the SOA field naming the primary. */
		finding_set_message(f, N_("%1$s serves %2$s with serial %3$s, "
		    "behind %4$s on its primary %5$s (the SOA's MNAME) by %6$s: "
		    "no listed name server has the primary's changes."), label,
		    sv->zone->apex_text, serial, top, sv->mname, by, NULL);
		finding_set_fact(f, FACT_ZONE, sv->zone->apex_text);
		server_address(sv->auth[i].text, addr, sizeof(addr));
		finding_set_fact(f, FACT_ADDRESS, addr);
		n++;
	}
	return n > 0;
}

static void
report_primary(struct step_result *s, const struct survey *sv,
    const struct soa_view *pv, bool answered, uint32_t newest)
{
	char serial[16];
	struct finding *f;

	if (sv->mname[0] == '\0' || sv->primary_listed)
		return;
	f = step_add_finding(s, FINDING_PRIMARY_SOA);
	if (!answered) {
		if (sv->primary.soa != NULL)
			finding_from_probe(f, sv->primary.soa);
		finding_set_message(f, N_("The primary the SOA names, %1$s, is "
		    "not among the name servers and gives no SOA from here: a "
		    "hidden primary, as is common; its serial cannot be "
		    "compared."), sv->mname, NULL);
		return;
	}
	finding_from_probe(f, sv->primary.soa);
	snprintf(serial, sizeof(serial), "%lu", (unsigned long)pv->serial);
	if (serial_behind(pv->serial, newest))
		/* TRANSLATORS: %1$s: the primary's name; %2$s: its address
		 * (ADDRESS#PORT); %3$s: an SOA serial number. MNAME: the
		 * SOA field naming the primary. */
		finding_set_message(f, N_("The primary the SOA names, %1$s "
		    "(%2$s), serves serial %3$s, behind the name servers: the "
		    "MNAME field may name an old primary."), sv->mname,
		    sv->primary.text, serial, NULL);
	else
		/* TRANSLATORS: %1$s: the primary's name; %2$s: its address
		 * (ADDRESS#PORT); %3$s: an SOA serial number. */
		finding_set_message(f, N_("The primary the SOA names, %1$s "
		    "(%2$s), is not among the name servers; it serves serial "
		    "%3$s."), sv->mname, sv->primary.text, serial, NULL);
}

void
step_serials_analyze(const struct step_input *in, struct triage *t)
{
	const struct survey *sv = in->sv;
	struct step_result *s = triage_step(t, STEP_SERIALS);
	struct soa_view views[SURVEY_MAX_AUTH], pv = { 0 };
	bool pending = false, primary_answered;
	uint32_t newest;
	size_t i, holder;
	time_t asked = t->started != 0 ? t->started : in->now;

	step_reset(s);
	if (step_skip_address_target(s, sv))
		return;
	if (sv->zone == NULL) {
		if (sv->walk_done)
			step_skip(s, N_("the zone of the name is not known: the "
			    "walk from the root did not reach it"), NULL);
		else
			s->status = STEP_RUNNING;
		return;
	}
	for (i = 0; i < sv->nauth; i++) {
		soa_read(sv, sv->auth[i].soa, &views[i]);
		pending |= views[i].state == SOA_PENDING;
	}
	pending |= primary_pending(sv);
	if (pending && !in->final) {
		s->status = STEP_RUNNING;
		return;
	}
	for (i = 0; i < sv->nauth; i++)
		report_soa_failure(s, sv, &sv->auth[i], &views[i]);
	newest = newest_serial(sv, views, &holder);
	if (holder == SIZE_MAX) {
		if (s->nfindings == 0)
			step_skip(s, N_("no name server of the zone gave its SOA"),
			    NULL);
		else
			step_finish(s);
		return;
	}
	primary_answered = primary_view(sv, &pv);
	if (!primary_answered || !serial_behind(newest, pv.serial) ||
	    !report_behind_primary(s, sv, views, &pv))
		report_serials(s, sv, views, newest);
	report_primary(s, sv, &pv, primary_answered, newest);
	for (i = 0; i < sv->nauth; i++)
		if (views[i].have_expire_option && views[i].state == SOA_OK)
			report_expire(s, sv, &sv->auth[i], &views[i],
			    &views[holder], asked);
	report_timers(s, sv, &sv->auth[holder], &views[holder]);
	step_finish(s);
}
