/* fuzz_cli.c - libFuzzer target: what people type. The input, split at
 * newlines into up to four words, is read as a NAME or URL, a server
 * (ADDR[#PORT]) for -r, a time for --at, and whatever the reports do with
 * text: shell quoting, terminal width, JSON strings, message templates.
 * (Options that name files are left out: a fuzzer must not open random
 * paths.) */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dnstriage/cli.h"
#include "dnstriage/report.h"
#include "dnstriage/textfmt.h"

#include "fuzz.h"

#define WORDS 4

static FILE *
sink(void)
{
	static FILE *devnull;

	if (devnull == NULL && (devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	return devnull;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xcalloc(1, size + 1), *word[WORDS], *p;
	char name[LDNS_MAX_DOMAINLEN + 2], err[CLI_ERR_MAX], quoted[512];
	const char *args[2];
	struct cli_server srv;
	struct strbuf sb = STRBUF_INIT;
	uint16_t port;
	time_t at;
	size_t i, n = 0;
	unsigned long cp;

	memcpy(text, data, size);
	for (p = text; n < WORDS; n++) {
		word[n] = p;
		if ((p = strchr(p, '\n')) == NULL) {
			n++;
			break;
		}
		*p++ = '\0';
	}
	for (i = n; i < WORDS; i++)
		word[i] = "";

	(void)cli_parse_target(word[0], name, sizeof(name), &port, err,
	    sizeof(err));
	(void)cli_parse_server(word[1], 53, &srv);
	(void)cli_parse_time(word[2], (time_t)1767225600, &at);

	for (i = 0; i < WORDS; i++) {
		size_t len = strlen(word[i]), off;

		(void)textfmt_shell_safe(word[i]);
		(void)textfmt_shell_quote(word[i], quoted, sizeof(quoted));
		strbuf_add_shell_word(&sb, word[i]);
		(void)textfmt_width(word[i], len);
		for (off = 0; off < len; off += textfmt_utf8_len(word[i] + off,
		    len - off))
			(void)textfmt_utf8_decode(word[i] + off, len - off, &cp);
		report_json_string(sink(), word[i]);
	}
	/* A message template with people's text as its arguments (never as
	 * the template in the program; here to test the substitution). */
	args[0] = word[1];
	args[1] = word[2];
	textfmt_args(&sb, word[3], args, 2);
	strbuf_free(&sb);
	free(text);
	return 0;
}
