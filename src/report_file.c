/* report_file.c - reports written to files from the wizard: the default
 * file name, and a write that never follows a symbolic link and never
 * replaces a file the user did not agree to replace. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dnstriage/i18n.h"
#include "dnstriage/report.h"
#include "dnstriage/textfmt.h"

void
report_default_filename(const char *name, time_t when, const char *ext,
    char *buf, size_t buflen)
{
	/* The name is cut so the whole file name fits NAME_MAX: a DNS name
	 * may be 253 characters, more than is left beside the prefix, the
	 * stamp and the extension. */
	const size_t fixed = strlen("dnstriage--YYYYMMDDTHHMMSSZ.") +
	    strlen(ext);
	size_t room = fixed < NAME_MAX ? NAME_MAX - fixed : 0;
	char safe[256], stamp[32];
	struct tm tm;
	size_t i;

	if (room > sizeof(safe) - 1)
		room = sizeof(safe) - 1;
	for (i = 0; name != NULL && name[i] != '\0' && i < room; i++) {
		unsigned char c = (unsigned char)name[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '-')
			safe[i] = name[i];
		else
			safe[i] = '_';
	}
	safe[i] = '\0';
	if (i == 0 || (i == 1 && safe[0] == '.'))
		snprintf(safe, sizeof(safe), "root");
	if (gmtime_r(&when, &tm) == NULL ||
	    strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm) == 0)
		snprintf(stamp, sizeof(stamp), "unknown-time");
	snprintf(buf, buflen, "dnstriage-%s-%s.%s", safe, stamp, ext);
}

enum report_write_result
report_write_file(const char *path, const struct triage *t, bool json,
    bool overwrite, char *resolved, size_t resolvedlen, char *err,
    size_t errlen)
{
	/* O_EXCL also refuses a symbolic link, dangling or not. */
	int flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC |
	    (overwrite ? O_TRUNC : O_EXCL);
	char real[PATH_MAX];
	FILE *f;
	int fd, rc;

	if (path == NULL || path[0] == '\0') {
		textfmt_err(err, errlen, "%s", _("no file name given"));
		return REPORT_FAILED;
	}
	if ((fd = open(path, flags, 0644)) < 0) {
		if (errno == EEXIST && !overwrite)
			return REPORT_EXISTS;
		textfmt_err(err, errlen, _("cannot write '%s': %s"), path,
		    errno == ELOOP ? _("it is a symbolic link") :
		    strerror(errno));
		return REPORT_FAILED;
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		textfmt_err(err, errlen, _("cannot write '%s': %s"), path,
		    strerror(errno));
		close(fd);
		return REPORT_FAILED;
	}
	rc = json ? report_json(f, t) : report_text(f, t);
	if (fclose(f) != 0)
		rc = -1;
	if (rc != 0) {
		textfmt_err(err, errlen, _("cannot write '%s': %s"), path,
		    strerror(errno != 0 ? errno : EIO));
		return REPORT_FAILED;
	}
	if (resolved != NULL && resolvedlen > 0)
		snprintf(resolved, resolvedlen, "%s",
		    realpath(path, real) != NULL ? real : path);
	return REPORT_WRITTEN;
}
