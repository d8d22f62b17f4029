"""A fair split of household work for two: the adjusted-winner procedure, turned around for chores.

Each partner says how heavy each task is for them. By their own measure, each partner's tasks add
up to 100. Every task first goes to the partner who minds it less; then the partner carrying more
hands tasks over, cheapest for the receiver relative to the giver first, until one more would
flip who carries more; that task is shared. The result: both carry the same share by their own
measure (equitable), neither would rather have the other's share (envy-free), no other split is
better for both (efficient), and at most one task is shared.

Ties are broken by a stated rule, so the same ratings always give the same split: a task that
both mind equally goes to whoever carries less so far (the first partner if that is equal too),
and among equally good hand-overs the task whose name sorts first goes first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbook.i18n.catalog import _, ngettext

if TYPE_CHECKING:
    from workbook.data.answers.chores import ChoresAnswer

A, B, SHARED = "a", "b", "shared"


@dataclass(frozen=True)
class Chore:
    """A task and what it costs each partner, in any unit (for example minutes × weight)."""

    name: str
    cost_a: float
    cost_b: float


@dataclass(frozen=True)
class Split:
    """Who does what. ``shared`` is the task split between them, if any."""

    owner: dict[str, str]
    shared: str | None = None
    # Of the shared task, the part the first partner takes (0 to 1).
    shared_part_a: float = 0.0
    share_a: float = 0.0  # the first partner's load by their own measure, in percent
    share_b: float = 0.0
    notes: list[str] = field(default_factory=list)

    def part(self, name: str, key: str) -> float:
        """How much of task ``name`` partner ``key`` does, from 0 to 1."""
        owner = self.owner.get(name)  # an undecided task is nobody's yet
        if owner == SHARED:
            return self.shared_part_a if key == A else 1 - self.shared_part_a
        return 1.0 if owner == key else 0.0


def own_measure(chores: Sequence[Chore]) -> tuple[dict[str, float], dict[str, float]]:
    """Each partner's costs scaled so that all the tasks add up to 100 for each of them.

    A partner who gives every task zero cost is read as minding every task equally.
    """

    def scaled(costs: list[float]) -> list[float]:
        total = sum(costs)
        if total <= 0:
            return [100 / len(costs)] * len(costs) if costs else []
        return [100 * c / total for c in costs]

    names = [c.name for c in chores]
    va = scaled([max(c.cost_a, 0.0) for c in chores])
    vb = scaled([max(c.cost_b, 0.0) for c in chores])
    return dict(zip(names, va, strict=True)), dict(zip(names, vb, strict=True))


def fair_split(chores: Sequence[Chore]) -> Split:
    """The suggested split of ``chores`` (see the module docstring)."""
    if len({c.name for c in chores}) != len(chores):
        raise ValueError("task names must be different")
    va, vb = own_measure(chores)
    value = {A: va, B: vb}
    owner: dict[str, str] = {}
    load = {A: 0.0, B: 0.0}
    for name in sorted(va):
        if va[name] < vb[name]:
            who = A
        elif vb[name] < va[name]:
            who = B
        else:
            who = B if load[B] < load[A] else A
        owner[name] = who
        load[who] += value[who][name]
    shared, part_a = None, 0.0
    if abs(load[A] - load[B]) > 1e-9:
        giver = A if load[A] > load[B] else B
        taker = B if giver == A else A

        def order(name: str) -> tuple[float, str]:
            cost_giver = value[giver][name]
            ratio = value[taker][name] / cost_giver if cost_giver > 0 else float("inf")
            return ratio, name

        for name in sorted((n for n, o in owner.items() if o == giver), key=order):
            give, take = value[giver][name], value[taker][name]
            if give <= 0:
                break  # handing over what costs the giver nothing cannot even things out
            if load[giver] - give >= load[taker] + take - 1e-9:
                owner[name] = taker
                load[giver] -= give
                load[taker] += take
            else:
                taker_part = (load[giver] - load[taker]) / (give + take)
                shared = name
                owner[name] = SHARED
                part_a = taker_part if taker == A else 1 - taker_part
                load[giver] -= give * taker_part
                load[taker] += take * taker_part
            if abs(load[giver] - load[taker]) <= 1e-9 or shared:
                break
    return Split(owner=owner, shared=shared, shared_part_a=part_a, share_a=load[A], share_b=load[B])


def shares(chores: Sequence[Chore], doer: Mapping[str, str]) -> dict[str, float]:
    """Each partner's load by their own measure, in percent, for who does what now.

    ``doer`` maps a task to ``a``, ``b``, ``both`` (half each) or anything else (nobody).
    """
    va, vb = own_measure(chores)
    result = {A: 0.0, B: 0.0}
    for name in va:
        who = doer.get(name)
        if who in (A, "both"):
            result[A] += va[name] * (0.5 if who == "both" else 1)
        if who in (B, "both"):
            result[B] += vb[name] * (0.5 if who == "both" else 1)
    return result


def minutes_share(minutes: Mapping[str, int], doer: Mapping[str, str]) -> dict[str, float]:
    """Each partner's minutes per week for who does what now (``both`` counts half each)."""
    result = {A: 0.0, B: 0.0}
    for name, mins in minutes.items():
        who = doer.get(name)
        if who in (A, B):
            result[who] += mins
        elif who == "both":
            result[A] += mins / 2
            result[B] += mins / 2
    return result


