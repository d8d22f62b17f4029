"""Helpers for walking a whole session in one language and looking at every screen: packs
written in the pseudo-language, the screen's words that are not the catalog's, and lines cut.

The pseudo-language (``en-XA``, ``i18n/pseudo.py``) accents every letter: a word of plain ASCII
letters on screen did not come from the catalog. Pack text is the pack's, so the walk uses packs
written in the pseudo-language (built-in packs with every text field accented), and names with
no ASCII letter; what is left in ASCII is the app's own, or one of the few things that are
never translated (key names, the command line, paths, CLDR's month names for the pseudo
locale's dates).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual.app import App
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Button, Label, Static
from textual.widgets._footer import FooterKey

from tests.tui.conftest import (
    SIZE,
    add_and_confirm_term,
    answer,
    auto_answer,
    screen_text,
    until,
    walk,
)
from tests.tui.footer_keys import footer_keys_cut
from workbook import tomlio
from workbook.i18n.pseudo import pseudo
from workbook.logic.walk import REVEAL
from workbook.packs.library import builtin_folder
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.care import CareScreen
from workbook.tui.screens.console import ConsoleScreen
from workbook.tui.screens.done import DoneScreen
from workbook.tui.screens.home import HomeScreen
from workbook.tui.screens.pause import PauseScreen
from workbook.tui.screens.walk import WalkScreen
from workbook.tui.steps.agreement import AgreementInput

# The fields of a pack that are its words (everything else is an id, a kind or a number).
TEXT_FIELDS = {
    "title",
    "summary",
    "credits",
    "body",
    "prompt",
    "help",
    "options",
    "items",
    "topics",
    "low",
    "high",
    "label",
    "text",
    "name",
    "questions",
}

# Never the catalog's: key names (as keys.label writes them), the app's name, the progress
# note's templates (clinical acronyms), and the English month and day names that Babel gives the
# pseudo-language's dates (its locale is English: ``Translations.locale``).
NOT_TRANSLATED = {
    "Alt",
    "Ctrl",
    "Shift",
    "Enter",
    "Esc",
    "esc",
    "Tab",
    "Space",
    "Del",
    "Backspace",
    "workbook",
    "DAP",
    "SOAP",
    "BIRP",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
}
# A key as a footer or a legend shows it: ^n, F1, f1, a single letter, an arrow.
_KEY = re.compile(r"\^[a-z]\b|\b[Ff]\d{1,2}\b|(?<![A-Za-z])[A-Za-z](?![A-Za-z])")
_RUN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[ ,.;:!?()/-]+[A-Za-z][A-Za-z'’]*)*")


def pseudo_pack(name: str, folder: Path) -> Path:
    """The built-in pack ``name`` written in the pseudo-language, saved in ``folder``."""
    table = tomlio.loads((builtin_folder() / f"{name}.toml").read_text(encoding="utf-8"))

    def accent(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: accent(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [accent(v, key) for v in value]
        if isinstance(value, str) and key in TEXT_FIELDS:
            return pseudo(value)
        return value

    made = accent(table)
    made["language"] = "en-XA"
    path = folder / f"{name}.en-XA.toml"
    path.write_text(tomlio.dumps(made), encoding="utf-8")
    return path


def without_literals(text: str, literals: list[str]) -> str:
    """``text`` (one screen line) without what is never translated: ``literals`` (the data
    folder, ids), paths, and the command line, which stays English (docs/translating.md)."""
    line = text
    for literal in sorted(literals, key=len, reverse=True):
        if literal:
            line = line.replace(literal, " ")
    # A long data folder wraps: each of its lines is a piece of it ("ata \\").
    piece = line.strip().removesuffix("\\").strip()
    if "--" in line or any(piece and piece in literal for literal in literals):
        return ""
    # Paths in the data folder ("couples/<id>/agreement.md") are names on disk.
    return re.sub(r"\S*/\S*", " ", line)


def english_runs(text: str, literals: list[str]) -> list[str]:
    """The runs of plain ASCII words in ``text`` (one screen line) that are not key names,
    literals (paths, ids, the command line) or never translated."""
    line = without_literals(text, literals)
    words = [
        word for word in re.findall(r"[A-Za-z][A-Za-z'’]*", line) if word not in NOT_TRANSLATED
    ]
    kept = [word for word in words if not _KEY.fullmatch(word)]
    if not kept:
        return []
    for word in NOT_TRANSLATED:
        line = re.sub(rf"\b{re.escape(word)}\b", " ", line)
    line = _KEY.sub(" ", line)
    return [run.strip() for run in _RUN.findall(line) if run.strip()]


def _visible(widget: Widget) -> bool:
    try:
        return widget.display and widget.visible and widget.region.area > 0
    except Exception:  # a widget being removed
        return False


# Cut to the width on purpose, in English too (its snapshot ends "F2 edits or arc…"): Home's
# line below the table is set again at every search key without a new layout (home.py).
CUT_BY_DESIGN = {"detail"}


def cut_widgets(app: App[Any]) -> list[str]:
    """The words on screen that do not fit where they are shown: a label, a button or a
    footer key wider than its place, a footer key run under another or past the footer's edge
    (``footer_keys_cut``), or a fixed-height text with more lines than its height."""
    found = footer_keys_cut(app)
    for widget in app.screen.query("*"):
        if not isinstance(widget, (Static, Label, Button, FooterKey)) or not _visible(widget):
            continue
        if widget.id in CUT_BY_DESIGN:
            continue
        region = widget.content_region
        if region.width <= 0:
            continue
        rendered = widget.render()
        plain = getattr(rendered, "plain", None)
        if not isinstance(plain, str) or not plain.strip():
            continue
        container = Size(region.width, region.height)
        # A button is one line, unless laid out taller (Home's narrow grid): then it wraps.
        one_line = isinstance(widget, Button) and region.height <= 1
        wraps = widget.styles.text_wrap != "nowrap" and not one_line
        if wraps:
            needed = widget.get_content_height(container, container, region.width)
            height = widget.styles.height
            if needed > region.height and height is not None and not height.is_auto:
                found.append(f"{type(widget).__name__}#{widget.id}: {plain[:60]!r}")
        else:
            width = max(cell_len(line) for line in plain.splitlines())
            if width > region.width:
                name = f"{type(widget).__name__}#{widget.id}"
                found.append(f"{name} ({width} > {region.width} cells): {plain[:60]!r}")
    return found


class Looker:
    """Looks at each screen as the walk reaches it, and keeps what is wrong on each:
    ``english(line)`` names the words of a line that are the app's English."""

    def __init__(self, app: App[Any], english: Callable[[str], list[str]]) -> None:
        self.app = app
        self.find_english = english
        self.english: dict[str, set[str]] = {}
        self.cut: dict[str, list[str]] = {}
        self.seen: list[str] = []
        # A line each run was seen in, for the message of a failing test.
        self.example: dict[str, str] = {}

    def look(self, where: str) -> str:
        text = screen_text(self.app)  # type: ignore[arg-type]
        self.seen.append(where)
        for line in text.splitlines():
            for run in self.find_english(line):
                self.english.setdefault(run, set()).add(where)
                self.example.setdefault(run, line.strip())
        cut = cut_widgets(self.app)
        if cut:
            self.cut[where] = cut
        return text


