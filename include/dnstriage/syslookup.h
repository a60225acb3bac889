/* syslookup.h - what applications really get: glibc's getaddrinfo() for
 * the name, run asynchronously (getaddrinfo_a()) so the event loop never
 * blocks on it. The scope step compares it with what it worked out from
 * the files. It is only meaningful with the system's own files (with a
 * lab's or a test's files getaddrinfo() would read other ones), and it is
 * never run when the test guard DNSTRIAGE_LOOPBACK_ONLY is set: glibc's
 * own queries are not the probe engine's to restrict. */
#ifndef DNSTRIAGE_SYSLOOKUP_H
#define DNSTRIAGE_SYSLOOKUP_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SYSLOOKUP_MAX_ADDRS 16

struct syslookup_result {
	bool finished;		/* getaddrinfo() returned before the deadline */
	int error;		/* 0, or its EAI_* code */
	char addrs[SYSLOOKUP_MAX_ADDRS][INET6_ADDRSTRLEN];
	size_t naddrs;		/* distinct addresses, in glibc's order */
	double elapsed_ms;	/* until it returned, or until the deadline */
};

struct syslookup;

/* Start getaddrinfo(name, AF_UNSPEC, SOCK_STREAM) in the background, with
 * a deadline. NULL when this system has no getaddrinfo_a() or the request
 * could not be started (errno says why). */
struct syslookup *syslookup_start(const char *name, unsigned deadline_ms);
/* Look whether it ended (or the deadline passed): true once the result is
 * final. Cheap, never blocks. */
bool syslookup_check(struct syslookup *s);
/* For poll(): how soon to look again, -1 once final. */
int syslookup_timeout_ms(const struct syslookup *s);
const struct syslookup_result *syslookup_result(const struct syslookup *s);
/* Cancel if still running. A request glibc cannot cancel any more is
 * left to its thread, which still writes into it: that memory is
 * deliberately not freed. */
void syslookup_free(struct syslookup *s);

/* "EAI_NONAME" for people who know getaddrinfo(); "EAI_?" if unknown. */
const char *syslookup_error_name(int error);

#endif
