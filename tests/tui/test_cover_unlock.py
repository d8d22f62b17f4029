"""The unlock and change-passphrase screens' other paths, on a host app of their own with the
folder's service replaced: an empty passphrase, a key.age broken while unlocking, a folder that
cannot be opened or whose passphrase cannot be set, a recovery code shown once, Back and Escape,
and a passphrase change refused."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, Input, Static

from tests.tui.conftest import SIZE, ScreenHost
from workbook.service import folder
from workbook.service.errors import ServiceError, WrongSecret
from workbook.tui.screens.unlock import ChangePassphraseScreen, UnlockScreen

FRESH = "a fresh passphrase"


def _none(*args: Any) -> None:
    return None


@pytest.fixture
def service(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A folder service that opens anything, until a test says otherwise."""
    calls: dict[str, Any] = {"recovered": []}
    monkeypatch.setattr(folder, "check_keys", _none)
    monkeypatch.setattr(folder, "unlock", _none)
    monkeypatch.setattr(folder, "recovery_usable", lambda root: True)
    monkeypatch.setattr(folder, "recovery_note", lambda root: None)
    monkeypatch.setattr(folder, "is_code", lambda code: code.startswith("CODE"))

    def recover(root: Path, code: str, new: str) -> None:
        calls["recovered"].append((code, new))

    monkeypatch.setattr(folder, "recover", recover)
    return calls


def failing(monkeypatch: pytest.MonkeyPatch, name: str, error: Exception) -> None:
    """The folder service's ``name`` raises ``error``, whatever it is asked."""

    def fail(*args: Any) -> None:
        raise error

    monkeypatch.setattr(folder, name, fail)


