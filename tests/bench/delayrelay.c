/* delayrelay.c - the benchmark's network delay: a relay that owns ADDR#PORT
 * (UDP and TCP) and forwards to the real server on ADDR#BACKPORT, holding
 * every message RTT/2 on its way in and RTT/2 on its way out, so that a
 * query and its answer cost one RTT, as over a real network. The kernel
 * here has no netem; this is the lab's stand-in (make bench only).
 *
 *   delayrelay RTT_MS ADDR,PORT,BACKPORT...
 *
 * UDP: one upstream socket per client (address, port), bound to the
 * client's own IP address so that the server sees who asks (views, ACLs,
 * NOTIFY sources); it forwards the answers back from ADDR#PORT.
 * TCP: every accepted connection gets its upstream connection (also from
 * the client's IP address); bytes flow both ways with the same delay. Our
 * accept() completes the client's handshake at once, so its first bytes
 * are held one more RTT: a TCP query costs two RTT (handshake, exchange),
 * as it would. End of stream is relayed with the same delay.
 *
 * Bounded: MAX_LISTEN addresses, MAX_UDP client mappings (the least
 * recently used is dropped), MAX_QUEUE datagrams held (more are dropped,
 * as a full link would), MAX_TCP connections, TCP_HELD bytes held per
 * direction (beyond it the relay stops reading: TCP flow control).
 * Single threaded, non-blocking, one poll() whose timeout is the next due
 * message: it sleeps while nothing is due. Ends on SIGTERM/SIGINT. Never
 * listens anywhere it is not told to; the lab runs it inside its private
 * network namespace. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_LISTEN 64
#define MAX_UDP 1024
#define MAX_QUEUE 4096
#define MAX_TCP 256
#define TCP_HELD (256 * 1024)
#define MAX_DGRAM 65535
#define UDP_IDLE_US (60u * 1000000u)

struct listener {
	struct sockaddr_storage front, back;	/* ADDR#PORT, ADDR#BACKPORT */
	socklen_t len;
	int udp, tcp;
};

/* A UDP client and the upstream socket that speaks for it. */
struct mapping {
	int fd;				/* -1: free */
	int lst;
	struct sockaddr_storage client;
	socklen_t clen;
	uint64_t used;
	unsigned gen;			/* bumped on reuse */
};

/* A datagram held until due: to the server through a mapping's socket, or
 * to the client through the listener's socket. */
struct held {
	uint64_t due;
	int map;
	unsigned gen;			/* the mapping's, when held */
	int to_client;
	size_t len;
	uint8_t *data;
};

struct chunk {
	struct chunk *next;
	uint64_t due;
	size_t len, off;		/* len 0: end of stream */
	uint8_t data[];
};

struct direction {
	struct chunk *head, *tail;
	size_t held;
	int eof_in;			/* the reader saw end of stream */
	int eof_out;			/* and it was passed on */
};

struct conn {
	int cfd, sfd;			/* client, server; cfd -1: free */
	int connected;			/* sfd's connect() finished */
	uint64_t ready;			/* the client's handshake "done" */
	struct direction up, down;	/* client->server, server->client */
};

static struct listener lst[MAX_LISTEN];
static int nlst;
static struct mapping maps[MAX_UDP];
static struct held queue[MAX_QUEUE];	/* a ring: the delay is constant */
static size_t qhead, qlen;
static struct conn conns[MAX_TCP];
static uint64_t half_us, rtt_us;
static volatile sig_atomic_t stop;
static uint8_t buf[MAX_DGRAM];

static uint64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* A socket bound to the client's IP address (any port), so the server sees
 * the client's address; where that is not ours, the kernel's choice. */
static int
socket_from(const struct sockaddr_storage *client, int type)
{
	struct sockaddr_storage src = *client;
	int fd = socket(client->ss_family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	if (src.ss_family == AF_INET)
		((struct sockaddr_in *)&src)->sin_port = 0;
	else
		((struct sockaddr_in6 *)&src)->sin6_port = 0;
	(void)bind(fd, (struct sockaddr *)&src, src.ss_family == AF_INET ?
	    sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6));
	return fd;
}

