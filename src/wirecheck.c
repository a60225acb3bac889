/* wirecheck.c - why a DNS message does not parse (wirecheck.h). */
#include "config.h"

#include <stdbool.h>

#include "dnstriage/i18n.h"
#include "dnstriage/wirecheck.h"

#define HEADER_LEN 12
#define MAX_LABEL 63
#define MAX_NAME 255

static const struct {
	const char *code;
	const char *msgid;
} table[] = {
#define X(id, code, text) { code, text },
	WIRECHECK_TABLE(X)
#undef X
};

const char *
wirecheck_code(enum wirecheck w)
{
	return (unsigned)w < WIRECHECK_COUNT ? table[w].code : "?";
}

const char *
wirecheck_msgid(enum wirecheck w)
{
	return (unsigned)w < WIRECHECK_COUNT ? table[w].msgid : "";
}

static uint16_t
u16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* A name at *pos, within [*pos, end) until it jumps anywhere before in
 * the message of len bytes: *pos moves past it (past the first pointer, if any).
 * A pointer must point before the place it was read at: every pointer
 * strictly decreasing bounds the walk and is what catches a loop (RFC 1035
 * allows only earlier occurrences). */
static enum wirecheck
check_name(const uint8_t *w, size_t len, size_t end, size_t *pos,
    size_t *where)
{
	size_t p = *pos, name_len = 1, hops = 0, limit = *pos;
	bool jumped = false;

	for (;;) {
		uint8_t b;

		/* Until the first pointer the name lies within [.., end). */
		if (p >= (jumped ? len : end)) {
			*where = p;
			return WIRECHECK_TRUNCATED;
		}
		b = w[p];
		if ((b & 0xc0) == 0xc0) {
			size_t target;

			if (p + 1 >= (jumped ? len : end)) {
				*where = p;
				return WIRECHECK_TRUNCATED;
			}
			target = (size_t)(u16(w + p) & 0x3fff);
			if (target >= len) {
				*where = p;
				return WIRECHECK_POINTER_OUTSIDE;
			}
			if (target >= limit || ++hops > len) {
				*where = p;
				return WIRECHECK_POINTER_LOOP;
			}
			if (!jumped)
				*pos = p + 2;
			jumped = true;
			limit = target;
			p = target;
			continue;
		}
		if (b > MAX_LABEL) {
			*where = p;
			return WIRECHECK_LABEL_TOO_LONG;
		}
		name_len += (size_t)b + (b > 0);
		if (name_len > MAX_NAME) {
			*where = p;
			return WIRECHECK_NAME_TOO_LONG;
		}
		if (b == 0) {
			if (!jumped)
				*pos = p + 1;
			return WIRECHECK_OK;
		}
		p += (size_t)b + 1;
	}
}

/* The names inside the data of the common types that carry them (NS,
 * CNAME, PTR, DNAME; MX after its preference; SOA's two), each within the
 * record's data. rr is the offset of the record's type field. */
static enum wirecheck
check_rdata_names(const uint8_t *w, size_t len, size_t rr, size_t *where)
{
	size_t start = rr + 10, end = start + u16(w + rr + 8), pos, n = 1, k;
	enum wirecheck r;

	switch (u16(w + rr)) {
	case 2: case 5: case 12: case 39:	/* NS CNAME PTR DNAME */
		pos = start;
		break;
	case 15:				/* MX */
		pos = start + 2;
		break;
	case 6:					/* SOA */
		pos = start;
		n = 2;
		break;
	default:
		return WIRECHECK_OK;
	}
	for (k = 0; k < n; k++) {
		/* Bounded by the record: a name that runs past its data is
		 * a message cut short as far as the record is concerned. */
		if ((r = check_name(w, len, end, &pos, where)) !=
		    WIRECHECK_OK)
			return r;
	}
	return WIRECHECK_OK;
}

enum wirecheck
wirecheck_message(const uint8_t *wire, size_t len, size_t *where)
{
	size_t pos = HEADER_LEN, dummy, i, s;
	enum wirecheck r;

	if (where == NULL)
		where = &dummy;
	*where = 0;
	if (wire == NULL || len < HEADER_LEN)
		return WIRECHECK_SHORT_HEADER;
	for (s = 0; s < 4; s++) {
		unsigned count = u16(wire + 4 + 2 * s);

		for (i = 0; i < count; i++) {
			if ((r = check_name(wire, len, len, &pos, where)) !=
			    WIRECHECK_OK)
				return r;
			if (s == 0) {		/* a question: type, class */
				if (pos + 4 > len) {
					*where = pos;
					return WIRECHECK_TRUNCATED;
				}
				pos += 4;
				continue;
			}
			if (pos + 10 > len) {	/* type class ttl rdlength */
				*where = pos;
				return WIRECHECK_TRUNCATED;
			}
			if (pos + 10 + u16(wire + pos + 8) > len) {
				*where = pos;
				return WIRECHECK_TRUNCATED;
			}
			if ((r = check_rdata_names(wire, len, pos, where)) !=
			    WIRECHECK_OK)
				return r;
			pos += 10 + (size_t)u16(wire + pos + 8);
		}
	}
	if (pos < len) {
		*where = pos;
		return WIRECHECK_TRAILING;
	}
	return WIRECHECK_OK;
}
