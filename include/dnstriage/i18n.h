/* i18n.h - gettext shorthands shared by every module. */
#ifndef DNSTRIAGE_I18N_H
#define DNSTRIAGE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
/* Marks a string for translation where it is stored, translated where used. */
#define N_(s) (s)

#endif
