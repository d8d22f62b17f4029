"""What the answer models say of an answer begun and not finished (the question before Next asks
with these words), what a one-pick choice keeps, and a request left undecided set aside."""

from __future__ import annotations

from types import SimpleNamespace

from workbook.data.answers.choice import ChoiceAnswer
from workbook.data.answers.requests import Request, RequestsAnswer
from workbook.data.answers.scale import ScaleAnswer

ITEMS = ["Calm", "Rested", "Heard"]
SCALE = SimpleNamespace(items=ITEMS, min=1, max=5, answer="each-private")
PICK_TWO = SimpleNamespace(pick_min=2, pick_max=3)
ONE_PICK = SimpleNamespace(pick_min=1, pick_max=1)


def test_a_scale_begun_says_how_many_lines_have_no_answer() -> None:
    answer = ScaleAnswer(a={"Calm": 4}, b={"Calm": 4, "Rested": 2})
    assert answer.partial(SCALE, "a") == "2 lines have no answer."
    assert answer.partial(SCALE, "b") == "1 line has no answer."
    assert answer.unrated(SCALE, "a") == ["Rested", "Heard"]
    # Not begun, or whole: nothing to ask.
    assert ScaleAnswer().partial(SCALE, "a") is None
    assert ScaleAnswer(a=dict.fromkeys(ITEMS, 3)).partial(SCALE, "a") is None


def test_a_choice_begun_says_how_many_are_picked_of_how_many() -> None:
    answer = ChoiceAnswer(a=["Fun"], b=["Fun", "Honesty"])
    assert answer.partial(PICK_TWO, "a") == "1 picked, and this step asks for at least 2."
    assert answer.partial(PICK_TWO, "b") is None
    assert ChoiceAnswer().partial(PICK_TWO, "a") is None


def test_a_write_in_is_the_one_answer_of_a_one_pick_step() -> None:
    assert ChoiceAnswer.chosen(ONE_PICK, ["The park"], "The hills") == ["The hills"]
    assert ChoiceAnswer.chosen(ONE_PICK, ["The park"], "") == ["The park"]
    assert ChoiceAnswer.chosen(PICK_TWO, ["A"], "B") == ["A", "B"]
    assert ChoiceAnswer.chosen(PICK_TWO, ["A"], "A") == ["A"]


def test_requests_left_undecided_are_set_aside_for_later_never_dropped() -> None:
    answer = RequestsAnswer(
        requests=[
            Request(by="a", text="Call me at lunch", decision="yes"),
            Request(by="b", text="Plan a day out"),
            Request(by="a", text="   "),
        ]
    )
    assert answer.undecided() == [1]
    aside = answer.set_aside()
    assert [r.decision for r in aside.requests] == ["yes", "later", None]
    assert [r.text for r in aside.requests] == [r.text for r in answer.requests]
