/* test_i18n.c - the message language switch of --report-lang and messages
 * rendered in the language of the moment, against the small German test
 * catalogue (tests/fixtures/i18n/de.po, built into I18N_TEST_LOCALEDIR). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/finding.h"
#include "dnstriage/i18n.h"
#include "dnstriage/sysconf.h"

#define FX(name) FIXTURES "/i18n/" name

/* The screen: German through LANGUAGE, in a UTF-8 locale every Debian has. */
static int
screen_german(void **state)
{
	(void)state;
	setenv("LANGUAGE", "de", 1);
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return -1;
	return 0;
}

/* The screen: the C locale, English. */
static int
screen_c(void **state)
{
	(void)state;
	unsetenv("LANGUAGE");
	setlocale(LC_ALL, "C");
	return 0;
}

static void
test_valid_languages(void **state)
{
	static const char *const good[] = {
		"C", "POSIX", "C.UTF-8", "en", "de", "de_DE", "de_DE.UTF-8",
		"ja_JP.utf8", "sr@latin", "ast", "fr_CA@euro",
	};
	static const char *const bad[] = {
		"", "d", "deutsch", "de_de", "DE", "de:fr", "../de", "de/x",
		"de_DE.", "de@", "de DE", "C.", "en_US.UTF-8@",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(i18n_valid_language(good[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(i18n_valid_language(bad[i]));
	assert_false(i18n_valid_language(NULL));
	assert_true(i18n_language_is_english("C"));
	assert_true(i18n_language_is_english("en_GB.UTF-8"));
	assert_false(i18n_language_is_english("de"));
}

/* The fixture is found, or every other test here proves nothing. */
static void
test_screen_is_german(void **state)
{
	(void)state;
	assert_string_equal(_("WHAT TO DO NOW"), "WAS JETZT ZU TUN IST");
	assert_true(i18n_have_catalogue());
}

static void
test_c_gives_english_then_german_again(void **state)
{
	struct i18n_saved saved;
	static const char *const langs[] = { "C", "POSIX", "en", "en_US" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
		assert_true(i18n_push_language(langs[i], &saved));
		assert_string_equal(_("WHAT TO DO NOW"), "WHAT TO DO NOW");
		assert_false(i18n_have_catalogue());
		i18n_pop_language(&saved);
		/* gettext's cache must not keep the English answer. */
		assert_string_equal(_("WHAT TO DO NOW"), "WAS JETZT ZU TUN IST");
		assert_string_equal(getenv("LANGUAGE"), "de");
		assert_false(saved.active);
	}
}

/* Only LANGUAGE changes (the locale stays C.UTF-8): gettext must look
 * again, not answer from its cache. There is no French test catalogue,
 * so French comes out as the msgids. */
static void
test_language_without_catalogue_is_english(void **state)
{
	struct i18n_saved saved;

	(void)state;
	assert_string_equal(_("WHAT TO DO NOW"), "WAS JETZT ZU TUN IST");
	assert_true(i18n_push_language("fr", &saved));
	assert_string_equal(getenv("LANGUAGE"), "fr");
	assert_string_equal(_("WHAT TO DO NOW"), "WHAT TO DO NOW");
	assert_false(i18n_have_catalogue());
	i18n_pop_language(&saved);
	assert_string_equal(_("WHAT TO DO NOW"), "WAS JETZT ZU TUN IST");
}

static void
test_nothing_given_changes_nothing(void **state)
{
	struct i18n_saved saved;

	(void)state;
	assert_true(i18n_push_language(NULL, &saved));
	assert_false(saved.active);
	assert_string_equal(_("WHAT TO DO NOW"), "WAS JETZT ZU TUN IST");
	i18n_pop_language(&saved);
	assert_true(i18n_push_language("", &saved));
	i18n_pop_language(&saved);
	assert_string_equal(_("WHAT TO DO NOW"), "WAS JETZT ZU TUN IST");
}

static void
test_invalid_language_changes_nothing(void **state)
{
	struct i18n_saved saved;

	(void)state;
	assert_false(i18n_push_language("../../tmp/x", &saved));
	assert_false(saved.active);
	assert_string_equal(_("WHAT TO DO NOW"), "WAS JETZT ZU TUN IST");
	assert_string_equal(getenv("LANGUAGE"), "de");
}

/* With LC_MESSAGES "C" GNU gettext ignores LANGUAGE: the switch must
 * still reach the German catalogue, and leave the screen English. */
static void
test_german_report_from_a_c_screen(void **state)
{
	struct i18n_saved saved;

	(void)state;
	assert_string_equal(_("WHAT TO DO NOW"), "WHAT TO DO NOW");
	assert_true(i18n_push_language("de", &saved));
	assert_string_equal(_("WHAT TO DO NOW"), "WAS JETZT ZU TUN IST");
	/* In UTF-8 whatever the screen's codeset: reports are UTF-8. */
	assert_string_equal(_("unknown keyword '%s': glibc ignores the line"),
	    "unbekanntes Schl\xc3\xbcsselwort '%s': glibc ignoriert die Zeile");
	assert_string_equal(ngettext("%s finding:", "%s findings:", 2),
	    "%s Befunde:");
	i18n_pop_language(&saved);
	assert_string_equal(_("WHAT TO DO NOW"), "WHAT TO DO NOW");
	assert_null(getenv("LANGUAGE"));
	assert_string_equal(setlocale(LC_MESSAGES, NULL), "C");
}

/* A remark of the loaders, kept as msgid + arguments inside a finding's
 * message, comes out in the language of the moment, errno text too. */
static void
test_remark_rendered_in_either_language(void **state)
{
	struct sysconf_resolv rc;
	struct triage *t = triage_new("a.test");
	struct finding *f = triage_add_finding(t, STEP_SCOPE,
	    FINDING_CONFIG_NOTE);
	struct i18n_saved saved;
	char *remark, *text, *missing;
	size_t i;

	(void)state;
	assert_int_equal(sysconf_load_resolv_conf(FX("remark.resolv.conf"),
	    &rc), 0);
	for (i = 0; i < rc.diags.n; i++)
		if (rc.diags.d[i].code == SYSCONF_D_UNKNOWN_KEYWORD)
			break;
	assert_true(i < rc.diags.n);
	remark = sysconf_diag_message_arg(&rc.diags.d[i]);
	finding_set_message(f, N_("%1$s, line %2$s: %3$s"), "resolv.conf",
	    "2", remark, NULL);
	free(remark);

	text = finding_message(f);
	assert_string_equal(text, "resolv.conf, Zeile 2: unbekanntes "
	    "Schl\xc3\xbcsselwort 'frobnicate': glibc ignoriert die Zeile");
	free(text);
	assert_true(i18n_push_language("C", &saved));
	text = finding_message(f);
	assert_string_equal(text, "resolv.conf, line 2: unknown keyword "
	    "'frobnicate': glibc ignores the line");
	free(text);
	i18n_pop_language(&saved);

	/* An unreadable file: the system's reason is worded when shown. */
	assert_int_equal(sysconf_load_resolv_conf(FX("no-such-file"), &rc), -1);
	assert_true(i18n_push_language("C", &saved));
	missing = sysconf_diag_message(&rc.diags.d[0]);
	assert_non_null(strstr(missing, strerror(ENOENT)));
	assert_non_null(strstr(missing, "cannot open the file: "));
	free(missing);
	i18n_pop_language(&saved);
	triage_free(t);
}

/* Arguments that are messages, msgids or errno values, and what a
 * malformed one renders as. */
static void
test_message_arguments(void **state)
{
	const char *inner_args[2] = { NA_("critical"), NULL };
	char *inner, *err, *out;
	const char *args[3];

	(void)state;
	err = i18n_arg_errno(ENOENT);
	inner_args[1] = err;
	inner = i18n_arg_format("%1$s: %2$s", NULL, 0, inner_args, 2);
	args[0] = inner;
	args[1] = I18N_ARG_ERRNO "x";
	args[2] = "plain\x1e" "text";
	out = i18n_render("[%s] [%s] [%s]", NULL, 0, args, 3);
	assert_non_null(strstr(out, "[kritisch: "));
	assert_non_null(strstr(out, "] [?] [plain"));
	free(out);
	/* A message inside a message inside a message is not rendered. */
	args[0] = inner;
	{
		char *twice = i18n_arg_format("<%s>", NULL, 0, args, 1);

		args[0] = twice;
		out = i18n_render("%s", NULL, 0, args, 1);
		assert_string_equal(out, "<?>");
		free(out);
		free(twice);
	}
	free(inner);
	free(err);
}

int
main(void)
{
	const struct CMUnitTest german[] = {
		cmocka_unit_test(test_valid_languages),
		cmocka_unit_test(test_screen_is_german),
		cmocka_unit_test(test_c_gives_english_then_german_again),
		cmocka_unit_test(test_language_without_catalogue_is_english),
		cmocka_unit_test(test_nothing_given_changes_nothing),
		cmocka_unit_test(test_invalid_language_changes_nothing),
		cmocka_unit_test(test_remark_rendered_in_either_language),
		cmocka_unit_test(test_message_arguments),
	};
	const struct CMUnitTest english[] = {
		cmocka_unit_test(test_german_report_from_a_c_screen),
	};
	int failed;

	bindtextdomain(PACKAGE, I18N_TEST_LOCALEDIR);
	textdomain(PACKAGE);
	failed = cmocka_run_group_tests_name("german screen", german,
	    screen_german, NULL);
	failed += cmocka_run_group_tests_name("english screen", english,
	    screen_c, NULL);
	return failed;
}
