/* engine_driver.c - the probe engine against real sockets, for
 * tests/lab/test_engine.sh, inside a private network namespace only.
 *
 *   engine_driver wait ADDR PORT   until the server at ADDR#PORT answers
 *   engine_driver run ADDR PORT    every case; TAP on stdout, exit 1 if any
 *                                  case failed
 *
 * ADDR#PORT is ldns-testns serving tests/fixtures/probe/testns.data. The
 * driver makes the other servers itself, on PORT+1..PORT+3:
 *   127.0.0.1#PORT+1  nothing listens: ICMP port unreachable / TCP reset
 *   127.0.0.2#PORT+2  a UDP socket and a TCP listener that never read:
 *                     a server that is silently dead
 *   127.0.0.3#PORT+3  a forked hostile responder (stray, malformed, split,
 *                     EDNS-intolerant *                     and cut answers), killed by its PID at the end;
 *   ::1#PORT+3        the same over UDP, if the namespace has IPv6 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "dnstriage/probe.h"

#define DEAD_ADDR "127.0.0.2"
#define HOSTILE_ADDR "127.0.0.3"
#define CLOSED_ADDR "127.0.0.1"
#define HOSTILE_ADDR6 "::1"
#define NCONCURRENT 100
#define NDEAD 300
#define DEAD_TIMEOUT_MS 600u
/* Scheduling slack on a loaded machine; a timeout x tries bug is +1200. */
#define SLACK_MS 400.0

static const char *server_addr;
static unsigned server_port;
static int failures, ncase;
static bool have_ipv6;

/* --- TAP ---------------------------------------------------------------- */

