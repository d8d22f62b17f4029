"""The case record (DESIGN.md section 7): what a counsellor keeps on file about a couple, in the
app's language (``language``; every sentence a message of the catalog).

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
from workbook.export.markdown import long_date, number
from workbook.export.render_html import render_html
from workbook.export.render_md import render_md
from workbook.export.session_notes import blocks, both, has_notes, people, step_title
from workbook.export.summary import clock, minutes
from workbook.i18n.catalog import N_, _, current, ngettext, pgettext, speaking
from workbook.i18n.said import said_in
from workbook.logic.scores import ScoreValue, shown
from workbook.packs.load import LoadedPack

CONFIDENTIAL = N_(
    "This record holds the counsellor's private notes and each partner's sealed answers. "
    "Keep it with your clinical files; it is not for the couple."
)
OUTCOMES = {"kept": N_("kept"), "changed": N_("changed"), "retired": N_("let go")}
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
    language: str | None = None,
) -> Document:
    """The case record as Markdown or HTML, in ``language`` (the app's). Raises ``DataError``
    when the couple file cannot be read; what else could not be read is in ``problems``."""
    data = gather(store, couple_id, library, include_notes=include_notes)
    with speaking(language) as tr:
        page = case_page(data, today, include_notes=include_notes)
    page.language = tr.language
    if fmt == "html":
        return Document(render_html(page), page.title, f"{NAME}.html", data.problems)
    return Document(render_md(page), page.title, f"{NAME}.md", data.problems)


def case_page(data: CaseData, today: date, *, include_notes: bool = False) -> Page:
    couple = data.couple
    names: dict[str, str] = {p.key: p.name for p in couple.partners}
    title = _("Case record: {names}").format(names=both(couple.names))
    page = Page(_("{title} (confidential)").format(title=title) if include_notes else title)
    page.add(Heading(1, title))
    if include_notes:
        page.add(notice(strong(_("Confidential.")), " " + current().gettext(CONFIDENTIAL)))
    page.add(*_couple(couple, data, today))
    page.add(Heading(2, _("Sessions")), *_sessions(data))
    goals, _problems = read_goals(couple.goals)
    if goals:
        page.add(Heading(2, _("Goals")), *goal_blocks(goals, data.scores, names))
    page.add(Heading(2, _("Scores over time")), *_scores(data.scores, names, goals))
    page.add(Heading(2, _("Agreements")), *_agreements(data, names))
    if include_notes:
        page.add(*_notes(data, names))
    return page


def _couple(couple: Couple, data: CaseData, today: date) -> list[Block]:
    out: list[Block] = [
        para(
            _("{people}. In the workbook since {day}. Written on {today}.").format(
                people=people(couple),
                day=long_date(couple.created.date()),
                today=long_date(today),
            )
        )
    ]
    readable = [e.session for e in data.sessions if e.session is not None]
    if readable:
        count = len(data.sessions)
        first, last = long_date(readable[0].started.date()), long_date(readable[-1].started.date())
        unfinished = sum(1 for s in readable if s.finished is None)
        line = ngettext(
            "{count} session, from {first} to {last}",
            "{count} sessions, from {first} to {last}",
            count,
        ).format(count=count, first=first, last=last)
        if unfinished:
            line = ngettext(
                "{sessions}; {count} not finished", "{sessions}; {count} not finished", unfinished
            ).format(sessions=line, count=unfinished)
        out.append(para(_("{line}.").format(line=line)))
    return out


def _sessions(data: CaseData) -> list[Block]:
    if not data.sessions:
        return [para(em(_("No sessions yet.")))]
    rows = []
    for entry in data.sessions:
        session = entry.session
        if session is None:
            problem = said_in(entry.problem, current()) if entry.problem else ""
            cannot = _("This session file cannot be read: {problem}").format(problem=problem)
            rows.append((entry.id, "", "", cannot, ""))
            continue
        started = _("{day}, {time}").format(
            day=long_date(session.started.date()), time=clock(session.started)
        )
        spent = entry.length
        length = minutes(spent) if spent is not None else _("not known")
        if session.finished is None:
            length = _("{length} so far; not finished").format(length=length)
        reached = entry.reached()
        shown_reached = listed([entry.title(p) for p in reached]) or _("none")
        rows.append((entry.id, started, length, shown_reached, _not_reached(entry, reached)))
    header = (_("Session"), _("Started"), _("Length"), _("Reached"), _("Not reached"))
    return [Table(header, tuple(rows))]


def _not_reached(entry: SessionEntry, reached: list[str]) -> str:
    assert entry.session is not None
    missed = [entry.title(p) for p in entry.session.agenda if p not in reached]
    early = ended_early(entry.session)
    if early is None:
        return listed(missed)
    parts = []
    for pack_id, steps in early.steps.items():
        named = listed([step_title(entry, pack_id, s) for s in steps])
        parts.append(_("{pack} ({steps})").format(pack=entry.title(pack_id), steps=named))
    parts += [title for title in missed if title not in {entry.title(p) for p in early.steps}]
    if not parts:
        return _("Ended early.")
    return _("Ended early. Not reached: {packs}").format(packs=pgettext("list", "; ").join(parts))


def listed(items: list[str]) -> str:
    # TRANSLATORS: what goes between the items of a list on one line (", " in English).
    return pgettext("list", ", ").join(items)


def _scores(scores: list[ScoreLine], names: Mapping[str, str], goals: list[Goal]) -> list[Block]:
    if not scores:
        return [
            para(em(_("No scores yet: they come from packs with scores, such as the check-in.")))
        ]
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
        table = Table((_("Session"), names["a"], names["b"]), rows, frozenset({1, 2}))
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
            said = _("{label}, drawn as a dotted line in the chart.").format(label=label)
            out.append(para(em(said)))
    return out


def _day(entry: SessionEntry) -> str:
    assert entry.session is not None
    return entry.session.started.date().isoformat()


def _time(entry: SessionEntry) -> float:
    assert entry.session is not None
    return entry.session.started.timestamp()


def _value(value: ScoreValue, key: str) -> str:
    if value.value(key) is None:
        return _("not complete")
    band = value.band(key)
    said = number(shown(value.value(key)))
    return _("{value} ({band})").format(value=said, band=band) if band else said


def _agreements(data: CaseData, names: Mapping[str, str]) -> list[Block]:
    if data.agreements is None:
        return [para(em(_("The agreements file cannot be read, so no agreements are shown.")))]
    every = sorted(data.agreements.agreements, key=lambda a: (a.made, a.id))
    if not every:
        return [para(em(_("No agreements yet.")))]
    active = sum(1 for a in every if a.status == "active")
    titles = {e.id: e for e in data.sessions}
    out: list[Block] = [
        para(
            ngettext(
                "{count} agreement: {active} active, {gone} let go.",
                "{count} agreements: {active} active, {gone} let go.",
                len(every),
            ).format(count=len(every), active=active, gone=len(every) - active)
        )
    ]
    out.append(items(*(_agreement(a, names, titles) for a in every)))
    return out


def _agreement(
    agreement: Agreement, names: Mapping[str, str], sessions: Mapping[str, SessionEntry]
) -> tuple[Block, ...]:
    who = (
        _("{name} will:").format(name=names[agreement.who])
        if agreement.who in ("a", "b")
        else _("Both of you:")
    )
    made = _("Agreed on {day}").format(day=long_date(agreement.made))
    if agreement.session:
        made = _("{said}, in session {session}").format(said=made, session=agreement.session)
    source = agreement.source_title
    if not source and agreement.source:
        pack_id = agreement.source.split(".", 1)[0]
        entry = sessions.get(agreement.session or "")
        source = entry.title(pack_id) if entry else pack_id
    if source:
        made = _("{said}, from “{title}”").format(said=made, title=source)
    confirmed = [names[k] for k in ("a", "b") if k in agreement.confirmed_by]
    if len(confirmed) == 2:
        made = _("{said}; confirmed by {names}").format(
            said=made, names=both((confirmed[0], confirmed[1]))
        )
    elif confirmed:
        made = _("{said}; confirmed by {names}").format(said=made, names=confirmed[0])
    if agreement.status == "active":
        made = _("{said}. Active; next review on {day}.").format(
            said=made, day=long_date(agreement.review_on)
        )
    else:
        made = _("{said}. Let go.").format(said=made)
    out: list[Block] = [Lines(agreement.text, label=who), para(em(made))]
    if agreement.reviews:
        reviews: list[tuple[Block, ...]] = []
        for review in agreement.reviews:
            outcome = OUTCOMES.get(review.outcome)
            said = _("{day}: {outcome}").format(
                day=long_date(review.on),
                outcome=current().gettext(outcome) if outcome else review.outcome,
            )
            if review.before:
                reviews.append((para(said), Lines(review.before, label=_("Before:"))))
            else:
                reviews.append((para(said),))
        out += [para(_("Reviews:")), items(*reviews)]
    return tuple(out)


def _notes(data: CaseData, names: Mapping[str, str]) -> list[Block]:
    out: list[Block] = [
        Heading(2, _("Confidential: the counsellor's notes")),
        notice(
            strong(_("Confidential.")),
            " " + _("The counsellor's notes, DAP notes and sealed answers."),
        ),
    ]
    care = data.couple.care
    if care is not None:
        state = _("raised on {day} at {time}").format(
            day=long_date(care.raised.date()), time=clock(care.raised)
        )
        if care.session:
            state = _("{said}, in session {session}").format(said=state, session=care.session)
        if care.cleared is not None:
            state = _("{said}; cleared on {day}, the reason in its notes.").format(
                said=state, day=long_date(care.cleared.date())
            )
        else:
            state = _("{said}; not cleared.").format(said=state)
        out.append(para(strong(_("Care flag:")), " " + state))
    written = False
    for entry in data.sessions:
        notes = data.notes.get(entry.id)
        if entry.session is None or notes is None or not has_notes(notes):
            continue
        written = True
        day = long_date(entry.session.started.date())
        out.append(Heading(3, _("Session of {day} ({id})").format(day=day, id=entry.id)))
        out += blocks(entry, notes, names)
    if not written:
        out.append(para(em(_("No notes were kept for any session."))))
    return out
