/* dnsmsg.c - facts read off one DNS message, and dig's layout of it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnstriage/dnsmsg.h"
#include "dnstriage/knowledge.h"
#include "dnstriage/textfmt.h"

/* --- names -------------------------------------------------------------- */

bool
dnsmsg_is_name(const ldns_rdf *d)
{
	return d != NULL && ldns_rdf_get_type(d) == LDNS_RDF_TYPE_DNAME &&
	    ldns_rdf_size(d) > 0;
}

/* Not ldns_dname_is_subdomain(): in ldns 1.8 that one says no for a name
 * and itself, and yes for a name and itself spelt in another case. */
bool
dnsmsg_name_at_or_below(const ldns_rdf *name, const ldns_rdf *parent)
{
	uint8_t nl, pl;
	ldns_rdf *tail;
	bool ok;

	if (!dnsmsg_is_name(name) || !dnsmsg_is_name(parent))
		return false;
	nl = ldns_dname_label_count(name);
	pl = ldns_dname_label_count(parent);
	if (nl < pl || (tail = ldns_dname_clone_from(name, nl - pl)) == NULL)
		return false;
	ok = ldns_dname_compare(tail, parent) == 0;
	ldns_rdf_deep_free(tail);
	return ok;
}

bool
dnsmsg_name_below(const ldns_rdf *name, const ldns_rdf *parent)
{
	return dnsmsg_name_at_or_below(name, parent) &&
	    ldns_dname_label_count(name) > ldns_dname_label_count(parent);
}

/* --- header ------------------------------------------------------------- */

int
dnsmsg_rcode(const ldns_pkt *pkt)
{
	int rcode;

	if (pkt == NULL)
		return -1;
	rcode = ldns_pkt_get_rcode(pkt);
	if (ldns_pkt_edns(pkt))
		rcode |= (int)ldns_pkt_edns_extended_rcode(pkt) << 4;
	return rcode;
}

void
dnsmsg_flags(const ldns_pkt *pkt, char *buf, size_t len)
{
	static const struct {
		const char *name;
		bool (*get)(const ldns_pkt *);
	} flags[] = {
		{ "qr", ldns_pkt_qr }, { "aa", ldns_pkt_aa },
		{ "tc", ldns_pkt_tc }, { "rd", ldns_pkt_rd },
		{ "ra", ldns_pkt_ra }, { "ad", ldns_pkt_ad },
		{ "cd", ldns_pkt_cd },
	};
	size_t i, used = 0;

	if (len == 0)
		return;
	buf[0] = '\0';
	if (pkt == NULL)
		return;
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		int n;

		if (!flags[i].get(pkt))
			continue;
		n = snprintf(buf + used, len - used, "%s%s",
		    used > 0 ? " " : "", flags[i].name);
		if (n < 0 || (size_t)n >= len - used)
			return;
		used += (size_t)n;
	}
}

/* --- EDNS options ------------------------------------------------------- */

/* Walk the options of the OPT record (code, length, data): calls fn for
 * each well-formed one until it returns false. A truncated option ends
 * the walk: the rest cannot be trusted. */
typedef bool option_fn(uint16_t code, const uint8_t *data, uint16_t len,
    void *arg);

static void
each_option(const ldns_pkt *pkt, option_fn *fn, void *arg)
{
	const ldns_rdf *opts;
	const uint8_t *p;
	size_t left;

	if (pkt == NULL || !ldns_pkt_edns(pkt) ||
	    (opts = ldns_pkt_edns_data(pkt)) == NULL)
		return;
	p = ldns_rdf_data(opts);
	left = ldns_rdf_size(opts);
	while (left >= 4) {
		uint16_t code = (uint16_t)(p[0] << 8 | p[1]);
		uint16_t olen = (uint16_t)(p[2] << 8 | p[3]);

		if ((size_t)olen > left - 4)
			return;
		if (!fn(code, p + 4, olen, arg))
			return;
		p += 4 + olen;
		left -= 4 + (size_t)olen;
	}
}

struct ede_acc {
	uint16_t *codes;
	size_t cap, n;
	char *text;
	size_t textlen;
};

