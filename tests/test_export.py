"""The session summary and the agreement document."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from tests.packs_helpers import write_pack
from workbook.data.answers.choice import ChoiceAnswer
from workbook.data.models import (
    Agreement,
    Agreements,
    Couple,
    FacilitatorNotes,
    PackUse,
    Partner,
    Session,
)
from workbook.export.agreement_doc import agreement_document
from workbook.export.html import to_html
from workbook.export.steps import render_choice
from workbook.export.summary import summary_markdown
from workbook.logic.session_packs import CHANGED, MISSING, SessionPack
from workbook.packs.library import load_library
from workbook.packs.load import LoadedPack, load_pack

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))
COUPLE = Couple(
    id="sam-and-alex",
    created=WHEN,
    facilitator="Dr. Lee",
    partners=[Partner(key="a", name="Sam"), Partner(key="b", name="Alex")],
)
STEPS = """
[[steps]]
id = "intro"
kind = "read"
body = "Hello"

[[steps]]
id = "meaning"
kind = "text"
title = "Meaning"
prompt = "{me}, what does respect mean to you?"

[[steps]]
id = "open"
kind = "text"
answer = "each-open"
prompt = "{me}, thank {partner}."

[[steps]]
id = "areas"
kind = "scale"
prompt = "How respected do you feel by {partner}?"
items = ["Work", "Beliefs"]
low = "Not at all"
high = "Fully"
gap = 2

[[steps]]
id = "pick"
kind = "choice"
prompt = "Pick values."
options = ["Fun", "Trust", "Honesty"]
pick_max = 3

[[steps]]
id = "order"
kind = "rank"
prompt = "Order them."
options_from = "pick"

