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


def _common_mistakes() -> list[str]:
    text = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = text.split("\n## Common mistakes\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    return [row.split(" | ")[1].strip("`") for row in rows[1:]]


def test_common_mistakes_show_the_messages_validate_prints() -> None:
    printed = "\n".join(
        str(problem)
        for file in sorted((ROOT / "tests" / "fixtures" / "bad_packs").glob("*.toml"))
        for problem in load_pack(file).problems
    )
    documented = _common_mistakes()
    assert len(documented) >= 15
    assert [m for m in documented if m not in printed] == []
