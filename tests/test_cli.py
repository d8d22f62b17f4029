"""The command line of DESIGN.md section 6: output, exit codes, and no tracebacks."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.packs_helpers import write_pack
from workbook.cli import main
from workbook.data.models import FacilitatorNotes, PackUse
from workbook.data.store import Store
from workbook.logic.agreements import add_agreement

BAD = Path(__file__).parent / "fixtures" / "bad_packs"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_has_the_contract_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert code == 0
    respect = next(r for r in rows if r["id"] == "respect")
    assert {"id", "title", "minutes", "topics", "file"} <= set(respect)
    assert Path(respect["file"]).is_absolute()
    assert Path(respect["file"]).is_file()


def test_list_text_and_override_note(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write_pack(tmp_path, "respect")
    (tmp_path / "broken.toml").write_text("format = 1\n")
    code, out, err = run(capsys, "--exercises", str(tmp_path), "list")
    assert code == 0
    assert any(line.startswith("respect ") and "A pack" in line for line in out.splitlines())
    assert 'overrides the built-in pack "respect"' in err
    assert "broken pack:" in err
    assert "broken.toml:1:1:" in err


def test_exercises_option_may_follow_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_pack(tmp_path, "mine")
    _code, out, _ = run(capsys, "list", "--exercises", str(tmp_path), "--json")
    assert "mine" in {row["id"] for row in json.loads(out)}


def test_env_exercises(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pack(tmp_path, "from-env")
    monkeypatch.setenv("WORKBOOK_EXERCISES", str(tmp_path))
    _, out, _ = run(capsys, "list", "--json")
    assert "from-env" in {row["id"] for row in json.loads(out)}


def test_validate_good_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(Path(__file__).parents[1] / "exercises"))
    assert (code, out) == (0, "")
    assert "no problems" in err


def test_validate_bad_files_prints_located_problems(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(BAD / "unknown_kind.toml"), str(BAD))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        f'{BAD / "unknown_kind.toml"}:8:1: steps[0].kind: unknown kind "txt" '
        '(did you mean "text"?); the kinds are read, text, scale, choice, rank, guess, chores, '
        "requests, "
        "listen, agreement"
    )
    assert len(lines) > 20
    assert "problems" in err


def test_validate_reports_repeated_ids_across_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_pack(tmp_path, "same", name="one")
    write_pack(tmp_path, "same", name="two")
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert "two.toml:1:1: " in out
    assert 'the pack id "same" is already used' in out


def test_validate_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", "/no/such/pack.toml")
    assert code == 2
    assert err == "workbook: /no/such/pack.toml: no such file or folder\n"


def test_schema_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["$schema"] == "http://json-schema.org/draft-07/schema#"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["start", "--couple", "nobody"], 'no couple "nobody"'),
        (["start", "--couple", "sam-and-alex", "--pack", "nope"], "no pack nope"),
        (["history", "nobody"], 'no couple "nobody"'),
    ],
)
def test_start_and_history_refuse_bad_arguments(
    capsys: pytest.CaptureFixture[str], filled: Store, args: list[str], message: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err


def test_start_with_a_pack_and_one_couple_opens_their_session(
    capsys: pytest.CaptureFixture[str], filled: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbook.tui.app import WorkbookApp

    opened: list[tuple[str | None, list[str]]] = []
    monkeypatch.setattr(
        WorkbookApp, "run", lambda app: opened.append((app.start_couple, app.start_packs))
    )
    code, _, err = run(capsys, "start", "--pack", "respect")
    assert (code, err) == (0, "")
    assert opened == [("sam-and-alex", ["respect"])]
    filled.create_couple("Kim", "Lou")
    code, _, err = run(capsys, "start", "--pack", "respect")
    assert code == 2
    assert "there are 2 couples here: say whose session it is with --couple ID" in err
    assert len(opened) == 1


def test_list_pads_columns_by_the_cells_a_terminal_draws(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from rich.cells import cell_len

    for pack_id, title in (
        ("hearts", "Love ❤️ and 😀 notes"),
        ("wide", "日本語のパック"),
        ("plain", "Plain"),
    ):
        path = write_pack(tmp_path, pack_id)
        path.write_text(path.read_text().replace('title = "A pack"', f'title = "{title}"'))
    code, out, _ = run(capsys, "--exercises", str(tmp_path), "list")
    assert code == 0
    lines = [line for line in out.splitlines() if line.split(" ")[0] in {"hearts", "wide", "plain"}]
    assert len(lines) == 3
    # The heart is the one-cell text heart that the screens show, whatever the terminal.
    assert "Love ❤ and 😀 notes" in out
    assert "\ufe0f" not in out
    # The minutes column starts at the same cell on every line, whatever the title holds.
    starts = {
        cell_len(line[: line.index(" - ") if " - " in line else line.index("min")])
        for line in lines
    }
    assert len(starts) == 1, lines


@pytest.fixture
def filled(data_dir: Path) -> Store:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex", "Dr. Lee")
    session = store.new_session(couple.id, ["respect"])
    session.packs["respect"] = PackUse(title="Defining respect", digest="sha256:" + "0" * 64)
    session.set_answer("respect", "meaning", {"a": "Being *asked*", "b": "Time"})
    session.facilitator = FacilitatorNotes(notes="private note")
    store.save_session(couple.id, session)

    def change(agreements):
        add_agreement(
            agreements,
            text="Ask first",
            made=date(2020, 1, 1),
            session=session.id,
            source="respect.areas",
            review_days=28,
            confirmed_by=["a", "b"],
        )
        return agreements

    store.update_agreements(couple.id, change, lambda a: "")
    store.close()
    return store


def test_couples_text_and_json(capsys: pytest.CaptureFixture[str], filled: Store) -> None:
    code, out, _ = run(capsys, "couples")
    assert code == 0
    assert out.startswith("sam-and-alex: Sam and Alex (with Dr. Lee); 1 session(s), last ")
    assert "1 agreement(s), 1 due for review" in out
    (row,) = json.loads(run(capsys, "couples", "--json")[1])
    assert row["partners"] == [{"key": "a", "name": "Sam"}, {"key": "b", "name": "Alex"}]
    assert (row["sessions"], row["agreements_active"], row["agreements_due"]) == (1, 1, 1)


def test_couples_json_has_the_caseload_fields_and_all_shows_the_archived(
    capsys: pytest.CaptureFixture[str], filled: Store, data_dir: Path
) -> None:
    (row,) = json.loads(run(capsys, "couples", "--json")[1])
    assert row["unfinished"] is True
    assert row["archived"] is False
    assert row["next_review"] == "2020-01-29"
    assert row["folder"] == str(data_dir / "couples" / "sam-and-alex")
    assert row["last_session_at"].startswith(row["last_session"][:10])
    filled.update_couple("sam-and-alex", lambda c: setattr(c, "archived", True))
    assert json.loads(run(capsys, "couples", "--json")[1]) == []
    assert "1 archived (see --all)" in run(capsys, "couples")[1]
    (row,) = json.loads(run(capsys, "couples", "--json", "--all")[1])
    assert row["archived"] is True
    assert "[archived]" in run(capsys, "couples", "--all")[1]
    # A command that lists writes nothing, not even Home's index.
    assert not (data_dir / "index.toml").exists()


def test_couples_skips_a_broken_couple(
    capsys: pytest.CaptureFixture[str], filled: Store, data_dir: Path
) -> None:
    broken = data_dir / "couples" / "broken"
    broken.mkdir()
    (broken / "couple.toml").write_text("format = ")
    code, out, err = run(capsys, "couples", "--json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == ["sam-and-alex"]
    assert "skipped:" in err
    assert "not valid TOML" in err


def test_export_agreement_document(capsys: pytest.CaptureFixture[str], filled: Store) -> None:
    code, out, _ = run(capsys, "export", "sam-and-alex")
    assert code == 0
    assert out.startswith("# Our agreements\n")
    assert "## From “Defining respect”\n\n- **Both of you:** Ask first" in out


def test_export_session_summary_with_and_without_notes(
    capsys: pytest.CaptureFixture[str], filled: Store
) -> None:
    (session_id,) = filled.session_ids("sam-and-alex")
    _, out, _ = run(capsys, "export", "sam-and-alex", "--session", session_id)
    assert "**Sam:** Being \\*asked\\*" in out
    assert "private note" not in out
    _, out, _ = run(capsys, "export", "sam-and-alex", "--session", session_id, "--include-notes")
    assert "private note" in out


def test_export_html_to_a_private_file(
    capsys: pytest.CaptureFixture[str], filled: Store, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "agreement.html"
    code, out, err = run(capsys, "export", "sam-and-alex", "--format", "html", "--out", str(target))
    assert (code, out) == (0, "")
    assert f"Written to {target}" in err
    assert '<h1 dir="auto">Our agreements</h1>' in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "nobody"], 'no couple "nobody"'),
        (["export", "../etc"], 'no couple "../etc"'),
        (["export", "sam-and-alex", "--session", "1999-01-01-0000"], 'no session "1999'),
    ],
)
def test_export_errors(
    capsys: pytest.CaptureFixture[str], filled: Store, args: list[str], message: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err


def test_data_dir_option_beats_the_environment(
    capsys: pytest.CaptureFixture[str], filled: Store, tmp_path: Path
) -> None:
    _, out, _ = run(capsys, "--data-dir", str(tmp_path / "empty"), "couples")
    assert out == f"No couples yet in {tmp_path / 'empty'}.\n"


def test_a_broken_data_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "d" / "couples" / "x"
    folder.mkdir(parents=True)
    (folder / "couple.toml").write_text("nonsense = [")
    env = {**os.environ, "WORKBOOK_DATA_DIR": str(tmp_path / "d")}
    out = subprocess.run(
        [sys.executable, "-m", "workbook", "export", "x"], env=env, capture_output=True, text=True
    )
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert out.stderr.startswith("workbook: ")
    assert "not valid TOML" in out.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (["frobnicate"], ["export"], ["export", "x", "--format", "pdf"]):
        out = subprocess.run(
            [sys.executable, "-m", "workbook", *args], capture_output=True, text=True
        )
        assert out.returncode == 2
        assert "Traceback" not in out.stderr
        assert "usage:" in out.stderr


def test_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "workbook", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("workbook 0.")


def test_the_readme_example_is_what_validate_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ workbook validate my-pack.toml\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(Path(__file__).parent / "fixtures" / "readme")
    out = subprocess.run(
        [sys.executable, "-m", "workbook", "validate", "my-pack.toml"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1
    assert out.stdout + out.stderr == block


def test_hostile_keys_and_file_names_print_no_escape_codes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = tmp_path / "evil\x1b[2J\u202e.toml"
    file.write_text('format = 1\n"\\u001b]0;pwned\\u0007" = 1\n', encoding="utf-8")
    code, out, err = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert "unknown key" in out
    for text in (out, err):
        assert "\x1b" not in text
        assert "\x07" not in text
        assert "\u202e" not in text


def test_export_refuses_to_write_inside_the_data_folder(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    store = Store(data_dir)
    couple = store.create_couple("Sam", "Alex")
    target = data_dir / "couples" / couple.id / "couple.toml"
    before = target.read_bytes()
    code, _, err = run(capsys, "export", couple.id, "--out", str(target))
    assert code == 2
    assert "inside the data folder" in err
    assert target.read_bytes() == before


def test_couples_names_a_problem_beside_the_couple(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    store = Store(data_dir)
    couple = store.create_couple("Sam", "Alex")
    (data_dir / "couples" / couple.id / "agreements.toml").write_text(
        "format = 1\nagreements = 5\n"
    )
    code, out, _ = run(capsys, "couples", "--json")
    assert code == 0
    (row,) = json.loads(out)
    assert "agreements.toml cannot be read" in row["problem"]
    _, text, _ = run(capsys, "couples")
    assert "(problem: agreements.toml cannot be read" in text


def test_no_argument_parses_as_the_whole_command_line_does() -> None:
    # ``workbook`` alone is parsed without the commands' parsers, for a quicker start-up.
    from workbook.cli.parser import parser, top_parser

    def seen(args: object) -> dict[str, object]:
        found = dict(vars(args))
        return {**found, "run": found["run"].__qualname__}

    assert seen(top_parser().parse_args([])) == seen(parser().parse_args([]))
    assert seen(parser().parse_args([]))["run"] == "app.open_workbook"
