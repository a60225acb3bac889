/* cli.c - parse the command line of DESIGN.md into struct cli_options.
 * Nothing here touches the network or prints except --help/--version. */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dnstriage/cli.h"
#include "dnstriage/i18n.h"
#include "dnstriage/probe.h"
#include "dnstriage/textfmt.h"

#define DEFAULT_RESOLV_CONF "/etc/resolv.conf"
#define DEFAULT_HOSTS "/etc/hosts"
#define DEFAULT_NSSWITCH "/etc/nsswitch.conf"
#define DEFAULT_ROOT_HINTS "/usr/share/dns/root.hints"
#define DEFAULT_TRUST_ANCHOR "/usr/share/dns/root.key"
#define MAX_TIMEOUT_MS 600000u
#define MAX_TRIES 10u

enum {
	OPT_REPORT = 256,
	OPT_JSON,
	OPT_EXPECT_IP,
	OPT_RESOLV_CONF,
	OPT_HOSTS,
	OPT_NSSWITCH,
	OPT_COMPARE,
	OPT_ROOT_HINTS,
	OPT_TRUST_ANCHOR,
	OPT_AT,
	OPT_TIMEOUT,
	OPT_TRIES,
	OPT_LAB,
	OPT_NO_COLOR,
	OPT_ASCII,
	OPT_REPORT_LANG,
	OPT_FORCE,
};

static const struct option long_options[] = {
	{ "report", no_argument, NULL, OPT_REPORT },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "output", required_argument, NULL, 'o' },
	{ "report-lang", required_argument, NULL, OPT_REPORT_LANG },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "type", required_argument, NULL, 't' },
	{ "port", required_argument, NULL, 'p' },
	{ "expect-ip", required_argument, NULL, OPT_EXPECT_IP },
	{ "resolver", required_argument, NULL, 'r' },
	{ "resolv-conf", required_argument, NULL, OPT_RESOLV_CONF },
	{ "hosts", required_argument, NULL, OPT_HOSTS },
	{ "nsswitch", required_argument, NULL, OPT_NSSWITCH },
	{ "compare-resolver", required_argument, NULL, OPT_COMPARE },
	{ "root-hints", required_argument, NULL, OPT_ROOT_HINTS },
	{ "trust-anchor", required_argument, NULL, OPT_TRUST_ANCHOR },
	{ "at", required_argument, NULL, OPT_AT },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "tries", required_argument, NULL, OPT_TRIES },
	{ "lab", optional_argument, NULL, OPT_LAB },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "ascii", no_argument, NULL, OPT_ASCII },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Help text in paragraphs so translators work on units of meaning. */
static const char *const help_paragraphs[] = {
	N_("Guided triage of DNS failures: is it DNS at all, are the resolvers\n"
	   "reachable, what do the authoritative servers say, does DNSSEC\n"
	   "validate, do all nameservers serve the same SOA serial.\n"),
	N_("With a terminal, the interactive wizard opens (NAME is asked for when\n"
	   "absent). Without one, or with --report or --json, every step runs\n"
	   "and a report is written. A URL gives both the name and the port.\n"),
	N_("Output:\n"
	   "      --report               text report to standard output (or -o)\n"
	   "      --json                 JSON report to standard output (or -o)\n"
	   "  -o, --output=FILE          write the report to FILE, a new file\n"
	   "                             (never through a symbolic link)\n"
	   "      --force                let -o replace an existing FILE\n"),
	/* TRANSLATORS: keep LANG, de, fr, ja and C as they are: they are
	 * what the option takes. */
	N_("Report language:\n"
	   "      --report-lang=LANG     write the report (text, JSON, -o FILE) in\n"
	   "                             LANG (de, fr, ja; C or en for English)\n"
	   "                             instead of the language of the screen\n"),
	N_("What to check:\n"
	   "  -t, --type=TYPE            record type to ask for (repeatable;\n"
	   "                             default: A and AAAA)\n"
	   "  -p, --port=PORT            TCP port of the service, for the\n"
	   "                             IP-versus-hostname test\n"
	   "      --expect-ip=ADDR       the address the name should have\n"),
	N_("Where to look:\n"
	   "  -r, --resolver=ADDR[#PORT] resolver to check instead of those in\n"
	   "                             resolv.conf (repeatable)\n"
	   "      --compare-resolver=ADDR[#PORT]\n"
	   "                             independent resolver for side-by-side\n"
	   "                             answers (repeatable)\n"
	   "      --resolv-conf=FILE     default: /etc/resolv.conf\n"
	   "      --hosts=FILE           default: /etc/hosts\n"
	   "      --nsswitch=FILE        default: /etc/nsswitch.conf\n"
	   "      --root-hints=FILE      default: /usr/share/dns/root.hints,\n"
	   "                             else built in\n"
	   "      --trust-anchor=FILE    DS or DNSKEY records in zone-file form;\n"
	   "                             default: /usr/share/dns/root.key,\n"
	   "                             else built in\n"),
	N_("How to probe:\n"
	   "      --at=TIME              evaluate DNSSEC signatures at TIME:\n"
	   "                             YYYY-MM-DD[THH:MM[:SS]][Z], YYYYMMDDHHMMSS,\n"
	   "                             @EPOCH, or +N[smhd] from now\n"
	   "      --timeout=MS           time a server gets to answer one query,\n"
	   "                             retransmissions included (default 2000)\n"
	   "      --tries=N              UDP transmissions within that time\n"
	   "                             (default 2)\n"),
	N_("Screen (the wizard):\n"
	   "      --no-color             no colour (also when NO_COLOR is set)\n"
	   "      --ascii                ASCII marks and borders only\n"),
	N_("Rehearsal:\n"
	   "      --lab[=SCENARIO]       list the bundled lab scenarios, or start\n"
	   "                             one in a private network namespace and\n"
	   "                             triage its broken name\n"),
	N_("  -h, --help                 show this help and exit\n"
	   "  -V, --version              show version information and exit\n"),
	N_("Exit status: 0 healthy, 1 warning, 2 critical, 3 unknown (bad usage,\n"
	   "unreadable file, internal error).\n"),
};

