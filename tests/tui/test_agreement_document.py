"""The agreement document after three sessions of different packs, each agreed in the walk with
the partners' own keys: every pack's title kept, who does each term said, and plain text that
reads well in any editor."""

from __future__ import annotations

from datetime import date

from tests.tui.conftest import SIZE, app_for, make_couple, step_input, walk
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.packs.models import AgreementStep
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
