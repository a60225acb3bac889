/* privilege.c - real root or uid 0 in a user namespace (privilege.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "dnstriage/privilege.h"

#define INITIAL_NS_RANGE 4294967295UL

/* The next unsigned decimal field of s; false if there is none. */
static bool
next_field(const char **s, unsigned long *v)
{
	char *end;

	errno = 0;
	*v = strtoul(*s, &end, 10);
	if (end == *s || errno != 0)
		return false;
	*s = end;
	return true;
}

bool
privilege_is_real_root(uid_t euid, const char *uid_map_path)
{
	unsigned long inside, outside, count;
	char line[128];
	const char *s = line;
	FILE *f;
	bool ok;

	if (euid != 0)
		return false;
	if ((f = fopen(uid_map_path != NULL ? uid_map_path :
	    "/proc/self/uid_map", "re")) == NULL)
		return true;
	ok = fgets(line, sizeof(line), f) != NULL;
	fclose(f);
	if (!ok || !next_field(&s, &inside) || !next_field(&s, &outside) ||
	    !next_field(&s, &count))
		return true;
	return inside == 0 && outside == 0 && count == INITIAL_NS_RANGE;
}
