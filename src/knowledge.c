/* knowledge.c - lookups over the tables of knowledge.h and
 * knowledge_tables.h. Pure data: no I/O, nothing translated here (callers
 * translate what they show). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dnstriage/i18n.h"
#include "dnstriage/knowledge.h"
#include "knowledge_tables.h"

/* --- severities --------------------------------------------------------- */

static const char *const severity_names[SEVERITY_COUNT] = {
#define X(id, str) [SEVERITY_##id] = (str),
	SEVERITY_TABLE(X)
#undef X
};

static const char *const severity_labels[SEVERITY_COUNT] = {
	/* TRANSLATORS: severities, shown next to findings and verdicts. */
	[SEVERITY_INFO] = N_("info"),
	[SEVERITY_OK] = N_("ok"),
	[SEVERITY_WARNING] = N_("warning"),
	[SEVERITY_CRITICAL] = N_("critical"),
	[SEVERITY_UNKNOWN] = N_("unknown"),
};

const char *
severity_str(enum severity s)
{
	return (unsigned)s < SEVERITY_COUNT ? severity_names[s] : "unknown";
}

const char *
severity_label(enum severity s)
{
	return _((unsigned)s < SEVERITY_COUNT ? severity_labels[s] :
	    severity_labels[SEVERITY_UNKNOWN]);
}

bool
severity_is_problem(enum severity s)
{
	return s == SEVERITY_WARNING || s == SEVERITY_CRITICAL;
}

/* --- failure codes ------------------------------------------------------ */

struct failure_text {
	const char *summary;
	const char *help;
};

static const struct failure_text failure_texts[FAILURE_COUNT] = {
#define X(id, summary, help) [FAILURE_##id] = { summary, help },
	FAILURE_TEXT_TABLE(X)
#undef X
};

struct recovery_row {
	enum failure_code code;
	struct recovery_step step;
};

static const struct recovery_row recovery_rows[] = {
#define X(id, text, command) { FAILURE_##id, { text, command } },
	RECOVERY_TABLE(X)
#undef X
};

#define NRECOVERY_ROWS (sizeof(recovery_rows) / sizeof(recovery_rows[0]))

/* The steps of one code are consecutive rows; built once, on first use. */
static struct failure_info failure_infos[FAILURE_COUNT];
static struct recovery_step recovery_steps[NRECOVERY_ROWS];
static bool failure_infos_ready;

static const struct {
	const char *name;
	enum severity severity;
} failure_ids[FAILURE_COUNT] = {
#define X(id, str, sev) [FAILURE_##id] = { str, sev },
	FAILURE_TABLE(X)
#undef X
};

static void
failure_infos_build(void)
{
	size_t i, r, n = 0;

	for (i = 0; i < FAILURE_COUNT; i++) {
		struct failure_info *fi = &failure_infos[i];

		fi->code = (enum failure_code)i;
		fi->name = failure_ids[i].name;
		fi->severity = failure_ids[i].severity;
		fi->summary = failure_texts[i].summary;
		fi->help = failure_texts[i].help;
		fi->recovery = &recovery_steps[n];
		for (r = 0; r < NRECOVERY_ROWS; r++) {
			if (recovery_rows[r].code != (enum failure_code)i)
				continue;
			recovery_steps[n++] = recovery_rows[r].step;
			fi->nrecovery++;
		}
	}
	failure_infos_ready = true;
}

const struct failure_info *
knowledge_failure(enum failure_code code)
{
	if (!failure_infos_ready)
		failure_infos_build();
	if ((unsigned)code >= FAILURE_COUNT)
		code = FAILURE_UNKNOWN;
	return &failure_infos[code];
}

const struct failure_info *
knowledge_failure_by_name(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < FAILURE_COUNT; i++)
		if (strcmp(failure_ids[i].name, name) == 0)
			return knowledge_failure((enum failure_code)i);
	return knowledge_failure(FAILURE_UNKNOWN);
}

bool
knowledge_failure_exists(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < FAILURE_COUNT; i++)
		if (strcmp(failure_ids[i].name, name) == 0)
			return true;
	return false;
}

/* --- facts -------------------------------------------------------------- */

static const struct {
	const char *key;
	enum fact_gather gather;
} facts[FACT_COUNT] = {
#define X(id, key, gather) [FACT_##id] = { key, gather },
	FACT_TABLE(X)
#undef X
};

const char *
fact_key(enum fact f)
{
	return (unsigned)f < FACT_COUNT ? facts[f].key : "";
}

enum fact_gather
fact_gather(enum fact f)
{
	return (unsigned)f < FACT_COUNT ? facts[f].gather : FACT_RUN_FIRST;
}

bool
fact_by_key(const char *key, size_t keylen, enum fact *out)
{
	size_t i;

	for (i = 0; i < FACT_COUNT; i++) {
		if (strlen(facts[i].key) == keylen &&
		    memcmp(facts[i].key, key, keylen) == 0) {
			*out = (enum fact)i;
			return true;
		}
	}
	return false;
}

/* --- finding codes ------------------------------------------------------ */

