/* i18n.c - the program's text domain and the temporary switch of the
 * message language for reports written in another language than the
 * screen.
 *
 * GNU gettext picks the language at every call: $LANGUAGE (a list) unless
 * the LC_MESSAGES locale is "C", then that locale's name. It caches the
 * translations it found, keyed on the LC_MESSAGES locale, not on
 * $LANGUAGE: a change of $LANGUAGE alone is seen only once the cache is
 * dropped, by incrementing _nl_msg_cat_cntr (gettext manual, "gettext
 * grok"; a setlocale() to the same name does not do it). */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/i18n.h"
#include "dnstriage/textfmt.h"

#ifdef ENABLE_NLS
/* GNU gettext's catalogue generation counter (libc or libintl). */
/* The name is gettext's (its manual documents it), not ours. */
extern int _nl_msg_cat_cntr;	/* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#endif

/* Make gettext look the language up again. */
static void
drop_gettext_cache(void)
{
#ifdef ENABLE_NLS
	++_nl_msg_cat_cntr;
#endif
}

/* Locales that make gettext honour $LANGUAGE when LC_MESSAGES is "C";
 * Debian always has C.UTF-8. */
static const char *const fallback_messages_locales[] = {
	"C.UTF-8", "C.utf8", "en_US.UTF-8",
};

void
i18n_init(const char *localedir)
{
	const char *dir = getenv(I18N_LOCALEDIR_ENV);

	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, dir != NULL && *dir != '\0' ? dir : localedir);
	textdomain(PACKAGE);
}

static bool
is_c_locale(const char *name)
{
	return name == NULL || strcmp(name, "C") == 0 ||
	    strcmp(name, "POSIX") == 0;
}

/* English is the language of the msgids: no catalogue to look for. */
bool
i18n_language_is_english(const char *lang)
{
	return is_c_locale(lang) || strncmp(lang, "C.", 2) == 0 ||
	    strcmp(lang, "en") == 0 || strncmp(lang, "en_", 3) == 0 ||
	    strncmp(lang, "en.", 3) == 0 || strncmp(lang, "en@", 3) == 0;
}

static bool
all_of(const char *s, size_t n, const char *set)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '\0' || strchr(set, s[i]) == NULL)
			return false;
	return true;
}

bool
i18n_valid_language(const char *lang)
{
	static const char lower[] = "abcdefghijklmnopqrstuvwxyz";
	static const char upper[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	static const char word[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
	size_t n;

	if (lang == NULL)
		return false;
	if (strcmp(lang, "C") == 0 || strcmp(lang, "POSIX") == 0)
		return true;
	if (strncmp(lang, "C.", 2) == 0)
		lang += 1;	/* C.UTF-8: only the codeset follows */
	else {
		/* ll or lll */
		n = strspn(lang, lower);
		if (n < 2 || n > 3)
			return false;
		lang += n;
		/* _CC */
		if (*lang == '_') {
			if (!all_of(lang + 1, 2, upper))
				return false;
			lang += 3;
		}
	}
	/* .codeset */
	if (*lang == '.') {
		n = strspn(lang + 1, word);
		if (n == 0 || n > 32)
			return false;
		lang += 1 + n;
	}
	/* @modifier */
	if (*lang == '@') {
		n = strspn(lang + 1, word);
		if (n == 0 || n > 32)
			return false;
		lang += 1 + n;
	}
	return *lang == '\0';
}

static void
saved_clear(struct i18n_saved *saved)
{
	free(saved->language);
	free(saved->messages);
	free(saved->codeset);
	memset(saved, 0, sizeof(*saved));
}

bool
i18n_push_language(const char *lang, struct i18n_saved *saved)
{
	const char *cur, *codeset;
	size_t i;

	memset(saved, 0, sizeof(*saved));
	if (lang == NULL || *lang == '\0')
		return true;
	if (!i18n_valid_language(lang))
		return false;
	cur = setlocale(LC_MESSAGES, NULL);
	saved->messages = xstrdup(cur != NULL ? cur : "C");
	saved->language = xstrdup(getenv("LANGUAGE"));
	codeset = bind_textdomain_codeset(PACKAGE, NULL);
	saved->codeset = xstrdup(codeset);
	saved->active = true;

	if (i18n_language_is_english(lang)) {
		/* In the C locale gettext returns the msgids, whatever
		 * $LANGUAGE says; strerror() speaks English too. */
		setlocale(LC_MESSAGES, "C");
		drop_gettext_cache();
		return true;
	}
	if (setenv("LANGUAGE", lang, 1) != 0) {
		saved_clear(saved);
		return false;
	}
	cur = saved->messages;
	if (is_c_locale(cur)) {
		for (i = 0; i < sizeof(fallback_messages_locales) /
		    sizeof(fallback_messages_locales[0]); i++)
			if ((cur = setlocale(LC_MESSAGES,
			    fallback_messages_locales[i])) != NULL)
				break;
		if (cur == NULL) {
			i18n_pop_language(saved);
			return false;
		}
	}
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	drop_gettext_cache();
	return true;
}

void
i18n_pop_language(struct i18n_saved *saved)
{
	if (!saved->active)
		return;
	if (saved->language != NULL)
		setenv("LANGUAGE", saved->language, 1);
	else
		unsetenv("LANGUAGE");
	/* Without a codeset bound before, gettext used the locale's. */
	bind_textdomain_codeset(PACKAGE, saved->codeset != NULL ?
	    saved->codeset : nl_langinfo(CODESET));
	setlocale(LC_MESSAGES, saved->messages);
	drop_gettext_cache();
	saved_clear(saved);
}

bool
i18n_have_catalogue(void)
{
	/* gettext("") is the catalogue's header; without one it is "". */
	const char *header = gettext("");

	return header != NULL && header[0] != '\0';
}

/* --- messages translated when they are shown ------------------------- */

#define RENDER_MAX_ARGS 9
#define FIELD_SEP '\x1e'

char *
i18n_arg_errno(int err)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s%d", I18N_ARG_ERRNO, err);
	return strbuf_detach(&sb);
}

/* s without the separator of I18N_ARG_FORMAT fields and without control
 * characters, except the marker an argument starts with. */
static void
add_field(struct strbuf *sb, const char *s, bool marked)
{
	size_t i;

	/* One level only: a message in a message's argument is not shown. */
	if (marked && s != NULL && s[0] == I18N_ARG_FORMAT[0]) {
		strbuf_adds(sb, TEXTFMT_MISSING);
		return;
	}
	for (i = 0; s != NULL && s[i] != '\0'; i++) {
		unsigned char c = (unsigned char)s[i];

		if (i == 0 && marked && (s[0] == I18N_ARG_MSGID[0] ||
		    s[0] == I18N_ARG_ERRNO[0]))
			strbuf_addc(sb, s[0]);
		else if (c < 0x20 && c != '\n' && c != '\t')
			strbuf_addc(sb, '?');
		else
			strbuf_addc(sb, s[i]);
	}
}

char *
i18n_arg_format(const char *msgid, const char *msgid_plural,
    unsigned long n, const char *const *args, size_t nargs)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	/* I18N_ARG_FORMAT msgid SEP plural SEP n {SEP arg} */
	strbuf_adds(&sb, I18N_ARG_FORMAT);
	add_field(&sb, msgid, false);
	strbuf_addc(&sb, FIELD_SEP);
	add_field(&sb, msgid_plural, false);
	strbuf_addf(&sb, "%c%lu", FIELD_SEP, n);
	for (i = 0; i < nargs && i < RENDER_MAX_ARGS; i++) {
		strbuf_addc(&sb, FIELD_SEP);
		add_field(&sb, args[i], true);
	}
	return strbuf_detach(&sb);
}

