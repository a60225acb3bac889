#!/usr/bin/env python3
"""gettext_scan.py - find text that reaches the user without gettext.

Usage: gettext_scan.py TOP_SRCDIR [FILE]...

Scans the C sources (src/ and include/, recursively, or the FILEs given)
for string literals that are passed, unwrapped, to a function that shows
text: the C library's and ncurses' output functions, and the program's
own message sinks (whose msgids must be marked N_() or xgettext never
sees them). A literal counts as text when it has letters once printf
conversions and escapes are removed; "\\n", "%s: %s\\n" or ", " do not.
Text that is deliberately untranslated (JSON syntax, commands, messages
written when memory is exhausted) is listed with a reason in
tests/i18n/untranslated-literals.txt.

Exit status: 0 nothing found, 1 something found (each on a line
FILE:LINE: FUNCTION: "literal"), 2 usage or read error.
"""
import os
import re
import sys

# Function -> indexes (0-based) of the arguments that are shown as text.
SINKS = {
    # C library
    "printf": (0,), "fprintf": (1,), "dprintf": (1,), "vprintf": (0,),
    "vfprintf": (1,), "fputs": (0,), "puts": (0,), "perror": (0,),
    "err": (1,), "errx": (1,), "warn": (0,), "warnx": (0,),
    # ncurses
    "addstr": (0,), "addnstr": (0,), "waddstr": (1,), "waddnstr": (1,),
    "mvaddstr": (2,), "mvaddnstr": (2,), "mvwaddstr": (3,),
    "mvwaddnstr": (3,), "printw": (0,), "wprintw": (1,), "mvprintw": (2,),
    "mvwprintw": (3,), "vw_printw": (1,), "addwstr": (0,), "waddwstr": (1,),
    "mvaddwstr": (2,), "mvwaddwstr": (3,),
    # dnstriage: messages shown to the user, or msgids stored for later
    "textfmt_err": (2,), "textfmt_args": (1,), "textfmt_args_str": (0,),
    "usage_error": (1,), "put_paragraph": (2,), "put_plain": (1,),
    "finding_set_message": (1,), "finding_set_message_plural": (1, 2),
    "message_set": (1,), "message_set_plural": (1, 2), "step_skip": (1,),
    "diag_add": (5,), "diag_add_plural": (5, 6), "line_diag": (4,),
    "line_diag_plural": (4, 5), "rdiag": (3,),
    # the wizard's drawing and questions (src/tui/)
    "tui_put": (4,), "put_bar": (4,), "tl_add": (1,), "tl_wrap": (1,),
    "frame": (2,), "note": (2,), "tui_ask_line": (1, 2),
    "tui_ask_yes_no": (1,),
}

# Calls whose string arguments are translated (or marked for it).
WRAPPERS = ("_", "N_", "NA_", "C_", "NC_", "gettext", "ngettext",
            "dgettext", "dcgettext", "dngettext", "pgettext")

CONVERSION = re.compile(
    r"%(?:[0-9]+\$)?[-+ #0']*(?:[0-9]+|\*)?(?:\.(?:[0-9]+|\*))?"
    r"(?:hh|h|ll|l|j|z|t|L)?[diouxXeEfgGaAcspn%]")
ESCAPE = re.compile(r"\\(?:[0-7]{1,3}|x[0-9A-Fa-f]+|u[0-9A-Fa-f]{4}|.)")
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def strip_comments(src):
    """Blank out comments and preprocessor #include lines, keeping every
    newline (line numbers stay right) and every string literal."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out.append(src[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    text = "".join(out)
    return re.sub(r"(?m)^[ \t]*#[ \t]*include[^\n]*", "", text)


def skip_literal(text, i):
    """Index after the string or char literal starting at text[i]."""
    q = text[i]
    j = i + 1
    while j < len(text) and text[j] != q:
        j += 2 if text[j] == "\\" else 1
    return j + 1


def call_args(text, open_paren):
    """The top-level arguments of the call whose '(' is at open_paren, as
    (start, end) spans, and the index after ')'; None if unbalanced."""
    depth, i, start, args = 0, open_paren, open_paren + 1, []
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i = skip_literal(text, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append((start, i))
                return args, i + 1
        elif c == "," and depth == 1:
            args.append((start, i))
            start = i + 1
        i += 1
    return None


def unwrapped_literals(text, start, end):
    """String literals in text[start:end] outside WRAPPERS calls, adjacent
    literals joined: [(offset, source_form)]."""
    found, i = [], start
    while i < end:
        c = text[i]
        m = IDENT.match(text, i)
        if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            j = m.end()
            k = j
            while k < end and text[k] in " \t\n":
                k += 1
            if m.group(0) in WRAPPERS and k < end and text[k] == "(":
                r = call_args(text, k)
                i = r[1] if r else end
                continue
            i = j
            continue
        if c == "'":
            i = skip_literal(text, i)
            continue
        if c == '"':
            first, parts = i, []
            while i < end and text[i] == '"':
                j = skip_literal(text, i)
                parts.append(text[i + 1:j - 1])
                i = j
                while i < end and text[i] in " \t\n":
                    i += 1
            found.append((first, "".join(parts)))
            continue
        i += 1
    return found


def is_text(body):
    """Whether a literal's body says something in words."""
    rest = CONVERSION.sub("", body)
    rest = ESCAPE.sub("", rest)
    return re.search(r"[A-Za-z]", rest) is not None


