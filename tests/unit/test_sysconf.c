/* test_sysconf.c - resolv.conf, nsswitch.conf and hosts as glibc 2.36 reads
 * them (each odd fixture was checked against glibc's res_init() and
 * getent in a private mount namespace), stub detection, failover figures. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>
#include <unistd.h>

#include "dnstriage/sysconf.h"

#define FX(f) FIXTURES "/sysconf/" f

static struct sysconf_resolv rc;
static struct sysconf_nsswitch nss;

/* --- helpers ---------------------------------------------------------------- */

static size_t
count_diag(const struct sysconf_diags *dg, enum sysconf_diag_code code,
    unsigned line)
{
	size_t i, n = 0;

	for (i = 0; i < dg->n; i++)
		if (dg->d[i].code == code && dg->d[i].line == line)
			n++;
	return n;
}

static const struct sysconf_diag *
find_diag(const struct sysconf_diags *dg, enum sysconf_diag_code code,
    unsigned line)
{
	size_t i;

	for (i = 0; i < dg->n; i++)
		if (dg->d[i].code == code && dg->d[i].line == line)
			return &dg->d[i];
	return NULL;
}

static bool
has_diag(const struct sysconf_diags *dg, enum sysconf_diag_code code,
    unsigned line)
{
	return find_diag(dg, code, line) != NULL;
}

/* The remark as shown (translated now); valid until the next call. */
static const char *
diag_text(const struct sysconf_diag *d)
{
	static char *text;

	free(text);
	text = sysconf_diag_message(d);
	return text;
}

/* File bytes reach a terminal through the messages. */
static void
assert_printable(const struct sysconf_diags *dg)
{
	size_t i;
	const char *p;

	for (i = 0; i < dg->n; i++)
		for (p = diag_text(&dg->d[i]); *p != '\0'; p++)
			assert_true(*p >= 0x20 && *p < 0x7f);
}

static struct sockaddr_storage
addr(const char *text)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;

	memset(&ss, 0, sizeof(ss));
	if (inet_pton(AF_INET, text, &sin->sin_addr) == 1)
		ss.ss_family = AF_INET;
	else if (inet_pton(AF_INET6, text, &sin6->sin6_addr) == 1)
		ss.ss_family = AF_INET6;
	return ss;
}

static enum sysconf_stub
stub_of(const char *text)
{
	struct sockaddr_storage ss = addr(text);

	return sysconf_stub_kind((const struct sockaddr *)&ss);
}

static uint32_t
scope_of(const struct sysconf_nameserver *ns)
{
	struct sockaddr_in6 sin6;

	memcpy(&sin6, &ns->addr, sizeof(sin6));
	return sin6.sin6_scope_id;
}

/* A temporary file of size bytes (sparse beyond head). */
static void
make_temp(char *path, const char *head, off_t size)
{
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, head, strlen(head)), (ssize_t)strlen(head));
	if (size > 0)
		assert_int_equal(ftruncate(fd, size), 0);
	close(fd);
}

/* --- resolv.conf ------------------------------------------------------------ */

static void
test_resolv_good_v4_v6_search_options(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("good.resolv.conf"), &rc), 0);
	assert_int_equal(rc.nns, 3);
	assert_int_equal(rc.nused, 3);
	assert_string_equal(rc.ns[0].text, "127.0.0.53#53");
	assert_int_equal(rc.ns[0].line, 3);
	assert_string_equal(rc.ns[1].text, "2001:db8::53#53");
	assert_int_equal(rc.ns[1].addr.ss_family, AF_INET6);
	assert_int_equal(rc.ns[1].addrlen, sizeof(struct sockaddr_in6));
	assert_int_equal(ntohs(((struct sockaddr_in6 *)&rc.ns[1].addr)->sin6_port), 53);
	assert_string_equal(rc.ns[2].text, "127.0.0.10#53");
	assert_true(rc.ns[0].used && rc.ns[1].used && rc.ns[2].used);
	assert_int_equal(rc.nsearch, 2);
	assert_string_equal(rc.search[0], "corp.example.test");
	assert_string_equal(rc.search[1], "example.test");
	assert_int_equal(rc.search_line, 2);
	assert_int_equal(rc.timeout_s, 2);
	assert_int_equal(rc.attempts, 3);
	assert_int_equal(rc.ndots, 2);
	assert_true(rc.rotate);
	assert_true(rc.edns0);
	assert_false(rc.use_vc);
	assert_int_equal(rc.diags.n, 0);
}

static void
test_resolv_defaults_without_options(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("bad-address.resolv.conf"),
	    &rc), 0);
	assert_int_equal(rc.timeout_s, 5);
	assert_int_equal(rc.attempts, 2);
	assert_int_equal(rc.ndots, 1);
	assert_false(rc.rotate);
	assert_int_equal(rc.nsearch, 0);
}

static void
test_resolv_comments_tabs_and_last_search_wins(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("layout.resolv.conf"), &rc), 0);
	assert_int_equal(rc.nns, 2);
	assert_string_equal(rc.ns[0].text, "192.0.2.10#53");
	assert_int_equal(rc.ns[0].line, 3);
	assert_string_equal(rc.ns[1].text, "192.0.2.11#53");
	/* domain on line 5, search on line 6: the last one wins */
	assert_int_equal(rc.nsearch, 2);
	assert_string_equal(rc.search[0], "second.test");
	assert_string_equal(rc.search[1], "third.test");
	assert_int_equal(rc.search_line, 6);
	assert_true(has_diag(&rc.diags, SYSCONF_D_REPLACED, 6));
	/* options repeated: the last value wins */
	assert_int_equal(rc.timeout_s, 3);
	assert_true(has_diag(&rc.diags, SYSCONF_D_REPLACED, 8));
	/* indented and upper-case keywords are ignored by glibc */
	assert_true(has_diag(&rc.diags, SYSCONF_D_IGNORED_LINE, 9));
	assert_true(has_diag(&rc.diags, SYSCONF_D_IGNORED_LINE, 10));
	assert_true(has_diag(&rc.diags, SYSCONF_D_UNKNOWN_KEYWORD, 11));
	/* comments and sortlist need no remark */
	assert_int_equal(rc.diags.n, 5);
}

