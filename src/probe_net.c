/* probe_net.c - the probe engine's sockets: one non-blocking socket per
 * query. UDP sockets are connect()ed so the kernel picks a random source
 * port and reports ICMP port unreachable as ECONNREFUSED; TCP uses our own
 * non-blocking connect and 2-byte length framing (ldns's helpers block). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "dnstriage/probe.h"
#include "probe_private.h"

enum probe_outcome
probe_outcome_of_errno(int err)
{
	switch (err) {
	case ECONNREFUSED:
		return PROBE_REFUSED_PORT;
	case ENETUNREACH:
	case EHOSTUNREACH:
	case ENETDOWN:
	case EHOSTDOWN:
		return PROBE_NET_UNREACHABLE;
	case ETIMEDOUT:
		return PROBE_TIMEOUT;
	case ECONNRESET:
	case ECONNABORTED:
	case EPIPE:
		return PROBE_CLOSED;
	default:
		return PROBE_LOCAL_ERROR;
	}
}

static void
fail(struct probe_engine *e, struct probe *p, int err, uint64_t now)
{
	probe_finish(e, p, probe_outcome_of_errno(err), err, now);
}

short
probe_net_events(const struct probe *p)
{
	switch (p->state) {
	case PROBE_ST_UDP:
	case PROBE_ST_TCP_READ:
		return POLLIN;
	case PROBE_ST_TCP_CONNECT:
	case PROBE_ST_TCP_WRITE:
		return POLLOUT;
	default:
		return 0;
	}
}

/* Returns 0 with p->fd open, or the errno of socket()/connect(). */
static int
open_connected(struct probe_engine *e, struct probe *p, int type,
    bool *in_progress)
{
	const struct probe_spec *s = &p->res->spec;
	int fd, err;

	*in_progress = false;
	fd = socket(s->server.ss_family, type | SOCK_NONBLOCK | SOCK_CLOEXEC,
	    0);
	if (fd < 0)
		return errno;
	if (connect(fd, (const struct sockaddr *)&s->server,
	    s->server_len) != 0) {
		if (errno != EINPROGRESS) {
			err = errno;
			close(fd);
			return err;
		}
		*in_progress = true;
	}
	p->fd = fd;
	probe_fd_register(e, p);
	return 0;
}

/* --- UDP ---------------------------------------------------------------- */

/* Transmission k of n goes out at timeout*k/n after the first, so all of
 * them fit in the one timeout the user gave. */
void
probe_net_udp_send(struct probe_engine *e, struct probe *p, uint64_t now)
{
	uint64_t budget = (uint64_t)p->res->spec.timeout_ms * 1000u;
	const uint8_t *wire;
	size_t len;
	ssize_t n;

	probe_udp_payload(p, &wire, &len);
	n = send(p->fd, wire, len, 0);
	p->sent++;
	p->t_next = p->t_sched + budget * p->sent / p->res->spec.tries;
	if (n >= 0) {
		p->res->transmissions++;
		p->t_sent = now;
		return;
	}
	/* A full buffer loses this try only; the schedule goes on. */
	if (errno == EAGAIN || errno == EWOULDBLOCK || errno == ENOBUFS ||
	    errno == EINTR)
		return;
	fail(e, p, errno, now);
}

static int
udp_open(struct probe_engine *e, struct probe *p, uint64_t now)
{
	bool in_progress;
	int err;

	if ((err = open_connected(e, p, SOCK_DGRAM, &in_progress)) != 0)
		return err;
	p->sent = 0;
	probe_set_state(e, p, PROBE_ST_UDP);
	probe_net_udp_send(e, p, now);
	return 0;
}

static void
udp_read(struct probe_engine *e, struct probe *p, uint64_t now)
{
	struct sockaddr_storage from;
	socklen_t fromlen;
	ssize_t n;
	int i;

	for (i = 0; i < PROBE_RECV_BURST && p->state == PROBE_ST_UDP; i++) {
		fromlen = sizeof(from);
		n = recvfrom(p->fd, e->rbuf, sizeof(e->rbuf), 0,
		    (struct sockaddr *)&from, &fromlen);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (n < 0) {		/* an ICMP error, e.g. ECONNREFUSED */
			fail(e, p, errno, now);
			return;
		}
		probe_take_message(e, p, e->rbuf, (size_t)n,
		    (const struct sockaddr *)&from, fromlen, now);
	}
}

/* --- TCP ---------------------------------------------------------------- */

static bool
frame_query(struct probe *p)
{
	if (p->tcp_out != NULL)
		return true;
	if ((p->tcp_out = malloc(p->query_len + 2)) == NULL)
		return false;
	ldns_write_uint16(p->tcp_out, (uint16_t)p->query_len);
	memcpy(p->tcp_out + 2, p->query, p->query_len);
	p->tcp_out_len = p->query_len + 2;
	p->tcp_out_off = 0;
	return true;
}

