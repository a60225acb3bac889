/* step_scope.c - is it DNS at all? What applications on this host get for
 * the name (nsswitch order: hosts file, then DNS through resolv.conf's
 * resolvers, as glibc does it), whether a hosts-file entry overrides DNS,
 * whether the local stub resolver answers, and whether the service
 * accepts connections by address. */
#include "config.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/i18n.h"
#include "dnstriage/textfmt.h"
#include "step_util.h"

#define MAX_ADDRS 64

/* A set of addresses as text, sorted, for comparing and showing. */
struct addr_set {
	char *a[MAX_ADDRS];
	size_t n;
};

static void
addr_set_add(struct addr_set *s, const char *text)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->a[i], text) == 0)
			return;
	if (s->n < MAX_ADDRS)
		s->a[s->n++] = xstrdup(text);
}

static void
addr_set_free(struct addr_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->a[i]);
	s->n = 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
addr_set_join(struct addr_set *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	qsort(s->a, s->n, sizeof(s->a[0]), cmp_str);
	for (i = 0; i < s->n; i++) {
		if (i > 0)
			strbuf_adds(&sb, ", ");
		strbuf_adds(&sb, s->a[i]);
	}
	return strbuf_detach(&sb);
}

static bool
addr_set_equal(struct addr_set *a, struct addr_set *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	qsort(a->a, a->n, sizeof(a->a[0]), cmp_str);
	qsort(b->a, b->n, sizeof(b->a[0]), cmp_str);
	for (i = 0; i < a->n; i++)
		if (strcmp(a->a[i], b->a[i]) != 0)
			return false;
	return true;
}

static bool
is_v6(const char *text)
{
	return strchr(text, ':') != NULL;
}

/* Only the addresses of one family of s (for comparing like with like). */
static void
addr_set_family(const struct addr_set *s, bool v6, struct addr_set *out)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (is_v6(s->a[i]) == v6)
			addr_set_add(out, s->a[i]);
}

/* The A and AAAA of qname in pkt, through the CNAMEs of the answer. */
static void
answer_addresses(const struct survey *sv, const ldns_pkt *pkt,
    struct addr_set *out)
{
	const ldns_rdf *owner = sv->qname;
	ldns_rr_list *answer = pkt != NULL ? ldns_pkt_answer(pkt) : NULL;
	size_t hop, i;

	for (hop = 0; answer != NULL && owner != NULL && hop < 8; hop++) {
		const ldns_rdf *next = NULL;

		for (i = 0; i < ldns_rr_list_rr_count(answer); i++) {
			const ldns_rr *rr = ldns_rr_list_rr(answer, i);
			ldns_rr_type ty = ldns_rr_get_type(rr);
			char *s;

			if (ldns_dname_compare(ldns_rr_owner(rr), owner) != 0 ||
			    ldns_rr_rd_count(rr) < 1)
				continue;
			if (ty == LDNS_RR_TYPE_CNAME)
				next = ldns_rr_rdf(rr, 0);
			if (ty != LDNS_RR_TYPE_A && ty != LDNS_RR_TYPE_AAAA)
				continue;
			if ((s = ldns_rdf2str(ldns_rr_rdf(rr, 0))) != NULL)
				addr_set_add(out, s);
			free(s);
		}
		owner = next;
	}
}

/* --- the application's view --------------------------------------------- */

/* Does the triage ask for addresses? Only then do the hosts file and
 * getaddrinfo() say anything about the name. */
static bool
wants_addresses(const struct survey *sv)
{
	size_t t;

	for (t = 0; t < sv->ntypes; t++)
		if (sv->types[t] == LDNS_RR_TYPE_A ||
		    sv->types[t] == LDNS_RR_TYPE_AAAA)
			return true;
	return false;
}

enum app_status {
	APP_SUCCESS = SYSCONF_NSS_SUCCESS,
	APP_NOTFOUND = SYSCONF_NSS_NOTFOUND,
	APP_UNAVAIL = SYSCONF_NSS_UNAVAIL,
	APP_TRYAGAIN = SYSCONF_NSS_TRYAGAIN,
};

enum app_source { APP_FROM_NONE, APP_FROM_FILES, APP_FROM_DNS };

struct app_view {
	enum app_status status;
	enum app_source source;
	struct addr_set addrs;
	const struct survey_resolver *resolver;	/* the one that answered */
	unsigned hosts_line;
	bool pending;
	bool unemulated;		/* a source we cannot imitate was hit */
	char unemulated_name[SYSCONF_NSS_NAME_MAX];
	bool dns_nxdomain;
};