static void
test_resolv_options_clamped_like_glibc(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("clamp.resolv.conf"), &rc), 0);
	assert_int_equal(rc.timeout_s, 30);
	assert_int_equal(rc.attempts, 5);
	assert_int_equal(rc.ndots, 15);
	assert_int_equal(count_diag(&rc.diags, SYSCONF_D_OPTION_VALUE, 2), 3);
	/* Numbers are arguments of the remark, filled in when it is shown. */
	assert_string_equal(diag_text(find_diag(&rc.diags,
	    SYSCONF_D_OPTION_VALUE, 2)),
	    "timeout:99 is above glibc's maximum: glibc uses 30");
}

static void
test_resolv_zero_attempts_sends_nothing(void **state)
{
	const struct sysconf_diag *d;

	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("no-attempts.resolv.conf"),
	    &rc), 0);
	assert_int_equal(rc.timeout_s, 0);
	assert_int_equal(rc.attempts, 0);
	d = find_diag(&rc.diags, SYSCONF_D_NO_QUERIES, 2);
	assert_non_null(d);
	assert_int_equal(d->sev, SYSCONF_ERROR);
	assert_true(has_diag(&rc.diags, SYSCONF_D_OPTION_VALUE, 2));
}

static void
test_resolv_option_numbers_read_like_atoi(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("odd-number.resolv.conf"),
	    &rc), 0);
	assert_int_equal(rc.timeout_s, 4);		/* "4s" */
	assert_true(has_diag(&rc.diags, SYSCONF_D_OPTION_VALUE, 2));
	assert_int_equal(rc.ndots, 14);			/* -2 in a 4-bit field */
	assert_int_equal(rc.attempts, 1);		/* -1, then 1 on line 3 */
	assert_true(has_diag(&rc.diags, SYSCONF_D_REPLACED, 3));
	assert_false(has_diag(&rc.diags, SYSCONF_D_NO_QUERIES, 3));
}

static void
test_resolv_ipv6_scope(void **state)
{
	unsigned lo = if_nametoindex("lo");

	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("scope.resolv.conf"), &rc), 0);
	assert_int_equal(rc.nns, 4);
	assert_string_equal(rc.ns[1].text, "fe80::2%2#53");
	assert_int_equal(scope_of(&rc.ns[1]), 2);
	/* an unknown interface: glibc sends without a scope */
	assert_string_equal(rc.ns[2].text, "fe80::3#53");
	assert_int_equal(scope_of(&rc.ns[2]), 0);
	assert_true(has_diag(&rc.diags, SYSCONF_D_BAD_SCOPE, 3));
	/* link-local without a scope cannot be reached */
	assert_true(has_diag(&rc.diags, SYSCONF_D_BAD_SCOPE, 4));
	assert_false(rc.ns[3].used);
	if (lo == 0)
		skip();
	assert_string_equal(rc.ns[0].text, "fe80::1%lo#53");
	assert_int_equal(scope_of(&rc.ns[0]), lo);
}

static void
test_resolv_more_than_three_nameservers(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("many.resolv.conf"), &rc), 0);
	/* one slot stays free for glibc's default */
	assert_int_equal(rc.nns, SYSCONF_MAX_NAMESERVERS - 1);
	assert_int_equal(rc.nused, 3);
	assert_true(rc.ns[2].used);
	assert_false(rc.ns[3].used);
	assert_string_equal(rc.ns[30].text, "192.0.2.31#53");
	assert_int_equal(count_diag(&rc.diags, SYSCONF_D_BEYOND_MAXNS, 4), 1);
	assert_int_equal(rc.diags.n, 2);
	assert_true(has_diag(&rc.diags, SYSCONF_D_TOO_MANY, 32));
}

static void
test_resolv_without_nameserver_uses_loopback(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("no-nameserver.resolv.conf"),
	    &rc), 0);
	assert_int_equal(rc.nns, 1);
	assert_string_equal(rc.ns[0].text, "127.0.0.1#53");
	assert_int_equal(rc.ns[0].line, 0);
	assert_true(rc.ns[0].used);
	assert_int_equal(rc.ns[0].stub, SYSCONF_STUB_LOCAL);
	assert_true(has_diag(&rc.diags, SYSCONF_D_DEFAULT_NAMESERVER, 0));
	assert_string_equal(rc.search[0], "example.test");
}

static void
test_resolv_crlf_nameservers_ignored(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("crlf.resolv.conf"), &rc), 0);
	/* glibc rejects "192.0.2.1\r" and falls back to 127.0.0.1 */
	assert_int_equal(rc.nns, 3);
	assert_string_equal(rc.ns[0].text, "192.0.2.1#53");
	assert_false(rc.ns[0].used);
	assert_false(rc.ns[1].used);
	assert_string_equal(rc.ns[2].text, "127.0.0.1#53");
	assert_true(rc.ns[2].used);
	assert_int_equal(rc.nused, 1);
	assert_true(has_diag(&rc.diags, SYSCONF_D_CRLF, 1));
	assert_true(has_diag(&rc.diags, SYSCONF_D_CRLF, 2));
	assert_true(has_diag(&rc.diags, SYSCONF_D_CRLF, 3));
	assert_string_equal(rc.search[1], "b.test");
	assert_int_equal(rc.timeout_s, 3);
	assert_true(rc.rotate);
}

