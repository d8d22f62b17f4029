"""Request advice in every quadrant of benefit against cost."""

from __future__ import annotations

import pytest

from workbook.logic.requests import advise


@pytest.mark.parametrize(
    ("benefit", "cost", "kind", "words"),
    [
        (5, 1, "easy-yes", "an easy yes"),
        (4, 2, "easy-yes", "A big help to Sam at a small cost to Alex"),
        (1, 5, "easy-no", "fine to say no, kindly"),
        (2, 4, "easy-no", "A small gain for Sam at a big cost to Alex"),
        (5, 5, "third-option", "a third option"),
        (4, 4, "third-option", "costs Alex a lot"),
        (1, 1, "small-both", "Small either way"),
        (3, 3, "weigh-it", "'later' still counts"),
        (5, 3, "weigh-it", "talk it through"),
        (3, 1, "weigh-it", "talk it through"),
    ],
)
def test_advice(benefit: int, cost: int, kind: str, words: str) -> None:
    advice = advise(benefit, cost, "Sam", "Alex")
    assert advice.kind == kind
    assert words in advice.text


def test_set_aside_requests_wait_until_brought_back() -> None:
    from workbook.logic.requests import set_aside

    first = [
        {"by": "a", "text": "Call when late", "decision": "later"},
        {"by": "b", "text": "Walks", "decision": "yes"},
    ]
    second = [{"by": "b", "text": "Cinema", "decision": "later"}]
    third = [{"by": "a", "text": "Call when late", "again_of": "s1:1", "decision": "yes"}]
    assert [w.ref for w in set_aside([("s1", first), ("s2", second)])] == ["s1:1", "s2:1"]
    assert [w.ref for w in set_aside([("s1", first), ("s2", second), ("s3", third)])] == ["s2:1"]
