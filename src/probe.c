#include "config.h"
#include "dnstriage/probe.h"
int probe_placeholder(void);
int probe_placeholder(void) { return 0; }
