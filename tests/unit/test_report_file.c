/* test_report_file.c - report files as the wizard writes them: the default
 * name for a fixed time, and writes into a private temporary directory
 * (mkdtemp under TMPDIR): a new file, an existing one kept or replaced, a
 * symbolic link never followed, a missing directory reported. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dnstriage/finding.h"
#include "dnstriage/i18n.h"
#include "dnstriage/report.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/verdict.h"

#define NAME "www.example.test"
#define OLD_CONTENT "a file the user keeps\n"

static time_t
fixed_time(void)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 2026 - 1900;
	tm.tm_mon = 10;
	tm.tm_mday = 24;
	tm.tm_hour = 10;
	tm.tm_min = 2;
	tm.tm_sec = 3;
	return timegm(&tm);
}

/* --- the default name --------------------------------------------------- */

static void
test_default_name(void **state)
{
	char buf[512];

	(void)state;
	/* far from UTC, so a stamp in local time shows */
	assert_int_equal(setenv("TZ", "XST-5:30", 1), 0);
	tzset();
	report_default_filename(NAME, fixed_time(), "txt", buf, sizeof(buf));
	assert_string_equal(buf,
	    "dnstriage-www.example.test-20261124T100203Z.txt");
	report_default_filename("Mail-01.Example.TEST", fixed_time(), "json",
	    buf, sizeof(buf));
	assert_string_equal(buf,
	    "dnstriage-Mail-01.Example.TEST-20261124T100203Z.json");
	/* the epoch, to see the stamp is UTC and zero-padded */
	report_default_filename(NAME, 0, "txt", buf, sizeof(buf));
	assert_string_equal(buf,
	    "dnstriage-www.example.test-19700101T000000Z.txt");
}

static void
test_default_name_replaces_odd_characters(void **state)
{
	char buf[512];

	(void)state;
	report_default_filename("../a b/c\\d*e?\t_x;$(rm)", fixed_time(),
	    "txt", buf, sizeof(buf));
	assert_string_equal(buf,
	    "dnstriage-.._a_b_c_d_e___x___rm_-20261124T100203Z.txt");
	/* each byte of a UTF-8 character */
	report_default_filename("caf\xc3\xa9.test", fixed_time(), "txt", buf,
	    sizeof(buf));
	assert_string_equal(buf, "dnstriage-caf__.test-20261124T100203Z.txt");
	assert_null(strchr(buf, '/'));
}

static void
test_default_name_of_the_root(void **state)
{
	char buf[512];

	(void)state;
	report_default_filename(".", fixed_time(), "txt", buf, sizeof(buf));
	assert_string_equal(buf, "dnstriage-root-20261124T100203Z.txt");
	report_default_filename("", fixed_time(), "txt", buf, sizeof(buf));
	assert_string_equal(buf, "dnstriage-root-20261124T100203Z.txt");
	report_default_filename(NULL, fixed_time(), "txt", buf, sizeof(buf));
	assert_string_equal(buf, "dnstriage-root-20261124T100203Z.txt");
}

static void
test_default_name_fits(void **state)
{
	char name[300], buf[512], small[16];
	size_t i;

	(void)state;
	/* the longest name DNS allows (253 characters) still gives a name a
	 * file system takes (NAME_MAX, 255 bytes) */
	for (i = 0; i < 253; i++)
		name[i] = (i % 64 == 63) ? '.' : 'a';
	name[253] = '\0';
	report_default_filename(name, fixed_time(), "json", buf, sizeof(buf));
	assert_true(strlen(buf) <= 255);
	assert_true(strncmp(buf, "dnstriage-aaa", 13) == 0);
	assert_non_null(strstr(buf, "-20261124T100203Z.json"));
	/* a short buffer is cut, never overrun */
	memset(small, 'x', sizeof(small));
	report_default_filename(NAME, fixed_time(), "txt", small,
	    sizeof(small));
	assert_string_equal(small, "dnstriage-www.e");
}

/* --- writing ------------------------------------------------------------ */

struct fixture {
	char dir[PATH_MAX];
	struct triage *t;
};

