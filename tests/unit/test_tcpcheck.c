/* test_tcpcheck.c - TCP connect checks against sockets of this process on
 * 127.0.0.1 and ::1 only: a listener (connected), a port just closed
 * (refused), the loopback broadcast address the kernel refuses to connect
 * to without sending anything (unreachable), a lowered descriptor limit
 * (local error). Deadlines run on a fake clock: probe_now_us() is wrapped
 * at link time (Makefile.am), so a timeout needs no silent server. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "dnstriage/probe.h"
#include "dnstriage/tcpcheck.h"

#define MAX_RESULTS 160
#define WALL_MS 5000

/* --- the fake clock ----------------------------------------------------- */

uint64_t __real_probe_now_us(void);
uint64_t __wrap_probe_now_us(void);

static bool fake_clock;
static uint64_t fake_us;

uint64_t
__wrap_probe_now_us(void)
{
	return fake_clock ? fake_us : __real_probe_now_us();
}

static int
real_clock(void **state)
{
	(void)state;
	fake_clock = false;
	return 0;
}

/* --- sockets of our own, loopback only ---------------------------------- */

static bool
loopback(int family, struct sockaddr_storage *ss, socklen_t *len)
{
	memset(ss, 0, sizeof(*ss));
	if (family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;

		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		*len = sizeof(*sin);
		return true;
	}
	((struct sockaddr_in6 *)ss)->sin6_family = AF_INET6;
	((struct sockaddr_in6 *)ss)->sin6_addr = in6addr_loopback;
	*len = sizeof(struct sockaddr_in6);
	return true;
}

/* A socket bound to an ephemeral loopback port; *ss gets its address. */
static int
bound(int family, struct sockaddr_storage *ss, socklen_t *len)
{
	int fd;

	loopback(family, ss, len);
	if ((fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)ss, *len) != 0 ||
	    getsockname(fd, (struct sockaddr *)ss, len) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Never accepted: the kernel completes the handshakes on its own. */
static int
listener(int family, struct sockaddr_storage *ss, socklen_t *len)
{
	int fd = bound(family, ss, len);

	if (fd >= 0 && listen(fd, 256) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* A port nobody listens on: bound a moment ago, closed again. */
static bool
closed_port(int family, struct sockaddr_storage *ss, socklen_t *len)
{
	int fd = bound(family, ss, len);

	if (fd < 0)
		return false;
	close(fd);
	return true;
}

/* ::1 may be absent (IPv6 disabled, or no address on lo). */
static bool
have_ipv6_loopback(void)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int fd = bound(AF_INET6, &ss, &len);

	if (fd < 0)
		return false;
	close(fd);
	return true;
}

/* 127.255.255.255, with a port. TCP's connect() refuses a broadcast
 * route with ENETUNREACH before any SYN; a UDP connect() (which sends
 * nothing either) tells us first whether the kernel routes it so. */
static bool
loopback_broadcast(struct sockaddr_storage *ss, socklen_t *len)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	bool is_broadcast;
	int fd;

	memset(ss, 0, sizeof(*ss));
	sin->sin_family = AF_INET;
	sin->sin_port = htons(9);
	sin->sin_addr.s_addr = htonl(0x7fffffffu);
	*len = sizeof(*sin);
	if ((fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) < 0)
		return false;
	is_broadcast = connect(fd, (struct sockaddr *)ss, *len) != 0 &&
	    errno == EACCES;
	close(fd);
	return is_broadcast;
}

static size_t
count_fds(void)
{
	struct dirent *d;
	size_t n = 0;
	DIR *dir;

	assert_non_null(dir = opendir("/proc/self/fd"));
	while ((d = readdir(dir)) != NULL)
		if (d->d_name[0] != '.')
			n++;
	closedir(dir);
	return n;
}

static uint16_t
port_of(const struct sockaddr_storage *ss)
{
	if (ss->ss_family == AF_INET)
		return ntohs(((const struct sockaddr_in *)ss)->sin_port);
	return ntohs(((const struct sockaddr_in6 *)ss)->sin6_port);
}

/* --- results and the loop ----------------------------------------------- */

struct got {
	struct tcpcheck_result *res[MAX_RESULTS];
	size_t n;
};

static void
collect(struct tcpcheck_result *res, void *user)
{
	struct got *g = user;

	assert_true(g->n < MAX_RESULTS);
	g->res[g->n++] = res;
}

static void
got_free(struct got *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		tcpcheck_result_free(g->res[i]);
	g->n = 0;
}

static void
never_called(struct tcpcheck_result *res, void *user)
{
	(void)res;
	(void)user;
	fail_msg("a callback ran");
}

/* Drives the checks as a UI loop would, until nothing is pending. */
static void
run(struct tcpcheck *tc)
{
	struct pollfd fds[MAX_RESULTS];
	uint64_t end = probe_now_us() + WALL_MS * 1000u;
	size_t n;
	int t;

	while (tcpcheck_pending(tc) > 0) {
		assert_true(probe_now_us() < end);
		n = tcpcheck_pollfds(tc, fds, MAX_RESULTS);
		assert_true(n <= MAX_RESULTS);
		t = tcpcheck_timeout_ms(tc);
		if (t < 0 || t > 100)
			t = 100;
		assert_true(poll(fds, (nfds_t)n, t) >= 0);
		tcpcheck_handle(tc, fds, n);
	}
}

static void
start_ok(struct tcpcheck *tc, const struct sockaddr_storage *ss,
    socklen_t len, unsigned timeout_ms, struct got *g)
{
	assert_true(tcpcheck_start(tc, (const struct sockaddr *)ss, len,
	    timeout_ms, collect, g));
}

/* --- outcomes against real sockets -------------------------------------- */

static void
test_listener_is_connected(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	struct pollfd fds[4];
	char want[64];
	socklen_t len;
	int lfd;

	(void)state;
	assert_true((lfd = listener(AF_INET, &ss, &len)) >= 0);
	assert_non_null(tc = tcpcheck_new());
	start_ok(tc, &ss, len, 2000, &g);
	assert_int_equal(g.n, 0);	/* never from inside start */
	assert_int_equal(tcpcheck_pending(tc), 1);
	run(tc);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.res[0]->outcome, TCPCHECK_CONNECTED);
	assert_int_equal(g.res[0]->error, 0);
	snprintf(want, sizeof(want), "127.0.0.1#%u", (unsigned)port_of(&ss));
	assert_string_equal(g.res[0]->target, want);
	assert_int_equal(g.res[0]->addrlen, len);
	assert_memory_equal(&g.res[0]->addr, &ss, len);
	assert_int_equal(g.res[0]->timeout_ms, 2000);
	assert_true(g.res[0]->elapsed_ms >= 0.0);
	assert_true(g.res[0]->elapsed_ms < 2000.0);
	/* Closed at once: nothing left to watch. */
	assert_int_equal(tcpcheck_pollfds(tc, fds, 4), 0);
	assert_int_equal(tcpcheck_timeout_ms(tc), -1);
	got_free(&g);
	tcpcheck_free(tc);
	close(lfd);
}

