/* probe.h - the probe engine: many DNS queries in flight at once, single
 * threaded, driven by one poll() loop that a UI can share. ldns encodes and
 * decodes the packets; the sockets are ours and never block.
 *
 * Life of a query: fill a struct probe_spec (probe_spec_init() gives dig's
 * defaults), probe_submit() it with a callback, then drive the loop, either
 * with probe_engine_run() (report mode) or by merging probe_engine_pollfds()
 * into your own poll() array and calling probe_engine_handle() (the UI).
 * Callbacks run only from probe_engine_handle()/_run(), never from inside
 * probe_submit(), and receive a struct probe_result that they own.
 *
 * Timing contract (DESIGN.md --timeout/--tries): a UDP query gets timeout_ms
 * in total, its tries transmissions spread at timeout*k/tries; a dead server
 * costs one timeout, never timeout x tries. A UDP answer with TC=1 is asked
 * again over TCP with a fresh budget of timeout_ms from that moment: the
 * server has proved alive and a late UDP answer must not starve the retry,
 * so a query never takes more than twice its timeout. Over TCP, timeout_ms
 * covers connect, send and receive.
 *
 * Acceptance: a message is the answer only if its source, ID and question
 * match (probe_match_reply()); anything else is counted in `ignored` and the
 * wait goes on. A message that passes source and ID but does not parse ends
 * the query as MALFORMED at once: forging it takes what forging an answer
 * takes, and waiting would make every broken server look dead.
 *
 * EDNS fallback (as dig and Unbound do): a FORMERR or NOTIMP answer without
 * an OPT record to a query with EDNS is asked again at once without EDNS,
 * with a fresh budget (the server proved alive). A UDP query with RD=0 and
 * EDNS sends its last try (of two or more) without EDNS and under an ID of
 * its own, so a server or firewall that drops EDNS queries still answers
 * within the one timeout. Either way the result has edns_fallback set and
 * its reproduce command says +noedns.
 *
 * Server memory (on by default): once a server (address, port, transport)
 * has timed out or refused, later queries to it complete at once with the
 * same outcome and skipped_known_dead set, so a dead server costs one
 * timeout per run. Queries already in flight finish on their own deadline.
 *
 * Diagnostics (off by default, for tests/bench): with DNSTRIAGE_TRACE=FILE
 * in the environment, each engine appends one line per query to FILE when
 * its callback runs (outcome "cancelled" for probe_cancel()):
 *   probe ID CAUSE DEPTH SUBMIT_US START_US END_US TRANSPORT SERVER QNAME
 *         QTYPE OUTCOME SKIPPED
 * CAUSE is the ID of the query whose callback submitted it (0: none) and
 * DEPTH that query's DEPTH + 1: the length of its chain of dependent
 * queries. Times are probe_now_us(); TRANSPORT udp, tcp or udp+tcp (TC=1);
 * SKIPPED 1 for a server known dead. Nothing else changes. */
#ifndef DNSTRIAGE_PROBE_H
#define DNSTRIAGE_PROBE_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <net/if.h>
#include <netinet/in.h>
#include <ldns/ldns.h>

#define PROBE_DEFAULT_TIMEOUT_MS 2000u
#define PROBE_DEFAULT_TRIES 2u
/* EDNS buffer size; also dig's default since BIND 9.16. */
#define PROBE_DEFAULT_BUFSIZE 1232u
#define PROBE_DEFAULT_MAX_INFLIGHT 512u
#define PROBE_MAX_TRIES 10u
#define PROBE_SERVER_STRLEN (INET6_ADDRSTRLEN + IF_NAMESIZE + 8)

/* Outcomes: enum name, stable code (reports, JSON), text for people. */
#define PROBE_OUTCOMES(X) \
	X(PROBE_ANSWER, "answer", \
	    N_("answered")) \
	X(PROBE_TIMEOUT, "timeout", \
	    N_("no answer within the timeout")) \
	X(PROBE_REFUSED_PORT, "port-unreachable", \
	    N_("port unreachable: nothing listens there")) \
	X(PROBE_NET_UNREACHABLE, "net-unreachable", \
	    N_("network or host unreachable")) \
	X(PROBE_CLOSED, "closed", \
	    N_("the server closed the TCP connection without a complete " \
	    "answer")) \
	X(PROBE_MALFORMED, "malformed", \
	    N_("the answer is not a valid DNS message")) \
	X(PROBE_LOCAL_ERROR, "local-error", \
	    N_("the query could not be sent (local error)"))

#define PROBE_ENUM_ENTRY(e, code, text) e,
enum probe_outcome {
	PROBE_OUTCOMES(PROBE_ENUM_ENTRY)
	PROBE_OUTCOME_COUNT
};