async def to_agenda(pilot: Any, looker: Looker) -> AgendaScreen:
    """From Home, as a couple begins a session: ``s``, the care note (looked at), Enter, and the
    agenda (looked at)."""
    app = pilot.app
    await pilot.press("s")
    await until(pilot, lambda: isinstance(app.screen, CareScreen))
    looker.look("care note")
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
    await pilot.pause()
    looker.look("agenda")
    agenda = app.screen
    assert isinstance(agenda, AgendaScreen)
    return agenda


async def walk_session(pilot: Any, looker: Looker, packs: list[str], words: str, term: str) -> None:
    """From Home, a whole session of ``packs`` as a couple walks it, looking at every screen:
    Home, help, the care note, the agenda, a pause, a note for the counsellor, every place of
    every step (answers typed as ``words``, terms as ``term``), and Done."""
    app = looker.app
    home = app.screen
    assert isinstance(home, HomeScreen)
    await home.loaded()
    await pilot.pause()
    looker.look("home")
    await pilot.press("f1")
    await pilot.pause()
    looker.look("help")
    await pilot.press("escape")
    agenda = await to_agenda(pilot, looker)
    agenda.agenda = list(packs)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(app.screen, WalkScreen))
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(app.screen, PauseScreen))
    looker.look("pause")
    await pilot.press("r")
    await until(pilot, lambda: isinstance(app.screen, WalkScreen))
    screen = walk(app)  # type: ignore[arg-type]
    await pilot.press("ctrl+o")
    await pilot.pause()
    looker.look("note for the counsellor")
    await pilot.press("escape")
    await pilot.pause()
    for _ in range(300):
        place = screen.place
        step = screen.walk.step(place)
        where = f"{screen.walk.packs[place.pack].id}.{step.id}"
        looker.look(f"{where} {place.phase}")
        if step.kind == "agreement":
            await add_and_confirm_term(pilot, f"{term} {place.pack}{place.step}")
            assert screen.query_one(AgreementInput).terms[-1].agreement
            looker.look(f"{where} agreed")
        elif screen.walk.is_handoff(place):
            await pilot.press("enter")
            await pilot.pause()
            continue
        elif place.phase != REVEAL and step.kind != "read":
            given = auto_answer(app)  # type: ignore[arg-type]
            await answer(pilot, words if isinstance(given, str) else given)
            looker.look(f"{where} answered")
        last = screen.walk.next(place) is None
        await pilot.press("ctrl+n")
        await pilot.pause()
        if last:
            break
    await until(pilot, lambda: isinstance(app.screen, DoneScreen))
    looker.look("done")


