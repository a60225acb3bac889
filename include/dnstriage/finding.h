/* finding.h - the triage model the steps fill and the views render: a run
 * (struct triage) owns five step results, each step result owns its
 * findings, and the run owns its verdict. triage_free() releases all of it.
 *
 * Messages are stored untranslated (a msgid marked N_() at the call site
 * plus string arguments) and translated when rendered, so one run can be
 * shown in another language than the one it was made in. Their formats
 * only know %s and %1$s..%9$s (see textfmt.h); never pass a string that
 * came from the network or a file as the msgid. */
#ifndef DNSTRIAGE_FINDING_H
#define DNSTRIAGE_FINDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "dnstriage/i18n.h"
#include "dnstriage/knowledge.h"
#include "dnstriage/verdict.h"

/* --- messages ----------------------------------------------------------- */

#define MESSAGE_MAX_ARGS 9
/* An argument that starts with this byte is itself a msgid, translated
 * when the message is rendered: NA_("an address") (xgettext knows NA_),
 * or message_arg_msgid() for a msgid known only at run time. Arguments
 * can also be whole messages or errno values (i18n.h). */
#define MESSAGE_ARG_MSGID I18N_ARG_MSGID	/* NA_() is in i18n.h */

struct message {
	char *msgid;		/* untranslated; NULL: no message */
	char *msgid_plural;	/* NULL unless the text has plural forms */
	unsigned long n;	/* chooses the plural form */
	char *args[MESSAGE_MAX_ARGS];
	size_t nargs;
};

/* Replace m's content. args are copied; at most MESSAGE_MAX_ARGS are kept. */
void message_set(struct message *m, const char *msgid,
    const char *const *args, size_t nargs);
void message_set_plural(struct message *m, const char *msgid,
    const char *msgid_plural, unsigned long n, const char *const *args,
    size_t nargs);
/* MESSAGE_ARG_MSGID followed by msgid; free() it. */
char *message_arg_msgid(const char *msgid);
/* Translated now (gettext/ngettext) and formatted; "" if none. free() it. */
char *message_render(const struct message *m);
void message_clear(struct message *m);

/* --- findings ----------------------------------------------------------- */

struct finding {
	enum finding_code code;		/* stable string: finding_code_str() */
	enum severity severity;		/* info, ok, warning or critical */
	struct message message;
	char *server;		/* "127.0.3.2#53", or NULL */
	int rcode;		/* -1: none */
	uint16_t *ede;		/* Extended DNS Error codes, nede of them */
	size_t nede;
	long rtt_ms;		/* -1: none */
	char *flags;		/* header flags, as dig shows them: "qr aa" */
	char *reproduce;	/* a dig command, or NULL */
	char *evidence;		/* the answer in dig's layout, multi-line */
	char *facts[FACT_COUNT];	/* for recovery; see finding_fact() */
};

const char *finding_code_str(const struct finding *f);

/* Each setter copies its strings; NULL clears the field. A finding is
 * never SEVERITY_UNKNOWN (that becomes info). */
void finding_set_severity(struct finding *f, enum severity s);
/* Arguments: strings, ended by NULL. */
void finding_set_message(struct finding *f, const char *msgid, ...)
    __attribute__((sentinel));
void finding_set_message_plural(struct finding *f, const char *msgid,
    const char *msgid_plural, unsigned long n, ...)
    __attribute__((sentinel));
void finding_set_server(struct finding *f, const char *server);
void finding_set_rcode(struct finding *f, int rcode);
void finding_add_ede(struct finding *f, uint16_t code);
void finding_set_rtt(struct finding *f, long ms);
void finding_set_flags(struct finding *f, const char *flags);
void finding_set_reproduce(struct finding *f, const char *cmd);
void finding_set_evidence(struct finding *f, const char *text);
void finding_set_fact(struct finding *f, enum fact k, const char *value);
/* The fact as the verdict sees it: FACT_SERVER is the server, FACT_ADDRESS
 * defaults to the server without "#port". NULL when absent. */
const char *finding_fact(const struct finding *f, enum fact k,
    char *buf, size_t buflen);
/* The message, translated now. free() it. */
char *finding_message(const struct finding *f);

/* --- steps -------------------------------------------------------------- */

/* X(ID, stable id, title). */
#define STEP_TABLE(X)							\
	X(SCOPE, "scope", N_("Is it DNS?"))				\
	X(RESOLVERS, "resolvers", N_("Resolvers"))			\
	X(AUTHORITATIVE, "authoritative", N_("Authoritative servers"))	\
	X(DNSSEC, "dnssec", N_("DNSSEC"))				\
	X(SERIALS, "serials", N_("Serials"))

enum step_id {
#define X(id, str, title) STEP_##id,
	STEP_TABLE(X)
#undef X
	STEP_COUNT
};