static int
setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	const char *tmp = getenv("TMPDIR");
	struct finding *f;

	snprintf(fx->dir, sizeof(fx->dir), "%s/dnstriage-unit-XXXXXX",
	    tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
	assert_non_null(mkdtemp(fx->dir));
	fx->t = triage_new(NAME);
	triage_add_type(fx->t, "A");
	fx->t->started = fixed_time();
	fx->t->duration_ms = 12;
	f = triage_add_finding(fx->t, STEP_RESOLVERS,
	    FINDING_RESOLVER_SERVFAIL);
	finding_set_message(f, N_("%1$s answered %2$s for %3$s %4$s."),
	    "127.0.3.2#53", "SERVFAIL", NAME, "A", NULL);
	finding_set_server(f, "127.0.3.2#53");
	step_finish(triage_step(fx->t, STEP_RESOLVERS));
	verdict_choose(fx->t);
	*state = fx;
	return 0;
}

/* Remove what a test left in the directory (flat), then the directory. */
static int
teardown(void **state)
{
	struct fixture *fx = *state;
	DIR *d = opendir(fx->dir);
	struct dirent *e;
	char path[PATH_MAX + 256];

	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", fx->dir,
			    e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	assert_int_equal(rmdir(fx->dir), 0);
	triage_free(fx->t);
	free(fx);
	return 0;
}

static void
in_dir(const struct fixture *fx, const char *name, char *buf, size_t len)
{
	assert_true((size_t)snprintf(buf, len, "%s/%s", fx->dir, name) < len);
}

/* The whole file; NULL if it cannot be read. free() it. */
static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (fp == NULL)
		return NULL;
	do {
		if (cap - len < 4096) {
			cap = cap * 2 + 4096;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
	} while (n > 0);
	fclose(fp);
	buf[len] = '\0';
	return buf;
}

