"""Both partners' names, always on screen, with whose turn it is marked by ▶ and by colour;
and the walk's top line."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widgets import Label, Static

from workbook.data.models import Couple
from workbook.i18n.catalog import Translations
from workbook.i18n.said import Words, said_in
from workbook.kinds import spec
from workbook.logic.phases import REVEAL
from workbook.logic.walk import Place, Walk
from workbook.tui.host import key_of, tr_of
from workbook.tui.plain import fill, line, update


class PartnerBar(Horizontal):
    DEFAULT_CSS = """
    PartnerBar { height: 1; }
    PartnerBar Label { width: 1fr; content-align: center middle; }
    PartnerBar Label.turn { text-style: bold reverse; }
    PartnerBar #together { width: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, couple: Couple) -> None:
        super().__init__()
        self.couple = couple

    def compose(self) -> ComposeResult:
        yield Label(id="partner-a", classes="partner-a")
        yield Label(id="together")
        yield Label(id="partner-b", classes="partner-b")

    def show_place(self, walk: Walk, place: Place) -> None:
        """Show whose turn it is at ``place`` (nobody's at a reveal)."""
        step = walk.step(place)
        together = getattr(step, "answer", None) == "together"
        answering = walk.answering(place) if place.phase != REVEAL else None
        self.show(answering, together=together, keys=spec(step).confirms_with_keys)

    def show(self, answering: str | None, together: bool = False, keys: bool = False) -> None:
        """Mark whose turn it is; None means both of you are looking.

        ``keys`` shows each partner's own key, for steps where each confirms with it.
        """
        _ = tr_of(self)._
        for key, confirm in (("a", "terms.confirm-1st"), ("b", "terms.confirm-2nd")):
            name = self.couple.name(key)
            label = self.query_one(f"#partner-{key}", Label)
            mine = answering == key
            if mine and keys:
                # TRANSLATORS: whose turn it is, and the key this partner confirms with.
                said = _("▶ $name (your turn)  [dim]presses $key[/]")
            elif mine:
                said = _("▶ $name (your turn)")
            elif keys:
                said = _("  $name  [dim]presses $key[/]")
            else:
                said = "  $name"
            update(label, fill(said, name=name, key=key_of(self, confirm)))
            label.set_class(mine, "turn")
        middle = _("together") if together else (_("both of you") if answering is None else "")
        update(self.query_one("#together", Label), middle)


def progress_line(
    walk: Walk,
    place: Place,
    couple: Couple,
    read_only: Words | None,
    not_saved: str | None,
    tr: Translations,
) -> tuple[str, str]:
    """The walk's top line, in two parts: the pack (with the facilitator, read-only, and NOT
    SAVED first when it is not), which gives way on a narrow screen; and where the couple is
    ("step 2 of 10 · pack 1 of 1 │"), always whole, so it never runs into the clock beside
    it, even at 60 columns."""
    pack = walk.packs[place.pack]
    pack_no, packs, step_no, steps = walk.progress(place)
    _ = tr._
    title, facilitator = pack.title, couple.facilitator or ""
    if facilitator and read_only:
        text = _("{title} · with {facilitator} · read-only")
    elif facilitator:
        text = _("{title} · with {facilitator}")
    elif read_only:
        text = _("{title} · read-only")
    else:
        text = "{title}"
    text = text.format(title=title, facilitator=facilitator)
    # The bar at its end keeps the clock beside it apart: "pack 1 of 1 │ 0 of 45 min".
    where = _("step {step} of {steps} · pack {pack} of {packs} │").format(
        step=step_no, steps=steps, pack=pack_no, packs=packs
    )
    return (_("NOT SAVED · {text}").format(text=text) if not_saved else text), where


def tell_read_only(screen: Any) -> None:
    """Say why the walk is read-only, in the screen's language."""
    said = said_in(screen.read_only, screen.tr)
    screen.notify(said, title=screen.tr._("Read-only"), severity="warning", markup=False)


def show_progress(screen: Any, place: Place) -> None:
    """The walk screen's top line at ``place``, fitted to its width: in a longer language the
    facilitator's name gives way first, then the pack's title (the counter beside it still
    says which pack), never a word cut in two."""
    parts = progress_line(
        screen.walk, place, screen.couple, screen.read_only, screen.recorder.failure, screen.tr
    )
    shown = top_line(screen)
    room = shown[0].content_region.width if shown else 0
    if room < cell_len(parts[0]) and screen.couple.facilitator:
        quiet = screen.couple.model_copy(update={"facilitator": None})
        parts = progress_line(
            screen.walk, place, quiet, screen.read_only, screen.recorder.failure, screen.tr
        )
    if 0 < room < cell_len(parts[0]):
        parts = ("", parts[1])
    if not room:
        # Not laid out yet: shown in full now, and fitted once the width is known.
        def fit() -> None:
            laid_out = top_line(screen)
            if place == screen.place and laid_out and laid_out[0].content_region.width:
                show_progress(screen, place)

        screen.call_after_refresh(fit)
    for widget, text in zip(shown, parts, strict=False):
        update(widget, line(text))
    fit_counter(screen)


# Narrower than this, a phone (``Host.HORIZONTAL_BREAKPOINTS``: "-phone").
PHONE = 60


def fit_counter(screen: Any) -> None:
    """On a phone, the counter and the clock share the line under the title when both fit
    whole; otherwise each takes a line of its own ("step 12 of 14 · pack 2 of 3 │" beside
    "12 of 55 min" is wider than 40 columns), rather than the counter cut with "…". Asked at
    each move and whenever the clock's words change (a minute gaining a digit)."""
    try:
        top = screen.query_one("#top")
        counter = screen.query_one("#counter", Static)
        clock = screen.query_one("#clock", Static)
    except NoMatches:
        return
    width = screen.app.size.width
    # Each with its one cell of padding on its left (workbook.tcss ``.-phone #top``).
    needed = 1 + cell_len(str(counter.render())) + 1 + cell_len(str(clock.render()))
    top.set_class(width < PHONE and needed > width, "-stacked")


def top_line(screen: Any) -> list[Static]:
    """The top line's two parts (``#progress``, ``#counter``), or none when the screen has
    not mounted them (or no longer has them). Looked up at each move: by id, at the top of the
    screen, not by walking everything on the stage."""
    try:
        return [screen.query_one(part, Static) for part in ("#progress", "#counter")]
    except NoMatches:
        return []
