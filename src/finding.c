/* finding.c - the triage model: messages, findings, step results, the run,
 * and the field table every view reads. No I/O. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/finding.h"
#include "dnstriage/i18n.h"
#include "dnstriage/textfmt.h"

/* --- messages ----------------------------------------------------------- */

void
message_clear(struct message *m)
{
	size_t i;

	free(m->msgid);
	free(m->msgid_plural);
	for (i = 0; i < m->nargs; i++)
		free(m->args[i]);
	memset(m, 0, sizeof(*m));
}

void
message_set_plural(struct message *m, const char *msgid,
    const char *msgid_plural, unsigned long n, const char *const *args,
    size_t nargs)
{
	size_t i;

	message_clear(m);
	m->msgid = xstrdup(msgid);
	m->msgid_plural = xstrdup(msgid_plural);
	m->n = n;
	if (nargs > MESSAGE_MAX_ARGS)
		nargs = MESSAGE_MAX_ARGS;
	for (i = 0; i < nargs; i++)
		m->args[i] = xstrdup(args[i]);
	m->nargs = nargs;
}

void
message_set(struct message *m, const char *msgid, const char *const *args,
    size_t nargs)
{
	message_set_plural(m, msgid, NULL, 0, args, nargs);
}

char *
message_arg_msgid(const char *msgid)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, MESSAGE_ARG_MSGID);
	strbuf_adds(&sb, msgid);
	return strbuf_detach(&sb);
}

char *
message_render(const struct message *m)
{
	return i18n_render(m->msgid, m->msgid_plural, m->n,
	    (const char *const *)m->args, m->nargs);
}

/* Set m from a msgid and the NULL-ended string arguments in ap. */
static void
message_vset(struct message *m, const char *msgid, const char *msgid_plural,
    unsigned long n, va_list ap)
{
	const char *args[MESSAGE_MAX_ARGS], *a;
	size_t nargs = 0;

	while ((a = va_arg(ap, const char *)) != NULL)
		if (nargs < MESSAGE_MAX_ARGS)
			args[nargs++] = a;
	message_set_plural(m, msgid, msgid_plural, n, args, nargs);
}

/* --- findings ----------------------------------------------------------- */

static struct finding *
finding_new(enum finding_code code)
{
	struct finding *f = xcalloc(1, sizeof(*f));

	f->code = code;
	f->severity = knowledge_finding_code(code)->severity;
	f->rcode = -1;
	f->rtt_ms = -1;
	return f;
}

static void
finding_free(struct finding *f)
{
	size_t i;

	if (f == NULL)
		return;
	message_clear(&f->message);
	free(f->server);
	free(f->ede);
	free(f->flags);
	free(f->reproduce);
	free(f->evidence);
	for (i = 0; i < FACT_COUNT; i++)
		free(f->facts[i]);
	free(f);
}

const char *
finding_code_str(const struct finding *f)
{
	return knowledge_finding_code(f->code)->name;
}

static void
replace(char **field, const char *value)
{
	char *copy = xstrdup(value);

	free(*field);
	*field = copy;
}

void
finding_set_severity(struct finding *f, enum severity s)
{
	/* A finding is never "unknown": that is a verdict's word. */
	f->severity = s == SEVERITY_UNKNOWN ? SEVERITY_INFO : s;
}

void
finding_set_message(struct finding *f, const char *msgid, ...)
{
	va_list ap;

	va_start(ap, msgid);
	message_vset(&f->message, msgid, NULL, 0, ap);
	va_end(ap);
}

void
finding_set_message_plural(struct finding *f, const char *msgid,
    const char *msgid_plural, unsigned long count, ...)
{
	va_list ap;

	va_start(ap, count);
	message_vset(&f->message, msgid, msgid_plural, count, ap);
	va_end(ap);
}

void
finding_set_server(struct finding *f, const char *server)
{
	replace(&f->server, server);
}

void
finding_set_rcode(struct finding *f, int rcode)
{
	f->rcode = rcode < 0 ? -1 : rcode;
}

