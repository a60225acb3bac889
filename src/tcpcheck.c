/* tcpcheck.c - TCP connect checks: one non-blocking socket per check,
 * connect(), wait for POLLOUT, read SO_ERROR, close. The poll() seam and
 * its generation counter work as in the probe engine (probe_loop.c). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>
#include <sys/socket.h>
#include <unistd.h>

#include "dnstriage/i18n.h"
#include "dnstriage/probe.h"
#include "dnstriage/tcpcheck.h"
#include "dnstriage/textfmt.h"

#define TCPCHECK_CODE_ENTRY(e, code, text) code,
#define TCPCHECK_TEXT_ENTRY(e, code, text) text,

static const char *const outcome_codes[] = {
	TCPCHECK_OUTCOMES(TCPCHECK_CODE_ENTRY)
};
static const char *const outcome_texts[] = {
	TCPCHECK_OUTCOMES(TCPCHECK_TEXT_ENTRY)
};

struct check {
	TAILQ_ENTRY(check) link;	/* in active or done */
	struct tcpcheck_result *res;
	int fd;				/* -1 once the outcome is known */
	unsigned long gen;		/* tc->gen when fd was opened */
	uint64_t t_start;		/* µs monotonic, before connect() */
	uint64_t t_deadline;
	tcpcheck_done_fn *done;
	void *user;
};

TAILQ_HEAD(check_list, check);

struct tcpcheck {
	struct check_list active, done;
	size_t nactive, ndone;
	struct check **by_fd;		/* fd -> check owning it */
	size_t by_fd_len;
	unsigned long gen;		/* bumped by tcpcheck_pollfds() */
	bool in_handle;
};

/* --- codes and pure helpers --------------------------------------------- */

const char *
tcpcheck_outcome_code(enum tcpcheck_outcome o)
{
	return (unsigned)o < TCPCHECK_OUTCOME_COUNT ? outcome_codes[o] : "?";
}

const char *
tcpcheck_outcome_msgid(enum tcpcheck_outcome o)
{
	return (unsigned)o < TCPCHECK_OUTCOME_COUNT ? outcome_texts[o] : "";
}

enum tcpcheck_outcome
tcpcheck_outcome_of_errno(int err)
{
	switch (err) {
	case 0:
	case ECONNRESET:	/* Linux: only past SYN_SENT, so the */
	case EPIPE:		/* handshake had completed */
		return TCPCHECK_CONNECTED;
	case ECONNREFUSED:
		return TCPCHECK_REFUSED;
	case ETIMEDOUT:
		return TCPCHECK_TIMEOUT;
	case ENETUNREACH:
	case EHOSTUNREACH:
	case ENETDOWN:
	case EHOSTDOWN:
		return TCPCHECK_UNREACHABLE;
	default:
		return TCPCHECK_LOCAL_ERROR;
	}
}

static unsigned
effective_timeout(unsigned timeout_ms)
{
	return timeout_ms == 0 ? TCPCHECK_DEFAULT_TIMEOUT_MS : timeout_ms;
}

static bool
port_of(const struct sockaddr *sa, socklen_t len, uint16_t *port)
{
	if (sa == NULL)
		return false;
	if (sa->sa_family == AF_INET &&
	    len >= (socklen_t)sizeof(struct sockaddr_in))
		*port = ntohs(((const struct sockaddr_in *)sa)->sin_port);
	else if (sa->sa_family == AF_INET6 &&
	    len >= (socklen_t)sizeof(struct sockaddr_in6))
		*port = ntohs(((const struct sockaddr_in6 *)sa)->sin6_port);
	else
		return false;
	return true;
}


bool
tcpcheck_render_nc(const struct sockaddr *sa, socklen_t len,
    unsigned timeout_ms, char *buf, size_t buflen)
{
	char target[PROBE_SERVER_STRLEN], host[2 * PROBE_SERVER_STRLEN];
	char *hash;
	uint64_t secs;
	uint16_t port;
	int n;

	if (buflen == 0)
		return false;
	buf[0] = '\0';
	if (!port_of(sa, len, &port) ||
	    !probe_format_server(sa, len, target, sizeof(target)) ||
	    (hash = strrchr(target, '#')) == NULL)
		return false;
	*hash = '\0';
	if (!textfmt_shell_quote(target, host, sizeof(host)))
		return false;
	/* nc -w takes whole seconds: round up, never promise less. */
	secs = ((uint64_t)effective_timeout(timeout_ms) + 999) / 1000;
	n = snprintf(buf, buflen, "nc -vz -w %llu %s %u",
	    (unsigned long long)secs, host, (unsigned)port);
	if (n < 0 || (size_t)n >= buflen) {
		buf[0] = '\0';
		return false;
	}
	return true;
}

/* --- results and checks ------------------------------------------------- */

void
tcpcheck_result_free(struct tcpcheck_result *res)
{
	if (res == NULL)
		return;
	free(res->reproduce);
	free(res);
}

