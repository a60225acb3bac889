/* probe.c - the probe engine: submitting queries, the queue behind the
 * in-flight cap, deadlines and retransmissions, server memory, and the
 * poll() seam. Socket work is in probe_net.c, wire work in probe_wire.c. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "dnstriage/probe.h"
#include "probe_private.h"

uint64_t
probe_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* Query IDs must not be guessable (RFC 5452). GRND_NONBLOCK: never wait
 * for the entropy pool at early boot; urandom then answers at once. */
static uint16_t
random_id(void)
{
	uint16_t id;
	int fd;

	if (getrandom(&id, sizeof(id), GRND_NONBLOCK) == (ssize_t)sizeof(id))
		return id;
	if ((fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) >= 0) {
		ssize_t n = read(fd, &id, sizeof(id));

		close(fd);
		if (n == (ssize_t)sizeof(id))
			return id;
	}
	return (uint16_t)ldns_get_random();
}

/* --- results ------------------------------------------------------------ */

void
probe_result_free(struct probe_result *res)
{
	size_t i;

	if (res == NULL)
		return;
	free((void *)res->spec.name);
	ldns_rdf_deep_free((ldns_rdf *)res->spec.qname);
	for (i = 0; i < res->spec.n_edns_options; i++)
		free((void *)res->spec.edns_options[i].data);
	free((void *)res->spec.edns_options);
	ldns_pkt_free(res->pkt);
	free(res->wire);
	free(res->reproduce);
	free(res);
}

static bool
copy_options(struct probe_spec *dst, const struct probe_spec *src)
{
	struct probe_edns_option *o;
	size_t i;

	dst->edns_options = NULL;
	dst->n_edns_options = 0;
	if (src->n_edns_options == 0)
		return true;
	if ((o = calloc(src->n_edns_options, sizeof(*o))) == NULL)
		return false;
	dst->edns_options = o;
	for (i = 0; i < src->n_edns_options; i++) {
		o[i] = src->edns_options[i];
		o[i].data = NULL;
		dst->n_edns_options = i + 1;
		if (o[i].len == 0)
			continue;
		if (src->edns_options[i].data == NULL ||
		    (o[i].data = malloc(o[i].len)) == NULL)
			return false;
		memcpy((void *)o[i].data, src->edns_options[i].data, o[i].len);
	}
	return true;
}

/* The result's own copy of the spec, defaults filled in. */
static bool
copy_spec(struct probe_result *res, const struct probe_spec *src)
{
	struct probe_spec *dst = &res->spec;
	ldns_rdf *qname;

	*dst = *src;
	dst->name = NULL;
	dst->qname = NULL;
	dst->edns_options = NULL;
	dst->n_edns_options = 0;
	if ((qname = probe_spec_dname(src)) == NULL)
		return false;
	dst->qname = qname;
	dst->name = src->qname == NULL ? strdup(src->name) :
	    ldns_rdf2str(qname);
	if (dst->name == NULL || !copy_options(dst, src))
		return false;
	if (dst->rr_class == 0)
		dst->rr_class = LDNS_RR_CLASS_IN;
	dst->timeout_ms = probe_spec_timeout(src);
	dst->tries = probe_spec_tries(src);
	return true;
}

static struct probe_result *
new_result(const struct probe_spec *spec, uint16_t id)
{
	struct probe_result *res;
	char dig[2048];

	if ((res = calloc(1, sizeof(*res))) == NULL)
		return NULL;
	res->rtt_ms = -1;
	res->id = id;
	if (!copy_spec(res, spec)) {
		probe_result_free(res);
		return NULL;
	}
	probe_format_server((const struct sockaddr *)&spec->server,
	    spec->server_len, res->server, sizeof(res->server));
	if (!probe_render_dig(&res->spec, dig, sizeof(dig)))
		dig[0] = '\0';
	if ((res->reproduce = strdup(dig)) == NULL) {
		probe_result_free(res);
		return NULL;
	}
	return res;
}

/* --- descriptors -------------------------------------------------------- */

/* One socket per query in flight: raise the soft RLIMIT_NOFILE toward the
 * hard one, but only as far as the cap needs, so the process keeps small
 * descriptor numbers for code that still uses select(). */
