"""History over sessions: each partner's scale answers to recurring packs (trends), and every
pack score, session after session."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from workbook.data.answers.kinds import read_answer
from workbook.data.models import Session
from workbook.i18n.catalog import _, ngettext, pgettext
from workbook.logic.scores import pack_scores
from workbook.packs.models import Pack
from workbook.text import fit

SPARKS = "▁▂▃▄▅▆▇█"


@dataclass
class Series:
    """One scale line of a recurring pack, over the sessions that answered it."""

    pack: str
    step: str
    item: str | None
    low: int
    high: int
    sessions: list[str] = field(default_factory=list)
    a: list[int | None] = field(default_factory=list)
    b: list[int | None] = field(default_factory=list)


PacksOf = Callable[[Session], Mapping[str, Pack]]


def trends(sessions: Iterable[Session], packs: Mapping[str, Pack] | PacksOf) -> list[Series]:
    """Every scale line of every recurring pack, in pack and step order, oldest session first.

    ``packs`` gives the packs, by id: one set for every session, or, called with a session,
    the versions that session kept (``logic/session_packs.py``). A line's words and range are
    those of the latest version that has it.

    A line is an item's place in its step, not its words: the same check-in in English and in
    Spanish ("Trust", "Confianza") continues one line, whichever language a session used. An
    author who rewords an item keeps its line; one who moves items starts new ones (authoring.md
    says to add items at the end).
    """
    if callable(packs):
        packs_of = packs
    else:
        fixed = packs
        packs_of = lambda _session: fixed  # noqa: E731 - the same packs for every session
    found: dict[tuple[str, str, int], Series] = {}
    order: dict[tuple[str, str, int], tuple[int, int, int]] = {}
    pack_order: dict[str, int] = {}
    for session in sorted(sessions, key=lambda s: s.id):
        for pack_id, pack in packs_of(session).items():
            if not pack.recurring:
                continue
            place = pack_order.setdefault(pack_id, len(pack_order))
            for step_index, step in enumerate(pack.steps):
                if not step.rules.rated or getattr(step, "answer", None) == "together":
                    continue
                rated: Any = step  # a kind with ratings has items, min and max
                table = session.answer(pack_id, step.id)
                ratings: dict[str, Any] = {}
                if table:
                    answer = read_answer(step, table)
                    ratings = {key: answer.ratings(step, key) for key in ("a", "b")}
                items: list[str | None] = list(rated.items) or [None]
                for item_index, item in enumerate(items):
                    key = (pack_id, step.id, item_index)
                    series = found.get(key)
                    if series is None:
                        series = found[key] = Series("", "", item, rated.min, rated.max)
                    series.pack, series.step = pack.title, step.title or step.id
                    series.item = item
                    series.low, series.high = rated.min, rated.max
                    order[key] = (place, step_index, item_index)
                    if any(ratings.values()):
                        series.sessions.append(session.id)
                        series.a.append(ratings["a"].get(item))
                        series.b.append(ratings["b"].get(item))
    ordered = sorted(found, key=lambda key: order[key])
    return [found[key] for key in ordered if found[key].sessions]


def sparkline(values: list[int | None], low: int, high: int) -> str:
    """``values`` as a row of bars from low to high; a gap where there was no answer."""
    span = max(high - low, 1)
    return "".join(
        " " if v is None else SPARKS[round((min(max(v, low), high) - low) / span * 7)]
        for v in values
    )


def history_text(series: list[Series], names: Mapping[str, str], width: int = 40) -> str:
    """The trends as plain text, the last ``width`` check-ins of each line, in the language
    being spoken (``i18n.speaking``); names are padded by the cells they take on screen."""
    if not series:
        return _("No check-ins with scale answers yet.")
    lines: list[str] = []
    heading = None
    for s in series:
        if (s.pack, s.step) != heading:
            heading = (s.pack, s.step)
            count = len(s.sessions)
            lines += [
                "",
                ngettext(
                    "{pack}: {step} ({count} check-in, {first} to {last})",
                    "{pack}: {step} ({count} check-ins, {first} to {last})",
                    count,
                ).format(
                    pack=s.pack,
                    step=s.step,
                    count=count,
                    first=s.sessions[0][:10],
                    last=s.sessions[-1][:10],
                ),
            ]
        item = s.item or pgettext("a scale without items", "Overall")
        lines.append("  " + _("{item} ({low} to {high})").format(item=item, low=s.low, high=s.high))
        for key, values in (("a", s.a), ("b", s.b)):
            answered = [v for v in values if v is not None]
            if not answered:
                continue
            change = answered[-1] - answered[0]
            if change == 0:
                trend = _("latest {latest}, steady since the first")
            elif change > 0:
                trend = _("latest {latest}, up {change} since the first")
            else:
                trend = _("latest {latest}, down {change} since the first")
            said = trend.format(latest=answered[-1], change=abs(change))
            spark = sparkline(values[-width:], s.low, s.high)
            lines.append(f"    {fit(names[key], 12)} {spark}  {said}")
    return "\n".join(lines[1:])


@dataclass
class ScoreSeries:
    """One score of one pack, over the sessions that completed it for at least one partner."""

    pack: str
    score: str
    title: str
    sessions: list[str] = field(default_factory=list)
    a: list[float | None] = field(default_factory=list)
    b: list[float | None] = field(default_factory=list)
    band_a: list[str | None] = field(default_factory=list)
    band_b: list[str | None] = field(default_factory=list)


def score_history(
    sessions: Iterable[Session], packs_of: Callable[[Session], Mapping[str, Pack]]
) -> list[ScoreSeries]:
    """Every score of the packs each session used (``packs_of`` gives them), oldest first."""
    found: dict[tuple[str, str], ScoreSeries] = {}
    for session in sorted(sessions, key=lambda s: s.id):
        for pack_id, pack in packs_of(session).items():
            if not pack.scores:
                continue
            values = pack_scores(pack, _tables(session, pack_id))
            for value in values:
                if value.a is None and value.b is None:
                    continue
                series = found.setdefault(
                    (pack_id, value.id), ScoreSeries(pack.title, value.id, value.title)
                )
                series.sessions.append(session.id)
                series.a.append(value.a)
                series.b.append(value.b)
                series.band_a.append(value.band_a)
                series.band_b.append(value.band_b)
    return list(found.values())


def _tables(session: Session, pack_id: str) -> Callable[[str], dict[str, Any]]:
    return lambda step_id: session.answer(pack_id, step_id)
