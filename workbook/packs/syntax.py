"""TOML syntax errors in a pack author's words, where the mistake starts, with the fix.

The parser stops at the first error and says where it noticed it, in its own words: a string that
is never closed is an "illegal character" at the end of its line, and a list that is never closed
is noticed at the end of the file. ``explain`` keeps the parser's verdict and position, and reads
the source up to that position with a small scanner (strings, comments, brackets, statements) to
say what went wrong where it began. Anything it cannot explain keeps the parser's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbook.packs.rules import KeyPath
from workbook.packs.scan import Statement, scan

# Quotes that word processors put in place of straight ones.
CURLY = "\u201c\u201d\u201e\u201f\u2033\u2018\u2019\u201a\u201b\u00ab\u00bb"
# The start of a line that is a statement of its own: ``key =`` or a table header.
_STATEMENT = re.compile(
    r"[ \t]*(?:[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*[ \t]*="
    r"|\[\[?[ \t]*[A-Za-z0-9_.-]+[ \t]*\]\]?[ \t]*(?:#.*)?$)"
)
_WORD = re.compile(r"[^,\]\}#\n]*")
_TUPLE_KEY = re.compile(r"\(((?:'[^']*',? ?)+)\)")
_SHOWN = 50
STEPS_HEADER = (
    "write [[steps]], with two brackets on each side: each step starts with its own [[steps]] line"
)


@dataclass(frozen=True)
class Explained:
    """A syntax error as an author should read it: where it starts, what it is about, the fix."""

    line: int
    col: int
    path: KeyPath
    message: str


def explain(source: str, message: str, line: int, col: int) -> Explained:
    """The parser's ``message`` at ``line``:``col`` in words for a pack author; never raises."""
    try:
        found = _Explainer(source, message, line, col).explain()
    except Exception:  # an explanation is a courtesy: the parser's own words are still right
        found = None
    return found or Explained(max(line, 1), max(col, 1), (), fallback(message))


def fallback(message: str) -> str:
    """The parser's words, with its Python tuples of keys written as TOML keys."""
    shown = _TUPLE_KEY.sub(lambda m: ".".join(re.findall(r"'([^']*)'", m.group(1))), message)
    return f"this is not valid TOML: {shown[:1].lower()}{shown[1:]}"


