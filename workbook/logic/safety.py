"""The private safety check ("Before we begin"): which sealed answers ask for care.

Each partner answers, alone, whether they feel safe to speak openly, and whether they have felt
afraid of or controlled by their partner. An answer here that is not a clear "safe" shows that
partner, in their own turn, where to find help and a neutral way to end the session; and, for a
couple with a facilitator, the counsellor's console shows a discreet flag (``flags``). Nothing
on the couple's shared screen ever changes because of these answers.

The answers that ask for care are named here, by pack, step and option, so a pack that replaces
the built-in one with other steps or options simply raises no flags.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

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
    """One partner's answer that asks the counsellor's attention."""

    partner: str  # a | b
    pack: str
    step: str
    question: str  # what the step asks, in a few words
    answer: str

    def describe(self, name: str) -> str:
        """One quiet line for the console: 'Sam: "Not sure" (feels safe to speak openly here)'."""
        return f'{name}: "{self.answer}" ({self.question})'


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


def flags(sealed: Mapping[str, Any]) -> list[Flag]:
    """The answers that ask for care, from a notes file's ``sealed`` table
    (``sealed[pack][step][partner]``, as ``NotesFile.read().sealed`` gives it), partner a first.
    Anything of another shape is passed over."""
    found: list[Flag] = []
    for partner in ("a", "b"):
        for (pack, step), (question, care) in CARE.items():
            steps = sealed.get(pack)
            answers = steps.get(step) if isinstance(steps, Mapping) else None
            value = answers.get(partner) if isinstance(answers, Mapping) else None
            found += [
                Flag(partner, pack, step, question, picked)
                for picked in _picked(value)
                if picked in care
            ]
    return found
