/* i18n.h - gettext shorthands shared by every module. */
#ifndef DNSTRIAGE_I18N_H
#define DNSTRIAGE_I18N_H

#include <libintl.h>

/* gettext's own convention, which xgettext looks for. */
#define _(s) gettext(s) /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
/* Marks a string for translation where it is stored, translated where used. */
#define N_(s) (s)

#endif
