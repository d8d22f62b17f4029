"""Every widget's right-to-left text drawn in visual order: the one place where text becomes
the lines a terminal draws (``Visual.to_strips``, which Static, Label, Button, Markdown, the
footer's keys and the option lists all go through) lays out each of those lines with
``i18n/bidi.visual_runs`` when the app lays out right-to-left text (``bidi = "app"``).

Textual has wrapped the text in logical order by then, so each line is one wrapped line of its
paragraph, which is what the Unicode algorithm reorders; letters keep their styles, and the
spaces at a line's ends stay, so a centred button stays centred. A widget that lays out its own
text (``LaidOut``) says so with ``LAYS_OUT_ITSELF``; text being typed (``Input``,
``TextArea``) is drawn by their own ``render_line`` and stays in logical order, where the
cursor moves as the keys say (``widgets/echo.py`` shows it laid out beneath). With ``bidi =
"terminal"`` nothing changes. Stored and exported text is never touched: this is drawing only.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from workbook.i18n.bidi import APP, base_rtl, has_rtl, visual_runs

_installed: list[Any] = []


def install() -> None:
    """Put the layout in ``Visual.to_strips``, once per process. Apps that are not the
    workbook's (no ``bidi``) are drawn as Textual draws them."""
    if _installed:
        return
    original = Visual.to_strips.__func__  # type: ignore[attr-defined]
    _installed.append(original)

    def to_strips(cls: type[Visual], widget: Widget, visual: Visual, *args: Any, **kw: Any) -> Any:
        strips = original(cls, widget, visual, *args, **kw)
        if not lays_out(widget) or not may_hold_rtl(visual):
            return strips
        return laid_out(strips, direction(visual))

    Visual.to_strips = classmethod(to_strips)  # type: ignore[method-assign, assignment]


def lays_out(widget: Widget) -> bool:
    """True when the app draws this widget's right-to-left text itself."""
    if getattr(widget, "LAYS_OUT_ITSELF", False):
        return False
    try:
        return bool(getattr(widget.app, "bidi", None) == APP)
    except Exception:  # no app running, or settings not readable yet: as Textual draws it
        return False


def may_hold_rtl(visual: Visual) -> bool:
    """False when the visual's text is known and has no right-to-left letter: its lines are
    drawn as they are, without looking at each of them (most of what is drawn is like that)."""
    plain = getattr(visual, "plain", None)
    return not isinstance(plain, str) or has_rtl(plain)


def direction(visual: Visual) -> bool | None:
    """The direction of the visual's paragraphs when they agree (their first strong letters),
    so a wrapped line that starts with a Latin name stays in its Arabic paragraph's order;
    None (each line its own) when they differ or the text is not known."""
    plain = getattr(visual, "plain", None)
    if not isinstance(plain, str) or not has_rtl(plain):
        return None
    found = {base_rtl(paragraph) for paragraph in plain.split("\n") if paragraph.strip()}
    return found.pop() if len(found) == 1 else None


def laid_out(strips: list[Strip], rtl: bool | None) -> list[Strip]:
    """Each strip holding a right-to-left letter, in visual order, as wide as it was."""
    return [_line(strip, rtl) if has_rtl(strip.text) else strip for strip in strips]


def _line(strip: Strip, rtl: bool | None) -> Strip:
    segments = list(strip)
    if any(segment.control for segment in segments):
        return strip
    runs: list[tuple[str, RichStyle | None]] = [(seg.text, seg.style) for seg in segments]
    shown = Strip([Segment(text, style) for text, style in visual_runs(runs, rtl)])
    if shown.cell_length != strip.cell_length:
        shown = shown.adjust_cell_length(strip.cell_length)
    return shown
