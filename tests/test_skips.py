"""An optional private step left blank by one or both: the summary, the offered terms and the
scores are the same whoever left it blank, and show nobody's words."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from tests.packs_helpers import write_pack
from workbook.data import trail
from workbook.data.models import Agreements, Couple, PackUse, Partner, Session
from workbook.export.summary import summary_markdown
from workbook.logic.drafts import offers
from workbook.logic.scores import pack_scores
from workbook.logic.session_packs import SessionPack
from workbook.logic.skips import KEPT_LINE
from workbook.packs.load import load_pack
from workbook.packs.models import Pack

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))
COUPLE = Couple(
    id="sam-and-alex",
    created=WHEN,
    partners=[Partner(key="a", name="Sam"), Partner(key="b", name="Alex")],
)
NAMES = {"a": "Sam", "b": "Alex"}
STEPS = """
[[steps]]
id = "wish"
kind = "text"
optional = true
prompt = "{me}, what would you like more of?"

[[steps]]
id = "feel"
kind = "scale"
optional = true
prompt = "{me}, how close do you feel?"
items = ["Talk", "Touch"]
gap = 2

[[steps]]
id = "agree"
kind = "agreement"
prompt = "What will you try?"
from = ["wish", "feel"]

[[scores]]
id = "close"
title = "Close"
from = ["feel"]
"""
Answers = dict[str, Any]
BOTH: Answers = {
    "wish": {"a": "Walks", "b": "Talks"},
    "feel": {"a": {"Talk": 1, "Touch": 5}, "b": {"Talk": 5, "Touch": 5}},
}
# Every way an optional private step can be left blank, by one or by both.
BLANKS: dict[str, Answers] = {
    "Alex skipped": {"wish": {"a": "Walks"}, "feel": {"a": {"Talk": 1, "Touch": 5}}},
    "Sam skipped": {"wish": {"b": "Talks"}, "feel": {"b": {"Talk": 5, "Touch": 5}}},
    "half done": {
        "wish": {"a": "Walks", "b": "  "},
        "feel": {"a": {"Talk": 1}, "b": BOTH["feel"]["b"]},
    },
    "both typed nothing": {"wish": {"a": "", "b": ""}, "feel": {"a": {}, "b": {}}},
    "both skipped": {},
}


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    loaded = load_pack(write_pack(tmp_path_factory.mktemp("packs"), "close", STEPS))
    assert loaded.pack is not None, loaded.problems
    return loaded.pack


def sitting(pack: Pack, answers: dict[str, Any]) -> Session:
    """A finished session that went through both reveals."""
    moves = [trail.entry(WHEN, "close", s, "reveal") for s in ("wish", "feel")]
    return Session(
        id="2026-11-22-1905",
        started=WHEN,
        updated=WHEN,
        finished=WHEN,
        agenda=["close"],
        packs={"close": PackUse(title="A pack", digest="x")},
        answers={"close": answers},
        trail=moves,
    )


def summary(pack: Pack, answers: dict[str, Any]) -> str:
    used = {"close": SessionPack("close", pack)}
    return summary_markdown(COUPLE, sitting(pack, answers), used, Agreements())


def test_both_answers_show_when_both_answered(pack: Pack) -> None:
    text = summary(pack, BOTH)
    assert "**Sam:** Walks" in text
    assert "Talk: Sam 1, Alex 5" in text
    assert KEPT_LINE not in text
    agree = pack.step("agree")
    assert len(offers(pack, agree, sitting(pack, BOTH), NAMES)) == 3
    (score,) = pack_scores(pack, lambda s: BOTH.get(s, {}))
    assert (score.a, score.b) == (6, 10)


@pytest.mark.parametrize("case", BLANKS)
def test_a_blank_reads_the_same_whoever_left_it(pack: Pack, case: str) -> None:
    answers = BLANKS[case]
    text = summary(pack, answers)
    assert text == summary(pack, BLANKS["both skipped"])
    assert text.count(KEPT_LINE) == 2
    for words in ("Walks", "Talks", "no answer", "Waiting"):
        assert words not in text
    assert offers(pack, pack.step("agree"), sitting(pack, answers), NAMES) == []
    (score,) = pack_scores(pack, lambda s: answers.get(s, {}))
    assert (score.a, score.b) == (None, None)


def test_a_step_not_reached_is_left_out(pack: Pack) -> None:
    session = sitting(pack, {})
    session.trail = []
    text = summary_markdown(COUPLE, session, {"close": SessionPack("close", pack)}, Agreements())
    assert KEPT_LINE not in text