static void
test_closed_port_is_refused(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	socklen_t len;

	(void)state;
	assert_true(closed_port(AF_INET, &ss, &len));
	assert_non_null(tc = tcpcheck_new());
	start_ok(tc, &ss, len, 2000, &g);
	assert_int_equal(g.n, 0);
	run(tc);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.res[0]->outcome, TCPCHECK_REFUSED);
	assert_int_equal(g.res[0]->error, ECONNREFUSED);
	got_free(&g);
	tcpcheck_free(tc);
}

static void
test_ipv6_loopback(void **state)
{
	struct sockaddr_storage ss, closed;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	socklen_t len, closed_len;
	char want[64];
	int lfd;

	(void)state;
	if (!have_ipv6_loopback())
		skip();
	assert_true((lfd = listener(AF_INET6, &ss, &len)) >= 0);
	assert_true(closed_port(AF_INET6, &closed, &closed_len));
	assert_non_null(tc = tcpcheck_new());
	start_ok(tc, &ss, len, 2000, &g);
	start_ok(tc, &closed, closed_len, 2000, &g);
	run(tc);
	assert_int_equal(g.n, 2);
	if (g.res[0]->outcome != TCPCHECK_CONNECTED) {
		struct tcpcheck_result *r = g.res[0];

		g.res[0] = g.res[1];
		g.res[1] = r;
	}
	assert_int_equal(g.res[0]->outcome, TCPCHECK_CONNECTED);
	snprintf(want, sizeof(want), "::1#%u", (unsigned)port_of(&ss));
	assert_string_equal(g.res[0]->target, want);
	assert_int_equal(g.res[1]->outcome, TCPCHECK_REFUSED);
	assert_int_equal(g.res[1]->error, ECONNREFUSED);
	snprintf(want, sizeof(want), "nc -vz -w 2 ::1 %u",
	    (unsigned)port_of(&closed));
	assert_string_equal(g.res[1]->reproduce, want);
	got_free(&g);
	tcpcheck_free(tc);
	close(lfd);
}