static enum app_status
app_files(const struct step_input *in, struct app_view *v)
{
	const struct sysconf_hosts_entry *found[MAX_ADDRS];
	char buf[INET6_ADDRSTRLEN];
	size_t n, i;

	if (in->hosts == NULL)
		return APP_NOTFOUND;
	n = sysconf_hosts_lookup(in->hosts, in->sv->name, found, MAX_ADDRS);
	if (n == 0)
		return APP_NOTFOUND;
	for (i = 0; i < n && i < MAX_ADDRS; i++) {
		if (inet_ntop(found[i]->family, &found[i]->addr, buf,
		    sizeof(buf)) != NULL)
			addr_set_add(&v->addrs, buf);
		if (i == 0)
			v->hosts_line = found[i]->line;
	}
	v->source = APP_FROM_FILES;
	return APP_SUCCESS;
}

/* glibc's stub: the resolvers in order; a silent one or an error RCODE
 * sends it to the next; NOERROR or NXDOMAIN is the answer. */
static enum app_status
app_dns(const struct step_input *in, struct app_view *v)
{
	const struct survey *sv = in->sv;
	enum app_status st = APP_UNAVAIL;
	size_t i, t;

	for (i = 0; i < sv->nresolvers; i++) {
		const struct survey_resolver *r = &sv->resolvers[i];
		bool nx = false, final = false;

		if (r->origin == SURVEY_FROM_RESOLV_CONF && !r->used)
			continue;
		for (t = 0; t < sv->ntypes; t++) {
			const struct probe_result *res = r->answer[t];
			int rc = result_rcode(res);

			if (res == NULL) {
				v->pending = true;
				return APP_TRYAGAIN;
			}
			if (rc == LDNS_RCODE_NOERROR) {
				final = true;
				answer_addresses(sv, res->pkt, &v->addrs);
			} else if (rc == LDNS_RCODE_NXDOMAIN) {
				final = true;
				nx = true;
			}
		}
		if (!final) {
			st = APP_TRYAGAIN;
			continue;
		}
		v->resolver = r;
		v->source = APP_FROM_DNS;
		v->dns_nxdomain = nx && v->addrs.n == 0;
		/* Other types: an answer is an answer, data or NODATA. */
		if (!wants_addresses(sv))
			return nx ? APP_NOTFOUND : APP_SUCCESS;
		return v->addrs.n > 0 ? APP_SUCCESS : APP_NOTFOUND;
	}
	return st;
}

static void
app_resolve(const struct step_input *in, struct app_view *v)
{
	const struct sysconf_nsswitch *nss = in->nss;
	size_t i;

	memset(v, 0, sizeof(*v));
	v->status = APP_NOTFOUND;
	/* A broken nsswitch.conf fails every lookup before any source is
	 * asked: the hosts file overrides nothing then. */
	if (nss == NULL || nss->broken)
		return;
	for (i = 0; i < nss->nsrc; i++) {
		const struct sysconf_nss_source *src = &nss->src[i];
		enum app_status st;

		if (strcmp(src->name, "files") == 0) {
			if (!wants_addresses(in->sv))
				continue;	/* hosts files hold addresses */
			st = app_files(in, v);
		} else if (strcmp(src->name, "dns") == 0) {
			st = app_dns(in, v);
			if (v->pending)
				return;
		} else {
			/* mdns, myhostname, resolve, ...: not imitated. */
			if (!v->unemulated)
				snprintf(v->unemulated_name,
				    sizeof(v->unemulated_name), "%s", src->name);
			v->unemulated = true;
			st = APP_UNAVAIL;
		}
		v->status = st;
		if (src->on[st] == SYSCONF_NSS_RETURN)
			return;
		/* A failed source leaves no address, but what DNS said (which
		 * resolver, NXDOMAIN) stays: clearing the source here made
		 * report_app() blame nsswitch.conf when DNS, the usual last
		 * source, answered NXDOMAIN. */
		if (st != APP_SUCCESS)
			addr_set_free(&v->addrs);
	}
}

static void
report_app(struct step_result *s, const struct step_input *in,
    struct app_view *v)
{
	const char *name = in->sv->name;
	struct finding *f;
	char *addrs;

