/* textfmt.c - safe text building; see textfmt.h for the rules. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "dnstriage/textfmt.h"

static void
fatal_nomem(void)
{
	fputs("dnstriage: out of memory\n", stderr);
	abort();
}

void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = calloc(n, size)) == NULL)
		fatal_nomem();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	void *q;

	if (n == 0 || size == 0)
		n = size = 1;
	if (n > SIZE_MAX / size)
		fatal_nomem();
	if ((q = realloc(p, n * size)) == NULL)
		fatal_nomem();
	return q;
}

char *
xstrdup(const char *s)
{
	char *p;

	if (s == NULL)
		return NULL;
	if ((p = strdup(s)) == NULL)
		fatal_nomem();
	return p;
}

static void
strbuf_grow(struct strbuf *sb, size_t more)
{
	size_t need;

	if (more > SIZE_MAX - sb->len - 1)
		fatal_nomem();
	need = sb->len + more + 1;
	if (need <= sb->cap)
		return;
	if (sb->cap == 0)
		sb->cap = 64;
	while (sb->cap < need)
		sb->cap = sb->cap > SIZE_MAX / 2 ? need : sb->cap * 2;
	sb->s = xreallocarray(sb->s, sb->cap, 1);
}

void
strbuf_add(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_grow(sb, n);
	if (n > 0)
		memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void
strbuf_adds(struct strbuf *sb, const char *s)
{
	if (s != NULL)
		strbuf_add(sb, s, strlen(s));
}

void
strbuf_addc(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	strbuf_grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

char *
strbuf_detach(struct strbuf *sb)
{
	char *s = sb->s;

	if (s == NULL)
		s = xstrdup("");
	sb->s = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void
strbuf_free(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

static void
add_arg(struct strbuf *out, const char *const *args, size_t nargs, size_t i)
{
	if (args != NULL && i < nargs && args[i] != NULL)
		strbuf_adds(out, args[i]);
	else
		strbuf_adds(out, TEXTFMT_MISSING);
}

void
textfmt_args(struct strbuf *out, const char *fmt, const char *const *args,
    size_t nargs)
{
	const char *p = fmt;
	size_t next = 0;

	if (fmt == NULL)
		return;
	while (*p != '\0') {
		const char *pct = strchr(p, '%');

		if (pct == NULL) {
			strbuf_adds(out, p);
			return;
		}
		strbuf_add(out, p, (size_t)(pct - p));
		if (pct[1] == '%') {
			strbuf_addc(out, '%');
			p = pct + 2;
		} else if (pct[1] == 's') {
			add_arg(out, args, nargs, next++);
			p = pct + 2;
		} else if (pct[1] >= '1' && pct[1] <= '9' && pct[2] == '$' &&
		    pct[3] == 's') {
			add_arg(out, args, nargs, (size_t)(pct[1] - '1'));
			p = pct + 4;
		} else {
			/* Not ours: copy the '%' and go on after it. */
			strbuf_addc(out, '%');
			p = pct + 1;
		}
	}
}

char *
textfmt_args_str(const char *fmt, const char *const *args, size_t nargs)
{
	struct strbuf sb = STRBUF_INIT;

	textfmt_args(&sb, fmt, args, nargs);
	return strbuf_detach(&sb);
}

static bool
is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || c == '_';
}

void
textfmt_named(struct strbuf *out, const char *tmpl, textfmt_lookup_fn *lookup,
    void *arg)
{
	const char *p = tmpl;

	if (tmpl == NULL)
		return;
	while (*p != '\0') {
		const char *open = strchr(p, '{'), *key, *end;
		const char *val;
		bool known = true;

		if (open == NULL) {
			strbuf_adds(out, p);
			return;
		}
		strbuf_add(out, p, (size_t)(open - p));
		key = end = open + 1;
		while (is_key_char(*end))
			end++;
		if (end == key || *end != '}') {
			strbuf_addc(out, '{');
			p = open + 1;
			continue;
		}
		val = lookup(key, (size_t)(end - key), &known, arg);
		if (!known)
			strbuf_add(out, open, (size_t)(end + 1 - open));
		else if (val != NULL)
			strbuf_adds(out, val);
		else {
			strbuf_addc(out, '<');
			strbuf_add(out, key, (size_t)(end - key));
			strbuf_addc(out, '>');
		}
		p = end + 1;
	}
}

size_t
textfmt_utf8_decode(const char *s, size_t n, unsigned long *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long c, min;
	size_t len, i;

	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		len = 2;
		c = u[0] & 0x1f;
		min = 0x80;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		len = 3;
		c = u[0] & 0x0f;
		min = 0x800;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		len = 4;
		c = u[0] & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

size_t
textfmt_utf8_len(const char *s, size_t n)
{
	unsigned long cp;
	size_t len = textfmt_utf8_decode(s, n, &cp);

	return len == 0 ? (n > 0 ? 1 : 0) : len;
}

size_t
textfmt_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n) {
		unsigned long cp;
		size_t len = textfmt_utf8_decode(s + i, n - i, &cp);
		int cw;

		if (len == 0) {
			w++;
			i++;
			continue;
		}
		cw = cp < 0x80 ? 1 : wcwidth((wchar_t)cp);
		w += cw < 0 ? 1 : (size_t)cw;
		i += len;
	}
	return w;
}

void
textfmt_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* --- shell words -------------------------------------------------------- */

bool
textfmt_shell_safe(const char *word)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./-_#";

	return word[0] != '\0' && word[0] != '#' &&
	    word[strspn(word, safe)] == '\0';
}

void
strbuf_add_shell_word(struct strbuf *sb, const char *word)
{
	const char *p;

	if (textfmt_shell_safe(word)) {
		strbuf_adds(sb, word);
		return;
	}
	strbuf_addc(sb, '\'');
	for (p = word; *p != '\0'; p++) {
		if (*p == '\'')
			strbuf_adds(sb, "'\\''");
		else
			strbuf_addc(sb, *p);
	}
	strbuf_addc(sb, '\'');
}

bool
textfmt_shell_quote(const char *word, char *buf, size_t buflen)
{
	struct strbuf sb = STRBUF_INIT;
	bool fits;

	strbuf_add_shell_word(&sb, word);
	fits = sb.len < buflen;
	if (fits)
		memcpy(buf, sb.s, sb.len + 1);
	strbuf_free(&sb);
	return fits;
}