static bool check(bool ok, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static bool
check(bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s %d - ", ok ? "ok" : "not ok", ++ncase);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!ok)
		failures++;
	return ok;
}

/* the engine's own monotonic clock, in milliseconds */
#define now_ms() ((double)probe_now_us() / 1000.0)

static void
show(const struct probe_result *r)
{
	printf("# %s %s: %s rtt=%.3fms elapsed=%.1fms tx=%u ignored=%u "
	    "tcp_fallback=%d skipped=%d error=%d\n#   %s\n", r->server,
	    r->spec.name, probe_outcome_code(r->outcome), r->rtt_ms,
	    r->elapsed_ms, r->transmissions, r->ignored, r->tcp_fallback,
	    r->skipped_known_dead, r->error, r->reproduce);
}

/* --- asking ------------------------------------------------------------- */

static void
keep(struct probe_result *res, void *user)
{
	*(struct probe_result **)user = res;
}

static struct probe_spec
spec_for(const char *addr, unsigned port, const char *name, ldns_rr_type t)
{
	struct probe_spec s;

	probe_spec_init(&s);
	if (!probe_spec_set_server(&s, addr, (uint16_t)port))
		abort();
	s.name = name;
	s.type = t;
	s.timeout_ms = 1000;
	return s;
}

/* One query, run to completion. */
static struct probe_result *
ask(struct probe_engine *e, const struct probe_spec *s)
{
	struct probe_result *res = NULL;

	if (probe_submit(e, s, keep, &res) == NULL)
		return NULL;
	probe_engine_run(e, 10000);
	if (res != NULL)
		show(res);
	return res;
}

static bool
answer_has_a(const struct probe_result *r, const char *addr)
{
	ldns_rr_list *an;
	char *s;
	bool found = false;
	size_t i;

	if (r->pkt == NULL)
		return false;
	an = ldns_pkt_answer(r->pkt);
	for (i = 0; i < ldns_rr_list_rr_count(an) && !found; i++) {
		s = ldns_rdf2str(ldns_rr_rdf(ldns_rr_list_rr(an, i), 0));
		found = s != NULL && strstr(s, addr) != NULL;
		free(s);
	}
	return found;
}

/* --- the servers the driver makes --------------------------------------- */

static int
bound_socket(const char *addr, unsigned port, int type)
{
	struct probe_spec s;
	int fd, one = 1;

	probe_spec_init(&s);
	if (!probe_spec_set_server(&s, addr, (uint16_t)port))
		return -1;
	if ((fd = socket(s.server.ss_family, type | SOCK_CLOEXEC, 0)) < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&s.server, s.server_len) != 0 ||
	    (type == SOCK_STREAM && listen(fd, 512) != 0)) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Nothing listens on the port if we can take it ourselves. */
static bool
port_is_closed(const char *addr, unsigned port)
{
	int u = bound_socket(addr, port, SOCK_DGRAM);
	int t = bound_socket(addr, port, SOCK_STREAM);
	bool closed = u >= 0 && t >= 0;

	if (u >= 0)
		close(u);
	if (t >= 0)
		close(t);
	return closed;
}

/* The hostile responder's replies, made from the query's own bytes. */
static size_t
question_end(const uint8_t *q, size_t len)
{
	size_t pos = 12;

	while (pos < len && q[pos] != 0)
		pos += (size_t)q[pos] + 1;
	return pos + 5 <= len ? pos + 5 : 0;
}

static bool
qname_is(const uint8_t *q, size_t len, const char *label)
{
	size_t n = strlen(label);

	return len > 13 + n && q[12] == n && memcmp(q + 13, label, n) == 0;
}

/* Answer = the query with QR set, cut after the question (no OPT). */
static size_t
make_answer(const uint8_t *q, size_t len, uint8_t *out)
{
	size_t end = question_end(q, len);

	if (end == 0)
		return 0;
	memcpy(out, q, end);
	out[2] |= 0x84;		/* QR AA */
	out[3] = 0;
	memset(out + 6, 0, 6);	/* no answer, authority, additional */
	return end;
}

static void
hostile_udp(int fd)
{
	struct sockaddr_storage from;
	socklen_t fl = sizeof(from);
	uint8_t q[512], a[512], bad[512];
	ssize_t n;
	size_t alen;

	n = recvfrom(fd, q, sizeof(q), 0, (struct sockaddr *)&from, &fl);
	if (n <= 0 || (alen = make_answer(q, (size_t)n, a)) == 0)
		return;
	memcpy(bad, a, alen);
	/* EDNS intolerance: the query's OPT record is its additional RR. */
	if (qname_is(q, (size_t)n, "formerr") && q[11] > 0) {
		bad[3] = LDNS_RCODE_FORMERR;
		sendto(fd, bad, alen, 0, (struct sockaddr *)&from, fl);
		return;
	}
	if (qname_is(q, (size_t)n, "dropedns") && q[11] > 0)
		return;
	if (qname_is(q, (size_t)n, "malformed")) {
		bad[1] ^= 1;	/* wrong ID: ignored */
		sendto(fd, bad, alen, 0, (struct sockaddr *)&from, fl);
		memcpy(bad, a, alen);
		bad[7] = 1;	/* one answer record, not there */
		sendto(fd, bad, alen, 0, (struct sockaddr *)&from, fl);
		return;
	}
	if (qname_is(q, (size_t)n, "stray")) {
		bad[alen - 3] ^= 1;	/* another type: wrong question */
		sendto(fd, bad, alen, 0, (struct sockaddr *)&from, fl);
		/* the query itself: QR=0 */
		sendto(fd, q, (size_t)n, 0, (struct sockaddr *)&from, fl);
	}
	sendto(fd, a, alen, 0, (struct sockaddr *)&from, fl);
}

static void
send_slowly(int fd, const uint8_t *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {	/* byte by byte: partial reads */
		send(fd, buf + i, 1, MSG_NOSIGNAL);
		usleep(2000);
	}
}

static void
hostile_tcp(int lfd)
{
	static int silent_fd = -1;
	uint8_t q[514], a[1024];
	struct timeval tv = { 2, 0 };
	ssize_t n;
	size_t alen;
	int fd;

	if ((fd = accept(lfd, NULL, NULL)) < 0)
		return;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	n = recv(fd, q, sizeof(q), 0);
	if (n < 14 || (alen = make_answer(q + 2, (size_t)n - 2, a + 2)) == 0) {
		close(fd);
		return;
	}
	if (qname_is(q + 2, (size_t)n - 2, "silent")) {
		if (silent_fd >= 0)
			close(silent_fd);
		silent_fd = fd;	/* kept open, never answered */
		return;
	} else if (qname_is(q + 2, (size_t)n - 2, "cut")) {
		ldns_write_uint16(a, 100);
		send(fd, a, 7, MSG_NOSIGNAL);	/* 5 of 100 bytes; close */
	} else {
		ldns_write_uint16(a, (uint16_t)alen);
		a[3] ^= 1;		/* first a wrong ID ... */
		send_slowly(fd, a, alen + 2);
		a[3] ^= 1;		/* ... then the answer */
		send_slowly(fd, a, alen + 2);
	}
	close(fd);
}

/* UDP and TCP on 127.0.0.3, and UDP on ::1 when the namespace has IPv6. */
static pid_t
start_hostile(unsigned port)
{
	struct pollfd fds[3];
	pid_t pid;
	int i;

	fds[0].fd = bound_socket(HOSTILE_ADDR, port, SOCK_DGRAM);
	fds[1].fd = bound_socket(HOSTILE_ADDR, port, SOCK_STREAM);
	fds[2].fd = bound_socket(HOSTILE_ADDR6, port, SOCK_DGRAM);
	have_ipv6 = fds[2].fd >= 0;
	if (fds[0].fd < 0 || fds[1].fd < 0 || (pid = fork()) < 0)
		return -1;
	if (pid > 0) {
		for (i = 0; i < 3; i++)
			if (fds[i].fd >= 0)
				close(fds[i].fd);
		return pid;
	}
	alarm(120);		/* never outlive a broken test */
	for (i = 0; i < 3; i++)
		fds[i].events = POLLIN;
	for (;;) {
		if (poll(fds, 3, -1) < 0 && errno != EINTR)
			_exit(1);
		if (fds[0].revents & POLLIN)
			hostile_udp(fds[0].fd);
		if (fds[1].revents & POLLIN)
			hostile_tcp(fds[1].fd);
		if (fds[2].revents & POLLIN)
			hostile_udp(fds[2].fd);
	}
}

/* --- the cases ---------------------------------------------------------- */

static void
case_concurrent(struct probe_engine *e, unsigned port)
{
	struct probe_result *res[NCONCURRENT] = { NULL };
	struct probe_engine_stats st;
	struct probe_spec s = spec_for(server_addr, port,
	    "www.example.test", LDNS_RR_TYPE_A);
	int i, answered = 0, matched = 0;
	double t0 = now_ms();

	for (i = 0; i < NCONCURRENT; i++)
		if (probe_submit(e, &s, keep, &res[i]) == NULL)
			break;
	probe_engine_stats(e, &st);
	probe_engine_run(e, 10000);
	for (i = 0; i < NCONCURRENT; i++) {
		if (res[i] == NULL)
			continue;
		answered += res[i]->outcome == PROBE_ANSWER;
		matched += res[i]->pkt != NULL && res[i]->ignored == 0 &&
		    ldns_pkt_id(res[i]->pkt) == res[i]->id &&
		    answer_has_a(res[i], "192.0.2.1");
		probe_result_free(res[i]);
	}
	check(st.inflight == NCONCURRENT && st.queued == 0,
	    "%d queries in flight at once (%zu)", NCONCURRENT, st.inflight);
	check(answered == NCONCURRENT && matched == NCONCURRENT,
	    "%d concurrent queries all answered and matched (%d, %d) "
	    "in %.1f ms", NCONCURRENT, answered, matched, now_ms() - t0);
}

static void
case_case_insensitive(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for(server_addr, port,
	    "WwW.ExAmPlE.TEST", LDNS_RR_TYPE_A);
	struct probe_result *r = ask(e, &s);

	check(r != NULL && r->outcome == PROBE_ANSWER && r->ignored == 0 &&
	    answer_has_a(r, "192.0.2.1") && r->rtt_ms >= 0 && r->wire_len > 12,
	    "answer in lower case matches a mixed-case question");
	probe_result_free(r);
}

static void
case_tc_fallback(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for(server_addr, port,
	    "big.example.test", LDNS_RR_TYPE_TXT);
	struct probe_result *r = ask(e, &s);
	char *txt = NULL;

	if (r != NULL && r->pkt != NULL &&
	    ldns_pkt_ancount(r->pkt) == 1)
		txt = ldns_rdf2str(ldns_rr_rdf(ldns_rr_list_rr(
		    ldns_pkt_answer(r->pkt), 0), 0));
	check(r != NULL && r->outcome == PROBE_ANSWER && r->tcp_fallback &&
	    !ldns_pkt_tc(r->pkt) && r->transmissions == 2 && txt != NULL &&
	    strcmp(txt, "\"full answer over tcp\"") == 0,
	    "TC=1 over UDP is retried over TCP; the TCP answer is returned");
	check(r != NULL && strstr(r->reproduce, "+tcp") == NULL,
	    "reproduce is the UDP query: dig falls back the same way");
	free(txt);
	probe_result_free(r);
}

static void
case_tcp(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for(server_addr, port,
	    "www.example.test", LDNS_RR_TYPE_A);
	struct probe_result *r;
	char want[128];

	s.transport = PROBE_TCP;
	r = ask(e, &s);
	snprintf(want, sizeof(want), "dig @%s -p %u www.example.test A +tcp "
	    "+time=1 +tries=1", server_addr, port);
	check(r != NULL && r->outcome == PROBE_ANSWER && !r->tcp_fallback &&
	    answer_has_a(r, "192.0.2.1"), "query over TCP answered");
	check(r != NULL && strcmp(r->reproduce, want) == 0,
	    "reproduce: %s", r != NULL ? r->reproduce : "(none)");
	probe_result_free(r);
}

static void
case_dead_server(struct probe_engine *e, unsigned port)
{
	struct probe_result *res[NDEAD] = { NULL }, *r;
	struct probe_engine_stats before, after;
	struct probe_spec s = spec_for(DEAD_ADDR, port, "www.example.test",
	    LDNS_RR_TYPE_A);
	int i, timeouts = 0, on_time = 0, three_tx = 0;
	double t0, wall, t1;

	s.timeout_ms = DEAD_TIMEOUT_MS;
	s.tries = 3;
	probe_engine_stats(e, &before);
	t0 = now_ms();
	for (i = 0; i < NDEAD; i++)
		if (probe_submit(e, &s, keep, &res[i]) == NULL)
			break;
	probe_engine_run(e, 10000);
	wall = now_ms() - t0;
	probe_engine_stats(e, &after);
	for (i = 0; i < NDEAD; i++) {
		if (res[i] == NULL)
			continue;
		timeouts += res[i]->outcome == PROBE_TIMEOUT &&
		    !res[i]->skipped_known_dead;
		on_time += res[i]->elapsed_ms >= DEAD_TIMEOUT_MS - 1 &&
		    res[i]->elapsed_ms < DEAD_TIMEOUT_MS + SLACK_MS;
		three_tx += res[i]->transmissions == 3;
	}
	if (res[0] != NULL)
		show(res[0]);
	check(after.max_inflight_seen >= NDEAD,
	    "%d UDP queries in flight at once without running out of "
	    "descriptors (max %zu)", NDEAD, after.max_inflight_seen);
	check(timeouts == NDEAD && on_time == NDEAD && three_tx == NDEAD,
	    "dead server: each of %d queries times out after one timeout "
	    "(%u ms), 3 transmissions inside it (%d, %d, %d)", NDEAD,
	    DEAD_TIMEOUT_MS, timeouts, on_time, three_tx);
	check(wall < DEAD_TIMEOUT_MS + SLACK_MS,
	    "the %d timeouts ran in parallel: %.0f ms in all", NDEAD, wall);
	for (i = 0; i < NDEAD; i++)
		probe_result_free(res[i]);

	t1 = now_ms();
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_TIMEOUT &&
	    r->skipped_known_dead && r->transmissions == 0 &&
	    now_ms() - t1 < 100,
	    "a known dead server costs no second timeout (%.1f ms)",
	    now_ms() - t1);
	probe_result_free(r);

	s.transport = PROBE_TCP;
	t1 = now_ms();
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_TIMEOUT &&
	    !r->skipped_known_dead && r->elapsed_ms >= DEAD_TIMEOUT_MS - 1 &&
	    now_ms() - t1 < DEAD_TIMEOUT_MS + SLACK_MS,
	    "TCP to a listener that never answers: one timeout, "
	    "remembered per transport");
	probe_result_free(r);
}

