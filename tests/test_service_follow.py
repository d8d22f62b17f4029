"""The follow and documents services: what the console reads only when a file changed, the
session a counsellor who names none follows, and exports checked before anything is made."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from workbook.data.store import Store
from workbook.packs.load import LoadedPack
from workbook.service import caseload, documents
from workbook.service.errors import NotFound, Refused
from workbook.service.follow import Follower, walking_now
from workbook.service.sessions import current_session

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


def test_the_follower_reads_only_what_changed_and_sees_a_deleted_couple(store: Store) -> None:
    couple = store.create_couple("Sam", "Alex")
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    follower = Follower(store, couple, session.id, dict, lambda: WHEN)
    changed = follower.look(waiting=False)
    assert changed == {"session", "notes", "couple"}
    found = follower.read(changed, None)
    assert found.session is not None
    assert found.problem is None
    assert found.couple
    assert found.care is None
    assert follower.look(waiting=False) is None
    store.save_session(couple.id, session)
    assert follower.look(waiting=False) == {"session"}
    assert current_session(store, couple.id) == session.id
    assert walking_now(store) == (couple.id, session.id)
    caseload.delete(store, couple.id)
    assert follower.read(set(), found.session).gone


def test_exports_are_checked_before_anything_is_made(store: Store, tmp_path: Path) -> None:
    couple = store.create_couple("Sam", "Alex")
    asked: list[bool] = []

    def library() -> dict[str, LoadedPack]:
        asked.append(True)
        return {}

    today = date(2026, 11, 22)
    with pytest.raises(NotFound):
        documents.export(store, "nobody", library, today)
    with pytest.raises(Refused, match="--include-notes goes with"):
        documents.export(store, couple.id, library, today, include_notes=True)
    with pytest.raises(NotFound, match="has no session"):
        documents.export(store, couple.id, library, today, session_id="2026-11-22-1905")
    with pytest.raises(Refused, match="inside the data folder"):
        documents.export(store, couple.id, library, today, out=store.root / "x.md")
    assert asked == []
    exported = documents.export(store, couple.id, library, today, fmt="html")
    assert exported.document.name == "agreement.html"
    written = documents.write(exported.document, tmp_path)
    assert written == tmp_path / "agreement.html"
    assert "Sam" in written.read_text()
    said: list[tuple[str, str]] = []
    text = documents.history(store, couple.id, library, "json", lambda *note: said.append(note))
    assert text.strip().startswith(("[", "{"))
    assert said == []


def test_a_heartbeat_moves_neither_updated_nor_the_consoles_answers(tmp_path: Path) -> None:
    from tests.test_apart import seats
    from workbook.service import apart_clock

    store, lia, ben = seats(tmp_path)
    lia.arrive()
    place = lia.stage().place
    assert place is not None
    follower = Follower(store, lia.couple, lia.session_id, dict, lambda: WHEN)
    first = follower.read(follower.look(waiting=False) or set(), None)
    assert first.answers is not None
    updated = lia.reload().updated
    # Ben's heartbeat: the file is saved (its `seen`), and the console looks at it ...
    ben.update(lambda s: apart_clock.beat(s, "b", WHEN + timedelta(hours=1)), stamp=False)
    assert lia.reload().updated == updated
    changed = follower.look(waiting=False)
    assert changed == {"session"}
    found = follower.read(changed, first.session)
    assert found.session is not None
    assert apart_clock.last_seen(found.session, "b") == WHEN + timedelta(hours=1)
    # ... but its answers, the same, are not given to be written again.
    assert found.answers is None
    # Lia done: the answers say so, and are given.
    lia.keep(place, {"a": "hers"})
    lia.finish_turn(place)
    changed = follower.look(waiting=False)
    assert changed == {"session"}
    found = follower.read(changed, found.session)
    assert found.answers is not None
    assert "Done so far: Lia" in found.answers


def test_an_os_error_while_following_is_said_in_the_console_s_language(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbook.i18n.catalog import translations
    from workbook.i18n.said import said_in

    couple = store.create_couple("Sam", "Alex")
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    follower = Follower(store, couple, session.id, dict, lambda: WHEN)

    def refused() -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(follower.notes, "read", refused)
    found = follower.read({"notes"}, None)
    assert found.problem is not None
    assert "Permission denied" in str(found.problem)  # the logs keep the OS's words
    said = said_in(found.problem, translations("es"))
    assert "Permission" not in said
    assert "permiso" in said