/* Why a received message was or was not taken as the answer. */
#define PROBE_MATCHES(X) \
	X(PROBE_MATCH_OK, "ok", N_("the message answers the query")) \
	X(PROBE_MATCH_WRONG_SOURCE, "wrong-source", \
	    N_("the message came from another address or port than the " \
	    "server")) \
	X(PROBE_MATCH_WRONG_ID, "wrong-id", \
	    N_("the message carries another query ID")) \
	X(PROBE_MATCH_NOT_A_RESPONSE, "not-a-response", \
	    N_("the message is a query, not a response (QR=0)")) \
	X(PROBE_MATCH_WRONG_QUESTION, "wrong-question", \
	    N_("the message answers another question")) \
	X(PROBE_MATCH_MALFORMED, "malformed", \
	    N_("the message is not a valid DNS message"))

enum probe_match {
	PROBE_MATCHES(PROBE_ENUM_ENTRY)
	PROBE_MATCH_COUNT
};

enum probe_transport {
	PROBE_UDP,
	PROBE_TCP,
};

/* One EDNS option to send, e.g. NSID (LDNS_EDNS_NSID, 3) or EXPIRE
 * (LDNS_EDNS_EXPIRE, 9, RFC 7314), both with len 0. */
struct probe_edns_option {
	uint16_t code;
	uint16_t len;
	const uint8_t *data;		/* len bytes */
};

/* What to ask whom. probe_submit() copies all of it, pointers included.
 * name is in presentation form ("www.example.test"); qname, if set, is the
 * same as a dname and wins. AD=1 in a query asks for the AD bit in the
 * answer (RFC 6840). DO and edns_options need EDNS (edns_bufsize > 0).
 * timeout_ms is the whole budget, retransmissions included; tries is the
 * number of UDP transmissions within it (at most PROBE_MAX_TRIES). */
struct probe_spec {
	struct sockaddr_storage server;	/* address and port */
	socklen_t server_len;
	const char *name;
	const ldns_rdf *qname;
	ldns_rr_type type;
	ldns_rr_class rr_class;		/* 0 means IN */
	bool rd;			/* recursion desired */
	bool cd;			/* checking disabled */
	bool ad;
	bool dnssec_ok;			/* DO */
	uint16_t edns_bufsize;		/* 0: no OPT record at all */
	const struct probe_edns_option *edns_options;
	size_t n_edns_options;
	enum probe_transport transport;
	unsigned timeout_ms;		/* 0: PROBE_DEFAULT_TIMEOUT_MS */
	unsigned tries;			/* 0: PROBE_DEFAULT_TRIES */
};

/* The result of one query. The callback owns it: probe_result_free() it,
 * now or later. Everything it points to belongs to it, spec included. */
struct probe_result {
	enum probe_outcome outcome;
	/* The query as sent: name and qname both set, defaults filled in. */
	struct probe_spec spec;
	char server[PROBE_SERVER_STRLEN];	/* "ADDR#PORT" */
	/* The answer, parsed: NULL unless PROBE_ANSWER. */
	ldns_pkt *pkt;
	/* The accepted message as received (ANSWER, MALFORMED), without the
	 * TCP length; else NULL. */
	uint8_t *wire;
	size_t wire_len;
	/* Monotonic clock. rtt: last datagram (TCP: query written) to the
	 * answer, -1 without one. elapsed: first transmission to the end. */
	double rtt_ms;
	double elapsed_ms;
	uint16_t id;			/* the query ID used */
	unsigned transmissions;		/* datagrams sent, +1 for TCP */
	/* Messages dropped: wrong ID, source or question, or QR=0. */
	unsigned ignored;
	enum probe_match ignored_why;	/* of the last one, if ignored > 0 */
	/* The answer is to the query asked again without EDNS (see above). */
	bool edns_fallback;
	bool tcp_fallback;		/* TC=1 over UDP, then TCP */
	/* Not sent: the server had timed out or refused in this run. */
	bool skipped_known_dead;
	/* errno behind REFUSED_PORT, NET_UNREACHABLE, CLOSED, LOCAL_ERROR. */
	int error;
	char *reproduce;		/* the equivalent dig command line */
};

void probe_result_free(struct probe_result *res);

typedef void probe_done_fn(struct probe_result *res, void *user);

struct probe_engine;
struct probe;			/* handle of a submitted query */

struct probe_engine_stats {
	size_t inflight;		/* sockets open now */
	size_t queued;			/* waiting for a free slot */
	size_t max_inflight_seen;
	unsigned long submitted;
	unsigned long completed;
	unsigned long ignored;		/* summed over all queries */
};

/* --- specs -------------------------------------------------------------- */

/* dig's defaults: type A, class IN, RD=1, AD=1, EDNS with 1232 bytes, UDP,
 * PROBE_DEFAULT_TIMEOUT_MS, PROBE_DEFAULT_TRIES; no server, no name. */
void probe_spec_init(struct probe_spec *spec);
/* Numeric address only (never a host name: DNS may be what is broken). */
bool probe_sockaddr_from_text(const char *addr, uint16_t port,
    struct sockaddr_storage *ss, socklen_t *len);
bool probe_spec_set_server(struct probe_spec *spec, const char *addr,
    uint16_t port);

/* --- the engine --------------------------------------------------------- */

/* Raises the RLIMIT_NOFILE soft limit just far enough for the in-flight cap
 * (one socket per query); beyond what the limit allows, queries queue. */
