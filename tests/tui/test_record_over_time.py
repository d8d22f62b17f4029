"""A couple's record over three check-ins a week apart, with reviews at the start of the second
and third: each session's summary, exported after the last review, says what that session said
(the agreements as made that day, the reviews made in it with the words before and after), and
what came later only as later notes with their dates."""

from __future__ import annotations

from datetime import date

from tests.tui.burst import at_once, settled
from tests.tui.conftest import SIZE, add_and_confirm_term, app_for, make_couple, walk
from workbook.data.store import Store
from workbook.export.documents import export
from workbook.packs.library import Library
from workbook.tui.screens.review import ReviewScreen

DAYS = (date(2026, 11, 22), date(2026, 11, 29), date(2026, 12, 6))


def _typed(text: str) -> list[str]:
    return list(text)


async def _check_in(
    store: Store, library: Library, today: date, review: list[str], terms: list[str]
) -> str:
    """A check-in on ``today``: the review of what is due with ``review`` (real keys, Esc at
    the end), then ``terms`` agreed at its agreement step. Returns the session's id."""
    app = app_for(store, library)
    app.today = lambda: today
    async with app.run_test(size=SIZE) as pilot:
        app.begin(store.load_couple("sam-and-alex"), ["check-in"])
        await settled(app, pilot)
        if review:
            assert isinstance(app.screen, ReviewScreen)
            await at_once(app, pilot, *review, "escape")
        screen = walk(app)
        steps = [step.id for step in screen.walk.packs[0].steps]
        await screen.goto_step(0, steps.index("agree"))
        await settled(app, pilot)
        for text in terms:
            await add_and_confirm_term(pilot, text)
        session_id = screen.session.id
        screen.finish()
        await settled(app, pilot)
    return session_id


def _summary(store: Store, library: Library, session_id: str) -> str:
    return export(store, "sam-and-alex", library.packs, DAYS[2], session_id=session_id).text


async def test_each_summary_says_what_its_session_said(store: Store, library: Library) -> None:
    make_couple(store)
    first = await _check_in(
        store, library, DAYS[0], [], ["Walk on Sundays", "Cook on Mondays", "Phones away"]
    )
    # A week later all three are due: Walk on Sundays kept; Cook on Mondays changed, each
    # confirming with their own key; Phones away left for now.
    change = ["down", "c", "home", "ctrl+k", *_typed("Cook on Tuesdays"), "enter", "1", "2"]
    second = await _check_in(store, library, DAYS[1], ["k", *change], ["Text when late"])
    # Another week: Phones away (due longest) is let go, Walk on Sundays changed, the rest kept.
    third = await _check_in(
        store,
        library,
        DAYS[2],
        [
            *["l", "l", "down", "c", "home", "ctrl+k", *_typed("Walk on Saturdays")],
            *["enter", "1", "2", "down", "k", "down", "k"],
        ],
        [],
    )

    one = _summary(store, library, first)
    assert "Agreements reviewed in this session" not in one
    # Made that day, in that day's words and with that day's review date; the rest later.
    assert (
        "- **Both of you:** Walk on Sundays\n\n"
        "  *Agreed on 22 November 2026; review on 29 November 2026.*\n\n"
        "  *Later:* kept on 29 November 2026; changed on 6 December 2026, to: Walk on Saturdays."
    ) in one
    assert (
        "- **Both of you:** Cook on Mondays\n\n"
        "  *Agreed on 22 November 2026; review on 29 November 2026.*\n\n"
        "  *Later:* changed on 29 November 2026, to: Cook on Tuesdays; kept on 6 December 2026."
    ) in one
    assert "*Later:* let go on 6 December 2026." in one
    assert "**Both of you:** Walk on Saturdays" not in one
    assert "**Both of you:** Cook on Tuesdays" not in one

    two = _summary(store, library, second)
    reviewed, made = (
        two.split("## Agreements reviewed in this session")[1].split("## Weekly check-in")[0],
        two.split("## Agreements made in this session")[1],
    )
    assert (
        "- **Both of you:** Walk on Sundays\n\n"
        "  *Kept on 29 November 2026; next review on 6 December 2026.*\n\n"
        "  *Later:* changed on 6 December 2026, to: Walk on Saturdays."
    ) in reviewed
    assert (
        "- **Both of you:** Cook on Tuesdays\n\n"
        "  *Changed on 29 November 2026; next review on 6 December 2026. The words before:* "
        "Cook on Mondays\n\n"
        "  *Later:* kept on 6 December 2026."
    ) in reviewed
    assert "Phones away" not in reviewed
    assert (
        "- **Both of you:** Text when late\n\n"
        "  *Agreed on 29 November 2026; review on 6 December 2026.*\n\n"
        "  *Later:* kept on 6 December 2026."
    ) in made

    three = _summary(store, library, third)
    reviewed = three.split("## Agreements reviewed in this session")[1].split("## ")[0]
    assert "- **Both of you:** Phones away\n\n  *Let go on 6 December 2026.*" in reviewed
    assert (
        "- **Both of you:** Walk on Saturdays\n\n"
        "  *Changed on 6 December 2026; next review on 13 December 2026. The words before:* "
        "Walk on Sundays"
    ) in reviewed
    assert "**Both of you:** Cook on Tuesdays\n\n  *Kept on 6 December 2026" in reviewed
    assert "**Both of you:** Text when late\n\n  *Kept on 6 December 2026" in reviewed
    assert "Later:" not in three
    assert "*None in this session.*" in three
