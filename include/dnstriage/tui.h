/* tui.h - the interactive wizard (ncursesw + panel + form): one poll()
 * loop over the terminal and the survey's sockets, so the screen answers
 * a key at once while probes are in flight (mtr's design). It drives the
 * same triage session as report mode and renders its model; the guided
 * flow between the steps is the transition table of wizard.h. */
#ifndef DNSTRIAGE_TUI_H
#define DNSTRIAGE_TUI_H

#include <stdbool.h>
#include <stddef.h>

#include "dnstriage/cli.h"

/* Can the wizard run here? false with a one-line reason (translated) when
 * standard input or output is not a terminal or TERM is unset or "dumb":
 * the caller then writes the report instead and says why. */
bool tui_available(char *why, size_t whylen);

/* Run the wizard to its end; returns the exit status (0..3, from the
 * verdict; 3 when the user quit before it, or on an error, said on
 * stderr after the terminal is restored). */
int tui_main(const struct cli_options *opts, int argc, char **argv,
    const char *progname);

#endif