void
cli_defaults(struct cli_options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->output = CLI_OUTPUT_AUTO;
	opts->resolv_conf = DEFAULT_RESOLV_CONF;
	opts->hosts = DEFAULT_HOSTS;
	opts->nsswitch = DEFAULT_NSSWITCH;
	opts->root_hints = DEFAULT_ROOT_HINTS;
	opts->trust_anchor = DEFAULT_TRUST_ANCHOR;
	opts->timeout_ms = CLI_DEFAULT_TIMEOUT_MS;
	opts->tries = CLI_DEFAULT_TRIES;
}

/* Strict unsigned parse: digits only, within [min, max]. */
static bool
parse_uint(const char *text, unsigned long min, unsigned long max,
    unsigned long *out)
{
	char *end;
	unsigned long v;

	if (text == NULL || !isdigit((unsigned char)text[0]))
		return false;
	errno = 0;
	v = strtoul(text, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return false;
	*out = v;
	return true;
}

bool
cli_parse_server(const char *text, uint16_t default_port,
    struct cli_server *out)
{
	char addr[INET6_ADDRSTRLEN + 1];
	const char *hash = strchr(text, '#');
	size_t alen = hash ? (size_t)(hash - text) : strlen(text);
	unsigned long port = default_port;

	if (alen == 0 || alen >= sizeof(addr))
		return false;
	memcpy(addr, text, alen);
	addr[alen] = '\0';
	/* Accept [::1] as well as ::1. */
	if (addr[0] == '[' && alen > 2 && addr[alen - 1] == ']') {
		memmove(addr, addr + 1, alen - 2);
		addr[alen - 2] = '\0';
	}
	if (hash != NULL && !parse_uint(hash + 1, 1, 65535, &port))
		return false;
	memset(out, 0, sizeof(*out));
	if (!probe_sockaddr_from_text(addr, (uint16_t)port, &out->addr, &out->addrlen))
		return false;
	snprintf(out->text, sizeof(out->text), "%s#%lu", addr, port);
	return true;
}

/* One of: @EPOCH, +N[smhd], YYYYMMDDHHMMSS, YYYY-MM-DD[THH:MM[:SS]][Z].
 * Times without a zone are UTC, as in DNSSEC signature fields. */
bool
cli_parse_time(const char *text, time_t now, time_t *out)
{
	static const char *const formats[] = {
		"%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%MZ",
		"%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d",
	};
	unsigned long v;
	struct tm tm;
	size_t i;

	if (text == NULL || *text == '\0')
		return false;
	if (text[0] == '@') {
		if (!parse_uint(text + 1, 0, (unsigned long)INT32_MAX * 2, &v))
			return false;
		*out = (time_t)v;
		return true;
	}
	if (text[0] == '+') {
		char num[32];
		size_t n = strlen(text + 1);
		unsigned long unit = 1;

		if (n == 0 || n >= sizeof(num))
			return false;
		memcpy(num, text + 1, n + 1);
		switch (num[n - 1]) {
		case 's': unit = 1; num[n - 1] = '\0'; break;
		case 'm': unit = 60; num[n - 1] = '\0'; break;
		case 'h': unit = 3600; num[n - 1] = '\0'; break;
		case 'd': unit = 86400; num[n - 1] = '\0'; break;
		default: break;
		}
		if (!parse_uint(num, 0, 36500UL * 86400 / unit, &v))
			return false;
		*out = now + (time_t)(v * unit);
		return true;
	}
	if (strlen(text) == 14 && strspn(text, "0123456789") == 14) {
		memset(&tm, 0, sizeof(tm));
		if (strptime(text, "%Y%m%d%H%M%S", &tm) == NULL)
			return false;
		*out = timegm(&tm);
		return true;
	}
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		const char *end;

		memset(&tm, 0, sizeof(tm));
		end = strptime(text, formats[i], &tm);
		if (end != NULL && *end == '\0') {
			*out = timegm(&tm);
			return true;
		}
	}
	return false;
}

