"""Every widget's right-to-left text drawn in visual order: the one place where text becomes
the lines a terminal draws (``Visual.to_strips``, which Static, Label, Button, Markdown, the
footer's keys and the option lists all go through) lays out each of those lines with
``i18n/bidi.visual_runs`` when the app lays out right-to-left text (``bidi = "app"``).

Textual has wrapped the text in logical order by then, so each line is one wrapped line of its
paragraph, which is what the Unicode algorithm reorders; letters keep their styles, and the
spaces at a line's ends stay, so a centred button stays centred. A widget that lays out its
own text (``LaidOut``) says so with ``LAYS_OUT_ITSELF``; text being typed (``Input``,
``TextArea``) is drawn by their own ``render_line`` and stays in logical order, where the
cursor moves as the keys say (``widgets/echo.py`` shows it laid out beneath). With ``bidi =
"terminal"`` nothing changes. Stored and exported text is never touched: this is drawing only.

Direction: on a screen that speaks a right-to-left language, the app's own words are laid out
right to left, so a sentence reads in its order even when a Latin name, title or key comes
first in it ("Lia كتبت:"), and a footer key's name stays whole where its line starts ("^q"
on the right). A partner's or a pack's own text (a widget, or one around it, of the class
``dir-auto``: a step's title, a pack's summary, a read step's body, a path) keeps its first
strong letter's direction, as ``dir="auto"`` in the exports; so does every line on other
screens.

Alignment: a right-to-left line of a widget that sets its text at its start (Textual's
``text-align: start``, the default) is set against the right edge, where it starts: labels,
hints, help and notices on an Arabic screen read from the right. Centred and right-aligned
text, buttons, tables (``CaseTable`` lays out its cells) and boxes being typed into are left as
they are (a box's placeholder, the app's words, is laid out: ``_placeholders``); the order of
widgets side by side is ``tui/mirror.py``'s.

Selecting with the mouse: Textual finds the letter under the pointer by the place in the text
each drawn run says it starts at (its style's ``meta``). A laid-out line that has those places
is drawn letter by letter with each letter's own place, so a selection dragged over an Arabic
word takes that word.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from workbook.i18n.bidi import APP, base_rtl, cut_runs, has_rtl, visual_runs

_installed: list[Any] = []


def install() -> None:
    """Put the layout in ``Visual.to_strips``, once per process. Apps that are not the
    workbook's (no ``bidi``) are drawn as Textual draws them."""
    if _installed:
        return
    original = Visual.to_strips.__func__  # type: ignore[attr-defined]
    _installed.append(original)

    def to_strips(
        cls: type[Visual],
        widget: Widget,
        visual: Visual,
        width: int,
        height: int | None,
        style: Style,
        *args: Any,
        **kw: Any,
    ) -> Any:
        strips = original(cls, widget, visual, width, height, style, *args, **kw)
        if not lays_out(widget) or not may_hold_rtl(visual):
            return strips
        app_words = screen_rtl(widget) and not their_text(widget)
        rtl = True if app_words else direction(visual)
        start = width if to_start(widget, app_words) else 0
        return laid_out(strips, rtl, lead(widget), start, style.rich_style)

    Visual.to_strips = classmethod(to_strips)  # type: ignore[method-assign, assignment]
    _placeholders()


