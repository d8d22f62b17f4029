"""Hostile and odd text, as names, answers and pack text: shown literally, no action, no crash."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.hostile import HOSTILE
from tests.tui.conftest import SIZE, answer, app_for, screen_text, walk
from workbook import tomlio
from workbook.data.store import Store
from workbook.logic.walk import HANDOVER, REVEAL
from workbook.packs.library import load_library
from workbook.tui.screens.new_couple import NewCoupleScreen

QUIT = "[@click=app.quit]x[/]"
HOSTILE_PACK = {
    "format": 1,
    "id": "hostile",
    "title": "[bold]Loud[/] \x1b[31m pack",
    "summary": "[link=https://example.com]click[/link]",
    "steps": [
        {
            "id": "r",
            "kind": "read",
            "title": "[/]",
            "body": "# [@click=app.quit]quit[/]\n\n<script>x</script> [x](https://e.com)",
        },
        {
            "id": "t",
            "kind": "text",
            "title": QUIT,
            "prompt": "{me} [b]bold?[/b] [/]",
            "help": "{partner} [@click=app.quit]help[/]",
        },
        {
            "id": "c",
            "kind": "choice",
            "prompt": "Pick [red]",
            "options": [QUIT, "[/]", "ok"],
            "pick_max": 2,
            "other": True,
        },
        {"id": "k", "kind": "rank", "prompt": "Order [/]", "options_from": "c"},
        {
            "id": "s",
            "kind": "scale",
            "prompt": "Rate",
            "items": [QUIT, "[/]"],
            "low": "[b]",
            "high": "[/]",
            "gap": 1,
        },
        {"id": "a", "kind": "agreement", "prompt": "Agree [/]", "from": ["t", "c", "s"]},
    ],
}


async def test_hostile_names_answers_and_pack(tmp_path: Path, store: Store, data_dir: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "hostile.toml").write_text(tomlio.dumps(HOSTILE_PACK), encoding="utf-8")
    library = load_library([packs], environ={}, builtin=False)
    assert library.packs["hostile"].ok
    answers = [text for text in HOSTILE if len(text) < 1000]
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewCoupleScreen)
        app.screen.query_one("#name-a", Input).value = QUIT
        app.screen.query_one("#name-b", Input).value = "[/]"
        await pilot.click("#continue")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.agenda = ["hostile"]  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = walk(app)
        seen = []
        for turn in range(60):
            place = screen.place
            step = screen.walk.step(place)
            text = screen_text(app)
            seen.append(text)
            if step.kind == "text" and place.phase not in (HANDOVER, REVEAL):
                await answer(pilot, answers[turn % len(answers)] + "\n" + HOSTILE[-1])
            elif step.kind == "choice" and place.phase not in (HANDOVER, REVEAL):
                await answer(pilot, [QUIT, "[/]"])
            elif step.kind == "scale" and place.phase not in (HANDOVER, REVEAL):
                await answer(pilot, {QUIT: 1, "[/]": 5})
            elif step.kind == "agreement":
                widget = screen.query_one("AgreementInput")
                widget.add(QUIT)  # type: ignore[attr-defined]
                await pilot.pause()
                # The stage follows the focus down to the new term: back to its top to click.
                screen.query_one("#stage").scroll_home(animate=False)
                await pilot.pause()
                for target in ("#partner-a", "#partner-b", "#progress", ".step-title"):
                    await pilot.click(target)
                break
            # A hand-over passes by the named partner's button; everything else by Next.
            await pilot.press("enter" if screen.walk.is_handoff(place) else "ctrl+n")
            await pilot.pause()
            assert app.is_running
        assert screen.walk.step(screen.place).kind == "agreement"
        everything = "\n".join(seen) + screen_text(app)
        assert QUIT in everything
        assert "[bold]Loud[/]" in everything
        assert "[b]bold?[/b] [/]" in everything
        assert "\x1b" not in everything
        assert app.is_running
        walk(app).autosave.now()
    (session,) = (data_dir / "couples").rglob("sessions/*.toml")
    saved = tomlio.loads(session.read_text())["answers"]["hostile"]
    assert saved["c"]["a"] == [QUIT, "[/]"]
    assert "\x1b" not in session.read_text()
