/* lab.h - the rehearsal mode: `dnstriage --lab [SCENARIO]` hands over to
 * the lab launcher (dnstriage-lab, a POSIX sh script, data/lab/), which
 * lists the scenarios or starts one in a private network namespace and runs
 * this very program inside it on the scenario's name. */
#ifndef DNSTRIAGE_LAB_H
#define DNSTRIAGE_LAB_H

#include <stdbool.h>
#include <stddef.h>

#include "dnstriage/cli.h"

/* The launcher, in this order: $DNSTRIAGE_LAB (tests, uninstalled runs),
 * data/lab/dnstriage-lab beside the running binary (the build tree), then
 * PKGLIBEXECDIR/dnstriage-lab. Fills path; false if none is readable. */
bool lab_find_launcher(char *path, size_t pathlen);

/* Build the launcher's argument vector for the options (list, or triage
 * SCENARIO SELF [--report|--json] [screen options] [--timeout/--tries]
 * [-o FILE] [--report-lang LANG]). argv needs LAB_ARGV_MAX slots; the
 * strings point into opts, launcher and self. Returns argc. */
#define LAB_ARGV_MAX 18
int lab_build_argv(const struct cli_options *opts, const char *launcher,
    const char *self, const char **argv);

/* Run the lab for --lab: does not return when the launcher starts;
 * otherwise prints why and returns exit status 3 (unknown). */
int lab_run(const struct cli_options *opts, const char *progname);

#endif