static void
put_file(const char *path, const char *content)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	assert_int_equal(fputs(content, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

static char *
render(int (*fn)(FILE *, const struct triage *), const struct triage *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(fn(fp, t), 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void
assert_file_is(const char *path, const char *expected)
{
	char *got = slurp(path);

	assert_non_null(got);
	assert_string_equal(got, expected);
	free(got);
}

static void
assert_is_symlink(const char *path)
{
	struct stat st;

	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
}

static void
test_write_new_file(void **state)
{
	struct fixture *fx = *state;
	char path[PATH_MAX], resolved[PATH_MAX], real[PATH_MAX], err[256];
	char cwd[PATH_MAX];
	enum report_write_result rc;
	char *expected;
	struct stat st;

	in_dir(fx, "report.txt", path, sizeof(path));
	err[0] = '\0';
	assert_int_equal(report_write_file(path, fx->t, false, false,
	    resolved, sizeof(resolved), err, sizeof(err)), REPORT_WRITTEN);
	expected = render(report_text, fx->t);
	assert_non_null(strstr(expected, NAME));
	assert_file_is(path, expected);
	free(expected);
	assert_non_null(realpath(path, real));
	assert_string_equal(resolved, real);
	assert_int_equal(resolved[0], '/');
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 0022, 0);

	/* the JSON report the same way */
	in_dir(fx, "report.json", path, sizeof(path));
	assert_int_equal(report_write_file(path, fx->t, true, false, NULL, 0,
	    err, sizeof(err)), REPORT_WRITTEN);
	expected = render(report_json, fx->t);
	assert_non_null(strstr(expected, REPORT_SCHEMA));
	assert_file_is(path, expected);
	free(expected);

	/* a relative path is resolved to an absolute one */
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(fx->dir), 0);
	resolved[0] = '\0';
	rc = report_write_file("relative.txt", fx->t, false, false, resolved,
	    sizeof(resolved), err, sizeof(err));
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(rc, REPORT_WRITTEN);
	in_dir(fx, "relative.txt", path, sizeof(path));
	assert_non_null(realpath(path, real));
	assert_string_equal(resolved, real);
}

static void
test_existing_file_is_kept(void **state)
{
	struct fixture *fx = *state;
	char path[PATH_MAX], resolved[PATH_MAX], err[256];

	in_dir(fx, "report.txt", path, sizeof(path));
	put_file(path, OLD_CONTENT);
	assert_int_equal(report_write_file(path, fx->t, false, false,
	    resolved, sizeof(resolved), err, sizeof(err)), REPORT_EXISTS);
	assert_file_is(path, OLD_CONTENT);
	assert_int_equal(report_write_file(path, fx->t, true, false,
	    resolved, sizeof(resolved), err, sizeof(err)), REPORT_EXISTS);
	assert_file_is(path, OLD_CONTENT);
}

static void
test_overwrite_replaces(void **state)
{
	struct fixture *fx = *state;
	char path[PATH_MAX], resolved[PATH_MAX], err[256];
	char *expected;

	in_dir(fx, "report.txt", path, sizeof(path));
	/* longer than the report, so a write without truncation shows */
	expected = render(report_text, fx->t);
	{
		size_t n = strlen(expected) * 2 + 10, i;
		char *big = xcalloc(1, n + 1);

		for (i = 0; i < n; i++)
			big[i] = (i % 60 == 59) ? '\n' : 'z';
		put_file(path, big);
		free(big);
	}
	assert_int_equal(report_write_file(path, fx->t, false, true,
	    resolved, sizeof(resolved), err, sizeof(err)), REPORT_WRITTEN);
	assert_file_is(path, expected);
	free(expected);
}

/* A link at the report's path, to target (which may not exist). */
static void
check_link_not_followed(struct fixture *fx, bool target_exists)
{
	char path[PATH_MAX], target[PATH_MAX], resolved[PATH_MAX], err[256];
	enum report_write_result r;
	int overwrite, json;

	in_dir(fx, "target", target, sizeof(target));
	in_dir(fx, "report.txt", path, sizeof(path));
	if (target_exists)
		put_file(target, OLD_CONTENT);
	assert_int_equal(symlink(target, path), 0);
	for (overwrite = 0; overwrite <= 1; overwrite++)
		for (json = 0; json <= 1; json++) {
			err[0] = '\0';
			r = report_write_file(path, fx->t, json, overwrite,
			    resolved, sizeof(resolved), err, sizeof(err));
			print_message("  %s link, overwrite=%d json=%d: %d %s\n",
			    target_exists ? "live" : "dangling", overwrite,
			    json, r, err);
			assert_true(r == REPORT_EXISTS || r == REPORT_FAILED);
			if (r == REPORT_FAILED)
				assert_true(err[0] != '\0');
			if (target_exists)
				assert_file_is(target, OLD_CONTENT);
			else
				assert_int_equal(access(target, F_OK), -1);
			assert_is_symlink(path);
		}
}

static void
test_dangling_symlink_not_followed(void **state)
{
	check_link_not_followed(*state, false);
}

static void
test_symlink_to_file_not_followed(void **state)
{
	check_link_not_followed(*state, true);
}

/* The default name of the longest DNS name is one the file system takes. */
static void
test_write_longest_default_name(void **state)
{
	struct fixture *fx = *state;
	char name[300], file[512], path[PATH_MAX], err[PATH_MAX + 128];
	size_t i;

	for (i = 0; i < 253; i++)
		name[i] = (i % 64 == 63) ? '.' : 'a';
	name[253] = '\0';
	report_default_filename(name, fixed_time(), "json", file,
	    sizeof(file));
	in_dir(fx, file, path, sizeof(path));
	err[0] = '\0';
	assert_int_equal(report_write_file(path, fx->t, true, false, NULL, 0,
	    err, sizeof(err)), REPORT_WRITTEN);
	assert_string_equal(err, "");
	assert_int_equal(access(path, F_OK), 0);
}

static void
test_missing_directory_fails(void **state)
{
	struct fixture *fx = *state;
	char path[PATH_MAX], resolved[PATH_MAX], err[PATH_MAX + 128];
	int overwrite;

	in_dir(fx, "no-such-dir/report.txt", path, sizeof(path));
	for (overwrite = 0; overwrite <= 1; overwrite++) {
		err[0] = '\0';
		strcpy(resolved, "untouched");
		assert_int_equal(report_write_file(path, fx->t, false,
		    overwrite, resolved, sizeof(resolved), err, sizeof(err)),
		    REPORT_FAILED);
		assert_non_null(strstr(err, path));
		assert_non_null(strstr(err, strerror(ENOENT)));
		assert_string_equal(resolved, "untouched");
	}
	/* no name at all */
	err[0] = '\0';
	assert_int_equal(report_write_file("", fx->t, false, false, NULL, 0,
	    err, sizeof(err)), REPORT_FAILED);
	assert_true(err[0] != '\0');
	assert_int_equal(report_write_file(NULL, fx->t, false, false, NULL, 0,
	    err, sizeof(err)), REPORT_FAILED);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_name),
		cmocka_unit_test(test_default_name_replaces_odd_characters),
		cmocka_unit_test(test_default_name_of_the_root),
		cmocka_unit_test(test_default_name_fits),
		T(test_write_new_file),
		T(test_existing_file_is_kept),
		T(test_overwrite_replaces),
		T(test_dangling_symlink_not_followed),
		T(test_symlink_to_file_not_followed),
		T(test_write_longest_default_name),
		T(test_missing_directory_fails),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