void
finding_add_ede(struct finding *f, uint16_t code)
{
	f->ede = xreallocarray(f->ede, f->nede + 1, sizeof(*f->ede));
	f->ede[f->nede++] = code;
}

void
finding_set_rtt(struct finding *f, long ms)
{
	f->rtt_ms = ms < 0 ? -1 : ms;
}

void
finding_set_flags(struct finding *f, const char *flags)
{
	replace(&f->flags, flags);
}

void
finding_set_reproduce(struct finding *f, const char *cmd)
{
	replace(&f->reproduce, cmd);
}

void
finding_set_evidence(struct finding *f, const char *text)
{
	replace(&f->evidence, text);
}

void
finding_set_fact(struct finding *f, enum fact k, const char *value)
{
	if ((unsigned)k >= FACT_COUNT)
		return;
	if (k == FACT_SERVER) {
		finding_set_server(f, value);
		return;
	}
	replace(&f->facts[k], value);
}

const char *
finding_fact(const struct finding *f, enum fact k, char *buf, size_t buflen)
{
	const char *hash;
	size_t len;

	if ((unsigned)k >= FACT_COUNT)
		return NULL;
	if (k == FACT_SERVER)
		return f->server;
	if (f->facts[k] != NULL || k != FACT_ADDRESS || f->server == NULL)
		return f->facts[k];
	/* The address of "ADDR#PORT" (IPv6 has colons, never '#'). */
	hash = strchr(f->server, '#');
	len = hash != NULL ? (size_t)(hash - f->server) : strlen(f->server);
	if (buf == NULL || len >= buflen)
		return NULL;
	memcpy(buf, f->server, len);
	buf[len] = '\0';
	return buf;
}

char *
finding_message(const struct finding *f)
{
	return message_render(&f->message);
}

/* --- steps -------------------------------------------------------------- */

static const struct {
	const char *id;
	const char *title;
} steps[STEP_COUNT] = {
#define X(id, str, title) [STEP_##id] = { str, title },
	STEP_TABLE(X)
#undef X
};

static const char *const step_statuses[STEP_STATUS_COUNT] = {
#define X(id, str) [STEP_##id] = (str),
	STEP_STATUS_TABLE(X)
#undef X
};

static const char *const step_status_labels[STEP_STATUS_COUNT] = {
	/* TRANSLATORS: the state of a triage step. */
	[STEP_PENDING] = N_("pending"),
	[STEP_RUNNING] = N_("running"),
	[STEP_OK] = N_("ok"),
	[STEP_WARNING] = N_("warning"),
	[STEP_CRITICAL] = N_("critical"),
	[STEP_SKIPPED] = N_("skipped"),
};

const char *
step_id_str(enum step_id id)
{
	return (unsigned)id < STEP_COUNT ? steps[id].id : "unknown";
}

const char *
step_title(enum step_id id)
{
	return (unsigned)id < STEP_COUNT ? _(steps[id].title) : "?";
}

const char *
step_status_str(enum step_status s)
{
	return (unsigned)s < STEP_STATUS_COUNT ? step_statuses[s] : "skipped";
}

const char *
step_status_label(enum step_status s)
{
	return _((unsigned)s < STEP_STATUS_COUNT ? step_status_labels[s] :
	    step_status_labels[STEP_SKIPPED]);
}

bool
step_status_is_result(enum step_status s)
{
	return s == STEP_OK || s == STEP_WARNING || s == STEP_CRITICAL;
}

struct finding *
step_add_finding(struct step_result *s, enum finding_code code)
{
	struct finding *f = finding_new(code);

	if (s->nfindings == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->findings = xreallocarray(s->findings, s->cap,
		    sizeof(*s->findings));
	}
	s->findings[s->nfindings++] = f;
	return f;
}

enum step_status
step_finish(struct step_result *s)
{
	enum step_status st = STEP_OK;
	size_t i;

	for (i = 0; i < s->nfindings; i++) {
		if (s->findings[i]->severity == SEVERITY_CRITICAL)
			st = STEP_CRITICAL;
		else if (s->findings[i]->severity == SEVERITY_WARNING &&
		    st == STEP_OK)
			st = STEP_WARNING;
	}
	message_clear(&s->skip_reason);
	s->status = st;
	return st;
}

