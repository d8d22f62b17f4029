"""Sealed answers in the core: the pack rules of ``each-sealed``, the recorder that keeps them
out of the session (in the notes file, only for a couple with a facilitator), and the flags of
the private safety check."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from workbook.data.sealed import Given
from workbook.data.store import Store
from workbook.logic.phases import EACH_SEALED, HANDOVER, SEALED, SECOND
from workbook.logic.safety import PACK, Flag, asks_for_care, flags, options_of
from workbook.logic.walk import Place, Walk, phases
from workbook.packs.library import load_library
from workbook.packs.models import Pack
from workbook.packs.schema import pack_schema
from workbook.service.recorder import SessionRecorder


def pack(*steps: dict[str, object]) -> Pack:
    return Pack.model_validate(
        {"format": 1, "id": "p", "title": "T", "summary": "S", "steps": list(steps)}
    )


@pytest.mark.parametrize("kind", ["text", "scale", "choice"])
def test_text_scale_and_choice_may_be_sealed_and_speak_to_one_partner(kind: str) -> None:
    step: dict[str, object] = {
        "id": "s",
        "kind": kind,
        "prompt": "{me}, and {partner}?",
        "answer": "each-sealed",
    }
    if kind == "choice":
        step["options"] = ["Yes", "No"]
    made = pack(step)
    assert phases(made.steps[0]) == EACH_SEALED


def test_back_from_the_screen_after_a_sealed_step_goes_behind_the_hand_over() -> None:
    step: dict[str, object] = {"id": "s", "kind": "text", "prompt": "Say.", "answer": "each-sealed"}
    walk = Walk([pack({"id": "r", "kind": "read", "body": "Hi."}, step)])
    after = Place(0, 1, SEALED)
    assert walk.back(after) == Place(0, 1, HANDOVER)
    assert walk.next(walk.back(after)) == Place(0, 1, SECOND)  # type: ignore[arg-type]


def test_the_schema_offers_each_sealed_only_where_it_is_allowed() -> None:
    steps = pack_schema()["$defs"]
    for name in ("TextStep", "ScaleStep", "ChoiceStep"):
        assert "each-sealed" in steps[name]["properties"]["answer"]["enum"]
    assert "each-sealed" not in steps["RankStep"]["properties"]["answer"]["enum"]


SECRET = "my-secret-answer-7f3a"


def recorder_for(data_dir: Path, facilitator: str | None) -> tuple[Store, SessionRecorder]:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex", facilitator)
    library = load_library(environ={})
    session = store.new_session(couple.id, [PACK, "values"])
    packs = [library.pack(PACK), library.pack("values")]
    return store, SessionRecorder(
        store, couple.id, session, packs=packs, keeps_sealed=bool(facilitator)
    )


def test_a_sealed_answer_goes_to_the_notes_file_only_for_a_facilitator(data_dir: Path) -> None:
    store, recorder = recorder_for(data_dir, "Dr. Lee")
    recorder.record(PACK, "safe", {"a": ["Not sure"]})
    recorder.record(PACK, "afraid", {"b": [SECRET]})
    assert recorder.unsaved() is not None
    assert recorder.unsaved().steps == 2
    assert recorder.save()
    session = recorder.session
    assert session.answers == {}
    notes = store.notes(recorder.couple_id, session.id).read()
    assert notes.sealed == {PACK: {"safe": {"a": ["Not sure"]}, "afraid": {"b": [SECRET]}}}
    session_file = store.layout.session_file(recorder.couple_id, session.id)
    assert SECRET not in session_file.read_text(encoding="utf-8")
    # An answer taken back is kept, and so is its taking back: nothing is ever removed.
    recorder.record(PACK, "afraid", {"b": []})
    assert recorder.save()
    kept = store.notes(recorder.couple_id, session.id).read()
    assert kept.sealed[PACK]["afraid"] == {"b": [SECRET]}
    assert [g.answer for g in kept.given[PACK]["afraid"]] == [[SECRET], []]


def test_without_a_facilitator_a_sealed_answer_is_kept_nowhere(data_dir: Path) -> None:
    _store, recorder = recorder_for(data_dir, None)
    recorder.record(PACK, "safe", {"a": [SECRET]})
    assert not recorder.dirty
    assert recorder.unsaved() is None
    assert recorder.save()
    recorder.record("values", "pick", {"a": ["Honesty"]})
    assert recorder.save()
    found = [p for p in data_dir.rglob("*") if p.is_file() and SECRET in p.read_text("utf-8")]
    assert found == []
    assert not list(data_dir.rglob("*.notes.toml"))


def test_the_safety_check_flags_what_asks_for_care() -> None:
    assert asks_for_care(PACK, "safe", ["No"])
    assert asks_for_care(PACK, "safe", "Not sure")
    assert not asks_for_care(PACK, "safe", ["Yes"])
    assert asks_for_care(PACK, "afraid", ["Yes"])
    assert not asks_for_care(PACK, "afraid", ["No"])
    assert not asks_for_care("values", "safe", ["No"])
    at = datetime(2026, 11, 22, 19, 16).astimezone()
    given = {
        PACK: {
            "safe": [Given(at, "a", ["Yes"]), Given(at, "b", ["Not sure"])],
            "afraid": [
                Given(None, "a", ["Yes"]),
                Given(at, "a", ["No"]),
                Given(at, "b", "odd"),
                Given(at, "c", ["Yes"]),
            ],
        },
        "other": "not a table",
    }
    found = flags(given)
    question = "has felt afraid of or controlled by the partner"
    assert found == [
        Flag("a", PACK, "afraid", question, "Yes", None, "No"),
        Flag("b", PACK, "safe", "feels safe to speak openly here", "Not sure", at),
    ]
    said = 'Alex: "Not sure" at 19:16 (feels safe to speak openly here)'
    assert found[1].describe("Alex") == said
    assert found[0].describe("Sam") == f'Sam: "Yes" ({question}), then "No" later'
    assert flags({}) == []
    assert flags({PACK: []}) == []


def test_a_flag_s_line_is_said_whole_in_the_counsellor_s_language() -> None:
    """The line around the partner's words is one translated sentence, not English joined
    from parts (the case record and the console speak the app's language)."""
    from workbook.i18n.catalog import speaking

    at = datetime(2026, 12, 7, 19, 16)
    flag = Flag("a", PACK, "safe", "se siente a salvo", "No", at, "Sí")
    with speaking("es"):
        line = flag.describe("Ana")
    assert line == "Ana: «No» a las 19:16 (se siente a salvo); después, «Sí»"
    with speaking("ar"):
        arabic = flag.describe("Ana")
    assert "ثم" in arabic
    assert "then" not in arabic


def test_the_built_in_check_offers_the_answers_the_flags_know() -> None:
    check = load_library(environ={}).pack(PACK)
    asked = [step for step in check.steps if hasattr(step, "options")]
    assert [step.id for step in asked] == ["safe", "afraid"]
    for step in asked:
        assert step.answer == "each-sealed"
        assert any(asks_for_care(PACK, step.id, [option]) for option in step.options)


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_the_check_asks_for_care_by_the_option_s_place_in_every_language(language: str) -> None:
    """Each language's check offers yes, no, not sure in that order; the flags follow the
    place, so "No lo sé" and "لستُ على يقين" ask for care as "Not sure" does."""
    check = load_library(environ={}).pack(PACK, language)
    assert check.language == language
    safe, afraid = (step for step in check.steps if hasattr(step, "options"))
    assert safe.options is not None
    assert afraid.options is not None
    yes, no, unsure = safe.options
    assert asks_for_care(PACK, "safe", [unsure], safe.options)
    assert asks_for_care(PACK, "safe", [no], safe.options)
    assert not asks_for_care(PACK, "safe", [yes], safe.options)
    assert asks_for_care(PACK, "afraid", [afraid.options[0]], afraid.options)
    assert not asks_for_care(PACK, "afraid", [afraid.options[1]], afraid.options)
    given = {PACK: {"safe": [Given(None, "b", [unsure])]}}
    (flag,) = flags(given, options_of([check]))
    assert (flag.partner, flag.answer) == ("b", unsure)


def test_an_english_word_in_another_language_s_check_is_not_an_answer() -> None:
    """Matching is by place in the pack's own options, never by the English words."""
    spanish = ["Sí", "No", "No lo sé"]
    assert not asks_for_care(PACK, "safe", ["Not sure"], spanish)
    assert asks_for_care(PACK, "safe", ["No lo sé"], spanish)