def xgettext_keywords(top):
    """{(function, argument index)} that xgettext extracts, from the
    --keyword options of po/Makevars: literals there are msgids."""
    with open(os.path.join(top, "po", "Makevars"), encoding="utf-8") as f:
        text = f.read().replace("\\\n", " ")
    m = re.search(r"^XGETTEXT_OPTIONS\s*=(.*)$", text, re.M)
    found = set()
    for kw in re.findall(r"--keyword=(\S+)", m.group(1) if m else ""):
        name, _, spec = kw.partition(":")
        positions = [p for p in spec.split(",") if p.isdigit()] or ["1"]
        if "c" in spec:		# msgctxt argument: C_:1c,2
            positions = [p for p in re.findall(r"(\d+)(?!c)\b", spec)]
        for p in positions:
            found.add((name, int(p) - 1))
    return found


def load_allowed(path):
    allowed = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = re.match(r'^(\S+): "(.*)"$', line)
            if not m:
                raise ValueError("%s: cannot read the line: %s" % (path, line))
            allowed.add((m.group(1), m.group(2)))
    return allowed


def source_files(top):
    files = []
    for d in ("src", "include"):
        for root, _dirs, names in os.walk(os.path.join(top, d)):
            for name in names:
                if name.endswith((".c", ".h")):
                    files.append(os.path.join(root, name))
    return sorted(files)


def scan(top, files, allowed):
    problems, used = [], set()
    keywords = xgettext_keywords(top)
    for path in files:
        rel = os.path.relpath(path, top)
        with open(path, encoding="utf-8", errors="replace") as f:
            text = strip_comments(f.read())
        for m in re.finditer(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(", text):
            name = m.group(1)
            if name not in SINKS:
                continue
            # A definition or prototype names types, not values.
            line_start = text.rfind("\n", 0, m.start()) + 1
            before = text[line_start:m.start()]
            if re.match(r"^\s*#\s*define\b", before) or \
               re.search(r"\b(void|int|char|bool|size_t|static|const)\s*\**\s*$",
                         before):
                continue
            r = call_args(text, m.end() - 1)
            if r is None:
                continue
            args = r[0]
            for idx in SINKS[name]:
                if idx >= len(args) or (name, idx) in keywords:
                    continue
                for off, body in unwrapped_literals(text, *args[idx]):
                    if not is_text(body):
                        continue
                    if (rel, body) in allowed:
                        used.add((rel, body))
                        continue
                    line = text.count("\n", 0, off) + 1
                    problems.append('%s:%d: %s: "%s"' % (rel, line, name, body))
    return problems, used


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    top = argv[1]
    allow_path = os.path.join(top, "tests", "i18n", "untranslated-literals.txt")
    try:
        allowed = load_allowed(allow_path)
        files = argv[2:] or source_files(top)
        problems, used = scan(top, files, allowed)
    except (OSError, ValueError) as e:
        print("gettext_scan: %s" % e, file=sys.stderr)
        return 2
    for p in problems:
        print("%s  (not wrapped in _() or N_())" % p)
    # An entry nothing matches any more hides nothing: drop it.
    stale = sorted(allowed - used) if not argv[2:] else []
    for rel, body in stale:
        print('%s: stale entry "%s" in %s' % (rel, body,
              os.path.relpath(allow_path, top)))
    return 1 if problems or stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