	if (in->nss != NULL && in->nss->broken) {
		f = step_add_finding(s, FINDING_NAME_FAILS);
		finding_set_message(f, N_("Applications cannot resolve %1$s: "
		    "%2$s has a syntax error, and glibc then fails every host "
		    "lookup."), name, in->nss->path, NULL);
		return;
	}
	if (v->status == APP_SUCCESS && v->addrs.n == 0) {
		f = step_add_finding(s, FINDING_NAME_RESOLVES);
		finding_set_message(f, N_("%1$s resolves: DNS answers through "
		    "%2$s."), name, v->resolver->text, NULL);
		finding_set_server(f, v->resolver->text);
		return;
	}
	if (v->status == APP_SUCCESS) {
		addrs = addr_set_join(&v->addrs);
		f = step_add_finding(s, FINDING_NAME_RESOLVES);
		if (v->source == APP_FROM_FILES) {
			char line[16];

			snprintf(line, sizeof(line), "%u", v->hosts_line);
			/* TRANSLATORS: %1$s: addresses; %2$s: the name;
			 * %3$s: the hosts file; %4$s: a line number. */
			finding_set_message(f, N_("Applications get %1$s for %2$s "
			    "from the hosts file %3$s (line %4$s), before DNS is "
			    "asked."), addrs, name, in->hosts->path, line, NULL);
			finding_set_fact(f, FACT_FILE, in->hosts->path);
		} else {
			/* TRANSLATORS: %1$s: addresses; %2$s: the name;
			 * %3$s: a resolver as ADDRESS#PORT. */
			finding_set_message(f, N_("Applications get %1$s for %2$s "
			    "from DNS, through %3$s."), addrs, name,
			    v->resolver->text, NULL);
			finding_set_server(f, v->resolver->text);
		}
		free(addrs);
		return;
	}
	f = step_add_finding(s, FINDING_NAME_FAILS);
	if (v->source == APP_FROM_DNS && v->dns_nxdomain)
		finding_set_message(f, N_("Applications cannot resolve %1$s: "
		    "%2$s answers that it does not exist (NXDOMAIN)."), name,
		    v->resolver->text, NULL);
	else if (v->source == APP_FROM_DNS)
		finding_set_message(f, N_("Applications cannot resolve %1$s: "
		    "%2$s answers, but with no address for it."), name,
		    v->resolver->text, NULL);
	else if (v->status == APP_TRYAGAIN || v->status == APP_UNAVAIL)
		finding_set_message(f, N_("Applications cannot resolve %1$s: no "
		    "configured resolver gives an answer (glibc's \"Temporary "
		    "failure in name resolution\")."), name, NULL);
	else
		finding_set_message(f, N_("Applications cannot resolve %1$s: no "
		    "source in the hosts: line of nsswitch.conf knows it."),
		    name, NULL);
	if (v->unemulated) {
		f = step_add_finding(s, FINDING_NAME_FAILS);
		finding_set_severity(f, SEVERITY_INFO);
		finding_set_message(f, N_("The hosts: line also names the source "
		    "'%1$s', which this program does not imitate; applications "
		    "may get an answer from it."), v->unemulated_name, NULL);
	}
}

/* getaddrinfo() itself, when it ran: what applications really get wins
 * over the imitation, which then only explains where it came from. */
static bool
report_system(struct step_result *s, const struct step_input *in,
    struct app_view *v)
{
	const struct syslookup_result *r = in->sv->syslookup;
	const char *name = in->sv->name;
	struct addr_set real = { { 0 }, 0 };
	struct finding *f;
	char ms[32], *addrs, *mine;
	size_t i;

