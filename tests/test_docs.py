"""The example packs in the README and docs/authoring.md are valid packs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbook.packs.load import load_pack
from workbook.packs.problems import dotted

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


def _rows(section: str) -> list[tuple[str, str]]:
    """The message and help columns of the table in a section of docs/authoring.md."""
    text = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    part = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in part.splitlines() if line.startswith("| ") and "---" not in line]
    return [
        (cells[1].strip("`"), cells[2].strip("`"))
        for cells in (row.strip("| ").split(" | ") for row in rows[1:])
    ]


def _printed() -> set[tuple[str, str]]:
    """Each problem and warning of the fixtures, as its message (after its key path) and help."""
    files = [
        *(ROOT / "tests" / "fixtures" / "bad_packs").glob("*.toml"),
        *(ROOT / "tests" / "fixtures" / "warning_packs").glob("*.toml"),
    ]
    return {
        (f"{dotted(p.path)}: {p.message}" if p.path else p.message, p.help)
        for loaded in map(load_pack, files)
        for p in [*loaded.problems, *loaded.warnings]
    }


@pytest.mark.parametrize(("section", "least"), [("Common mistakes", 35), ("Warnings", 5)])
def test_the_documented_messages_and_help_are_what_validate_prints(
    section: str, least: int
) -> None:
    documented = _rows(section)
    assert len(documented) >= least
    printed = _printed()
    assert [row for row in documented if row not in printed] == []
