"""Pack and user text laid out for the terminal, right to left included (``i18n/bidi.py``).

Left-to-right text is shown as it is, and Textual wraps it. Text with a right-to-left letter,
with ``bidi = "app"`` (the default), is wrapped here by the widget's width in logical order,
then each line is reordered and its Arabic letters joined, and a right-to-left paragraph is set
against the right edge: what a plain terminal and the browser then draw reads right. With
``bidi = "terminal"`` the text goes out in logical order for a terminal that lays it out.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from workbook.i18n.bidi import APP, TERMINAL, Mode, aligned, has_rtl
from workbook.tui.plain import plain


class LaidOut(Widget):
    DEFAULT_CSS = "LaidOut { height: auto; }"
    # Its lines are laid out here, by paragraph, against the right edge (``tui/bidi_lines.py``
    # leaves them alone).
    LAYS_OUT_ITSELF = True

    def __init__(
        self,
        text: str | Content,
        *,
        how: Mode | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.content = plain(text) if isinstance(text, str) else text
        self.how = how

    @property
    def mode(self) -> Mode:
        if self.how is not None:
            return self.how
        return TERMINAL if getattr(self.app, "bidi", APP) == TERMINAL else APP

    @property
    def laid_out(self) -> bool:
        """True when the app lays this text out itself."""
        return self.mode == APP and has_rtl(self.content.plain)

    def lines(self, width: int) -> list[str]:
        """The lines shown at ``width`` cells, in visual order."""
        return aligned(self.content.plain, width, self.mode)

    def render(self) -> Content:
        if not self.laid_out:
            return self.content
        return Content("\n".join(self.lines(self.content_region.width or self.size.width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self.laid_out:
            return super().get_content_height(container, viewport, width)
        return len(self.lines(width))
