"""The walk as pure data: phases, alternating first partner, back never reveals a private answer."""

from __future__ import annotations

from pathlib import Path

from tests.packs_helpers import write_pack
from workbook.data.models import Position
from workbook.logic.phases import LOOKAWAY, ONLY
from workbook.logic.walk import FIRST, HANDBACK, HANDOVER, REVEAL, SECOND, Place, Walk
from workbook.packs.load import load_pack
from workbook.packs.models import Pack

STEPS = """
[[steps]]
id = "r"
kind = "read"
body = "Hi"

[[steps]]
id = "p"
kind = "text"
prompt = "?"

[[steps]]
id = "o"
kind = "scale"
answer = "each-open"
prompt = "?"

[[steps]]
id = "t"
kind = "text"
answer = "together"
prompt = "?"

[[steps]]
id = "q"
kind = "choice"
prompt = "?"
options = ["a", "b"]

[[steps]]
id = "a"
kind = "agreement"
prompt = "?"
"""


def pack(tmp_path: Path) -> Pack:
    loaded = load_pack(write_pack(tmp_path, "w", STEPS))
    assert loaded.pack is not None
    return loaded.pack


def test_places_follow_each_mode(tmp_path: Path) -> None:
    walk = Walk([pack(tmp_path)])
    assert [(p.step, p.phase) for p in walk.places] == [
        (0, ONLY),
        (1, LOOKAWAY),
        (1, FIRST),
        (1, HANDOVER),
        (1, SECOND),
        (1, REVEAL),
        (2, FIRST),
        (2, SECOND),
        (2, REVEAL),
        (3, ONLY),
        (4, LOOKAWAY),
        (4, FIRST),
        (4, HANDOVER),
        (4, SECOND),
        (4, REVEAL),
        (5, ONLY),
    ]


def test_who_goes_first_alternates_over_steps_and_packs(tmp_path: Path) -> None:
    walk = Walk([pack(tmp_path), pack(tmp_path)])
    firsts = [walk.first_partner(Place(p, s, FIRST)) for p in (0, 1) for s in (1, 2, 4)]
    assert firsts == ["a", "b", "a", "b", "a", "b"]
    assert walk.answering(Place(0, 1, SECOND)) == "b"
    assert walk.answering(Place(0, 1, HANDOVER)) == "b"
    assert walk.answering(Place(0, 1, REVEAL)) is None
    assert walk.answering(Place(0, 1, LOOKAWAY)) == "a"


def test_back_from_the_second_turn_hands_the_screen_back(tmp_path: Path) -> None:
    walk = Walk([pack(tmp_path)])
    second = Place(0, 1, SECOND)
    handback = walk.back(second)
    assert handback == Place(0, 1, HANDBACK)
    assert walk.answering(handback) == "a"
    assert walk.next(handback) == Place(0, 1, FIRST)
    assert walk.back(handback) == second
    assert walk.back(Place(0, 2, SECOND)) == Place(0, 2, FIRST)
    assert walk.back(walk.places[0]) is None
    assert walk.next(walk.places[-1]) is None


def test_find_a_saved_position(tmp_path: Path) -> None:
    walk = Walk([pack(tmp_path)])
    assert walk.find("w", "p", SECOND) == Place(0, 1, SECOND)
    assert walk.find("w", "p", HANDBACK) == Place(0, 1, HANDBACK)
    assert walk.find("w", "o", HANDOVER) == Place(0, 2, FIRST)
    assert walk.find("gone", "x", None) == walk.places[0]
    assert walk.progress(Place(0, 4, FIRST)) == (1, 1, 5, 6)


def test_a_private_turn_resumes_behind_its_screen(tmp_path: Path) -> None:
    walk = Walk([pack(tmp_path)])
    first = Position(pack="w", step="p", phase=FIRST)
    second = Position(pack="w", step="p", phase=SECOND)
    assert walk.resume(first) == Place(0, 1, LOOKAWAY)
    assert walk.resume(second) == Place(0, 1, HANDOVER)
    # An open step has no private turn to hide.
    assert walk.resume(Position(pack="w", step="o", phase=SECOND)) == Place(0, 2, SECOND)
    assert walk.is_handoff(Place(0, 1, LOOKAWAY))
    assert not walk.is_handoff(Place(0, 1, FIRST))
