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

/* Columns of one code point: wcwidth() where it knows it, else 1. */
static size_t
cp_width(unsigned long cp)
{
	int cw = cp < 0x80 ? 1 : wcwidth((wchar_t)cp);

	return cw < 0 ? 1 : (size_t)cw;
}

size_t
textfmt_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n) {
		unsigned long cp;
		size_t len = textfmt_utf8_decode(s + i, n - i, &cp);

		if (len == 0) {
			w++;
			i++;
			continue;
		}
		w += cp_width(cp);
		i += len;
	}
	return w;
}

/* --- wrapping ----------------------------------------------------------- */

/* One character as the reader sees it: a code point (or an invalid byte)
 * with the zero-width code points (combining marks) that follow it. */
struct cluster {
	size_t len;	/* bytes */
	size_t cols;
	bool space;	/* a lone ' ' or '\t': where a line may break */
};

static struct cluster
next_cluster(const char *s, size_t n)
{
	struct cluster c = { 0, 0, false };
	unsigned long cp;
	size_t len;

	if (n == 0)
		return c;
	len = textfmt_utf8_decode(s, n, &cp);
	if (len == 0) {
		c.len = c.cols = 1;
		return c;
	}
	c.len = len;
	c.cols = cp_width(cp);
	c.space = cp == ' ' || cp == '\t';
	while (c.len < n && s[c.len] != '\n') {
		len = textfmt_utf8_decode(s + c.len, n - c.len, &cp);
		if (len == 0 || cp < 0x80 || cp_width(cp) != 0)
			break;
		c.len += len;
		c.space = false;	/* a mark on a space makes it a letter */
	}
	return c;
}

size_t
textfmt_fit(const char *s, size_t width, size_t *cols)
{
	size_t n = strlen(s), i = 0, w = 0;

	while (i < n) {
		struct cluster c = next_cluster(s + i, n - i);

		if (w + c.cols > width)
			break;
		w += c.cols;
		i += c.len;
	}
	if (cols != NULL)
		*cols = w;
	return i;
}

struct wrap {
	char **lines;
	size_t n, cap;
	size_t width, indent;
	struct strbuf line;
	size_t cols;		/* of line, the indent included */
	bool has_word;		/* line holds more than indent and spaces */
};

static void
wrap_start_line(struct wrap *w, size_t indent)
{
	size_t i;

	for (i = 0; i < indent; i++)
		strbuf_addc(&w->line, ' ');
	w->cols = indent;
	w->has_word = false;
}

static void
wrap_end_line(struct wrap *w)
{
	while (w->line.len > 0 && w->line.s[w->line.len - 1] == ' ')
		w->line.s[--w->line.len] = '\0';
	if (w->n == w->cap) {
		w->cap = w->cap == 0 ? 8 : w->cap * 2;
		w->lines = xreallocarray(w->lines, w->cap, sizeof(*w->lines));
	}
	w->lines[w->n++] = strbuf_detach(&w->line);
	wrap_start_line(w, w->indent);
}

/* Add one cluster of a word, starting a new line when it does not fit. */
static void
wrap_add_cluster(struct wrap *w, const char *s, struct cluster c)
{
	if (w->cols + c.cols > w->width &&
	    (w->has_word || w->cols > w->indent))
		wrap_end_line(w);
	if (w->cols + c.cols > w->width) {
		/* Not even an empty line has room for it. */
		strbuf_adds(&w->line, "?");
		w->cols++;
	} else {
		strbuf_add(&w->line, s, c.len);
		w->cols += c.cols;
	}
	w->has_word = true;
}

/* Characters that must not begin a line (Japanese kinsoku: closing
 * brackets and punctuation, the long-vowel mark, small kana): they stay
 * with the character before them. */
