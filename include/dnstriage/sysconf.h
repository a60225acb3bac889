/* sysconf.h - placeholder, being written. */
#ifndef DNSTRIAGE_SYSCONF_H
#define DNSTRIAGE_SYSCONF_H
#endif
