"""Every built-in pack walks through the core: answered, saved, loaded and exported.

A broken reference or a step that cannot be exported cannot ship.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.answer_factory import TEXTS, answers_for
from tests.packs_helpers import builtin_library
from workbook.cli import main
from workbook.data.models import PackUse
from workbook.data.store import Store
from workbook.export.agreement_doc import agreement_document
from workbook.export.html import to_html
from workbook.export.markdown import inline
from workbook.export.steps import renderer
from workbook.export.summary import summary_markdown
from workbook.logic.agreements import add_agreement
from workbook.logic.phases import is_sealed
from workbook.logic.session_packs import SessionPack
from workbook.packs.library import SUGGESTED_PATH, builtin_folder
from workbook.packs.placeholders import neutral

LIBRARY = builtin_library()
PACK_IDS = sorted(LIBRARY.packs)
# Every version of every pack, in every language it is written in: ("values", "es").
VERSIONS = sorted((i, lang) for i, langs in LIBRARY.versions.items() for lang in langs)
EXPECTED = {
    "values",
    "respect",
    "check-in",
    "reciprocity",
    "compromise",
    "knowing",
    "before-you-commit",
    "closeness",
}


def test_the_library_has_the_built_in_packs_and_none_is_broken() -> None:
    assert not LIBRARY.broken, [str(p) for b in LIBRARY.broken for p in b.problems]
    assert set(PACK_IDS) >= EXPECTED
    assert all(LIBRARY.packs[p].builtin for p in PACK_IDS)
    ordered = [loaded.pack.id for loaded in LIBRARY.ordered() if loaded.pack]
    suggested = [p for p in SUGGESTED_PATH if p in LIBRARY.packs]
    assert ordered[: len(suggested)] == suggested


@pytest.mark.parametrize(("pack_id", "language"), VERSIONS)
def test_pack_is_complete_for_a_couple_at_home(pack_id: str, language: str) -> None:
    pack = LIBRARY.pack(pack_id, language)
    assert pack.language == language
    assert pack.minutes is not None
    assert pack.topics
    assert pack.credits
    # The safety check and a published measure ask and offer nothing to agree; every other
    # pack ends in agreements.
    if pack_id != "before-we-begin" and "measures" not in pack.topics:
        assert any(step.kind == "agreement" for step in pack.steps)
    for step in pack.steps:
        assert step.title, step.id
        assert len(step.title) <= 40, step.id
        if step.kind == "read":
            lines = step.body.strip().split("\n")
            assert len(lines) <= 14, f"{step.id}: a wall of text"
            assert max(len(line) for line in lines) <= 76, step.id


def test_the_readme_and_list_show_every_built_in_pack(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("\n## The built-in packs\n", 1)[1].split("\n## ", 1)[0]
    listed = dict(re.findall(r"^\| `([a-z0-9-]+)` \| ([^|]+?) \|", table, re.MULTILINE))
    assert listed == {pack_id: LIBRARY.pack(pack_id).title for pack_id in PACK_IDS}
    assert main(["list", "--json"]) == 0
    assert {row["id"] for row in json.loads(capsys.readouterr().out)} == set(PACK_IDS)


def test_the_check_in_is_recurring() -> None:
    assert LIBRARY.pack("check-in").recurring


@pytest.mark.parametrize("pack_id", ["before-you-commit", "closeness"])
def test_every_private_answer_of_a_tender_pack_can_be_passed(pack_id: str) -> None:
    """Either partner can pass on any written or rated answer, and a pass is never shown as
    whose it was: each such step is optional and private (``logic/skips.py``)."""
    steps = [s for s in LIBRARY.pack(pack_id).steps if s.kind in ("text", "scale")]
    assert steps
    assert all(s.optional and s.answer == "each-private" for s in steps), pack_id


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
            # A term typed at a step that offers nothing has no source, and TOML has no None.
            typed = {"text": term, "confirmed_by": ["a", "b"]}
            session.set_answer(
                pack_id, step.id, {"terms": [typed | ({"source": source} if source else {})]}
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
        if renderer(step) is None:
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