static bool
no_line_start(const char *s, size_t n)
{
	static const unsigned long closing[] = {
		0x3001, 0x3002, 0xff0c, 0xff0e, 0x30fb, 0xff1a, 0xff1b, 0xff1f,
		0xff01, 0xff09, 0xff3d, 0xff5d, 0x300d, 0x300f, 0x3009, 0x300b,
		0x3011, 0x3015, 0x30fc, 0x3005, 0x3041, 0x3043, 0x3045, 0x3047,
		0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x30a1, 0x30a3, 0x30a5,
		0x30a7, 0x30a9, 0x30c3, 0x30e3, 0x30e5, 0x30e7,
	};
	unsigned long cp;
	size_t i;

	if (textfmt_utf8_decode(s, n, &cp) == 0)
		return false;
	for (i = 0; i < sizeof(closing) / sizeof(closing[0]); i++)
		if (closing[i] == cp)
			return true;
	return false;
}

/* The end of the word that starts at s[i]: up to the next space; but a
 * double-width character (Chinese, Japanese, Korean text has no spaces)
 * is a word of its own, and a line may break before and after it. */
static size_t
word_end(const char *s, size_t n, size_t i, size_t *cols)
{
	struct cluster c = next_cluster(s + i, n - i);
	size_t j = i;

	*cols = 0;
	if (c.cols == 2) {
		*cols = c.cols;
		j += c.len;
	} else {
		while (j < n) {
			c = next_cluster(s + j, n - j);
			if (c.space || c.cols == 2)
				break;
			*cols += c.cols;
			j += c.len;
		}
	}
	/* what may not begin a line stays with this word */
	while (j < n && no_line_start(s + j, n - j)) {
		c = next_cluster(s + j, n - j);
		*cols += c.cols;
		j += c.len;
	}
	return j;
}

/* One "\n"-free part of the text, from the start of a line. */
static void
wrap_part(struct wrap *w, const char *s, size_t n)
{
	size_t i = 0;
	bool at_start = true;

	while (i < n) {
		struct cluster c = next_cluster(s + i, n - i);
		size_t sp_start = i, sp_cols = 0, word_start, word_cols = 0, j;
		size_t end;

		/* The spaces before the next word... */
		while (i < n && c.space) {
			sp_cols += c.cols;
			i += c.len;
			c = next_cluster(s + i, n - i);
		}
		if (i == n)
			break;		/* trailing spaces: dropped */
		/* ...and the word. */
		word_start = i;
		end = word_end(s, n, i, &word_cols);
		if (at_start && sp_cols > 0) {
			/* Leading spaces stay, but leave a column for the word. */
			size_t room = w->width - w->cols - 1, k;

			for (k = 0; k < sp_cols && k < room; k++)
				strbuf_addc(&w->line, ' ');
			w->cols += k;
		} else if (w->has_word) {
			if (w->cols + sp_cols + word_cols <= w->width ||
			    (word_cols > w->width - w->indent &&
			    w->cols + sp_cols < w->width)) {
				/* It fits, or fits nowhere and is cut from here. */
				for (j = sp_start; j < word_start; j++)
					strbuf_addc(&w->line, ' ');
				w->cols += sp_cols;
			} else
				wrap_end_line(w);
		}
		at_start = false;
		for (j = word_start; j < end; j += c.len) {
			c = next_cluster(s + j, n - j);
			wrap_add_cluster(w, s + j, c);
		}
		i = end;
	}
	wrap_end_line(w);
}

size_t
textfmt_wrap(const char *text, size_t width, size_t first_indent,
    size_t indent, char ***lines)
{
	struct wrap w = { NULL, 0, 0, 0, 0, STRBUF_INIT, 0, false };
	const char *p = text == NULL ? "" : text;

	w.width = width < indent + 1 ? indent + 1 : width;
	w.indent = indent;
	if (first_indent > w.width - 1)
		first_indent = w.width - 1;
	wrap_start_line(&w, first_indent);
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl == NULL ? strlen(p) : (size_t)(nl - p);

		wrap_part(&w, p, n);
		if (nl == NULL)
			break;
		p = nl + 1;
		if (*p == '\0')
			wrap_part(&w, p, 0);	/* "a\n": the empty last line */
	}
	strbuf_free(&w.line);
	*lines = w.n == 0 ? xcalloc(1, sizeof(char *)) : w.lines;
	return w.n;
}

void
textfmt_lines_free(char **lines, size_t n)
{
	size_t i;

	if (lines == NULL)
		return;
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
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
