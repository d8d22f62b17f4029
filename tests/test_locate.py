"""The locator finds where each key of a TOML document was written."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook import tomlio
from workbook.packs.locate import Position, locate

SOURCE = '''# a comment with [brackets] and key = "x"
format = 1  # trailing [comment]
"quoted key" = 'literal'
dotted.inner = 2
table = { a = 1, b = [1, { c = "}" }] }
body = """
[[steps]]
id = "fake"
"""

[[steps]]
id = "one"
options = [
  "a",  # first
  "b",
]

[[steps]]
id = "two"
tasks = [ { name = "Dishes", minutes = 60 } ]

[steps.extra]
x = 'it''s'

[[steps]]
kind = 'read'
'''


def test_every_form_of_key_is_found() -> None:
    found = locate(SOURCE)
    assert found.keys[("format",)] == Position(2, 1)
    assert found.keys[("quoted key",)] == Position(3, 1)
    assert found.keys[("dotted", "inner")] == Position(4, 1)
    assert found.keys[("table", "b", 1, "c")] == Position(5, 28)
    assert found.keys[("steps", 0)] == Position(11, 1)
    assert found.keys[("steps", 0, "id")] == Position(12, 1)
    assert found.keys[("steps", 0, "options", 1)] == Position(15, 3)
    assert found.keys[("steps", 1, "tasks", 0, "minutes")] == Position(20, 30)
    assert found.keys[("steps", 1, "extra", "x")] == Position(23, 1)
    assert found.keys[("steps", 2, "kind")] == Position(26, 1)
    assert ("steps", 3) not in found.keys


def test_find_falls_back_to_the_nearest_parent_then_the_top() -> None:
    found = locate(SOURCE)
    assert found.find(("steps", 1, "prompt")) == Position(18, 1)
    # The top of the pack is its first key, after comments such as a #:schema line.
    assert found.find(("nothing", "here")) == Position(2, 1)
    assert locate("").find(("nothing",)) == Position(1, 1)


def test_multiline_strings_with_quotes_before_the_close() -> None:
    source = 'a = """x""""\nb = \'\'\'y\'\'\'\'\'\nc = "\\"q\\""\nd = 1\n'
    found = locate(source)
    assert tomlio.loads(source)["a"] == 'x"'
    assert found.keys[("b",)] == Position(2, 1)
    assert found.keys[("d",)] == Position(4, 1)


_keys = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=8
)
_scalars = st.one_of(st.integers(), st.booleans(), st.text(max_size=20))
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3),
    max_leaves=12,
)
_documents = st.dictionaries(
    _keys,
    _values
    | st.lists(st.dictionaries(_keys, _values, min_size=1, max_size=3), min_size=1, max_size=3),
    max_size=5,
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            found += [(*path, key), *_paths(value, (*path, key))]
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += [(*path, index), *_paths(value, (*path, index))]
    return found


@settings(max_examples=80, deadline=None)
@given(_documents)
def test_every_path_of_a_written_document_is_located_at_its_key(data: dict[str, Any]) -> None:
    source = tomlio.dumps(data)
    found = locate(source)
    lines = source.split("\n")
    for path in _paths(data):
        assert path in found.keys, path
        position = found.keys[path]
        text = lines[position.line - 1][position.col - 1 :]
        last = path[-1]
        if isinstance(last, str):
            assert text.startswith((last, '"', "'", "[")), (path, text)
        else:
            assert text[:1] in set("\"'[{-0123456789tf+"), (path, text)
