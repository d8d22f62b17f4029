"""The one-line boxes of the agreement, requests and listen steps, with real key presses: typing
is never lost after Enter, never taken by a list or a rating next to the box, and saved as typed,
so that it comes back on resume."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from textual.widgets import Input, Static

from tests.tui.conftest import SIZE, app_for, at_step, make_couple, screen_text, until, walk
from workbook import tomlio
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp
from workbook.tui.steps.agreement import AgreementInput
from workbook.tui.steps.listen import ListenInput
from workbook.tui.steps.requests import RequestsInput
from workbook.tui.steps.term_lists import TermList


def saved(store: Store) -> dict[str, Any]:
    """The session file as it is on disk."""
    (file,) = (store.root / "couples" / "sam-and-alex" / "sessions").glob("*.toml")
    return tomlio.loads(file.read_text(encoding="utf-8"))


async def on_disk(store: Store, pilot: Any, check: Any) -> dict[str, Any]:
    """The session file once the autosave has written what ``check`` looks for (the walk saves
    at most 0.8 s after a change); fails if it never does."""
    for _ in range(30):
        await pilot.pause(0.1)
        session = saved(store)
        try:
            if check(session["answers"]):
                return session
        except (KeyError, IndexError):
            pass
    raise AssertionError(f"not saved as typed: {saved(store).get('answers')}")


@asynccontextmanager
async def resuming(store: Store, library: Library) -> AsyncIterator[tuple[WorkbookApp, Any]]:
    """A new app over the same folder, resumed with r on Home: (app, pilot)."""
    app = app_for(Store(store.root), library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        yield app, pilot


# Agreement steps


async def test_a_second_term_typed_straight_after_the_first_is_kept(
    store: Store, library: Library
) -> None:
    make_couple(store)
    async with at_step(store, library, "compromise", "agree") as (app, pilot):
        widget = walk(app).query_one(AgreementInput)
        assert app.focused is widget.query_one("#new-term")
        await pilot.press(*"Walk", "enter", *"we cook", "enter")
        await pilot.pause()
        assert [t.text for t in widget.terms] == ["Walk", "we cook"]
        assert [t.who for t in widget.terms] == ["both", "both"]
        assert all(t.confirmed_by == [] for t in widget.terms)
        assert app.focused is widget.query_one("#new-term")
        # ↓ goes to the terms, and ↑ from the first term back to the box.
        await pilot.press("down")
        await pilot.pause()
        assert app.focused is widget.query_one(TermList)
        await pilot.press("up", "up")
        await pilot.pause()
        assert app.focused is widget.query_one("#new-term")


async def test_keys_on_the_term_list_act_there_and_are_never_typed_into_the_box(
    store: Store, library: Library
) -> None:
    """What you see is where your typing goes: on the term list, its keys act on the
    highlighted term, other letters mean nothing, and none of them reach the box."""
    make_couple(store)
    async with at_step(store, library, "compromise", "agree") as (app, pilot):
        widget = walk(app).query_one(AgreementInput)
        await pilot.press(*"Walk", "enter", "down")
        await pilot.pause()
        terms = widget.query_one(TermList)
        assert app.focused is terms
        box = widget.query_one("#new-term", Input)
        await pilot.press(*"we cook", "backspace")
        await pilot.pause()
        assert app.focused is terms
        assert box.value == ""
        assert [t.text for t in widget.terms] == ["Walk"], "Backspace removed a term"
        # "w" changed who does it (to the first partner); the rest meant nothing.
        first = widget.terms[0]
        assert (first.who, first.confirmed_by, first.agreement) == ("a", [], None)
        await pilot.press("w", "w", "1", "c")
        await pilot.pause()
        assert (first.who, first.confirmed_by) == ("both", ["a"])
        await pilot.press("2", "x")
        await pilot.pause()
        # Both confirmations make an agreement at once.
        assert widget.terms[0].agreement
        assert box.value == ""
        # ↑ from the first term goes back to the box, where typing goes on.
        await pilot.press("up", *"Cook")
        await pilot.pause()
        assert box.value == "Cook"


async def test_a_half_typed_term_is_saved_as_typed_and_comes_back(
    store: Store, library: Library
) -> None:
    make_couple(store)
    async with at_step(store, library, "compromise", "agree", notifications=True) as (app, pilot):
        await pilot.press(*"Walk", "enter", *"Half a te")
        session = await on_disk(
            store, pilot, lambda a: a["compromise"]["agree"]["draft"] == "Half a te"
        )
        table = session["answers"]["compromise"]["agree"]
        assert table["draft"] == "Half a te"
        assert [t["text"] for t in table["terms"]] == ["Walk"]
        # Next says once that the box still holds a term.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert walk(app).walk.step(walk(app).place).id == "agree"
        assert any("not added yet" in n.message for n in app._notifications)
        await pilot.press("ctrl+q")
    async with resuming(store, library) as (again, pilot):
        widget = walk(again).query_one(AgreementInput)
        box = widget.query_one("#new-term", Input)
        assert box.value == "Half a te"
        assert again.focused is box
        await pilot.press(*"rm", "enter")
        await pilot.pause()
        assert [t.text for t in widget.terms] == ["Walk", "Half a term"]
        walk(again).autosave.now()
    assert "draft" not in saved(store)["answers"]["compromise"]["agree"]


# Listen


async def test_after_resume_the_listener_types_into_the_paraphrase_box(
    store: Store, library: Library
) -> None:
    make_couple(store)
    async with at_step(store, library, "listening", "practice") as (_app, pilot):
        await pilot.press("enter")  # I have said it
        await pilot.pause()
        await pilot.press("ctrl+q")
    async with resuming(store, library) as (again, pilot):
        listen = walk(again).query_one(ListenInput)
        assert again.focused is listen.query_one("#paraphrase")
        await pilot.press(*"You felt sad")
        session = await on_disk(
            store,
            pilot,
            lambda a: a["listening"]["practice"]["turns"][0]["draft"] == "You felt sad",
        )
        (turn,) = session["answers"]["listening"]["practice"]["turns"]
        assert turn["draft"] == "You felt sad"
        assert turn.get("paraphrases", []) == []
        await pilot.press("ctrl+q")
    async with resuming(store, library) as (third, pilot):
        listen = walk(third).query_one(ListenInput)
        assert listen.query_one("#paraphrase", Input).value == "You felt sad"
        assert third.focused is listen.query_one("#paraphrase")
        await pilot.press(*" at dinner", "enter")
        await pilot.pause()
        walk(third).autosave.now()
    (turn,) = saved(store)["answers"]["listening"]["practice"]["turns"]
    assert turn["paraphrases"] == ["You felt sad at dinner"]
    assert "draft" not in turn


async def test_a_try_said_only_out_loud_is_counted_but_never_saved_as_empty_words(
    store: Store, library: Library
) -> None:
    make_couple(store)
    async with at_step(store, library, "listening", "practice") as (app, pilot):
        await pilot.press("enter", "enter")  # I have said it; said back without typing
        await pilot.pause()
        listen = walk(app).query_one(ListenInput)
        assert listen.stage == "check"
        await pilot.press("ctrl+q")
    (turn,) = saved(store)["answers"]["listening"]["practice"]["turns"]
    assert turn.get("paraphrases", []) == []
    assert turn["tries"] == 1
    async with resuming(store, library) as (again, pilot):
        # Back at the speaker's check, not at the listener's try again.
        assert walk(again).query_one(ListenInput).stage == "check"


# Requests


def earlier_request(store: Store, couple: Any, **row: Any) -> str:
    """A finished earlier session with one request decided later; its session id."""
    earlier = store.new_session(couple.id, ["requests"])
    earlier.set_answer("requests", "asks", {"requests": [{"decision": "later", **row}]})
    earlier.finished = earlier.started
    store.save_session(couple.id, earlier)
    store.close()
    return earlier.id


async def test_the_next_asker_types_straight_on_and_a_question_mark_stays_in_the_box(
    store: Store, library: Library
) -> None:
    make_couple(store)
    async with at_step(store, library, "check-in", "asks") as (app, pilot):
        widget = walk(app).query_one(RequestsInput)
        await pilot.press(*"Text me?", "enter", *"Walk Sunday?")
        await pilot.pause()
        assert walk(app) is app.screen, "the ? opened something else"
        assert widget.query_one("#ask", Input).value == "Walk Sunday?"
        await pilot.press("enter")
        await pilot.pause()
        assert [(r.by, r.text) for r in widget.rows] == [
            ("a", "Text me?"),
            ("b", "Walk Sunday?"),
        ]
        assert "You have each asked for one thing." in screen_text(app)


async def test_tab_from_the_request_goes_to_its_benefit_and_the_first_enter_decides(
    store: Store, library: Library
) -> None:
    make_couple(store)
    async with at_step(store, library, "check-in", "asks") as (app, pilot):
        widget = walk(app).query_one(RequestsInput)
        await pilot.press(*"Text me", "enter", *"Walk", "enter")
        await pilot.pause()
        # The asking is done: the first request is highlighted, and Tab goes on from it.
        assert app.focused is widget.query_one("#requests")
        assert widget.selected == 0
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is widget.query_one("#benefit")
        await pilot.press("5", "tab", "1", "tab")
        await pilot.pause()
        assert app.focused is widget.query_one("#decision")
        await pilot.press("enter")
        await pilot.pause()
        first = widget.rows[0]
        assert (first.benefit, first.cost, first.decision) == (5, 1, "yes")


async def test_a_request_brought_back_keeps_its_ratings(store: Store, library: Library) -> None:
    couple = make_couple(store)
    earlier_request(store, couple, by="b", text="A weekend away", benefit=5, cost=4)
    async with at_step(store, library, "check-in", "asks") as (app, pilot):
        widget = walk(app).query_one(RequestsInput)
        widget.query_one("#earlier").focus()
        await pilot.press("enter")
        await pilot.pause()
        back = widget.rows[-1]
        assert (back.text, back.benefit, back.cost, back.decision) == (
            "A weekend away",
            5,
            4,
            None,
        )
        assert "It matters a lot to Alex" in str(widget.query_one("#advice", Static).content)


async def test_keys_on_a_rating_rate_it_and_never_become_a_request(
    store: Store, library: Library
) -> None:
    """Rating keys once made a request "44" that could not be deleted: on a rating row, a
    digit rates the row, and other keys mean nothing there."""
    couple = make_couple(store)
    earlier_request(store, couple, by="b", text="A weekend away", benefit=5, cost=4)
    async with at_step(store, library, "requests", "asks") as (app, pilot):
        widget = walk(app).query_one(RequestsInput)
        widget.query_one("#earlier").focus()
        await pilot.press("enter", "tab")
        await pilot.pause()
        assert app.focused is widget.query_one("#benefit")
        await pilot.press(*"2 walks", "enter", "tab", *"44", "enter")
        await pilot.pause()
        assert app.focused is widget.query_one("#cost")
        assert [(r.text, r.benefit, r.cost) for r in widget.rows] == [("A weekend away", 2, 4)]
        assert widget.query_one("#ask", Input).value == ""


async def test_the_request_box_is_saved_as_typed_and_comes_back(
    store: Store, library: Library
) -> None:
    make_couple(store)
    async with at_step(store, library, "requests", "asks", notifications=True) as (app, pilot):
        await pilot.press(*"Call me", "enter", *"Plan a day o")
        session = await on_disk(
            store, pilot, lambda a: a["requests"]["asks"]["draft"] == "Plan a day o"
        )
        assert [r["text"] for r in session["answers"]["requests"]["asks"]["requests"]] == [
            "Call me"
        ]
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert walk(app).walk.step(walk(app).place).id == "asks"
        assert any("not added yet" in n.message for n in app._notifications)
        await pilot.press("ctrl+q")
    async with resuming(store, library) as (again, pilot):
        widget = walk(again).query_one(RequestsInput)
        assert again.focused is widget.query_one("#ask")
        # The stage scrolls to the box once it has been drawn at its top.
        await until(pilot, lambda: "Alex, what would you ask Sam for?" in screen_text(again))
        await pilot.press(*"ut", "enter")
        await pilot.pause()
        assert [(r.by, r.text) for r in widget.rows] == [("a", "Call me"), ("b", "Plan a day out")]


async def test_the_third_option_and_the_note_are_saved_as_typed_and_come_back(
    store: Store, library: Library
) -> None:
    make_couple(store)
    async with at_step(store, library, "check-in", "asks") as (app, pilot):
        widget = walk(app).query_one(RequestsInput)
        await pilot.press(*"Text me", "enter", *"Walk", "enter", "tab", "tab", "tab")
        await pilot.pause()
        assert app.focused is widget.query_one("#decision")
        await pilot.press("down", "down", "enter")  # A third option: the cursor goes to its box
        await pilot.pause()
        assert app.focused is widget.query_one("#third")
        await pilot.press(*"Text at six", "tab", *"later")
        session = await on_disk(
            store,
            pilot,
            lambda a: a["check-in"]["asks"]["requests"][0]["note"] == "later",
        )
        (first, _) = session["answers"]["check-in"]["asks"]["requests"]
        assert (first["decision"], first["third"]) == ("third", "Text at six")
        await pilot.press("ctrl+q")
    async with resuming(store, library) as (again, pilot):
        widget = walk(again).query_one(RequestsInput)
        assert widget.query_one("#third", Input).value == "Text at six"
        assert widget.query_one("#note", Input).value == "later"