/* Default ports for URL schemes, so the service test needs no lookup. */
static uint16_t
scheme_port(const char *scheme, size_t len)
{
	static const struct { const char *name; uint16_t port; } table[] = {
		{ "http", 80 }, { "https", 443 }, { "ftp", 21 }, { "ssh", 22 },
		{ "smtp", 25 }, { "imap", 143 }, { "imaps", 993 },
		{ "pop3", 110 }, { "ldap", 389 }, { "ldaps", 636 },
		{ "ws", 80 }, { "wss", 443 }, { "postgres", 5432 },
		{ "postgresql", 5432 }, { "mysql", 3306 }, { "redis", 6379 },
	};
	size_t i;

	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (strlen(table[i].name) == len &&
		    strncasecmp(table[i].name, scheme, len) == 0)
			return table[i].port;
	return 0;
}

static bool
valid_name(const char *name, char *err, size_t errlen)
{
	const unsigned char *p;
	ldns_rdf *rdf;

	if (strlen(name) > LDNS_MAX_DOMAINLEN) {
		textfmt_err(err, errlen, _("name too long: '%.40s...' (at most %d characters)"),
		    name, LDNS_MAX_DOMAINLEN);
		return false;
	}
	/* ldns would send the UTF-8 bytes as they are; DNS knows such a
	 * name only in its IDNA form, and converting needs libidn2. */
	/* Not echoed: a control byte would reach the terminal. */
	for (p = (const unsigned char *)name; *p != '\0'; p++)
		if (*p <= 0x20 || *p == 0x7f) {
			textfmt_err(err, errlen, _("invalid domain name: it "
			    "contains a space or a control character (at byte %d); "
			    "write it as \\DDD if it is meant"),
			    (int)(p - (const unsigned char *)name) + 1);
			return false;
		}
	for (p = (const unsigned char *)name; *p != '\0'; p++)
		if (*p >= 0x80) {
			textfmt_err(err, errlen, _("'%s' is not plain ASCII: give "
			    "the name in its IDNA form (xn--...), as 'idn2 NAME' "
			    "prints it"), name);
			return false;
		}
	if (ldns_str2rdf_dname(&rdf, name) != LDNS_STATUS_OK) {
		textfmt_err(err, errlen, _("invalid domain name: '%s'"), name);
		return false;
	}
	ldns_rdf_deep_free(rdf);
	return true;
}

