/* triage.h - one triage run end to end: the configuration read from the
 * command line and the files, the survey of the servers, the analyses of
 * the five steps, the verdict, and for report mode the report.
 *
 * The wizard drives a session through the same calls report mode uses:
 * triage_session_start(), then the survey's poll() seam (survey.h) in its
 * own loop, then triage_session_update() whenever it wants the model
 * (struct triage) to show what has arrived so far. */
#ifndef DNSTRIAGE_TRIAGE_H
#define DNSTRIAGE_TRIAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "dnstriage/cli.h"
#include "dnstriage/finding.h"
#include "dnstriage/rootdata.h"
#include "dnstriage/steps.h"
#include "dnstriage/survey.h"
#include "dnstriage/sysconf.h"

#define TRIAGE_ERR_MAX 512
/* dnssec-expiring: signatures that expire within this many days. */
#define TRIAGE_EXPIRY_WARN_DAYS 14

/* What a run needs, read once from the options and the files. */
struct triage_config {
	const struct cli_options *opts;
	char name[LDNS_MAX_DOMAINLEN + 2];
	ldns_rr_type types[SURVEY_MAX_TYPES];
	size_t ntypes;
	struct sysconf_resolv resolv;
	bool use_resolv;		/* false: -r replaces resolv.conf */
	struct sysconf_nsswitch nss;
	struct sysconf_hosts hosts;
	struct rootdata hints;
	struct rootdata anchor;
	struct survey_resolver resolvers[SURVEY_MAX_RESOLVERS];
	size_t nresolvers;
	struct survey_compare compare[CLI_MAX_SERVERS];
	size_t ncompare;
	/* The hosts file's addresses for the name (connected to as well). */
	struct sockaddr_storage host_addrs[16];
	size_t nhost_addrs;
};

/* Read everything the options name. A file the user named that cannot be
 * read, or a bad root hints or trust anchor file, fails with a one-line
 * reason in err ("FILE:LINE: reason"): exit status 3. Problems inside
 * resolv.conf, nsswitch.conf or the hosts file are not errors: the steps
 * report what glibc would make of them. */
bool triage_config_load(struct triage_config *cfg,
    const struct cli_options *opts, char *err, size_t errlen);
void triage_config_free(struct triage_config *cfg);

struct triage_session {
	const struct triage_config *cfg;
	struct survey *sv;
	struct triage *t;		/* the model every view renders */
	struct step_input in;
	uint64_t started_us;
};

/* A session ready to start; argv is the command line as typed (for the
 * report). NULL if the name is not a valid domain name. */
struct triage_session *triage_session_new(const struct triage_config *cfg,
    int argc, char *const *argv);
void triage_session_free(struct triage_session *s);
void triage_session_start(struct triage_session *s);
/* Run the analyses on what has arrived and choose the verdict. */
void triage_session_update(struct triage_session *s);

/* Report mode end to end: writes the report to stdout or opts->output
 * and returns the exit status (0..3). */
int triage_report_main(const struct cli_options *opts, int argc,
    char *const *argv, const char *progname);

#endif
