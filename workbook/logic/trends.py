"""Check-in trends: each partner's scale answers to recurring packs, session after session."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from workbook.data.answers import read_values
from workbook.data.models import Session
from workbook.packs.models import Pack

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


def trends(sessions: Iterable[Session], packs: Mapping[str, Pack]) -> list[Series]:
    """Every scale line of every recurring pack, in pack and step order, oldest session first."""
    found: dict[tuple[str, str, str | None], Series] = {}
    for pack in packs.values():
        if not pack.recurring:
            continue
        for step in pack.steps:
            if step.kind != "scale" or step.answer == "together":
                continue
            items: list[str | None] = list(step.items) or [None]
            for item in items:
                found[(pack.id, step.id, item)] = Series(
                    pack.title, step.title or step.id, item, step.min, step.max
                )
    for session in sorted(sessions, key=lambda s: s.id):
        for (pack_id, step_id, item), series in found.items():
            table = session.answer(pack_id, step_id)
            if not table:
                continue
            values = read_values("scale", "each-private", table)
            if not values:
                continue
            series.sessions.append(session.id)
            for key, out in (("a", series.a), ("b", series.b)):
                value = values.get(key)
                number = value.get(item) if isinstance(value, dict) and item else value
                out.append(number if isinstance(number, int) else None)
    return [s for s in found.values() if s.sessions]


def sparkline(values: list[int | None], low: int, high: int) -> str:
    """``values`` as a row of bars from low to high; a gap where there was no answer."""
    span = max(high - low, 1)
    return "".join(
        " " if v is None else SPARKS[round((min(max(v, low), high) - low) / span * 7)]
        for v in values
    )


def history_text(series: list[Series], names: Mapping[str, str], width: int = 40) -> str:
    """The trends as plain text, the last ``width`` check-ins of each line."""
    if not series:
        return "No check-ins with scale answers yet."
    lines: list[str] = []
    heading = None
    for s in series:
        if (s.pack, s.step) != heading:
            heading = (s.pack, s.step)
            first, last = s.sessions[0][:10], s.sessions[-1][:10]
            count = len(s.sessions)
            lines += [
                "",
                f"{s.pack}: {s.step} ({count} check-in{'s' if count != 1 else ''}, "
                f"{first} to {last})",
            ]
        lines.append(f"  {s.item or 'Overall'} ({s.low} to {s.high})")
        for key, values in (("a", s.a), ("b", s.b)):
            answered = [v for v in values if v is not None]
            if not answered:
                continue
            change = answered[-1] - answered[0]
            trend = "steady" if change == 0 else f"{'up' if change > 0 else 'down'} {abs(change)}"
            lines.append(
                f"    {names[key][:12]:<12} {sparkline(values[-width:], s.low, s.high)}  "
                f"latest {answered[-1]}, {trend} since the first"
            )
    return "\n".join(lines[1:])
