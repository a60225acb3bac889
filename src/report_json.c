/* report_json.c - the JSON report of DESIGN.md ("dnstriage-report/1"),
 * written by hand: the schema is small and fixed, and a dependency for it
 * would cost more than these lines. Keys come in the schema's order;
 * optional finding keys are left out when the finding has no value. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dnstriage/finding.h"
#include "dnstriage/report.h"
#include "dnstriage/textfmt.h"
#include "dnstriage/verdict.h"

/* Characters JSON writes as a backslash and a letter, and the letters. */
static const char short_escapes[] = "\"\\\b\f\n\r\t";
static const char short_letters[] = "\"\\bfnrt";

void
report_json_string(FILE *out, const char *s)
{
	size_t i = 0, n;

	if (s == NULL) {
		fputs("null", out);
		return;
	}
	n = strlen(s);
	fputc('"', out);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = c != 0 ? strchr(short_escapes, c) : NULL;
		unsigned long cp;
		size_t len;

		if (esc != NULL) {
			fputc('\\', out);
			fputc(short_letters[esc - short_escapes], out);
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			fprintf(out, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			fputc(c, out);
			i++;
		} else if ((len = textfmt_utf8_decode(s + i, n - i, &cp)) == 0) {
			fputs("\xef\xbf\xbd", out);	/* U+FFFD */
			i++;
		} else {
			fwrite(s + i, 1, len, out);
			i += len;
		}
	}
	fputc('"', out);
}

static void
indent(FILE *out, int level)
{
	int i;

	for (i = 0; i < level; i++)
		fputs("  ", out);
}

/* "key": at level, preceded by a comma and newline unless first. */
static void
key(FILE *out, int level, bool *first, const char *k)
{
	fputs(*first ? "\n" : ",\n", out);
	*first = false;
	indent(out, level);
	report_json_string(out, k);
	fputs(": ", out);
}

static void
key_string(FILE *out, int level, bool *first, const char *k, const char *v)
{
	key(out, level, first, k);
	report_json_string(out, v);
}

static void
write_field(FILE *out, int level, bool *first, const char *k,
    const struct field_value *v)
{
	size_t i;

	switch (v->kind) {
	case FIELD_ABSENT:
		return;
	case FIELD_STRING:
		key_string(out, level, first, k, v->str);
		return;
	case FIELD_NUMBER:
		key(out, level, first, k);
		fprintf(out, "%ld", v->num);
		return;
	case FIELD_NUMBER_LIST:
		key(out, level, first, k);
		fputc('[', out);
		for (i = 0; i < v->nlist; i++)
			fprintf(out, "%s%u", i ? ", " : "",
			    (unsigned)v->list[i]);
		fputc(']', out);
		return;
	}
}

static void
write_finding(FILE *out, int level, const struct finding *f)
{
	bool first = true;
	size_t i;

	fputc('{', out);
	for (i = 0; i < finding_nfields; i++) {
		const struct finding_field *field = &finding_fields[i];
		struct field_value v;

		if (field->json_key == NULL)
			continue;
		finding_field_get(field, f, &v);
		write_field(out, level + 1, &first, field->json_key, &v);
		field_value_clear(&v);
	}
	fputc('\n', out);
	indent(out, level);
	fputc('}', out);
}

/* A report is a result: steps that did not finish count as skipped. */
static enum step_status
reported_status(enum step_status s)
{
	return step_status_is_result(s) ? s : STEP_SKIPPED;
}

static void
write_step(FILE *out, int level, const struct step_result *s)
{
	bool first = true;
	size_t i;

	fputc('{', out);
	key_string(out, level + 1, &first, "id", step_id_str(s->id));
	key_string(out, level + 1, &first, "status",
	    step_status_str(reported_status(s->status)));
	key(out, level + 1, &first, "findings");
	if (s->nfindings == 0)
		fputs("[]", out);
	else {
		fputc('[', out);
		for (i = 0; i < s->nfindings; i++) {
			fputs(i ? ",\n" : "\n", out);
			indent(out, level + 2);
			write_finding(out, level + 2, s->findings[i]);
		}
		fputc('\n', out);
		indent(out, level + 1);
		fputc(']', out);
	}
	fputc('\n', out);
	indent(out, level);
	fputc('}', out);
}

static void
write_verdict(FILE *out, int level, const struct verdict *v)
{
	bool first = true;
	char *summary = verdict_summary(v);
	size_t i, n = verdict_recovery_count(v);

	fputc('{', out);
	key_string(out, level + 1, &first, "code", verdict_code_str(v));
	key_string(out, level + 1, &first, "severity",
	    severity_str(v->severity));
	key_string(out, level + 1, &first, "summary", summary);
	free(summary);
	key(out, level + 1, &first, "recovery");
	fputc('[', out);
	for (i = 0; i < n; i++) {
		char *line = verdict_recovery_line(v, i);

		fputs(i ? ",\n" : "\n", out);
		indent(out, level + 2);
		report_json_string(out, line);
		free(line);
	}
	if (n > 0) {
		fputc('\n', out);
		indent(out, level + 1);
	}
	fputc(']', out);
	fputc('\n', out);
	indent(out, level);
	fputc('}', out);
}

int
report_json(FILE *out, const struct triage *t)
{
	bool first = true;
	char started[32] = "";
	struct tm tm;
	size_t i;

	if (gmtime_r(&t->started, &tm) != NULL)
		strftime(started, sizeof(started), "%Y-%m-%dT%H:%M:%SZ", &tm);

	fputc('{', out);
	key_string(out, 1, &first, "schema", REPORT_SCHEMA);
	key_string(out, 1, &first, "name", t->name);
	key(out, 1, &first, "types");
	fputc('[', out);
	for (i = 0; i < t->ntypes; i++) {
		if (i > 0)
			fputs(", ", out);
		report_json_string(out, t->types[i]);
	}
	fputc(']', out);
	key_string(out, 1, &first, "started", started);
	key(out, 1, &first, "duration_ms");
	if (t->duration_ms >= 0)
		fprintf(out, "%ld", t->duration_ms);
	else
		fputs("null", out);
	key_string(out, 1, &first, "host", t->host ? t->host : "");
	key_string(out, 1, &first, "version", t->version ? t->version : "");
	key(out, 1, &first, "verdict");
	write_verdict(out, 1, &t->verdict);
	key(out, 1, &first, "steps");
	fputc('[', out);
	for (i = 0; i < STEP_COUNT; i++) {
		fputs(i ? ",\n" : "\n", out);
		indent(out, 2);
		write_step(out, 2, &t->steps[i]);
	}
	fputs("\n  ]\n}\n", out);
	return ferror(out) ? -1 : 0;
}
