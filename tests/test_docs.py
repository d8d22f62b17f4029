"""The example packs in the README and docs/authoring.md are valid packs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbook.packs.load import load_pack

ROOT = Path(__file__).parents[1]
BLOCK = re.compile(r"```toml\n(.*?)```", re.DOTALL)
EXAMPLES = [
    (doc, index, text)
    for doc in ("README.md", "docs/authoring.md")
    for index, text in enumerate(BLOCK.findall((ROOT / doc).read_text(encoding="utf-8")))
    if "[[steps]]" in text and "\nformat = 1" in "\n" + text
]


def test_there_are_examples() -> None:
    assert {doc for doc, _, _ in EXAMPLES} == {"README.md", "docs/authoring.md"}


@pytest.mark.parametrize(("doc", "index", "text"), EXAMPLES, ids=lambda v: str(v)[:20])
def test_example_pack_validates(tmp_path: Path, doc: str, index: int, text: str) -> None:
    file = tmp_path / "example.toml"
    file.write_text(text, encoding="utf-8")
    loaded = load_pack(file)
    assert loaded.ok, [str(p) for p in loaded.problems]