def _placeholders() -> None:
    """A box's placeholder, shown while it is empty, laid out as the app's other words: its
    lines in visual order, a right-to-left one against the right edge (``Input`` and
    ``TextArea`` draw it in their own ``render_line``, which ``to_strips`` does not see)."""
    from textual.widgets import Input, TextArea

    def empty_input(box: Any) -> bool:
        return not box.value

    def empty_area(box: Any) -> bool:
        return not box.text

    for kind, empty in ((Input, empty_input), (TextArea, empty_area)):
        original = kind.render_line

        def render_line(box: Any, y: int, _original: Any = original, _empty: Any = empty) -> Strip:
            strip: Strip = _original(box, y)
            if not box.placeholder or not has_rtl(strip.text) or not _empty(box):
                return strip
            if not lays_out(box):
                return strip
            rtl = True if screen_rtl(box) and not their_text(box) else None
            width = box.content_size.width
            line = _line(strip, rtl, "", width, box.rich_style)
            # Drawn a cell wider than the box (room for the cursor after the text): a line
            # set against the right edge keeps its right end in the box.
            right = base_rtl(strip.text) if rtl is None else rtl
            if right and line.cell_length > width:
                return line.crop(line.cell_length - width)
            return line

        kind.render_line = render_line  # type: ignore[method-assign, assignment]


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
    None (each line its own) when they differ or the text is not known. (The app's own words
    on a right-to-left screen are right to left whatever comes first in them.)"""
    plain = getattr(visual, "plain", None)
    if not isinstance(plain, str) or not has_rtl(plain):
        return None
    found = {base_rtl(paragraph) for paragraph in plain.split("\n") if paragraph.strip()}
    return found.pop() if len(found) == 1 else None


# The class of a widget (or of a container around it) that shows a partner's or a pack's own
# text, whose direction is its own (its first strong letter, as ``dir="auto"`` in the exports).
THEIR_TEXT = "dir-auto"


def their_text(widget: Widget) -> bool:
    """True when the widget, or a widget around it, shows a partner's or a pack's own text."""
    node: Any = widget
    while node is not None and not isinstance(node, Screen):
        if THEIR_TEXT in node.classes:
            return True
        node = node.parent
    return False


def screen_rtl(widget: Widget) -> bool:
    """True when the widget's screen speaks a right-to-left language (``WorkbookScreen.tr``;
    a screen that is not the workbook's, as the command palette, the app's)."""
    try:
        tr = getattr(widget.screen, "tr", None) or getattr(widget.app, "tr", None)
        return bool(getattr(tr, "rtl", False))
    except Exception:  # not on a screen yet
        return False


def lead(widget: Widget) -> str:
    """What leads the widget's line as one unit: a footer key's name ("^q"), which stays
    whole where a right-to-left line starts, its description laid out beside it."""
    return widget.key_display if isinstance(widget, FooterKey) else ""


def to_start(widget: Widget, app_words: bool) -> bool:
    """True when the widget's right-to-left lines go against the right edge, where they
    start: the app's own words on a right-to-left screen (``app_words``) and a partner's or a
    pack's own text, in a widget that sets its text at its start (Textual's default;
    ``text-align: left``, ``center`` or ``right``, or a centred content, stay as they are)."""
    styles = widget.styles
    if styles.text_align != "start" or styles.content_align_horizontal != "left":
        return False
    return app_words or their_text(widget)


def laid_out(
    strips: list[Strip],
    rtl: bool | None,
    first: str = "",
    width: int = 0,
    pad: RichStyle | None = None,
) -> list[Strip]:
    """Each strip holding a right-to-left letter, in visual order, as wide as it was; with
    ``first``, the text up to its end on the line is kept as one unit (``lead``); with a
    ``width``, a right-to-left line is set against the right edge of that width, padded with
    spaces in the ``pad`` style (``to_start``)."""
    return [
        _line(strip, rtl, first, width, pad) if has_rtl(strip.text) else strip for strip in strips
    ]


def _line(strip: Strip, rtl: bool | None, first: str, width: int, pad: RichStyle | None) -> Strip:
    segments = list(strip)
    if any(segment.control for segment in segments):
        return strip
    offsets = _offsets(segments)
    runs: list[tuple[str, Any]]
    if offsets is None:
        runs = [(seg.text, seg.style) for seg in segments]
    else:
        # A mouse selection finds a letter by the place its run says it starts at: each letter
        # is a run of its own, with its place, so that it keeps it wherever it is drawn.
        runs = [
            (char, (seg.style, x + index if x is not None else None, y))
            for seg, (x, y) in zip(segments, offsets, strict=True)
            for index, char in enumerate(seg.text)
        ]
    plain = strip.text
    at = plain.find(first) if first else -1
    cut = 0
    if at >= 0:  # to the end of the key's run, its padding included
        for part, _ in runs:
            cut += len(part)
            if cut >= at + len(first):
                break
    start = bool(width) and (base_rtl(plain) if rtl is None else rtl)
    if start:
        shown = _at_start(runs, cut, max(width, strip.cell_length), pad)
    else:
        shown = visual_runs(runs, rtl, cut)
    line = Strip(_segments(shown) if offsets is not None else [Segment(*run) for run in shown])
    if not start and line.cell_length != strip.cell_length:
        line = line.adjust_cell_length(strip.cell_length)
    return line


def _offsets(segments: list[Segment]) -> list[tuple[int | None, int | None]] | None:
    """Where each segment starts in the text (``(x, y)``, which Textual puts in a style's
    ``meta`` for selecting with the mouse), or None when no segment says."""
    found: list[tuple[int | None, int | None]] = []
    for segment in segments:
        style = segment.style
        meta = style.meta if style is not None and style._meta is not None else {}
        x, y = meta.get("offset", (None, None))
        found.append((x, y))
    return found if any(x is not None for x, _ in found) else None


def _segments(runs: list[tuple[str, Any]]) -> list[Segment]:
    """Letters with their places (``_line``) as segments: letters side by side in the same
    style and in the text's order are one, which says where it starts."""
    out: list[tuple[str, RichStyle | None, int | None, int | None]] = []
    for text, key in _letters(runs):
        style, x, y = key if isinstance(key, tuple) else (key, None, None)
        if out:
            before, style_before, x_before, y_before = out[-1]
            follows = x is None if x_before is None else x == x_before + len(before)
            if style == style_before and y == y_before and follows:
                out[-1] = (before + text, style_before, x_before, y_before)
                continue
        out.append((text, style, x, y))
    return [Segment(text, _placed(style, x, y)) for text, style, x, y in out]


def _letters(runs: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """``runs`` with the spaces that pad a line shortened by joining (lam and alef, one shape)
    apart from the letter whose style they took, and without a place of their own."""
    out: list[tuple[str, Any]] = []
    for text, key in runs:
        if len(text) > 1 and isinstance(key, tuple):
            style, _, y = key
            out += [(char, key if char != " " else (style, None, y)) for char in text]
        else:
            out.append((text, key))
    return out


@lru_cache(maxsize=4096)
def _placed(style: RichStyle | None, x: int | None, y: int | None) -> RichStyle | None:
    if x is None:
        return style
    at = RichStyle.from_meta({"offset": (x, y)})
    return style + at if style is not None else at


def _at_start(
    runs: list[tuple[str, Any]], cut: int, width: int, pad: RichStyle | None
) -> list[tuple[str, Any]]:
    """A right-to-left line ``width`` cells wide, against the right edge, where it starts: the
    spaces at its end (where wrapping left them) go, and those at its start (an indent) are on
    the right."""
    plain = "".join(part for part, _ in runs)
    indent = 0 if cut else len(plain) - len(plain.lstrip(" "))
    _, rest = cut_runs(runs, indent)
    words, _ = cut_runs(rest, len(plain.rstrip(" ")) - indent)
    shown: list[tuple[str, Any]] = visual_runs(words, True, cut)
    if indent:
        shown.append((" " * indent, pad))
    room = width - cell_len("".join(text for text, _ in shown))
    return [(" " * room, pad), *shown] if room > 0 else shown