static void
test_resolv_crlf_with_scope_is_accepted(void **state)
{
	(void)state;
	/* odd.resolv.conf: CRLF, indented line, scope, odd options */
	assert_int_equal(sysconf_load_resolv_conf(FX("odd.resolv.conf"), &rc), 0);
	/* "fe80::1%1\r": the CR spoils only the scope, glibc keeps the server */
	assert_int_equal(rc.nused, 1);
	assert_string_equal(rc.ns[0].text, "fe80::1#53");
	assert_true(rc.ns[0].used);
	assert_int_equal(rc.ns[0].line, 5);
	assert_int_equal(scope_of(&rc.ns[0]), 0);
	assert_true(has_diag(&rc.diags, SYSCONF_D_CRLF, 5));
	assert_true(has_diag(&rc.diags, SYSCONF_D_IGNORED_LINE, 4));
	assert_true(has_diag(&rc.diags, SYSCONF_D_CRLF, 7));
	assert_false(rc.ns[rc.nns - 1].used);
	assert_int_equal(rc.timeout_s, 0);
	assert_int_equal(rc.attempts, 5);
	assert_int_equal(rc.ndots, 0);			/* atoi("x") */
	assert_string_equal(rc.search[0], "second.test");
	assert_true(has_diag(&rc.diags, SYSCONF_D_UNKNOWN_KEYWORD, 10));
}

static void
test_resolv_bad_addresses_named_by_line(void **state)
{
	const struct sysconf_diag *d;

	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("bad-address.resolv.conf"),
	    &rc), 0);
	d = find_diag(&rc.diags, SYSCONF_D_BAD_ADDRESS, 2);
	assert_non_null(d);
	assert_string_equal(d->file, FX("bad-address.resolv.conf"));
	assert_non_null(strstr(diag_text(d), "192.0.2.300"));
	assert_true(has_diag(&rc.diags, SYSCONF_D_BAD_ADDRESS, 3));	/* #5353 */
	assert_true(has_diag(&rc.diags, SYSCONF_D_MISSING_VALUE, 5));
	/* inet_aton forms glibc accepts: 127.1 and octal 010.0.0.1 */
	assert_true(has_diag(&rc.diags, SYSCONF_D_ODD_ADDRESS, 4));
	assert_true(has_diag(&rc.diags, SYSCONF_D_ODD_ADDRESS, 6));
	assert_int_equal(rc.nns, 3);
	assert_string_equal(rc.ns[1].text, "127.0.0.1#53");
	assert_string_equal(rc.ns[2].text, "8.0.0.1#53");
}

static void
test_resolv_broken_lines_fall_back_to_default(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("broken.resolv.conf"), &rc), 0);
	assert_true(has_diag(&rc.diags, SYSCONF_D_BAD_ADDRESS, 1));
	assert_true(has_diag(&rc.diags, SYSCONF_D_BAD_ADDRESS, 2));
	assert_true(has_diag(&rc.diags, SYSCONF_D_MISSING_VALUE, 3));
	assert_true(has_diag(&rc.diags, SYSCONF_D_OPTION_VALUE, 4));
	assert_int_equal(rc.timeout_s, 0);		/* atoi("") */
	assert_int_equal(rc.nns, 1);
	assert_string_equal(rc.ns[0].text, "127.0.0.1#53");
}

static void
test_resolv_binary_garbage(void **state)
{
	const struct sysconf_diag *d;

	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("nul.resolv.conf"), &rc), 0);
	/* a NUL ends the line for glibc: "192.0.2.2\0 junk" is fine */
	assert_int_equal(rc.nns, 2);
	assert_string_equal(rc.ns[1].text, "192.0.2.2#53");
	assert_int_equal(count_diag(&rc.diags, SYSCONF_D_BINARY, 2), 1);
	d = find_diag(&rc.diags, SYSCONF_D_UNKNOWN_KEYWORD, 4);
	assert_non_null(d);
	assert_non_null(strstr(diag_text(d), "?[31mred?"));
	assert_printable(&rc.diags);
	assert_string_equal(rc.search[0], "ok.test");

	assert_int_equal(sysconf_load_resolv_conf(FX("binary.resolv.conf"), &rc), 0);
	assert_int_equal(rc.nused, 1);
	assert_int_equal(rc.ns[0].line, 1);
	assert_true(has_diag(&rc.diags, SYSCONF_D_BINARY, 2));
	assert_printable(&rc.diags);
}

/* Garbage on every line fills the diagnostics; that the file is binary
 * still gets said. */
static void
test_resolv_binary_after_many_remarks(void **state)
{
	char path[] = "/tmp/test_sysconf.XXXXXX";
	char text[4096] = "";
	size_t i;

	(void)state;
	for (i = 0; i < 2 * SYSCONF_MAX_DIAGS; i++)
		strcat(text, "garbage\n");
	strcat(text, "x\001y\n");
	make_temp(path, text, 0);
	assert_int_equal(sysconf_load_resolv_conf(path, &rc), 0);
	unlink(path);
	assert_int_equal(rc.diags.n, SYSCONF_MAX_DIAGS);
	assert_true(rc.diags.dropped > 0);
	assert_true(has_diag(&rc.diags, SYSCONF_D_BINARY,
	    2 * SYSCONF_MAX_DIAGS + 1));
}

static void
test_resolv_missing_file(void **state)
{
	const char *path = FX("no-such.resolv.conf");

	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(path, &rc), -1);
	assert_int_equal(rc.diags.d[0].code, SYSCONF_D_UNREADABLE);
	assert_int_equal(rc.diags.d[0].sev, SYSCONF_ERROR);
	assert_int_equal(rc.diags.d[0].line, 0);
	assert_string_equal(rc.diags.d[0].file, path);
	assert_non_null(strstr(diag_text(&rc.diags.d[0]), strerror(ENOENT)));
	/* what glibc uses without the file */
	assert_int_equal(rc.nns, 1);
	assert_string_equal(rc.ns[0].text, "127.0.0.1#53");
	assert_int_equal(rc.timeout_s, 5);
}

static void
test_resolv_directory_is_unreadable(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FIXTURES, &rc), -1);
	assert_true(has_diag(&rc.diags, SYSCONF_D_UNREADABLE, 0));
	assert_non_null(strstr(diag_text(&rc.diags.d[0]), strerror(EISDIR)));
}

static void
test_resolv_overlong_line_skipped(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("overlong.resolv.conf"), &rc), 0);
	assert_true(has_diag(&rc.diags, SYSCONF_D_LINE_TOO_LONG, 2));
	/* a 9000-byte search domain makes glibc 2.36 abort */
	assert_true(has_diag(&rc.diags, SYSCONF_D_GLIBC_ABORT, 2));
	assert_int_equal(rc.nns, 2);
	assert_int_equal(rc.ns[1].line, 3);
	assert_int_equal(rc.nsearch, 0);
}