static void
fit_cap_to_rlimit(struct probe_engine *e)
{
	struct rlimit rl;
	rlim_t want = (rlim_t)e->max_inflight + PROBE_FD_RESERVE;

	e->cap = e->max_inflight;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return;
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want) {
		struct rlimit up = rl;

		up.rlim_cur = want;
		if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want)
			up.rlim_cur = rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &up) == 0)
			rl = up;
	}
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want)
		e->cap = rl.rlim_cur > (rlim_t)2 * PROBE_FD_RESERVE ?
		    (size_t)rl.rlim_cur - PROBE_FD_RESERVE : PROBE_FD_RESERVE;
	if (e->cap == 0)
		e->cap = 1;
}

void
probe_fd_register(struct probe_engine *e, struct probe *p)
{
	size_t need = (size_t)p->fd + 1, n;
	struct probe **grown;

	if (need > e->by_fd_len) {
		n = e->by_fd_len == 0 ? 256 : e->by_fd_len;
		while (n < need)
			n *= 2;
		/* On failure the fd stays unmapped and the query ends by its
		 * deadline: degraded, never wrong. */
		if ((grown = realloc(e->by_fd, n * sizeof(*grown))) == NULL)
			return;
		memset(grown + e->by_fd_len, 0,
		    (n - e->by_fd_len) * sizeof(*grown));
		e->by_fd = grown;
		e->by_fd_len = n;
	}
	e->by_fd[p->fd] = p;
	p->gen = e->gen;
}

void
probe_fd_release(struct probe_engine *e, struct probe *p)
{
	if (p->fd < 0)
		return;
	if ((size_t)p->fd < e->by_fd_len && e->by_fd[p->fd] == p)
		e->by_fd[p->fd] = NULL;
	close(p->fd);
	p->fd = -1;
	e->fd_starved = false;
}

struct probe *
probe_by_fd(const struct probe_engine *e, int fd)
{
	if (fd < 0 || (size_t)fd >= e->by_fd_len)
		return NULL;
	return e->by_fd[fd];
}

/* --- server memory ------------------------------------------------------ */

static struct probe_memo *
memo_find(const struct probe_engine *e, const struct probe *p)
{
	const struct probe_spec *s = &p->res->spec;
	struct probe_memo *m;
	size_t i;

	for (i = 0; i < e->nmemo; i++) {
		m = &e->memo[i];
		if (m->transport == p->transport &&
		    probe_sockaddr_equal((const struct sockaddr *)&m->addr,
		    m->len, (const struct sockaddr *)&s->server, s->server_len))
			return m;
	}
	return NULL;
}

static void
memo_note(struct probe_engine *e, const struct probe *p,
    enum probe_outcome outcome)
{
	struct probe_memo *m = memo_find(e, p), *grown;

	if (outcome == PROBE_ANSWER) {
		if (m != NULL)
			*m = e->memo[--e->nmemo];
		return;
	}
	if (outcome != PROBE_TIMEOUT && outcome != PROBE_REFUSED_PORT)
		return;
	if (m == NULL && e->nmemo == e->memo_cap) {
		size_t n = e->memo_cap == 0 ? 16 : 2 * e->memo_cap;

		if ((grown = realloc(e->memo, n * sizeof(*grown))) == NULL)
			return;
		e->memo = grown;
		e->memo_cap = n;
	}
	if (m == NULL) {
		m = &e->memo[e->nmemo++];
		m->addr = p->res->spec.server;
		m->len = p->res->spec.server_len;
		m->transport = p->transport;
	}
	m->outcome = outcome;
}

void
probe_engine_forget_servers(struct probe_engine *e)
{
	e->nmemo = 0;
}

/* --- state changes ------------------------------------------------------ */

static struct probe_list *
list_of(struct probe_engine *e, const struct probe *p, size_t **count)
{
	switch (p->state) {
	case PROBE_ST_QUEUED:
		*count = &e->nqueued;
		return &e->queued;
	case PROBE_ST_DONE:
		*count = &e->ndone;
		return &e->done;
	default:
		*count = &e->nactive;
		return &e->active;
	}
}

void
probe_set_state(struct probe_engine *e, struct probe *p, enum probe_state st)
{
	struct probe_list *from, *to;
	size_t *nfrom, *nto;

	from = list_of(e, p, &nfrom);
	p->state = st;
	to = list_of(e, p, &nto);
	if (from == to)
		return;
	TAILQ_REMOVE(from, p, link);
	(*nfrom)--;
	TAILQ_INSERT_TAIL(to, p, link);
	(*nto)++;
	if (e->nactive > e->st.max_inflight_seen)
		e->st.max_inflight_seen = e->nactive;
}

