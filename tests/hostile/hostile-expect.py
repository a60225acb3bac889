#!/usr/bin/env python3
"""hostile-expect.py - judge dnstriage's JSON reports of the hostile cases.

Usage: hostile-expect.py EXPECTATIONS-FILE CASES-FILE DIR

CASES-FILE has "M CASE" lines (hostile_responder list); the report of a
case is DIR/CASE/report.json. In the expectations, 127.77.M. stands for
the case's own addresses. EXPECTATIONS-FILE has one expectation a line,
"CASE KIND ARGS...":
  CASE has CODE SERVER TEXT...   some finding of CODE from SERVER (*: any
                                 or none) whose message contains TEXT
  CASE lacks CODE SERVER         no finding of CODE from SERVER (*: any)
  CASE verdict CODE              the primary verdict is CODE
Every check prints an "  ok   ..." or "  FAIL ..." line; the exit status
is the number of failed checks (at most 100)."""
import json
import os
import sys


def judge(report_path, case, m, spec_path):
    try:
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        print("  FAIL %s: no JSON report (%s)" % (case, e))
        return 1
    findings = [f for s in report.get("steps", [])
                for f in s.get("findings", [])]
    failed = 0
    checks = 0
    with open(spec_path, encoding="utf-8") as f:
        for line in f:
            line = line.replace("127.77.M.", "127.77.%s." % m)
            words = line.split()
            if len(words) < 3 or words[0] != case or line.startswith("#"):
                continue
            kind, args = words[1], words[2:]
            if kind == "has":
                code, server, text = args[0], args[1], " ".join(args[2:])
                ok = any(x["code"] == code and text in x.get("message", "")
                         and (server == "*" or x.get("server") == server)
                         for x in findings)
                what = "%s from %s saying '%s'" % (code, server, text)
            elif kind == "lacks":
                code, server = args[0], args[1]
                ok = not any(x["code"] == code and
                             (server == "*" or x.get("server") == server)
                             for x in findings)
                what = "no %s from %s" % (code, server)
            elif kind == "verdict":
                ok = report.get("verdict", {}).get("code") == args[0]
                what = "verdict %s (got %s)" % (
                    args[0], report.get("verdict", {}).get("code"))
            else:
                print("  FAIL %s: bad expectation: %s" % (case, line.strip()))
                failed += 1
                continue
            checks += 1
            print("  %s %s: %s" % ("ok  " if ok else "FAIL", case, what))
            failed += not ok
    if checks == 0:
        print("  FAIL %s: no expectation for this case" % case)
        failed += 1
    if failed:
        for x in findings:
            print("    finding %s %s: %s" % (x["code"], x.get("server", "-"),
                                            x.get("message", "")[:300]))
    return failed


def main():
    spec_path, cases_path, top = sys.argv[1:4]
    failed = 0
    with open(cases_path, encoding="utf-8") as f:
        for line in f:
            m, case = line.split()
            failed += judge(os.path.join(top, case, "report.json"), case, m,
                            spec_path)
    return min(failed, 100)


if __name__ == "__main__":
    sys.exit(main())