static void
case_memory_off(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for(DEAD_ADDR, port, "www.example.test",
	    LDNS_RR_TYPE_A);
	struct probe_result *a, *b;

	probe_engine_set_remember_dead(e, false);
	s.timeout_ms = 200;
	a = ask(e, &s);
	b = ask(e, &s);
	check(a != NULL && b != NULL && a->outcome == PROBE_TIMEOUT &&
	    b->outcome == PROBE_TIMEOUT && !b->skipped_known_dead &&
	    b->elapsed_ms >= 199, "without server memory every query waits");
	probe_result_free(a);
	probe_result_free(b);
}

static void
case_closed_port(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for(CLOSED_ADDR, port, "www.example.test",
	    LDNS_RR_TYPE_A);
	struct probe_result *r;

	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_REFUSED_PORT &&
	    r->error == ECONNREFUSED && r->elapsed_ms < 300,
	    "closed UDP port: ICMP port unreachable, at once");
	probe_result_free(r);
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_REFUSED_PORT &&
	    r->skipped_known_dead, "a refusing server is remembered");
	probe_result_free(r);
	s.transport = PROBE_TCP;
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_REFUSED_PORT &&
	    r->error == ECONNREFUSED && !r->skipped_known_dead &&
	    r->elapsed_ms < 300,
	    "closed TCP port: connection refused, at once");
	probe_result_free(r);
}

