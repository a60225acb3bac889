/* step_dnssec.c - the DNSSEC step: what validating resolvers say (AD, and
 * a SERVFAIL that goes away with CD=1: a validation failure). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/i18n.h"
#include "step_util.h"

/* SERVFAIL without CD, an answer with it: the resolver validated the
 * data and rejected it. */
static bool
validation_failed(const struct probe_result *plain,
    const struct probe_result *cd)
{
	int rc = result_rcode(cd);

	return result_rcode(plain) == LDNS_RCODE_SERVFAIL &&
	    (rc == LDNS_RCODE_NOERROR || rc == LDNS_RCODE_NXDOMAIN);
}

void
step_dnssec_analyze(const struct step_input *in, struct triage *t)
{
	const struct survey *sv = in->sv;
	struct step_result *s = triage_step(t, STEP_DNSSEC);
	const struct survey_resolver *validated = NULL;
	bool pending = false;
	size_t i, k;

	step_reset(s);
	for (i = 0; i < sv->nresolvers; i++) {
		const struct survey_resolver *r = &sv->resolvers[i];

		for (k = 0; k < sv->ntypes; k++) {
			const struct probe_result *plain = r->answer[k];
			char type[16], addr[PROBE_SERVER_STRLEN];
			struct finding *f;

			if (plain == NULL) {
				pending = true;
				continue;
			}
			if (result_rcode(plain) == LDNS_RCODE_SERVFAIL &&
			    r->answer_cd[k] == NULL && !in->final)
				pending = true;
			if (result_answered(plain) && ldns_pkt_ad(plain->pkt) &&
			    validated == NULL)
				validated = r;
			if (!validation_failed(plain, r->answer_cd[k]))
				continue;
			type_text(sv->types[k], type, sizeof(type));
			server_address(r->text, addr, sizeof(addr));
			f = step_add_finding(s, FINDING_VALIDATION_FAILURE);
			finding_from_probe(f, plain);
			finding_set_reproduce(f, r->answer_cd[k]->reproduce);
			finding_set_message(f, N_("%1$s answers SERVFAIL for %2$s "
			    "%3$s, but with checking disabled (+cd) it returns "
			    "the records: it rejects them because DNSSEC "
			    "validation fails."), r->text, sv->name, type, NULL);
			finding_set_fact(f, FACT_ADDRESS, addr);
			finding_set_fact(f, FACT_TYPE, type);
			if (sv->zone != NULL)
				finding_set_fact(f, FACT_ZONE, sv->zone->apex_text);
			break;
		}
	}
	if (validated != NULL) {
		struct finding *f = step_add_finding(s, FINDING_RESOLVER_AD);

		finding_set_message(f, N_("%1$s validates the answer for %2$s "
		    "(AD flag set)."), validated->text, sv->name, NULL);
		finding_set_server(f, validated->text);
	}
	step_conclude(s, in->final && !pending);
}
