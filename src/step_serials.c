/* step_serials.c - the serials step: the SOA serial of the zone on every
 * address of every NS, compared with RFC 1982 serial arithmetic. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/i18n.h"
#include "step_util.h"

/* RFC 1982: a is behind b (a < b in serial arithmetic). */
static bool
serial_behind(uint32_t a, uint32_t b)
{
	return a != b && ((a < b && b - a < 0x80000000u) ||
	    (a > b && a - b > 0x80000000u));
}

static bool
soa_serial(const struct survey *sv, const struct probe_result *res,
    uint32_t *serial)
{
	ldns_rr_list *set;
	ldns_rr *soa;

	if (result_rcode(res) != LDNS_RCODE_NOERROR || !ldns_pkt_aa(res->pkt) ||
	    (set = dnsmsg_answer_rrset(res->pkt, sv->zone->apex,
	    LDNS_RR_TYPE_SOA)) == NULL)
		return false;
	soa = ldns_rr_list_rr(set, 0);
	if (ldns_rr_rd_count(soa) < 3) {
		ldns_rr_list_deep_free(set);
		return false;
	}
	*serial = ldns_rdf2native_int32(ldns_rr_rdf(soa, 2));
	ldns_rr_list_deep_free(set);
	return true;
}

void
step_serials_analyze(const struct step_input *in, struct triage *t)
{
	const struct survey *sv = in->sv;
	struct step_result *s = triage_step(t, STEP_SERIALS);
	uint32_t serials[SURVEY_MAX_AUTH], newest = 0;
	bool have[SURVEY_MAX_AUTH], any = false, pending = false;
	size_t i, behind = 0;
	char newest_text[16];

	step_reset(s);
	if (sv->address_target) {
		step_skip(s, N_("the target is an address: there is no name to "
		    "look up"), NULL);
		return;
	}
	if (sv->zone == NULL) {
		if (sv->walk_done)
			step_skip(s, N_("the zone of the name is not known: the "
			    "walk from the root did not reach it"), NULL);
		else
			s->status = STEP_RUNNING;
		return;
	}
	for (i = 0; i < sv->nauth; i++) {
		have[i] = false;
		if (sv->auth[i].soa == NULL) {
			pending = true;
			continue;
		}
		if (!soa_serial(sv, sv->auth[i].soa, &serials[i]))
			continue;
		have[i] = true;
		if (!any || serial_behind(newest, serials[i]))
			newest = serials[i];
		any = true;
	}
	if (pending && !in->final) {
		s->status = STEP_RUNNING;
		return;
	}
	if (!any) {
		step_skip(s, N_("no name server of the zone gave its SOA"), NULL);
		return;
	}
	snprintf(newest_text, sizeof(newest_text), "%lu",
	    (unsigned long)newest);
	for (i = 0; i < sv->nauth; i++) {
		char serial[16], addr[PROBE_SERVER_STRLEN];
		struct finding *f;

		if (!have[i] || !serial_behind(serials[i], newest))
			continue;
		behind++;
		snprintf(serial, sizeof(serial), "%lu",
		    (unsigned long)serials[i]);
		server_address(sv->auth[i].text, addr, sizeof(addr));
		f = step_add_finding(s, FINDING_SERIAL_BEHIND);
		finding_from_probe(f, sv->auth[i].soa);
		finding_set_message(f, N_("%1$s (%2$s) serves %3$s with serial "
		    "%4$s, behind %5$s on the other name servers."),
		    sv->auth[i].nsname, sv->auth[i].text, sv->zone->apex_text,
		    serial, newest_text, NULL);
		finding_set_fact(f, FACT_ZONE, sv->zone->apex_text);
		finding_set_fact(f, FACT_ADDRESS, addr);
	}
	if (behind == 0) {
		struct finding *f = step_add_finding(s, FINDING_SERIALS_AGREE);

		finding_set_message(f, N_("Every name server that answers serves "
		    "%1$s with serial %2$s."), sv->zone->apex_text, newest_text,
		    NULL);
		finding_set_fact(f, FACT_ZONE, sv->zone->apex_text);
	}
	step_finish(s);
}