def settled(chores: Sequence[Chore], owner: Mapping[str, str], shared_part_a: float) -> Split:
    """The split as the couple has it, overrides included: ``owner`` may leave tasks undecided
    (they count for nobody), and names that are not among ``chores`` are left out."""
    names = {c.name for c in chores}
    decided = {name: who for name, who in owner.items() if name in names and who in (A, B, SHARED)}
    shared = next((name for name in sorted(decided) if decided[name] == SHARED), None)
    split = Split(owner=decided, shared=shared, shared_part_a=shared_part_a)
    va, vb = own_measure(chores)
    share_a = sum(va[name] * split.part(name, A) for name in decided)
    share_b = sum(vb[name] * split.part(name, B) for name in decided)
    return Split(
        owner=decided, shared=shared, shared_part_a=shared_part_a, share_a=share_a, share_b=share_b
    )


def _percent(value: float) -> int:
    # The words ("less than half", "not even") are chosen from the rounded figures, so they
    # always agree with the numbers beside them; shares equal up to float noise round alike.
    return round(round(value, 6))


def explain(
    chores: Sequence[Chore], now: Mapping[str, str], split: Split, names: Mapping[str, str]
) -> dict[str, str]:
    """A plain explanation of ``split`` (the split as it stands, overrides included) for each
    partner, the way Spliddit explains its results: what you carry by your own ratings now and
    with the split, what it would be without the task that weighs most for you, what the other
    carries by their own ratings, and why both can carry less than half."""
    value = dict(zip((A, B), own_measure(chores), strict=True))
    before = shares(chores, now)
    after = {key: sum(value[key][n] * split.part(n, key) for n in split.owner) for key in (A, B)}
    undecided = [c.name for c in chores if c.name not in split.owner]
    texts: dict[str, str] = {}
    for key, other in ((A, B), (B, A)):
        you, them = _percent(after[key]), _percent(after[other])
        said = [
            _("Now you carry {percent}% of the work, by your own ratings.").format(
                percent=_percent(before[key])
            )
        ]
        if not split.owner:
            texts[key] = " ".join([*said, _("Nothing is decided yet.")])
            continue
        carried = {n: value[key][n] * split.part(n, key) for n in split.owner}
        carried = {n: weight for n, weight in carried.items() if weight > 0}
        if carried:
            heaviest = min(carried, key=lambda n: (-carried[n], n))
            without = _percent(after[key] - carried[heaviest])
            heavy = (
                _(
                    "With this split you would carry {percent}%; without your part of {task}, "
                    "your heaviest task, it would be {without}%."
                )
                if split.owner[heaviest] == SHARED
                else _(
                    "With this split you would carry {percent}%; without {task}, your heaviest "
                    "task, it would be {without}%."
                )
            )
            said.append(heavy.format(percent=you, task=heaviest, without=without))
        else:
            said.append(_("With this split you would carry none of the work."))
        said.append(
            _("{name} would carry {percent}%, by {name}'s own ratings.").format(
                name=names[other], percent=them
            )
        )
        if undecided:
            said.append(
                ngettext(
                    "One task is not decided yet, so these figures leave it out.",
                    "{count} tasks are not decided yet, so these figures leave them out.",
                    len(undecided),
                ).format(count=len(undecided))
            )
        else:
            said.extend(_halves(you, them, names[other]))
        for name in sorted(n for n, who in split.owner.items() if who == SHARED):
            part = split.part(name, key)
            shared = (
                _(
                    "{task} is shared: your part is about {percent}%, for example in "
                    "alternating weeks."
                )
                if 0.4 <= part <= 0.6
                else _("{task} is shared: your part is about {percent}%.")
            )
            said.append(shared.format(task=name, percent=f"{part * 100:.0f}"))
        texts[key] = " ".join(said)
    return texts


