/* dnsmsg.h - facts read off one DNS message (an ldns_pkt) that every step
 * needs: header flags as dig prints them, Extended DNS Errors, the EDNS
 * EXPIRE and NSID options, the data of an answer, and the message in dig's
 * layout for a finding's evidence. Pure: no I/O, nothing translated. */
#ifndef DNSTRIAGE_DNSMSG_H
#define DNSTRIAGE_DNSMSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <ldns/ldns.h>

#define DNSMSG_FLAGS_STRLEN 32
#define DNSMSG_MAX_EDE 16

/* d is a domain name (ldns_dname_compare() asserts on anything else). */
bool dnsmsg_is_name(const ldns_rdf *d);
/* name equals parent or lies below it, whatever the case of the letters. */
bool dnsmsg_name_at_or_below(const ldns_rdf *name, const ldns_rdf *parent);
/* name lies strictly below parent. */
bool dnsmsg_name_below(const ldns_rdf *name, const ldns_rdf *parent);

/* The RCODE with the EDNS extended bits (BADVERS is 16); -1 for NULL. */
int dnsmsg_rcode(const ldns_pkt *pkt);
/* "qr aa rd ra" in dig's order (qr aa tc rd ra ad cd); "" for none. */
void dnsmsg_flags(const ldns_pkt *pkt, char *buf, size_t len);

/* The EDE codes (RFC 8914) of the OPT record, in message order. Returns
 * how many there are; at most cap are written. */
size_t dnsmsg_ede(const ldns_pkt *pkt, uint16_t *codes, size_t cap);
/* The EXTRA-TEXT of the first EDE option, printable ASCII only (other
 * bytes become '?'), into buf; false if there is none. */
bool dnsmsg_ede_text(const ldns_pkt *pkt, char *buf, size_t len);
/* EDNS EXPIRE (RFC 7314): true and *seconds when the answer carries the
 * option with its 4-byte value. */
bool dnsmsg_edns_expire(const ldns_pkt *pkt, uint32_t *seconds);
/* NSID (RFC 5001) as printable text ("?" for other bytes). */
bool dnsmsg_nsid(const ldns_pkt *pkt, char *buf, size_t len);

/* The RRs of the answer section with this owner, type and class IN, as a
 * new list (clones; NULL if none). */
ldns_rr_list *dnsmsg_answer_rrset(const ldns_pkt *pkt, const ldns_rdf *owner,
    ldns_rr_type type);
/* The data of the RRs (one rdata text per RR, sorted, ", "-joined) of the
 * answer for owner/type, e.g. "127.0.80.80, 127.0.80.81"; NULL if none.
 * Comparing two such strings compares the RRsets as sets. free() it. */
char *dnsmsg_answer_text(const ldns_pkt *pkt, const ldns_rdf *owner,
    ldns_rr_type type);
/* The smallest TTL of that RRset; false if there is none. */
bool dnsmsg_answer_ttl(const ldns_pkt *pkt, const ldns_rdf *owner,
    ldns_rr_type type, uint32_t *ttl);
/* The target of a CNAME for owner in the answer, as text without the
 * trailing dot; NULL if none. free() it. */
char *dnsmsg_cname_target(const ldns_pkt *pkt, const ldns_rdf *owner);
/* The SOA of the authority section of a negative answer: its owner (the
 * zone, text without the trailing dot) and the time the answer may be
 * cached, min(TTL, MINIMUM) (RFC 2308). False if there is no SOA. */
bool dnsmsg_negative_soa(const ldns_pkt *pkt, char *zone, size_t zonelen,
    uint32_t *negative_ttl);

/* The message in dig's layout: header, flags, OPT pseudosection (EDNS,
 * EDE, NSID, EXPIRE), then question, answer, authority and additional,
 * each cut after DNSMSG_RENDER_MAX_RRS records with a line that says how
 * many more there are (an answer of thousands is evidence, not a report).
 * Never NULL; free() it. */
#define DNSMSG_RENDER_MAX_RRS 40
char *dnsmsg_render(const ldns_pkt *pkt);

/* A domain name as text without the trailing dot ("." for the root). */
void dnsmsg_dname_text(const ldns_rdf *dname, char *buf, size_t len);

#endif
