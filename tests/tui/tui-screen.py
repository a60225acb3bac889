#!/usr/bin/env python3
"""tui-screen.py - judge a screen of the wizard captured by tmux
(capture-pane -p, on standard input) for tests/tui/*.sh.

  layout COLS LINES   panes, borders, header and status bar fit the size
  verdict-box CODE    the verdict box shows CODE, then its summary
  help-text           the help window holds text besides its frame
  ascii               nothing but ASCII on the screen
  colours             (capture-pane -e) colour escapes are used
  no-colours          (capture-pane -e) none are, but reverse video is
  json FILE CODE      FILE is a JSON report (schema, verdict CODE)
  first-frame READY STAMP TEXT
                      (tmux pipe-pane: the terminal's output) create READY,
                      then write the clock (ns) to STAMP when TEXT arrives
  finding FILE STEP N print code and message of finding N of step STEP
  wide-layout COLS LINES STATUS
                      layout by display columns (translated screens, wide
                      characters): no row wider than COLS, the panes'
                      borders in their columns, the status bar starts
                      with STATUS
  wide-help COLS LINES TITLE
                      the help window (display columns): its title, its
                      side borders in the first and last column
  msgstr PO MSGID     print the translation of MSGID in the PO file

Exit status 0 when the screen passes, 1 with the reasons on stdout.
Borders come as ncurses draws them: ACS letters (tmux keeps the line
drawing set as 'lqkxmj'), UTF-8 box characters, or ASCII with --ascii."""
import json
import re
import sys
import unicodedata

CORNERS = set("lkmj\u250c\u2510\u2514\u2518+")
VERTICAL = set("x\u2502|")
HORIZONTAL = set("q\u2500-")
BORDER = CORNERS | VERTICAL
TOP_LEFT = set("l\u250c+")
TOP_RIGHT = set("k\u2510+")


def screen():
    return sys.stdin.read().split("\n")


def layout(cols, lines):
    rows = screen()
    while len(rows) > lines and rows[-1] == "":
        rows.pop()
    bad = []
    if len(rows) != lines:
        bad.append("%d rows on a screen of %d" % (len(rows), lines))
        rows += [""] * (lines - len(rows))
    for i, r in enumerate(rows):
        if len(r) > cols:
            bad.append("row %d is %d columns wide" % (i + 1, len(r)))
    if "dnstriage" not in rows[0] or "UTC" not in rows[0]:
        bad.append("row 1 is not the header (name, clock): %r" % rows[0])
    if not rows[lines - 1].startswith(" Enter:next"):
        bad.append("the last row is not the status bar: %r" % rows[lines - 1])
    top, bottom = rows[1], rows[lines - 4]
    # the top border: steps box and findings box side by side, their
    # corners meeting (titles may hold the ACS letters: look for the pair)
    meet = [i for i in range(1, len(top) - 1)
            if top[i] in TOP_RIGHT and top[i + 1] in TOP_LEFT]
    if len(top) != cols or len(meet) != 1 or top[0] not in TOP_LEFT \
            or top[cols - 1] not in TOP_RIGHT:
        bad.append("row 2 is not the two boxes' top border: %r" % top)
        return bad
    left = meet[0] + 1
    if not 28 <= left <= 36 or left > cols // 2:
        bad.append("the steps pane is %d columns wide" % left)
    for i in range(1, lines - 3):
        r = rows[i]
        for c in (0, left - 1, left, cols - 1):
            if c >= len(r) or r[c] not in BORDER:
                bad.append("row %d: no border in column %d: %r" % (i + 1, c + 1, r))
                break
    for c in (0, left - 1, left, cols - 1):
        if c >= len(bottom) or bottom[c] not in CORNERS:
            bad.append("row %d is not the bottom border: %r" % (lines - 3, bottom))
            break
    if not all(ch in HORIZONTAL for ch in bottom[1:left - 1] + bottom[left + 1:cols - 1]):
        bad.append("the bottom border is broken: %r" % bottom)
    steps = "\n".join(r[:left] for r in rows[2:8])
    for n, title in ((1, "Is it DNS?"), (2, "Resolvers"), (3, "Authorit"),
                     (4, "DNSSEC"), (5, "Serials"), (6, "Verdict")):
        if "%d %s" % (n, title) not in steps:
            bad.append("the steps list lacks '%d %s'" % (n, title))
    return bad