async def look_at_console(looker: Looker, console: App[Any]) -> None:
    """The counsellor's console of the session, as ``workbook facilitate`` opens it."""
    looker.app = console
    async with console.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(console.screen, ConsoleScreen))
        await until(pilot, lambda: getattr(console.screen, "shown", 0) > 0)
        looker.look("console")


# Brackets are mirrored in right-to-left runs (rule L4), which python-bidi's get_display
# leaves out, and a key's name ("Shift+↑", i18n/bidi.KEY_NAME) is kept whole, which it does
# not: a line with either is compared by test_bidi, not here.
_BRACKETS = re.compile(r"[()\[\]{}<>«»]")


def visual_order(app: App[Any]) -> tuple[list[str], list[str]]:
    """Each one-line right-to-left text on screen (a button, a heading, a footer key, a prompt)
    checked against python-bidi: the screen's row must hold ``get_display`` of the reshaped
    logical line, with a right-to-left base direction for the app's own words on a
    right-to-left screen and the first strong letter's for a partner's or a pack's own text
    (a prompt, a widget in ``dir-auto``); a footer key's description is laid out alone, its
    key on its right. Returns the kinds of widget checked, and the lines that were not found."""
    import arabic_reshaper
    from bidi import get_display
    from textual.widgets._footer import FooterKey

    from workbook.i18n.bidi import KEY_NAME, has_rtl
    from workbook.text import cells
    from workbook.tui.widgets.laid_out import LaidOut

    rtl_screen = bool(getattr(getattr(app.screen, "tr", None), "rtl", False))

    rows = screen_text(app).splitlines()  # type: ignore[arg-type]
    checked, missing = [], []
    for widget, (_region, clip) in app.screen._compositor.visible_widgets.items():
        content = widget.content_region
        if content.width <= 0 or not clip.contains_region(content):
            continue
        # A widget partly under another (the footer's keys under its palette key) is not read.
        ends = (content.x, content.right - 1)
        if any(app.screen.get_widget_at(x, content.y)[0] is not widget for x in ends):
            continue
        shown = widget.content if isinstance(widget, LaidOut) else widget.render()
        plain = getattr(shown, "plain", None)
        if not isinstance(plain, str) or "\n" in plain.strip() or not has_rtl(plain):
            continue
        logical = plain.strip()
        if cells(logical) > content.width or _BRACKETS.search(logical) or KEY_NAME.search(logical):
            continue
        theirs = isinstance(widget, LaidOut) or any(
            "dir-auto" in node.classes for node in widget.ancestors_with_self
        )
        base = "R" if rtl_screen and not theirs else None
        row = rows[content.y][content.x : content.right]
        checked.append(type(widget).__name__)
        if getattr(widget, "LAYS_OUT_ITSELF", False) and not isinstance(widget, LaidOut):
            # Drawn in visual order by the widget itself (a scale's row from the right, on a
            # mirrored screen): the screen shows what it drew.
            found = logical in row
        elif isinstance(widget, FooterKey) and base:
            described = str(get_display(arabic_reshaper.reshape(widget.description), base_dir="R"))
            key = widget.key_display
            found = described in row and row.rfind(key) > row.find(described) + len(described) - 1
        else:
            found = str(get_display(arabic_reshaper.reshape(logical), base_dir=base)) in row
        if not found:
            missing.append(f"{type(widget).__name__}#{widget.id}: {logical!r}")
    return checked, missing
