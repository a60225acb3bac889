/* probe_private.h - what the probe engine's files share: the engine and
 * query structures and their state changes (probe.c), the poll() seam
 * (probe_loop.c), the sockets (probe_net.c) and the pure wire helpers
 * (probe_wire.c). Nothing outside src/probe*.c includes it. */
#ifndef DNSTRIAGE_PROBE_PRIVATE_H
#define DNSTRIAGE_PROBE_PRIVATE_H

#include <stdio.h>
#include <sys/queue.h>

#include "dnstriage/probe.h"

/* Descriptors kept free for the rest of the program (terminal, files). */
#define PROBE_FD_RESERVE 64
/* Largest DNS message: the 2-byte TCP length bounds it. */
#define PROBE_MAX_MESSAGE 65535
/* Datagrams read per readiness event, so one chatty socket cannot starve
 * the others. */
#define PROBE_RECV_BURST 16

enum probe_state {
	PROBE_ST_QUEUED,
	PROBE_ST_UDP,		/* sent, waiting for the answer */
	PROBE_ST_TCP_CONNECT,
	PROBE_ST_TCP_WRITE,
	PROBE_ST_TCP_READ,
	PROBE_ST_DONE,		/* result ready, callback not yet run */
};

struct probe {
	TAILQ_ENTRY(probe) link;	/* in one of the engine's lists */
	enum probe_state state;
	struct probe_result *res;	/* filled as the query runs */
	struct probe_expect expect;
	uint8_t *query;			/* the query's wire form */
	size_t query_len;
	/* The same query without EDNS, under plain_id (EDNS fallback); NULL
	 * when the query has no EDNS or already fell back. */
	uint8_t *plain_query;
	size_t plain_query_len;
	uint16_t plain_id;
	bool plain_last_try;		/* the last UDP try sends plain_query */
	enum probe_transport transport;	/* now: UDP may become TCP */
	int fd;				/* -1 when none */
	unsigned long gen;		/* engine->gen when fd was opened */

	uint64_t t_first;		/* first transmission, µs monotonic */
	uint64_t t_sent;		/* last datagram; TCP: query written */
	uint64_t t_next;		/* next UDP retransmission */
	uint64_t t_sched;		/* start of the UDP retry schedule */
	uint64_t t_deadline;
	unsigned sent;			/* UDP datagrams sent */

	uint8_t *tcp_out;		/* length-prefixed query */
	size_t tcp_out_len, tcp_out_off;
	uint8_t tcp_len[2];		/* length prefix of the answer */
	size_t tcp_len_have;
	uint8_t *tcp_in;		/* its body, tcp_in_need bytes */
	size_t tcp_in_have, tcp_in_need;

	probe_done_fn *done;
	void *user;

	/* DNSTRIAGE_TRACE (probe.h): who caused this query, and when */
	unsigned long trace_id, trace_cause;
	unsigned trace_depth;
	uint64_t t_submit, t_end;
};

TAILQ_HEAD(probe_list, probe);

/* A server that timed out or refused in this run. */
struct probe_memo {
	struct sockaddr_storage addr;
	socklen_t len;
	enum probe_transport transport;
	enum probe_outcome outcome;
};

struct probe_engine {
	struct probe_list queued, active, done;
	size_t nqueued, nactive, ndone;
	size_t max_inflight;		/* as asked */
	size_t cap;			/* as the descriptor limit allows */
	struct probe **by_fd;		/* fd -> query owning it */
	size_t by_fd_len;
	unsigned long gen;		/* bumped by probe_engine_pollfds() */
	bool remember_dead;
	bool loopback_only;		/* see probe_loopback_only() */
	bool in_handle;
	bool fd_starved;		/* EMFILE: wait for a close */
	struct probe_memo *memo;
	size_t nmemo, memo_cap;
	struct pollfd *run_fds;		/* probe_engine_run()'s array */
	size_t run_fds_cap;
	struct probe_engine_stats st;
	FILE *trace;			/* DNSTRIAGE_TRACE, else NULL */
	unsigned long trace_seq;
	unsigned long cause_id;		/* the query whose callback runs */
	unsigned cause_depth;		/* its depth; 0 outside callbacks */
	uint8_t rbuf[PROBE_MAX_MESSAGE + 1];	/* one UDP datagram */
};

/* probe.c: state changes the socket code asks for. */
void probe_set_state(struct probe_engine *e, struct probe *p,
    enum probe_state st);
void probe_finish(struct probe_engine *e, struct probe *p,
    enum probe_outcome outcome, int error, uint64_t now);
void probe_take_message(struct probe_engine *e, struct probe *p,
    const uint8_t *wire, size_t len, const struct sockaddr *from,
    socklen_t fromlen, uint64_t now);
void probe_fd_register(struct probe_engine *e, struct probe *p);
void probe_fd_release(struct probe_engine *e, struct probe *p);
struct probe *probe_by_fd(const struct probe_engine *e, int fd);
/* probe.c: the datagram the next UDP try sends (EDNS fallback). */
void probe_udp_payload(const struct probe *p, const uint8_t **wire,
    size_t *len);
/* probe.c, for the loop: a query's timers, the queue, the callbacks. */
void probe_tick(struct probe_engine *e, struct probe *p, uint64_t now);
void probe_start_queued(struct probe_engine *e);
void probe_deliver(struct probe_engine *e);

/* probe_net.c: sockets. open returns 0, or an errno (nothing open). */
int probe_net_open(struct probe_engine *e, struct probe *p, uint64_t now);
void probe_net_ready(struct probe_engine *e, struct probe *p, short revents,
    uint64_t now);
void probe_net_udp_send(struct probe_engine *e, struct probe *p,
    uint64_t now);
short probe_net_events(const struct probe *p);
enum probe_outcome probe_outcome_of_errno(int err);

/* probe_wire.c: helpers without sockets. */
ldns_rdf *probe_spec_dname(const struct probe_spec *spec);
bool probe_spec_valid(const struct probe_spec *spec);
unsigned probe_spec_timeout(const struct probe_spec *spec);
unsigned probe_spec_tries(const struct probe_spec *spec);
bool probe_sockaddr_equal(const struct sockaddr *a, socklen_t alen,
    const struct sockaddr *b, socklen_t blen);

#endif