[[steps]]
id = "together"
kind = "scale"
answer = "together"
prompt = "How are we doing?"
"""


@pytest.fixture
def packs(tmp_path: Any) -> dict[str, LoadedPack]:
    loaded = load_pack(write_pack(tmp_path, "respect", STEPS))
    assert loaded.ok, loaded.problems
    return {"respect": loaded}


def used(packs: dict[str, LoadedPack], note: str | None = None) -> dict[str, SessionPack]:
    """The packs as a session uses them: here, the version it began with."""
    return {pid: SessionPack(pid, loaded.pack, note) for pid, loaded in packs.items()}


def session(packs: dict[str, LoadedPack], **answers: dict[str, Any]) -> Session:
    return Session(
        id="2026-11-22-1905",
        started=WHEN,
        updated=WHEN,
        agenda=["respect"],
        packs={"respect": PackUse(title="A pack", digest=packs["respect"].digest)},
        answers={"respect": answers},
        facilitator=FacilitatorNotes(notes="Only for the file."),
    )


def test_summary_shows_both_answers_and_the_comparisons(packs: dict[str, LoadedPack]) -> None:
    text = summary_markdown(
        COUPLE,
        session(
            packs,
            meaning={"a": "Being asked.", "b": "Time\n# together"},
            areas={"a": {"Work": 5, "Beliefs": 3}, "b": {"Work": 2, "Beliefs": 3}},
            pick={"a": ["Fun", "Trust"], "b": ["Trust", "Honesty"]},
            order={"a": ["Trust", "Fun"], "b": ["Honesty", "Trust"]},
            together={"together": 4},
        ),
        used(packs),
        Agreements(),
    )
    assert "# Session of 22 November 2026\n\nSam and Alex, with Dr. Lee." in text
    assert "### Meaning\n\n*What does respect mean to you?*" in text
    assert "**Sam:** Being asked.\n\n**Alex:** Time\\\n\\# together" in text
    assert "*Scale 1 to 5: 1 = Not at all, 5 = Fully.*" in text
    assert "- Work: Sam 5, Alex 2 **(you feel this differently: worth talking about)**" in text
    assert "- Beliefs: Sam 3, Alex 3\n" in text
    assert "- Both of you: Trust\n- Only Sam: Fun\n- Only Alex: Honesty" in text
    assert "- Trust: Sam #1, Alex #2" in text
    assert "- Rating: 4" in text
    assert "intro" not in text
    assert "Hello" not in text
    assert "### Sam, thank" not in text
    assert "Only for the file" not in text
    assert "This session is not finished yet." in text


def test_private_answers_wait_for_both(packs: dict[str, LoadedPack]) -> None:
    text = summary_markdown(
        COUPLE,
        session(packs, meaning={"a": "secret words"}, open={"a": "thanks"}),
        used(packs),
        Agreements(),
    )
    assert "secret words" not in text
    assert "Waiting for both answers" in text
    assert "**Sam:** thanks\n\n**Alex:** *(no answer)*" in text


def test_missing_and_changed_packs_keep_the_answers_visible(packs: dict[str, LoadedPack]) -> None:
    gone_pack = {"respect": SessionPack("respect", None, MISSING)}
    gone = summary_markdown(
        COUPLE, session(packs, meaning={"a": "x", "b": "y"}), gone_pack, Agreements()
    )
    assert "## A pack" in gone
    assert "not in the library any more" in gone
    changed = session(packs, meaning={"a": "x", "b": "y"}, removed={"a": "kept"})
    text = summary_markdown(COUPLE, changed, used(packs, CHANGED), Agreements())
    assert "has changed since the session" in text
    assert "steps this pack no longer has are kept in the session file: removed" in text


def agreement(text: str, source: str | None, made: date, review: date, **extra: Any) -> Agreement:
    titles = {"respect": "Defining respect"}
    title = titles.get((source or "").split(".")[0])
    return Agreement(
        id=f"s-{text[:3]}",
        text=text,
        made=made,
        source=source,
        source_title=title,
        review_on=review,
        confirmed_by=["a", "b"],
        **extra,
    )


def test_agreement_document_groups_and_dates() -> None:
    agreements = Agreements(
        agreements=[
            agreement("Cook Mondays", "chores.tasks", date(2026, 11, 22), date(2026, 12, 20)),
            agreement("Ask first", "respect.areas", date(2026, 11, 1), date(2026, 11, 20)),
            agreement("Walk daily", None, date(2026, 11, 22), date(2026, 11, 29), who="b"),
            agreement("Old idea", None, date(2026, 1, 1), date(2026, 2, 1), status="retired"),
        ]
    )
    text = agreement_document(COUPLE, agreements, today=date(2026, 11, 22))
    assert text.startswith(
        "# Our agreements\n\nSam and Alex, with Dr. Lee. Written on 22 November 2026.\n"
    )
    assert text.index("## From “Defining respect”") < text.index("## From “chores”")
    assert text.index("## From “chores”") < text.index("## Other agreements")
    assert (
        "- **Both of you:** Ask first\n\n"
        "  *Agreed on 1 November 2026; next review on 20 November 2026.*"
    ) in text
    assert "- **Alex will:** Walk daily" in text
    assert "Each agreement here was confirmed by both of you." in text
    # Plain text reads well too: no backslash line breaks.
    assert "\\\n" not in text
    assert "Old idea" not in text
    assert "One agreement is due for review now. The next review is on 29 November 2026." in text


def test_agreement_document_without_agreements() -> None:
    text = agreement_document(COUPLE, Agreements(), today=date(2026, 11, 22))
    assert "No agreements yet" in text


def test_html_page_is_complete_and_escaped() -> None:
    page = to_html("# Our agreements\n\n\\<b\\>x\\</b\\>", title="Sam & <Alex>")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Sam &amp; &lt;Alex&gt;</title>" in page
    assert '<h1 dir="auto">Our agreements</h1>' in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page


def test_chores_requests_and_listen_render(tmp_path: Any) -> None:
    from markdown_it import MarkdownIt

    from workbook.data.answers.chores import ChoresAnswer
    from workbook.data.answers.listen import ListenAnswer
    from workbook.data.answers.requests import RequestsAnswer
    from workbook.export.steps import render_chores, render_listen, render_requests

    names = {"a": "Sam", "b": "Alex"}
    chores = {
        "tasks": [
            {"name": "Cooking | dinner", "minutes": 300, "now": "a", "done": "# on the table"},
            {"name": "School run", "minutes": 150, "now": "b"},
        ],
        "weights": {
            "a": {"Cooking | dinner": 4, "School run": 2},
            "b": {"Cooking | dinner": 2, "School run": 4},
        },
        "split": {"owner": {"Cooking | dinner": "b", "School run": "a"}, "shared_part_a": 0.5},
    }
    table, *explanations = render_chores(None, ChoresAnswer.read(chores), names)
    tokens = MarkdownIt("commonmark").enable("table").parse(table)
    assert [t.type for t in tokens].count("tr_open") == 3
    assert [t.type for t in tokens].count("td_open") == 10
    assert "Cooking \\| dinner" in table
    assert explanations[0].startswith("**Sam:** Now you carry")
    requests = {
        "requests": [
            {
                "by": "a",
                "text": "Call when late",
                "benefit": 5,
                "cost": 1,
                "decision": "later",
                "note": "after the move",
            },
            {
                "by": "b",
                "text": "Walks",
                "benefit": 4,
                "cost": 5,
                "decision": "third",
                "third": "Short walks",
            },
        ]
    }
    (listed,) = render_requests(None, RequestsAnswer.read(requests), names)
    assert "**Sam asks:** Call when late" in listed
    assert "an easy yes" in listed
    assert "*Decided: Later: kept for a check-in*" in listed
    assert "*Decided: A third option* Short walks" in listed
    listen = {
        "turns": [
            {
                "round": 1,
                "speaker": "a",
                "paraphrases": ["You felt alone", "Left out"],
                "tries": 2,
                "confirmed": True,
                "timeouts": 1,
            }
        ]
    }
    (turns,) = render_listen(None, ListenAnswer.read(listen), names)
    assert (
        "Round 1: Sam spoke and Alex listened; understood after 2 tries, with 1 time-out" in turns
    )
    assert "Heard, try 2: Left out" in turns


def test_a_single_choice_reads_as_one_pick_each() -> None:
    step = load_library(environ={}).pack("check-in").step("willing")
    assert step.pick_max == 1
    names = {"a": "Zoë", "b": "Alex"}
    same = render_choice(step, ChoiceAnswer.read({"a": ["Yes, now"], "b": ["Yes, now"]}), names)
    assert same[-1] == "You both chose Yes, now."
    apart = {"a": ["Not today"], "b": ["Yes, now"]}
    shown = "\n\n".join(render_choice(step, ChoiceAnswer.read(apart), names))
    assert shown.endswith("**Alex:** Yes, now\n\nYou chose differently.")
    assert "none" not in shown
    assert "Only" not in shown


def test_every_html_document_is_drawn_by_the_one_renderer() -> None:
    """The agreement document and a summary (made as Markdown) come out as the case record
    does (made as blocks): the same page for the same content, one look and one escaping."""
    from workbook.export.blocks import Heading, Items, Page, Table, em, para, strong
    from workbook.export.render_html import render_html
    from workbook.export.render_md import render_md

    blocks = Page(
        "Sam & <Alex>",
        [
            Heading(1, "Our agreements"),
            para(strong("Sam:"), " <b>x</b> ", em("kept")),
            Items(((para("one"),), (para("two"),))),
            Table(("Name", "Score"), (("a", "1"),), frozenset({1})),
        ],
    )
    assert to_html(render_md(blocks), blocks.title) == render_html(blocks)
    typed = to_html("**Sam:** one\\\ntwo", "T")
    assert '<p dir="auto"><strong>Sam:</strong> one<br>\ntwo</p>' in typed


def test_markdown_read_back_keeps_what_exports_write_and_reads_the_rest_as_text() -> None:
    from workbook.export.blocks import Heading, Items, Notice, Para, Span, Table
    from workbook.export.html import page_of

    markdown = (
        "## Notes\n\n> **Confidential.**\n\n    code stays text\n\n"
        "1. first\n2. second *and* more\n\n---\n\n![a picture](x.png) and `code`\n\n"
        "| Who | Minutes |\n| --- | ---: |\n| Sam | 30 |\n"
    )
    blocks = page_of(markdown, "T").blocks
    assert blocks[0] == Heading(2, "Notes")
    assert blocks[1] == Notice((Span("Confidential.", "strong"),))
    assert blocks[2] == Para((Span("code stays text"),))
    assert isinstance(blocks[3], Items)
    assert blocks[3].items[1] == (Para((Span("second "), Span("and", "em"), Span(" more"))),)
    assert blocks[4] == Para((Span("a picture"), Span(" and "), Span("code")))
    assert blocks[5] == Table(("Who", "Minutes"), (("Sam", "30"),), frozenset({1}))
    assert len(blocks) == 6


def test_the_agreement_document_speaks_the_couple_s_language() -> None:
    """Every sentence of the app's is the catalog's, the names and dates dropped in, and the
    dates are written as the language writes them; English stays as it was."""
    from datetime import date

    from workbook.data.models import Agreement, Agreements, Couple, Partner
    from workbook.export.agreement_doc import agreement_document

    def couple(language: str | None) -> Couple:
        return Couple(
            id="c",
            created=datetime(2026, 11, 22, 19, 0).astimezone(),
            language=language,
            facilitator="Dra. Lee",
            partners=[Partner(key="a", name="Robin"), Partner(key="b", name="Noa")],
        )

    kept = Agreements(
        agreements=[
            Agreement(
                id="1",
                text="Cocinar los martes.",
                made=date(2026, 12, 18),
                session="s",
                who="a",
                review_on=date(2027, 1, 15),
                confirmed_by=["a", "b"],
                source_title="Repartir el trabajo",
            )
        ]
    )
    spanish = agreement_document(couple("es"), kept, date(2026, 12, 18))
    assert "Robin se compromete a:" in spanish
    assert "18 de diciembre de 2026" in spanish
    assert "Robin y Noa, con Dra. Lee. Escrito el 18 de diciembre de 2026." in spanish
    for english in ("will:", "Agreed on", "December", "Our agreements", "review"):
        assert english not in spanish
    arabic = agreement_document(couple("ar"), kept, date(2026, 12, 18))
    assert "على Robin:" in arabic
    assert "اتفاقاتنا" in arabic
    assert "December" not in arabic
    english_doc = agreement_document(couple(None), kept, date(2026, 12, 18))
    assert "Robin will:" in english_doc
    assert "18 December 2026" in english_doc