@asynccontextmanager
async def shown(make: Callable[[], Any]) -> AsyncIterator[tuple[ScreenHost, Any, Any]]:
    """The host app with the screen ``make`` gives pushed and drawn: (app, pilot, screen)."""
    app = ScreenHost(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        yield app, pilot, app.screen


def text(screen: Any, part: str = "#message") -> str:
    return " ".join(str(screen.query_one(part, Static).render()).split())


def fill(screen: Any, **values: str) -> None:
    for field, value in values.items():
        screen.query_one(f"#{field}", Input).value = value


async def done(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def press(pilot: Any, button: str) -> None:
    """Press ``button`` on the screen shown, and wait for the work it sets going."""
    pilot.app.screen.query_one(button, Button).press()
    await done(pilot)


async def set_by_code(pilot: Any, code: str = "CODE1", new: str = FRESH) -> None:
    """The recovery code and a new passphrase (typed twice) given, and Set pressed."""
    fill(pilot.app.screen, code=code, new=new, again=new)
    await press(pilot, "#set")


async def test_an_empty_passphrase_is_asked_for_and_nothing_is_tried(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    tried: list[str] = []
    monkeypatch.setattr(folder, "unlock", lambda root, secret, show: tried.append(secret))
    async with shown(lambda: UnlockScreen(tmp_path)) as (app, pilot, screen):
        await press(pilot, "#open")
        assert text(screen) == "Please type the passphrase."
        assert tried == []
        assert isinstance(app.screen, UnlockScreen)


async def test_a_key_broken_while_unlocking_offers_only_the_recovery_code(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    failing(monkeypatch, "unlock", folder.KeyBroken("key.age is damaged."))
    monkeypatch.setattr(folder, "recovery_usable", lambda root: False)
    async with shown(lambda: UnlockScreen(tmp_path)) as (app, pilot, screen):
        fill(screen, passphrase="anything long")
        await press(pilot, "#open")
        assert text(screen, "#title") == "This workbook cannot be opened"
        assert text(screen, "#problem") == "key.age is damaged."
        assert not screen.query_one("#ask").display
        # No recovery file: only Quit is offered, and it has the focus.
        assert not screen.query_one("#use-code", Button).display
        assert screen.focused is screen.query_one("#quit", Button)
        await press(pilot, "#quit")
        assert app.result == [False]


async def test_a_folder_that_cannot_be_opened_says_why_and_asks_again(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    failing(monkeypatch, "unlock", ServiceError("the disk is full"))
    async with shown(lambda: UnlockScreen(tmp_path)) as (app, pilot, screen):
        fill(screen, passphrase="anything long")
        await press(pilot, "#open")
        assert text(screen) == "The folder cannot be opened: the disk is full"
        assert screen.query_one("#passphrase", Input).value == ""
        assert not screen.query_one("#open", Button).disabled
        assert app.result == []


async def test_a_finished_encryption_shows_the_new_code_once_then_opens(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def unlock(root: Path, secret: str, show: Any) -> None:
        show("NEW11-CODE2")

    monkeypatch.setattr(folder, "unlock", unlock)
    monkeypatch.setattr(folder, "recovery_note", lambda root: "key.recovery.age is missing")
    async with shown(lambda: UnlockScreen(tmp_path)) as (app, pilot, screen):
        assert isinstance(screen, UnlockScreen)
        fill(screen, passphrase="anything long")
        await press(pilot, "#open")
        assert screen.code == "NEW11-CODE2"
        assert "NEW11-CODE2" in text(screen, "#recovery-code")
        assert screen.query_one("#show-code").display
        assert app.result == []
        await press(pilot, "#written")
        assert app.result == [True]
        assert [n.message for n in app._notifications] == ["key.recovery.age is missing"]


async def test_back_from_the_recovery_code_and_escape(
    tmp_path: Path, service: dict[str, Any]
) -> None:
    async with shown(lambda: UnlockScreen(tmp_path)) as (app, pilot, screen):
        await press(pilot, "#lost")
        assert screen.query_one("#recover").display
        assert screen.focused is screen.query_one("#code", Input)
        # Enter in the code's box goes on to the next field.
        await pilot.press("enter")
        assert screen.focused is not screen.query_one("#code", Input)
        await press(pilot, "#back")
        assert screen.query_one("#ask").display
        assert not screen.query_one("#recover").display
        await pilot.press("escape")
        await pilot.pause()
        assert app.result == [False]


async def test_back_on_a_broken_key_checks_it_again(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    problems = ["key.age is missing.", "key.age is a folder."]

    def check(root: Path) -> None:
        if problems:
            raise folder.KeyBroken(problems.pop(0))

    monkeypatch.setattr(folder, "check_keys", check)
    async with shown(lambda: UnlockScreen(tmp_path)) as (_app, pilot, screen):
        assert text(screen, "#problem") == "key.age is missing."
        await press(pilot, "#use-code")
        await press(pilot, "#back")
        # Changed on disk meanwhile: the new problem is said.
        assert text(screen, "#problem") == "key.age is a folder."
        assert screen.query_one("#no-key").display
        await press(pilot, "#use-code")
        await press(pilot, "#back")
        # Mended meanwhile: still only the code opens it (nothing said as a problem).
        assert text(screen, "#problem") == ""
        assert screen.query_one("#no-key").display


async def test_a_recovery_code_refused_or_not_set(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    failing(monkeypatch, "recover", ServiceError("key.age could not be written"))
    async with shown(lambda: UnlockScreen(tmp_path)) as (app, pilot, screen):
        await press(pilot, "#lost")
        await set_by_code(pilot, code="nonsense")
        assert text(screen) == "Please type the recovery code."
        await set_by_code(pilot, new="short")
        assert "at least" in text(screen)
        await set_by_code(pilot)
        assert text(screen) == ("The passphrase could not be set: key.age could not be written")
        assert app.result == []


async def test_a_recovered_broken_folder_opens_with_the_new_passphrase(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = [True]

    def check(root: Path) -> None:
        if broken[0]:
            raise folder.KeyBroken("key.age is missing.")

    opened: list[str] = []
    monkeypatch.setattr(folder, "check_keys", check)
    monkeypatch.setattr(folder, "unlock", lambda root, secret, show: opened.append(secret))
    async with shown(lambda: UnlockScreen(tmp_path)) as (app, pilot, _screen):
        await press(pilot, "#use-code")
        await set_by_code(pilot)
        await done(pilot)
        assert service["recovered"] == [("CODE1", FRESH)]
        assert opened == [FRESH]
        assert app.result == [True]


async def test_a_wrong_code_after_a_broken_key_keeps_the_code_offered(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    failing(monkeypatch, "check_keys", folder.KeyBroken("key.age is missing."))
    failing(monkeypatch, "recover", WrongSecret("no"))
    async with shown(lambda: UnlockScreen(tmp_path)) as (_app, pilot, screen):
        await press(pilot, "#use-code")
        await set_by_code(pilot)
        assert "recovery code does not open" in text(screen)
        assert screen.query_one("#use-code", Button).display


async def test_a_passphrase_change_refused_then_cancelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(folder, "open_key", lambda root, old: object())
    failing(monkeypatch, "change_passphrase", ServiceError("key.age is read-only"))
    async with shown(lambda: ChangePassphraseScreen(tmp_path)) as (app, pilot, screen):
        assert screen.focused is screen.query_one("#old", Input)
        await pilot.press("enter")
        assert screen.focused is screen.query_one("#new", Input)
        fill(screen, old="the old one", new="a new passphrase", again="another one")
        await press(pilot, "#change")
        assert "not the same" in text(screen)
        fill(screen, again="a new passphrase")
        await press(pilot, "#change")
        assert text(screen) == "The passphrase was not changed: key.age is read-only"
        assert not screen.query_one("#change", Button).disabled
        assert screen.focused is screen.query_one("#old", Input)
        await pilot.press("escape")
        await pilot.pause()
        assert app.result == [False]