bool
cli_parse_target(const char *text, char *name, size_t namelen,
    uint16_t *port, char *err, size_t errlen)
{
	const char *sep = strstr(text, "://");
	const char *host = text, *host_end;
	unsigned long p;

	*port = 0;
	if (sep != NULL) {
		const char *s;

		for (s = text; s < sep; s++)
			if (!isalnum((unsigned char)*s) && *s != '+' &&
			    *s != '-' && *s != '.')
				break;
		if (s != sep || sep == text) {
			textfmt_err(err, errlen, _("invalid URL: '%s'"), text);
			return false;
		}
		*port = scheme_port(text, (size_t)(sep - text));
		host = sep + 3;
		/* skip user:password@ */
		{
			const char *at = strpbrk(host, "@/?#");
			if (at != NULL && *at == '@')
				host = at + 1;
		}
		if (*host == '[') {	/* IPv6 literal */
			host_end = strchr(host, ']');
			if (host_end == NULL) {
				textfmt_err(err, errlen, _("invalid URL: '%s'"), text);
				return false;
			}
			host++;
		} else {
			host_end = host + strcspn(host, ":/?#");
		}
		{
			const char *after = *host_end == ']' ? host_end + 1 : host_end;

			if (*after == ':') {
				char num[8];
				size_t n = strcspn(after + 1, "/?#");

				if (n == 0 || n >= sizeof(num)) {
					textfmt_err(err, errlen, _("invalid port in URL: '%s'"), text);
					return false;
				}
				memcpy(num, after + 1, n);
				num[n] = '\0';
				if (!parse_uint(num, 1, 65535, &p)) {
					textfmt_err(err, errlen, _("invalid port in URL: '%s'"), text);
					return false;
				}
				*port = (uint16_t)p;
			}
		}
		if (*port == 0) {
			textfmt_err(err, errlen, _("unknown URL scheme in '%s': give the port with --port"), text);
			return false;
		}
	} else {
		host_end = host + strlen(host);
	}
	if (host_end == host) {
		textfmt_err(err, errlen, _("no name in '%s'"), text);
		return false;
	}
	if ((size_t)(host_end - host) >= namelen) {
		textfmt_err(err, errlen, _("name too long: '%.40s...' (at most %d characters)"),
		    host, LDNS_MAX_DOMAINLEN);
		return false;
	}
	memcpy(name, host, (size_t)(host_end - host));
	name[host_end - host] = '\0';
	{
		struct sockaddr_storage ss;
		socklen_t len;

		/* An IP literal is a valid target: then DNS is not involved. */
		if (probe_sockaddr_from_text(name, 0, &ss, &len))
			return true;
	}
	return valid_name(name, err, errlen);
}

/* RFC 3597's TYPEnnn: decimal digits only, 1 to 65535 (ldns takes
 * "TYPE70000" as type 4464 and "TYPE1x" as A). */
static bool
generic_type_ok(const char *text)
{
	unsigned long v;

	if (strncasecmp(text, "TYPE", 4) != 0)
		return true;
	return parse_uint(text + 4, 1, 65535, &v);
}

static bool
add_type(struct cli_options *opts, const char *text, char *err, size_t errlen)
{
	ldns_rr_type t = ldns_get_rr_type_by_name(text);

	if (t == 0 || strlen(text) > 16 || !generic_type_ok(text)) {
		textfmt_err(err, errlen, _("unknown record type: '%s'"), text);
		return false;
	}
	if (t == LDNS_RR_TYPE_AXFR || t == LDNS_RR_TYPE_IXFR) {
		textfmt_err(err, errlen, _("record type %s is a zone transfer, not a lookup"), text);
		return false;
	}
	if (opts->ntypes >= CLI_MAX_TYPES) {
		textfmt_err(err, errlen, _("too many record types (at most %d)"), CLI_MAX_TYPES);
		return false;
	}
	opts->types[opts->ntypes++] = t;
	return true;
}

static bool
add_server(struct cli_server *list, size_t *n, const char *opt,
    const char *text, char *err, size_t errlen)
{
	if (*n >= CLI_MAX_SERVERS) {
		textfmt_err(err, errlen, _("too many servers for %s (at most %d)"),
		    opt, CLI_MAX_SERVERS);
		return false;
	}
	if (!cli_parse_server(text, 53, &list[*n])) {
		textfmt_err(err, errlen,
		    _("invalid server for %s: '%s' (expected an IPv4 or IPv6 address, optionally #PORT)"),
		    opt, text);
		return false;
	}
	(*n)++;
	return true;
}

static bool
readable_file(const char *opt, const char *path, char *err, size_t errlen)
{
	/* O_NONBLOCK: opening a FIFO without a writer must not hang us. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;

	if (fd < 0 || fstat(fd, &st) != 0) {
		textfmt_err(err, errlen, _("%s: cannot read '%s': %s"), opt, path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	close(fd);
	/* Files and devices such as /dev/null; a directory, FIFO or socket
	 * holds no configuration (and reading a FIFO could block forever). */
	if (!S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode)) {
		textfmt_err(err, errlen, _("%s: '%s' is not a file"), opt, path);
		return false;
	}
	return true;
}

