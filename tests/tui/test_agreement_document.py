"""The agreement document after three sessions of different packs, each agreed in the walk with
the partners' own keys: every pack's title kept, who does each term said, and plain text that
reads well in any editor; and no term naming a doer the couple did not choose."""

from __future__ import annotations

from datetime import date

from textual.widgets import OptionList, TextArea

from tests.tui.burst import at_once, settled
from tests.tui.conftest import SIZE, app_for, make_couple, screen_text, step_input, walk
from workbook.data.answers.text import TextAnswer
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.packs.models import AgreementStep
from workbook.tui.screens.term_dialogs import TermWordsScreen, WhoScreen
from workbook.tui.steps.agreement import AgreementInput

SESSIONS = (
    ("values", "Keep Sunday mornings for the two of us", "both"),
    ("respect", "Ask before making plans for both of us", "a"),
    ("requests", "Text when running late", "b"),
)


async def _agree_in_a_session(
    store: Store, library: Library, pack: str, text: str, who: str
) -> None:
    couple = store.load_couple("sam-and-alex")
    app = app_for(store, library)
    app.today = lambda: date(2026, 11, 22)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, [pack])
        await pilot.pause()
        screen = walk(app)
        steps = screen.walk.packs[0].steps
        at = next(i for i, step in enumerate(steps) if isinstance(step, AgreementStep))
        await screen.goto_step(0, at)
        await pilot.pause()
        widget = step_input(app)
        assert isinstance(widget, AgreementInput)
        widget.add(text, who=who)
        terms = widget.query_one("#terms")
        terms.focus()
        terms.highlighted = len(widget.terms) - 1  # type: ignore[attr-defined]
        await pilot.press("1", "2")
        await pilot.pause()
        screen.finish()
        await pilot.pause()


async def test_three_sessions_make_one_plain_document(store: Store, library: Library) -> None:
    make_couple(store)
    for pack, text, who in SESSIONS:
        await _agree_in_a_session(store, library, pack, text, who)
    document = (store.layout.couple_folder("sam-and-alex") / "agreement.md").read_text()
    for title in ("What we value", "Defining respect", "Asking for what you need"):
        assert f"## From “{title}”" in document
    assert "**Both of you:** Keep Sunday mornings for the two of us" in document
    assert "**Sam will:** Ask before making plans for both of us" in document
    assert "**Alex will:** Text when running late" in document
    lines = document.splitlines()
    assert not [line for line in lines if line.endswith("\\")]
    assert "\\" not in document
    # The confirmation is said once for the whole document, not on every item.
    assert document.count("confirmed by both of you") == 1
    assert len(lines) < 40


SLIPS = {
    "a": "I snap about small things. Ask me to take a walk with you.",
    "b": "I go quiet. I will say so at the check-in.",
}
KEEP_BUILDING = {"a": "An evening each week for the two of us", "b": "Try something new"}


async def test_who_does_a_term_in_ones_own_words_is_asked(store: Store, library: Library) -> None:
    """Terms offered from written answers: who will do each is asked (the writer, the other,
    both; the pack's done_by highlighted), words in the first person are offered for rewording,
    and the document names only the doers the couple chose."""
    couple = make_couple(store, "Noor", "Sam")
    app = app_for(store, library)
    app.today = lambda: date(2026, 11, 22)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["before-you-commit"])
        await settled(app, pilot)
        screen = walk(app)
        screen.recorder.record("before-you-commit", "slips", TextAnswer(**SLIPS))
        screen.recorder.record("before-you-commit", "keep-building", TextAnswer(**KEEP_BUILDING))
        steps = [step.id for step in screen.walk.packs[0].steps]
        await screen.goto_step(0, steps.index("agree"))
        await settled(app, pilot)
        widget = step_input(app)
        assert isinstance(widget, AgreementInput)
        offers = widget.query_one("#offers", OptionList)
        assert app.focused is offers

        # Noor's words, with "I" and "me": the asking is Sam's. Sam is chosen, over the
        # pack's suggestion (Noor, who wrote it), and the words are reworded to say so.
        await at_once(app, pilot, "enter")
        who = app.screen
        assert isinstance(who, WhoScreen)
        shown = screen_text(app)
        assert "Who will do this?" in shown
        assert "Noor, who wrote it (the pack suggests this)" in shown
        await at_once(app, pilot, "down", "enter")
        words = app.screen
        assert isinstance(words, TermWordsScreen)
        assert "“I”, “me”" in screen_text(app)
        words.query_one(TextArea).load_text("Suggest a walk when Noor snaps about small things")
        await at_once(app, pilot, "enter", "1", "2")
        # Sam's own words, for Sam (the suggestion), kept as written (Esc).
        offers.focus()
        offers.highlighted = 1
        await at_once(app, pilot, "enter", "enter", "escape", "1", "2")
        # Words for both of you (done_by = "both"): no first person, nothing more to ask.
        offers.focus()
        offers.highlighted = 2
        await at_once(app, pilot, "enter", "enter", "1", "2")
        # Esc on the question of who adds nothing.
        offers.focus()
        offers.highlighted = 3
        await at_once(app, pilot, "enter", "escape")
        assert len(widget.terms) == 3
        screen.finish()
        await settled(app, pilot)

    document = (store.layout.couple_folder(couple.id) / "agreement.md").read_text()
    chosen = [
        "**Sam will:** Suggest a walk when Noor snaps about small things",
        "**Sam will:** I go quiet. I will say so at the check-in.",
        "**Both of you:** An evening each week for the two of us",
    ]
    for item in chosen:
        assert item in document
    # No term names a doer the couple did not choose.
    named = [line for line in document.splitlines() if line.startswith("- **")]
    assert len(named) == len(chosen)
    assert "Noor will" not in document
    assert "Try something new" not in document
