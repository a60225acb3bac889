/* i18n.h - gettext shorthands shared by every module, and the switch of
 * the message language that lets a report be written in another language
 * than the screen (--report-lang). */
#ifndef DNSTRIAGE_I18N_H
#define DNSTRIAGE_I18N_H

#include <stdbool.h>
#include <stddef.h>
#include <libintl.h>

/* gettext's own convention, which xgettext looks for. */
#define _(s) gettext(s) /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
/* Marks a string for translation where it is stored, translated where used. */
#define N_(s) (s)

/* Tests point the program at a catalogue built in the build tree
 * (tests/fixtures/i18n); an installed program reads LOCALEDIR. */
#define I18N_LOCALEDIR_ENV "DNSTRIAGE_LOCALEDIR"

/* setlocale(LC_ALL, "") and the text domain, bound to $DNSTRIAGE_LOCALEDIR
 * when set, else to localedir. */
void i18n_init(const char *localedir);

/* A language for --report-lang: "C", "POSIX", "en", or a gettext language
 * name (ll, ll_CC, with an optional .codeset and @modifier). Nothing else:
 * no lists, no paths. */
bool i18n_valid_language(const char *lang);

/* "C", "POSIX", "C.UTF-8", "en", "en_GB"...: the language of the msgids. */
bool i18n_language_is_english(const char *lang);

/* What i18n_push_language() changed, to undo it. */
struct i18n_saved {
	bool active;		/* a push is in effect */
	char *language;		/* $LANGUAGE before, NULL if unset */
	char *messages;		/* setlocale(LC_MESSAGES, NULL) before */
	char *codeset;		/* the text domain's output codeset before */
};

/* From now on gettext() answers in lang: "C", "POSIX" and "en" (any en_*)
 * give the untranslated English texts. Translations come out in UTF-8, as
 * every report is written. GNU gettext ignores $LANGUAGE when LC_MESSAGES
 * is "C", so then LC_MESSAGES becomes C.UTF-8 for the time of the switch.
 * lang NULL or "" changes nothing (the screen's language stays). Not
 * thread-safe (setenv, setlocale), like gettext's own language choice.
 * Returns false, changing nothing, when lang is not valid. */
bool i18n_push_language(const char *lang, struct i18n_saved *saved);
/* Back to the language before the push; nothing if none is in effect. */
void i18n_pop_language(struct i18n_saved *saved);

/* Whether messages are translated now: a catalogue was found for the
 * current language (false for English, which has none). */
bool i18n_have_catalogue(void);

/* --- messages translated when they are shown --------------------------
 * A message is a msgid (N_(), a format of textfmt.h: %s and %N$s only),
 * an optional plural msgid with the count that chooses the form, and
 * string arguments. An argument that starts with one of these bytes is
 * rendered in the language of the moment too: */
#define I18N_ARG_MSGID "\x1f"	/* then a msgid: gettext() of it */
#define I18N_ARG_FORMAT "\x1e"	/* then a message: i18n_arg_format() */
#define I18N_ARG_ERRNO "\x1d"	/* then an errno value: strerror() of it */
/* A msgid as an argument (xgettext knows NA_). */
#define NA_(s) I18N_ARG_MSGID s

/* I18N_ARG_ERRNO and err in decimal. free() it. */
char *i18n_arg_errno(int err);
/* A message as one argument of another ("FILE, line N: <message>"). Its
 * own arguments may be msgids or errno values, not messages again; their
 * control characters become '?'. free() it. */
char *i18n_arg_format(const char *msgid, const char *msgid_plural,
    unsigned long n, const char *const *args, size_t nargs);
/* The message translated now and formatted (textfmt_args()); "" for a
 * NULL or empty msgid. At most 9 arguments count. free() it. */
char *i18n_render(const char *msgid, const char *msgid_plural,
    unsigned long n, const char *const *args, size_t nargs);

#endif