static void
test_broadcast_is_unreachable_from_next_handle(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	struct pollfd fds[4];
	socklen_t len;

	(void)state;
	if (!loopback_broadcast(&ss, &len))
		skip();
	assert_non_null(tc = tcpcheck_new());
	start_ok(tc, &ss, len, 2000, &g);
	/* Known at once, but told from handle(): no socket, no wait. */
	assert_int_equal(g.n, 0);
	assert_int_equal(tcpcheck_pending(tc), 1);
	assert_int_equal(tcpcheck_pollfds(tc, fds, 4), 0);
	assert_int_equal(tcpcheck_timeout_ms(tc), 0);
	tcpcheck_handle(tc, NULL, 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.res[0]->outcome, TCPCHECK_UNREACHABLE);
	assert_int_equal(g.res[0]->error, ENETUNREACH);
	assert_string_equal(g.res[0]->target, "127.255.255.255#9");
	assert_int_equal(tcpcheck_pending(tc), 0);
	got_free(&g);
	tcpcheck_free(tc);
}

static void
test_no_descriptor_left_is_a_local_error(void **state)
{
	struct sockaddr_storage ss;
	struct rlimit saved, low;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	socklen_t len;
	bool started;
	int lfd, lowest;

	(void)state;
	assert_true((lfd = listener(AF_INET, &ss, &len)) >= 0);
	assert_non_null(tc = tcpcheck_new());
	assert_true((lowest = open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0);
	close(lowest);
	assert_int_equal(getrlimit(RLIMIT_NOFILE, &saved), 0);
	low = saved;
	low.rlim_cur = (rlim_t)lowest;	/* the next socket() is one too many */
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &low), 0);
	started = tcpcheck_start(tc, (struct sockaddr *)&ss, len, 2000,
	    collect, &g);
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &saved), 0);
	assert_true(started);
	assert_int_equal(g.n, 0);
	assert_int_equal(tcpcheck_timeout_ms(tc), 0);
	tcpcheck_handle(tc, NULL, 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.res[0]->outcome, TCPCHECK_LOCAL_ERROR);
	assert_int_equal(g.res[0]->error, EMFILE);
	got_free(&g);
	tcpcheck_free(tc);
	close(lfd);
}

/* --- deadlines, on the fake clock --------------------------------------- */

static void
test_deadline_expires_without_an_answer(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	struct pollfd fds[4];
	size_t before, n;
	socklen_t len;
	int lfd;

	(void)state;
	assert_true((lfd = listener(AF_INET, &ss, &len)) >= 0);
	before = count_fds();
	assert_non_null(tc = tcpcheck_new());
	fake_clock = true;
	fake_us = 1000000000u;
	start_ok(tc, &ss, len, 2000, &g);
	assert_int_equal(tcpcheck_timeout_ms(tc), 2000);
	fake_us += 1500000u;
	assert_int_equal(tcpcheck_timeout_ms(tc), 500);
	/* poll() timed out: every revents 0. One µs early is not late. */
	fake_us += 499999u;
	assert_int_equal(tcpcheck_timeout_ms(tc), 1);
	n = tcpcheck_pollfds(tc, fds, 4);
	assert_int_equal(n, 1);
	tcpcheck_handle(tc, fds, n);
	assert_int_equal(g.n, 0);
	assert_int_equal(tcpcheck_pending(tc), 1);
	fake_us += 1u;
	assert_int_equal(tcpcheck_timeout_ms(tc), 0);
	n = tcpcheck_pollfds(tc, fds, 4);
	tcpcheck_handle(tc, fds, n);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.res[0]->outcome, TCPCHECK_TIMEOUT);
	assert_int_equal(g.res[0]->error, 0);
	assert_true(g.res[0]->elapsed_ms == 2000.0);
	assert_int_equal(tcpcheck_pending(tc), 0);
	assert_int_equal(count_fds(), before);	/* its socket is closed */
	got_free(&g);
	tcpcheck_free(tc);
	close(lfd);
}

static void
test_ready_socket_beats_its_deadline(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	struct pollfd fds[4];
	socklen_t len;
	size_t n;
	int lfd;

	(void)state;
	assert_true((lfd = listener(AF_INET, &ss, &len)) >= 0);
	assert_non_null(tc = tcpcheck_new());
	fake_clock = true;
	fake_us = 1000000000u;
	start_ok(tc, &ss, len, 100, &g);
	n = tcpcheck_pollfds(tc, fds, 4);
	assert_int_equal(n, 1);
	assert_int_equal(poll(fds, (nfds_t)n, WALL_MS), 1);
	assert_true(fds[0].revents & POLLOUT);
	fake_us += 100000u;	/* due in the same round */
	tcpcheck_handle(tc, fds, n);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.res[0]->outcome, TCPCHECK_CONNECTED);
	assert_true(g.res[0]->elapsed_ms == 100.0);
	got_free(&g);
	tcpcheck_free(tc);
	close(lfd);
}