static void
finish_at(struct probe_engine *e, struct probe *p, enum probe_outcome outcome,
    int error, uint64_t now, bool skipped)
{
	struct probe_result *res = p->res;

	probe_fd_release(e, p);
	res->outcome = outcome;
	res->error = error;
	res->skipped_known_dead = skipped;
	if (p->t_first != 0 && now > p->t_first)
		res->elapsed_ms = (double)(now - p->t_first) / 1000.0;
	if (!skipped && e->remember_dead)
		memo_note(e, p, outcome);
	p->t_end = now;
	probe_set_state(e, p, PROBE_ST_DONE);
}

void
probe_finish(struct probe_engine *e, struct probe *p,
    enum probe_outcome outcome, int error, uint64_t now)
{
	finish_at(e, p, outcome, error, now, false);
}

static void
keep_wire(struct probe_result *res, const uint8_t *wire, size_t len)
{
	if (len == 0 || (res->wire = malloc(len)) == NULL)
		return;
	memcpy(res->wire, wire, len);
	res->wire_len = len;
}

bool
probe_loopback_only(void)
{
	const char *v = getenv("DNSTRIAGE_LOOPBACK_ONLY");

	return v != NULL && strcmp(v, "1") == 0;
}

bool
probe_is_loopback(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET)
		return (ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr)
		    >> 24) == 127;
	if (sa->sa_family == AF_INET6) {
		const struct in6_addr *a =
		    &((const struct sockaddr_in6 *)sa)->sin6_addr;

		/* ::ffff:127.x.y.z goes out as IPv4 to 127.x.y.z. */
		return IN6_IS_ADDR_LOOPBACK(a) ||
		    (IN6_IS_ADDR_V4MAPPED(a) && a->s6_addr[12] == 127);
	}
	return false;
}

/* Opens the socket for p's current transport and sends, unless memory says
 * the server is dead. False: no descriptor free, try again later. */
static bool
launch(struct probe_engine *e, struct probe *p, uint64_t now)
{
	struct probe_memo *m = e->remember_dead ? memo_find(e, p) : NULL;
	int err;

	if (e->loopback_only && !probe_is_loopback(
	    (const struct sockaddr *)&p->res->spec.server)) {
		finish_at(e, p, PROBE_LOCAL_ERROR, EPERM, now, false);
		return true;
	}

	if (m != NULL) {
		finish_at(e, p, m->outcome,
		    m->outcome == PROBE_REFUSED_PORT ? ECONNREFUSED : 0, now,
		    true);
		return true;
	}
	err = probe_net_open(e, p, now);
	if ((err == EMFILE || err == ENFILE) && e->nactive > 0)
		return false;
	if (err != 0)
		finish_at(e, p, probe_outcome_of_errno(err), err, now, false);
	return true;
}

/* --- EDNS fallback (probe.h) ------------------------------------------- */

void
probe_udp_payload(const struct probe *p, const uint8_t **wire, size_t *len)
{
	if (p->plain_last_try && p->plain_query != NULL &&
	    p->sent + 1 == p->res->spec.tries) {
		*wire = p->plain_query;
		*len = p->plain_query_len;
	} else {
		*wire = p->query;
		*len = p->query_len;
	}
}

/* The query without EDNS, its ID and its dig command. */
static bool
build_plain_query(struct probe *p)
{
	struct probe_spec plain = p->res->spec;

	if (plain.edns_bufsize == 0)
		return false;
	plain.edns_bufsize = 0;
	plain.dnssec_ok = false;
	plain.edns_options = NULL;
	plain.n_edns_options = 0;
	do
		p->plain_id = random_id();
	while (p->plain_id == p->expect.id);
	return probe_build_query(&plain, p->plain_id, &p->plain_query,
	    &p->plain_query_len);
}