class _Explainer:
    def __init__(self, source: str, message: str, line: int, col: int) -> None:
        self.src = source
        self.msg = message
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]
        line = min(max(line, 1), len(self.starts))
        self.at = min(self.starts[line - 1] + max(col, 1) - 1, len(source))
        # A newline at the error is read too: that is where a one-line string was cut.
        cut = source.startswith("\n", self.at)
        self.state = scan(source, self.at + 1 if cut else self.at)
        self.number = self._statement()

    # Positions and text

    def line_of(self, index: int) -> int:
        return self.src.count("\n", 0, index) + 1

    def made(self, index: int, path: KeyPath, message: str) -> Explained:
        line = self.line_of(index)
        return Explained(line, index - self.starts[line - 1] + 1, path, message)

    def rest_of_line(self, index: int) -> str:
        end = self.src.find("\n", index)
        return self.src[index : len(self.src) if end == -1 else end]

    # Statements and their key paths

    def _statement(self) -> int | None:
        found = None
        for number, statement in enumerate(self.state.statements):
            if statement.start <= self.at:
                found = number
        return found

    @property
    def current(self) -> Statement | None:
        return None if self.number is None else self.state.statements[self.number]

    def path(self, number: int | None) -> KeyPath:
        return () if number is None else self.state.statements[number].path

    # What went wrong

    def explain(self) -> Explained | None:
        msg, char = self.msg, self.src[self.at : self.at + 1]
        path = self.path(self.number)
        if msg.startswith("Illegal character") and char not in ("\n", ""):
            return self.made(
                self.at,
                path,
                f"a control character (U+{ord(char):04X}) is not allowed here: delete it",
            )
        if msg.startswith("Unescaped") or "escape" in msg or msg == "Invalid hex value":
            backslash = self.src.rfind("\\", self.starts[self.line_of(self.at) - 1], self.at + 1)
            return self.made(
                max(backslash, 0) if backslash >= 0 else self.at,
                path,
                "a backslash in text starts an escape such as \\n (a new line): write \\\\ for "
                "a backslash itself, or put the text in 'single quotes'",
            )
        if self.state.string is not None:
            return self.unclosed_string(*self.state.string, path)
        if self.state.brackets and msg in (
            "Unclosed array",
            "Unclosed inline table",
            "Invalid value",
        ):
            found = self.unclosed(*self.state.brackets[-1], path)
            if found is not None:
                return found
        if char and char in CURLY:
            return self.curly(path)
        if msg.startswith(
            ("Cannot declare", "Cannot mutate", "Cannot overwrite", "Cannot redefine")
        ):
            return self.twice()
        if msg.startswith("Duplicate inline table key"):
            return self.twice_in_braces(path)
        if msg == "Invalid value":
            return self.bad_value(path)
        if msg.startswith("Expected newline"):
            return self.after_value(path)
        if msg.startswith(("Expected '='", "Invalid initial character")):
            return self.no_equals()
        if msg == "Invalid statement":
            return self.made(
                self.at,
                (),
                'a line must start with a key (like title = "..."), a [[steps]] line, or # for '
                "a comment",
            )
        if msg.startswith("Expected ']]'"):
            return self.made(self.at, (), "a [[steps]] line needs two closing brackets: ]]")
        if msg.startswith("Expected ']'"):
            return self.made(self.at, (), "a table header needs its closing bracket: ]")
        return None

    def unclosed_string(self, start: int, quotes: str, path: KeyPath) -> Explained:
        if len(quotes) == 3:
            fix = f"end it with {quotes}"
        else:
            fix = (
                f"end it with {quotes} on the same line "
                '(for text over several lines, start and end it with """)'
            )
        return self.made(start, path, f"this text is never closed: {fix}")

    def unclosed(self, start: int, opener: str, path: KeyPath) -> Explained | None:
        rest = self.rest_of_line(self.at)
        same_line = self.line_of(start) == self.line_of(self.at)
        if opener == "{" and same_line:
            # Braces hold one line: closed later on it, a comma is missing; else they never close.
            if "}" in rest:
                return self.missing_comma(opener, path)
            return self.made(
                start, path, "these braces are never closed: end them with } on the same line"
            )
        if same_line and "]" in rest and self.msg != "Invalid value":
            return self.missing_comma(opener, path)
        at_end = not re.sub(r"(?m)^[ \t]*#.*$", "", self.src[self.at :]).strip()
        if at_end or _STATEMENT.match(rest):
            # The list ran on into the next key or table, or to the end of the file.
            if opener == "[":
                return self.made(start, path, "this list is never closed: end it with ]")
            return self.made(
                start, path, "these braces are never closed: end them with } on the same line"
            )
        if self.msg == "Invalid value":
            return None
        return self.missing_comma(opener, path)

    def missing_comma(self, opener: str, path: KeyPath) -> Explained:
        example = '["a", "b"]' if opener == "[" else '{ name = "Dishes", minutes = 60 }'
        what = "the values of a list" if opener == "[" else "the keys in braces"
        return self.made(
            self.at, path, f"a comma is missing here: put a comma between {what}, like {example}"
        )

    def curly(self, path: KeyPath) -> Explained:
        rest = self.rest_of_line(self.at + 1)
        end = min((rest.find(q) for q in CURLY if q in rest), default=-1)
        inner = rest[:end] if end >= 0 else ""
        example = f'"{inner}"' if inner and len(inner) <= _SHOWN and '"' not in inner else '"..."'
        return self.made(
            self.at,
            path,
            f"curly quotes are not quotes in TOML: use straight quotes, like {example}",
        )

    def bad_value(self, path: KeyPath) -> Explained | None:
        statement = self.current
        rest = self.rest_of_line(self.at).rstrip()
        if statement is None or statement.header or statement.value != self.at:
            word = _WORD.match(rest)
            text = word.group(0).strip() if word else ""
            if text[:1].isalpha():
                return self.made(self.at, path, f'text must be in quotes, like "{_short(text)}"')
            return None
        if not rest or rest.startswith("#"):
            key = ".".join(statement.keys)
            return self.made(
                self.at, path, f'a value is missing after =: write {key} = "..." or remove the line'
            )
        return self.unquoted(statement, path)

    def unquoted(self, statement: Statement, path: KeyPath) -> Explained:
        text = self.rest_of_line(statement.value).strip()
        key = ".".join(statement.keys)
        shown = _short(text.replace("\\", "\\\\").replace('"', '\\"'))
        return self.made(statement.value, path, f'text must be in quotes: write {key} = "{shown}"')

    def after_value(self, path: KeyPath) -> Explained:
        statement = self.current
        rest = self.rest_of_line(self.at)
        if statement is not None and statement.header:
            return self.made(self.at, path, "start a new line after the table's header")
        if statement is not None and statement.value >= 0 and not _STATEMENT.match(rest):
            first = self.src[statement.value]
            if first not in "\"'[{" and not rest.lstrip().startswith("#"):
                return self.unquoted(statement, path)
            if first in "\"'" and not _STATEMENT.match(rest):
                how = (
                    "write \\\" or put the text in 'single quotes'"
                    if first == '"'
                    else 'put the text in "double quotes"'
                )
                return self.made(
                    self.at,
                    path,
                    f"the text ended at the {first} just before this: to put {first} inside "
                    f"text, {how}",
                )
        return self.made(
            self.at,
            path,
            "only one key = value per line: start a new line here, or use # for a comment",
        )

    def no_equals(self) -> Explained:
        statement = self.current
        start = statement.start if statement is not None else self.at
        text = self.rest_of_line(start).split("#")[0].strip()
        if "=" not in text and len(text.split()) > 2:
            return self.made(
                start,
                (),
                "this line is not key = value: put the text in quotes after a key (like "
                'body = "..."), or start the line with # to make it a comment',
            )
        if statement is not None and statement.keys:
            key = ".".join(statement.keys)
            rest = self.rest_of_line(self.at).split("#")[0].strip()
            if rest[:1] in ('"', "'", "[", "{") or rest[:1].isdigit():
                return self.made(
                    self.at, (), f"expected = after {key}: write {key} = {_short(rest)}"
                )
            return self.made(
                self.at,
                (),
                "a key is one word with no spaces, like max_chars, then = and its value",
            )
        return self.made(self.at, (), 'expected a key here, like title = "..."')

    def twice(self) -> Explained | None:
        current, number = self.current, self.number
        if current is None or number is None:
            return None
        earlier = self.state.statements[:number]
        if not current.header:
            full = current.path
            firsts = [s for s in earlier if not s.header and s.path == full]
            first = f"; the first is on line {self.line_of(firsts[0].start)}" if firsts else ""
            where = "the pack" if len(full) == 1 else "this table"
            where = "this step" if len(full) == 3 and full[0] == "steps" else where
            return self.made(
                current.start,
                full,
                f'"{".".join(current.keys)}" is given twice in {where}{first}: keep one of them',
            )
        named = current.named
        tables = [s for s in earlier if s.header and s.named == named]
        singles = [s for s in tables if not s.array]
        values = [s for s in earlier if not s.header and s.path == named]
        name = ".".join(current.keys)
        if values:
            first_line = self.line_of(values[0].start)
            return self.made(
                current.start, named, f"{name} is already given on line {first_line}: keep one"
            )
        if named == ("steps",) and (singles or not current.array):
            # [steps] written where [[steps]] was meant: point at the first one.
            wrong = [*singles, current] if not current.array else singles
            also = (
                f"; line {self.line_of(wrong[1].start)} has [steps] too" if len(wrong) > 1 else ""
            )
            return self.made(wrong[0].start, named, STEPS_HEADER + also)
        if tables:
            first_line = self.line_of(tables[0].start)
            return self.made(
                current.start,
                named,
                f"the table [{name}] is already declared on line {first_line}: put its keys "
                "under one header",
            )
        return None

    def twice_in_braces(self, path: KeyPath) -> Explained:
        name = self.msg.split("key", 1)[1].strip().strip("'\"")
        found = self.src.rfind(name, self.starts[self.line_of(self.at) - 1], self.at)
        return self.made(
            found if found >= 0 else self.at,
            path,
            f'"{name}" is given twice in these braces: keep one of them',
        )


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
