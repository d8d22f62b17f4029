"""``workbook validate --format full|short|json``: the same first line, then the source line with
a caret and the help (full), nothing more (short), or the problems as data (json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.packs.fixes import Source
from workbook.packs.locate import Position
from workbook.packs.problems import Problem
from workbook.packs.report import full

BAD = Path(__file__).parent / "fixtures" / "bad_packs"
SLASH = BAD / "habit_slash_comment.toml"
FIRST = f'{SLASH}:11:14: steps[0].pick_max: "//" does not start a comment in TOML: use # instead'


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["validate", *args])
    return code, capsys.readouterr().out


def test_full_quotes_the_line_with_a_caret_then_the_help_and_the_fixed_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = _run(capsys, str(SLASH))
    assert code == 1
    assert out.splitlines() == [
        FIRST,
        "   |",
        "11 | pick_max = 2 // at most two",
        "   |              ^^",
        "help: start the comment with #",
        "   |",
        "11 | pick_max = 2 # at most two",
    ]


def test_short_gives_the_first_lines_only(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, "--format", "short", str(SLASH), str(BAD / "unknown_keys.toml"))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == FIRST
    assert len(lines) == 6
    assert all(": " in line and "|" not in line[:2] for line in lines)


def test_json_gives_the_problems_as_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, "--format", "json", str(SLASH))
    assert code == 1
    (problem,) = json.loads(out)
    assert problem == {
        "file": str(SLASH),
        "line": 11,
        "column": 14,
        "key_path": "steps[0].pick_max",
        "message": '"//" does not start a comment in TOML: use # instead',
        "help": "start the comment with #",
        "severity": "error",
        "edits": [{"line": 11, "column": 14, "end_line": 11, "end_column": 16, "text": "#"}],
    }


def test_warnings_are_marked_and_fail_only_with_strict(
    capsys: pytest.CaptureFixture[str],
) -> None:
    warned = Path(__file__).parent / "fixtures" / "warning_packs" / "done_by_together.toml"
    code, out = _run(capsys, "--format", "short", str(warned))
    assert code == 0
    assert out == (
        f"{warned}:11:1: steps[0].done_by: warning: done_by does nothing here: a together answer "
        "is done by both\n"
    )
    assert main(["validate", "--strict", str(warned)]) == 1
    assert "1 pack file checked: no problems, 1 warning" in capsys.readouterr().err
    _, out = _run(capsys, "--format", "json", str(warned))
    assert [p["severity"] for p in json.loads(out)] == ["warning"]


def test_the_caret_lines_up_after_tabs_and_wide_characters_and_a_long_line_is_cut() -> None:
    source = Source('title = "日本\tx" // c\n' + "t = " + "y" * 300 + " //\n")
    at = Problem(Path("p.toml"), Position(1, 16), ("title",), "m", "h")
    # The wide characters take two cells each; the tab is as wide on both lines.
    assert full(at, source).splitlines()[2:4] == [
        '1 | title = "日本 x" // c',
        "  | " + " " * 17 + "^^",
    ]
    far = Problem(Path("p.toml"), Position(2, 306), ("t",), "m")
    quoted, caret = full(far, source).splitlines()[2:4]
    assert quoted == "2 | …" + "y" * 69 + " //"
    assert caret == "  | " + " " * 71 + "^^"