static void
tcp_write(struct probe_engine *e, struct probe *p, uint64_t now)
{
	ssize_t n;

	while (p->tcp_out_off < p->tcp_out_len) {
		n = send(p->fd, p->tcp_out + p->tcp_out_off,
		    p->tcp_out_len - p->tcp_out_off, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (n < 0) {
			fail(e, p, errno, now);
			return;
		}
		p->tcp_out_off += (size_t)n;
	}
	p->t_sent = now;
	probe_set_state(e, p, PROBE_ST_TCP_READ);
}

static int
tcp_open(struct probe_engine *e, struct probe *p, uint64_t now)
{
	bool in_progress;
	int err;

	if (!frame_query(p))
		return ENOMEM;
	if ((err = open_connected(e, p, SOCK_STREAM, &in_progress)) != 0)
		return err;
	p->tcp_out_off = 0;
	p->res->transmissions++;
	probe_set_state(e, p, in_progress ? PROBE_ST_TCP_CONNECT :
	    PROBE_ST_TCP_WRITE);
	if (!in_progress)
		tcp_write(e, p, now);
	return 0;
}

static void
tcp_connected(struct probe_engine *e, struct probe *p, uint64_t now)
{
	socklen_t len = sizeof(int);
	int err = 0;

	if (getsockopt(p->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
		err = errno;
	if (err == EINPROGRESS || err == EALREADY)
		return;
	if (err != 0) {
		fail(e, p, err, now);
		return;
	}
	probe_set_state(e, p, PROBE_ST_TCP_WRITE);
	tcp_write(e, p, now);
}

/* 1: buf holds want bytes, 0: would block, -1: failed (*err, 0 at EOF). */
static int
recv_some(int fd, uint8_t *buf, size_t want, size_t *have, int *err)
{
	ssize_t n;

	while (*have < want) {
		n = recv(fd, buf + *have, want - *have, 0);
		if (n > 0) {
			*have += (size_t)n;
			continue;
		}
		if (n == 0) {
			*err = 0;
			return -1;
		}
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return 0;
		*err = errno;
		return -1;
	}
	return 1;
}

static void
tcp_lost(struct probe_engine *e, struct probe *p, int err, uint64_t now)
{
	if (err == 0)
		probe_finish(e, p, PROBE_CLOSED, 0, now);
	else
		fail(e, p, err, now);
}

/* Room for the message the length prefix announces (0 to 65535). */
static bool
tcp_alloc_message(struct probe_engine *e, struct probe *p, uint64_t now)
{
	p->tcp_in_need = ldns_read_uint16(p->tcp_len);
	p->tcp_in_have = 0;
	p->tcp_in = malloc(p->tcp_in_need == 0 ? 1 : p->tcp_in_need);
	if (p->tcp_in == NULL)
		probe_finish(e, p, PROBE_LOCAL_ERROR, ENOMEM, now);
	return p->tcp_in != NULL;
}

static void
tcp_next_message(struct probe *p)
{
	free(p->tcp_in);
	p->tcp_in = NULL;
	p->tcp_in_have = 0;
	p->tcp_in_need = 0;
	p->tcp_len_have = 0;
}

/* Reads length, then body; a message that is not the answer is counted
 * and the next one read, at most PROBE_RECV_BURST per readiness event. */
static void
tcp_read(struct probe_engine *e, struct probe *p, uint64_t now)
{
	int i, r = 0, err = 0;

	for (i = 0; i < PROBE_RECV_BURST; i++) {
		if (p->tcp_in == NULL) {
			r = recv_some(p->fd, p->tcp_len, 2, &p->tcp_len_have,
			    &err);
			if (r <= 0)
				break;
			if (!tcp_alloc_message(e, p, now))
				return;
		}
		r = recv_some(p->fd, p->tcp_in, p->tcp_in_need, &p->tcp_in_have,
		    &err);
		if (r <= 0)
			break;
		probe_take_message(e, p, p->tcp_in, p->tcp_in_need, NULL, 0,
		    now);
		/* Also after an EDNS fallback, whose new connection must not
		 * find this message half-read. */
		tcp_next_message(p);
		if (p->state != PROBE_ST_TCP_READ)
			return;
	}
	if (r < 0)
		tcp_lost(e, p, err, now);
}

/* --- dispatch ----------------------------------------------------------- */

int
probe_net_open(struct probe_engine *e, struct probe *p, uint64_t now)
{
	return p->transport == PROBE_TCP ? tcp_open(e, p, now) :
	    udp_open(e, p, now);
}

/* Errors (POLLERR, POLLHUP) surface through the read, write or SO_ERROR
 * the state calls for, so revents only says "look now". */
void
probe_net_ready(struct probe_engine *e, struct probe *p, short revents,
    uint64_t now)
{
	(void)revents;
	switch (p->state) {
	case PROBE_ST_UDP:
		udp_read(e, p, now);
		break;
	case PROBE_ST_TCP_CONNECT:
		tcp_connected(e, p, now);
		break;
	case PROBE_ST_TCP_WRITE:
		tcp_write(e, p, now);
		break;
	case PROBE_ST_TCP_READ:
		tcp_read(e, p, now);
		break;
	default:
		break;
	}
}