def _halves(you: int, them: int, other: str) -> list[str]:
    """What is true of the two shares, each by its owner's measure, once every task is decided.

    The two shares, each by its owner's measure, add up to less than 100 exactly when each
    partner's tasks, taken together, weigh less for them than for the other: that is the
    reason given, and it is true whenever both carry less than half."""
    said = []
    if you < 50 and them < 50:
        said.append(
            _(
                "Each of you carries less than half by your own measure, because each of you "
                "takes on work you mind less than the other does."
            )
        )
    elif you == them == 50:
        said.append(_("Each of you carries half by your own measure."))
    elif you > 50 and them > 50:
        said.append(
            _(
                "Each of you carries more than half by your own measure, because each of you "
                "takes on work the other minds less: swapping some would make it lighter for "
                "both."
            )
        )
    if you < them:
        said.append(
            _("This split is not even: by each one's own measure, {name} carries more.").format(
                name=other
            )
        )
    elif you > them:
        said.append(_("This split is not even: by each one's own measure, you carry more."))
    return said


def shares_said(split: Split, undecided: int) -> str:
    """One line beside the split's two shares, which each partner measures by their own
    ratings and so need not add up to 100%: why, in the words of ``explain``."""
    a, b = _percent(split.share_a), _percent(split.share_b)
    if undecided:
        return ngettext(
            "Each share is by its owner's own ratings, so the two need not add up to 100%; "
            "{count} task not decided yet is left out.",
            "Each share is by its owner's own ratings, so the two need not add up to 100%; "
            "{count} tasks not decided yet are left out.",
            undecided,
        ).format(count=undecided)
    if a < 50 and b < 50:
        return _(
            "Each share is by its owner's own ratings, so the two need not add up to 100%: "
            "each of you carries less than half, because each of you takes on work you mind "
            "less than the other does."
        )
    if a > 50 and b > 50:
        return _(
            "Each share is by its owner's own ratings, so the two need not add up to 100%: "
            "each of you carries more than half, so swapping some work would make it lighter "
            "for both."
        )
    if a == b == 50:
        return _(
            "Each share is by its owner's own ratings, so the two need not add up to 100%: "
            "each of you carries half."
        )
    return _(
        "Each share is by its owner's own ratings, so the two need not add up to 100%. By "
        "each one's own measure, this split is not even."
    )


def from_answer(answer: ChoresAnswer) -> tuple[list[Chore], dict[str, str], dict[str, int]]:
    """The chores of a chores answer: each task costs its minutes times the weight each partner
    gave it (a task nobody rated counts as weight 3), plus who does what now, and the minutes."""
    wa, wb = answer.weights_of(A), answer.weights_of(B)
    chores = [
        Chore(t.name, t.minutes * wa.get(t.name, 3), t.minutes * wb.get(t.name, 3))
        for t in answer.tasks
    ]
    return (
        chores,
        {t.name: t.now for t in answer.tasks},
        {t.name: t.minutes for t in answer.tasks},
    )