static enum cli_result
check_files(const struct cli_options *opts, char *err, size_t errlen)
{
	if (opts->resolv_conf_given &&
	    !readable_file("--resolv-conf", opts->resolv_conf, err, errlen))
		return CLI_USAGE_ERROR;
	if (opts->hosts_given && !readable_file("--hosts", opts->hosts, err, errlen))
		return CLI_USAGE_ERROR;
	if (opts->nsswitch_given &&
	    !readable_file("--nsswitch", opts->nsswitch, err, errlen))
		return CLI_USAGE_ERROR;
	if (opts->root_hints_given &&
	    !readable_file("--root-hints", opts->root_hints, err, errlen))
		return CLI_USAGE_ERROR;
	if (opts->trust_anchor_given &&
	    !readable_file("--trust-anchor", opts->trust_anchor, err, errlen))
		return CLI_USAGE_ERROR;
	return CLI_RUN;
}

static enum cli_result
parse_one(int c, const char *arg, struct cli_options *opts, char *err,
    size_t errlen)
{
	unsigned long v;

	switch (c) {
	case OPT_REPORT:
	case OPT_JSON: {
		enum cli_output want = c == OPT_JSON ? CLI_OUTPUT_JSON : CLI_OUTPUT_REPORT;

		if (opts->output != CLI_OUTPUT_AUTO && opts->output != want) {
			textfmt_err(err, errlen, _("--report and --json exclude each other"));
			return CLI_USAGE_ERROR;
		}
		opts->output = want;
		return CLI_RUN;
	}
	case 'o':
		if (*arg == '\0') {
			textfmt_err(err, errlen, _("--output needs a file name"));
			return CLI_USAGE_ERROR;
		}
		opts->output_path = arg;
		return CLI_RUN;
	case OPT_REPORT_LANG:
		if (!i18n_valid_language(arg)) {
			textfmt_err(err, errlen, _("invalid language for "
			    "--report-lang: '%s' (expected a name such as de, "
			    "fr_FR or C)"), arg);
			return CLI_USAGE_ERROR;
		}
		opts->report_lang = arg;
		return CLI_RUN;
	case OPT_FORCE:
		opts->output_force = true;
		return CLI_RUN;
	case 't':
		return add_type(opts, arg, err, errlen) ? CLI_RUN : CLI_USAGE_ERROR;
	case 'p':
		if (!parse_uint(arg, 1, 65535, &v)) {
			textfmt_err(err, errlen, _("invalid port: '%s' (expected 1 to 65535)"), arg);
			return CLI_USAGE_ERROR;
		}
		opts->service_port = (uint16_t)v;
		return CLI_RUN;
	case OPT_EXPECT_IP:
		if (!probe_sockaddr_from_text(arg, 0, &opts->expect_ip, &opts->expect_ip_len)) {
			textfmt_err(err, errlen, _("invalid address for --expect-ip: '%s'"), arg);
			return CLI_USAGE_ERROR;
		}
		opts->have_expect_ip = true;
		return CLI_RUN;
	case 'r':
		return add_server(opts->resolvers, &opts->nresolvers, "--resolver",
		    arg, err, errlen) ? CLI_RUN : CLI_USAGE_ERROR;
	case OPT_COMPARE:
		return add_server(opts->compare, &opts->ncompare,
		    "--compare-resolver", arg, err, errlen) ? CLI_RUN : CLI_USAGE_ERROR;
	case OPT_RESOLV_CONF:
		opts->resolv_conf = arg;
		opts->resolv_conf_given = true;
		return CLI_RUN;
	case OPT_HOSTS:
		opts->hosts = arg;
		opts->hosts_given = true;
		return CLI_RUN;
	case OPT_NSSWITCH:
		opts->nsswitch = arg;
		opts->nsswitch_given = true;
		return CLI_RUN;
	case OPT_ROOT_HINTS:
		opts->root_hints = arg;
		opts->root_hints_given = true;
		return CLI_RUN;
	case OPT_TRUST_ANCHOR:
		opts->trust_anchor = arg;
		opts->trust_anchor_given = true;
		return CLI_RUN;
	case OPT_AT:
		if (!cli_parse_time(arg, time(NULL), &opts->at)) {
			textfmt_err(err, errlen,
			    _("invalid time for --at: '%s' (try 2026-12-01, 20261201120000, @EPOCH or +14d)"),
			    arg);
			return CLI_USAGE_ERROR;
		}
		opts->have_at = true;
		return CLI_RUN;
	case OPT_TIMEOUT:
		if (!parse_uint(arg, 1, MAX_TIMEOUT_MS, &v)) {
			textfmt_err(err, errlen, _("invalid --timeout: '%s' (milliseconds, 1 to %u)"),
			    arg, MAX_TIMEOUT_MS);
			return CLI_USAGE_ERROR;
		}
		opts->timeout_ms = (unsigned)v;
		return CLI_RUN;
	case OPT_TRIES:
		if (!parse_uint(arg, 1, MAX_TRIES, &v)) {
			textfmt_err(err, errlen, _("invalid --tries: '%s' (1 to %u)"), arg, MAX_TRIES);
			return CLI_USAGE_ERROR;
		}
		opts->tries = (unsigned)v;
		return CLI_RUN;
	case OPT_NO_COLOR:
		opts->no_color = true;
		return CLI_RUN;
	case OPT_ASCII:
		opts->ascii = true;
		return CLI_RUN;
	case OPT_LAB:
		opts->lab = true;
		opts->lab_scenario = (arg != NULL && *arg != '\0') ? arg : NULL;
		return CLI_RUN;
	case 'h':
		return CLI_SHOW_HELP;
	case 'V':
		return CLI_SHOW_VERSION;
	default:
		return CLI_USAGE_ERROR;
	}
}