/* A callback that asks again, for ever, a server the engine knows to be
 * dead: each of its queries ends at once, yet every handle() must come
 * back to the loop (the UI's key presses wait there). */
struct retry_state {
	struct probe_engine *e;
	struct probe_spec spec;
	unsigned calls;
};

static void
retry_again(struct probe_result *r, void *user)
{
	struct retry_state *st = user;

	probe_result_free(r);
	if (++st->calls < 100000)
		probe_submit(st->e, &st->spec, retry_again, st);
}

static void
case_retrying_callback(struct probe_engine *e, unsigned port)
{
	struct retry_state st = { e, spec_for(CLOSED_ADDR, port,
	    "www.example.test", LDNS_RR_TYPE_A), 0 };
	struct probe_result *r;
	struct pollfd fds[8];
	unsigned before, most = 0;
	int round;

	r = ask(e, &st.spec);	/* now the engine knows it refuses */
	probe_result_free(r);
	probe_submit(e, &st.spec, retry_again, &st);
	for (round = 0; round < 20; round++) {
		size_t n = probe_engine_pollfds(e, fds, 8);

		before = st.calls;
		(void)poll(fds, n < 8 ? n : 8, probe_engine_timeout_ms(e));
		probe_engine_handle(e, fds, n < 8 ? n : 8);
		if (st.calls - before > most)
			most = st.calls - before;
	}
	check(most == 1 && st.calls >= 19,
	    "a callback retrying a dead server gets one answer per round "
	    "(%u at most, %u in 20 rounds)", most, st.calls);
	/* Let it run out, bounded. */
	st.calls = 100000 - 5;
	check(probe_engine_run(e, 5000), "and the retries end");
}