static void
test_resolv_search_that_aborts_glibc(void **state)
{
	const struct sysconf_diag *d;

	(void)state;
	/* "a.test" then a valid 250-byte name: over 256 bytes in all */
	assert_int_equal(sysconf_load_resolv_conf(FX("glibc-abort.resolv.conf"),
	    &rc), 0);
	d = find_diag(&rc.diags, SYSCONF_D_GLIBC_ABORT, 2);
	assert_non_null(d);
	assert_int_equal(d->sev, SYSCONF_ERROR);
	assert_int_equal(rc.nsearch, 2);
	assert_false(has_diag(&rc.diags, SYSCONF_D_BAD_NAME, 2));
	assert_int_equal(sysconf_load_resolv_conf(FX("good.resolv.conf"), &rc), 0);
	assert_false(has_diag(&rc.diags, SYSCONF_D_GLIBC_ABORT, 2));
}

static void
test_resolv_hash_in_search_is_a_domain(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("comment-in-search.resolv.conf"),
	    &rc), 0);
	assert_int_equal(rc.nsearch, 4);
	assert_string_equal(rc.search[2], "#");
	assert_string_equal(rc.search[3], "c.test");
	assert_true(has_diag(&rc.diags, SYSCONF_D_NOT_A_COMMENT, 1));
}

static void
test_resolv_huge_file_read_bounded(void **state)
{
	char path[] = "/tmp/dnstriage-sysconf-XXXXXX";

	(void)state;
	/* 1 GiB, sparse: NUL bytes after the first line */
	make_temp(path, "nameserver 192.0.2.7\n", (off_t)1 << 30);
	assert_int_equal(sysconf_load_resolv_conf(path, &rc), 0);
	unlink(path);
	assert_int_equal(rc.nns, 1);
	assert_string_equal(rc.ns[0].text, "192.0.2.7#53");
	assert_true(has_diag(&rc.diags, SYSCONF_D_TRUNCATED, 1));
	assert_true(has_diag(&rc.diags, SYSCONF_D_BINARY, 2));
}

static void
test_diag_code_names(void **state)
{
	(void)state;
	assert_string_equal(sysconf_diag_code_name(SYSCONF_D_CRLF), "crlf");
	assert_string_equal(sysconf_diag_code_name(SYSCONF_D_NO_NAME), "no-name");
	assert_string_equal(sysconf_diag_code_name((enum sysconf_diag_code)999),
	    "unknown");
}

/* --- nsswitch.conf ---------------------------------------------------------- */

static void
test_nss_debian_mdns_criteria(void **state)
{
	struct sysconf_nss_source *s;

	(void)state;
	assert_int_equal(sysconf_load_nsswitch_hosts(FX("nsswitch.debian"), &nss), 0);
	assert_false(nss.broken);
	assert_int_equal(nss.line, 10);
	assert_int_equal(nss.nsrc, 4);
	assert_string_equal(nss.src[0].name, "files");
	assert_string_equal(nss.src[0].criteria, "");
	s = &nss.src[1];
	assert_string_equal(s->name, "mdns4_minimal");
	assert_string_equal(s->criteria, "[NOTFOUND=return]");
	assert_int_equal(s->on[SYSCONF_NSS_NOTFOUND], SYSCONF_NSS_RETURN);
	assert_int_equal(s->on[SYSCONF_NSS_UNAVAIL], SYSCONF_NSS_CONTINUE);
	assert_int_equal(s->on[SYSCONF_NSS_SUCCESS], SYSCONF_NSS_RETURN);
	assert_int_equal(sysconf_nss_find(&nss, "dns"), 2);
	assert_int_equal(sysconf_nss_find(&nss, "myhostname"), 3);
	/* sudoers is not glibc's: no remark */
	assert_int_equal(nss.diags.n, 0);
}

static void
test_nss_resolve_unless_unavailable(void **state)
{
	struct sysconf_nss_source *s;

	(void)state;
	assert_int_equal(sysconf_load_nsswitch_hosts(FX("nsswitch.resolve"), &nss), 0);
	assert_int_equal(nss.line, 3);
	assert_int_equal(nss.nsrc, 5);
	s = &nss.src[1];
	assert_string_equal(s->name, "resolve");
	assert_string_equal(s->criteria, "[!UNAVAIL=return]");
	/* "!UNAVAIL=return": every status but UNAVAIL returns */
	assert_int_equal(s->on[SYSCONF_NSS_UNAVAIL], SYSCONF_NSS_CONTINUE);
	assert_int_equal(s->on[SYSCONF_NSS_NOTFOUND], SYSCONF_NSS_RETURN);
	assert_int_equal(s->on[SYSCONF_NSS_TRYAGAIN], SYSCONF_NSS_RETURN);
	assert_int_equal(sysconf_nss_find(&nss, "files"), 2);
	assert_int_equal(sysconf_nss_find(&nss, "dns"), 4);
	assert_int_equal(sysconf_nss_find(&nss, "mdns4"), -1);
}

static void
test_nss_without_hosts_line_defaults(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_nsswitch_hosts(FX("nsswitch.nohosts"), &nss), 0);
	assert_int_equal(nss.line, 0);
	assert_int_equal(nss.nsrc, 2);
	assert_int_equal(sysconf_nss_find(&nss, "files"), 0);
	assert_int_equal(sysconf_nss_find(&nss, "dns"), 1);
	assert_true(has_diag(&nss.diags, SYSCONF_D_NSS_DEFAULT, 0));
}

static void
test_nss_missing_file_defaults(void **state)
{
	const char *path = FX("nsswitch.no-such");

	(void)state;
	assert_int_equal(sysconf_load_nsswitch_hosts(path, &nss), -1);
	assert_int_equal(nss.diags.d[0].code, SYSCONF_D_UNREADABLE);
	/* glibc treats a missing nsswitch.conf as normal */
	assert_int_equal(nss.diags.d[0].sev, SYSCONF_INFO);
	assert_string_equal(nss.diags.d[0].file, path);
	assert_non_null(strstr(diag_text(&nss.diags.d[0]), strerror(ENOENT)));
	assert_false(nss.broken);
	assert_int_equal(sysconf_nss_find(&nss, "dns"), 1);
}

