"""Home's index (``index.toml``): a couple is read again only when its files' modification
times change, and an index that is broken, edited by hand or newer is never trusted. And
deleting a couple: everything of theirs, never through a link, and never while in use."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from workbook import tomlio
from workbook.data.index import load_caseload
from workbook.data.store import Store
from workbook.logic.caseload import CaseView
from workbook.service import caseload
from workbook.service.errors import NotSaved

TODAY = date(2026, 11, 22)
WHEN = datetime(2026, 11, 1, 19, 0, tzinfo=UTC)


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    for a, b in (("Sam", "Alex"), ("Jo", "Kim"), ("Zoë", "Chris")):
        couple = made.create_couple(a, b, when=WHEN)
        session = made.new_session(couple.id, ["check-in"], when=WHEN)
        made.release_session(couple.id, session.id)
    return made


def test_a_couple_is_read_again_only_when_its_files_change(store: Store) -> None:
    first = load_caseload(store, TODAY)
    assert sorted(first.rebuilt) == ["jo-and-kim", "sam-and-alex", "zoe-and-chris"]
    assert load_caseload(store, TODAY).rebuilt == []
    # A session file touched (as by another window's save), then one added.
    (session,) = store.layout.sessions_folder("jo-and-kim").glob("*.toml")
    os.utime(session, ns=(1, 1))
    again = load_caseload(store, TODAY)
    assert again.rebuilt == ["jo-and-kim"]
    later = store.new_session("sam-and-alex", ["check-in"], when=WHEN.replace(day=15))
    assert load_caseload(store, TODAY).rebuilt == ["sam-and-alex"]
    # What Home shows comes out the same from the index as from the files.
    from_index = load_caseload(store, TODAY).couples
    (store.root / "index.toml").unlink()
    assert load_caseload(store, TODAY, save=False).couples == from_index
    sam = next(c for c in from_index if c.id == "sam-and-alex")
    assert (sam.sessions, sam.unfinished, sam.last_session) == (2, True, later.id)
    assert sam.last_session_at == "2026-11-15T19:00:00+00:00"


def test_a_change_inside_the_same_second_is_still_seen(store: Store) -> None:
    load_caseload(store, TODAY)
    path = store.layout.couple_file("sam-and-alex")
    before = path.stat()
    store.update_couple("sam-and-alex", lambda c: setattr(c, "archived", True))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1))
    found = load_caseload(store, TODAY)
    assert found.rebuilt == ["sam-and-alex"]
    assert next(c for c in found.couples if c.id == "sam-and-alex").archived


@pytest.mark.parametrize(
    "index",
    [
        "format = 1\ncouples = [",  # not TOML
        "format = 1\ncouples = 5\n",  # not its shape
        "\x00\xff",  # not text
    ],
)
def test_a_broken_index_is_ignored_and_written_anew(store: Store, index: str) -> None:
    path = store.root / "index.toml"
    path.write_bytes(index.encode("utf-8", "surrogateescape"))
    found = load_caseload(store, TODAY)
    assert len(found.rebuilt) == 3
    assert found.note is None
    assert len(tomlio.loads(path.read_text())["couples"]) == 3
    assert load_caseload(store, TODAY).rebuilt == []


@pytest.mark.parametrize(
    "entries",
    [
        'sam-and-alex = { names = ["Sam", "Alex"], created = 2026-11-01T19:00:00Z }',
        "when = 2026-11-01",
        "jo-and-kim = { reviews = [07:32:00], sessions = 1979-05-27T07:32:00 }",
    ],
)
def test_dates_in_the_index_are_ignored_and_rebuilt(
    store: Store, capsys: pytest.CaptureFixture[str], entries: str
) -> None:
    from workbook.cli import main

    path = store.root / "index.toml"
    path.write_text(f'format = 1\nchecksum = "x"\n[couples]\n{entries}\n')
    # ``workbook couples`` reads the couples from their files, and writes nothing.
    assert main(["couples", "--json", "--data-dir", str(store.root)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(row["id"] for row in listed) == ["jo-and-kim", "sam-and-alex", "zoe-and-chris"]
    # Home (the same caseload, saved) writes the index anew, and trusts it next time.
    found = load_caseload(store, TODAY)
    assert (len(found.rebuilt), found.note) == (3, None)
    assert sorted(tomlio.loads(path.read_text())["couples"]) == [c.id for c in found.couples]
    assert load_caseload(store, TODAY).rebuilt == []


def test_a_hand_edited_index_is_not_trusted(store: Store) -> None:
    load_caseload(store, TODAY)
    path = store.root / "index.toml"
    path.write_text(path.read_text().replace('"Sam"', '"Mallory"'))
    found = load_caseload(store, TODAY)
    assert len(found.rebuilt) == 3
    assert ("Sam", "Alex") in [c.names for c in found.couples]
    assert "Mallory" not in path.read_text()


def test_an_entry_of_the_wrong_shape_is_read_again(store: Store) -> None:
    from workbook.data import index

    load_caseload(store, TODAY)
    path = store.root / "index.toml"
    table = tomlio.loads(path.read_text())
    table["couples"]["jo-and-kim"]["sessions"] = "many"
    table["checksum"] = index._checksum(table["couples"])
    path.write_text(tomlio.dumps(table))
    assert load_caseload(store, TODAY).rebuilt == ["jo-and-kim"]


def test_an_index_of_a_newer_workbook_is_left_as_it_is(store: Store) -> None:
    path = store.root / "index.toml"
    path.write_text('format = 2\nchecksum = "x"\n[couples.sam-and-alex]\nwhatever = 1\n')
    before = path.read_bytes()
    found = load_caseload(store, TODAY)
    assert len(found.couples) == 3
    assert found.note is not None
    assert "newer workbook" in found.note
    assert path.read_bytes() == before


def test_an_index_that_is_a_link_is_neither_read_nor_written(store: Store, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.toml"
    outside.write_text("kept = true\n")
    (store.root / "index.toml").symlink_to(outside)
    assert len(load_caseload(store, TODAY).couples) == 3
    assert outside.read_text() == "kept = true\n"


def test_search_filters_and_order(store: Store) -> None:
    store.update_couple("zoe-and-chris", lambda c: setattr(c, "archived", True))
    view = CaseView(load_caseload(store, TODAY))
    assert [c.id for c in view.shown()] == ["jo-and-kim", "sam-and-alex"]
    view.show = "archived"
    view.query = "ZOE"  # no case, no accents
    assert [c.names for c in view.shown()] == [("Zoë", "Chris")]
    view.show, view.query = "current", "al sa"  # every word, anywhere in the names
    assert [c.id for c in view.shown()] == ["sam-and-alex"]


def test_delete_removes_every_file_and_the_index_entry(store: Store, tmp_path: Path) -> None:
    load_caseload(store, TODAY)
    folder = store.layout.couple_folder("sam-and-alex")
    (folder / "exports").mkdir()
    (folder / "exports" / "summary.md").write_text("x")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    # A link inside the couple's folder goes as a link: what it leads to stays.
    (folder / "sessions" / "link").symlink_to(outside)
    caseload.delete(store, "sam-and-alex")
    assert not folder.exists()
    assert [p.name for p in store.layout.couples.iterdir()] == ["jo-and-kim", "zoe-and-chris"]
    assert (outside / "keep.txt").read_text() == "mine"
    assert "sam-and-alex" not in (store.root / "index.toml").read_text()


def test_delete_never_goes_through_a_link(store: Store, tmp_path: Path) -> None:
    real = tmp_path / "real-couple"
    os.rename(store.layout.couple_folder("jo-and-kim"), real)
    store.layout.couple_folder("jo-and-kim").symlink_to(real)
    with pytest.raises(NotSaved, match="link"):
        caseload.delete(store, "jo-and-kim")
    assert (real / "couple.toml").is_file()


def test_delete_waits_for_a_session_open_elsewhere(store: Store, data_dir: Path) -> None:
    other = Store(data_dir)
    (session,) = store.session_ids("jo-and-kim")
    assert other.lock_session("jo-and-kim", session) is None
    with pytest.raises(NotSaved, match="another workbook window"):
        caseload.delete(store, "jo-and-kim")
    assert store.layout.couple_file("jo-and-kim").is_file()
    other.close()
    caseload.delete(store, "jo-and-kim")
    assert not store.layout.couple_folder("jo-and-kim").exists()


def test_an_interrupted_delete_is_finished_at_the_next_start(store: Store) -> None:
    left = store.layout.couples / ".removed-sam-and-alex-0123abcd"
    os.rename(store.layout.couple_folder("sam-and-alex"), left)
    assert [c.id for c in load_caseload(store, TODAY).couples] == ["jo-and-kim", "zoe-and-chris"]
    Store(store.root).prepare()
    assert not left.exists()


def test_the_index_note_is_said_in_the_screens_language() -> None:
    from workbook.data.index import UNSAVED, Caseload
    from workbook.i18n.catalog import translations
    from workbook.i18n.said import Words

    found = Caseload()
    found.noted(Words(UNSAVED, problem="disk full"))
    spanish = found.note_in(translations("es"))
    assert "disk full" in spanish
    assert spanish.startswith("No se pudo guardar index.toml")
    assert found.note_in(translations("en")) == found.note == UNSAVED.format(problem="disk full")
    assert Caseload().note_in(translations("es")) == ""
