/* TEMPORARY */
#include "config.h"
#include <stdlib.h>
#include "dnstriage/help.h"
#include "dnstriage/textfmt.h"
struct help_page *help_page_step(enum step_id step) { (void)step; return xcalloc(1, sizeof(struct help_page)); }
struct help_page *help_page_verdict(void) { return xcalloc(1, sizeof(struct help_page)); }
void help_page_free(struct help_page *p) { free(p); }
size_t help_page_layout(const struct help_page *p, size_t width, char ***lines) { (void)p; return textfmt_wrap("temporary help page", width, 0, 0, lines); }
