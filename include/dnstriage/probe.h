/* probe.h - placeholder, being written. */
#ifndef DNSTRIAGE_PROBE_H
#define DNSTRIAGE_PROBE_H
#endif