	if (r == NULL)
		return false;
	snprintf(ms, sizeof(ms), "%ld", (long)(r->elapsed_ms + 0.5));
	if (!r->finished) {
		f = step_add_finding(s, FINDING_SYSTEM_LOOKUP);
		finding_set_message(f, N_("getaddrinfo() on this host had not "
		    "returned for %1$s after %2$s ms: applications wait at least "
		    "that long."), name, ms, NULL);
		finding_set_reproduce(f, "getent ahosts");
		return false;
	}
	for (i = 0; i < r->naddrs; i++)
		addr_set_add(&real, r->addrs[i]);
	addrs = addr_set_join(&real);
	mine = addr_set_join(&v->addrs);
	if (r->error != 0) {
		f = step_add_finding(s, FINDING_NAME_FAILS);
		/* TRANSLATORS: %1$s: the name; %2$s: an error name of
		 * getaddrinfo() such as EAI_NONAME (never translated);
		 * %3$s: milliseconds. */
		finding_set_message(f, N_("Applications cannot resolve %1$s: "
		    "getaddrinfo() on this host fails with %2$s (%3$s ms)."),
		    name, syslookup_error_name(r->error), ms, NULL);
	} else {
		f = step_add_finding(s, FINDING_NAME_RESOLVES);
		/* TRANSLATORS: %1$s: addresses; %2$s: the name; %3$s:
		 * milliseconds. */
		finding_set_message(f, N_("Applications get %1$s for %2$s: "
		    "getaddrinfo() on this host returns it in %3$s ms."), addrs,
		    name, ms, NULL);
	}
	finding_set_reproduce(f, NULL);
	if ((r->error == 0) != (v->status == APP_SUCCESS) ||
	    (r->error == 0 && !addr_set_equal(&real, &v->addrs))) {
		f = step_add_finding(s, FINDING_SYSTEM_LOOKUP);
		finding_set_message(f, N_("From the files this program expected "
		    "%1$s; getaddrinfo() knows better: another source answers "
		    "(nscd, systemd-resolved or a module of nsswitch.conf)."),
		    v->status == APP_SUCCESS ? mine : "-", NULL);
	}
	/* From now on the addresses are what applications really get. */
	if (r->error == 0) {
		addr_set_free(&v->addrs);
		for (i = 0; i < r->naddrs; i++)
			addr_set_add(&v->addrs, r->addrs[i]);
	}
	free(addrs);
	free(mine);
	addr_set_free(&real);
	return true;
}

/* --- hosts file against DNS --------------------------------------------- */

/* What DNS says the addresses are: the authoritative servers' answers if
 * any gave one, else the first resolver that answered. */
static bool
dns_addresses(const struct step_input *in, struct addr_set *out)
{
	const struct survey *sv = in->sv;
	bool known = false;
	size_t i, t;

	for (i = 0; i < sv->nauth; i++)
		for (t = 0; t < sv->ntypes; t++) {
			const struct probe_result *res = sv->auth[i].answer[t];

			if (result_rcode(res) == LDNS_RCODE_NOERROR &&
			    ldns_pkt_aa(res->pkt)) {
				answer_addresses(sv, res->pkt, out);
				known = true;
			}
		}
	if (known && out->n > 0)
		return true;
	for (i = 0; i < sv->nresolvers; i++) {
		for (t = 0; t < sv->ntypes; t++) {
			const struct probe_result *res =
			    sv->resolvers[i].answer[t];

			if (result_rcode(res) == LDNS_RCODE_NOERROR) {
				answer_addresses(sv, res->pkt, out);
				known = true;
			}
		}
		if (known)
			break;
	}
	return known && out->n > 0;
}

static bool
files_before_dns(const struct sysconf_nsswitch *nss)
{
	int files = nss != NULL ? sysconf_nss_find(nss, "files") : -1;
	int dns = nss != NULL ? sysconf_nss_find(nss, "dns") : -1;

	return files >= 0 && (dns < 0 || files < dns);
}

static void
report_override(struct step_result *s, const struct step_input *in,
    const struct app_view *v)
{
	struct addr_set dns = { { 0 }, 0 };
	struct finding *f;
	bool fam;

	if (v->source != APP_FROM_FILES || !files_before_dns(in->nss) ||
	    !dns_addresses(in, &dns)) {
		addr_set_free(&dns);
		return;
	}
	/* Compare like with like: a hosts file may only have IPv4. */
	for (fam = false; ; fam = true) {
		struct addr_set h = { { 0 }, 0 }, d = { { 0 }, 0 };

		addr_set_family(&v->addrs, fam, &h);
		addr_set_family(&dns, fam, &d);
		if (h.n > 0 && d.n > 0 && !addr_set_equal(&h, &d)) {
			char *hs = addr_set_join(&h), *ds = addr_set_join(&d);
			char line[16];

			snprintf(line, sizeof(line), "%u", v->hosts_line);
			f = step_add_finding(s, FINDING_HOSTS_OVERRIDE);
			/* TRANSLATORS: %1$s: the hosts file; %2$s: a line
			 * number; %3$s: the name; %4$s: the address in the
			 * file; %5$s: the addresses DNS gives. */
			finding_set_message(f, N_("%1$s (line %2$s) maps %3$s to "
			    "%4$s, but DNS answers %5$s: applications on this "
			    "host use the hosts-file address."), in->hosts->path,
			    line, in->sv->name, hs, ds, NULL);
			finding_set_fact(f, FACT_FILE, in->hosts->path);
			finding_set_fact(f, FACT_ADDRESS, hs);
			finding_set_fact(f, FACT_EXPECTED, ds);
			free(hs);
			free(ds);
		}
		addr_set_free(&h);
		addr_set_free(&d);
		if (fam)
			break;
	}
	addr_set_free(&dns);
}

