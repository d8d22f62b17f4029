"""The terms each kind offers read as terms, say who does them, and keep a written answer whole;
every built-in pack's offers are checked with answers of the shape a couple gives."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.packs_helpers import builtin_library, write_pack
from workbook.data.models import Session
from workbook.logic.drafts import Offer, offers
from workbook.packs.load import load_pack
from workbook.packs.models import Pack

NAMES = {"a": "Zoë", "b": "Alex"}
WHEN = datetime(2026, 1, 1, tzinfo=UTC)
LIBRARY = builtin_library()


def offered(pack: Pack, answers: dict[str, Any], step_id: str = "agree") -> list[Offer]:
    session = Session(id="s", started=WHEN, updated=WHEN, answers={pack.id: answers})
    return offers(pack, pack.step(step_id), session, NAMES)


def pack_of(tmp_path: Path, steps: str) -> Pack:
    loaded = load_pack(write_pack(tmp_path, "p", steps))
    assert loaded.pack is not None, loaded.problems
    return loaded.pack


def test_a_shared_pick_reads_as_a_term_whatever_the_option(tmp_path: Path) -> None:
    pack = pack_of(
        tmp_path,
        """
[[steps]]
id = "c"
kind = "choice"
prompt = "?"
options = ["Time together", "Yes, now", "Fun"]
pick_max = 3

[[steps]]
id = "agree"
kind = "agreement"
prompt = "?"
from = ["c"]
""",
    )
    picks = {"a": ["Time together", "Yes, now"], "b": ["Yes, now", "Time together"]}
    found = offered(pack, {"c": picks})
    assert [o.text for o in found] == [
        "Look after “Time together”, which we both chose",
        "Look after “Yes, now”, which we both chose",
    ]


def test_a_request_said_yes_to_is_done_by_the_one_asked_and_names_who_asked(
    tmp_path: Path,
) -> None:
    pack = pack_of(
        tmp_path,
        """
[[steps]]
id = "asks"
kind = "requests"
prompt = "?"

[[steps]]
id = "agree"
kind = "agreement"
prompt = "?"
from = ["asks"]
""",
    )
    requests = [
        {"by": "a", "text": "Would you text me if you'll be home after seven?", "decision": "yes"},
        {"by": "b", "text": "Plan a day out", "decision": "third", "third": "A half day out"},
        {"by": "b", "text": "Walk the dog", "decision": "later"},
    ]
    found = offered(pack, {"asks": {"requests": requests}})
    assert [(o.who, o.text) for o in found] == [
        ("b", "Do what Zoë asked: “Would you text me if you'll be home after seven?”"),
        ("both", "A half day out"),
    ]


def test_chores_offer_one_term_for_each_task_by_whoever_takes_it_on(tmp_path: Path) -> None:
    pack = pack_of(
        tmp_path,
        """
[[steps]]
id = "share"
kind = "chores"
prompt = "?"
tasks = [{ name = "Cooking", minutes = 300 }, { name = "Laundry", minutes = 60 }]

[[steps]]
id = "agree"
kind = "agreement"
prompt = "?"
from = ["share"]
""",
    )
    table = {
        "tasks": [
            {"name": "Cooking", "minutes": 300, "now": "a", "done": "Dinner by 7"},
            {"name": "Laundry", "minutes": 60, "now": "a"},
            {"name": "Bins", "minutes": 20, "now": "b"},
        ],
        "split": {
            "owner": {"Bins": "shared", "Laundry": "b", "Cooking": "a"},
            "shared_part_a": 0.25,
        },
    }
    found = offered(pack, {"share": table})
    assert [(o.who, o.text) for o in found] == [
        ("a", "Keep doing “Cooking”; done looks like: Dinner by 7"),
        ("b", "Take on “Laundry”"),
        ("both", "Share “Bins” (Zoë about 25%, Alex the rest)"),
    ]


def test_a_written_answer_is_offered_whole_by_whom_the_step_says(tmp_path: Path) -> None:
    pack = pack_of(
        tmp_path,
        """
[[steps]]
id = "mine"
kind = "text"
prompt = "{me}, what will you try?"

[[steps]]
id = "support"
kind = "text"
prompt = "{me}, how could {partner} support you?"
done_by = "partner"

[[steps]]
id = "wish"
kind = "text"
prompt = "{me}, what would help?"
done_by = "both"

