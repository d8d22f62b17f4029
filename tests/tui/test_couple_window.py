"""The couple's window (DESIGN.md section 3.10): a session opened for a couple shows that couple
and nothing else. Esc pauses to a screen that names only them, with Resume; the keys, the
search and the palette there reach no other couple; the caseload opens only through the
practice lock (the PIN, or an encrypted folder's passphrase), or, with neither, only when the
folder holds no other couple. The agenda names its couple in a box across the screen."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, Input, Static

from tests.crypt_helpers import pin_written
from tests.tui.conftest import (
    SIZE,
    app_for,
    home_loaded,
    make_caseload,
    make_couple,
    screen_text,
    until,
    walk,
)
from workbook import tomlio
from workbook.cli import main
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.home import HomeScreen
from workbook.tui.screens.pause import PauseScreen
from workbook.tui.screens.practice_lock import PracticeLockScreen

# Everyone in ``make_caseload`` but Jo and Kim.
OTHERS = re.compile(r"\b(Sam|Alex|Ana|Ben|Robin|Lee|Zoë|Chris)\b")
PIN = "4711"


def others_named(app: Any) -> list[str]:
    return OTHERS.findall(screen_text(app))


async def paused(pilot: Any) -> PauseScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, PauseScreen))
    await pilot.pause()
    return pilot.app.screen  # type: ignore[no-any-return]


async def test_esc_pauses_to_the_couple_alone_and_no_key_reaches_another_couple(
    store: Store, library: Library
) -> None:
    make_caseload(store)
    store.close()
    # workbook start --couple jo-and-kim: their agenda, above a caseload of five.
    app = app_for(Store(store.root), library, couple_id="jo-and-kim")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.pause()
        banner = app.screen.query_one(".couple-banner", Static)
        assert str(banner.render()) == "Jo and Kim"
        await pilot.press("escape")
        door = await paused(pilot)
        text = screen_text(app)
        assert "Jo and Kim" in text
        assert "Resume" in text
        assert others_named(app) == []
        # No lock is set and other couples are here: no way to Home, and the screen says why.
        assert not door.query_one("#home", Button).display
        assert "quit and open workbook again" in " ".join(text.split())
        # The search key, the arrows and the palette find nobody else.
        await pilot.press("slash", "down", "up", "left", "right", "tab")
        assert others_named(app) == []
        await pilot.press("ctrl+p")
        await pilot.pause()
        for letters in ("a", "sam", "export", "edit"):
            await pilot.press(*letters)
            await pilot.pause()
            assert others_named(app) == [], letters
            await pilot.press(*["backspace"] * len(letters))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is door
        # Resume is theirs: their unfinished session, and Esc comes back here.
        await pilot.press("r")
        await until(pilot, lambda: not isinstance(app.screen, PauseScreen))
        await pilot.pause()
        assert walk(app).couple.id == "jo-and-kim"
        await pilot.press("ctrl+p", *"sam")
        await pilot.pause()
        assert others_named(app) == []
        await pilot.press("escape", "escape")
        assert await paused(pilot) is door
        assert others_named(app) == []


async def test_the_practice_lock_three_wrong_pins_then_the_right_one(
    store: Store, library: Library, data_dir: Path, tmp_path: Path
) -> None:
    make_caseload(store)
    store.close()
    pin_file = tmp_path / "pin.txt"
    pin_file.write_text(f"{PIN}\n", encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "pin", "set", "--pin-file", str(pin_file)]) == 0
    settings = (data_dir / "settings.toml").read_text(encoding="utf-8")
    kept = tomlio.loads(settings)["pin"]
    # A salted scrypt hash, never the PIN.
    assert not pin_written(settings, PIN)
    assert kept["kdf"] == "scrypt"
    assert len(bytes.fromhex(kept["salt"])) == 16
    assert len(bytes.fromhex(kept["hash"])) == 32
    app = app_for(Store(data_dir), library)
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        assert home.choose("jo-and-kim")
        await pilot.press("r")
        await until(pilot, lambda: not isinstance(app.screen, HomeScreen))
        await pilot.press("escape")
        door = await paused(pilot)
        waited: list[float] = []

        async def no_wait(seconds: float) -> None:
            waited.append(seconds)

        # The delays are asked for, and not waited for: the test waits on the work alone.
        door.tries.wait = no_wait
        assert str(door.query_one("#home", Button).label) == "Home (locked)"
        await pilot.click("#home")
        await until(pilot, lambda: isinstance(app.screen, PracticeLockScreen))
        lock = app.screen
        assert isinstance(lock, PracticeLockScreen)
        field = lock.query_one("#secret", Input)
        for number, wrong in enumerate(("1234", "0000", "4712"), 1):
            await pilot.press(*wrong, "enter")

            def checked(n: int = number) -> bool:
                return lock.checked == n and not field.disabled

            await until(pilot, checked)
            assert "That is not the PIN. Please try again." in screen_text(app)
            assert others_named(app) == []
        # Each wrong entry waits longer; nothing of it is in a file.
        assert waited == [1.0, 2.0, 4.0]
        assert (data_dir / "settings.toml").read_text(encoding="utf-8") == settings
        await pilot.press(*PIN, "enter")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await home.loaded()
        await pilot.pause()
        # Back on the caseload, with the couple just seen still chosen.
        assert home._chosen_id() == "jo-and-kim"
        assert "Sam and Alex" in screen_text(app)
    assert main(["--data-dir", str(data_dir), "pin", "clear"]) == 0
    assert "pin" not in tomlio.loads((data_dir / "settings.toml").read_text(encoding="utf-8"))


async def test_with_no_lock_and_no_other_couple_home_is_offered(
    store: Store, library: Library
) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        app.begin(couple, ["respect"])
        await pilot.pause()
        await pilot.press("escape")
        door = await paused(pilot)
        assert str(door.query_one("#home", Button).label) == "Home"
        await pilot.click("#home")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_an_encrypted_folder_opens_the_caseload_with_its_passphrase(
    data_dir: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.crypt_helpers import PASSPHRASE, quick_wrap
    from workbook.data import crypt_folder, key_files, vault

    quick_wrap(monkeypatch)
    store = Store(data_dir)
    store.prepare()
    jo = make_couple(store, "Jo", "Kim")
    make_couple(store, "Ana", "Ben")
    crypt_folder.encrypt(data_dir, PASSPHRASE, lambda _code: None)
    # Unlocked, as the passphrase screen leaves it before Home.
    vault.unlock(data_dir, key_files.unwrap(data_dir, PASSPHRASE))
    store = Store(data_dir)
    # Encrypted, the couple's folder has an opaque name.
    (jo,) = [c for c in map(store.load_couple, store.couple_ids()) if c.names == jo.names]
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        app.begin(jo, ["respect"])
        await pilot.pause()
        await pilot.press("escape")
        door = await paused(pilot)

        async def no_wait(_seconds: float) -> None:
            return None

        door.tries.wait = no_wait
        await pilot.click("#home")
        await until(pilot, lambda: isinstance(app.screen, PracticeLockScreen))
        lock = app.screen
        assert isinstance(lock, PracticeLockScreen)
        assert "this workbook's passphrase" in screen_text(app)
        # A PIN is no use here: only the passphrase opens the caseload.
        await pilot.press(*PIN, "enter")
        await until(pilot, lambda: lock.checked == 1)
        assert "That is not the passphrase" in screen_text(app)
        lock.query_one("#secret", Input).value = PASSPHRASE
        await until(pilot, lambda: not lock.query_one("#secret", Input).disabled)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert "Ana and Ben" in screen_text(app)


async def test_enter_on_a_searched_caseload_opens_the_highlighted_couple_named_large(
    store: Store, library: Library
) -> None:
    make_caseload(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        await pilot.press("slash", *"kim", "enter")
        await pilot.pause()
        assert home._chosen_id() == "jo-and-kim"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.pause()
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        assert agenda.couple.id == "jo-and-kim"
        banner = agenda.query_one(".couple-banner", Static)
        assert str(banner.render()) == "Jo and Kim"
        # A box across the screen, above the question: three rows, not one line among many.
        assert banner.region.height == 3
        assert banner.region.width >= SIZE[0] - 4
