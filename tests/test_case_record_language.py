"""The case record and the counsellor's session notes speak the app's language: in Spanish or
Arabic (settings.toml ``language``), none of the app's English words is left in them, the
confidential part included, and the HTML says its language."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.test_documents_language import english_in
from workbook.data.models import Agreement, Agreements, Review, Session
from workbook.data.store import Store
from workbook.data.trail import entry
from workbook.logic.session_packs import begin_packs
from workbook.packs.library import load_library
from workbook.service.documents import export

LIBRARY = load_library(environ={})
START = datetime(2026, 1, 5, 19, 0, tzinfo=UTC)
TODAY = date(2026, 3, 1)
# The couple's and the counsellor's own words, and the pack's, in the language of the record.
WORDS = {
    "es": ("Cocinar entre semana", "Volver a hablar del dinero", "Discutir sin gritar"),
    "ar": ("الطبخ في أيام الأسبوع", "العودة إلى الحديث عن المال", "النقاش دون صراخ"),
}


def sitting(store: Store, couple_id: str, language: str, week: int, mine: int) -> str:
    when = START + timedelta(weeks=week)
    session = Session(
        id=when.strftime("%Y-%m-%d-%H%M"), started=when, updated=when, agenda=["check-in"]
    )
    pack = LIBRARY.version("check-in", language)
    assert pack is not None
    begin_packs(session, store, [pack])
    items = pack.pack.step("self-check").items
    session.set_answer(
        "check-in", "self-check", {"a": dict.fromkeys(items, mine), "b": dict.fromkeys(items, 3)}
    )
    session.set_answer("check-in", "satisfaction", {"a": mine, "b": 3})
    session.trail += [
        entry(when, "check-in", "welcome", None),
        entry(when + timedelta(minutes=20), "check-in", "agree", None),
    ]
    if week == 0:
        session.finished = when + timedelta(minutes=25)
    store.save_session(couple_id, session, stamp=False)
    return session.id


def folder(data_dir: Path, language: str) -> tuple[Store, str, str]:
    store = Store(data_dir)
    store.prepare()
    store.save_settings({"language": language})
    couple = store.create_couple("Robin", "Noa", facilitator="Lee", language=language)
    first = sitting(store, couple.id, language, 0, 2)
    sitting(store, couple.id, language, 1, 4)
    term, note, goal = WORDS[language]
    notes = store.notes(couple.id, first)
    notes.add_note(note, "check-in", "self-check", START + timedelta(minutes=5))
    notes.set_dap("plan", note)
    notes.seal("check-in", "self-check", "b", 3)
    made = START.date()
    agreements = Agreements(
        agreements=[
            Agreement(
                id=f"{first}-1",
                text=term,
                made=made,
                session=first,
                source="check-in.agree",
                who="a",
                review_on=made + timedelta(days=42),
                confirmed_by=["a", "b"],
                reviews=[
                    Review(on=made + timedelta(days=14), outcome="kept"),
                    Review(on=made + timedelta(days=28), outcome="changed", before=term),
                ],
            ),
            Agreement(
                id=f"{first}-2",
                text=term,
                made=made,
                review_on=made + timedelta(days=14),
                status="retired",
                reviews=[Review(on=made + timedelta(days=14), outcome="retired")],
            ),
        ]
    )
    store._save(store.layout.agreements_file(couple.id), agreements)

    def goals(changed: object) -> None:
        changed.goals = [  # type: ignore[attr-defined]
            {"id": "g1", "text": goal, "set": made, "measure": "check-in.feeling", "target": 4},
            {"id": "g2", "text": goal, "status": "met"},
        ]

    store.update_couple(couple.id, goals)
    return store, couple.id, first


@pytest.mark.parametrize("language", ["es", "ar"])
def test_the_case_record_and_the_session_notes_speak_the_app_s_language(
    data_dir: Path, language: str
) -> None:
    store, couple, first = folder(data_dir, language)
    record = export(store, couple, lambda: LIBRARY.packs, TODAY, case=True, include_notes=True)
    text = record.document.text
    assert english_in(text, language) == set(), text
    assert WORDS[language][1] in text  # the confidential part is there
    page = export(
        store, couple, lambda: LIBRARY.packs, TODAY, case=True, include_notes=True, fmt="html"
    ).document.text
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in page
    notes = export(
        store, couple, lambda: LIBRARY.packs, TODAY, session_id=first, include_notes=True
    ).document.text
    assert english_in(notes, language) == set(), notes
    assert WORDS[language][1] in notes
