"""Answer tables for every step kind, random or hostile, written into a real session file.

A pack with one step of each kind (``EVERY``), and for each step a strategy that gives either
a table of any shape (wrong types, unknown keys, values that are not tables at all) or a table
that looks valid and carries hostile text in every field the kind shows. ``Drawn`` remembers,
for each step, the text that kind must show: every word of it must reach an export, and its
``marker`` (a string that would be read as markup) must show literally on the screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from tests.hostile import HOSTILE
from tests.test_lenient_answers import tables as any_table
from tests.test_lenient_answers import values as any_value
from workbook.data.store import Store
from workbook.logic.session_packs import begin_packs
from workbook.packs.library import Library, load_library
from workbook.text import clean

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))
QUIT = "[@click=app.quit]x[/]"
EVERY = """format = 1
id = "every"
title = "Every kind"
summary = "One step of each kind, for tests."

[[steps]]
id = "read"
kind = "read"
body = "Read this."

[[steps]]
id = "private"
kind = "text"
title = "Private text"
prompt = "{me}, what matters?"

[[steps]]
id = "open"
kind = "text"
answer = "each-open"
prompt = "{me}, say it openly."

[[steps]]
id = "shared"
kind = "text"
answer = "together"
prompt = "Write it together."

[[steps]]
id = "rate"
kind = "scale"
prompt = "Rate these."
items = ["Work", "Home"]
gap = 1

[[steps]]
id = "one"
kind = "scale"
prompt = "One number."
min = 0
max = 10

[[steps]]
id = "pick"
kind = "choice"
prompt = "Pick some."
options = ["Fun", "Trust", "Honesty"]
pick_min = 0
pick_max = 3
other = true

[[steps]]
id = "order"
kind = "rank"
prompt = "Order them."
options_from = "pick"

[[steps]]
id = "know"
kind = "guess"
prompt = "How well do you know each other?"
questions = ["Closest friend", "A worry"]

[[steps]]
id = "share"
kind = "chores"
prompt = "Share the work."
tasks = [ { name = "Cooking", minutes = 300 }, { name = "Laundry", minutes = 120 } ]

[[steps]]
id = "asks"
kind = "requests"
prompt = "{me}, what would you ask {partner} for?"

[[steps]]
id = "hear"
kind = "listen"
prompt = "Speaker: a moment you felt heard."
rounds = 2

[[steps]]
id = "agree"
kind = "agreement"
prompt = "What will you try?"
from = ["private", "rate", "pick", "order", "know", "share", "asks", "hear"]

