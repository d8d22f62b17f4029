"""Advice for a request: the benefit to the one asking against the cost to the one giving.

Ratings run from 1 (small) to 5 (big). Asking what your partner wants does not mean you must do
it; it means you care about it. "Not now" still counts as having considered it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbook.i18n.catalog import N_, _

LOW, HIGH = 2, 4
DECISIONS = ("yes", "no", "third", "later")
# Marked for the catalog, translated where shown (``tr.gettext(DECISION_WORDS[...])``).
DECISION_WORDS = {
    "yes": N_("Yes"),
    "no": N_("No, kindly"),
    "third": N_("A third option"),
    "later": N_("Later: kept for a check-in"),
}


@dataclass(frozen=True)
class Advice:
    kind: str  # easy-yes | easy-no | third-option | small-both | weigh-it
    text: str


def advise(benefit: int, cost: int, asker: str, giver: str) -> Advice:
    """What the ratings suggest, in words for both partners, in the language being spoken."""
    if benefit >= HIGH and cost <= LOW:
        said = _("A big help to {asker} at a small cost to {giver}: an easy yes.")
        return Advice("easy-yes", said.format(asker=asker, giver=giver))
    if benefit <= LOW and cost >= HIGH:
        said = _("A small gain for {asker} at a big cost to {giver}: it is fine to say no, kindly.")
        return Advice("easy-no", said.format(asker=asker, giver=giver))
    if benefit >= HIGH and cost >= HIGH:
        said = _(
            "It matters a lot to {asker} and costs {giver} a lot: look together for a third "
            "option that gives you both more."
        )
        return Advice("third-option", said.format(asker=asker, giver=giver))
    if benefit <= LOW and cost <= LOW:
        return Advice("small-both", _("Small either way: saying yes costs little, so why not try?"))
    said = _(
        "Not clear-cut: talk it through. If {giver} can't now, 'later' still counts: "
        "it was heard and considered."
    )
    return Advice("weigh-it", said.format(asker=asker, giver=giver))


@dataclass(frozen=True)
class SetAside:
    """A request decided "later" in an earlier session, not yet brought back."""

    ref: str  # "<session id>:<number>", counting from 1 over all that session's requests
    row: Mapping[str, object]


def set_aside(tables: Sequence[tuple[str, Sequence[Mapping[str, object]]]]) -> list[SetAside]:
    """The requests still waiting: decided "later", and not brought back in a later session.

    ``tables`` holds, for each session in order, its id and the request rows of its requests
    steps. A brought-back request names the one it came from in ``again_of``.
    """
    waiting: dict[str, SetAside] = {}
    for session_id, rows in tables:
        for number, row in enumerate(rows, 1):
            again = row.get("again_of")
            if isinstance(again, str):
                waiting.pop(again, None)
            if row.get("decision") == "later":
                ref = f"{session_id}:{number}"
                waiting[ref] = SetAside(ref, row)
    return list(waiting.values())
