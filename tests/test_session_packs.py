"""Sessions keep the packs they began with (the pack store, DESIGN §5): a session whose pack was
then deleted from the library, or edited, exports with the version it used; older sessions fall
back to the library when the digest matches, and that version is then kept."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from tests.packs_helpers import write_pack
from workbook.cli import main
from workbook.data.models import Couple, PackUse, Session
from workbook.data.store import Store
from workbook.export.documents import export
from workbook.logic.session_packs import CHANGED, MISSING, begin_packs, session_packs
from workbook.packs.library import Library, load_library
from workbook.service.agreements import AgreementBook

STEPS = """
[[steps]]
id = "say"
kind = "text"
prompt = "What does a good evening look like, {me}?"

[[steps]]
id = "feel"
kind = "scale"
title = "Closeness"
prompt = "How close do you feel to {partner}?"
items = ["Talking", "Touch"]
low = "Far apart"
high = "Very close"

[[steps]]
id = "agree"
kind = "agreement"
prompt = "What will you try?"
from = ["say", "feel"]

[[scores]]
id = "closeness"
title = "Closeness score"
from = ["feel"]
bands = [ { min = 0, label = "Room to grow" }, { min = 8, label = "Close" } ]
"""
# A step removed (with its score), a prompt changed.
EDITED = """
[[steps]]
id = "say"
kind = "text"
prompt = "What is a bad evening, {me}?"