/* --- the local stub ----------------------------------------------------- */

static void
report_stub(struct step_result *s, const struct step_input *in)
{
	const struct survey *sv = in->sv;
	size_t i, k;

	for (i = 0; i < sv->nresolvers; i++) {
		const struct survey_resolver *r = &sv->resolvers[i];
		const struct probe_result *res[2 + SURVEY_MAX_TYPES];
		const struct probe_result *fail = NULL;
		bool alive = false, pending = false;
		struct finding *f;
		char *why;
		size_t n = 0;

		if (r->origin != SURVEY_FROM_RESOLV_CONF ||
		    (r->stub != SYSCONF_STUB_RESOLVED &&
		    r->stub != SYSCONF_STUB_RESOLVED_PROXY))
			continue;
		res[n++] = r->soa_udp;
		res[n++] = r->soa_tcp;
		for (k = 0; !sv->address_target && k < sv->ntypes; k++)
			res[n++] = r->answer[k];
		for (k = 0; k < n; k++) {
			if (res[k] == NULL)
				pending = true;
			else if (res[k]->outcome == PROBE_ANSWER)
				alive = true;
			else if (fail == NULL)
				fail = res[k];
		}
		if (alive || pending || fail == NULL)
			continue;
		why = result_failure_text(fail, in->timeout_ms);
		f = step_add_finding(s, FINDING_STUB_TIMEOUT);
		finding_from_probe(f, fail);
		finding_set_server(f, r->text);
		/* TRANSLATORS: %1$s: a resolver as ADDRESS#PORT; %2$s:
		 * what it is ("systemd-resolved stub", "a resolver on this
		 * host"); %3$s: why it failed ("no answer within the
		 * timeout"). */
		finding_set_message(f, N_("resolv.conf points at %1$s, %2$s, and "
		    "it does not answer: %3$s."), r->text,
		    sysconf_stub_label_arg(r->stub), why, NULL);
		free(why);
	}
}

/* --- the service by address --------------------------------------------- */

static void
report_service(struct step_result *s, const struct step_input *in,
    const struct app_view *v, bool *pending)
{
	const struct survey *sv = in->sv;
	char port[8];
	size_t i, k, connected = 0, app_connected = 0;

	if (in->service_port == 0)
		return;
	snprintf(port, sizeof(port), "%u", in->service_port);
	for (i = 0; i < sv->ntcp; i++) {
		char addr[PROBE_SERVER_STRLEN];

		if (sv->tcp[i].result == NULL) {
			*pending = true;
			continue;
		}
		if (sv->tcp[i].result->outcome != TCPCHECK_CONNECTED)
			continue;
		connected++;
		server_address(sv->tcp[i].text, addr, sizeof(addr));
		for (k = 0; k < v->addrs.n; k++)
			if (strcmp(v->addrs.a[k], addr) == 0)
				app_connected++;
	}
	for (i = 0; i < sv->ntcp; i++) {
		const struct survey_tcp *tc = &sv->tcp[i];
		const struct tcpcheck_result *r = tc->result;
		char addr[PROBE_SERVER_STRLEN], ms[32];
		const char *role;
		struct finding *f;

		if (r == NULL)
			continue;
		server_address(tc->text, addr, sizeof(addr));
		role = NA_("another address DNS gives for the name");
		for (k = 0; k < v->addrs.n; k++)
			if (strcmp(v->addrs.a[k], addr) == 0)
				role = NA_("an address applications get");
		if (tc->expected)
			role = NA_("the expected address (--expect-ip)");
		snprintf(ms, sizeof(ms), "%ld", (long)(r->elapsed_ms + 0.5));
		if (r->outcome == TCPCHECK_CONNECTED) {
			f = step_add_finding(s, FINDING_SERVICE_REACHABLE);
			/* TRANSLATORS: %1$s: an IP address; %2$s: which
			 * one it is ("an address applications get"); %3$s:
			 * a TCP port; %4$s: milliseconds. */
			finding_set_message(f, N_("%1$s, %2$s, accepts TCP "
			    "connections on port %3$s (%4$s ms)."), addr, role,
			    port, ms, NULL);
		} else {
			char *why = message_arg_msgid(
			    tcpcheck_outcome_msgid(r->outcome));

			f = step_add_finding(s, FINDING_SERVICE_UNREACHABLE);
			/* TRANSLATORS: %1$s: an IP address; %2$s: which
			 * one it is ("an address applications get"); %3$s:
			 * a TCP port; %4$s: why ("connection refused:
			 * nothing listens on that port"). */
			finding_set_message(f, N_("%1$s, %2$s, does not accept TCP "
			    "connections on port %3$s: %4$s."), addr, role, port,
			    why, NULL);
			free(why);
			/* Another address works: degraded, not down; but if
			 * the addresses applications get all fail, they are
			 * down whatever else answers. */
			if (v->addrs.n > 0 ? app_connected > 0 : connected > 0)
				finding_set_severity(f, SEVERITY_WARNING);
		}
		finding_set_server(f, tc->text);
		finding_set_reproduce(f, r->reproduce);
		finding_set_rtt(f, (long)(r->elapsed_ms + 0.5));
		finding_set_fact(f, FACT_ADDRESS, addr);
		finding_set_fact(f, FACT_PORT, port);
	}
}