void
step_skip(struct step_result *s, const char *reason_msgid, ...)
{
	va_list ap;

	va_start(ap, reason_msgid);
	message_vset(&s->skip_reason, reason_msgid, NULL, 0, ap);
	va_end(ap);
	s->status = STEP_SKIPPED;
}

static void
step_clear(struct step_result *s)
{
	size_t i;

	for (i = 0; i < s->nfindings; i++)
		finding_free(s->findings[i]);
	free(s->findings);
	message_clear(&s->skip_reason);
	memset(s, 0, sizeof(*s));
}

void
step_reset(struct step_result *s)
{
	enum step_id id = s->id;

	step_clear(s);
	s->id = id;
	s->status = STEP_PENDING;
}

/* --- the run ------------------------------------------------------------ */

struct triage *
triage_new(const char *name)
{
	struct triage *t = xcalloc(1, sizeof(*t));
	size_t i;

	t->name = xstrdup(name != NULL ? name : "");
	t->duration_ms = -1;
	for (i = 0; i < STEP_COUNT; i++) {
		t->steps[i].id = (enum step_id)i;
		t->steps[i].status = STEP_PENDING;
	}
	t->verdict.code = FAILURE_UNKNOWN;
	t->verdict.severity = SEVERITY_UNKNOWN;
	return t;
}

void
triage_free(struct triage *t)
{
	size_t i;

	if (t == NULL)
		return;
	free(t->name);
	for (i = 0; i < t->ntypes; i++)
		free(t->types[i]);
	free(t->host);
	free(t->version);
	free(t->command_line);
	for (i = 0; i < STEP_COUNT; i++)
		step_clear(&t->steps[i]);
	verdict_clear(&t->verdict);
	free(t);
}

bool
triage_add_type(struct triage *t, const char *type)
{
	if (type == NULL || t->ntypes == TRIAGE_MAX_TYPES)
		return false;
	t->types[t->ntypes++] = xstrdup(type);
	return true;
}

void
triage_set_host(struct triage *t, const char *host)
{
	replace(&t->host, host);
}

void
triage_set_version(struct triage *t, const char *version)
{
	replace(&t->version, version);
}

void
triage_set_command_line(struct triage *t, int argc, char *const *argv)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	for (i = 0; i < argc && argv[i] != NULL; i++) {
		if (i > 0)
			strbuf_addc(&sb, ' ');
		strbuf_add_shell_word(&sb, argv[i]);
	}
	free(t->command_line);
	t->command_line = strbuf_detach(&sb);
}

struct step_result *
triage_step(struct triage *t, enum step_id id)
{
	return (unsigned)id < STEP_COUNT ? &t->steps[id] : NULL;
}

struct finding *
triage_add_finding(struct triage *t, enum step_id id, enum finding_code code)
{
	if ((unsigned)id >= STEP_COUNT)
		id = STEP_SCOPE;
	return step_add_finding(&t->steps[id], code);
}

/* --- the field table ---------------------------------------------------- */

void
field_value_clear(struct field_value *v)
{
	free(v->owned);
	memset(v, 0, sizeof(*v));
}

void
finding_field_get(const struct finding_field *field, const struct finding *f,
    struct field_value *v)
{
	memset(v, 0, sizeof(*v));
	field->get(f, v);
}

void
finding_field_text(const struct finding_field *field, const struct finding *f,
    struct field_value *v)
{
	memset(v, 0, sizeof(*v));
	if (field->text != NULL)
		field->text(f, v);
	else
		field->get(f, v);
}

static void
set_string(struct field_value *v, const char *s)
{
	v->kind = s != NULL ? FIELD_STRING : FIELD_ABSENT;
	v->str = s;
}

static void
set_owned(struct field_value *v, char *s)
{
	v->owned = s;
	set_string(v, s);
}

static void
get_code(const struct finding *f, struct field_value *v)
{
	set_string(v, finding_code_str(f));
}

