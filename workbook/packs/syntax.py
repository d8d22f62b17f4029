"""TOML syntax errors in a pack author's words, where the mistake starts, with the fix.

The parser stops at the first error and says where it noticed it, in its own words: a string that
is never closed is an "illegal character" at the end of its line, and a list that is never closed
is noticed at the end of the file. ``explain`` keeps the parser's verdict and position, and reads
the source up to that position with a small scanner (strings, comments, brackets, statements) to
say what went wrong where it began. Anything it cannot explain keeps the parser's words.
"""

from __future__ import annotations

import re

from workbook.packs import twice, values
from workbook.packs.explaining import Explained, Offsets, Reading
from workbook.packs.habits import CURLY, habit
from workbook.packs.rules import KeyPath
from workbook.packs.scan import Statement

# The start of a line that is a statement of its own: ``key =`` or a table header.
_STATEMENT = re.compile(
    r"[ \t]*(?:[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*[ \t]*="
    r"|\[\[?[ \t]*[A-Za-z0-9_.-]+[ \t]*\]\]?[ \t]*(?:#.*)?$)"
)
_WORD = re.compile(r"[^,\]\}#\n]*")
_TUPLE_KEY = re.compile(r"\(((?:'[^']*',? ?)+)\)")
_SHOWN = 50


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