[[steps]]
id = "agree"
kind = "agreement"
prompt = "What will you try?"
from = ["say"]
"""


def _library(folder: Path) -> Library:
    return load_library([folder], environ={}, builtin=False)


@pytest.fixture(autouse=True)
def _nothing_parsed_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    # Parsed versions are remembered by digest for the process; each test starts afresh.
    monkeypatch.setattr("workbook.logic.session_packs._PARSED", {})


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


def _answered_session(store: Store, folder: Path) -> tuple[Couple, Session]:
    """A session of the pack in ``folder``, begun as the app begins one, with every step
    answered and a term agreed."""
    couple = store.create_couple("Sam", "Alex")
    session = store.new_session(couple.id, ["ours"])
    begin_packs(session, store, [_library(folder).packs["ours"]])
    session.set_answer("ours", "say", {"a": "Dinner *together*", "b": "A long walk"})
    session.set_answer(
        "ours", "feel", {"a": {"Talking": 4, "Touch": 5}, "b": {"Talking": 2, "Touch": 3}}
    )
    session.set_answer(
        "ours",
        "agree",
        {"terms": [{"text": "Walk on Sundays", "confirmed_by": ["a", "b"], "who": "b"}]},
    )
    store.save_session(couple.id, session)
    store.release_session(couple.id, session.id)
    AgreementBook(store, couple).agree(
        text="Walk on Sundays",
        who="b",
        review_on=date(2030, 1, 1),
        session=session.id,
        source="ours.agree",
        source_title="A pack",
    )
    return couple, session


def _everything(text: str) -> None:
    """Every prompt, answer, score and term of the session is in the summary."""
    for expected in (
        "What does a good evening look like",
        "Dinner \\*together\\*",
        "A long walk",
        "### Closeness",
        "How close do you feel to",
        "Talking: Sam 4, Alex 2",
        "Touch: Sam 5, Alex 3",
        "1 = Far apart, 5 = Very close",
        "Closeness score: Sam 9 (Close), Alex 5 (Room to grow)",
        "What will you try?",
        "Walk on Sundays",
        "**Alex will:** Walk on Sundays",
    ):
        assert expected in text, expected
    assert "not in the library" not in text


def test_begin_packs_keeps_the_exact_bytes_once(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    path = write_pack(folder, "ours", STEPS)
    couple, session = _answered_session(store, folder)
    raw = path.read_bytes()
    digest = "sha256:" + hashlib.sha256(raw).hexdigest()
    assert session.packs["ours"] == PackUse(title="A pack", digest=digest)
    kept = list(store.layout.packs.iterdir())
    assert kept == [store.layout.packs / f"{digest.removeprefix('sha256:')}.toml"]
    assert kept[0].read_bytes() == raw
    assert kept[0].stat().st_mode & 0o777 == 0o600
    # A second session of the same version shares the copy.
    again = store.new_session(couple.id, ["ours"])
    begin_packs(again, store, [_library(folder).packs["ours"]])
    assert list(store.layout.packs.iterdir()) == kept


def test_a_session_of_a_deleted_pack_exports_every_prompt_score_and_term(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "packs"
    path = write_pack(folder, "ours", STEPS)
    couple, session = _answered_session(store, folder)
    path.unlink()
    library = _library(folder)
    assert "ours" not in library.packs
    document = export(store, couple.id, library.packs, date(2026, 11, 22), session_id=session.id)
    _everything(document.text)
    assert document.problems == []
    # The command line, with no --exercises at all.
    assert main(["--data-dir", str(store.root), "export", couple.id, "--session", session.id]) == 0
    printed = capsys.readouterr()
    _everything(printed.out)
    assert printed.err == ""


def test_a_session_of_an_edited_pack_exports_the_version_it_began_with(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "packs"
    path = write_pack(folder, "ours", STEPS)
    couple, session = _answered_session(store, folder)
    path.write_text(path.read_text().replace(STEPS, EDITED))
    library = _library(folder)
    assert [step.id for step in library.pack("ours").steps] == ["say", "agree"]
    found = session_packs(store.load_session(couple.id, session.id), store, library.packs)
    assert found["ours"].note is None
    document = export(store, couple.id, library.packs, date(2026, 11, 22), session_id=session.id)
    _everything(document.text)
    assert "bad evening" not in document.text
    assert "no longer has" not in document.text


def test_an_older_session_falls_back_to_the_same_version_and_keeps_it(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "packs"
    path = write_pack(folder, "ours", STEPS)
    couple, session = _answered_session(store, folder)
    digest = session.packs["ours"].digest
    # Saved before the store existed: no copy was kept.
    for kept in store.layout.packs.iterdir():
        kept.unlink()
    found = session_packs(session, store, _library(folder).packs)
    assert found["ours"].pack is not None
    assert found["ours"].note is None
    assert store.packs.load(digest) == path.read_bytes()
    # Kept now, so the pack may go.
    path.unlink()
    document = export(store, couple.id, {}, date(2026, 11, 22), session_id=session.id)
    _everything(document.text)


def test_without_a_copy_a_changed_pack_says_so_and_a_missing_one_too(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "packs"
    path = write_pack(folder, "ours", STEPS)
    couple, session = _answered_session(store, folder)
    for kept in store.layout.packs.iterdir():
        kept.unlink()
    path.write_text(path.read_text().replace(STEPS, EDITED))
    found = session_packs(session, store, _library(folder).packs)
    assert found["ours"].note == CHANGED
    text = export(store, couple.id, _library(folder).packs, date.today(), session_id=session.id)
    assert "bad evening" in text.text
    assert "no longer has" in text.text  # the answers to "feel" are kept, and said to be
    path.unlink()
    gone = session_packs(session, store, {})["ours"]
    assert gone.pack is None
    assert gone.note == MISSING


def test_a_copy_changed_by_hand_is_not_used_and_the_library_mends_it(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "packs"
    write_pack(folder, "ours", STEPS)
    _, session = _answered_session(store, folder)
    (kept,) = store.layout.packs.iterdir()
    raw = kept.read_bytes()
    kept.write_bytes(raw.replace(b"good evening", b"hacked evening"))
    gone = session_packs(session, store, {})["ours"]
    assert gone.pack is None
    assert gone.note == MISSING
    found = session_packs(session, store, _library(folder).packs)
    assert found["ours"].pack is not None
    assert found["ours"].note is None
    assert kept.read_bytes() == raw
