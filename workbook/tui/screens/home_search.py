"""Home's search box and filters, made only when a caseload needs them (``HomeScreen``): a
couple at home never does, and Home is drawn sooner without them."""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget
from textual.widgets import Select

from workbook.i18n.catalog import Translations
from workbook.logic.caseload import ORDERS, SHOWS
from workbook.tui.actions import bindings
from workbook.tui.widgets.box import Box


class SearchBox(Box):
    """The search: typing filters at once; ↑ ↓ move in the table; Enter goes to it; Esc
    clears."""

    BINDINGS = bindings("search")


def caseload_bar(keys_for: Callable[[str], str], tr: Translations) -> list[Widget]:
    """The search box, what to show and in which order, in ``tr``'s words."""
    shows = [(tr.gettext(label), value) for label, value in SHOWS]
    orders = [(tr.gettext(label), value) for label, value in ORDERS]
    return [
        SearchBox(
            placeholder=tr._("Search names ({keys})").format(keys=keys_for("home.search")),
            id="search",
            compact=True,
            max_length=60,
        ),
        Select(shows, value="current", allow_blank=False, id="show", compact=True),
        Select(orders, value="name", allow_blank=False, id="order", compact=True),
    ]
