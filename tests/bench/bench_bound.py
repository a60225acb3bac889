#!/usr/bin/python3
"""bench_bound.py - the physical limit of one triage, from its own queries.

  bench_bound.py TRACE RTT_MS TIMEOUT_MS [--chain]

TRACE is what the probe engine wrote with DNSTRIAGE_TRACE=FILE (probe.h):
one line per query, with the query whose answer caused it. A query costs
one RTT over UDP, two over TCP (handshake, exchange), three when a UDP
answer had TC=1 (then TCP); a timeout costs TIMEOUT_MS; a query never sent
(a server already known dead) or refused at once by the kernel costs
nothing; a cancelled one is on no chain. The bound is the costliest chain
of dependent queries: no tool that asks what this run asked, waiting for
what it waited for, can finish before it.

Prints: BOUND_MS RTT_PART_MS TIMEOUTS ROUND_TRIPS DEPTH QUERIES
"""
import sys

FREE = {"port-unreachable", "net-unreachable", "local-error"}
TRIPS = {"udp": 1, "tcp": 2, "udp+tcp": 3}


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    rtt = float(sys.argv[2])
    timeout = float(sys.argv[3])
    probes = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            w = line.split()
            if len(w) != 13 or w[0] != "probe":
                continue
            probes[w[1]] = {"cause": w[2], "depth": int(w[3]),
                            "what": " ".join(w[7:12]),
                            "transport": w[7], "outcome": w[11],
                            "skipped": w[12] == "1"}
    # (trips, timeouts) of each chain, causes first: IDs grow with time
    cost = {}
    best = (0.0, 0, 0, 0, None)
    for pid in sorted(probes, key=int):
        p = probes[pid]
        trips, touts = cost.get(p["cause"], (0, 0))
        if p["outcome"] == "cancelled":
            continue
        if p["outcome"] == "timeout" and not p["skipped"]:
            touts += 1
        elif not p["skipped"] and p["outcome"] not in FREE:
            trips += TRIPS.get(p["transport"], 1)
        cost[pid] = (trips, touts)
        ms = trips * rtt + touts * timeout
        if ms > best[0]:
            best = (ms, trips, touts, p["depth"], pid)
    ms, trips, touts, depth, last = best
    if len(sys.argv) > 4:   # --chain: the costliest chain, root first
        chain = []
        while last in probes:
            chain.append(probes[last]["what"])
            last = probes[last]["cause"]
        for what in reversed(chain):
            print("  chain:", what, file=sys.stderr)
    print("%d %d %d %d %d %d" % (ms, trips * rtt, touts, trips, depth,
                                 len(probes)))


if __name__ == "__main__":
    main()
