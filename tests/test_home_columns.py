"""Home's table columns: each fixed column is as wide as its heading in the screen's language
(within six cells more), so that "Última sesión" is not cut where "Last session" fits."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from workbook.i18n.catalog import PSEUDO, translations
from workbook.tui.screens.home_rows import table_columns


@pytest.mark.parametrize("language", ["en", "es", "ar"])
@pytest.mark.parametrize("width", [80, 120])
def test_every_heading_fits_its_column(language: str, width: int) -> None:
    _keys, columns = table_columns(width, wide=width > 100, tr=translations(language))
    for column in columns[1:]:
        assert cell_len(column.label) <= column.width, (language, column.label)


def test_a_long_heading_widens_its_column_only_so_far() -> None:
    _keys, english = table_columns(80, wide=False, tr=translations("en"))
    _keys, longer = table_columns(80, wide=False, tr=translations(PSEUDO))
    for plain, pseudo in zip(english[1:], longer[1:], strict=True):
        assert plain.width <= pseudo.width <= plain.width + 6