[[scores]]
id = "sum"
title = "A score"
from = ["rate", "one"]
"""
STEPS = re.findall(r'^id = "([a-z]+)"\nkind = "([a-z]+)"', EVERY, re.MULTILINE)
QUESTIONS = ["Closest friend", "A worry"]
# Strings that a markup reader would change: each must show as it is.
MARKERS = [QUIT, "[/]", "[link=x]y[/link]", "[bold red]loud[/]"]
# The corpus as a file can hold it (a lone surrogate cannot be written as UTF-8), without the
# 100 KB answer, which only the text steps get (``LONG``).
SHORT = [text.replace("\ud800", "\ufffd") for text in HOSTILE if len(text) < 1000]
LONG = HOSTILE[-1]
hostile = st.one_of(st.sampled_from(SHORT), st.text(max_size=30))
partner = st.sampled_from(["a", "b"])
rating = st.integers(min_value=1, max_value=5)


@dataclass
class Drawn:
    """The tables drawn for one session: by step id, the table, the text its kind shows, and
    the marker that must show literally (only for tables built to show one)."""

    tables: dict[str, Any] = field(default_factory=dict)
    shown: dict[str, list[str]] = field(default_factory=dict)
    markers: dict[str, str] = field(default_factory=dict)


Pick = Callable[[st.SearchStrategy[Any], Any], Any]


def _build(
    step: str, kind: str, texts: list[str], pick: Pick, long: str = LONG
) -> tuple[Any, list[str]]:
    """A valid-looking table of ``kind`` with ``texts`` in the fields it shows, each field its
    own (the first, the marker, where it shows at a place that is not private), and the text it
    shows. ``pick`` chooses the other values: drawn, or their defaults; a text step may get
    ``long`` as one answer."""
    one, two, three, four, five, six = texts[:6]
    if kind == "text" and step == "shared":
        together = f"{one}\n{pick(st.sampled_from([two, long]), two)}"
        return {"together": together}, [together]
    if kind == "text":
        table = {"a": one, "b": pick(st.sampled_from([two, long]), two)}
        return table, [table["a"], table["b"]]
    if kind == "scale" and step == "one":
        return {"a": pick(st.integers(0, 10), 0), "b": pick(st.integers(0, 10), 10)}, []
    if kind == "scale":
        return {"a": {"Work": pick(rating, 1), "Home": 5, one: 3}, "b": {"Work": 5, two: 2}}, []
    if kind in ("choice", "rank"):
        return {"a": ["Fun", one, two], "b": [three, "Trust"]}, [one, two, three, "Fun", "Trust"]
    if kind == "guess":
        mark = pick(st.sampled_from(["got it", "close", six]), "close")
        a = {"own": {QUESTIONS[0]: one, QUESTIONS[1]: two}, "marks": {QUESTIONS[0]: mark}}
        a["guess"] = {QUESTIONS[0]: three, QUESTIONS[1]: four}
        b = {"own": {QUESTIONS[0]: five, QUESTIONS[1]: one}}
        b["guess"] = {QUESTIONS[0]: six, QUESTIONS[1]: one}
        return {"a": a, "b": b}, [one, two, three, four, five, six]
    if kind == "chores":
        owner = pick(st.sampled_from(["a", "b", "shared", four]), "a")
        tasks = [
            {"name": one, "minutes": pick(st.integers(0, 600), 60), "now": "a", "done": two},
            {"name": three, "minutes": 30, "now": pick(st.sampled_from(["b", "both", four]), "b")},
        ]
        weights = {"a": {one: pick(rating, 1), three: 2}, "b": {one: 4, three: pick(rating, 5)}}
        split = {"owner": {one: owner, three: "shared"}, "shared_part_a": 0.25}
        return {"tasks": tasks, "weights": weights, "split": split}, [one, two, three]
    if kind == "requests":
        by = pick(partner, "a")
        asked = {"by": by, "text": one, "benefit": pick(rating, 4), "cost": pick(rating, 2)}
        asked |= {"decision": "third", "third": two, "note": three}
        again = {"by": "b" if by == "a" else "a", "text": four, "decision": "later"}
        return {"requests": [asked, again]}, [one, two, three, four]
    if kind == "listen":
        speaker = pick(partner, "a")
        turn = {"round": 1, "speaker": speaker, "paraphrases": [two, three], "confirmed": True}
        # The turn under way shows what was heard so far.
        other = {"speaker": "b" if speaker == "a" else "a", "paraphrases": [one], "tries": 2}
        return {"turns": [turn, other]}, [one, two, three]
    if kind == "agreement":
        draft = {"text": one, "who": pick(partner, "a"), "confirmed_by": ["a"], "source": four}
        agreed = {"text": two, "confirmed_by": ["a", "b"], "review_on": WHEN.date()}
        return {"terms": [draft, agreed, {"text": three}]}, [one, two, three]
    return {}, []


@st.composite
def _shaped(draw: st.DrawFn, step: str, kind: str, long: str) -> tuple[Any, list[str], str]:
    marker = draw(st.sampled_from(MARKERS))
    texts = [marker, *draw(st.lists(hostile, min_size=5, max_size=5))]
    table, shown = _build(step, kind, texts, lambda strategy, default: draw(strategy), long)
    return table, shown, marker if shown else ""


def _for_step(step: str, kind: str, long: str) -> st.SearchStrategy[tuple[Any, list[str], str]]:
    anything: st.SearchStrategy[tuple[Any, list[str], str]]
    anything = st.one_of(any_table, any_value).map(lambda table: (table, [], ""))
    return st.one_of(_shaped(step, kind, long), anything)


@st.composite
def sessions(draw: st.DrawFn, long: bool = True) -> Drawn:
    """A table for every step of ``EVERY``: valid-looking and hostile, or of any shape; with
    ``long``, text answers may be 100 KB long."""
    drawn = Drawn()
    for step, kind in STEPS:
        drawn.tables[step], shown, marker = draw(_for_step(step, kind, LONG if long else ""))
        if shown:
            drawn.shown[step], drawn.markers[step] = shown, marker
    # Each partner ranks their own picks: the app puts in order only what they picked.
    picks = drawn.tables["pick"]
    picked = picks.get("a") if isinstance(picks, dict) else None
    if "order" in drawn.markers and drawn.markers["order"] not in (
        picked if isinstance(picked, list) else []
    ):
        del drawn.markers["order"]
    return drawn


def shaped_everywhere(marker: str = QUIT) -> Drawn:
    """Valid-looking hostile tables at every step, with ``marker`` in each."""
    drawn = Drawn()
    filler = [text for text in SHORT if text not in MARKERS]
    for number, (step, kind) in enumerate(STEPS):
        texts = [marker, *(filler[(number * 5 + n) % len(filler)] for n in range(5))]
        table, shown = _build(step, kind, texts, lambda strategy, default: default)
        drawn.tables[step] = table
        if shown:
            drawn.shown[step], drawn.markers[step] = shown, marker
    return drawn


def library_with(folder: Path) -> Library:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "every.toml").write_text(EVERY, encoding="utf-8")
    return load_library([folder], environ={}, builtin=False)


def write_session(root: Path, library: Library, drawn: Drawn) -> tuple[str, str]:
    """A couple and a session of ``EVERY`` with the drawn tables, saved in the data folder at
    ``root`` through the store; returns the couple's id and the session's."""
    store = Store(root)
    store.prepare()
    couple = store.create_couple("Sam", "Alex", when=WHEN)
    couple.care_note_seen = True
    store.save_couple(couple)
    session = store.new_session(couple.id, ["every"], when=WHEN)
    begin_packs(session, store, [library.packs["every"]])
    for step, table in drawn.tables.items():
        session.set_answer("every", step, table)
    store.save_session(couple.id, session)
    store.close()
    return couple.id, session.id


def words(text: str) -> list[str]:
    """The words of ``text`` as an export keeps them."""
    return re.findall(r"\w+", clean(text))