static void
test_each_check_has_its_own_deadline(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	socklen_t len;
	int lfd;

	(void)state;
	assert_true((lfd = listener(AF_INET, &ss, &len)) >= 0);
	assert_non_null(tc = tcpcheck_new());
	fake_clock = true;
	fake_us = 1000000000u;
	start_ok(tc, &ss, len, 3000, &g);
	fake_us += 1000000u;
	start_ok(tc, &ss, len, 500, &g);
	assert_int_equal(tcpcheck_timeout_ms(tc), 500);
	fake_us += 500000u;
	tcpcheck_handle(tc, NULL, 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.res[0]->timeout_ms, 500);
	assert_int_equal(tcpcheck_timeout_ms(tc), 1500);
	fake_us += 1500000u;
	tcpcheck_handle(tc, NULL, 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.res[1]->outcome, TCPCHECK_TIMEOUT);
	assert_true(g.res[1]->elapsed_ms == 3000.0);
	got_free(&g);
	tcpcheck_free(tc);
	close(lfd);
}

static void
test_all_due_results_come_in_one_handle(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	socklen_t len;
	int lfd, i;

	(void)state;
	assert_true((lfd = listener(AF_INET, &ss, &len)) >= 0);
	assert_non_null(tc = tcpcheck_new());
	fake_clock = true;
	fake_us = 1000000000u;
	for (i = 0; i < 3; i++)
		start_ok(tc, &ss, len, 700, &g);
	fake_us += 700000u;
	tcpcheck_handle(tc, NULL, 0);
	assert_int_equal(g.n, 3);
	for (i = 0; i < 3; i++)
		assert_int_equal(g.res[i]->outcome, TCPCHECK_TIMEOUT);
	assert_int_equal(tcpcheck_pending(tc), 0);
	got_free(&g);
	tcpcheck_free(tc);
	close(lfd);
}

static void
test_zero_timeout_means_the_default(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	socklen_t len;
	int lfd;

	(void)state;
	assert_true((lfd = listener(AF_INET, &ss, &len)) >= 0);
	assert_non_null(tc = tcpcheck_new());
	fake_clock = true;
	fake_us = 1000000000u;
	start_ok(tc, &ss, len, 0, &g);
	assert_int_equal(tcpcheck_timeout_ms(tc), TCPCHECK_DEFAULT_TIMEOUT_MS);
	fake_us += (uint64_t)TCPCHECK_DEFAULT_TIMEOUT_MS * 1000u;
	tcpcheck_handle(tc, NULL, 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.res[0]->outcome, TCPCHECK_TIMEOUT);
	assert_int_equal(g.res[0]->timeout_ms, TCPCHECK_DEFAULT_TIMEOUT_MS);
	got_free(&g);
	tcpcheck_free(tc);
	close(lfd);
}

/* --- many, re-entrant, freed early -------------------------------------- */

static void
test_128_checks_at_once(void **state)
{
	struct sockaddr_storage open_ss, closed_ss;
	socklen_t open_len, closed_len;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	struct pollfd fds[MAX_RESULTS];
	size_t before, i, connected = 0, refused = 0;
	int lfd;

	(void)state;
	assert_true((lfd = listener(AF_INET, &open_ss, &open_len)) >= 0);
	assert_true(closed_port(AF_INET, &closed_ss, &closed_len));
	before = count_fds();
	assert_non_null(tc = tcpcheck_new());
	for (i = 0; i < 64; i++) {
		start_ok(tc, &open_ss, open_len, 2000, &g);
		start_ok(tc, &closed_ss, closed_len, 2000, &g);
	}
	assert_int_equal(tcpcheck_pending(tc), 128);
	assert_int_equal(tcpcheck_pollfds(tc, fds, MAX_RESULTS), 128);
	assert_int_equal(count_fds(), before + 128);
	run(tc);
	assert_int_equal(g.n, 128);
	for (i = 0; i < g.n; i++) {
		if (g.res[i]->outcome == TCPCHECK_CONNECTED &&
		    port_of(&g.res[i]->addr) == port_of(&open_ss))
			connected++;
		if (g.res[i]->outcome == TCPCHECK_REFUSED &&
		    port_of(&g.res[i]->addr) == port_of(&closed_ss))
			refused++;
	}
	assert_int_equal(connected, 64);
	assert_int_equal(refused, 64);
	assert_int_equal(count_fds(), before);
	got_free(&g);
	tcpcheck_free(tc);
	close(lfd);
}

struct chain {
	struct tcpcheck *tc;
	struct sockaddr_storage ss;
	socklen_t len;
	struct got got;
	unsigned more;		/* checks still to start from callbacks */
};