static void
case_wrong_question(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for(server_addr, port,
	    "wrongq.example.test", LDNS_RR_TYPE_HINFO);
	struct probe_result *r;

	s.timeout_ms = 400;
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_TIMEOUT && r->ignored == 2 &&
	    r->pkt == NULL, "answers to another question are counted and "
	    "ignored (ldns-testns)");
	probe_result_free(r);
}

static void
case_stray_answers(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for(HOSTILE_ADDR, port,
	    "stray.hostile.test", LDNS_RR_TYPE_A);
	struct probe_result *r;

	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_ANSWER && r->ignored == 2,
	    "a wrong question and an echoed query are ignored, then the "
	    "answer taken (ignored %u)", r != NULL ? r->ignored : 0);
	probe_result_free(r);
}

static void
case_malformed(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for(HOSTILE_ADDR, port,
	    "malformed.hostile.test", LDNS_RR_TYPE_A);
	struct probe_result *r = ask(e, &s);

	check(r != NULL && r->outcome == PROBE_MALFORMED && r->ignored == 1 &&
	    r->pkt == NULL && r->wire != NULL && r->wire_len > 12,
	    "malformed answer with our ID: MALFORMED, bytes kept");
	probe_result_free(r);
}

/* A server that does not know EDNS: asked again without it (probe.h). */
static void
case_edns_fallback(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for(HOSTILE_ADDR, port,
	    "formerr.hostile.test", LDNS_RR_TYPE_A);
	struct probe_result *r;

	s.dnssec_ok = true;
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_ANSWER && r->edns_fallback &&
	    ldns_pkt_get_rcode(r->pkt) == LDNS_RCODE_NOERROR &&
	    r->transmissions == 2 && ldns_pkt_id(r->pkt) == r->id &&
	    strstr(r->reproduce, "+noedns") != NULL &&
	    strstr(r->reproduce, "+dnssec") == NULL,
	    "FORMERR without OPT to EDNS: asked again without EDNS, answered");
	probe_result_free(r);

	/* Dropped with EDNS: the last try (RD=0) goes without, in time. */
	s.name = "dropedns.hostile.test";
	s.rd = false;
	s.timeout_ms = 600;
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_ANSWER && r->edns_fallback &&
	    r->transmissions == 2 && r->elapsed_ms >= 290 &&
	    r->elapsed_ms < 600 + SLACK_MS,
	    "EDNS queries dropped: the last try without EDNS is answered "
	    "within the one timeout (%.0f ms)", r != NULL ? r->elapsed_ms : -1.0);
	probe_result_free(r);

	s.name = "www.hostile.test";
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_ANSWER && !r->edns_fallback &&
	    r->transmissions == 1, "a server that answers EDNS: no fallback");
	probe_result_free(r);

	/* RD=1 goes to resolvers, which may answer both tries: no plain
	 * try there, so the DO answer is never traded for a plain one.
	 * Last: the timeout makes the server known dead to this engine. */
	s.name = "dropedns.hostile.test";
	s.rd = true;
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_TIMEOUT && !r->edns_fallback,
	    "RD=1 queries keep EDNS on every try");
	probe_result_free(r);
}

