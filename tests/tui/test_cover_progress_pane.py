"""The console's progress note pane on its own, with a notes file and a note pad that can fail:
a note not saved is not signed, a signature or an addendum that cannot be saved is said, an
empty addendum is asked for, the template changed and a written note's own template kept."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Select, Static

from tests.tui.conftest import SIZE, said
from workbook.data.durable import SaveError
from workbook.data.progress_note import Addendum, ProgressNote
from workbook.tui.steps.text import AnswerArea
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.progress_pane import ProgressPane, chosen_template

AT = datetime(2026, 3, 4, 10, 30)


class Pad:
    """A note pad whose save can be made to fail."""

    def __init__(self) -> None:
        self.failure = ""
        self.saves = 0
        self.loaded: list[tuple[dict[str, str], str]] = []

    def save(self) -> bool:
        self.saves += 1
        return not self.failure

    def load_dap(self, parts: dict[str, str], template: str) -> None:
        self.loaded.append((dict(parts), template))


class Read:
    def __init__(self, progress: ProgressNote) -> None:
        self.progress = progress


class Notes:
    """A notes file keeping one progress note; its saves can be made to fail."""

    def __init__(self) -> None:
        self.note = ProgressNote()
        self.failure = ""

    def _check(self) -> None:
        if self.failure:
            raise SaveError(Path("notes.toml"), self.failure)

    def sign_note(self, at: datetime) -> None:
        self._check()
        self.note.signed = at

    def add_addendum(self, text: str, at: datetime) -> None:
        self._check()
        self.note.addenda.append(Addendum(at, text))

    def read(self) -> Read:
        return Read(self.note)


class Host(App[None]):
    def __init__(self, pad: Pad, notes: Notes) -> None:
        super().__init__()
        self.templates: list[str] = []
        self.pane = ProgressPane(
            pad,  # type: ignore[arg-type]
            notes,  # type: ignore[arg-type]
            "DAP",
            lambda: AT,
            self.templates.append,
        )

    def compose(self) -> ComposeResult:
        yield self.pane


def words(pane: ProgressPane, part: str) -> str:
    return " ".join(str(pane.query_one(part, Static).render()).split())


@pytest.fixture
def pad() -> Pad:
    return Pad()


@pytest.fixture
def notes() -> Notes:
    return Notes()


def test_the_template_settings_name_else_dap() -> None:
    assert chosen_template({"notes_template": "SOAP"}) == "SOAP"
    assert chosen_template({"notes_template": "XYZ"}) == "DAP"
    assert chosen_template({"notes_template": 3}) == "DAP"
    assert chosen_template({}) == "DAP"


@asynccontextmanager
async def signed_once(pad: Pad, notes: Notes) -> AsyncIterator[tuple[Host, list[str]]]:
    """The pane in its host, asked once to sign: (the host, what was said)."""
    app = Host(pad, notes)
    async with app.run_test(size=SIZE) as pilot:
        heard = said(app)
        app.pane.sign()
        await pilot.pause()
        yield app, heard


async def test_a_note_not_saved_is_not_signed(pad: Pad, notes: Notes) -> None:
    pad.failure = "the disk is full"
    async with signed_once(pad, notes) as (app, heard):
        assert heard == ["The note is not saved, so it is not signed: the disk is full"]
        assert notes.note.signed is None
        assert not app.pane.signed
        assert "Not signed" in words(app.pane, "#note-signed")


async def test_a_signature_that_cannot_be_saved_is_said(pad: Pad, notes: Notes) -> None:
    notes.failure = "read-only folder"
    async with signed_once(pad, notes) as (app, heard):
        assert heard == ["The note could not be signed: read-only folder"]
        assert not app.pane.signed
        assert not app.pane.query_one("#note-sign", Button).disabled


async def test_signed_then_addenda_empty_refused_and_failed(pad: Pad, notes: Notes) -> None:
    app = Host(pad, notes)
    async with app.run_test(size=SIZE) as pilot:
        heard = said(app)
        app.pane.query_one("#note-sign", Button).press()
        await pilot.pause()
        pane = app.pane
        assert pane.signed
        assert "Signed" in words(pane, "#note-signed")
        assert "10:30" in words(pane, "#note-signed")
        assert pane.query_one("#note-sign", Button).disabled
        assert all(area.read_only for area in pane.query(".note-part").results(AnswerArea))
        addendum = pane.query_one("#note-addendum", AnswerArea)
        assert addendum.display
        # Empty: asked for, nothing written.
        addendum.load_text("   ")
        pane.add()
        assert heard == ["Write the addendum first."]
        assert notes.note.addenda == []
        # The file refuses it: said, and the words stay in the box.
        notes.failure = "no space"
        addendum.load_text("Called them after.")
        pane.add()
        assert heard[-1] == "The addendum could not be saved: no space"
        assert addendum.text == "Called them after."
        notes.failure = ""
        pane.add()
        await pilot.pause()
        assert addendum.text == ""
        assert notes.note.addenda == [Addendum(AT, "Called them after.")]
        assert "Called them after." in words(pane, "#note-addenda")


async def test_the_template_changed_until_signed(pad: Pad, notes: Notes) -> None:
    app = Host(pad, notes)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.pane
        pane.query_one("#note-template", Select).value = "SOAP"
        await pilot.pause()
        await pilot.pause()
        assert app.templates == ["SOAP"]
        assert pad.saves == 1
        assert pad.loaded[-1][1] == "SOAP"
        assert pane.first().id == "dap-subjective"
        assert len(pane.query(".note-part")) == 4
        # The same template again changes nothing.
        pane.query_one("#note-template", Select).value = "SOAP"
        await pilot.pause()
        assert app.templates == ["SOAP"]


async def test_a_written_note_keeps_its_own_template_and_a_closed_pane(
    pad: Pad, notes: Notes
) -> None:
    app = Host(pad, notes)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.pane
        written = ProgressNote(template="BIRP", parts={"behavior": "Calm."})
        await pane.load(written)
        await pilot.pause()
        assert pane.template == "BIRP"
        assert pane.first().text == "Calm."
        # Another window signs it, with an addendum.
        pane.show(ProgressNote(signed=AT, addenda=[Addendum(AT, "Later words.")]))
        await pilot.pause()
        assert pane.signed
        assert "Later words." in words(pane, "#note-addenda")
        pane.close()
        assert all(area.disabled for area in pane.query(AnswerArea))
        assert all(button.disabled for button in pane.query(Button))
        pane.close(read_only=False)
        assert not pane.query_one("#note-add", Button).disabled
        assert pane.query_one("#note-sign", Button).disabled