/* X(ID, stable string). pending and running exist for the screen; a report
 * shows both as skipped, since neither is a result. */
#define STEP_STATUS_TABLE(X)						\
	X(PENDING, "pending")						\
	X(RUNNING, "running")						\
	X(OK, "ok")							\
	X(WARNING, "warning")						\
	X(CRITICAL, "critical")						\
	X(SKIPPED, "skipped")

enum step_status {
#define X(id, str) STEP_##id,
	STEP_STATUS_TABLE(X)
#undef X
	STEP_STATUS_COUNT
};

const char *step_id_str(enum step_id id);		/* "resolvers" */
const char *step_title(enum step_id id);		/* translated */
const char *step_status_str(enum step_status s);	/* "skipped" */
const char *step_status_label(enum step_status s);	/* translated */
bool step_status_is_result(enum step_status s);	/* ok/warning/critical */

struct step_result {
	enum step_id id;
	enum step_status status;
	struct message skip_reason;	/* why it was skipped */
	struct finding **findings;	/* owned, in the order they were made */
	size_t nfindings;
	size_t cap;
};

/* A new finding of that code, with the code's default severity, rcode and
 * rtt_ms -1; owned by the step. Never NULL. */
struct finding *step_add_finding(struct step_result *s, enum finding_code code);
/* The status the findings give: critical if any is critical, else warning
 * if any is a warning, else ok. Sets it. */
enum step_status step_finish(struct step_result *s);
/* Drop every finding and the skip reason: pending again, same id. */
void step_reset(struct step_result *s);
/* Mark skipped, with a reason (a msgid marked N_(), string args, NULL). */
void step_skip(struct step_result *s, const char *reason_msgid, ...)
    __attribute__((sentinel));

/* --- the run ------------------------------------------------------------ */

#define TRIAGE_MAX_TYPES 16

struct triage {
	char *name;			/* the name triaged, no trailing dot */
	char *types[TRIAGE_MAX_TYPES];	/* "A", "AAAA" */
	size_t ntypes;
	time_t started;			/* UTC */
	long duration_ms;
	char *host;			/* this host's name */
	char *version;			/* the program's version */
	char *command_line;		/* as typed, quoted for a shell */
	struct step_result steps[STEP_COUNT];
	struct verdict verdict;		/* see verdict_choose() */
};

/* Every step pending, verdict undecided. Never NULL. */
struct triage *triage_new(const char *name);
void triage_free(struct triage *t);
bool triage_add_type(struct triage *t, const char *type);
void triage_set_host(struct triage *t, const char *host);
void triage_set_version(struct triage *t, const char *version);
/* Join argv into one line, quoting what a shell would split or expand. */
void triage_set_command_line(struct triage *t, int argc, char *const *argv);
struct step_result *triage_step(struct triage *t, enum step_id id);
/* Convenience: step_add_finding() on step id. */
struct finding *triage_add_finding(struct triage *t, enum step_id id,
    enum finding_code code);

/* --- the fields of a finding, for every view ---------------------------- */

/* One table describes what a finding shows, so the screen, the text report
 * and the JSON report cannot drift apart (mtr's data_fields[]). */
enum field_kind {
	FIELD_ABSENT,
	FIELD_STRING,		/* str */
	FIELD_NUMBER,		/* num */
	FIELD_NUMBER_LIST,	/* list[0..nlist) */
};

/* How a text view lays the field out when it is too wide. */
enum field_style {
	FIELD_PROSE,		/* wrap at spaces */
	FIELD_COMMAND,		/* wrap at spaces with " \" continuations */
	FIELD_VERBATIM,		/* keep the lines; cut only what is too wide */
};

struct field_value {
	enum field_kind kind;
	const char *str;
	long num;
	const uint16_t *list;
	size_t nlist;
	char *owned;		/* freed by field_value_clear() */
	char buf[32];		/* storage for short made-up strings */
};

struct finding_field {
	const char *json_key;	/* NULL: not in the JSON report */
	const char *label;	/* N_(): label in the text views; NULL: the
				 * view shows it in its own place */
	enum field_style style;
	/* The value, as the JSON report carries it. */
	void (*get)(const struct finding *f, struct field_value *v);
	/* The value for people (translated, with names and units); NULL
	 * function: the value itself. Fills v like get. */
	void (*text)(const struct finding *f, struct field_value *v);
};

void field_value_clear(struct field_value *v);
/* Fill v (from scratch) with the field's value as JSON carries it. */
void finding_field_get(const struct finding_field *field,
    const struct finding *f, struct field_value *v);
/* Fill v with the field's value for people: text() if any, else get(). */
void finding_field_text(const struct finding_field *field,
    const struct finding *f, struct field_value *v);

extern const struct finding_field finding_fields[];
extern const size_t finding_nfields;

#endif