enum cli_result
cli_parse(int argc, char **argv, struct cli_options *opts, char *err,
    size_t errlen)
{
	enum cli_result r;
	int c;

	cli_defaults(opts);
	textfmt_err(err, errlen, "%s", "");
	opterr = 0;	/* we word the messages ourselves, on one line */
	optind = 0;	/* GNU: start afresh (the wizard's form parses again) */
	while ((c = getopt_long(argc, argv, ":o:t:p:r:hV", long_options, NULL)) != -1) {
		if (c == '?') {
			if (optopt != 0)
				textfmt_err(err, errlen, _("unknown option: '-%c'"), optopt);
			else
				textfmt_err(err, errlen, _("unknown option: '%s'"), argv[optind - 1]);
			return CLI_USAGE_ERROR;
		}
		if (c == ':') {
			textfmt_err(err, errlen, _("option '%s' needs an argument"), argv[optind - 1]);
			return CLI_USAGE_ERROR;
		}
		/* Help, version and errors end the parse at once. */
		if ((r = parse_one(c, optarg, opts, err, errlen)) != CLI_RUN)
			return r;
	}
	/* --lab NAME with a space: take the next word as the scenario. */
	if (opts->lab && opts->lab_scenario == NULL && optind < argc)
		opts->lab_scenario = argv[optind++];
	if (optind < argc) {
		uint16_t url_port = 0;

		opts->target = argv[optind++];
		if (opts->lab) {
			textfmt_err(err, errlen, _("--lab takes a scenario, not a name: '%s'"),
			    opts->target);
			return CLI_USAGE_ERROR;
		}
		if (!cli_parse_target(opts->target, opts->name, sizeof(opts->name),
		    &url_port, err, errlen))
			return CLI_USAGE_ERROR;
		/* An explicit --port wins over the URL's. */
		if (opts->service_port == 0)
			opts->service_port = url_port;
	}
	if (optind < argc) {
		textfmt_err(err, errlen, _("one name at a time: unexpected '%s'"), argv[optind]);
		return CLI_USAGE_ERROR;
	}
	if (opts->output_force && opts->output_path == NULL) {
		textfmt_err(err, errlen, _("--force needs --output"));
		return CLI_USAGE_ERROR;
	}
	if (opts->output_path != NULL && opts->output == CLI_OUTPUT_AUTO) {
		textfmt_err(err, errlen, _("--output needs --report or --json"));
		return CLI_USAGE_ERROR;
	}
	if (opts->output != CLI_OUTPUT_AUTO && opts->target == NULL && !opts->lab) {
		textfmt_err(err, errlen, _("a report needs a NAME or URL"));
		return CLI_USAGE_ERROR;
	}
	return check_files(opts, err, errlen);
}

void
cli_print_help(FILE *out, const char *progname)
{
	size_t i;

	fprintf(out, _("Usage: %s [OPTION]... [NAME | URL]\n"), progname);
	for (i = 0; i < sizeof(help_paragraphs) / sizeof(help_paragraphs[0]); i++) {
		fputc('\n', out);
		fputs(_(help_paragraphs[i]), out);
	}
	fputc('\n', out);
	fprintf(out, _("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

void
cli_print_version(FILE *out)
{
	fprintf(out, "%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
	fputs(_("Copyright (C) 2026 the dnstriage authors.\n"
	    "License BSD-3-Clause <https://opensource.org/licenses/BSD-3-Clause>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n"), out);
}