static void
case_hostile_tcp(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for(HOSTILE_ADDR, port,
	    "split.hostile.test", LDNS_RR_TYPE_A);
	struct probe_result *r;

	s.transport = PROBE_TCP;
	s.timeout_ms = 2000;
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_ANSWER && r->ignored == 1,
	    "TCP answer sent byte by byte after a wrong-ID message");
	probe_result_free(r);

	s.name = "cut.hostile.test";
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_CLOSED,
	    "TCP closed in the middle of an answer: CLOSED");
	probe_result_free(r);

	s.name = "silent.hostile.test";
	s.timeout_ms = 500;
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_TIMEOUT &&
	    r->elapsed_ms >= 499 && r->elapsed_ms < 500 + SLACK_MS,
	    "TCP accepted but never answered: one timeout");
	probe_result_free(r);
}

static void
case_ipv6(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for(HOSTILE_ADDR6, port, "v6.hostile.test",
	    LDNS_RR_TYPE_A);
	struct probe_result *r;
	char want[128];

	if (!have_ipv6) {
		printf("ok %d - # SKIP no ::1 in this namespace\n", ++ncase);
		printf("ok %d - # SKIP no ::1 in this namespace\n", ++ncase);
		return;
	}
	r = ask(e, &s);
	snprintf(want, sizeof(want), "dig @::1 -p %u v6.hostile.test A "
	    "+time=1 +tries=2", port);
	check(r != NULL && r->outcome == PROBE_ANSWER && r->ignored == 0 &&
	    r->reproduce != NULL && strcmp(r->reproduce, want) == 0,
	    "IPv6: answer from ::1 matched, reproduced as %s", want);
	probe_result_free(r);
	s = spec_for(HOSTILE_ADDR6, port - 2, "www.example.test",
	    LDNS_RR_TYPE_A);
	r = ask(e, &s);
	check(r != NULL && r->outcome == PROBE_REFUSED_PORT &&
	    r->error == ECONNREFUSED, "IPv6: closed port refused at once");
	probe_result_free(r);
}

