/* triage.c - a triage run end to end: read the configuration, survey the
 * servers, analyse, choose the verdict; in report mode, write the report. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dnstriage/i18n.h"
#include "dnstriage/report.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/triage.h"
#include "dnstriage/verdict.h"

/* No run waits longer than this for its probes, whatever the timeouts
 * (every query is bounded already: this is a last guard). */
#define TRIAGE_MAX_RUN_MS (10 * 60 * 1000)

static void
resolver_from(struct survey_resolver *r, const char *text,
    const struct sockaddr_storage *addr, socklen_t len)
{
	memset(r, 0, sizeof(*r));
	snprintf(r->text, sizeof(r->text), "%s", text);
	memcpy(&r->addr, addr, len);
	r->addrlen = len;
	r->stub = sysconf_stub_kind((const struct sockaddr *)addr);
}

static void
config_resolvers(struct triage_config *cfg, const struct cli_options *opts)
{
	size_t i;

	if (opts->nresolvers > 0) {
		for (i = 0; i < opts->nresolvers &&
		    cfg->nresolvers < SURVEY_MAX_RESOLVERS; i++) {
			struct survey_resolver *r =
			    &cfg->resolvers[cfg->nresolvers++];

			resolver_from(r, opts->resolvers[i].text,
			    &opts->resolvers[i].addr, opts->resolvers[i].addrlen);
			r->origin = SURVEY_FROM_OPTION;
			r->ns_index = -1;
			r->used = true;
		}
		return;
	}
	cfg->use_resolv = true;
	for (i = 0; i < cfg->resolv.nns && cfg->nresolvers <
	    SURVEY_MAX_RESOLVERS; i++) {
		const struct sysconf_nameserver *ns = &cfg->resolv.ns[i];
		struct survey_resolver *r = &cfg->resolvers[cfg->nresolvers++];

		resolver_from(r, ns->text, &ns->addr, ns->addrlen);
		r->origin = SURVEY_FROM_RESOLV_CONF;
		r->ns_index = (int)i;
		r->used = ns->used;
		r->stub = ns->stub;
	}
}

static void
config_host_addrs(struct triage_config *cfg)
{
	const struct sysconf_hosts_entry *found[16];
	size_t n, i;

	n = sysconf_hosts_lookup(&cfg->hosts, cfg->name, found, 16);
	for (i = 0; i < n && i < 16; i++) {
		struct sockaddr_storage *ss = &cfg->host_addrs[cfg->nhost_addrs];

		memset(ss, 0, sizeof(*ss));
		if (found[i]->family == AF_INET) {
			struct sockaddr_in *sin = (struct sockaddr_in *)ss;

			sin->sin_family = AF_INET;
			sin->sin_addr = found[i]->addr.v4;
		} else {
			struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

			sin6->sin6_family = AF_INET6;
			sin6->sin6_addr = found[i]->addr.v6;
		}
		cfg->nhost_addrs++;
	}
}

bool
triage_config_load(struct triage_config *cfg, const struct cli_options *opts,
    char *err, size_t errlen)
{
	size_t i;

	memset(cfg, 0, sizeof(*cfg));
	cfg->opts = opts;
	snprintf(cfg->name, sizeof(cfg->name), "%s", opts->name);
	if (opts->ntypes == 0) {
		cfg->types[0] = LDNS_RR_TYPE_A;
		cfg->types[1] = LDNS_RR_TYPE_AAAA;
		cfg->ntypes = 2;
	} else {
		for (i = 0; i < opts->ntypes && i < SURVEY_MAX_TYPES; i++)
			cfg->types[i] = opts->types[i];
		cfg->ntypes = i;
	}
	/* Unreadable default files are findings, not errors: glibc falls
	 * back to its defaults too. A file the user named was checked by
	 * the command line already. */
	(void)sysconf_load_resolv_conf(opts->resolv_conf, &cfg->resolv);
	(void)sysconf_load_nsswitch_hosts(opts->nsswitch, &cfg->nss);
	(void)sysconf_load_hosts(opts->hosts, NULL, &cfg->hosts);
	if (!rootdata_load_hints(opts->root_hints, opts->root_hints_given,
	    &cfg->hints, err, errlen) ||
	    !rootdata_load_anchor(opts->trust_anchor, opts->trust_anchor_given,
	    &cfg->anchor, err, errlen)) {
		triage_config_free(cfg);
		return false;
	}
	config_resolvers(cfg, opts);
	for (i = 0; i < opts->ncompare && i < CLI_MAX_SERVERS; i++) {
		struct survey_compare *c = &cfg->compare[cfg->ncompare++];

		memset(c, 0, sizeof(*c));
		snprintf(c->text, sizeof(c->text), "%s", opts->compare[i].text);
		memcpy(&c->addr, &opts->compare[i].addr, opts->compare[i].addrlen);
		c->addrlen = opts->compare[i].addrlen;
	}
	config_host_addrs(cfg);
	return true;
}

