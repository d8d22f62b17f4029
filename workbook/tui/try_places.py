"""The palette of ``workbook try``: go to any step and any of its phases.

An author checks a reveal, a hand-over or the second partner's turn without answering every
step before it. Only ``workbook try`` offers this: in a real session a partner's turn and the
reveal are reached in order, so that nobody sees an answer before its time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workbook.i18n.catalog import N_, Translations
from workbook.logic.phases import (
    FIRST,
    HANDOVER,
    LIST,
    LOOKAWAY,
    ONLY,
    REVEAL,
    SEALED,
    SECOND,
    SPLIT,
)
from workbook.logic.walk import Place, phases
from workbook.tui.plain import line

# What each phase is, for a line of the palette; a partner's turn names the partner.
_PHASES = {
    LOOKAWAY: N_("before the first turn (the other looks away)"),
    HANDOVER: N_("the hand-over"),
    REVEAL: N_("the reveal"),
    SEALED: N_("after the sealed answers"),
    LIST: N_("the task list"),
    SPLIT: N_("the split"),
    ONLY: "",
}


class TryPlaces(Provider):
    """ "Go to: <step> › <phase>" for every place of the pack being tried."""

    def _places(self) -> list[tuple[str, Callable[[], Any], str]]:
        from workbook.tui.screens.walk import WalkScreen

        screen = self.screen
        if not isinstance(screen, WalkScreen):
            return []
        found: list[tuple[str, Callable[[], Any], str]] = []
        walk, tr = screen.walk, screen.tr
        for place in walk.places:
            step = walk.step(place)
            if len(phases(step)) < 2:
                continue  # "Go to step" goes there already
            name = _phase_name(place, walk, screen.names, tr)
            title = step.title or step.id
            found.append(
                (
                    tr._("Go to: {title} › {phase}").format(title=title, phase=name),
                    partial(_go, screen, place),
                    tr._("Step {number}, {phase}").format(number=place.step + 1, phase=name),
                )
            )
        return found

    # Step titles are pack text: shown as plain Content, never through the matcher's highlight.
    async def discover(self) -> Hits:
        for name, callback, help_text in self._places():
            yield DiscoveryHit(line(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._places():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, line(name), callback, text=name, help=help_text)


def _phase_name(place: Place, walk: Any, names: dict[str, str], tr: Translations) -> str:
    if place.phase in (FIRST, SECOND):
        who = names.get(walk.answering(place) or "a", "")
        return tr._("{name}'s turn").format(name=who)
    phase = _PHASES.get(place.phase, place.phase)
    return tr.gettext(phase) if phase else ""


def _go(screen: Any, place: Place) -> None:
    screen.run_worker(screen.go(place))
