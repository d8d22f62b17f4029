"""The fair split of chores: equal by each partner's own measure, envy-free, at most one shared."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.logic.chores import (
    SHARED,
    Chore,
    Split,
    explain,
    fair_split,
    minutes_share,
    own_measure,
    shares,
)

WEIGHT = st.integers(0, 5)


@st.composite
def instances(draw: st.DrawFn) -> list[Chore]:
    count = draw(st.integers(2, 30))
    minutes = draw(
        st.lists(st.sampled_from([0, 10, 30, 60, 60, 90, 120, 300]), min_size=count, max_size=count)
    )
    chores = []
    for i, mins in enumerate(minutes):
        wa, wb = draw(WEIGHT), draw(st.one_of(WEIGHT, st.just(-1)))
        wb = wa if wb < 0 else wb  # plenty of exact ties
        chores.append(Chore(f"task {i:02d}", mins * wa, mins * wb))
    return chores


def loads(chores: list[Chore], split: Split) -> tuple[float, float, float, float]:
    va, vb = own_measure(chores)
    a_own = sum(va[c.name] * split.part(c.name, "a") for c in chores)
    b_own = sum(vb[c.name] * split.part(c.name, "b") for c in chores)
    a_of_b = sum(va[c.name] * split.part(c.name, "b") for c in chores)
    b_of_a = sum(vb[c.name] * split.part(c.name, "a") for c in chores)
    return a_own, b_own, a_of_b, b_of_a


@settings(max_examples=400, deadline=None)
@given(instances())
def test_split_is_equitable_envy_free_and_shares_at_most_one(chores: list[Chore]) -> None:
    split = fair_split(chores)
    a_own, b_own, a_of_b, b_of_a = loads(chores, split)
    assert abs(a_own - b_own) < 1e-6
    assert abs(split.share_a - a_own) < 1e-6
    assert abs(split.share_b - b_own) < 1e-6
    assert a_own <= a_of_b + 1e-6, "the first partner would rather have the other's share"
    assert b_own <= b_of_a + 1e-6, "the second partner would rather have the other's share"
    assert list(split.owner.values()).count(SHARED) <= 1
    assert set(split.owner) == {c.name for c in chores}
    assert 0 <= split.shared_part_a <= 1


@settings(max_examples=200, deadline=None)
@given(instances())
def test_the_same_input_always_gives_the_same_split(chores: list[Chore]) -> None:
    assert fair_split(chores) == fair_split(list(reversed(chores))) == fair_split(chores)


def test_a_tie_goes_to_whoever_carries_less_and_is_then_evened_out() -> None:
    chores = [Chore("Dishes", 60, 60), Chore("Laundry", 60, 60)]
    split = fair_split(chores)
    assert split.owner == {"Dishes": "a", "Laundry": "b"}
    assert (split.share_a, split.share_b) == (50, 50)
    assert split.shared is None


def test_a_partner_who_minds_nothing_is_read_as_minding_all_equally() -> None:
    chores = [Chore("Cooking", 300, 0), Chore("School run", 100, 0), Chore("Bins", 100, 0)]
    split = fair_split(chores)
    a_own, b_own, _, _ = loads(chores, split)
    assert abs(a_own - b_own) < 1e-9
    assert list(split.owner.values()).count(SHARED) <= 1


def test_a_single_task_is_shared() -> None:
    split = fair_split([Chore("Cooking", 300, 100)])
    assert split.owner == {"Cooking": SHARED}
    assert split.shared == "Cooking"
    # Each carries half of it: by each one's own measure the task is all the work.
    assert abs(split.shared_part_a - 0.5) < 1e-9
    assert abs(split.share_a - 50) < 1e-9


def test_hand_checked_three_tasks() -> None:
    # By own measure: a = 50, 30, 20; b = 20, 30, 50.
    chores = [Chore("Cook", 50, 20), Chore("Clean", 30, 30), Chore("Shop", 20, 50)]
    split = fair_split(chores)
    assert split.owner["Cook"] == "b"
    assert split.owner["Shop"] == "a"
    # Clean is a tie, so goes to whoever carried less, and is then shared to even things out.
    assert split.shared == "Clean"
    assert abs(split.share_a - split.share_b) < 1e-9
    assert abs(split.share_a - 35) < 1e-9


def test_shares_and_minutes_of_who_does_what_now() -> None:
    chores = [Chore("Cook", 300, 300), Chore("Bins", 100, 100)]
    now = {"Cook": "a", "Bins": "both"}
    assert shares(chores, now) == {"a": 87.5, "b": 12.5}
    assert minutes_share({"Cook": 300, "Bins": 100}, now) == {"a": 350, "b": 50}


def test_explanation_speaks_to_each_partner_in_their_own_measure() -> None:
    chores = [Chore("Cooking", 300, 150), Chore("School run", 150, 300), Chore("Bins", 50, 50)]
    now = {"Cooking": "a", "School run": "a", "Bins": "b"}
    split = fair_split(chores)
    text = explain(chores, now, split, {"a": "Sam", "b": "Alex"})
    assert text["a"].startswith(
        "By your own ratings you carry 90% of the work now; without Cooking it would be 30%."
    )
    assert "Alex would carry" in text["a"]
    assert "Sam would carry" in text["b"]