static void
test_nss_hash_after_sources_is_not_a_comment(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_nsswitch_hosts(FX("nsswitch.comments"), &nss), 0);
	assert_int_equal(nss.line, 3);
	assert_int_equal(nss.nsrc, 4);
	assert_string_equal(nss.src[2].name, "#");
	assert_string_equal(nss.src[3].name, "mdns");
	assert_true(has_diag(&nss.diags, SYSCONF_D_NOT_A_COMMENT, 3));
	assert_int_equal(nss.diags.n, 1);
}

static void
test_nss_syntax_error_breaks_hosts(void **state)
{
	const struct sysconf_diag *d;

	(void)state;
	assert_int_equal(sysconf_load_nsswitch_hosts(FX("nsswitch.syntax-error"),
	    &nss), 0);
	assert_true(nss.broken);
	d = find_diag(&nss.diags, SYSCONF_D_NSS_SYNTAX, 1);
	assert_non_null(d);
	assert_int_equal(d->sev, SYSCONF_ERROR);
	assert_non_null(strstr(diag_text(d), "bogus"));
	/* glibc stopped reading before the hosts line */
	assert_int_equal(nss.line, 0);
	assert_false(has_diag(&nss.diags, SYSCONF_D_NSS_DEFAULT, 0));
}

static void
test_nss_last_line_without_newline_ignored(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_nsswitch_hosts(FX("nsswitch.no-newline"),
	    &nss), 0);
	assert_true(has_diag(&nss.diags, SYSCONF_D_NSS_NO_NEWLINE, 2));
	assert_int_equal(nss.line, 0);
	assert_string_equal(nss.src[0].name, "files");
}

static void
test_nss_empty_hosts_line_breaks_hosts(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_nsswitch_hosts(FX("nsswitch.empty-hosts"),
	    &nss), 0);
	assert_true(nss.broken);
	assert_int_equal(nss.nsrc, 0);
	assert_true(has_diag(&nss.diags, SYSCONF_D_NSS_EMPTY, 1));
}

static void
test_nss_last_hosts_line_wins(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_nsswitch_hosts(FX("nsswitch.twice"), &nss), 0);
	assert_int_equal(nss.line, 2);
	assert_int_equal(nss.nsrc, 1);
	assert_string_equal(nss.src[0].name, "files");
	assert_true(has_diag(&nss.diags, SYSCONF_D_REPLACED, 2));
}

static void
test_nss_upper_case_database_ignored(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_nsswitch_hosts(FX("nsswitch.uppercase"),
	    &nss), 0);
	assert_true(has_diag(&nss.diags, SYSCONF_D_IGNORED_LINE, 1));
	assert_int_equal(nss.line, 0);
}

static void
test_nss_spaces_case_and_crlf_in_criteria(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_nsswitch_hosts(FX("nsswitch.spaces"), &nss), 0);
	assert_false(nss.broken);
	assert_int_equal(nss.line, 1);
	assert_int_equal(nss.nsrc, 2);
	assert_int_equal(nss.src[0].on[SYSCONF_NSS_NOTFOUND], SYSCONF_NSS_RETURN);
	assert_string_equal(nss.src[1].name, "dns");
	assert_int_equal(nss.diags.n, 0);
}

/* --- hosts ------------------------------------------------------------------- */

static void
test_hosts_names_aliases_and_order(void **state)
{
	struct sysconf_hosts h;
	const struct sysconf_hosts_entry *e[8];
	char text[INET6_ADDRSTRLEN];

	(void)state;
	assert_int_equal(sysconf_load_hosts(FX("hosts.good"), NULL, &h), 0);
	assert_int_equal(sysconf_hosts_lookup(&h, "localhost", e, 8), 2);
	assert_int_equal(e[0]->family, AF_INET);
	assert_int_equal(e[1]->family, AF_INET6);
	assert_int_equal(sysconf_hosts_lookup(&h, "ip6-loopback", e, 8), 1);
	assert_true(e[0]->alias);
	assert_int_equal(e[0]->line, 2);
	/* case-insensitive, every line, file order */
	assert_int_equal(sysconf_hosts_lookup(&h, "WWW.EXAMPLE.TEST", e, 8), 2);
	inet_ntop(AF_INET, &e[0]->addr.v4, text, sizeof(text));
	assert_string_equal(text, "127.0.0.99");
	assert_int_equal(e[0]->line, 4);
	assert_false(e[0]->alias);
	inet_ntop(AF_INET6, &e[1]->addr.v6, text, sizeof(text));
	assert_string_equal(text, "2001:db8::99");
	/* a trailing dot makes another name for glibc's files module */
	assert_int_equal(sysconf_hosts_lookup(&h, "www.example.test.", e, 8), 1);
	assert_int_equal(e[0]->line, 5);
	assert_int_equal(sysconf_hosts_lookup(&h, "www", e, 8), 1);
	assert_true(e[0]->alias);
	/* the count is complete even when found is short */
	assert_int_equal(sysconf_hosts_lookup(&h, "www.example.test", e, 1), 2);
	assert_int_equal(sysconf_hosts_lookup(&h, "broken.example.test", e, 8), 0);
	assert_true(has_diag(&h.diags, SYSCONF_D_BAD_ADDRESS, 7));
	assert_true(has_diag(&h.diags, SYSCONF_D_NO_NAME, 8));
	assert_false(h.truncated);
	sysconf_hosts_free(&h);
}

