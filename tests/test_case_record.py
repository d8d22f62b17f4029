"""The case record (``export COUPLE --case``): every session with its length and what was reached,
the scores over time (an inline SVG chart in HTML), every agreement with its reviews, and the
counsellor's notes, DAP notes and sealed answers only with ``--include-notes``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.hostile import HOSTILE
from tests.packs_helpers import builtin_library
from workbook.cli import main
from workbook.data.models import (
    Agreement,
    Agreements,
    Couple,
    FacilitatorNotes,
    Partner,
    Review,
    Session,
)
from workbook.data.notes import Note, SessionNotes
from workbook.data.sealed import Given
from workbook.data.store import Store
from workbook.data.trail import ending_entry, entry
from workbook.export.case_data import CaseData, ScoreLine, SessionEntry, ended_early
from workbook.export.case_record import case_page
from workbook.export.documents import export
from workbook.export.render_html import render_html
from workbook.export.render_md import render_md
from workbook.logic.scores import ScoreValue
from workbook.logic.session_packs import begin_packs
from workbook.text import clean, clean_line

LIBRARY = builtin_library()
ITEMS = LIBRARY.pack("check-in").step("self-check").items
START = datetime(2026, 1, 5, 19, 0, tzinfo=UTC)
TODAY = date(2026, 3, 1)
SECRETS = ("Alex went quiet at work", "Plan: come back to money", "sealed-unsure", "old notes kept")


def sitting(store: Store, couple_id: str, week: int, mine: int, yours: int) -> str:
    """A check-in 25 minutes long by its trail, each partner rating every line the same."""
    when = START + timedelta(weeks=week)
    session = Session(
        id=when.strftime("%Y-%m-%d-%H%M"), started=when, updated=when, agenda=["check-in"]
    )
    begin_packs(session, store, [LIBRARY.packs["check-in"]])
    session.set_answer(
        "check-in",
        "self-check",
        {"a": dict.fromkeys(ITEMS, mine), "b": dict.fromkeys(ITEMS, yours)},
    )
    session.set_answer("check-in", "satisfaction", {"a": mine, "b": yours})
    session.trail += [
        entry(when, "check-in", "welcome", None),
        entry(when + timedelta(minutes=20), "check-in", "agree", None),
    ]
    session.finished = when + timedelta(minutes=25)
    store.save_session(couple_id, session, stamp=False)
    return session.id


@pytest.fixture
def couple(data_dir: Path) -> str:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex", facilitator="Dr. Lee")
    first = sitting(store, couple.id, 0, 2, 4)
    sitting(store, couple.id, 1, 4, 5)
    # Unfinished, and ended with steps marked as not reached.
    when = START + timedelta(weeks=2)
    late = Session(
        id="2026-01-19-1900",
        started=when,
        updated=when + timedelta(minutes=10),
        agenda=["check-in", "values"],
        facilitator=FacilitatorNotes(notes=SECRETS[3]),
    )
    late.trail.append(entry(when, "check-in", "welcome", None))
    late.trail.append({"at": when, "pack": "check-in", "step": "asks", "not_reached": True})
    store.save_session(couple.id, late, stamp=False)
    notes = store.notes(couple.id, first)
    notes.add_note(SECRETS[0], "check-in", "self-check", START + timedelta(minutes=5))
    notes.set_dap("plan", SECRETS[1])
    notes.seal("check-in", "safe", "b", SECRETS[2])
    made = START.date()
    agreements = Agreements(
        agreements=[
            Agreement(
                id=f"{first}-1",
                text="Sam cooks on weekdays.",
                made=made,
                session=first,
                source="check-in.agree",
                who="a",
                review_on=made + timedelta(days=42),
                confirmed_by=["a", "b"],
                reviews=[
                    Review(on=made + timedelta(days=14), outcome="kept"),
                    Review(on=made + timedelta(days=28), outcome="changed", before="Sam cooks."),
                ],
            ),
            Agreement(
                id=f"{first}-2",
                text="A walk on Sundays.",
                made=made,
                review_on=made + timedelta(days=14),
                status="retired",
                reviews=[Review(on=made + timedelta(days=14), outcome="retired")],
            ),
        ]
    )
    store._save(store.layout.agreements_file(couple.id), agreements)
    store.close()
    return couple.id


def record(data_dir: Path, couple: str, fmt: str = "md", notes: bool = False) -> str:
    document = export(
        Store(data_dir), couple, LIBRARY.packs, TODAY, fmt=fmt, include_notes=notes, case=True
    )
    assert document.name == f"case-record.{fmt}"
    assert document.problems == []
    return document.text


def test_markdown_has_the_couple_each_session_the_scores_and_every_agreement_with_reviews(
    data_dir: Path, couple: str
) -> None:
    text = record(data_dir, couple)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Case record: Sam and Alex",
        "## Sessions",
        "## Scores over time",
        "### Weekly check-in: How things feel between us",
        "## Agreements",
    ]
    assert "Sam and Alex, with Dr. Lee." in text
    assert "3 sessions, from 5 January 2026 to 19 January 2026; 1 not finished." in text
    rows = [line for line in text.splitlines() if line.startswith("| 2026-")]
    assert rows[0] == (
        "| 2026-01-05-1900 | 5 January 2026, 19:00 (UTC+00:00) | 25 minutes | Weekly check-in |  |"
    )
    # Ended early: the step marked in the trail, and the pack never begun.
    assert rows[2].endswith(
        "not finished | Weekly check-in | Ended early. Not reached: Weekly check-in "
        "(Anything to ask for?); What we value |"
    )
    # Sam's score is the mean of the self-check lines and the overall one.
    assert "| 2026-01-05 | 2 (A hard stretch) | 4 (Mostly good) |" in text
    assert "| 2026-01-12 | 4 (Mostly good) | 5 (Going well) |" in text
    assert "2 agreements: 1 active, 1 let go." in text
    assert "- **Sam will:** Sam cooks on weekdays." in text
    assert (
        "  - 19 January 2026: kept\n\n  - 2 February 2026: changed\n\n    **Before:** Sam cooks."
        in text
    )
    assert "  - 19 January 2026: let go" in text


def test_notes_appear_only_with_include_notes_marked_confidential(
    data_dir: Path, couple: str
) -> None:
    for fmt in ("md", "html"):
        without = record(data_dir, couple, fmt)
        assert not any(secret in without for secret in SECRETS)
        assert "onfidential" not in without
        with_notes = record(data_dir, couple, fmt, notes=True)
        assert all(secret in with_notes for secret in SECRETS)
        assert with_notes.count("Confidential") >= 2
    md = record(data_dir, couple, notes=True)
    assert "> **Confidential.** This record holds" in md
    assert (
        "- **19:05 (UTC+00:00), written in the console, at Weekly check-in, Self-check:** Alex "
        "went quiet" in md
    )
    assert "- **Plan:** Plan: come back to money" in md
    assert "- Weekly check-in: safe\n\n  **Alex:** sealed-unsure" in md


class _Page(HTMLParser):
    """Every tag, attribute and style sheet of a page, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def parsed(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


OUTSIDE = ("http:", "https:", "//", "url(", "@import", "@font-face")


def check_self_contained(page: _Page) -> None:
    assert "script" not in page.tags
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    for name, value in page.attributes:
        assert not any(marker in value.lower() for marker in OUTSIDE), (name, value)
    for style in page.styles:
        assert not any(marker in style.lower() for marker in OUTSIDE)


def test_html_is_standalone_with_an_svg_chart_and_nothing_from_outside(
    data_dir: Path, couple: str
) -> None:
    text = record(data_dir, couple, "html", notes=True)
    assert text.startswith("<!DOCTYPE html>")
    page = parsed(text)
    check_self_contained(page)
    assert page.tags.count("svg") == 1
    # A title and a description for screen readers, both axes labelled, a line per partner.
    labelled = dict(page.attributes)["aria-labelledby"].split()
    ids = [value for name, value in page.attributes if name == "id"]
    assert all(label in ids for label in labelled)
    words = "".join(page.text)
    for said in ("Score", "Session date", "2026-01-05", "2026-01-12", "Sam", "Alex"):
        assert said in words
    assert page.tags.count("path") == 2
    assert page.tags.count("circle") >= 2
    assert page.tags.count("rect") >= 2
    assert "Sam, 2026-01-05: 2 (A hard stretch)" in words
    assert "table" in page.tags


def test_an_unreadable_session_keeps_its_row_and_is_reported(data_dir: Path, couple: str) -> None:
    broken = data_dir / "couples" / couple / "sessions" / "2026-01-26-1900.toml"
    broken.write_text("format = 1\nid = [", encoding="utf-8")
    document = export(Store(data_dir), couple, LIBRARY.packs, TODAY, case=True)
    assert "| 2026-01-26-1900 |  |  | This session file cannot be read: line" in document.text
    assert [p for p in document.problems if "2026-01-26-1900.toml" in str(p)]


def test_export_case_writes_the_file_and_a_folder_gets_the_suggested_name(
    data_dir: Path, couple: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "record.html"
    args = ["export", couple, "--case", "--format", "html", "--include-notes"]
    assert main([*args, "--out", str(out)]) == 0
    assert SECRETS[0] in out.read_text(encoding="utf-8")
    assert main(["export", couple, "--case", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "case-record.md").read_text(encoding="utf-8").startswith("# Case record")
    assert "Written to" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["export", couple, "--case", "--session", "2026-01-05-1900"])
    assert usage.value.code == 2
    assert main(["export", couple, "--include-notes"]) == 2
    assert "--include-notes goes with --session or --case" in capsys.readouterr().err


# Escaping: hostile names, agreements and notes make no structure in either format.

MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
ALLOWED_BLOCKS = {
    "heading",
    "paragraph",
    "bullet_list",
    "list_item",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_INLINE = {
    "text",
    "softbreak",
    "hardbreak",
    "em_open",
    "em_close",
    "strong_open",
    "strong_close",
}
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "br", "em",
    "strong", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "figure", "details",
    "summary", "svg", "desc", "g", "line", "text", "path", "circle", "rect",
}  # fmt: skip
words = st.one_of(
    st.text(alphabet=st.sampled_from(list("#>-+=*_`~|<>[]()!&;\\/:.0123 \nab")), max_size=30),
    st.text(max_size=30),
    st.sampled_from([h for h in HOSTILE if len(h) < 1000]),
)


def hostile_case(name_a: str, name_b: str, said: str) -> CaseData:
    couple = Couple(
        id="c",
        created=START,
        facilitator=said,
        partners=[Partner(key="a", name=name_a), Partner(key="b", name=name_b)],
    )
    session = Session(
        id="2026-01-05-1900",
        started=START,
        updated=START,
        agenda=["check-in"],
        packs={"check-in": {"title": said or "x", "digest": "sha256:0"}},
    )
    agreement = Agreement(
        id="a1",
        text=said if clean(said) else "x",
        made=START.date(),
        source_title=said,
        review_on=START.date(),
        who="b",
        reviews=[Review(on=START.date(), outcome="changed", before=said)],
    )
    notes = SessionNotes(
        notes=[Note(START, "check-in", said, said, said)],
        dap={"data": said, "assessment": "", "plan": ""},
        sealed={"check-in": {said: {"a": said, "b": [said, 3]}}},
        given={"check-in": {said: [Given(START, "a", said), Given(None, "b", [said, 3])]}},
        legacy=said,
    )
    entry_ = SessionEntry(session.id, session)
    score = ScoreLine(
        "check-in", "s", said, 1, 5, [(entry_, ScoreValue("s", said, 3, None, said, None))]
    )
    return CaseData(
        couple, [entry_], [score], Agreements(agreements=[agreement]), {session.id: notes}
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words, words, words)
def test_hostile_text_stays_text_in_markdown_and_html(a: str, b: str, said: str) -> None:
    assume(clean_line(a) and clean_line(b) and clean_line(a).casefold() != clean_line(b).casefold())
    assume(len(clean_line(a)) <= 200 and len(clean_line(b)) <= 200)
    page = case_page(hostile_case(a, b, said), TODAY, include_notes=True)
    tokens = MD.parse(render_md(page))
    for token in tokens:
        if token.type == "inline":
            kinds = {child.type for child in token.children or []}
            assert kinds <= ALLOWED_INLINE, kinds
        else:
            assert token.type.removesuffix("_open").removesuffix("_close") in ALLOWED_BLOCKS, (
                token.type
            )
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(headings) == 7  # the title, four sections, the score and the session's notes
    html_page = parsed(render_html(page))
    assert set(html_page.tags) <= ALLOWED_TAGS
    check_self_contained(html_page)
    shown = clean_line(a)
    assert shown in "".join(html_page.text).replace("\n", " ")


@pytest.mark.parametrize(
    ("extra", "trail", "steps"),
    [
        ({}, [{"at": START, "pack": "p", "step": "s", "phase": "not-reached"}], {"p": ["s"]}),
        ({"not_reached": ["p.s", "p.t"]}, [], {"p": ["s", "t"]}),
        ({"not_reached": {"p": ["s"]}}, [], {"p": ["s"]}),
        ({"ended_early": True}, [], {}),
        # As "End the session now" writes it (data/trail.ending_entry).
        (
            {},
            [ending_entry(START, "p", "r", None, ["p.s", "q.t"])],
            {"p": ["s"], "q": ["t"]},
        ),
    ],
)
def test_the_ways_a_session_can_mark_steps_not_reached(
    extra: dict[str, object], trail: list[object], steps: dict[str, list[str]]
) -> None:
    session = Session(id="s", started=START, updated=START, trail=trail, **extra)
    found = ended_early(session)
    assert found is not None
    assert found.steps == steps
    assert ended_early(Session(id="s", started=START, updated=START)) is None
