/* privilege.h - dnstriage needs no privileges: it sends ordinary UDP and
 * TCP from unprivileged ports and reads world-readable files. This tells
 * whether the process runs as the machine's real root (to say it is not
 * needed), as opposed to uid 0 inside a user namespace, where the lab and
 * the tests run it. */
#ifndef DNSTRIAGE_PRIVILEGE_H
#define DNSTRIAGE_PRIVILEGE_H

#include <stdbool.h>
#include <sys/types.h>

/* euid is 0 and uid_map_path (NULL: /proc/self/uid_map) maps the whole
 * uid range onto itself ("0 0 4294967295"), as only the initial user
 * namespace does. An unreadable map counts as the initial namespace. */
bool privilege_is_real_root(uid_t euid, const char *uid_map_path);

#endif
