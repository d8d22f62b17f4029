"""A session summary: the agenda walked step by step, with both answers and the comparisons.

The facilitator's notes appear only when asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbook.data.models import Agreements, Couple, Session
from workbook.export.agreement_doc import agreement_line
from workbook.export.markdown import block, bullets, heading, inline, long_date, names_and
from workbook.kinds import REGISTRY
from workbook.packs.load import LoadedPack
from workbook.packs.models import Pack
from workbook.packs.placeholders import neutral


def summary_markdown(
    couple: Couple,
    session: Session,
    packs: Mapping[str, LoadedPack],
    agreements: Agreements,
    *,
    include_notes: bool = False,
) -> str:
    """The session summary as CommonMark."""
    names: dict[str, str] = {p.key: p.name for p in couple.partners}
    out = [heading(1, f"Session of {long_date(session.started.date())}"), _people(couple)]
    started = session.started.strftime("%H:%M")
    if session.finished:
        out.append(f"Started at {started}, finished at {session.finished.strftime('%H:%M')}.")
    else:
        out.append(f"Started at {started}. This session is not finished yet.")
    for pack_id in session.agenda:
        out += _pack_section(pack_id, session, packs.get(pack_id), names)
    made = [a for a in agreements.agreements if a.session == session.id]
    out.append(heading(2, "Agreements made in this session"))
    out.append(
        bullets(agreement_line(a, names) for a in made) if made else "*None in this session.*"
    )
    notes = session.facilitator.notes if session.facilitator else ""
    if include_notes and notes.strip():
        out += [heading(2, "Facilitator's notes"), block(notes)]
    return "\n\n".join(out) + "\n"


def _people(couple: Couple) -> str:
    line = names_and(couple.names)
    if couple.facilitator:
        line += f", with {inline(couple.facilitator)}"
    return line + "."


def _pack_section(
    pack_id: str, session: Session, loaded: LoadedPack | None, names: dict[str, str]
) -> list[str]:
    used = session.packs.get(pack_id)
    pack = loaded.pack if loaded else None
    title = pack.title if pack else used.title if used else pack_id
    out = [heading(2, title)]
    answers = session.pack_answers(pack_id)
    if pack is None:
        out.append(
            "*This pack is not in the library any more, so its prompts are missing. "
            "The answers are kept in the session file.*"
        )
        return out
    if used and loaded and used.digest != loaded.digest:
        out.append("*This pack has changed since the session; the prompts are today's.*")
    for step in pack.steps:
        parts = REGISTRY[step.kind]
        table = answers.get(step.id, {})
        if parts.render is None or not table:
            continue
        out += _step_section(step, table, names, parts.render)
    out += _orphans(pack, answers)
    return out


def _step_section(
    step: Any, table: dict[str, Any], names: dict[str, str], render: Any
) -> list[str]:
    prompt = neutral(step.prompt)
    out = [heading(3, step.title or prompt)]
    if step.title:
        out.append(f"*{inline(prompt)}*")
    return out + list(render(step, table, names))


def _orphans(pack: Pack, answers: dict[str, Any]) -> list[str]:
    known = {step.id for step in pack.steps}
    missing = sorted(set(answers) - known)
    if not missing:
        return []
    listed = ", ".join(inline(step_id) for step_id in missing)
    return [f"*Answers to steps this pack no longer has are kept in the session file: {listed}.*"]
