"""The private safety check ("Before we begin"): which sealed answers ask for care.

Each partner answers, alone, whether they feel safe to speak openly, and whether they have felt
afraid of or controlled by their partner. An answer here that is not a clear "safe" shows that
partner, in their own turn, where to find help and a neutral way to end the session; and, for a
couple with a facilitator, the counsellor's console shows a discreet flag (``flags``) and the
care flag goes up on the case (``data/care.py``). The first answer that asked for care is the
one that counts: answering otherwise later never takes it back. Nothing on the couple's shared
screen ever changes because of these answers.

The answers that ask for care are named here by pack, step and the option's place in the
step's options (first, second, ...), never by its words: the check is the same in every
language it is written in (``before-we-begin.es.toml`` offers "Sí", "No", "No lo sé" in the
English order). A pack that replaces the built-in one with other steps, or with fewer options,
simply raises fewer flags. Where the step's options are not known (a session saved before packs
had languages, whose pack is gone), the English options stand in for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workbook.data.sealed import Given
from workbook.i18n.catalog import N_, _

PACK = "before-we-begin"
# The built-in check's options, in their order in every language: yes, no, not sure.
YES, NO, UNSURE = 0, 1, 2
SOURCE_OPTIONS = ("Yes", "No", "Not sure")
# For each step of the check: what it asks, in a few words (for the counsellor, translated when
# shown), and the places of the options that ask for care.
CARE: dict[tuple[str, str], tuple[str, frozenset[int]]] = {
    (PACK, "safe"): (N_("feels safe to speak openly here"), frozenset({NO, UNSURE})),
    (PACK, "afraid"): (
        N_("has felt afraid of or controlled by the partner"),
        frozenset({YES, UNSURE}),
    ),
}
Options = Mapping[tuple[str, str], Sequence[str]]


def options_of(packs: Iterable[Any]) -> dict[tuple[str, str], Sequence[str]]:
    """The options of each step of ``packs`` (pack models) the check knows, by pack and step."""
    found: dict[tuple[str, str], Sequence[str]] = {}
    for pack in packs:
        for step in getattr(pack, "steps", ()):
            if (pack.id, step.id) in CARE and isinstance(getattr(step, "options", None), list):
                found[(pack.id, step.id)] = step.options
    return found


def _cares(care: frozenset[int], options: Sequence[str] | None, value: str) -> bool:
    listed = list(SOURCE_OPTIONS if options is None else options)
    return value in listed and listed.index(value) in care


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
        # Whole sentences, one per shape, so that a language can order them its own way.
        said = {"name": name, "answer": self.answer, "question": self.question}
        if self.at is not None:
            said["time"] = f"{self.at:%H:%M}"
        if self.later is not None:
            said["later"] = self.later
        if self.at is not None and self.later is not None:
            line = _('{name}: "{answer}" at {time} ({question}), then "{later}" later')
        elif self.at is not None:
            line = _('{name}: "{answer}" at {time} ({question})')
        elif self.later is not None:
            line = _('{name}: "{answer}" ({question}), then "{later}" later')
        else:
            line = _('{name}: "{answer}" ({question})')
        return line.format(**said)


def _picked(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def asks_for_care(pack: str, step: str, value: Any, options: Sequence[str] | None = None) -> bool:
    """True when ``value``, one partner's answer to a step of the check whose options are
    ``options`` (in the pack's language), asks for care."""
    found = CARE.get((pack, step))
    return found is not None and any(_cares(found[1], options, v) for v in _picked(value))


def flags(given: Mapping[str, Any], options: Options | None = None) -> list[Flag]:
    """The answers that asked for care, from a notes file's sealed answers as given
    (``given[pack][step]``, a list of ``Given``, as ``NotesFile.read().given`` has it), partner
    a first: for each partner and step, the first answer that asked, never undone by a later
    one. ``options`` gives each step's options in the language the session used
    (``options_of``). Anything of another shape is passed over."""
    found: list[Flag] = []
    for partner in ("a", "b"):
        for (pack, step), (question, care) in CARE.items():
            listed = (options or {}).get((pack, step))
            steps = given.get(pack)
            entries = steps.get(step) if isinstance(steps, Mapping) else None
            mine = [g for g in entries or () if isinstance(g, Given) and g.who == partner]
            first = next(
                (g for g in mine if any(_cares(care, listed, v) for v in _picked(g.answer))),
                None,
            )
            if first is None:
                continue
            picked = next(v for v in _picked(first.answer) if _cares(care, listed, v))
            later = None
            if mine[-1] is not first:
                later = ", ".join(_picked(mine[-1].answer)) or "no answer"
            found.append(Flag(partner, pack, step, question, picked, first.at, later))
    return found
