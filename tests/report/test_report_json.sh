#!/bin/sh
# test_report_json.sh - the golden JSON reports (which test_report proves
# the renderer writes byte for byte) parse as JSON and follow the schema of
# DESIGN.md: top-level keys, verdict keys, step ids in order, status and
# severity values, only known finding keys. Needs python3; skipped without.
set -u
: "${top_srcdir:?top_srcdir must point at the source tree}"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }

fails=0
for f in "$top_srcdir"/tests/fixtures/report/*.json; do
	python3 -m json.tool "$f" >/dev/null || {
		echo "FAIL: $f is not valid JSON"; fails=$((fails + 1)); continue; }
	python3 - "$f" <<'PY' || { echo "FAIL: $f breaks the schema"; fails=$((fails + 1)); }
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
def need(cond, what):
    if not cond:
        print("  " + what)
        sys.exit(1)
need(list(r) == ["schema", "name", "types", "started", "duration_ms", "host",
                 "version", "verdict", "steps"], "top-level keys: %s" % list(r))
need(r["schema"] == "dnstriage-report/1", "schema")
need(all(isinstance(t, str) for t in r["types"]), "types")
need(len(r["started"]) == 20 and r["started"].endswith("Z"), "started")
need(r["duration_ms"] is None or isinstance(r["duration_ms"], int), "duration_ms")
v = r["verdict"]
need(list(v) == ["code", "severity", "summary", "recovery"], "verdict keys")
need(v["severity"] in ("ok", "warning", "critical", "unknown"), "verdict severity")
need(all(isinstance(x, str) and x for x in v["recovery"]), "recovery")
need([s["id"] for s in r["steps"]] ==
     ["scope", "resolvers", "authoritative", "dnssec", "serials"], "step ids")
known = ["code", "severity", "message", "server", "rcode", "ede", "rtt_ms",
         "reproduce"]
for s in r["steps"]:
    need(list(s) == ["id", "status", "findings"], "step keys")
    need(s["status"] in ("ok", "warning", "critical", "skipped"), "status")
    for f in s["findings"]:
        need(all(k in known for k in f), "finding keys %s" % list(f))
        need([k for k in known if k in f] == list(f), "finding key order")
        need(f["severity"] in ("info", "ok", "warning", "critical"), "severity")
        need("ede" not in f or all(isinstance(e, int) for e in f["ede"]), "ede")
        need("rtt_ms" not in f or isinstance(f["rtt_ms"], int), "rtt_ms")
PY
done
[ "$fails" -eq 0 ] || exit 1
echo "PASS: golden JSON reports parse and follow the schema"