void
triage_config_free(struct triage_config *cfg)
{
	sysconf_hosts_free(&cfg->hosts);
	rootdata_free(&cfg->hints);
	rootdata_free(&cfg->anchor);
}

/* --- sessions ----------------------------------------------------------- */

struct triage_session *
triage_session_new(const struct triage_config *cfg, int argc,
    char *const *argv)
{
	const struct cli_options *opts = cfg->opts;
	struct triage_session *s = xcalloc(1, sizeof(*s));
	struct survey_input in;
	char host[256], type[16];
	size_t i;

	memset(&in, 0, sizeof(in));
	in.name = cfg->name;
	memcpy(in.types, cfg->types, sizeof(in.types));
	in.ntypes = cfg->ntypes;
	in.timeout_ms = opts->timeout_ms;
	in.tries = opts->tries;
	in.hints = &cfg->hints;
	in.resolvers = cfg->resolvers;
	in.nresolvers = cfg->nresolvers;
	in.compare = cfg->compare;
	in.ncompare = cfg->ncompare;
	in.service_port = opts->service_port;
	if (opts->have_expect_ip) {
		in.expect_ip = &opts->expect_ip;
		in.expect_ip_len = opts->expect_ip_len;
	}
	in.extra_addrs = cfg->host_addrs;
	in.nextra_addrs = cfg->nhost_addrs;
	{
		struct sockaddr_storage ss;
		socklen_t len;

		in.address_target = probe_sockaddr_from_text(cfg->name, 53, &ss,
		    &len);
	}
	/* getaddrinfo() reads the system's files: compare only when the
	 * triage reads them too. */
	in.system_lookup = !opts->resolv_conf_given && !opts->hosts_given &&
	    (cfg->ntypes == 0 || cfg->types[0] == LDNS_RR_TYPE_A ||
	    cfg->types[0] == LDNS_RR_TYPE_AAAA ||
	    (cfg->ntypes > 1 && (cfg->types[1] == LDNS_RR_TYPE_A ||
	    cfg->types[1] == LDNS_RR_TYPE_AAAA))) &&
	    !opts->nsswitch_given && opts->nresolvers == 0 &&
	    !probe_loopback_only();
	in.system_lookup_ms = 2 * (opts->timeout_ms ? opts->timeout_ms :
	    PROBE_DEFAULT_TIMEOUT_MS);
	if ((s->sv = survey_new(&in)) == NULL) {
		free(s);
		return NULL;
	}
	s->cfg = cfg;
	s->t = triage_new(cfg->name);
	for (i = 0; i < cfg->ntypes; i++) {
		char *str = ldns_rr_type2str(cfg->types[i]);

		snprintf(type, sizeof(type), "%s", str != NULL ? str : "?");
		free(str);
		triage_add_type(s->t, type);
	}
	if (gethostname(host, sizeof(host)) == 0) {
		host[sizeof(host) - 1] = '\0';
		triage_set_host(s->t, host);
	}
	triage_set_version(s->t, PACKAGE_VERSION);
	triage_set_command_line(s->t, argc, argv);

	s->in.sv = s->sv;
	s->in.resolv = cfg->use_resolv ? &cfg->resolv : NULL;
	s->in.nss = &cfg->nss;
	s->in.hosts = &cfg->hosts;
	s->in.anchor = &cfg->anchor;
	s->in.service_port = opts->service_port;
	s->in.timeout_ms = opts->timeout_ms;
	s->in.at_given = opts->have_at;
	s->in.expiry_warn_days = TRIAGE_EXPIRY_WARN_DAYS;
	return s;
}

void
triage_session_free(struct triage_session *s)
{
	if (s == NULL)
		return;
	survey_free(s->sv);
	triage_free(s->t);
	free(s);
}

