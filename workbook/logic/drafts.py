"""Draft agreement terms offered from the outcomes of earlier steps, each saying who does it.

The couple edits or ignores every offer; these only save typing and point at what came up.
An optional private step left blank by one or both offers nothing (``logic/skips.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbook.data.answers.kinds import read_answer
from workbook.data.models import Session
from workbook.logic.skips import kept_back
from workbook.logic.terms import Offer, terms_for
from workbook.packs.models import Pack

__all__ = ["Offer", "offers"]


def offers(pack: Pack, step: Any, session: Session, names: Mapping[str, str]) -> list[Offer]:
    """Terms suggested by the steps that ``step.from_`` names, in that order, without repeats."""
    found: list[Offer] = []
    known = {s.id: s for s in pack.steps}
    for step_id in step.from_:
        source = known.get(step_id)
        terms = terms_for(source) if source is not None else None
        if source is None or terms is None:
            continue
        answer = read_answer(source, session.answer(pack.id, step_id))
        if kept_back(source, answer):
            continue
        for text, who, writer in terms(source, answer, names):
            found.append(Offer(text, f"{pack.id}.{step_id}", who, writer))
    unique: dict[tuple[str, str], Offer] = {}
    for offer in found:
        unique.setdefault((offer.text.casefold(), offer.who), offer)
    return list(unique.values())
