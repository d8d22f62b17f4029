"""The sessions service: beginning a session keeps its packs' versions, resuming finds the
latest unfinished one (and says what it passes over), and the app's Export writes the agreement
document and the latest summary; each failure a ServiceError with a message to show."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.packs_helpers import builtin_library
from workbook.data.models import Couple
from workbook.data.store import Store
from workbook.i18n.catalog import translations
from workbook.i18n.said import Words
from workbook.service import sessions
from workbook.service.errors import NotFound, NotSaved, Refused

TODAY = date(2026, 11, 22)
PACKS = builtin_library().packs


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


@pytest.fixture
def couple(store: Store) -> Couple:
    return store.create_couple("Sam", "Alex", None)


def test_begin_keeps_the_versions_and_says_a_check_in_is_recurring(
    store: Store, couple: Couple
) -> None:
    walked = sessions.begin(store, couple, ["values", "check-in"], PACKS)
    assert [pack.id for pack in walked.packs] == ["values", "check-in"]
    assert walked.recurring
    saved = store.load_session(couple.id, walked.session.id)
    assert set(saved.packs) == {"values", "check-in"}
    assert not sessions.begin(store, couple, ["values"], PACKS).recurring


def test_resume_finds_the_latest_unfinished_and_warns_of_what_it_passes(
    store: Store, couple: Couple
) -> None:
    warned: list[tuple[Words, str]] = []
    with pytest.raises(NotFound, match="no unfinished session"):
        sessions.resume(store, couple, lambda: PACKS, lambda *said: warned.append(said))
    first = sessions.begin(store, couple, ["values"], PACKS).session
    store.release_session(couple.id, first.id)
    (store.layout.sessions_folder(couple.id) / "2099-01-01-1200.toml").write_text("not toml [")
    walked = sessions.resume(store, couple, lambda: PACKS, lambda *said: warned.append(said))
    assert walked.session.id == first.id
    assert walked.read_only is None
    assert [title for _, title in warned] == ["A session could not be read"]
    # Said on the screen in its language: the title is marked for the catalog.
    assert translations("es").gettext(warned[0][1]) == "No se pudo leer una sesión"


def test_resume_refuses_a_session_whose_pack_is_nowhere(store: Store, couple: Couple) -> None:
    session = store.new_session(couple.id, ["gone"])
    store.save_session(couple.id, session)
    store.release_session(couple.id, session.id)
    with pytest.raises(Refused, match="gone"):
        sessions.resume(store, couple, lambda: PACKS, lambda *_: None)


def test_export_writes_the_agreement_and_the_latest_summary(store: Store, couple: Couple) -> None:
    written = sessions.write_documents(store, couple, PACKS, TODAY)
    assert [path.name for path, _ in written.files] == ["agreement.md"]
    walked = sessions.begin(store, couple, ["values"], PACKS)
    written = sessions.write_documents(store, couple, PACKS, TODAY)
    assert [path.name for path, _ in written.files] == ["agreement.md", f"{walked.session.id}.md"]
    assert all(path.read_text(encoding="utf-8") == text for path, text in written.files)


def test_export_that_cannot_write_is_not_saved(store: Store, couple: Couple) -> None:
    folder = store.layout.couple_folder(couple.id)
    (folder / "exports").write_text("a file where the folder goes")
    sessions.begin(store, couple, ["values"], PACKS)
    with pytest.raises(NotSaved, match="Export failed"):
        sessions.write_documents(store, couple, PACKS, TODAY)


def test_due_for_review_is_none_without_agreements(store: Store, couple: Couple) -> None:
    assert sessions.due_for_review(store, couple, lambda: TODAY) is None
