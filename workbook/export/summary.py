"""A session summary: the agenda walked step by step, with both answers, the comparisons, the
scores, how long each pack took, the agreements reviewed in it and the agreements made, as they
stood that day (``agreement_history.py``): what came after is a later note with its date.

Each pack is read as the session used it (``logic/session_packs.py``). A pack the session never
reached says so in one line, and a session ended early lists the steps it did not reach; times
carry their time zone. Sealed steps (``each-sealed``) never appear: their answers are not the
couple's to share. It is the couple's document, so it never holds a note: the counsellor's
notes are a document of their own (``session_notes.py``). What could not be read of an answer
is left out and added to ``problems``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from workbook.data.answers.kinds import read_answer
from workbook.data.models import Agreements, Couple, Session
from workbook.data.trail import Ending, ending, moves, time_per_pack
from workbook.export.agreement_history import made_item, reviewed_items
from workbook.export.markdown import heading, inline, long_date, names_and, number
from workbook.export.steps import renderer
from workbook.i18n.catalog import N_, _, current, ngettext, pgettext, speaking
from workbook.i18n.said import Words
from workbook.logic.phases import REVEAL, is_sealed
from workbook.logic.scores import pack_scores, shown
from workbook.logic.session_packs import SessionPack
from workbook.logic.skips import kept_back
from workbook.packs.models import Pack
from workbook.packs.placeholders import neutral

NOT_REACHED = N_("Not reached in this session.")


def not_reached() -> str:
    return "*" + current().gettext(NOT_REACHED) + "*"


def clock(moment: datetime) -> str:
    """A time of day with its offset from UTC: 19:05 (UTC+01:00)."""
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    hours, rest = divmod(abs(int(offset.total_seconds())), 3600)
    # TRANSLATORS: a time of day with its offset from UTC: "19:05 (UTC+01:00)".
    return _("{time} (UTC{offset})").format(
        time=f"{moment:%H:%M}", offset=f"{sign}{hours:02d}:{rest // 60:02d}"
    )


def minutes(spent: timedelta) -> str:
    count = max(round(spent.total_seconds() / 60), 1)
    return ngettext("{count} minute", "{count} minutes", count).format(count=count)


def summary_markdown(
    couple: Couple,
    session: Session,
    packs: Mapping[str, SessionPack],
    agreements: Agreements,
    *,
    problems: list[Words] | None = None,
) -> str:
    """The session summary as CommonMark: the couple's own, with no note in it, in the couple's
    language."""
    with speaking(couple.language):
        return _summary(couple, session, packs, agreements, problems)


def _summary(
    couple: Couple,
    session: Session,
    packs: Mapping[str, SessionPack],
    agreements: Agreements,
    problems: list[Words] | None,
) -> str:
    names: dict[str, str] = {p.key: p.name for p in couple.partners}
    title = _("Session of {day}").format(day=long_date(session.started.date()))
    out = [heading(1, title), _people(couple)]
    started = clock(session.started)
    ended = ending(session.trail)
    if session.finished:
        length = minutes(session.finished - session.started)
        finished = clock(session.finished)
        said = (
            _("Started at {start}, finished at {end} before the end of its agenda: {length}.")
            if ended
            else _("Started at {start}, finished at {end}: {length}.")
        )
        out.append(said.format(start=started, end=finished, length=length))
    else:
        out.append(_("Started at {start}. This session is not finished yet.").format(start=started))
    reviewed = reviewed_items(agreements, session.id, names)
    if reviewed:
        out += [heading(2, _("Agreements reviewed in this session")), "\n\n".join(reviewed)]
    trail = moves(session.trail)
    spent = time_per_pack(trail, session.finished or session.updated)
    reached = reached_packs(session, {move.pack for move in trail})
    revealed = {(move.pack, move.step) for move in trail if move.phase == REVEAL}
    for pack_id in session.agenda:
        found = packs.get(pack_id) or SessionPack(pack_id, None)
        section = _pack_section(
            found, session, names, reached, revealed, spent.get(pack_id), problems
        )
        out += _not_reached(found, ended, section)
    made = [a for a in agreements.agreements if a.session == session.id]
    out.append(heading(2, _("Agreements made in this session")))
    if made:
        out.append("\n\n".join(made_item(a, names) for a in made))
    else:
        out.append("*" + _("None in this session.") + "*")
    return "\n\n".join(out) + "\n"


def _people(couple: Couple) -> str:
    people = names_and(couple.names)
    if couple.facilitator:
        people = _("{people}, with {facilitator}").format(
            people=people, facilitator=inline(couple.facilitator)
        )
    # TRANSLATORS: the couple's names at the top of a summary: "Sam and Alex, with Dr. Lee."
    return _("{people}.").format(people=people)


def reached_packs(session: Session, moved: set[str]) -> set[str]:
    """The packs the couple reached: moved into, answered, or before where they stand."""
    reached = moved | {pack_id for pack_id in session.agenda if session.pack_answers(pack_id)}
    if session.position is not None and session.position.pack in session.agenda:
        at = session.agenda.index(session.position.pack)
        reached |= set(session.agenda[: at + 1])
    return reached


def _pack_section(
    found: SessionPack,
    session: Session,
    names: dict[str, str],
    reached: set[str],
    revealed: set[tuple[str, str]],
    spent: timedelta | None,
    problems: list[Words] | None,
) -> list[str]:
    used = session.packs.get(found.id)
    pack = found.pack
    title = pack.title if pack else used.title if used else found.id
    out = [heading(2, title)]
    if found.id not in reached:
        return [*out, not_reached()]
    if spent is not None:
        out.append(
            "*" + _("Time on this pack: about {length}.").format(length=minutes(spent)) + "*"
        )
    if found.note:
        out.append(f"*{found.note}*")
    if pack is None:
        return out
    answers = session.pack_answers(pack.id)
    for step in pack.steps:
        render = renderer(step)
        table = answers.get(step.id)
        if render is None or is_sealed(step):
            continue
        answer = read_answer(step, table, problems, f"answers.{pack.id}.{step.id}")
        # A step nobody answered is left out, unless it is an optional private step the
        # couple saw the reveal of: it says what it says when one of them left it blank.
        if not table and not ((pack.id, step.id) in revealed and kept_back(step, answer)):
            continue
        out += _step_section(step, answer, names, render)
    out += _scores(pack, session, names, {s for p, s in revealed if p == pack.id})
    out += _orphans(pack, answers)
    return out


def _not_reached(found: SessionPack, ended: Ending | None, section: list[str]) -> list[str]:
    """A pack's section, with the steps an early end did not reach: the whole pack in one line
    when it reached none of them."""
    prefix = f"{found.id}."
    missed = (
        [s.removeprefix(prefix) for s in ended.not_reached if s.startswith(prefix)] if ended else []
    )
    if not missed:
        return section
    pack = found.pack
    if pack is not None and {step.id for step in pack.steps} <= set(missed):
        return [section[0], not_reached()]
    titles = (
        {
            step.id: step.title or neutral(getattr(step, "prompt", "")) or step.id
            for step in pack.steps
        }
        if pack
        else {}
    )
    listed = ", ".join(inline(titles.get(step_id, step_id)) for step_id in missed)
    said = _("Not reached, as the session was ended early: {steps}.").format(steps=listed)
    return [*section, f"*{said}*"]


def _step_section(step: Any, answer: Any, names: dict[str, str], render: Any) -> list[str]:
    prompt = neutral(getattr(step, "prompt", "") or "")
    out = [heading(3, step.title or prompt or step.id)]
    if step.title and prompt:
        out.append(f"*{inline(prompt)}*")
    return out + list(render(step, answer, names))


def _scores(pack: Pack, session: Session, names: dict[str, str], revealed: set[str]) -> list[str]:
    found = pack_scores(pack, lambda step_id: session.answer(pack.id, step_id), revealed)
    if not found:
        return []
    lines = [f"- {score_line(score, names)}" for score in found]
    return [heading(3, _("Scores")), "\n".join(lines)]


def _orphans(pack: Pack, answers: dict[str, Any]) -> list[str]:
    known = {step.id for step in pack.steps}
    missing = sorted(set(answers) - known)
    if not missing:
        return []
    listed = ", ".join(inline(step_id) for step_id in missing)
    said = _("Answers to steps this pack no longer has are kept in the session file: {steps}.")
    return ["*" + said.format(steps=listed) + "*"]


def score_line(score: Any, names: Mapping[str, str]) -> str:
    """One score for both partners, escaped: "Overall: Sam 4 (good), Alex 3"; a score of a
    step the couple passed says so, once for both, never whose it was: "Balance: passed"."""
    if getattr(score, "passed", False):
        # TRANSLATORS: a score of a step the couple passed (left blank): "Balance: passed".
        return _("{score}: passed").format(score=inline(score.title))
    each = []
    for key in ("a", "b"):
        band = score.band(key)
        value = score_value(score.value(key))
        each.append(
            _("{name} {value} ({band})").format(
                name=inline(names[key]), value=value, band=inline(band)
            )
            if band
            else _("{name} {value}").format(name=inline(names[key]), value=value)
        )
    return _("{score}: {values}").format(score=inline(score.title), values=_list(each))


def score_value(value: float | None) -> str:
    """A score as ``shown`` gives it, with the language's digits and decimal sign."""
    if value is None:
        return _("not complete")
    return number(shown(value))


def _list(items: list[str]) -> str:
    # TRANSLATORS: what goes between the items of a list on one line (", " in English).
    return pgettext("list", ", ").join(items)
