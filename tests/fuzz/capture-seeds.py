#!/usr/bin/env python3
"""capture-seeds.py - seed inputs for the response fuzz target, captured
from a running lab scenario (run inside it: see capture-seeds.sh).

Asks the lab's servers the queries fuzz_response.c fills its survey with,
in the order it reads them, and writes one input: a 4-byte big-endian
time (now), then each answer led by its 2-byte length. Only 127.0.0.0/8
is ever asked.

Usage: capture-seeds.py OUTFILE"""
import random
import socket
import struct
import sys
import time

QNAME = "www.example.test"
T_A, T_NS, T_SOA, T_DNSKEY = 1, 2, 6, 48


def wire_name(name):
    out = b""
    for label in name.strip(".").split("."):
        if label:
            out += bytes([len(label)]) + label.encode("ascii")
    return out + b"\0"


def query(qname, qtype, rd, options=b""):
    qid = random.randrange(65536)
    flags = 0x0100 if rd else 0
    header = struct.pack(">HHHHHH", qid, flags, 1, 0, 0, 1)
    question = wire_name(qname) + struct.pack(">HH", qtype, 1)
    # OPT: bufsize 1232, DO
    opt = b"\0" + struct.pack(">HHIH", 41, 1232, 0x8000, len(options)) + options
    return header + question + opt


def ask(server, qname, qtype, rd, options=b""):
    assert server.startswith("127."), server
    q = query(qname, qtype, rd, options)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(1.0)
    try:
        s.sendto(q, (server, 53))
        data, _ = s.recvfrom(65535)
    except OSError:
        return b""          # a timeout, to the fuzz target
    finally:
        s.close()
    if len(data) >= 4 and data[2] & 0x02:   # TC: again over TCP
        t = socket.create_connection((server, 53), timeout=1.0)
        try:
            t.sendall(struct.pack(">H", len(q)) + q)
            buf = b""
            while len(buf) < 2 or len(buf) < 2 + struct.unpack(">H", buf[:2])[0]:
                chunk = t.recv(65535)
                if not chunk:
                    break
                buf += chunk
            data = buf[2:]
        finally:
            t.close()
    return data


def main():
    out = sys.argv[1]
    msgs = []
    levels = [(".", "127.0.1.1"), ("test", "127.0.2.1"),
              ("example.test", "127.0.3.1")]
    for _, server in levels:                  # the walk
        msgs.append(ask(server, QNAME, T_A, False))
    for apex, server in levels:               # DNSKEY of each level
        msgs.append(ask(server, apex, T_DNSKEY, False))
    expire_nsid = struct.pack(">HH", 9, 0) + struct.pack(">HH", 3, 0)
    for server in ("127.0.3.1", "127.0.3.2"):  # two NS of the zone
        msgs.append(ask(server, QNAME, T_A, False))
        msgs.append(ask(server, "example.test", T_SOA, False, expire_nsid))
        msgs.append(ask(server, "example.test", T_DNSKEY, False))
        msgs.append(ask(server, "example.test", T_NS, False))
    resolver = "127.0.5.1"
    msgs.append(ask(resolver, ".", T_SOA, True))
    msgs.append(ask(resolver, ".", T_SOA, True))
    answer = ask(resolver, QNAME, T_A, True)
    msgs.append(answer)
    if len(answer) >= 4 and answer[3] & 0x0f == 2:   # SERVFAIL: CD next
        msgs.append(ask(resolver, QNAME, T_A, True))
    msgs.append(ask(resolver, "example.test", T_NS, True))
    msgs.append(ask("127.0.5.2", QNAME, T_A, True))
    with open(out, "wb") as f:
        f.write(struct.pack(">I", int(time.time())))
        for m in msgs:
            f.write(struct.pack(">H", len(m)) + m)


if __name__ == "__main__":
    main()
