/* main.c - wire the modules together: locale, options, then one mode. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dnstriage/cli.h"
#include "dnstriage/i18n.h"
#include "dnstriage/lab.h"
#include "dnstriage/privilege.h"
#include "dnstriage/triage.h"
#include "dnstriage/tui.h"

/* Exit statuses of the monitoring-plugins convention (DESIGN.md). */
enum { EXIT_HEALTHY = 0, EXIT_WARNING = 1, EXIT_CRITICAL = 2, EXIT_UNKNOWN = 3 };

static const char *
program_name(const char *argv0)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;

	return slash ? slash + 1 : (argv0 ? argv0 : PACKAGE);
}

/* The message quotes what was typed: its control bytes (an escape
 * sequence in an argument) become '?' so they cannot reach the terminal. */
static int
usage_error(const char *prog, const char *msg)
{
	char safe[CLI_ERR_MAX];
	size_t i;

	for (i = 0; msg[i] != '\0' && i + 1 < sizeof(safe); i++) {
		safe[i] = msg[i];
		if ((unsigned char)msg[i] < 0x20 || msg[i] == 0x7f)
			safe[i] = '?';
	}
	safe[i] = '\0';
	fprintf(stderr, "%s: %s\n", prog, safe);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), prog);
	return EXIT_UNKNOWN;
}

int
main(int argc, char **argv)
{
	struct cli_options opts;
	char err[CLI_ERR_MAX];
	const char *prog = program_name(argv[0]);

	i18n_init(LOCALEDIR);

	switch (cli_parse(argc, argv, &opts, err, sizeof(err))) {
	case CLI_SHOW_HELP:
		cli_print_help(stdout, prog);
		return fflush(stdout) == 0 ? EXIT_HEALTHY : EXIT_UNKNOWN;
	case CLI_SHOW_VERSION:
		cli_print_version(stdout);
		return fflush(stdout) == 0 ? EXIT_HEALTHY : EXIT_UNKNOWN;
	case CLI_USAGE_ERROR:
		return usage_error(prog, err);
	case CLI_RUN:
		break;
	}

	if (opts.lab)
		return lab_run(&opts, prog);
	if (opts.output == CLI_OUTPUT_AUTO && opts.output_path != NULL)
		opts.output = CLI_OUTPUT_REPORT;	/* -o alone: a text report */
	if (opts.output == CLI_OUTPUT_AUTO) {
		char why[256];

		if (tui_available(why, sizeof(why))) {
			int status = tui_main(&opts, argc, argv, prog);

			if (status >= 0)
				return status;
			/* the terminal type is unknown: said, report instead */
		} else if (opts.target != NULL) {
			fprintf(stderr, "%s: %s\n", prog, why);
		}
		if (opts.target == NULL)
			return usage_error(prog, _("no terminal for the wizard: "
			    "give a NAME or URL for a report"));
		opts.output = CLI_OUTPUT_REPORT;
	}
	if (opts.target == NULL)
		return usage_error(prog, _("a NAME or URL is needed for a "
		    "report"));
	if (privilege_is_real_root(geteuid(), NULL))
		fprintf(stderr, "%s: %s\n", prog, _("note: running as root is "
		    "not needed: dnstriage needs no privileges (ordinary "
		    "queries, world-readable files)"));
	return triage_report_main(&opts, argc, argv, prog);
}