void
triage_session_start(struct triage_session *s)
{
	s->t->started = time(NULL);
	s->started_us = probe_now_us();
	s->in.now = s->cfg->opts->have_at ? s->cfg->opts->at : s->t->started;
	survey_start(s->sv);
}

void
triage_session_update(struct triage_session *s)
{
	uint64_t end = s->sv->finished_us != 0 ? s->sv->finished_us :
	    probe_now_us();

	s->in.final = survey_done(s->sv);
	s->in.now_us = probe_now_us();
	s->t->duration_ms = (long)((end - s->started_us) / 1000u);
	steps_analyze_all(&s->in, s->t);
}

/* --- report mode -------------------------------------------------------- */

/* The report file: a new file, never one reached through a symbolic link
 * (a report path in a shared directory must not be redirected), and an
 * existing file only with --force (a report must not silently replace
 * another, or anything else). */
static FILE *
open_output(const char *path, bool force, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC |
	    (force ? O_TRUNC : O_EXCL), 0644);
	struct stat st;
	FILE *f;

	if (fd < 0 && (errno == EEXIST || errno == ELOOP) &&
	    lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		textfmt_err(err, errlen, _("cannot write '%s': it is a symbolic "
		    "link, and dnstriage does not write through one"), path);
		return NULL;
	}
	if (fd < 0 && errno == EEXIST) {
		textfmt_err(err, errlen, _("cannot write '%s': the file exists "
		    "(dnstriage does not overwrite a file; remove it, or add "
		    "--force)"), path);
		return NULL;
	}
	if (fd < 0 || (f = fdopen(fd, "w")) == NULL) {
		textfmt_err(err, errlen, _("cannot write '%s': %s"), path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	return f;
}

/* The report in --report-lang's language; messages on stderr stay in the
 * screen's. */
static int
write_report(FILE *out, const struct triage *t,
    const struct cli_options *opts, const char *progname)
{
	struct i18n_saved saved;
	bool untranslated = false;
	int rc;

	if (!i18n_push_language(opts->report_lang, &saved)) {
		fprintf(stderr, "%s: %s\n", progname,
		    _("cannot switch to the language of --report-lang: the "
		    "report is in the language of the screen"));
	} else if (opts->report_lang != NULL &&
	    !i18n_language_is_english(opts->report_lang))
		untranslated = !i18n_have_catalogue();
	rc = opts->output == CLI_OUTPUT_JSON ? report_json(out, t) :
	    report_text(out, t);
	i18n_pop_language(&saved);
	if (untranslated) {
		const char *args[1] = { opts->report_lang };
		char *note = textfmt_args_str(_("no translation for '%s' is "
		    "installed: the report is in English"), args, 1);

		fprintf(stderr, "%s: %s\n", progname, note);
		free(note);
	}
	return rc;
}

int
triage_report_main(const struct cli_options *opts, int argc,
    char *const *argv, const char *progname)
{
	struct triage_config cfg;
	struct triage_session *s;
	char err[TRIAGE_ERR_MAX];
	FILE *out = stdout;
	int status, rc;

	if (!triage_config_load(&cfg, opts, err, sizeof(err))) {
		fprintf(stderr, "%s: %s\n", progname, err);
		return 3;
	}
	if ((s = triage_session_new(&cfg, argc, argv)) == NULL) {
		fprintf(stderr, "%s: %s\n", progname,
		    _("the name is not a valid domain name"));
		triage_config_free(&cfg);
		return 3;
	}
	if (opts->output_path != NULL &&
	    (out = open_output(opts->output_path, opts->output_force, err,
	    sizeof(err))) == NULL) {
		fprintf(stderr, "%s: %s\n", progname, err);
		triage_session_free(s);
		triage_config_free(&cfg);
		return 3;
	}
	triage_session_start(s);
	(void)survey_run(s->sv, TRIAGE_MAX_RUN_MS);
	triage_session_update(s);
	status = verdict_exit_status(&s->t->verdict);
	rc = write_report(out, s->t, opts, progname);
	if (out != stdout) {
		if (fclose(out) != 0)
			rc = -1;
	} else if (fflush(out) != 0) {
		rc = -1;
	}
	if (rc != 0) {
		fprintf(stderr, "%s: %s\n", progname,
		    _("writing the report failed"));
		status = 3;
	}
	triage_session_free(s);
	triage_config_free(&cfg);
	return status;
}
