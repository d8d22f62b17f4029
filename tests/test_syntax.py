"""TOML syntax errors read as an author would: where the mistake starts, and the fix.

The fixtures in fixtures/bad_packs cover the common mistakes through the loader; these cover the
rarer ones, straight through ``explain``, and the guarantee that it never raises.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook import tomlio
from workbook.packs.syntax import explain, fallback


def _explained(source: str) -> tuple[int, int, str, str]:
    with pytest.raises(tomlio.TOMLDecodeError) as caught:
        tomlio.loads(source)
    error = caught.value
    found = explain(source, error.msg, error.lineno, error.colno)
    return found.line, found.col, ".".join(map(str, found.path)), found.message


@pytest.mark.parametrize(
    ("source", "line", "col", "path", "words"),
    [
        ("t = 'it\n", 1, 5, "t", "end it with ' on the same line"),
        ('t = "a\x01b"\n', 1, 7, "t", "a control character (U+0001)"),
        ('t = "C:\\qx"\n', 1, 8, "t", "write \\\\ for a backslash"),
        ('t = { name = "x", name = "y" }\n', 1, 19, "t", '"name" is given twice in these braces'),
        ("steps = []\n[[steps]]\n", 2, 1, "steps", "steps is already given on line 1"),
        ('[[steps]]\nid = "a"\n[steps]\n', 3, 1, "steps", "write [[steps]]"),
        ("[a]\nx = 1\n[a]\n", 3, 1, "a", "the table [a] is already declared on line 1"),
        ("title = \n", 1, 9, "title", "a value is missing after ="),
        ('[[steps]\nid = "x"\n', 1, 8, "", "needs two closing brackets"),
        ('[[steps]] id = "x"\n', 1, 11, "steps.0", "start a new line after the table's header"),
        ('title "x"\n', 1, 7, "", 'expected = after title: write title = "x"'),
        ('my title = "x"\n', 1, 4, "", "a key is one word with no spaces"),
        ("options = [a, b]\n", 1, 12, "options", 'text must be in quotes, like "a"'),
        ('options = [\n  "a"\n  "b",\n]\n', 3, 3, "options", "a comma is missing here"),
        ('x = ["a",\n# nothing more\n', 1, 5, "x", "this list is never closed"),
        ("\u201ctitle\u201d = 1\n", 1, 1, "", "curly quotes are not quotes in TOML"),
    ],
)
def test_rarer_mistakes_are_explained(
    source: str, line: int, col: int, path: str, words: str
) -> None:
    got = _explained(source)
    assert got[:3] == (line, col, path), got
    assert words in got[3]


def test_what_is_not_understood_keeps_the_parsers_words_without_python_tuples() -> None:
    assert fallback("Cannot declare ('a', 'b') twice") == (
        "this is not valid TOML: cannot declare a.b twice"
    )
    found = explain("x = 1\n", "Something new", 9, 99)
    assert found.message == "this is not valid TOML: something new"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]{}\"'=#\n .abc\\1\u201c", max_size=60), st.integers(), st.integers())
def test_explain_never_raises(source: str, line: int, col: int) -> None:
    found = explain(source, "Invalid value", line, col)
    assert found.line >= 1
    assert found.col >= 1