static struct tcpcheck_result *
new_result(const struct sockaddr *addr, socklen_t len, unsigned timeout_ms)
{
	struct tcpcheck_result *res;
	char nc[3 * PROBE_SERVER_STRLEN + 64];

	if ((res = calloc(1, sizeof(*res))) == NULL)
		return NULL;
	memcpy(&res->addr, addr, len);
	res->addrlen = len;
	res->timeout_ms = effective_timeout(timeout_ms);
	if (!probe_format_server(addr, len, res->target,
	    sizeof(res->target)) ||
	    !tcpcheck_render_nc(addr, len, timeout_ms, nc, sizeof(nc))) {
		free(res);
		errno = EINVAL;
		return NULL;
	}
	if ((res->reproduce = strdup(nc)) == NULL) {
		free(res);
		errno = ENOMEM;
		return NULL;
	}
	return res;
}

static void
free_check(struct check *c)
{
	if (c->fd >= 0)
		close(c->fd);
	tcpcheck_result_free(c->res);
	free(c);
}

static bool
fd_register(struct tcpcheck *tc, struct check *c)
{
	size_t need = (size_t)c->fd + 1, n;
	struct check **grown;

	if (need > tc->by_fd_len) {
		n = tc->by_fd_len == 0 ? 64 : tc->by_fd_len;
		while (n < need)
			n *= 2;
		if ((grown = reallocarray(tc->by_fd, n, sizeof(*grown))) ==
		    NULL)
			return false;
		memset(grown + tc->by_fd_len, 0,
		    (n - tc->by_fd_len) * sizeof(*grown));
		tc->by_fd = grown;
		tc->by_fd_len = n;
	}
	tc->by_fd[c->fd] = c;
	c->gen = tc->gen;
	return true;
}

static void
fd_release(struct tcpcheck *tc, struct check *c)
{
	if (c->fd < 0)
		return;
	if ((size_t)c->fd < tc->by_fd_len && tc->by_fd[c->fd] == c)
		tc->by_fd[c->fd] = NULL;
	close(c->fd);
	c->fd = -1;
}

static struct check *
check_by_fd(const struct tcpcheck *tc, int fd)
{
	if (fd < 0 || (size_t)fd >= tc->by_fd_len)
		return NULL;
	return tc->by_fd[fd];
}

/* The outcome is known: close at once (no data is ever sent), queue the
 * result for delivery. c must be on the active list. */
static void
finish(struct tcpcheck *tc, struct check *c, enum tcpcheck_outcome outcome,
    int error, uint64_t now)
{
	fd_release(tc, c);
	c->res->outcome = outcome;
	c->res->error = error;
	c->res->elapsed_ms = now > c->t_start ?
	    (double)(now - c->t_start) / 1000.0 : 0.0;
	TAILQ_REMOVE(&tc->active, c, link);
	tc->nactive--;
	TAILQ_INSERT_TAIL(&tc->done, c, link);
	tc->ndone++;
}

/* --- the checks --------------------------------------------------------- */

struct tcpcheck *
tcpcheck_new(void)
{
	struct tcpcheck *tc;

	if ((tc = calloc(1, sizeof(*tc))) == NULL)
		return NULL;
	TAILQ_INIT(&tc->active);
	TAILQ_INIT(&tc->done);
	tc->gen = 1;
	return tc;
}

void
tcpcheck_free(struct tcpcheck *tc)
{
	struct check *c;

	if (tc == NULL)
		return;
	while ((c = TAILQ_FIRST(&tc->active)) != NULL) {
		TAILQ_REMOVE(&tc->active, c, link);
		free_check(c);
	}
	while ((c = TAILQ_FIRST(&tc->done)) != NULL) {
		TAILQ_REMOVE(&tc->done, c, link);
		free_check(c);
	}
	free(tc->by_fd);
	free(tc);
}

/* 0 with *fd open and the connect under way, or the errno that ended the
 * check already (0 too, with *done_now, if connect() succeeded at once). */
static int
open_and_connect(const struct tcpcheck_result *res, int *fd, bool *done_now)
{
	int s, err;

	*fd = -1;
	*done_now = false;
	if (probe_loopback_only() &&
	    !probe_is_loopback((const struct sockaddr *)&res->addr))
		return EPERM;
	s = socket(res->addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, 0);
	if (s < 0)
		return errno;
	if (connect(s, (const struct sockaddr *)&res->addr, res->addrlen) ==
	    0) {
		close(s);
		*done_now = true;
		return 0;
	}
	/* EINTR: the connection goes on asynchronously (POSIX). */
	if (errno == EINPROGRESS || errno == EINTR) {
		*fd = s;
		return 0;
	}
	err = errno;
	close(s);
	return err;
}

