"""The unlock and change-passphrase screens' other paths, on a host app of their own with the
folder's service replaced: an empty passphrase, a key.age broken while unlocking, a folder that
cannot be opened or whose passphrase cannot be set, a recovery code shown once, Back and Escape,
and a passphrase change refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Button, Input, Static

from tests.tui.conftest import SIZE
from workbook.service import folder
from workbook.service.errors import ServiceError, WrongSecret
from workbook.tui.screens.unlock import ChangePassphraseScreen, UnlockScreen


class Host(App[None]):
    """Pushes one screen and keeps what it was dismissed with."""

    def __init__(self, make: Callable[[], Any]) -> None:
        super().__init__()
        self.make = make
        self.result: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.make(), self.result.append)


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


def text(screen: Any, part: str = "#message") -> str:
    return " ".join(str(screen.query_one(part, Static).render()).split())


def fill(screen: Any, **values: str) -> None:
    for field, value in values.items():
        screen.query_one(f"#{field}", Input).value = value


async def done(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_an_empty_passphrase_is_asked_for_and_nothing_is_tried(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    tried: list[str] = []
    monkeypatch.setattr(folder, "unlock", lambda root, secret, show: tried.append(secret))
    app = Host(lambda: UnlockScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#open", Button).press()
        await pilot.pause()
        assert text(screen) == "Please type the passphrase."
        assert tried == []
        assert isinstance(app.screen, UnlockScreen)


async def test_a_key_broken_while_unlocking_offers_only_the_recovery_code(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def unlock(root: Path, secret: str, show: Any) -> None:
        raise folder.KeyBroken("key.age is damaged.")

    monkeypatch.setattr(folder, "unlock", unlock)
    monkeypatch.setattr(folder, "recovery_usable", lambda root: False)
    app = Host(lambda: UnlockScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        fill(screen, passphrase="anything long")
        screen.query_one("#open", Button).press()
        await done(pilot)
        assert text(screen, "#title") == "This workbook cannot be opened"
        assert text(screen, "#problem") == "key.age is damaged."
        assert not screen.query_one("#ask").display
        # No recovery file: only Quit is offered, and it has the focus.
        assert not screen.query_one("#use-code", Button).display
        assert screen.focused is screen.query_one("#quit", Button)
        screen.query_one("#quit", Button).press()
        await pilot.pause()
        assert app.result == [False]


async def test_a_folder_that_cannot_be_opened_says_why_and_asks_again(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def unlock(root: Path, secret: str, show: Any) -> None:
        raise ServiceError("the disk is full")

    monkeypatch.setattr(folder, "unlock", unlock)
    app = Host(lambda: UnlockScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        fill(screen, passphrase="anything long")
        screen.query_one("#open", Button).press()
        await done(pilot)
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
    app = Host(lambda: UnlockScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        fill(screen, passphrase="anything long")
        screen.query_one("#open", Button).press()
        await done(pilot)
        assert screen.code == "NEW11-CODE2"
        assert "NEW11-CODE2" in text(screen, "#recovery-code")
        assert screen.query_one("#show-code").display
        assert app.result == []
        screen.query_one("#written", Button).press()
        await pilot.pause()
        assert app.result == [True]
        assert [n.message for n in app._notifications] == ["key.recovery.age is missing"]


async def test_back_from_the_recovery_code_and_escape(
    tmp_path: Path, service: dict[str, Any]
) -> None:
    app = Host(lambda: UnlockScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#lost", Button).press()
        await pilot.pause()
        assert screen.query_one("#recover").display
        assert screen.focused is screen.query_one("#code", Input)
        # Enter in the code's box goes on to the next field.
        await pilot.press("enter")
        assert screen.focused is not screen.query_one("#code", Input)
        screen.query_one("#back", Button).press()
        await pilot.pause()
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
    app = Host(lambda: UnlockScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert text(screen, "#problem") == "key.age is missing."
        screen.query_one("#use-code", Button).press()
        await pilot.pause()
        screen.query_one("#back", Button).press()
        await pilot.pause()
        # Changed on disk meanwhile: the new problem is said.
        assert text(screen, "#problem") == "key.age is a folder."
        assert screen.query_one("#no-key").display
        screen.query_one("#use-code", Button).press()
        await pilot.pause()
        screen.query_one("#back", Button).press()
        await pilot.pause()
        # Mended meanwhile: still only the code opens it (nothing said as a problem).
        assert text(screen, "#problem") == ""
        assert screen.query_one("#no-key").display


async def test_a_recovery_code_refused_or_not_set(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def recover(root: Path, code: str, new: str) -> None:
        raise ServiceError("key.age could not be written")

    monkeypatch.setattr(folder, "recover", recover)
    app = Host(lambda: UnlockScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#lost", Button).press()
        await pilot.pause()
        fill(screen, code="nonsense", new="a fresh passphrase", again="a fresh passphrase")
        screen.query_one("#set", Button).press()
        await pilot.pause()
        assert text(screen) == "Please type the recovery code."
        fill(screen, code="CODE1", new="short", again="short")
        screen.query_one("#set", Button).press()
        await pilot.pause()
        assert "at least" in text(screen)
        fill(screen, code="CODE1", new="a fresh passphrase", again="a fresh passphrase")
        screen.query_one("#set", Button).press()
        await done(pilot)
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
    app = Host(lambda: UnlockScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#use-code", Button).press()
        await pilot.pause()
        fill(screen, code="CODE1", new="a fresh passphrase", again="a fresh passphrase")
        screen.query_one("#set", Button).press()
        await done(pilot)
        await done(pilot)
        assert service["recovered"] == [("CODE1", "a fresh passphrase")]
        assert opened == ["a fresh passphrase"]
        assert app.result == [True]


async def test_a_wrong_code_after_a_broken_key_keeps_the_code_offered(
    tmp_path: Path, service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def check(root: Path) -> None:
        raise folder.KeyBroken("key.age is missing.")

    def recover(root: Path, code: str, new: str) -> None:
        raise WrongSecret("no")

    monkeypatch.setattr(folder, "check_keys", check)
    monkeypatch.setattr(folder, "recover", recover)
    app = Host(lambda: UnlockScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#use-code", Button).press()
        await pilot.pause()
        fill(screen, code="CODE1", new="a fresh passphrase", again="a fresh passphrase")
        screen.query_one("#set", Button).press()
        await done(pilot)
        assert "recovery code does not open" in text(screen)
        assert screen.query_one("#use-code", Button).display


async def test_a_passphrase_change_refused_then_cancelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(folder, "open_key", lambda root, old: object())

    def change(root: Path, key: Any, new: str) -> None:
        raise ServiceError("key.age is read-only")

    monkeypatch.setattr(folder, "change_passphrase", change)
    app = Host(lambda: ChangePassphraseScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.focused is screen.query_one("#old", Input)
        await pilot.press("enter")
        assert screen.focused is screen.query_one("#new", Input)
        fill(screen, old="the old one", new="a new passphrase", again="another one")
        screen.query_one("#change", Button).press()
        await pilot.pause()
        assert "not the same" in text(screen)
        fill(screen, again="a new passphrase")
        screen.query_one("#change", Button).press()
        await done(pilot)
        assert text(screen) == "The passphrase was not changed: key.age is read-only"
        assert not screen.query_one("#change", Button).disabled
        assert screen.focused is screen.query_one("#old", Input)
        await pilot.press("escape")
        await pilot.pause()
        assert app.result == [False]
