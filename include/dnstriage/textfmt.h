/* textfmt.h - build text safely: a growing string buffer, a formatter for
 * translated messages that substitutes only %s and %1$s..%9$s, a template
 * expander for {fact} placeholders, and the display width of UTF-8 text.
 *
 * Translated strings are formats a translator controls; they never reach
 * printf. Whatever a format or template says, these functions only copy
 * text and the given arguments: no conversion reads memory it was not
 * given. Allocation failure is fatal (message on stderr, abort), like
 * tmux's xmalloc: a triage tool has no useful way to go on without memory. */
#ifndef DNSTRIAGE_TEXTFMT_H
#define DNSTRIAGE_TEXTFMT_H

#include <stdbool.h>
#include <stddef.h>

/* What a missing argument or fact renders as. */
#define TEXTFMT_MISSING "?"

struct strbuf {
	char *s;	/* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);	/* NULL adds nothing */
void strbuf_addc(struct strbuf *sb, char c);
/* printf-style, for the program's own literal formats only. */
/* printf into a fixed error buffer (err may be NULL), for the program's own
 * literal formats: "FILE:LINE: reason" messages of parsers. */
void textfmt_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The string (never NULL, "" when empty); the buffer is reset. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);

/* A word for a POSIX shell: as it is when every character is one a shell
 * takes literally ([A-Za-z0-9@%+=:,./_-], '#' but not first), else in
 * single quotes with each ' as '\''; "" becomes ''. The commands the
 * reports show (dig, nc, the command line) are quoted this way. */
bool textfmt_shell_safe(const char *word);
void strbuf_add_shell_word(struct strbuf *sb, const char *word);
/* The same into a fixed buffer; false if it does not fit. */
bool textfmt_shell_quote(const char *word, char *buf, size_t buflen);

void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);		/* NULL gives NULL */

/* Substitute in fmt: "%%" -> "%", "%s" -> the next argument in order,
 * "%N$s" (N = 1..9) -> argument N. A missing or NULL argument renders as
 * TEXTFMT_MISSING. Any other '%' sequence is copied as it is. */
void textfmt_args(struct strbuf *out, const char *fmt,
    const char *const *args, size_t nargs);
char *textfmt_args_str(const char *fmt, const char *const *args,
    size_t nargs);

/* Substitute "{key}" placeholders in tmpl. lookup returns the value of a
 * known key, or NULL when it is known but has no value (rendered as
 * "<key>", so the reader sees what to fill in); for a key it does not know
 * it sets *known = false and the braces are copied as they are. */
typedef const char *textfmt_lookup_fn(const char *key, size_t keylen,
    bool *known, void *arg);
void textfmt_named(struct strbuf *out, const char *tmpl,
    textfmt_lookup_fn *lookup, void *arg);

/* Columns the UTF-8 text s[0..n) takes on a terminal: wcwidth() per code
 * point where it knows it, else 1; invalid bytes count 1. */
size_t textfmt_width(const char *s, size_t n);
/* Length in bytes of the UTF-8 sequence starting at s (1 for an invalid
 * byte), never more than n. */
size_t textfmt_utf8_len(const char *s, size_t n);
/* Decode one UTF-8 sequence strictly (no overlong forms, no surrogates,
 * nothing above U+10FFFF). Returns its length, or 0 if invalid. */
size_t textfmt_utf8_decode(const char *s, size_t n, unsigned long *cp);

/* Lay text out in lines no wider than width display columns (textfmt_width:
 * wcwidth per code point), breaking at spaces; a word wider than the line is
 * cut between characters, never inside a UTF-8 sequence or between a base
 * character and its combining marks; "\n" in text starts a new line; the first
 * line is prefixed by first_indent spaces, the following by indent spaces
 * (indents count in the width). Returns the number of lines; *lines is a
 * malloc'd array of malloc'd strings (free with textfmt_lines_free). width
 * smaller than indent+1 is treated as indent+1.
 *
 * Details: "" gives no line; every other text gives one line per "\n"-
 * separated part (so "a\n" gives "a" and ""). Spaces where a line breaks
 * are dropped, spaces inside a line and at the start of a part are kept;
 * lines carry no trailing spaces (an empty line is ""). A tab is a space. A
 * word that fits no line starts on the current line and goes on below. A
 * first_indent wider than the line is cut to leave one column. A character
 * wider than all the room a line has (a double-width one at width indent+1)
 * is shown as "?", so no line is ever wider than width. */
size_t textfmt_wrap(const char *text, size_t width, size_t first_indent,
    size_t indent, char ***lines);
void textfmt_lines_free(char **lines, size_t n);
/* The longest prefix of s (bytes) that fits in width columns, never cutting a
 * character; *cols gets its width. For cutting a line to the screen.
 * Combining marks after the last character that fits are part of it. cols
 * may be NULL. */
size_t textfmt_fit(const char *s, size_t width, size_t *cols);

#endif