static const struct finding_code_info finding_codes[FINDING_CODE_COUNT] = {
#define X(id, str, sev) [FINDING_##id] = { FINDING_##id, str, sev, NULL },
	FINDING_CODE_TABLE(X)
#undef X
};

static const char *const finding_titles[FINDING_CODE_COUNT] = {
#define X(id, title) [FINDING_##id] = (title),
	FINDING_TITLE_TABLE(X)
#undef X
};

static struct finding_code_info finding_infos[FINDING_CODE_COUNT];
static bool finding_infos_ready;

static const struct finding_code_info finding_generic = {
	FINDING_CODE_COUNT, "unknown-finding", SEVERITY_INFO,
	N_("Unknown finding"),
};

const struct finding_code_info *
knowledge_finding_code(enum finding_code c)
{
	size_t i;

	if (!finding_infos_ready) {
		for (i = 0; i < FINDING_CODE_COUNT; i++) {
			finding_infos[i] = finding_codes[i];
			finding_infos[i].title = finding_titles[i];
		}
		finding_infos_ready = true;
	}
	if ((unsigned)c >= FINDING_CODE_COUNT)
		return &finding_generic;
	return &finding_infos[c];
}

bool
knowledge_finding_code_by_name(const char *name, enum finding_code *out)
{
	size_t i;

	for (i = 0; name != NULL && i < FINDING_CODE_COUNT; i++) {
		if (strcmp(finding_codes[i].name, name) == 0) {
			*out = (enum finding_code)i;
			return true;
		}
	}
	return false;
}

static const char *const finding_helps[FINDING_CODE_COUNT] = {
#define X(id, help) [FINDING_##id] = (help),
	FINDING_HELP_TABLE(X)
#undef X
};

const char *
knowledge_finding_help(enum finding_code c)
{
	if ((unsigned)c >= FINDING_CODE_COUNT || finding_helps[c] == NULL)
		return N_("A finding this version has no explanation for: read "
		    "its message and evidence.");
	return finding_helps[c];
}

static const struct {
	enum finding_code finding;
	enum failure_code failure;
} supports[] = {
#define X(fid, failid) { FINDING_##fid, FAILURE_##failid },
	FINDING_SUPPORTS_TABLE(X)
#undef X
};

bool
knowledge_supports(enum finding_code c, enum failure_code f)
{
	size_t i;

	for (i = 0; i < sizeof(supports) / sizeof(supports[0]); i++)
		if (supports[i].finding == c && supports[i].failure == f)
			return true;
	return false;
}

/* --- RCODE and EDE ------------------------------------------------------ */

static const struct rcode_info rcodes[] = {
#define X(num, name, alias, meaning, next) \
	{ num, name, alias, meaning, next, true },
	RCODE_TABLE(X)
#undef X
};

static const struct rcode_info rcode_generic = {
	-1, "?", NULL,
	N_("An RCODE this version does not know."),
	N_("Look the number up in the IANA registry of DNS parameters."),
	false,
};

#define NRCODES (sizeof(rcodes) / sizeof(rcodes[0]))

const struct rcode_info *
knowledge_rcode(int code)
{
	size_t i;

	for (i = 0; i < NRCODES; i++)
		if (rcodes[i].code == code)
			return &rcodes[i];
	return &rcode_generic;
}

const struct rcode_info *
knowledge_rcode_by_name(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NRCODES; i++) {
		if (strcasecmp(rcodes[i].name, name) == 0 ||
		    (rcodes[i].alias != NULL &&
		    strcasecmp(rcodes[i].alias, name) == 0))
			return &rcodes[i];
	}
	return &rcode_generic;
}

const char *
knowledge_rcode_str(int code, char *buf, size_t buflen)
{
	const struct rcode_info *ri = knowledge_rcode(code);

	if (ri->known)
		return ri->name;
	if (buf == NULL || buflen == 0)
		return "?";
	snprintf(buf, buflen, "RCODE%d", code);
	return buf;
}

size_t
knowledge_rcode_count(void)
{
	return NRCODES;
}

const struct rcode_info *
knowledge_rcode_at(size_t i)
{
	return i < NRCODES ? &rcodes[i] : &rcode_generic;
}

static const struct ede_info edes[] = {
#define X(num, name, meaning) { num, name, meaning, true },
	EDE_TABLE(X)
#undef X
};

static const struct ede_info ede_generic = {
	-1, "?",
	N_("An Extended DNS Error code this version does not know."),
	false,
};

#define NEDES (sizeof(edes) / sizeof(edes[0]))

const struct ede_info *
knowledge_ede(int code)
{
	size_t i;

	for (i = 0; i < NEDES; i++)
		if (edes[i].code == code)
			return &edes[i];
	return &ede_generic;
}

const struct ede_info *
knowledge_ede_by_name(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NEDES; i++)
		if (strcasecmp(edes[i].name, name) == 0)
			return &edes[i];
	return &ede_generic;
}

size_t
knowledge_ede_count(void)
{
	return NEDES;
}

const struct ede_info *
knowledge_ede_at(size_t i)
{
	return i < NEDES ? &edes[i] : &ede_generic;
}