static const char *
errno_text(const char *digits)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(digits, &end, 10);
	if (errno != 0 || end == digits || *end != '\0' || v < 0 || v > INT_MAX)
		return TEXTFMT_MISSING;
	return strerror((int)v);
}

static char *render(const char *msgid, const char *msgid_plural,
    unsigned long n, const char *const *args, size_t nargs, bool nested);

/* An I18N_ARG_FORMAT argument (without its marker), rendered. */
static char *
render_nested(const char *enc)
{
	char *copy = xstrdup(enc), *field[3 + RENDER_MAX_ARGS], *p = copy, *sep;
	const char *args[RENDER_MAX_ARGS];
	size_t nf = 0, i;
	char *out;

	for (;;) {
		field[nf++] = p;
		if ((sep = strchr(p, FIELD_SEP)) == NULL ||
		    nf == sizeof(field) / sizeof(field[0]))
			break;
		*sep = '\0';
		p = sep + 1;
	}
	if (nf < 3) {
		free(copy);
		return xstrdup(TEXTFMT_MISSING);
	}
	for (i = 3; i < nf; i++)
		args[i - 3] = field[i];
	out = render(field[0], field[1][0] != '\0' ? field[1] : NULL,
	    strtoul(field[2], NULL, 10), args, nf - 3, true);
	free(copy);
	return out;
}

static char *
render(const char *msgid, const char *msgid_plural, unsigned long n,
    const char *const *args, size_t nargs, bool nested)
{
	const char *fmt, *a[RENDER_MAX_ARGS];
	char *owned[RENDER_MAX_ARGS] = { NULL }, *out;
	size_t i;

	/* gettext("") returns the catalogue header: never ask for it. */
	if (msgid == NULL || msgid[0] == '\0')
		return xstrdup("");
	fmt = msgid_plural != NULL ? ngettext(msgid, msgid_plural, n) :
	    gettext(msgid);
	if (nargs > RENDER_MAX_ARGS)
		nargs = RENDER_MAX_ARGS;
	for (i = 0; i < nargs; i++) {
		a[i] = args[i];
		if (a[i] == NULL)
			continue;
		if (a[i][0] == I18N_ARG_MSGID[0])
			a[i] = a[i][1] != '\0' ? gettext(a[i] + 1) : "";
		else if (a[i][0] == I18N_ARG_ERRNO[0])
			a[i] = errno_text(a[i] + 1);
		else if (a[i][0] == I18N_ARG_FORMAT[0])
			a[i] = nested ? TEXTFMT_MISSING :
			    (owned[i] = render_nested(a[i] + 1));
	}
	out = textfmt_args_str(fmt, a, nargs);
	for (i = 0; i < nargs; i++)
		free(owned[i]);
	return out;
}

char *
i18n_render(const char *msgid, const char *msgid_plural, unsigned long n,
    const char *const *args, size_t nargs)
{
	return render(msgid, msgid_plural, n, args, nargs, false);
}
