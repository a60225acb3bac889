/* fuzz_sysconf.c - libFuzzer target: the local configuration readers
 * (sysconf.h). The input is read as a resolv.conf, as an nsswitch.conf
 * and as a hosts file (the same bytes by each reader, as a file that
 * holds them), then what the steps derive from them is computed: glibc's
 * failover cost, stub kinds, hosts look-ups. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dnstriage/sysconf.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sysconf_resolv rc;
	static struct sysconf_nsswitch nss;
	const struct sysconf_hosts_entry *found[4];
	struct sysconf_hosts_limits lim = { (size_t)64 * 1024, 1000 };
	struct sysconf_hosts hosts;
	struct sysconf_failover fo;
	bool alive[SYSCONF_MAX_NAMESERVERS];
	const char *path = fuzz_input_file(data, size);
	size_t i;

	(void)sysconf_load_resolv_conf(path, &rc);
	for (i = 0; i < rc.nns; i++) {
		alive[i] = (i & 1) != 0;
		(void)sysconf_stub_label(sysconf_stub_kind(
		    (const struct sockaddr *)&rc.ns[i].addr));
	}
	sysconf_failover(&rc, alive, rc.nns, &fo);
	for (i = 0; i < rc.diags.n; i++)
		(void)sysconf_diag_code_name(rc.diags.d[i].code);

	(void)sysconf_load_nsswitch_hosts(path, &nss);
	(void)sysconf_nss_find(&nss, "dns");
	(void)sysconf_nss_find(&nss, "files");

	memset(&hosts, 0, sizeof(hosts));
	(void)sysconf_load_hosts(path, &lim, &hosts);
	(void)sysconf_hosts_lookup(&hosts, "localhost", found, 4);
	if (hosts.nentries > 0)
		(void)sysconf_hosts_lookup(&hosts, hosts.entries[0].name,
		    found, 4);
	sysconf_hosts_free(&hosts);
	return 0;
}
