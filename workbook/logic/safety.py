"""The private safety check ("Before we begin"): which sealed answers ask for care.

Each partner answers, alone, whether they feel safe to speak openly, and whether they have felt
afraid of or controlled by their partner. An answer here that is not a clear "safe" shows that
partner, in their own turn, where to find help and a neutral way to end the session; and, for a
couple with a facilitator, the counsellor's console shows a discreet flag (``flags``) and the
care flag goes up on the case (``data/care.py``). The first answer that asked for care is the
one that counts: answering otherwise later never takes it back. Nothing on the couple's shared
screen ever changes because of these answers.

The answers that ask for care are named here, by pack, step and option, so a pack that replaces
the built-in one with other steps or options simply raises no flags.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workbook.data.sealed import Given

PACK = "before-we-begin"
UNSURE = "Not sure"
# For each step of the check: what it asks, in a few words, and the answers that ask for care.
CARE: dict[tuple[str, str], tuple[str, frozenset[str]]] = {
    (PACK, "safe"): ("feels safe to speak openly here", frozenset({"No", UNSURE})),
    (PACK, "afraid"): (
        "has felt afraid of or controlled by the partner",
        frozenset({"Yes", UNSURE}),
    ),
}


@dataclass(frozen=True)
class Flag:
    """One partner's answer that asked the counsellor's attention: the first that did, at a
    step of the check, whatever was answered after it (``later``: the latest, if another)."""

    partner: str  # a | b
    pack: str
    step: str
    question: str  # what the step asks, in a few words
    answer: str
    at: datetime | None = None
    later: str | None = None

    def describe(self, name: str) -> str:
        """One quiet line for the counsellor: 'Sam: "Not sure" at 19:16 (feels safe to speak
        openly here), then "Yes" later'."""
        when = f" at {self.at:%H:%M}" if self.at is not None else ""
        then = f', then "{self.later}" later' if self.later is not None else ""
        return f'{name}: "{self.answer}"{when} ({self.question}){then}'


def _picked(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def asks_for_care(pack: str, step: str, value: Any) -> bool:
    """True when ``value``, one partner's answer to a step of the check, asks for care."""
    found = CARE.get((pack, step))
    return found is not None and any(v in found[1] for v in _picked(value))


def flags(given: Mapping[str, Any]) -> list[Flag]:
    """The answers that asked for care, from a notes file's sealed answers as given
    (``given[pack][step]``, a list of ``Given``, as ``NotesFile.read().given`` has it), partner
    a first: for each partner and step, the first answer that asked, never undone by a later
    one. Anything of another shape is passed over."""
    found: list[Flag] = []
    for partner in ("a", "b"):
        for (pack, step), (question, care) in CARE.items():
            steps = given.get(pack)
            entries = steps.get(step) if isinstance(steps, Mapping) else None
            mine = [g for g in entries or () if isinstance(g, Given) and g.who == partner]
            first = next((g for g in mine if any(v in care for v in _picked(g.answer))), None)
            if first is None:
                continue
            picked = next(v for v in _picked(first.answer) if v in care)
            later = None
            if mine[-1] is not first:
                later = ", ".join(_picked(mine[-1].answer)) or "no answer"
            found.append(Flag(partner, pack, step, question, picked, first.at, later))
    return found
