#!/usr/bin/env python3
"""lab-verdict.py - judge dnstriage's JSON report of a lab scenario.

Usage: lab-verdict.py SCENARIO_FILE KNOWLEDGE_H DEAD_MODE STATUS ELAPSED_MS
           < report.json

Checks, each printed as an "  ok   ..." or "  FAIL ..." line like
lab-check.sh's: the schema and the top-level keys of DESIGN.md, the
primary verdict against the scenario's `code:`, the exit status against
that code's severity (knowledge.h's FAILURE_TABLE: ok 0, warning 1,
critical 2), every `finding: CODE[|CODE...] [SERVER] [ede=N]...` line of
the scenario (some finding of one of the codes, from that server and with
those Extended DNS Errors if given),
and the `finding-drop:` or `finding-refuse:` lines of the dead-server mode,
and for `healthy` that no finding is a warning or critical.
Exit status: the number of failed checks (0: all passed)."""
import json
import re
import sys

EXIT_OF = {"ok": 0, "warning": 1, "critical": 2, "unknown": 3}
TOP_KEYS = ["schema", "name", "types", "started", "duration_ms", "host",
            "version", "verdict", "steps"]
STEP_IDS = ["scope", "resolvers", "authoritative", "dnssec", "serials"]


def scenario_fields(path):
    """KEY: value lines, as the launcher's field() reads them."""
    fields = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"([a-z-]+):\s*(.*)", line.rstrip("\n"))
            if m:
                fields.setdefault(m.group(1), []).append(m.group(2).strip())
    return fields


def failure_severities(path):
    sev = {}
    with open(path, encoding="utf-8") as f:
        for m in re.finditer(r'X\([A-Z_]+, "([a-z-]+)", SEVERITY_([A-Z]+)\)',
                             f.read()):
            sev[m.group(1)] = m.group(2).lower()
    return sev


def main():
    scn, knowledge, mode, status, elapsed = sys.argv[1:6]
    fields = scenario_fields(scn)
    expect = fields["code"][0]
    fails = 0

    def check(ok, what):
        nonlocal fails
        print(("  ok   " if ok else "  FAIL ") + what)
        if not ok:
            fails += 1

    text = sys.stdin.read()
    try:
        report = json.loads(text)
    except ValueError as e:
        check(False, "dnstriage --json: a JSON report (%s): %r" % (e, text[:200]))
        return fails
    check(report.get("schema") == "dnstriage-report/1" and
          all(k in report for k in TOP_KEYS),
          "dnstriage --json: schema dnstriage-report/1 with every top-level key")
    check([s.get("id") for s in report.get("steps", [])] == STEP_IDS,
          "dnstriage --json: the five steps in order")
    verdict = report.get("verdict", {})
    got = verdict.get("code")
    findings = [f for s in report.get("steps", [])
                for f in s.get("findings", [])]
    check(got == expect, "dnstriage: verdict %s (expected %s) in %s ms: %s" %
          (got, expect, elapsed, verdict.get("summary", "")))
    severity = failure_severities(knowledge).get(expect, "unknown")
    check(int(status) == EXIT_OF[severity],
          "dnstriage: exit status %s (%s verdict: %d)" %
          (status, severity, EXIT_OF[severity]))
    check(len(verdict.get("recovery", [])) > 0,
          "dnstriage: %d recovery steps" % len(verdict.get("recovery", [])))
    for spec in fields.get("finding", []) + fields.get("finding-" + mode, []):
        parts = spec.split()
        codes = parts[0].split("|")
        eds = [int(p[4:]) for p in parts[1:] if p.startswith("ede=")]
        rest = [p for p in parts[1:] if not p.startswith("ede=")]
        server = rest[0] if rest else None
        hit = [f for f in findings if f.get("code") in codes and
               (server is None or f.get("server") == server) and
               all(e in f.get("ede", []) for e in eds)]
        check(bool(hit), "dnstriage: finding %s%s%s" %
              ("|".join(codes), " from " + server if server else "",
               " with EDE " + ",".join(map(str, eds)) if eds else ""))
    if expect == "healthy":
        alarms = [f["code"] + " " + f.get("message", "") for f in findings
                  if f.get("severity") in ("warning", "critical")]
        check(not alarms, "dnstriage: no warning or critical finding %s" %
              ("; ".join(alarms) if alarms else ""))
    return fails


if __name__ == "__main__":
    sys.exit(min(main(), 100))
