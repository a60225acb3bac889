#include "config.h"
#include "dnstriage/sysconf.h"
int sysconf_placeholder(void);
int sysconf_placeholder(void) { return 0; }