static void
printable(const uint8_t *data, size_t n, char *buf, size_t len)
{
	size_t i;

	if (len == 0)
		return;
	for (i = 0; i < n && i + 1 < len; i++)
		buf[i] = (char)(data[i] >= 0x20 && data[i] < 0x7f ? data[i] : '?');
	buf[i] = '\0';
}

static bool
ede_option(uint16_t code, const uint8_t *data, uint16_t len, void *arg)
{
	struct ede_acc *acc = arg;

	if (code != LDNS_EDNS_EDE || len < 2)
		return true;
	if (acc->text != NULL) {
		printable(data + 2, (size_t)len - 2, acc->text, acc->textlen);
		acc->n++;
		return false;
	}
	if (acc->n < acc->cap)
		acc->codes[acc->n] = (uint16_t)(data[0] << 8 | data[1]);
	acc->n++;
	return true;
}

size_t
dnsmsg_ede(const ldns_pkt *pkt, uint16_t *codes, size_t cap)
{
	struct ede_acc acc = { codes, cap, 0, NULL, 0 };

	each_option(pkt, ede_option, &acc);
	return acc.n;
}

bool
dnsmsg_ede_text(const ldns_pkt *pkt, char *buf, size_t len)
{
	struct ede_acc acc = { NULL, 0, 0, buf, len };

	if (len > 0)
		buf[0] = '\0';
	each_option(pkt, ede_option, &acc);
	return acc.n > 0 && len > 0 && buf[0] != '\0';
}

struct one_option {
	uint16_t code;
	const uint8_t *data;
	uint16_t len;
	bool found;
};

static bool
find_option(uint16_t code, const uint8_t *data, uint16_t len, void *arg)
{
	struct one_option *o = arg;

	if (code != o->code)
		return true;
	o->data = data;
	o->len = len;
	o->found = true;
	return false;
}

bool
dnsmsg_edns_expire(const ldns_pkt *pkt, uint32_t *seconds)
{
	struct one_option o = { LDNS_EDNS_EXPIRE, NULL, 0, false };

	each_option(pkt, find_option, &o);
	if (!o.found || o.len != 4)
		return false;
	*seconds = (uint32_t)o.data[0] << 24 | (uint32_t)o.data[1] << 16 |
	    (uint32_t)o.data[2] << 8 | o.data[3];
	return true;
}

bool
dnsmsg_nsid(const ldns_pkt *pkt, char *buf, size_t len)
{
	struct one_option o = { LDNS_EDNS_NSID, NULL, 0, false };

	each_option(pkt, find_option, &o);
	if (!o.found || o.len == 0)
		return false;
	printable(o.data, o.len, buf, len);
	return true;
}

/* --- answer data -------------------------------------------------------- */

static bool
rr_matches(const ldns_rr *rr, const ldns_rdf *owner, ldns_rr_type type)
{
	return ldns_rr_get_type(rr) == type &&
	    ldns_rr_get_class(rr) == LDNS_RR_CLASS_IN &&
	    ldns_dname_compare(ldns_rr_owner(rr), owner) == 0;
}

ldns_rr_list *
dnsmsg_answer_rrset(const ldns_pkt *pkt, const ldns_rdf *owner,
    ldns_rr_type type)
{
	ldns_rr_list *answer, *out = NULL;
	size_t i;

	if (pkt == NULL || owner == NULL ||
	    (answer = ldns_pkt_answer(pkt)) == NULL)
		return NULL;
	for (i = 0; i < ldns_rr_list_rr_count(answer); i++) {
		ldns_rr *rr = ldns_rr_list_rr(answer, i);

		if (!rr_matches(rr, owner, type))
			continue;
		if (out == NULL)
			out = ldns_rr_list_new();
		if (out == NULL || !ldns_rr_list_push_rr(out,
		    ldns_rr_clone(rr))) {
			fputs("dnstriage: out of memory\n", stderr);
			abort();
		}
	}
	return out;
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The rdata of rr as text, fields separated by one space. */
static char *
rdata_text(const ldns_rr *rr)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < ldns_rr_rd_count(rr); i++) {
		char *s = ldns_rdf2str(ldns_rr_rdf(rr, i));

		if (i > 0)
			strbuf_addc(&sb, ' ');
		strbuf_adds(&sb, s != NULL ? s : "?");
		free(s);
	}
	return strbuf_detach(&sb);
}

