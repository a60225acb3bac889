/* fuzz_rootdata.c - libFuzzer target: the root hints and trust anchor
 * readers (rootdata.h). The input is parsed from memory as hints and as
 * an anchor, and loaded as a file the user named (the path readers, with
 * their size limit), then the hints' addresses are taken. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "dnstriage/rootdata.h"
#include "dnstriage/textfmt.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sockaddr_storage addrs[16];
	socklen_t lens[16];
	struct rootdata rd;
	char err[512];
	char *text = xcalloc(1, size + 1);
	const char *path;

	memcpy(text, data, size);	/* a NUL inside ends the text early */
	memset(&rd, 0, sizeof(rd));
	if (rootdata_parse_hints(text, "fuzz", &rd, err, sizeof(err)))
		(void)rootdata_hint_addresses(&rd, addrs, lens, 16);
	rootdata_free(&rd);
	memset(&rd, 0, sizeof(rd));
	(void)rootdata_parse_anchor(text, "fuzz", &rd, err, sizeof(err));
	rootdata_free(&rd);
	free(text);

	path = fuzz_input_file(data, size);
	memset(&rd, 0, sizeof(rd));
	if (rootdata_load_hints(path, true, &rd, err, sizeof(err)))
		(void)rootdata_hint_addresses(&rd, addrs, lens, 16);
	rootdata_free(&rd);
	memset(&rd, 0, sizeof(rd));
	(void)rootdata_load_anchor(path, true, &rd, err, sizeof(err));
	rootdata_free(&rd);
	return 0;
}
