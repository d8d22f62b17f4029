"""Every fix that a problem suggests as an edit works: made, the file reads again without that
problem and without a new one. The bad packs are complete packs but for their mistakes, so an
edit that fixes the only mistake of a file leaves a pack that loads."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from workbook.packs.fixes import apply
from workbook.packs.load import load_pack
from workbook.packs.problems import Problem

FIXTURES = Path(__file__).parent / "fixtures"
FILES = sorted(
    [*(FIXTURES / "bad_packs").glob("*.toml"), *(FIXTURES / "warning_packs").glob("*.toml")]
)


def _all(file: Path) -> list[Problem]:
    loaded = load_pack(file)
    return [*loaded.problems, *loaded.warnings]


def _said(problems: list[Problem]) -> Counter[str]:
    # Line numbers in messages move when an edit adds or removes a line.
    return Counter(re.sub(r"\d+", "N", problem.message) for problem in problems)


WITH_EDITS = [file for file in FILES if any(problem.edits for problem in _all(file))]


def test_most_mistakes_have_an_edit() -> None:
    assert len(WITH_EDITS) >= 30


@pytest.mark.parametrize("file", WITH_EDITS, ids=lambda p: p.stem)
def test_each_edit_fixes_its_problem_and_nothing_else(file: Path, tmp_path: Path) -> None:
    source = file.read_bytes().decode("utf-8-sig")
    problems = _all(file)
    for problem in [p for p in problems if p.edits]:
        fixed = tmp_path / file.name
        fixed.write_text(apply(source, problem.edits), encoding="utf-8", newline="")
        left = _all(fixed)
        assert _said(left) == _said(problems) - _said([problem]), (
            str(problem),
            [str(p) for p in left],
        )