static int
parse_listen(const char *arg, struct listener *l)
{
	char host[INET6_ADDRSTRLEN + 1];
	unsigned port, back;
	const char *c1 = strchr(arg, ','), *c2;
	size_t hl;

	if (c1 == NULL || (c2 = strchr(c1 + 1, ',')) == NULL ||
	    (hl = (size_t)(c1 - arg)) >= sizeof(host) ||
	    sscanf(c1 + 1, "%u", &port) != 1 || sscanf(c2 + 1, "%u", &back) != 1 ||
	    port == 0 || port > 65535 || back == 0 || back > 65535)
		return -1;
	memcpy(host, arg, hl);
	host[hl] = '\0';
	memset(l, 0, sizeof(*l));
	if (strchr(host, ':') != NULL) {
		struct sockaddr_in6 *f = (struct sockaddr_in6 *)&l->front;

		f->sin6_family = AF_INET6;
		if (inet_pton(AF_INET6, host, &f->sin6_addr) != 1)
			return -1;
		l->len = sizeof(*f);
		l->back = l->front;
		f->sin6_port = htons((uint16_t)port);
		((struct sockaddr_in6 *)&l->back)->sin6_port = htons((uint16_t)back);
	} else {
		struct sockaddr_in *f = (struct sockaddr_in *)&l->front;

		f->sin_family = AF_INET;
		if (inet_pton(AF_INET, host, &f->sin_addr) != 1)
			return -1;
		l->len = sizeof(*f);
		l->back = l->front;
		f->sin_port = htons((uint16_t)port);
		((struct sockaddr_in *)&l->back)->sin_port = htons((uint16_t)back);
	}
	return 0;
}

