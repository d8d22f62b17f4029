"""What the reveal compares: scale gaps, shared and one-sided choices, shared ranks.

Both partners carry the same weight in every comparison: swapping them swaps the result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ScaleRow:
    """One item of a scale, as each partner rated it."""

    item: str | None
    a: int | None
    b: int | None
    flagged: bool

    @property
    def apart(self) -> int | None:
        return None if self.a is None or self.b is None else abs(self.a - self.b)


def compare_scale(
    items: Sequence[str],
    a: Mapping[str | None, int] | None,
    b: Mapping[str | None, int] | None,
    gap: int | None,
) -> list[ScaleRow]:
    """A row per item (or one row, item None, for a scale without items), flagged where the two
    ratings differ by ``gap`` or more. ``a`` and ``b`` map items to ratings."""
    rows = []
    for item in list[str | None](items) or [None]:
        ra = a.get(item) if a else None
        rb = b.get(item) if b else None
        flagged = gap is not None and ra is not None and rb is not None and abs(ra - rb) >= gap
        rows.append(ScaleRow(item, ra, rb, flagged))
    return rows


@dataclass(frozen=True)
class ChoiceComparison:
    shared: list[str]
    only_a: list[str]
    only_b: list[str]


def compare_choice(a: Sequence[str], b: Sequence[str]) -> ChoiceComparison:
    """What both picked (in A's order, then B's), and what only one of them picked."""
    in_b = set(b)
    in_a = set(a)
    return ChoiceComparison(
        shared=[x for x in a if x in in_b],
        only_a=[x for x in a if x not in in_b],
        only_b=[x for x in b if x not in in_a],
    )


@dataclass(frozen=True)
class RankRow:
    item: str
    a: int
    b: int


def compare_rank(a: Sequence[str], b: Sequence[str]) -> list[RankRow]:
    """The items both ranked, with both 1-based positions, the most agreed on first.

    Sorted by the sum of positions, then by the larger position, then by the item, so that the
    order favours neither partner.
    """
    pos_a = {item: i + 1 for i, item in enumerate(a)}
    pos_b = {item: i + 1 for i, item in enumerate(b)}
    rows = [RankRow(item, pos_a[item], pos_b[item]) for item in pos_a if item in pos_b]
    return sorted(rows, key=lambda r: (r.a + r.b, max(r.a, r.b), r.item))