[[steps]]
id = "agree"
kind = "agreement"
prompt = "?"
from = ["mine", "support", "wish"]
""",
    )
    answers = {
        "mine": {"a": "Pause before I answer.\n\n  Then breathe.  \n", "b": "   "},
        "support": {"a": "Take the bins out", "b": "Call my mum with me"},
        "wish": {"a": "An evening without phones", "b": "More walks"},
    }
    found = offered(pack, answers)
    assert [(o.who, o.text) for o in found] == [
        ("a", "Pause before I answer.\nThen breathe."),
        ("b", "Take the bins out"),
        ("a", "Call my mum with me"),
        ("both", "An evening without phones"),
        ("both", "More walks"),
    ]


def _answer(step: Any) -> dict[str, Any]:
    """An answer of the shape a couple gives, for any built-in step, that makes it offer terms."""
    if step.kind == "text":
        if step.answer == "together":
            return {"together": "For two weeks, we will eat at seven.\nThen we look again."}
        return {"a": "Take a slow breath first", "b": "Ask what you meant\nbefore I answer"}
    if step.kind == "scale":
        if step.items:
            return {
                "a": dict.fromkeys(step.items, step.max),
                "b": dict.fromkeys(step.items, step.min),
            }
        return {"a": step.max, "b": step.min}
    if step.kind == "choice":
        return {"a": list(step.options[:3]), "b": list(step.options[1:4])}
    if step.kind == "rank":
        return {"a": ["Trust", "Love"], "b": ["Love", "Trust"]}
    if step.kind == "requests":
        yes = {"by": "a", "text": "Would you text me when you leave work?", "decision": "yes"}
        third = {"by": "b", "text": "A weekend away", "decision": "third", "third": "A day out"}
        return {"requests": [yes, third]}
    if step.kind == "chores":
        return {
            "tasks": [{"name": t.name, "minutes": t.minutes, "now": "a"} for t in step.tasks],
            "split": {"owner": {t.name: "ab"[n % 2] for n, t in enumerate(step.tasks)}},
        }
    if step.kind == "guess":
        return {"a": {"marks": dict.fromkeys(step.questions, "not quite")}}
    if step.kind == "listen":
        return {"turns": [{"speaker": "a", "confirmed": True}]}
    return {}


# The written answers the built-in packs offer as terms: each asks for something to do, by the
# writer, the other partner (done_by = "partner") or both. Answers that tell a moment or what a
# word means (respect's meaning and moments, values' best times) are not terms: they stay out.
# Nor do closeness's answers about saying and hearing no: offered whole, "tell me why" would
# become a term that asks a reason of a no.
TEXT_OFFERED = {
    "before-you-commit.keep-building": "both",
    "before-you-commit.slips": "writer",
    "check-in.better": "both",
    "check-in.support": "partner",
    "chores.checking": "both",
    "compromise.draft": "both",
    "reciprocity.calmer": "writer",
    "reciprocity.one-thing": "writer",
    "values.top": "both",
}

AGREEMENT_STEPS = [
    (pack_id, step.id)
    for pack_id, loaded in sorted(LIBRARY.packs.items())
    if loaded.pack is not None
    for step in loaded.pack.steps
    if step.kind == "agreement" and step.from_
]


@pytest.mark.parametrize(("pack_id", "step_id"), AGREEMENT_STEPS)
def test_every_builtin_offer_reads_as_a_term(pack_id: str, step_id: str) -> None:
    pack = LIBRARY.pack(pack_id)
    found = offered(pack, {step.id: _answer(step) for step in pack.steps}, step_id)
    assert found, "a built-in agreement step offers something once its steps are answered"
    kinds = {s.id: s.kind for s in pack.steps}
    for offer in found:
        text = offer.text
        # A term is something to do: it starts with a capital, is not doubled up or cut, and
        # never reads as one partner speaking for the other.
        assert text[:1].isupper(), text
        assert "” together" not in text, text
        assert not text.endswith("..."), text
        assert "Zoë:" not in text, text
        assert "Alex:" not in text, text
        assert offer.who in ("a", "b", "both")
        source_kind = kinds[offer.source.split(".", 1)[1]]
        if source_kind == "requests" and offer.who != "both":
            # Zoë's request, said yes to: Alex does it, and the words say who asked.
            assert offer.who == "b"
            assert text.startswith("Do what Zoë asked: “")
        if source_kind == "text":
            # Only steps whose answers are things to do are offered, whole, by whom they say.
            done_by = TEXT_OFFERED[offer.source]
            if done_by == "both":
                assert offer.who == "both"
            elif done_by == "partner":
                assert offer.who == ("b" if text.startswith("Take") else "a")
            else:
                assert offer.who == ("a" if text.startswith("Take") else "b")
            assert text in (
                "For two weeks, we will eat at seven.\nThen we look again.",
                "Take a slow breath first",
                "Ask what you meant\nbefore I answer",
            )


def test_closeness_offers_no_terms_made_of_a_no() -> None:
    pack = LIBRARY.pack("closeness")
    answers = {step.id: _answer(step) for step in pack.steps}
    assert answers["say-no"]
    assert answers["hear-no"]
    assert offered(pack, answers) == []