def verdict_box(code):
    rows = screen()
    for i, r in enumerate(rows):
        m = re.match(r"^[lq+\u250c\u2500-]+ Verdict ", r)
        if m and i + 2 < len(rows):
            ends = [j for j, ch in enumerate(r[:-1])
                    if j > 0 and ch in TOP_RIGHT and r[j + 1] in BORDER]
            if not ends:
                return ["the verdict box has no right border: %r" % r]
            right = ends[0]
            inside = [x[1:right] for x in rows[i + 1:i + 3]]
            if inside[0].strip() != code:
                return ["the verdict box shows %r, not %r" % (inside[0], code)]
            if len(inside[1].strip()) < 3:
                return ["no summary under the verdict code: %r" % inside[1]]
            return []
    return ["no verdict box"]


def help_text():
    rows = screen()
    inside = False
    text = []
    for r in rows:
        if re.search(r"[lq+\u250c\u2500-] Help [-q+\u2500]", r):
            inside = True
            continue
        if inside and "Esc or q: close" in r:
            break
        if inside:
            text.append(r)
    body = "".join(re.sub(r"[x|\u2502]", " ", t) for t in text)
    return [] if re.search(r"[A-Za-z]{3}", body) else ["no text in the help window"]


SGR = re.compile("\033\\[([0-9;]*)m")


def colour_params():
    colours, reverse = 0, 0
    for m in SGR.finditer(sys.stdin.read()):
        p = [int(x) for x in m.group(1).split(";") if x != ""]
        i = 0
        while i < len(p):
            v = p[i]
            if v in (38, 48):
                colours += 1
                i += 3 if i + 1 < len(p) and p[i + 1] == 5 else 5
                continue
            if 30 <= v <= 37 or 40 <= v <= 47 or 90 <= v <= 97 or 100 <= v <= 107:
                colours += 1
            if v == 7:
                reverse += 1
            i += 1
    return colours, reverse


def cells(row):
    """A row as terminal cells: a double-width character fills two, the
    second one empty, as the terminal shows it."""
    out = []
    for ch in row:
        if unicodedata.combining(ch):
            continue
        out.append(ch)
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            out.append("")
    return out


def wide_rows(lines):
    rows = screen()
    while len(rows) > lines and rows[-1] == "":
        rows.pop()
    return [cells(r) for r in rows] + [[] for _ in range(lines - len(rows))]


def wide_layout(cols, lines, status):
    rows = wide_rows(lines)
    bad = []
    for i, r in enumerate(rows):
        if len(r) > cols:
            bad.append("row %d is %d columns wide" % (i + 1, len(r)))
    if "dnstriage" not in "".join(rows[0]):
        bad.append("row 1 is not the header")
    if not "".join(rows[lines - 1]).startswith(status[:20]):
        bad.append("the status bar is not %r: %r" % (status[:20],
                   "".join(rows[lines - 1])))
    top = rows[1]
    meet = [i for i in range(1, len(top) - 1)
            if top[i] in TOP_RIGHT and top[i + 1] in TOP_LEFT]
    if len(meet) != 1:
        return bad + ["row 2 is not the two boxes' top border"]
    left = meet[0] + 1
    for i in range(1, lines - 3):
        for c in (0, left - 1, left, cols - 1):
            if c >= len(rows[i]) or rows[i][c] not in BORDER:
                bad.append("row %d: no border in column %d: %r" %
                           (i + 1, c + 1, "".join(rows[i])))
                break
    return bad