char *
dnsmsg_answer_text(const ldns_pkt *pkt, const ldns_rdf *owner,
    ldns_rr_type type)
{
	ldns_rr_list *set = dnsmsg_answer_rrset(pkt, owner, type);
	struct strbuf sb = STRBUF_INIT;
	char **texts;
	size_t i, n, kept = 0;

	if (set == NULL)
		return NULL;
	n = ldns_rr_list_rr_count(set);
	texts = xcalloc(n, sizeof(*texts));
	for (i = 0; i < n; i++)
		texts[i] = rdata_text(ldns_rr_list_rr(set, i));
	qsort(texts, n, sizeof(*texts), compare_strings);
	for (i = 0; i < n; i++) {
		/* A set: duplicates (which servers may send) count once. */
		if (i > 0 && strcmp(texts[i], texts[i - 1]) == 0)
			continue;
		if (kept++ > 0)
			strbuf_adds(&sb, ", ");
		strbuf_adds(&sb, texts[i]);
	}
	for (i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
	ldns_rr_list_deep_free(set);
	return strbuf_detach(&sb);
}

bool
dnsmsg_answer_ttl(const ldns_pkt *pkt, const ldns_rdf *owner,
    ldns_rr_type type, uint32_t *ttl)
{
	ldns_rr_list *set = dnsmsg_answer_rrset(pkt, owner, type);
	size_t i;

	if (set == NULL)
		return false;
	*ttl = UINT32_MAX;
	for (i = 0; i < ldns_rr_list_rr_count(set); i++) {
		uint32_t t = ldns_rr_ttl(ldns_rr_list_rr(set, i));

		if (t < *ttl)
			*ttl = t;
	}
	ldns_rr_list_deep_free(set);
	return true;
}

void
dnsmsg_dname_text(const ldns_rdf *dname, char *buf, size_t len)
{
	char *s;
	size_t n;

	if (len == 0)
		return;
	buf[0] = '\0';
	if (dname == NULL || (s = ldns_rdf2str(dname)) == NULL)
		return;
	n = strlen(s);
	if (n > 1 && s[n - 1] == '.')
		s[n - 1] = '\0';
	snprintf(buf, len, "%s", s);
	free(s);
}

char *
dnsmsg_cname_target(const ldns_pkt *pkt, const ldns_rdf *owner)
{
	ldns_rr_list *set = dnsmsg_answer_rrset(pkt, owner, LDNS_RR_TYPE_CNAME);
	char buf[LDNS_MAX_DOMAINLEN + 2];

	if (set == NULL)
		return NULL;
	dnsmsg_dname_text(ldns_rr_rdf(ldns_rr_list_rr(set, 0), 0), buf,
	    sizeof(buf));
	ldns_rr_list_deep_free(set);
	return xstrdup(buf);
}

bool
dnsmsg_negative_soa(const ldns_pkt *pkt, char *zone, size_t zonelen,
    uint32_t *negative_ttl)
{
	ldns_rr_list *auth;
	size_t i;

	if (pkt == NULL || (auth = ldns_pkt_authority(pkt)) == NULL)
		return false;
	for (i = 0; i < ldns_rr_list_rr_count(auth); i++) {
		ldns_rr *rr = ldns_rr_list_rr(auth, i);
		uint32_t minimum;

		if (ldns_rr_get_type(rr) != LDNS_RR_TYPE_SOA ||
		    ldns_rr_rd_count(rr) < 7)
			continue;
		minimum = ldns_rdf2native_int32(ldns_rr_rdf(rr, 6));
		*negative_ttl = ldns_rr_ttl(rr) < minimum ? ldns_rr_ttl(rr) :
		    minimum;
		dnsmsg_dname_text(ldns_rr_owner(rr), zone, zonelen);
		return true;
	}
	return false;
}

/* --- dig's layout ------------------------------------------------------- */

static void
render_rr(struct strbuf *sb, const ldns_rr *rr, bool question)
{
	char *s = ldns_rr2str_fmt(ldns_output_format_nocomments, rr);

	if (question)
		strbuf_addc(sb, ';');
	strbuf_adds(sb, s != NULL ? s : "?\n");
	free(s);
}

static void
render_section(struct strbuf *sb, const char *title, const ldns_rr_list *l,
    bool question)
{
	size_t i;

	if (l == NULL || ldns_rr_list_rr_count(l) == 0)
		return;
	strbuf_addf(sb, "\n;; %s SECTION:\n", title);
	for (i = 0; i < ldns_rr_list_rr_count(l) &&
	    i < DNSMSG_RENDER_MAX_RRS; i++)
		render_rr(sb, ldns_rr_list_rr(l, i), question);
	if (ldns_rr_list_rr_count(l) > DNSMSG_RENDER_MAX_RRS)
		strbuf_addf(sb, ";; ... and %zu more records\n",
		    ldns_rr_list_rr_count(l) - DNSMSG_RENDER_MAX_RRS);
}

static bool
render_option(uint16_t code, const uint8_t *data, uint16_t len, void *arg)
{
	struct strbuf *sb = arg;
	char text[256];

	if (code == LDNS_EDNS_EDE && len >= 2) {
		int ede = data[0] << 8 | data[1];

		strbuf_addf(sb, "; EDE: %d (%s)", ede, knowledge_ede(ede)->name);
		if (len > 2) {
			printable(data + 2, (size_t)len - 2, text, sizeof(text));
			strbuf_addf(sb, ": (%s)", text);
		}
		strbuf_addc(sb, '\n');
	} else if (code == LDNS_EDNS_NSID) {
		printable(data, len, text, sizeof(text));
		strbuf_addf(sb, "; NSID: \"%s\"\n", text);
	} else if (code == LDNS_EDNS_EXPIRE && len == 4) {
		strbuf_addf(sb, "; EXPIRE: %lu\n", (unsigned long)
		    ((uint32_t)data[0] << 24 | (uint32_t)data[1] << 16 |
		    (uint32_t)data[2] << 8 | data[3]));
	} else if (code == LDNS_EDNS_COOKIE) {
		strbuf_addf(sb, "; COOKIE: (%u bytes)\n", len);
	} else {
		strbuf_addf(sb, "; OPT=%u: (%u bytes)\n", code, len);
	}
	return true;
}

char *
dnsmsg_render(const ldns_pkt *pkt)
{
	struct strbuf sb = STRBUF_INIT;
	char flags[DNSMSG_FLAGS_STRLEN], rcode[16];
	ldns_lookup_table *op;

	if (pkt == NULL)
		return xstrdup("");
	op = ldns_lookup_by_id(ldns_opcodes, (int)ldns_pkt_get_opcode(pkt));
	dnsmsg_flags(pkt, flags, sizeof(flags));
	strbuf_addf(&sb, ";; ->>HEADER<<- opcode: %s, status: %s, id: %u\n",
	    op != NULL ? op->name : "?",
	    knowledge_rcode_str(dnsmsg_rcode(pkt), rcode, sizeof(rcode)),
	    ldns_pkt_id(pkt));
	strbuf_addf(&sb, ";; flags: %s; QUERY: %u, ANSWER: %u, AUTHORITY: %u, "
	    "ADDITIONAL: %u\n", flags, ldns_pkt_qdcount(pkt),
	    ldns_pkt_ancount(pkt), ldns_pkt_nscount(pkt),
	    ldns_pkt_arcount(pkt) + (ldns_pkt_edns(pkt) ? 1u : 0u));
	if (ldns_pkt_edns(pkt)) {
		strbuf_addf(&sb, "\n;; OPT PSEUDOSECTION:\n; EDNS: version: %u, "
		    "flags:%s; udp: %u\n", ldns_pkt_edns_version(pkt),
		    ldns_pkt_edns_do(pkt) ? " do" : "",
		    ldns_pkt_edns_udp_size(pkt));
		each_option(pkt, render_option, &sb);
	}
	render_section(&sb, "QUESTION", ldns_pkt_question(pkt), true);
	render_section(&sb, "ANSWER", ldns_pkt_answer(pkt), false);
	render_section(&sb, "AUTHORITY", ldns_pkt_authority(pkt), false);
	render_section(&sb, "ADDITIONAL", ldns_pkt_additional(pkt), false);
	return strbuf_detach(&sb);
}
