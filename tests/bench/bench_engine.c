/* bench_engine.c - what concurrency buys: wall time of N queries sent at
 * once by the probe engine against the same N sent one after another.
 * Prints figures and never fails on time. Run by 'make bench' through
 * tests/bench/bench_engine.sh, inside a private network namespace.
 *
 *   bench_engine wait ADDR PORT        until ADDR#PORT answers
 *   bench_engine run ADDR PORT [N]     N queries (default 500), 3 rounds */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dnstriage/probe.h"

#define ROUNDS 3
#define MAX_QUERIES 4096

struct tally {
	unsigned answered, other;
	unsigned long ignored;
};

static const char *addr;
static unsigned port;

/* the engine's own monotonic clock, in milliseconds */
#define now_ms() ((double)probe_now_us() / 1000.0)

static void
count(struct probe_result *res, void *user)
{
	struct tally *t = user;

	if (res->outcome == PROBE_ANSWER)
		t->answered++;
	else
		t->other++;
	t->ignored += res->ignored;
	probe_result_free(res);
}

/* One name both servers answer (unbound's local zone, testns.data). */
static void
spec_for(struct probe_spec *s)
{
	probe_spec_init(s);
	if (!probe_spec_set_server(s, addr, (uint16_t)port))
		abort();
	s->name = "www.example.test";
	s->rd = false;
}

/* Wall time of n queries: all submitted at once, or each one run to its
 * end before the next is sent. */
static double
timed(unsigned n, bool one_by_one, struct tally *t)
{
	struct probe_engine *e = probe_engine_new();
	struct probe_spec s;
	double t0 = now_ms();
	unsigned i;

	spec_for(&s);
	for (i = 0; i < n; i++) {
		probe_submit(e, &s, count, t);
		if (one_by_one)
			probe_engine_run(e, 60000);
	}
	probe_engine_run(e, 60000);
	t0 = now_ms() - t0;
	probe_engine_free(e);
	return t0;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int
run(unsigned n)
{
	double conc[ROUNDS], seq[ROUNDS], ratio[ROUNDS];
	struct tally tc, ts;
	int r;

	printf("probe engine benchmark: %u queries to %s#%u, %d rounds\n", n,
	    addr, port, ROUNDS);
	for (r = 0; r < ROUNDS; r++) {
		memset(&tc, 0, sizeof(tc));
		memset(&ts, 0, sizeof(ts));
		conc[r] = timed(n, false, &tc);
		seq[r] = timed(n, true, &ts);
		ratio[r] = conc[r] > 0 ? seq[r] / conc[r] : 0;
		printf("round %d: concurrent %8.1f ms (%u answered, %u not, "
		    "%lu ignored)  sequential %8.1f ms (%u answered, %u not)  "
		    "ratio %.1fx\n", r + 1, conc[r], tc.answered, tc.other,
		    tc.ignored, seq[r], ts.answered, ts.other, ratio[r]);
	}
	qsort(conc, ROUNDS, sizeof(double), cmp_double);
	qsort(seq, ROUNDS, sizeof(double), cmp_double);
	qsort(ratio, ROUNDS, sizeof(double), cmp_double);
	printf("median: concurrent %.1f ms, sequential %.1f ms, ratio %.1fx\n",
	    conc[ROUNDS / 2], seq[ROUNDS / 2], ratio[ROUNDS / 2]);
	return 0;
}

static int
wait_ready(void)
{
	struct tally t;
	int i;

	for (i = 0; i < 50; i++) {
		memset(&t, 0, sizeof(t));
		timed(1, true, &t);
		if (t.answered == 1)
			return 0;
		usleep(100000);
	}
	return 1;
}

int
main(int argc, char **argv)
{
	const char *ns = getenv("DNSTRIAGE_IN_NETNS");
	unsigned n = 500;

	if (ns == NULL || strcmp(ns, "1") != 0) {
		fprintf(stderr, "bench_engine: run me inside tests/nsrun\n");
		return 77;
	}
	if (argc < 4) {
		fprintf(stderr, "usage: bench_engine wait|run ADDR PORT [N]\n");
		return 2;
	}
	addr = argv[2];
	port = (unsigned)strtoul(argv[3], NULL, 10);
	if (argc > 4)
		n = (unsigned)strtoul(argv[4], NULL, 10);
	if (n == 0 || n > MAX_QUERIES)
		n = 500;
	if (strcmp(argv[1], "wait") == 0)
		return wait_ready();
	return run(n);
}