/* From now on the query is the one without EDNS. */
static void
use_plain_query(struct probe *p)
{
	struct probe_spec plain = p->res->spec;
	char dig[2048];

	free(p->query);
	free(p->tcp_out);
	p->tcp_out = NULL;
	p->query = p->plain_query;
	p->query_len = p->plain_query_len;
	p->plain_query = NULL;
	p->plain_last_try = false;
	p->expect.id = p->plain_id;
	p->res->id = p->plain_id;
	p->res->edns_fallback = true;
	plain.edns_bufsize = 0;
	plain.dnssec_ok = false;
	plain.n_edns_options = 0;
	if (probe_render_dig(&plain, dig, sizeof(dig))) {
		char *s = strdup(dig);

		if (s != NULL) {
			free(p->res->reproduce);
			p->res->reproduce = s;
		}
	}
}

/* FORMERR or NOTIMP without OPT to a query with OPT: the server does not
 * know EDNS (RFC 6891 section 7). */
static bool
rejects_edns(const struct probe *p, const ldns_pkt *pkt)
{
	ldns_pkt_rcode rc;

	if (pkt == NULL || p->res->edns_fallback ||
	    p->res->spec.edns_bufsize == 0 || ldns_pkt_edns(pkt))
		return false;
	rc = ldns_pkt_get_rcode(pkt);
	return rc == LDNS_RCODE_FORMERR || rc == LDNS_RCODE_NOTIMPL;
}

/* Ask again at once without EDNS, over the same transport, with a fresh
 * budget: the server proved alive. */
static void
fall_back_to_plain(struct probe_engine *e, struct probe *p, uint64_t now)
{
	if (p->plain_query == NULL && !build_plain_query(p)) {
		finish_at(e, p, PROBE_LOCAL_ERROR, ENOMEM, now, false);
		return;
	}
	probe_fd_release(e, p);
	use_plain_query(p);
	p->t_sched = now;
	p->t_deadline = now + (uint64_t)p->res->spec.timeout_ms * 1000u;
	if (!launch(e, p, now))
		finish_at(e, p, PROBE_LOCAL_ERROR, EMFILE, now, false);
}

/* TC=1 over UDP: same query over TCP with a fresh budget (see probe.h). */
static void
fall_back_to_tcp(struct probe_engine *e, struct probe *p, uint64_t now)
{
	probe_fd_release(e, p);
	p->transport = PROBE_TCP;
	p->res->tcp_fallback = true;
	p->t_deadline = now + (uint64_t)p->res->spec.timeout_ms * 1000u;
	if (!launch(e, p, now))
		finish_at(e, p, PROBE_LOCAL_ERROR, EMFILE, now, false);
}

void
probe_take_message(struct probe_engine *e, struct probe *p,
    const uint8_t *wire, size_t len, const struct sockaddr *from,
    socklen_t fromlen, uint64_t now)
{
	ldns_pkt *pkt = NULL;
	enum probe_match m;

	m = probe_match_reply(&p->expect, wire, len, from, fromlen, &pkt);
	/* The answer to the last try, sent without EDNS. */
	if (m == PROBE_MATCH_WRONG_ID && p->plain_last_try &&
	    p->plain_query != NULL && p->sent >= p->res->spec.tries) {
		struct probe_expect plain = p->expect;

		plain.id = p->plain_id;
		/* Failing on another count than its ID, it is a stray
		 * for the plain query: say why. */
		m = probe_match_reply(&plain, wire, len, from, fromlen, &pkt);
		if (m == PROBE_MATCH_OK || m == PROBE_MATCH_MALFORMED)
			use_plain_query(p);
	}
	if (m == PROBE_MATCH_OK && rejects_edns(p, pkt)) {
		ldns_pkt_free(pkt);
		fall_back_to_plain(e, p, now);
		return;
	}
	if (m == PROBE_MATCH_OK && probe_should_retry_tcp(p->transport, wire,
	    len)) {
		ldns_pkt_free(pkt);
		fall_back_to_tcp(e, p, now);
		return;
	}
	if (m == PROBE_MATCH_OK && pkt == NULL)
		m = PROBE_MATCH_MALFORMED;	/* cut TC=1 answer over TCP */
	if (m != PROBE_MATCH_OK && m != PROBE_MATCH_MALFORMED) {
		p->res->ignored_why = m;
		p->res->ignored++;
		e->st.ignored++;
		return;
	}
	keep_wire(p->res, wire, len);
	p->res->pkt = pkt;
	if (m == PROBE_MATCH_OK)
		p->res->rtt_ms = now > p->t_sent ?
		    (double)(now - p->t_sent) / 1000.0 : 0.0;
	probe_finish(e, p, m == PROBE_MATCH_OK ? PROBE_ANSWER :
	    PROBE_MALFORMED, 0, now);
}

