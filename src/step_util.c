/* step_util.c - helpers the step analyses share. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/i18n.h"
#include "dnstriage/textfmt.h"
#include "step_util.h"

void
finding_from_probe(struct finding *f, const struct probe_result *res)
{
	if (res == NULL)
		return;
	finding_set_server(f, res->server);
	finding_set_reproduce(f, res->reproduce);
	if (res->pkt != NULL) {
		uint16_t ede[DNSMSG_MAX_EDE];
		char flags[DNSMSG_FLAGS_STRLEN];
		size_t i, n;
		char *text;

		finding_set_rcode(f, dnsmsg_rcode(res->pkt));
		n = dnsmsg_ede(res->pkt, ede, DNSMSG_MAX_EDE);
		for (i = 0; i < n && i < DNSMSG_MAX_EDE; i++)
			finding_add_ede(f, ede[i]);
		dnsmsg_flags(res->pkt, flags, sizeof(flags));
		finding_set_flags(f, flags);
		text = dnsmsg_render(res->pkt);
		finding_set_evidence(f, text);
		free(text);
	}
	if (res->rtt_ms >= 0)
		finding_set_rtt(f, (long)(res->rtt_ms + 0.5));
}

bool
result_answered(const struct probe_result *res)
{
	return res != NULL && res->outcome == PROBE_ANSWER && res->pkt != NULL;
}

bool
result_silent(const struct probe_result *res)
{
	return res != NULL && (res->outcome == PROBE_TIMEOUT ||
	    res->outcome == PROBE_REFUSED_PORT ||
	    res->outcome == PROBE_NET_UNREACHABLE);
}

int
result_rcode(const struct probe_result *res)
{
	return result_answered(res) ? dnsmsg_rcode(res->pkt) : -1;
}

char *
result_failure_text(const struct probe_result *res, unsigned timeout_ms)
{
	(void)timeout_ms;
	if (res == NULL)
		return message_arg_msgid(N_("not asked"));
	return message_arg_msgid(probe_outcome_msgid(res->outcome));
}

char *
data_list_summary(const char *data)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = data, *comma;
	size_t items = 0, more = 0;

	if (data == NULL)
		return xstrdup("");
	for (; p != NULL; p = comma != NULL ? comma + 2 : NULL) {
		comma = strstr(p, ", ");
		if (items == DATA_SUMMARY_ITEMS) {
			more++;
			continue;
		}
		if (items++ > 0)
			strbuf_adds(&sb, ", ");
		strbuf_add(&sb, p, comma != NULL ? (size_t)(comma - p) :
		    strlen(p));
	}
	if (more > 0)
		strbuf_addf(&sb, " (+%zu more)", more);
	return strbuf_detach(&sb);
}

void
server_address(const char *server, char *buf, size_t len)
{
	const char *hash;
	size_t n;

	if (len == 0)
		return;
	buf[0] = '\0';
	if (server == NULL)
		return;
	hash = strrchr(server, '#');
	n = hash != NULL ? (size_t)(hash - server) : strlen(server);
	if (n >= len)
		n = len - 1;
	memcpy(buf, server, n);
	buf[n] = '\0';
}

void
type_text(int type, char *buf, size_t len)
{
	char *s = ldns_rr_type2str((ldns_rr_type)type);

	snprintf(buf, len, "%s", s != NULL ? s : "?");
	free(s);
}

void
utc_text(time_t t, char *buf, size_t len)
{
	struct tm tm;

	if (len == 0)
		return;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, len, "%Y-%m-%d %H:%M:%S UTC", &tm) == 0)
		snprintf(buf, len, "@%lld", (long long)t);
}

void
auth_server_label(const struct survey_auth *a, char *buf, size_t len)
{
	if (a->nsname[0] != '\0')
		snprintf(buf, len, "%s (%s)", a->nsname, a->text);
	else
		snprintf(buf, len, "%s", a->text);
}

bool
step_skip_address_target(struct step_result *s, const struct survey *sv)
{
	if (!sv->address_target)
		return false;
	step_skip(s, N_("the target is an address: there is no name to look "
	    "up"), NULL);
	return true;
}

void
step_conclude(struct step_result *s, bool final)
{
	if (!final)
		s->status = STEP_RUNNING;
	else
		step_finish(s);
}

/* A silent server shows as waiting after this many peer round trips, and
 * never sooner than this (loopback answers in microseconds). */
#define WAITING_PEER_FACTOR 4
#define WAITING_MIN_MS 100

void
step_note_waiting(struct step_result *s, enum finding_code code,
    const struct step_input *in, const char *server, uint64_t asked_us,
    double peer_ms)
{
	double waited, after;
	char waited_s[32], peer_s[32], timeout_s[32];
	struct finding *f;

	if (asked_us == 0)
		asked_us = in->sv->started_us;
	if (in->final || in->now_us == 0 || asked_us == 0 || peer_ms < 0 ||
	    in->now_us < asked_us)
		return;
	waited = (double)(in->now_us - asked_us) / 1000.0;
	after = peer_ms * WAITING_PEER_FACTOR;
	if (after < WAITING_MIN_MS)
		after = WAITING_MIN_MS;
	if (waited < after)
		return;
	snprintf(waited_s, sizeof(waited_s), "%.0f", waited);
	snprintf(peer_s, sizeof(peer_s), "%.0f", peer_ms < 1 ? 1 : peer_ms);
	snprintf(timeout_s, sizeof(timeout_s), "%u", in->timeout_ms);
	f = step_add_finding(s, code);
	finding_set_server(f, server);
	finding_set_message(f, N_("%1$s has not answered after %2$s ms, while "
	    "the others answered within %3$s ms. It counts as silent only once "
	    "its timeout (%4$s ms) has passed."), server, waited_s, peer_s,
	    timeout_s, NULL);
}