bool
tcpcheck_start(struct tcpcheck *tc, const struct sockaddr *addr,
    socklen_t len, unsigned timeout_ms, tcpcheck_done_fn *done, void *user)
{
	struct check *c;
	uint16_t port;
	bool done_now;
	int err;

	if (tc == NULL || !port_of(addr, len, &port) || port == 0 ||
	    len > (socklen_t)sizeof(struct sockaddr_storage)) {
		errno = EINVAL;
		return false;
	}
	if ((c = calloc(1, sizeof(*c))) == NULL) {
		errno = ENOMEM;
		return false;
	}
	c->fd = -1;
	c->done = done;
	c->user = user;
	if ((c->res = new_result(addr, len, timeout_ms)) == NULL) {
		free(c);
		return false;
	}
	c->t_start = probe_now_us();
	c->t_deadline = c->t_start + (uint64_t)c->res->timeout_ms * 1000u;
	err = open_and_connect(c->res, &c->fd, &done_now);
	if (c->fd >= 0 && !fd_register(tc, c)) {
		free_check(c);
		errno = ENOMEM;
		return false;
	}
	TAILQ_INSERT_TAIL(&tc->active, c, link);
	tc->nactive++;
	if (c->fd < 0)
		finish(tc, c, done_now ? TCPCHECK_CONNECTED :
		    tcpcheck_outcome_of_errno(err), err, probe_now_us());
	return true;
}

size_t
tcpcheck_pending(const struct tcpcheck *tc)
{
	return tc->nactive + tc->ndone;
}

/* --- the event loop seam ------------------------------------------------ */

size_t
tcpcheck_pollfds(struct tcpcheck *tc, struct pollfd *fds, size_t cap)
{
	const struct check *c;
	size_t n = 0;

	/* Sockets opened from now on are not in this array: handle() must
	 * not read stale readiness into them (a reused fd number). */
	tc->gen++;
	TAILQ_FOREACH(c, &tc->active, link) {
		if (n < cap) {
			fds[n].fd = c->fd;
			fds[n].events = POLLOUT;
			fds[n].revents = 0;
		}
		n++;
	}
	return n;
}

int
tcpcheck_timeout_ms(const struct tcpcheck *tc)
{
	const struct check *c;
	uint64_t now, soonest = UINT64_MAX, ms;

	if (tc->ndone > 0)
		return 0;
	TAILQ_FOREACH(c, &tc->active, link)
		if (c->t_deadline < soonest)
			soonest = c->t_deadline;
	if (soonest == UINT64_MAX)
		return -1;
	now = probe_now_us();
	if (soonest <= now)
		return 0;
	ms = (soonest - now + 999) / 1000;	/* not before it is due */
	return ms > INT_MAX ? INT_MAX : (int)ms;
}

/* POLLOUT, POLLERR or POLLHUP: SO_ERROR says which. No error and no peer
 * means still connecting (revents the caller made up): keep waiting. */
static void
connect_ready(struct tcpcheck *tc, struct check *c, uint64_t now)
{
	struct sockaddr_storage peer;
	socklen_t len = sizeof(int), plen = sizeof(peer);
	int err = 0;

	if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
		err = errno;
	if (err == EINPROGRESS || err == EALREADY)
		return;
	if (err == 0 && getpeername(c->fd, (struct sockaddr *)&peer,
	    &plen) != 0 && errno == ENOTCONN)
		return;
	finish(tc, c, tcpcheck_outcome_of_errno(err), err, now);
}

/* Only the results queued when delivery begins: a check started from a
 * callback that fails at once waits for the next call (timeout 0). */
static void
deliver(struct tcpcheck *tc)
{
	struct tcpcheck_result *res;
	tcpcheck_done_fn *done;
	struct check *c;
	size_t n;
	void *user;

	for (n = tc->ndone; n > 0 && (c = TAILQ_FIRST(&tc->done)) != NULL;
	    n--) {
		TAILQ_REMOVE(&tc->done, c, link);
		tc->ndone--;
		res = c->res;
		done = c->done;
		user = c->user;
		free(c);
		if (done != NULL)
			done(res, user);
		else
			tcpcheck_result_free(res);
	}
}

void
tcpcheck_handle(struct tcpcheck *tc, const struct pollfd *fds, size_t n)
{
	struct check *c, *next;
	uint64_t now;
	size_t i;

	if (tc->in_handle)
		return;
	tc->in_handle = true;
	now = probe_now_us();
	for (i = 0; i < n && fds != NULL; i++) {
		if (fds[i].revents == 0 ||
		    (c = check_by_fd(tc, fds[i].fd)) == NULL)
			continue;
		if (c->gen >= tc->gen)
			continue;	/* opened after pollfds() */
		connect_ready(tc, c, now);
	}
	now = probe_now_us();
	for (c = TAILQ_FIRST(&tc->active); c != NULL; c = next) {
		next = TAILQ_NEXT(c, link);
		if (now >= c->t_deadline)
			finish(tc, c, TCPCHECK_TIMEOUT, 0, now);
	}
	deliver(tc);
	tc->in_handle = false;
}