/* Deadline first: a retransmission due at the same moment is too late. */
void
probe_tick(struct probe_engine *e, struct probe *p, uint64_t now)
{
	if (now >= p->t_deadline) {
		probe_finish(e, p, PROBE_TIMEOUT, 0, now);
		return;
	}
	if (p->state == PROBE_ST_UDP && p->sent < p->res->spec.tries &&
	    now >= p->t_next)
		probe_net_udp_send(e, p, now);
}

void
probe_start_queued(struct probe_engine *e)
{
	struct probe *p;
	uint64_t now = probe_now_us();

	while (e->nactive < e->cap && (p = TAILQ_FIRST(&e->queued)) != NULL) {
		p->t_first = p->t_sched = now;
		p->t_deadline = now + (uint64_t)p->res->spec.timeout_ms * 1000u;
		if (!launch(e, p, now)) {
			e->fd_starved = true;
			break;
		}
	}
}

/* DNSTRIAGE_TRACE: one line per query (probe.h). */
static void
trace_line(struct probe_engine *e, const struct probe *p, const char *outcome)
{
	const struct probe_result *r = p->res;
	char *type;

	if (e->trace == NULL)
		return;
	type = ldns_rr_type2str(r->spec.type);
	fprintf(e->trace, "probe %lu %lu %u %llu %llu %llu %s %s %s %s %s %d\n",
	    p->trace_id, p->trace_cause, p->trace_depth,
	    (unsigned long long)p->t_submit, (unsigned long long)p->t_first,
	    (unsigned long long)p->t_end,
	    r->tcp_fallback ? "udp+tcp" :
	    r->spec.transport == PROBE_TCP ? "tcp" : "udp",
	    r->server[0] != '\0' ? r->server : "-",
	    r->spec.name != NULL ? r->spec.name : "-",
	    type != NULL ? type : "-", outcome, r->skipped_known_dead ? 1 : 0);
	fflush(e->trace);
	free(type);
}

/* Callbacks last, after the engine's own state is consistent; a callback
 * may submit (which may complete at once) or cancel. */
void
probe_deliver(struct probe_engine *e)
{
	struct probe *p;
	struct probe_result *res;
	probe_done_fn *done;
	void *user;
	/* Only what was ready when the round began: a callback whose new
	 * query ends at once (a server known dead) is delivered next round,
	 * after poll(), so a callback that retries cannot spin in here. */
	size_t budget = e->ndone;

	while (budget-- > 0 && (p = TAILQ_FIRST(&e->done)) != NULL) {
		TAILQ_REMOVE(&e->done, p, link);
		e->ndone--;
		res = p->res;
		done = p->done;
		user = p->user;
		if (e->trace != NULL) {
			trace_line(e, p, probe_outcome_code(res->outcome));
			e->cause_id = p->trace_id;
			e->cause_depth = p->trace_depth;
		}
		free(p->query);
		free(p->plain_query);
		free(p->tcp_out);
		free(p->tcp_in);
		free(p);
		e->st.completed++;
		if (done != NULL)
			done(res, user);
		else
			probe_result_free(res);
		e->cause_id = 0;
		e->cause_depth = 0;
		probe_start_queued(e);
	}
}

/* --- the engine --------------------------------------------------------- */

static void
trace_open(struct probe_engine *e)
{
	const char *path = getenv("DNSTRIAGE_TRACE");

	if (path != NULL && path[0] != '\0')
		e->trace = fopen(path, "ae");
}

struct probe_engine *
probe_engine_new(void)
{
	struct probe_engine *e;

	if ((e = calloc(1, sizeof(*e))) == NULL)
		return NULL;
	TAILQ_INIT(&e->queued);
	TAILQ_INIT(&e->active);
	TAILQ_INIT(&e->done);
	e->remember_dead = true;
	e->max_inflight = PROBE_DEFAULT_MAX_INFLIGHT;
	e->loopback_only = probe_loopback_only();
	e->gen = 1;
	fit_cap_to_rlimit(e);
	trace_open(e);
	return e;
}

static void
destroy(struct probe_engine *e, struct probe *p)
{
	struct probe_list *l;
	size_t *count;

	l = list_of(e, p, &count);
	TAILQ_REMOVE(l, p, link);
	(*count)--;
	probe_fd_release(e, p);
	probe_result_free(p->res);
	free(p->query);
	free(p->plain_query);
	free(p->tcp_out);
	free(p->tcp_in);
	free(p);
}