static void
get_severity(const struct finding *f, struct field_value *v)
{
	set_string(v, severity_str(f->severity));
}

/* JSON carries the message translated, like the text (see report.h). */
static void
get_message(const struct finding *f, struct field_value *v)
{
	if (f->message.msgid == NULL)
		v->kind = FIELD_ABSENT;
	else
		set_owned(v, finding_message(f));
}

static void
get_server(const struct finding *f, struct field_value *v)
{
	set_string(v, f->server);
}

static void
get_rcode(const struct finding *f, struct field_value *v)
{
	if (f->rcode >= 0)
		set_string(v, knowledge_rcode_str(f->rcode, v->buf,
		    sizeof(v->buf)));
}

static void
text_rcode(const struct finding *f, struct field_value *v)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[16];

	if (f->rcode < 0)
		return;
	strbuf_adds(&sb, knowledge_rcode_str(f->rcode, buf, sizeof(buf)));
	strbuf_adds(&sb, " - ");
	strbuf_adds(&sb, _(knowledge_rcode(f->rcode)->meaning));
	set_owned(v, strbuf_detach(&sb));
}

static void
get_ede(const struct finding *f, struct field_value *v)
{
	if (f->nede == 0)
		return;
	v->kind = FIELD_NUMBER_LIST;
	v->list = f->ede;
	v->nlist = f->nede;
}

static void
text_ede(const struct finding *f, struct field_value *v)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (f->nede == 0)
		return;
	for (i = 0; i < f->nede; i++) {
		const struct ede_info *e = knowledge_ede(f->ede[i]);

		if (i > 0)
			strbuf_adds(&sb, "; ");
		strbuf_addf(&sb, "%u ", (unsigned)f->ede[i]);
		strbuf_addc(&sb, '(');
		strbuf_adds(&sb, e->known ? e->name : _("unassigned"));
		strbuf_addc(&sb, ')');
	}
	set_owned(v, strbuf_detach(&sb));
}

static void
get_rtt(const struct finding *f, struct field_value *v)
{
	if (f->rtt_ms < 0)
		return;
	v->kind = FIELD_NUMBER;
	v->num = f->rtt_ms;
}

static void
text_rtt(const struct finding *f, struct field_value *v)
{
	const char *args[1] = { v->buf };

	if (f->rtt_ms < 0)
		return;
	snprintf(v->buf, sizeof(v->buf), "%ld", f->rtt_ms);
	/* TRANSLATORS: a round-trip time; %s is a number of milliseconds. */
	set_owned(v, textfmt_args_str(_("%s ms"), args, 1));
}

static void
get_flags(const struct finding *f, struct field_value *v)
{
	set_string(v, f->flags);
}

static void
get_reproduce(const struct finding *f, struct field_value *v)
{
	set_string(v, f->reproduce);
}

static void
get_evidence(const struct finding *f, struct field_value *v)
{
	set_string(v, f->evidence);
}

const struct finding_field finding_fields[] = {
	{ "code", NULL, FIELD_PROSE, get_code, NULL },
	{ "severity", NULL, FIELD_PROSE, get_severity, NULL },
	{ "message", NULL, FIELD_PROSE, get_message, NULL },
	/* TRANSLATORS: labels of a finding's details in the text report. */
	{ "server", N_("Server"), FIELD_PROSE, get_server, NULL },
	{ "rcode", N_("RCODE"), FIELD_PROSE, get_rcode, text_rcode },
	{ "ede", N_("EDE"), FIELD_PROSE, get_ede, text_ede },
	{ "rtt_ms", N_("RTT"), FIELD_PROSE, get_rtt, text_rtt },
	{ NULL, N_("Flags"), FIELD_PROSE, get_flags, NULL },
	{ "reproduce", N_("Reproduce"), FIELD_COMMAND, get_reproduce, NULL },
	{ NULL, N_("Evidence"), FIELD_VERBATIM, get_evidence, NULL },
};

const size_t finding_nfields = sizeof(finding_fields) /
    sizeof(finding_fields[0]);