class _Explainer(Reading):
    # What went wrong

    def explain(self) -> Explained | None:
        msg, char = self.msg, self.src[self.at : self.at + 1]
        path = self.path(self.number)
        found = habit(self.src, self.at, msg, self.state)
        if found is not None:
            where = self.habit_path(found.index)
            return self.made(found.index, where, found.message, found.help, found.edits)
        if msg.startswith("Illegal character") and not self.line_end and char not in ("\n", ""):
            return self.made(
                self.at,
                path,
                f"a control character (U+{ord(char):04X}) is not allowed here: delete it",
                "delete the character (your editor may show it only with invisible characters on)",
                ((self.at, self.at + 1, ""),),
            )
        if msg.startswith("Unescaped") or "escape" in msg or msg == "Invalid hex value":
            backslash = self.src.rfind("\\", self.starts[self.line_of(self.at) - 1], self.at + 1)
            return self.made(
                max(backslash, 0) if backslash >= 0 else self.at,
                path,
                "a backslash in text starts an escape such as \\n (a new line): write \\\\ for "
                "a backslash itself, or put the text in 'single quotes'",
                "write \\\\ for a backslash, or put the text in 'single quotes'",
            )
        if self.state.string is not None:
            return self.unclosed_string(*self.state.string, path)
        if self.state.brackets and msg in (
            "Unclosed array",
            "Unclosed inline table",
            "Invalid value",
        ):
            found_open = self.unclosed(*self.state.brackets[-1], path)
            if found_open is not None:
                return found_open
        if char and char in CURLY:
            return self.curly(path)
        if msg.startswith(
            ("Cannot declare", "Cannot mutate", "Cannot overwrite", "Cannot redefine")
        ):
            return twice.explain(self)
        if msg.startswith("Duplicate inline table key"):
            return twice.in_braces(self, path)
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
                "start the line with a key, a [[steps]] line or #",
            )
        if msg.startswith(("Expected ']]'", "Expected ']'")):
            return self.header()
        return None

    def header(self) -> Explained:
        """A table header without all its closing brackets."""
        current = self.current
        array = self.msg.startswith("Expected ']]'")
        name = ".".join(current.keys) if current is not None and current.header else ""
        closing = "]]" if array else "]"
        have = 1 if array and self.src.startswith("]", self.at) else 0
        shown = f"[[{name}]]" if array else f"[{name}]"
        edits: Offsets = ((self.at, self.at, closing[have:]),) if name else ()
        if array:
            message = f"a {shown or '[[steps]]'} line needs two closing brackets: ]]"
        else:
            message = f"a table header needs its closing bracket: ]{f' ({shown})' if name else ''}"
        return self.made(self.at, (), message, f"end the line with {closing}", edits)

    def unclosed_string(self, start: int, quotes: str, path: KeyPath) -> Explained:
        if len(quotes) == 3:
            return self.made(
                start,
                path,
                f"this text is never closed: end it with {quotes}",
                f"end the text with {quotes} on a line of its own",
            )
        edits: Offsets = ()
        current = self.current
        if current is not None and current.value == start and not self.state.brackets:
            end = self.line_end_of(start)
            edits = ((end, end, quotes),)
        return self.made(
            start,
            path,
            f"this text is never closed: end it with {quotes} on the same line "
            '(for text over several lines, start and end it with """)',
            f"end the text with {quotes}",
            edits,
        )

    def line_end_of(self, index: int) -> int:
        """Where a line's text ends: before its line end and the spaces before it."""
        end = self.src.find("\n", index)
        end = len(self.src) if end == -1 else end
        while end > index and self.src[end - 1] in " \t\r":
            end -= 1
        return end

    def unclosed(self, start: int, opener: str, path: KeyPath) -> Explained | None:
        rest = self.rest_of_line(self.at)
        same_line = self.line_of(start) == self.line_of(self.at)
        braces = "these braces are never closed: end them with } on the same line"
        if opener == "{" and same_line:
            # Braces hold one line: closed later on it, a comma is missing; else they never close.
            if "}" in rest:
                return self.missing_comma(opener, path)
            return self.made(start, path, braces, "end the braces with }")
        if same_line and "]" in rest and self.msg != "Invalid value":
            return self.missing_comma(opener, path)
        at_end = not re.sub(r"(?m)^[ \t]*#.*$", "", self.src[self.at :]).strip()
        if at_end or _STATEMENT.match(rest):
            # The list ran on into the next key or table, or to the end of the file.
            if opener == "[":
                return self.made(
                    start,
                    path,
                    "this list is never closed: end it with ]",
                    "end the list with ] after its last value",
                )
            return self.made(start, path, braces, "end the braces with }")
        if self.msg == "Invalid value":
            return None
        return self.missing_comma(opener, path)

    def missing_comma(self, opener: str, path: KeyPath) -> Explained:
        example = '["a", "b"]' if opener == "[" else '{ name = "Dishes", minutes = 60 }'
        what = "the values of a list" if opener == "[" else "the keys in braces"
        before = self.at
        while before > 0 and self.src[before - 1] in " \t\r\n":
            before -= 1
        edits: Offsets = ((before, before, ","),) if "#" not in self.src[before : self.at] else ()
        return self.made(
            self.at,
            path,
            f"a comma is missing here: put a comma between {what}, like {example}",
            "put a comma after the value before this one",
            edits,
        )

    def curly(self, path: KeyPath) -> Explained:
        rest = self.rest_of_line(self.at + 1)
        end = min((rest.find(q) for q in CURLY if q in rest), default=-1)
        inner = rest[:end] if end >= 0 else ""
        example = f'"{inner}"' if inner and len(inner) <= _SHOWN and '"' not in inner else '"..."'
        edits: Offsets = ()
        if end >= 0 and '"' not in inner and "\\" not in inner:
            close = self.at + 1 + end
            edits = ((self.at, self.at + 1, '"'), (close, close + 1, '"'))
        return self.made(
            self.at,
            path,
            f"curly quotes are not quotes in TOML: use straight quotes, like {example}",
            "type the quotes again in your editor, as straight quotes",
            edits,
        )

    def bad_value(self, path: KeyPath) -> Explained | None:
        statement = self.current
        rest = self.rest_of_line(self.at).rstrip()
        if statement is None or statement.header or statement.value != self.at:
            word = _WORD.match(rest)
            text = word.group(0).strip() if word else ""
            if text[:1].isalpha():
                return self.made(
                    self.at,
                    path,
                    f'text must be in quotes, like "{_short(text)}"',
                    "put each text of the list in quotes",
                )
            return None
        if not rest or rest.startswith("#"):
            key = ".".join(statement.keys)
            return self.made(
                self.at,
                path,
                f'a value is missing after =: write {key} = "..." or remove the line',
                "write a value after =, or delete the line",
            )
        return self.unquoted(statement, path)

    def unquoted(self, statement: Statement, path: KeyPath) -> Explained:
        return values.unquoted(self, statement, path)

    def after_value(self, path: KeyPath) -> Explained:
        statement = self.current
        rest = self.rest_of_line(self.at)
        spaces = self.at
        while spaces > 0 and self.src[spaces - 1] in " \t":
            spaces -= 1
        new_line: Offsets = ((spaces, self.at, "\n"),)
        if statement is not None and statement.header:
            return self.made(
                self.at,
                path,
                "start a new line after the table's header",
                "put the key on a line of its own",
                new_line,
            )
        if statement is not None and statement.value >= 0 and not _STATEMENT.match(rest):
            first = self.src[statement.value]
            if first not in "\"'[{" and not rest.lstrip().startswith("#"):
                return self.unquoted(statement, path)
            if first in "\"'" and not _STATEMENT.match(rest):
                return values.quote_inside(self, statement, path, first)
        return self.made(
            self.at,
            path,
            "only one key = value per line: start a new line here, or use # for a comment",
            "start a new line before this key",
            new_line if _STATEMENT.match(rest) else (),
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
                "put the text in a key's value, or start the line with #",
            )
        if statement is not None and statement.keys:
            key = ".".join(statement.keys)
            rest = self.rest_of_line(self.at).split("#")[0].strip()
            if rest[:1] in ('"', "'", "[", "{") or rest[:1].isdigit():
                return self.made(
                    self.at,
                    (),
                    f"expected = after {key}: write {key} = {_short(rest)}",
                    "put = between the key and its value",
                    ((self.at, self.at, "= "),) if self.src[self.at - 1] in " \t" else (),
                )
            return self.made(
                self.at,
                (),
                "a key is one word with no spaces, like max_chars, then = and its value",
                "join the words of the key with _, or fix its spelling",
            )
        return self.made(
            self.at, (), 'expected a key here, like title = "..."', "start the line with a key"
        )


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