void
probe_engine_free(struct probe_engine *e)
{
	struct probe *p;

	if (e == NULL)
		return;
	/* destroy() unlinks p before it frees it; the analyzer does not
	 * follow TAILQ_REMOVE and sees the freed head read again. */
	while ((p = TAILQ_FIRST(&e->queued)) != NULL)
		destroy(e, p);	/* NOLINT(clang-analyzer-unix.Malloc) */
	while ((p = TAILQ_FIRST(&e->active)) != NULL)
		destroy(e, p);	/* NOLINT(clang-analyzer-unix.Malloc) */
	while ((p = TAILQ_FIRST(&e->done)) != NULL)
		destroy(e, p);	/* NOLINT(clang-analyzer-unix.Malloc) */
	if (e->trace != NULL)
		fclose(e->trace);
	free(e->by_fd);
	free(e->memo);
	free(e->run_fds);
	free(e);
}

void
probe_engine_set_max_inflight(struct probe_engine *e, size_t max)
{
	e->max_inflight = max == 0 ? 1 : max;
	fit_cap_to_rlimit(e);
	if (!e->in_handle)
		probe_start_queued(e);
}

void
probe_engine_set_remember_dead(struct probe_engine *e, bool on)
{
	e->remember_dead = on;
}

static struct probe *
new_probe(const struct probe_spec *spec, probe_done_fn *done, void *user)
{
	struct probe *p;
	uint16_t id = random_id();

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->fd = -1;
	p->done = done;
	p->user = user;
	p->transport = spec->transport;
	if ((p->res = new_result(spec, id)) == NULL ||
	    !probe_build_query(&p->res->spec, id, &p->query, &p->query_len)) {
		probe_result_free(p->res);
		free(p);
		return NULL;
	}
	p->expect.server = (const struct sockaddr *)&p->res->spec.server;
	p->expect.server_len = p->res->spec.server_len;
	p->expect.id = id;
	p->expect.qname = p->res->spec.qname;
	p->expect.type = p->res->spec.type;
	p->expect.rr_class = p->res->spec.rr_class;
	/* A firewall that drops EDNS queries to an authoritative server
	 * still lets the last try through (probe.h). */
	if (!spec->rd && spec->transport == PROBE_UDP &&
	    p->res->spec.tries >= 2 && spec->edns_bufsize > 0) {
		if (!build_plain_query(p)) {
			probe_result_free(p->res);
			free(p->query);
			free(p);
			return NULL;
		}
		p->plain_last_try = true;
	}
	return p;
}

struct probe *
probe_submit(struct probe_engine *e, const struct probe_spec *spec,
    probe_done_fn *done, void *user)
{
	struct probe *p;
	ldns_rdf *check;

	if (e == NULL || spec == NULL || !probe_spec_valid(spec) ||
	    (check = probe_spec_dname(spec)) == NULL) {
		errno = EINVAL;
		return NULL;
	}
	ldns_rdf_deep_free(check);
	if ((p = new_probe(spec, done, user)) == NULL) {
		if (errno != EINVAL)
			errno = ENOMEM;
		return NULL;
	}
	p->trace_id = ++e->trace_seq;
	p->trace_cause = e->cause_id;
	p->trace_depth = e->cause_depth + 1;
	p->t_submit = e->trace != NULL ? probe_now_us() : 0;
	p->state = PROBE_ST_QUEUED;
	TAILQ_INSERT_TAIL(&e->queued, p, link);
	e->nqueued++;
	e->st.submitted++;
	probe_start_queued(e);
	return p;
}

void
probe_cancel(struct probe_engine *e, struct probe *p)
{
	if (e != NULL && p != NULL) {
		if (e->trace != NULL) {
			p->t_end = probe_now_us();
			trace_line(e, p, "cancelled");
		}
		destroy(e, p);
	}
}

size_t
probe_engine_pending(const struct probe_engine *e)
{
	return e->nqueued + e->nactive + e->ndone;
}

void
probe_engine_stats(const struct probe_engine *e, struct probe_engine_stats *st)
{
	*st = e->st;
	st->inflight = e->nactive;
	st->queued = e->nqueued;
}