static void
test_hosts_bad_lines_named(void **state)
{
	struct sysconf_hosts h;
	const struct sysconf_hosts_entry *e[2];

	(void)state;
	assert_int_equal(sysconf_load_hosts(FX("hosts.bad"), NULL, &h), 0);
	assert_true(has_diag(&h.diags, SYSCONF_D_BAD_ADDRESS, 2));
	/* no %scope and no "127.1" in hosts: strict inet_pton */
	assert_true(has_diag(&h.diags, SYSCONF_D_BAD_ADDRESS, 3));
	assert_true(has_diag(&h.diags, SYSCONF_D_BAD_ADDRESS, 4));
	assert_true(has_diag(&h.diags, SYSCONF_D_NO_NAME, 5));
	assert_true(has_diag(&h.diags, SYSCONF_D_BAD_NAME, 6));
	assert_int_equal(h.nentries, 3);
	assert_int_equal(sysconf_hosts_lookup(&h, "ok.example.test", e, 2), 1);
	/* glibc matches any string, so the odd name stays */
	assert_int_equal(sysconf_hosts_lookup(&h, "bad..name", e, 2), 1);
	assert_int_equal(sysconf_hosts_lookup(&h, "short.example.test", e, 2), 0);
	sysconf_hosts_free(&h);
}

static void
test_hosts_missing_file(void **state)
{
	struct sysconf_hosts h;

	(void)state;
	assert_int_equal(sysconf_load_hosts(FX("hosts.no-such"), NULL, &h), -1);
	assert_int_equal(h.diags.d[0].code, SYSCONF_D_UNREADABLE);
	assert_string_equal(h.diags.d[0].file, FX("hosts.no-such"));
	assert_non_null(strstr(diag_text(&h.diags.d[0]), strerror(ENOENT)));
	assert_int_equal(h.nentries, 0);
	sysconf_hosts_free(&h);
}

static void
test_hosts_huge_sparse_file_read_bounded(void **state)
{
	char path[] = "/tmp/dnstriage-sysconf-XXXXXX";
	struct sysconf_hosts h;
	const struct sysconf_hosts_entry *e[1];

	(void)state;
	make_temp(path, "127.0.0.1 localhost\n192.0.2.1 a.test\n", (off_t)1 << 30);
	assert_int_equal(sysconf_load_hosts(path, NULL, &h), 0);
	unlink(path);
	assert_true(h.truncated);
	assert_true(has_diag(&h.diags, SYSCONF_D_TRUNCATED, 0));	/* the size */
	assert_true(has_diag(&h.diags, SYSCONF_D_BINARY, 3));
	assert_int_equal(sysconf_hosts_lookup(&h, "a.test", e, 1), 1);
	sysconf_hosts_free(&h);
}

static void
test_hosts_name_limit(void **state)
{
	struct sysconf_hosts_limits lim = { 1u << 20, 500 };
	char path[] = "/tmp/dnstriage-sysconf-XXXXXX";
	struct sysconf_hosts h;
	FILE *fp;
	int i, fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	for (i = 0; i < 1000; i++)
		fprintf(fp, "10.0.%d.%d h%d\n", i / 256, i % 256, i);
	fclose(fp);
	assert_int_equal(sysconf_load_hosts(path, &lim, &h), 0);
	unlink(path);
	assert_true(h.truncated);
	assert_int_equal(h.nentries, 500);
	assert_true(has_diag(&h.diags, SYSCONF_D_TRUNCATED, 501));
	assert_int_equal(sysconf_hosts_lookup(&h, "h499", NULL, 0), 1);
	assert_int_equal(sysconf_hosts_lookup(&h, "h500", NULL, 0), 0);
	sysconf_hosts_free(&h);
}

static void
test_hosts_byte_limit(void **state)
{
	struct sysconf_hosts_limits lim = { 62, 100 };
	struct sysconf_hosts h;

	(void)state;
	/* hosts.good: line 2 ends at byte 62 */
	assert_int_equal(sysconf_load_hosts(FX("hosts.good"), &lim, &h), 0);
	assert_true(h.truncated);
	assert_int_equal(sysconf_hosts_lookup(&h, "localhost", NULL, 0), 2);
	assert_int_equal(sysconf_hosts_lookup(&h, "www", NULL, 0), 0);
	assert_true(has_diag(&h.diags, SYSCONF_D_TRUNCATED, 2));
	sysconf_hosts_free(&h);
}

static void
test_hosts_binary_file(void **state)
{
	struct sysconf_hosts h;

	(void)state;
	assert_int_equal(sysconf_load_hosts(FX("binary.resolv.conf"), NULL, &h), 0);
	assert_true(has_diag(&h.diags, SYSCONF_D_BINARY, 2));
	assert_printable(&h.diags);
	sysconf_hosts_free(&h);
}

/* --- stub resolvers ---------------------------------------------------------- */

static void
test_stub_kinds_from_addresses(void **state)
{
	struct sockaddr_un sun;

	(void)state;
	assert_int_equal(stub_of("127.0.0.53"), SYSCONF_STUB_RESOLVED);
	assert_int_equal(stub_of("127.0.0.54"), SYSCONF_STUB_RESOLVED_PROXY);
	assert_int_equal(stub_of("::ffff:127.0.0.53"), SYSCONF_STUB_RESOLVED);
	assert_int_equal(stub_of("127.0.1.1"), SYSCONF_STUB_LOCAL);
	assert_int_equal(stub_of("127.0.0.1"), SYSCONF_STUB_LOCAL);
	assert_int_equal(stub_of("127.255.255.254"), SYSCONF_STUB_LOCAL);
	assert_int_equal(stub_of("::1"), SYSCONF_STUB_LOCAL);
	assert_int_equal(stub_of("0.0.0.0"), SYSCONF_STUB_LOCAL);
	assert_int_equal(stub_of("::"), SYSCONF_STUB_LOCAL);
	assert_int_equal(stub_of("126.255.255.255"), SYSCONF_STUB_NONE);
	assert_int_equal(stub_of("128.0.0.1"), SYSCONF_STUB_NONE);
	assert_int_equal(stub_of("192.0.2.53"), SYSCONF_STUB_NONE);
	assert_int_equal(stub_of("2001:db8::53"), SYSCONF_STUB_NONE);
	assert_int_equal(stub_of("::2"), SYSCONF_STUB_NONE);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	assert_int_equal(sysconf_stub_kind((struct sockaddr *)&sun),
	    SYSCONF_STUB_NONE);
	assert_int_equal(sysconf_stub_kind(NULL), SYSCONF_STUB_NONE);
	assert_true(sysconf_is_local_stub((const struct sockaddr *)&(struct
	    sockaddr_storage){ .ss_family = AF_INET6 }));	/* :: */
}

