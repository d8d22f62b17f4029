"""The fair split of chores: equal by each partner's own measure, envy-free, at most one shared."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.data.answers.chores import ChoresAnswer
from workbook.export.steps import render_chores
from workbook.logic.chores import (
    SHARED,
    Chore,
    Split,
    explain,
    fair_split,
    from_answer,
    minutes_share,
    own_measure,
    settled,
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


@settings(max_examples=150, deadline=None)
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


@settings(max_examples=100, deadline=None)
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


NAMES = {"a": "Sam", "b": "Alex"}
WITHOUT = re.compile(r"without (?:your part of )?(.+), your heaviest task, it would be (\d+)%")


def test_explanation_speaks_to_each_partner_in_their_own_measure() -> None:
    # By own measure: Sam 60, 30, 10; Alex 30, 60, 10. The fair split gives Cooking to Alex,
    # the school run to Sam, and shares the bins.
    chores = [Chore("Cooking", 300, 150), Chore("School run", 150, 300), Chore("Bins", 50, 50)]
    now = {"Cooking": "a", "School run": "a", "Bins": "b"}
    text = explain(chores, now, fair_split(chores), NAMES)
    assert text["a"] == (
        "Now you carry 90% of the work, by your own ratings. With this split you would carry "
        "35%; without School run, your heaviest task, it would be 5%. Alex would carry 35%, by "
        "Alex's own ratings. Each of you carries less than half by your own measure, because "
        "each of you takes on work you mind less than the other does. Bins is shared: your "
        "part is about 50%, for example in alternating weeks."
    )
    assert text["b"].startswith(
        "Now you carry 10% of the work, by your own ratings. With this split you would carry "
        "35%; without Cooking, your heaviest task, it would be 5%. Sam would carry 35%, by "
        "Sam's own ratings. Each of you carries less than half"
    )
    # The old wording set two equal shares side by side and left people puzzled.
    assert "would carry 35%, and" not in text["a"] + text["b"]


def test_an_uneven_split_says_so_instead_of_less_than_half() -> None:
    # By own measure: Sam 50, 50; Alex 20, 80. Sam takes both: 100% against Alex's 0%.
    chores = [Chore("Cook", 60, 20), Chore("Shop", 60, 80)]
    text = explain(chores, {}, settled(chores, {"Cook": "a", "Shop": "a"}, 0.5), NAMES)
    assert "less than half" not in text["a"]
    assert "With this split you would carry 100%; without Cook" in text["a"]
    assert "This split is not even: by each one's own measure, you carry more." in text["a"]
    assert "With this split you would carry none of the work." in text["b"]
    assert "This split is not even: by each one's own measure, Sam carries more." in text["b"]


def test_each_carrying_more_than_half_is_said_with_what_would_help() -> None:
    # Each takes what the other minds less: Sam 80% by Sam's measure, Alex 80% by Alex's.
    chores = [Chore("Cook", 80, 20), Chore("Shop", 20, 80)]
    text = explain(chores, {}, settled(chores, {"Cook": "a", "Shop": "b"}, 0.5), NAMES)
    assert "Each of you carries more than half by your own measure" in text["a"]
    assert "swapping some would make it lighter for both" in text["b"]
    assert "not even" not in text["a"]


def test_undecided_tasks_are_left_out_and_said_to_be() -> None:
    chores = [Chore("Cook", 50, 20), Chore("Clean", 30, 30), Chore("Shop", 20, 50)]
    text = explain(chores, {}, settled(chores, {"Cook": "b"}, 0.5), NAMES)
    assert "2 tasks are not decided yet, so these figures leave them out." in text["a"]
    assert "less than half" not in text["a"] + text["b"]
    assert explain(chores, {}, settled(chores, {}, 0.5), NAMES)["a"].endswith(
        "Nothing is decided yet."
    )


def test_settled_keeps_only_decided_tasks_that_are_listed() -> None:
    chores = [Chore("Cook", 50, 20), Chore("Clean", 30, 30), Chore("Shop", 20, 50)]
    split = settled(chores, {"Cook": "b", "Clean": SHARED, "Gone": "a", "Shop": "x"}, 0.25)
    assert split.owner == {"Cook": "b", "Clean": SHARED}
    assert split.shared == "Clean"
    assert abs(split.share_a - 30 * 0.25) < 1e-9
    assert abs(split.share_b - (20 + 30 * 0.75)) < 1e-9


@st.composite
def overridden(draw: st.DrawFn) -> tuple[list[Chore], Split]:
    """An instance and a split as a couple may leave it: the suggestion with any tasks
    changed (more than one shared, even, as a hand-edited file may have) or undecided."""
    chores = draw(instances())
    owner = dict(fair_split(chores).owner)
    for chore in chores:
        if draw(st.booleans()):
            change = draw(st.sampled_from(["a", "b", SHARED, None]))
            if change is None:
                owner.pop(chore.name)
            else:
                owner[chore.name] = change
    return chores, settled(chores, owner, draw(st.floats(0, 1)))


def _percent(value: float) -> int:
    return round(round(value, 6))


@settings(max_examples=120, deadline=None)
@given(
    overridden(),
    st.dictionaries(
        st.sampled_from([f"task {i:02d}" for i in range(30)]),
        st.sampled_from(["a", "b", "both", "nobody"]),
    ),
)
def test_every_explanation_agrees_with_the_split_it_explains(
    instance: tuple[list[Chore], Split], now: dict[str, str]
) -> None:
    chores, split = instance
    now = {name: who for name, who in now.items() if name in {c.name for c in chores}}
    value = dict(zip("ab", own_measure(chores), strict=True))
    after = {k: sum(value[k][n] * split.part(n, k) for n in split.owner) for k in "ab"}
    before = shares(chores, now)
    undecided = [c.name for c in chores if c.name not in split.owner]
    texts = explain(chores, now, split, NAMES)
    for key, other in (("a", "b"), ("b", "a")):
        text, you, them = texts[key], _percent(after[key]), _percent(after[other])
        assert text.startswith(f"Now you carry {_percent(before[key])}% of the work")
        if not split.owner:
            assert text.endswith("Nothing is decided yet.")
            continue
        assert f"{NAMES[other]} would carry {them}%, by {NAMES[other]}'s own ratings." in text
        carried = {n: value[key][n] * split.part(n, key) for n in split.owner}
        carried = {n: w for n, w in carried.items() if w > 0}
        found = WITHOUT.search(text)
        if carried:
            assert f"With this split you would carry {you}%;" in text
            assert found is not None
            heaviest = found.group(1)
            assert carried[heaviest] == max(carried.values())
            assert int(found.group(2)) == _percent(after[key] - carried[heaviest])
        else:
            assert found is None
            assert "you would carry none of the work" in text
        assert ("not decided yet" in text) == bool(undecided)
        assert ("less than half" in text) == (not undecided and you < 50 and them < 50)
        assert ("more than half" in text) == (not undecided and you > 50 and them > 50)
        assert ("Each of you carries half" in text) == (not undecided and you == them == 50)
        assert ("not even" in text) == (not undecided and you != them)
        shared = [n for n, who in split.owner.items() if who == SHARED]
        assert text.count(" is shared: your part is about ") == len(shared)


@settings(max_examples=100, deadline=None)
@given(instances())
def test_the_fair_split_is_explained_as_even_and_at_most_half(chores: list[Chore]) -> None:
    # Envy-free means each carries at most half by their own measure; equitable, the same.
    for text in explain(chores, {}, fair_split(chores), NAMES).values():
        assert "not even" not in text
        assert "more than half" not in text
        assert "less than half" in text or "Each of you carries half" in text


def _answer(owner: dict[str, str]) -> ChoresAnswer:
    return ChoresAnswer.read(
        {
            "tasks": [
                {"name": "Cooking", "minutes": 300, "now": "a"},
                {"name": "School run", "minutes": 150, "now": "a"},
                {"name": "Bins", "minutes": 50, "now": "b"},
            ],
            "weights": {
                "a": {"Cooking": 2, "School run": 2, "Bins": 2},
                "b": {"Cooking": 1, "School run": 4, "Bins": 2},
            },
            "split": {"owner": owner, "shared_part_a": 0.5},
        }
    )


def test_the_export_explains_the_final_split_overrides_included() -> None:
    suggested = fair_split(from_answer(_answer({}))[0])
    _, *as_suggested = render_chores(None, _answer(dict(suggested.owner)), NAMES)
    # The couple overrode the suggestion: Sam keeps cooking, Alex takes the rest.
    overridden = {"Cooking": "a", "School run": "b", "Bins": "b"}
    _, *explained = render_chores(None, _answer(overridden), NAMES)
    assert explained != as_suggested
    # By Sam's ratings cooking is 60% of the work; by Alex's the rest is 60% + 10% of it.
    assert explained[0].startswith("**Sam:** Now you carry 90% of the work")
    assert "With this split you would carry 60%; without Cooking" in explained[0]
    assert "Alex would carry 70%, by Alex's own ratings." in explained[0]
    assert "Each of you carries more than half" in explained[0]
    assert "With this split you would carry 70%; without School run" in explained[1]
    assert "Sam would carry 60%, by Sam's own ratings." in explained[1]
