"""A change at a shared part walked apart is kept against what its seat was shown
(``apart_parts.merged``): a seat whose screen is behind never writes over the other seat's newer
change, and what it did change is kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.test_apart import seats
from workbook.service.apart_parts import merged

REQUESTS = """
[[steps]]
id = "asks"
kind = "requests"
prompt = "What could {partner} do?"
max_per_partner = 1
"""
ASKED = {"requests": [{"by": "a", "text": "Cook on Fridays"}]}


def test_a_seat_behind_keeps_its_own_change_and_the_others(tmp_path: Path) -> None:
    _, lia, ben = seats(tmp_path, steps=REQUESTS)
    lia.arrive()
    place = lia.stage().place
    assert place is not None
    lia.keep(place, ASKED, {})
    ben.reload()
    shown = ben.answer_table(place)  # both seats' screens are drawn from this
    rated = {"requests": [{**ASKED["requests"][0], "cost": 2}]}
    ben.keep(place, rated, shown)
    # Lia's screen still shows the request unrated: her decision keeps Ben's rating.
    decided = {"requests": [{**ASKED["requests"][0], "decision": "later"}]}
    lia.keep(place, decided, shown)
    row = lia.reload().answer("respect", "asks")["requests"][0]
    assert (row["cost"], row["decision"]) == (2, "later")
    # A stale table posted with no change of its own (a box given its text as drawn) changes
    # nothing.
    ben.keep(place, shown, shown)
    assert ben.reload().answer("respect", "asks")["requests"][0] == row


def test_both_seats_adding_a_request_keep_both(tmp_path: Path) -> None:
    _, lia, ben = seats(tmp_path, steps=REQUESTS)
    lia.arrive()
    place = lia.stage().place
    assert place is not None
    lia.keep(place, ASKED, {})
    ben.keep(place, {"requests": [{"by": "b", "text": "Walk on Sundays"}]}, {})
    texts = [r["text"] for r in ben.reload().answer("respect", "asks")["requests"]]
    assert texts == ["Cook on Fridays", "Walk on Sundays"]


values = st.recursive(
    st.none() | st.integers(0, 3) | st.sampled_from(["x", "y"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "c"]), inner, max_size=3)
    ),
    max_leaves=8,
)


@given(values, values, values)
def test_only_what_a_seat_changed_is_written(shown: Any, posted: Any, on_disk: Any) -> None:
    assert merged(shown, shown, on_disk) == on_disk
    assert merged(shown, posted, shown) == posted
    assert merged(shown, posted, posted) == posted