static int
open_listener(struct listener *l)
{
	int one = 1;

	l->udp = socket(l->front.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	l->tcp = socket(l->front.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (l->udp < 0 || l->tcp < 0)
		return -1;
	(void)setsockopt(l->tcp, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (l->front.ss_family == AF_INET6) {
		(void)setsockopt(l->udp, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
		(void)setsockopt(l->tcp, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	}
	if (bind(l->udp, (struct sockaddr *)&l->front, l->len) < 0 ||
	    bind(l->tcp, (struct sockaddr *)&l->front, l->len) < 0 ||
	    listen(l->tcp, 64) < 0)
		return -1;
	return 0;
}

/* --- UDP ------------------------------------------------------------------ */

static void
hold(int map, int to_client, const uint8_t *data, size_t len, uint64_t now)
{
	struct held *h;

	if (qlen == MAX_QUEUE)
		return;			/* full: dropped, as by a full link */
	h = &queue[(qhead + qlen) % MAX_QUEUE];
	if ((h->data = malloc(len ? len : 1)) == NULL)
		return;
	memcpy(h->data, data, len);
	h->len = len;
	h->map = map;
	h->gen = maps[map].gen;
	h->to_client = to_client;
	h->due = now + half_us;
	qlen++;
}

static int
mapping_for(int li, const struct sockaddr_storage *from, socklen_t flen,
    uint64_t now)
{
	int i, free_i = -1, lru = 0;

	for (i = 0; i < MAX_UDP; i++) {
		if (maps[i].fd < 0) {
			if (free_i < 0)
				free_i = i;
			continue;
		}
		if (maps[i].lst == li && maps[i].clen == flen &&
		    memcmp(&maps[i].client, from, flen) == 0) {
			maps[i].used = now;
			return i;
		}
		if (maps[i].used < maps[lru].used || maps[lru].fd < 0)
			lru = i;
	}
	if (free_i < 0) {
		close(maps[lru].fd);	/* held datagrams for it are dropped */
		maps[lru].fd = -1;
		free_i = lru;
	}
	maps[free_i].gen++;
	maps[free_i].fd = socket_from(from, SOCK_DGRAM);
	if (maps[free_i].fd < 0)
		return -1;
	if (connect(maps[free_i].fd, (struct sockaddr *)&lst[li].back,
	    lst[li].len) < 0) {
		close(maps[free_i].fd);
		maps[free_i].fd = -1;
		return -1;
	}
	maps[free_i].lst = li;
	maps[free_i].client = *from;
	maps[free_i].clen = flen;
	maps[free_i].used = now;
	return free_i;
}

static void
udp_from_client(int li, uint64_t now)
{
	int burst;

	for (burst = 0; burst < 32; burst++) {
		struct sockaddr_storage from;
		socklen_t flen = sizeof(from);
		ssize_t n = recvfrom(lst[li].udp, buf, sizeof(buf), 0,
		    (struct sockaddr *)&from, &flen);
		int m;

		if (n < 0)
			return;
		if ((m = mapping_for(li, &from, flen, now)) >= 0)
			hold(m, 0, buf, (size_t)n, now);
	}
}

static void
udp_from_server(int m, uint64_t now)
{
	int burst;

	for (burst = 0; burst < 32 && maps[m].fd >= 0; burst++) {
		ssize_t n = recv(maps[m].fd, buf, sizeof(buf), 0);

		if (n < 0)
			return;		/* ECONNREFUSED included: a dead backend stays silent */
		maps[m].used = now;
		hold(m, 1, buf, (size_t)n, now);
	}
}

static void
udp_send_due(uint64_t now)
{
	while (qlen > 0 && queue[qhead].due <= now) {
		struct held *h = &queue[qhead];
		struct mapping *mp = &maps[h->map];

		if (mp->fd >= 0 && mp->gen == h->gen) {
			if (h->to_client)
				(void)sendto(lst[mp->lst].udp, h->data, h->len, 0,
				    (struct sockaddr *)&mp->client, mp->clen);
			else
				(void)send(mp->fd, h->data, h->len, 0);
		}
		free(h->data);
		h->data = NULL;
		qhead = (qhead + 1) % MAX_QUEUE;
		qlen--;
	}
}

/* --- TCP ------------------------------------------------------------------ */

static void
dir_free(struct direction *d)
{
	while (d->head != NULL) {
		struct chunk *c = d->head;

		d->head = c->next;
		free(c);
	}
	memset(d, 0, sizeof(*d));
}

static void
conn_close(struct conn *c)
{
	if (c->cfd >= 0)
		close(c->cfd);
	if (c->sfd >= 0)
		close(c->sfd);
	dir_free(&c->up);
	dir_free(&c->down);
	memset(c, 0, sizeof(*c));
	c->cfd = c->sfd = -1;
}

static void
dir_push(struct direction *d, const uint8_t *data, size_t len, uint64_t due)
{
	struct chunk *c = malloc(sizeof(*c) + (len ? len : 1));

	if (c == NULL)
		return;
	c->next = NULL;
	c->due = due;
	c->len = len;
	c->off = 0;
	memcpy(c->data, data, len);
	if (d->tail != NULL)
		d->tail->next = c;
	else
		d->head = c;
	d->tail = c;
	d->held += len;
	if (len == 0)
		d->eof_in = 1;
}

static void
tcp_accept(int li, uint64_t now)
{
	struct sockaddr_storage from;
	socklen_t flen = sizeof(from);
	int fd = accept4(lst[li].tcp, (struct sockaddr *)&from, &flen,
	    SOCK_NONBLOCK | SOCK_CLOEXEC);
	int i;

	if (fd < 0)
		return;
	for (i = 0; i < MAX_TCP && conns[i].cfd >= 0; i++)
		;
	if (i == MAX_TCP) {
		close(fd);
		return;
	}
	conns[i].cfd = fd;
	conns[i].ready = now + rtt_us;
	if ((conns[i].sfd = socket_from(&from, SOCK_STREAM)) < 0 ||
	    (connect(conns[i].sfd, (struct sockaddr *)&lst[li].back,
	    lst[li].len) < 0 && errno != EINPROGRESS)) {
		conn_close(&conns[i]);
		return;
	}
}

/* Read what a side sent into the other direction's queue. */
static void
tcp_read(struct conn *c, int fd, struct direction *d, uint64_t due)
{
	ssize_t n = read(fd, buf, sizeof(buf) < TCP_HELD ? sizeof(buf) : TCP_HELD);

	if (n > 0)
		dir_push(d, buf, (size_t)n, due);
	else if (n == 0 || (errno != EAGAIN && errno != EINTR))
		dir_push(d, buf, 0, due);
	(void)c;
}

/* Write what is due; false when the connection is over. */
static int
tcp_write(int fd, struct direction *d, uint64_t now)
{
	while (d->head != NULL && d->head->due <= now) {
		struct chunk *ch = d->head;

		if (ch->len == 0) {
			(void)shutdown(fd, SHUT_WR);
			d->eof_out = 1;
		} else {
			ssize_t n = write(fd, ch->data + ch->off, ch->len - ch->off);

			if (n < 0)
				return errno == EAGAIN || errno == EINTR;
			ch->off += (size_t)n;
			d->held -= (size_t)n;
			if (ch->off < ch->len)
				return 1;
		}
		d->head = ch->next;
		if (d->head == NULL)
			d->tail = NULL;
		free(ch);
	}
	return 1;
}

static void
tcp_service(struct conn *c, short crev, short srev, uint64_t now)
{
	uint64_t due_up = now + half_us;

	if (due_up < c->ready + half_us)
		due_up = c->ready + half_us;
	if (!c->connected && (srev & (POLLOUT | POLLERR | POLLHUP))) {
		int err = 0;
		socklen_t el = sizeof(err);

		(void)getsockopt(c->sfd, SOL_SOCKET, SO_ERROR, &err, &el);
		if (err != 0) {
			conn_close(c);
			return;
		}
		c->connected = 1;
	}
	if ((crev & (POLLIN | POLLHUP | POLLERR)) && !c->up.eof_in)
		tcp_read(c, c->cfd, &c->up, due_up);
	if (c->connected && (srev & (POLLIN | POLLHUP | POLLERR)) && !c->down.eof_in)
		tcp_read(c, c->sfd, &c->down, now + half_us);
	if ((c->connected && !tcp_write(c->sfd, &c->up, now)) ||
	    !tcp_write(c->cfd, &c->down, now) ||
	    (c->up.eof_out && c->down.eof_out))
		conn_close(c);
}

/* --- the loop ------------------------------------------------------------- */

static int
poll_timeout(uint64_t now)
{
	uint64_t next = UINT64_MAX;
	int i;

	if (qlen > 0)
		next = queue[qhead].due;
	for (i = 0; i < MAX_TCP; i++) {
		if (conns[i].cfd < 0)
			continue;
		if (conns[i].up.head != NULL && conns[i].up.head->due < next)
			next = conns[i].up.head->due;
		if (conns[i].down.head != NULL && conns[i].down.head->due < next)
			next = conns[i].down.head->due;
	}
	if (next == UINT64_MAX)
		return 1000;		/* idle; wake now and then for mappings */
	if (next <= now)
		return 0;
	/* round up: waking early would only spin */
	return (int)((next - now + 999) / 1000);
}

static void
expire_mappings(uint64_t now)
{
	int i;

	for (i = 0; i < MAX_UDP; i++)
		if (maps[i].fd >= 0 && now - maps[i].used > UDP_IDLE_US) {
			close(maps[i].fd);
			maps[i].fd = -1;
		}
}

int
main(int argc, char **argv)
{
	enum { NFDS = 2 * MAX_LISTEN + MAX_UDP + 2 * MAX_TCP };
	static struct pollfd fds[NFDS];
	static int who[NFDS];		/* what each pollfd is: see below */
	struct sigaction sa;
	char *end;
	long rtt;
	int i;

	if (argc < 3 || (rtt = strtol(argv[1], &end, 10)) < 0 || *end != '\0' ||
	    rtt > 60000 || argc - 2 > MAX_LISTEN) {
		fprintf(stderr, "usage: delayrelay RTT_MS ADDR,PORT,BACKPORT...\n");
		return 2;
	}
	rtt_us = (uint64_t)rtt * 1000u;
	half_us = rtt_us / 2;
	for (i = 0; i < MAX_UDP; i++)
		maps[i].fd = -1;
	for (i = 0; i < MAX_TCP; i++)
		conns[i].cfd = conns[i].sfd = -1;
	for (i = 2; i < argc; i++) {
		if (parse_listen(argv[i], &lst[nlst]) < 0) {
			fprintf(stderr, "delayrelay: bad address '%s'\n", argv[i]);
			return 2;
		}
		if (open_listener(&lst[nlst]) < 0) {
			fprintf(stderr, "delayrelay: cannot listen on %s: %s\n",
			    argv[i], strerror(errno));
			return 1;
		}
		nlst++;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	fprintf(stderr, "delayrelay: %d addresses, RTT %ld ms\n", nlst, rtt);

	while (!stop) {
		/* who[k]: 0..  listener UDP (i), 1000+i listener TCP,
		 * 2000+m mapping, 10000+2c client of conn c, +1 its server */
		nfds_t n = 0;
		uint64_t now = now_us();
		int k, rc;

		for (i = 0; i < nlst; i++) {
			fds[n] = (struct pollfd){ lst[i].udp, POLLIN, 0 };
			who[n++] = i;
			fds[n] = (struct pollfd){ lst[i].tcp, POLLIN, 0 };
			who[n++] = 1000 + i;
		}
		for (i = 0; i < MAX_UDP; i++)
			if (maps[i].fd >= 0) {
				fds[n] = (struct pollfd){ maps[i].fd, POLLIN, 0 };
				who[n++] = 2000 + i;
			}
		for (i = 0; i < MAX_TCP; i++) {
			struct conn *c = &conns[i];
			short ce = 0, se = 0;

			if (c->cfd < 0)
				continue;
			if (!c->up.eof_in && c->up.held < TCP_HELD)
				ce |= POLLIN;
			if (c->down.head != NULL && c->down.head->due <= now)
				ce |= POLLOUT;
			if (!c->connected)
				se |= POLLOUT;
			else {
				if (!c->down.eof_in && c->down.held < TCP_HELD)
					se |= POLLIN;
				if (c->up.head != NULL && c->up.head->due <= now)
					se |= POLLOUT;
			}
			/* nothing asked: left out, or a hang-up would spin */
			fds[n] = (struct pollfd){ ce ? c->cfd : -1, ce, 0 };
			who[n++] = 10000 + 2 * i;
			fds[n] = (struct pollfd){ se ? c->sfd : -1, se, 0 };
			who[n++] = 10000 + 2 * i + 1;
		}
		rc = poll(fds, n, poll_timeout(now));
		if (rc < 0 && errno != EINTR)
			break;
		now = now_us();
		for (k = 0; rc > 0 && k < (int)n; k++) {
			short rev = fds[k].revents;

			if (rev == 0)
				continue;
			if (who[k] < 1000)
				udp_from_client(who[k], now);
			else if (who[k] < 2000)
				tcp_accept(who[k] - 1000, now);
			else if (who[k] < 10000)
				udp_from_server(who[k] - 2000, now);
		}
		/* TCP: every live connection, for readiness and due data */
		for (i = 0; i < MAX_TCP; i++) {
			short crev = 0, srev = 0;

			if (conns[i].cfd < 0)
				continue;
			for (k = 0; k < (int)n; k++) {
				if (who[k] == 10000 + 2 * i)
					crev = fds[k].revents;
				else if (who[k] == 10000 + 2 * i + 1)
					srev = fds[k].revents;
			}
			tcp_service(&conns[i], crev, srev, now);
		}
		udp_send_due(now);
		expire_mappings(now);
	}
	for (i = 0; i < MAX_TCP; i++)
		if (conns[i].cfd >= 0)
			conn_close(&conns[i]);
	for (i = 0; i < MAX_UDP; i++)
		if (maps[i].fd >= 0)
			close(maps[i].fd);
	while (qlen > 0) {
		free(queue[qhead].data);
		qhead = (qhead + 1) % MAX_QUEUE;
		qlen--;
	}
	return 0;
}
