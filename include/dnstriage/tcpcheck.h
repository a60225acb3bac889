/* tcpcheck.h - TCP connect checks for "is it DNS at all?": can we reach
 * the service by address? Many checks at once, single threaded, driven by
 * the same poll() loop as the probe engine (probe.h) and with its seam:
 * merge tcpcheck_pollfds() into your poll() array, take the smaller
 * timeout, call tcpcheck_handle() after poll().
 *
 * A check is a non-blocking connect() and nothing more: no data is sent
 * and the socket is closed as soon as the outcome is known. Each check has
 * its own deadline. Callbacks run only from tcpcheck_handle(), never from
 * inside tcpcheck_start(), even when connect() fails at once; they receive
 * a struct tcpcheck_result that they own. */
#ifndef DNSTRIAGE_TCPCHECK_H
#define DNSTRIAGE_TCPCHECK_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#include "dnstriage/probe.h"

#define TCPCHECK_DEFAULT_TIMEOUT_MS PROBE_DEFAULT_TIMEOUT_MS

/* Outcomes: enum name, stable code (reports, JSON), text for people. */
#define TCPCHECK_OUTCOMES(X) \
	X(TCPCHECK_CONNECTED, "connected", \
	    N_("connected")) \
	X(TCPCHECK_REFUSED, "refused", \
	    N_("connection refused: nothing listens on that port")) \
	X(TCPCHECK_TIMEOUT, "timeout", \
	    N_("no answer within the timeout (packets dropped on the way)")) \
	X(TCPCHECK_UNREACHABLE, "unreachable", \
	    N_("network or host unreachable")) \
	X(TCPCHECK_LOCAL_ERROR, "local-error", \
	    N_("the connection could not be attempted (local error)"))

#define TCPCHECK_ENUM_ENTRY(e, code, text) e,
enum tcpcheck_outcome {
	TCPCHECK_OUTCOMES(TCPCHECK_ENUM_ENTRY)
	TCPCHECK_OUTCOME_COUNT
};

/* The result of one check. The callback owns it: tcpcheck_result_free()
 * it, now or later. */
struct tcpcheck_result {
	enum tcpcheck_outcome outcome;
	struct sockaddr_storage addr;	/* as given to tcpcheck_start() */
	socklen_t addrlen;
	char target[PROBE_SERVER_STRLEN];	/* "ADDR#PORT" */
	unsigned timeout_ms;		/* as used: 0 became the default */
	/* errno behind REFUSED, UNREACHABLE, LOCAL_ERROR. CONNECTED with
	 * ECONNRESET or EPIPE: the peer reset the connection before we
	 * looked, after the handshake (something listens). Else 0. */
	int error;
	/* Monotonic (probe_now_us()): connect() call to the outcome. */
	double elapsed_ms;
	/* The equivalent command, e.g. "nc -vz -w 2 127.0.80.80 80". */
	char *reproduce;
};

void tcpcheck_result_free(struct tcpcheck_result *res);

typedef void tcpcheck_done_fn(struct tcpcheck_result *res, void *user);

struct tcpcheck;

struct tcpcheck *tcpcheck_new(void);
/* Closes every socket; pending checks are dropped without callbacks. */
void tcpcheck_free(struct tcpcheck *tc);

/* Starts the check now: a non-blocking connect() to addr (AF_INET or
 * AF_INET6, port not 0) with timeout_ms (0: TCPCHECK_DEFAULT_TIMEOUT_MS).
 * Returns false with errno EINVAL (bad address) or ENOMEM; done is then
 * never called. Failures of socket() or connect() themselves (ENETUNREACH,
 * ECONNREFUSED, EMFILE) are results: done gets them from the next
 * tcpcheck_handle(). done may be NULL (the result is freed). */
bool tcpcheck_start(struct tcpcheck *tc, const struct sockaddr *addr,
    socklen_t len, unsigned timeout_ms, tcpcheck_done_fn *done, void *user);

/* Checks not yet handed to their callback. */
size_t tcpcheck_pending(const struct tcpcheck *tc);

/* --- the event loop seam (same contract as probe_engine_*) -------------- */

/* Writes up to cap pollfd entries (revents cleared) and returns how many
 * are needed; if that exceeds cap, grow the array and call again. Call it
 * right before each poll(): handle() only trusts fds from the last call. */
size_t tcpcheck_pollfds(struct tcpcheck *tc, struct pollfd *fds, size_t cap);
/* Milliseconds until the nearest deadline, 0 if a result is ready, -1 if
 * idle: the poll() timeout (take the smaller of yours). */
int tcpcheck_timeout_ms(const struct tcpcheck *tc);
/* After poll(): looks at ready sockets, then expires deadlines, then runs
 * the callbacks of the results ready when it began delivering; results
 * that arise meanwhile (a callback's new check failing at once) wait for
 * the next call, so a callback that retries cannot spin here. Entries for
 * fds it does not own are skipped. A socket ready in the same call as its
 * deadline counts as ready. Callbacks may call tcpcheck_start(); they must
 * not call tcpcheck_handle() (ignored) or tcpcheck_free(). */
void tcpcheck_handle(struct tcpcheck *tc, const struct pollfd *fds,
    size_t n);

/* --- pure functions (unit-tested without sockets) ----------------------- */

/* What a connect() errno means for reachability. */
enum tcpcheck_outcome tcpcheck_outcome_of_errno(int err);
/* The equivalent netcat command, timeout in whole seconds rounded up
 * (0 ms: the default), shell-quoted where needed: "nc -vz -w 2 ::1 443".
 * False if it does not fit or the address is not AF_INET/AF_INET6. */
bool tcpcheck_render_nc(const struct sockaddr *sa, socklen_t len,
    unsigned timeout_ms, char *buf, size_t buflen);

/* Stable code and untranslated msgid (pass it to gettext or a finding);
 * "?" and "" when out of range. */
const char *tcpcheck_outcome_code(enum tcpcheck_outcome o);
const char *tcpcheck_outcome_msgid(enum tcpcheck_outcome o);

#endif
