/* syslookup.c - glibc's getaddrinfo() for the name, asynchronously. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "dnstriage/probe.h"
#include "dnstriage/syslookup.h"
#include "dnstriage/textfmt.h"

/* How often a running lookup is looked at: glibc offers no descriptor to
 * poll, and a few wake-ups are cheaper than a thread of our own. */
#define SYSLOOKUP_TICK_MS 10

struct syslookup {
#ifdef HAVE_GETADDRINFO_A
	struct gaicb req;
	struct addrinfo hints;
#endif
	char *name;
	uint64_t started_us, deadline_us;
	struct syslookup_result result;
	bool final;
};

#ifdef HAVE_GETADDRINFO_A
static void
take_addresses(struct syslookup *s)
{
	const struct addrinfo *ai;

	for (ai = s->req.ar_result; ai != NULL &&
	    s->result.naddrs < SYSLOOKUP_MAX_ADDRS; ai = ai->ai_next) {
		char buf[INET6_ADDRSTRLEN];
		const void *a;
		size_t i;

		if (ai->ai_family == AF_INET)
			a = &((const struct sockaddr_in *)ai->ai_addr)->sin_addr;
		else if (ai->ai_family == AF_INET6)
			a = &((const struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
		else
			continue;
		if (inet_ntop(ai->ai_family, a, buf, sizeof(buf)) == NULL)
			continue;
		for (i = 0; i < s->result.naddrs; i++)
			if (strcmp(s->result.addrs[i], buf) == 0)
				break;
		if (i == s->result.naddrs)
			snprintf(s->result.addrs[s->result.naddrs++],
			    sizeof(s->result.addrs[0]), "%s", buf);
	}
}
#endif

struct syslookup *
syslookup_start(const char *name, unsigned deadline_ms)
{
#ifdef HAVE_GETADDRINFO_A
	struct syslookup *s = xcalloc(1, sizeof(*s));
	struct gaicb *list[1];
	struct sigevent ev;
	int rc;

	s->name = xstrdup(name);
	s->hints.ai_family = AF_UNSPEC;
	s->hints.ai_socktype = SOCK_STREAM;
	s->hints.ai_flags = AI_ADDRCONFIG;
	s->req.ar_name = s->name;
	s->req.ar_request = &s->hints;
	list[0] = &s->req;
	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_NONE;
	s->started_us = probe_now_us();
	s->deadline_us = s->started_us + (uint64_t)deadline_ms * 1000u;
	if ((rc = getaddrinfo_a(GAI_NOWAIT, list, 1, &ev)) != 0) {
		free(s->name);
		free(s);
		errno = rc == EAI_MEMORY ? ENOMEM : EAGAIN;
		return NULL;
	}
	return s;
#else
	(void)name;
	(void)deadline_ms;
	errno = ENOSYS;
	return NULL;
#endif
}

bool
syslookup_check(struct syslookup *s)
{
#ifdef HAVE_GETADDRINFO_A
	uint64_t now;
	int rc;

	if (s->final)
		return true;
	now = probe_now_us();
	rc = gai_error(&s->req);
	if (rc == EAI_INPROGRESS && now < s->deadline_us)
		return false;
	s->final = true;
	s->result.elapsed_ms = (double)(now - s->started_us) / 1000.0;
	if (rc == EAI_INPROGRESS)
		return true;	/* still waiting: applications wait longer */
	s->result.finished = true;
	s->result.error = rc;
	if (rc == 0)
		take_addresses(s);
	return true;
#else
	(void)s;
	return true;
#endif
}

int
syslookup_timeout_ms(const struct syslookup *s)
{
	return s == NULL || s->final ? -1 : SYSLOOKUP_TICK_MS;
}

const struct syslookup_result *
syslookup_result(const struct syslookup *s)
{
	return s != NULL && s->final ? &s->result : NULL;
}

void
syslookup_free(struct syslookup *s)
{
	if (s == NULL)
		return;
#ifdef HAVE_GETADDRINFO_A
	if (gai_error(&s->req) == EAI_INPROGRESS &&
	    gai_cancel(&s->req) != EAI_CANCELED)
		return;		/* its thread owns it now: see syslookup.h */
	if (s->req.ar_result != NULL)
		freeaddrinfo(s->req.ar_result);
#endif
	free(s->name);
	free(s);
}

const char *
syslookup_error_name(int error)
{
	static const struct {
		int code;
		const char *name;
	} names[] = {
		{ EAI_AGAIN, "EAI_AGAIN" }, { EAI_FAIL, "EAI_FAIL" },
		{ EAI_NONAME, "EAI_NONAME" }, { EAI_MEMORY, "EAI_MEMORY" },
		{ EAI_SYSTEM, "EAI_SYSTEM" }, { EAI_FAMILY, "EAI_FAMILY" },
		{ EAI_SERVICE, "EAI_SERVICE" }, { EAI_BADFLAGS, "EAI_BADFLAGS" },
#ifdef EAI_NODATA
		{ EAI_NODATA, "EAI_NODATA" },
#endif
#ifdef EAI_ADDRFAMILY
		{ EAI_ADDRFAMILY, "EAI_ADDRFAMILY" },
#endif
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].code == error)
			return names[i].name;
	return "EAI_?";
}
