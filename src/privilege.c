/* privilege.c - real root or uid 0 in a user namespace (privilege.h). */
#include "config.h"

#include <stdio.h>

#include "dnstriage/privilege.h"

#define INITIAL_NS_RANGE 4294967295UL

bool
privilege_is_real_root(uid_t euid, const char *uid_map_path)
{
	unsigned long inside, outside, count;
	FILE *f;
	int n;

	if (euid != 0)
		return false;
	if ((f = fopen(uid_map_path != NULL ? uid_map_path :
	    "/proc/self/uid_map", "re")) == NULL)
		return true;
	n = fscanf(f, "%lu %lu %lu", &inside, &outside, &count);
	fclose(f);
	if (n != 3)
		return true;
	return inside == 0 && outside == 0 && count == INITIAL_NS_RANGE;
}
