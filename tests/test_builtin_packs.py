"""Every built-in pack walks through the core: answered, saved, loaded and exported.

A broken reference or a step that cannot be exported cannot ship.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.answer_factory import TEXTS, answers_for
from workbook.data.models import PackUse
from workbook.data.store import Store
from workbook.export.agreement_doc import agreement_document
from workbook.export.html import to_html
from workbook.export.markdown import inline
from workbook.export.summary import summary_markdown
from workbook.kinds import spec
from workbook.logic.agreements import add_agreement
from workbook.logic.phases import is_sealed
from workbook.logic.session_packs import SessionPack
from workbook.packs.library import SUGGESTED_PATH, builtin_folder, load_library
from workbook.packs.placeholders import neutral

LIBRARY = load_library(environ={})
PACK_IDS = sorted(LIBRARY.packs)
EXPECTED = {"values", "respect", "check-in", "reciprocity", "compromise", "knowing"}


def test_the_library_has_the_built_in_packs_and_none_is_broken() -> None:
    assert not LIBRARY.broken, [str(p) for b in LIBRARY.broken for p in b.problems]
    assert set(PACK_IDS) >= EXPECTED
    assert all(LIBRARY.packs[p].builtin for p in PACK_IDS)
    ordered = [loaded.pack.id for loaded in LIBRARY.ordered() if loaded.pack]
    suggested = [p for p in SUGGESTED_PATH if p in LIBRARY.packs]
    assert ordered[: len(suggested)] == suggested


@pytest.mark.parametrize("pack_id", PACK_IDS)
def test_pack_is_complete_for_a_couple_at_home(pack_id: str) -> None:
    pack = LIBRARY.pack(pack_id)
    assert pack.minutes is not None
    assert pack.topics
    assert pack.credits
    # The safety check asks and offers nothing to agree; every other pack ends in agreements.
    if pack_id != "before-we-begin":
        assert any(step.kind == "agreement" for step in pack.steps)
    for step in pack.steps:
        assert step.title, step.id
        assert len(step.title) <= 40, step.id
        if step.kind == "read":
            lines = step.body.strip().split("\n")
            assert len(lines) <= 14, f"{step.id}: a wall of text"
            assert max(len(line) for line in lines) <= 76, step.id


def test_the_check_in_is_recurring() -> None:
    assert LIBRARY.pack("check-in").recurring


def test_knowing_each_others_world_guesses_and_offers_what_was_missed() -> None:
    """The pack of the guess kind: its agreement offers a term for every guess step."""
    pack = LIBRARY.pack("knowing")
    guesses = [step.id for step in pack.steps if step.kind == "guess"]
    assert guesses
    agreement = next(step for step in pack.steps if step.kind == "agreement")
    assert set(guesses) <= set(agreement.from_)


@pytest.mark.parametrize("pack_id", PACK_IDS)
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_step_saves_loads_and_exports(
    tmp_path: Path, pack_id: str, data: st.DataObject
) -> None:
    loaded = LIBRARY.packs[pack_id]
    pack = LIBRARY.pack(pack_id)
    store = Store(tmp_path / f"walk-{data.draw(st.uuids())}")
    store.prepare()
    couple = store.create_couple(data.draw(TEXTS), "Partner B")
    session = store.new_session(couple.id, [pack_id])
    session.packs[pack_id] = PackUse(title=pack.title, digest=loaded.digest)
    for step_id, table in answers_for(pack, data.draw).items():
        session.set_answer(pack_id, step_id, table)
    agreements_made = []
    for step in pack.steps:
        if step.kind == "agreement":
            term = data.draw(TEXTS)
            source = f"{pack_id}.{step.from_[0]}" if step.from_ else None
            session.set_answer(
                pack_id,
                step.id,
                {"terms": [{"text": term, "confirmed_by": ["a", "b"], "source": source}]},
            )
            agreements_made.append((term, source, step.review_days))
    store.save_session(couple.id, session)
    again = store.load_session(couple.id, session.id)
    assert again.answers == session.answers

    def change(agreements):
        for term, source, days in agreements_made:
            add_agreement(
                agreements,
                text=term,
                made=date(2026, 11, 22),
                session=session.id,
                source=source,
                review_days=days,
                confirmed_by=["a", "b"],
                source_title=pack.title,
            )
        return agreements

    agreements = store.update_agreements(
        couple.id, change, lambda a: agreement_document(couple, a, date(2026, 11, 22))
    )
    used = {pid: SessionPack(pid, loaded.pack) for pid, loaded in LIBRARY.packs.items()}
    summary = summary_markdown(couple, again, used, agreements)
    MarkdownIt("commonmark").parse(summary)
    to_html(summary, "summary")
    for step in pack.steps:
        if spec(step).render is None:
            continue
        heading = inline(step.title or neutral(step.prompt))
        # A sealed step is never in the couple's documents, even with answers put in the file.
        assert (heading in summary) != is_sealed(step), step.id
    document = (store.layout.agreement_document(couple.id)).read_text(encoding="utf-8")
    for term, _, _ in agreements_made:
        first_line = term.strip().split("\n")[0].strip()
        assert inline(first_line) in document


def test_builtin_folder_is_the_repository_exercises_in_a_checkout() -> None:
    assert builtin_folder() == Path(__file__).parents[1] / "exercises"