struct probe_engine *probe_engine_new(void);
/* Closes every socket; pending queries are dropped without callbacks. */
void probe_engine_free(struct probe_engine *e);
void probe_engine_set_max_inflight(struct probe_engine *e, size_t max);
void probe_engine_set_remember_dead(struct probe_engine *e, bool on);
/* Forget which servers were dead, e.g. when the user starts a new run. */
void probe_engine_forget_servers(struct probe_engine *e);

/* Starts the query now if a slot is free, else queues it. Returns NULL with
 * errno EINVAL (bad name or spec) or ENOMEM; done is then never called. The
 * handle is valid until done runs or probe_cancel(). */
struct probe *probe_submit(struct probe_engine *e,
    const struct probe_spec *spec, probe_done_fn *done, void *user);
/* Abandon a query; its callback will not run. */
void probe_cancel(struct probe_engine *e, struct probe *p);

/* Queries not yet handed to their callback. */
size_t probe_engine_pending(const struct probe_engine *e);
void probe_engine_stats(const struct probe_engine *e,
    struct probe_engine_stats *st);

/* --- the event loop seam ------------------------------------------------ */

/* Writes up to cap pollfd entries (revents cleared) and returns how many the
 * engine needs; if that exceeds cap, grow the array and call again. Call it
 * right before each poll(): handle() only trusts fds from the last call. */
size_t probe_engine_pollfds(struct probe_engine *e, struct pollfd *fds,
    size_t cap);
/* Milliseconds until the next retransmission or deadline, 0 if work is
 * ready, -1 if idle: the poll() timeout (take the smaller of yours). */
int probe_engine_timeout_ms(const struct probe_engine *e);
/* After poll(): reads ready sockets, fires due retransmissions and
 * deadlines, starts queued queries, runs callbacks. Entries for fds the
 * engine does not own (a terminal) are skipped. Callbacks may submit and
 * cancel; they must not call probe_engine_handle(), _run() or _free(). */
void probe_engine_handle(struct probe_engine *e, const struct pollfd *fds,
    size_t n);
/* Report mode: loop until nothing is pending (true) or max_wait_ms passes
 * (false, queries still pending; < 0 waits without limit). */
bool probe_engine_run(struct probe_engine *e, int max_wait_ms);

/* A test harness's guard (never needed in use): with the environment
 * variable DNSTRIAGE_LOOPBACK_ONLY set to 1, queries and connections to
 * anything but 127.0.0.0/8 and ::1 end at once as LOCAL_ERROR (EPERM)
 * instead of being sent. The test suite sets it for every program. */
bool probe_loopback_only(void);
bool probe_is_loopback(const struct sockaddr *sa);

/* Microseconds on the monotonic clock the engine uses for deadlines and RTT. */
uint64_t probe_now_us(void);

/* --- pure functions (unit-tested without sockets) ----------------------- */

/* The query on the wire with this ID; *wire is malloc()ed. False with errno
 * EINVAL for a bad spec (name, DO or options without EDNS). */
bool probe_build_query(const struct probe_spec *spec, uint16_t id,
    uint8_t **wire, size_t *len);

/* What the engine knows about a query in flight. */
struct probe_expect {
	const struct sockaddr *server;
	socklen_t server_len;
	uint16_t id;
	const ldns_rdf *qname;		/* compared case-insensitively */
	ldns_rr_type type;
	ldns_rr_class rr_class;
};

/* Is this message the answer? from is the datagram's source, NULL over TCP
 * (the stream is the server). Checks, in order: source, header, ID, QR,
 * question (exactly one, or none in a FORMERR/NOTIMP/REFUSED reply), then
 * parses all of it. On OK, *pkt (if pkt is not NULL) gets the parsed
 * message to free, or NULL when a TC=1 message cannot be parsed past its
 * question: the TCP retry will tell. Never reads beyond len. */
enum probe_match probe_match_reply(const struct probe_expect *x,
    const uint8_t *wire, size_t len, const struct sockaddr *from,
    socklen_t fromlen, ldns_pkt **pkt);
/* TC=1 in a UDP answer: ask again over TCP. Never over TCP itself. */
bool probe_should_retry_tcp(enum probe_transport used, const uint8_t *wire,
    size_t len);

/* The equivalent dig command, showing only what differs from dig's
 * defaults (e.g. "dig @127.0.0.1 -p 5353 www.example.test A +norec +tcp").
 * Shell-quoted where needed. False if it does not fit or the spec is bad. */
bool probe_render_dig(const struct probe_spec *spec, char *buf, size_t len);
/* "127.0.0.1#53", "::1#5353" */
bool probe_format_server(const struct sockaddr *sa, socklen_t len,
    char *buf, size_t buflen);

/* Stable codes and untranslated msgids (pass them to gettext or a finding)
 * for outcomes and match reasons; "?" and "" when out of range. */
const char *probe_outcome_code(enum probe_outcome o);
const char *probe_outcome_msgid(enum probe_outcome o);
const char *probe_match_code(enum probe_match m);
const char *probe_match_msgid(enum probe_match m);

#endif
