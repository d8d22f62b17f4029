"""One answerer's value shown as text, the same way in the reveal and in each-open steps."""

from __future__ import annotations

from typing import Any

from textual.content import Content

from workbook.data.answers import read_values
from workbook.tui.plain import fill, plain


def answer_content(step: Any, value: Any, flagged: set[str] | None = None) -> Content:
    """``value`` of ``step`` as literal lines; flagged scale items carry a ⚑."""
    kind = step.kind
    if value is None or value == "" or value == []:
        return Content("(no answer)")
    if kind == "text":
        return plain(value)
    if kind == "scale":
        if isinstance(value, int):
            return Content(f"{value} of {step.max}")
        lines = []
        for item in step.items:
            mark = "⚑ " if flagged and item in flagged else "  "
            rating = value.get(item, "–")
            lines.append(fill(f"{mark}$item: {rating}", item=item))
        return Content("\n").join(lines)
    if kind == "choice":
        return Content("\n").join(fill("• $x", x=x) for x in value)
    if kind == "rank":
        return Content("\n").join(fill(f"{i}. $x", x=x) for i, x in enumerate(value, 1))
    return plain(str(value))


def values_of(step: Any, table: dict[str, Any]) -> dict[str, Any]:
    return read_values(step.kind, getattr(step, "answer", "each-private"), table)