def wide_help(cols, lines, title):
    rows = wide_rows(lines)
    bad = []
    for i, r in enumerate(rows):
        if len(r) > cols:
            bad.append("row %d is %d columns wide" % (i + 1, len(r)))
    if title not in "".join(rows[1]):
        bad.append("the help window's title is not %r: %r" %
                   (title, "".join(rows[1])))
    for i in range(2, lines - 2):
        r = rows[i]
        if not r or r[0] not in VERTICAL or len(r) < cols or \
                r[cols - 1] not in VERTICAL:
            bad.append("row %d: the help window's sides are not in "
                       "columns 1 and %d: %r" % (i + 1, cols, "".join(r)))
    return bad


def po_unquote(text):
    return bytes(text, "utf-8").decode("unicode_escape").encode(
        "latin-1").decode("utf-8")


def msgstr(path, msgid):
    """The translation of msgid in a PO file ('' when none)."""
    entries, cur, key = {}, {}, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r'^(msgid|msgstr(?:\[0\])?|msgid_plural|msgctxt) "(.*)"$', line)
        if m:
            key = m.group(1)
            if key == "msgid" and "msgid" in cur:
                entries[cur["msgid"]] = cur.get("msgstr", cur.get("msgstr[0]", ""))
                cur = {}
            cur[key] = po_unquote(m.group(2))
        elif line.startswith('"') and key is not None:
            cur[key] += po_unquote(line[1:-1])
        elif not line.strip():
            key = None
    if "msgid" in cur:
        entries[cur["msgid"]] = cur.get("msgstr", cur.get("msgstr[0]", ""))
    return entries.get(msgid, "")


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "wide-layout":
        bad = wide_layout(int(argv[2]), int(argv[3]), argv[4])
    elif cmd == "wide-help":
        bad = wide_help(int(argv[2]), int(argv[3]), argv[4])
    elif cmd == "msgstr":
        print(msgstr(argv[2], argv[3]))
        return 0
    elif cmd == "layout":
        bad = layout(int(argv[2]), int(argv[3]))
    elif cmd == "verdict-box":
        bad = verdict_box(argv[2])
    elif cmd == "help-text":
        bad = help_text()
    elif cmd == "ascii":
        bad = ["not ASCII: %r" % r for r in screen() if any(ord(c) > 126 for c in r)]
    elif cmd == "colours":
        c, _ = colour_params()
        bad = [] if c > 0 else ["no colour escapes on the screen"]
    elif cmd == "no-colours":
        c, r = colour_params()
        bad = (["%d colour escapes on a monochrome screen" % c] if c else []) + \
            ([] if r else ["no reverse video: the selection is invisible"])
    elif cmd == "json":
        with open(argv[2], encoding="utf-8") as f:
            rep = json.load(f)
        bad = []
        if rep.get("schema") != "dnstriage-report/1":
            bad.append("schema %r" % rep.get("schema"))
        if rep.get("verdict", {}).get("code") != argv[3]:
            bad.append("verdict %r, want %r" % (rep.get("verdict"), argv[3]))
        if [s.get("id") for s in rep.get("steps", [])] != \
                ["scope", "resolvers", "authoritative", "dnssec", "serials"]:
            bad.append("steps %r" % [s.get("id") for s in rep.get("steps", [])])
    elif cmd == "first-frame":
        import os
        import time
        open(argv[2], "w").close()
        seen, text = b"", argv[4].encode()
        while True:
            chunk = os.read(0, 65536)
            if not chunk:
                return 1
            seen += chunk
            if text in seen:
                with open(argv[3] + ".tmp", "w") as f:
                    f.write("%d\n" % time.time_ns())
                os.rename(argv[3] + ".tmp", argv[3])
                return 0
    elif cmd == "finding":
        with open(argv[2], encoding="utf-8") as f:
            rep = json.load(f)
        fd = rep["steps"][int(argv[3])]["findings"][int(argv[4])]
        print(fd["code"])
        print(fd.get("message", ""))
        return 0
    else:
        print(__doc__)
        return 2
    for b in bad:
        print("  " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
