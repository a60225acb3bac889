/* lab.c - `dnstriage --lab [SCENARIO]`: find the lab launcher and hand over
 * to it. The launcher starts the scenario's servers in a private network
 * namespace and runs this binary inside it, in report mode, with the
 * scenario's resolv.conf, hosts file, root hints and trust anchor. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dnstriage/i18n.h"
#include "dnstriage/lab.h"

#ifndef PKGLIBEXECDIR
#define PKGLIBEXECDIR "/usr/local/libexec/dnstriage"
#endif

#define LAUNCHER "dnstriage-lab"

static bool
readable(const char *path)
{
	return path[0] != '\0' && access(path, R_OK) == 0;
}

/* The directory of the running binary, from /proc (no PATH search). */
static bool
self_path(char *buf, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", buf, len - 1);

	if (n <= 0 || (size_t)n >= len - 1)
		return false;
	buf[n] = '\0';
	return true;
}

bool
lab_find_launcher(char *path, size_t pathlen)
{
	const char *env = getenv("DNSTRIAGE_LAB");
	char self[PATH_MAX];
	char *slash;
	int n;

	if (env != NULL && *env != '\0') {
		n = snprintf(path, pathlen, "%s", env);
		return n > 0 && (size_t)n < pathlen && readable(path);
	}
	if (self_path(self, sizeof(self)) && (slash = strrchr(self, '/')) != NULL) {
		*slash = '\0';
		n = snprintf(path, pathlen, "%s/data/lab/" LAUNCHER, self);
		if (n > 0 && (size_t)n < pathlen && readable(path))
			return true;
	}
	n = snprintf(path, pathlen, "%s/" LAUNCHER, PKGLIBEXECDIR);
	return n > 0 && (size_t)n < pathlen && readable(path);
}

int
lab_build_argv(const struct cli_options *opts, const char *launcher,
    const char *self, const char **argv)
{
	int argc = 0;

	/* Through sh: the launcher works without its execute bit too. */
	argv[argc++] = "/bin/sh";
	argv[argc++] = launcher;
	if (opts->lab_scenario == NULL) {
		argv[argc++] = "list";
	} else {
		argv[argc++] = "triage";
		argv[argc++] = opts->lab_scenario;
		argv[argc++] = self;
		/* The wizard on a terminal, as outside the lab; a report
		 * when one was asked for. */
		if (opts->output == CLI_OUTPUT_JSON)
			argv[argc++] = "--json";
		else if (opts->output == CLI_OUTPUT_REPORT ||
		    opts->output_path != NULL)
			argv[argc++] = "--report";
		if (opts->no_color)
			argv[argc++] = "--no-color";
		if (opts->ascii)
			argv[argc++] = "--ascii";
		/* A rehearsal may try other timeouts (a slow world). */
		if (opts->timeout_ms != CLI_DEFAULT_TIMEOUT_MS) {
			static char timeout[32];

			snprintf(timeout, sizeof(timeout), "--timeout=%u",
			    opts->timeout_ms);
			argv[argc++] = timeout;
		}
		if (opts->tries != CLI_DEFAULT_TRIES) {
			static char tries[32];

			snprintf(tries, sizeof(tries), "--tries=%u", opts->tries);
			argv[argc++] = tries;
		}
		if (opts->output_path != NULL) {
			argv[argc++] = "--output";
			argv[argc++] = opts->output_path;
		}
		if (opts->report_lang != NULL) {
			argv[argc++] = "--report-lang";
			argv[argc++] = opts->report_lang;
		}
	}
	argv[argc] = NULL;
	return argc;
}

int
lab_run(const struct cli_options *opts, const char *progname)
{
	char launcher[PATH_MAX];
	char self[PATH_MAX];
	const char *argv[LAB_ARGV_MAX];

	if (!lab_find_launcher(launcher, sizeof(launcher))) {
		fprintf(stderr, _("%s: the lab is not installed: no %s in $DNSTRIAGE_LAB, beside the program or in %s\n"),
		    progname, LAUNCHER, PKGLIBEXECDIR);
		return 3;
	}
	if (!self_path(self, sizeof(self))) {
		fprintf(stderr, _("%s: cannot find the running program (/proc/self/exe): %s\n"),
		    progname, strerror(errno));
		return 3;
	}
	lab_build_argv(opts, launcher, self, argv);
	fflush(stdout);
	fflush(stderr);
	execv(argv[0], (char *const *)argv);
	fprintf(stderr, _("%s: cannot run the lab launcher %s: %s\n"), progname,
	    launcher, strerror(errno));
	return 3;
}
