"""The case record (DESIGN.md section 7): what a counsellor keeps on file about a couple.

The couple; each session with its date, length and what was reached; the goals, each with its
measure's course against the target; the scores over time (a chart in HTML, with the goals'
targets and the scores' cut-offs drawn across it); every agreement with its history of reviews;
and, only with ``include_notes``, the counsellor's notes, progress notes (signed, with addenda)
and the partners' sealed answers, marked confidential. It is laid out once as blocks
(``blocks.py``) and rendered as CommonMark or as a standalone HTML page, so the two say the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from workbook.data.goals import Goal, read_goals
from workbook.data.models import Agreement, Couple
from workbook.data.store import Store
from workbook.export.blocks import (
    Block,
    Chart,
    Heading,
    Lines,
    Page,
    Series,
    Table,
    em,
    items,
    notice,
    para,
    strong,
)
from workbook.export.case_data import CaseData, ScoreLine, SessionEntry, ended_early, gather
from workbook.export.case_goals import goal_blocks, targets
from workbook.export.document import Document
from workbook.export.markdown import long_date
from workbook.export.render_html import render_html
from workbook.export.render_md import render_md
from workbook.export.session_notes import blocks, has_notes, step_title
from workbook.export.summary import clock, minutes
from workbook.logic.scores import ScoreValue, shown
from workbook.packs.load import LoadedPack

CONFIDENTIAL = (
    "This record holds the counsellor's private notes and each partner's sealed answers. "
    "Keep it with your clinical files; it is not for the couple."
)
OUTCOMES = {"kept": "kept", "changed": "changed", "retired": "let go"}
# The file name an export suggests (the app writes it into the couple's exports folder).
NAME = "case-record"


def case_document(
    store: Store,
    couple_id: str,
    library: Mapping[str, LoadedPack],
    today: date,
    *,
    fmt: str = "md",
    include_notes: bool = False,
) -> Document:
    """The case record as Markdown or HTML. Raises ``DataError`` when the couple file cannot
    be read; what else could not be read is in ``problems``."""
    data = gather(store, couple_id, library, include_notes=include_notes)
    page = case_page(data, today, include_notes=include_notes)
    if fmt == "html":
        return Document(render_html(page), page.title, f"{NAME}.html", data.problems)
    return Document(render_md(page), page.title, f"{NAME}.md", data.problems)


def case_page(data: CaseData, today: date, *, include_notes: bool = False) -> Page:
    couple = data.couple
    names: dict[str, str] = {p.key: p.name for p in couple.partners}
    title = f"Case record: {couple.names[0]} and {couple.names[1]}"
    page = Page(title + (" (confidential)" if include_notes else ""))
    page.add(Heading(1, title))
    if include_notes:
        page.add(notice(strong("Confidential."), " " + CONFIDENTIAL))
    page.add(*_couple(couple, data, today))
    page.add(Heading(2, "Sessions"), *_sessions(data))
    goals, _ = read_goals(couple.goals)
    if goals:
        page.add(Heading(2, "Goals"), *goal_blocks(goals, data.scores, names))
    page.add(Heading(2, "Scores over time"), *_scores(data.scores, names, goals))
    page.add(Heading(2, "Agreements"), *_agreements(data, names))
    if include_notes:
        page.add(*_notes(data, names))
    return page


def _couple(couple: Couple, data: CaseData, today: date) -> list[Block]:
    people = f"{couple.names[0]} and {couple.names[1]}"
    if couple.facilitator:
        people += f", with {couple.facilitator}"
    out: list[Block] = [
        para(
            people + ". ",
            f"In the workbook since {long_date(couple.created.date())}. ",
            f"Written on {long_date(today)}.",
        )
    ]
    readable = [e.session for e in data.sessions if e.session is not None]
    if readable:
        count = len(data.sessions)
        line = (
            f"{count} session{'s' if count != 1 else ''}, from "
            f"{long_date(readable[0].started.date())} to {long_date(readable[-1].started.date())}"
        )
        unfinished = sum(1 for s in readable if s.finished is None)
        if unfinished:
            line += f"; {unfinished} not finished"
        out.append(para(line + "."))
    return out


def _sessions(data: CaseData) -> list[Block]:
    if not data.sessions:
        return [para(em("No sessions yet."))]
    rows = []
    for entry in data.sessions:
        session = entry.session
        if session is None:
            rows.append(
                (entry.id, "", "", f"This session file cannot be read: {entry.problem}", "")
            )
            continue
        started = f"{long_date(session.started.date())}, {clock(session.started)}"
        spent = entry.length
        length = minutes(spent) if spent is not None else "not known"
        if session.finished is None:
            length += " so far; not finished"
        reached = entry.reached()
        shown_reached = ", ".join(entry.title(p) for p in reached) or "none"
        rows.append((entry.id, started, length, shown_reached, _not_reached(entry, reached)))
    header = ("Session", "Started", "Length", "Reached", "Not reached")
    return [Table(header, tuple(rows))]


def _not_reached(entry: SessionEntry, reached: list[str]) -> str:
    assert entry.session is not None
    missed = [entry.title(p) for p in entry.session.agenda if p not in reached]
    early = ended_early(entry.session)
    if early is None:
        return ", ".join(missed)
    parts = []
    for pack_id, steps in early.steps.items():
        named = ", ".join(step_title(entry, pack_id, s) for s in steps)
        parts.append(f"{entry.title(pack_id)} ({named})")
    parts += [title for title in missed if title not in {entry.title(p) for p in early.steps}]
    return "Ended early. " + ("Not reached: " + "; ".join(parts) if parts else "")


def _scores(scores: list[ScoreLine], names: Mapping[str, str], goals: list[Goal]) -> list[Block]:
    if not scores:
        return [para(em("No scores yet: they come from packs with scores, such as the check-in."))]
    out: list[Block] = []
    for line in scores:
        out.append(Heading(3, line.title))
        values = [v for _, v in line.points]
        known = [x for v in values for x in (v.a, v.b) if x is not None]
        low = line.low if line.low is not None else min(known)
        high = line.high if line.high is not None else max(known)
        rows = tuple(
            (_day(entry), _value(value, "a"), _value(value, "b")) for entry, value in line.points
        )
        table = Table(("Session", names["a"], names["b"]), rows, frozenset({1, 2}))
        out.append(
            Chart(
                title=line.title,
                low=low,
                high=high,
                times=tuple(_time(entry) for entry, _ in line.points),
                dates=tuple(_day(entry) for entry, _ in line.points),
                series=tuple(
                    Series(
                        names[key], tuple(v.value(key) for v in values), tuple(r[i] for r in rows)
                    )
                    for i, key in ((1, "a"), (2, "b"))
                ),
                table=table,
                marks=targets(goals, line) + line.bands,
            )
        )
        for _target, label in targets(goals, line):
            out.append(para(em(f"{label}, drawn as a dotted line in the chart.")))
    return out


def _day(entry: SessionEntry) -> str:
    assert entry.session is not None
    return entry.session.started.date().isoformat()


def _time(entry: SessionEntry) -> float:
    assert entry.session is not None
    return entry.session.started.timestamp()


def _value(value: ScoreValue, key: str) -> str:
    number = value.value(key)
    if number is None:
        return "not complete"
    band = value.band(key)
    return f"{shown(number)} ({band})" if band else shown(number)


def _agreements(data: CaseData, names: Mapping[str, str]) -> list[Block]:
    if data.agreements is None:
        return [para(em("The agreements file cannot be read, so no agreements are shown."))]
    every = sorted(data.agreements.agreements, key=lambda a: (a.made, a.id))
    if not every:
        return [para(em("No agreements yet."))]
    active = sum(1 for a in every if a.status == "active")
    titles = {e.id: e for e in data.sessions}
    out: list[Block] = [
        para(
            f"{len(every)} agreement{'s' if len(every) != 1 else ''}: {active} active, "
            f"{len(every) - active} let go."
        )
    ]
    out.append(items(*(_agreement(a, names, titles) for a in every)))
    return out


def _agreement(
    agreement: Agreement, names: Mapping[str, str], sessions: Mapping[str, SessionEntry]
) -> tuple[Block, ...]:
    who = f"{names[agreement.who]} will:" if agreement.who in ("a", "b") else "Both of you:"
    made = f"Agreed on {long_date(agreement.made)}"
    if agreement.session:
        made += f", in session {agreement.session}"
    source = agreement.source_title
    if not source and agreement.source:
        pack_id = agreement.source.split(".", 1)[0]
        entry = sessions.get(agreement.session or "")
        source = entry.title(pack_id) if entry else pack_id
    if source:
        made += f", from “{source}”"
    confirmed = [names[k] for k in ("a", "b") if k in agreement.confirmed_by]
    if confirmed:
        made += f"; confirmed by {' and '.join(confirmed)}"
    if agreement.status == "active":
        made += f". Active; next review on {long_date(agreement.review_on)}."
    else:
        made += ". Let go."
    out: list[Block] = [Lines(agreement.text, label=who), para(em(made))]
    if agreement.reviews:
        reviews: list[tuple[Block, ...]] = []
        for review in agreement.reviews:
            said = f"{long_date(review.on)}: {OUTCOMES.get(review.outcome, review.outcome)}"
            if review.before:
                reviews.append((para(said), Lines(review.before, label="Before:")))
            else:
                reviews.append((para(said),))
        out += [para("Reviews:"), items(*reviews)]
    return tuple(out)


def _notes(data: CaseData, names: Mapping[str, str]) -> list[Block]:
    out: list[Block] = [
        Heading(2, "Confidential: the counsellor's notes"),
        notice(strong("Confidential."), " The counsellor's notes, DAP notes and sealed answers."),
    ]
    care = data.couple.care
    if care is not None:
        state = f"raised on {long_date(care.raised.date())} at {clock(care.raised)}"
        state += f", in session {care.session}" if care.session else ""
        if care.cleared is not None:
            state += f"; cleared on {long_date(care.cleared.date())}, the reason in its notes."
        else:
            state += "; not cleared."
        out.append(para(strong("Care flag:"), " " + state))
    written = False
    for entry in data.sessions:
        notes = data.notes.get(entry.id)
        if entry.session is None or notes is None or not has_notes(notes):
            continue
        written = True
        day = long_date(entry.session.started.date())
        out.append(Heading(3, f"Session of {day} ({entry.id})"))
        out += blocks(entry, notes, names)
    if not written:
        out.append(para(em("No notes were kept for any session.")))
    return out
