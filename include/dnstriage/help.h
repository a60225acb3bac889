/* TEMPORARY (not committed): the help helper's API until its branch lands */
#ifndef DNSTRIAGE_HELP_H
#define DNSTRIAGE_HELP_H
#include <stddef.h>
#include "dnstriage/finding.h"
enum help_block_kind { HELP_TITLE, HELP_HEADING, HELP_PARAGRAPH, HELP_TERM, HELP_COMMAND };
struct help_block { enum help_block_kind kind; char *term; char *text; };
struct help_page { struct help_block *blocks; size_t nblocks; };
struct help_page *help_page_step(enum step_id step);
struct help_page *help_page_verdict(void);
void help_page_free(struct help_page *p);
size_t help_page_layout(const struct help_page *p, size_t width, char ***lines);
#endif