static void
chain_next(struct tcpcheck_result *res, void *user)
{
	struct chain *ch = user;

	collect(res, &ch->got);
	if (ch->more == 0)
		return;
	ch->more--;
	assert_true(tcpcheck_start(ch->tc, (struct sockaddr *)&ch->ss,
	    ch->len, 2000, chain_next, ch));
}

static void
test_callback_starts_the_next_check(void **state)
{
	struct chain ch = { .more = 3 };
	size_t i;
	int lfd;

	(void)state;
	assert_true((lfd = listener(AF_INET, &ch.ss, &ch.len)) >= 0);
	assert_non_null(ch.tc = tcpcheck_new());
	assert_true(tcpcheck_start(ch.tc, (struct sockaddr *)&ch.ss, ch.len,
	    2000, chain_next, &ch));
	assert_true(tcpcheck_start(ch.tc, (struct sockaddr *)&ch.ss, ch.len,
	    2000, collect, &ch.got));
	run(ch.tc);
	assert_int_equal(ch.got.n, 5);
	for (i = 0; i < ch.got.n; i++)
		assert_int_equal(ch.got.res[i]->outcome, TCPCHECK_CONNECTED);
	got_free(&ch.got);
	tcpcheck_free(ch.tc);
	close(lfd);
}

/* A retry loop on an instant failure gets one result per handle() call. */
static void
test_instant_retries_cannot_spin(void **state)
{
	struct chain ch = { .more = 3 };

	(void)state;
	if (!loopback_broadcast(&ch.ss, &ch.len))
		skip();
	assert_non_null(ch.tc = tcpcheck_new());
	assert_true(tcpcheck_start(ch.tc, (struct sockaddr *)&ch.ss, ch.len,
	    2000, chain_next, &ch));
	tcpcheck_handle(ch.tc, NULL, 0);
	assert_int_equal(ch.got.n, 1);
	assert_int_equal(tcpcheck_pending(ch.tc), 1);
	assert_int_equal(tcpcheck_timeout_ms(ch.tc), 0);
	tcpcheck_handle(ch.tc, NULL, 0);
	assert_int_equal(ch.got.n, 2);
	tcpcheck_handle(ch.tc, NULL, 0);
	tcpcheck_handle(ch.tc, NULL, 0);
	assert_int_equal(ch.got.n, 4);
	assert_int_equal(tcpcheck_pending(ch.tc), 0);
	assert_int_equal(ch.got.res[3]->outcome, TCPCHECK_UNREACHABLE);
	got_free(&ch.got);
	tcpcheck_free(ch.tc);
}

/* A callback's new socket may reuse the fd number of the one just closed;
 * a stale poll array must not be read into it. */
static void
test_stale_pollfds_do_not_reach_new_sockets(void **state)
{
	struct chain ch = { .more = 1 };
	struct pollfd fds[4], now[4];
	size_t n;
	int lfd;

	(void)state;
	assert_true((lfd = listener(AF_INET, &ch.ss, &ch.len)) >= 0);
	assert_non_null(ch.tc = tcpcheck_new());
	assert_true(tcpcheck_start(ch.tc, (struct sockaddr *)&ch.ss, ch.len,
	    2000, chain_next, &ch));
	n = tcpcheck_pollfds(ch.tc, fds, 4);
	assert_int_equal(n, 1);
	assert_int_equal(poll(fds, (nfds_t)n, WALL_MS), 1);
	tcpcheck_handle(ch.tc, fds, n);	/* first done, second started */
	assert_int_equal(ch.got.n, 1);
	assert_int_equal(tcpcheck_pending(ch.tc), 1);
	tcpcheck_handle(ch.tc, fds, n);	/* same array again */
	assert_int_equal(ch.got.n, 1);
	assert_int_equal(tcpcheck_pollfds(ch.tc, now, 4), 1);
	assert_int_equal(now[0].fd, fds[0].fd);	/* the number was reused */
	run(ch.tc);
	assert_int_equal(ch.got.n, 2);
	got_free(&ch.got);
	tcpcheck_free(ch.tc);
	close(lfd);
}

static void
test_free_with_checks_pending(void **state)
{
	struct sockaddr_storage open_ss, closed_ss, bcast;
	socklen_t open_len, closed_len, bcast_len;
	struct tcpcheck *tc;
	size_t before, i;
	int lfd;

	(void)state;
	assert_true((lfd = listener(AF_INET, &open_ss, &open_len)) >= 0);
	assert_true(closed_port(AF_INET, &closed_ss, &closed_len));
	before = count_fds();
	assert_non_null(tc = tcpcheck_new());
	for (i = 0; i < 32; i++) {
		assert_true(tcpcheck_start(tc, (struct sockaddr *)&open_ss,
		    open_len, 2000, never_called, NULL));
		assert_true(tcpcheck_start(tc, (struct sockaddr *)&closed_ss,
		    closed_len, 2000, never_called, NULL));
	}
	if (loopback_broadcast(&bcast, &bcast_len))
		assert_true(tcpcheck_start(tc, (struct sockaddr *)&bcast,
		    bcast_len, 2000, never_called, NULL));
	assert_true(count_fds() > before);
	tcpcheck_free(tc);
	assert_int_equal(count_fds(), before);
	tcpcheck_free(NULL);
	close(lfd);
}