/* Only if the namespace has no route there, so nothing can leave. */
static void
case_net_unreachable(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for("192.0.2.1", 53, "www.example.test",
	    LDNS_RR_TYPE_A);
	struct probe_result *r;
	bool routed;
	int fd;

	(void)port;
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	routed = fd >= 0 && connect(fd, (struct sockaddr *)&s.server,
	    s.server_len) == 0;

	if (fd >= 0)
		close(fd);
	if (routed) {
		printf("ok %d - # SKIP a route to 192.0.2.1 exists\n", ++ncase);
		printf("ok %d - # SKIP a route to 192.0.2.1 exists\n", ++ncase);
		return;
	}
	if (probe_loopback_only()) {
		struct probe_engine *open_engine;

		/* The test suite's guard (probe.h) stops it before any
		 * socket is opened. */
		r = ask(e, &s);
		check(r != NULL && r->outcome == PROBE_LOCAL_ERROR &&
		    r->error == EPERM, "loopback guard: 192.0.2.1 is never sent "
		    "to (LOCAL_ERROR, EPERM)");
		probe_result_free(r);
		/* Without it (safe: no route here), the kernel's answer. */
		unsetenv("DNSTRIAGE_LOOPBACK_ONLY");
		open_engine = probe_engine_new();
		setenv("DNSTRIAGE_LOOPBACK_ONLY", "1", 1);
		r = open_engine != NULL ? ask(open_engine, &s) : NULL;
		probe_engine_free(open_engine);
	} else {
		r = ask(e, &s);
	}
	check(r != NULL && r->outcome == PROBE_NET_UNREACHABLE &&
	    r->error == ENETUNREACH, "no route: NET_UNREACHABLE at once");
	probe_result_free(r);
}

static void
case_queue_beyond_cap(struct probe_engine *e, unsigned port)
{
	struct probe_result *res[40] = { NULL };
	struct probe_engine_stats st;
	struct probe_spec s = spec_for(server_addr, port,
	    "www.example.test", LDNS_RR_TYPE_A);
	int i, answered = 0;

	probe_engine_set_max_inflight(e, 8);
	for (i = 0; i < 40; i++)
		probe_submit(e, &s, keep, &res[i]);
	probe_engine_stats(e, &st);
	probe_engine_run(e, 10000);
	for (i = 0; i < 40; i++) {
		answered += res[i] != NULL && res[i]->outcome == PROBE_ANSWER;
		probe_result_free(res[i]);
	}
	check(st.inflight == 8 && st.queued == 32 && answered == 40,
	    "beyond the in-flight cap queries queue, then all are answered");
	probe_engine_stats(e, &st);
	check(st.max_inflight_seen == 8, "never more than the cap in flight");
}

static void
count_done(struct probe_result *res, void *user)
{
	(*(int *)user)++;
	probe_result_free(res);
}

/* The UI's way: its own poll() array with a terminal fd (a pipe here). */
static void
case_shared_loop(struct probe_engine *e, unsigned port)
{
	struct probe_spec s = spec_for(DEAD_ADDR, port,
	    "ui.example.test", LDNS_RR_TYPE_A);
	struct pollfd fds[16];
	struct probe *cancelled;
	int pipefd[2], done = 0, keys = 0, rounds = 0;
	size_t n;
	char c;

	if (pipe(pipefd) != 0)
		abort();
	probe_engine_set_remember_dead(e, false);
	s.timeout_ms = 300;
	probe_submit(e, &s, count_done, &done);
	cancelled = probe_submit(e, &s, count_done, &done);
	probe_cancel(e, cancelled);
	if (write(pipefd[1], "k", 1) != 1)
		abort();
	while (probe_engine_pending(e) > 0 && rounds++ < 100) {
		fds[0].fd = pipefd[0];
		fds[0].events = POLLIN;
		fds[0].revents = 0;
		n = probe_engine_pollfds(e, fds + 1, 15);
		if (poll(fds, n + 1, probe_engine_timeout_ms(e)) < 0)
			break;
		if ((fds[0].revents & POLLIN) && read(pipefd[0], &c, 1) == 1)
			keys++;
		probe_engine_handle(e, fds, n + 1);
	}
	check(keys == 1 && done == 1 && probe_engine_pending(e) == 0,
	    "a terminal fd shares the loop; a cancelled query never calls "
	    "back");
	close(pipefd[0]);
	close(pipefd[1]);
}