static void
test_stub_labels(void **state)
{
	(void)state;
	assert_string_equal(sysconf_stub_label(SYSCONF_STUB_RESOLVED),
	    "systemd-resolved stub");
	assert_string_equal(sysconf_stub_label(SYSCONF_STUB_LOCAL),
	    "a resolver on this host");
	assert_string_equal(sysconf_stub_label(SYSCONF_STUB_NONE),
	    "a remote resolver");
}

static void
test_resolv_marks_stubs(void **state)
{
	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("good.resolv.conf"), &rc), 0);
	assert_int_equal(rc.ns[0].stub, SYSCONF_STUB_RESOLVED);
	assert_int_equal(rc.ns[1].stub, SYSCONF_STUB_NONE);
	assert_int_equal(rc.ns[2].stub, SYSCONF_STUB_LOCAL);
}

/* --- failover ---------------------------------------------------------------- */

static void
make_rc(size_t n, unsigned timeout, unsigned attempts, bool rotate)
{
	size_t i;

	memset(&rc, 0, sizeof(rc));
	for (i = 0; i < n; i++)
		rc.ns[i].used = i < SYSCONF_GLIBC_MAXNS;
	rc.nns = n;
	rc.nused = n < SYSCONF_GLIBC_MAXNS ? n : SYSCONF_GLIBC_MAXNS;
	rc.timeout_s = timeout;
	rc.attempts = attempts;
	rc.rotate = rotate;
}

static void
test_glibc_wait_per_server_index(void **state)
{
	(void)state;
	/* retrans << index, divided by nscount after the first, at least 1 s */
	assert_int_equal(sysconf_glibc_wait_ms(5, 0, 3), 5000);
	assert_int_equal(sysconf_glibc_wait_ms(5, 1, 3), 3000);
	assert_int_equal(sysconf_glibc_wait_ms(5, 2, 3), 6000);
	assert_int_equal(sysconf_glibc_wait_ms(5, 1, 2), 5000);
	assert_int_equal(sysconf_glibc_wait_ms(5, 0, 1), 5000);
	assert_int_equal(sysconf_glibc_wait_ms(1, 1, 3), 1000);	/* 2/3 -> 1 */
	assert_int_equal(sysconf_glibc_wait_ms(0, 0, 1), 1000);
	assert_int_equal(sysconf_glibc_wait_ms(30, 2, 3), 40000);
}

static void
test_failover_first_dead(void **state)
{
	struct sysconf_failover f;
	const bool alive[3] = { false, true, true };

	(void)state;
	make_rc(3, 5, 2, false);
	sysconf_failover(&rc, alive, 3, &f);
	assert_int_equal(f.nservers, 3);
	assert_true(f.any_alive);
	assert_int_equal(f.penalty_ms, 5000);
	assert_int_equal(f.penalty_worst_ms, 5000);
	assert_int_equal(f.fail_ms, 28000);		/* 2 x (5 + 3 + 6) s */
}

static void
test_failover_two_dead(void **state)
{
	struct sysconf_failover f;
	const bool alive[3] = { false, false, true };

	(void)state;
	make_rc(3, 5, 2, false);
	sysconf_failover(&rc, alive, 3, &f);
	assert_int_equal(f.penalty_ms, 8000);		/* 5 + 3 s */
}

static void
test_failover_all_alive(void **state)
{
	struct sysconf_failover f;
	const bool alive[3] = { true, true, true };

	(void)state;
	make_rc(3, 5, 2, true);
	sysconf_failover(&rc, alive, 3, &f);
	assert_int_equal(f.penalty_ms, 0);
	assert_int_equal(f.penalty_worst_ms, 0);
}

static void
test_failover_all_dead(void **state)
{
	struct sysconf_failover f;
	const bool alive[3] = { false, false, false };

	(void)state;
	make_rc(3, 5, 2, false);
	sysconf_failover(&rc, alive, 3, &f);
	assert_false(f.any_alive);
	assert_int_equal(f.fail_ms, 28000);
	assert_int_equal(f.penalty_ms, 28000);
	assert_int_equal(f.penalty_worst_ms, 28000);
}

static void
test_failover_two_servers(void **state)
{
	struct sysconf_failover f;
	bool alive[2] = { false, true };

	(void)state;
	make_rc(2, 5, 2, false);
	sysconf_failover(&rc, alive, 2, &f);
	assert_int_equal(f.penalty_ms, 5000);
	assert_int_equal(f.fail_ms, 20000);		/* 2 x (5 + 10/2) s */
	make_rc(1, 5, 2, false);
	sysconf_failover(&rc, alive, 1, &f);
	assert_int_equal(f.fail_ms, 10000);
}

static void
test_failover_rotate_average_and_worst(void **state)
{
	struct sysconf_failover f;
	const bool first_dead[3] = { false, true, true };
	const bool last_alive[3] = { false, false, true };
	const bool middle_alive[3] = { false, true, false };

	(void)state;
	make_rc(3, 5, 2, true);
	sysconf_failover(&rc, first_dead, 3, &f);
	assert_int_equal(f.penalty_ms, 1667);		/* (5 + 0 + 0) / 3 s */
	assert_int_equal(f.penalty_worst_ms, 5000);
	sysconf_failover(&rc, last_alive, 3, &f);
	assert_int_equal(f.penalty_ms, 3667);		/* (8 + 3 + 0) / 3 s */
	assert_int_equal(f.penalty_worst_ms, 8000);
	sysconf_failover(&rc, middle_alive, 3, &f);
	assert_int_equal(f.penalty_ms, 5333);		/* (5 + 0 + 11) / 3 s */
	assert_int_equal(f.penalty_worst_ms, 11000);
}

