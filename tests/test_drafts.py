"""Draft terms offered from earlier outcomes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.packs_helpers import write_pack
from workbook.data.models import Session
from workbook.logic.drafts import offers
from workbook.packs.load import load_pack

STEPS = """
[[steps]]
id = "s"
kind = "scale"
prompt = "?"
items = ["Work", "Play"]
gap = 2

[[steps]]
id = "c"
kind = "choice"
prompt = "?"
options = ["Fun", "Trust"]
pick_max = 2

[[steps]]
id = "t"
kind = "text"
prompt = "?"

[[steps]]
id = "g"
kind = "text"
answer = "together"
prompt = "?"

[[steps]]
id = "a"
kind = "agreement"
prompt = "?"
from = ["s", "c", "t", "g"]
"""


def test_offers_come_from_gaps_shared_picks_and_answers(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path, "p", STEPS)).pack
    assert pack is not None
    when = datetime(2026, 1, 1, tzinfo=UTC)
    session = Session(
        id="s",
        started=when,
        updated=when,
        answers={
            "p": {
                "s": {"a": {"Work": 5, "Play": 3}, "b": {"Work": 1, "Play": 3}},
                "c": {"a": ["Fun", "Trust"], "b": ["Trust"]},
                "t": {"a": "Cook on Mondays\nand more", "b": ""},
                "g": {"together": "Walk on Sundays"},
            }
        },
    )
    found = offers(pack, pack.step("a"), session, {"a": "Sam", "b": "Alex"})
    assert [(o.text, o.source, o.who) for o in found] == [
        ("Talk about “Work” again, where our answers were far apart", "p.s", "both"),
        ("Look after “Trust”, which we both chose", "p.c", "both"),
        ("Cook on Mondays\nand more", "p.t", "a"),
        ("Walk on Sundays", "p.g", "both"),
    ]


def test_no_offers_before_both_answered(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path, "p", STEPS)).pack
    assert pack is not None
    when = datetime(2026, 1, 1, tzinfo=UTC)
    session = Session(id="s", started=when, updated=when, answers={"p": {"c": {"a": ["Fun"]}}})
    assert offers(pack, pack.step("a"), session, {"a": "Sam", "b": "Alex"}) == []
