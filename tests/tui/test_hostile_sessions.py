"""Random and hostile answer tables for every kind, in a real session file, resumed in the app:
every step and phase of the pack is shown with no crash and no markup read. A markup string in
an answer shows as it is, and nothing on the screen carries an action from the file.

Each example is one app that visits every place (about 4 s of CPU), so examples are few: the
valid-looking hostile tables at every step, then a few drawn ones. The exports of the same
tables are tested in tests/test_hostile_sessions_export.py, with many more examples.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from textual.strip import Strip
from textual.widgets import Footer

from tests.hostile_tables import Drawn, library_with, sessions, shaped_everywhere, write_session
from tests.tui.conftest import app_for, walk
from workbook.data.store import Store

# Taller than the usual 80×24, so that each step shows all of its answers without scrolling.
SIZE = (80, 50)


def _actions(strips: list[Strip]) -> list[object]:
    """The actions any cell of the screen drawn as ``strips`` would run when clicked."""
    found = []
    for strip in strips:
        for segment in strip:
            meta = segment.style.meta if segment.style is not None else {}
            found += [value for key, value in meta.items() if key == "@click"]
    return found


def _text(strips: list[Strip]) -> str:
    """What the screen drawn as ``strips`` shows, as ``screen_text`` reads it."""
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def _resume_everywhere(root: Path, drawn: Drawn) -> dict[str, str]:
    """Resume the session, show every place of the pack, and return what each step showed."""
    library = library_with(root / "packs")
    write_session(root / "data", library, drawn)
    store = Store(root / "data")
    app = app_for(store, library)
    shown: dict[str, str] = {}
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = walk(app)
        for place in screen.walk.places:
            await screen.go(place)
            await pilot.pause()
            assert app.is_running
            assert screen.place == place
            # The screen is drawn once for both checks (it is the same until the next pause).
            strips = app.screen._compositor.render_strips()
            actions = _actions(strips)
            assert not actions, (place, actions)
            if app._notifications:
                # A warning about what was not read may cover the answers: read them after.
                app.clear_notifications()
                await pilot.pause()
                strips = app.screen._compositor.render_strips()
            step = screen.walk.step(place).id
            shown[step] = shown.get(step, "") + "".join(_text(strips).split())
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
    return shown


@settings(
    max_examples=2,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(drawn=sessions(long=False))
@example(drawn=shaped_everywhere())
def test_any_table_at_any_step_resumes_with_no_crash_and_no_markup_read(
    drawn: Drawn, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The footer shows only the app's own key labels, never a word from a file, and rebuilding
    # it each time focus moves is half the time of this test: here it stays as it was drawn.
    monkeypatch.setattr(Footer, "bindings_changed", lambda self, screen: None)
    with tempfile.TemporaryDirectory() as temporary:
        shown = asyncio.run(_resume_everywhere(Path(temporary), drawn))
    assert set(shown) == {step for step, _ in drawn.tables.items()}
    for step, marker in drawn.markers.items():
        assert "".join(marker.split()) in shown[step], (step, marker)