static void
test_null_callback_frees_the_result(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	socklen_t len;
	int lfd;

	(void)state;
	assert_true((lfd = listener(AF_INET, &ss, &len)) >= 0);
	assert_non_null(tc = tcpcheck_new());
	assert_true(tcpcheck_start(tc, (struct sockaddr *)&ss, len, 2000,
	    NULL, NULL));
	run(tc);
	tcpcheck_free(tc);
	close(lfd);
}

/* --- the seam's contract ------------------------------------------------ */

static void
test_bad_input_is_refused_at_once(void **state)
{
	struct sockaddr_storage ss, big;
	struct sockaddr_un sun;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	size_t before;
	socklen_t len;

	(void)state;
	before = count_fds();
	assert_non_null(tc = tcpcheck_new());
	loopback(AF_INET, &ss, &len);
	((struct sockaddr_in *)&ss)->sin_port = htons(53);
	errno = 0;
	assert_false(tcpcheck_start(NULL, (struct sockaddr *)&ss, len, 0,
	    collect, &g));
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_false(tcpcheck_start(tc, NULL, len, 0, collect, &g));
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_false(tcpcheck_start(tc, (struct sockaddr *)&ss, len - 1, 0,
	    collect, &g));
	assert_int_equal(errno, EINVAL);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	errno = 0;
	assert_false(tcpcheck_start(tc, (struct sockaddr *)&sun, sizeof(sun),
	    0, collect, &g));
	assert_int_equal(errno, EINVAL);
	big = ss;
	errno = 0;
	assert_false(tcpcheck_start(tc, (struct sockaddr *)&big,
	    sizeof(big) + 1, 0, collect, &g));
	assert_int_equal(errno, EINVAL);
	((struct sockaddr_in *)&ss)->sin_port = 0;
	errno = 0;
	assert_false(tcpcheck_start(tc, (struct sockaddr *)&ss, len, 0,
	    collect, &g));
	assert_int_equal(errno, EINVAL);
	assert_int_equal(tcpcheck_pending(tc), 0);
	tcpcheck_handle(tc, NULL, 0);
	assert_int_equal(g.n, 0);
	assert_int_equal(count_fds(), before);
	tcpcheck_free(tc);
}

static void
test_pollfds_reports_what_it_needs(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	struct pollfd fds[4];
	socklen_t len;
	int lfd, i;

	(void)state;
	assert_true((lfd = listener(AF_INET, &ss, &len)) >= 0);
	assert_non_null(tc = tcpcheck_new());
	for (i = 0; i < 3; i++)
		assert_true(tcpcheck_start(tc, (struct sockaddr *)&ss, len,
		    2000, never_called, NULL));
	memset(fds, 0xa5, sizeof(fds));
	assert_int_equal(tcpcheck_pollfds(tc, fds, 2), 3);
	for (i = 0; i < 2; i++) {
		assert_true(fds[i].fd >= 0);
		assert_int_equal(fds[i].events, POLLOUT);
		assert_int_equal(fds[i].revents, 0);
	}
	assert_int_equal(fds[2].fd, (int)0xa5a5a5a5);	/* beyond cap */
	assert_int_equal(tcpcheck_pollfds(tc, NULL, 0), 3);
	assert_int_equal(tcpcheck_pollfds(tc, fds, 4), 3);
	assert_true(fds[0].fd != fds[1].fd && fds[1].fd != fds[2].fd);
	tcpcheck_free(tc);
	close(lfd);
}

/* A UI passes its whole array: the terminal, the probe engine's sockets. */
static void
test_handle_skips_fds_it_does_not_own(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	struct pollfd fds[3];
	socklen_t len;
	int lfd;

	(void)state;
	assert_true((lfd = listener(AF_INET, &ss, &len)) >= 0);
	assert_non_null(tc = tcpcheck_new());
	assert_true(tcpcheck_start(tc, (struct sockaddr *)&ss, len, 2000,
	    never_called, NULL));
	assert_int_equal(tcpcheck_pollfds(tc, fds, 1), 1);
	fds[0].revents = 0;		/* ours, not ready */
	fds[1].fd = lfd;
	fds[1].events = POLLIN;
	fds[1].revents = POLLIN | POLLOUT;
	fds[2].fd = -1;
	fds[2].events = 0;
	fds[2].revents = POLLNVAL;
	tcpcheck_handle(tc, fds, 3);
	assert_int_equal(tcpcheck_pending(tc), 1);
	tcpcheck_free(tc);
	close(lfd);
}

