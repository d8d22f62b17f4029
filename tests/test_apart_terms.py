"""An agreement step walked apart (service/apart_terms.py): every change to the draft terms is
one locked change of the session file that either seat may make; each partner confirms or takes
back only their own confirmation; a change names the words it was shown, so a term the other
seat changed a moment before is left alone; the last confirmation makes the agreement once."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tests.test_apart import seats
from workbook.service import apart, apart_terms
from workbook.service.agreements import AgreementBook

TODAY = date(2026, 11, 22)
STEPS = """
[[steps]]
id = "meaning"
kind = "text"
prompt = "{me}, what would help?"

[[steps]]
id = "agree"
kind = "agreement"
prompt = "What will you try?"
from = ["meaning"]
review_days = 14
"""


def terms(seat: apart.Seat) -> list[Any]:
    seat.reload()
    return apart_terms.terms(seat, seat.stage().place)  # type: ignore[arg-type]


def at_terms(lia: apart.Seat, ben: apart.Seat) -> Any:
    for seat, words in ((lia, "Walk on Sundays"), (ben, "Cook on Fridays")):
        place = seat.stage().place
        assert place is not None
        seat.keep(place, {seat.partner: words})
        seat.finish_turn(place)
    lia.reload()
    lia.move(lia.stage().place, forward=True)  # type: ignore[arg-type]
    lia.reload()
    ben.reload()
    stage = ben.stage()
    assert stage.mode == apart.TERMS
    return stage.place


def test_terms_offered_from_earlier_answers_and_every_change_apart(tmp_path: Path) -> None:
    store, lia, ben = seats(tmp_path, steps=STEPS)
    place = at_terms(lia, ben)
    offered = apart_terms.offered(ben, place, {"a": "Lia", "b": "Ben"})
    assert [(o.text, o.writer) for o in offered] == [
        ("Walk on Sundays", "a"),
        ("Cook on Fridays", "b"),
    ]
    assert apart_terms.add(ben, place, "Walk on Sundays", TODAY, offered[0].source, "a")
    # Added once: offered no more, and not added twice.
    assert not apart_terms.add(lia, place, "walk on sundays", TODAY)
    assert [o.text for o in apart_terms.offered(lia, place, {"a": "Lia", "b": "Ben"})] == [
        "Cook on Fridays"
    ]
    (term,) = terms(lia)
    assert (term.who, term.source, term.review_on) == (
        "a",
        "respect.meaning",
        TODAY + timedelta(14),
    )
    # Lia confirms, then takes it back; Ben's confirmation is his alone.
    book = AgreementBook(store, lia.couple, lambda: TODAY)
    assert not apart_terms.confirm(lia, place, 0, book, "Walk on Sundays")
    assert terms(ben)[0].confirmed_by == ["a"]
    apart_terms.take_back(ben, place, 0, "Walk on Sundays")  # Ben's own: none to take back
    assert terms(ben)[0].confirmed_by == ["a"]
    apart_terms.take_back(lia, place, 0, "Walk on Sundays")
    assert terms(ben)[0].confirmed_by == []
    # New words or a new doer take back the confirmations given.
    apart_terms.confirm(lia, place, 0, book, "Walk on Sundays")
    apart_terms.edit(ben, place, 0, "Walk on Sundays", "Walk on Sunday mornings")
    assert (terms(lia)[0].text, terms(lia)[0].confirmed_by) == ("Walk on Sunday mornings", [])
    apart_terms.confirm(lia, place, 0, book, "Walk on Sunday mornings")
    apart_terms.change_who(ben, place, 0, "Walk on Sunday mornings")
    assert (terms(lia)[0].who, terms(lia)[0].confirmed_by) == ("b", [])
    # A change made with words the other seat has replaced is left alone.
    apart_terms.change_who(lia, place, 0, "Walk on Sundays")
    assert terms(lia)[0].who == "b"
    # The review date moves by a week, never before tomorrow.
    apart_terms.shift_review(lia, place, 0, "Walk on Sunday mornings", 7, TODAY)
    assert terms(ben)[0].review_on == TODAY + timedelta(21)
    for _ in range(4):
        apart_terms.shift_review(ben, place, 0, "Walk on Sunday mornings", -7, TODAY)
    assert terms(lia)[0].review_on == TODAY + timedelta(1)
    # Both confirm: the agreement is made once, and it can no longer be changed here.
    assert not apart_terms.confirm(ben, place, 0, book, "Walk on Sunday mornings")
    assert apart_terms.confirm(lia, place, 0, book, "Walk on Sunday mornings")
    (agreement,) = store.load_agreements(lia.couple.id).agreements
    assert (agreement.text, agreement.who) == ("Walk on Sunday mornings", "b")
    apart_terms.remove(ben, place, 0, "Walk on Sunday mornings")
    apart_terms.take_back(ben, place, 0, "Walk on Sunday mornings")
    assert terms(lia)[0].confirmed_by == ["a", "b"]
    # A draft is removed, with its confirmations.
    apart_terms.add(lia, place, "Cook on Fridays", TODAY)
    apart_terms.confirm(lia, place, 1, book, "Cook on Fridays")
    apart_terms.remove(ben, place, 1, "Cook on Fridays")
    assert [t.text for t in terms(lia)] == ["Walk on Sunday mornings"]
