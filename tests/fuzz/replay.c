/* replay.c - runs a fuzz target's entry point over files, without
 * libFuzzer: `make check` replays the committed corpus (and every crash
 * ever found, kept there as a regression test) with the normal compiler,
 * so a sanitizer build or valgrind catches what the fuzzer once did.
 *
 * Usage: replay [FILE | DIR]...; without arguments, the corpus directory
 * the program was built for (FUZZ_CORPUS). Exit 0 if every input ran,
 * 1 if a file could not be read, 99 if the corpus is empty. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

#define REPLAY_MAX_BYTES ((size_t)1024 * 1024)

static size_t replayed;

static int
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	size_t n;

	if (f == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 1;
	}
	buf = malloc(REPLAY_MAX_BYTES);
	if (buf == NULL) {
		fclose(f);
		return 1;
	}
	n = fread(buf, 1, REPLAY_MAX_BYTES, f);
	fclose(f);
	/* An exact-size copy, so ASan sees a read past the input's end. */
	{
		uint8_t *exact = malloc(n > 0 ? n : 1);

		if (exact == NULL) {
			free(buf);
			return 1;
		}
		memcpy(exact, buf, n);
		free(buf);
		(void)LLVMFuzzerTestOneInput(exact, n);
		free(exact);
	}
	replayed++;
	return 0;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if (d == NULL) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((e = readdir(d)) != NULL) {
		char **grown;

		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((grown = realloc(names, cap * sizeof(*names))) ==
			    NULL) {
				rc = 1;
				break;
			}
			names = grown;
		}
		if ((names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2)) ==
		    NULL) {
			rc = 1;
			break;
		}
		sprintf(names[n], "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	/* Sorted, so a failing log is the same on every machine. */
	if (n > 1)
		qsort(names, n, sizeof(*names), compare_names);
	for (i = 0; i < n; i++) {
		rc |= replay_file(names[i]);
		free(names[i]);
	}
	free(names);
	return rc;
}

static int
replay(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return S_ISDIR(st.st_mode) ? replay_dir(path) : replay_file(path);
}

int
main(int argc, char **argv)
{
	int rc = 0, i;

	if (argc < 2)
		rc = replay(FUZZ_CORPUS);
	for (i = 1; i < argc; i++)
		rc |= replay(argv[i]);
	printf("replayed %zu inputs\n", replayed);
	if (rc == 0 && replayed == 0) {
		fprintf(stderr, "replay: no input found\n");
		return 99;
	}
	return rc;
}