/* A listener with backlog 0 and its accept queue full drops further SYNs,
 * so our connect stays in SYN_SENT; POLLOUT that poll() did not report
 * (a caller's stale or made-up revents) must not read as connected. */
static void
test_made_up_revents_do_not_fake_a_connection(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	struct pollfd fds[2];
	int lfd, filler[2], i;
	socklen_t len;

	(void)state;
	assert_true((lfd = bound(AF_INET, &ss, &len)) >= 0);
	assert_int_equal(listen(lfd, 0), 0);
	for (i = 0; i < 2; i++) {
		filler[i] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK |
		    SOCK_CLOEXEC, 0);
		assert_true(filler[i] >= 0);
		(void)connect(filler[i], (struct sockaddr *)&ss, len);
	}
	assert_non_null(tc = tcpcheck_new());
	assert_true(tcpcheck_start(tc, (struct sockaddr *)&ss, len, 2000,
	    never_called, NULL));
	assert_int_equal(tcpcheck_pollfds(tc, fds, 2), 1);
	if (poll(fds, 1, 0) != 0) {	/* the kernel took it after all */
		tcpcheck_free(tc);
		close(filler[0]);
		close(filler[1]);
		close(lfd);
		skip();
	}
	fds[0].revents = POLLOUT;
	tcpcheck_handle(tc, fds, 1);
	assert_int_equal(tcpcheck_pending(tc), 1);
	tcpcheck_free(tc);
	close(filler[0]);
	close(filler[1]);
	close(lfd);
}

static void
test_idle_does_not_wait(void **state)
{
	struct tcpcheck *tc;
	struct pollfd fds[1];

	(void)state;
	assert_non_null(tc = tcpcheck_new());
	assert_int_equal(tcpcheck_pending(tc), 0);
	assert_int_equal(tcpcheck_timeout_ms(tc), -1);
	assert_int_equal(tcpcheck_pollfds(tc, fds, 1), 0);
	tcpcheck_handle(tc, NULL, 0);
	tcpcheck_free(tc);
}

/* --- pure helpers ------------------------------------------------------- */

static void
test_reproduce_is_an_nc_command(void **state)
{
	struct sockaddr_storage ss;
	struct tcpcheck *tc;
	struct got g = { .n = 0 };
	char want[64];
	socklen_t len;

	(void)state;
	assert_true(closed_port(AF_INET, &ss, &len));
	assert_non_null(tc = tcpcheck_new());
	start_ok(tc, &ss, len, 2000, &g);
	run(tc);
	assert_int_equal(g.n, 1);
	snprintf(want, sizeof(want), "nc -vz -w 2 127.0.0.1 %u",
	    (unsigned)port_of(&ss));
	assert_string_equal(g.res[0]->reproduce, want);
	got_free(&g);
	tcpcheck_free(tc);
}

static void
expect_nc(const char *addr, uint16_t port, unsigned timeout_ms,
    const char *want)
{
	struct sockaddr_storage ss;
	socklen_t len;
	char buf[128];

	assert_true(probe_sockaddr_from_text(addr, port, &ss, &len));
	assert_true(tcpcheck_render_nc((struct sockaddr *)&ss, len, timeout_ms,
	    buf, sizeof(buf)));
	assert_string_equal(buf, want);
}

static void
test_nc_rounds_the_timeout_up_to_seconds(void **state)
{
	(void)state;
	expect_nc("127.0.80.80", 80, 2000, "nc -vz -w 2 127.0.80.80 80");
	expect_nc("127.0.80.80", 80, 1, "nc -vz -w 1 127.0.80.80 80");
	expect_nc("127.0.80.80", 80, 1000, "nc -vz -w 1 127.0.80.80 80");
	expect_nc("127.0.80.80", 80, 1001, "nc -vz -w 2 127.0.80.80 80");
	expect_nc("127.0.80.80", 80, 0, "nc -vz -w 2 127.0.80.80 80");
	expect_nc("127.0.80.80", 80, UINT_MAX,
	    "nc -vz -w 4294968 127.0.80.80 80");
	expect_nc("::1", 443, 2500, "nc -vz -w 3 ::1 443");
}

