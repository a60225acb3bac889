/* cli.h - the command line contract of DESIGN.md, parsed into options. */
#ifndef DNSTRIAGE_CLI_H
#define DNSTRIAGE_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <ldns/ldns.h>

#include "dnstriage/probe.h"

#define CLI_MAX_TYPES 16
#define CLI_MAX_SERVERS 64
#define CLI_DEFAULT_TIMEOUT_MS PROBE_DEFAULT_TIMEOUT_MS
#define CLI_DEFAULT_TRIES PROBE_DEFAULT_TRIES
#define CLI_ERR_MAX 512

/* A server given on the command line as ADDR[#PORT]; never a host name,
 * because DNS may be the broken part. */
struct cli_server {
	char text[INET6_ADDRSTRLEN + 8];	/* as given, normalised: ADDR#PORT */
	struct sockaddr_storage addr;		/* port already set */
	socklen_t addrlen;
};

enum cli_output {
	CLI_OUTPUT_AUTO,	/* wizard on a terminal, else text report */
	CLI_OUTPUT_REPORT,
	CLI_OUTPUT_JSON,
};

struct cli_options {
	enum cli_output output;
	const char *output_path;	/* NULL: stdout */
	/* --report-lang: the language of reports (i18n_push_language());
	 * NULL: the language of the screen. */
	const char *report_lang;
	bool output_force;		/* --force: -o may replace a file */

	const char *target;		/* NAME or URL as given, NULL if absent */
	char name[LDNS_MAX_DOMAINLEN + 2];	/* name to triage, "" if absent */
	ldns_rr_type types[CLI_MAX_TYPES];
	size_t ntypes;			/* 0 means the default: A and AAAA */

	uint16_t service_port;		/* 0: none given */
	bool have_expect_ip;
	struct sockaddr_storage expect_ip;
	socklen_t expect_ip_len;

	struct cli_server resolvers[CLI_MAX_SERVERS];
	size_t nresolvers;
	struct cli_server compare[CLI_MAX_SERVERS];
	size_t ncompare;

	/* Files: *_given tells whether the user named it (then it must be
	 * readable); otherwise the path is the default and may be absent. */
	const char *resolv_conf;
	bool resolv_conf_given;
	const char *hosts;
	bool hosts_given;
	const char *nsswitch;		/* its hosts: line */
	bool nsswitch_given;
	const char *root_hints;
	bool root_hints_given;
	const char *trust_anchor;
	bool trust_anchor_given;

	bool have_at;
	time_t at;			/* --at: evaluate signatures at this time */

	unsigned timeout_ms;
	unsigned tries;

	bool no_color;			/* --no-color (NO_COLOR is read by the wizard) */
	bool ascii;			/* --ascii */
	bool lab;
	const char *lab_scenario;	/* NULL: list the scenarios */
};

enum cli_result {
	CLI_RUN,		/* options are valid, go on */
	CLI_SHOW_HELP,
	CLI_SHOW_VERSION,
	CLI_USAGE_ERROR,	/* err holds a one-line reason */
};

void cli_defaults(struct cli_options *opts);
enum cli_result cli_parse(int argc, char **argv, struct cli_options *opts,
    char *err, size_t errlen);
void cli_print_help(FILE *out, const char *progname);
void cli_print_version(FILE *out);

/* Pieces of the parser that other modules and tests use directly. */
bool cli_parse_server(const char *text, uint16_t default_port,
    struct cli_server *out);
bool cli_parse_time(const char *text, time_t now, time_t *out);
/* NAME or URL -> name (no trailing dot unless root) and port (0 if none). */
bool cli_parse_target(const char *text, char *name, size_t namelen,
    uint16_t *port, char *err, size_t errlen);

#endif
