/* probe_loop.c - the probe engine's poll() seam: the descriptors to
 * watch, how long to sleep, what to do when poll() returns, and the loop
 * report mode runs. A UI merges the same calls into its own loop. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>

#include "dnstriage/probe.h"
#include "probe_private.h"

/* --- the event loop seam ------------------------------------------------ */

size_t
probe_engine_pollfds(struct probe_engine *e, struct pollfd *fds, size_t cap)
{
	const struct probe *p;
	size_t n = 0;

	/* Sockets opened from now on are not in this poll array: handle()
	 * must not read stale readiness into them (a reused fd number). */
	e->gen++;
	TAILQ_FOREACH(p, &e->active, link) {
		if (p->fd < 0)
			continue;
		if (n < cap) {
			fds[n].fd = p->fd;
			fds[n].events = probe_net_events(p);
			fds[n].revents = 0;
		}
		n++;
	}
	return n;
}

static uint64_t
next_event(const struct probe *p)
{
	if (p->state == PROBE_ST_UDP && p->sent < p->res->spec.tries &&
	    p->t_next < p->t_deadline)
		return p->t_next;
	return p->t_deadline;
}

int
probe_engine_timeout_ms(const struct probe_engine *e)
{
	const struct probe *p;
	uint64_t now, soonest = UINT64_MAX, ms;

	if (e->ndone > 0 ||
	    (e->nqueued > 0 && e->nactive < e->cap && !e->fd_starved))
		return 0;
	TAILQ_FOREACH(p, &e->active, link)
		if (next_event(p) < soonest)
			soonest = next_event(p);
	if (soonest == UINT64_MAX)
		return -1;
	now = probe_now_us();
	if (soonest <= now)
		return 0;
	ms = (soonest - now + 999) / 1000;	/* not before it is due */
	return ms > INT_MAX ? INT_MAX : (int)ms;
}

void
probe_engine_handle(struct probe_engine *e, const struct pollfd *fds,
    size_t n)
{
	struct probe *p, *next;
	uint64_t now;
	size_t i;

	if (e->in_handle)
		return;
	e->in_handle = true;
	now = probe_now_us();
	for (i = 0; i < n && fds != NULL; i++) {
		if (fds[i].revents == 0 ||
		    (p = probe_by_fd(e, fds[i].fd)) == NULL)
			continue;
		if (p->gen >= e->gen)
			continue;	/* opened after pollfds() */
		probe_net_ready(e, p, fds[i].revents, now);
	}
	now = probe_now_us();
	for (p = TAILQ_FIRST(&e->active); p != NULL; p = next) {
		next = TAILQ_NEXT(p, link);
		probe_tick(e, p, now);
	}
	probe_start_queued(e);
	probe_deliver(e);
	e->in_handle = false;
}

static bool
grow_run_fds(struct probe_engine *e, size_t need)
{
	struct pollfd *grown;
	size_t n = e->run_fds_cap == 0 ? 64 : e->run_fds_cap;

	while (n < need)
		n *= 2;
	if ((grown = realloc(e->run_fds, n * sizeof(*grown))) == NULL)
		return false;
	e->run_fds = grown;
	e->run_fds_cap = n;
	return true;
}

/* The poll() timeout: the engine's, capped by what is left of the wall. */
static int
run_wait_ms(const struct probe_engine *e, uint64_t wall_end)
{
	int t = probe_engine_timeout_ms(e);
	uint64_t now, left;

	if (wall_end == 0)
		return t;
	now = probe_now_us();
	left = wall_end > now ? (wall_end - now + 999) / 1000 : 0;
	if (left > INT_MAX)
		left = INT_MAX;
	return t < 0 || (uint64_t)t > left ? (int)left : t;
}

bool
probe_engine_run(struct probe_engine *e, int max_wait_ms)
{
	uint64_t wall_end = 0;
	size_t n;
	int t;

	if (max_wait_ms >= 0)
		wall_end = probe_now_us() + (uint64_t)max_wait_ms * 1000u + 1;
	while (probe_engine_pending(e) > 0) {
		if (wall_end != 0 && probe_now_us() >= wall_end)
			return false;
		n = probe_engine_pollfds(e, e->run_fds, e->run_fds_cap);
		if (n > e->run_fds_cap) {
			if (!grow_run_fds(e, n))
				return false;
			n = probe_engine_pollfds(e, e->run_fds, e->run_fds_cap);
		}
		t = run_wait_ms(e, wall_end);
		if (t < 0 && n == 0)
			return false;	/* nothing can ever finish them */
		if (poll(e->run_fds, (nfds_t)n, t) < 0 && errno != EINTR)
			return false;
		probe_engine_handle(e, e->run_fds, n);
	}
	return true;
}
