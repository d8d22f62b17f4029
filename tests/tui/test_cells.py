"""Widths are terminal cells: a Chinese, Arabic or emoji scale label puts its row's numbers in
the same column as an English one."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from workbook.tui.steps.scale import ScaleRow


@pytest.mark.parametrize(
    "item",
    [
        "Trust",
        "我们彼此信任，也愿意把心里话说出来，这一点对我们很重要",
        "نثق ببعضنا ونقول ما في قلوبنا بصراحة",
        "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂 ❤️ together",
    ],
)
def test_a_scale_row_s_numbers_start_in_the_same_cell(item: str) -> None:
    first = ScaleRow(item, 1, 5, None).render().plain.split("\n")
    english = ScaleRow("Trust", 1, 5, None).render().plain.split("\n")[0]
    at = cell_len(first[0][: first[0].index(" 1 ")])
    assert at == cell_len(english[: english.index(" 1 ")])
    assert all(cell_len(line) <= cell_len(english) for line in first)