static void
test_nc_refuses_what_it_cannot_say(void **state)
{
	struct sockaddr_storage ss;
	struct sockaddr_un sun;
	socklen_t len;
	char buf[64];

	(void)state;
	assert_true(probe_sockaddr_from_text("127.0.0.1", 53, &ss, &len));
	assert_false(tcpcheck_render_nc((struct sockaddr *)&ss, len, 2000, buf,
	    10));
	assert_string_equal(buf, "");
	assert_false(tcpcheck_render_nc((struct sockaddr *)&ss, len, 2000, buf,
	    0));
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	assert_false(tcpcheck_render_nc((struct sockaddr *)&sun, sizeof(sun),
	    2000, buf, sizeof(buf)));
	assert_false(tcpcheck_render_nc(NULL, 0, 2000, buf, sizeof(buf)));
}

static void
test_outcome_codes_and_texts(void **state)
{
	(void)state;
	assert_string_equal(tcpcheck_outcome_code(TCPCHECK_CONNECTED),
	    "connected");
	assert_string_equal(tcpcheck_outcome_code(TCPCHECK_REFUSED), "refused");
	assert_string_equal(tcpcheck_outcome_code(TCPCHECK_TIMEOUT), "timeout");
	assert_string_equal(tcpcheck_outcome_code(TCPCHECK_UNREACHABLE),
	    "unreachable");
	assert_string_equal(tcpcheck_outcome_code(TCPCHECK_LOCAL_ERROR),
	    "local-error");
	assert_string_equal(tcpcheck_outcome_msgid(TCPCHECK_REFUSED),
	    "connection refused: nothing listens on that port");
	assert_string_equal(tcpcheck_outcome_code(TCPCHECK_OUTCOME_COUNT), "?");
	assert_string_equal(tcpcheck_outcome_msgid(TCPCHECK_OUTCOME_COUNT), "");
	assert_string_equal(tcpcheck_outcome_code((enum tcpcheck_outcome)-1),
	    "?");
}

static void
test_errno_meanings(void **state)
{
	(void)state;
	assert_int_equal(tcpcheck_outcome_of_errno(0), TCPCHECK_CONNECTED);
	assert_int_equal(tcpcheck_outcome_of_errno(ECONNRESET),
	    TCPCHECK_CONNECTED);
	assert_int_equal(tcpcheck_outcome_of_errno(EPIPE), TCPCHECK_CONNECTED);
	assert_int_equal(tcpcheck_outcome_of_errno(ECONNREFUSED),
	    TCPCHECK_REFUSED);
	assert_int_equal(tcpcheck_outcome_of_errno(ETIMEDOUT),
	    TCPCHECK_TIMEOUT);
	assert_int_equal(tcpcheck_outcome_of_errno(ENETUNREACH),
	    TCPCHECK_UNREACHABLE);
	assert_int_equal(tcpcheck_outcome_of_errno(EHOSTUNREACH),
	    TCPCHECK_UNREACHABLE);
	assert_int_equal(tcpcheck_outcome_of_errno(ENETDOWN),
	    TCPCHECK_UNREACHABLE);
	assert_int_equal(tcpcheck_outcome_of_errno(EHOSTDOWN),
	    TCPCHECK_UNREACHABLE);
	assert_int_equal(tcpcheck_outcome_of_errno(EMFILE),
	    TCPCHECK_LOCAL_ERROR);
	assert_int_equal(tcpcheck_outcome_of_errno(EADDRNOTAVAIL),
	    TCPCHECK_LOCAL_ERROR);
	assert_int_equal(tcpcheck_outcome_of_errno(EPERM),
	    TCPCHECK_LOCAL_ERROR);
}

#define T(f) cmocka_unit_test_teardown(f, real_clock)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_listener_is_connected),
		T(test_closed_port_is_refused),
		T(test_ipv6_loopback),
		T(test_broadcast_is_unreachable_from_next_handle),
		T(test_no_descriptor_left_is_a_local_error),
		T(test_deadline_expires_without_an_answer),
		T(test_ready_socket_beats_its_deadline),
		T(test_each_check_has_its_own_deadline),
		T(test_all_due_results_come_in_one_handle),
		T(test_zero_timeout_means_the_default),
		T(test_128_checks_at_once),
		T(test_callback_starts_the_next_check),
		T(test_instant_retries_cannot_spin),
		T(test_stale_pollfds_do_not_reach_new_sockets),
		T(test_free_with_checks_pending),
		T(test_null_callback_frees_the_result),
		T(test_bad_input_is_refused_at_once),
		T(test_pollfds_reports_what_it_needs),
		T(test_handle_skips_fds_it_does_not_own),
		T(test_made_up_revents_do_not_fake_a_connection),
		T(test_idle_does_not_wait),
		T(test_reproduce_is_an_nc_command),
		T(test_nc_rounds_the_timeout_up_to_seconds),
		T(test_nc_refuses_what_it_cannot_say),
		T(test_outcome_codes_and_texts),
		T(test_errno_meanings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
