"""Every bad pack file gets its problems in TOML words, at the right line, all at once.

Each file in fixtures/bad_packs holds the problems it must produce, one per ``# expect:`` line,
as ``LINE:COL: text that the message contains``. Each file in fixtures/warning_packs is a pack
that loads, with the warnings its ``# expect:`` lines give.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbook.packs.library import load_library
from workbook.packs.load import load_pack

BAD = Path(__file__).parent / "fixtures" / "bad_packs"
WARNED = Path(__file__).parent / "fixtures" / "warning_packs"
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.*)$", re.MULTILINE)


@pytest.mark.parametrize("file", sorted(BAD.glob("*.toml")), ids=lambda p: p.stem)
def test_bad_pack_reports_its_problems(file: Path) -> None:
    expected = [
        (int(line), int(col), text)
        for line, col, text in EXPECT.findall(file.read_text(encoding="utf-8"))
    ]
    assert expected, f"{file.name} has no # expect: lines"
    loaded = load_pack(file)
    assert loaded.pack is None
    got = [str(p) for p in loaded.problems]
    assert len(got) == len(expected), "\n".join(got)
    for (line, col, text), problem in zip(expected, loaded.problems, strict=True):
        assert str(problem).startswith(f"{file.absolute()}:{line}:{col}: "), str(problem)
        assert text in str(problem), str(problem)


@pytest.mark.parametrize("file", sorted(WARNED.glob("*.toml")), ids=lambda p: p.stem)
def test_a_pack_that_is_valid_but_surely_wrong_loads_with_its_warnings(file: Path) -> None:
    expected = EXPECT.findall(file.read_text(encoding="utf-8"))
    assert expected, f"{file.name} has no # expect: lines"
    loaded = load_pack(file)
    assert loaded.pack is not None, [str(p) for p in loaded.problems]
    got = [str(p) for p in loaded.warnings]
    assert len(got) == len(expected), "\n".join(got)
    for (line, col, text), warning in zip(expected, got, strict=True):
        assert warning.startswith(f"{file.absolute()}:{line}:{col}: "), warning
        assert text in warning, warning


def test_the_built_in_packs_have_no_warnings() -> None:
    library = load_library()
    assert [str(w) for loaded in library.packs.values() for w in loaded.warnings] == []


def test_not_utf8_is_located(tmp_path: Path) -> None:
    file = tmp_path / "latin1.toml"
    file.write_bytes(b'format = 1\ntitle = "caf\xe9"\n')
    (problem,) = load_pack(file).problems
    assert str(problem) == f"{file}:2:13: the file is not UTF-8 text; save it as UTF-8"


def test_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (problem,) = load_pack(tmp_path / "nope.toml").problems
    assert "cannot read the file" in str(problem)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    source = (Path(__file__).parents[1] / "exercises" / "respect.toml").read_bytes()
    file = tmp_path / "bom.toml"
    file.write_bytes(b"\xef\xbb\xbf" + source)
    assert load_pack(file).ok
