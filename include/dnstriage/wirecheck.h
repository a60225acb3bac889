/* wirecheck.h - why a DNS message does not parse: walks the wire form
 * section by section, as a parser must, and names the first violation
 * (a message cut short, a compression pointer that loops or points out of
 * the message, a label or name over its RFC 1035 length). ldns only says
 * that a message is bad; a finding needs to say how. Pure, bounded by the
 * message's length, never reads beyond it. */
#ifndef DNSTRIAGE_WIRECHECK_H
#define DNSTRIAGE_WIRECHECK_H

#include <stddef.h>
#include <stdint.h>

/* X(ID, stable code, what is wrong, for people: N_()) */
#define WIRECHECK_TABLE(X)						\
	X(OK, "ok", N_("the message is well formed"))			\
	X(SHORT_HEADER, "short-header",					\
	  N_("the message is shorter than a DNS header (12 bytes)"))	\
	X(TRUNCATED, "truncated",					\
	  N_("the message ends in the middle of a record: it was cut "	\
	     "short"))							\
	X(POINTER_LOOP, "pointer-loop",					\
	  N_("a compressed name points back at itself: a compression " \
	     "pointer loop"))						\
	X(POINTER_OUTSIDE, "pointer-outside",				\
	  N_("a compressed name points outside the message"))		\
	X(LABEL_TOO_LONG, "label-too-long",				\
	  N_("a name has a label longer than 63 bytes (or of a label "	\
	     "type that does not exist)"))				\
	X(NAME_TOO_LONG, "name-too-long",				\
	  N_("a name is longer than 255 bytes"))			\
	X(TRAILING, "trailing-bytes",					\
	  N_("bytes follow the last record the header counts"))		\
	X(OTHER, "other",						\
	  N_("the records do not parse (a record's data does not fit "	\
	     "its type)"))

enum wirecheck {
#define X(id, code, text) WIRECHECK_##id,
	WIRECHECK_TABLE(X)
#undef X
	WIRECHECK_COUNT
};

/* The first violation in wire[0..len), and where it is (byte offset) in
 * *where if not NULL. WIRECHECK_OK when the framing is sound (the message
 * may still fail on a record's data: callers that know it failed to parse
 * then say WIRECHECK_OTHER). */
enum wirecheck wirecheck_message(const uint8_t *wire, size_t len,
    size_t *where);
/* Stable code and untranslated text; "?" and "" when out of range. */
const char *wirecheck_code(enum wirecheck w);
const char *wirecheck_msgid(enum wirecheck w);

#endif