static void
test_failover_ignores_servers_beyond_maxns(void **state)
{
	struct sysconf_failover f;
	const bool alive[4] = { false, false, false, true };

	(void)state;
	make_rc(4, 5, 2, false);
	sysconf_failover(&rc, alive, 4, &f);
	assert_int_equal(f.nservers, 3);
	assert_false(f.any_alive);
	assert_int_equal(f.penalty_ms, 28000);
}

static void
test_failover_skips_unused_entries(void **state)
{
	struct sysconf_failover f;
	const bool alive[3] = { false, false, true };

	(void)state;
	make_rc(3, 5, 2, false);
	rc.ns[0].used = false;		/* a CRLF line glibc ignored */
	sysconf_failover(&rc, alive, 3, &f);
	assert_int_equal(f.nservers, 2);
	assert_int_equal(f.penalty_ms, 5000);
	assert_int_equal(f.fail_ms, 20000);
	/* alive shorter than the list: the rest count as dead */
	sysconf_failover(&rc, alive, 2, &f);
	assert_false(f.any_alive);
}

static void
test_failover_zero_attempts(void **state)
{
	struct sysconf_failover f;
	const bool alive[3] = { false, true, true };

	(void)state;
	make_rc(3, 5, 0, false);
	sysconf_failover(&rc, alive, 3, &f);
	assert_int_equal(f.penalty_ms, 0);
	assert_int_equal(f.fail_ms, 0);
}

static void
test_failover_longest_timeout(void **state)
{
	struct sysconf_failover f;
	const bool alive[3] = { false, false, false };

	(void)state;
	make_rc(3, 30, 5, false);
	sysconf_failover(&rc, alive, 3, &f);
	assert_int_equal(f.fail_ms, 450000);		/* 5 x (30 + 20 + 40) s */
}

static void
test_failover_from_loaded_file(void **state)
{
	struct sysconf_failover f;
	const bool alive[3] = { false, true, true };

	(void)state;
	/* timeout:2 attempts:3 rotate: waits 2, 4/3 = 1, 8/3 = 2 s */
	assert_int_equal(sysconf_load_resolv_conf(FX("good.resolv.conf"), &rc), 0);
	sysconf_failover(&rc, alive, 3, &f);
	assert_int_equal(f.penalty_ms, 667);
	assert_int_equal(f.penalty_worst_ms, 2000);
	assert_int_equal(f.fail_ms, 15000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolv_good_v4_v6_search_options),
		cmocka_unit_test(test_resolv_defaults_without_options),
		cmocka_unit_test(test_resolv_comments_tabs_and_last_search_wins),
		cmocka_unit_test(test_resolv_options_clamped_like_glibc),
		cmocka_unit_test(test_resolv_zero_attempts_sends_nothing),
		cmocka_unit_test(test_resolv_option_numbers_read_like_atoi),
		cmocka_unit_test(test_resolv_ipv6_scope),
		cmocka_unit_test(test_resolv_more_than_three_nameservers),
		cmocka_unit_test(test_resolv_without_nameserver_uses_loopback),
		cmocka_unit_test(test_resolv_crlf_nameservers_ignored),
		cmocka_unit_test(test_resolv_crlf_with_scope_is_accepted),
		cmocka_unit_test(test_resolv_bad_addresses_named_by_line),
		cmocka_unit_test(test_resolv_broken_lines_fall_back_to_default),
		cmocka_unit_test(test_resolv_binary_garbage),
		cmocka_unit_test(test_resolv_binary_after_many_remarks),
		cmocka_unit_test(test_resolv_missing_file),
		cmocka_unit_test(test_resolv_directory_is_unreadable),
		cmocka_unit_test(test_resolv_overlong_line_skipped),
		cmocka_unit_test(test_resolv_search_that_aborts_glibc),
		cmocka_unit_test(test_resolv_hash_in_search_is_a_domain),
		cmocka_unit_test(test_resolv_huge_file_read_bounded),
		cmocka_unit_test(test_diag_code_names),
		cmocka_unit_test(test_nss_debian_mdns_criteria),
		cmocka_unit_test(test_nss_resolve_unless_unavailable),
		cmocka_unit_test(test_nss_without_hosts_line_defaults),
		cmocka_unit_test(test_nss_missing_file_defaults),
		cmocka_unit_test(test_nss_hash_after_sources_is_not_a_comment),
		cmocka_unit_test(test_nss_syntax_error_breaks_hosts),
		cmocka_unit_test(test_nss_last_line_without_newline_ignored),
		cmocka_unit_test(test_nss_empty_hosts_line_breaks_hosts),
		cmocka_unit_test(test_nss_last_hosts_line_wins),
		cmocka_unit_test(test_nss_upper_case_database_ignored),
		cmocka_unit_test(test_nss_spaces_case_and_crlf_in_criteria),
		cmocka_unit_test(test_hosts_names_aliases_and_order),
		cmocka_unit_test(test_hosts_bad_lines_named),
		cmocka_unit_test(test_hosts_missing_file),
		cmocka_unit_test(test_hosts_huge_sparse_file_read_bounded),
		cmocka_unit_test(test_hosts_name_limit),
		cmocka_unit_test(test_hosts_byte_limit),
		cmocka_unit_test(test_hosts_binary_file),
		cmocka_unit_test(test_stub_kinds_from_addresses),
		cmocka_unit_test(test_stub_labels),
		cmocka_unit_test(test_resolv_marks_stubs),
		cmocka_unit_test(test_glibc_wait_per_server_index),
		cmocka_unit_test(test_failover_first_dead),
		cmocka_unit_test(test_failover_two_dead),
		cmocka_unit_test(test_failover_all_alive),
		cmocka_unit_test(test_failover_all_dead),
		cmocka_unit_test(test_failover_two_servers),
		cmocka_unit_test(test_failover_rotate_average_and_worst),
		cmocka_unit_test(test_failover_ignores_servers_beyond_maxns),
		cmocka_unit_test(test_failover_skips_unused_entries),
		cmocka_unit_test(test_failover_zero_attempts),
		cmocka_unit_test(test_failover_longest_timeout),
		cmocka_unit_test(test_failover_from_loaded_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
