"""Answer tables of any shape, as a hand edit or a newer version might leave them, never crash
the readers, the summary, the offered terms or the trends, and their text never makes structure.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import HOSTILE
from tests.packs_helpers import builtin_library
from workbook import tomlio
from workbook.data.answers.agreement import AgreementAnswer
from workbook.data.answers.chores import ChoresAnswer
from workbook.data.answers.listen import ListenAnswer
from workbook.data.answers.requests import DECISIONS, RequestsAnswer
from workbook.data.models import Agreements, Couple, Partner, Session
from workbook.export.summary import summary_markdown
from workbook.i18n.said import Words
from workbook.logic.drafts import offers
from workbook.logic.session_packs import SessionPack
from workbook.logic.trends import history_text, trends

LIBRARY = builtin_library()
USED = {pid: SessionPack(pid, loaded.pack) for pid, loaded in LIBRARY.packs.items()}
WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))
COUPLE = Couple(
    id="sam-and-alex",
    created=WHEN,
    partners=[Partner(key="a", name="Sam"), Partner(key="b", name="Alex")],
)
MEMBER_KEYS = {
    "tasks": ["name", "minutes", "now", "done"],
    "requests": ["by", "text", "benefit", "cost", "decision", "third", "note", "again_of"],
    "turns": ["round", "speaker", "paraphrases", "tries", "confirmed", "timeouts", "draft"],
    "terms": ["text", "confirmed_by", "review_on", "source", "agreement"],
}
TABLE_KEYS = ["a", "b", "together", "weights", "split", "draft", *MEMBER_KEYS]

scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0, 1, 3, 5, 6, -1, 10**9]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.text(max_size=20),
    st.sampled_from([*HOSTILE[:12], "a", "b", "shared", "yes", "later", "third", "Cooking"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _members(kind: str) -> st.SearchStrategy[Any]:
    member = st.dictionaries(st.sampled_from(MEMBER_KEYS[kind]), values, max_size=8)
    return st.one_of(values, st.lists(st.one_of(member, values), max_size=4))


tables = st.dictionaries(
    st.sampled_from(TABLE_KEYS),
    st.one_of(values, st.deferred(lambda: st.sampled_from(list(MEMBER_KEYS)).flatmap(_members))),
    max_size=6,
)


def _session(pack_id: str, table: dict[str, Any]) -> Session:
    session = Session(id="2026-11-22-1905", started=WHEN, updated=WHEN, agenda=[pack_id])
    pack = LIBRARY.pack(pack_id)
    for step in pack.steps:
        session.set_answer(pack_id, step.id, table)
    return session


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pack_id=st.sampled_from(sorted(LIBRARY.packs)), table=tables)
def test_any_table_in_any_step_exports_and_offers_without_a_crash(
    pack_id: str, table: dict[str, Any]
) -> None:
    session = _session(pack_id, table)
    problems: list[Words] = []
    text = summary_markdown(COUPLE, session, USED, Agreements(), problems=problems)
    assert text.startswith("# Session of")
    assert all(isinstance(problem, Words) and str(problem) for problem in problems)
    pack = LIBRARY.pack(pack_id)
    names = {"a": "Sam", "b": "Alex"}
    for step in pack.steps:
        if getattr(step, "from_", None):
            for offer in offers(pack, step, session, names):
                assert isinstance(offer.text, str)
                assert offer.who in ("a", "b", "both")
    packs = {pid: loaded.pack for pid, loaded in LIBRARY.packs.items() if loaded.pack}
    assert isinstance(history_text(trends([session], packs), names), str)


@settings(max_examples=100, deadline=None)
@given(table=tables)
def test_answer_models_give_fields_of_the_documented_types(table: dict[str, Any]) -> None:
    problems: list[Words] = []
    for turn in ListenAnswer.read(table, problems).turns:
        assert type(turn.round) is int
        assert 1 <= turn.round <= 99
        assert type(turn.attempts) is int
        assert type(turn.timeouts) is int
        assert all(isinstance(p, str) for p in turn.paraphrases)
        assert turn.confirmed in (True, False)
        assert turn.draft is None or isinstance(turn.draft, str)
    for row in RequestsAnswer.read(table, problems).requests:
        assert row.by in ("a", "b")
        assert isinstance(row.text, str)
        assert row.decision in (None, *DECISIONS)
        assert row.benefit in (None, 1, 2, 3, 4, 5)
        assert row.cost in (None, 1, 2, 3, 4, 5)
    chores = ChoresAnswer.read(table, problems)
    names = [task.name for task in chores.tasks]
    assert len(names) == len(set(names))
    if chores.split is not None:
        assert 0 <= chores.split.shared_part_a <= 1
        assert not math.isnan(chores.split.shared_part_a)
        assert set(chores.split.owner.values()) <= {"a", "b", "shared"}
    for key in ("a", "b"):
        assert all(1 <= v <= 5 for v in chores.weights_of(key).values())
    # A box's typed text, not submitted yet, is text or nothing.
    assert all(
        model.read(table).draft is None or isinstance(model.read(table).draft, str)
        for model in (RequestsAnswer, AgreementAnswer)
    )
    for term in AgreementAnswer.read(table, problems).terms:
        assert set(term.confirmed_by) <= {"a", "b"}
        assert term.review_on is None or isinstance(term.review_on, date)
    # Whatever was read is written back as TOML can hold it.
    for model in (ListenAnswer, RequestsAnswer, ChoresAnswer, AgreementAnswer):
        tomlio.dumps({"t": model.read(table).to_table()})


def test_a_hostile_listen_turn_makes_no_structure_in_the_summary() -> None:
    turn = {
        "round": "[/]\n# Injected",
        "speaker": "a",
        "tries": "[link](http://x) ![i](http://x/i.png)",
        "timeouts": "\x1b]52;c;aGk=\x07",
        "paraphrases": ["# heading", 5],
        "confirmed": "yes",
    }
    session = _session("listening", {"turns": [turn]})
    text = summary_markdown(COUPLE, session, USED, Agreements())
    assert "# Injected" not in text
    assert "](http" not in text
    assert "\x1b" not in text
    assert "Round 1:" in text
    assert "not finished after 1 try" in text