/* What the loaders made of resolv.conf, nsswitch.conf and the hosts file:
 * glibc reads them the same way, so a misread line is part of the story.
 * Info only: the consequences show in the other findings. */
static void
report_diags(struct step_result *s, const struct sysconf_diags *d)
{
	size_t i;

	for (i = 0; d != NULL && i < d->n; i++) {
		struct finding *f = step_add_finding(s, FINDING_CONFIG_NOTE);
		/* The remark stays a msgid with arguments, translated with
		 * the finding: the report may be in another language. */
		char line[16], *remark = sysconf_diag_message_arg(&d->d[i]);

		snprintf(line, sizeof(line), "%u", d->d[i].line);
		if (d->d[i].line > 0)
			/* TRANSLATORS: %1$s is a file name, %2$s a line number, %3$s
			 * a remark on that line ("unknown option 'x': glibc ignores
			 * it"). */
			finding_set_message(f, N_("%1$s, line %2$s: %3$s"),
			    d->d[i].file, line, remark, NULL);
		else
			/* TRANSLATORS: %1$s is a file name, %2$s a remark
			 * on the whole file. */
			finding_set_message(f, N_("%1$s: %2$s"), d->d[i].file,
			    remark, NULL);
		free(remark);
		finding_set_fact(f, FACT_FILE, d->d[i].file);
	}
	if (d != NULL && d->dropped > 0) {
		struct finding *f = step_add_finding(s, FINDING_CONFIG_NOTE);
		char n[16];

		snprintf(n, sizeof(n), "%zu", d->dropped);
		finding_set_message_plural(f, "... and %1$s more remark on "
		    "the same file.", "... and %1$s more remarks on the "
		    "same file.", d->dropped, n, NULL);
	}
}

void
step_scope_analyze(const struct step_input *in, struct triage *t)
{
	struct step_result *s = triage_step(t, STEP_SCOPE);
	struct app_view v;
	bool pending = false;

	step_reset(s);
	if (in->sv->address_target) {
		struct finding *f = step_add_finding(s, FINDING_TARGET_ADDRESS);

		finding_set_message(f, N_("%1$s is an address: reaching it "
		    "involves no DNS lookup."), in->sv->name, NULL);
		memset(&v, 0, sizeof(v));
		addr_set_add(&v.addrs, in->sv->name);
		report_stub(s, in);
		report_service(s, in, &v, &pending);
		addr_set_free(&v.addrs);
		step_conclude(s, in->final && !pending);
		return;
	}
	app_resolve(in, &v);
	pending = v.pending;
	if (!v.pending) {
		if (!report_system(s, in, &v))
			report_app(s, in, &v);
		report_override(s, in, &v);
	}
	if (in->sv->syslookup_wanted && in->sv->syslookup == NULL)
		pending = true;
	report_stub(s, in);
	report_service(s, in, &v, &pending);
	if (in->resolv != NULL)
		report_diags(s, &in->resolv->diags);
	if (in->nss != NULL)
		report_diags(s, &in->nss->diags);
	if (in->hosts != NULL)
		report_diags(s, &in->hosts->diags);
	addr_set_free(&v.addrs);
	step_conclude(s, in->final && !pending);
}