/* --- main --------------------------------------------------------------- */

static int
wait_ready(void)
{
	struct probe_engine *e = probe_engine_new();
	struct probe_spec s = spec_for(server_addr, server_port,
	    "www.example.test", LDNS_RR_TYPE_A);
	struct probe_result *r;
	bool up = false;
	int i;

	probe_engine_set_remember_dead(e, false);
	s.timeout_ms = 200;
	for (i = 0; i < 50 && !up; i++) {
		r = NULL;
		if (probe_submit(e, &s, keep, &r) != NULL)
			probe_engine_run(e, 1000);
		up = r != NULL && r->outcome == PROBE_ANSWER;
		probe_result_free(r);
		if (!up)
			usleep(100000);
	}
	probe_engine_free(e);
	return up ? 0 : 1;
}

/* Each case gets a fresh engine: server memory is per engine, so one
 * failing case cannot turn the next into "known dead". */
struct lab_case {
	void (*run)(struct probe_engine *e, unsigned port);
	unsigned port_offset;	/* the server it talks to, from PORT */
};

static const struct lab_case cases[] = {
	{ case_concurrent, 0 },
	{ case_case_insensitive, 0 },
	{ case_tc_fallback, 0 },
	{ case_tcp, 0 },
	{ case_dead_server, 2 },
	{ case_memory_off, 2 },
	{ case_closed_port, 1 },
	{ case_wrong_question, 0 },
	{ case_stray_answers, 3 },
	{ case_malformed, 3 },
	{ case_edns_fallback, 3 },
	{ case_hostile_tcp, 3 },
	{ case_ipv6, 3 },
	{ case_net_unreachable, 0 },
	{ case_retrying_callback, 1 },
	{ case_queue_beyond_cap, 0 },
	{ case_shared_loop, 2 },
};

static int
run_all(void)
{
	struct probe_engine *e;
	size_t i, leftover = 0;
	int dead_u, dead_t;
	pid_t hostile;

	/* The hostile child first, so that it holds no other socket. */
	hostile = start_hostile(server_port + 3);
	dead_u = bound_socket(DEAD_ADDR, server_port + 2, SOCK_DGRAM);
	dead_t = bound_socket(DEAD_ADDR, server_port + 2, SOCK_STREAM);
	if (dead_u < 0 || dead_t < 0 || hostile < 0 ||
	    !port_is_closed(CLOSED_ADDR, server_port + 1)) {
		printf("Bail out! cannot set up the servers\n");
		if (hostile > 0)
			kill(hostile, SIGTERM);
		return 1;
	}
	printf("1..36\n");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if ((e = probe_engine_new()) == NULL)
			abort();
		cases[i].run(e, server_port + cases[i].port_offset);
		leftover += probe_engine_pending(e);
		probe_engine_free(e);
	}
	check(leftover == 0, "no case left a query pending");
	kill(hostile, SIGTERM);
	waitpid(hostile, NULL, 0);
	close(dead_u);
	close(dead_t);
	return failures == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	const char *ns = getenv("DNSTRIAGE_IN_NETNS");

	if (ns == NULL || strcmp(ns, "1") != 0) {
		fprintf(stderr, "engine_driver: run me inside tests/nsrun\n");
		return 77;
	}
	if (argc != 4) {
		fprintf(stderr, "usage: engine_driver wait|run ADDR PORT\n");
		return 2;
	}
	server_addr = argv[2];
	server_port = (unsigned)strtoul(argv[3], NULL, 10);
	if (strcmp(argv[1], "wait") == 0)
		return wait_ready();
	return run_all();
}
